// Roster import: upload a CSV/XLSX, read the per-line report (refused lines first, in Chinese),
// fix the file and upload it again; below, the batch's roster as stored (ID numbers masked).
// A read-only school account sees only the roster: identity refuses it the import anyway.
import { InboxOutlined } from '@ant-design/icons'
import { Alert, App as AntApp, Button, Card, Progress, Space, Table, Tag, Upload } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { SchoolBatchPicker, useSchoolBatch } from '../components/SchoolBatchPicker'
import { useConsole } from '../context'
import { type ProgressBody, progressQuery, STATE_COLOURS } from '../lib/progress'
import { type ImportReport, OUTCOME_LABELS, reportRows, summary } from '../lib/roster'
import { canAdminSchools } from '../lib/session'

const PAGE = 20

export default function RosterPage() {
  const { api, session } = useConsole()
  const { message } = AntApp.useApp()
  const sel = useSchoolBatch()
  const editor = canAdminSchools(session)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [fileName, setFileName] = useState('')
  const [uploading, setUploading] = useState(false)
  const [percent, setPercent] = useState(0)
  const [onlyRejected, setOnlyRejected] = useState(true)
  const [roster, setRoster] = useState<ProgressBody | null>(null)
  const [page, setPage] = useState(1)

  // The roster with each student's state: the progress view of all students, paged.
  const load = useCallback(async () => {
    if (!sel.batchId) return setRoster(null)
    try {
      setRoster(await api.get<ProgressBody>(`identity/batches/${sel.batchId}/progress?` + progressQuery(undefined, '', page - 1, PAGE)))
    } catch (e) {
      message.error((e as Error).message)
    }
  }, [api, sel.batchId, page, message])

  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    setReport(null)
    setPage(1)
  }, [sel.batchId])

  const upload = async (file: File) => {
    setUploading(true)
    setFileName(file.name)
    setPercent(10)
    // The import answers only when every line is checked and written: show that it is working.
    const timer = setInterval(() => setPercent((p) => Math.min(95, p + (95 - p) / 8)), 400)
    try {
      const r = await api.upload<ImportReport>(`identity/batches/${sel.batchId}/roster`, 'file', file, file.name)
      setReport(r)
      setOnlyRejected(r.rejected > 0)
      if (r.rejected) message.warning(`${r.rejected} 行未导入，请查看下方原因`)
      else message.success('名单已全部导入')
      setPage(1)
      void load()
    } catch (e) {
      message.error((e as Error).message, 8)
    } finally {
      clearInterval(timer)
      setPercent(100)
      setUploading(false)
    }
    return false
  }

  const rows = report ? reportRows(report).filter((l) => !onlyRejected || l.outcome === 'REJECTED') : []

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {!editor && (
        <Card title="学生名单">
          <SchoolBatchPicker sel={sel} />
        </Card>
      )}
      {editor && (
        <Card title="名单导入">
          <div style={{ marginBottom: 12 }}>
            <SchoolBatchPicker sel={sel} />
          </div>
          <Upload.Dragger
            id="roster-upload"
            accept=".csv,.xlsx"
            multiple={false}
            showUploadList={false}
            disabled={!sel.batchId || uploading}
            beforeUpload={(f) => {
              void upload(f)
              return false
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖入名单文件（CSV UTF-8 或 XLSX，第一行为表头）</p>
            <p style={{ color: '#667085' }}>列：院校代码、院校名称、学号、姓名、证件类型、证件号码、手机号（可选）、学信网图像采集码（可选）、学历层次</p>
          </Upload.Dragger>
          {uploading && <Progress className="upload-progress" percent={Math.round(percent)} status="active" format={() => `正在导入 ${fileName}…`} />}
          {report && (
            <div id="import-report" style={{ marginTop: 12 }}>
              <Alert type={report.rejected ? 'warning' : 'success'} showIcon message={`${fileName}：${summary(report)}`} />
              <Space style={{ margin: '8px 0' }}>
                <Button size="small" type={onlyRejected ? 'primary' : 'default'} onClick={() => setOnlyRejected(true)}>
                  只看未导入（{report.rejected}）
                </Button>
                <Button size="small" type={!onlyRejected ? 'primary' : 'default'} onClick={() => setOnlyRejected(false)}>
                  全部行（{report.total}）
                </Button>
              </Space>
              <Table
                id="report-lines"
                size="small"
                rowKey="line"
                dataSource={rows}
                pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
                columns={[
                  { title: '行号', dataIndex: 'line', width: 70 },
                  { title: '学号', dataIndex: 'studentNumber', width: 140 },
                  { title: '结果', dataIndex: 'outcome', width: 90, render: (o: keyof typeof OUTCOME_LABELS) => <Tag color={o === 'REJECTED' ? 'red' : o === 'UNCHANGED' ? 'default' : 'green'}>{OUTCOME_LABELS[o]}</Tag> },
                  { title: '原因', dataIndex: 'text' },
                ]}
              />
            </div>
          )}
        </Card>
      )}
      <Card title={`名单（${roster?.matching ?? 0} 人）`}>
        <Table
          id="roster"
          size="small"
          rowKey="entryId"
          dataSource={roster?.items ?? []}
          pagination={{ current: page, pageSize: PAGE, total: roster?.matching ?? 0, showSizeChanger: false, onChange: setPage, hideOnSinglePage: true }}
          columns={[
            { title: '学号', dataIndex: 'studentNumber' },
            { title: '姓名', dataIndex: 'name' },
            { title: '证件号码', dataIndex: 'idNumberMasked' },
            { title: '学历层次', dataIndex: 'degreeLevel' },
            { title: '绑定', dataIndex: 'bound', render: (v) => (v ? <Tag color="blue">已绑定</Tag> : <Tag>未绑定</Tag>) },
            { title: '状态', dataIndex: 'stateLabel', render: (l, r) => <Tag color={STATE_COLOURS[r.state]} data-state={r.state}>{l}</Tag> },
          ]}
        />
      </Card>
    </Space>
  )
}
