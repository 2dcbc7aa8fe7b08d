// A school's batches: list, create, edit (identity-service's batch terms).
import { App as AntApp, Button, Card, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Radio, Select, Space, Switch, Table, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { type Batch, SchoolBatchPicker, useSchoolBatch } from '../components/SchoolBatchPicker'
import { useConsole } from '../context'
import { type BatchForm, type BatchWire, COLOURS, ELIGIBILITY_MODES, fromWire, newBatchForm, PAYMENT_POLICIES, REVIEW_PROMISES, toWire } from '../lib/batch'
import { fmtDateTime, yuan } from '../lib/format'

export default function BatchesPage() {
  const { api } = useConsole()
  const { message } = AntApp.useApp()
  const sel = useSchoolBatch()
  const [editing, setEditing] = useState<Batch | 'new' | null>(null)
  const [saving, setSaving] = useState(false)
  const [profiles, setProfiles] = useState<{ id: string; title: string }[]>([])
  const [form] = Form.useForm<BatchForm>()

  useEffect(() => {
    api
      .get<{ id: string; title: string }[]>('review/staff/profiles')
      .then(setProfiles)
      .catch(() => setProfiles([{ id: 'chsi-graduation', title: 'chsi-graduation' }]))
  }, [api])

  useEffect(() => {
    if (editing === 'new') form.setFieldsValue(newBatchForm())
    else if (editing) form.setFieldsValue(fromWire(editing as unknown as BatchWire))
  }, [editing, form])

  const save = async () => {
    const values = await form.validateFields()
    setSaving(true)
    try {
      if (editing === 'new') {
        const created = await api.send<Batch>('POST', `identity/schools/${sel.school}/batches`, toWire(values, sel.school!))
        message.success(`批次“${created.name}”已创建`)
        sel.setBatch(created.id)
      } else if (editing) {
        await api.send<Batch>('PUT', `identity/batches/${editing.id}`, toWire(values, editing.schoolCode, editing.id))
        message.success('批次已保存')
      }
      setEditing(null)
      sel.reload()
    } catch (e) {
      message.error((e as Error).message, 8)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Card
      title="批次设置"
      extra={
        <Button id="b-new-batch" type="primary" disabled={!sel.school} onClick={() => setEditing('new')}>
          新建批次
        </Button>
      }
    >
      <div style={{ marginBottom: 12 }}>
        <SchoolBatchPicker sel={sel} noBatch />
      </div>
      <Table
        id="batches"
        rowKey="id"
        size="small"
        dataSource={sel.batches}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: '批次', dataIndex: 'name' },
          { title: '拍摄时间', render: (_, b) => `${fmtDateTime(b.opensAt)} 至 ${fmtDateTime(b.closesAt)}` },
          { title: '价格（元）', dataIndex: 'priceFen', render: yuan },
          { title: '付款', dataIndex: 'paymentPolicy', render: (v) => PAYMENT_POLICIES.find((p) => p.value === v)?.label ?? v },
          { title: '认证方式', dataIndex: 'eligibilityModes', render: (l: string[]) => l.map((m) => <Tag key={m}>{ELIGIBILITY_MODES.find((x) => x.value === m)?.label ?? m}</Tag>) },
          { title: '', render: (_, b) => <Button size="small" onClick={() => setEditing(b)}>编辑</Button> },
        ]}
      />
      <Drawer
        open={!!editing}
        title={editing === 'new' ? '新建批次' : '编辑批次'}
        size={640}
        onClose={() => setEditing(null)}
        destroyOnHidden
        extra={
          <Space>
            <Button onClick={() => setEditing(null)}>取消</Button>
            <Button id="b-save-batch" type="primary" loading={saving} onClick={() => void save()}>
              保存
            </Button>
          </Space>
        }
      >
        <Form id="batch-form" form={form} layout="vertical" requiredMark>
          <Form.Item name="name" label="批次名称" rules={[{ required: true, message: '请填写批次名称' }]}>
            <Input id="batch-name" maxLength={60} placeholder="例如：2027届毕业生图像采集" />
          </Form.Item>
          <Form.Item name="window" label="拍摄时间（北京时间）" rules={[{ required: true, message: '请选择拍摄开始和结束时间' }]}>
            <DatePicker.RangePicker id="batch-window" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="signUpWindow" label="报名缴费时间（不填则与拍摄时间相同，须在拍摄时间之内）">
            <DatePicker.RangePicker id="batch-signup" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} allowEmpty={[false, false]} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="priceYuan" label="价格（元）" rules={[{ required: true, message: '请填写价格' }]}>
              <InputNumber id="batch-price" min={0} max={1000} step={1} precision={2} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="paymentPolicy" label="付款方式">
              <Radio.Group options={PAYMENT_POLICIES} />
            </Form.Item>
          </Space>
          <Form.Item name="eligibilityModes" label="学生认证方式" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一种认证方式' }]}>
            <Checkbox.Group options={ELIGIBILITY_MODES} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="specProfile" label="照片规格">
              <Select style={{ width: 300 }} options={profiles.map((p) => ({ value: p.id, label: p.title }))} />
            </Form.Item>
            <Form.Item name="backgroundColours" label="背景颜色" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一种背景颜色' }]}>
              <Checkbox.Group options={COLOURS} />
            </Form.Item>
          </Space>
          <Space size="large" wrap>
            <Form.Item name="reviewPromise" label="审核承诺">
              <Radio.Group options={REVIEW_PROMISES} />
            </Form.Item>
            <Form.Item name="allowSubmitWithFindings" label="检测有问题仍允许提交" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="notice" label="批次通知（学生认证前看到）">
            <Input.TextArea id="batch-notice" rows={3} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="reviewPromiseText" label="审核时效说明（学生看到，如“24小时内”；不填按审核承诺显示）">
            <Input maxLength={60} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="supportPhone" label="客服电话" rules={[{ pattern: /^[0-9][0-9-]{4,19}$/, message: '只能由数字和“-”组成，例如 010-12345678' }]}>
              <Input id="batch-phone" style={{ width: 200 }} maxLength={20} />
            </Form.Item>
            <Form.Item name="supportHours" label="服务时间">
              <Input style={{ width: 260 }} maxLength={60} placeholder="例如：工作日 9:00–17:00" />
            </Form.Item>
          </Space>
          <Form.Item name="serviceDescription" label="服务说明（学生可见）">
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="shootingRequirements" label="拍摄要求（学生可见）">
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="uploadMinKb" label="上传最小（KB）">
              <InputNumber min={1} max={100} />
            </Form.Item>
            <Form.Item name="uploadMaxMb" label="上传最大（MB）">
              <InputNumber min={1} max={10} />
            </Form.Item>
          </Space>
        </Form>
      </Drawer>
    </Card>
  )
}
