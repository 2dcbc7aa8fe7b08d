import { describe, expect, it } from 'vitest'
import { formatFen, mergeStatus, normalizeStatus, phaseOf, RESULT_COMPLETED, RESULT_PASSED, RESULT_REJECTED, statusView } from '../src/lib/status'

describe('status mapping', () => {
  it('gives the three review results the seeds’ exact words', () => {
    expect(RESULT_PASSED).toBe('照片初审通过，正在进行信息比对')
    expect(RESULT_COMPLETED).toBe('采集完成')
    expect(RESULT_REJECTED).toBe('初审失败，请重拍')
    expect(statusView({ status: 'REVIEW_PASSED' }).message).toBe('照片初审通过，正在进行信息比对')
    expect(statusView({ status: 'COMPLETED' }).message).toBe('采集完成')
    expect(statusView({ status: 'REJECTED' }).message).toBe('初审失败，请重拍')
  })

  it('reads the services’ spellings of a state', () => {
    expect(normalizeStatus('inReview')).toBe('IN_REVIEW')
    expect(normalizeStatus('collection-completed')).toBe('COLLECTION_COMPLETED')
    expect(phaseOf({ status: 'reviewRejected' })).toBe('REJECTED')
    expect(phaseOf({ status: 'CollectionCompleted' })).toBe('COMPLETED')
    expect(phaseOf({ status: 'submitted' })).toBe('IN_REVIEW')
    expect(phaseOf({ status: 'delivered' })).toBe('DELIVERED')
    expect(phaseOf({ status: 'something new' })).toBe('UNKNOWN')
    expect(phaseOf({ status: null })).toBe('UNKNOWN')
  })

  it('asks for payment before capture when the batch says so', () => {
    const v = statusView({ status: 'ELIGIBLE', paid: false, paymentPolicy: 'PAY_BEFORE_CAPTURE' })
    expect(v.phase).toBe('AWAITING_PAYMENT')
    expect(v.canPay).toBe(true)
    expect(v.canCapture).toBe(false)
    expect(statusView({ status: 'PAID', paid: true }).canCapture).toBe(true)
  })

  it('lets pay-after-review batches shoot first and pay once passed', () => {
    expect(statusView({ status: 'AWAITING_PAYMENT', paymentPolicy: 'PAY_AFTER_REVIEW' }).canCapture).toBe(true)
    const passed = statusView({ status: 'REVIEW_PASSED', paid: false, paymentPolicy: 'PAY_AFTER_REVIEW' })
    expect(passed.phase).toBe('PASSED_AWAITING_PAYMENT')
    expect(passed.canPay).toBe(true)
    expect(passed.message).toContain(RESULT_PASSED)
  })

  it('locks the photo once passed, allows retake after rejection, downloads once complete', () => {
    expect(statusView({ status: 'REVIEW_PASSED' }).locked).toBe(true)
    expect(statusView({ status: 'REJECTED' }).canCapture).toBe(true)
    expect(statusView({ status: 'IN_REVIEW' }).canCapture).toBe(false)
    expect(statusView({ status: 'COMPLETED' }).canDownload).toBe(true)
    expect(statusView({ status: 'DELIVERED' }).label).toBe('上网中')
  })

  it('shows integer fen as yuan', () => {
    expect(formatFen(2000)).toBe('¥20.00')
    expect(formatFen(1)).toBe('¥0.01')
    expect(formatFen(12345)).toBe('¥123.45')
    expect(formatFen(null)).toBe('—')
  })
})

describe('one status from identity and capture', () => {
  it('reads identity’s and capture’s own state names', () => {
    expect(phaseOf({ status: 'AWAITING_PHOTO', paid: false })).toBe('AWAITING_PAYMENT')
    expect(phaseOf({ status: 'AWAITING_PHOTO', paid: true })).toBe('READY_TO_CAPTURE')
    expect(phaseOf({ status: 'READY_TO_SUBMIT' })).toBe('PREVIEW')
    expect(phaseOf({ status: 'UNDER_REVIEW' })).toBe('IN_REVIEW')
    expect(phaseOf({ status: 'RETAKE_REQUESTED' })).toBe('REJECTED')
    expect(phaseOf({ status: 'WINDOW_CLOSED' })).toBe('CLOSED')
  })

  it('reads capture’s NOT_YET_OPEN as paid-and-waiting, or still to pay', () => {
    expect(mergeStatus('AWAITING_PHOTO', 'NOT_YET_OPEN')).toBe('NOT_YET_OPEN')
    expect(phaseOf({ status: 'NOT_YET_OPEN', paid: true })).toBe('READY_TO_CAPTURE')
    expect(phaseOf({ status: 'NOT_YET_OPEN', paid: false })).toBe('AWAITING_PAYMENT')
    expect(statusView({ status: 'NOT_YET_OPEN', paid: true }).canPay).toBe(false)
  })

  it('lets capture lead the capture loop while identity catches up', () => {
    expect(mergeStatus('AWAITING_PHOTO', 'READY_TO_SUBMIT')).toBe('READY_TO_SUBMIT')
    expect(mergeStatus('AWAITING_PHOTO', 'UNDER_REVIEW')).toBe('UNDER_REVIEW')
    // rejected, then a new photo submitted: capture knows first
    expect(mergeStatus('REJECTED', 'UNDER_REVIEW')).toBe('UNDER_REVIEW')
    // the rejection reached capture before identity
    expect(mergeStatus('IN_REVIEW', 'RETAKE_REQUESTED')).toBe('RETAKE_REQUESTED')
    expect(mergeStatus('IN_REVIEW', null)).toBe('IN_REVIEW')
  })

  it('keeps the furthest final state from either', () => {
    expect(mergeStatus('COMPLETED', 'PASSED')).toBe('COMPLETED')
    expect(mergeStatus('IN_REVIEW', 'PASSED')).toBe('PASSED')
    expect(mergeStatus('REVIEW_PASSED', 'COMPLETED')).toBe('COMPLETED')
    expect(mergeStatus('DELIVERED', 'COMPLETED')).toBe('DELIVERED')
  })
})
