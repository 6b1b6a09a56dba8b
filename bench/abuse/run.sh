#!/usr/bin/env bash
# The slow abuse cases of the server (docs/explanation/performance.md, "Abuse"): each against a packaged
# server of its own on 127.0.0.1, with private XDG folders, bounded in count and time. Prints one line per
# case and writes the raw JSON to bench/results/abuse-<UTC timestamp>.json.
#   flood     1000 slow bodies and 200 non-reading WebSocket clients held open while /version and
#             /api/state are timed, then /quit with the token; server RSS before and after
#   kill      10 rounds of kill -9 in the middle of a burst of status and log writes; after each restart,
#             every write answered 204 must be in /api/state
#   stall     200 WebSocket subscribers that never read while the state changes: the server's connections
#             on the port, its heap and /version's time every 5 s for 90 s (the send deadline is 30 s)
#   diskfull  (root only) the state folder on a 32 MiB tmpfs filled up during a burst: writes are refused
#             with 507, and after space returns and a kill -9, every write answered 204 is there
# Usage: bench/abuse/run.sh [flood] [kill] [stall] [diskfull]   (all four when none is named)
#   ABUSE_JAR=<quarkus-run.jar> measures another package; ABUSE_JAVA_OPTS adds JVM flags after the launcher's.
set -euo pipefail

