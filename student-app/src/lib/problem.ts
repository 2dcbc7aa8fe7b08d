// RFC 9457 problem+json, as every service answers errors. The `detail` is written for the
// person reading it (Chinese for students); we show it as it is, and fall back to a
// sentence of our own only when there is none.
import { currentBatch, formatBytes } from './batch'

export interface FieldError { field?: string; name?: string; pointer?: string; message?: string; detail?: string }

export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  code?: string
  errors?: FieldError[]
  [extension: string]: unknown
}

export class ApiError extends Error {
  readonly status: number
  readonly problem?: Problem
  /** no answer at all: offline, DNS, connection reset, timeout */
  readonly network: boolean

  constructor(status: number, problem?: Problem, network = false, message?: string) {
    super(message ?? problem?.detail ?? problem?.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.network = network
  }

  get code(): string | undefined {
    return this.problem?.code
  }
}

export function isProblemContentType(contentType: string | undefined | null): boolean {
  if (!contentType) return false
  return /application\/(problem\+)?json/i.test(contentType)
}

/** Reads a body that may be a problem document (object or JSON text); undefined if it is not one. */
export function parseProblem(body: unknown): Problem | undefined {
  let value = body
  if (typeof value === 'string') {
    const text = value.trim()
    if (!text.startsWith('{')) return undefined
    try {
      value = JSON.parse(text)
    } catch {
      return undefined
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const p = value as Problem
  if (p.detail === undefined && p.title === undefined && p.type === undefined && p.status === undefined) return undefined
  return p
}

const FALLBACK_BY_STATUS: Record<number, string> = {
  400: '提交的信息有误，请检查后重试',
  401: '登录已过期，请重新进入',
  403: '没有权限进行此操作',
  404: '未找到相关信息',
  409: '当前状态不允许此操作，请刷新后重试',
  413: '照片文件太大，请按拍照要求选择更小的照片',
  415: '文件格式不支持，请选择 JPG 照片',
  422: '提交的信息有误，请检查后重试',
  429: '操作过于频繁，请稍后再试',
  500: '服务暂时不可用，请稍后再试',
  502: '服务暂时不可用，请稍后再试',
  503: '服务繁忙，请稍后再试',
  504: '网络超时，请稍后再试',
}

export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'

function hasChinese(s: string): boolean {
  return /[\u4e00-\u9fff]/.test(s)
}

/** The sentence to show a student for any error thrown by the API layer. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.network) return NETWORK_MESSAGE
    const p = err.problem
    const fieldLines = fieldMessages(p)
    if (p?.detail && p.detail.trim()) {
      return fieldLines.length && !fieldLines.every((l) => p.detail!.includes(l)) ? `${p.detail}（${fieldLines.join('；')}）` : p.detail
    }
    if (fieldLines.length) return fieldLines.join('；')
    if (p?.title && hasChinese(p.title)) return p.title
    // the limit is the batch's own (schools set 100KB to 10MB), never one built into the app
    const max = currentBatch().uploadMaxBytes
    if (err.status === 413 && max) return `照片文件太大，请选择 ${formatBytes(max)} 以内的照片`
    return FALLBACK_BY_STATUS[err.status] ?? (err.status >= 500 ? FALLBACK_BY_STATUS[500] : '操作失败，请稍后重试')
  }
  if (err && typeof err === 'object' && 'errMsg' in err) {
    // WeChat / Taro API failures: {errMsg: 'request:fail timeout'}
    const msg = String((err as { errMsg: unknown }).errMsg)
    if (/cancel/i.test(msg)) return '已取消'
    if (/timeout|fail/i.test(msg)) return NETWORK_MESSAGE
    return msg
  }
  if (err instanceof Error && hasChinese(err.message)) return err.message
  return '操作失败，请稍后重试'
}

function fieldMessages(p?: Problem): string[] {
  if (!p?.errors || !Array.isArray(p.errors)) return []
  return p.errors
    .map((e) => e.message ?? e.detail)
    .filter((m): m is string => typeof m === 'string' && m.length > 0)
}

/** Errors of a form, by field name, for showing under the inputs. */
export function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!(err instanceof ApiError) || !err.problem?.errors) return out
  for (const e of err.problem.errors) {
    const raw = e.field ?? e.name ?? e.pointer ?? ''
    const key = raw.replace(/^\/|^#\//, '').split(/[./]/).pop() ?? ''
    const msg = e.message ?? e.detail
    if (key && msg) out[key] = msg
  }
  return out
}

/** Whether the error is worth an automatic retry (no answer, or a temporary server state). */
export function isTransient(err: unknown): boolean {
  if (err instanceof ApiError) return err.network || [408, 425, 429, 502, 503, 504].includes(err.status)
  if (err && typeof err === 'object' && 'errMsg' in err) return !/cancel/i.test(String((err as { errMsg: unknown }).errMsg))
  return false
}
