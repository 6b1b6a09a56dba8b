#!/usr/bin/env bash
# The wait benchmark (docs/explanation/performance.md, "Waiting for agents"): a packaged server attached to
# a private tmux server with 20 sessions, private XDG folders, on a free port. WaitBench measures the push
# latency with no wait open and with 1000 GET /api/wait long polls held open; the event load tool of
# bench/load measures agent events accepted per second (none lost) without and with the waits open; then
# WaitBench ends each wait with its agent event and times event to answer (p50/p99). Prints the JSON result,
# the load average before and after, the server's peak thread count and RSS, and writes
# bench/results/wait-<UTC timestamp>.json.
# Usage: bench/wait/run.sh [waits=1000] [samples=200]   (EVENT_SECONDS=5 EVENT_THREADS=8 for the event load,
# LAUNCHER_SAMPLES=50 for the launcher's end-to-end samples)
set -euo pipefail

REPO_DIR=$(cd "${BASH_SOURCE[0]%/*}/../.." && pwd)
JAR=${WAIT_JAR:-$REPO_DIR/server/target/quarkus-app/quarkus-run.jar}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d)
SOCKET_NAME="os-bench-wait-$$"
SERVER=

die() {
  printf 'wait bench: %s\n' "$*" >&2
  exit 1
}

