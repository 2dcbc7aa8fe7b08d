import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, useRef, useState } from 'react'
import { api } from '../../api'
import { GuideFrame } from '../../components/GuideFrame'
import { ErrorBar, ServiceButton } from '../../components/ui'
import { cropRect, frameFor, initialTransform, type Size, type Transform } from '../../lib/crop'
import { currentBatch } from '../../lib/batch'
import { param } from '../../lib/hooks'
import { fitPicture } from '../../lib/reencode'
import { messageOf } from '../../lib/problem'
import { CancelledError } from '../../lib/retry'

interface Picked { path: string; size: Size; bytes?: number }

async function choose(source: 'camera' | 'album'): Promise<{ path: string; bytes?: number }> {
  if (process.env.TARO_ENV === 'weapp') {
    // rear camera: someone else takes the picture, no selfies
    const r = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: [source], camera: 'back', sizeType: ['original'] })
    return { path: r.tempFiles[0].tempFilePath, bytes: r.tempFiles[0].size }
  }
  const r = await Taro.chooseImage({ count: 1, sizeType: ['original'], sourceType: [source] })
  return { path: r.tempFilePaths[0], bytes: r.tempFiles?.[0]?.size }
}

export default function Capture() {
  const id = param('id')
  const [picked, setPicked] = useState<Picked | null>(null)
  const [t, setT] = useState<Transform | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [retryNote, setRetryNote] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const cancelled = useRef(false)
  const abort = useRef<(() => void) | null>(null)

  const frame = useMemo(() => {
    const w = Taro.getSystemInfoSync().windowWidth
    return frameFor(Math.min(300, Math.round(w * 0.72)))
  }, [])

  const pick = async (source: 'camera' | 'album') => {
    setError(null)
    try {
      const chosen = await choose(source)
      const original = await Taro.getImageInfo({ src: chosen.path })
      // over the batch's upload limit: re-encoded here instead of refused by the service
      const fitted = await fitPicture(chosen, { width: original.width, height: original.height }, currentBatch().uploadMaxBytes)
      const info = fitted.reencoded ? await Taro.getImageInfo({ src: fitted.path }) : original
      const size = { width: info.width, height: info.height }
      setPicked({ path: fitted.path, size, bytes: fitted.bytes })
      setT(initialTransform(size, frame))
    } catch (e) {
      const m = messageOf(e)
      if (m !== '已取消') setError(m)
    }
  }

  const upload = async () => {
    if (!picked || !t) return
    setBusy(true)
    setError(null)
    setRetryNote(null)
    cancelled.current = false
    try {
      const attempt = await api.uploadPhoto(id, picked.path, {
        crop: { ...cropRect(t, picked.size, frame), imageWidth: picked.size.width, imageHeight: picked.size.height },
        onProgress: (p) => setProgress(p),
        onRetry: (i) => setRetryNote(i.message),
        cancelled: () => cancelled.current,
        onAbortable: (fn) => { abort.current = fn },
      })
      await Taro.redirectTo({ url: `/pages/preview/index?id=${encodeURIComponent(id)}&attempt=${encodeURIComponent(attempt.id)}` })
    } catch (e) {
      if (!(e instanceof CancelledError)) setError(messageOf(e))
    } finally {
      setBusy(false)
      setProgress(null)
      setRetryNote(null)
      abort.current = null
    }
  }

  const cancel = () => { cancelled.current = true; abort.current?.() }

  return (
    <View className="page">
      <ErrorBar message={error} />
      {!picked ? (
        <View className="card center">
          <Text className="subtitle">拍照或从相册选取</Text>
          <Text className="hint">请他人使用后置摄像头为您拍摄胸部以上半身照，背景为干净的白墙。</Text>
          <Button className="btn btn-primary" onClick={() => pick('camera')}>拍照</Button>
          <Button className="btn btn-default" onClick={() => pick('album')}>从相册选取</Button>
        </View>
      ) : (
        <View className="card">
          <Text className="hint center" style={{ marginTop: 0, marginBottom: '8px' }}>请用单指移动、两指缩放，将头部放入参考线框内</Text>
          {t && <GuideFrame src={picked.path} image={picked.size} frame={frame} transform={t} onChange={setT} />}
          <Text className="hint center">头顶在上方色带内，双眼在中间色带内，脸部在两条竖线之间</Text>
          {progress !== null && (
            <View>
              <View className="progress"><View className="progress-bar" style={{ width: `${progress}%` }} /></View>
              <Text className="hint center" id="upload-progress">{retryNote ?? `正在上传 ${progress}%`}</Text>
            </View>
          )}
          {busy ? (
            <Button className="btn btn-default" onClick={cancel}>取消上传</Button>
          ) : (
            <View className="btn-row">
              <Button className="btn btn-default" onClick={() => { setPicked(null); setT(null) }}>重拍</Button>
              <Button className="btn btn-primary" onClick={upload}>{error ? '重试上传' : '上传'}</Button>
            </View>
          )}
        </View>
      )}
      <Text className="hint center">不可上传自拍照，必须请他人持手机为您拍摄</Text>
      <ServiceButton />
    </View>
  )
}
