// Retry with exponential back-off and full jitter, for uploads on a weak network: a
// dropped connection, a timeout, 408/429/502/503/504 are worth another try; a 4xx answer
// about the photo itself is not (sending it again gives the same answer).

export interface RetryOptions {
  /** further attempts after the first */
  retries: number
  baseDelayMs: number
  maxDelayMs: number
  isRetryable: (err: unknown) => boolean
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  /** checked before each new attempt; a cancelled upload stops retrying */
  cancelled?: () => boolean
}

export const DEFAULT_UPLOAD_RETRY = { retries: 4, baseDelayMs: 1000, maxDelayMs: 15000 }

/** Delay before retry number `attempt` (1-based): random in [base·2^(n-1)/2, base·2^(n-1)], capped. */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))
  // half fixed, half jitter: never hammer at once, never wait absurdly little
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

export class CancelledError extends Error {
  constructor() {
    super('已取消')
    this.name = 'CancelledError'
  }
}

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const random = opts.random ?? Math.random
  let attempt = 0
  for (;;) {
    if (opts.cancelled?.()) throw new CancelledError()
    try {
      return await fn(attempt)
    } catch (err) {
      if (attempt >= opts.retries || !opts.isRetryable(err)) throw err
      attempt += 1
      const delayMs = backoffDelay(attempt, opts.baseDelayMs, opts.maxDelayMs, random)
      opts.onRetry?.({ attempt, delayMs, error: err })
      await sleep(delayMs)
    }
  }
}

/** HTTP status codes a retry may cure. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 425 || status === 429 || status === 502 || status === 503 || status === 504
}
