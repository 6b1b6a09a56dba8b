#!/usr/bin/env bash
# Measures the sidebar budgets of DESIGN 8 on a private tmux server: SESSIONS sessions (each in its own
# git repository), the packaged server started through bin/opensessions, a sidebar in the window of the
# first W sessions. Then, in this order:
#   1. idle: server CPU ticks (/proc/<pid>/stat) and bytes written while nothing happens for QUIET
#      seconds (server wchar, and what the sidebar shims read from their sockets), no client attached;
#   2. memory of each sidebar pane: RSS and PSS summed over the pane's process and its descendants;
#   3. first paint: split-window (over the control client) of a new sidebar in a new window until
#      capture-pane shows " sessions";
#   4. push: POST /set-status for the session a sidebar describes until capture-pane shows the text;
#   5. key: a digit sent to the sidebar of an attached client's window until that client changed session.
# Screens are polled through a tmux control-mode client (capture-pane without starting a process per poll);
# the cost of one capture-pane, through it and through a tmux client, is reported as the resolution.
# Timings are nearest-rank percentiles over N samples after 3 warm-up samples (the first one is reported
# as "cold"), in milliseconds; every wait has a deadline. Prints one line of JSON.
# Usage: bench/sidebar.sh [windows=10] [samples=30]
# Environment: OPENSESSIONS_BENCH_SESSIONS (20), OPENSESSIONS_BENCH_QUIET (60 seconds),
#   OPENSESSIONS_BENCH_PREBUILT=1 runs the server as built in server/target, never rebuilding it (the
#   launcher and jar are copied to a private folder, so a source edited since the build is ignored).
set -euo pipefail

WINDOWS=${1:-10}
SAMPLES=${2:-30}
SESSIONS=${OPENSESSIONS_BENCH_SESSIONS:-20}
SECONDS_QUIET=${OPENSESSIONS_BENCH_QUIET:-60}
((WINDOWS >= 2)) || { echo "windows must be at least 2 (the key test switches between two sidebars)" >&2; exit 2; }
((SESSIONS >= WINDOWS)) || SESSIONS=$WINDOWS
SETTLE_S=${OPENSESSIONS_BENCH_SETTLE:-20}
WARMUP=3
WIDTH=26
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/opensessions-sidebar.XXXXXX")
SOCKET="$WORK/tmux.sock"
PORT=${OPENSESSIONS_PORT:-$((40000 + RANDOM % 10000))}
export HOME="$WORK/home" XDG_STATE_HOME="$WORK/state" XDG_CONFIG_HOME="$WORK/config" XDG_RUNTIME_DIR="$WORK/run"
export OPENSESSIONS_PORT=$PORT TMUX="$SOCKET,1,0"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"

LAUNCH_DIR=$REPO_DIR
if [[ "${OPENSESSIONS_BENCH_PREBUILT:-}" == 1 ]]; then
  [[ -f "$REPO_DIR/server/target/quarkus-app/quarkus-run.jar" ]] || { echo "the server was never built" >&2; exit 1; }
  LAUNCH_DIR="$WORK/prebuilt"
  mkdir -p "$LAUNCH_DIR/bin" "$LAUNCH_DIR/server/target"
  cp -p "$REPO_DIR/bin/opensessions" "$REPO_DIR/bin/opensessions-pane" "$REPO_DIR/bin/opensessions-sessionizer" "$LAUNCH_DIR/bin/"
  cp -pR "$REPO_DIR/bin/lib" "$LAUNCH_DIR/bin/"
  cp -a "$REPO_DIR/server/target/quarkus-app" "$LAUNCH_DIR/server/target/"
fi

