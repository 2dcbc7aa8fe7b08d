import type { GuideSpec } from '../lib/crop'
import type { Attempt, CaptureState, Collection, Download, EligibilityMode, Finding, MatchConfirmation, OpenBatch, Order, Reason, School } from './types'

type Obj = Record<string, unknown>

const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {})
const str = (...vs: unknown[]): string => {
  for (const v of vs) if (typeof v === 'string' && v) return v
  for (const v of vs) if (typeof v === 'number') return String(v)
  return ''
}
const num = (...vs: unknown[]): number | null => {
  for (const v of vs) {
    if (typeof v === 'number' && Number.isFinite(v)) return v
    if (typeof v === 'string' && v.trim() && Number.isFinite(Number(v))) return Number(v)
  }
  return null
}
const bool = (...vs: unknown[]): boolean | null => {
  for (const v of vs) if (typeof v === 'boolean') return v
  return null
}
/** A list, or the list inside a page/envelope ({items}, {content}, {data}, {collections}…). */
export function listOf(v: unknown, ...keys: string[]): unknown[] {
  if (Array.isArray(v)) return v
  const o = obj(v)
  for (const k of [...keys, 'items', 'content', 'data', 'results', 'list']) if (Array.isArray(o[k])) return o[k] as unknown[]
  return []
}

export function toReasons(v: unknown): Reason[] {
  return listOf(v, 'reasons').map((r) => {
    if (typeof r === 'string') return { message: r }
    const o = obj(r)
    return { code: str(o.code) || undefined, message: str(o.message, o.text, o.label, o.code) }
  }).filter((r) => r.message)
}

const MODE_ALIASES: Record<string, EligibilityMode> = {
  A: 'SCHOOL', SCHOOL: 'SCHOOL', SCHOOL_NAME_ID: 'SCHOOL', SCHOOL_ID: 'SCHOOL', SCHOOL_SEARCH: 'SCHOOL', BY_SCHOOL: 'SCHOOL',
  B: 'CHSI_CODE', CHSI: 'CHSI_CODE', CHSI_CODE: 'CHSI_CODE', COLLECTION_CODE: 'CHSI_CODE', BY_CHSI_CODE: 'CHSI_CODE',
  C: 'IDENTITY', IDENTITY: 'IDENTITY', ID_AND_PHONE: 'IDENTITY', IDENTITY_PHONE: 'IDENTITY', ID_PHONE: 'IDENTITY', PHONE: 'IDENTITY', BY_IDENTITY: 'IDENTITY', CONFIRMATION: 'IDENTITY',
}

export function toModes(v: unknown): EligibilityMode[] {
  const out = new Set<EligibilityMode>()
  for (const m of listOf(v)) {
    const mode = MODE_ALIASES[String(m).toUpperCase()]
    if (mode) out.add(mode)
  }
  return [...out]
}

export function toSchool(v: unknown): School {
  const o = obj(v)
  return {
    code: str(o.code, o.schoolCode),
    name: str(o.name, o.schoolName),
    modes: toModes(o.modes ?? o.eligibilityModes ?? []),
  }
}

