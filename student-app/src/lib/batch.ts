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
