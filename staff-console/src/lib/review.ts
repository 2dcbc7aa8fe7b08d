// The review queue's data as review-service sends it, and the pure parts of the review screen:
// the spec's guide lines over the standardized photo, the measurement table, the reasons' keys.

export interface Window {
  min: number
  max: number
}
export interface SpecWindows {
  widthPx: number
  heightPx: number
  headTopPx: Window
  eyeLinePx: Window
  faceWidthPx: Window
  centreTolerancePx: number
}
export interface Geometry {
  headTopPx?: number | null
  eyeLinePx?: number | null
  faceWidthPx?: number | null
  faceCenterXPx?: number | null
  rollDeg?: number | null
}
export interface Claim {
  by: string
  name: string
  until: string
  mine: boolean
}
export interface QueueItem {
  id: string
  collectionId: string
  attemptId: string
  schoolCode: string
  batchId: string
  submittedAt: string
  dueAt: string
  overdue: boolean
  flagged: boolean
  findings: number
  status: string
  claim: Claim | null
  outcome: string | null
}
export interface Finding {
  code: string
  severity: string
  message: string
  measured?: number | null
  threshold?: string | null
}
export interface GivenReason {
  code: string
  message: string
  text?: string | null
}
export interface Task {
  id: string
  collectionId: string
  attemptId: string
  schoolCode: string
  schoolName: string | null
  batchId: string
  batchName: string | null
  submittedAt: string
  dueAt: string
  overdue: boolean
  flagged: boolean
  status: string
  findings: Finding[]
  geometry: Geometry | null
  profile: SpecWindows
  claim: Claim | null
  decision: { outcome: string; reasons: GivenReason[]; note: string | null; byName: string; at: string } | null
  reopenCount: number
  student: { name: string; studentNumber: string; idNumberMasked: string; degreeLevel: string } | null
  collection: { state: string; stateLabel: string; paid: boolean; awaitingPayment: boolean }
}
export interface Reason {
  code: string
  label: string
  message: string | null
  needsText: boolean
}
export interface BatchProgress {
  batchId: string
  batchName: string | null
  schoolCode: string
  awaitingPhoto: number
  inReview: number
  rejected: number
  passed: number
  awaitingPayment: number
  completed: number
  openTasks: number
  overdueTasks: number
  /** roster students of the batch who never started (no collection yet) */
  notStarted: number
}

/** Keys that toggle the reasons in the reject dialog, in the reasons' order (as before). */
export const REASON_KEYS = '1234567890QW'

export function reasonForKey(reasons: Reason[], key: string): Reason | undefined {
  const i = REASON_KEYS.indexOf(key.toUpperCase())
  return i >= 0 ? reasons[i] : undefined
}

export const inside = (v: number | null | undefined, w: Window) => v != null && v >= w.min && v <= w.max

export type Shape =
  | { kind: 'band'; y: number; height: number; colour: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; colour: string; dashed?: boolean; width?: number }
  | { kind: 'text'; x: number; y: number; text: string; colour: string; anchor?: 'start' | 'middle' }

const GOOD = '#12b76a'
const BAD = '#f04438'
const round = (v: number | null | undefined, d = 0) => (v == null ? '—' : Number(v).toFixed(d))

