import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../api'
import { ErrorBar, Row, ServiceButton, StatusCard, WindowText } from '../../components/ui'
import { currentBatch, rememberBatch, reviewSentence, supportLine } from '../../lib/batch'
import { formatDateTime } from '../../lib/format'
import { go, param, sleep, useLoad } from '../../lib/hooks'
import { authoriseResultNotification } from '../../lib/notify'
import { messageOf } from '../../lib/problem'
import { formatFen, mergeStatus, statusView } from '../../lib/status'

/** Everything the detail page shows, from identity (the list entry) plus what capture and payment know. */
export async function loadCollection(id: string) {
  const collection = await api.collection(id)
  const [capture, order, attempts] = await Promise.all([
    api.captureState(id).catch(() => null),
    api.order(id).catch(() => null),
    api.attempts(id).catch(() => []),
  ])
  const paid = collection.paid === true || capture?.paid === true || (order ? /PAID|SUCCESS/i.test(order.status) : false)
  const status = mergeStatus(collection.status, capture?.status)
  const view = statusView({ status, paid, paymentPolicy: collection.paymentPolicy })
  // capture learns of a rejection with the reasons; identity keeps the last ones too
  const reasons = capture?.reasons?.length ? capture.reasons : collection.reasons
  const latest = attempts.length ? attempts[attempts.length - 1] : null
  return { collection, capture, order, paid, view, reasons, latest }
}

export default function CollectionDetail() {
  const id = param('id')
  const { data, error, reload } = useLoad(() => loadCollection(id), [id])
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)

  if (!data) return <View className="page"><ErrorBar message={error} />{!error && <Text className="hint">加载中…</Text>}</View>
  const { collection: c, view, reasons, latest, paid } = data
  rememberBatch(c)
  const batch = currentBatch()
  // signed up before the shooting window: say when it opens; paying may come first
  const shootingLater = !!c.windowOpensAt && new Date(c.windowOpensAt).getTime() > Date.now()

  const shoot = () => {
    if (c.paymentPolicy === 'PAY_BEFORE_CAPTURE' && paid !== true) go(`/pages/service/index?id=${encodeURIComponent(id)}`)
    else go(`/pages/requirements/index?id=${encodeURIComponent(id)}`)
  }
  // 撤回: while no reviewer has claimed the photo (review-service refuses once one has)
  const withdraw = async () => {
    const r = await Taro.showModal({
      title: '撤回照片',
      content: '撤回后可以重新拍照，或再次提交这张照片。审核员开始审核后就不能撤回了。',
      confirmText: '确定撤回',
      cancelText: '不撤回',
    })
    if (!r.confirm) return
    setBusy(true)
    setActionError(null)
    setNotice(null)
    try {
      await api.withdraw(id)
      // capture and identity learn of it from review's event a moment later
      for (const ms of [300, 700, 1000, 1500, 2000, 2500]) {
        const d = await reload()
        if (d && d.view.phase !== 'IN_REVIEW') break
        await sleep(ms)
      }
      setNotice('照片已撤回，可以重新拍照，或再次提交这张照片')
    } catch (e) {
      setActionError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const notify = async () => {
    setBusy(true)
    try {
      const ok = await authoriseResultNotification()
      setNotice(ok ? '已授权，审核完成后将通知您' : '您未授权通知，可稍后在本页查看审核结果')
    } catch (e) {
      setActionError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="page">
      <StatusCard view={view} reasons={reasons} />
      <ErrorBar message={error || actionError} />
      {notice && <Text className="ok-bar">{notice}</Text>}
      <View className="card">
        <Text className="subtitle">采集详情</Text>
        <Row label="院校名称">{c.schoolName || '—'}</Row>
        {c.schoolCode && <Row label="院校代码">{c.schoolCode}</Row>}
        <Row label="采集批次">{c.batchName || '—'}</Row>
        {c.studentName && <Row label="姓名">{c.studentName}</Row>}
        {c.studentNumber && <Row label="学号">{c.studentNumber}</Row>}
        <Row label="采集费用">{formatFen(c.priceFen)}{c.paymentPolicy === 'PAY_AFTER_REVIEW' ? '（审核通过后支付）' : ''}</Row>
        <Row label="开通时间"><WindowText opens={c.windowOpensAt} closes={c.windowClosesAt} fallback={c.window} /></Row>
        <Row label="状态">{view.label}</Row>
      </View>

      {shootingLater && (
        <Text className="ok-bar" id="shooting-later">拍摄将于 {formatDateTime(c.windowOpensAt)}（北京时间）开始。{view.canPay ? '现在可以先完成支付，拍摄开始后再拍照上传。' : '届时请回到本页拍照上传。'}</Text>
      )}
      {view.canPay && <Button className="btn btn-primary" onClick={() => go(`/pages/service/index?id=${encodeURIComponent(id)}`)}>立即支付</Button>}
      {view.phase === 'PREVIEW' && latest && !view.locked && (
        <Button className="btn btn-primary" onClick={() => go(`/pages/preview/index?id=${encodeURIComponent(id)}&attempt=${encodeURIComponent(latest.id)}`)}>查看标准化照片</Button>
      )}
      {(view.canCapture || view.phase === 'AWAITING_PAYMENT') && !(shootingLater && paid) && (
        <Button className={`btn ${view.phase === 'PREVIEW' ? 'btn-default' : 'btn-primary'}`} onClick={shoot}>{view.phase === 'REJECTED' ? '重新拍照' : '拍照'}</Button>
      )}
      {view.canDownload && <Button className="btn btn-primary" onClick={() => go(`/pages/download/index?id=${encodeURIComponent(id)}`)}>下载图片</Button>}
      {view.phase === 'IN_REVIEW' && (
        <Button className="btn btn-default" id="withdraw" disabled={busy} onClick={() => { void withdraw() }}>撤回</Button>
      )}
      {(view.phase === 'IN_REVIEW' || view.phase === 'PREVIEW') && (
        <Button className="btn btn-default" disabled={busy} onClick={notify}>审核结果通知我</Button>
      )}
      <Button className="btn btn-default" onClick={() => { void reload() }}>刷新状态</Button>
      {view.phase === 'IN_REVIEW' && <Text className="hint" id="review-promise">{reviewSentence(batch)}。审核员开始审核前可以撤回照片重拍；如发现信息有误，请联系客服：{supportLine(batch).text}。照片一经审核通过，即不支持更换照片。</Text>}
      {view.phase === 'REJECTED' && <Text className="hint">请按审核意见尽快重新拍照，重拍上传不需要重复付费。</Text>}
      <Button className="btn btn-default" onClick={() => Taro.reLaunch({ url: '/pages/home/index' })}>返回首页</Button>
      <ServiceButton />
    </View>
  )
}
