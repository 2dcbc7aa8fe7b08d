import dayjs from 'dayjs'

export const fmtTime = (iso?: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '')
export const fmtDateTime = (iso?: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '')
export const yuan = (fen?: number | null) => (fen == null ? '' : (fen / 100).toFixed(2))
export function bytes(n?: number | null) {
  if (n == null) return ''
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