CLIENT_PID=""
CONTROL_PID=""
cleanup() {
  local pid
  for pid in "$CLIENT_PID" "$CONTROL_PID"; do
    if [[ -n "$pid" ]]; then
      kill "$pid" 2>/dev/null || true
    fi
  done
  "$LAUNCH_DIR/bin/opensessions" stop >/dev/null 2>&1 || true
  tmux -S "$SOCKET" kill-server 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

t() {
  tmux -S "$SOCKET" "$@"
}

# Sets NOW to the wall clock in ns. EPOCHREALTIME (bash 5) is read without starting a process; date +%s%N
# costs a fork and an exec, which on a loaded machine is more than the latencies measured here.
now() {
  if [[ -n "${EPOCHREALTIME:-}" ]]; then
    NOW=${EPOCHREALTIME//[.,]/}000
  else
    NOW=$(date +%s%N)
  fi
}

# Keeps sample $i of series $1: the first warm-up sample as the cold value, the rest of the warm-up not at
# all (the server's first requests run interpreted code), then every sample.
record() {
  if ((i == 1 - WARMUP)); then
    echo "$2" >"$WORK/$1.cold"
  fi
  if ((i >= 1)); then
    echo "$2" >>"$WORK/$1"
  fi
}

# Reads the cold value of series $1 in ms.
cold() {
  awk '{ printf "%.1f", $1 / 1000000 }' "$WORK/$1.cold"
}

# Reads numbers (one a line) and prints the nearest-rank p50 and p99, in ms when given ns.
percentiles() {
  sort -n | awk -v div="${1:-1000000}" '{ v[NR] = $1 }
    END { if (NR == 0) { print "null null"; exit }
          printf "%.1f %.1f\n", v[int((NR * 50 + 99) / 100)] / div, v[int((NR * 99 + 99) / 100)] / div }'
}

# Runs one tmux command through the control-mode client and sets OUT to what it printed: no process is
# started per call, so polling through it costs a fraction of a millisecond instead of a tmux client.
ctl() {
  printf '%s\n' "$1" >&"${CTL[1]}"
  ctl_reply
}

# Reads the next command block of the control client into OUT; fails on %error.
ctl_reply() {
  local line
  OUT=""
  # Notifications (%output, %layout-change...) only come between command blocks.
  while IFS= read -r -t 5 -u "${CTL[0]}" line; do
    [[ "$line" == %begin* ]] && break
  done
  while IFS= read -r -t 5 -u "${CTL[0]}" line; do
    case "$line" in
      %end*) return 0 ;;
      %error*) return 1 ;;
    esac
    OUT+=$line$'\n'
  done
  echo "the control client stopped answering" >&2
  exit 1
}

# Reads rows $2 to $3 (default: all) of pane $1's screen into OUT: through the control client once it
# runs, else with a tmux client. bash reads a pipe a byte at a time, so fewer rows poll faster.
capture() {
  local -a rows=(-S "${2:-0}" -E "${3:--}")
  if [[ -n "$CONTROL_PID" ]]; then
    ctl "capture-pane -p -t $1 ${rows[*]}" || OUT=""
  else
    OUT=$(t capture-pane -p -t "$1" "${rows[@]}" 2>/dev/null || true)
  fi
}

# Waits until rows $4 to $5 of pane $1 contain $2 and sets SEEN to that time (ns); fails after $3 ms.
wait_for_text() {
  local pane=$1 text=$2 deadline screen
  now
  deadline=$((NOW + ${3:-5000} * 1000000))
  while :; do
    capture "$pane" "${4:-0}" "${5:--}"
    screen=$OUT
    now
    if [[ "$screen" == *"$text"* ]]; then
      SEEN=$NOW
      return 0
    fi
    ((NOW < deadline)) || { echo "pane $pane never showed '$text'" >&2; exit 1; }
  done
}

name() {
  printf 's%02d' "$1"
}

for ((i = 1; i <= SESSIONS; i++)); do
  dir="$WORK/projects/p$i"
  mkdir -p "$dir"
  git -C "$dir" init -q -b main
  printf 'hello %s\n' "$i" >"$dir/README"
  git -C "$dir" add README
  git -C "$dir" -c user.name=bench -c user.email=bench@localhost commit -q -m init
  if ((i == 1)); then
    t -f /dev/null new-session -d -s "$(name "$i")" -x 120 -y 40 -c "$dir"
  else
    t new-session -d -s "$(name "$i")" -x 120 -y 40 -c "$dir"
  fi
done

TMUX_PANE=$(t display-message -p -t "$(name 1):" '#{pane_id}') "$LAUNCH_DIR/bin/opensessions" start >&2
RUNTIME=$(dirname "$(echo "$XDG_RUNTIME_DIR/opensessions-$(id -u)"/*/pid)")
PID=$(<"$RUNTIME/pid")
SIDEBAR_PORT=$(<"$RUNTIME/sidebar-port")

