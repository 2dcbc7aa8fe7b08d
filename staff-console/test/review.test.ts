import { describe, expect, it } from 'vitest'
import { canDecide, guideShapes, measureRows, queueQuery, reasonForKey, rejectionBody, type SpecWindows, type Task } from '../src/lib/review'

const profile: SpecWindows = {
  widthPx: 480,
  heightPx: 640,
  headTopPx: { min: 50, max: 110 },
  eyeLinePx: { min: 200, max: 300 },
  faceWidthPx: { min: 180, max: 300 },
  centreTolerancePx: 24,
}

describe('guide lines over the standardized photo', () => {
  it('draws the head-top and eye-line windows as bands', () => {
    const bands = guideShapes(profile, null).filter((s) => s.kind === 'band')
    expect(bands).toEqual([
      expect.objectContaining({ y: 50, height: 60 }),
      expect.objectContaining({ y: 200, height: 100 }),
    ])
  })

  it('colours a measured value inside its window green and outside red', () => {
    const shapes = guideShapes(profile, { headTopPx: 80, eyeLinePx: 320 })
    const texts = shapes.filter((s) => s.kind === 'text')
    expect(texts.find((t) => t.kind === 'text' && t.text.startsWith('头顶'))).toMatchObject({ colour: '#12b76a' })
    expect(texts.find((t) => t.kind === 'text' && t.text.startsWith('眼线'))).toMatchObject({ colour: '#f04438', text: '眼线 320px（200–300）' })
  })

  it('marks a face wide enough but off centre as wrong', () => {
    const shapes = guideShapes(profile, { faceWidthPx: 240, faceCenterXPx: 240 + 30, eyeLinePx: 250 })
    const face = shapes.find((s) => s.kind === 'text' && s.text.startsWith('脸宽'))
    expect(face).toMatchObject({ colour: '#f04438', x: 270, y: 316 })
  })
})

describe('the measurement table', () => {
  it('lists each measure with its window, and the centre offset when known', () => {
    const rows = measureRows(profile, { headTopPx: 120.4, eyeLinePx: 250, faceWidthPx: 200, faceCenterXPx: 250 })
    expect(rows.map((r) => [r.name, r.value, r.ok])).toEqual([
      ['头顶距上边', '120 px', false],
      ['眼线距上边', '250 px', true],
      ['脸宽', '200 px', true],
      ['脸中心偏移', '10 px', true],
    ])
  })

  it('shows a dash when the engine measured nothing', () => {
    expect(measureRows(profile, null)[0]).toMatchObject({ value: '—', ok: null })
  })
})

describe('rejecting with reasons', () => {
  const reasons = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'OTHER'].map((code) => ({ code, label: code, message: code, needsText: code === 'OTHER' }))

  it('maps 1–0, Q and W to the reasons in order, case-insensitively', () => {
    expect(reasonForKey(reasons, '1')?.code).toBe('A')
    expect(reasonForKey(reasons, '0')?.code).toBe('J')
    expect(reasonForKey(reasons, 'q')?.code).toBe('K')
    expect(reasonForKey(reasons, 'W')?.code).toBe('OTHER')
    expect(reasonForKey(reasons, 'x')).toBeUndefined()
    expect(reasonForKey(reasons.slice(0, 2), '3')).toBeUndefined()
  })

  it('sends the reviewer’s text only with OTHER', () => {
    expect(rejectionBody(['A', 'OTHER'], '  衣领遮挡  ')).toEqual({ outcome: 'REJECT', reasons: [{ code: 'A' }, { code: 'OTHER', text: '衣领遮挡' }] })
  })

  it('lets a reviewer decide only an open task they hold', () => {
    const t = (status: string, mine: boolean | null) => ({ status, claim: mine == null ? null : { mine } }) as unknown as Task
    expect(canDecide(t('OPEN', true))).toBe(true)
    expect(canDecide(t('OPEN', false))).toBe(false)
    expect(canDecide(t('OPEN', null))).toBe(false)
    expect(canDecide(t('DECIDED', true))).toBe(false)
    expect(canDecide(null)).toBe(false)
  })
})

describe('the queue filter', () => {
  it('sends only the filters that are set', () => {
    expect(queueQuery({ school: '10999', overdue: true, flagged: false }, { limit: '20' })).toBe('school=10999&overdue=true&limit=20')
  })
})
