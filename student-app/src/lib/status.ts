// What a collection's status means to the student. The services name states in their own
// words (identity keeps the list current from everyone's events); this maps any of the
// names we know to one of a few phases, and the three review results to the seeds' exact
// sentences.

export const RESULT_PASSED = '照片初审通过，正在进行信息比对'
export const RESULT_COMPLETED = '采集完成'
export const RESULT_REJECTED = '初审失败，请重拍'

export type Phase =
  | 'AWAITING_PAYMENT'
  | 'READY_TO_CAPTURE'
  | 'PREVIEW'
  | 'IN_REVIEW'
  | 'PASSED'
  | 'PASSED_AWAITING_PAYMENT'
  | 'REJECTED'
  | 'COMPLETED'
  | 'DELIVERED'
  | 'CLOSED'
  | 'UNKNOWN'

export type PaymentPolicy = 'PAY_BEFORE_CAPTURE' | 'PAY_AFTER_REVIEW'

const ALIASES: Record<string, Phase> = {
  // identity-service (CollectionStatus)
  AWAITING_PHOTO: 'READY_TO_CAPTURE',
  // capture-service (Phase)
  NOT_ELIGIBLE: 'UNKNOWN',
  WINDOW_CLOSED: 'CLOSED',
  READY_TO_SHOOT: 'READY_TO_CAPTURE',
  // signed up (and paid) before the shooting window: the detail page says when shooting opens and
  // offers no 拍照 until then; unpaid, phaseOf still makes it AWAITING_PAYMENT
  NOT_YET_OPEN: 'READY_TO_CAPTURE',
  READY_TO_SUBMIT: 'PREVIEW',
  RETAKE_REQUESTED: 'REJECTED',
  // other spellings
  ELIGIBLE: 'READY_TO_CAPTURE',
  CREATED: 'READY_TO_CAPTURE',
  GRANTED: 'READY_TO_CAPTURE',
  ELIGIBILITY_GRANTED: 'READY_TO_CAPTURE',
  AWAITING_PAYMENT: 'AWAITING_PAYMENT',
  PAYMENT_PENDING: 'AWAITING_PAYMENT',
  UNPAID: 'AWAITING_PAYMENT',
  PAID: 'READY_TO_CAPTURE',
  PAYMENT_CONFIRMED: 'READY_TO_CAPTURE',
  OPEN: 'READY_TO_CAPTURE',
  CAPTURE_OPEN: 'READY_TO_CAPTURE',
  CAPTURING: 'READY_TO_CAPTURE',
  UPLOADED: 'PREVIEW',
  STANDARDIZED: 'PREVIEW',
  PREVIEW: 'PREVIEW',
  PREVIEW_READY: 'PREVIEW',
  SUBMITTED: 'IN_REVIEW',
  IN_REVIEW: 'IN_REVIEW',
  REVIEWING: 'IN_REVIEW',
  PENDING_REVIEW: 'IN_REVIEW',
  UNDER_REVIEW: 'IN_REVIEW',
  PASSED: 'PASSED',
  REVIEW_PASSED: 'PASSED',
  INITIAL_REVIEW_PASSED: 'PASSED',
  COMPARING: 'PASSED',
  PASSED_AWAITING_PAYMENT: 'PASSED_AWAITING_PAYMENT',
  REJECTED: 'REJECTED',
  REVIEW_REJECTED: 'REJECTED',
  RETAKE: 'REJECTED',
  COMPLETED: 'COMPLETED',
  COLLECTION_COMPLETED: 'COMPLETED',
  DONE: 'COMPLETED',
  DELIVERED: 'DELIVERED',
  PHOTOS_DELIVERED: 'DELIVERED',
  UPLOADING_TO_CHSI: 'DELIVERED',
  CLOSED: 'CLOSED',
  EXPIRED: 'CLOSED',
  REFUNDED: 'CLOSED',
}

export function normalizeStatus(raw: string | undefined | null): string {
  return String(raw ?? '')
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toUpperCase()
}

export interface StatusInput {
  status?: string | null
  paid?: boolean | null
  paymentPolicy?: PaymentPolicy | string | null
}

