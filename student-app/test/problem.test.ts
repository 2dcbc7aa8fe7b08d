import { describe, expect, it } from 'vitest'
import type { OpenBatch } from '../src/api/types'
import { rememberBatch } from '../src/lib/batch'
import { ApiError, fieldErrors, isTransient, messageOf, NETWORK_MESSAGE, parseProblem } from '../src/lib/problem'

describe('problem+json display', () => {
  it('shows the Chinese detail as it is', () => {
    const p = parseProblem('{"type":"about:blank","title":"Conflict","status":409,"detail":"该学籍已绑定其他微信账号，请联系学校","code":"ROSTER_BOUND"}')
    const e = new ApiError(409, p)
    expect(messageOf(e)).toBe('该学籍已绑定其他微信账号，请联系学校')
    expect(e.code).toBe('ROSTER_BOUND')
  })

  it('reads a problem given as an object and ignores bodies that are not one', () => {
    expect(parseProblem({ status: 400, detail: 'x' })?.detail).toBe('x')
    expect(parseProblem('<html>502 Bad Gateway</html>')).toBeUndefined()
    expect(parseProblem('{broken')).toBeUndefined()
    expect(parseProblem([1, 2])).toBeUndefined()
    expect(parseProblem({ foo: 1 })).toBeUndefined()
  })

  it('adds field messages the detail does not already say', () => {
    const e = new ApiError(400, { status: 400, detail: '提交的信息有误', errors: [{ field: 'idNumber', message: '身份证号码校验位错误' }] })
    expect(messageOf(e)).toBe('提交的信息有误（身份证号码校验位错误）')
    expect(fieldErrors(e)).toEqual({ idNumber: '身份证号码校验位错误' })
  })

  it('names fields from pointers and dotted paths', () => {
    const e = new ApiError(400, { errors: [{ pointer: '/phone', detail: '手机号格式有误' }, { name: 'body.name', message: '请输入姓名' }] })
    expect(fieldErrors(e)).toEqual({ phone: '手机号格式有误', name: '请输入姓名' })
    expect(messageOf(e)).toBe('手机号格式有误；请输入姓名')
  })

  it('falls back to a Chinese sentence by status when there is no detail', () => {
    expect(messageOf(new ApiError(429))).toBe('操作过于频繁，请稍后再试')
    expect(messageOf(new ApiError(413, { title: 'Payload Too Large' }))).toBe('照片文件太大，请按拍照要求选择更小的照片')
    expect(messageOf(new ApiError(503, undefined))).toBe('服务繁忙，请稍后再试')
    expect(messageOf(new ApiError(599))).toBe('服务暂时不可用，请稍后再试')
    expect(messageOf(new ApiError(418))).toBe('操作失败，请稍后重试')
  })

  it('says the network is the problem when there was no answer', () => {
    expect(messageOf(new ApiError(0, undefined, true, 'request:fail timeout'))).toBe(NETWORK_MESSAGE)
    expect(messageOf({ errMsg: 'uploadFile:fail timeout' })).toBe(NETWORK_MESSAGE)
    expect(messageOf({ errMsg: 'chooseImage:fail cancel' })).toBe('已取消')
    expect(messageOf(new Error('something in English'))).toBe('操作失败，请稍后重试')
  })

  it('tells transient errors from final ones', () => {
    expect(isTransient(new ApiError(0, undefined, true))).toBe(true)
    expect(isTransient(new ApiError(503))).toBe(true)
    expect(isTransient(new ApiError(422, { detail: '未检测到人脸' }))).toBe(false)
    expect(isTransient({ errMsg: 'uploadFile:fail' })).toBe(true)
    expect(isTransient(new Error('x'))).toBe(false)
  })

  it('names the batch’s own upload limit when a photo is too large, not one built in', () => {
    rememberBatch({ batchName: '2027届', uploadMinBytes: 20_000, uploadMaxBytes: 10_000_000 } as unknown as OpenBatch)
    expect(messageOf(new ApiError(413, { title: 'Payload Too Large' }))).toBe('照片文件太大，请选择 10MB 以内的照片')
    rememberBatch({ batchName: '2026届', uploadMinBytes: 20_000, uploadMaxBytes: 500_000 } as unknown as OpenBatch)
    expect(messageOf(new ApiError(413))).toBe('照片文件太大，请选择 500KB 以内的照片')
    // the service's own sentence still wins
    expect(messageOf(new ApiError(413, { detail: '照片太大（上限 500KB）' }))).toBe('照片太大（上限 500KB）')
  })
})
