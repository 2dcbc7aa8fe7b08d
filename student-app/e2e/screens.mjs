#!/usr/bin/env node
// Every screen of the H5 build at 360 px in headless Chromium, with the API answered by a
// stand-in that speaks the services' contracts (records copied from their REST resources).
// It checks the screens render, fit 360 px without sideways scrolling, show problem+json
// details, and walk from launch to download; it does not prove the services work (that is
// journey.mjs, against the real platform). Runs without the platform: serves dist/h5 itself.
import { createServer } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bigPhoto, Journey, launch, layoutFaults, phoneContext, tappable } from './lib.mjs'

const dist = fileURLToPath(new URL('../dist/h5/', import.meta.url))
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? fileURLToPath(new URL('./artifacts/screens/', import.meta.url))
const PORTRAIT = fileURLToPath(new URL('./fixtures/portrait.jpg', import.meta.url))
if (!process.env.APP_URL && !existsSync(join(dist, 'index.html'))) {
  console.error('dist/h5/index.html is missing: run `npm run build:h5` first')
  process.exit(2)
}

// ------------------------------------------------------------------ static server for dist/h5
const types = { '.html': 'text/html; charset=utf-8', '.js': 'application/javascript', '.css': 'text/css', '.jpg': 'image/jpeg' }
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x')
  if (url.pathname.startsWith('/s3/')) {
    res.writeHead(200, { 'content-type': 'image/jpeg' })
    return res.end(readFileSync(PORTRAIT))
  }
  let file = join(dist, normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''))
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html')
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
  res.end(readFileSync(file))
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const ORIGIN = `http://127.0.0.1:${server.address().port}`
// APP_URL: test a running dev server (`npm run dev:h5`) instead of dist/h5
const APP = process.env.APP_URL ?? `${ORIGIN}/`

