import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../api'
import { ErrorBar, Row, ServiceButton } from '../../components/ui'
import { go, param, sleep, useLoad } from '../../lib/hooks'
import { messageOf } from '../../lib/problem'
import { formatDateTime } from '../../lib/format'
import { formatFen } from '../../lib/status'

const DEFAULT_SERVICE = '该费用包含图像采集、图像标准化等全部服务，一次缴费，多次拍摄，直到您拍摄满意提交为止；审核未通过重拍上传不需要重复付费。'

const isPaid = (s?: string) => /PAID|SUCCESS/i.test(s ?? '')

export default function Service() {
  const id = param('id')
  const { data, error, reload } = useLoad(async () => {
    const [collection, order] = await Promise.all([api.collection(id), api.order(id).catch(() => null)])
    return { collection, order }
  }, [id])
  const [busy, setBusy] = useState(false)
  const [stage, setStage] = useState<string | null>(null)
  const [payError, setPayError] = useState<string | null>(null)

  const paid = !!data && (data.collection.paid === true || isPaid(data.order?.status))
  // paid before the shooting window opens: back to the detail page, which says when it opens
  const opens = data?.collection.windowOpensAt
  const shootingLater = !!opens && new Date(opens).getTime() > Date.now()
  const next = () => {
    if (data?.collection.paymentPolicy === 'PAY_AFTER_REVIEW' || shootingLater) Taro.redirectTo({ url: `/pages/collection/index?id=${encodeURIComponent(id)}` })
    else Taro.redirectTo({ url: `/pages/requirements/index?id=${encodeURIComponent(id)}` })
  }

  const pay = async () => {
    setBusy(true)
    setPayError(null)
    try {
      if (!isPaid(data?.order?.status)) {
        setStage('正在创建订单…')
        const { appId, params } = await api.pay(id)
        setStage('正在支付…')
        if (process.env.TARO_ENV === 'weapp') await Taro.requestPayment(params)
        else await api.h5RequestPayment(appId, params) // H5: the local WeChat's user confirms
      }
      // The notification reaches payment-service, then capture learns it from the event.
      setStage('支付成功，正在确认…')
      for (let i = 0; i < 30; i++) {
        const o = await api.order(id).catch(() => null)
        const cap = await api.captureState(id).catch(() => null)
        // capture opens once PaymentConfirmed reached it (pay-before batches)
        if (o && isPaid(o.status) && (data?.collection.paymentPolicy === 'PAY_AFTER_REVIEW' || shootingLater || cap?.open)) break
        await sleep(1000)
      }
      setStage(null)
      next()
    } catch (e) {
      setStage(null)
      const m = messageOf(e)
      setPayError(/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? '')) ? '已取消支付' : m)
      void reload()
    } finally {
      setBusy(false)
    }
  }

  const c = data?.collection
  return (
    <View className="page">
      <ErrorBar message={error || payError} />
      <View className="card">
        <Text className="subtitle">服务内容</Text>
        <Text className="hint" style={{ color: '#1f2329', fontSize: 'inherit' }}>{c?.serviceDescription || DEFAULT_SERVICE}</Text>
        <View className="mt">
          <Row label="院校">{c?.schoolName || '—'}</Row>
          <Row label="采集批次">{c?.batchName || '—'}</Row>
          <Row label="服务项目">图像采集 · 照片标准化 · 人工审核 · 标准照/排版照下载</Row>
        </View>
        <View className="row mt"><Text>采集费用</Text><Text className="price" id="price">{formatFen(c?.priceFen ?? data?.order?.amountFen)}</Text></View>
        <Text className="hint">注：采集费用以页面显示的价格为准。</Text>
      </View>
      {stage && <Text className="ok-bar">{stage}</Text>}
      {paid ? (
        <>
          <Text className="ok-bar">{shootingLater ? `已支付，拍摄将于 ${formatDateTime(opens)}（北京时间）开始` : '已支付，可以开始拍照'}</Text>
          <Button className="btn btn-primary" onClick={next}>{shootingLater ? '返回采集详情' : '开始拍照'}</Button>
        </>
      ) : c?.paymentPolicy === 'PAY_AFTER_REVIEW' && !/PASSED/i.test(c.status) ? (
        <>
          <Text className="ok-bar">本批次审核通过后再支付，请先拍照</Text>
          <Button className="btn btn-primary" onClick={() => go(`/pages/requirements/index?id=${encodeURIComponent(id)}`)}>开始拍照</Button>
        </>
      ) : (
        <Button className="btn btn-primary" loading={busy} disabled={busy || !data} onClick={pay}>立即支付</Button>
      )}
      <ServiceButton />
    </View>
  )
}
