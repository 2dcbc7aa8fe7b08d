import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { session } from '../../api'
import { ErrorBar, Steps } from '../../components/ui'
import { messageOf } from '../../lib/problem'

export default function Launch() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const enter = async () => {
    setBusy(true)
    setError(null)
    try {
      await session.ensure() // wx.login (or the H5 code) → identity-service → student token
      await Taro.redirectTo({ url: '/pages/home/index' })
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="page">
      <View className="hero">
        <Text className="hero-title">毕业图像采集</Text>
        <Text className="hero-sub">学历证书电子注册图像 · 在线自助采集</Text>
      </View>
      <View className="card">
        <Text className="subtitle center">简单四步，轻松采集</Text>
        <Steps />
      </View>
      <ErrorBar message={error} />
      <Button className="btn btn-primary" loading={busy} disabled={busy} onClick={enter}>立即进入</Button>
      <Text className="hint center">请使用本人微信采集，切勿帮他人采集</Text>
    </View>
  )
}
