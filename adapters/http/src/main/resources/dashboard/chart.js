// The 24-hour chart: one row per session, coloured by what its agents were doing, from the status
// history (GET /api/history). Drawn on a canvas with the 2D context; no charting library.

export const HISTORY_LIMIT = 500;
const DAY_MS = 24 * 60 * 60 * 1000;
const LABEL_WIDTH = 170;
const ROW_HEIGHT = 20;
const AXIS_HEIGHT = 18;

/** What a thread's status counts as on the chart; idle and stale threads draw nothing. */
function kindOf(status) {
  switch (status) {
    case 'running':
    case 'tool-running': return 'working';
    case 'waiting': return 'waiting';
    case 'done':
    case 'error':
    case 'interrupted': return 'done';
    default: return null;
  }
}

// When several threads of one session differ, the one that needs the user shows.
const PRIORITY = { waiting: 3, working: 2, done: 1 };

/**
 * The session's spans over the last 24 h: [{from, to, kind}], oldest first, adjacent spans of one kind
 * merged. `transitions` are the session's history, oldest first ({thread, from, to, at}); `agents` its
 * live threads, whose status holds until now.
 */
export function sessionTimeline(transitions, agents, now) {
  const start = now - DAY_MS;
  const threads = new Map(); // thread -> [{at, status}]
  for (const t of transitions) {
    if (!threads.has(t.thread)) {
      // The status before the first change we know of, when the history says it.
      threads.set(t.thread, t.from ? [{ at: start, status: t.from }] : []);
    }
    threads.get(t.thread).push({ at: Math.max(start, Math.min(now, t.at)), status: t.to });
  }
  if (threads.size === 0) return [];
  const live = new Map(agents.map((a) => [a.threadId ? `${a.agent}:${a.threadId}` : a.agent, a.status]));
  const times = new Set([start, now]);
  for (const changes of threads.values()) for (const change of changes) times.add(change.at);
  const points = [...times].sort((a, b) => a - b);
  const spans = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    if (to <= from) continue;
    let best = null;
    for (const [thread, changes] of threads) {
      const status = statusAt(changes, from, live.get(thread));
      const kind = kindOf(status);
      if (kind && (!best || PRIORITY[kind] > PRIORITY[best])) best = kind;
    }
    if (!best) continue;
    const last = spans[spans.length - 1];
    if (last && last.kind === best && last.to === from) last.to = to;
    else spans.push({ from, to, kind: best });
  }
  return spans;
}

/** A thread's status at a time: its last change at or before it; a thread gone from the state ended there. */
function statusAt(changes, at, liveStatus) {
  let status = null;
  for (const change of changes) {
    if (change.at <= at) status = change.status;
    else break;
  }
  if (status === null) return null;
  const lastChange = changes[changes.length - 1];
  if (at >= lastChange.at && liveStatus === undefined) {
    // The thread is not in the state any more: show its last state as done, not working for ever.
    return kindOf(status) === 'done' ? status : null;
  }
  return status;
}

/** Draws rows [{name, spans}] on the canvas, sized to its box and the screen's pixel ratio. */
export function drawChart(canvas, rows, now, colours) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(300, canvas.clientWidth || canvas.parentElement.clientWidth);
  const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT + 4;
  canvas.style.height = `${height}px`;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  g.font = '12px ui-monospace, monospace';
  g.textBaseline = 'middle';

  const left = LABEL_WIDTH;
  const span = width - left - 8;
  const start = now - DAY_MS;
  const x = (time) => left + ((time - start) / DAY_MS) * span;

  // Hour lines every 3 h, labelled with the local time.
  g.strokeStyle = colours.grid || '#444';
  g.fillStyle = colours.text || '#ccc';
  g.lineWidth = 1;
  const firstHour = Math.ceil(start / 3600000) * 3600000;
  for (let hour = firstHour; hour <= now; hour += 3600000) {
    const date = new Date(hour);
    if (date.getHours() % 3 !== 0) continue;
    const px = Math.round(x(hour)) + 0.5;
    g.beginPath();
    g.moveTo(px, AXIS_HEIGHT - 4);
    g.lineTo(px, height);
    g.stroke();
    g.fillText(`${String(date.getHours()).padStart(2, '0')}:00`, px + 3, AXIS_HEIGHT / 2);
  }

  rows.forEach((row, index) => {
    const top = AXIS_HEIGHT + index * ROW_HEIGHT;
    g.fillStyle = colours.text || '#ccc';
    g.fillText(fit(g, row.name, LABEL_WIDTH - 10), 4, top + ROW_HEIGHT / 2);
    for (const piece of row.spans) {
      g.fillStyle = colours[piece.kind] || '#888';
      const from = x(piece.from);
      g.fillRect(from, top + 3, Math.max(1, x(piece.to) - from), ROW_HEIGHT - 6);
    }
  });
}

/** The text cut with an ellipsis to fit the width. */
function fit(g, text, width) {
  if (g.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && g.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}
