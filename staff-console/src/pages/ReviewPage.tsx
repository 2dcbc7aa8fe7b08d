// The reviewer's screen (moved from review-service's plain-JS page): the queue, one photo with
// the spec's guide lines beside the original, findings and measurements, pass / reject with
// reasons, the claim's lease; keys N next, P pass, R reject (1–0, Q, W reasons, Enter), Esc give
// back, G guide lines.
import { App as AntApp, Badge, Button, Card, Checkbox, Col, Empty, Input, List, Modal, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useConsole } from '../context'
import { fmtTime } from '../lib/format'
import {
  type BatchProgress,
  canDecide,
  guideShapes,
  measureRows,
  queueQuery,
  type QueueItem,
  type Reason,
  REASON_KEYS,
  reasonForKey,
  rejectionBody,
  type Shape,
  type Task,
} from '../lib/review'

const PAGE = 20

function Guides({ task, show }: { task: Task; show: boolean }) {
  const p = task.profile
  const fontSize = Math.round(p.heightPx / 40)
  if (!show) return null
  return (
    <svg
      id="guides"
      viewBox={`0 0 ${p.widthPx} ${p.heightPx}`}
      preserveAspectRatio="none"
      style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none' }}
    >
      {guideShapes(p, task.geometry).map((s: Shape, i) =>
        s.kind === 'band' ? (
          <rect key={i} x={0} y={s.y} width={p.widthPx} height={s.height} fill={s.colour} fillOpacity={0.12} stroke={s.colour} strokeOpacity={0.7} strokeDasharray="6 4" />
        ) : s.kind === 'line' ? (
          <line key={i} x1={s.x1} x2={s.x2} y1={s.y1} y2={s.y2} stroke={s.colour} strokeWidth={s.width ?? 1.5} strokeDasharray={s.dashed ? '4 4' : undefined} strokeOpacity={s.colour === '#ffffff' ? 0.6 : 1} />
        ) : (
          <text key={i} x={s.x} y={s.y} fill={s.colour} fontSize={fontSize} textAnchor={s.anchor ?? 'start'} paintOrder="stroke" stroke="#fff" strokeWidth={3}>
            {s.text}
          </text>
        ),
      )}
    </svg>
  )
}