export function toCollection(v: unknown): Collection {
  const o = obj(v)
  const batch = obj(o.batch)
  const school = obj(o.school)
  const window = obj(typeof o.window === 'string' ? {} : o.window)
  const review = obj(o.review ?? o.lastReview)
  return {
    id: str(o.collectionId, o.id),
    schoolName: str(o.schoolName, school.name, batch.schoolName),
    schoolCode: str(o.schoolCode, school.code, batch.schoolCode),
    batchId: str(o.batchId, batch.id, batch.batchId) || undefined,
    batchName: str(o.batchName, batch.name),
    degreeLevel: str(o.degreeLevel) || undefined,
    studentName: str(o.studentName, o.name) || undefined,
    studentNumber: str(o.studentNumber) || undefined,
    idNumberMasked: str(o.idNumberMasked) || undefined,
    priceFen: num(o.priceFen, batch.priceFen, o.amountFen),
    paymentPolicy: str(o.paymentPolicy, batch.paymentPolicy) || 'PAY_BEFORE_CAPTURE',
    paid: bool(o.paid, o.isPaid) ?? (o.paymentStatus ? String(o.paymentStatus).toUpperCase() === 'PAID' : null),
    windowOpensAt: str(o.windowOpensAt, o.opensAt, window.opensAt, batch.opensAt, batch.windowOpensAt) || undefined,
    windowClosesAt: str(o.windowClosesAt, o.closesAt, window.closesAt, batch.closesAt, batch.windowClosesAt) || undefined,
    serviceDescription: str(o.serviceDescription, batch.serviceDescription) || undefined,
    shootingRequirements: str(o.shootingRequirements, batch.shootingRequirements) || undefined,
    reviewPromise: str(o.reviewPromise, batch.reviewPromise) || undefined,
    reviewPromiseText: str(o.reviewPromiseText, batch.reviewPromiseText) || undefined,
    notice: str(o.notice, batch.notice) || undefined,
    supportPhone: str(o.supportPhone, batch.supportPhone) || undefined,
    supportHours: str(o.supportHours, batch.supportHours) || undefined,
    uploadMinBytes: num(o.uploadMinBytes, batch.uploadMinBytes) ?? undefined,
    uploadMaxBytes: num(o.uploadMaxBytes, batch.uploadMaxBytes) ?? undefined,
    backgroundColours: listOf(o.backgroundColours ?? batch.backgroundColours ?? []).map(String),
    signUpOpensAt: str(o.signUpOpensAt, batch.signUpOpensAt) || undefined,
    signUpClosesAt: str(o.signUpClosesAt, batch.signUpClosesAt) || undefined,
    signUpWindow: str(o.signUpWindow) || undefined,
    status: str(o.status, o.state),
    statusLabel: str(o.statusLabel) || undefined,
    window: typeof o.window === 'string' ? o.window : undefined,
    reasons: toReasons(o.reasons ?? o.rejectionReasons ?? review.reasons ?? []),
    raw: o,
  }
}

export function toOpenBatch(v: unknown): OpenBatch {
  const o = obj(v)
  return {
    batchId: str(o.batchId, o.id),
    batchName: str(o.batchName, o.name),
    schoolCode: str(o.schoolCode),
    schoolName: str(o.schoolName),
    notice: str(o.notice) || undefined,
    modes: toModes(o.eligibilityModes ?? o.modes ?? []),
    signUpOpensAt: str(o.signUpOpensAt) || undefined,
    signUpClosesAt: str(o.signUpClosesAt) || undefined,
    signUpWindow: str(o.signUpWindow) || undefined,
    signUpOpen: bool(o.signUpOpen) ?? true,
    opensAt: str(o.opensAt) || undefined,
    closesAt: str(o.closesAt) || undefined,
    window: typeof o.window === 'string' ? o.window : undefined,
    shootingOpen: bool(o.shootingOpen) ?? true,
    priceFen: num(o.priceFen),
    paymentPolicy: str(o.paymentPolicy) || 'PAY_BEFORE_CAPTURE',
    reviewPromiseText: str(o.reviewPromiseText) || undefined,
    supportPhone: str(o.supportPhone) || undefined,
    supportHours: str(o.supportHours) || undefined,
    shootingRequirements: str(o.shootingRequirements) || undefined,
    serviceDescription: str(o.serviceDescription) || undefined,
    uploadMinBytes: num(o.uploadMinBytes) ?? undefined,
    uploadMaxBytes: num(o.uploadMaxBytes) ?? undefined,
    backgroundColours: listOf(o.backgroundColours ?? []).map(String),
  }
}

export function toMatch(v: unknown): MatchConfirmation {
  const o = obj(v)
  const m = obj(o.match ?? o.candidate ?? o)
  return {
    matchId: str(o.matchId, o.confirmationId, o.token, o.matchToken, o.id, m.matchId),
    expiresAt: str(o.expiresAt) || undefined,
    schoolName: str(m.schoolName),
    schoolCode: str(m.schoolCode),
    studentNumber: str(m.studentNumber),
    studentName: str(m.studentName, m.name),
    raw: o,
  }
}

export function toFinding(v: unknown): Finding {
  const o = obj(v)
  return {
    code: str(o.code),
    severity: str(o.severity, o.level) || 'INFO',
    message: str(o.message, o.detail, o.code),
    measured: (o.measured as number | string | null | undefined) ?? null,
    threshold: (o.threshold as number | string | null | undefined) ?? null,
  }
}

