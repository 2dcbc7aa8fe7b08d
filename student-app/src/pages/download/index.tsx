import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../api'
import type { Download } from '../../api/types'
import { ErrorBar, ServiceButton } from '../../components/ui'
import { param, sleep, toast, useLoad } from '../../lib/hooks'
import { ApiError, messageOf } from '../../lib/problem'

const KINDS = [
  { kind: 'standard' as const, label: '标准照' },
  { kind: 'layout' as const, label: '排版照' },
]

async function saveToAlbum(d: Download) {
  if (process.env.TARO_ENV === 'weapp') {
    const f = await Taro.downloadFile({ url: d.url })
    if (f.statusCode !== 200) throw new Error('下载失败，请稍后重试')
    await Taro.saveImageToPhotosAlbum({ filePath: f.tempFilePath })
    return
  }
  // H5: a download link (a phone browser offers to save it; long-press on the picture works too)
  const a = document.createElement('a')
  a.href = d.url
  a.download = d.fileName ?? `${d.kind}.jpg`
  a.target = '_blank'
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

export default function DownloadPage() {
  const id = param('id')
  const [kind, setKind] = useState<'standard' | 'layout'>('standard')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [waiting, setWaiting] = useState(false)
  // delivery makes the photos when it hears 采集完成, a moment after the student may: wait for it
  const { data, error: loadError, reload, setData } = useLoad(async () => {
    for (let i = 0; ; i++) {
      try {
        const d = await api.download(id, kind)
        setWaiting(false)
        return d
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 409) || i >= 30) { setWaiting(false); throw e }
        setWaiting(true)
        await sleep(2000)
      }
    }
  }, [id, kind])
  const first = useRef(true)
  useEffect(() => {
    if (first.current) { first.current = false; return }
    setData(null)
    void reload() // the other kind of photo
  }, [kind, reload, setData])

  const save = async () => {
    if (!data) return
    setBusy(true)
    setError(null)
    try {
      await saveToAlbum(data)
      toast(process.env.TARO_ENV === 'weapp' ? '已保存到相册' : '已开始下载', 'success')
    } catch (e) {
      const msg = String((e as { errMsg?: string })?.errMsg ?? '')
      setError(/auth deny|authorize/i.test(msg) ? '请在设置中允许保存到相册后重试' : messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="page">
      <View className="tabs">
        {KINDS.map((k) => (
          <View key={k.kind} className={`tab ${kind === k.kind ? 'tab-active' : ''}`} onClick={() => setKind(k.kind)}>{k.label}</View>
        ))}
      </View>
      <ErrorBar message={waiting ? null : loadError || error} />
      <View className="card">
        {waiting && !data?.url && <Text className="hint">照片正在生成，请稍候…</Text>}
        {data?.url ? <Image className="download-img" id="download-img" src={data.url} mode="widthFix" showMenuByLongpress /> : <Text className="hint">正在获取照片…</Text>}
        {data?.fileName && <Text className="hint center">{data.fileName}</Text>}
      </View>
      <Button className="btn btn-primary" loading={busy} disabled={busy || !data?.url} onClick={save}>保存照片</Button>
      <Text className="hint center">下载完成的照片将保存在您的手机相册</Text>
      <ServiceButton />
    </View>
  )
}
