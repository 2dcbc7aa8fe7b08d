import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../api'
import type { EligibilityMode, MatchConfirmation, OpenBatch, School } from '../../api/types'
import { ErrorBar, Row, ServiceButton, WindowText } from '../../components/ui'
import { rememberBatch, supportLine } from '../../lib/batch'
import { formatDateTime } from '../../lib/format'
import { formatFen } from '../../lib/status'
import { param, put } from '../../lib/hooks'
import { ID_TYPES, idNumberProblem, isLastFour, isMainlandMobile, type IdType } from '../../lib/identity'
import { ApiError, fieldErrors, messageOf } from '../../lib/problem'

const TABS: { mode: EligibilityMode; label: string }[] = [
  { mode: 'SCHOOL', label: '院校+身份证' },
  { mode: 'CHSI_CODE', label: '学信网采集码' },
  { mode: 'IDENTITY', label: '证件+手机号' },
]

const val = (e: { detail: { value: string } }) => e.detail.value

/** "no roster row" answers go to the not-matched page; other refusals stay on the form. */
function isNoMatch(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 404 || /NOT_MATCHED|NO_MATCH/i.test(e.code ?? ''))
}

export default function Eligibility() {
  const initial = (param('mode') as EligibilityMode) || 'SCHOOL'
  const [mode, setMode] = useState<EligibilityMode>(TABS.some((t) => t.mode === initial) ? initial : 'SCHOOL')
  // first the school and its batch (whose notice is read before anything is asked), then the
  // ways of getting eligibility that batch offers
  const [batches, setBatches] = useState<OpenBatch[] | null>(null)
  const [batch, setBatch] = useState<OpenBatch | null>(null)
  const [noticeRead, setNoticeRead] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  // mode A
  const [schoolQuery, setSchoolQuery] = useState('')
  const [schools, setSchools] = useState<School[]>([])
  const [school, setSchool] = useState<School | null>(null)
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  // mode B
  const [chsiCode, setChsiCode] = useState('')
  const [last4, setLast4] = useState('')
  // mode C
  const [idType, setIdType] = useState<IdType>('RESIDENT_ID')
  const [phone, setPhone] = useState('')

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => {
    if (school || schoolQuery.trim().length < 2) { setSchools([]); return }
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      api.searchSchools(schoolQuery.trim()).then(setSchools, (e) => setError(messageOf(e)))
    }, 300)
    return () => { if (timer.current) clearTimeout(timer.current) }
  }, [schoolQuery, school])

  const pickSchool = async (s: School) => {
    setSchool(s)
    setSchools([])
    setBatch(null)
    setBatches(null)
    setNoticeRead(false)
    setError(null)
    try {
      const list = await api.openBatches(s.code)
      setBatches(list)
      if (list.length === 1) pickBatch(list[0])
    } catch (e) {
      setError(messageOf(e))
    }
  }

  const pickBatch = (b: OpenBatch) => {
    setBatch(b)
    rememberBatch(b)
    const offered = TABS.filter((t) => b.modes.includes(t.mode))
    if (offered.length && !offered.some((t) => t.mode === mode)) setMode(offered[0].mode)
  }

  const switchMode = (m: EligibilityMode) => { setMode(m); setError(null); setFields({}) }

  const run = async (check: () => Record<string, string>, action: () => Promise<void>) => {
    const problems = check()
    setFields(problems)
    if (Object.keys(problems).length) return
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (e) {
      if (isNoMatch(e)) {
        await Taro.navigateTo({ url: `/pages/not-matched/index?detail=${encodeURIComponent(messageOf(e))}` })
      } else {
        setError(messageOf(e))
        setFields(fieldErrors(e))
      }
    } finally {
      setBusy(false)
    }
  }

  // every mode shows what it found (核验学籍信息) and binds only on 确认
  const toConfirm = async (m: MatchConfirmation) => {
    if (!m.matchId) throw new ApiError(404, { detail: '未匹配到采集信息，请联系学院核实信息' })
    put('match', m)
    await Taro.navigateTo({ url: '/pages/confirm/index' })
  }

  const submitSchool = () => run(() => {
    const p: Record<string, string> = {}
    if (!school) p.schoolCode = '请输入院校名称并从列表中选择所在院校'
    if (!name.trim()) p.name = '请输入姓名'
    const idp = idNumberProblem('RESIDENT_ID', idNumber)
    if (idp) p.idNumber = idp
    return p
  }, async () => {
    await toConfirm(await api.matchBySchool({ schoolCode: school!.code, name: name.trim(), idNumber: idNumber.trim().toUpperCase(), batchId: batch?.batchId }))
  })

  const scan = async (source: 'scan' | 'album') => {
    setError(null)
    try {
      if (source === 'scan' && process.env.TARO_ENV !== 'h5') {
        const r = await Taro.scanCode({ onlyFromCamera: true })
        setChsiCode(r.result)
      } else {
        const r = await Taro.chooseImage({ count: 1, sourceType: source === 'scan' ? ['camera'] : ['album'], sizeType: ['original'] })
        setBusy(true)
        setChsiCode(await api.decodeChsiCode(r.tempFilePaths[0]))
      }
    } catch (e) {
      const m = messageOf(e)
      if (m !== '已取消') setError(m)
    } finally {
      setBusy(false)
    }
  }

  const submitChsi = () => run(() => {
    const p: Record<string, string> = {}
    if (!chsiCode.trim()) p.chsiCode = '请先识别学信网图像采集码'
    if (!isLastFour(last4)) p.idLast4 = '请输入身份证号后四位'
    return p
  }, async () => {
    await toConfirm(await api.matchByChsiCode({ chsiCode: chsiCode.trim(), idLast4: last4.trim().toUpperCase(), batchId: batch?.batchId }))
  })

  const submitIdentity = () => run(() => {
    const p: Record<string, string> = {}
    if (!name.trim()) p.name = '请输入姓名'
    const idp = idNumberProblem(idType, idNumber)
    if (idp) p.idNumber = idp
    if (!phone.startsWith('wx:') && !isMainlandMobile(phone)) p.phone = '请授权或输入正确的手机号'
    return p
  }, async () => {
    const m = await api.eligibilityByIdentity({ batchId: batch?.batchId, name: name.trim(), idType, idNumber: idNumber.trim().toUpperCase(), ...(phone.startsWith('wx:') ? { phoneCode: phone.slice(3) } : { phone: phone.replace(/[\s-]/g, '') }) })
    await toConfirm(m)
  })

  const fe = (k: string) => (fields[k] ? <Text className="field-error">{fields[k]}</Text> : null)

  const schoolPicker = (
    <View className="card">
      <Text className="subtitle">选择所在院校</Text>
      <View className="field">
        <Text className="field-label"><Text className="req">*</Text>院校名称</Text>
        <Input className="input" id="school-query" placeholder="输入院校名称" value={school ? school.name : schoolQuery}
          onInput={(e) => { setSchool(null); setBatch(null); setBatches(null); setSchoolQuery(val(e)) }} />
        {schools.length > 0 && !school && (
          <View className="suggest">
            {schools.map((s) => (
              <View key={s.code} className="suggest-item" onClick={() => { void pickSchool(s) }}>{s.name}（{s.code}）</View>
            ))}
          </View>
        )}
        {fe('schoolCode')}
      </View>
      {batches && batches.length === 0 && <Text className="hint" id="no-batch">该院校目前没有可报名的采集批次，请联系学校。</Text>}
      {batches && batches.length > 1 && !batch && (
        <View id="batch-list">
          <Text className="subtitle">选择采集批次</Text>
          {batches.map((b) => (
            <View key={b.batchId} className="suggest-item" onClick={() => pickBatch(b)}>{b.batchName}</View>
          ))}
        </View>
      )}
    </View>
  )

  if (!batch || !noticeRead) {
    return (
      <View className="page">
        <ErrorBar message={error} />
        {schoolPicker}
        {batch && (
          <View className="card" id="batch-notice">
            <Text className="subtitle">{batch.batchName}</Text>
            {batch.notice
              ? batch.notice.split(/\n+/).map((l, i) => <Text className="list-item" key={i}>{l}</Text>)
              : <Text className="hint">学校未发布本批次的通知。</Text>}
            <Row label="报名缴费时间"><WindowText opens={batch.signUpOpensAt} closes={batch.signUpClosesAt} fallback={batch.signUpWindow} /></Row>
            <Row label="拍摄时间"><WindowText opens={batch.opensAt} closes={batch.closesAt} fallback={batch.window} /></Row>
            <Row label="采集费用">{formatFen(batch.priceFen)}{batch.paymentPolicy === 'PAY_AFTER_REVIEW' ? '（审核通过后支付）' : ''}</Row>
            <Row label="客服电话">{supportLine(batch).text}</Row>
            {!batch.shootingOpen && batch.opensAt && (
              <Text className="ok-bar mt" id="shooting-later">拍摄将于 {formatDateTime(batch.opensAt)}（北京时间）开始。现在可以先获取采集资格并完成缴费。</Text>
            )}
            {batches && batches.length > 1 && <Button className="btn btn-default" onClick={() => setBatch(null)}>选择其他批次</Button>}
            <Button className="btn btn-primary" id="notice-read" disabled={!batch.signUpOpen} onClick={() => setNoticeRead(true)}>
              {batch.signUpOpen ? '我已阅读，获取采集资格' : '报名尚未开始'}
            </Button>
          </View>
        )}
        <ServiceButton />
      </View>
    )
  }

  const offered = TABS.filter((t) => batch.modes.includes(t.mode))

  return (
    <View className="page">
      {offered.length > 1 && (
        <View className="tabs">
          {offered.map((t) => (
            <View key={t.mode} className={`tab ${mode === t.mode ? 'tab-active' : ''}`} onClick={() => switchMode(t.mode)}>{t.label}</View>
          ))}
        </View>
      )}
      <ErrorBar message={error} />
      <Text className="hint" id="chosen-batch">{batch.schoolName} · {batch.batchName}</Text>

      {mode === 'SCHOOL' && (
        <View className="card">
          <Text className="subtitle">身份校验</Text>
          <View className="field">
            <Text className="field-label"><Text className="req">*</Text>姓名</Text>
            <Input className="input" id="name" placeholder="输入姓名" value={name} onInput={(e) => setName(val(e))} />
            {fe('name')}
          </View>
          <View className="field">
            <Text className="field-label"><Text className="req">*</Text>身份证号</Text>
            <Input className="input" id="id-number" type="idcard" maxlength={18} placeholder="输入身份证号" value={idNumber} onInput={(e) => setIdNumber(val(e))} />
            {fe('idNumber')}
          </View>
          <Button className="btn btn-primary" loading={busy} disabled={busy} onClick={submitSchool}>提交</Button>
        </View>
      )}

      {mode === 'CHSI_CODE' && (
        <View className="card">
          <Text className="subtitle">识别学信网图像采集码</Text>
          <View className="btn-row">
            <Button className="btn btn-primary" disabled={busy} onClick={() => scan('scan')}>扫码识别</Button>
            <Button className="btn btn-default" disabled={busy} onClick={() => scan('album')}>相册识别</Button>
          </View>
          <Text className="hint" onClick={() => Taro.showModal({
            title: '如何获取学信网图像采集码',
            content: '登录学信网（学信档案）→ 图像校对 → 图像采集码，截图保存后使用“相册识别”，或在他人手机上打开后“扫码识别”。',
            showCancel: false,
          })}>还没有学信网图像采集码？点此查看获取教程</Text>
          <View className="field mt">
            <Text className="field-label"><Text className="req">*</Text>图像采集码</Text>
            <Input className="input" id="chsi-code" placeholder="识别后自动填入，也可手动输入" value={chsiCode} onInput={(e) => setChsiCode(val(e))} />
            {fe('chsiCode')}
          </View>
          <Text className="subtitle">核验学籍信息</Text>
          <View className="field">
            <Text className="field-label"><Text className="req">*</Text>身份证号后四位</Text>
            <Input className="input" id="id-last4" maxlength={4} type="idcard" placeholder="输入身份证号后四位" value={last4} onInput={(e) => setLast4(val(e))} />
            {fe('idLast4')}
          </View>
          <Button className="btn btn-primary" loading={busy} disabled={busy} onClick={submitChsi}>提交</Button>
        </View>
      )}

      {mode === 'IDENTITY' && (
        <View className="card">
          <Text className="subtitle">填入你的校验信息</Text>
          <View className="field">
            <Text className="field-label"><Text className="req">*</Text>姓名</Text>
            <Input className="input" id="name" placeholder="输入" value={name} onInput={(e) => setName(val(e))} />
            {fe('name')}
          </View>
          <View className="field">
            <Text className="field-label"><Text className="req">*</Text>证件类型</Text>
            <Picker mode="selector" range={ID_TYPES.map((t) => t.label)} value={ID_TYPES.findIndex((t) => t.value === idType)}
              onChange={(e) => setIdType(ID_TYPES[Number(e.detail.value)].value)}>
              <View className="input">{ID_TYPES.find((t) => t.value === idType)?.label}</View>
            </Picker>
          </View>
          <View className="field">
            <Text className="field-label"><Text className="req">*</Text>证件号码</Text>
            <Input className="input" id="id-number" placeholder="输入" value={idNumber} onInput={(e) => setIdNumber(val(e))} />
            {fe('idNumber')}
          </View>
          <View className="field">
            <Text className="field-label"><Text className="req">*</Text>联系电话</Text>
            {process.env.TARO_ENV === 'weapp' && !phone ? (
              // The mini-program asks WeChat for the number (the platform needs a verified account for this)
              <Button className="btn btn-default" openType="getPhoneNumber" onGetPhoneNumber={(e) => {
                const detail = e.detail as { code?: string; errMsg?: string }
                if (detail.code) setPhone(`wx:${detail.code}`)
              }}>授权</Button>
            ) : (
              <Input className="input" id="phone" type="number" maxlength={11} placeholder="输入手机号" value={phone.startsWith('wx:') ? '已授权微信手机号' : phone}
                disabled={phone.startsWith('wx:')} onInput={(e) => setPhone(val(e))} />
            )}
            {fe('phone')}
          </View>
          <Text className="hint">本采集需要多重校验，请认真填写并核对信息内容</Text>
          <Button className="btn btn-primary" loading={busy} disabled={busy} onClick={submitIdentity}>下一步</Button>
        </View>
      )}
      <ServiceButton />
    </View>
  )
}