cleanup() {
  [[ -n "$SERVER" ]] && kill -KILL "$SERVER" 2>/dev/null || true
  tmux -L "$SOCKET_NAME" kill-server 2>/dev/null || true
  [[ -n "${SOCKET:-}" ]] && rm -f "$SOCKET"
  cp "$WORK/server.log" "${TMPDIR:-/tmp}/wait-bench-server.log" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[[ -f "$JAR" ]] || die "no server package; build it with ./mvnw -B package -DskipTests"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

tmux -L "$SOCKET_NAME" -f /dev/null new-session -d -s s01 -x 120 -y 40
for i in $(seq 2 20); do
  tmux -L "$SOCKET_NAME" new-session -d -s "$(printf 's%02d' "$i")"
done
SOCKET=$(tmux -L "$SOCKET_NAME" display-message -p '#{socket_path}')
TMUX_PID=$(tmux -L "$SOCKET_NAME" display-message -p '#{pid}')

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
env HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/run" XDG_STATE_HOME="$WORK/state" XDG_CONFIG_HOME="$WORK/config" \
  OPENSESSIONS_PORT="$PORT" TMUX="$SOCKET,$TMUX_PID,0" \
  "$JAVA" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
deadline=$((SECONDS + 180))
until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/version" 2>/dev/null; do
  kill -0 "$SERVER" 2>/dev/null || { tail -n 20 "$WORK/server.log" >&2; die "the server exited during start"; }
  ((SECONDS < deadline)) || die "the server did not answer within 180 s"
  sleep 0.1
done
until [[ $(curl -s "http://127.0.0.1:$PORT/api/state") == *'"s20"'* ]]; do
  ((SECONDS < deadline)) || die "the server never listed the 20 sessions"
  sleep 0.1
done

# The event load tool (bench/load) runs with the JDK source launcher and the server package's Jackson.
JACKSON=$(printf '%s:' "$(dirname "$JAR")"/lib/main/com.fasterxml.jackson.core.*.jar)
events() {
  "$JAVA" -XX:+UseSerialGC --class-path "${JACKSON%:}" "$REPO_DIR/bench/load/Load.java" events "port=$PORT" \
    "pid=$SERVER" "threads=${EVENT_THREADS:-8}" agents=4 sessions=20 warmup=2 "seconds=${EVENT_SECONDS:-5}"
}
EVENTS_IDLE=$(events)

"${JAVA%java}javac" -d "$WORK/classes" "$REPO_DIR/bench/wait/WaitBench.java"
"$JAVA" -cp "$WORK/classes" WaitBench "port=$PORT" sessions=20 "ready=$WORK/ready" "go=$WORK/go" "$@" \
  >"$WORK/result.json" &
BENCH=$!
until [[ -f "$WORK/ready" ]]; do
  kill -0 "$BENCH" 2>/dev/null || die "the wait client ended before holding its waits"
  sleep 0.2
done
WAITING_THREADS=$(awk '/^Threads/ { print $2 }' "/proc/$SERVER/status")
EVENTS_WAITING=$(events)
touch "$WORK/go"
# Threads and RSS of the server while the waits are open (sampled a few seconds into the loaded phase).
PEAK_THREADS=0
PEAK_RSS=0
while kill -0 "$BENCH" 2>/dev/null; do
  threads=$(awk '/^Threads/ { print $2 }' "/proc/$SERVER/status")
  rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$SERVER/status")
  ((threads > PEAK_THREADS)) && PEAK_THREADS=$threads
  ((rss > PEAK_RSS)) && PEAK_RSS=$rss
  sleep 0.5
done
wait "$BENCH"
# The launcher end to end: `opensessions wait` already waiting, then the event that meets it; the time from
# just before the event is posted until the launcher has exited 0 (its curl answered, bash returned), and
# from the event's 204 until then. Timed with bash's own clock ($EPOCHREALTIME): a `date` process per stamp
# would add its own start (tens of ms on a loaded machine) to what is measured.
LAUNCHER_MS=()
AFTER_POST_MS=()
micros() {
  local t=${1/./}
  printf '%s' "$((10#$t))"
}
for i in $(seq 1 "${LAUNCHER_SAMPLES:-50}"); do
  curl -s -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"agent\":\"cli\",\"threadId\":\"c$i\",\"status\":\"running\",\"tmuxSession\":\"s01\"}" \
    "http://127.0.0.1:$PORT/api/agent-event"
  env -u TMUX OPENSESSIONS_PORT="$PORT" "$REPO_DIR/bin/opensessions" wait --session s01 --agent cli --thread "c$i" \
    --until done --timeout 1m >/dev/null &
  waiter=$!
  # The launcher needs a moment to start curl and send its request; the bench settles rather than guess.
  sleep 1
  t0=$EPOCHREALTIME
  curl -s -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"agent\":\"cli\",\"threadId\":\"c$i\",\"status\":\"done\",\"tmuxSession\":\"s01\"}" \
    "http://127.0.0.1:$PORT/api/agent-event"
  posted=$EPOCHREALTIME
  wait "$waiter" || die "opensessions wait exited $? for sample $i"
  t1=$EPOCHREALTIME
  LAUNCHER_MS+=($((($(micros "$t1") - $(micros "$t0")) / 1000)))
  AFTER_POST_MS+=($((($(micros "$t1") - $(micros "$posted")) / 1000)))
done
summary() {
  printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END {
    printf "{\"n\":%d,\"p50\":%d,\"p90\":%d,\"p99\":%d,\"max\":%d}", NR, a[int((NR + 1) / 2)],
      a[int((NR * 9 + 9) / 10)], a[int((NR * 99 + 99) / 100)], a[NR] }'
}
# From before the event's curl starts (its own process start included), and from its 204 (the event applied).
LAUNCHER="{\"fromEventPostStart\":$(summary "${LAUNCHER_MS[@]}"),\"fromEventAnswered\":$(summary "${AFTER_POST_MS[@]}")}"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
RESULT=$(<"$WORK/result.json")
LINE="{\"result\":$RESULT,\"eventsIdle\":$EVENTS_IDLE,\"eventsWith1000Waits\":$EVENTS_WAITING,\"launcherWaitMs\":$LAUNCHER,\"serverThreadsWithWaitsOpen\":$WAITING_THREADS,\"serverThreadsPeak\":$PEAK_THREADS,\"serverRssPeakKib\":$PEAK_RSS,\"loadBefore\":\"$LOAD_BEFORE\",\"loadAfter\":\"$LOAD_AFTER\",\"nproc\":$(nproc)}"
printf '%s\n' "$LINE"
mkdir -p "$REPO_DIR/bench/results"
printf '%s\n' "$LINE" >"$REPO_DIR/bench/results/wait-$(date -u +%Y%m%dT%H%M%SZ).json"
