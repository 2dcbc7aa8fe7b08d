import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Served by the gateway under /console/ (deploy/local/up); config.json beside index.html says
// where Keycloak and the API are, so one build runs in every deployment.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    // dist/console: the gateway serves dist/ as its root, so /console/x is dist/console/x.
    outDir: 'dist/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // antd is most of the weight and changes less often than the console: its own chunk.
        manualChunks: (id) => (/node_modules\/(antd|@ant-design|rc-|@rc-component)/.test(id) ? 'antd' : undefined),
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    // the first antd render in jsdom takes seconds on a busy 2-core machine
    testTimeout: 30000,
  },
})
