import type { GuideSpec } from '../lib/crop'

// What the app needs from the services' answers. The services are young and name things
// their own way; `normalize.ts` reads every spelling we know into these shapes.

export interface LoginResult { accessToken: string; expiresIn: number; studentId: string }

export type EligibilityMode = 'SCHOOL' | 'CHSI_CODE' | 'IDENTITY'

export interface School { code: string; name: string; modes: EligibilityMode[] }

export interface Reason { code?: string; message: string }

export interface Collection {
  id: string
  schoolName: string
  schoolCode: string
  batchId?: string
  batchName: string
  degreeLevel?: string
  studentName?: string
  studentNumber?: string
  idNumberMasked?: string
  priceFen: number | null
  paymentPolicy: 'PAY_BEFORE_CAPTURE' | 'PAY_AFTER_REVIEW' | string
  paid: boolean | null
  windowOpensAt?: string
  windowClosesAt?: string
  serviceDescription?: string
  shootingRequirements?: string
  reviewPromise?: string
  /** the batch's own words for the review time (identity fills in 24小时内 / 两个工作日内) */
  reviewPromiseText?: string
  notice?: string
  supportPhone?: string
  supportHours?: string
  uploadMinBytes?: number
  uploadMaxBytes?: number
  /** the backgrounds the batch offers (names or #RRGGBB) */
  backgroundColours: string[]
  signUpOpensAt?: string
  signUpClosesAt?: string
  signUpWindow?: string
  status: string
  /** the service's own Chinese label of the status */
  statusLabel?: string
  /** the window as the service words it */
  window?: string
  reasons: Reason[]
  raw: Record<string, unknown>
}

/** A batch as a student reads it before getting eligibility (identity's open-batches). */
export interface OpenBatch {
  batchId: string
  batchName: string
  schoolCode: string
  schoolName: string
  notice?: string
  modes: EligibilityMode[]
  signUpOpensAt?: string
  signUpClosesAt?: string
  signUpWindow?: string
  signUpOpen: boolean
  opensAt?: string
  closesAt?: string
  /** the shooting window as identity words it */
  window?: string
  shootingOpen: boolean
  priceFen: number | null
  paymentPolicy: string
  reviewPromiseText?: string
  supportPhone?: string
  supportHours?: string
  shootingRequirements?: string
  serviceDescription?: string
  uploadMinBytes?: number
  uploadMaxBytes?: number
  backgroundColours: string[]
}

/** What the support page and the texts need of the batch the student is dealing with. */
export interface BatchTexts {
  batchName?: string
  schoolName?: string
  supportPhone?: string
  supportHours?: string
  reviewPromiseText?: string
  shootingRequirements?: string
  uploadMinBytes?: number
  uploadMaxBytes?: number
  /** the backgrounds the batch offers (names or #RRGGBB), for the clothing rule */
  backgroundColours?: string[]
}

/** Mode C answers with the roster row it found; the student confirms it. */
export interface MatchConfirmation {
  matchId: string
  schoolName: string
  schoolCode: string
  studentNumber: string
  studentName: string
  expiresAt?: string
  raw: Record<string, unknown>
}

export interface Finding {
  code: string
  severity: 'INFO' | 'WARN' | 'REJECT' | string
  message: string
  measured?: number | string | null
  threshold?: string | number | null
}

export interface Attempt {
  id: string
  collectionId?: string
  status: string
  previewUrl?: string
  originalUrl?: string
  findings: Finding[]
  geometry: Record<string, number>
  backgroundColour?: string
  backgroundColours: string[]
  submittable: boolean
  guide?: GuideSpec
  raw: Record<string, unknown>
}

export interface CaptureState {
  collectionId: string
  open: boolean
  /** why capture is not open, in Chinese, when it is not */
  blockedReason?: string
  locked: boolean
  status?: string
  reasons: Reason[]
  attempts: Attempt[]
  submittedAttemptId?: string
  paid: boolean | null
  backgroundColours: string[]
  raw: Record<string, unknown>
}

export interface Order {
  orderId: string
  collectionId?: string
  status: string
  amountFen: number | null
  raw: Record<string, unknown>
}

/** Parameters for wx.requestPayment, as payment-service signs them. */
export interface WxPayParams {
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA' | 'MD5' | 'HMAC-SHA256'
  paySign: string
}

export interface Download { kind: 'standard' | 'layout'; url: string; fileName?: string; expiresAt?: string }

export interface CropParams { left: number; top: number; width: number; height: number }
