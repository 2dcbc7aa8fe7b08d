import type { BatchTexts, Collection, OpenBatch } from '../api/types'

// The batch the student is dealing with right now (the one whose notice they read, or the
// collection they opened): its texts replace the app's generic ones on the support,
// requirements and review pages. Kept in memory and, where storage exists, across reloads.

const KEY = 'gradphoto.batch'
let current: BatchTexts | null = null

type Store = { get(k: string): string | null; set(k: string, v: string): void }
let store: Store | null = null
/** Wired by the app (Taro storage); tests run without one. */
export function setBatchStore(s: Store) { store = s }

export function rememberBatch(b: OpenBatch | Collection) {
  current = {
    batchName: b.batchName || undefined,
    schoolName: b.schoolName || undefined,
    supportPhone: b.supportPhone,
    supportHours: b.supportHours,
    reviewPromiseText: b.reviewPromiseText,
    shootingRequirements: b.shootingRequirements,
    uploadMinBytes: b.uploadMinBytes,
    uploadMaxBytes: b.uploadMaxBytes,
    backgroundColours: b.backgroundColours,
  }
  try { store?.set(KEY, JSON.stringify(current)) } catch { /* storage full or absent: memory only */ }
}

export function currentBatch(): BatchTexts {
  if (current) return current
  try {
    const s = store?.get(KEY)
    if (s) current = JSON.parse(s) as BatchTexts
  } catch { /* unreadable: none */ }
  return current ?? {}
}

/** Who to call: the batch's number, or the school when the batch names none. */
export function supportLine(b: BatchTexts): { phone?: string; text: string } {
  if (!b.supportPhone) return { text: '请联系学校' }
  return { phone: b.supportPhone, text: b.supportHours ? `${b.supportPhone}（${b.supportHours}）` : b.supportPhone }
}

/** The review time as a sentence (no final stop): the batch's own words, or a neutral one. */
export function reviewSentence(b: BatchTexts): string {
  return b.reviewPromiseText ? `审核时间预计${b.reviewPromiseText}` : '审核时间以学校通知为准'
}

/** 20000 → 20KB, 2000000 → 2MB (decimal units, as the schools write them). */
export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${Number((n / 1_000_000).toFixed(1))}MB`
  return `${Math.max(1, Math.round(n / 1000))}KB`
}

/** "照片为 JPG 格式，大小 20KB–10MB。" from the batch's limits, or nothing when unknown. */
export function uploadLimitText(b: BatchTexts): string {
  if (b.uploadMinBytes === undefined || b.uploadMaxBytes === undefined) return '照片为 JPG 格式。'
  return `照片为 JPG 格式，大小 ${formatBytes(b.uploadMinBytes)}–${formatBytes(b.uploadMaxBytes)}。`
}

/** A background as a student names it: the batch's names (blue, white…) or #RRGGBB. */
export function colourWord(c: string): string {
  const named: Record<string, string> = { BLUE: '蓝色', LIGHT_BLUE: '蓝色', 'LIGHT-BLUE': '蓝色', WHITE: '白色', RED: '红色', GREY: '浅灰色', GRAY: '浅灰色', LIGHT_GREY: '浅灰色', 'LIGHT-GREY': '浅灰色' }
  const n = named[c.trim().toUpperCase()]
  if (n) return n
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c.trim())
  if (!m) return ''
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16))
  if (Math.min(r, g, b) >= 248) return '白色'
  if (Math.max(r, g, b) - Math.min(r, g, b) < 24) return '浅灰色'
  if (b > r && b >= g) return '蓝色'
  if (r > g && r > b) return '红色'
  return ''
}

/** The clothing rule for the batch's backgrounds ("…背景为蓝色，禁止穿蓝色衣服"), no final stop. */
export function clothingRule(b: BatchTexts): string {
  const words = [...new Set((b.backgroundColours ?? []).map(colourWord).filter(Boolean))]
  if (words.length === 1) return `因图像采集背景为${words[0]}，禁止穿${words[0]}衣服`
  if (words.length > 1) return `图像采集背景为${words.join('或')}，请勿穿与背景颜色相近的衣服`
  return '请勿穿与背景颜色相近的衣服'
}
