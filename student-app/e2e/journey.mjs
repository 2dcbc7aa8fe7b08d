#!/usr/bin/env node
// The student's whole journey in headless Chromium (the OS package) against the local platform
// (`deploy/local/up`), as issue #9 asks:
//   happy path:     log in (local WeChat code) → eligibility (mode A, after one "not matched") → pay (local WeChat)
//                   → upload a portrait in the guide frame → preview → submit → 撤回 (no reviewer
//                   yet) → retake → submit → a reviewer claims it → 撤回 refused → the reviewer
//                   passes (review-service staff API, Keycloak code + PKCE sign-in) → 采集完成 →
//                   download the standard photo and the layout sheet; the retake picks the
//                   white background of the two the batch offers (the preview and the
//                   downloaded photo are on white); the school builds its package → 上网中
//   rejection path: log in → eligibility (mode C, confirmation page) → pay → upload → submit →
//                   reviewer rejects → 初审失败，请重拍 with the reason → retake (no second payment)
//                   → submit → reviewer passes → 采集完成
//   mode B:         log in → eligibility with a typed CHSI code + last four ID characters
//   two batches:    one student on two rosters of the school (same ID, phone, CHSI code): the
//                   预报名 batch (shooting not open) by mode C and payment, the open batch by mode
//                   B — each match binds the chosen batch's line → 采集列表 with two collections
//   batch texts:    the clothing rule names the batch's backgrounds, the 照片已提交 dialog says the
//                   batch's review time (its own words, or its promise PT24H as 24小时内), a batch's own 拍照注意事项
//                   replace the generic rules
// Each step leaves a screenshot in e2e/artifacts/. It fails where the platform does not (yet) do
// a step, and prints which steps passed. Setup (school, batch, roster of two made-up students)
// goes through identity-service's staff API as the demo school admin.
//
// Environment: GATEWAY_URL (http://localhost:8080), KEYCLOAK_URL (http://localhost:8180),
// CHROMIUM (/usr/bin/chromium), E2E_ARTIFACTS (e2e/artifacts), E2E_SCHOOL (10999).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import qrcode from 'qrcode-generator'
import { bigPhoto, eventually, Journey, launch, layoutFaults, phoneContext, residentId, tappable } from './lib.mjs'

const GATEWAY = (process.env.GATEWAY_URL ?? 'http://localhost:8080').replace(/\/$/, '')
const KEYCLOAK = (process.env.KEYCLOAK_URL ?? 'http://localhost:8180').replace(/\/$/, '')
const REALM = 'gradphoto'
const SCHOOL = process.env.E2E_SCHOOL ?? '10999'
const PORTRAIT = fileURLToPath(new URL('./fixtures/portrait.jpg', import.meta.url))
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? fileURLToPath(new URL('./artifacts/journey/', import.meta.url))
const REVIEW_WAIT_MS = Number(process.env.E2E_REVIEW_WAIT_MS ?? 90000)
const NOTICE = '各位同学：请使用本人微信完成图像采集，审核通过后不支持更换照片。'
const EARLY_NOTICE = '拍摄开始前，请先完成报名缴费。'
const AFTER_REVIEW_REQUIREMENTS = '请到学院楼一层的灰色背景墙前，由辅导员统一拍摄。\n穿深色正装。'


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

