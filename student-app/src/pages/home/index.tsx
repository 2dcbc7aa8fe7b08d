import { Button, Text, View } from '@tarojs/components'
import { api } from '../../api'
import { ErrorBar, ServiceButton, Steps } from '../../components/ui'
import { go, useLoad } from '../../lib/hooks'

export default function Home() {
  const { data: list, error } = useLoad(() => api.collections())
  return (
    <View className="page">
      <View className="card">
        <Text className="title">学历证书电子注册图像采集</Text>
        <Text className="hint">获取采集资格后，按页面提示支付、拍照并提交审核。审核通过后可下载标准照和排版照。</Text>
        <Steps />
      </View>
      <ErrorBar message={error} />
      <Button className="btn btn-primary" onClick={() => go('/pages/eligibility/index')}>获取采集资格</Button>
      <Button className="btn btn-default" onClick={() => go('/pages/collections/index')}>
        我的采集{list && list.length > 0 ? `（${list.length}）` : ''}
      </Button>
      <Button className="btn btn-default" onClick={() => go('/pages/requirements/index?view=1')}>拍照要求</Button>
      <ServiceButton />
    </View>
  )
}
