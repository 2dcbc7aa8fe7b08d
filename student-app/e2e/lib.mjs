// Shared pieces of the browser tests: Chromium from the OS, step bookkeeping, screenshots.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

/** A phone: 360 px wide, touch, zh-CN. */
export function phoneContext(browser) {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
}

/**
 * Steps of named paths. A failed step fails its path; the path's later steps are reported as
 * not reached. Every step leaves a screenshot when it has a page.
 */
export class Journey {
  constructor(artifacts) {
    this.artifacts = artifacts
    rmSync(artifacts, { recursive: true, force: true })
    mkdirSync(artifacts, { recursive: true })
    this.results = []
    this.failedPaths = new Set()
    this.n = 0
  }

  async step(path, name, page, fn) {
    const n = String(++this.n).padStart(2, '0')
    const slug = `${n}-${path}-${name}`.replace(/[^\w\u4e00-\u9fff-]+/g, '_')
    if (this.failedPaths.has(path)) {
      this.results.push({ path, name, status: 'not reached' })
      console.log(`  -    ${path} / ${name}: not reached`)
      return undefined
    }
    const t0 = Date.now()
    try {
      const value = await fn()
      const shot = page ? await this.shot(page, slug) : undefined
      this.results.push({ path, name, status: 'pass', ms: Date.now() - t0, screenshot: shot })
      console.log(`  ok   ${path} / ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
      return value
    } catch (e) {
      const shot = page ? await this.shot(page, `${slug}-FAILED`).catch(() => undefined) : undefined
      const detail = String(e?.message ?? e).split('\n').slice(0, 6).join(' | ')
      this.results.push({ path, name, status: 'fail', ms: Date.now() - t0, detail, screenshot: shot })
      this.failedPaths.add(path)
      console.log(`  FAIL ${path} / ${name}: ${detail}`)
      return undefined
    }
  }

  async shot(page, slug) {
    const file = join(this.artifacts, `${slug}.png`)
    await page.screenshot({ path: file, fullPage: true })
    return file
  }

  summary() {
    const count = (s) => this.results.filter((r) => r.status === s).length
    const lines = [`${count('pass')} passed, ${count('fail')} failed, ${count('not reached')} not reached`]
    for (const r of this.results) lines.push(`${r.status.padEnd(11)} ${r.path} / ${r.name}${r.detail ? ` — ${r.detail}` : ''}`)
    writeFileSync(join(this.artifacts, 'summary.json'), JSON.stringify(this.results, null, 2))
    return { ok: count('fail') === 0 && count('not reached') === 0, text: lines.join('\n') }
  }
}

/** Poll until fn returns a truthy value or the time is up; the last error explains a timeout. */
export async function eventually(what, fn, { timeoutMs = 60000, everyMs = 1000 } = {}) {
  const end = Date.now() + timeoutMs
  let last
  for (;;) {
    try {
      const v = await fn()
      if (v) return v
    } catch (e) {
      last = e
    }
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs / 1000} s${last ? ` (last error: ${last.message ?? last})` : ''}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** A made-up resident ID number with a correct GB 11643 check digit (born 2003). */
export function residentId(random = Math.random) {
  const mm = String(1 + Math.floor(random() * 12)).padStart(2, '0')
  const dd = String(1 + Math.floor(random() * 28)).padStart(2, '0')
  const seq = String(Math.floor(random() * 1000)).padStart(3, '0')
  const body = `110105${2003}${mm}${dd}${seq}`
  const sum = WEIGHTS.reduce((a, w, i) => a + w * Number(body[i]), 0)
  return body + '10X98765432'[sum % 11]
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** What to tap for a label: a visible button with exactly that text, else visible text. */
export async function tappable(page, text, timeout = 15000) {
  const exact = new RegExp(`^\\s*${escapeRe(text)}\\s*$`)
  const button = page.locator('taro-button-core, button').filter({ hasText: exact }).filter({ visible: true }).first()
  const plain = page.getByText(text, { exact: true }).filter({ visible: true }).first()
  const end = Date.now() + timeout
  while (Date.now() < end) {
    if (await button.isVisible().catch(() => false)) return button
    if (await plain.isVisible().catch(() => false)) return plain
    await page.waitForTimeout(200)
  }
  throw new Error(`nothing to tap labelled “${text}” within ${timeout / 1000} s`)
}
