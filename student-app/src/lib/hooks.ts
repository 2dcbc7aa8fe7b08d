import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from './problem'

/** Load data when the page shows (again), keep the Chinese message of a failure. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const alive = useRef(true)
  useEffect(() => () => { alive.current = false }, [])
  const reload = useCallback(async () => {
    setLoading(true)
    try {
      const d = await load()
      if (alive.current) { setData(d); setError(null) }
      return d
    } catch (e) {
      if (alive.current) setError(messageOf(e))
      return null
    } finally {
      if (alive.current) setLoading(false)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  useDidShow(() => { void reload() })
  return { data, error, loading, reload, setData, setError }
}

export function param(name: string): string {
  return Taro.getCurrentInstance().router?.params?.[name] ?? ''
}

export function go(url: string) {
  return Taro.navigateTo({ url })
}

export function toast(title: string, icon: 'success' | 'none' | 'error' = 'none') {
  return Taro.showToast({ title, icon, duration: 2500 })
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Short-lived hand-over between pages (mode C's match, a chosen picture). */
const handover = new Map<string, unknown>()
export function put(key: string, value: unknown) { handover.set(key, value) }
export function take<T>(key: string): T | undefined { return handover.get(key) as T | undefined }
