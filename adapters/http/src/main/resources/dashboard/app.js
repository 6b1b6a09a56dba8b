// The opensessions dashboard: a view of the server's state as /ws pushes it. Plain JavaScript, no build.
// Every text that comes from the state (session names, prompts, logs) is set with textContent, never as
// HTML; the server's Content-Security-Policy forbids inline script and eval besides.
import { drawChart, sessionTimeline, HISTORY_LIMIT } from './chart.js';

const TOKEN_KEY = 'opensessions.token';
const THEME_KEY = 'opensessions.theme';
const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 10000;
const LOG_LINES = 5;
// Durations ("for 3 min") and the chart's window move with the clock: every CLOCK_MS the page redraws them
// from the state it holds. That tick never reaches the server: render() fetches a session's history only
// when a push changed its agents, and the state itself only ever arrives over /ws.
const CLOCK_MS = 15000;

const TONES = new Set(['neutral', 'info', 'success', 'warn', 'error']);
const STATUSES = new Set(['idle', 'running', 'tool-running', 'done', 'error', 'waiting', 'interrupted', 'stale']);
const FINISHED = new Set(['done', 'error', 'interrupted']);

const view = {
  state: null,
  histories: new Map(),      // session name -> transitions, oldest first
  fetchedFor: new Map(),     // session name -> the agents' signature the history was fetched for
  token: sessionStorage.getItem(TOKEN_KEY),
  socket: null,
  painted: false,
};

const $ = (id) => document.getElementById(id);

/** An element with a class and a text, the only way this page puts state on screen. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function notice(text, bad) {
  const line = $('notice');
  line.textContent = text;
  line.classList.toggle('bad', Boolean(bad));
}

// ---------------------------------------------------------------- connection

/**
 * Listens to /ws: the socket boot.js opened while the page loaded (with the frames it kept) the first time,
 * a new one after a disconnection.
 */
function connect(delay) {
  const boot = window.opensessionsBoot;
  window.opensessionsBoot = undefined;
  const socket = boot ? boot.socket : new WebSocket(`ws://${location.host}/ws`);
  view.socket = socket;
  let opened = false;
  const onOpen = () => {
    opened = true;
    setConnection(true);
  };
  const onClose = () => {
    if (view.socket !== socket) return;
    const next = opened ? RECONNECT_FIRST_MS : Math.min(delay * 2, RECONNECT_MAX_MS);
    setConnection(false, next);
    setTimeout(() => connect(next), next);
  };
  socket.addEventListener('open', onOpen);
  socket.addEventListener('message', (event) => receive(event.data));
  socket.addEventListener('close', onClose);
  if (boot) {
    const kept = boot.frames;
    boot.frames = null;
    if (boot.opened) onOpen();
    for (const frame of kept) receive(frame);
    if (boot.closed) onClose();
  }
}

function receive(data) {
  let message;
  try {
    message = JSON.parse(data);
  } catch {
    return;
  }
  if (message.type === 'state') {
    if (!view.state) document.documentElement.dataset.firstStateAt = String(Math.round(performance.now()));
    view.state = message.state;
    render();
  } else if (message.type === 'error') {
    notice(`refused: ${message.message}`, true);
  }
}

function setConnection(up, retryMs) {
  const badge = $('connection');
  badge.classList.toggle('down', !up);
  badge.classList.toggle('up', up);
  badge.textContent = up ? 'live' : `disconnected, retrying in ${Math.max(1, Math.round(retryMs / 1000))} s`;
  document.body.classList.toggle('disconnected', !up);
}

function send(command) {
  if (!view.socket || view.socket.readyState !== WebSocket.OPEN) {
    notice('not connected', true);
    return;
  }
  view.socket.send(JSON.stringify({ ...command, token: view.token }));
}

// ---------------------------------------------------------------- rendering

function render() {
  const state = view.state;
  if (!state) return;
  const sessions = state.sessions || [];
  renderClients(state.clients || []);
  renderAttention(sessions);
  // The cards are built detached and go in with one insertion: one style and layout pass for all of them.
  const cards = document.createDocumentFragment();
  for (const session of sessions) cards.append(sessionCard(session, state));
  $('sessions').replaceChildren(cards);
  $('session-count').textContent = String(sessions.length);
  refreshHistories(sessions);
  if (view.painted) {
    renderChart();
  } else {
    view.painted = true;
    // The first frame that shows the state: the browser paints right after this animation frame. The chart
    // (which reads computed colours, a forced style pass, and draws a canvas) comes after that paint.
    requestAnimationFrame(() => setTimeout(() => {
      document.documentElement.dataset.firstStatePaint = String(Math.round(performance.now()));
      renderChart();
    }, 0));
  }
  document.documentElement.dataset.stateVersion = String(state.version);
}

