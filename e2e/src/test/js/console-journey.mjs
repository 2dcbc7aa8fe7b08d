#!/usr/bin/env node
// Issue #18: the staff console's whole journey in headless Chromium against the local platform,
// at 1366×768 (an office screen). A school admin signs in, creates a batch with the form, uploads a
// roster with two bad lines and sees them reported, fixes the file and uploads it again, watches a
// student (driven through the services' student APIs: login and payment in the local WeChat, eligibility,
// upload, submit, retake) move through the progress states, exports the progress as XLSX, builds
// and downloads the package. A reviewer rejects, then passes. An operator refunds the order and
// unbinds the entry with a reason; the read-only school account (schoolviewer) downloads the
// package and is offered no change. Every screen leaves a screenshot in SHOTS.
//
// Environment: CONSOLE_URL (http://localhost:8080/console/), GATEWAY (http://localhost:8080),
// KEYCLOAK_URL, CHROMIUM, SHOTS, PORTRAIT (a photo the engine accepts).
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const CONSOLE = process.env.CONSOLE_URL ?? 'http://localhost:8080/console/'
const GATEWAY = (process.env.GATEWAY ?? 'http://localhost:8080').replace(/\/$/, '')
const KEYCLOAK = (process.env.KEYCLOAK_URL ?? 'http://localhost:8180').replace(/\/$/, '')
const SHOTS = process.env.SHOTS ?? 'target/e2e/console'
const PORTRAIT = readFileSync(process.env.PORTRAIT ?? '../../../../student-app/e2e/fixtures/portrait.jpg')
const SCHOOL = '10999'
const RUN = Date.now().toString(36).slice(-5).toUpperCase()
const BATCH = `控制台验收批次 ${RUN}`
mkdirSync(SHOTS, { recursive: true })

