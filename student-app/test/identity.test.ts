import { describe, expect, it } from 'vitest'
import { h5LoginCode, idNumberProblem, isLastFour, isMainlandMobile, isResidentIdNumber, maskId } from '../src/lib/identity'

describe('what the student types', () => {
  it('checks the GB 11643 check digit', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true)
    expect(isResidentIdNumber('11010519491231002x')).toBe(true)
    expect(isResidentIdNumber('110105194912310021')).toBe(false)
    expect(isResidentIdNumber('1101051949123100')).toBe(false)
    expect(idNumberProblem('RESIDENT_ID', '110105194912310021')).toBe('身份证号码有误，请检查')
    expect(idNumberProblem('RESIDENT_ID', '')).toBe('请输入证件号码')
    expect(idNumberProblem('PASSPORT', 'E12345678')).toBe('')
  })

  it('checks the last four digits and the phone number', () => {
    expect(isLastFour('002X')).toBe(true)
    expect(isLastFour('12a4')).toBe(false)
    expect(isMainlandMobile('138 0013 8000')).toBe(true)
    expect(isMainlandMobile('12800138000')).toBe(false)
  })

  it('masks ID numbers for display', () => {
    expect(maskId('11010519491231002X')).toBe('110105********002X')
  })

  it('keeps one H5 login code per browser', () => {
    const store = new Map<string, string>()
    const s = { get: (k: string) => store.get(k) ?? null, set: (k: string, v: string) => void store.set(k, v) }
    let n = 0
    const first = h5LoginCode(s, () => `r${++n}`)
    const second = h5LoginCode(s, () => `r${++n}`)
    expect(first).toBe('h5-r1')
    expect(second).toBe(first)
  })
})
