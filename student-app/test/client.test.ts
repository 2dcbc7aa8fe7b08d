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
    const a = await api.uploadPhoto('c1', 'blob:x', { crop: { left: 10, top: 20, width: 300, height: 400 }, onProgress: (p) => progress.push(p) })
    expect(f.uploads[0].url).toBe(PATHS.upload('c1'))
    expect(f.uploads[0].formData).toMatchObject({ cropLeft: '10', cropTop: '20', cropWidth: '300', cropHeight: '400' })
    expect(f.uploads[0].headers.Authorization).toBe('Bearer tok-1')
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
    const f = fake((req) => req.url.includes('/eligibility/')
      ? json(200, { matchId: 'm1', schoolName: '北京理工大学', schoolCode: '10007', studentNumber: '1114827492', studentName: '毛小小' })
      : json(200, { collectionId: 'c1', status: 'REVIEW_REJECTED', reasons: [{ code: 'HEAD_TILTED', message: '头部倾斜，请保持头部端正' }] }))
    const api = createApi({ transport: f.transport })
    const m = await api.eligibilityByIdentity({ name: '毛小小', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13800138000' })
    expect(m).toMatchObject({ matchId: 'm1', schoolCode: '10007', studentName: '毛小小' })
    const c = await api.collection('c1')
    expect(c.reasons).toEqual([{ code: 'HEAD_TILTED', message: '头部倾斜，请保持头部端正' }])
  })

  it('gets presigned download links', async () => {
    const f = fake(() => json(200, { url: 'http://localhost:19000/gradphoto-photos/x?X-Amz-Signature=1', fileName: 'standard.jpg' }))
    const api = createApi({ transport: f.transport })
    const d = await api.download('c1', 'layout')
    expect(f.requests[0].url).toBe('/api/delivery/collections/c1/downloads/layout')
    expect(d).toMatchObject({ kind: 'layout', fileName: 'standard.jpg' })
  })
})