// ------------------------------------------------------------------ the stand-in platform
const C = '3f2b8c1e-6a1d-4d2e-9a51-0c1f5b7e9a10'
const A = '9d7c6b5a-4e3f-4a1b-8c2d-1e0f9a8b7c6d'
const M = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b'
const C2 = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f'
const M2 = '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d'
const B1 = '11111111-2222-4333-8444-555555555555'
const B2 = '22222222-3333-4444-8555-666666666666'
const LATER = new Date(Date.now() + 5 * 86400_000).toISOString()
const platform = { eligible: false, eligible2: false, paid: false, uploaded: false, submitted: false, claimed: false, withdrawals: 0, status: 'AWAITING_PHOTO', phase: 'AWAITING_PAYMENT', reasons: [], colour: '#64C5FF' }
const NOTICE = '各位同学：请使用本人微信完成采集。\n采集前请阅读拍照要求，审核通过后不支持更换照片。'
const batch1 = {
  batchId: B1, batchName: '2026届本科毕业生图像采集', schoolCode: '10999', schoolName: '示例大学', notice: NOTICE,
  eligibilityModes: ['SCHOOL_NAME_ID', 'CHSI_CODE', 'ID_AND_PHONE'],
  signUpOpensAt: '2026-11-01T00:00:00Z', signUpClosesAt: '2026-12-31T15:59:59Z', signUpWindow: '', signUpOpen: true,
  opensAt: '2026-11-01T00:00:00Z', closesAt: '2026-12-31T15:59:59Z', window: '', shootingOpen: true,
  priceFen: 2000, paymentPolicy: 'PAY_BEFORE_CAPTURE', reviewPromiseText: '三个工作日内', supportPhone: '010-62345678', supportHours: '工作日 9:00-17:00',
  shootingRequirements: '浅色墙前一米，请他人用后置摄像头拍摄。\n穿有领上衣，不要穿蓝色衣服。', serviceDescription: null, uploadMinBytes: 20000, uploadMaxBytes: 2000000, backgroundColours: ['#64C5FF', '#FFFFFF'],
}
const batch2 = {
  ...batch1, batchId: B2, batchName: '2027届研究生预报名', notice: '拍摄开始前请先完成报名缴费。', eligibilityModes: ['SCHOOL_NAME_ID'],
  opensAt: LATER, closesAt: '2027-06-30T15:59:59Z', shootingOpen: false, supportPhone: null, supportHours: null, reviewPromiseText: '两个工作日内',
  signUpClosesAt: LATER,
}
const collection = () => ({
  collectionId: C, batchId: B1, batchName: batch1.batchName, schoolCode: '10999', schoolName: '示例大学',
  studentNumber: '2022001001', studentName: '张三', degreeLevel: '本科', priceFen: 2000, paymentPolicy: 'PAY_BEFORE_CAPTURE',
  opensAt: '2026-11-01T00:00:00Z', closesAt: '2026-12-31T15:59:59Z', window: '2026年11月1日 08:00 至 2026年12月31日 23:59',
  serviceDescription: null, shootingRequirements: batch1.shootingRequirements, reviewPromise: 'P2WD', reviewPromiseText: '三个工作日内', specProfile: 'chsi-graduation', backgroundColours: ['#64C5FF', '#FFFFFF'],
  notice: NOTICE, supportPhone: batch1.supportPhone, supportHours: batch1.supportHours, uploadMinBytes: 20000, uploadMaxBytes: 2000000,
  signUpOpensAt: batch1.signUpOpensAt, signUpClosesAt: batch1.signUpClosesAt,
  status: platform.status, statusLabel: '', paid: platform.paid, rejectionReasons: platform.reasons, grantedAt: '2026-11-23T08:00:00Z', updatedAt: '2026-11-23T08:00:00Z',
})
const collection2 = () => ({
  ...collection(), collectionId: C2, batchId: B2, batchName: batch2.batchName, opensAt: LATER, closesAt: batch2.closesAt, window: '',
  notice: batch2.notice, supportPhone: null, supportHours: null, reviewPromiseText: '两个工作日内', studentNumber: '2027000001',
  status: 'AWAITING_PHOTO', paid: false, rejectionReasons: [],
})
const attempt = () => ({
  attemptId: A, collectionId: C, number: 1, status: platform.submitted ? 'SUBMITTED' : 'READY', backgroundColour: platform.colour, backgroundColours: ['#64C5FF', '#FFFFFF'], accepted: true, submittable: !platform.submitted,
  findings: [{ code: 'EYE_LINE_HIGH', severity: 'WARN', message: '眼睛位置略偏高，可接受；如需更好效果可重拍。', measured: 205, threshold: '200–300', unit: 'px' }],
  geometry: { headTopPx: 72, eyeLinePx: 236, faceWidthPx: 214 },
  guide: { id: 'chsi-graduation', widthPx: 480, heightPx: 640, backgrounds: ['#64C5FF', '#FFFFFF'], headTopPx: { min: 50, max: 110 }, eyeLinePx: { min: 200, max: 300 }, faceWidthPx: { min: 180, max: 300 } },
  preview: { standardizedUrl: `${ORIGIN}/s3/standard.jpg?X-Amz-Signature=x`, expiresAt: '2026-11-23T09:00:00Z' },
})
const capture = () => ({ collectionId: C, phase: platform.phase, nextStep: '', canUpload: ['READY_TO_SHOOT', 'READY_TO_SUBMIT', 'RETAKE_REQUESTED'].includes(platform.phase), reviewReasons: platform.reasons, attempts: platform.uploaded ? 1 : 0, paid: platform.paid, backgroundColours: ['#64C5FF'] })
const problem = (status, code, detail) => ({ status, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: code, status, code, detail }) })

