import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { go, param } from '../../lib/hooks'

export const NOT_MATCHED = '未匹配到采集信息，请联系学院核实信息'

export default function NotMatched() {
  const detail = decodeURIComponent(param('detail') || '')
  return (
    <View className="page">
      <View className="card center">
        <Text className="title" id="not-matched">{NOT_MATCHED}</Text>
        {detail && detail !== NOT_MATCHED && <Text className="hint">{detail}</Text>}
        <Text className="hint">请不要慌张：如有信息不符或未能匹配到个人信息，请联系学院或客服核实。</Text>
      </View>
      <Button className="btn btn-primary" onClick={() => Taro.reLaunch({ url: '/pages/home/index' })}>退出</Button>
      <Button className="btn btn-default" onClick={() => go('/pages/support/index')}>联系客服</Button>
    </View>
  )
}
