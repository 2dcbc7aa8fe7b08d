// GradPhoto staff console: sign-in (Keycloak, authorization code + PKCE), the review queue, one
// photo with the spec's guide lines, pass with P, reject with R. Plain JS, no build step.
'use strict';

const TOKEN_KEY = 'gradphoto.console.token';
const PKCE_KEY = 'gradphoto.console.pkce';
const API = new URL('../', location.href); // /console/ -> service root (/api/review/ via the gateway)
const $ = (id) => document.getElementById(id);

const state = { config: null, me: null, reasons: [], task: null, selected: new Set(), busy: false, batches: {} };

// ---------------------------------------------------------------- sign-in
function b64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function randomString() {
  return b64url(crypto.getRandomValues(new Uint8Array(32)));
}
function redirectUri() {
  return location.origin + location.pathname;
}
function storedToken() {
  try { return JSON.parse(sessionStorage.getItem(TOKEN_KEY)); } catch { return null; }
}
function keep(tokens) {
  const t = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token || null,
    idToken: tokens.id_token || null,
    expiresAt: Date.now() + (tokens.expires_in || 300) * 1000,
  };
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(t));
  return t;
}
async function tokenRequest(params) {
  const r = await fetch(state.config.oidcUrl + '/protocol/openid-connect/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: state.config.clientId, ...params }),
  });
  if (!r.ok) throw new Error('sign-in failed (' + r.status + ')');
  return keep(await r.json());
}
// Set by signOut: a list refresh that finds the token gone must not start a new sign-in, whose
// navigation would replace the logout's and come straight back signed in.
let leaving = false;
async function signIn() {
  if (leaving) return new Promise(() => {});
  const verifier = randomString();
  const st = randomString();
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state: st }));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const q = new URLSearchParams({
    client_id: state.config.clientId, redirect_uri: redirectUri(), response_type: 'code', scope: 'openid',
    state: st, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(state.config.oidcUrl + '/protocol/openid-connect/auth?' + q);
  return new Promise(() => {}); // the page is leaving
}
async function completeSignIn() {
  const q = new URLSearchParams(location.search);
  if (!q.has('code')) return null;
  const pkce = JSON.parse(sessionStorage.getItem(PKCE_KEY) || '{}');
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', location.pathname);
  if (!pkce.verifier || pkce.state !== q.get('state')) throw new Error('sign-in answer does not match this page');
  return tokenRequest({ grant_type: 'authorization_code', code: q.get('code'), redirect_uri: redirectUri(), code_verifier: pkce.verifier });
}
async function accessToken() {
  let t = storedToken();
  if (t && t.expiresAt - Date.now() > 20000) return t.accessToken;
  if (t && t.refreshToken) {
    try { t = await tokenRequest({ grant_type: 'refresh_token', refresh_token: t.refreshToken }); return t.accessToken; } catch { /* sign in again */ }
  }
  if (t && t.expiresAt > Date.now()) return t.accessToken; // injected token without refresh
  sessionStorage.removeItem(TOKEN_KEY);
  return signIn();
}
function signOut() {
  leaving = true;
  const t = storedToken();
  sessionStorage.removeItem(TOKEN_KEY);
  const q = new URLSearchParams({ client_id: state.config.clientId, post_logout_redirect_uri: redirectUri() });
  if (t && t.idToken) q.set('id_token_hint', t.idToken);
  location.assign(state.config.oidcUrl + '/protocol/openid-connect/logout?' + q);
}

// ---------------------------------------------------------------- API
async function api(method, path, body) {
  const r = await fetch(new URL(path, API), {
    method,
    headers: { Authorization: 'Bearer ' + (await accessToken()), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (r.status === 401) { sessionStorage.removeItem(TOKEN_KEY); return signIn(); }
  if (r.status === 204) return null;
  const data = r.headers.get('content-type')?.includes('json') ? await r.json() : await r.text();
  if (!r.ok) {
    const e = new Error((data && data.detail) || ('HTTP ' + r.status));
    e.status = r.status; e.code = data && data.code;
    throw e;
  }
  return data;
}
function toast(text, error) {
  const t = $('toast');
  t.textContent = text; t.className = error ? 'error' : ''; t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, error ? 6000 : 2500);
}
function filters() {
  const q = new URLSearchParams();
  if ($('f-school').value) q.set('school', $('f-school').value);
  if ($('f-batch').value) q.set('batch', $('f-batch').value);
  if ($('f-overdue').checked) q.set('overdue', 'true');
  if ($('f-flagged').checked) q.set('flagged', 'true');
  return q;
}
const fmt = (iso) => iso ? new Date(iso).toLocaleString('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '';
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

// ---------------------------------------------------------------- queue and progress
async function loadQueue() {
  const q = filters(); q.set('limit', '100');
  const page = await api('GET', 'staff/tasks?' + q);
  $('queue-total').textContent = '(' + page.total + ')';
  $('queue').innerHTML = page.items.map((t) => `
    <li data-id="${t.id}" class="${state.task && state.task.id === t.id ? 'current' : ''}">
      <div class="due ${t.overdue ? 'overdue' : ''}">${t.overdue ? '超时 ' : '截止 '}${fmt(t.dueAt)}</div>
      <div>${esc(t.schoolCode)} · ${esc(state.batches[t.batchId] || '')}
        ${t.flagged ? '<span class="flag">⚑ 检测问题 ' + t.findings + '</span>' : ''}</div>
      ${t.claim ? `<div class="${t.claim.mine ? 'mine' : 'taken'}">${t.claim.mine ? '我已认领' : '审核中：' + esc(t.claim.name)}</div>` : ''}
    </li>`).join('');
}
async function loadProgress() {
  const q = new URLSearchParams();
  if ($('f-school').value) q.set('school', $('f-school').value);
  const rows = await api('GET', 'staff/progress?' + q);
  const select = $('f-batch'); const chosen = select.value;
  select.innerHTML = '<option value="">全部</option>' + rows.map((b) =>
    `<option value="${b.batchId}">${esc(b.batchName || b.batchId.slice(0, 8))}</option>`).join('');
  select.value = chosen;
  rows.forEach((b) => { state.batches[b.batchId] = b.batchName || ''; });
  $('progress').innerHTML = '<tr><th>批次</th><th>审核中</th><th>超时</th><th>重拍</th><th>待付款</th><th>完成</th></tr>' +
    rows.map((b) => `<tr><td title="${esc(b.schoolCode)}">${esc(b.batchName || b.batchId.slice(0, 8))}</td>
      <td>${b.inReview}</td><td class="${b.overdueTasks ? 'overdue' : ''}">${b.overdueTasks}</td>
      <td>${b.rejected}</td><td>${b.awaitingPayment}</td><td>${b.completed}</td></tr>`).join('');
}
async function refreshLists() {
  try { await loadProgress(); await loadQueue(); } catch (e) { toast(e.message, true); }
}

// ---------------------------------------------------------------- one task
async function show(task) {
  state.task = task;
  $('empty').hidden = !!task;
  $('task').hidden = !task;
  document.querySelectorAll('#queue li').forEach((li) => li.classList.toggle('current', !!task && li.dataset.id === task.id));
  if (!task) return;
  const s = task.student;
  $('task-head').textContent = (s ? s.name + ' · ' + s.studentNumber + ' · ' : '学生信息待同步 · ') +
    (task.schoolName || task.schoolCode) + ' · ' + (task.batchName || '');
  $('task-state').innerHTML = `${esc(task.collection.stateLabel)} · 提交 ${fmt(task.submittedAt)} ·
    <span class="${task.overdue ? 'overdue' : ''}">截止 ${fmt(task.dueAt)}</span>` +
    (task.claim ? ` · 认领至 ${fmt(task.claim.until)}` : '') + (task.reopenCount ? ` · 已重新打开 ${task.reopenCount} 次` : '');
  $('findings').innerHTML = task.findings.length
    ? task.findings.map((f) => `<li class="${f.severity === 'REJECT' ? 'bad' : 'flag'}">${esc(f.code)}：${esc(f.message)}${f.measured != null ? '（' + f.measured + (f.threshold ? ' / ' + esc(f.threshold) : '') + '）' : ''}</li>`).join('')
    : '<li class="ok">自动检测未发现问题</li>';
  drawGuides(task);
  const d = task.decision;
  $('decision').innerHTML = d ? `<b>${d.outcome === 'PASS' ? '已通过' : '已驳回'}</b> · ${esc(d.byName)} · ${fmt(d.at)}` +
    (d.reasons.length ? '<ul>' + d.reasons.map((r) => '<li>' + esc(r.message) + '</li>').join('') + '</ul>' : '') : '';
  const mine = !!(task.claim && task.claim.mine) && task.status === 'OPEN';
  ['b-pass', 'b-reject', 'b-release'].forEach((id) => { $(id).disabled = !mine; });
  loadImages(task);
}
async function loadImages(task) {
  const std = $('img-std'); const orig = $('img-orig');
  std.removeAttribute('src'); orig.removeAttribute('src');
  try {
    const url = new URL(state.config.imagesUrl.replace('{attemptId}', task.attemptId), location.origin);
    const r = await fetch(url, { headers: { Authorization: 'Bearer ' + (await accessToken()) } });
    if (!r.ok) throw new Error('HTTP ' + r.status);
    const urls = await r.json();
    if (state.task !== task) return;
    std.src = urls.standardized; orig.src = urls.original || urls.standardized;
  } catch (e) {
    toast('图片暂时无法加载：' + e.message, true);
  }
}
function drawGuides(task) {
  const p = task.profile; const g = task.geometry || {};
  const W = p.widthPx; const H = p.heightPx;
  const svg = $('guides');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  $('std-frame').style.aspectRatio = W + ' / ' + H;
  const inside = (v, w) => v != null && v >= w.min && v <= w.max;
  const band = (w, colour) => `<rect x="0" y="${w.min}" width="${W}" height="${w.max - w.min}" fill="${colour}" fill-opacity=".12" stroke="${colour}" stroke-opacity=".7" stroke-dasharray="6 4"/>`;
  const line = (y, ok, label) => y == null ? '' : `<line x1="0" x2="${W}" y1="${y}" y2="${y}" stroke="${ok ? '#12b76a' : '#f04438'}" stroke-width="2"/>
    <text x="6" y="${y - 4}" fill="${ok ? '#12b76a' : '#f04438'}" font-size="${Math.round(H / 40)}" paint-order="stroke" stroke="#fff" stroke-width="3">${label}</text>`;
  const cx = W / 2; const eye = g.eyeLinePx ?? (p.eyeLinePx.min + p.eyeLinePx.max) / 2;
  const fc = g.faceCenterXPx ?? cx;
  const vline = (x, colour, dash) => `<line x1="${x}" x2="${x}" y1="${p.headTopPx.min}" y2="${p.eyeLinePx.max + 60}" stroke="${colour}" stroke-width="1.5" ${dash ? 'stroke-dasharray="4 4"' : ''}/>`;
  let out = band(p.headTopPx, '#2e90fa') + band(p.eyeLinePx, '#7a5af8');
  out += vline(cx - p.faceWidthPx.min / 2, '#2e90fa', true) + vline(cx + p.faceWidthPx.min / 2, '#2e90fa', true);
  out += vline(cx - p.faceWidthPx.max / 2, '#7a5af8', true) + vline(cx + p.faceWidthPx.max / 2, '#7a5af8', true);
  out += `<line x1="${cx}" x2="${cx}" y1="0" y2="${H}" stroke="#fff" stroke-opacity=".6" stroke-dasharray="2 6"/>`;
  out += line(g.headTopPx, inside(g.headTopPx, p.headTopPx), `头顶 ${round(g.headTopPx)}px（${p.headTopPx.min}–${p.headTopPx.max}）`);
  out += line(g.eyeLinePx, inside(g.eyeLinePx, p.eyeLinePx), `眼线 ${round(g.eyeLinePx)}px（${p.eyeLinePx.min}–${p.eyeLinePx.max}）`);
  if (g.faceWidthPx != null) {
    const ok = inside(g.faceWidthPx, p.faceWidthPx) && Math.abs(fc - cx) <= p.centreTolerancePx;
    const c = ok ? '#12b76a' : '#f04438'; const y = eye + 40;
    out += `<line x1="${fc - g.faceWidthPx / 2}" x2="${fc + g.faceWidthPx / 2}" y1="${y}" y2="${y}" stroke="${c}" stroke-width="3"/>
      <line x1="${fc - g.faceWidthPx / 2}" x2="${fc - g.faceWidthPx / 2}" y1="${y - 10}" y2="${y + 10}" stroke="${c}" stroke-width="3"/>
      <line x1="${fc + g.faceWidthPx / 2}" x2="${fc + g.faceWidthPx / 2}" y1="${y - 10}" y2="${y + 10}" stroke="${c}" stroke-width="3"/>
      <text x="${fc}" y="${y + 26}" text-anchor="middle" fill="${c}" font-size="${Math.round(H / 40)}" paint-order="stroke" stroke="#fff" stroke-width="3">脸宽 ${round(g.faceWidthPx)}px（${p.faceWidthPx.min}–${p.faceWidthPx.max}）</text>`;
  }
  svg.innerHTML = out;
  const rows = [
    ['头顶距上边', g.headTopPx, p.headTopPx], ['眼线距上边', g.eyeLinePx, p.eyeLinePx], ['脸宽', g.faceWidthPx, p.faceWidthPx],
  ];
  $('geometry').innerHTML = '<tr><th>测量</th><th>值</th><th>规格</th></tr>' + rows.map(([name, v, w]) =>
    `<tr><td>${name}</td><td class="${inside(v, w) ? 'ok' : 'bad'}">${v == null ? '—' : round(v) + ' px'}</td><td>${w.min}–${w.max} px</td></tr>`).join('') +
    (g.faceCenterXPx != null ? `<tr><td>脸中心偏移</td><td class="${Math.abs(fc - cx) <= p.centreTolerancePx ? 'ok' : 'bad'}">${round(fc - cx)} px</td><td>±${p.centreTolerancePx} px</td></tr>` : '') +
    (g.rollDeg != null ? `<tr><td>头部倾斜</td><td>${round(g.rollDeg, 1)}°</td><td></td></tr>` : '');
}
const round = (v, d = 0) => v == null ? '—' : Number(v).toFixed(d);

// ---------------------------------------------------------------- actions
async function act(fn) {
  if (state.busy) return;
  state.busy = true;
  try { await fn(); } catch (e) { toast(e.message, true); } finally { state.busy = false; }
}
const next = () => act(async () => {
  const task = await api('POST', 'staff/queue/next?' + filters());
  await show(task);
  if (!task) toast('队列中没有可审核的照片');
  refreshLists(); // not awaited: the reviewer may act on the photo meanwhile
});
const open = (id) => act(async () => {
  let task = await api('GET', 'staff/tasks/' + id);
  if (task.status === 'OPEN' && !(task.claim && !task.claim.mine)) {
    try { task = await api('POST', 'staff/tasks/' + id + '/claim'); } catch (e) { toast(e.message, true); }
  }
  await show(task);
  refreshLists();
});
async function decide(outcome, reasons) {
  const task = state.task;
  const done = await api('POST', 'staff/tasks/' + task.id + '/decision', { outcome, reasons });
  toast(outcome === 'PASS' ? '已通过' : '已驳回，学生将收到原因');
  document.body.dataset.lastDecision = done.id + ':' + done.decision.outcome;
  const following = await api('POST', 'staff/queue/next?' + filters());
  await show(following || done);
  refreshLists();
}
const pass = () => { if (canDecide()) act(() => decide('PASS', [])); };
const release = () => { if (canDecide()) act(async () => { await api('DELETE', 'staff/tasks/' + state.task.id + '/claim'); await show(null); refreshLists(); }); };
function canDecide() {
  return state.task && state.task.status === 'OPEN' && state.task.claim && state.task.claim.mine && !state.busy;
}
function openReject() {
  if (!canDecide()) return;
  state.selected.clear();
  $('other-text').value = '';
  renderReasons();
  $('reject-dialog').showModal();
}
const KEYS = '1234567890QW';
function renderReasons() {
  $('reasons').innerHTML = state.reasons.map((r, i) => `<li data-code="${r.code}" class="${state.selected.has(r.code) ? 'on' : ''}">
    <kbd>${KEYS[i] || ''}</kbd><label><input type="checkbox" ${state.selected.has(r.code) ? 'checked' : ''}> ${esc(r.label)}
    <div class="sentence">${esc(r.message || '（填写下方说明）')}</div></label></li>`).join('');
}
function toggleReason(code) {
  if (state.selected.has(code)) state.selected.delete(code); else state.selected.add(code);
  renderReasons();
  if (code === 'OTHER' && state.selected.has(code)) $('other-text').focus();
}
function confirmReject() {
  const reasons = [...state.selected].map((code) => code === 'OTHER' ? { code, text: $('other-text').value.trim() } : { code });
  if (!reasons.length) { toast('请至少选择一条驳回原因', true); return; }
  $('reject-dialog').close();
  act(() => decide('REJECT', reasons));
}

// ---------------------------------------------------------------- wiring
function wire() {
  $('b-next').onclick = next;
  $('b-pass').onclick = pass;
  $('b-reject').onclick = openReject;
  $('b-release').onclick = release;
  $('b-signout').onclick = signOut;
  $('queue').onclick = (e) => { const li = e.target.closest('li'); if (li) open(li.dataset.id); };
  ['f-school', 'f-batch', 'f-overdue', 'f-flagged'].forEach((id) => { $(id).onchange = refreshLists; });
  $('reasons').onclick = (e) => { const li = e.target.closest('li'); if (li) { e.preventDefault(); toggleReason(li.dataset.code); } };
  $('reject-form').onsubmit = (e) => { e.preventDefault(); confirmReject(); };
  $('b-reject-cancel').onclick = () => $('reject-dialog').close();
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const dialog = $('reject-dialog');
    if (dialog.open) {
      if (e.target === $('other-text') && e.key !== 'Enter') return;
      const i = KEYS.indexOf(e.key.toUpperCase());
      if (i >= 0 && i < state.reasons.length) { e.preventDefault(); toggleReason(state.reasons[i].code); }
      else if (e.key === 'Enter') { e.preventDefault(); confirmReject(); }
      return; // Esc closes the dialog by itself
    }
    if (e.target.matches('input, select, textarea')) return;
    const k = e.key.toLowerCase();
    if (k === 'n') next();
    else if (k === 'p') pass();
    else if (k === 'r') { e.preventDefault(); openReject(); }
    else if (k === 'g') $('std-frame').classList.toggle('noguides');
    else if (e.key === 'Escape') release();
  });
  setInterval(refreshLists, 30000);
}

async function start() {
  state.config = await (await fetch('config.json')).json();
  await completeSignIn();
  await accessToken();
  state.me = await api('GET', 'staff/me');
  $('who').textContent = state.me.name + '（' + state.me.roles.filter((r) => ['reviewer', 'school-admin', 'operator'].includes(r)).join(', ') + '）';
  $('f-school').innerHTML = '<option value="">全部</option>' + state.me.schools.map((s) => `<option>${esc(s)}</option>`).join('');
  state.reasons = await api('GET', 'staff/reasons');
  wire();
  await refreshLists();
  document.body.dataset.ready = 'true';
}
start().catch((e) => toast('启动失败：' + e.message, true));
