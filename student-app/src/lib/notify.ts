import Taro from '@tarojs/taro'
import { api } from '../api'

/** The subscription-message template for the review result (set per deployment). */
export const REVIEW_RESULT_TEMPLATE = REVIEW_TEMPLATE_ID

/**
 * Ask the student to authorise one result notification: wx.requestSubscribeMessage in the
 * mini-program (it must follow a tap), a plain consent in H5. Returns whether it was accepted.
 */
export async function authoriseResultNotification(): Promise<boolean> {
  let accepted = true
  if (process.env.TARO_ENV === 'weapp') {
    const r = (await Taro.requestSubscribeMessage({ tmplIds: [REVIEW_RESULT_TEMPLATE], entityIds: [] } as never)) as unknown as Record<string, string>
    accepted = r[REVIEW_RESULT_TEMPLATE] === 'accept'
  }
  const r = await api.consentToNotification(accepted)
  return accepted && r.authorised
}
