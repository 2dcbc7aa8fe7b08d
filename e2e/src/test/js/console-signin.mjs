#!/usr/bin/env node
// Issues #7 and #18: the staff console's real sign-in, in headless Chromium (the OS package)
// against the local platform. For each demo user: open the console (staff-console, served by the
// gateway at /console/), get sent to Keycloak's login page (authorization code + PKCE), sign in
// with the password, come back to the console, which exchanges the code for tokens, shows who is
// signed in and offers only the menu items the user's roles allow; the token works against the
// services through the gateway. Then sign out and check the console asks to sign in again.
//
// Environment: CONSOLE_URL (http://localhost:8080/console/), KEYCLOAK_URL
// (http://localhost:8180), CHROMIUM (/usr/bin/chromium), SHOTS (screenshots folder).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const CONSOLE = process.env.CONSOLE_URL ?? 'http://localhost:8080/console/'
const KEYCLOAK = (process.env.KEYCLOAK_URL ?? 'http://localhost:8180').replace(/\/$/, '')
const SHOTS = process.env.SHOTS ?? 'target/e2e/console'
// The menu each role must see, and items it must not be offered.
const USERS = [
  { user: 'reviewer', role: 'reviewer', menu: ['照片审核'], notMenu: ['批次设置', '订单与退款'] },
  { user: 'schooladmin', role: 'school-admin', menu: ['批次设置', '名单导入', '照片打包'], notMenu: ['照片审核', '订单与退款'] },
  { user: 'schoolviewer', role: 'school-viewer', menu: ['学生名单', '采集进度', '照片包下载'], notMenu: ['批次设置', '名单导入', '照片打包', '照片审核', '订单与退款'] },
  { user: 'operator', role: 'operator', menu: ['照片审核', '批次设置', '订单与退款', '通知记录'], notMenu: [] },
]
mkdirSync(SHOTS, { recursive: true })

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
})
let failed = 0
try {
  for (const { user, role, menu, notMenu } of USERS) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const page = await ctx.newPage()
    const problems = []
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`) })
    const step = async (name, fn) => {
      try {
        await fn()
        console.log(`  ok   ${user}: ${name}`)
      } catch (e) {
        await page.screenshot({ path: join(SHOTS, `${user}-failed.png`), fullPage: true }).catch(() => {})
        throw new Error(`${user}: ${name}: ${e.message.split('\n')[0]} (at ${page.url()})` +
          (problems.length ? `\n    ${problems.join('\n    ')}` : ''))
      }
    }
    try {
      await step('the console sends the browser to Keycloak', async () => {
        await page.goto(CONSOLE)
        await page.waitForURL((u) => u.href.startsWith(`${KEYCLOAK}/realms/gradphoto/protocol/openid-connect/auth`), { timeout: 30000 })
        const u = new URL(page.url())
        if (u.searchParams.get('code_challenge_method') !== 'S256') throw new Error(`no PKCE S256 in ${u.search}`)
        await page.locator('#username').waitFor({ state: 'visible', timeout: 20000 })
      })
      await step('sign in on Keycloak’s login page → back at the console', async () => {
        await page.fill('#username', user)
        await page.fill('#password', user)
        await Promise.all([
          page.waitForURL((u) => u.href.startsWith(CONSOLE), { timeout: 30000 }),
          page.click('#kc-login'),
        ])
      })
      await step(`the console shows who signed in (${role})`, async () => {
        await page.waitForFunction(
          (r) => (document.getElementById('who')?.textContent ?? '').includes(r), role, { timeout: 30000 })
        if (new URL(page.url()).searchParams.has('code')) throw new Error('the code is still in the address bar')
        await page.screenshot({ path: join(SHOTS, `${user}-signed-in.png`) })
      })
      await step(`the menu offers ${menu.join('、')} and not ${notMenu.join('、') || '—'}`, async () => {
        const nav = page.locator('#nav')
        for (const item of menu) await nav.getByText(item, { exact: true }).waitFor({ state: 'visible', timeout: 10000 })
        for (const item of notMenu) {
          if (await nav.getByText(item, { exact: true }).count()) throw new Error(`${role} is offered ${item}`)
        }
      })
      await step('the token works against review-service through the gateway', async () => {
        const status = await page.evaluate(async () => {
          const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))
          if (!key) return 'no oidc.user entry in sessionStorage'
          const t = JSON.parse(sessionStorage.getItem(key))
          const r = await fetch('/api/review/staff/me', { headers: { Authorization: 'Bearer ' + t.access_token } })
          return r.status
        })
        if (status !== 200) throw new Error(`GET /api/review/staff/me with the console's token → ${status}`)
      })
      await step('退出 signs out (Keycloak logout → console → sign-in page again)', async () => {
        await page.click('#b-signout')
        await page.waitForURL((u) => u.href.startsWith(`${KEYCLOAK}/realms/gradphoto/protocol/openid-connect/auth`), { timeout: 30000 })
        await page.locator('#username').waitFor({ state: 'visible', timeout: 20000 })
      })
    } catch (e) {
      failed++
      console.error(`  FAIL ${e.message}`)
    } finally {
      await ctx.close()
    }
  }
} finally {
  await browser.close()
}
console.log(failed ? `console sign-in: ${failed} of ${USERS.length} users failed (screenshots: ${SHOTS})` : `console sign-in: all ${USERS.length} users passed`)
process.exit(failed ? 1 : 0)
