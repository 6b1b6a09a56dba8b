#!/usr/bin/env bash
# What the server puts on the wire of /ws after a burst of agent events, checked byte by byte: the setup of
# bench/run.sh (a private tmux with N sessions, M sidebars, the server as last packaged), one burst of agent
# events from the load tool (128 agent threads, so the state frame is large), then rounds of raw-socket
# subscribers (bench/load/WireCheck.java) that connect at once while pushes change the state, each checking every
# frame's header and each message's UTF-8 across fragments and that hello comes first and a state second. While
# the rounds run, a full collection is asked of the server every --gc-every ms (jcmd GC.run; 0: none), which made
# the fault more frequent in bench/long-run.sh. Prints the rounds and a JSON summary; exits 1 when any subscriber
# saw a fault. JVM flags beside the launcher's come from OPENSESSIONS_JAVA_OPTS.
# Usage: bench/ws-wire.sh [--sessions N=20] [--sidebars M=2] [--event-seconds S=10] [--rounds R=20]
#   [--subscribers C=50] [--rate R=50] [--hold MS=1000] [--gc-every MS=700]
set -euo pipefail

SESSIONS=20
SIDEBAR_COUNT=2
EVENT_SECONDS=10
ROUNDS=20
SUBSCRIBERS=50
RATE=50
HOLD=1000
GC_EVERY=700
JDK_CLIENTS=0

number() {
  [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "ws-wire: $1 needs a whole number" >&2; exit 2; }
}
while (($# > 0)); do
  case "$1" in
    --sessions) number "$1" "${2:-}"; SESSIONS=$2 ;;
    --sidebars) number "$1" "${2:-}"; SIDEBAR_COUNT=$2 ;;
    --event-seconds) number "$1" "${2:-}"; EVENT_SECONDS=$2 ;;
    --rounds) number "$1" "${2:-}"; ROUNDS=$2 ;;
    --subscribers) number "$1" "${2:-}"; SUBSCRIBERS=$2 ;;
    --rate) number "$1" "${2:-}"; RATE=$2 ;;
    --hold) number "$1" "${2:-}"; HOLD=$2 ;;
    --gc-every) number "$1" "${2:-}"; GC_EVERY=$2 ;;
    --jdk-clients) number "$1" "${2:-}"; JDK_CLIENTS=$2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "ws-wire: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift 2
done
((SIDEBAR_COUNT >= 1 && SESSIONS > SIDEBAR_COUNT && ROUNDS >= 1 && SUBSCRIBERS + JDK_CLIENTS >= 1)) \
  || { echo "ws-wire: needs at least 1 sidebar, more sessions than sidebars, 1 round, 1 subscriber" >&2; exit 2; }

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib/world.sh
source "$REPO_DIR/bench/lib/world.sh"
private_world ws-wire
WARMUP=0

# shellcheck source=bench/lib/common.sh
source "$REPO_DIR/bench/lib/common.sh"
# shellcheck source=bench/lib/tmux.sh
source "$REPO_DIR/bench/lib/tmux.sh"
# shellcheck source=bench/lib/server.sh
source "$REPO_DIR/bench/lib/server.sh"
# shellcheck source=bench/lib/report.sh
source "$REPO_DIR/bench/lib/report.sh"
# shellcheck source=bench/lib/load.sh
source "$REPO_DIR/bench/lib/load.sh"

GC_PID=""
cleanup_extra() {
  if [[ -n "$GC_PID" ]]; then
    kill "$GC_PID" 2>/dev/null || true
    wait "$GC_PID" 2>/dev/null || true
  fi
  if [[ -n "${KEEP_LOG:-}" && -f "${RUNTIME:-/nonexistent}/server.log" ]]; then
    cp "$RUNTIME/server.log" "$KEEP_LOG"
  fi
}

find_source_java
prepare_package
make_sessions "$SESSIONS"
start_server
open_sidebars "$SIDEBAR_COUNT" "$SESSIONS"
printf 'ws-wire: agent events for %s s\n' "$EVENT_SECONDS" >&2
measure_events 16 8 0 "$EVENT_SECONDS"
if ((GC_EVERY > 0)); then
  JCMD="$(dirname "$JAVA_SOURCE")/jcmd"
  (
    while :; do
      "$JCMD" "$PID" GC.run >/dev/null 2>&1 || true
      sleep "$(awk -v ms="$GC_EVERY" 'BEGIN { printf "%.3f", ms / 1000 }')"
    done
  ) &
  GC_PID=$!
fi
printf 'ws-wire: %s rounds of %s subscribers, %s changes a second, a full collection every %s ms\n' \
  "$ROUNDS" "$SUBSCRIBERS" "$RATE" "$GC_EVERY" >&2
STATUS=0
SUMMARY=$(load_tool wire "port=$OPENSESSIONS_PORT" "count=$SUBSCRIBERS" "rounds=$ROUNDS" "rate=$RATE" "hold=$HOLD" \
  "session=$(name "$SESSIONS")" "jdk=$JDK_CLIENTS") || STATUS=$?
printf '%s\n' "$SUMMARY"
printf 'ws-wire: server log warnings: %s\n' "$(grep -c -E ' (WARN|ERROR) ' "$RUNTIME/server.log" || true)" >&2
grep -E ' (WARN|ERROR) ' "$RUNTIME/server.log" | tail -n 5 >&2 || true
[[ "$SUMMARY" == *'"failedRounds":0,'* && $STATUS == 0 ]] || exit 1
