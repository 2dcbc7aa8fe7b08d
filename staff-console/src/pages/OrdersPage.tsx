// Operator: orders with search (school, batch, state, anomaly, dates), refund with a reason, the
// reconciliation CSV of what is searched.
import { App as AntApp, Button, Card, DatePicker, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd'
import type { Dayjs } from 'dayjs'
import { useCallback, useEffect, useState } from 'react'
import { useConsole } from '../context'
import { saveBlob } from '../lib/api'
import { fmtDateTime, yuan } from '../lib/format'

interface Order {
  orderId: string
  collectionId: string
  batchId: string
  schoolCode: string
  amountFen: number
  state: string
  outTradeNo: string
  transactionId: string | null
  createdAt: string
  paidAt: string | null
  refundStatus: string | null
  refundReason: string | null
  refundedAt: string | null
  anomaly: string | null
}

const STATES: Record<string, string> = { CREATED: '待支付', PAID: '已支付', CLOSED: '已关闭', REFUNDED: '已退款' }
const REFUNDS: Record<string, string> = { PENDING: '退款处理中', SUCCEEDED: '已退款', FAILED: '退款失败' }
/** Whether a refund was asked for (NONE and null mean no). */
export const refundAsked = (o: { refundStatus: string | null }) => !!o.refundStatus && o.refundStatus !== 'NONE'
const PAGE = 20

export function orderQuery(f: { school?: string; batch?: string; state?: string; flagged?: boolean; range?: [Dayjs, Dayjs] | null }) {
  const q = new URLSearchParams()
  if (f.school) q.set('schoolCode', f.school.trim())
  if (f.batch) q.set('batchId', f.batch.trim())
  if (f.state) q.set('state', f.state)
  if (f.flagged) q.set('flagged', 'true')
  if (f.range) {
    q.set('createdFrom', f.range[0].startOf('day').toISOString())
    q.set('createdTo', f.range[1].endOf('day').toISOString())
  }
  return q
}

export default function OrdersPage() {
  const { api } = useConsole()
  const { message } = AntApp.useApp()
  const [f, setF] = useState<{ school?: string; batch?: string; state?: string; flagged?: boolean; range?: [Dayjs, Dayjs] | null }>({})
  const [page, setPage] = useState(1)
  const [orders, setOrders] = useState<Order[]>([])
  const [more, setMore] = useState(false)
  const [loading, setLoading] = useState(false)
  const [refunding, setRefunding] = useState<Order | null>(null)
  const [reason, setReason] = useState('')

  const load = useCallback(async () => {
    setLoading(true)
    try {
      const q = orderQuery(f)
      q.set('limit', String(PAGE + 1))
      q.set('offset', String((page - 1) * PAGE))
      const l = await api.get<Order[]>('payment/operator/orders?' + q)
      setOrders(l.slice(0, PAGE))
      setMore(l.length > PAGE)
    } catch (e) {
      message.error((e as Error).message)
    } finally {
      setLoading(false)
    }
  }, [api, f, page, message])
  useEffect(() => {
    void load()
  }, [load])

  const exportCsv = async () => {
    try {
      saveBlob(await api.blob('payment/operator/orders/export.csv?' + orderQuery(f)), '对账单.csv')
    } catch (e) {
      message.error((e as Error).message)
    }
  }
  const refund = async () => {
    if (!reason.trim()) return void message.error('请填写退款原因')
    try {
      await api.send('POST', `payment/operator/orders/${refunding!.orderId}/refund`, { reason: reason.trim() })
      message.success('退款已提交，微信支付确认后订单变为已退款')
      setRefunding(null)
      void load()
    } catch (e) {
      message.error((e as Error).message, 8)
    }
  }

  return (
    <Card title="订单与退款" extra={<Button id="b-export-orders" onClick={() => void exportCsv()}>导出对账单 CSV</Button>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input id="o-school" placeholder="院校代码" style={{ width: 110 }} allowClear onChange={(e) => setF((x) => ({ ...x, school: e.target.value || undefined }))} />
        <Input id="o-batch" placeholder="批次 ID" style={{ width: 200 }} allowClear onChange={(e) => setF((x) => ({ ...x, batch: e.target.value || undefined }))} />
        <Select id="o-state" placeholder="状态" allowClear style={{ width: 110 }} options={Object.entries(STATES).map(([value, label]) => ({ value, label }))} onChange={(v) => setF((x) => ({ ...x, state: v }))} />
        <DatePicker.RangePicker onChange={(r) => setF((x) => ({ ...x, range: r as [Dayjs, Dayjs] | null }))} />
        <Space>
          只看异常 <Switch size="small" onChange={(v) => setF((x) => ({ ...x, flagged: v }))} />
        </Space>
      </Space>
      <Table
        id="orders"
        size="small"
        rowKey="orderId"
        loading={loading}
        dataSource={orders}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { title: '商户订单号', dataIndex: 'outTradeNo' },
          { title: '学校', dataIndex: 'schoolCode' },
          { title: '金额（元）', dataIndex: 'amountFen', render: yuan },
          { title: '状态', dataIndex: 'state', render: (s: string, o) => <Tag color={s === 'PAID' ? 'green' : s === 'REFUNDED' ? 'orange' : undefined} data-state={s}>{STATES[s] ?? s}{refundAsked(o) && s !== 'REFUNDED' ? `（${REFUNDS[o.refundStatus!] ?? o.refundStatus}）` : ''}</Tag> },
          { title: '创建', dataIndex: 'createdAt', render: fmtDateTime },
          { title: '支付', dataIndex: 'paidAt', render: fmtDateTime },
          { title: '退款原因', dataIndex: 'refundReason' },
          { title: '异常', dataIndex: 'anomaly', render: (a) => a && <Tag color="red">{a}</Tag> },
          {
            title: '',
            render: (_, o) =>
              o.state === 'PAID' && (!refundAsked(o) || o.refundStatus === 'FAILED') && (
                <Button size="small" danger className="b-refund" onClick={() => { setReason(''); setRefunding(o) }}>
                  退款
                </Button>
              ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button size="small" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>上一页</Button>
        <span>第 {page} 页</span>
        <Button size="small" disabled={!more} onClick={() => setPage((p) => p + 1)}>下一页</Button>
      </Space>
      <Modal open={!!refunding} title={`退款 ${refunding ? yuan(refunding.amountFen) : ''} 元`} okText="确认退款" okButtonProps={{ danger: true, id: 'b-refund-confirm' }} onOk={() => void refund()} onCancel={() => setRefunding(null)}>
        <p>全额退还给付款的微信账户。原因会显示给付款人（最多 80 字）。</p>
        <Input.TextArea id="refund-reason" rows={2} maxLength={80} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder="例如：学生重复付款" />
      </Modal>
    </Card>
  )
}
