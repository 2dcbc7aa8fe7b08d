// Operator: free a roster entry bound to the wrong WeChat account, with the reason recorded; the
// batch's recorded unbindings below.
import { App as AntApp, Button, Card, Input, Modal, Space, Table, Tag } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { SchoolBatchPicker, useSchoolBatch } from '../components/SchoolBatchPicker'
import { useConsole } from '../context'
import { fmtDateTime } from '../lib/format'
import { type ProgressBody, progressQuery, type StudentProgress } from '../lib/progress'

interface Unbinding {
  entryId: string
  studentNumber: string
  name: string
  reason: string | null
  operatorId: string
  at: string
}

const PAGE = 20

export default function UnbindPage() {
  const { api } = useConsole()
  const { message } = AntApp.useApp()
  const sel = useSchoolBatch()
  const [q, setQ] = useState('')
  const [page, setPage] = useState(1)
  const [body, setBody] = useState<ProgressBody | null>(null)
  const [history, setHistory] = useState<Unbinding[]>([])
  const [target, setTarget] = useState<StudentProgress | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!sel.batchId) return
    try {
      const [p, h] = await Promise.all([
        api.get<ProgressBody>(`identity/batches/${sel.batchId}/progress?` + progressQuery(undefined, q, page - 1, PAGE)),
        api.get<Unbinding[]>(`identity/batches/${sel.batchId}/unbindings`),
      ])
      setBody(p)
      setHistory(h)
    } catch (e) {
      message.error((e as Error).message)
    }
  }, [api, sel.batchId, q, page, message])
  useEffect(() => {
    void load()
  }, [load])

  const unbind = async () => {
    if (!reason.trim()) return void message.error('请填写解除绑定的原因')
    setBusy(true)
    try {
      await api.send('POST', `identity/roster-entries/${target!.entryId}/unbinding`, { reason: reason.trim() })
      message.success(`已解除 ${target!.name}（${target!.studentNumber}）的微信绑定`)
      setTarget(null)
      void load()
    } catch (e) {
      message.error((e as Error).message, 8)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card title="解除绑定">
        <Space wrap style={{ marginBottom: 12 }}>
          <SchoolBatchPicker sel={sel} />
          <Input.Search id="unbind-search" allowClear placeholder="学号或姓名" style={{ width: 200 }} onSearch={(v) => { setQ(v); setPage(1) }} />
        </Space>
        <Table
          id="unbind-roster"
          size="small"
          rowKey="entryId"
          dataSource={body?.items ?? []}
          pagination={{ current: page, pageSize: PAGE, total: body?.matching ?? 0, showSizeChanger: false, onChange: setPage, hideOnSinglePage: true }}
          columns={[
            { title: '学号', dataIndex: 'studentNumber' },
            { title: '姓名', dataIndex: 'name' },
            { title: '证件号码', dataIndex: 'idNumberMasked' },
            { title: '状态', dataIndex: 'stateLabel' },
            { title: '绑定', dataIndex: 'bound', render: (b) => (b ? <Tag color="blue">已绑定</Tag> : <Tag>未绑定</Tag>) },
            {
              title: '',
              render: (_, r) =>
                r.bound && (
                  <Button size="small" danger className="b-unbind" onClick={() => { setReason(''); setTarget(r) }}>
                    解除绑定
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card title="解绑记录">
        <Table
          id="unbindings"
          size="small"
          rowKey={(u) => u.entryId + u.at}
          dataSource={history}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '时间', dataIndex: 'at', render: fmtDateTime },
            { title: '学号', dataIndex: 'studentNumber' },
            { title: '姓名', dataIndex: 'name' },
            { title: '原因', dataIndex: 'reason', render: (r) => r ?? '（未填写）' },
            { title: '操作人', dataIndex: 'operatorId' },
          ]}
        />
      </Card>
      <Modal open={!!target} title={`解除 ${target?.name ?? ''}（${target?.studentNumber ?? ''}）的微信绑定`} okText="确认解除" okButtonProps={{ danger: true, id: 'b-unbind-confirm', loading: busy }} onOk={() => void unbind()} onCancel={() => setTarget(null)}>
        <p>解除后该学生的当前采集将关闭，正确的学生可重新认证。原因会被记录。</p>
        <Input.TextArea id="unbind-reason" rows={2} maxLength={200} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder="例如：学生误用同学的微信完成认证" />
      </Modal>
    </Space>
  )
}
