import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      // `npm run dev:h5` with the local platform up: the API goes to the gateway.
      proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: true } },
    },
  },
} satisfies UserConfigExport<'webpack5'>