// The console's client allows only code + PKCE (no password grant): sign in through Keycloak's
// login form as a browser does, then exchange the code.
async function staffToken(username, password = username) {
  const b64url = (buf) => Buffer.from(buf).toString('base64url')
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(48)))
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)))
  const state = b64url(crypto.getRandomValues(new Uint8Array(12)))
  const redirect = `${GATEWAY}/`
  const oidc = `${KEYCLOAK}/realms/${REALM}/protocol/openid-connect`
  const jar = new Map()
  const keep = (res) => res.headers.getSetCookie().forEach((c) => { const [kv] = c.split(';'); const i = kv.indexOf('='); jar.set(kv.slice(0, i), kv.slice(i + 1)) })
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const q = new URLSearchParams({ client_id: 'staff-console', response_type: 'code', scope: 'openid', redirect_uri: redirect, state, code_challenge: challenge, code_challenge_method: 'S256' })
  const page = await fetch(`${oidc}/auth?${q}`, { redirect: 'manual' })
  keep(page)
  const action = (/<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"/.exec(await page.text()) || [])[1]
  if (!action) throw new Error(`Keycloak login page for ${username}: ${page.status}`)
  const login = await fetch(action.replaceAll('&amp;', '&'), {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies() },
    body: new URLSearchParams({ username, password, credentialId: '' }),
  })
  const location = new URL(login.headers.get('location') || redirect)
  const code = location.searchParams.get('code')
  if (login.status !== 302 || !code || location.searchParams.get('state') !== state) throw new Error(`Keycloak sign-in of ${username}: ${login.status}`)
  const res = await fetch(`${oidc}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'staff-console', code, redirect_uri: redirect, code_verifier: verifier }),
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok || !data.access_token) throw new Error(`Keycloak code exchange for ${username}: ${res.status} ${JSON.stringify(data).slice(0, 200)}`)
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
    // Taro's <taro-input-core> shows before its own <input> is rendered inside it: wait for that
    // (a fill on the host then fails with "Element is not an <input>"), unless the host is one.
    const tag = await host.evaluate((el) => el.tagName.toLowerCase())
    const target = tag === 'input' || tag === 'textarea' ? host : host.locator('input, textarea').first()
    await target.waitFor({ state: 'visible', timeout: 15000 })
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

/** A screenshot-like PNG of a QR code holding `text` (as the student saves it from 学信网). */
async function qrPicture(browser, text) {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const page = await browser.newPage()
  try {
    const b64 = await page.evaluate(async (src) => {
      const img = new Image(); img.src = src; await img.decode()
      const c = document.createElement('canvas'); c.width = 720; c.height = 900
      const g = c.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, 720, 900)
      g.imageSmoothingEnabled = false
      g.drawImage(img, 160, 250, 400, 400)
      g.fillStyle = '#333'; g.font = '28px sans-serif'; g.fillText('图像采集码', 290, 200)
      return c.toDataURL('image/png').split(',')[1]
    }, qr.createDataURL(4, 4))
    return Buffer.from(b64, 'base64')
  } finally {
    await page.close()
  }
}

// ------------------------------------------------------------------ steps shared by the paths
/** 获取采集资格: the school, then its batch by name, then its notice (read before any form). */
async function chooseBatch(phone, setup, batchName, { notice } = {}) {
  await phone.tapTo('获取采集资格', '选择所在院校')
  await phone.fill('school-query', setup.schoolName.slice(0, 2))
  await phone.tap(`${setup.schoolName}（${SCHOOL}）`)
  // the demo data's batch is open at the same school: pick ours from the list
  const listed = await waitForAny(phone, ['选择采集批次', '我已阅读，获取采集资格'], 20000)
  if (listed === '选择采集批次') await phone.tap(batchName)
  else if (listed !== '我已阅读，获取采集资格') throw new Error(listed ?? 'no batch of the school was offered')
  await phone.see(batchName)
  if (notice) await phone.see(notice)
  const faults = await layoutFaults(phone.page)
  if (faults.length) throw new Error(`the notice page: ${faults.join('; ')}`)
}

async function confirmAndOpen(phone, state, number, { notNumber } = {}) {
  await phone.see('核验学籍信息')
  await phone.see(number)
  if (notNumber && (await phone.page.getByText(notNumber).filter({ visible: true }).count())) {
    throw new Error(`the confirmation shows ${notNumber}, the student's line in the other batch`)
  }
  await phone.tap('确认无误，采集照片')
  const r = await waitForAny(phone, ['采集详情'], 20000)
  if (r !== '采集详情') throw new Error(r ?? 'no collection detail')
  state.collectionId = phone.collectionId()
  if (!state.collectionId) throw new Error(`no collection id in ${phone.page.url()}`)
}

