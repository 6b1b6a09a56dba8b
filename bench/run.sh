#!/usr/bin/env bash
# The one benchmark command (docs/explanation/performance.md): measures every budget on
# a private tmux server with N sessions (each in its own git repository) and M sidebars, with the server as
# last packaged (built once when missing), a private HOME and XDG folders and a free port. In this order:
# server idle CPU (nothing attached, 50 idle agent transcripts watched, 5 open threads whose agent processes
# live), memory per sidebar pane, first paint,
# HTTP push to visible, a Claude Code transcript line to visible, key to
# client switched, the same switch while WebSocket subscribers receive a burst, agent events accepted per
# second (none lost), server start to ready over restarts. Prints a table (what | measured | budget |
# holds) and writes it with the raw numbers to bench/results/<UTC timestamp>.json.
# Timings are nearest-rank p50 and p99 over the samples, after 3 warm-up samples (the first reported as
# "cold"); every wait has a deadline.
# Usage: bench/run.sh [--sessions N=20] [--sidebars M=10] [--samples K=30] [--idle S=60] [--settle S=60]
#   [--restarts R=5] [--subscribers C=100] [--burst-rate R=50] [--event-connections C=16] [--event-agents A=8]
#   [--event-loops L=1] [--event-warmup S=15] [--event-seconds S=10] [--event-rest S=0] [--only LIST] [--quick]
# --event-connections is the number of concurrent event senders (kept-alive connections, one request in flight
# each, driven by L selector threads of the load tool); --event-threads is its older name. --event-rest S reads the
# server's RSS S seconds after the event load (what a burst leaves behind); 0 skips it.
# --quick is a smoke run for development: 5 samples, 10 s idle, 3 s settle, 2 restarts, 3 s of events.
# --only takes a comma-separated list of the measurements to take (idle, memory, paint, push, transcript,
# key, subscribers, events, start); the setup is the same, the others are skipped.
set -euo pipefail

SESSIONS=20
SIDEBAR_COUNT=10
SAMPLES=30
QUIET=60
SETTLE=60
RESTARTS=5
SUBSCRIBERS=100
BURST_RATE=50
EVENT_THREADS=16
EVENT_LOOPS=1
EVENT_REST=0
EVENTS_BROKEN=''
EVENT_AGENTS=8
EVENT_WARMUP=15
EVENT_SECONDS=10
SIDEBAR_WIDTH=26
MEASUREMENTS=idle,memory,paint,push,transcript,key,subscribers,events,start
ONLY=$MEASUREMENTS

