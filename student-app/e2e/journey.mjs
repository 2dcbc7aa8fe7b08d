#!/usr/bin/env node
// The student's whole journey in headless Chromium (the OS package) against the local platform
// (`deploy/local/up`), as issue #9 asks:
//   happy path:     log in (sandbox) → eligibility (mode A, after one "not matched") → pay (sandbox)
//                   → upload a portrait in the guide frame → preview → submit → a reviewer passes
//                   (review-service staff API, Keycloak password grant) → 采集完成 → download the
//                   standard photo and the layout sheet
//   rejection path: log in → eligibility (mode C, confirmation page) → pay → upload → submit →
//                   reviewer rejects → 初审失败，请重拍 with the reason → retake (no second payment)
//                   → submit → reviewer passes → 采集完成
//   mode B:         log in → eligibility with a typed CHSI code + last four ID characters
// Each step leaves a screenshot in e2e/artifacts/. It fails where the platform does not (yet) do
// a step, and prints which steps passed. Setup (school, batch, roster of two made-up students)
// goes through identity-service's staff API as the demo school admin.
//
// Environment: GATEWAY_URL (http://localhost:8080), KEYCLOAK_URL (http://localhost:8180),
// CHROMIUM (/usr/bin/chromium), E2E_ARTIFACTS (e2e/artifacts), E2E_SCHOOL (10999).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { eventually, Journey, launch, phoneContext, residentId, tappable } from './lib.mjs'

const GATEWAY = (process.env.GATEWAY_URL ?? 'http://localhost:8080').replace(/\/$/, '')
const KEYCLOAK = (process.env.KEYCLOAK_URL ?? 'http://localhost:8180').replace(/\/$/, '')
const REALM = 'gradphoto'
const SCHOOL = process.env.E2E_SCHOOL ?? '10999'
const PORTRAIT = fileURLToPath(new URL('./fixtures/portrait.jpg', import.meta.url))
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? fileURLToPath(new URL('./artifacts/journey/', import.meta.url))
const REVIEW_WAIT_MS = Number(process.env.E2E_REVIEW_WAIT_MS ?? 90000)

