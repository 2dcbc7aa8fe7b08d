import { describe, expect, it } from 'vitest'
import { backoffDelay, CancelledError, isRetryableStatus, withRetry } from '../src/lib/retry'

describe('back-off', () => {
  it('doubles the ceiling per attempt, jitters within its upper half and caps it', () => {
    expect(backoffDelay(1, 1000, 15000, () => 0)).toBe(500)
    expect(backoffDelay(1, 1000, 15000, () => 1)).toBe(1000)
    expect(backoffDelay(3, 1000, 15000, () => 0.5)).toBe(3000)
    expect(backoffDelay(10, 1000, 15000, () => 1)).toBe(15000)
  })

  it('retries transient failures with growing delays, then succeeds', async () => {
    const delays: number[] = []
    let calls = 0
    const r = await withRetry(async () => {
      calls++
      if (calls < 3) throw new Error('timeout')
      return 'ok'
    }, { retries: 4, baseDelayMs: 1000, maxDelayMs: 15000, isRetryable: () => true, random: () => 1, sleep: async (ms) => void delays.push(ms) })
    expect(r).toBe('ok')
    expect(calls).toBe(3)
    expect(delays).toEqual([1000, 2000])
  })

  it('gives up after the last retry with the last error', async () => {
    let calls = 0
    await expect(withRetry(async () => { calls++; throw new Error(`fail ${calls}`) },
      { retries: 2, baseDelayMs: 10, maxDelayMs: 100, isRetryable: () => true, sleep: async () => {} })).rejects.toThrow('fail 3')
    expect(calls).toBe(3)
  })

  it('does not retry an error a retry cannot cure', async () => {
    let calls = 0
    await expect(withRetry(async () => { calls++; throw new Error('bad photo') },
      { retries: 5, baseDelayMs: 10, maxDelayMs: 100, isRetryable: () => false, sleep: async () => {} })).rejects.toThrow('bad photo')
    expect(calls).toBe(1)
  })

  it('stops when the student cancels', async () => {
    let cancelled = false
    let calls = 0
    await expect(withRetry(async () => { calls++; cancelled = true; throw new Error('x') },
      { retries: 5, baseDelayMs: 10, maxDelayMs: 100, isRetryable: () => true, sleep: async () => {}, cancelled: () => cancelled })).rejects.toBeInstanceOf(CancelledError)
    expect(calls).toBe(1)
  })

  it('knows which statuses are temporary', () => {
    expect([0, 408, 429, 502, 503, 504].every(isRetryableStatus)).toBe(true)
    expect([400, 401, 403, 404, 409, 413, 415, 422, 500].some(isRetryableStatus)).toBe(false)
  })
})
