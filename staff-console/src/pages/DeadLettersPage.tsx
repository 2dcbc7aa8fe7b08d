// Operator: the events the services' consumers could not apply (dead letters), with replay where
// the backend offers it. Bodies are never shown (they carry personal data): the service lists
// event id, type, key, origin and the failure's exception class only.
import { App as AntApp, Alert, Button, Card, Checkbox, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useConsole } from '../context'
import {
  canReplay,
  type DeadLetterListing,
  type DeadLetterRow,
  loadDeadLetters,
  replay,
  SERVICES,
  type ServiceName,
  serviceLabel,
  stateOf,
} from '../lib/deadLetters'
import { fmtDateTime } from '../lib/format'

export default function DeadLettersPage() {
  const { api } = useConsole()
  const { message } = AntApp.useApp()
  const [service, setService] = useState<ServiceName | undefined>()
  const [pendingOnly, setPendingOnly] = useState(true)
  const [listing, setListing] = useState<DeadLetterListing | null>(null)
  const [loading, setLoading] = useState(false)
  const [replaying, setReplaying] = useState<string | null>(null)

  const load = useCallback(async () => {
    setLoading(true)
    try {
      setListing(await loadDeadLetters(api, service))
    } finally {
      setLoading(false)
    }
  }, [api, service])

  useEffect(() => {
    void load()
  }, [load])

  const doReplay = async (d: DeadLetterRow) => {
    setReplaying(d.id)
    try {
      const after = await replay(api, d)
      message.success(after.applied ? `已重放 ${d.type ?? '消息'}，已生效` : `已重放 ${d.type ?? '消息'}：本服务无需处理这种事件`)
      await load()
    } catch (e) {
      message.error((e as Error).message)
    } finally {
      setReplaying(null)
    }
  }

  const rows = (listing?.rows ?? []).filter((d) => !pendingOnly || !d.applied)
  return (
    <Card
      title="死信消息"
      extra={
        <Button id="dl-refresh" onClick={() => void load()} loading={loading}>
          刷新
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        服务处理失败而暂存的事件。排除原因后可重放：消息回到原主题，已处理过的事件不会重复生效。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Select
          id="dl-service"
          style={{ width: 160 }}
          allowClear
          placeholder="全部服务"
          value={service}
          onChange={(v) => setService(v)}
          options={SERVICES.map((s) => ({ value: s.name, label: s.label }))}
        />
        <Checkbox id="dl-pending" checked={pendingOnly} onChange={(e) => setPendingOnly(e.target.checked)}>
          只看未生效
        </Checkbox>
      </Space>
      {listing?.unavailable.map((u) => (
        <Alert
          key={u.service}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={`${serviceLabel(u.service)}服务的死信暂时无法读取：${u.message}`}
        />
      ))}
      <Table<DeadLetterRow>
        id="dead-letters"
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: listing ? '没有死信消息' : '加载中' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 条` }}
        scroll={{ x: 1100 }}
        columns={[
          { title: '服务', dataIndex: 'service', width: 90, render: serviceLabel },
          { title: '进入死信', dataIndex: 'parkedAt', width: 140, render: fmtDateTime },
          { title: '事件类型', dataIndex: 'type', width: 170, render: (t: string | null) => t ?? '（无法识别）' },
          { title: '事件 ID', dataIndex: 'eventId', width: 290, render: (v: string | null) => <Typography.Text copyable={!!v}>{v ?? ''}</Typography.Text> },
          { title: '来源', dataIndex: 'fromTopic', render: (t: string | null, d) => (t ? `${t}${d.channel ? `（${d.channel}）` : ''}` : '') },
          { title: '失败原因', dataIndex: 'failure', ellipsis: true },
          {
            title: '状态',
            key: 'state',
            width: 110,
            render: (_: unknown, d) => {
              const s = stateOf(d)
              return <Tag color={s.color}>{s.label}</Tag>
            },
          },
          {
            title: '操作',
            key: 'actions',
            width: 90,
            fixed: 'right',
            render: (_: unknown, d) =>
              canReplay(d) ? (
                <Popconfirm title="确认重放这条消息？" okText="重放" cancelText="取消" onConfirm={() => doReplay(d)}>
                  <Button size="small" className="dl-replay" loading={replaying === d.id}>
                    重放
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  )
}
