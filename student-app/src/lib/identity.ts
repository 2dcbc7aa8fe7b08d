// Client-side checks of what a student types, so a typo is caught before a request (and
// before it counts against the attempt limit). The server checks again.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** GB 11643 resident identity number: 18 characters, last one the ISO 7064 MOD 11-2 check. */
export function isResidentIdNumber(raw: string): boolean {
  const id = raw.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0)
  return CHECK[sum % 11] === id[17]
}

export function isLastFour(raw: string): boolean {
  return /^\d{3}[\dXx]$/.test(raw.trim())
}

export function isMainlandMobile(raw: string): boolean {
  return /^1[3-9]\d{9}$/.test(raw.replace(/[\s-]/g, ''))
}

export const ID_TYPES = [
  { value: 'RESIDENT_ID', label: '居民身份证' },
  { value: 'HK_MACAO_PERMIT', label: '港澳居民来往内地通行证' },
  { value: 'TAIWAN_PERMIT', label: '台湾居民来往大陆通行证' },
  { value: 'PASSPORT', label: '护照' },
] as const

export type IdType = (typeof ID_TYPES)[number]['value']

/** Validation message for the ID number of a given type, or '' when it looks right. */
export function idNumberProblem(type: IdType, raw: string): string {
  const v = raw.trim()
  if (!v) return '请输入证件号码'
  if (type === 'RESIDENT_ID') return isResidentIdNumber(v) ? '' : '身份证号码有误，请检查'
  return /^[A-Za-z0-9()（）-]{5,20}$/.test(v) ? '' : '证件号码格式有误，请检查'
}

export function maskId(raw: string): string {
  const v = raw.trim()
  if (v.length <= 8) return v.replace(/./g, '*')
  return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4)
}

/**
 * The H5 twin has no WeChat user: it makes up an openid once and keeps it, so the same browser
 * is the same student (the local WeChat then issues wx.login codes for it).
 */
export function h5LoginCode(storage: { get(key: string): string | null; set(key: string, value: string): void }, random: () => string): string {
  const KEY = 'gradphoto.h5.login-code'
  const existing = storage.get(KEY)
  if (existing) return existing
  const code = `h5-${random()}`
  storage.set(KEY, code)
  return code
}
