import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { MemoryRouter } from 'react-router-dom'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../src/App'
import { ConsoleContext } from '../src/context'
import type { Api } from '../src/lib/api'
import { type MissingStudent, missingCsv } from '../src/lib/missing'
import type { Session } from '../src/lib/session'

// The package page lists the students the package lacks from delivery's missing list only — the
// list missing.csv is written from — and never counts them again from identity's roster progress.

beforeAll(() => {
  window.matchMedia ??= ((query: string) => ({
    matches: false, media: query, onchange: null,
    addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia
})
beforeEach(() => sessionStorage.clear())
afterEach(cleanup)

const BATCH = { id: 'b1', schoolCode: '10999', name: '2027届毕业生', opensAt: '2027-05-01T00:00:00Z', closesAt: '2027-06-01T00:00:00Z' }
const MISSING: MissingStudent[] = [
  { collectionId: 'c1', studentNumber: '2027002', studentName: '李四', idNumberMasked: '**************5678', status: 'REJECTED', statusLabel: '初审失败，请重拍' },
  { collectionId: null, studentNumber: '2027003', studentName: '王五', idNumberMasked: '**************9012', status: 'NOT_STARTED', statusLabel: '未开始' },
]

/** Answers like the services; any other call (identity's progress among them) fails the page. */
function fakeApi(missing: MissingStudent[], calls: string[]): Api {
  const refuse = async (what: string): Promise<never> => {
    throw new Error(`unexpected ${what}`)
  }
  return {
    get: (async (path: string) => {
      calls.push(path)
      if (path === 'identity/schools/10999/batches') return [BATCH]
      if (path === 'delivery/schools/10999/batches/b1/packages') return []
      if (path === 'delivery/schools/10999/batches/b1/missing-students') return missing
      return refuse(`GET ${path}`)
    }) as Api['get'],
    send: ((method: string, path: string) => refuse(`${method} ${path}`)) as Api['send'],
    upload: ((path: string) => refuse(`upload ${path}`)) as Api['upload'],
    blob: ((path: string) => refuse(`blob ${path}`)) as Api['blob'],
  }
}

const never = () => new Promise<never>(() => {})
const WAIT = { timeout: 15000 }

function renderPackages(api: Api) {
  const session: Session = { subject: 'a', name: '王老师', roles: ['school-admin'], schools: ['10999'], allSchools: false }
  const auth = { start: never, signIn: never, signOut: never, accessToken: never }
  const config = { oidcAuthority: 'http://kc/realms/gradphoto', clientId: 'staff-console', apiBase: '/api' }
  return render(
    <ConsoleContext.Provider value={{ config, auth, api, session }}>
      <MemoryRouter initialEntries={['/packages']}>
        <App />
      </MemoryRouter>
    </ConsoleContext.Provider>,
  )
}

describe('the package page', () => {
  it("shows delivery's missing list, never-started students included, and asks identity nothing", async () => {
    const calls: string[] = []
    renderPackages(fakeApi(MISSING, calls))
    await waitFor(() => expect(document.getElementById('missing-count')?.textContent).toBe('2'), WAIT)
    const table = document.getElementById('missing')!
    expect(table.textContent).toContain('王五')
    expect(table.querySelector('[data-status="NOT_STARTED"]')!.textContent).toBe('未开始')
    expect(table.textContent).toContain('初审失败，请重拍')
    expect(calls.filter((p) => p.includes('/progress'))).toEqual([])
    expect(screen.getByText('导出未完成名单 CSV').closest('button')!.disabled).toBe(false)
  })

  it('says nobody is missing when delivery lists nobody, with nothing to export', async () => {
    renderPackages(fakeApi([], []))
    await waitFor(() => expect(document.getElementById('missing-count')?.textContent).toBe('0'), WAIT)
    expect(document.getElementById('missing')).toBeNull()
    expect(screen.getByText('导出未完成名单 CSV').closest('button')!.disabled).toBe(true)
  })
})

describe('missingCsv', () => {
  it("writes missing.csv's columns with a BOM, quoting and no formula a spreadsheet would run", () => {
    const csv = missingCsv([
      ...MISSING,
      { collectionId: 'c9', studentNumber: '=1+1', studentName: '赵, "六"', idNumberMasked: null, status: 'COLLECTING', statusLabel: '采集中' },
    ])
    expect(csv.startsWith('\uFEFF学号,姓名,证件号码(脱敏),状态\r\n')).toBe(true)
    const lines = csv.slice(1).trimEnd().split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[2]).toBe('2027003,王五,**************9012,未开始')
    expect(lines[3]).toBe(`'=1+1,"赵, ""六""",,采集中`)
  })
})
