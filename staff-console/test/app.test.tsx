import { cleanup, render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router-dom'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { App } from '../src/App'
import { ConsoleContext } from '../src/context'
import type { Api } from '../src/lib/api'
import type { Session, StaffRole } from '../src/lib/session'

beforeAll(() => {
  // antd's responsive layout asks the browser for media queries; jsdom has none.
  window.matchMedia ??= ((query: string) => ({
    matches: false, media: query, onchange: null,
    addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia
})
afterEach(cleanup)

const never = () => new Promise<never>(() => {})
const api: Api = { get: never, send: never, upload: never, blob: never }

function renderAs(roles: StaffRole[], path: string) {
  const session: Session = { subject: 'u', name: '测试用户', roles, schools: ['10999'], allSchools: roles.includes('operator') }
  const auth = { start: never, signIn: never, signOut: never, accessToken: never }
  const config = { oidcAuthority: 'http://kc/realms/gradphoto', clientId: 'staff-console', apiBase: '/api' }
  return render(
    <ConsoleContext.Provider value={{ config, auth, api, session }}>
      <MemoryRouter initialEntries={[path]}>
        <App />
      </MemoryRouter>
    </ConsoleContext.Provider>,
  )
}

describe('the console shell', () => {
  it('shows a school admin the school pages and who is signed in, not the review queue', () => {
    renderAs(['school-admin'], '/batches')
    const nav = document.getElementById('nav')!
    expect(nav.textContent).toContain('名单导入')
    expect(nav.textContent).toContain('采集进度')
    expect(nav.textContent).not.toContain('照片审核')
    expect(document.getElementById('who')!.textContent).toContain('学校管理员')
    expect(screen.getByText('退出')).toBeTruthy()
  })

  it('refuses a school admin the review screen even by its address', () => {
    renderAs(['school-admin'], '/review')
    expect(screen.getByText('无权访问')).toBeTruthy()
  })

  it('refuses a reviewer the operator pages by address', () => {
    renderAs(['reviewer'], '/orders')
    expect(screen.getByText('无权访问')).toBeTruthy()
    expect(document.getElementById('nav')!.textContent).toBe('审核照片审核')
  })

  it('tells a user without a staff role what to do', () => {
    renderAs([], '/')
    expect(screen.getByText('您的账号尚未分配管理台角色')).toBeTruthy()
  })
})