function sessionCard(session, state) {
  const card = el('article', 'session');
  card.dataset.session = session.name;
  if (session.hidden) card.classList.add('hidden-session');
  if (session.unseen) card.classList.add('unseen');

  const head = el('div', 'session-head');
  head.append(el('span', `signal ${attentionClass(session.attention)}`, signalGlyph(session.attention)));
  head.append(el('span', 'session-name', session.name));
  if (session.hidden) head.append(el('span', 'tag', 'hidden'));
  if (isCurrent(session.name, state.clients || [])) head.append(el('span', 'tag current', 'attached'));
  head.append(el('span', 'spacer'));
  if (view.token) head.append(actions(session));
  card.append(head);

  const git = el('div', 'git');
  if (session.branch) {
    git.append(el('span', 'branch', session.isWorktree ? `⎇ ${session.branch} (worktree)` : `⎇ ${session.branch}`));
  }
  if (session.dirty || session.changedFiles) {
    git.append(el('span', 'dirty', `${session.changedFiles} changed`));
    git.append(el('span', 'insertions', `+${session.insertions}`));
    git.append(el('span', 'deletions', `−${session.deletions}`));
  }
  for (const link of session.localLinks || []) {
    git.append(portLink(link));
  }
  if (git.childElementCount > 0) card.append(git);

  const metadata = session.metadata || {};
  if (metadata.status && metadata.status.text) {
    card.append(el('span', `pill tone-${tone(metadata.status.tone)}`, metadata.status.text));
  }
  if (metadata.progress) card.append(progressBar(metadata.progress));
  const logs = (metadata.logs || []).slice(-LOG_LINES);
  if (logs.length > 0) {
    const list = el('ul', 'logs');
    for (const line of logs) {
      const item = el('li', `tone-${tone(line.tone)}`);
      if (line.source) item.append(el('span', 'source', line.source));
      item.append(el('span', 'message', line.message));
      list.append(item);
    }
    card.append(list);
  }
  const agents = session.agents || [];
  if (agents.length > 0) {
    const list = el('ul', 'agents');
    for (const agent of agents) list.append(agentRow(agent));
    card.append(list);
  }
  return card;
}

function portLink(link) {
  const url = String(link.url || '');
  // Only this machine's own ports: a link never leads anywhere else.
  if (!/^http:\/\/(localhost|127\.0\.0\.1):[0-9]{1,5}\/?$/.test(url)) {
    return el('span', 'port', link.label || `:${link.port}`);
  }
  const anchor = el('a', 'port', link.label || `:${link.port}`);
  anchor.href = url;
  anchor.target = '_blank';
  anchor.rel = 'noopener noreferrer';
  return anchor;
}

function progressBar(progress) {
  const box = el('div', 'progress');
  const percent = Math.max(0, Math.min(100, Number(progress.percent) || 0));
  const bar = el('div', 'bar');
  const fill = el('div', 'fill');
  fill.style.width = `${percent}%`;
  bar.append(fill);
  box.append(bar);
  const parts = [];
  if (progress.label) parts.push(progress.label);
  if (progress.current !== undefined && progress.total !== undefined) parts.push(`${progress.current}/${progress.total}`);
  parts.push(`${Math.round(percent)}%`);
  box.append(el('span', 'progress-text', parts.join(' ')));
  return box;
}

function agentRow(agent) {
  const row = el('li', `agent status-${statusClass(agent.status)}`);
  row.dataset.thread = threadKey(agent);
  row.append(el('span', `signal ${attentionClass(agent.attention)}`, signalGlyph(agent.attention)));
  row.append(el('span', 'agent-status', agent.status));
  row.append(el('span', 'agent-name', agent.threadName || agent.threadId || agent.agent));
  row.append(el('span', 'agent-id', agent.agent));
  if (agent.unseen) row.append(el('span', 'unseen-marker', 'unseen'));
  row.append(el('span', 'since', `for ${duration(Date.now() - since(agent))}`));
  if (view.token && agent.unseen && agent.paneId) {
    const seen = el('button', 'act mark-seen', 'mark seen');
    seen.type = 'button';
    seen.addEventListener('click', () => markSeen(agent));
    row.append(seen);
  }
  if (agent.lastUserPrompt) row.append(el('div', 'prompt', agent.lastUserPrompt));
  return row;
}

