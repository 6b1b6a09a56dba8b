// opensessions Pi extension: reports the Pi session's state to the opensessions server of this tmux
// (POST /api/agent-event) and registers the live Pi process (POST /api/runtime/pi/upsert every 5 s,
// /api/runtime/pi/delete on shutdown; CONTRACTS.md), in order, fire-and-forget, silent when the server
// is down. Dependency-free on purpose: Pi loads it from ~/.pi/agent/extensions/ as it is.

type Status = "idle" | "running" | "tool-running" | "done" | "error" | "interrupted";
type PiEvent = Record<string, unknown>;
type PiContext = {
  cwd?: string;
  sessionManager?: { getSessionId?(): string | undefined; getSessionFile?(): string | undefined };
};
type PiExtensionApi = {
  on(event: string, handler: (event: PiEvent, ctx: PiContext) => unknown): void;
  getSessionName?(): string | undefined;
};

const POST_TIMEOUT_MS = 1000;
const MAX_PENDING = 20;
// The server forgets a process 15 s after its last heartbeat: three missed beats.
const HEARTBEAT_MS = 5000;

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

const base = serverUrl(process.env);
const paneId = /^%[0-9]+$/.test(process.env.TMUX_PANE ?? "") ? process.env.TMUX_PANE : undefined;
let queue: Promise<void> = Promise.resolve();
let pending = 0;

// Posts one body after the previous one, so the server sees them in order (a shutdown's done before its
// delete); drops posts while the server stalls rather than queueing without bound.
function send(path: string, fields: Record<string, unknown>): void {
  if (pending >= MAX_PENDING) return;
  pending++;
  const body = JSON.stringify(fields);
  queue = queue
    .then(() => fetch(base + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    }))
    .then(() => undefined, () => undefined)
    .finally(() => { pending--; });
}

function post(fields: Record<string, unknown>): void {
  send("/api/agent-event", { agent: "pi", paneId, ts: Date.now(), ...fields });
}

// How the turn ended, from the stop reason of its last assistant message.
function endStatus(event: PiEvent): Status {
  const messages = Array.isArray(event.messages) ? (event.messages as PiEvent[]) : [];
  const last = [...messages].reverse().find((message) => message?.role === "assistant");
  const reason = typeof last?.stopReason === "string" ? last.stopReason : "stop";
  if (reason === "error") return "error";
  if (reason === "aborted" || reason === "cancelled" || reason === "interrupted") return "interrupted";
  return "done";
}

export default function opensessions(pi: PiExtensionApi): void {
  const thread = (ctx: PiContext) => ({
    threadId: ctx?.sessionManager?.getSessionId?.(),
    threadName: pi.getSessionName?.(),
    projectDir: ctx?.cwd ?? process.cwd(),
  });
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let current: PiContext = {};
  // Read afresh at every beat, so a switch to another session re-registers the process under it.
  const register = (ctx: PiContext) => {
    const sessionId = ctx?.sessionManager?.getSessionId?.();
    if (!sessionId) return;
    send("/api/runtime/pi/upsert", {
      pid: process.pid,
      ppid: process.ppid,
      sessionId,
      sessionFile: ctx?.sessionManager?.getSessionFile?.(),
      cwd: ctx?.cwd ?? process.cwd(),
      sessionName: pi.getSessionName?.(),
      ts: Date.now(),
      paneId,
    });
  };
  pi.on("session_start", (_event, ctx) => {
    current = ctx;
    post({ ...thread(ctx), status: "idle" });
    register(ctx);
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = setInterval(() => register(current), HEARTBEAT_MS);
    // The beat must never keep Pi alive on its own.
    heartbeat.unref?.();
  });
  pi.on("session_switch", (_event, ctx) => {
    current = ctx;
    register(ctx);
  });
  pi.on("before_agent_start", (event, ctx) => post({
    ...thread(ctx),
    status: "running",
    lastUserPrompt: typeof event.prompt === "string" ? event.prompt : undefined,
  }));
  pi.on("tool_execution_start", (_event, ctx) => post({ ...thread(ctx), status: "tool-running" }));
  // A finished tool hands back to the model: running until the turn ends.
  pi.on("tool_execution_end", (_event, ctx) => post({ ...thread(ctx), status: "running" }));
  pi.on("agent_end", (event, ctx) => post({ ...thread(ctx), status: endStatus(event) }));
  // The user closed Pi: done, so the row is pruned, and nothing for them to look at; then the process ends.
  pi.on("session_shutdown", (_event, ctx) => {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = undefined;
    post({ ...thread(ctx), status: "done", unseen: false });
    send("/api/runtime/pi/delete", { pid: process.pid });
  });
}
