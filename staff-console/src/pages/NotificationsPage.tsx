// Operator: every notification attempt for one collection (delivery-service's history).
import { App as AntApp, Button, Card, Input, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { useConsole } from '../context'
import { fmtDateTime } from '../lib/format'

interface Attempt {
  attemptId: string
  kind: string
  channel: string
  outcome: string
  detail: string | null
  attemptedAt: string
}

export default function NotificationsPage() {
  const { api } = useConsole()
  const { message } = AntApp.useApp()
  const [id, setId] = useState('')
  const [rows, setRows] = useState<Attempt[] | null>(null)
  const load = async () => {
    const v = id.trim()
    if (!/^[0-9a-f-]{36}$/i.test(v)) return void message.error('请输入采集 ID（36 位）')
    try {
      setRows(await api.get<Attempt[]>(`delivery/collections/${v}/notifications`))
    } catch (e) {
      message.error((e as Error).message)
    }
  }
  return (
    <Card title="通知记录">
      <Space style={{ marginBottom: 12 }}>
        <Input id="n-collection" style={{ width: 340 }} placeholder="采集 ID" value={id} onChange={(e) => setId(e.target.value)} onPressEnter={() => void load()} />
        <Button type="primary" onClick={() => void load()}>查询</Button>
      </Space>
      <Table
        id="notifications"
        size="small"
        rowKey="attemptId"
        dataSource={rows ?? []}
        locale={{ emptyText: rows ? '没有通知记录' : '输入采集 ID 查询' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '时间', dataIndex: 'attemptedAt', render: fmtDateTime },
          { title: '类型', dataIndex: 'kind' },
          { title: '渠道', dataIndex: 'channel' },
          { title: '结果', dataIndex: 'outcome', render: (o: string) => <Tag color={o === 'SENT' ? 'green' : 'orange'}>{o}</Tag> },
          { title: '说明', dataIndex: 'detail' },
        ]}
      />
    </Card>
  )
}
