/** Dates as the school wrote them: Asia/Shanghai, 2020年6月9日 00:00. */
export function formatDateTime(iso?: string): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const sh = new Date(d.getTime() + 8 * 3600_000) // UTC+8, no DST
  const p = (n: number) => String(n).padStart(2, '0')
  return `${sh.getUTCFullYear()}年${sh.getUTCMonth() + 1}月${sh.getUTCDate()}日 ${p(sh.getUTCHours())}:${p(sh.getUTCMinutes())}`
}

export function formatWindow(opens?: string, closes?: string): string {
  if (!opens && !closes) return '—'
  return `${formatDateTime(opens) || '—'} 至 ${formatDateTime(closes) || '—'}`
}

/** Sentences joined by the services can end up with two marks in a row (。；): keep the second. */
export function tidyPunctuation(text: string): string {
  return text.replace(/[。．.]\s*([；;，,。])/g, '$1').replace(/([；;，,])\s*[；;，,]/g, '$1')
}
