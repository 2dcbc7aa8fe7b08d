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

/**
 * What is wrong with the screen as drawn, as sentences (empty when nothing):
 * - Chinese drawn as missing glyphs (no CJK font: every Han character the same box as a
 *   character no font has),
 * - a fixed element (the 客服 button) over content that no scroll position uncovers,
 * - a time such as "00:00" broken over two lines,
 * - two punctuation marks in a row (。；) in the visible text.
 */
export async function layoutFaults(page) {
  return page.evaluate(() => {
    const faults = []
    const visible = (el) => { const r = el.getBoundingClientRect(); const cs = getComputedStyle(el); return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0 }
    const text = document.body.innerText || ''

    // 1. missing glyphs: draw each Han character and a character no font has; identical = box
    const han = [...new Set(text.match(/\p{Script=Han}/gu) ?? [])].slice(0, 40)
    if (han.length) {
      const canvas = document.createElement('canvas'); canvas.width = 48; canvas.height = 48
      const g = canvas.getContext('2d', { willReadFrequently: true })
      const font = getComputedStyle(document.body).fontFamily
      const draw = (ch) => { g.clearRect(0, 0, 48, 48); g.font = `32px ${font}`; g.fillStyle = '#000'; g.textBaseline = 'top'; g.fillText(ch, 4, 4); return Array.from(g.getImageData(0, 0, 48, 48).data).join(',') }
      const box = draw('\u{10FFFD}')
      const boxes = han.filter((c) => draw(c) === box)
      const drawn = new Set(han.map(draw))
      if (boxes.length || (han.length > 3 && drawn.size === 1)) faults.push(`Chinese drawn as missing glyphs (${(boxes.length ? boxes : han).slice(0, 8).join('')}…): no CJK font`)
    }

    // 2. fixed elements over content that cannot be scrolled out from under them
    const fixed = [...document.querySelectorAll('body *')].filter((el) => getComputedStyle(el).position === 'fixed' && visible(el) && el.innerText.trim())
    if (fixed.length) {
      const rects = fixed.map((el) => el.getBoundingClientRect())
      // Taro's H5 pages scroll inside their own container, not the document
      const scrollerOf = (el) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const oy = getComputedStyle(a).overflowY
          if ((oy === 'auto' || oy === 'scroll') && a.scrollHeight > a.clientHeight + 1) return a
        }
        return document.scrollingElement
      }
      const view = (sc) => {
        if (sc === document.scrollingElement) return { top: 0, bottom: window.innerHeight, cur: sc.scrollTop, max: sc.scrollHeight - window.innerHeight }
        const r = sc.getBoundingClientRect()
        return { top: Math.max(0, r.top), bottom: Math.min(window.innerHeight, r.top + sc.clientHeight), cur: sc.scrollTop, max: sc.scrollHeight - sc.clientHeight }
      }
      const leaves = [...document.querySelectorAll('body *')].filter((el) => {
        if (fixed.some((f) => f.contains(el)) || !visible(el)) return false
        if (el.matches('button, input, taro-button-core')) return true
        return [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
      })
      for (const el of leaves) {
        const r = el.getBoundingClientRect()
        const { top: vt, bottom: vb, cur, max } = view(scrollerOf(el))
        if (r.height > vb - vt) continue
        let uncovered = false
        for (let s = 0; s <= Math.max(0, max) && !uncovered; s += 8) {
          const top = r.top + cur - s, bottom = top + r.height
          if (top < vt || bottom > vb) continue
          uncovered = !rects.some((f) => f.left < r.right && f.right > r.left && f.top < bottom && f.bottom > top)
        }
        if (!uncovered) faults.push(`“${fixed[0].innerText.trim()}” covers “${(el.innerText || el.textContent || el.value || '').trim().slice(0, 20)}” at every scroll position`)
      }
    }

    // 3. times broken over two lines
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement || !visible(n.parentElement)) continue
      for (const m of n.textContent.matchAll(/\d{1,2}:\d{2}/g)) {
        const range = document.createRange(); range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length)
        const tops = new Set([...range.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.top)))
        if (tops.size > 1) faults.push(`“${m[0]}” is broken over two lines`)
      }
    }

    // 4. doubled punctuation
    const doubled = text.match(/.{0,8}([。；，！？、][。；，！？、]|[）)][）)]).{0,4}/u)
    if (doubled) faults.push(`doubled punctuation: “${doubled[0]}”`)
    return faults
  })
}

/**
 * A 12 MP phone original of about 6 MB made from a portrait: scaled to 4000×3000 (the face
 * centred, as a phone held upright by someone else would frame it) with fine sensor-like
 * noise, JPEG quality 0.95. Drawn by Chromium itself; no image library needed.
 */
export async function bigPhoto(browser, portraitPath, { width = 3000, height = 4000, noise = 16 } = {}) {
  const { readFileSync } = await import('node:fs')
  const page = await browser.newPage()
  try {
    const src = `data:image/jpeg;base64,${readFileSync(portraitPath).toString('base64')}`
    const b64 = await page.evaluate(async ({ src, width, height, noise }) => {
      const img = new Image(); img.src = src; await img.decode()
      const c = document.createElement('canvas'); c.width = width; c.height = height
      const g = c.getContext('2d')
      g.fillStyle = '#d9dde3'; g.fillRect(0, 0, width, height)
      const s = Math.min(width / img.width, height / img.height)
      g.drawImage(img, (width - img.width * s) / 2, (height - img.height * s) / 2, img.width * s, img.height * s)
      const d = g.getImageData(0, 0, width, height)
      let x = 12345
      for (let i = 0; i < d.data.length; i += 4) {
        x = (x * 1103515245 + 12345) & 0x7fffffff
        const n = (x % (2 * noise + 1)) - noise
        d.data[i] += n; d.data[i + 1] += n; d.data[i + 2] += n
      }
      g.putImageData(d, 0, 0)
      const blob = await new Promise((ok) => c.toBlob(ok, 'image/jpeg', 0.95))
      const buf = new Uint8Array(await blob.arrayBuffer())
      let bin = ''; for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000))
      return btoa(bin)
    }, { src, width, height, noise })
    return Buffer.from(b64, 'base64')
  } finally {
    await page.close()
  }
}