function actions(session) {
  const box = el('span', 'actions');
  const go = el('button', 'act switch', 'switch');
  go.type = 'button';
  go.addEventListener('click', () => switchTo(session.name));
  box.append(go);
  if (!session.hidden) {
    const hide = el('button', 'act hide', 'hide');
    hide.type = 'button';
    hide.addEventListener('click', () => send({ type: 'hide-session', name: session.name }));
    box.append(hide);
  }
  return box;
}

/** Waiting threads, the oldest wait first, then finished threads nobody looked at, the oldest first. */
function attentionOrder(sessions) {
  const agents = sessions.flatMap((session) => session.agents || []);
  const waiting = agents.filter((a) => a.status === 'waiting').sort((a, b) => since(a) - since(b));
  const finished = agents.filter((a) => a.unseen && FINISHED.has(a.status)).sort((a, b) => since(a) - since(b));
  return [...waiting, ...finished];
}

function renderAttention(sessions) {
  const order = attentionOrder(sessions);
  const list = $('attention');
  list.replaceChildren(...order.map((agent) => {
    const item = el('li', `status-${statusClass(agent.status)}`);
    item.append(el('span', `signal ${attentionClass(agent.attention)}`, signalGlyph(agent.attention)));
    item.append(el('span', 'attention-session', agent.session));
    item.append(el('span', 'agent-name', agent.threadName || agent.threadId || agent.agent));
    item.append(el('span', 'agent-status', agent.status === 'waiting' ? 'waiting for you' : agent.status));
    item.append(el('span', 'since', `for ${duration(Date.now() - since(agent))}`));
    return item;
  }));
  $('attention-empty').hidden = order.length > 0;
  const waiting = order.filter((agent) => agent.status === 'waiting').length;
  document.title = waiting > 0 ? `(${waiting}) opensessions` : 'opensessions';
}

function renderClients(clients) {
  const select = $('client');
  const chosen = select.value;
  select.replaceChildren(...clients.map((client) => {
    const option = el('option', null, `${client.tty} on ${client.session}`);
    option.value = client.tty;
    return option;
  }));
  if (clients.some((client) => client.tty === chosen)) select.value = chosen;
}

function isCurrent(name, clients) {
  return clients.some((client) => client.session === name);
}

// ---------------------------------------------------------------- history and chart

function threadKey(agent) {
  return agent.threadId ? `${agent.agent}:${agent.threadId}` : agent.agent;
}

/** When the thread entered its status: its latest transition to it, or its last activity. */
function since(agent) {
  const transitions = view.histories.get(agent.session) || [];
  const key = threadKey(agent);
  for (let i = transitions.length - 1; i >= 0; i--) {
    const t = transitions[i];
    if (t.thread === key) return t.to === agent.status ? Math.min(t.at, agent.ts || t.at) : agent.ts || t.at;
  }
  return agent.ts || Date.now();
}

/** Fetches a session's history when its threads' statuses changed since the last fetch: a push, not a poll. */
function refreshHistories(sessions) {
  const live = new Set();
  for (const session of sessions) {
    live.add(session.name);
    const agents = session.agents || [];
    if (agents.length === 0 && (session.eventTimestamps || []).length === 0) continue;
    const signature = agents.map((a) => `${threadKey(a)}=${a.status}@${a.ts}`).join('|');
    if (view.fetchedFor.get(session.name) === signature) continue;
    view.fetchedFor.set(session.name, signature);
    fetch(`/api/history?session=${encodeURIComponent(session.name)}&limit=${HISTORY_LIMIT}`)
      .then((response) => (response.ok ? response.json() : []))
      .then((transitions) => {
        view.histories.set(session.name, transitions.slice().reverse());
        renderChart();
      })
      .catch(() => view.fetchedFor.delete(session.name));
  }
  for (const name of [...view.histories.keys()]) {
    if (!live.has(name)) {
      view.histories.delete(name);
      view.fetchedFor.delete(name);
    }
  }
}

function renderChart() {
  const state = view.state;
  if (!state) return;
  const now = Date.now();
  const rows = [];
  for (const session of state.sessions || []) {
    const spans = sessionTimeline(view.histories.get(session.name) || [], session.agents || [], now);
    if (spans.length > 0) rows.push({ name: session.name, spans });
  }
  const canvas = $('chart');
  canvas.hidden = rows.length === 0;
  $('chart-empty').hidden = rows.length > 0;
  if (rows.length > 0) drawChart(canvas, rows, now, themeColours());
}

// ---------------------------------------------------------------- actions (with the token only)

