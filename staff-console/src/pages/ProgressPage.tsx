// Progress from the roster: a count for every state (students who never started included),
// click one to list its students, search by number or name, export what is listed to XLSX.
import { App as AntApp, Button, Card, Col, Input, Row, Space, Statistic, Table, Tag } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { SchoolBatchPicker, useSchoolBatch } from '../components/SchoolBatchPicker'
import { useConsole } from '../context'
import { saveBlob } from '../lib/api'
import { fmtDateTime } from '../lib/format'
import { type ProgressBody, type ProgressState, progressQuery, share, STATE_COLOURS } from '../lib/progress'

const PAGE = 20

export default function ProgressPage() {
  const { api } = useConsole()
  const { message } = AntApp.useApp()
  const sel = useSchoolBatch()
  const [state, setState] = useState<ProgressState>('ELIGIBLE')
  const [q, setQ] = useState('')
  const [page, setPage] = useState(1)
  const [body, setBody] = useState<ProgressBody | null>(null)
  const [loading, setLoading] = useState(false)
  const [exporting, setExporting] = useState(false)

  const load = useCallback(async () => {
    if (!sel.batchId) return setBody(null)
    setLoading(true)
    try {
      setBody(await api.get<ProgressBody>(`identity/batches/${sel.batchId}/progress?` + progressQuery(state, q, page - 1, PAGE)))
    } catch (e) {
      message.error((e as Error).message)
    } finally {
      setLoading(false)
    }
  }, [api, sel.batchId, state, q, page, message])
  useEffect(() => {
    void load()
    const t = setInterval(() => void load(), 15000)
    return () => clearInterval(t)
  }, [load])

  const exportXlsx = async () => {
    setExporting(true)
    try {
      const label = body?.counts.find((c) => c.state === state)?.label ?? '全部'
      saveBlob(await api.blob(`identity/batches/${sel.batchId}/progress.xlsx?` + progressQuery(state, q)), `采集进度-${sel.batch?.name ?? ''}-${label}.xlsx`)
    } catch (e) {
      message.error((e as Error).message)
    } finally {
      setExporting(false)
    }
  }

  return (
    <Card
      title="采集进度"
      extra={
        <Button id="b-export-progress" loading={exporting} disabled={!body} onClick={() => void exportXlsx()}>
          导出 XLSX
        </Button>
      }
    >
      <div style={{ marginBottom: 12 }}>
        <SchoolBatchPicker sel={sel} />
      </div>
      {body && (
        <Row gutter={[8, 8]} id="progress-counts" style={{ marginBottom: 12 }}>
          {body.counts.map((c) => (
            <Col key={c.state} flex="1 0 110px">
              <Card
                size="small"
                hoverable
                data-state={c.state}
                onClick={() => {
                  setState(c.state)
                  setPage(1)
                }}
                style={{ borderColor: state === c.state ? '#1668dc' : undefined, background: state === c.state ? '#e6f4ff' : undefined }}
              >
                <Statistic title={c.label} value={c.count} suffix={c.state !== 'ELIGIBLE' ? <span style={{ fontSize: 12, color: '#667085' }}>{share(body.counts, c.state)}%</span> : undefined} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Space style={{ marginBottom: 8 }}>
        <Input.Search id="progress-search" allowClear placeholder="学号或姓名" style={{ width: 220 }} onSearch={(v) => { setQ(v); setPage(1) }} />
        {body && <span>{body.counts.find((c) => c.state === state)?.label}：{body.matching} 人</span>}
      </Space>
      <Table
        id="progress-list"
        size="small"
        rowKey="entryId"
        loading={loading}
        dataSource={body?.items ?? []}
        pagination={{ current: page, pageSize: PAGE, total: body?.matching ?? 0, showSizeChanger: false, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: '学号', dataIndex: 'studentNumber' },
          { title: '姓名', dataIndex: 'name' },
          { title: '证件号码', dataIndex: 'idNumberMasked' },
          { title: '学历层次', dataIndex: 'degreeLevel' },
          { title: '状态', dataIndex: 'stateLabel', render: (l, r) => <Tag color={STATE_COLOURS[r.state]} data-state={r.state}>{l}</Tag> },
          { title: '已付款', dataIndex: 'paid', render: (p) => (p ? '是' : '—') },
          { title: '更新时间', dataIndex: 'statusAt', render: fmtDateTime },
        ]}
      />
    </Card>
  )
}
