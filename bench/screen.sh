#!/usr/bin/env bash
# Measures pane screen detection: a private tmux server with a session s01 (the sidebar's) and A sessions
# g01..gA, each pane running a stand-in agent named gemini (so the shipped Gemini CLI rule recognises its
# process) that draws its input prompt and then waits, printing nothing; the packaged server attached to it
# and settled (S seconds). Then:
#  - idle: the server's and the tmux server's CPU over Q quiet seconds (/proc/<pid>/stat), then, in a second
#    window of Q seconds, every program started and every process forked by either (strace, when installed;
#    ptrace slows the traced process, which is why CPU is measured apart);
#  - the pane copiers: how many agent panes are piped (`pipe-pane` runs bin/opensessions-pipe, which becomes
#    one `cat` per pane), and each copier's RSS and PSS (/proc/<pid>/smaps_rollup), averaged;
#  - latency: R rounds on the agents in turn, each timed from the key that makes the stand-in draw to the
#    moment the sidebar's row of its session shows the new signal: "work" after the pane was quiet for 3 s
#    (a cold pane: nothing is read until the pane's output is reported), then "ask" right after it (a pane
#    still printing, read every 150 ms), then "idle" (not timed).
# Prints one line of JSON.
# Usage: bench/screen.sh [agents=10] [quiet=60] [rounds=20] [settle=60]
set -euo pipefail

AGENTS=${1:-10}
QUIET=${2:-60}
ROUNDS=${3:-20}
SETTLE=${4:-60}
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/opensessions-screen.XXXXXX")
SOCKET="$WORK/tmux.sock"
PORT=${OPENSESSIONS_PORT:-$((40000 + RANDOM % 10000))}
export HOME="$WORK/home" XDG_STATE_HOME="$WORK/state" XDG_CONFIG_HOME="$WORK/config" XDG_RUNTIME_DIR="$WORK/run"
export OPENSESSIONS_PORT=$PORT TMUX="$SOCKET,1,0"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$WORK/bin"
# shellcheck source=bench/lib/common.sh
source "$REPO_DIR/bench/lib/common.sh"
# shellcheck source=bench/lib/tmux.sh
source "$REPO_DIR/bench/lib/tmux.sh"
# shellcheck source=bench/lib/server.sh
source "$REPO_DIR/bench/lib/server.sh"

TRACE_PID=""
cleanup() {
  if [[ -n "$TRACE_PID" ]]; then
    kill "$TRACE_PID" 2>/dev/null || true
  fi
  if [[ -n "$CONTROL_PID" ]]; then
    kill "$CONTROL_PID" 2>/dev/null || true
  fi
  "$REPO_DIR/bin/opensessions" stop >/dev/null 2>&1 || true
  tmux -S "$SOCKET" kill-server 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The stand-in: draws the screen named by each line it reads, with bash builtins only (no process per draw).
cat >"$WORK/bin/gemini" <<'AGENT'
#!/bin/bash
draw() {
  printf '\033[H\033[2J'
  case "$1" in
    ask) printf '%s\n' ' Allow execution of: rm -rf build?' ' ● 1. Yes, allow once' '   2. No (esc)' \
           ' Waiting for user confirmation...' ;;
    work) printf '%s\n' ' ⠋ Refactoring the parser (esc to cancel, 4s)' '' ' > ' ;;
    *) printf '%s\n' '' ' > Type your message or @path/to/file' ;;
  esac
}
draw idle
while IFS= read -r what; do draw "$what"; done
AGENT
chmod +x "$WORK/bin/gemini"

mkdir -p "$WORK/projects/s01"
t -f /dev/null new-session -d -s s01 -x 160 -y 50 -c "$WORK/projects/s01"
for ((i = 1; i <= AGENTS; i++)); do
  g=$(printf 'g%02d' "$i")
  mkdir -p "$WORK/projects/$g"
  t new-session -d -s "$g" -x 120 -y 40 -c "$WORK/projects/$g" "$WORK/bin/gemini"
done