REPO_DIR=$(cd "${BASH_SOURCE[0]%/*}/../.." && pwd)
# ABUSE_JAR measures another package (an older build, for the figures before a change).
JAR=${ABUSE_JAR:-$REPO_DIR/server/target/quarkus-app/quarkus-run.jar}
# shellcheck source=bench/lib/jdk.sh
source "$REPO_DIR/bench/lib/jdk.sh"
find_jdk 21 || { echo "abuse: needs a JDK 21 or newer (JAVA_HOME, PATH or /usr/lib/jvm)" >&2; exit 2; }
# The server runs with the launcher's JVM flags (bin/lib/jvm.sh: a 64 MB heap among them), then ABUSE_JAVA_OPTS.
# shellcheck source=bin/lib/jvm.sh
source "$REPO_DIR/bin/lib/jvm.sh"
JAVA_MAJOR=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
server_jvm_flags "${JAVA_MAJOR:-21}"
# shellcheck disable=SC2206 # a list of JVM flags, split on purpose
JVM_FLAGS+=(${ABUSE_JAVA_OPTS:-})
WORK=$(mktemp -d)
CASES=("$@")
((${#CASES[@]})) || CASES=(flood kill stall diskfull)
SERVER=
MOUNTED=

die() {
  printf 'abuse: %s\n' "$*" >&2
  exit 1
}

cleanup() {
  [[ -n "$SERVER" ]] && kill -KILL "$SERVER" 2>/dev/null || true
  [[ -n "$MOUNTED" ]] && umount "$MOUNTED" 2>/dev/null || true
  cp "$WORK/server.log" "${TMPDIR:-/tmp}/abuse-server.log" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[[ -f "$JAR" ]] || die "no server package; build it with ./mvnw -B package -DskipTests"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Starts the packaged server on $PORT with the state folder $1; sets SERVER and TOKEN once /version answers.
start() {
  local state=$1 deadline=$((SECONDS + 60))
  env -u TMUX -u TMUX_PANE HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/run" XDG_STATE_HOME="$state" \
    XDG_CONFIG_HOME="$WORK/config" OPENSESSIONS_PORT="$PORT" \
    "$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" >>"$WORK/server.log" 2>&1 &
  SERVER=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/version" 2>/dev/null; do
    kill -0 "$SERVER" 2>/dev/null || { tail -n 20 "$WORK/server.log" >&2; die "the server exited during start"; }
    ((SECONDS < deadline)) || die "the server did not answer within 60 s"
    sleep 0.1
  done
  until TOKEN=$(cat "$WORK"/run/opensessions-*/*/token 2>/dev/null) && [[ -n "$TOKEN" ]]; do
    ((SECONDS < deadline)) || die "no token file"
    sleep 0.1
  done
  ! grep -q 'runs in memory' "$WORK/server.log" || die "the server could not open its database and runs in memory"
}

rss_kib() {
  awk '/^VmRSS/ { print $2 }' "/proc/$1/status"
}

# Compiled once, so that no case waits for the source launcher's compile while its clock runs.
"${JAVA%java}javac" -d "$WORK/classes" "$REPO_DIR/bench/abuse/Abuse.java"
abuse() {
  "$JAVA" -XX:+UseSerialGC -cp "$WORK/classes" Abuse "$@"
}

RESULTS=()

case_flood() {
  PORT=$(free_port)
  start "$WORK/state-flood"
  # Warm up (JIT, first connections) so the idle figures are those of a running server.
  local i
  for i in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/api/state"
  done
  local out
  out=$(abuse flood "port=$PORT" slow=1000 ws=200 samples=40 "token=$TOKEN" "pid=$SERVER")
  # A server that did not take /quit is stopped here.
  for i in $(seq 1 50); do
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  SERVER=
  RESULTS+=("{\"case\":\"flood\",\"result\":$out}")
  printf 'flood: %s\n' "$out"
}

case_kill() {
  PORT=$(free_port)
  local round acked=0 lost=0 out burst
  start "$WORK/state-kill"
  for round in $(seq 1 10); do
    abuse burst "port=$PORT" threads=8 seconds=8 "out=$WORK/acked-$round" >/dev/null 2>&1 &
    burst=$!
    sleep 5
    kill -KILL "$SERVER"
    wait "$SERVER" 2>/dev/null || true
    wait "$burst" || true
    # The restarted server is checked, then takes the next round's burst.
    start "$WORK/state-kill"
    out=$(abuse check "port=$PORT" "acked=$WORK/acked-$round")
    printf 'kill -9 round %s: %s\n' "$round" "$out" >&2
    acked=$((acked + $(sed -n 's/.*"acknowledged":\([0-9]*\).*/\1/p' <<<"$out")))
    lost=$((lost + $(sed -n 's/.*"lost":\([0-9]*\).*/\1/p' <<<"$out")))
  done
  kill -KILL "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  SERVER=
  RESULTS+=("{\"case\":\"kill\",\"rounds\":10,\"acknowledged\":$acked,\"lostSessions\":$lost}")
  printf 'kill -9: 10 rounds (8 writers, killed 5 s into each burst), %s writes acknowledged, %s sessions missing an acknowledged write\n' "$acked" "$lost"
}

case_stall() {
  PORT=$(free_port)
  start "$WORK/state-stall"
  local out
  out=$(abuse stall "port=$PORT" ws=200 seconds=90 "pid=$SERVER")
  kill -KILL "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  SERVER=
  RESULTS+=("{\"case\":\"stall\",\"result\":$out}")
  printf 'stall: %s\n' "$out"
}

case_diskfull() {
  ((EUID == 0)) || { printf 'diskfull: skipped (needs root for a tmpfs mount)\n'; return 0; }
  PORT=$(free_port)
  local state="$WORK/state-full" out refused
  mkdir -p "$state"
  # Room for the database and a full write-ahead log (SQLite checkpoints it at 1000 pages, about 4 MiB) with
  # the burst's history: the disk must fill because of the filler, not because the burst before it wrote the
  # log into the last block (then removing the filler frees nothing and space never returns).
  mount -t tmpfs -o size=32m tmpfs "$state"
  MOUNTED=$state
  start "$state"
  local early
  early=$(abuse burst "port=$PORT" threads=4 seconds=2 "out=$WORK/acked-early")
  [[ $early == *'"refused":0'* ]] || die "the disk filled before the filler did (the tmpfs is too small for the burst): $early"
  # Fill the disk to the last block, leaving the database as it is.
  dd if=/dev/zero of="$state/filler" bs=64k 2>/dev/null || true
  out=$(abuse burst "port=$PORT" threads=4 seconds=2 "out=$WORK/acked-full" from=1000000)
  refused=$(grep -c 'is full' "$WORK/server.log" || true)
  rm -f "$state/filler"
  # The writer retries every second; then a kill -9 must lose nothing that was acknowledged.
  sleep 3
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"session":"after-full","text":"ok"}' "http://127.0.0.1:$PORT/set-status")
  kill -KILL "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  start "$state"
  local check
  cat "$WORK/acked-early" "$WORK/acked-full" >"$WORK/acked-all"
  check=$(abuse check "port=$PORT" "acked=$WORK/acked-all")
  kill -KILL "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  SERVER=
  umount "$state"
  MOUNTED=
  RESULTS+=("{\"case\":\"diskfull\",\"beforeFull\":$early,\"whileFull\":$out,\"afterSpaceReturned\":$status,\"check\":$check}")
  printf 'disk full: before %s; while full %s; log lines about the full disk %s; a write after space returned: %s; after kill -9: %s\n' \
    "$early" "$out" "$refused" "$status" "$check"
}

for c in "${CASES[@]}"; do
  case "$c" in
    flood | kill | stall | diskfull) "case_$c" ;;
    *) die "unknown case $c (flood, kill, stall, diskfull)" ;;
  esac
done
mkdir -p "$REPO_DIR/bench/results"
printf '[%s]\n' "$(IFS=,; echo "${RESULTS[*]}")" >"$REPO_DIR/bench/results/abuse-$(date -u +%Y%m%dT%H%M%SZ).json"
