// Drives the staff console in headless Chromium: a signed-in reviewer (token handed over the way
// the console keeps it after the Keycloak sign-in) rejects one photo with two reasons from the
// keyboard, then passes the next one. Exit code 0 = passed. Run by StaffConsoleBrowserTest.
'use strict';
const { chromium } = require('playwright-core');
const path = require('path');

const BASE = process.env.CONSOLE_URL; // e.g. http://localhost:1234/console/
const TOKEN = process.env.STAFF_TOKEN;
const SHOTS = process.env.SCREENSHOT_DIR;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function check(condition, message) {
  if (!condition) throw new Error('check failed: ' + message);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results = {};
  let page;
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(([token]) => {
      sessionStorage.setItem('gradphoto.console.token',
        JSON.stringify({ accessToken: token, refreshToken: null, expiresAt: Date.now() + 240000 }));
    }, [TOKEN]);
    page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const started = Date.now();
    await page.goto(BASE);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    results.readyMs = Date.now() - started;
    await page.waitForSelector('#queue li', { timeout: 10000 });
    check((await page.locator('#queue li').count()) === 2, 'two photos wait in the queue');
    check((await page.textContent('#who')).includes('browser-reviewer'), 'the signed-in reviewer is named');

    // N claims the first photo: it shows with its guide lines and the findings.
    await page.keyboard.press('n');
    await page.waitForFunction(() => !document.getElementById('b-pass').disabled, null, { timeout: 10000 });
    await page.waitForFunction(() => document.getElementById('img-std').naturalWidth > 0, null, { timeout: 10000 });
    check((await page.textContent('#task-head')).includes('张三'), 'the student is named');
    check((await page.locator('#guides line').count()) >= 8, 'guide lines are drawn');
    check((await page.textContent('#guides')).includes('眼线 246px'), 'the measured eye line is labelled');
    check((await page.textContent('#geometry')).includes('180–300'), 'the face-width window is shown');
    const first = await page.evaluate(() => document.querySelector('#queue li.current')?.dataset.id);
    check(!!first, 'the claimed photo is marked in the queue');
    await page.screenshot({ path: path.join(SHOTS, 'console-claimed.png') });

    // R opens the reasons; 1 (head tilted) and 8 (blurry) pick two; Enter rejects.
    await page.keyboard.press('r');
    await page.waitForSelector('#reject-dialog[open]');
    await page.keyboard.press('1');
    await page.keyboard.press('8');
    check((await page.locator('#reasons li.on').count()) === 2, 'two reasons are selected');
    await page.screenshot({ path: path.join(SHOTS, 'console-reject-reasons.png') });
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => (document.body.dataset.lastDecision || '').startsWith(id + ':REJECT'), first, { timeout: 10000 });
    results.rejected = first;

    // The console claims the next photo by itself; P passes it.
    await page.waitForFunction((id) => {
      const li = document.querySelector('#queue li.current');
      return li && li.dataset.id !== id && !document.getElementById('b-pass').disabled;
    }, first, { timeout: 10000 });
    const second = await page.evaluate(() => document.querySelector('#queue li.current').dataset.id);
    await page.keyboard.press('p');
    await page.waitForFunction((id) => (document.body.dataset.lastDecision || '') === id + ':PASS', second, { timeout: 10000 });
    results.passed = second;
    await page.waitForFunction(() => document.querySelectorAll('#queue li').length === 0, null, { timeout: 10000 });
    await page.screenshot({ path: path.join(SHOTS, 'console-done.png') });
    check(errors.length === 0, 'no script errors: ' + errors.join('; '));
  } catch (e) {
    if (page) {
      await page.screenshot({ path: path.join(SHOTS, 'console-failure.png') }).catch(() => {});
      const toast = await page.textContent('#toast').catch(() => '');
      console.error('console said: ' + toast);
    }
    throw e;
  } finally {
    await browser.close();
  }
  console.log('RESULT ' + JSON.stringify(results));
})().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