export function phaseOf(input: StatusInput): Phase {
  const phase = ALIASES[normalizeStatus(input.status)] ?? 'UNKNOWN'
  const payBefore = (input.paymentPolicy ?? 'PAY_BEFORE_CAPTURE') === 'PAY_BEFORE_CAPTURE'
  if (phase === 'READY_TO_CAPTURE' && payBefore && input.paid === false) return 'AWAITING_PAYMENT'
  if (phase === 'AWAITING_PAYMENT' && !payBefore) return 'READY_TO_CAPTURE'
  if (phase === 'PASSED' && !payBefore && input.paid === false) return 'PASSED_AWAITING_PAYMENT'
  return phase
}

export type Tone = 'info' | 'success' | 'warning' | 'danger'

export interface StatusView {
  phase: Phase
  /** short label for lists */
  label: string
  /** the sentence on the status page; the three review results use the seeds' words */
  message: string
  tone: Tone
  canPay: boolean
  canCapture: boolean
  canDownload: boolean
  /** passed / completed / delivered: the photo can no longer be changed */
  locked: boolean
}

export function statusView(input: StatusInput): StatusView {
  const phase = phaseOf(input)
  const v = (label: string, message: string, tone: Tone, flags: Partial<StatusView> = {}): StatusView => ({
    phase, label, message, tone, canPay: false, canCapture: false, canDownload: false, locked: false, ...flags,
  })
  switch (phase) {
    case 'AWAITING_PAYMENT':
      return v('待支付', '请先支付采集费用，支付后即可拍照', 'warning', { canPay: true })
    case 'READY_TO_CAPTURE':
      return v('待拍照', '请阅读拍照要求后拍照或从相册选取照片', 'info', { canCapture: true })
    case 'PREVIEW':
      return v('待提交', '照片已标准化，请确认后提交审核', 'info', { canCapture: true })
    case 'IN_REVIEW':
      return v('审核中', '照片已提交，正在人工审核，请耐心等待审核结果', 'info')
    case 'PASSED':
      return v('初审通过', RESULT_PASSED, 'success', { locked: true })
    case 'PASSED_AWAITING_PAYMENT':
      return v('待支付', `${RESULT_PASSED}，请完成支付`, 'warning', { canPay: true, locked: true })
    case 'REJECTED':
      return v('审核未通过', RESULT_REJECTED, 'danger', { canCapture: true })
    case 'COMPLETED':
      return v('采集完成', RESULT_COMPLETED, 'success', { canDownload: true, locked: true })
    case 'DELIVERED':
      return v('上网中', `${RESULT_COMPLETED}，照片已送至学校（上网中），不支持更换照片`, 'success', { canDownload: true, locked: true })
    case 'CLOSED':
      return v('已关闭', '本次采集已关闭，如有疑问请联系客服', 'warning')
    default:
      return v('处理中', '正在处理，请稍后刷新', 'info')
  }
}

/** Money is integer fen everywhere; shown as yuan. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || Number.isNaN(fen)) return '—'
  const yuan = Math.floor(Math.abs(fen) / 100)
  const cents = Math.abs(fen) % 100
  return `${fen < 0 ? '-' : ''}¥${yuan}.${String(cents).padStart(2, '0')}`
}

const FINAL_RANK: Partial<Record<Phase, number>> = { PASSED: 1, PASSED_AWAITING_PAYMENT: 1, COMPLETED: 2, DELIVERED: 3 }

/**
 * One status from two services that learn of events at their own pace. identity-service keeps
 * the collection list; capture-service is the source of truth for the capture loop (payment
 * opened it, a photo is waiting to be submitted, it is under review, a rejection reopened it).
 * Once either has seen the review pass, the furthest of the final states wins.
 */
export function mergeStatus(identityStatus: string | null | undefined, capturePhase: string | null | undefined): string {
  const a = ALIASES[normalizeStatus(identityStatus)] ?? 'UNKNOWN'
  const b = ALIASES[normalizeStatus(capturePhase)] ?? 'UNKNOWN'
  const ra = FINAL_RANK[a] ?? 0
  const rb = FINAL_RANK[b] ?? 0
  if (ra || rb) return ra >= rb ? String(identityStatus) : String(capturePhase)
  if (b !== 'UNKNOWN') return String(capturePhase)
  return String(identityStatus ?? '')
}