/** Shapes in the photo's pixel space: the spec's windows as bands, the measured values as lines. */
export function guideShapes(p: SpecWindows, g: Geometry | null): Shape[] {
  const geo = g ?? {}
  const W = p.widthPx
  const H = p.heightPx
  const cx = W / 2
  const out: Shape[] = [
    { kind: 'band', y: p.headTopPx.min, height: p.headTopPx.max - p.headTopPx.min, colour: '#2e90fa' },
    { kind: 'band', y: p.eyeLinePx.min, height: p.eyeLinePx.max - p.eyeLinePx.min, colour: '#7a5af8' },
  ]
  const yTop = p.headTopPx.min
  const yBottom = p.eyeLinePx.max + 60
  for (const [w, colour] of [
    [p.faceWidthPx.min, '#2e90fa'],
    [p.faceWidthPx.max, '#7a5af8'],
  ] as const) {
    out.push({ kind: 'line', x1: cx - w / 2, x2: cx - w / 2, y1: yTop, y2: yBottom, colour, dashed: true })
    out.push({ kind: 'line', x1: cx + w / 2, x2: cx + w / 2, y1: yTop, y2: yBottom, colour, dashed: true })
  }
  out.push({ kind: 'line', x1: cx, x2: cx, y1: 0, y2: H, colour: '#ffffff', dashed: true, width: 1 })
  const measured = (v: number | null | undefined, w: Window, label: string) => {
    if (v == null) return
    const colour = inside(v, w) ? GOOD : BAD
    out.push({ kind: 'line', x1: 0, x2: W, y1: v, y2: v, colour, width: 2 })
    out.push({ kind: 'text', x: 6, y: v - 4, colour, text: `${label} ${round(v)}px（${w.min}–${w.max}）` })
  }
  measured(geo.headTopPx, p.headTopPx, '头顶')
  measured(geo.eyeLinePx, p.eyeLinePx, '眼线')
  if (geo.faceWidthPx != null) {
    const fc = geo.faceCenterXPx ?? cx
    const ok = inside(geo.faceWidthPx, p.faceWidthPx) && Math.abs(fc - cx) <= p.centreTolerancePx
    const colour = ok ? GOOD : BAD
    const y = (geo.eyeLinePx ?? (p.eyeLinePx.min + p.eyeLinePx.max) / 2) + 40
    const l = fc - geo.faceWidthPx / 2
    const r = fc + geo.faceWidthPx / 2
    out.push({ kind: 'line', x1: l, x2: r, y1: y, y2: y, colour, width: 3 })
    out.push({ kind: 'line', x1: l, x2: l, y1: y - 10, y2: y + 10, colour, width: 3 })
    out.push({ kind: 'line', x1: r, x2: r, y1: y - 10, y2: y + 10, colour, width: 3 })
    out.push({ kind: 'text', x: fc, y: y + 26, colour, anchor: 'middle', text: `脸宽 ${round(geo.faceWidthPx)}px（${p.faceWidthPx.min}–${p.faceWidthPx.max}）` })
  }
  return out
}

export interface MeasureRow {
  name: string
  value: string
  spec: string
  ok: boolean | null
}

export function measureRows(p: SpecWindows, g: Geometry | null): MeasureRow[] {
  const geo = g ?? {}
  const cx = p.widthPx / 2
  const row = (name: string, v: number | null | undefined, w: Window): MeasureRow => ({
    name,
    value: v == null ? '—' : `${round(v)} px`,
    spec: `${w.min}–${w.max} px`,
    ok: v == null ? null : inside(v, w),
  })
  const rows = [row('头顶距上边', geo.headTopPx, p.headTopPx), row('眼线距上边', geo.eyeLinePx, p.eyeLinePx), row('脸宽', geo.faceWidthPx, p.faceWidthPx)]
  if (geo.faceCenterXPx != null) {
    const off = geo.faceCenterXPx - cx
    rows.push({ name: '脸中心偏移', value: `${round(off)} px`, spec: `±${p.centreTolerancePx} px`, ok: Math.abs(off) <= p.centreTolerancePx })
  }
  if (geo.rollDeg != null) rows.push({ name: '头部倾斜', value: `${round(geo.rollDeg, 1)}°`, spec: '', ok: null })
  return rows
}

/** The decision body for the chosen reasons; OTHER carries the reviewer's text. */
export function rejectionBody(selected: string[], otherText: string) {
  const reasons = selected.map((code) => (code === 'OTHER' ? { code, text: otherText.trim() } : { code }))
  return { outcome: 'REJECT' as const, reasons }
}

/** Whether this reviewer may pass or reject the task now: an open task they hold. */
export const canDecide = (t: Task | null) => !!t && t.status === 'OPEN' && !!t.claim?.mine

export function queueQuery(f: { school?: string; batch?: string; overdue?: boolean; flagged?: boolean }, extra: Record<string, string> = {}) {
  const q = new URLSearchParams()
  if (f.school) q.set('school', f.school)
  if (f.batch) q.set('batch', f.batch)
  if (f.overdue) q.set('overdue', 'true')
  if (f.flagged) q.set('flagged', 'true')
  for (const [k, v] of Object.entries(extra)) q.set(k, v)
  return q.toString()
}