number() {
  [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "bench: $1 needs a whole number" >&2; exit 2; }
}
while (($# > 0)); do
  case "$1" in
    --quick) SAMPLES=5 QUIET=10 SETTLE=3 RESTARTS=2 EVENT_WARMUP=1 EVENT_SECONDS=3; shift; continue ;;
    --sessions) number "$1" "${2:-}"; SESSIONS=$2 ;;
    --sidebars) number "$1" "${2:-}"; SIDEBAR_COUNT=$2 ;;
    --samples) number "$1" "${2:-}"; SAMPLES=$2 ;;
    --idle) number "$1" "${2:-}"; QUIET=$2 ;;
    --settle) number "$1" "${2:-}"; SETTLE=$2 ;;
    --restarts) number "$1" "${2:-}"; RESTARTS=$2 ;;
    --subscribers) number "$1" "${2:-}"; SUBSCRIBERS=$2 ;;
    --burst-rate) number "$1" "${2:-}"; BURST_RATE=$2 ;;
    --event-connections | --event-threads) number "$1" "${2:-}"; EVENT_THREADS=$2 ;;
    --event-loops) number "$1" "${2:-}"; EVENT_LOOPS=$2 ;;
    --event-rest) number "$1" "${2:-}"; EVENT_REST=$2 ;;
    --event-agents) number "$1" "${2:-}"; EVENT_AGENTS=$2 ;;
    --event-seconds) number "$1" "${2:-}"; EVENT_SECONDS=$2 ;;
    --event-warmup) number "$1" "${2:-}"; EVENT_WARMUP=$2 ;;
    --only)
      [[ "${2:-}" =~ ^[a-z]+(,[a-z]+)*$ ]] || { echo "bench: --only needs a list such as paint,push" >&2; exit 2; }
      for m in ${2//,/ }; do
        [[ ",$MEASUREMENTS," == *",$m,"* ]] || { echo "bench: --only: unknown measurement $m (one of $MEASUREMENTS)" >&2; exit 2; }
      done
      ONLY=$2
      ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift 2
done
((SIDEBAR_COUNT >= 2)) || { echo "bench: --sidebars must be at least 2 (the key test switches between two)" >&2; exit 2; }
((SESSIONS >= SIDEBAR_COUNT + 1)) || { echo "bench: --sessions must exceed --sidebars (the poller sits in the last session)" >&2; exit 2; }
((SAMPLES >= 1 && RESTARTS >= 1 && QUIET >= 1)) || { echo "bench: samples, restarts and idle must be at least 1" >&2; exit 2; }

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib/world.sh
source "$REPO_DIR/bench/lib/world.sh"
# The build, if one is needed, uses the user's Maven repository, not the private HOME of the run.
private_world bench

# shellcheck source=bench/lib/common.sh
source "$REPO_DIR/bench/lib/common.sh"
# shellcheck source=bench/lib/tmux.sh
source "$REPO_DIR/bench/lib/tmux.sh"
# shellcheck source=bench/lib/server.sh
source "$REPO_DIR/bench/lib/server.sh"
# shellcheck source=bench/lib/report.sh
source "$REPO_DIR/bench/lib/report.sh"
# shellcheck source=bench/lib/sidebar.sh
source "$REPO_DIR/bench/lib/sidebar.sh"
# shellcheck source=bench/lib/switch.sh
source "$REPO_DIR/bench/lib/switch.sh"
# shellcheck source=bench/lib/load.sh
source "$REPO_DIR/bench/lib/load.sh"
# shellcheck source=bench/lib/agents.sh
source "$REPO_DIR/bench/lib/agents.sh"

cleanup_extra() {
  keep_failure_and_stop_clients "$1" "" bench
}

step() {
  printf 'bench: %s\n' "$*" >&2
}

LOAD_AT_START=$(cut -d ' ' -f 1-3 /proc/loadavg)
find_source_java
prepare_package
step "$SESSIONS sessions"
make_sessions "$SESSIONS"
seed_idle_transcripts 50
seed_open_agents 5
start_server
step "$SIDEBAR_COUNT sidebars"
open_sidebars "$SIDEBAR_COUNT" "$SESSIONS"
# The JIT keeps compiling what the start and the opening of the sidebars made hot for about a minute;
# idle is measured after that, as a server that runs for hours spends its idle time.
sleep "$SETTLE"

# Whether --only asked for this measurement (all of them without --only).
wanted() {
  [[ ",$ONLY," == *",$1,"* ]]
}

if wanted idle; then
  step "idle for $QUIET s"
  measure_idle "$QUIET"
fi
wanted memory && measure_memory
start_control_client "$(name "$SESSIONS")"
measure_resolution
if wanted paint; then
  step "first paint"
  measure_paint
fi
if wanted push; then
  step "push to visible"
  measure_push
fi
if wanted transcript; then
  step "transcript to visible"
  measure_transcript
fi
if wanted key || wanted subscribers; then
  attach_client
fi
if wanted key; then
  step "key to switched"
  measure_key
fi
if wanted subscribers; then
  step "key to switched with $SUBSCRIBERS subscribers"
  measure_switch_under_subscribers "$SUBSCRIBERS" "$BURST_RATE"
fi
if wanted events; then
  step "agent events"
  measure_events "$EVENT_THREADS" "$EVENT_AGENTS" "$EVENT_WARMUP" "$EVENT_SECONDS" "$EVENT_LOOPS"
fi
if wanted start; then
  step "start to ready without tmux"
  measure_start_alone "$RESTARTS"
  step "start to ready in tmux"
  measure_start "$RESTARTS"
fi

mkdir -p "$REPO_DIR/bench/results"
RESULT_FILE="$REPO_DIR/bench/results/$(date -u +%Y%m%dT%H%M%SZ).json"
write_json "{\"only\":$(json_str "$ONLY"),\"sessions\":$SESSIONS,\"sidebars\":$SIDEBAR_COUNT,\"samples\":$SAMPLES,\"warmup\":$WARMUP,\"packageBuilt\":$(json_str "$PACKAGE_BUILT"),\"cores\":$(nproc),\"loadAverage\":{\"start\":$(json_str "$LOAD_AT_START"),\"end\":$(json_str "$(cut -d ' ' -f 1-3 /proc/loadavg)")},\"java\":$(json_str "$("$JAVA_SOURCE" -version 2>&1 | head -n 1)")}" "$RESULT_FILE"
printf '%d sessions, %d sidebars, %d samples, load average %s at the start, %s at the end\n\n' "$SESSIONS" \
  "$SIDEBAR_COUNT" "$SAMPLES" "$LOAD_AT_START" "$(cut -d ' ' -f 1-3 /proc/loadavg)"
print_table
printf '\n%s\n' "${RESULT_FILE#"$REPO_DIR"/}"
[[ -z "$EVENTS_BROKEN" ]] || die "FAILED: $EVENTS_BROKEN"
