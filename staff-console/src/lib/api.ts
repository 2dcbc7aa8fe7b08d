// Calls the services through the gateway with the staff token. Errors are problem+json; their
// Chinese `detail` is shown to the user as it is.

export interface FieldError {
  field: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message)
  }
}

/** The message a person reads for a failed answer: the problem's detail, its field errors. */
export function problemMessage(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object') {
    const p = body as { detail?: string; title?: string; code?: string; errors?: unknown }
    const errors = Array.isArray(p.errors)
      ? p.errors.map((e: { field?: string; name?: string; message?: string }) => ({
          field: String(e.field ?? e.name ?? ''),
          message: String(e.message ?? ''),
        }))
      : []
    const detail = p.detail || p.title || `请求失败（HTTP ${status}）`
    const extra = errors.filter((e) => e.message && !detail.includes(e.message))
    return new ApiError(status, p.code, extra.length ? `${detail}：${extra.map((e) => e.message).join('；')}` : detail, errors)
  }
  if (status === 401) return new ApiError(status, 'UNAUTHORIZED', '登录已过期，请重新登录')
  if (status === 403) return new ApiError(status, 'FORBIDDEN', '没有权限执行此操作')
  if (status >= 500) return new ApiError(status, undefined, `服务暂时不可用（HTTP ${status}），请稍后重试`)
  return new ApiError(status, undefined, typeof body === 'string' && body ? body : `请求失败（HTTP ${status}）`)
}

export type TokenSource = () => Promise<string>

export interface Api {
  get<T>(path: string): Promise<T>
  send<T>(method: string, path: string, body?: unknown): Promise<T>
  upload<T>(path: string, field: string, file: Blob, fileName: string): Promise<T>
  blob(path: string): Promise<Blob>
}

export function createApi(base: string, token: TokenSource, onUnauthorized: () => void, fetchFn: typeof fetch = fetch): Api {
  const url = (path: string) => base.replace(/\/$/, '') + '/' + path.replace(/^\//, '')
  async function call(method: string, path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    headers.set('Authorization', 'Bearer ' + (await token()))
    headers.set('Accept-Language', 'zh-CN')
    const r = await fetchFn(url(path), { ...init, method, headers })
    if (r.ok) return r
    const type = r.headers.get('content-type') ?? ''
    const body = type.includes('json') ? await r.json().catch(() => null) : await r.text().catch(() => '')
    if (r.status === 401) onUnauthorized()
    throw problemMessage(r.status, body)
  }
  async function parse<T>(r: Response): Promise<T> {
    if (r.status === 204 || r.status === 202 && r.headers.get('content-length') === '0') return null as T
    const type = r.headers.get('content-type') ?? ''
    return (type.includes('json') ? await r.json() : await r.text()) as T
  }
  return {
    get: async <T,>(path: string) => parse<T>(await call('GET', path)),
    send: async <T,>(method: string, path: string, body?: unknown) =>
      parse<T>(
        await call(method, path, body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
      ),
    upload: async <T,>(path: string, field: string, file: Blob, fileName: string) => {
      const form = new FormData()
      form.append(field, file, fileName)
      return parse<T>(await call('POST', path, { body: form }))
    },
    blob: async (path: string) => (await call('GET', path)).blob(),
  }
}

/** Saves a downloaded file (CSV, XLSX) under a name, the way a browser download would. */
export function saveBlob(blob: Blob, fileName: string) {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 10000)
}
