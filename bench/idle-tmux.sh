#!/usr/bin/env bash
# Measures what the server costs while nothing happens: a private tmux server with N sessions (each in
# its own git repository), the packaged server attached to it and settled, then two quiet windows of S
# seconds: in the first it reads the CPU time the server uses (/proc/<pid>/stat, nothing attached), in
# the second it counts every program the server starts (strace on execve, when strace is installed;
# ptrace slows the traced process, which is why CPU is measured apart). With open=K, K sessions also get an
# agent that lives (a copy of sleep named claude in a second pane) and an open Claude Code thread (its last
# entry a prompt), so both windows include what keeping open threads open costs. Prints one line of JSON.
# Usage: bench/idle-tmux.sh [sessions=20] [seconds=60] [open=0]
set -euo pipefail

SESSIONS=${1:-20}
SECONDS_QUIET=${2:-60}
OPEN=${3:-0}
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib/world.sh
source "$REPO_DIR/bench/lib/world.sh"

cleanup_extra() {
  if [[ -n "${TRACE_PID:-}" ]]; then
    kill "$TRACE_PID" 2>/dev/null || true
  fi
}
private_world idle

for ((i = 1; i <= SESSIONS; i++)); do
  dir="$WORK/projects/p$i"
  mkdir -p "$dir"
  git -C "$dir" init -q -b main
  printf 'hello %s\n' "$i" >"$dir/README"
  git -C "$dir" add README
  git -C "$dir" -c user.name=bench -c user.email=bench@localhost commit -q -m init
  if ((i == 1)); then
    tmux -S "$SOCKET" -f /dev/null new-session -d -s "s$i" -c "$dir"
  else
    tmux -S "$SOCKET" new-session -d -s "s$i" -c "$dir"
  fi
done

if ((OPEN > 0)); then
  mkdir -p "$WORK/bin"
  cp "$(command -v sleep)" "$WORK/bin/claude"
fi
for ((i = 2; i <= OPEN + 1 && i <= SESSIONS; i++)); do
  dir="$WORK/projects/p$i"
  tmux -S "$SOCKET" split-window -d -t "s$i:" -c "$dir" "$WORK/bin/claude" 86400
  folder="$HOME/.claude/projects/${dir//[^a-zA-Z0-9]/-}"
  mkdir -p "$folder"
  printf '{"type":"user","cwd":"%s","sessionId":"open-%d","version":"2.0.37","timestamp":"%s","message":{"role":"user","content":"a long task"}}\n' \
    "$dir" "$i" "$(date -u +%Y-%m-%dT%H:%M:%S.000Z)" >"$folder/open-$i.jsonl"
done

"$REPO_DIR/bin/opensessions" start >&2
# A fresh runtime folder holds exactly one server's files.
PID=$(cat "$XDG_RUNTIME_DIR/opensessions-$(id -u)"/*/pid)

deadline=$((SECONDS + 30))
until [[ $(curl -s "http://127.0.0.1:$PORT/api/state" | grep -o '"name":"s[0-9]*"' | wc -l) -ge $SESSIONS ]]; do
  ((SECONDS < deadline)) || { echo "the server did not list $SESSIONS sessions" >&2; exit 1; }
  sleep 0.2
done
# Let start-up work (first listing, first git status of every repository, JIT warm-up) finish first.
sleep 20

ticks() {
  local stat rest
  stat=$(<"/proc/$PID/stat")
  rest=${stat##*) }
  read -r -a fields <<<"$rest"
  # utime and stime are fields 14 and 15 of stat, i.e. 12 and 13 after the command name.
  printf '%s' $((fields[11] + fields[12]))
}

hz=$(getconf CLK_TCK)
before=$(ticks)
sleep "$SECONDS_QUIET"
after=$(ticks)

execs="unmeasured (install strace)"
if command -v strace >/dev/null 2>&1; then
  strace -f -qq -e trace=execve -o "$WORK/execve.log" -p "$PID" &
  TRACE_PID=$!
  sleep "$SECONDS_QUIET"
  kill "$TRACE_PID" 2>/dev/null || true
  wait "$TRACE_PID" 2>/dev/null || true
  TRACE_PID=""
  execs=$(grep -c 'execve(' "$WORK/execve.log" || true)
fi
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$PID/status")
cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v s="$SECONDS_QUIET" 'BEGIN { printf "%.3f", 100 * t / hz / s }')
open_rows=$(curl -s "http://127.0.0.1:$PORT/api/state" | grep -o '"status":"running"' | wc -l || true)
printf '{"sessions":%d,"quietSeconds":%d,"openAgents":%d,"runningRowsAfter":%d,"programsStarted":"%s","cpuPercentOfOneCore":%s,"cpuTicks":%d,"rssKiB":%d}\n' \
  "$SESSIONS" "$SECONDS_QUIET" "$OPEN" "$open_rows" "$execs" "$cpu" $((after - before)) "$rss_kb"
