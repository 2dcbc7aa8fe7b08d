import { Button, Text, View } from '@tarojs/components'
import { api } from '../../api'
import { ErrorBar, Row, ServiceButton, WindowText } from '../../components/ui'
import { go, useLoad } from '../../lib/hooks'
import { formatFen, statusView } from '../../lib/status'

export default function Collections() {
  const { data, error, loading } = useLoad(() => api.collections())
  return (
    <View className="page">
      <ErrorBar message={error} />
      {!loading && data && data.length === 0 && (
        <View className="card center">
          <Text className="hint">暂无采集任务，请先获取采集资格</Text>
          <Button className="btn btn-primary" onClick={() => go('/pages/eligibility/index')}>获取采集资格</Button>
        </View>
      )}
      {(data ?? []).map((c) => {
        const v = statusView(c)
        return (
          <View className="card collection-item" key={c.id}>
            <View className="row"><Text className="subtitle">{c.schoolName || '采集任务'}</Text><Text className={`tag status-${v.tone}`}>{v.label}</Text></View>
            <Row label="采集批次">{c.batchName || '—'}</Row>
            <Row label="采集费用">{formatFen(c.priceFen)}</Row>
            <Row label="开通时间"><WindowText opens={c.windowOpensAt} closes={c.windowClosesAt} fallback={c.window} /></Row>
            <Button className="btn btn-primary" onClick={() => go(`/pages/collection/index?id=${encodeURIComponent(c.id)}`)}>查看详情</Button>
          </View>
        )
      })}
      <ServiceButton />
    </View>
  )
}