export default function ReviewPage() {
  const { api, session } = useConsole()
  const { message } = AntApp.useApp()
  const [filters, setFilters] = useState<{ school?: string; batch?: string; overdue?: boolean; flagged?: boolean }>({})
  const [queue, setQueue] = useState<{ total: number; items: QueueItem[] }>({ total: 0, items: [] })
  const [page, setPage] = useState(1)
  const [progress, setProgress] = useState<BatchProgress[]>([])
  const [reasons, setReasons] = useState<Reason[]>([])
  const [task, setTask] = useState<Task | null>(null)
  const [images, setImages] = useState<{ standardized?: string; original?: string }>({})
  const [guides, setGuides] = useState(true)
  const [busy, setBusy] = useState(false)
  const [rejecting, setRejecting] = useState(false)
  const [selected, setSelected] = useState<string[]>([])
  const [otherText, setOtherText] = useState('')
  const [ready, setReady] = useState(false)

  // After a filter is chosen the keys must reach the page again (N, P, R), not the filter's input.
  const setFilter = (change: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...change }))
    ;(document.activeElement as HTMLElement | null)?.blur?.()
  }

  const fail = useCallback((e: unknown) => void message.error((e as Error).message, 6), [message])

  const refresh = useCallback(async () => {
    try {
      const school = filters.school ? `?school=${encodeURIComponent(filters.school)}` : ''
      const [rows, q] = await Promise.all([
        api.get<BatchProgress[]>('review/staff/progress' + school),
        api.get<{ total: number; items: QueueItem[] }>('review/staff/tasks?' + queueQuery(filters, { limit: String(PAGE), offset: String((page - 1) * PAGE) })),
      ])
      setProgress(rows)
      setQueue(q)
    } catch (e) {
      fail(e)
    }
  }, [api, filters, page, fail])

  useEffect(() => {
    void refresh()
    const t = setInterval(() => void refresh(), 30000)
    return () => clearInterval(t)
  }, [refresh])

  useEffect(() => {
    api
      .get<Reason[]>('review/staff/reasons')
      .then(setReasons)
      .then(() => setReady(true))
      .catch(fail)
  }, [api, fail])

  const show = useCallback(
    async (t: Task | null) => {
      setTask(t)
      setImages({})
      if (!t) return
      try {
        const urls = await api.get<{ standardized: string; original?: string }>(`capture/staff/attempts/${t.attemptId}/images`)
        setImages({ standardized: urls.standardized, original: urls.original ?? urls.standardized })
      } catch (e) {
        message.error('图片暂时无法加载：' + (e as Error).message, 6)
      }
    },
    [api, message],
  )

  const act = useCallback(
    async (fn: () => Promise<void>) => {
      if (busy) return
      setBusy(true)
      try {
        await fn()
      } catch (e) {
        fail(e)
      } finally {
        setBusy(false)
      }
    },
    [busy, fail],
  )

  const next = () =>
    act(async () => {
      const t = await api.send<Task | null>('POST', 'review/staff/queue/next?' + queueQuery(filters))
      await show(t)
      if (!t) message.info('队列中没有可审核的照片')
      void refresh()
    })

  const open = (id: string) =>
    act(async () => {
      let t = await api.get<Task>('review/staff/tasks/' + id)
      if (t.status === 'OPEN' && !(t.claim && !t.claim.mine)) {
        try {
          t = await api.send<Task>('POST', `review/staff/tasks/${id}/claim`)
        } catch (e) {
          fail(e)
        }
      }
      await show(t)
      void refresh()
    })

  const decide = async (body: unknown, outcome: 'PASS' | 'REJECT') => {
    const t = task!
    const done = await api.send<Task>('POST', `review/staff/tasks/${t.id}/decision`, body)
    message.success(outcome === 'PASS' ? '已通过' : '已驳回，学生将收到原因')
    document.body.dataset.lastDecision = `${done.id}:${done.decision?.outcome}`
    const following = await api.send<Task | null>('POST', 'review/staff/queue/next?' + queueQuery(filters))
    await show(following ?? done)
    void refresh()
  }

  const pass = () => {
    if (canDecide(task)) void act(() => decide({ outcome: 'PASS' }, 'PASS'))
  }
  const release = () => {
    if (canDecide(task))
      void act(async () => {
        await api.send('DELETE', `review/staff/tasks/${task!.id}/claim`)
        await show(null)
        void refresh()
      })
  }
  const renew = () =>
    act(async () => {
      await show(await api.send<Task>('POST', `review/staff/tasks/${task!.id}/claim`))
      message.success('认领已续期')
    })
  const openReject = () => {
    if (!canDecide(task)) return
    setSelected([])
    setOtherText('')
    setRejecting(true)
  }
  const toggle = (code: string) => setSelected((s) => (s.includes(code) ? s.filter((c) => c !== code) : [...s, code]))
  const confirmReject = () => {
    if (!selected.length) {
      message.error('请至少选择一条驳回原因')
      return
    }
    if (selected.includes('OTHER') && !otherText.trim()) {
      message.error('选择“其他”时请填写给学生的说明')
      return
    }
    setRejecting(false)
    void act(() => decide(rejectionBody(selected, otherText), 'REJECT'))
  }

  // Keys act on the latest state; one listener, re-read through a ref.
  const keys = useRef<(e: KeyboardEvent) => void>(() => {})
  keys.current = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return
    const target = e.target as HTMLElement
    if (rejecting) {
      if (target.tagName === 'TEXTAREA' && e.key !== 'Enter') return
      const r = reasonForKey(reasons, e.key)
      if (r) {
        e.preventDefault()
        toggle(r.code)
      } else if (e.key === 'Enter') {
        e.preventDefault()
        confirmReject()
      }
      return
    }
    if (target.matches('input, select, textarea, [contenteditable]')) return
    const k = e.key.toLowerCase()
    if (k === 'n') void next()
    else if (k === 'p') pass()
    else if (k === 'r') {
      e.preventDefault()
      openReject()
    } else if (k === 'g') setGuides((g) => !g)
    else if (e.key === 'Escape') release()
  }
  useEffect(() => {
    const h = (e: KeyboardEvent) => keys.current(e)
    document.addEventListener('keydown', h)
    return () => document.removeEventListener('keydown', h)
  }, [])

  const batchName = (id: string) => progress.find((b) => b.batchId === id)?.batchName ?? id.slice(0, 8)
  const mine = canDecide(task)

  return (
    <div id="review" data-ready={ready ? 'true' : undefined}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          id="f-school"
          style={{ width: 140 }}
          placeholder="全部学校"
          allowClear
          value={filters.school}
          options={session.schools.map((s) => ({ value: s, label: s }))}
          onChange={(v) => setFilter({ school: v, batch: undefined })}
        />
        <Select
          id="f-batch"
          style={{ width: 200 }}
          placeholder="全部批次"
          allowClear
          value={filters.batch}
          options={progress.map((b) => ({ value: b.batchId, label: b.batchName || b.batchId.slice(0, 8) }))}
          onChange={(v) => setFilter({ batch: v })}
        />
        <Checkbox id="f-overdue" checked={!!filters.overdue} onChange={(e) => setFilter({ overdue: e.target.checked })}>
          已超时
        </Checkbox>
        <Checkbox id="f-flagged" checked={!!filters.flagged} onChange={(e) => setFilter({ flagged: e.target.checked })}>
          有检测问题
        </Checkbox>
        <Button id="b-next" type="primary" loading={busy} onClick={() => void next()}>
          下一张 <kbd>N</kbd>
        </Button>
      </Space>
      <Row gutter={12} wrap={false}>
        <Col flex="280px">
          <Card size="small" title={`待审队列（${queue.total}）`} styles={{ body: { padding: 0 } }}>
            <List
              id="queue"
              size="small"
              dataSource={queue.items}
              locale={{ emptyText: '队列为空' }}
              pagination={queue.total > PAGE ? { current: page, pageSize: PAGE, total: queue.total, size: 'small', simple: true, onChange: setPage } : false}
              renderItem={(t) => (
                <List.Item
                  data-id={t.id}
                  onClick={() => void open(t.id)}
                  style={{ cursor: 'pointer', padding: '6px 12px', background: task?.id === t.id ? '#e6f4ff' : undefined }}
                >
                  <div style={{ width: '100%' }}>
                    <div style={{ color: t.overdue ? '#f04438' : undefined }}>
                      {t.overdue ? '超时 ' : '截止 '}
                      {fmtTime(t.dueAt)}
                    </div>
                    <div>
                      {t.schoolCode} · {batchName(t.batchId)} {t.flagged && <Tag color="orange">⚑ 检测问题 {t.findings}</Tag>}
                    </div>
                    {t.claim && <Typography.Text type={t.claim.mine ? 'success' : 'secondary'}>{t.claim.mine ? '我已认领' : '审核中：' + t.claim.name}</Typography.Text>}
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Card size="small" id="task-pane">
            {!task ? (
              <Empty className="empty-task" description={<span>按 <kbd>N</kbd> 认领下一张照片，或在左侧选择一张。</span>} />
            ) : (
              <Row gutter={12} wrap={false} id="task">
                <Col flex="none">
                  <Space align="start">
                    <figure style={{ margin: 0 }}>
                      <div id="std-frame" style={{ position: 'relative', height: 440, aspectRatio: `${task.profile.widthPx} / ${task.profile.heightPx}`, background: '#f5f5f5' }}>
                        {images.standardized && <img id="img-std" src={images.standardized} alt="标准照" style={{ width: '100%', height: '100%', display: 'block' }} />}
                        <Guides task={task} show={guides} />
                      </div>
                      <figcaption>
                        标准照 · 辅助线 <kbd>G</kbd> <Switch size="small" checked={guides} onChange={setGuides} />
                      </figcaption>
                    </figure>
                    <figure style={{ margin: 0 }}>
                      {images.original && <img id="img-orig" src={images.original} alt="原图" style={{ height: 300, maxWidth: 260, objectFit: 'contain', display: 'block' }} />}
                      <figcaption>原图</figcaption>
                    </figure>
                  </Space>
                </Col>
                <Col flex="auto" style={{ minWidth: 260 }}>
                  <Typography.Paragraph id="task-head" strong style={{ marginBottom: 4 }}>
                    {task.student ? `${task.student.name} · ${task.student.studentNumber} · ` : '学生信息待同步 · '}
                    {task.schoolName || task.schoolCode} · {task.batchName || ''}
                  </Typography.Paragraph>
                  <Typography.Paragraph id="task-state" type="secondary" style={{ marginBottom: 8 }}>
                    {task.collection.stateLabel} · 提交 {fmtTime(task.submittedAt)} · <span style={{ color: task.overdue ? '#f04438' : undefined }}>截止 {fmtTime(task.dueAt)}</span>
                    {task.claim && <> · 认领至 <span id="lease">{fmtTime(task.claim.until)}</span></>}
                    {task.reopenCount > 0 && ` · 已重新打开 ${task.reopenCount} 次`}
                  </Typography.Paragraph>
                  <Table
                    id="geometry"
                    size="small"
                    pagination={false}
                    rowKey="name"
                    dataSource={measureRows(task.profile, task.geometry)}
                    columns={[
                      { title: '测量', dataIndex: 'name' },
                      { title: '值', dataIndex: 'value', render: (v, r) => <span style={{ color: r.ok === false ? '#f04438' : r.ok ? '#12b76a' : undefined }}>{v}</span> },
                      { title: '规格', dataIndex: 'spec' },
                    ]}
                  />
                  <ul id="findings" style={{ paddingLeft: 18, margin: '8px 0' }}>
                    {task.findings.length ? (
                      task.findings.map((f) => (
                        <li key={f.code} style={{ color: f.severity === 'REJECT' ? '#f04438' : '#b54708' }}>
                          {f.code}：{f.message}
                          {f.measured != null && `（${f.measured}${f.threshold ? ' / ' + f.threshold : ''}）`}
                        </li>
                      ))
                    ) : (
                      <li style={{ color: '#12b76a' }}>自动检测未发现问题</li>
                    )}
                  </ul>
                  <Space wrap>
                    <Button id="b-pass" type="primary" disabled={!mine || busy} onClick={pass} style={{ background: mine ? '#12b76a' : undefined }}>
                      通过 <kbd>P</kbd>
                    </Button>
                    <Button id="b-reject" danger disabled={!mine || busy} onClick={openReject}>
                      驳回… <kbd>R</kbd>
                    </Button>
                    <Button id="b-release" disabled={!mine || busy} onClick={release}>
                      放弃认领 <kbd>Esc</kbd>
                    </Button>
                    <Button id="b-renew" disabled={!mine || busy} onClick={() => void renew()}>
                      续期认领
                    </Button>
                  </Space>
                  {task.decision && (
                    <div id="decision" style={{ marginTop: 8 }}>
                      <b>{task.decision.outcome === 'PASS' ? '已通过' : '已驳回'}</b> · {task.decision.byName} · {fmtTime(task.decision.at)}
                      {task.decision.reasons.length > 0 && (
                        <ul>
                          {task.decision.reasons.map((r) => (
                            <li key={r.code}>{r.message}</li>
                          ))}
                        </ul>
                      )}
                    </div>
                  )}
                </Col>
              </Row>
            )}
          </Card>
          <Card size="small" title="批次进度" style={{ marginTop: 12 }}>
            <Table
              id="progress"
              size="small"
              rowKey="batchId"
              pagination={progress.length > 5 ? { pageSize: 5, size: 'small' } : false}
              dataSource={progress}
              columns={[
                { title: '批次', dataIndex: 'batchName', render: (v, b) => v || b.batchId.slice(0, 8) },
                { title: '未开始', dataIndex: 'notStarted' },
                { title: '审核中', dataIndex: 'inReview' },
                { title: '超时', dataIndex: 'overdueTasks', render: (v) => <Badge count={v} showZero color={v ? '#f04438' : '#d9d9d9'} /> },
                { title: '重拍', dataIndex: 'rejected' },
                { title: '待付款', dataIndex: 'awaitingPayment' },
                { title: '完成', dataIndex: 'completed' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={rejecting}
        title="驳回原因（学生将看到右侧说明）"
        okText="确认驳回 Enter"
        cancelText="取消 Esc"
        okButtonProps={{ danger: true, id: 'b-reject-confirm' }}
        onOk={confirmReject}
        onCancel={() => setRejecting(false)}
        width={640}
      >
        <ol id="reasons" style={{ listStyle: 'none', padding: 0 }}>
          {reasons.map((r, i) => (
            <li key={r.code} data-code={r.code} style={{ padding: '4px 0', background: selected.includes(r.code) ? '#fff1f0' : undefined }}>
              <Checkbox checked={selected.includes(r.code)} onChange={() => toggle(r.code)}>
                <kbd>{REASON_KEYS[i] ?? ''}</kbd> {r.label}
                <div style={{ color: '#667085', fontSize: 12 }}>{r.message || '（填写下方说明）'}</div>
              </Checkbox>
            </li>
          ))}
        </ol>
        <Input.TextArea id="other-text" maxLength={200} rows={2} placeholder="选择“其他”时填写给学生的说明" value={otherText} onChange={(e) => setOtherText(e.target.value)} />
      </Modal>
    </div>
  )
}