// ------------------------------------------------------------------ a student, through the APIs
async function api(method, path, { token, json, form, expect = [200, 201, 202, 204] } = {}) {
  const headers = { Accept: 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  let body
  if (json !== undefined) { headers['Content-Type'] = 'application/json'; body = JSON.stringify(json) }
  if (form) body = form
  const res = await fetch(GATEWAY + path, { method, headers, body })
  const text = await res.text()
  let data
  try { data = text ? JSON.parse(text) : undefined } catch { data = text }
  if (!expect.includes(res.status)) throw new Error(`${method} ${path} → ${res.status} ${String(text).slice(0, 300)}`)
  return data
}
// The student's WeChat is the platform's local WeChat (issue #15: the services run their
// production WeChat adapters against it): the gateway's /api/local-wechat/ gives the wx.login code
// and plays wx.requestPayment (it checks the merchant's paySign; its signed notification pays).
async function localWechat(path, body) {
  return api('POST', `/api/local-wechat/${path}`, { json: body })
}
async function studentLogsIn() {
  const { code } = await localWechat('login-codes', { openid: `console-e2e-${RUN}` })
  return (await api('POST', '/api/identity/auth/wechat-login', { json: { code } })).accessToken
}
// Payment and capture learn of a new collection from identity's event a moment after eligibility
// is granted; until then they answer 404 COLLECTION_NOT_FOUND, so a client asks again (as the
// student app does) for a while, for that code only.
async function onceKnown(call) {
  const until = Date.now() + 30000
  for (;;) {
    try {
      return await call()
    } catch (e) {
      if (!String(e.message).includes('COLLECTION_NOT_FOUND') || Date.now() > until) throw e
      await new Promise((r) => setTimeout(r, 500))
    }
  }
}
async function studentPays(token, collectionId) {
  const pay = await onceKnown(() => api('POST', `/api/payment/collections/${collectionId}/order/pay`, { token }))
  const { appId, timeStamp, nonceStr, signType, paySign } = pay
  await localWechat('request-payment', { appId, timeStamp, nonceStr, package: pay.package, signType, paySign, action: 'confirm' })
  return pay
}
async function studentUploadsAndSubmits(token, collectionId) {
  const form = new FormData()
  form.append('photo', new Blob([PORTRAIT], { type: 'image/jpeg' }), 'portrait.jpg')
  const attempt = await onceKnown(() => api('POST', `/api/capture/collections/${collectionId}/attempts`, { token, form }))
  const id = attempt.attemptId ?? attempt.id
  if (!attempt.submittable) throw new Error(`the portrait is not submittable: ${JSON.stringify(attempt.findings ?? []).slice(0, 300)}`)
  await api('POST', `/api/capture/collections/${collectionId}/attempts/${id}/submit`, { token })
}

// ------------------------------------------------------------------ roster files
// Valid resident ID numbers (GB 11643 check character), made up for this run.
function residentId(seed) {
  const first17 = `110105${2003}${String(1 + (seed % 12)).padStart(2, '0')}${String(1 + (seed % 28)).padStart(2, '0')}${String(seed % 1000).padStart(3, '0')}`
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
const seed = Number.parseInt(RUN, 36) % 900
const students = [0, 1, 2, 3].map((i) => ({ number: `E${RUN}${i}`, name: ['钱一', '孙二', '李三', '周四'][i], id: residentId(seed + i * 7) }))
const header = '院校代码,院校名称,学号,姓名,证件类型,证件号码,手机号,学信网图像采集码,学历层次\n'
const line = (s, over = {}) => [SCHOOL, '示范大学', s.number, over.name ?? s.name, '居民身份证', over.id ?? s.id, '', '', '本科'].join(',') + '\n'
const wrongCheck = (id) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1')
const badCsv = header + line(students[0]) + line(students[1], { id: wrongCheck(students[1].id) }) + line(students[2], { name: '' }) + line(students[3])
const goodCsv = header + students.map((s) => line(s)).join('')

// ------------------------------------------------------------------ browser helpers
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
let n = 0
let failed = false
async function signedIn(user) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true })
  const page = await ctx.newPage()
  page.problems = []
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`))
  await page.goto(CONSOLE)
  await page.waitForURL((u) => u.href.startsWith(`${KEYCLOAK}/realms/gradphoto/`), { timeout: 30000 })
  await page.fill('#username', user)
  await page.fill('#password', user)
  await Promise.all([page.waitForURL((u) => u.href.startsWith(CONSOLE), { timeout: 30000 }), page.click('#kc-login')])
  await page.locator('#who').waitFor({ timeout: 30000 })
  return page
}
async function step(page, name, fn) {
  const slug = `${String(++n).padStart(2, '0')}-${name}`.replace(/[^\w\u4e00-\u9fff-]+/g, '_')
  const t0 = Date.now()
  try {
    await fn()
    if (page) await page.screenshot({ path: join(SHOTS, `journey-${slug}.png`) })
    console.log(`  ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  } catch (e) {
    if (page) await page.screenshot({ path: join(SHOTS, `journey-${slug}-FAILED.png`), fullPage: true }).catch(() => {})
    throw new Error(`${name}: ${String(e.message).split('\n')[0]}${page?.problems?.length ? ' | ' + page.problems.join(' | ') : ''}`)
  }
}
const go = async (page, path, ready) => {
  await page.goto(CONSOLE + path)
  await page.locator(ready).waitFor({ timeout: 20000 })
}
async function pick(page, selectId, text) {
  await page.click(`#${selectId}`, { force: true })
  await page.locator(`.ant-select-item-option[title*="${text}"], .ant-select-item-option:has-text("${text}")`).first().click({ timeout: 15000 })
}
/** The signed-in console's own access token (oidc-client-ts keeps the user in sessionStorage). */
async function consoleToken(page) {
  return page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))
    return key ? JSON.parse(sessionStorage.getItem(key)).access_token : null
  })
}
async function progressCount(page, state) {
  return Number(await page.locator(`#progress-counts [data-state="${state}"] .ant-statistic-content-value`).innerText())
}
async function waitCount(page, state, expected, timeout = 60000) {
  const until = Date.now() + timeout
  let seen
  while (Date.now() < until) {
    await page.reload()
    await page.locator('#progress-counts').waitFor({ timeout: 20000 })
    seen = await progressCount(page, state)
    if (seen === expected) return
    await page.waitForTimeout(2000)
  }
  throw new Error(`${state} stayed ${seen}, expected ${expected}`)
}

