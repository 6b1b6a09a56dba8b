#!/usr/bin/env bash
# The server's memory and start without tmux, under JVM flag variants: for each 'label:flags' (words NAME=value
# go to the environment), a packaged server outside tmux with the launcher's flags (bin/lib/jvm.sh) and then the
# variant's, private XDG folders (the state folder kept across the starts of a variant, as across restarts)
# and a free port; 200 GET /api/state and 200 status pushes as warm-up, then
# --settle seconds of nothing; prints RSS (anonymous, file-backed, KiB), the time from the JVM's start to the
# first /version (ms, 10 ms resolution) and the CPU the JVM spent until then (user + system, ms, 10 ms
# resolution: less sensitive to a loaded machine than the wall time), and the load average.
# Without --aot the JVM starts with no AOT cache (a cold start); with --aot a cache is first recorded for the
# variant's flags by a training run, as the launcher does, and every run starts from it (a warm start).
# Cheaper and steadier than bench/footprint.sh, which measures the whole bench setup (20 sessions, 10 sidebars);
# use it to compare flags, that one for the budget.
# Usage: bench/footprint-alone.sh [--settle S=30] [--runs N=1] [--aot] [--jar quarkus-run.jar] 'label:flags' ...
set -euo pipefail
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$REPO_DIR/server/target/quarkus-app/quarkus-run.jar
AOT=0
# --aot takes no value: it is turned into '--aot 1' before the options are read.
variant_option() {
  case "$1" in
    --jar) JAR=$2 ;;
    --aot) AOT=$2 ;;
    *) return 1 ;;
  esac
}
args=()
for arg in "$@"; do
  if [[ "$arg" == --aot ]]; then args+=(--aot 1); else args+=("$arg"); fi
done
# shellcheck source=bench/lib/world.sh
source "$REPO_DIR/bench/lib/world.sh"
variant_args footprint-alone "${args[@]}"
[[ -f "$JAR" ]] || { echo "footprint-alone: no package at $JAR" >&2; exit 1; }
# shellcheck source=bench/lib/jdk.sh
source "$REPO_DIR/bench/lib/jdk.sh"
find_jdk 21 || { echo "footprint-alone: needs a JDK 21 or newer (JAVA_HOME, PATH or /usr/lib/jvm)" >&2; exit 1; }
# shellcheck source=bin/lib/jvm.sh
source "$REPO_DIR/bin/lib/jvm.sh"
server_jvm_flags "$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
WORK=$(mktemp -d)
SERVER=
HZ=$(getconf CLK_TCK)
cleanup() {
  [[ -n "$SERVER" ]] && kill -KILL "$SERVER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

field() {
  awk -v k="$1:" '$1 == k { print $2 }' "/proc/$SERVER/status"
}

# Starts the server with the given JVM flags in a fresh private folder $dir and waits for its first /version;
# returns non-zero when it exits or does not answer within 120 s.
start() {
  local deadline=$((SECONDS + 120))
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  dir="$WORK/$RANDOM-$port"
  mkdir -p "$dir/home" "$dir/run"
  env -u TMUX -u TMUX_PANE ${ENVS[@]+"${ENVS[@]}"} HOME="$dir/home" XDG_RUNTIME_DIR="$dir/run" \
    XDG_STATE_HOME="$STATE" XDG_CONFIG_HOME="$dir/config" OPENSESSIONS_PORT="$port" \
    "$JAVA" "$@" -jar "$JAR" >"$dir/server.log" 2>&1 </dev/null &
  SERVER=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/version" 2>/dev/null; do
    if ! kill -0 "$SERVER" 2>/dev/null || ((SECONDS > deadline)); then
      kill -KILL "$SERVER" 2>/dev/null || true
      SERVER=
      return 1
    fi
    sleep 0.02
  done
}

stop() {
  kill -TERM "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  SERVER=
}

printf '%-44s %8s %8s %8s %8s %8s  %s\n' variant rssKiB anonKiB fileKiB startMs cpuMs load
for variant in "${VARIANTS[@]}"; do
  split_variant "$variant"
  # The database and what the server keeps beside it last across the variant's starts, as across restarts.
  STATE="$WORK/state-$RANDOM"
  aot=()
  if ((AOT)); then
    cache="$WORK/$RANDOM.aot"
    if ! start "${JVM_FLAGS[@]}" ${FLAGS[@]+"${FLAGS[@]}"} "-XX:AOTCacheOutput=$cache"; then
      printf '%-44s failed to record its AOT cache: %s\n' "$LABEL" "$(tail -n 3 "$dir/server.log" | tr '\n' ' ')"
      continue
    fi
    stop
    aot=("-XX:AOTCache=$cache")
  fi
  for ((r = 1; r <= RUNS; r++)); do
    if ! start "${JVM_FLAGS[@]}" ${FLAGS[@]+"${FLAGS[@]}"} ${aot[@]+"${aot[@]}"}; then
      printf '%-44s failed: %s\n' "$LABEL" "$(tail -n 3 "$dir/server.log" | tr '\n' ' ')"
      continue
    fi
    read -r up _ </proc/uptime
    stat=$(<"/proc/$SERVER/stat")
    read -r -a f <<<"${stat##*) }"
    start_ms=$(awk -v up="$up" -v st="${f[19]}" -v hz="$HZ" 'BEGIN { printf "%.0f", (up - st / hz) * 1000 }')
    cpu_ms=$(((f[11] + f[12]) * 1000 / HZ))
    for i in $(seq 1 200); do
      curl -s -o /dev/null "http://127.0.0.1:$port/api/state"
      curl -s -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"session\":\"s$((i % 20))\",\"text\":\"warm $i\"}" "http://127.0.0.1:$port/set-status"
    done
    sleep "$SETTLE"
    printf '%-44s %8s %8s %8s %8s %8s  %s\n' "$LABEL" "$(field VmRSS)" "$(field RssAnon)" "$(field RssFile)" "$start_ms" \
      "$cpu_ms" "$(cut -d ' ' -f 1 /proc/loadavg)"
    stop
  done
done
