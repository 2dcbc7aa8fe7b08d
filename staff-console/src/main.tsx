import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router-dom'
import { App } from './App'
import { createApi } from './lib/api'
import { createAuth } from './lib/auth'
import { loadConfig } from './lib/config'
import { sessionOf } from './lib/session'
import { ConsoleContext } from './context'

dayjs.locale('zh-cn')

async function boot() {
  const root = createRoot(document.getElementById('root')!)
  try {
    const config = await loadConfig()
    const auth = createAuth(config)
    const user = await auth.start()
    if (!user) {
      await auth.signIn()
      return
    }
    const api = createApi(config.apiBase, () => auth.accessToken(), () => void auth.signIn())
    const session = sessionOf(user.access_token)
    root.render(
      <StrictMode>
        <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1668dc' } }}>
          <AntApp>
            <ConsoleContext.Provider value={{ config, auth, api, session }}>
              <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '')}>
                <App />
              </BrowserRouter>
            </ConsoleContext.Provider>
          </AntApp>
        </ConfigProvider>
      </StrictMode>,
    )
  } catch (e) {
    root.render(<p style={{ padding: 24 }}>管理台启动失败：{(e as Error).message}</p>)
  }
}
void boot()