export function toAttempt(v: unknown): Attempt {
  const o = obj(v)
  const preview = obj(o.preview)
  const urls = obj(o.urls ?? o.links)
  const geometry: Record<string, number> = {}
  for (const [k, val] of Object.entries(obj(o.geometry ?? preview.geometry))) if (typeof val === 'number') geometry[k] = val
  const findings = listOf(o.findings ?? preview.findings ?? []).map(toFinding)
  const status = str(o.status, o.state)
  const explicit = bool(o.submittable, o.canSubmit)
  return {
    id: str(o.attemptId, o.id),
    collectionId: str(o.collectionId) || undefined,
    status,
    previewUrl: str(o.previewUrl, o.standardizedUrl, preview.standardizedUrl, preview.url, urls.preview, urls.standardized) || undefined,
    originalUrl: str(o.originalUrl, urls.original) || undefined,
    findings,
    geometry,
    backgroundColour: str(o.backgroundColour, o.backgroundColor) || undefined,
    backgroundColours: listOf(o.backgroundColours ?? o.allowedBackgroundColours ?? o.backgroundColors ?? []).map(String),
    submittable: explicit ?? !findings.some((f) => String(f.severity).toUpperCase() === 'REJECT'),
    guide: toGuide(o.guide ?? o.spec),
    raw: o,
  }
}

/** The spec's windows for the guide lines ({min,max} objects or [min,max] pairs), when sent. */
export function toGuide(v: unknown): GuideSpec | undefined {
  const o = obj(v)
  const win = (w: unknown): [number, number] | null => {
    if (Array.isArray(w) && w.length === 2) return [Number(w[0]), Number(w[1])]
    const x = obj(w)
    const a = num(x.min), b = num(x.max)
    return a !== null && b !== null ? [a, b] : null
  }
  const wPx = num(o.widthPx), hPx = num(o.heightPx)
  const head = win(o.headTopPx), eye = win(o.eyeLinePx), face = win(o.faceWidthPx)
  if (wPx === null || hPx === null || !head || !eye || !face) return undefined
  return { widthPx: wPx, heightPx: hPx, headTopMinPx: head[0], headTopMaxPx: head[1], eyeLineMinPx: eye[0], eyeLineMaxPx: eye[1], faceWidthMinPx: face[0], faceWidthMaxPx: face[1] }
}

export function toCaptureState(v: unknown, collectionId: string): CaptureState {
  const o = obj(v)
  const attempts = listOf(o.attempts ?? []).map(toAttempt)
  const status = str(o.phase, o.status, o.state)
  const upper = status.toUpperCase()
  return {
    collectionId: str(o.collectionId, o.id) || collectionId,
    open: bool(o.canUpload, o.open, o.captureOpen) ?? !/LOCK|CLOSED|WAIT|AWAIT|PENDING_PAYMENT|UNPAID|SUBMITTED|REVIEW/.test(upper),
    blockedReason: str(o.blockedReason, o.reason, o.message, o.nextStep) || undefined,
    locked: bool(o.locked) ?? /LOCK|^PASSED|COMPLETED|DELIVERED/.test(upper),
    status,
    reasons: toReasons(o.reviewReasons ?? o.reasons ?? o.rejectionReasons ?? []),
    attempts,
    paid: bool(o.paid),
    backgroundColours: listOf(o.backgroundColours ?? []).map(String),
    submittedAttemptId: str(o.submittedAttemptId) || undefined,
    raw: o,
  }
}

export function toOrder(v: unknown): Order {
  const o = obj(v)
  return {
    orderId: str(o.orderId, o.id),
    collectionId: str(o.collectionId) || undefined,
    status: str(o.status, o.state),
    amountFen: num(o.amountFen, o.priceFen, o.totalFen),
    raw: o,
  }
}

export function toDownload(v: unknown, kind: 'standard' | 'layout'): Download {
  const o = obj(v)
  return { kind, url: str(o.url, o.downloadUrl, o.presignedUrl, o.href), fileName: str(o.fileName, o.filename) || undefined, expiresAt: str(o.expiresAt) || undefined }
}
