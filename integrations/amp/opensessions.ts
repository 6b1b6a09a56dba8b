// opensessions Amp plugin: reports each Amp thread's state to the opensessions server of this tmux
// (POST /api/agent-event, CONTRACTS.md), in order, fire-and-forget, silent when the server is down.
// Dependency-free on purpose: Amp loads it from ~/.config/amp/plugins/ as it is.

type Status = "idle" | "running" | "tool-running" | "done" | "error" | "interrupted";
type AmpEvent = Record<string, unknown>;
type AmpPluginApi = { on(event: string, handler: (event: AmpEvent) => unknown): unknown };

const POST_TIMEOUT_MS = 1000;
const MAX_PENDING = 20;

// The server of this tmux, derived exactly as bin/lib/address.sh and ServerKey.java do.
function serverUrl(env: Record<string, string | undefined>): string {
  if (env.OPENSESSIONS_URL) return env.OPENSESSIONS_URL.replace(/\/+$/, "");
  let key: number | undefined;
  let defaultSocket = true;
  const explicit = env.OPENSESSIONS_SERVER_KEY;
  if (explicit) {
    if (/^[0-9]{1,9}$/.test(explicit)) {
      key = Number(explicit);
      defaultSocket = false;
    }
  } else if (env.TMUX) {
    const socket = env.TMUX.split(",")[0];
    if (socket) {
      key = 0;
      let position = 1;
      for (const char of socket) key = (key + char.codePointAt(0)! * position++) % 20000;
      defaultSocket = socket.slice(socket.lastIndexOf("/") + 1) === "default";
    }
  }
  let port = defaultSocket || key === undefined ? 7391 : 22000 + key;
  const explicitPort = env.OPENSESSIONS_PORT;
  if (explicitPort && /^[0-9]{1,9}$/.test(explicitPort) && +explicitPort >= 1 && +explicitPort <= 65535) {
    port = +explicitPort;
  }
  return `http://127.0.0.1:${port}`;
}

const url = `${serverUrl(process.env)}/api/agent-event`;
const paneId = /^%[0-9]+$/.test(process.env.TMUX_PANE ?? "") ? process.env.TMUX_PANE : undefined;
let queue: Promise<void> = Promise.resolve();
let pending = 0;

// Posts one event after the previous one, so the server sees them in order; drops events while the
// server stalls rather than queueing without bound.
function post(fields: Record<string, unknown>): void {
  if (pending >= MAX_PENDING) return;
  pending++;
  const body = JSON.stringify({ agent: "amp", paneId, projectDir: process.cwd(), ts: Date.now(), ...fields });
  queue = queue
    .then(() => fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    }))
    .then(() => undefined, () => undefined)
    .finally(() => { pending--; });
}

function text(event: AmpEvent, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = event[key];
    if (typeof value === "string" && value) return value;
  }
  return undefined;
}

function endStatus(event: AmpEvent): Status {
  const status = text(event, "status");
  if (status === "error" || status === "failed") return "error";
  if (status === "cancelled" || status === "interrupted" || status === "aborted") return "interrupted";
  return "done";
}

// A tool result's own thread when Amp names it, else the thread its tool call came from.
const threadOfTool = new Map<string, string>();
let lastThread: string | undefined;

function thread(event: AmpEvent): Record<string, unknown> {
  const threadId = text(event, "threadID", "threadId", "thread_id")
    ?? threadOfTool.get(text(event, "toolUseID", "toolUseId") ?? "") ?? lastThread;
  if (threadId) lastThread = threadId;
  return { threadId, threadName: text(event, "threadTitle", "title") };
}

export default function opensessions(amp: AmpPluginApi): void {
  amp.on("session.start", (event) => post({ ...thread(event), status: "idle" }));
  amp.on("agent.start", (event) =>
    post({ ...thread(event), status: "running", lastUserPrompt: text(event, "prompt", "message") }));
  amp.on("agent.end", (event) => post({ ...thread(event), status: endStatus(event) }));
  amp.on("tool.call", (event) => {
    const fields = thread(event);
    const toolUse = text(event, "toolUseID", "toolUseId");
    if (toolUse && typeof fields.threadId === "string") threadOfTool.set(toolUse, fields.threadId);
    post({ ...fields, status: "tool-running" });
  });
  // Success goes back to running, or the row would stay on tool-running until the turn ends.
  amp.on("tool.result", (event) => {
    const fields = thread(event);
    threadOfTool.delete(text(event, "toolUseID", "toolUseId") ?? "");
    const status = text(event, "status");
    post({ ...fields, status: status === "error" ? "error" : status === "cancelled" ? "interrupted" : "running" });
  });
}
