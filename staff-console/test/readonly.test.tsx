import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { MemoryRouter } from 'react-router-dom'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../src/App'
import { ConsoleContext } from '../src/context'
import type { Api } from '../src/lib/api'
import type { Session, StaffRole } from '../src/lib/session'

// What a read-only school account (realm role school-viewer) gets: the roster, progress and the
// school's ready packages, never an edit or claim control. The pages are rendered with an API
// that answers the reads like the services do and fails on anything else.

beforeAll(() => {
  window.matchMedia ??= ((query: string) => ({
    matches: false, media: query, onchange: null,
    addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia
})
beforeEach(() => sessionStorage.clear())
afterEach(cleanup)

const BATCH = { id: 'b1', schoolCode: '10999', name: '2027届毕业生', opensAt: '2027-05-01T00:00:00Z', closesAt: '2027-06-01T00:00:00Z' }
const READY = {
  packageId: 'p1', status: 'READY', naming: 'ID_NUMBER', requestedAt: '2027-05-20T02:00:00Z', fileName: '10999-2027.zip',
  photoCount: 3, missingCount: 1, sizeBytes: 2048, sha256: 'ab', readyAt: '2027-05-20T02:01:00Z', failure: null,
}
const ROSTER = {
  counts: [], matching: 1, page: 0, size: 20,
  items: [{ entryId: 'e1', studentNumber: '2027001', name: '张三', idNumberMasked: '**************1234', degreeLevel: '本科', bound: false, state: 'NOT_STARTED', stateLabel: '未开始' }],
}

function fakeApi(packages: unknown[]): Api {
  const refuse = async (what: string): Promise<never> => {
    throw new Error(`unexpected ${what}`)
  }
  return {
    get: (async (path: string) => {
      if (path === 'identity/schools/10999/batches') return [BATCH]
      if (path === 'delivery/schools/10999/batches/b1/packages') return packages
      if (path === 'delivery/schools/10999/batches/b1/missing-students') return []
      if (path.startsWith('identity/batches/b1/progress')) return ROSTER
      return refuse(`GET ${path}`)
    }) as Api['get'],
    send: ((method: string, path: string) => refuse(`${method} ${path}`)) as Api['send'],
    upload: ((path: string) => refuse(`upload ${path}`)) as Api['upload'],
    blob: async () => new Blob(),
  }
}

// The pages are lazy chunks: the first render of one takes seconds on a loaded machine.
const WAIT = { timeout: 15000 }

const never = () => new Promise<never>(() => {})

function renderAs(roles: StaffRole[], path: string, api: Api) {
  const session: Session = { subject: 'v', name: '李老师', roles, schools: ['10999'], allSchools: false }
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

describe('a read-only school account', () => {
  it('is offered the roster, progress and package download, not batch settings or review', () => {
    renderAs(['school-viewer'], '/', fakeApi([]))
    const nav = document.getElementById('nav')!.textContent
    expect(nav).toContain('学生名单')
    expect(nav).toContain('采集进度')
    expect(nav).toContain('照片包下载')
    expect(nav).not.toContain('批次设置')
    expect(nav).not.toContain('名单导入')
    expect(nav).not.toContain('照片审核')
    expect(document.getElementById('who')!.textContent).toContain('学校只读')
  })

  it('is refused batch settings and the review queue by address', () => {
    renderAs(['school-viewer'], '/batches', fakeApi([]))
    expect(screen.getByText('无权访问')).toBeTruthy()
    cleanup()
    renderAs(['school-viewer'], '/review', fakeApi([]))
    expect(screen.getByText('无权访问')).toBeTruthy()
  })

  it('downloads a ready package but has no control to request one', async () => {
    const api = fakeApi([READY])
    renderAs(['school-viewer'], '/packages', api)
    await waitFor(() => expect(screen.getByText('下载 10999-2027.zip')).toBeTruthy(), WAIT)
    expect(document.getElementById('b-request-package')).toBeNull()
    expect(screen.queryByText('按学号命名')).toBeNull()
  })

  it('is told who builds a package when the batch has none', async () => {
    renderAs(['school-viewer'], '/packages', fakeApi([]))
    await waitFor(() => expect(document.getElementById('no-package')!.textContent).toContain('请学校管理员生成'), WAIT)
  })

  it('sees the roster with each state but no upload', async () => {
    renderAs(['school-viewer'], '/roster', fakeApi([]))
    await waitFor(() => expect(screen.getByText('张三')).toBeTruthy(), WAIT)
    expect(screen.getByText('未开始')).toBeTruthy()
    expect(document.getElementById('roster-upload')).toBeNull()
  })

  it('differs from a school admin, who gets the same pages with their controls', async () => {
    renderAs(['school-admin'], '/packages', fakeApi([READY]))
    await waitFor(() => expect(screen.getByText('下载 10999-2027.zip')).toBeTruthy(), WAIT)
    expect(document.getElementById('b-request-package')).not.toBeNull()
    cleanup()
    renderAs(['school-admin'], '/roster', fakeApi([]))
    await waitFor(() => expect(screen.getByText('张三')).toBeTruthy(), WAIT)
    expect(document.getElementById('roster-upload')).not.toBeNull()
  })
})
