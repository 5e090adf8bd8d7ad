// SwarmGrid dashboard: plain JS and SVG, fed by the member's /api/v1/events stream.
'use strict';

const params = new URLSearchParams(location.search);
const token = params.get('token') || '';
// Keep the token out of the address bar (and so out of screenshots and history).
history.replaceState(null, '', location.pathname);

function api(path, options) {
  const o = Object.assign({ headers: {} }, options || {});
  o.headers['Authorization'] = 'Bearer ' + token;
  if (o.body) { o.headers['Content-Type'] = 'application/json'; }
  return fetch('/api/v1' + path, o).then(async (r) => {
    const body = await r.json().catch(() => ({}));
    if (!r.ok) { throw new Error(body.error || ('HTTP ' + r.status)); }
    return body;
  });
}

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) { e.textContent = text; }
  return e;
}

function svg(tag, attrs, text) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) { e.textContent = text; }
  return e;
}

// Whether the element already shows these rows; else remembers them. Unchanged tables are not
// redrawn, so a button or a selection in them survives the next snapshot.
function unchanged(e, rows) {
  const sig = JSON.stringify(rows);
  if (e.dataset.sig === sig) { return true; }
  e.dataset.sig = sig;
  return false;
}

function table(id, columns, rows, rowClass) {
  const t = document.getElementById(id);
  if (unchanged(t, rows)) { return; }
  t.replaceChildren();
  const head = el('tr');
  columns.forEach((c) => head.appendChild(el('th', {}, c[0])));
  t.appendChild(head);
  rows.forEach((row) => {
    const tr = el('tr', rowClass ? { class: rowClass(row) } : {});
    columns.forEach((c) => tr.appendChild(el('td', {}, fmt(c[1](row)))));
    t.appendChild(tr);
  });
}

function fmt(v) {
  if (v === null || v === undefined) { return ''; }
  if (typeof v === 'number' && !Number.isInteger(v)) { return v.toFixed(3); }
  if (typeof v === 'object') { return JSON.stringify(v); }
  return String(v);
}

function time(ms) { return ms ? new Date(ms).toLocaleTimeString() : ''; }

function drawTopology(s) {
  const view = document.getElementById('topology');
  view.replaceChildren();
  const quarantined = new Set(s.reputations.filter((r) => r.quarantined).map((r) => r.nodeId));
  const active = new Set(s.nodes.filter((n) => n.status === 'ACTIVE').map((n) => n.nodeId));
  const ids = new Map();
  // Every member's node, gone ones too (drawn grey), so a lost member shows.
  s.nodes.filter((n) => n.memberUuid).forEach((n) => ids.set(n.nodeId, 'member'));
  s.topology.nodes.forEach((t) => { if (!ids.has(t.nodeId)) { ids.set(t.nodeId, t.nodeId === t.hostNodeId ? 'member' : 'virtual'); } });
  const names = [...ids.keys()].sort();
  const pos = new Map();
  names.forEach((id, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, names.length) - Math.PI / 2;
    pos.set(id, [320 + 160 * Math.cos(a), 200 + 160 * Math.sin(a)]);
  });
  const running = s.diffusion.filter((d) => d.state === 'RUNNING').map((d) => d.originNode);
  s.topology.edges.forEach((e) => {
    const a = pos.get(e.from), b = pos.get(e.to);
    if (!a || !b) { return; }
    const hot = running.includes(e.from) || running.includes(e.to);
    view.appendChild(svg('line', { x1: a[0], y1: a[1], x2: b[0], y2: b[1],
      class: (e.longLink ? 'long' : '') + (hot ? ' hot' : '') }));
  });
  names.forEach((id) => {
    const [x, y] = pos.get(id);
    let cls = ids.get(id);
    if (quarantined.has(id)) { cls = 'quarantined'; } else if (cls === 'member' && !active.has(id)) { cls = 'gone'; }
    const g = svg('g', { class: 'node', 'data-node': id });
    g.appendChild(svg('circle', { cx: x, cy: y, r: cls === 'virtual' ? 7 : 12, class: cls }));
    g.appendChild(svg('text', { x: x + 14, y: y + 4 }, id));
    view.appendChild(g);
  });
}