function answer(method, path, body) {
  const ok = (b, status = 200) => ({ status, contentType: 'application/json', body: JSON.stringify(b) })
  if (path === '/api/identity/auth/wechat-login') return ok({ accessToken: 'student-token', expiresIn: 3600, studentId: '0d9c8b7a-6f5e-4d3c-9b2a-190817263544' })
  if (path === '/api/identity/schools/10999/open-batches') return ok([batch1, batch2])
  if (path.startsWith('/api/identity/schools')) return ok([{ code: '10999', name: '示例大学' }])
  const match = (id, number) => ok({ matchId: id, schoolName: '示例大学', schoolCode: '10999', studentNumber: number, name: '张三', expiresAt: '2026-11-23T09:00:00Z' })
  // the app names the batch whose notice the student read
  if (path.startsWith('/api/identity/eligibility/matches') && !path.endsWith('/confirm') && ![B1, B2].includes(body?.batchId)) return problem(400, 'NO_BATCH', `no batchId in ${path}`)
  if (path === '/api/identity/eligibility/matches/by-school') {
    if (body?.idNumber === '110105200301010034') return body.batchId === B2 ? match(M2, '2027000001') : problem(404, 'NO_MATCH', '未匹配到采集信息，请联系学院核实信息')
    if (body?.idNumber !== '11010519491231002X') return problem(404, 'NO_MATCH', '未匹配到采集信息，请联系学院核实信息')
    return match(M, '2022001001')
  }
  if (path === '/api/identity/eligibility/chsi-code') return ok({ code: 'CHSI-2026-0001' })
  if (path === '/api/identity/eligibility/matches') return match(M, '2022001001')
  if (path === `/api/identity/eligibility/matches/${M}/confirm`) { platform.eligible = true; return ok(collection(), 201) }
  if (path === `/api/identity/eligibility/matches/${M2}/confirm`) { platform.eligible2 = true; return ok(collection2(), 201) }
  if (path === '/api/identity/students/me/collections') return ok([...(platform.eligible ? [collection()] : []), ...(platform.eligible2 ? [collection2()] : [])])
  if (path === `/api/identity/students/me/collections/${C}`) return ok(collection())
  if (path === `/api/identity/students/me/collections/${C2}`) return ok(collection2())
  if (path === `/api/payment/collections/${C2}/order`) return ok({ collectionId: C2, orderId: null, amountFen: 2000, amountYuan: '20.00', paymentPolicy: 'PAY_BEFORE_CAPTURE', state: 'NONE', payable: true })
  if (path === `/api/capture/collections/${C2}`) return ok({ ...capture(), collectionId: C2, phase: 'AWAITING_PAYMENT', canUpload: false, attempts: 0, paid: false })
  if (path === `/api/capture/collections/${C2}/attempts`) return ok([])
  if (path === `/api/capture/collections/${C}/attempts/${A}/adjustments`) { platform.colour = body?.background ?? platform.colour; return ok(attempt()) }
  if (path === `/api/payment/collections/${C}/order`) return ok({ collectionId: C, orderId: platform.paid ? 'o-1' : null, amountFen: 2000, amountYuan: '20.00', paymentPolicy: 'PAY_BEFORE_CAPTURE', state: platform.paid ? 'PAID' : 'NONE', payable: !platform.paid })
  if (path === `/api/payment/collections/${C}/order/pay`) return ok({ orderId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d', amountFen: 2000, appId: 'wx0', timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'RSA', paySign: 's' })
  if (path === '/api/local-wechat/login-codes') return ok({ code: 'wx-login-code' })
  if (path === '/api/local-wechat/phone-codes') return ok({ code: 'wx-phone-code' })
  if (path === '/api/local-wechat/request-payment') { platform.paid = true; platform.phase = 'READY_TO_SHOOT'; return ok({ trade_state: 'SUCCESS' }) }
  if (path === `/api/capture/collections/${C}`) return ok(capture())
  if (path === `/api/capture/collections/${C}/attempts` && method === 'GET') return ok(platform.uploaded ? [attempt()] : [])
  if (path === `/api/capture/collections/${C}/attempts`) { platform.uploaded = true; platform.phase = 'READY_TO_SUBMIT'; return ok(attempt(), 201) }
  if (path === `/api/capture/collections/${C}/attempts/${A}`) return ok(attempt())
  if (path === `/api/capture/collections/${C}/attempts/${A}/submit`) { platform.submitted = true; platform.phase = 'UNDER_REVIEW'; platform.status = 'IN_REVIEW'; return ok(capture()) }
  // review-service: withdrawn while no reviewer holds it; refused once one does
  if (path === `/api/review/students/me/collections/${C}/withdrawal`) {
    if (platform.claimed) return problem(409, 'ALREADY_CLAIMED', '审核员已开始审核，不能撤回。请耐心等待审核结果。')
    platform.withdrawals++; platform.submitted = false; platform.phase = 'READY_TO_SUBMIT'; platform.status = 'AWAITING_PHOTO'
    return ok({ collectionId: C, attemptId: A, withdrawnAt: '2026-11-23T08:30:00Z', state: 'AWAITING_PHOTO' })
  }
  if (path === '/api/delivery/students/me/notification-consent') return ok({ authorised: true, available: 1, accepted: 1, declined: 0 })
  if (path.startsWith(`/api/delivery/students/me/collections/${C}/downloads/`)) return ok({ url: `${ORIGIN}/s3/${path.endsWith('standard-photo') ? 'standard' : 'layout'}.jpg?X-Amz-Signature=x`, fileName: '2022001001.jpg', expiresAt: '2026-11-23T09:00:00Z' })
  return problem(404, 'NOT_FOUND', `stand-in has no ${method} ${path}`)
}

// ------------------------------------------------------------------ the walk
const j = new Journey(ARTIFACTS)
const browser = await launch()
const unanswered = []
try {
  const ctx = await phoneContext(browser)
  const page = await ctx.newPage()
  let uploads = 0
  const uploadSizes = []
  const BIG = await bigPhoto(browser, PORTRAIT)
  await page.route('**/api/**', async (route) => {
    const req = route.request()
    const url = new URL(req.url())
    if (req.method() === 'POST' && url.pathname === `/api/capture/collections/${C}/attempts`) {
      // a weak network: the first upload dies on the way (the app retries by itself), the
      // second is refused with a problem+json (shown, not retried), the third goes through
      uploads++
      uploadSizes.push(req.postDataBuffer()?.length ?? 0)
      if (uploads === 1) return route.abort('connectionreset')
      if (uploads === 2) return route.fulfill(problem(422, 'NO_FACE', '未检测到人脸，请正对镜头重新拍摄'))
    }
    let body
    try { body = req.postDataJSON() } catch { body = undefined }
    const a = answer(req.method(), url.pathname, body)
    if (a.status === 404 && a.body.includes('stand-in has no')) unanswered.push(`${req.method()} ${url.pathname}`)
    await route.fulfill(a)
  })
  const vis = (loc) => loc.filter({ visible: true }).first()
  const tap = async (t) => { const el = await tappable(page, t); await page.waitForTimeout(600); await el.click() }
  const see = (t, o) => vis(page.getByText(t, o)).waitFor({ timeout: 15000 })
  // Taro's <taro-input-core> shows before the <input> inside it is rendered: wait for that one
  const fill = async (id, v) => {
    const h = vis(page.locator(`#${id}`)); await h.waitFor({ timeout: 15000 })
    const tag = await h.evaluate((el) => el.tagName.toLowerCase())
    const target = tag === 'input' || tag === 'textarea' ? h : h.locator('input, textarea').first()
    await target.waitFor({ state: 'visible', timeout: 15000 }); await target.fill(v)
  }
  const fits = async (what) => {
    await page.waitForTimeout(700) // page transitions slide in from the right
    const w = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth))
    if (w > 360) throw new Error(`${what} is ${w} px wide on a 360 px screen`)
    const faults = await layoutFaults(page)
    if (faults.length) throw new Error(`${what}: ${faults.join('; ')}`)
  }
  const S = async (name, fn) => j.step('screens', name, page, async () => { await fn(); await fits(name) })

  await S('启动页', async () => { await page.goto(APP); await see('立即进入'); await see('简单四步，轻松采集') })
  await S('首页', async () => { await tap('立即进入'); await see('获取采集资格') })
  await S('客服 without a batch: 请联系学校', async () => { await tap('客服'); await see('拍摄常见问题'); await see('电话咨询：请联系学校'); await page.waitForTimeout(800); await page.goBack() })
  await S('获取采集资格: 院校 → 两个批次', async () => { await tap('获取采集资格'); await fill('school-query', '示例'); await tap('示例大学（10999）'); await see('选择采集批次'); await see('2027届研究生预报名') })
  await S('批次通知 (before eligibility)', async () => {
    await tap('2026届本科毕业生图像采集'); await see('各位同学：请使用本人微信完成采集。'); await see('010-62345678（工作日 9:00-17:00）')
  })
  await S('获取采集资格 院校+身份证', async () => { await tap('我已阅读，获取采集资格'); await see('示例大学 · 2026届本科毕业生图像采集'); await fill('name', '张三') })
  await S('前端校验: 身份证号校验位', async () => { await fill('id-number', '110105194912310021'); await tap('提交'); await see('身份证号码有误，请检查') })
  await S('未匹配到采集信息', async () => { await fill('id-number', '110105200301010018'); await tap('提交'); await see('未匹配到采集信息，请联系学院核实信息'); await page.waitForTimeout(800); await page.goBack() })
  await S('院校+身份证 → 核验学籍信息', async () => {
    await fill('id-number', '11010519491231002X'); await tap('提交'); await see('核验学籍信息'); await see('2022001001'); await page.waitForTimeout(800); await page.goBack()
  })
  await S('学信网采集码: 相册识别', async () => {
    await tap('学信网采集码'); await see('扫码识别')
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap('相册识别')])
    await chooser.setFiles(PORTRAIT)
    await page.waitForFunction(() => [...document.querySelectorAll('#chsi-code input')].some((i) => i.value === 'CHSI-2026-0001'), null, { timeout: 15000 })
  })
  await S('证件+手机号 → 核对信息', async () => {
    await tap('证件+手机号'); await fill('name', '张三'); await fill('id-number', '11010519491231002X'); await fill('phone', '13800138000'); await tap('下一步')
    await see('查找到用户，请核对信息内容'); await see('2022001001')
  })
  await S('采集详情 待支付', async () => { await tap('确认无误，采集照片'); await see('采集详情'); await see('请先支付采集费用，支付后即可拍照') })
  await j.step('screens', 'the layout checks see the faults they are for', page, async () => {
    // the 客服 button where it was (over 状态 on this short page)
    await page.evaluate(() => {
      const st = document.createElement('style')
      st.id = 'probe-style'
      st.textContent = '.float-service{top:55% !important;bottom:auto !important}'
      document.head.append(st)
    })
    const covered = await layoutFaults(page)
    await page.evaluate(() => document.getElementById('probe-style').remove())
    if (!covered.some((f) => f.includes('covers'))) throw new Error(`the old 客服 position was not reported: ${covered.join('; ') || 'nothing'}`)
    // a time allowed to break, and doubled punctuation
    await page.evaluate(() => {
      const probe = document.createElement('div')
      probe.id = 'probe'
      probe.style.cssText = 'width:3ch;word-break:break-all;font:16px monospace'
      probe.textContent = '00:00。；'
      // Taro keeps earlier pages in the DOM, hidden: the card of the page on screen
      ;[...document.querySelectorAll('.card')].find((c) => c.getBoundingClientRect().width > 0)?.append(probe)
    })
    const probed = await layoutFaults(page)
    await page.evaluate(() => document.getElementById('probe').remove())
    for (const want of ['broken over two lines', 'doubled punctuation']) {
      if (!probed.some((f) => f.includes(want))) throw new Error(`no “${want}” fault found in: ${probed.join('; ') || 'nothing'}`)
    }
    if ((await layoutFaults(page)).length) throw new Error('faults remain after the probes were removed')
  })
  await S('服务内容', async () => { await tap('拍照'); await see('服务内容'); await see('¥20.00') })
  await S('拍照要求 (the batch\'s own, its upload limits)', async () => { await tap('立即支付'); await see('拍照注意事项'); await see('浅色墙前一米，请他人用后置摄像头拍摄。'); await see('大小 20KB–2MB', { exact: false }) })
  await S('参考线框', async () => {
    await tap('我已阅读，拍照或从相册选取')
    // a 12 MP phone original over the batch's 2 MB limit
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap('从相册选取')])
    await chooser.setFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: BIG })
    await vis(page.locator('#guide-frame')).waitFor({ timeout: 60000 })
    // pinch and pan with real touch events (CDP), then the frame still fits
    const box = await vis(page.locator('#guide-frame')).boundingBox()
    const cdp = await ctx.newCDPSession(page)
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2
    const touch = (type, pts) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: pts.map(([x, y], id) => ({ x, y, id })) })
    await touch('touchStart', [[cx - 20, cy], [cx + 20, cy]])
    await touch('touchMove', [[cx - 60, cy], [cx + 60, cy]])
    await touch('touchEnd', [])
    await touch('touchStart', [[cx, cy]])
    await touch('touchMove', [[cx + 30, cy + 40]])
    await touch('touchEnd', [])
    const img = await vis(page.locator('#guide-frame img')).boundingBox()
    if (!img || img.width <= box.width * 1.5) throw new Error(`pinch did not zoom: frame ${box.width}, picture ${img?.width}`)
  })
  await S('上传: 网络中断自动重试, 问题详情显示', async () => {
    await tap('上传')
    await see('未检测到人脸，请正对镜头重新拍摄')
    if (uploads !== 2) throw new Error(`expected an automatic retry after the dropped connection, saw ${uploads} upload(s)`)
    if (!(BIG.length > 4_000_000) || uploadSizes.some((n) => n > 2_000_000)) throw new Error(`the ${BIG.length}-byte original went up as ${uploadSizes.join(', ')} bytes (limit 2000000)`)
    console.log(`       original ${BIG.length} bytes, uploaded ${uploadSizes[0]} bytes (multipart)`)
  })
  await S('照片标准化 预览、检测结果、参考线', async () => { await tap('重试上传'); await see('照片标准化'); await see('眼睛位置略偏高，可接受；如需更好效果可重拍。'); await vis(page.locator('#preview-frame img')).waitFor() })
  await S('背景颜色 choice (the batch offers two)', async () => {
    await see('背景颜色'); await vis(page.locator('.swatch').nth(1)).click()
    await page.waitForFunction(() => document.querySelectorAll('.swatch')[1]?.classList.contains('swatch-on'), null, { timeout: 15000 })
    if (platform.colour !== '#FFFFFF') throw new Error(`the choice did not reach capture: ${platform.colour}`)
  })
  await S('提交 → 通知授权 → 审核中', async () => { await tap('确认提交'); await see('照片已提交'); await see('审核时间预计三个工作日内', { exact: false }); await tap('通知我'); await see('照片已提交，正在人工审核，请耐心等待审核结果'); await see('审核时间预计三个工作日内。', { exact: false }) })
  platform.claimed = true
  await S('审核中: 撤回 refused once a reviewer claimed it', async () => {
    await tap('撤回'); await see('撤回照片'); await tap('确定撤回'); await see('审核员已开始审核，不能撤回。请耐心等待审核结果。')
    await see('照片已提交，正在人工审核，请耐心等待审核结果')
  })
  platform.claimed = false
  await S('撤回 → 待提交 (the photo kept, retake or submit again)', async () => {
    await tap('撤回'); await tap('确定撤回'); await see('照片已撤回，可以重新拍照，或再次提交这张照片'); await see('照片已标准化，请确认后提交审核')
    if (platform.withdrawals !== 1) throw new Error(`review-service was asked to withdraw ${platform.withdrawals} times`)
    await see('查看标准化照片'); await see('拍照')
  })
  await S('再次提交 → 审核中', async () => {
    await tap('查看标准化照片'); await tap('确认提交'); await see('照片已提交'); await tap('暂不'); await see('照片已提交，正在人工审核，请耐心等待审核结果'); await see('撤回')
  })
  platform.status = 'REJECTED'; platform.phase = 'RETAKE_REQUESTED'; platform.reasons = [{ code: 'GLASSES_GLARE', message: '眼镜反光，请调整角度或摘下眼镜后重拍' }]
  await S('初审失败，请重拍 with reasons', async () => { await tap('刷新状态'); await see('初审失败，请重拍'); await see('眼镜反光，请调整角度或摘下眼镜后重拍'); await see('重新拍照') })
  platform.status = 'REVIEW_PASSED'; platform.phase = 'PASSED'; platform.reasons = []
  await S('照片初审通过，正在进行信息比对', async () => { await tap('刷新状态'); await see('照片初审通过，正在进行信息比对') })
  platform.status = 'COMPLETED'; platform.phase = 'COMPLETED'
  await S('采集完成', async () => { await tap('刷新状态'); await see('采集完成'); await see('下载图片') })
  await S('下载图片 标准照/排版照', async () => {
    await tap('下载图片'); await vis(page.locator('#download-img')).waitFor(); await tap('排版照'); await see('保存照片'); await page.waitForTimeout(800); await page.goBack()
  })
  platform.status = 'DELIVERED'; platform.phase = 'DELIVERED'
  await S('上网中', async () => { await tap('刷新状态'); await see('上网中'); await see('下载图片') })
  await S('客服 with the batch: its phone and hours, its backgrounds in the clothing answer', async () => {
    await tap('客服'); await see('电话咨询 010-62345678（工作日 9:00-17:00）')
    await see('图像采集背景为蓝色或白色，请勿穿与背景颜色相近的衣服', { exact: false })
    await page.waitForTimeout(800); await page.goBack()
  })
  await S('预报名批次: 拍摄开始前', async () => {
    await tap('返回首页'); await tap('获取采集资格'); await fill('school-query', '示例'); await tap('示例大学（10999）'); await tap('2027届研究生预报名')
    await see('拍摄开始前请先完成报名缴费。'); await see('现在可以先获取采集资格并完成缴费', { exact: false }); await see('请联系学校')
  })
  await S('预报名批次: only its mode, 核验学籍信息', async () => {
    await tap('我已阅读，获取采集资格')
    if (await page.getByText('学信网采集码', { exact: true }).filter({ visible: true }).count()) throw new Error('a mode the batch does not offer is shown')
    await fill('name', '张三'); await fill('id-number', '110105200301010034'); await tap('提交'); await see('核验学籍信息'); await see('2027000001')
  })
  await S('预报名批次: 采集详情 says when shooting opens, pay first', async () => {
    await tap('确认无误，采集照片'); await see('采集详情'); await see('拍摄将于', { exact: false }); await see('现在可以先完成支付', { exact: false }); await see('立即支付')
  })
  await S('采集列表 with two collections', async () => {
    await tap('返回首页'); await tap('我的采集（2）'); await see('2026届本科毕业生图像采集'); await see('2027届研究生预报名')
  })
  // without a CJK font, Chinese must be reported as missing glyphs (the setup installs one)
  await j.step('screens', 'the glyph check sees boxes when no CJK font exists', null, async () => {
    const { mkdtempSync, writeFileSync: write } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'no-cjk-'))
    write(join(dir, 'fonts.conf'), `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${dir}/cache</cachedir></fontconfig>`)
    const bare = await (await import('playwright-core')).chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'],
      env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') },
    })
    try {
      const p = await bare.newPage()
      await p.setContent('<body style="font-family:sans-serif">获取采集资格，照片审核通过</body>')
      const without = await layoutFaults(p)
      if (!without.some((f) => f.includes('missing glyphs'))) throw new Error(`not detected without a CJK font: ${without.join('; ') || 'no fault'}`)
    } finally {
      await bare.close()
    }
  })
} finally {
  await browser.close()
  server.close()
}
if (unanswered.length) console.log(`calls the stand-in did not know: ${[...new Set(unanswered)].join(', ')}`)
const { ok, text } = j.summary()
console.log(`\n${text}\nscreenshots: ${ARTIFACTS}`)
process.exit(ok ? 0 : 1)