declare -a SIDEBARS=()
for ((i = 1; i <= WINDOWS; i++)); do
  if ((i > 1)); then
    TMUX_PANE=$(t display-message -p -t "$(name "$i"):" '#{pane_id}') "$LAUNCH_DIR/bin/opensessions" sidebar
  fi
  pane=$(t list-panes -t "$(name "$i"):" -F '#{pane_title} #{pane_id}' | awk '$1 == "opensessions-sidebar" { print $2 }')
  [[ -n "$pane" ]] || { echo "no sidebar opened in $(name "$i")" >&2; exit 1; }
  SIDEBARS+=("$pane")
done
for pane in "${SIDEBARS[@]}"; do
  wait_for_text "$pane" " sessions" 30000
done
# Every sidebar must list every session before anything is measured (the first listing, git status).
deadline=$((SECONDS + 30))
until [[ $(t capture-pane -p -t "${SIDEBARS[0]}" | head -n 1) =~ [[:space:]]${SESSIONS}[[:space:]]*$ ]]; do
  ((SECONDS < deadline)) || { echo "the sidebar never counted $SESSIONS sessions" >&2; exit 1; }
  sleep 0.2
done
sleep "$SETTLE_S"

# 1. Idle: nothing attached, nothing pushed.
ticks() {
  local stat rest
  stat=$(<"/proc/$PID/stat")
  rest=${stat##*) }
  read -r -a fields <<<"$rest"
  # utime and stime are fields 14 and 15 of stat, i.e. 12 and 13 after the command name.
  printf '%s' $((fields[11] + fields[12]))
}
io_field() {
  awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/io"
}
sidebar_bytes() {
  local pane pid total=0
  for pane in "${SIDEBARS[@]}"; do
    # The pane's own process is the cat that copies the server's screen into the pane.
    pid=$(t display-message -p -t "$pane" '#{pane_pid}')
    total=$((total + $(io_field "$pid" rchar)))
  done
  printf '%s' "$total"
}
# Prints "tid ticks name" for every thread of the server (names may hold spaces, so the name goes last).
thread_ticks() {
  local file stat name rest
  for file in "/proc/$PID/task"/*/stat; do
    stat=$(<"$file") || continue
    name=${stat#*(}
    name=${name%) *}
    rest=${stat##*) }
    read -r -a fields <<<"$rest"
    printf '%s %s %s\n' "${stat%% *}" $((fields[11] + fields[12])) "${name// /_}"
  done
}
hz=$(getconf CLK_TCK)
thread_ticks >"$WORK/threads.before"
before=$(ticks)
wchar_before=$(io_field "$PID" wchar)
shim_before=$(sidebar_bytes)
sleep "$SECONDS_QUIET"
after=$(ticks)
thread_ticks >"$WORK/threads.after"
# The threads that used CPU while idle, busiest first, as name:ticks (threads are told apart by name only).
idle_threads=$(awk 'NR == FNR { was[$1] = $2; next } { used = $2 - was[$1]; if (used > 0) by[$3] += used }
  END { for (n in by) print by[n], n }' "$WORK/threads.before" "$WORK/threads.after" \
  | sort -rn | head -n 5 | awk '{ printf "%s%s:%s", (NR > 1 ? "," : ""), $2, $1 }')
idle_wchar=$(($(io_field "$PID" wchar) - wchar_before))
idle_shim=$(($(sidebar_bytes) - shim_before))
idle_cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v s="$SECONDS_QUIET" 'BEGIN { printf "%.3f", 100 * t / hz / s }')
server_rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$PID/status")

# 2. Memory of each sidebar pane: its process and every descendant.
ps -e -o pid=,ppid= >"$WORK/ps"
: >"$WORK/rss"
: >"$WORK/pss"
for pane in "${SIDEBARS[@]}"; do
  root=$(t display-message -p -t "$pane" '#{pane_pid}')
  rss=0
  pss=0
  while read -r pid; do
    [[ -r "/proc/$pid/smaps_rollup" ]] || continue
    rss=$((rss + $(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")))
    pss=$((pss + $(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup")))
  done < <(awk -v root="$root" '{ parent[$1] = $2 } END {
      for (p in parent) { q = p; while (q != root && q in parent && q != parent[q]) q = parent[q]; if (q == root) print p } }' "$WORK/ps")
  echo "$rss" >>"$WORK/rss"
  echo "$pss" >>"$WORK/pss"
done
read -r mem_rss _ < <(percentiles 1 <"$WORK/rss")
read -r mem_pss _ < <(percentiles 1 <"$WORK/pss")
procs_per_pane=$(awk -v root="$(t display-message -p -t "${SIDEBARS[0]}" '#{pane_pid}')" '$1 == root || $2 == root' "$WORK/ps" | wc -l)

# The poller: a control-mode client, attached to the last session (never one the key test switches to, so
# the server never picks it as the client to switch) and only after the idle window; like the server's own
# client it neither resizes windows nor receives what panes print.
coproc CTL { exec env -u TMUX tmux -S "$SOCKET" -C attach -t "$(name "$SESSIONS")" -f no-output,ignore-size 2>&1; }
CONTROL_PID=$CTL_PID
# Attaching answers with an empty block of its own first: read blocks until the probe's own reply, so every
# later reply lines up with the command that asked for it.
ctl "display-message -p ready" || { echo "the control client did not start" >&2; exit 1; }
until [[ "$OUT" == ready* ]]; do
  ctl_reply || { echo "the control client did not start" >&2; exit 1; }
done

# Resolution: what one capture-pane costs through a tmux client (whole screen) and through the control
# client (the rows the push test polls), and what one clock reading costs.
: >"$WORK/capture"
: >"$WORK/ctlcapture"
: >"$WORK/clock"
for ((i = 0; i < SAMPLES; i++)); do
  now
  t0=$NOW
  t capture-pane -p -t "${SIDEBARS[0]}" >/dev/null
  now
  t1=$NOW
  capture "${SIDEBARS[0]}" 20
  now
  t2=$NOW
  now
  echo $((t1 - t0)) >>"$WORK/capture"
  echo $((t2 - t1)) >>"$WORK/ctlcapture"
  echo $((NOW - t2)) >>"$WORK/clock"
done
read -r capture_p50 capture_p99 < <(percentiles <"$WORK/capture")
read -r ctl_p50 ctl_p99 < <(percentiles <"$WORK/ctlcapture")
read -r clock_p50 _ < <(percentiles 1000 <"$WORK/clock")

# 3. First paint of a new sidebar in a new window. The pane is split over the control-mode client, the way
# the server opens sidebars (no tmux client process is started); "split" is how long tmux took to answer the
# split, "paint" runs from sending the split to the header on screen, "afterSplit" from tmux's answer on.
: >"$WORK/paint"
: >"$WORK/split"
: >"$WORK/aftersplit"
for ((i = 1 - WARMUP; i <= SAMPLES; i++)); do
  target=$(t new-window -d -t "$(name 1):" -c "$WORK/projects/p1" -P -F '#{pane_id}')
  now
  t0=$NOW
  ctl "split-window -hbf -d -l $WIDTH -t $target -P -F '#{pane_id}' -e OPENSESSIONS_SIDEBAR_PORT=$SIDEBAR_PORT -e 'OPENSESSIONS_TOKEN_FILE=$RUNTIME/token' '$LAUNCH_DIR/bin/opensessions-pane'" \
    || { echo "split-window failed: $OUT" >&2; exit 1; }
  pane=${OUT%%$'\n'*}
  now
  t1=$NOW
  wait_for_text "$pane" " sessions" 5000 0 0
  record paint $((SEEN - t0))
  record split $((t1 - t0))
  record aftersplit $((SEEN - t1))
  t kill-window -t "$target"
done
read -r paint_p50 paint_p99 < <(percentiles <"$WORK/paint")
read -r split_p50 split_p99 < <(percentiles <"$WORK/split")
read -r after_p50 after_p99 < <(percentiles <"$WORK/aftersplit")

# 4. HTTP push to visible: the detail panel of s01's sidebar shows s01's status pill.
: >"$WORK/push"
for ((i = 1 - WARMUP; i <= SAMPLES; i++)); do
  printf -v text 'bench%04d' "$i"
  body="{\"session\":\"$(name 1)\",\"text\":\"$text\",\"tone\":\"info\"}"
  now
  t0=$NOW
  exec {http}<>"/dev/tcp/127.0.0.1/$PORT"
  printf 'POST /set-status HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "$PORT" "${#body}" "$body" >&"$http"
  # The detail panel is the lower part of the 40-row pane.
  wait_for_text "${SIDEBARS[0]}" "$text" 5000 20
  status=""
  read -r -t 5 -u "$http" status || true
  exec {http}>&-
  [[ "$status" == *" 204"* ]] || { echo "POST /set-status answered: $status" >&2; exit 1; }
  record push $((SEEN - t0))
done
read -r push_p50 push_p99 < <(percentiles <"$WORK/push")

# 5. Key to client switched: a real client attached to s01, digits sent to the sidebar of its window.
TERM=xterm-256color script -qfc "stty rows 40 cols 120; exec env -u TMUX tmux -S '$SOCKET' attach -t $(name 1)" \
  /dev/null </dev/null >"$WORK/client.log" 2>&1 &
CLIENT_PID=$!
deadline=$((SECONDS + 10))
# The server is attached too, as a control-mode client without a tty.
until tty=$(t list-clients -F '#{client_control_mode} #{client_tty}' | awk '$1 == 0 { print $2; exit }') \
  && [[ -n "$tty" ]]; do
  ((SECONDS < deadline)) || { echo "the client did not attach: $(cat "$WORK/client.log")" >&2; exit 1; }
  sleep 0.05
done
# The server learns of a new client from tmux's notifications; a key that comes first finds no client.
sleep 1
# The digit of a session is the index the sidebar draws before its name.
index_of() {
  t capture-pane -p -t "${SIDEBARS[0]}" | sed -n "s/^[^0-9]*\([0-9][0-9]\) .* $1[[:space:]]*\$/\1/p" | head -n 1
}
declare -A DIGIT=()
for s in 1 2; do
  index=$(index_of "$(name "$s")")
  [[ "$index" =~ ^0?[1-9]$ ]] || { echo "no single-digit index for $(name "$s"): '$index'" >&2; exit 1; }
  DIGIT[$s]=$((10#$index))
done
: >"$WORK/key"
from=1
for ((i = 1 - WARMUP; i <= SAMPLES; i++)); do
  to=$((3 - from))
  want=$(name "$to")
  now
  t0=$NOW
  # Sent by an already running client, as a key typed into a terminal is.
  ctl "send-keys -t ${SIDEBARS[from - 1]} ${DIGIT[$to]}" || { echo "send-keys failed: $OUT" >&2; exit 1; }
  deadline=$((t0 + 5000000000))
  while :; do
    # display-message -c would expand the format for the control client's own session, hence list-clients.
    ctl "list-clients -F \"#{client_tty} #{client_session}\"" || OUT=""
    [[ $'\n'"$OUT" == *$'\n'"$tty $want"$'\n'* ]] && break
    now
    ((NOW < deadline)) || { echo "the client never switched to $want (clients: ${OUT//$'\n'/, })" >&2; exit 1; }
  done
  now
  record key $((NOW - t0))
  from=$to
done
read -r key_p50 key_p99 < <(percentiles <"$WORK/key")

printf '{"sessions":%d,"sidebars":%d,"samples":%d,"paneRssKiB":%s,"panePssKiB":%s,"processesPerPane":%d,' \
  "$SESSIONS" "$WINDOWS" "$SAMPLES" "$mem_rss" "$mem_pss" "$procs_per_pane"
printf '"firstPaintMs":{"p50":%s,"p99":%s,"cold":%s},"splitWindowMs":{"p50":%s,"p99":%s},"paintAfterSplitMs":{"p50":%s,"p99":%s},' \
  "$paint_p50" "$paint_p99" "$(cold paint)" "$split_p50" "$split_p99" "$after_p50" "$after_p99"
printf '"pushToVisibleMs":{"p50":%s,"p99":%s,"cold":%s},"keyToSwitchMs":{"p50":%s,"p99":%s,"cold":%s},' \
  "$push_p50" "$push_p99" "$(cold push)" "$key_p50" "$key_p99" "$(cold key)"
printf '"capturePaneMs":{"p50":%s,"p99":%s},"controlCaptureMs":{"p50":%s,"p99":%s},"clockReadUs":%s,' \
  "$capture_p50" "$capture_p99" "$ctl_p50" "$ctl_p99" "$clock_p50"
printf '"idle":{"seconds":%d,"cpuPercentOfOneCore":%s,"cpuTicks":%d,"serverWcharBytes":%d,"sidebarBytes":%d,"busiestThreads":"%s"},"serverRssKiB":%d}\n' \
  "$SECONDS_QUIET" "$idle_cpu" $((after - before)) "$idle_wchar" "$idle_shim" "$idle_threads" "$server_rss"
