// The API layer talks to the gateway through a transport: Taro's request/uploadFile in the
// app (wx.request in the mini-program, fetch/XHR in H5), a fake in unit tests.
import { ApiError, parseProblem } from '../lib/problem'

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'

export interface HttpRequest {
  method: Method
  url: string
  headers: Record<string, string>
  data?: unknown
  timeoutMs?: number
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  data: unknown
}

export interface UploadRequest {
  url: string
  filePath: string
  /** multipart field of the file */
  name: string
  formData: Record<string, string>
  headers: Record<string, string>
  timeoutMs?: number
  onProgress?: (percent: number) => void
  /** the transport calls this with a function that aborts the upload */
  onAbortable?: (abort: () => void) => void
}

export interface HttpTransport {
  request(req: HttpRequest): Promise<HttpResponse>
  upload(req: UploadRequest): Promise<HttpResponse>
}

/** A response as data, or the ApiError it stands for. `network` failures reject with ApiError(0). */
export function unwrap<T>(res: HttpResponse): T {
  if (res.status >= 200 && res.status < 300) {
    if (typeof res.data === 'string' && res.data.trim().match(/^[[{]/)) {
      try {
        return JSON.parse(res.data) as T
      } catch {
        return res.data as unknown as T
      }
    }
    return res.data as T
  }
  throw new ApiError(res.status, parseProblem(res.data))
}

export function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === lower) return v
  return undefined
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}
