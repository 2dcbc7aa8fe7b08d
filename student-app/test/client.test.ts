import { describe, expect, it } from 'vitest'
import { createApi, PATHS } from '../src/api/client'
import type { HttpRequest, HttpResponse, HttpTransport, UploadRequest } from '../src/api/http'
import { ApiError, messageOf } from '../src/lib/problem'

const json = (status: number, body: unknown): HttpResponse => ({ status, headers: { 'content-type': 'application/json' }, data: JSON.stringify(body) })
const problem = (status: number, detail: string, extra: Record<string, unknown> = {}): HttpResponse =>
  ({ status, headers: { 'content-type': 'application/problem+json' }, data: JSON.stringify({ type: 'about:blank', status, detail, ...extra }) })

function fake(handler: (req: HttpRequest) => HttpResponse | Promise<HttpResponse>, uploader?: (req: UploadRequest, n: number) => HttpResponse | Promise<HttpResponse>) {
  const requests: HttpRequest[] = []
  const uploads: UploadRequest[] = []
  const transport: HttpTransport = {
    async request(req) { requests.push(req); return handler(req) },
    async upload(req) { uploads.push(req); if (!uploader) throw new Error('no uploader'); return uploader(req, uploads.length) },
  }
  return { transport, requests, uploads }
}

function session(initial = 'tok-1') {
  let token: string | null = initial
  let logins = 0
  return {
    token: () => token,
    relogin: async () => { logins++; token = `tok-${logins + 1}`; return token },
    get logins() { return logins },
  }
}