function render(s) {
  document.getElementById('cluster-state').textContent = 'cluster ' + s.clusterState;
  document.getElementById('member-count').textContent = s.members.length + ' members';
  document.getElementById('updated').textContent = 'updated ' + time(s.at);
  const members = document.getElementById('members');
  members.replaceChildren();
  s.members.forEach((m) => members.appendChild(
    el('li', { 'data-member': m.address }, m.address + (m.local ? ' (this member)' : ''))));
  drawTopology(s);
  table('diffusion', [['task', (d) => d.taskId], ['workload', (d) => d.workload], ['state', (d) => d.state],
    ['energy', (d) => d.energy], ['chunks', (d) => d.chunksAgreed + '/' + d.chunks], ['origin', (d) => d.originNode]],
    s.diffusion, (d) => d.state);
  document.getElementById('task-counts').textContent =
    Object.entries(s.taskCounts).map(([k, v]) => k + ' ' + v).join(' · ') || 'no tasks';
  table('tasks', [['task', (t) => t.taskId], ['type', (t) => t.type], ['state', (t) => t.state],
    ['node', (t) => t.node], ['progress', (t) => t.progress]], s.tasks, (t) => t.state);
  table('decisions', [['proposal', (d) => d.proposalId], ['type', (d) => d.type],
    ['outcome', (d) => d.outcomeLabel], ['end', (d) => d.end], ['at', (d) => time(d.decidedAt)]], s.decisions);
  table('reputations', [['node', (r) => r.nodeId], ['score', (r) => r.score],
    ['evidence', (r) => r.evidenceCount], ['state', (r) => (r.quarantined ? 'QUARANTINED' : 'ok')]],
    s.reputations, (r) => (r.quarantined ? 'QUARANTINED' : ''));
  table('breakers', [['node', (b) => b.nodeId], ['breaker', (b) => b.name], ['state', (b) => b.state]],
    s.breakers, (b) => b.state);
  table('regions', [['region', (r) => r.region], ['reachable', (r) => r.reachable], ['rtt ms', (r) => r.rttMillis]], s.regions);
  table('links', [['map', (l) => l.map], ['to', (l) => l.target], ['member', (l) => l.member],
    ['lag ms', (l) => l.lagMillis], ['backlog', (l) => l.backlog]], s.links);
  table('agents', [['agent', (a) => a.agentId], ['type', (a) => a.type], ['status', (a) => a.status],
    ['steps', (a) => a.steps]], s.agents);
  table('streams', [['state', (t) => t.stateId], ['source', (t) => t.source], ['keyframe', (t) => t.keyframeSeq],
    ['delta', (t) => t.deltaSeq], ['sent', (t) => t.sent], ['bytes', (t) => t.bytes],
    ['dropped', (t) => t.dropped], ['degraded', (t) => t.degraded]], s.streams);
  table('budgets', [['node', (b) => b.key], ['budget B/s', (b) => (b.budgetBytesPerSecond || 'unlimited')],
    ['sent', (b) => b.sent], ['bytes', (b) => b.bytes], ['degraded', (b) => b.degraded],
    ['dropped', (b) => b.dropped], ['p99 ms', (b) => b.p99LatencyMs]], s.budgets);
  renderLearning(s);
}

function renderLearning(s) {
  const jobs = document.getElementById('jobs');
  if (!unchanged(jobs, s.jobs)) {
    jobs.replaceChildren();
    const head = el('tr');
    ['job', 'rule', 'state', 'rounds', 'participants', 'accuracy', 'version', ''].forEach((c) => head.appendChild(el('th', {}, c)));
    jobs.appendChild(head);
    s.jobs.forEach((j) => {
      const tr = el('tr', { class: j.state, 'data-job': j.jobId });
      [j.jobId, j.rule, j.state + (j.message ? ' (' + j.message + ')' : ''), j.completedRounds + '/' + j.rounds,
        j.participants, j.accuracy, j.version].forEach((v) => tr.appendChild(el('td', {}, fmt(v))));
      const cell = el('td');
      if (j.state === 'RUNNING') {
        const stop = el('button', { class: 'stop', 'data-job': j.jobId }, 'Stop');
        stop.addEventListener('click', () => act('/learning/jobs/' + encodeURIComponent(j.jobId) + '/stop', {}));
        cell.appendChild(stop);
      }
      tr.appendChild(cell);
      jobs.appendChild(tr);
    });
  }
  document.getElementById('rounds-title').textContent =
    s.jobs.length ? 'Rounds of ' + s.jobs[0].jobId : 'Rounds';
  table('rounds', [['round', (r) => r.round], ['accuracy', (r) => r.accuracy],
    ['accepted', (r) => r.accepted.length], ['rejected', (r) => r.rejected.length],
    ['outliers', (r) => r.outliers.length], ['version', (r) => r.version], ['ms', (r) => r.roundMillis]], s.rounds);
}

async function act(path, body) {
  const out = document.getElementById('train-result');
  try {
    const r = await api(path, { method: 'POST', body: JSON.stringify(body) });
    out.dataset.state = 'OK';
    out.textContent = JSON.stringify(r);
    return r;
  } catch (err) {
    out.dataset.state = 'ERROR';
    out.textContent = String(err.message || err);
    return null;
  }
}

function connect() {
  const events = new EventSource('/api/v1/events?token=' + encodeURIComponent(token));
  events.addEventListener('snapshot', (e) => render(JSON.parse(e.data)));
  events.onerror = () => { document.getElementById('cluster-state').textContent = 'reconnecting'; };
}

async function watch(taskId) {
  const out = document.getElementById('inject-result');
  for (;;) {
    const t = await api('/diffusion/tasks/' + encodeURIComponent(taskId));
    out.dataset.state = t.state;
    out.textContent = t.taskId + ': ' + t.state + ' (' + t.chunksAgreed + '/' + t.chunks + ' chunks)' +
      (t.result ? '\n' + JSON.stringify(t.result, null, 1) : '');
    if (t.state === 'DONE' || t.state === 'EXPIRED') { return; }
    await new Promise((r) => setTimeout(r, 300));
  }
}

document.getElementById('inject-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const out = document.getElementById('inject-result');
  out.dataset.state = 'SENT';
  out.textContent = 'injecting...';
  try {
    const r = await api('/diffusion/tasks', { method: 'POST', body: JSON.stringify({
      workload: document.getElementById('workload').value,
      text: document.getElementById('text').value,
      energy: parseFloat(document.getElementById('energy').value) }) });
    await watch(r.taskId);
  } catch (err) {
    out.dataset.state = 'ERROR';
    out.textContent = String(err.message || err);
  }
});

document.getElementById('train-form').addEventListener('submit', (e) => {
  e.preventDefault();
  act('/learning/jobs', {
    dataName: document.getElementById('train-data').value,
    testName: document.getElementById('train-test').value,
    rule: document.getElementById('train-rule').value,
    rounds: parseInt(document.getElementById('train-rounds').value, 10) });
});

api('/workloads').then((w) => {
  const select = document.getElementById('workload');
  w.workloads.forEach((name) => select.appendChild(el('option', { value: name }, name)));
  if (w.workloads.includes('word-count')) { select.value = 'word-count'; }
}).catch(() => {});
connect();
