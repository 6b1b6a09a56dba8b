#!/usr/bin/env bash
# Measures how fast a file edit shows in a session's diff counts, and what watching a large working tree
# costs: a private tmux server with one session in a generated repository of F tracked files (in folders of
# ten, plus an ignored build folder of F/4 files), the packaged server attached to it; then N edits, each
# one line appended to a tracked file, timed from the write to the moment GET /api/state shows the new
# insertion count (the sidebar paints from that state). It also reads how many folders the server
# registered and how long that took (its log), how long `git ls-files` takes on that tree, and the server's
# CPU time and git processes over Q quiet seconds afterwards (nothing may run on a timer while idle).
# Prints one line of JSON, with the load average at the start and the end of the edits.
# Usage: bench/edit-latency.sh [files=20000] [edits=20] [quiet=30]
set -euo pipefail

FILES=${1:-20000}
EDITS=${2:-20}
QUIET=${3:-30}
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib/common.sh
source "$REPO_DIR/bench/lib/common.sh"
# shellcheck source=bench/lib/world.sh
source "$REPO_DIR/bench/lib/world.sh"
private_world edit

# The repository: FILES files of one line, ten to a folder, folders nested three deep; an ignored target/.
project="$WORK/projects/big"
mkdir -p "$project"
git -C "$project" init -q -b main
printf 'target/\n' >"$project/.gitignore"
for ((i = 0; i < FILES; i++)); do
  folder="$project/m$((i / 1000))/p$((i / 100 % 10))/f$((i / 10 % 10))"
  ((i % 10 == 0)) && mkdir -p "$folder"
  printf 'line %d\n' "$i" >"$folder/file$i.txt"
done
mkdir -p "$project/target"
for ((i = 0; i < FILES / 4; i++)); do
  printf 'built %d\n' "$i" >"$project/target/out$i.txt"
done
git -C "$project" add -A
git -C "$project" -c user.name=bench -c user.email=bench@localhost commit -q -m init
folders=$(git -C "$project" ls-files | sed 's:/[^/]*$::' | sort -u | wc -l)
now
t0=$NOW
git -C "$project" ls-files -z >/dev/null
now
ls_files_ms=$(((NOW - t0) / 1000000))

tmux -S "$SOCKET" -f /dev/null new-session -d -s big -c "$project"
"$REPO_DIR/bin/opensessions" start >&2
PID=$(cat "$XDG_RUNTIME_DIR/opensessions-$(id -u)"/*/pid)
LOG=$(echo "$XDG_RUNTIME_DIR/opensessions-$(id -u)"/*/server.log)

# The session's insertion count from GET /api/state, read through bash's own /dev/tcp: polled every 10 ms,
# a curl and a jq per poll would take a core of this machine from the server and git being measured.
insertions() {
  local fd reply=
  exec {fd}<>"/dev/tcp/127.0.0.1/$PORT" || return 0
  printf 'GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$PORT" >&"$fd"
  IFS= read -r -d '' reply <&"$fd" || true
  exec {fd}>&-
  [[ $reply =~ \"name\":\"big\"[^}]*\"insertions\":([0-9]+) ]] && printf '%s' "${BASH_REMATCH[1]}"
}

deadline=$((SECONDS + 60))
until grep -q "folders of the working tree $project" "$LOG" 2>/dev/null; do
  ((SECONDS < deadline)) || die "the server never watched $project"
  pause 0.2
done
watch_line=$(grep "folders of the working tree $project" "$LOG" | head -n 1)
watched=$(sed -n 's/.*watching \([0-9]*\) of.*/\1/p' <<<"$watch_line")
register_us=$(sed -n 's/.* registered in \([0-9]*\) µs.*/\1/p' <<<"$watch_line")
# Let the start settle (first reads, JIT) before timing edits.
pause 5
read -r load_start _ </proc/loadavg

series_file="$WORK/latency"
: >"$series_file"
for ((k = 1; k <= EDITS; k++)); do
  file="$project/m$((RANDOM % (FILES / 1000 > 0 ? FILES / 1000 : 1)))/p$((RANDOM % 10))/f$((RANDOM % 10))"
  file=$(find "$file" -maxdepth 1 -name '*.txt' -print -quit 2>/dev/null || true)
  [[ -n "$file" ]] || file=$(git -C "$project" ls-files | head -n 1 | sed "s:^:$project/:")
  now
  start=$NOW
  printf 'edit %d\n' "$k" >>"$file"
  deadline=$((SECONDS + 10))
  until [[ "$(insertions)" == "$k" ]]; do
    ((SECONDS < deadline)) || die "edit $k did not show within 10 s (insertions: $(insertions))"
    pause 0.01
  done
  now
  printf '%d\n' $(((NOW - start) / 1000000)) >>"$series_file"
  # Edits spaced past the one-second read cache, as a person's saves are.
  pause 1.2
done

read -r load_end _ </proc/loadavg
hz=$(getconf CLK_TCK)
ticks() {
  local stat rest
  stat=$(<"/proc/$PID/stat")
  rest=${stat##*) }
  read -r -a fields <<<"$rest"
  printf '%s' $((fields[11] + fields[12]))
}
pause 3
before=$(ticks)
execs="unmeasured (install strace)"
if command -v strace >/dev/null 2>&1; then
  strace -f -qq -e trace=execve -o "$WORK/execve.log" -p "$PID" &
  trace=$!
  pause "$QUIET"
  kill "$trace" 2>/dev/null || true
  wait "$trace" 2>/dev/null || true
  execs=$(grep -c 'execve(' "$WORK/execve.log" || true)
else
  pause "$QUIET"
fi
after=$(ticks)
cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v s="$QUIET" 'BEGIN { printf "%.3f", 100 * t / hz / s }')
read -r p50 p90 max < <(sort -n "$series_file" | awk '{ v[NR] = $1 } END {
  p90 = int(NR * 0.9 + 0.5); if (p90 < 1) p90 = 1
  printf "%d %d %d\n", v[int((NR + 1) / 2)], v[p90], v[NR] }')
printf '{"trackedFiles":%d,"trackedFolders":%d,"watchedFolders":%s,"registerMicros":%s,"lsFilesMillis":%d,' \
  "$FILES" "$folders" "${watched:-null}" "${register_us:-null}" "$ls_files_ms"
printf '"edits":%d,"editToStateMillis":{"p50":%d,"p90":%d,"max":%d},"loadAverage":{"editsStart":%s,"editsEnd":%s},' \
  "$EDITS" "$p50" "$p90" "$max" "$load_start" "$load_end"
printf '"quietSeconds":%d,"quietCpuPercentOfOneCore":%s,"quietProgramsStarted":"%s"}\n' "$QUIET" "$cpu" "$execs"
