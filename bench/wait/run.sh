#!/usr/bin/env bash
# The wait benchmark (docs/explanation/performance.md, "Waiting for agents"): does holding 1000 open waits change
# the event and push budgets? A packaged server, started with the launcher's JVM flags (bin/lib/jvm.sh),
# attached to a private tmux server with 20 sessions, private XDG folders, on a free port. WaitBench runs ROUNDS
# rounds of two phases, with no wait open and with 1000 GET /api/wait long polls open, in alternating order; in
# each phase it measures the push latency (p50/p99), then this script runs the event load tool of bench/load
# (events accepted per second, none lost, and the server's CPU per event) and reads the server's RSS and threads;
# after a phase with waits, WaitBench ends each wait with its agent event and times event to answer (p50/p99).
# Last, the launcher end to end: `opensessions wait` answered by an event. Prints a table of every phase and the
# medians of the two kinds side by side, the load average before and after, and writes the JSON to
# bench/results/wait-<UTC timestamp>.json.
# Usage: bench/wait/run.sh [waits=1000] [samples=150]   (ROUNDS=3 rounds, EVENT_SECONDS=5 EVENT_THREADS=8 for
# the event load, LAUNCHER_SAMPLES=20 for the launcher's end-to-end samples, WAIT_JAVA_OPTS for JVM flags added
# to the launcher's)
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

# The launcher's flags, so that what is measured is the server as users run it.
# shellcheck source=bin/lib/jvm.sh
source "$REPO_DIR/bin/lib/jvm.sh"
MAJOR=$("$JAVA" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9]*\).*/\1/p')
[[ "$MAJOR" =~ ^[0-9]+$ ]] || die "cannot tell the version of $JAVA"
server_jvm_flags "$MAJOR"
read -r -a EXTRA_FLAGS <<<"${WAIT_JAVA_OPTS:-}"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
env HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/run" XDG_STATE_HOME="$WORK/state" XDG_CONFIG_HOME="$WORK/config" \
  OPENSESSIONS_PORT="$PORT" TMUX="$SOCKET,$TMUX_PID,0" \
  "$JAVA" "${JVM_FLAGS[@]}" ${EXTRA_FLAGS[@]+"${EXTRA_FLAGS[@]}"} -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
# Killed at the end by the cleanup; disowned, so bash does not report that after the results.
disown "$SERVER"
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

# The event load tool (bench/load) and WaitBench, compiled once (the source launcher would compile the load tool
# again in every phase); the load tool uses the server package's Jackson.
JACKSON=$(printf '%s:' "$(dirname "$JAR")"/lib/main/com.fasterxml.jackson.core.*.jar)
JACKSON=${JACKSON%:}
"${JAVA%java}javac" -d "$WORK/load" -cp "$JACKSON" "$REPO_DIR"/bench/load/*.java
"${JAVA%java}javac" -d "$WORK/classes" "$REPO_DIR/bench/wait/WaitBench.java"
events() {
  "$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 --class-path "$WORK/load:$JACKSON" Load events "port=$PORT" \
    "pid=$SERVER" "threads=${EVENT_THREADS:-8}" agents=4 sessions=20 warmup=2 "seconds=${EVENT_SECONDS:-5}"
}
# The server's collections so far and the seconds they took (young and full), from jstat (the JVM's perf data).
gc_so_far() {
  "${JAVA%java}jstat" -gc "$SERVER" | awk 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i } NR == 2 {
    print $c["YGC"] + $c["FGC"], $c["GCT"] }'
}
status_kib() {
  awk -v f="$1:" '$1 == f { print $2 }' "/proc/$SERVER/status"
}

mkdir -p "$WORK/signals"
"$JAVA" -cp "$WORK/classes" WaitBench "port=$PORT" sessions=20 "rounds=${ROUNDS:-3}" "signals=$WORK/signals" "$@" \
  >"$WORK/phases.jsonl" &
BENCH=$!
# Each phase: WaitBench has measured the push and holds its waits (or none); the event load runs, then the
# server's RSS and threads are read while the waits are still open.
PHASES=()
phase=1
while kill -0 "$BENCH" 2>/dev/null; do
  if [[ ! -f "$WORK/signals/ready-$phase" ]]; then
    sleep 0.1
    continue
  fi
  read -r gcs gc_s < <(gc_so_far)
  load=$(events) || die "the event load failed in phase $phase"
  read -r gcs_after gc_s_after < <(gc_so_far)
  gc=$(awk -v a="$gcs" -v b="$gcs_after" -v s="$gc_s" -v t="$gc_s_after" 'BEGIN { printf "{\"collections\":%d,\"ms\":%.0f}", b - a, (t - s) * 1000 }')
  PHASES+=("{\"events\":$load,\"serverRssKiB\":$(status_kib VmRSS),\"serverThreads\":$(status_kib Threads),\"gcDuringEventLoad\":$gc}")
  touch "$WORK/signals/go-$phase"
  phase=$((phase + 1))
done
wait "$BENCH" || die "WaitBench failed"
((${#PHASES[@]} == $(wc -l <"$WORK/phases.jsonl"))) || die "WaitBench reported $(wc -l <"$WORK/phases.jsonl") phases, the script measured ${#PHASES[@]}"
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
for i in $(seq 1 "${LAUNCHER_SAMPLES:-20}"); do
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
PHASES_JSON=$(paste -d '\t' "$WORK/phases.jsonl" <(printf '%s\n' "${PHASES[@]}") \
  | awk -F '\t' '{ sub(/}$/, "", $1); printf "%s%s,\"measured\":%s}", (NR > 1 ? "," : ""), $1, $2 }')
LINE="{\"phases\":[$PHASES_JSON],\"launcherWaitMs\":$LAUNCHER,\"jvmFlags\":\"${JVM_FLAGS[*]}\",\"loadBefore\":\"$LOAD_BEFORE\",\"loadAfter\":\"$LOAD_AFTER\",\"nproc\":$(nproc),\"seconds\":$SECONDS}"
mkdir -p "$REPO_DIR/bench/results"
RESULT_FILE="$REPO_DIR/bench/results/wait-$(date -u +%Y%m%dT%H%M%SZ).json"
printf '%s\n' "$LINE" >"$RESULT_FILE"
python3 "$REPO_DIR/bench/wait/table.py" "$RESULT_FILE"
printf '%s\n' "${RESULT_FILE#"$REPO_DIR"/}"
