#!/usr/bin/env bash
# Whether the server's memory comes back after bursts of work: the setup of bench/run.sh (a private tmux with N
# sessions, each in its own git repository, and M sidebars, the server as last packaged), then B bursts, each
# followed by a quiet period. A burst is agent events from the load tool (--event-seconds), then key switches
# typed into a sidebar while WebSocket subscribers receive a stream of pushes (POST /set-status). After the
# settle and after each quiet period it records the server's RSS (anonymous, file-backed), the heap (old
# generation used and committed, the whole heap committed), compiled code, metaspace, the collections so far
# (from the JVM's performance counters, read by jstat without attaching to the server), and the server's CPU
# ticks during the last half of the quiet period (0 when nothing wakes up while idle).
# Prints a table and writes it to bench/results/long-run-<UTC timestamp>.json. JVM flags beside the launcher's
# come from OPENSESSIONS_JAVA_OPTS, as for the launcher.
# Usage: bench/long-run.sh [--sessions N=20] [--sidebars M=10] [--bursts B=4] [--settle S=60] [--quiet S=75]
#   [--event-seconds S=15] [--switches K=20] [--subscribers C=50] [--burst-rate R=50]
set -euo pipefail

SESSIONS=20
SIDEBAR_COUNT=10
BURSTS=4
SETTLE=60
QUIET_PERIOD=75
EVENT_SECONDS=15
SAMPLES=20
SUBSCRIBERS=50
BURST_RATE=50
EVENT_THREADS=16
EVENT_AGENTS=8

number() {
  [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "long-run: $1 needs a whole number" >&2; exit 2; }
}
while (($# > 0)); do
  case "$1" in
    --sessions) number "$1" "${2:-}"; SESSIONS=$2 ;;
    --sidebars) number "$1" "${2:-}"; SIDEBAR_COUNT=$2 ;;
    --bursts) number "$1" "${2:-}"; BURSTS=$2 ;;
    --settle) number "$1" "${2:-}"; SETTLE=$2 ;;
    --quiet) number "$1" "${2:-}"; QUIET_PERIOD=$2 ;;
    --event-seconds) number "$1" "${2:-}"; EVENT_SECONDS=$2 ;;
    --switches) number "$1" "${2:-}"; SAMPLES=$2 ;;
    --subscribers) number "$1" "${2:-}"; SUBSCRIBERS=$2 ;;
    --burst-rate) number "$1" "${2:-}"; BURST_RATE=$2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "long-run: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift 2
done
((SIDEBAR_COUNT >= 2)) || { echo "long-run: --sidebars must be at least 2 (the switches go between two)" >&2; exit 2; }
((SESSIONS >= SIDEBAR_COUNT + 1)) || { echo "long-run: --sessions must exceed --sidebars" >&2; exit 2; }
((BURSTS >= 1 && SAMPLES >= 1 && QUIET_PERIOD >= 2 && EVENT_SECONDS >= 1)) \
  || { echo "long-run: bursts, switches, event seconds must be at least 1, quiet at least 2" >&2; exit 2; }

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib/world.sh
source "$REPO_DIR/bench/lib/world.sh"
private_world long-run
# The first switch is not a warm-up here: every burst is measured for what it leaves, not for its latency.
WARMUP=0

# shellcheck source=bench/lib/common.sh
source "$REPO_DIR/bench/lib/common.sh"
# shellcheck source=bench/lib/tmux.sh
source "$REPO_DIR/bench/lib/tmux.sh"
# shellcheck source=bench/lib/server.sh
source "$REPO_DIR/bench/lib/server.sh"
# shellcheck source=bench/lib/report.sh
source "$REPO_DIR/bench/lib/report.sh"
# shellcheck source=bench/lib/switch.sh
source "$REPO_DIR/bench/lib/switch.sh"
# shellcheck source=bench/lib/load.sh
source "$REPO_DIR/bench/lib/load.sh"
# shellcheck source=bench/lib/agents.sh
source "$REPO_DIR/bench/lib/agents.sh"

cleanup_extra() {
  keep_failure_and_stop_clients "$1" "long-run-" long-run
}

step() {
  printf 'long-run: %s\n' "$*" >&2
}

