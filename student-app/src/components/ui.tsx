import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { Reason } from '../api/types'
import { formatDateTime, formatWindow, tidyPunctuation } from '../lib/format'
import type { StatusView } from '../lib/status'

export function ErrorBar({ message }: { message?: string | null }) {
  if (!message) return null
  return <Text className="error-bar" id="error-bar">{tidyPunctuation(message)}</Text>
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="row">
      <Text className="row-label">{label}</Text>
      <Text className="row-value">{children}</Text>
    </View>
  )
}

export function StatusCard({ view, reasons }: { view: StatusView; reasons?: Reason[] }) {
  return (
    <View className={`status status-${view.tone}`} id="status-card">
      <Text>{view.message}</Text>
      {view.phase === 'REJECTED' && reasons && reasons.length > 0 && (
        <View className="reasons" id="reasons">
          <Text className="reason">审核意见：</Text>
          {reasons.map((r, i) => <Text className="reason" key={i}>{i + 1}. {tidyPunctuation(r.message)}</Text>)}
        </View>
      )}
    </View>
  )
}

/** The 客服 button on the right side of every page, as in the manuals. */
export function ServiceButton() {
  return <View className="float-service" onClick={() => Taro.navigateTo({ url: '/pages/support/index' })}>客服</View>
}

export function Steps() {
  const steps = ['获取采集资格', '拍照', '照片标准化', '照片上传']
  return (
    <View className="steps">
      {steps.map((s, i) => (
        <View className="step" key={s}><Text className="step-no">{i + 1}</Text><Text>{s}</Text></View>
      ))}
    </View>
  )
}

/**
 * The window with each date-time kept on one line (a 360 px row would otherwise break inside
 * "00:00"); the line may break only around 至.
 */
export function WindowText({ opens, closes, fallback }: { opens?: string; closes?: string; fallback?: string }) {
  if (!opens || !closes) return <Text>{fallback || formatWindow(opens, closes)}</Text>
  return (
    <Text className="window-text">
      <Text className="nowrap">{formatDateTime(opens)}</Text> 至 <Text className="nowrap">{formatDateTime(closes)}</Text><Text className="nowrap">（北京时间）</Text>
    </Text>
  )
}