TMUX_PANE=$(t display-message -p -t s01: '#{pane_id}') "$REPO_DIR/bin/opensessions" start >&2
PID=$(cat "$XDG_RUNTIME_DIR/opensessions-$(id -u)"/*/pid)
TMUX_PID=$(t display-message -p '#{pid}')
SIDEBAR=$(t list-panes -t s01: -F '#{pane_title} #{pane_id}' | awk '$1 == "opensessions-sidebar" { print $2 }')
[[ -n "$SIDEBAR" ]] || die "no sidebar opened in s01"
start_control_client s01

deadline=$((SECONDS + 60))
until [[ $(curl -s "http://127.0.0.1:$PORT/debug/agents" | grep -c '"key" : "gemini:pane:') -ge $AGENTS ]]; do
  ((SECONDS < deadline)) || die "the server did not list $AGENTS pane agents"
  pause 0.2
done
# Let start-up work (first listing, JIT warm-up) finish first.
sleep "$SETTLE"

proc_ticks() {
  local stat rest
  local -a fields
  stat=$(<"/proc/$1/stat")
  rest=${stat##*) }
  read -r -a fields <<<"$rest"
  printf '%s' $((fields[11] + fields[12]))
}

# The copiers: the `cat` processes tmux started for pipe-pane (children of the tmux server that are no pane's
# own process: the sidebar pane's shim is a `cat` too).
copiers=0 copier_rss=0 copier_pss=0
pane_pids=" $(t list-panes -a -F '#{pane_pid}' | tr '\n' ' ') "
for child in $(ps -o pid= --ppid "$TMUX_PID"); do
  [[ "$pane_pids" != *" $child "* ]] || continue
  [[ "$(cat "/proc/$child/comm" 2>/dev/null)" == cat ]] || continue
  copiers=$((copiers + 1))
  copier_rss=$((copier_rss + $(awk '$1 == "Rss:" { print $2 }' "/proc/$child/smaps_rollup")))
  copier_pss=$((copier_pss + $(awk '$1 == "Pss:" { print $2 }' "/proc/$child/smaps_rollup")))
done
copier_rss_avg=$(awk -v n="$copiers" -v t="$copier_rss" 'BEGIN { printf (n ? "%.0f" : "null"), (n ? t / n : 0) }')
copier_pss_avg=$(awk -v n="$copiers" -v t="$copier_pss" 'BEGIN { printf (n ? "%.0f" : "null"), (n ? t / n : 0) }')

hz=$(getconf CLK_TCK)
load_idle=$(cut -d ' ' -f 1-3 /proc/loadavg)
thread_ticks >"$WORK/threads.before"
server_before=$(proc_ticks "$PID")
tmux_before=$(proc_ticks "$TMUX_PID")
sleep "$QUIET"
server_ticks=$(($(proc_ticks "$PID") - server_before))
tmux_ticks=$(($(proc_ticks "$TMUX_PID") - tmux_before))
thread_ticks >"$WORK/threads.after"
# The server's threads that used CPU while idle, busiest first, as name:ticks.
threads=$(awk 'NR == FNR { was[$1] = $2; next } { used = $2 - was[$1]; if (used > 0) by[$3] += used }
  END { for (n in by) print by[n], n }' "$WORK/threads.before" "$WORK/threads.after" \
  | sort -rn | head -n 6 | awk '{ printf "%s%s:%s", (NR > 1 ? "," : ""), $2, $1 }')
cpu=$(awk -v t="$server_ticks" -v hz="$hz" -v s="$QUIET" 'BEGIN { printf "%.3f", 100 * t / hz / s }')
tmux_cpu=$(awk -v t="$tmux_ticks" -v hz="$hz" -v s="$QUIET" 'BEGIN { printf "%.3f", 100 * t / hz / s }')

started="unmeasured (install strace)"
if command -v strace >/dev/null 2>&1; then
  strace -f -qq -e trace=execve,fork,vfork,clone,clone3 -o "$WORK/trace.log" -p "$PID" -p "$TMUX_PID" &
  TRACE_PID=$!
  sleep "$QUIET"
  kill "$TRACE_PID" 2>/dev/null || true
  wait "$TRACE_PID" 2>/dev/null || true
  TRACE_PID=""
  # A new thread of the JVM is a clone with CLONE_THREAD: not a process.
  started=$(grep -E 'execve\(|fork\(|clone3?\(' "$WORK/trace.log" | grep -vc 'CLONE_THREAD' || true)
fi

# Sets GLYPH to the signal on the sidebar row of session $1.
glyph() {
  capture "$SIDEBAR"
  GLYPH=$(printf '%s\n' "$OUT" | awk -v s="$1" '$NF == s && NF >= 3 { print $(NF - 1); exit }')
}

# Types line $2 into agent pane $1 through the control client and sets T0 to the time it was sent.
draw() {
  ctl "send-keys -t $1 -l $2" || die "send-keys failed"
  ctl "send-keys -t $1 Enter" || die "send-keys failed"
  now
  T0=$NOW
}

# Waits until session $1's signal matches the pattern $2; records the ms since T0 in series $3.
await_glyph() {
  local deadline=$((T0 + 20000 * 1000000))
  while :; do
    glyph "$1"
    now
    # shellcheck disable=SC2053
    if [[ "$GLYPH" == $2 ]]; then
      echo $(((NOW - T0) / 1000)) >>"$WORK/$3"
      return 0
    fi
    ((NOW < deadline)) || die "session $1 never showed $2 (last: '$GLYPH')"
    pause 0.01
  done
}

load_rounds=$(cut -d ' ' -f 1-3 /proc/loadavg)
: >"$WORK/cold"
: >"$WORK/hot"
((AGENTS > 0)) || ROUNDS=0
for ((r = 0; r < ROUNDS; r++)); do
  g=$(printf 'g%02d' $((r % AGENTS + 1)))
  pane=$(t display-message -p -t "$g:" '#{pane_id}')
  pause 3
  draw "$pane" work
  await_glyph "$g" '[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]' cold
  draw "$pane" ask
  await_glyph "$g" '◉' hot
  draw "$pane" idle
  await_glyph "$g" '[●✓○]' done
done
read -r cold50 cold99 < <(percentiles 1000 <"$WORK/cold")
read -r hot50 hot99 < <(percentiles 1000 <"$WORK/hot")
cold_max=$(sort -n "$WORK/cold" | awk 'END { printf (NR ? "%.1f" : "null"), $1 / 1000 }')
hot_max=$(sort -n "$WORK/hot" | awk 'END { printf (NR ? "%.1f" : "null"), $1 / 1000 }')

printf '{"agents":%d,"quietSeconds":%d,"loadIdle":"%s","serverCpuPercentOfOneCore":%s,"busiestThreads":"%s","tmuxCpuPercentOfOneCore":%s,"processesStartedWhileIdle":"%s","copiers":%d,"copierRssKiB":%s,"copierPssKiB":%s,"rounds":%d,"loadRounds":"%s","coldPaneMs":{"p50":%s,"p99":%s,"max":%s},"printingPaneMs":{"p50":%s,"p99":%s,"max":%s}}\n' \
  "$AGENTS" "$QUIET" "$load_idle" "$cpu" "$threads" "$tmux_cpu" "$started" "$copiers" "$copier_rss_avg" \
  "$copier_pss_avg" "$ROUNDS" "$load_rounds" \
  "$cold50" "$cold99" "$cold_max" "$hot50" "$hot99" "$hot_max"