# Reads the server's figures now into one table row and one JSON object (READING), labelled $1; $2 is the
# server's CPU ticks over the last half of the quiet period before it.
READINGS=()
TABLE=()
reading() {
  local label=$1 quiet_ticks=$2 jstat_dir gc code rss anon file
  jstat_dir=$(dirname "$JAVA_SOURCE")
  rss=$(server_status_kib VmRSS)
  anon=$(server_status_kib RssAnon)
  file=$(($(server_status_kib RssFile) + $(server_status_kib RssShmem)))
  # jstat reads the JVM's performance counters (a shared file), so the server runs no attach thread for it.
  gc=$("$jstat_dir/jstat" -gc "$PID" | awk 'NR == 1 { for (c = 1; c <= NF; c++) col[$c] = c; next }
    { printf "%.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f", $col["OU"], $col["OC"],
      $col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"], $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"],
      $col["MU"], $col["CCSU"], $col["YGC"], $col["FGC"], $col["MC"], $col["CCSC"] }') \
    || die "jstat could not read the server's counters"
  code=$("$jstat_dir/jstat" -J-Djstat.showUnsupported=true -snap "$PID" | awk -F= '$1 == "sun.ci.nmethodCodeSize" { print $2 }')
  local ou oc hc hu mu ccsu ygc fgc mc ccsc
  read -r ou oc hc hu mu ccsu ygc fgc mc ccsc <<<"$gc"
  READINGS+=("{\"after\":$(json_str "$label"),\"rssKiB\":$rss,\"rssAnonKiB\":$anon,\"rssFileKiB\":$file,\"oldUsedKiB\":$ou,\"oldCommittedKiB\":$oc,\"heapUsedKiB\":$hu,\"heapCommittedKiB\":$hc,\"metaspaceUsedKiB\":$mu,\"classSpaceUsedKiB\":$ccsu,\"metaspaceCommittedKiB\":$((mc + ccsc)),\"compiledCodeBytes\":${code:-null},\"youngCollections\":$ygc,\"fullCollections\":$fgc,\"quietTicks\":$quiet_ticks,\"quietThreads\":$(json_str "${QUIET_THREADS:-}"),\"load\":$(json_str "$(cut -d ' ' -f 1-3 /proc/loadavg)")}")
  TABLE+=("$label"$'\t'"$(mib "$rss") ($(mib "$anon") / $(mib "$file"))"$'\t'"$(mb "$rss")"$'\t'"$(mib "$ou") / $(mib "$oc")"$'\t'"$(mib "$hc")"$'\t'"$(awk -v b="${code:-0}" 'BEGIN { printf "%.1f", b / 1048576 }')"$'\t'"$(mib "$((mu + ccsu))")"$'\t'"$ygc / $fgc"$'\t'"$quiet_ticks ${QUIET_THREADS:-}")
}