async function login(j, path, phone) {
  await j.step(path, '启动页 立即进入 → 首页 (local WeChat login)', phone.page, async () => {
    await phone.page.goto(`${GATEWAY}/`)
    await phone.see('立即进入', 30000)
    await phone.tap('立即进入')
    const r = await waitForAny(phone, ['获取采集资格'], 20000)
    if (r !== '获取采集资格') throw new Error(r ?? 'home page did not show')
  })
}

async function pay(j, path, phone, price) {
  await j.step(path, '服务内容 立即支付 (H5: the local WeChat confirms) → 拍照要求', phone.page, async () => {
    await phone.tap('拍照')
    await phone.see('服务内容')
    await phone.see(price)
    await phone.tap('立即支付')
    const r = await waitForAny(phone, ['拍照注意事项'], 60000)
    if (r !== '拍照注意事项') throw new Error(r ?? 'payment did not lead to the shooting requirements within 60 s')
  })
}

async function uploadAndPreview(j, path, phone, again = '', file = PORTRAIT) {
  await j.step(path, `${again}拍照要求 → 从相册选取 → 参考线框${file === PORTRAIT ? '' : ` (${(file.buffer.length / 1e6).toFixed(1)} MB original)`}`, phone.page, async () => {
    await phone.tap('我已阅读，拍照或从相册选取')
    await phone.see('从相册选取')
    const [chooser] = await Promise.all([phone.page.waitForEvent('filechooser', { timeout: 15000 }), phone.tap('从相册选取')])
    await chooser.setFiles(file)
    await phone.visible(phone.page.locator('#guide-frame')).waitFor({ state: 'visible', timeout: 90000 })
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

/** `promise`: the batch's review-time sentence the 照片已提交 dialog must say (its own words or the neutral one). */
async function submit(j, path, phone, again = '', promise = null) {
  await j.step(path, `${again}确认提交 → 授权审核结果通知 → 审核中${promise ? ` (${promise})` : ''}`, phone.page, async () => {
    const btn = phone.text('确认提交')
    if (await btn.evaluate((el) => el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false')) {
      const findings = await phone.visible(phone.page.locator('#findings')).innerText()
      throw new Error(`the preview cannot be submitted: ${findings.replace(/\s+/g, ' ')}`)
    }
    await btn.click()
    await phone.see('照片已提交', 20000)
    if (promise) await phone.see(`照片已进入人工审核，${promise}。`, 5000)
    await phone.tap('通知我')
    const r = await waitForAny(phone, ['照片已提交，正在人工审核，请耐心等待审核结果'], 30000)
    if (!r || r.startsWith('error')) throw new Error(r ?? 'the detail page did not show 审核中')
  })
}

/** 撤回 on the detail page and its confirmation; answers the message the page then shows. */
async function withdraw(phone) {
  await phone.tap('撤回')
  await phone.see('撤回照片')
  await phone.tap('确定撤回')
  const r = await waitForAny(phone, ['照片已撤回，可以重新拍照，或再次提交这张照片'], 30000)
  return r ?? 'no answer to 撤回 within 30 s'
}

/** A reviewer claims the collection's open task (and keeps it: the decision comes later). */
async function reviewerClaims(j, path, state) {
  await j.step(path, '审核员认领 (review-service staff API)', null, async () => {
    const token = await staffToken('reviewer')
    const task = await eventually('a review task for the collection', async () => {
      const q = await api('GET', `/api/review/staff/tasks?school=${SCHOOL}&batch=${state.batchId}&limit=100`, { token })
      return (q.items ?? []).find((t) => t.collectionId === state.collectionId && !t.outcome && t.status !== 'DECIDED')
    }, { timeoutMs: 60000, everyMs: 2000 })
    await api('POST', `/api/review/staff/tasks/${task.id}/claim`, { token })
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

/** The colour of a JPEG's top-left corner (background there in a standard photo), decoded by the page. */
async function cornerColour(page, jpeg) {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }))
    const g = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')
    g.drawImage(bmp, 0, 0)
    return Array.from(g.getImageData(4, 4, 1, 1).data.slice(0, 3))
  }, Buffer.from(jpeg).toString('base64'))
}
const isWhite = ([r, g, b]) => r > 235 && g > 235 && b > 235
const isBlue = ([r, , b]) => b > r + 40

async function jpegAt(src) {
  const res = await fetch(src)
  const bytes = Buffer.from(await res.arrayBuffer())
  if (!res.ok || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error(`${src} → ${res.status}, not a JPEG`)
  return bytes
}

/** The preview's background colour as capture rendered it (the image the page shows). */
async function previewCorner(phone) {
  const img = phone.visible(phone.page.locator('#preview-frame img'))
  await img.waitFor({ state: 'visible', timeout: 60000 })
  return { src: await img.getAttribute('src'), rgb: await cornerColour(phone.page, await jpegAt(await img.getAttribute('src'))) }
}

/**
 * 背景颜色: the batch offers blue and white; the student picks white, capture renders the photo
 * again on white, and the page shows that rendering (the submitted photo is the white one).
 */
async function chooseWhiteBackground(j, path, phone) {
  await j.step(path, '背景颜色 蓝 → 白 (the batch offers two): the preview is rendered again on white', phone.page, async () => {
    await phone.see('背景颜色')
    const swatches = phone.page.locator('.swatch').filter({ visible: true })
    if ((await swatches.count()) !== 2) throw new Error(`${await swatches.count()} colour swatches shown, the batch offers 2`)
    const before = await previewCorner(phone)
    if (!isBlue(before.rgb)) throw new Error(`the first rendering is not on blue: rgb(${before.rgb})`)
    await swatches.nth(1).click()
    await eventually('the white swatch chosen', () => swatches.nth(1).evaluate((el) => el.classList.contains('swatch-on')), { timeoutMs: 30000, everyMs: 500 })
    await eventually('the preview on white', async () => {
      const now = await previewCorner(phone)
      return now.src !== before.src && isWhite(now.rgb)
    }, { timeoutMs: 60000, everyMs: 1000 })
  })
}

/** The school admin builds the batch's package (delivery-service); the student's photo goes with it. */
async function schoolBuildsPackage(j, path, state) {
  await j.step(path, '学校生成照片包 (delivery-service staff API) → 可下载', null, async () => {
    const admin = await staffToken('schooladmin')
    // delivery hears of the completion a moment after the student sees it: ask again
    const requested = await eventually('a package request delivery accepts', async () => {
      const r = await api('POST', `/api/delivery/schools/${SCHOOL}/batches/${state.batchId}/packages`, { token: admin, json: { naming: 'STUDENT_NUMBER' }, expect: [202, 409] })
      return r?.packageId ? r : null
    }, { timeoutMs: 60000, everyMs: 2000 })
    const ready = await eventually('the package READY', async () => {
      const p = await api('GET', `/api/delivery/packages/${requested.packageId}`, { token: admin })
      if (p.status === 'FAILED') throw new Error(`the package failed: ${p.failure}`)
      return p.status === 'READY' ? p : null
    }, { timeoutMs: 120000, everyMs: 2000 })
    if (ready.photoCount < 1) throw new Error(`the package has ${ready.photoCount} photos`)
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
  // on two batches of the school (same person, another student number): two collections
  // (one person: the same ID, phone and CHSI code on both rosters, so only the batch chosen tells them apart)
  students.both = { name: '测试丁', number: `E2E${stamp}D`, id: residentId(), phone: '13800138004', chsi: `CHSIE2E${stamp}D` }
  students.afterReview = { name: '测试戊', number: `E2E${stamp}E`, id: residentId(), phone: '13800138005' }
  const setup = {}
  console.log(`student-app e2e against ${GATEWAY} (artifacts: ${ARTIFACTS})`)
  async function importRoster(admin, batchId, list) {
    const csv = ['school_code,school_name,student_number,name,id_type,id_number,phone,chsi_code,degree_level',
      ...list.map((s) => `${SCHOOL},${setup.schoolName},${s.number},${s.name},RESIDENT_ID,${s.id},${s.phone},${s.chsi ?? ''},本科`)].join('\n')
    const form = new FormData()
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'roster.csv')
    const report = await api('POST', `/api/identity/batches/${batchId}/roster`, { token: admin, form })
    if (report.rejected) throw new Error(`roster import refused lines: ${JSON.stringify(report).slice(0, 300)}`)
  }

  // ---------------------------------------------------------------- setup (staff side)
  await j.step('setup', 'gateway serves the H5 app at /', null, async () => {
    const res = await fetch(`${GATEWAY}/`)
    const html = await res.text()
    if (!res.ok || !html.includes('毕业图像采集')) throw new Error(`GET / → ${res.status}; not the student app (build it into student-app/dist/h5 and start the gateway)`)
  })
  await j.step('setup', 'school, batch (PAY_BEFORE_CAPTURE, ¥20.00, all three modes, blue or white) and roster', null, async () => {
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
        reviewPromiseText: '一个工作日内',
        notice: NOTICE,
        supportPhone: '010-55550100',
        supportHours: '工作日 9:00-17:00',
        uploadMinBytes: 20000,
        uploadMaxBytes: 2000000,
        allowSubmitWithFindings: true,
        backgroundColours: ['blue', 'white'],
      },
    })
    setup.batchId = batch.id
    setup.batchName = batch.name
    await importRoster(admin, batch.id, [students.happy, students.reject, students.chsi, students.both])
    // pay after review; and a batch whose shooting opens in two days (sign-up and payment now)
    const later = await api('POST', `/api/identity/schools/${SCHOOL}/batches`, {
      token: admin,
      json: {
        name: `E2E 审核后付费 ${stamp}`, opensAt: new Date(now - 86400000).toISOString(), closesAt: new Date(now + 30 * 86400000).toISOString(),
        priceFen: 1500, paymentPolicy: 'PAY_AFTER_REVIEW', eligibilityModes: ['SCHOOL_NAME_ID'], reviewPromise: 'PT24H', allowSubmitWithFindings: true,
        shootingRequirements: AFTER_REVIEW_REQUIREMENTS,
      },
    })
    setup.afterReview = { id: later.id, name: later.name }
    await importRoster(admin, later.id, [students.afterReview])
    const early = await api('POST', `/api/identity/schools/${SCHOOL}/batches`, {
      token: admin,
      json: {
        name: `E2E 预报名 ${stamp}`, signUpOpensAt: new Date(now - 86400000).toISOString(), signUpClosesAt: new Date(now + 2 * 86400000).toISOString(),
        opensAt: new Date(now + 2 * 86400000).toISOString(), closesAt: new Date(now + 30 * 86400000).toISOString(),
        priceFen: 1800, paymentPolicy: 'PAY_BEFORE_CAPTURE', eligibilityModes: ['SCHOOL_NAME_ID', 'CHSI_CODE', 'ID_AND_PHONE'], reviewPromise: 'P2WD', notice: EARLY_NOTICE,
      },
    })
    setup.early = { id: early.id, name: early.name }
    await importRoster(admin, early.id, [{ ...students.both, number: `${students.both.number}P` }])
  })
  const needSetup = () => { if (!setup.batchId) throw new Error('no batch and roster: the setup failed') }

  const browser = await launch()
  const BIG = await bigPhoto(browser, PORTRAIT)
  try {
    // -------------------------------------------------------------- happy path
    {
      const ctx = await phoneContext(browser)
      const phone = new Phone(await ctx.newPage())
      const state = { batchId: setup.batchId }
      const s = students.happy
      await login(j, 'happy', phone)
      await j.step('happy', '获取采集资格: 院校 → 批次 → 批次通知', phone.page, async () => {
        needSetup()
        await chooseBatch(phone, setup, setup.batchName, { notice: NOTICE })
        await phone.see('010-55550100（工作日 9:00-17:00）')
      })
      await j.step('happy', '院校+身份证: 信息不符 → 未匹配到采集信息', phone.page, async () => {
        await phone.tap('我已阅读，获取采集资格')
        await phone.tap('院校+身份证')
        await phone.fill('name', s.name)
        let other = residentId()
        while (other === s.id) other = residentId()
        await phone.fill('id-number', other)
        await phone.tap('提交')
        await phone.see('未匹配到采集信息，请联系学院核实信息')
      })
      await j.step('happy', '院校+身份证 → 核验学籍信息 → 确认无误 → 采集详情', phone.page, async () => {
        await phone.page.waitForTimeout(800)
        await phone.page.goBack()
        await phone.fill('id-number', s.id)
        await phone.tap('提交')
        await confirmAndOpen(phone, state, s.number)
      })
      await pay(j, 'happy', phone, '¥20.00')
      await j.step('happy', '拍照要求 are the batch\'s (upload limit 20KB–2MB, clothing rule for its blue and white)', phone.page, async () => {
        await phone.see('大小 20KB–2MB')
        await phone.see('图像采集背景为蓝色或白色，请勿穿与背景颜色相近的衣服')
      })
      // a 12 MP phone original of ~6 MB against the batch's 2 MB limit: the app re-encodes it
      await uploadAndPreview(j, 'happy', phone, '', { name: 'IMG_4032.jpg', mimeType: 'image/jpeg', buffer: BIG })
      await submit(j, 'happy', phone, '', '审核时间预计一个工作日内')
      await j.step('happy', '审核中 撤回 before a reviewer claims it → 待提交', phone.page, async () => {
        const r = await withdraw(phone)
        if (r !== '照片已撤回，可以重新拍照，或再次提交这张照片') throw new Error(r)
        await phone.see('照片已标准化，请确认后提交审核')
      })
      await j.step('happy', '撤回后重拍: 拍照 → 拍照要求 (no second payment)', phone.page, async () => {
        await phone.tap('拍照')
        const r = await waitForAny(phone, ['拍照注意事项', '立即支付'], 20000)
        if (r !== '拍照注意事项') throw new Error(`拍照 after withdrawing went to ${r}`)
      })
      await uploadAndPreview(j, 'happy', phone, '撤回后重拍: ')
      await chooseWhiteBackground(j, 'happy', phone)
      await submit(j, 'happy', phone, '撤回后重拍: ')
      await reviewerClaims(j, 'happy', state)
      await j.step('happy', '审核员已认领: 撤回 refused (审核员已开始审核，不能撤回)', phone.page, async () => {
        const r = await withdraw(phone)
        if (!r.includes('审核员已开始审核，不能撤回')) throw new Error(`撤回 of a claimed photo: ${r}`)
        await phone.see('照片已提交，正在人工审核，请耐心等待审核结果')
      })
      await reviewerDecides(j, 'happy', state, 'PASS')
      await seeCompleted(j, 'happy', phone, state)
      await j.step('happy', '下载图片 标准照 and 排版照', phone.page, async () => {
        await phone.tap('下载图片')
        for (const kind of ['标准照', '排版照']) {
          await phone.tap(kind)
          const img = phone.visible(phone.page.locator('#download-img img, img#download-img'))
          await img.waitFor({ state: 'visible', timeout: 75000 })
          await eventually(`${kind} image loaded`, () => img.evaluate((el) => el.complete && el.naturalWidth > 0), { timeoutMs: 20000, everyMs: 500 })
          const bytes = await jpegAt(await img.getAttribute('src'))
          if (kind === '标准照') {
            const rgb = await cornerColour(phone.page, bytes)
            if (!isWhite(rgb)) throw new Error(`the standard photo is not on the white the student chose: rgb(${rgb})`)
          }
          await j.shot(phone.page, `download-${kind === '标准照' ? 'standard' : 'layout'}`)
        }
        await phone.see('保存照片')
      })
      await schoolBuildsPackage(j, 'happy', state)
      await j.step('happy', '上网中: the photo went to the school, no more changes, still downloadable', phone.page, async () => {
        await phone.page.goBack()
        await eventually('上网中 on the detail page', async () => {
          await phone.tap('刷新状态')
          await phone.page.waitForTimeout(800)
          // the status card: 采集完成，照片已送至学校（上网中），不支持更换照片
          return (await phone.statusText()).includes('（上网中）')
        }, { timeoutMs: REVIEW_WAIT_MS, everyMs: 2000 })
        await phone.see('不支持更换照片', 5000)
        await phone.see('下载图片')
        if (await phone.page.getByText('重新拍照', { exact: true }).filter({ visible: true }).count()) throw new Error('重新拍照 is offered after delivery')
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
        await chooseBatch(phone, setup, setup.batchName)
        await phone.tap('我已阅读，获取采集资格')
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
        await chooseBatch(phone, setup, setup.batchName)
        await phone.tap('我已阅读，获取采集资格')
        await phone.tap('学信网采集码')
        await phone.fill('chsi-code', s.chsi) // typed: 扫码识别 needs WeChat
        await phone.fill('id-last4', s.id.slice(-4))
        await phone.tap('提交')
        await confirmAndOpen(phone, {}, s.number)
      })
      await j.step('chsi-code', '相册识别: the CHSI code read from an album picture', phone.page, async () => {
        await phone.tap('返回首页')
        await chooseBatch(phone, setup, setup.batchName)
        await phone.tap('我已阅读，获取采集资格')
        await phone.tap('学信网采集码')
        const [chooser] = await Promise.all([phone.page.waitForEvent('filechooser', { timeout: 15000 }), phone.tap('相册识别')])
        await chooser.setFiles({ name: 'chsi.png', mimeType: 'image/png', buffer: await qrPicture(browser, s.chsi) })
        await eventually('the code filled in', () => phone.page.locator('#chsi-code input').evaluate((i, want) => i.value === want, s.chsi), { timeoutMs: 30000, everyMs: 500 })
      })
      await ctx.close()
    }

    // -------------------------------------------------------------- pay after review
    {
      const ctx = await phoneContext(browser)
      const phone = new Phone(await ctx.newPage())
      const state = { batchId: setup.afterReview?.id }
      const s = students.afterReview
      await login(j, 'pay-after-review', phone)
      await j.step('pay-after-review', '获取采集资格 (审核后付费 batch, only mode A) → 采集详情', phone.page, async () => {
        needSetup()
        await chooseBatch(phone, setup, setup.afterReview.name)
        await phone.tap('我已阅读，获取采集资格')
        if (await phone.page.getByText('证件+手机号', { exact: true }).filter({ visible: true }).count()) throw new Error('a mode the batch does not offer is shown')
        await phone.fill('name', s.name)
        await phone.fill('id-number', s.id)
        await phone.tap('提交')
        await confirmAndOpen(phone, state, s.number)
        await phone.see('（审核通过后支付）')
      })
      await j.step('pay-after-review', '拍照 without paying first', phone.page, async () => {
        await phone.tap('拍照')
        const r = await waitForAny(phone, ['拍照注意事项', '服务内容'], 20000)
        if (r !== '拍照注意事项') throw new Error(`拍照 led to ${r}`)
      })
      await j.step('pay-after-review', '拍照注意事项 are the batch\'s own (not the generic rules)', phone.page, async () => {
        for (const line of AFTER_REVIEW_REQUIREMENTS.split('\n')) await phone.see(line)
        if (await phone.page.getByText('使用后置摄像头拍摄身体部位至胸部部位的半身').filter({ visible: true }).count()) throw new Error('the generic rules are shown beside the batch\'s')
      })
      await uploadAndPreview(j, 'pay-after-review', phone)
      // no text of its own: the batch's PT24H promise in the platform's words
      await submit(j, 'pay-after-review', phone, '', '审核时间预计24小时内')
      await reviewerDecides(j, 'pay-after-review', state, 'PASS')
      await j.step('pay-after-review', '审核通过 → 立即支付 (H5: the local WeChat confirms)', phone.page, async () => {
        await eventually('立即支付 after the review passed', async () => {
          await phone.tap('刷新状态')
          await phone.page.waitForTimeout(800)
          return (await phone.statusText()).includes('请完成支付')
        }, { timeoutMs: REVIEW_WAIT_MS, everyMs: 2000 })
        await phone.tap('立即支付')
        await phone.see('服务内容')
        await phone.see('¥15.00')
        await phone.tap('立即支付')
        await waitForAny(phone, ['采集详情', '采集完成'], 60000)
      })
      await seeCompleted(j, 'pay-after-review', phone, state)
      await ctx.close()
    }

    // -------------------------------------------------------------- before shooting opens; two collections
    {
      const ctx = await phoneContext(browser)
      const phone = new Phone(await ctx.newPage())
      const s = students.both
      await login(j, 'two-batches', phone)
      await j.step('two-batches', '预报名批次: notice says when shooting opens', phone.page, async () => {
        needSetup()
        await chooseBatch(phone, setup, setup.early.name, { notice: EARLY_NOTICE })
        await phone.see('现在可以先获取采集资格并完成缴费')
        await phone.see('请联系学校')
      })
      await j.step('two-batches', '预报名批次: 证件+手机号 matches the chosen batch\'s line (the student is on both rosters)', phone.page, async () => {
        await phone.tap('我已阅读，获取采集资格')
        await phone.tap('证件+手机号')
        await phone.fill('name', s.name)
        await phone.fill('id-number', s.id)
        await phone.fill('phone', s.phone)
        await phone.tap('下一步')
        await phone.see('查找到用户，请核对信息内容')
        await phone.see(`${s.number}P`)
        await phone.tap('确认无误，采集照片')
        const r = await waitForAny(phone, ['采集详情'], 20000)
        if (r !== '采集详情') throw new Error(r ?? 'no collection detail')
        await phone.see(setup.early.name)
      })
      await j.step('two-batches', '预报名批次: payment before shooting', phone.page, async () => {
        await phone.see('拍摄将于')
        await phone.tap('立即支付')
        await phone.see('¥18.00')
        await phone.tap('立即支付')
        const r = await waitForAny(phone, ['届时请回到本页拍照上传'], 60000)
        if (r !== '届时请回到本页拍照上传') throw new Error(r ?? 'after paying, the page did not say to come back when shooting opens')
      })
      await j.step('two-batches', 'the same student in the open batch by 学信网采集码 (its line, not the early one\'s): 采集列表 with two collections', phone.page, async () => {
        await phone.tap('返回首页')
        await chooseBatch(phone, setup, setup.batchName)
        await phone.tap('我已阅读，获取采集资格')
        await phone.tap('学信网采集码')
        await phone.fill('chsi-code', s.chsi)
        await phone.fill('id-last4', s.id.slice(-4))
        await phone.tap('提交')
        // the same CHSI code is on both rosters: the chosen batch's line, not the early one's
        await confirmAndOpen(phone, {}, s.number, { notNumber: `${s.number}P` })
        await phone.see(setup.batchName)
        await phone.tap('返回首页')
        await phone.tap('我的采集（2）')
        await phone.see(setup.batchName)
        await phone.see(setup.early.name)
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
