#!/usr/bin/env node
// H5 first-load script size, gzipped, as a phone would fetch it: serves dist/h5 on a local
// port, opens it in headless Chromium at 360 px wide, waits for the launch page's
// 【立即进入】 button and adds up the gzipped size of every script the page loaded
// (entry chunks, the launch page chunk and the lazily defined components it uses).
// Fails above the budget (300 KB). Needs `npm run build:h5` first and /usr/bin/chromium.
import { createServer } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'

const BUDGET = 300 * 1024
const dist = new URL('../dist/h5/', import.meta.url).pathname
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/h5/index.html is missing: run `npm run build:h5` first')
  process.exit(2)
}
const types = { '.html': 'text/html', '.js': 'application/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' }
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
  let file = join(dist, path)
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html')
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
  res.end(readFileSync(file))
})
// the app calls /api/… at start-up only after 立即进入, so no API is needed here
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const port = server.address().port

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const scripts = new Set()
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
  page.on('request', (r) => {
    const u = new URL(r.url())
    if (u.port === String(port) && u.pathname.endsWith('.js')) scripts.add(u.pathname)
  })
  await page.goto(`http://127.0.0.1:${port}/`)
  await page.getByText('立即进入').first().waitFor({ timeout: 60000 })
  await page.waitForLoadState('networkidle')
} finally {
  await browser.close()
  server.close()
}

const html = readFileSync(join(dist, 'index.html'), 'utf8')
const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
const gz = (buf) => gzipSync(buf, { level: 9 }).length
const kb = (n) => `${(n / 1024).toFixed(1)} KB`
let total = gz(Buffer.from(inline))
console.log(`${'(inline script in index.html)'.padEnd(40)} ${kb(Buffer.byteLength(inline)).padStart(10)} raw ${kb(total).padStart(9)} gzip`)
for (const s of [...scripts].sort()) {
  const buf = readFileSync(join(dist, s))
  const g = gz(buf)
  total += g
  console.log(`${s.padEnd(40)} ${kb(buf.length).padStart(10)} raw ${kb(g).padStart(9)} gzip`)
}
console.log(`H5 first-load script: ${kb(total)} gzipped in ${scripts.size} files (budget ${kb(BUDGET)})`)
if (total > BUDGET) {
  console.error('over the budget')
  process.exit(1)
}