describe('API client', () => {
  it('logs in with the code and reads the token', async () => {
    const f = fake(() => json(200, { accessToken: 'abc', expiresIn: 900, studentId: 's-1' }))
    const api = createApi({ transport: f.transport })
    const r = await api.login('h5-123')
    expect(r.studentId).toBe('s-1')
    expect(f.requests[0].url).toBe('/api/identity/auth/wechat-login')
    expect(f.requests[0].data).toEqual({ code: 'h5-123' })
  })

  it('sends the student token as a bearer token', async () => {
    const f = fake(() => json(200, []))
    const api = createApi({ transport: f.transport, session: session() })
    await api.collections()
    expect(f.requests[0].headers.Authorization).toBe('Bearer tok-1')
  })

  it('logs in again once on 401 and repeats the request', async () => {
    let n = 0
    const f = fake(() => (++n === 1 ? problem(401, '登录已过期') : json(200, { items: [{ collectionId: 'c1', status: 'PAID', schoolName: '示例大学', priceFen: 2000 }] })))
    const s = session()
    const api = createApi({ transport: f.transport, session: s })
    const list = await api.collections()
    expect(s.logins).toBe(1)
    expect(f.requests[1].headers.Authorization).toBe('Bearer tok-2')
    expect(list[0]).toMatchObject({ id: 'c1', status: 'PAID', schoolName: '示例大学', priceFen: 2000 })
  })

  it('turns problem+json into an ApiError whose message is the detail', async () => {
    const f = fake(() => problem(404, '未匹配到采集信息，请联系学院核实信息', { code: 'NO_MATCH' }))
    const api = createApi({ transport: f.transport })
    const err = await api.eligibilityBySchool({ schoolCode: '10999', name: '张三', idNumber: '11010519491231002X' }).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(404)
    expect(err.code).toBe('NO_MATCH')
    expect(messageOf(err)).toBe('未匹配到采集信息，请联系学院核实信息')
  })

  it('reads an order that does not exist yet as none', async () => {
    const f = fake(() => problem(404, '订单不存在'))
    const api = createApi({ transport: f.transport })
    expect(await api.order('c1')).toBeNull()
  })

  it('uploads with the crop and reports progress', async () => {
    const progress: number[] = []
    const f = fake(() => json(200, {}), (req) => {
      req.onProgress?.(50); req.onProgress?.(100)
      return json(201, { attemptId: 'a1', status: 'STANDARDIZED', findings: [{ code: 'EYES', severity: 'WARN', message: '眼睛位置偏高' }] })
    })
    const api = createApi({ transport: f.transport, session: session() })
    const a = await api.uploadPhoto('c1', 'blob:x', {
      crop: { left: 750, top: 1000, width: 1500, height: 2000, imageWidth: 3000, imageHeight: 4000 },
      backgroundColour: '#64C5FF',
      onProgress: (p) => progress.push(p),
    })
    expect(f.uploads[0].url).toBe('/api/capture/collections/c1/attempts')
    expect(f.uploads[0].name).toBe('photo')
    // capture-service takes the guide frame as fractions of the upright picture
    expect(f.uploads[0].formData).toEqual({ cropX: '0.25', cropY: '0.25', cropWidth: '0.5', cropHeight: '0.5', background: '#64C5FF' })
    expect(f.uploads[0].headers.Authorization).toBe('Bearer tok-1')
    expect(f.uploads[0].headers['Idempotency-Key']).toMatch(/.{16,}/)
    expect(progress).toEqual([0, 50, 100])
    expect(a.id).toBe('a1')
    expect(a.findings[0].message).toBe('眼睛位置偏高')
    expect(a.submittable).toBe(true)
  })

  it('retries an upload on a weak network with growing back-off, then succeeds', async () => {
    const delays: number[] = []
    const retries: string[] = []
    const f = fake(() => json(200, {}), (_req, n) => {
      if (n === 1) throw new ApiError(0, undefined, true, 'uploadFile:fail timeout')
      if (n === 2) return problem(503, '服务繁忙')
      return json(201, { attemptId: 'a2', status: 'STANDARDIZED', findings: [] })
    })
    const api = createApi({ transport: f.transport, uploadRetry: { sleep: async (ms) => void delays.push(ms), random: () => 1 } })
    const a = await api.uploadPhoto('c1', 'blob:x', { onRetry: (i) => retries.push(i.message) })
    expect(a.id).toBe('a2')
    expect(f.uploads).toHaveLength(3)
    // every retry carries the same idempotency key: a lost answer never makes a second attempt
    expect(new Set(f.uploads.map((u) => u.headers['Idempotency-Key'])).size).toBe(1)
    expect(delays).toEqual([1000, 2000])
    expect(retries[0]).toBe('网络不佳，1 秒后第 1 次重试…')
  })

  it('does not retry a refused photo and shows why', async () => {
    const f = fake(() => json(200, {}), () => problem(415, '请上传 JPG 格式的照片'))
    const api = createApi({ transport: f.transport, uploadRetry: { sleep: async () => {} } })
    const err = await api.uploadPhoto('c1', 'blob:x').catch((e) => e)
    expect(f.uploads).toHaveLength(1)
    expect(messageOf(err)).toBe('请上传 JPG 格式的照片')
  })

  it('gives up after the retries on a dead network with the network message', async () => {
    const f = fake(() => json(200, {}), () => { throw new ApiError(0, undefined, true) })
    const api = createApi({ transport: f.transport, uploadRetry: { retries: 2, sleep: async () => {} } })
    const err = await api.uploadPhoto('c1', 'blob:x').catch((e) => e)
    expect(f.uploads).toHaveLength(3)
    expect(messageOf(err)).toBe('网络连接失败，请检查网络后重试')
  })

  it('marks an attempt with REJECT findings as not submittable unless the service says otherwise', async () => {
    const f = fake(() => json(200, { attemptId: 'a3', findings: [{ code: 'HEAD_TILT', severity: 'REJECT', message: '头部倾斜' }] }))
    const api = createApi({ transport: f.transport })
    expect((await api.attempt('c1', 'a3')).submittable).toBe(false)
    const g = fake(() => json(200, { attemptId: 'a3', submittable: true, findings: [{ code: 'HEAD_TILT', severity: 'REJECT', message: '头部倾斜' }] }))
    expect((await createApi({ transport: g.transport }).attempt('c1', 'a3')).submittable).toBe(true)
  })

  it('reads mode C’s confirmation and the reviewer’s reasons', async () => {
    const f = fake((req) => req.url.endsWith('/local-wechat/phone-codes')
      ? json(200, { code: 'phone-code-1' })
      : req.url.includes('/eligibility/')
      ? json(200, { matchId: 'm1', schoolName: '北京理工大学', schoolCode: '10007', studentNumber: '1114827492', name: '毛小小', expiresAt: '2026-11-23T10:00:00Z' })
      : json(200, { collectionId: 'c1', status: 'REJECTED', rejectionReasons: [{ code: 'HEAD_TILTED', message: '头部倾斜，请保持头部端正' }] }))
    const api = createApi({ transport: f.transport })
    const m = await api.eligibilityByIdentity({ name: '毛小小', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13800138000' })
    expect(m).toMatchObject({ matchId: 'm1', schoolCode: '10007', studentName: '毛小小' })
    // H5: the local WeChat makes the getPhoneNumber code for the typed number, identity redeems it
    expect(f.requests[0]).toMatchObject({ url: '/api/local-wechat/phone-codes', data: { phone_number: '13800138000' } })
    expect(f.requests[1]).toMatchObject({ url: '/api/identity/eligibility/matches', data: { name: '毛小小', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phoneCode: 'phone-code-1' } })
    const c = await api.collection('c1')
    expect(c.reasons).toEqual([{ code: 'HEAD_TILTED', message: '头部倾斜，请保持头部端正' }])
  })

  it('gets presigned download links', async () => {
    const f = fake(() => json(200, { url: 'http://localhost:19000/gradphoto-photos/x?X-Amz-Signature=1', fileName: 'standard.jpg' }))
    const api = createApi({ transport: f.transport })
    const d = await api.download('c1', 'layout')
    expect(f.requests[0].url).toBe('/api/delivery/students/me/collections/c1/downloads/layout-sheet')
    await api.download('c1', 'standard')
    expect(f.requests[1].url).toBe('/api/delivery/students/me/collections/c1/downloads/standard-photo')
    expect(d).toMatchObject({ kind: 'layout', fileName: 'standard.jpg' })
  })
})

describe('API client, service contracts', () => {
  it('sends the three eligibility modes as identity-service reads them', async () => {
    const f = fake(() => json(201, { collectionId: 'c9', status: 'AWAITING_PHOTO', paid: false, paymentPolicy: 'PAY_BEFORE_CAPTURE', priceFen: 2000, opensAt: '2026-11-01T00:00:00Z', closesAt: '2026-12-31T15:59:59Z', window: '2026-11-01 至 2026-12-31' }))
    const api = createApi({ transport: f.transport })
    const c = await api.eligibilityBySchool({ schoolCode: '10999', name: '张三', idNumber: '11010519491231002X' })
    expect(f.requests[0]).toMatchObject({ url: '/api/identity/eligibility/by-school', data: { schoolCode: '10999', name: '张三', idType: 'RESIDENT_ID', idNumber: '11010519491231002X' } })
    expect(c).toMatchObject({ id: 'c9', status: 'AWAITING_PHOTO', paid: false, priceFen: 2000, windowOpensAt: '2026-11-01T00:00:00Z', window: '2026-11-01 至 2026-12-31' })
    await api.eligibilityByChsiCode({ chsiCode: 'ABC123', idLast4: '002X' })
    expect(f.requests[1]).toMatchObject({ url: '/api/identity/eligibility/by-chsi-code', data: { chsiCode: 'ABC123', idLastFour: '002X' } })
    await api.confirmMatch('m-1')
    expect(f.requests[2].url).toBe('/api/identity/eligibility/matches/m-1/confirm')
  })

  it('pays: signed parameters for wx.requestPayment, then the local WeChat’s user confirms in H5', async () => {
    const f = fake((req) => req.url.endsWith('/order/pay')
      ? json(200, { orderId: 'o1', amountFen: 2000, appId: 'wx1', timeStamp: '1700000000', nonceStr: 'n', package: 'prepay_id=p', signType: 'RSA', paySign: 's' })
      : req.url.endsWith('/local-wechat/request-payment') ? json(200, { out_trade_no: 'x', trade_state: 'SUCCESS' })
      : json(200, { orderId: 'o1', amountFen: 2000, state: 'PAID', payable: false }))
    const api = createApi({ transport: f.transport })
    const { orderId, appId, params } = await api.pay('c1')
    expect(f.requests[0].url).toBe('/api/payment/collections/c1/order/pay')
    expect(orderId).toBe('o1')
    expect(params).toEqual({ timeStamp: '1700000000', nonceStr: 'n', package: 'prepay_id=p', signType: 'RSA', paySign: 's' })
    await api.h5RequestPayment(appId, params)
    expect(f.requests[1]).toMatchObject({ url: '/api/local-wechat/request-payment', data: { appId: 'wx1', package: 'prepay_id=p', paySign: 's', action: 'confirm' } })
    expect((await api.order('c1'))?.status).toBe('PAID')
  })

  it('reads capture state, attempts with preview, findings and guide windows', async () => {
    const f = fake((req) => req.url.endsWith('/attempts/a1')
      ? json(200, { attemptId: 'a1', status: 'READY', accepted: false, submittable: false, backgroundColour: '#64C5FF',
          findings: [{ code: 'HEAD_TOP_TOO_HIGH', severity: 'REJECT', message: '头顶离上边缘太近', measured: 30, threshold: '50–110', unit: 'px' }],
          geometry: { headTopPx: 30, eyeLinePx: 250 },
          guide: { id: 'diploma', widthPx: 480, heightPx: 640, backgrounds: ['#64C5FF', '#FFFFFF'], headTopPx: { min: 50, max: 110 }, eyeLinePx: { min: 200, max: 300 }, faceWidthPx: { min: 180, max: 300 } },
          preview: { standardizedUrl: 'http://localhost:19000/p.jpg?sig', expiresAt: '2026-11-23T10:00:00Z' } })
      : json(200, { collectionId: 'c1', phase: 'RETAKE_REQUESTED', nextStep: '初审失败，请重拍。', canUpload: true, reviewReasons: [{ code: 'GLASSES_GLARE', message: '眼镜反光' }], attempts: 2, paid: true, backgroundColours: ['#64C5FF'] }))
    const api = createApi({ transport: f.transport })
    const s = await api.captureState('c1')
    expect(s).toMatchObject({ open: true, status: 'RETAKE_REQUESTED', blockedReason: '初审失败，请重拍。', paid: true, attempts: [] })
    expect(s.reasons).toEqual([{ code: 'GLASSES_GLARE', message: '眼镜反光' }])
    const a = await api.attempt('c1', 'a1')
    expect(a.previewUrl).toBe('http://localhost:19000/p.jpg?sig')
    expect(a.submittable).toBe(false)
    expect(a.geometry.headTopPx).toBe(30)
    expect(a.guide).toEqual({ widthPx: 480, heightPx: 640, headTopMinPx: 50, headTopMaxPx: 110, eyeLineMinPx: 200, eyeLineMaxPx: 300, faceWidthMinPx: 180, faceWidthMaxPx: 300 })
  })

  it('adjusts with fractions, submits, records notification consent', async () => {
    const f = fake(() => json(200, { authorised: true, collectionId: 'c1', phase: 'UNDER_REVIEW', canUpload: false }))
    const api = createApi({ transport: f.transport })
    await api.adjustAttempt('c1', 'a1', { backgroundColour: '#FFFFFF', crop: { left: 0, top: 0, width: 300, height: 400, imageWidth: 600, imageHeight: 800 } })
    expect(f.requests[0]).toMatchObject({ method: 'POST', url: '/api/capture/collections/c1/attempts/a1/adjustments', data: { background: '#FFFFFF', cropHint: { x: 0, y: 0, width: 0.5, height: 0.5 } } })
    const st = await api.submit('c1', 'a1')
    expect(f.requests[1].url).toBe('/api/capture/collections/c1/attempts/a1/submit')
    expect(st).toMatchObject({ status: 'UNDER_REVIEW', open: false })
    expect(await api.consentToNotification(true)).toEqual({ authorised: true })
    expect(f.requests[2]).toMatchObject({ url: '/api/delivery/students/me/notification-consent', data: { accepted: true } })
  })
})

describe('a collection identity has just granted', () => {
  const notYet = () => problem(404, '未找到该采集，或它不属于当前账号', { code: 'COLLECTION_NOT_FOUND' })

  it('is asked for again while payment has not heard of it yet', async () => {
    let n = 0
    const waits: number[] = []
    const f = fake(() => (++n <= 2 ? notYet() : json(200, { orderId: 'o1', payParams: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=p', paySign: 's' } })))
    const api = createApi({ transport: f.transport, session: session(), sleep: async (ms) => { waits.push(ms) } })
    const r = await api.pay('c1')
    expect(r.orderId).toBe('o1')
    expect(f.requests).toHaveLength(3)
    expect(waits).toEqual([300, 700])
  })

  it('gives up with the service’s own words after the last wait', async () => {
    const f = fake(() => notYet())
    const api = createApi({ transport: f.transport, session: session(), propagationDelaysMs: [1, 1], sleep: async () => {} })
    await expect(api.captureState('c1')).rejects.toThrow('未找到该采集，或它不属于当前账号')
    expect(f.requests).toHaveLength(3)
  })

  it('does not repeat any other 404', async () => {
    const f = fake(() => problem(404, 'order not found', { code: 'ORDER_NOT_FOUND' }))
    const api = createApi({ transport: f.transport, session: session(), sleep: async () => { throw new Error('no wait expected') } })
    expect(await api.order('c1')).toBeNull()
    expect(f.requests).toHaveLength(1)
  })
})

describe('withdrawing a submission', () => {
  it('posts to review-service and asks again while review has not seen the submission yet', async () => {
    let n = 0
    const f = fake(() => (++n === 1
      ? problem(409, '没有正在等待审核的照片，无需撤回。', { code: 'NOTHING_TO_WITHDRAW' })
      : json(200, { collectionId: 'c1', attemptId: 'a1', withdrawnAt: '2027-05-01T08:00:00Z', state: 'AWAITING_PHOTO' })))
    const waits: number[] = []
    const api = createApi({ transport: f.transport, session: session(), sleep: async (ms) => { waits.push(ms) } })
    expect(await api.withdraw('c1')).toEqual({ attemptId: 'a1', withdrawnAt: '2027-05-01T08:00:00Z' })
    expect(f.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/review/students/me/collections/c1/withdrawal',
      'POST /api/review/students/me/collections/c1/withdrawal',
    ])
    expect(waits).toEqual([300])
  })

  it('shows the refusal once a reviewer has claimed the photo, without asking again', async () => {
    const f = fake(() => problem(409, '审核员已开始审核，不能撤回。请耐心等待审核结果。', { code: 'ALREADY_CLAIMED' }))
    const api = createApi({ transport: f.transport, session: session(), sleep: async () => { throw new Error('no wait expected') } })
    const err = await api.withdraw('c1').catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('ALREADY_CLAIMED')
    expect(messageOf(err)).toBe('审核员已开始审核，不能撤回。请耐心等待审核结果。')
    expect(f.requests).toHaveLength(1)
  })
})
