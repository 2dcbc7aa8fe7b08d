// The student's API behind the gateway: /api/identity, /api/payment, /api/capture,
// /api/review, /api/delivery (the gateway strips the prefix). Every path the app calls is
// in PATHS, so a service that names a resource differently is one line to change.
import { ApiError, isTransient } from '../lib/problem'
import { DEFAULT_UPLOAD_RETRY, withRetry } from '../lib/retry'
import { type HttpRequest, type HttpTransport, type Method, query, unwrap } from './http'
import { listOf, toAttempt, toCaptureState, toCollection, toDownload, toMatch, toOpenBatch, toOrder, toSchool } from './normalize'
import type { Attempt, CaptureState, Collection, CropParams, Download, LoginResult, MatchConfirmation, OpenBatch, Order, School, WxPayParams } from './types'

const enc = encodeURIComponent

const round4 = (v: number) => Math.round(v * 10000) / 10000

/** Picture-pixel crop → fractions of the picture, as capture-service takes the guide frame. */
export function cropFractions(c: CropParams & { imageWidth: number; imageHeight: number }) {
  return {
    x: round4(c.left / c.imageWidth),
    y: round4(c.top / c.imageHeight),
    width: round4(c.width / c.imageWidth),
    height: round4(c.height / c.imageHeight),
  }
}

function newKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto
  if (c?.randomUUID) return c.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`
}

export const PATHS = {
  login: '/api/identity/auth/wechat-login',
  schools: (q: string) => `/api/identity/schools${query({ q, limit: 20 })}`,
  openBatches: (schoolCode: string) => `/api/identity/schools/${enc(schoolCode)}/open-batches`,
  eligibilitySchool: '/api/identity/eligibility/by-school',
  eligibilityChsi: '/api/identity/eligibility/by-chsi-code',
  chsiDecode: '/api/identity/eligibility/chsi-code',
  eligibilityIdentity: '/api/identity/eligibility/matches',
  matchSchool: '/api/identity/eligibility/matches/by-school',
  matchChsi: '/api/identity/eligibility/matches/by-chsi-code',
  eligibilityConfirm: (matchId: string) => `/api/identity/eligibility/matches/${enc(matchId)}/confirm`,
  collections: '/api/identity/students/me/collections',
  collection: (id: string) => `/api/identity/students/me/collections/${enc(id)}`,
  order: (collectionId: string) => `/api/payment/collections/${enc(collectionId)}/order`,
  pay: (collectionId: string) => `/api/payment/collections/${enc(collectionId)}/order/pay`,
  // H5 on the local platform only: the local WeChat (deploy/local, port 8190) plays the phone's
  // WeChat, since a browser has no wx.login, getPhoneNumber or wx.requestPayment.
  localWechatLoginCode: '/api/local-wechat/login-codes',
  localWechatPhoneCode: '/api/local-wechat/phone-codes',
  localWechatRequestPayment: '/api/local-wechat/request-payment',
  capture: (collectionId: string) => `/api/capture/collections/${enc(collectionId)}`,
  attempts: (collectionId: string) => `/api/capture/collections/${enc(collectionId)}/attempts`,
  upload: (collectionId: string) => `/api/capture/collections/${enc(collectionId)}/attempts`,
  attempt: (collectionId: string, attemptId: string) => `/api/capture/collections/${enc(collectionId)}/attempts/${enc(attemptId)}`,
  adjust: (collectionId: string, attemptId: string) => `/api/capture/collections/${enc(collectionId)}/attempts/${enc(attemptId)}/adjustments`,
  submit: (collectionId: string, attemptId: string) => `/api/capture/collections/${enc(collectionId)}/attempts/${enc(attemptId)}/submit`,
  download: (collectionId: string, kind: 'standard' | 'layout') =>
    `/api/delivery/students/me/collections/${enc(collectionId)}/downloads/${kind === 'standard' ? 'standard-photo' : 'layout-sheet'}`,
  notifyConsent: '/api/delivery/students/me/notification-consent',
  withdraw: (collectionId: string) => `/api/review/students/me/collections/${enc(collectionId)}/withdrawal`,
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
  /** how long to wait between asks while a just-granted collection reaches payment and capture */
  propagationDelaysMs?: number[]
  sleep?: (ms: number) => Promise<void>
}

/**
 * Payment and capture learn of a collection from identity's EligibilityGranted event, a moment
 * after identity answered the student. Until then they answer 404 COLLECTION_NOT_FOUND; asking
 * again over about ten seconds bridges that moment (a student who taps at once is not told the
 * collection does not exist).
 */
export const DEFAULT_PROPAGATION_DELAYS_MS = [300, 700, 1000, 1500, 2000, 2500, 3000]

export interface UploadOptions {
  /** the guide-frame crop in picture pixels, with the picture's size */
  crop?: CropParams & { imageWidth: number; imageHeight: number }
  idempotencyKey?: string
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

  const propagationDelays = opts.propagationDelaysMs ?? DEFAULT_PROPAGATION_DELAYS_MS
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))

  /** Repeats {@code call} while the collection has not reached the service yet. */
  async function whenKnown<T>(call: () => Promise<T>): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await call()
      } catch (e) {
        const notYet = e instanceof ApiError && e.status === 404 && e.code === 'COLLECTION_NOT_FOUND'
        if (!notYet || i >= propagationDelays.length) throw e
        await sleep(propagationDelays[i])
      }
    }
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
    /** The school's batches still open for sign-up, with their notice and offered modes. */
    async openBatches(schoolCode: string): Promise<OpenBatch[]> {
      return listOf(await send('GET', PATHS.openBatches(schoolCode)), 'batches').map(toOpenBatch)
    },
    async eligibilityBySchool(input: { schoolCode: string; name: string; idNumber: string; idType?: string }): Promise<Collection> {
      return toCollection(await send('POST', PATHS.eligibilitySchool, { idType: 'RESIDENT_ID', ...input }))
    },
    /** Mode A, shown for 核验学籍信息 first; bound by confirmMatch. */
    async matchBySchool(input: { schoolCode: string; name: string; idNumber: string; idType?: string; batchId?: string }): Promise<MatchConfirmation> {
      return toMatch(await send('POST', PATHS.matchSchool, { idType: 'RESIDENT_ID', ...input }))
    },
    /** Mode B, shown for 核验学籍信息 first; bound by confirmMatch. */
    async matchByChsiCode(input: { chsiCode: string; idLast4: string; batchId?: string }): Promise<MatchConfirmation> {
      return toMatch(await send('POST', PATHS.matchChsi, { chsiCode: input.chsiCode, idLastFour: input.idLast4, batchId: input.batchId }))
    },
    async eligibilityByChsiCode(input: { chsiCode: string; idLast4: string }): Promise<Collection> {
      return toCollection(await send('POST', PATHS.eligibilityChsi, { chsiCode: input.chsiCode, idLastFour: input.idLast4 }))
    },
    /** Album picture of the CHSI code → the code string (decoded server-side with ZXing). */
    async decodeChsiCode(filePath: string): Promise<string> {
      const res = await opts.transport.upload({ url: base + PATHS.chsiDecode, filePath, name: 'image', formData: {}, headers: headers() })
      const body = unwrap<Record<string, unknown>>(res)
      return String(body?.chsiCode ?? body?.code ?? body?.text ?? '')
    },
    /**
     * Mode C. {@code phoneCode}: the code of the mini-program's getPhoneNumber button; in H5 the
     * local WeChat makes one for the typed number, as getPhoneNumber would.
     */
    async eligibilityByIdentity(input: { name: string; idType: string; idNumber: string; phone?: string; phoneCode?: string; batchId?: string }): Promise<MatchConfirmation> {
      const { phone, phoneCode, ...rest } = input
      const code = phoneCode ?? String((await send<Record<string, unknown>>('POST', PATHS.localWechatPhoneCode, { phone_number: phone }))?.code ?? '')
      return toMatch(await send('POST', PATHS.eligibilityIdentity, { ...rest, phoneCode: code }))
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
      const o = await optional(whenKnown(() => send('GET', PATHS.order(collectionId))))
      return o ? toOrder(o) : null
    },
    /**
     * 立即支付: payment-service creates (or reuses) the order and signs the parameters for
     * wx.requestPayment, returned with the order id.
     */
    async pay(collectionId: string): Promise<{ orderId: string; appId: string; params: WxPayParams }> {
      const r = await whenKnown(() => send<Record<string, unknown>>('POST', PATHS.pay(collectionId), {}))
      const p = (r?.payParams ?? r?.requestPayment ?? r) as Record<string, unknown>
      return {
        orderId: String(r?.orderId ?? p.orderId ?? ''),
        appId: String(r?.appId ?? p.appId ?? ''),
        params: {
          timeStamp: String(p.timeStamp ?? p.timestamp ?? ''),
          nonceStr: String(p.nonceStr ?? ''),
          package: String(p.package ?? p.packageValue ?? ''),
          signType: (p.signType as WxPayParams['signType']) ?? 'RSA',
          paySign: String(p.paySign ?? ''),
        },
      }
    },
    /**
     * H5 on the local platform: hands wx.requestPayment's parameters to the local WeChat, whose
     * simulated user confirms; WeChat Pay's signed notification then reaches payment-service.
     */
    async h5RequestPayment(appId: string, params: WxPayParams): Promise<void> {
      await send('POST', PATHS.localWechatRequestPayment, { appId, ...params, action: 'confirm' })
    },
    /** H5 on the local platform: what wx.login gives the simulated WeChat user {@code openid}. */
    async h5LoginCode(openid: string): Promise<string> {
      return String((await send<Record<string, unknown>>('POST', PATHS.localWechatLoginCode, { openid }))?.code ?? '')
    },

    // ---------------------------------------------------------------- capture
    async captureState(collectionId: string): Promise<CaptureState> {
      return toCaptureState(await whenKnown(() => send('GET', PATHS.capture(collectionId))), collectionId)
    },
    async attempts(collectionId: string): Promise<Attempt[]> {
      return listOf(await send('GET', PATHS.attempts(collectionId)), 'attempts').map(toAttempt)
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
        // the guide frame as fractions of the upright picture
        const f = cropFractions(o.crop)
        formData.cropX = String(f.x)
        formData.cropY = String(f.y)
        formData.cropWidth = String(f.width)
        formData.cropHeight = String(f.height)
      }
      if (o.backgroundColour) formData.background = o.backgroundColour
      // one key for every retry of this upload: a retry after a lost answer makes no second attempt
      const idempotencyKey = o.idempotencyKey ?? newKey()
      let relogged = false
      const once = async (): Promise<Attempt> => {
        o.onProgress?.(0)
        const res = await opts.transport.upload({
          url: base + PATHS.upload(collectionId),
          filePath,
          name: 'photo',
          formData,
          headers: headers({ 'Idempotency-Key': idempotencyKey }),
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
    async adjustAttempt(collectionId: string, attemptId: string, input: { crop?: CropParams & { imageWidth: number; imageHeight: number }; backgroundColour?: string }): Promise<Attempt> {
      return toAttempt(await send('POST', PATHS.adjust(collectionId, attemptId), {
        cropHint: input.crop ? cropFractions(input.crop) : undefined,
        background: input.backgroundColour,
      }))
    },
    /** Submits the attempt for review; answers with the collection's new capture state. */
    async submit(collectionId: string, attemptId: string): Promise<CaptureState> {
      return toCaptureState(await send('POST', PATHS.submit(collectionId, attemptId), {}), collectionId)
    },

    /**
     * Withdraws the photo waiting for review (review-service), while no reviewer has claimed it.
     * Review learns of a submission from capture's event a moment after capture answered: until
     * then it answers 404 COLLECTION_NOT_FOUND or 409 NOTHING_TO_WITHDRAW, so both are asked
     * again over the same few seconds as a fresh collection. 409 ALREADY_CLAIMED is final.
     */
    async withdraw(collectionId: string): Promise<{ attemptId: string | null; withdrawnAt: string | null }> {
      for (let i = 0; ; i++) {
        try {
          const r = await send<{ attemptId?: string; withdrawnAt?: string }>('POST', PATHS.withdraw(collectionId), {})
          return { attemptId: r?.attemptId ?? null, withdrawnAt: r?.withdrawnAt ?? null }
        } catch (e) {
          const notYet = e instanceof ApiError && (e.code === 'COLLECTION_NOT_FOUND' || e.code === 'NOTHING_TO_WITHDRAW')
          if (!notYet || i >= propagationDelays.length) throw e
          await sleep(propagationDelays[i])
        }
      }
    },

    // ---------------------------------------------------------------- delivery
    async download(collectionId: string, kind: 'standard' | 'layout'): Promise<Download> {
      return toDownload(await send('GET', PATHS.download(collectionId, kind)), kind)
    },
    /** The answer to wx.requestSubscribeMessage (each accept allows one result message). */
    async consentToNotification(accepted: boolean): Promise<{ authorised: boolean }> {
      const r = await send<Record<string, unknown>>('POST', PATHS.notifyConsent, { accepted })
      return { authorised: r?.authorised === true }
    },
  }
}

export type Api = ReturnType<typeof createApi>
