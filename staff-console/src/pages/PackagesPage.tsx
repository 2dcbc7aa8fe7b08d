// The school's package: request it, follow its build (the list refreshes while one is queued or
// building), download a ready one; and the students the package will not have yet. A read-only
// school account downloads and follows packages but never requests one: a package locks the
// collections it holds as delivered (delivery refuses it the request too). The students missing
// from the package are delivery's own list (never-started roster lines included), the one its
// missing.csv is written from: one source, so the page and the package agree.
import { App as AntApp, Button, Card, Progress, Radio, Space, Table, Tag } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { SchoolBatchPicker, useSchoolBatch } from '../components/SchoolBatchPicker'
import { useConsole } from '../context'
import { saveBlob } from '../lib/api'
import { type MissingStudent, missingCsv, missingPath } from '../lib/missing'
import { bytes, fmtDateTime } from '../lib/format'
import { canAdminSchools } from '../lib/session'

interface Pkg {
  packageId: string
  status: 'REQUESTED' | 'BUILDING' | 'READY' | 'FAILED'
  naming: string
  requestedAt: string
  fileName: string | null
  photoCount: number
  missingCount: number
  sizeBytes: number
  sha256: string | null
  readyAt: string | null
  failure: string | null
}

export const STATUS: Record<Pkg['status'], { label: string; colour: string; percent: number }> = {
  REQUESTED: { label: '排队中', colour: 'default', percent: 10 },
  BUILDING: { label: '打包中', colour: 'processing', percent: 50 },
  READY: { label: '可下载', colour: 'success', percent: 100 },
  FAILED: { label: '失败', colour: 'error', percent: 100 },
}

export default function PackagesPage() {
  const { api, session } = useConsole()
  const { message } = AntApp.useApp()
  const sel = useSchoolBatch()
  const editor = canAdminSchools(session)
  const [pkgs, setPkgs] = useState<Pkg[]>([])
  const [naming, setNaming] = useState('ID_NUMBER')
  const [busy, setBusy] = useState(false)
  const [missing, setMissing] = useState<MissingStudent[] | null>(null)

  const load = useCallback(async () => {
    if (!sel.school || !sel.batchId) return setPkgs([])
    try {
      setPkgs(await api.get<Pkg[]>(`delivery/schools/${sel.school}/batches/${sel.batchId}/packages`))
    } catch (e) {
      message.error((e as Error).message)
    }
  }, [api, sel.school, sel.batchId, message])

  useEffect(() => {
    void load()
  }, [load])
  // Asked again when a package changes state: a build marks its students delivered.
  const builtSignature = pkgs.map((p) => p.status).join()
  useEffect(() => {
    if (!sel.school || !sel.batchId) return setMissing(null)
    let stale = false
    api
      .get<MissingStudent[]>(missingPath(sel.school, sel.batchId))
      .then((m) => !stale && setMissing(m))
      .catch((e) => {
        if (stale) return
        setMissing(null)
        message.error((e as Error).message)
      })
    return () => {
      stale = true
    }
  }, [api, sel.school, sel.batchId, builtSignature, message])
  const exportMissing = () => {
    if (!missing) return
    saveBlob(new Blob([missingCsv(missing)], { type: 'text/csv;charset=utf-8' }), `未完成名单-${sel.batch?.name ?? ''}.csv`)
  }
  const pending = pkgs.some((p) => p.status === 'REQUESTED' || p.status === 'BUILDING')
  useEffect(() => {
    if (!pending) return
    const t = setInterval(() => void load(), 2000)
    return () => clearInterval(t)
  }, [pending, load])

  const request = async () => {
    setBusy(true)
    try {
      await api.send('POST', `delivery/schools/${sel.school}/batches/${sel.batchId}/packages`, { naming })
      message.success('已提交打包，完成后可下载')
      await load()
    } catch (e) {
      message.error((e as Error).message, 8)
    } finally {
      setBusy(false)
    }
  }
  const download = async (p: Pkg) => {
    try {
      const link = await api.get<{ url: string; fileName: string }>(`delivery/packages/${p.packageId}/download`)
      const a = document.createElement('a')
      a.href = link.url
      a.download = link.fileName
      document.body.appendChild(a)
      a.click()
      a.remove()
    } catch (e) {
      message.error((e as Error).message)
    }
  }

  return (
    <Card title={editor ? '照片打包' : '照片包下载'}>
      <Space wrap style={{ marginBottom: 12 }}>
        <SchoolBatchPicker sel={sel} />
        {editor && (
          <>
            <Radio.Group
              value={naming}
              onChange={(e) => setNaming(e.target.value)}
              options={[
                { value: 'ID_NUMBER', label: '按证件号码命名' },
                { value: 'STUDENT_NUMBER', label: '按学号命名' },
              ]}
            />
            <Button id="b-request-package" type="primary" loading={busy} disabled={!sel.batchId || pending} onClick={() => void request()}>
              {pending ? '打包进行中…' : '生成照片包'}
            </Button>
          </>
        )}
        {!editor && !pending && pkgs.length === 0 && sel.batchId && <span id="no-package">本批次还没有照片包，请学校管理员生成。</span>}
      </Space>
      <Table
        id="packages"
        size="small"
        rowKey="packageId"
        dataSource={pkgs}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: '申请时间', dataIndex: 'requestedAt', render: fmtDateTime },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: Pkg['status'], p) => (
              <Space>
                <Tag color={STATUS[s].colour} data-status={s}>
                  {STATUS[s].label}
                </Tag>
                {(s === 'REQUESTED' || s === 'BUILDING') && <Progress percent={STATUS[s].percent} size="small" status="active" style={{ width: 100 }} showInfo={false} />}
                {s === 'FAILED' && p.failure}
              </Space>
            ),
          },
          { title: '照片', dataIndex: 'photoCount' },
          { title: '未完成', dataIndex: 'missingCount' },
          { title: '大小', dataIndex: 'sizeBytes', render: bytes },
          { title: '命名', dataIndex: 'naming', render: (n) => (n === 'STUDENT_NUMBER' ? '学号' : '证件号码') },
          {
            title: '',
            render: (_, p) =>
              p.status === 'READY' && (
                <Button size="small" type="link" className="b-download" onClick={() => void download(p)}>
                  下载 {p.fileName}
                </Button>
              ),
          },
        ]}
      />
      {missing != null && (
        <>
          <p id="missing-note" style={{ marginTop: 16 }}>
            尚未完成采集的学生（含从未开始的；生成照片包时即写入包中的未完成名单）：<b id="missing-count">{missing.length}</b> 人{' '}
            <Button id="b-export-missing" size="small" type="link" disabled={!missing.length} onClick={exportMissing}>
              导出未完成名单 CSV
            </Button>
          </p>
          {missing.length > 0 && (
            <Table
              id="missing"
              size="small"
              rowKey={(m) => m.collectionId ?? `roster-${m.studentNumber}`}
              dataSource={missing}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                { title: '学号', dataIndex: 'studentNumber' },
                { title: '姓名', dataIndex: 'studentName' },
                { title: '证件号码', dataIndex: 'idNumberMasked' },
                { title: '状态', dataIndex: 'statusLabel', render: (l: string, m) => <Tag data-status={m.status}>{l}</Tag> },
              ]}
            />
          )}
        </>
      )}
    </Card>
  )
}
