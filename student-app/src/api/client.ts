// The student's API behind the gateway: /api/identity, /api/payment, /api/capture,
// /api/review, /api/delivery (the gateway strips the prefix). Every path the app calls is
// in PATHS, so a service that names a resource differently is one line to change.
import { ApiError, isTransient } from '../lib/problem'
import { DEFAULT_UPLOAD_RETRY, withRetry } from '../lib/retry'
import { type HttpRequest, type HttpTransport, type Method, query, unwrap } from './http'
import { listOf, toAttempt, toCaptureState, toCollection, toDownload, toMatch, toOrder, toSchool } from './normalize'
import type { Attempt, CaptureState, Collection, CropParams, Download, LoginResult, MatchConfirmation, Order, School, WxPayParams } from './types'

const enc = encodeURIComponent

export const PATHS = {
  login: '/api/identity/auth/wechat-login',
  schools: (q: string) => `/api/identity/schools${query({ q })}`,
  eligibilitySchool: '/api/identity/eligibility/school',
  eligibilityChsi: '/api/identity/eligibility/chsi-code',
  chsiDecode: '/api/identity/eligibility/chsi-code/decode',
  eligibilityIdentity: '/api/identity/eligibility/identity',
  eligibilityConfirm: (matchId: string) => `/api/identity/eligibility/identity/${enc(matchId)}/confirm`,
  collections: '/api/identity/me/collections',
  collection: (id: string) => `/api/identity/me/collections/${enc(id)}`,
  order: (collectionId: string) => `/api/payment/collections/${enc(collectionId)}/order`,
  pay: (orderId: string) => `/api/payment/orders/${enc(orderId)}/jsapi`,
  sandboxPay: (orderId: string) => `/api/payment/sandbox/orders/${enc(orderId)}/pay`,
  capture: (collectionId: string) => `/api/capture/collections/${enc(collectionId)}`,
  upload: (collectionId: string) => `/api/capture/collections/${enc(collectionId)}/attempts`,
  attempt: (collectionId: string, attemptId: string) => `/api/capture/collections/${enc(collectionId)}/attempts/${enc(attemptId)}`,
  adjust: (collectionId: string, attemptId: string) => `/api/capture/collections/${enc(collectionId)}/attempts/${enc(attemptId)}/adjustment`,
  submit: (collectionId: string, attemptId: string) => `/api/capture/collections/${enc(collectionId)}/attempts/${enc(attemptId)}/submit`,
  reviewStatus: (collectionId: string) => `/api/review/student/collections/${enc(collectionId)}`,
  download: (collectionId: string, kind: 'standard' | 'layout') => `/api/delivery/collections/${enc(collectionId)}/downloads/${kind}`,
  notifyConsent: (collectionId: string) => `/api/delivery/collections/${enc(collectionId)}/notification-consent`,
}

export interface Session {
  /** the current student token, if any */
  token(): string | null
  /** log in again (wx.login or the H5 code) and return a fresh token */
  relogin(): Promise<string>
}

export interface ApiOptions {
  transport: HttpTransport
  baseUrl?: string
  session?: Session
  uploadRetry?: Partial<typeof DEFAULT_UPLOAD_RETRY> & { sleep?: (ms: number) => Promise<void>; random?: () => number }
}

export interface UploadOptions {
  crop?: CropParams
  backgroundColour?: string
  onProgress?: (percent: number) => void
  onRetry?: (info: { attempt: number; delayMs: number; message: string }) => void
  cancelled?: () => boolean
  onAbortable?: (abort: () => void) => void
}

