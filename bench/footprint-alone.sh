#!/usr/bin/env bash
# The server's memory without tmux, under JVM flag variants: for each 'label:flags' (words NAME=value go to the
# environment), a packaged server outside tmux with the launcher's flags (bin/lib/jvm.sh) and then the variant's,
# private XDG folders and a free port, no AOT cache; 200 GET /api/state and 200 status pushes as warm-up, then
# --settle seconds of nothing; prints RSS (anonymous, file-backed) and the time from the JVM's start to the
# first /version, in ms (10 ms resolution). Cheaper and steadier than bench/footprint.sh, which measures the
# whole bench setup (20 sessions, 10 sidebars); use it to compare flags, that one for the budget.
# Usage: bench/footprint-alone.sh [--settle S=30] [--runs N=1] [--jar quarkus-run.jar] 'label:flags' ...
set -euo pipefail
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$REPO_DIR/server/target/quarkus-app/quarkus-run.jar
SETTLE=30
RUNS=1
while [[ "${1:-}" == --* ]]; do
  case "$1" in
    --settle) SETTLE=$2 ;;
    --runs) RUNS=$2 ;;
    --jar) JAR=$2 ;;
    *) echo "footprint-alone: unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
(($# > 0)) || { echo "footprint-alone: give at least one 'label:flags'" >&2; exit 2; }
[[ -f "$JAR" ]] || { echo "footprint-alone: no package at $JAR" >&2; exit 1; }
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# shellcheck source=bin/lib/jvm.sh
source "$REPO_DIR/bin/lib/jvm.sh"
server_jvm_flags "$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
WORK=$(mktemp -d)
SERVER=
cleanup() {
  [[ -n "$SERVER" ]] && kill -KILL "$SERVER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

field() {
  awk -v k="$1:" '$1 == k { print $2 }' "/proc/$SERVER/status"
}

printf '%-44s %8s %8s %8s %9s  %s\n' variant rssKiB anonKiB fileKiB startMs load
for variant in "$@"; do
  label=${variant%%:*}
  envs=()
  flags=()
  for word in ${variant#*:}; do
    if [[ "$word" =~ ^[A-Z_]+= ]]; then envs+=("$word"); else flags+=("$word"); fi
  done
  for ((r = 1; r <= RUNS; r++)); do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    dir="$WORK/$r-$port"
    mkdir -p "$dir/home" "$dir/run"
    env -u TMUX -u TMUX_PANE ${envs[@]+"${envs[@]}"} HOME="$dir/home" XDG_RUNTIME_DIR="$dir/run" \
      XDG_STATE_HOME="$dir/state" XDG_CONFIG_HOME="$dir/config" OPENSESSIONS_PORT="$port" \
      "$JAVA" "${JVM_FLAGS[@]}" ${flags[@]+"${flags[@]}"} -jar "$JAR" >"$dir/server.log" 2>&1 </dev/null &
    SERVER=$!
    deadline=$((SECONDS + 120))
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/version" 2>/dev/null; do
      if ! kill -0 "$SERVER" 2>/dev/null || ((SECONDS > deadline)); then
        printf '%-44s failed: %s\n' "$label" "$(tail -n 3 "$dir/server.log" | tr '\n' ' ')"
        SERVER=
        continue 2
      fi
      sleep 0.02
    done
    read -r up _ </proc/uptime
    started=$(awk '{ sub(/.*\) /, ""); split($0, f, " "); print f[20] }' "/proc/$SERVER/stat")
    start_ms=$(awk -v up="$up" -v st="$started" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", (up - st / hz) * 1000 }')
    for i in $(seq 1 200); do
      curl -s -o /dev/null "http://127.0.0.1:$port/api/state"
      curl -s -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"session\":\"s$((i % 20))\",\"text\":\"warm $i\"}" "http://127.0.0.1:$port/set-status"
    done
    sleep "$SETTLE"
    printf '%-44s %8s %8s %8s %9s  %s\n' "$label" "$(field VmRSS)" "$(field RssAnon)" "$(field RssFile)" "$start_ms" \
      "$(cut -d ' ' -f 1 /proc/loadavg)"
    kill -TERM "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=
  done
done
