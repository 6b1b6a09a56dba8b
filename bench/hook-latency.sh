#!/usr/bin/env bash
# Measures how long the Claude Code hook keeps Claude Code waiting: runs it N times the way Claude Code
# does (event JSON on stdin, inside tmux) with the server down (a loopback port nothing listens on), and
# with a server that accepts but never answers, and times each run until it exits and its output closes.
# The target is under 50 ms at p99 (docs/explanation/performance.md). A "bash-floor" case times an empty bash script the same way:
# no bash hook can beat it, so on a loaded machine compare against it. Runs are PAUSE seconds apart
# (untimed), as agent events are, so one run's background post does not steal the next run's CPU.
# Prints one line of JSON per case.
# Usage: bench/hook-latency.sh [runs=100] [pause=0.3]
set -euo pipefail

RUNS=${1:-100}
PAUSE=${2:-0.3}
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOOK="$REPO_DIR/integrations/claude-code/opensessions-hook"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/opensessions-hook-bench.XXXXXX")
INPUT='{"session_id":"5d2f8c1e-7a43-4b9e-9c61-0e8f2a7b3d10","transcript_path":"/tmp/t.jsonl","cwd":"/tmp","permission_mode":"default","hook_event_name":"UserPromptSubmit","prompt":"Fix \"the\" bug\nplease ✓"}'
printf '%s' "$INPUT" >"$WORK/input.json"

cleanup() {
  if [[ -n "${STALLED_PID:-}" ]]; then
    kill "$STALLED_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Prints {"case", "runs", "p50_ms", "p99_ms", "max_ms"} for RUNS runs of PROGRAM against PORT.
measure() {
  local name=$1 port=$2 program=$3 i start end
  local -a samples=()
  for ((i = 0; i < RUNS; i++)); do
    sleep "$PAUSE"
    start=${EPOCHREALTIME//[!0-9]/}
    # $(...) returns only once the hook exited and nothing it left behind holds its stdout.
    : "$(OPENSESSIONS_PORT=$port TMUX=/tmp/tmux-1000/default,1,0 TMUX_PANE=%1 "$program" <"$WORK/input.json")"
    end=${EPOCHREALTIME//[!0-9]/}
    samples+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk -v name="$name" '
    { v[NR] = $1 }
    END {
      p50 = v[int((NR - 1) * 0.50) + 1]; p99 = v[int((NR - 1) * 0.99) + 1]
      printf "{\"case\":\"%s\",\"runs\":%d,\"p50_ms\":%d,\"p99_ms\":%d,\"max_ms\":%d}\n", name, NR, p50, p99, v[NR]
    }'
}

printf '#!/usr/bin/env bash\n' >"$WORK/floor"
chmod +x "$WORK/floor"
measure bash-floor 9 "$WORK/floor"
measure server-down "$(free_port)" "$HOOK"

# A server that takes connections and never answers (a stalled JVM): the post must not hold the hook.
STALLED_PORT=$(free_port)
python3 -c 'import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(512)
held = []
while True:
    held.append(s.accept()[0])' "$STALLED_PORT" &
STALLED_PID=$!
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$STALLED_PORT") 2>/dev/null && break
  sleep 0.05
done
measure server-stalled "$STALLED_PORT" "$HOOK"
