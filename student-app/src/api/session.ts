// The student's session: a token from identity-service's WeChat login, kept in storage.
import Taro from '@tarojs/taro'
import { h5LoginCode } from '../lib/identity'
import type { Session } from './client'

const TOKEN_KEY = 'gradphoto.token'

interface Stored { token: string; expiresAt: number; studentId: string }

function randomId(): string {
  const bytes = new Uint8Array(16)
  const c = (globalThis as { crypto?: Crypto }).crypto
  if (c?.getRandomValues) c.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * wx.login in the mini-program. In H5 the browser is one simulated WeChat user (an openid made up
 * once and kept: same browser = same student) and the local WeChat gives it a wx.login code.
 */
export async function loginCode(h5Code?: (openid: string) => Promise<string>): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const openid = h5LoginCode(
      { get: (k) => Taro.getStorageSync(k) || null, set: (k, v) => Taro.setStorageSync(k, v) },
      randomId,
    )
    return h5Code ? h5Code(openid) : openid
  }
  const r = await Taro.login()
  return r.code
}

export function createSession(
  login: (code: string) => Promise<{ accessToken: string; expiresIn: number; studentId: string }>,
  h5Code?: (openid: string) => Promise<string>,
) {
  let cached: Stored | null = null
  const read = (): Stored | null => {
    if (cached) return cached
    try {
      const v = Taro.getStorageSync(TOKEN_KEY)
      cached = v ? (typeof v === 'string' ? JSON.parse(v) : v) : null
    } catch {
      cached = null
    }
    return cached
  }
  let pending: Promise<string> | null = null
  const session: Session & { ensure(): Promise<string>; studentId(): string | null; clear(): void } = {
    token() {
      const s = read()
      return s && s.expiresAt > Date.now() + 10_000 ? s.token : null
    },
    relogin() {
      // one login at a time, however many requests saw the 401
      pending ??= (async () => {
        try {
          const r = await login(await loginCode(h5Code))
          cached = { token: r.accessToken, expiresAt: Date.now() + (r.expiresIn || 3600) * 1000, studentId: r.studentId }
          Taro.setStorageSync(TOKEN_KEY, JSON.stringify(cached))
          return r.accessToken
        } finally {
          pending = null
        }
      })()
      return pending
    },
    async ensure() {
      return session.token() ?? session.relogin()
    },
    studentId() {
      return read()?.studentId ?? null
    },
    clear() {
      cached = null
      Taro.removeStorageSync(TOKEN_KEY)
    },
  }
  return session
}
