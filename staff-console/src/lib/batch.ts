// The batch form's values and the body identity-service takes (PUT/POST batches): prices in
// yuan on screen and fen on the wire, the window as two instants.
import dayjs, { type Dayjs } from 'dayjs'

export const PAYMENT_POLICIES = [
  { value: 'PAY_BEFORE_CAPTURE', label: '先付款后拍摄' },
  { value: 'PAY_AFTER_REVIEW', label: '审核通过后付款' },
]
export const ELIGIBILITY_MODES = [
  { value: 'SCHOOL_NAME_ID', label: '学校 + 姓名 + 证件号' },
  { value: 'CHSI_CODE', label: '学信网图像采集码' },
  { value: 'ID_AND_PHONE', label: '证件号 + 手机号' },
]
export const REVIEW_PROMISES = [
  { value: 'PT24H', label: '24 小时内审核' },
  { value: 'P2WD', label: '2 个工作日内审核' },
]
export const COLOURS = [
  { value: 'blue', label: '浅蓝底' },
  { value: 'white', label: '白底' },
  { value: 'red', label: '红底' },
]

export interface BatchForm {
  name: string
  window: [Dayjs, Dayjs]
  priceYuan: number
  paymentPolicy: string
  specProfile: string
  eligibilityModes: string[]
  reviewPromise: string
  serviceDescription?: string
  shootingRequirements?: string
  allowSubmitWithFindings: boolean
  backgroundColours: string[]
  uploadMinKb: number
  uploadMaxMb: number
  /** Sign-up and payment window; empty = the shooting window. */
  signUpWindow?: [Dayjs, Dayjs] | null
  notice?: string
  reviewPromiseText?: string
  supportPhone?: string
  supportHours?: string
}

export interface BatchWire {
  id?: string
  schoolCode?: string
  name: string
  opensAt: string
  closesAt: string
  priceFen: number
  paymentPolicy: string
  specProfile: string
  eligibilityModes: string[]
  reviewPromise: string
  serviceDescription: string | null
  shootingRequirements: string | null
  allowSubmitWithFindings: boolean
  backgroundColours: string[]
  uploadMinBytes: number
  uploadMaxBytes: number
  signUpOpensAt?: string | null
  signUpClosesAt?: string | null
  notice?: string | null
  reviewPromiseText?: string | null
  supportPhone?: string | null
  supportHours?: string | null
}

const text = (v?: string) => v?.trim() || null

export function toWire(f: BatchForm, schoolCode: string, id?: string): BatchWire {
  return {
    id,
    schoolCode,
    name: f.name.trim(),
    opensAt: f.window[0].toISOString(),
    closesAt: f.window[1].toISOString(),
    priceFen: Math.round(f.priceYuan * 100),
    paymentPolicy: f.paymentPolicy,
    specProfile: f.specProfile,
    eligibilityModes: f.eligibilityModes,
    reviewPromise: f.reviewPromise,
    serviceDescription: f.serviceDescription?.trim() || null,
    shootingRequirements: f.shootingRequirements?.trim() || null,
    allowSubmitWithFindings: f.allowSubmitWithFindings,
    backgroundColours: f.backgroundColours,
    uploadMinBytes: Math.round(f.uploadMinKb * 1000),
    uploadMaxBytes: Math.round(f.uploadMaxMb * 1_000_000),
    signUpOpensAt: f.signUpWindow ? f.signUpWindow[0].toISOString() : null,
    signUpClosesAt: f.signUpWindow ? f.signUpWindow[1].toISOString() : null,
    notice: text(f.notice),
    reviewPromiseText: text(f.reviewPromiseText),
    supportPhone: text(f.supportPhone),
    supportHours: text(f.supportHours),
  }
}

export function fromWire(b: BatchWire): BatchForm {
  return {
    name: b.name,
    window: [dayjs(b.opensAt), dayjs(b.closesAt)],
    priceYuan: b.priceFen / 100,
    paymentPolicy: b.paymentPolicy,
    specProfile: b.specProfile,
    eligibilityModes: b.eligibilityModes,
    reviewPromise: b.reviewPromise,
    serviceDescription: b.serviceDescription ?? undefined,
    shootingRequirements: b.shootingRequirements ?? undefined,
    allowSubmitWithFindings: b.allowSubmitWithFindings,
    backgroundColours: b.backgroundColours,
    uploadMinKb: b.uploadMinBytes / 1000,
    uploadMaxMb: b.uploadMaxBytes / 1_000_000,
    // A sign-up window equal to the shooting window is the default: show it as empty.
    signUpWindow:
      b.signUpOpensAt && b.signUpClosesAt && (b.signUpOpensAt !== b.opensAt || b.signUpClosesAt !== b.closesAt)
        ? [dayjs(b.signUpOpensAt), dayjs(b.signUpClosesAt)]
        : null,
    notice: b.notice ?? undefined,
    reviewPromiseText: b.reviewPromiseText ?? undefined,
    supportPhone: b.supportPhone ?? undefined,
    supportHours: b.supportHours ?? undefined,
  }
}

export function newBatchForm(now: Dayjs = dayjs()): BatchForm {
  return {
    name: '',
    window: [now.startOf('day'), now.add(30, 'day').endOf('day')],
    priceYuan: 0,
    paymentPolicy: 'PAY_BEFORE_CAPTURE',
    specProfile: 'chsi-graduation',
    eligibilityModes: ['SCHOOL_NAME_ID'],
    reviewPromise: 'P2WD',
    allowSubmitWithFindings: false,
    backgroundColours: ['blue'],
    uploadMinKb: 20,
    uploadMaxMb: 10,
  }
}
