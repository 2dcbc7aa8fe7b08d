import { createApi } from './client'
import { createSession } from './session'
import { taroTransport } from './taro-transport'

// eslint-disable-next-line prefer-const
let api: ReturnType<typeof createApi>
export const session = createSession(
  (code) => api.login(code),
  (openid) => api.h5LoginCode(openid),
)
api = createApi({ transport: taroTransport, baseUrl: API_BASE, session })
export { api }
export type { Attempt, BatchTexts, CaptureState, Collection, Download, Finding, MatchConfirmation, OpenBatch, Order, Reason, School } from './types'