// ------------------------------------------------------------------ HTTP helpers (staff side)
async function api(method, path, { token, json, form, expect = [200, 201, 204] } = {}) {
  const headers = { Accept: 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  let body
  if (json !== undefined) { headers['Content-Type'] = 'application/json'; body = JSON.stringify(json) }
  if (form) body = form
  const res = await fetch(GATEWAY + path, { method, headers, body })
  const text = await res.text()
  let data
  try { data = text ? JSON.parse(text) : undefined } catch { data = text }
  if (!expect.includes(res.status)) {
    const err = new Error(`${method} ${path} → ${res.status} ${typeof data === 'object' ? JSON.stringify(data).slice(0, 300) : String(text).slice(0, 200)}`)
    err.status = res.status
    throw err
  }
  return data
}

async function staffToken(username, password = username) {
  const res = await fetch(`${KEYCLOAK}/realms/${REALM}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'staff-console', username, password, scope: 'openid' }),
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok || !data.access_token) throw new Error(`Keycloak password grant for ${username}: ${res.status} ${JSON.stringify(data).slice(0, 200)}`)
  return data.access_token
}

// ------------------------------------------------------------------ the student's phone
class Phone {
  constructor(page) { this.page = page }

  visible(locator) { return locator.filter({ visible: true }).first() }
  text(t) { return this.visible(this.page.getByText(t, { exact: true })) }

  async tap(t, timeout = 15000) {
    const el = await tappable(this.page, t, timeout)
    // let a page transition finish: Taro's router ignores a navigation while one is under way
    await this.page.waitForTimeout(600)
    await el.click()
  }

  /**
   * Taps `t` until `next` shows: on a busy machine a tap that lands while the previous page
   * transition still runs is dropped by Taro's router, and the page stays where it was.
   */
  async tapTo(t, next, { tries = 3, timeout = 10000 } = {}) {
    for (let i = 1; ; i++) {
      await this.tap(t)
      const shown = await this.visible(this.page.getByText(next, { exact: true }))
        .waitFor({ state: 'visible', timeout }).then(() => true, () => false)
      if (shown) return
      if (i >= tries) throw new Error(`tapped “${t}” ${tries} times; “${next}” did not show`)
      console.log(`       (tapped “${t}”, but “${next}” did not show within ${timeout / 1000} s: tapping again)`)
    }
  }

  async see(t, timeout = 20000) {
    await this.visible(this.page.getByText(t)).waitFor({ state: 'visible', timeout })
  }

  async fill(id, value) {
    const host = this.visible(this.page.locator(`#${id}`))
    await host.waitFor({ state: 'visible', timeout: 15000 })
    const inner = host.locator('input')
    const target = (await inner.count()) ? inner.first() : host
    await target.fill('')
    await target.pressSequentially(value, { delay: 10 })
  }

  /** The error bar's text, if one shows. */
  async error() {
    const bar = this.page.locator('#error-bar').filter({ visible: true })
    return (await bar.count()) ? (await bar.first().innerText()).trim() : ''
  }

  async statusText() {
    const card = this.page.locator('#status-card').filter({ visible: true })
    return (await card.count()) ? (await card.first().innerText()).trim() : ''
  }

  collectionId() {
    const m = decodeURIComponent(this.page.url()).match(/pages\/collection\/index\?id=([0-9a-f-]{36})/i)
    return m?.[1]
  }

  /** Fail with the page's own message when it shows one. */
  async failIfError(what) {
    const e = await this.error()
    if (e) throw new Error(`${what}: the page says “${e}”`)
  }
}

async function waitForAny(phone, texts, timeout) {
  const end = Date.now() + timeout
  while (Date.now() < end) {
    for (const t of texts) if (await phone.visible(phone.page.getByText(t)).isVisible().catch(() => false)) return t
    const e = await phone.error()
    if (e) return `error: ${e}`
    await phone.page.waitForTimeout(500)
  }
  return null
}

// ------------------------------------------------------------------ steps shared by both paths
async function login(j, path, phone) {
  await j.step(path, '启动页 立即进入 → 首页 (sandbox login)', phone.page, async () => {
    await phone.page.goto(`${GATEWAY}/`)
    await phone.see('立即进入', 30000)
    await phone.tap('立即进入')
    const r = await waitForAny(phone, ['获取采集资格'], 20000)
    if (r !== '获取采集资格') throw new Error(r ?? 'home page did not show')
  })
}

async function pay(j, path, phone, price) {
  await j.step(path, '服务内容 立即支付 (H5 sandbox) → 拍照要求', phone.page, async () => {
    await phone.tap('拍照')
    await phone.see('服务内容')
    await phone.see(price)
    await phone.tap('立即支付')
    const r = await waitForAny(phone, ['拍照注意事项'], 60000)
    if (r !== '拍照注意事项') throw new Error(r ?? 'payment did not lead to the shooting requirements within 60 s')
  })
}

async function uploadAndPreview(j, path, phone, again = '') {
  await j.step(path, `${again}拍照要求 → 从相册选取 → 参考线框`, phone.page, async () => {
    await phone.tap('我已阅读，拍照或从相册选取')
    await phone.see('从相册选取')
    const [chooser] = await Promise.all([phone.page.waitForEvent('filechooser', { timeout: 15000 }), phone.tap('从相册选取')])
    await chooser.setFiles(PORTRAIT)
    await phone.visible(phone.page.locator('#guide-frame')).waitFor({ state: 'visible', timeout: 15000 })
    // a one-finger pan in the frame (touch events), then back: the crop stays inside the picture
    const box = await phone.visible(phone.page.locator('#guide-frame')).boundingBox()
    if (!box || box.width > 360) throw new Error(`guide frame ${JSON.stringify(box)} does not fit a 360 px screen`)
  })
  await j.step(path, `${again}上传 (进度) → 照片标准化 预览与检测结果`, phone.page, async () => {
    await phone.tap('上传')
    const r = await waitForAny(phone, ['确认提交'], 90000)
    if (r !== '确认提交') throw new Error(r ?? 'no preview within 90 s')
    await phone.visible(phone.page.locator('#findings')).waitFor({ state: 'visible', timeout: 90000 })
    await phone.failIfError('preview')
    const loaded = await phone.page.locator('#preview-frame img').filter({ visible: true }).first()
      .evaluate((img) => img.complete && img.naturalWidth > 0).catch(() => false)
    if (!loaded) throw new Error('the standardized preview image did not load')
  })
}

async function submit(j, path, phone, again = '') {
  await j.step(path, `${again}确认提交 → 授权审核结果通知 → 审核中`, phone.page, async () => {
    const btn = phone.text('确认提交')
    if (await btn.evaluate((el) => el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false')) {
      const findings = await phone.visible(phone.page.locator('#findings')).innerText()
      throw new Error(`the preview cannot be submitted: ${findings.replace(/\s+/g, ' ')}`)
    }
    await btn.click()
    await phone.see('照片已提交', 20000)
    await phone.tap('通知我')
    const r = await waitForAny(phone, ['照片已提交，正在人工审核，请耐心等待审核结果'], 30000)
    if (!r || r.startsWith('error')) throw new Error(r ?? 'the detail page did not show 审核中')
  })
}

async function reviewerDecides(j, path, state, outcome) {
  await j.step(path, `审核员 ${outcome === 'PASS' ? '通过' : '驳回'} (review-service staff API)`, null, async () => {
    const token = await staffToken('reviewer')
    const task = await eventually('a review task for the collection', async () => {
      const q = await api('GET', `/api/review/staff/tasks?school=${SCHOOL}&batch=${state.batchId}&limit=100`, { token })
      return (q.items ?? []).find((t) => t.collectionId === state.collectionId && !t.outcome && t.status !== 'DECIDED')
    }, { timeoutMs: 60000, everyMs: 2000 })
    await api('POST', `/api/review/staff/tasks/${task.id}/claim`, { token })
    const body = { outcome }
    if (outcome === 'REJECT') {
      const reasons = await api('GET', '/api/review/staff/reasons', { token })
      const reason = reasons.find((r) => !r.needsText && /GLARE|TILT|BACKGROUND/i.test(r.code)) ?? reasons.find((r) => !r.needsText)
      body.reasons = [{ code: reason.code }]
      state.reasonSentence = reason.message
    }
    await api('POST', `/api/review/staff/tasks/${task.id}/decision`, { token, json: body })
  })
}

async function seeCompleted(j, path, phone, state) {
  await j.step(path, '学生看到 采集完成', phone.page, async () => {
    const seen = new Set()
    await eventually('采集完成 on the detail page', async () => {
      await phone.tap('刷新状态')
      await phone.page.waitForTimeout(800)
      const s = await phone.statusText()
      if (s) seen.add(s.split('\n')[0])
      return s.startsWith('采集完成')
    }, { timeoutMs: REVIEW_WAIT_MS, everyMs: 2000 })
    state.statusesSeen = [...seen]
  })
}

// ------------------------------------------------------------------ main
async function main() {
  const j = new Journey(ARTIFACTS)
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)
  const students = {
    happy: { name: '测试甲', number: `E2E${stamp}A`, id: residentId(), phone: '13800138001' },
    reject: { name: '测试乙', number: `E2E${stamp}B`, id: residentId(), phone: '13800138002' },
    chsi: { name: '测试丙', number: `E2E${stamp}C`, id: residentId(), phone: '13800138003', chsi: `CHSIE2E${stamp}` },
  }
  const setup = {}
  console.log(`student-app e2e against ${GATEWAY} (artifacts: ${ARTIFACTS})`)

  // ---------------------------------------------------------------- setup (staff side)
  await j.step('setup', 'gateway serves the H5 app at /', null, async () => {
    const res = await fetch(`${GATEWAY}/`)
    const html = await res.text()
    if (!res.ok || !html.includes('毕业图像采集')) throw new Error(`GET / → ${res.status}; not the student app (build it into student-app/dist/h5 and start the gateway)`)
  })
  await j.step('setup', 'school, batch (PAY_BEFORE_CAPTURE, ¥20.00, all three modes) and roster', null, async () => {
    const admin = await staffToken('schooladmin')
    let school = await api('GET', `/api/identity/schools/${SCHOOL}`, { token: admin, expect: [200, 404] })
    if (!school?.name) school = await api('POST', '/api/identity/schools', { token: admin, json: { code: SCHOOL, name: '示例大学' } })
    setup.schoolName = school.name
    const now = Date.now()
    const batch = await api('POST', `/api/identity/schools/${SCHOOL}/batches`, {
      token: admin,
      json: {
        name: `E2E 毕业图像采集 ${stamp}`,
        opensAt: new Date(now - 86400000).toISOString(),
        closesAt: new Date(now + 30 * 86400000).toISOString(),
        priceFen: 2000,
        paymentPolicy: 'PAY_BEFORE_CAPTURE',
        eligibilityModes: ['SCHOOL_NAME_ID', 'CHSI_CODE', 'ID_AND_PHONE'],
        reviewPromise: 'PT24H',
        allowSubmitWithFindings: true,
      },
    })
    setup.batchId = batch.id
    const csv = ['school_code,school_name,student_number,name,id_type,id_number,phone,chsi_code,degree_level',
      ...Object.values(students).map((s) => `${SCHOOL},${setup.schoolName},${s.number},${s.name},RESIDENT_ID,${s.id},${s.phone},${s.chsi ?? ''},本科`)].join('\n')
    const form = new FormData()
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'roster.csv')
    const report = await api('POST', `/api/identity/batches/${batch.id}/roster`, { token: admin, form })
    const bad = JSON.stringify(report).match(/"(errors|rejected|invalid)":\s*\[[^\]]+\]/)
    if (bad) throw new Error(`roster import reported problems: ${bad[0].slice(0, 300)}`)
  })
  const needSetup = () => { if (!setup.batchId) throw new Error('no batch and roster: the setup failed') }

  const browser = await launch()
  try {
    // -------------------------------------------------------------- happy path
    {
      const ctx = await phoneContext(browser)
      const phone = new Phone(await ctx.newPage())
      const state = { batchId: setup.batchId }
      const s = students.happy
      await login(j, 'happy', phone)
      await j.step('happy', '获取采集资格 院校+身份证: 信息不符 → 未匹配到采集信息', phone.page, async () => {
        needSetup()
        await phone.tapTo('获取采集资格', '院校+身份证')
        await phone.fill('school-query', setup.schoolName.slice(0, 2))
        await phone.tap(`${setup.schoolName}（${SCHOOL}）`)
        await phone.fill('name', s.name)
        let other = residentId()
        while (other === s.id) other = residentId()
        await phone.fill('id-number', other)
        await phone.tap('提交')
        await phone.see('未匹配到采集信息，请联系学院核实信息')
      })
      await j.step('happy', '获取采集资格 院校+身份证 → 采集详情', phone.page, async () => {
        await phone.page.waitForTimeout(800)
        await phone.page.goBack()
        await phone.fill('id-number', s.id)
        await phone.tap('提交')
        const r = await waitForAny(phone, ['采集详情'], 20000)
        if (r !== '采集详情') throw new Error(r ?? 'no collection detail')
        state.collectionId = phone.collectionId()
        if (!state.collectionId) throw new Error(`no collection id in ${phone.page.url()}`)
      })
      await pay(j, 'happy', phone, '¥20.00')
      await uploadAndPreview(j, 'happy', phone)
      await submit(j, 'happy', phone)
      await reviewerDecides(j, 'happy', state, 'PASS')
      await seeCompleted(j, 'happy', phone, state)
      await j.step('happy', '下载图片 标准照 and 排版照', phone.page, async () => {
        await phone.tap('下载图片')
        for (const kind of ['标准照', '排版照']) {
          await phone.tap(kind)
          const img = phone.visible(phone.page.locator('#download-img img, img#download-img'))
          await img.waitFor({ state: 'visible', timeout: 75000 })
          await eventually(`${kind} image loaded`, () => img.evaluate((el) => el.complete && el.naturalWidth > 0), { timeoutMs: 20000, everyMs: 500 })
          const src = await img.getAttribute('src')
          const res = await fetch(src)
          const bytes = Buffer.from(await res.arrayBuffer())
          if (!res.ok || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error(`${kind}: ${src} → ${res.status}, not a JPEG`)
          await j.shot(phone.page, `download-${kind === '标准照' ? 'standard' : 'layout'}`)
        }
        await phone.see('保存照片')
      })
      if (state.statusesSeen) console.log(`       statuses seen while waiting: ${state.statusesSeen.join(' → ')}`)
      await ctx.close()
    }

    // -------------------------------------------------------------- rejection path
    {
      const ctx = await phoneContext(browser)
      const phone = new Phone(await ctx.newPage())
      const state = { batchId: setup.batchId }
      const s = students.reject
      await login(j, 'rejection', phone)
      await j.step('rejection', '获取采集资格 证件+手机号 → 核对信息 → 确认无误 → 采集详情', phone.page, async () => {
        needSetup()
        await phone.tapTo('获取采集资格', '证件+手机号')
        await phone.tap('证件+手机号')
        await phone.fill('name', s.name)
        await phone.fill('id-number', s.id)
        await phone.fill('phone', s.phone)
        await phone.tap('下一步')
        await phone.see('查找到用户，请核对信息内容')
        await phone.see(s.number)
        await j.shot(phone.page, 'rejection-confirmation')
        await phone.tap('确认无误，采集照片')
        const r = await waitForAny(phone, ['采集详情'], 20000)
        if (r !== '采集详情') throw new Error(r ?? 'no collection detail')
        state.collectionId = phone.collectionId()
        if (!state.collectionId) throw new Error(`no collection id in ${phone.page.url()}`)
      })
      await pay(j, 'rejection', phone, '¥20.00')
      await uploadAndPreview(j, 'rejection', phone)
      await submit(j, 'rejection', phone)
      await reviewerDecides(j, 'rejection', state, 'REJECT')
      await j.step('rejection', '学生看到 初审失败，请重拍 and the reason', phone.page, async () => {
        await eventually('初审失败，请重拍 with the reason', async () => {
          await phone.tap('刷新状态')
          await phone.page.waitForTimeout(800)
          const t = await phone.statusText()
          return t.startsWith('初审失败，请重拍') && (!state.reasonSentence || t.includes(state.reasonSentence))
        }, { timeoutMs: REVIEW_WAIT_MS, everyMs: 2000 })
      })
      await j.step('rejection', '重新拍照 → 拍照要求 (no second payment)', phone.page, async () => {
        await phone.tap('重新拍照')
        const r = await waitForAny(phone, ['拍照注意事项', '立即支付'], 20000)
        if (r !== '拍照注意事项') throw new Error(`retake went to ${r} instead of the shooting requirements`)
      })
      await uploadAndPreview(j, 'rejection', phone, '重拍: ')
      await submit(j, 'rejection', phone, '重拍: ')
      await reviewerDecides(j, 'rejection', state, 'PASS')
      await seeCompleted(j, 'rejection', phone, state)
      await ctx.close()
    }

    // -------------------------------------------------------------- mode B (学信网图像采集码)
    {
      const ctx = await phoneContext(browser)
      const phone = new Phone(await ctx.newPage())
      const s = students.chsi
      await login(j, 'chsi-code', phone)
      await j.step('chsi-code', '获取采集资格 学信网采集码 + 身份证号后四位 → 采集详情', phone.page, async () => {
        needSetup()
        await phone.tapTo('获取采集资格', '学信网采集码')
        await phone.tap('学信网采集码')
        await phone.fill('chsi-code', s.chsi) // typed: 扫码识别 needs WeChat, 相册识别 a picture of a real code
        await phone.fill('id-last4', s.id.slice(-4))
        await phone.tap('提交')
        const r = await waitForAny(phone, ['采集详情'], 20000)
        if (r !== '采集详情') throw new Error(r ?? 'no collection detail')
        await phone.see(s.number)
      })
      await ctx.close()
    }
  } finally {
    await browser.close()
  }

  const { ok, text } = j.summary()
  console.log(`\n${text}\nscreenshots: ${ARTIFACTS}`)
  process.exit(ok ? 0 : 1)
}

readFileSync(PORTRAIT) // fail early without the fixture
main().catch((e) => {
  console.error(e)
  process.exit(2)
})
