import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../api'
import type { MatchConfirmation } from '../../api/types'
import { ErrorBar, Row } from '../../components/ui'
import { take } from '../../lib/hooks'
import { messageOf } from '../../lib/problem'

export default function Confirm() {
  const [match] = useState(() => take<MatchConfirmation>('match'))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!match) {
    return <View className="page"><ErrorBar message="信息已过期，请重新填写校验信息" />
      <Button className="btn btn-primary" onClick={() => Taro.redirectTo({ url: '/pages/eligibility/index' })}>重新填写</Button></View>
  }
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      const c = await api.confirmMatch(match.matchId)
      await Taro.redirectTo({ url: `/pages/collection/index?id=${encodeURIComponent(c.id)}` })
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="page">
      <Text className="ok-bar">查找到用户，请核对信息内容</Text>
      <View className="card" id="verify-card">
        <Text className="subtitle">核验学籍信息</Text>
        <Row label="院校名称">{match.schoolName}</Row>
        <Row label="院校代码">{match.schoolCode}</Row>
        <Row label="学号">{match.studentNumber}</Row>
        <Row label="姓名">{match.studentName}</Row>
      </View>
      <Text className="hint">本采集需要多重校验，请认真填写并核对信息内容</Text>
      <ErrorBar message={error} />
      <Button className="btn btn-primary" loading={busy} disabled={busy} onClick={confirm}>确认无误，采集照片</Button>
      <Button className="btn btn-default" onClick={() => Taro.navigateBack()}>信息有误，返回修改</Button>
    </View>
  )
}