try {
  // ---------------------------------------------------------------- school admin
  const admin = await signedIn('schooladmin')
  await step(admin, '学校管理员 新建批次', async () => {
    await go(admin, 'batches', '#b-new-batch')
    await admin.click('#b-new-batch')
    await admin.fill('#batch-name', BATCH)
    await admin.fill('#batch-price', '25')
    await admin.click('#b-save-batch')
    await admin.locator('#batches').getByText(BATCH).waitFor({ timeout: 20000 })
  })
  await step(admin, '名单 两行有误 逐行报告', async () => {
    // The batch just created stays chosen (the console keeps the choice for the school pages).
    await go(admin, 'roster', '#roster')
    await admin.setInputFiles('input[type=file]', { name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(badCsv) })
    const report = admin.locator('#import-report')
    await report.getByText('2 行未导入').waitFor({ timeout: 60000 })
    const text = await admin.locator('#report-lines').innerText()
    if (!text.includes(students[1].number) || !text.includes(students[2].number)) throw new Error(`the two bad lines are not listed: ${text}`)
    if (!/证件号码/.test(text) || !/姓名/.test(text)) throw new Error(`no Chinese reasons: ${text}`)
  })
  await step(admin, '改正后重新上传', async () => {
    await admin.setInputFiles('input[type=file]', { name: '名单-改正.csv', mimeType: 'text/csv', buffer: Buffer.from(goodCsv) })
    await admin.locator('#import-report').getByText('全部导入成功').waitFor({ timeout: 60000 })
    await admin.locator('#roster').getByText(students[3].number).waitFor({ timeout: 20000 })
  })
  const batchId = await admin.evaluate(() => JSON.parse(sessionStorage.getItem('gradphoto.console.selection')).batch)
  await step(admin, '采集进度 未开始的学生也计入', async () => {
    await go(admin, 'progress', '#progress-counts')
    if ((await progressCount(admin, 'ELIGIBLE')) !== 4) throw new Error('名单内 is not 4')
    if ((await progressCount(admin, 'NOT_STARTED')) !== 4) throw new Error('未开始 is not 4')
    if ((await progressCount(admin, 'MISSING')) !== 4) throw new Error('未完成 is not 4')
  })

  // the student (钱一) proves eligibility, pays, uploads and submits
  const student = await studentLogsIn()
  const granted = await api('POST', '/api/identity/eligibility/by-school', { token: student, json: { schoolCode: SCHOOL, name: students[0].name, idNumber: students[0].id } })
  const collectionId = granted.collectionId
  await step(admin, '学生认证后 已认证待拍摄', async () => waitCount(admin, 'STARTED', 1))
  const pay = await studentPays(student, collectionId)
  await step(admin, '学生付款后 已付款', async () => waitCount(admin, 'PAID', 1))
  await studentUploadsAndSubmits(student, collectionId)
  await step(admin, '学生提交后 审核中', async () => {
    await waitCount(admin, 'IN_REVIEW', 1)
    await admin.click('#progress-counts [data-state="IN_REVIEW"]')
    await admin.locator('#progress-list').getByText(students[0].number).waitFor({ timeout: 10000 })
  })

  // ---------------------------------------------------------------- reviewer: reject, then pass
  const reviewer = await signedIn('reviewer')
  await step(reviewer, '审核员 驳回（键盘 N R 1 Enter）', async () => {
    await go(reviewer, 'review', '#review[data-ready="true"]')
    await pick(reviewer, 'f-batch', BATCH)
    await reviewer.keyboard.press('n')
    await reviewer.locator('#b-pass:not([disabled])').waitFor({ timeout: 20000 })
    await reviewer.locator('#guides').waitFor({ timeout: 10000 })
    await reviewer.keyboard.press('r')
    await reviewer.locator('#reasons').waitFor({ timeout: 10000 })
    await reviewer.keyboard.press('1')
    await reviewer.keyboard.press('Enter')
    await reviewer.waitForFunction(() => (document.body.dataset.lastDecision ?? '').endsWith(':REJECT'), null, { timeout: 20000 })
  })
  await step(admin, '驳回后 待重拍', async () => waitCount(admin, 'TO_RETAKE', 1))
  await studentUploadsAndSubmits(student, collectionId)
  await step(reviewer, '审核员 重拍后通过（P）', async () => {
    const until = Date.now() + 60000
    while (Date.now() < until) {
      await reviewer.keyboard.press('n')
      if (await reviewer.locator('#b-pass:not([disabled])').waitFor({ timeout: 5000 }).then(() => true, () => false)) break
      await reviewer.waitForTimeout(2000)
    }
    await reviewer.keyboard.press('p')
    await reviewer.waitForFunction(() => (document.body.dataset.lastDecision ?? '').endsWith(':PASS'), null, { timeout: 20000 })
  })
  await step(admin, '通过后 采集完成', async () => waitCount(admin, 'COMPLETED', 1, 90000))
  await step(admin, '导出进度 XLSX', async () => {
    const [download] = await Promise.all([admin.waitForEvent('download', { timeout: 30000 }), admin.click('#b-export-progress')])
    const file = await download.path()
    const head = readFileSync(file).subarray(0, 2).toString('latin1')
    if (head !== 'PK') throw new Error(`the export is not an XLSX (starts with ${JSON.stringify(head)})`)
    if (!download.suggestedFilename().endsWith('.xlsx')) throw new Error(`file name ${download.suggestedFilename()}`)
  })
  await step(admin, '生成并下载照片包', async () => {
    await go(admin, 'packages', '#b-request-package')
    // delivery learns of the completion from its own event, a moment after identity: until then
    // the request answers 409 NOTHING_TO_DELIVER (shown to the admin), so ask again as they would.
    const until = Date.now() + 60000
    while (!(await admin.locator('#packages [data-status]').count())) {
      if (Date.now() > until) throw new Error('no package was accepted within 60 s')
      await admin.click('#b-request-package')
      await admin.waitForTimeout(3000)
    }
    await admin.locator('#packages [data-status="READY"]').first().waitFor({ timeout: 120000 })
    const [download] = await Promise.all([admin.waitForEvent('download', { timeout: 30000 }), admin.locator('#packages .b-download').first().click()])
    const head = readFileSync(await download.path()).subarray(0, 2).toString('latin1')
    if (head !== 'PK') throw new Error('the package is not a ZIP')
  })
  await step(admin, '照片包的未完成名单 = delivery 的名单（未开始的 3 人）', async () => {
    // One source: the page shows delivery's missing list (what missing.csv holds), not a count of
    // its own. 钱一 is delivered; the three others never started.
    await admin.reload()
    await admin.locator('#missing-count').waitFor({ timeout: 20000 })
    const count = Number(await admin.locator('#missing-count').innerText())
    const listed = await api('GET', `/api/delivery/schools/${SCHOOL}/batches/${batchId}/missing-students`, { token: await consoleToken(admin) })
    if (count !== 3 || listed.length !== 3) throw new Error(`the page says ${count} missing, delivery lists ${listed.length}; expected 3`)
    const table = await admin.locator('#missing').innerText()
    for (const s of students.slice(1)) if (!table.includes(s.number)) throw new Error(`${s.number} is not in the missing list: ${table}`)
    if (table.includes(students[0].number)) throw new Error(`the delivered ${students[0].number} is listed as missing`)
    if ((await admin.locator('#missing [data-status="NOT_STARTED"]').count()) !== 3) throw new Error('the three are not 未开始')
    const [csv] = await Promise.all([admin.waitForEvent('download', { timeout: 30000 }), admin.click('#b-export-missing')])
    const lines = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/)
    if (lines[0] !== '学号,姓名,证件号码(脱敏),状态' || lines.length !== 4) throw new Error(`the CSV is ${JSON.stringify(lines)}`)
  })

  // ---------------------------------------------------------------- read-only school account
  const viewer = await signedIn('schoolviewer')
  await step(viewer, '学校只读账号 下载照片包（不能生成）', async () => {
    await go(viewer, 'packages', '#pick-batch')
    await pick(viewer, 'pick-batch', BATCH)
    await viewer.locator('#packages [data-status="READY"]').first().waitFor({ timeout: 30000 })
    if (await viewer.locator('#b-request-package').count()) throw new Error('a read-only account is offered 生成照片包')
    const [download] = await Promise.all([viewer.waitForEvent('download', { timeout: 30000 }), viewer.locator('#packages .b-download').first().click()])
    const head = readFileSync(await download.path()).subarray(0, 2).toString('latin1')
    if (head !== 'PK') throw new Error('the package is not a ZIP')
  })
  await step(viewer, '学校只读账号 名单与进度（无导入、无批次设置）', async () => {
    await go(viewer, 'roster', '#roster')
    await viewer.locator('#roster').getByText(students[3].number).waitFor({ timeout: 20000 })
    if (await viewer.locator('#roster-upload').count()) throw new Error('a read-only account is offered the roster upload')
    await go(viewer, 'progress', '#progress-counts')
    await go(viewer, 'batches', '.ant-result-403')
  })

  // ---------------------------------------------------------------- operator: refund, unbind
  const operator = await signedIn('operator')
  await step(operator, '运营 退款（填写原因）', async () => {
    await go(operator, 'orders', '#orders')
    await operator.fill('#o-batch', batchId)
    const row = operator.locator(`#orders tr[data-row-key="${pay.orderId}"]`)
    await row.waitFor({ timeout: 20000 })
    await row.locator('.b-refund').click()
    await operator.fill('#refund-reason', '验收测试：学生申请退款')
    await operator.click('#b-refund-confirm')
    await row.getByText('验收测试：学生申请退款').waitFor({ timeout: 30000 })
  })
  await step(operator, '运营 解除绑定（记录原因）', async () => {
    await go(operator, 'unbind', '#unbind-roster')
    await operator.click('#pick-school', { force: true })
    await operator.keyboard.type(SCHOOL)
    await operator.locator('.ant-select-item-option').filter({ hasText: SCHOOL }).first().click({ timeout: 15000 })
    await pick(operator, 'pick-batch', BATCH)
    const row = operator.locator('#unbind-roster tr').filter({ hasText: students[0].number })
    await row.locator('.b-unbind').click({ timeout: 20000 })
    await operator.fill('#unbind-reason', '验收测试：误用他人微信')
    await operator.click('#b-unbind-confirm')
    await operator.locator('#unbindings').getByText('验收测试：误用他人微信').waitFor({ timeout: 20000 })
  })
  await step(operator, '解除绑定后 原微信账号在各服务都看不到这次采集', async () => {
    // Issue #16 item 1: identity's BindingRevoked reaches capture, payment and delivery at once.
    const paths = [`/api/identity/students/me/collections/${collectionId}`, `/api/capture/collections/${collectionId}`, `/api/payment/collections/${collectionId}/order`]
    const until = Date.now() + 30000
    for (;;) {
      const statuses = await Promise.all(paths.map(async (p) => (await fetch(GATEWAY + p, { headers: { Authorization: `Bearer ${student}` } })).status))
      const delivery = await api('GET', '/api/delivery/students/me/collections', { token: student })
      if (statuses.every((s) => s === 404) && !delivery.some((c) => c.collectionId === collectionId)) break
      if (Date.now() > until) throw new Error(`the unbound account still sees the collection: ${paths.map((p, i) => `${p} → ${statuses[i]}`).join(', ')}`)
      await new Promise((r) => setTimeout(r, 500))
    }
  })
} catch (e) {
  failed = true
  console.error(`  FAIL ${e.message}`)
} finally {
  await browser.close()
}
console.log(failed ? `console journey: failed (screenshots: ${SHOTS})` : `console journey: passed (${n} steps, screenshots: ${SHOTS})`)
process.exit(failed ? 1 : 0)
