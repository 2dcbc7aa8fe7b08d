import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { fromWire, newBatchForm, toWire } from '../src/lib/batch'
import { type ImportReport, reportRows, summary } from '../src/lib/roster'

describe('the batch form', () => {
  it('sends yuan as fen, the window as instants, and empty texts as null', () => {
    const f = { ...newBatchForm(dayjs('2027-03-01T00:00:00+08:00')), name: ' 2027届 ', priceYuan: 25.5, uploadMaxMb: 8 }
    const w = toWire(f, '10999')
    expect(w).toMatchObject({ schoolCode: '10999', name: '2027届', priceFen: 2550, opensAt: '2027-02-28T16:00:00.000Z', serviceDescription: null, uploadMaxBytes: 8_000_000, uploadMinBytes: 20_000 })
  })

  it('reads back what it sent', () => {
    const f = { ...newBatchForm(dayjs('2027-03-01T08:00:00Z')), name: '批次', priceYuan: 30, serviceDescription: '说明' }
    const back = fromWire(toWire(f, '10999', 'id'))
    expect(back.priceYuan).toBe(30)
    expect(back.serviceDescription).toBe('说明')
    expect(back.window[0].valueOf()).toBe(f.window[0].valueOf())
  })
})

describe('the roster import report', () => {
  const report: ImportReport = {
    total: 4, created: 2, updated: 0, unchanged: 0, rejected: 2,
    lines: [
      { line: 2, studentNumber: '1', outcome: 'CREATED', problems: [] },
      { line: 3, studentNumber: '2', outcome: 'REJECTED', problems: [{ field: 'id_number', message: '校验位不正确' }, { field: 'name', message: '必填项为空' }] },
      { line: 4, studentNumber: '3', outcome: 'CREATED', problems: [] },
      { line: 5, studentNumber: '4', outcome: 'REJECTED', problems: [{ field: 'other', message: '证件号码与第3行重复' }] },
    ],
  }

  it('puts refused lines first with their problems in one Chinese sentence', () => {
    const rows = reportRows(report)
    expect(rows.map((r) => r.line)).toEqual([3, 5, 2, 4])
    expect(rows[0].text).toBe('证件号码：校验位不正确；姓名：必填项为空')
    expect(rows[1].text).toBe('证件号码与第3行重复')
  })

  it('tells the admin to fix and upload again when lines were refused', () => {
    expect(summary(report)).toContain('2 行未导入')
    expect(summary({ ...report, rejected: 0 })).toContain('全部导入成功')
  })
})

describe('the progress view', async () => {
  const { progressQuery, share } = await import('../src/lib/progress')
  it('asks for all students when the state is ELIGIBLE and sends the search trimmed', () => {
    expect(progressQuery('ELIGIBLE', '  ', 0, 20)).toBe('page=0&size=20')
    expect(progressQuery('NOT_STARTED', ' 张 ')).toBe('state=NOT_STARTED&q=%E5%BC%A0')
  })
  it('gives each state its share of the roster', () => {
    const counts = [
      { state: 'ELIGIBLE' as const, label: '名单内', count: 3 },
      { state: 'NOT_STARTED' as const, label: '未开始', count: 1 },
    ]
    expect(share(counts, 'NOT_STARTED')).toBe(33)
    expect(share([], 'NOT_STARTED')).toBe(0)
  })
})

describe('the batch texts and the sign-up window', () => {
  it('sends no sign-up window when it is left empty (the shooting window applies)', () => {
    const w = toWire({ ...newBatchForm(), name: 'x', signUpWindow: null, supportPhone: ' 010-12345678 ', notice: '  ' }, '10999')
    expect(w).toMatchObject({ signUpOpensAt: null, signUpClosesAt: null, supportPhone: '010-12345678', notice: null })
  })

  it('reads a sign-up window equal to the shooting window back as empty, a different one as set', () => {
    const f = { ...newBatchForm(dayjs('2027-03-01T08:00:00Z')), name: 'x' }
    const same = toWire(f, '10999')
    expect(fromWire({ ...same, signUpOpensAt: same.opensAt, signUpClosesAt: same.closesAt }).signUpWindow).toBeNull()
    const other = toWire({ ...f, signUpWindow: [f.window[0], f.window[0].add(3, 'day')] }, '10999')
    expect(fromWire(other).signUpWindow?.[1].valueOf()).toBe(f.window[0].add(3, 'day').valueOf())
  })
})