async function control(path, body, json) {
  if (!view.token) {
    notice('paste the token first', true);
    return null;
  }
  const headers = { Authorization: `Bearer ${view.token}` };
  if (json) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method: 'POST', headers, body });
  const text = (await response.text()).trim();
  if (response.status === 401) {
    forgetToken();
    notice('the server refused the token (it changes at every start): paste it again', true);
    return null;
  }
  if (!response.ok) {
    notice(`refused: ${text}`, true);
    return null;
  }
  return text;
}

async function switchTo(name) {
  const tty = $('client').value;
  const client = (view.state.clients || []).find((c) => c.tty === tty);
  if (!client || !client.activePane) {
    notice('no attached tmux client to switch', true);
    return;
  }
  const body = JSON.stringify({ pane: client.activePane, session: name });
  if (await control('/switch-session', body, true) !== null) notice(`switched ${tty} to ${name}`);
}

async function markSeen(agent) {
  // The /focus context: no client, no session, no window, the agent's pane, marked active.
  if (await control('/focus', `|||${agent.paneId}|1`, false) !== null) notice('marked seen');
}

async function unlock(event) {
  event.preventDefault();
  const candidate = $('token').value.trim();
  $('token').value = '';
  if (!candidate) return;
  // /refresh only re-reads tmux: a harmless way to ask the server whether the token is right.
  const response = await fetch('/refresh', { method: 'POST', headers: { Authorization: `Bearer ${candidate}` } });
  if (response.status !== 200) {
    notice('the server refused that token', true);
    return;
  }
  view.token = candidate;
  sessionStorage.setItem(TOKEN_KEY, candidate);
  notice('actions unlocked for this tab');
  showLock();
}

function forgetToken() {
  view.token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  showLock();
}

function showLock() {
  const unlocked = Boolean(view.token);
  $('unlock').hidden = unlocked;
  $('unlocked').hidden = !unlocked;
  render();
}

// ---------------------------------------------------------------- themes

let palettes = new Map();

async function loadThemes() {
  try {
    const response = await fetch('/api/themes');
    const themes = await response.json();
    palettes = new Map(themes.themes.map((theme) => [theme.name, theme.palette]));
    const select = $('theme');
    select.replaceChildren(...themes.themes.map((theme) => {
      const option = el('option', null, theme.name);
      option.value = theme.name;
      return option;
    }));
    const stored = localStorage.getItem(THEME_KEY);
    applyTheme(palettes.has(stored) ? stored : themes.current);
  } catch {
    // Without the palettes the page keeps the stylesheet's own colours.
  }
}

function applyTheme(name) {
  const palette = palettes.get(name);
  if (!palette) return;
  $('theme').value = name;
  const root = document.documentElement.style;
  for (const [slot, colour] of Object.entries(palette)) {
    // null: the terminal's own colour in the sidebar; the browser's own here.
    root.setProperty(`--${slot}`, colour || (['base', 'mantle', 'crust'].includes(slot) ? 'Canvas' : 'CanvasText'));
  }
  document.documentElement.dataset.theme = name;
  renderChart();
}

function themeColours() {
  const style = getComputedStyle(document.documentElement);
  const read = (slot) => style.getPropertyValue(`--${slot}`).trim();
  return {
    working: read('blue'), waiting: read('yellow'), done: read('green'),
    text: read('text'), grid: read('surface1'), background: read('mantle'),
  };
}

// ---------------------------------------------------------------- small helpers

function tone(value) {
  return TONES.has(value) ? value : 'neutral';
}

function statusClass(status) {
  return STATUSES.has(status) ? status : 'idle';
}

function attentionClass(attention) {
  return attention ? `attention-${String(attention).replace(/[^a-z-]/g, '')}` : 'attention-none';
}

/** The sidebar's glyphs for a signal. */
function signalGlyph(attention) {
  switch (attention) {
    case 'error': return '✗';
    case 'stale': return '?';
    case 'interrupted': return '⊘';
    case 'waiting': return '◉';
    case 'done-unseen': return '●';
    case 'tool-running':
    case 'running': return '⟳';
    case 'done-seen': return '✓';
    case 'idle': return '○';
    default: return '·';
  }
}

function duration(ms) {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d`;
}

// ---------------------------------------------------------------- start

$('unlock').addEventListener('submit', unlock);
$('lock').addEventListener('click', () => {
  forgetToken();
  notice('actions locked');
});
$('show-all').addEventListener('click', () => send({ type: 'show-all-sessions' }));
$('theme').addEventListener('change', (event) => {
  localStorage.setItem(THEME_KEY, event.target.value);
  applyTheme(event.target.value);
});
setInterval(render, CLOCK_MS);
showLock();
loadThemes();
connect(RECONNECT_FIRST_MS);
