import { describe, expect, it, vi } from 'vitest'
import { ApiError, createApi, problemMessage } from '../src/lib/api'

function answer(status: number, body: unknown, type = 'application/problem+json') {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': type } })
}

describe('problem+json answers become the message shown to the user', () => {
  it('shows the Chinese detail as it is', () => {
    const e = problemMessage(409, { code: 'TASK_CLAIMED', detail: '该照片正由王老师审核' })
    expect(e).toBeInstanceOf(ApiError)
    expect(e.message).toBe('该照片正由王老师审核')
    expect(e.code).toBe('TASK_CLAIMED')
  })

  it('adds field errors the detail does not already say', () => {
    const e = problemMessage(400, { detail: '输入有误', errors: [{ field: 'priceFen', message: '请填写价格（分）' }] })
    expect(e.message).toBe('输入有误：请填写价格（分）')
    expect(e.errors).toEqual([{ field: 'priceFen', message: '请填写价格（分）' }])
  })

  it('says something a person understands when there is no body', () => {
    expect(problemMessage(503, '').message).toContain('服务暂时不可用')
    expect(problemMessage(403, null).message).toBe('没有权限执行此操作')
  })
})

describe('the API client', () => {
  it('sends the bearer token to the gateway path and parses JSON', async () => {
    const fetchFn = vi.fn(async () => answer(200, [{ code: '10999' }], 'application/json'))
    const api = createApi('/api', async () => 'tok', () => {}, fetchFn as unknown as typeof fetch)
    expect(await api.get('identity/schools')).toEqual([{ code: '10999' }])
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/identity/schools')
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer tok')
  })

  it('sends JSON bodies with their type and answers null for 204', async () => {
    const fetchFn = vi.fn(async () => new Response(null, { status: 204 }))
    const api = createApi('/api/', async () => 't', () => {}, fetchFn as unknown as typeof fetch)
    expect(await api.send('POST', '/payment/x', { reason: '重复付款' })).toBeNull()
    const init = (fetchFn.mock.calls[0] as unknown as [string, RequestInit])[1]
    expect(init.body).toBe('{"reason":"重复付款"}')
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json')
  })

  it('throws the problem and asks to sign in again on 401', async () => {
    const onUnauthorized = vi.fn()
    const fetchFn = vi.fn(async () => answer(401, { detail: '未登录' }))
    const api = createApi('/api', async () => 't', onUnauthorized, fetchFn as unknown as typeof fetch)
    await expect(api.get('review/staff/me')).rejects.toThrow('未登录')
    expect(onUnauthorized).toHaveBeenCalledOnce()
  })
})
