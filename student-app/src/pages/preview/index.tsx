import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useMemo, useRef, useState } from 'react'
import { api } from '../../api'
import type { Attempt } from '../../api/types'
import { GuideLines } from '../../components/GuideFrame'
import { ErrorBar, ServiceButton } from '../../components/ui'
import { DIPLOMA_GUIDES, frameFor } from '../../lib/crop'
import { param, sleep } from '../../lib/hooks'
import { currentBatch, reviewSentence } from '../../lib/batch'
import { authoriseResultNotification } from '../../lib/notify'
import { messageOf } from '../../lib/problem'

/** Colours arrive as #RRGGBB (the profile's list); names are accepted too. */
const COLOURS: Record<string, string> = { BLUE: '#64C5FF', LIGHT_BLUE: '#64C5FF', WHITE: '#FFFFFF', LIGHT_GREY: '#F0F0F0', GREY: '#F0F0F0' }
const cssColour = (c: string) => (c.startsWith('#') ? c : COLOURS[c.toUpperCase()] ?? c)
const SEVERITY: Record<string, string> = { REJECT: '不合格', WARN: '提醒', INFO: '提示' }

/** Standardization may still be running when the upload returns: wait for the preview. */
function ready(a: Attempt): boolean {
  if (/PENDING|PROCESSING|QUEUED|STANDARDIZING|RECEIVED|UPLOADED$/i.test(a.status) && !a.previewUrl) return false
  return !!a.previewUrl || a.findings.length > 0 || /FAIL|ERROR|READY|STANDARDIZED|PREVIEW/i.test(a.status)
}

export default function Preview() {
  const id = param('id')
  const attemptId = param('attempt')
  const [attempt, setAttempt] = useState<Attempt | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const loading = useRef(false)
  const width = useMemo(() => Math.min(300, Math.round(Taro.getSystemInfoSync().windowWidth * 0.72)), [])

  useDidShow(() => {
    if (loading.current) return
    loading.current = true
    void (async () => {
      try {
        for (let i = 0; i < 90; i++) {
          const a = await api.attempt(id, attemptId)
          setAttempt(a)
          if (ready(a)) break
          await sleep(1000)
        }
      } catch (e) {
        setError(messageOf(e))
      } finally {
        loading.current = false
      }
    })()
  })

  const setColour = async (colour: string) => {
    setBusy(true)
    try {
      setAttempt(await api.adjustAttempt(id, attemptId, { backgroundColour: colour }))
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await api.submit(id, attemptId)
      const r = await Taro.showModal({
        title: '照片已提交',
        content: `照片已进入人工审核，${reviewSentence(currentBatch())}。是否在审核完成后通知您？`,
        confirmText: '通知我',
        cancelText: '暂不',
      })
      if (r.confirm) await authoriseResultNotification().catch(() => false)
      await Taro.redirectTo({ url: `/pages/collection/index?id=${encodeURIComponent(id)}` })
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const g = attempt?.geometry ?? {}
  const frame = frameFor(width, attempt?.guide ?? DIPLOMA_GUIDES)
  const spec = attempt?.guide ?? DIPLOMA_GUIDES
  const H = spec.heightPx
  const marker = (px: number | undefined, label: string) => (px === undefined ? null : (
    <View className="guide" style={{ top: `${(px / H) * 100}%`, borderTop: '2px solid #ff4d4f' }}>
      <Text className="guide-label" style={{ left: '6px', right: 'auto', top: '-14px' }}>{label} {Math.round(px)}px</Text>
    </View>
  ))

  return (
    <View className="page">
      <ErrorBar message={error} />
      <View className="card">
        <Text className="subtitle center">照片标准化</Text>
        {!attempt || !ready(attempt) ? (
          <Text className="hint center" id="preview-wait">正在制作标准照，请稍候…</Text>
        ) : (
          <>
            <View className="frame-wrap">
              <View className="frame" id="preview-frame" style={{ width: `${frame.width}px`, height: `${frame.height}px` }}>
                {attempt.previewUrl && <Image className="preview-img" src={attempt.previewUrl} mode="aspectFit" />}
                <GuideLines spec={spec} />
                {marker(g.headTopPx, '头顶')}
                {marker(g.eyeLinePx, '眼线')}
              </View>
            </View>
            {attempt.backgroundColours.length > 1 && (
              <View className="row">
                <Text className="row-label">背景颜色</Text>
                <View className="swatches">
                  {attempt.backgroundColours.map((c) => (
                    <View key={c} className={`swatch ${attempt.backgroundColour?.toUpperCase() === c.toUpperCase() ? 'swatch-on' : ''}`}
                      style={{ background: cssColour(c) }} onClick={() => !busy && setColour(c)} />
                  ))}
                </View>
              </View>
            )}
            <View id="findings">
              {attempt.findings.length === 0 ? (
                <Text className="ok-bar">照片检测通过，请确认后提交</Text>
              ) : attempt.findings.map((f, i) => (
                <View className="finding" key={i}>
                  <Text className={`sev sev-${String(f.severity).toUpperCase()}`}>{SEVERITY[String(f.severity).toUpperCase()] ?? f.severity}</Text>
                  <Text>{f.message}</Text>
                </View>
              ))}
            </View>
            {!attempt.submittable && <Text className="error-bar">照片不符合要求，请按提示重拍</Text>}
          </>
        )}
        <View className="btn-row">
          <Button className="btn btn-default" onClick={() => Taro.redirectTo({ url: `/pages/capture/index?id=${encodeURIComponent(id)}` })}>重拍</Button>
          <Button className="btn btn-primary" loading={busy} disabled={busy || !attempt || !ready(attempt) || !attempt.submittable} onClick={submit}>确认提交</Button>
        </View>
        <Text className="hint">提交前请再次确认您的照片。照片一经审核通过，即不支持更换照片。</Text>
      </View>
      <ServiceButton />
    </View>
  )
}