# Waits $1 seconds; sets QUIET_TICKS to the server's CPU ticks over the second half, QUIET_THREADS to the threads
# that used them (name:ticks, busiest first).
quiet() {
  local half=$(($1 / 2)) before
  sleep $(($1 - half))
  before=$(ticks)
  thread_ticks >"$WORK/threads.before"
  sleep "$half"
  QUIET_TICKS=$(($(ticks) - before))
  thread_ticks >"$WORK/threads.after"
  QUIET_THREADS=$(awk 'NR == FNR { was[$1] = $2; next } { used = $2 - was[$1]; if (used > 0) by[$3] += used }
    END { for (n in by) print by[n], n }' "$WORK/threads.before" "$WORK/threads.after" \
    | sort -rn | head -n 4 | awk '{ printf "%s%s:%s", (NR > 1 ? "," : ""), $2, $1 }')
}

# Key switches typed into the sidebars while $SUBSCRIBERS WebSocket subscribers receive $BURST_RATE pushes a
# second: bench/run.sh's measurement, except that subscribers which do not all get their first state (seen now
# and then after a burst of events, with and without this change's flags) are noted and the switches go on
# without them, instead of ending the run.
clients_burst() {
  local line summary subs_pid to_subs from_subs
  rm -f "$WORK/subs.in" "$WORK/subs.out"
  mkfifo "$WORK/subs.in" "$WORK/subs.out"
  load_tool subscribers "port=$OPENSESSIONS_PORT" "count=$SUBSCRIBERS" "rate=$BURST_RATE" "session=$(name "$SESSIONS")" \
    <"$WORK/subs.in" >"$WORK/subs.out" 2>"$WORK/subscribers.err" &
  subs_pid=$!
  exec {to_subs}>"$WORK/subs.in" {from_subs}<"$WORK/subs.out"
  line=""
  read -r -t 120 -u "$from_subs" line || true
  if [[ "$line" != ready ]]; then
    RESULTS+=("\"subscribersFailed\":$(json_str "$(grep -m 1 Exception "$WORK/subscribers.err")")")
  fi
  switch_samples keyloaded 0.2
  # The tool may have ended already (no reader on the FIFO): no SIGPIPE for this shell.
  (trap '' PIPE; printf 'stop\n' >&"$to_subs") 2>/dev/null || true
  summary=""
  read -r -t 60 -u "$from_subs" summary || true
  exec {to_subs}>&- {from_subs}<&-
  wait "$subs_pid" 2>/dev/null || true
  [[ "$summary" == "{"* ]] || summary=null
  summarize keyloaded
  RESULTS+=("\"keyToSwitchWithSubscribersMs\":{\"p50\":$P50,\"p99\":$P99,\"load\":$summary}")
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
start_control_client "$(name "$SESSIONS")"
attach_client
step "settling for $SETTLE s"
quiet "$SETTLE"
reading "settled" "$QUIET_TICKS"
BURST_JSON=()
for ((burst = 1; burst <= BURSTS; burst++)); do
  RESULTS=()
  step "burst $burst of $BURSTS: agent events for $EVENT_SECONDS s"
  measure_events "$EVENT_THREADS" "$EVENT_AGENTS" 0 "$EVENT_SECONDS"
  step "burst $burst of $BURSTS: $SAMPLES switches with $SUBSCRIBERS subscribers and $BURST_RATE pushes a second"
  clients_burst
  BURST_JSON+=("{$(IFS=,; printf '%s' "${RESULTS[*]}")}")
  QUIET_THREADS=""
  reading "burst $burst" 0
  step "quiet for $QUIET_PERIOD s"
  quiet "$QUIET_PERIOD"
  reading "quiet after burst $burst" "$QUIET_TICKS"
done

mkdir -p "$REPO_DIR/bench/results"
RESULT_FILE="$REPO_DIR/bench/results/long-run-$(date -u +%Y%m%dT%H%M%SZ).json"
{
  printf '{"settings":{"sessions":%d,"sidebars":%d,"bursts":%d,"settle":%d,"quiet":%d,"eventSeconds":%d,"switches":%d,"subscribers":%d,"burstRate":%d,"javaOpts":%s,"packageBuilt":%s,"loadAverage":{"start":%s,"end":%s}},' \
    "$SESSIONS" "$SIDEBAR_COUNT" "$BURSTS" "$SETTLE" "$QUIET_PERIOD" "$EVENT_SECONDS" "$SAMPLES" "$SUBSCRIBERS" "$BURST_RATE" \
    "$(json_str "${OPENSESSIONS_JAVA_OPTS:-}")" "$(json_str "$PACKAGE_BUILT")" "$(json_str "$LOAD_AT_START")" \
    "$(json_str "$(cut -d ' ' -f 1-3 /proc/loadavg)")"
  printf '"readings":[%s],' "$(IFS=,; printf '%s' "${READINGS[*]}")"
  printf '"bursts":[%s]}\n' "$(IFS=,; printf '%s' "${BURST_JSON[*]}")"
} >"$RESULT_FILE"
printf '%d sessions, %d sidebars, %d bursts, %d s quiet, load average %s at the start, %s at the end; extra flags: %s\n\n' \
  "$SESSIONS" "$SIDEBAR_COUNT" "$BURSTS" "$QUIET_PERIOD" "$LOAD_AT_START" "$(cut -d ' ' -f 1-3 /proc/loadavg)" \
  "${OPENSESSIONS_JAVA_OPTS:-none}"
printf '%s\n' "after"$'\t'"RSS MiB (anon / file)"$'\t'"RSS MB"$'\t'"old gen MiB used / committed"$'\t'"heap committed MiB"$'\t'"code MiB"$'\t'"metaspace MiB"$'\t'"collections young / full"$'\t'"CPU ticks, last half of quiet" \
  "${TABLE[@]}" | column -t -s $'\t' -o ' | '
print_table
printf '\n%s\n' "${RESULT_FILE#"$REPO_DIR"/}"