export function createApi(opts: ApiOptions) {
  const base = opts.baseUrl ?? ''
  const session = opts.session

  function headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { Accept: 'application/json, application/problem+json', ...extra }
    const t = session?.token()
    if (t) h.Authorization = `Bearer ${t}`
    return h
  }

  async function send<T>(method: Method, path: string, data?: unknown, authRetry = true): Promise<T> {
    const req: HttpRequest = {
      method,
      url: base + path,
      headers: headers(data !== undefined ? { 'Content-Type': 'application/json' } : {}),
      data,
      timeoutMs: 20000,
    }
    const res = await opts.transport.request(req)
    // An expired token: log in again once (same WeChat account → same student) and retry.
    if (res.status === 401 && authRetry && session && path !== PATHS.login) {
      await session.relogin()
      return send<T>(method, path, data, false)
    }
    return unwrap<T>(res)
  }

  async function optional<T>(p: Promise<T>): Promise<T | null> {
    try {
      return await p
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null
      throw e
    }
  }

  return {
    // ---------------------------------------------------------------- identity
    async login(code: string): Promise<LoginResult> {
      const r = await send<LoginResult>('POST', PATHS.login, { code }, false)
      if (!r || !r.accessToken) throw new ApiError(502, { detail: '登录失败，请稍后重试' })
      return r
    },
    async searchSchools(q: string): Promise<School[]> {
      return listOf(await send('GET', PATHS.schools(q)), 'schools').map(toSchool)
    },
    async eligibilityBySchool(input: { schoolCode: string; name: string; idNumber: string }): Promise<Collection> {
      return toCollection(await send('POST', PATHS.eligibilitySchool, input))
    },
    async eligibilityByChsiCode(input: { chsiCode: string; idLast4: string }): Promise<Collection> {
      return toCollection(await send('POST', PATHS.eligibilityChsi, input))
    },
    /** Album picture of the CHSI code → the code string (decoded server-side with ZXing). */
    async decodeChsiCode(filePath: string): Promise<string> {
      const res = await opts.transport.upload({ url: base + PATHS.chsiDecode, filePath, name: 'image', formData: {}, headers: headers() })
      const body = unwrap<Record<string, unknown>>(res)
      return String(body?.chsiCode ?? body?.code ?? body?.text ?? '')
    },
    async eligibilityByIdentity(input: { name: string; idType: string; idNumber: string; phone?: string; phoneCode?: string }): Promise<MatchConfirmation> {
      return toMatch(await send('POST', PATHS.eligibilityIdentity, input))
    },
    async confirmMatch(matchId: string): Promise<Collection> {
      return toCollection(await send('POST', PATHS.eligibilityConfirm(matchId), {}))
    },
    async collections(): Promise<Collection[]> {
      return listOf(await send('GET', PATHS.collections), 'collections').map(toCollection)
    },
    async collection(id: string): Promise<Collection> {
      return toCollection(await send('GET', PATHS.collection(id)))
    },

    // ---------------------------------------------------------------- payment
    async order(collectionId: string): Promise<Order | null> {
      const o = await optional(send('GET', PATHS.order(collectionId)))
      return o ? toOrder(o) : null
    },
    async createOrder(collectionId: string): Promise<Order> {
      return toOrder(await send('POST', PATHS.order(collectionId), {}))
    },
    /** Signed parameters for wx.requestPayment (mini-program). */
    async wxPayParams(orderId: string): Promise<WxPayParams> {
      const r = await send<Record<string, unknown>>('POST', PATHS.pay(orderId), {})
      const p = (r?.payParams ?? r?.requestPayment ?? r) as Record<string, unknown>
      return {
        timeStamp: String(p.timeStamp ?? p.timestamp ?? ''),
        nonceStr: String(p.nonceStr ?? ''),
        package: String(p.package ?? p.packageValue ?? ''),
        signType: (p.signType as WxPayParams['signType']) ?? 'RSA',
        paySign: String(p.paySign ?? ''),
      }
    },
    /** H5: the payment sandbox plays WeChat Pay (signed notification and all). */
    async sandboxPay(orderId: string): Promise<Order> {
      return toOrder(await send('POST', PATHS.sandboxPay(orderId), { outcome: 'SUCCESS' }))
    },

    // ---------------------------------------------------------------- capture
    async captureState(collectionId: string): Promise<CaptureState> {
      return toCaptureState(await send('GET', PATHS.capture(collectionId)), collectionId)
    },
    async attempt(collectionId: string, attemptId: string): Promise<Attempt> {
      return toAttempt(await send('GET', PATHS.attempt(collectionId, attemptId)))
    },
    /**
     * Multipart upload of the original with the guide-frame crop, retried with back-off
     * while the network is the problem; a refusal of the photo itself is not retried.
     */
    async uploadPhoto(collectionId: string, filePath: string, o: UploadOptions = {}): Promise<Attempt> {
      const formData: Record<string, string> = {}
      if (o.crop) {
        formData.cropLeft = String(o.crop.left)
        formData.cropTop = String(o.crop.top)
        formData.cropWidth = String(o.crop.width)
        formData.cropHeight = String(o.crop.height)
      }
      if (o.backgroundColour) formData.backgroundColour = o.backgroundColour
      let relogged = false
      const once = async (): Promise<Attempt> => {
        o.onProgress?.(0)
        const res = await opts.transport.upload({
          url: base + PATHS.upload(collectionId),
          filePath,
          name: 'photo',
          formData,
          headers: headers(),
          timeoutMs: 60000,
          onProgress: o.onProgress,
          onAbortable: o.onAbortable,
        })
        if (res.status === 401 && session && !relogged) {
          relogged = true
          await session.relogin()
          return once()
        }
        return toAttempt(unwrap(res))
      }
      const r = { ...DEFAULT_UPLOAD_RETRY, ...opts.uploadRetry }
      return withRetry(() => once(), {
        retries: r.retries,
        baseDelayMs: r.baseDelayMs,
        maxDelayMs: r.maxDelayMs,
        sleep: opts.uploadRetry?.sleep,
        random: opts.uploadRetry?.random,
        isRetryable: isTransient,
        cancelled: o.cancelled,
        onRetry: ({ attempt, delayMs }) => o.onRetry?.({ attempt, delayMs, message: `网络不佳，${Math.ceil(delayMs / 1000)} 秒后第 ${attempt} 次重试…` }),
      })
    },
    async adjustAttempt(collectionId: string, attemptId: string, input: { crop?: CropParams; backgroundColour?: string }): Promise<Attempt> {
      return toAttempt(await send('PUT', PATHS.adjust(collectionId, attemptId), input))
    },
    async submit(collectionId: string, attemptId: string): Promise<Attempt> {
      return toAttempt(await send('POST', PATHS.submit(collectionId, attemptId), {}))
    },

    // ---------------------------------------------------------------- review
    /** The review result with reasons, where review-service offers it to students. */
    async reviewStatus(collectionId: string): Promise<{ status: string; reasons: { code?: string; message: string }[] } | null> {
      const r = await optional(send<Record<string, unknown>>('GET', PATHS.reviewStatus(collectionId)))
      if (!r) return null
      const c = toCollection(r)
      return { status: c.status, reasons: c.reasons }
    },

    // ---------------------------------------------------------------- delivery
    async download(collectionId: string, kind: 'standard' | 'layout'): Promise<Download> {
      return toDownload(await send('GET', PATHS.download(collectionId, kind)), kind)
    },
    async consentToNotification(collectionId: string, templateIds: string[], accepted: boolean): Promise<void> {
      await send('POST', PATHS.notifyConsent(collectionId), { templateIds, accepted })
    },
  }
}

export type Api = ReturnType<typeof createApi>
