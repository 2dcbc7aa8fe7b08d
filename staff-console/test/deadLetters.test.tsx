import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { MemoryRouter } from 'react-router-dom'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { App } from '../src/App'
import { ConsoleContext } from '../src/context'
import { type Api, ApiError } from '../src/lib/api'
import { canReplay, type DeadLetter, loadDeadLetters, replayPath } from '../src/lib/deadLetters'
import type { Session } from '../src/lib/session'

beforeAll(() => {
  window.matchMedia ??= ((query: string) => ({
    matches: false, media: query, onchange: null,
    addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia
  // antd's tables and popups watch their size; jsdom has no ResizeObserver (nothing is laid out).
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver
})
afterEach(cleanup)

function letter(over: Partial<DeadLetter>): DeadLetter {
  return {
    topic: 'gradphoto.delivery.dead-letter', partition: 0, offset: 7, parkedAt: '2026-12-07T01:00:00Z',
    key: 'c1', eventId: '11111111-1111-1111-1111-111111111111', type: 'ReviewPassed',
    fromTopic: 'gradphoto.review-events', channel: 'review-events',
    failure: 'org.gradphoto.kernel.error.ProblemException', applied: false, ...over,
  }
}

/** A gateway answering per service path; a service given an Error is down. */
function fakeApi(perService: Record<string, DeadLetter[] | Error>) {
  const get = vi.fn(async (path: string) => {
    const service = path.split('/')[0]
    const answer = perService[service] ?? []
    if (answer instanceof Error) throw answer
    return answer
  })
  const send = vi.fn(async (_method: string, _path: string) => letter({ applied: true }))
  const never = () => new Promise<never>(() => {})
  return { api: { get, send, upload: never, blob: never } as unknown as Api, get, send }
}

describe('the dead-letter listing', () => {
  it('lists every service, newest first, and names a service that did not answer', async () => {
    const { api } = fakeApi({
      delivery: [letter({ offset: 1, parkedAt: '2026-12-07T01:00:00Z' })],
      payment: [letter({ topic: 'gradphoto.payment.dead-letter', offset: 1, parkedAt: '2026-12-07T02:00:00Z' })],
      review: new ApiError(503, undefined, '服务暂时不可用（HTTP 503），请稍后重试'),
    })
    const listing = await loadDeadLetters(api)
    expect(listing.rows.map((r) => r.service)).toEqual(['payment', 'delivery'])
    expect(new Set(listing.rows.map((r) => r.id)).size).toBe(2)
    expect(listing.unavailable).toEqual([{ service: 'review', message: '服务暂时不可用（HTTP 503），请稍后重试' }])
  })

  it('offers a replay only for a message of a channel the service still consumes whose event is not applied yet', () => {
    expect(canReplay(letter({}))).toBe(true)
    expect(canReplay(letter({ applied: true }))).toBe(false)
    expect(canReplay(letter({ fromTopic: null, channel: null }))).toBe(false)
    expect(canReplay(letter({ channel: null }))).toBe(false)
  })

  it('replays at the dead letter\'s own topic, partition and offset on its service', () => {
    const row = { ...letter({ partition: 2, offset: 41 }), service: 'delivery' as const, id: 'x' }
    expect(replayPath(row)).toBe('delivery/ops/dead-letters/gradphoto.delivery.dead-letter/2/41/replay')
  })
})

describe('the dead-letter screen', () => {
  function renderWith(api: Api, roles: Session['roles'] = ['operator']) {
    const session: Session = { subject: 'u', name: '运营', roles, schools: [], allSchools: roles.includes('operator') }
    const never = () => new Promise<never>(() => {})
    const auth = { start: never, signIn: never, signOut: never, accessToken: never }
    const config = { oidcAuthority: 'http://kc/realms/gradphoto', clientId: 'staff-console', apiBase: '/api' }
    return render(
      <ConsoleContext.Provider value={{ config, auth, api, session }}>
        <AntApp>
          <MemoryRouter initialEntries={['/dead-letters']}>
            <App />
          </MemoryRouter>
        </AntApp>
      </ConsoleContext.Provider>,
    )
  }

  it('shows pending dead letters, replays one after confirmation and lists again', async () => {
    const pending = letter({ offset: 7, type: 'ReviewPassed' })
    const applied = letter({ offset: 8, type: 'PaymentSucceeded', eventId: '22222222-2222-2222-2222-222222222222', applied: true })
    const { api, get, send } = fakeApi({ delivery: [pending, applied] })
    renderWith(api)
    // The page is loaded lazily (its own chunk): the first render waits for the import.
    const table = await screen.findByText('ReviewPassed', {}, { timeout: 15000 })
    expect(screen.queryByText('PaymentSucceeded')).toBeNull() // 只看未生效 is on at first
    const callsBefore = get.mock.calls.length
    // antd spaces out a two-character button label (重 放): find the button by its class.
    fireEvent.click(table.closest('tr')!.querySelector('.dl-replay')!)
    const confirm = await waitFor(() => {
      const pop = document.querySelector('.ant-popconfirm')
      if (!pop) throw new Error('no confirmation yet')
      return pop as HTMLElement
    })
    fireEvent.click(within(confirm).getByRole('button', { name: /重\s*放/ }))
    await waitFor(() => expect(send).toHaveBeenCalledWith('POST', 'delivery/ops/dead-letters/gradphoto.delivery.dead-letter/0/7/replay'))
    // The service applied it during the request: the operator is told so, not asked to check later.
    await screen.findByText('已重放 ReviewPassed，已生效')
    await waitFor(() => expect(get.mock.calls.length).toBeGreaterThan(callsBefore))
  })

  it('shows applied ones without a replay when the filter is off', async () => {
    const { api } = fakeApi({ capture: [letter({ type: 'PaymentSucceeded', applied: true })] })
    renderWith(api)
    await screen.findByText('没有死信消息', {}, { timeout: 15000 })
    fireEvent.click(screen.getByText('只看未生效'))
    const cell = await screen.findByText('PaymentSucceeded')
    const row = cell.closest('tr')!
    expect(within(row).getByText('已生效')).toBeTruthy()
    expect(row.querySelector('.dl-replay')).toBeNull()
  })

  it('is an operator screen only', () => {
    const { api } = fakeApi({})
    renderWith(api, ['school-admin'])
    expect(screen.getByText('无权访问')).toBeTruthy()
  })
})
