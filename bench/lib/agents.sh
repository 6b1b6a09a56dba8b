# shellcheck shell=bash
# agents.sh: agent state read from files, as the watchers see it. Seeds idle Claude Code transcripts (the
# idle measurement then shows what watching them costs) and measures a transcript line to visible in a
# sidebar (within 300 ms, docs/explanation/performance.md). Sourced by bench/run.sh after common.sh, tmux.sh and report.sh.

# Claude Code's folder name for a directory (ClaudeProjectDirs.encode): '/', '.' and '_' become '-'.
claude_folder() {
  local dir=${1%/}
  dir=${dir//\//-}
  dir=${dir//./-}
  printf '%s' "${dir//_/-}"
}

# Prints one transcript line of Claude Code: type $1 (user|assistant), cwd $2, session $3, message JSON $4.
claude_line() {
  local stamp
  stamp=$(printf '%(%Y-%m-%dT%H:%M:%S)T.000Z' -1)
  printf '{"type":"%s","cwd":"%s","sessionId":"%s","version":"2.0.37","timestamp":"%s","message":%s}\n' \
    "$1" "$2" "$3" "$stamp" "$4"
}

# Writes $1 finished transcripts for a folder no session uses: watched and parsed, never shown, never
# changing while the idle measurement runs.
seed_idle_transcripts() {
  local n=$1 i dir="$WORK/elsewhere" folder file
  folder="$HOME/.claude/projects/$(claude_folder "$dir")"
  mkdir -p "$folder"
  for ((i = 1; i <= n; i++)); do
    file="$folder/idle-$i.jsonl"
    {
      claude_line user "$dir" "idle-$i" '{"role":"user","content":"an old question"}'
      claude_line assistant "$dir" "idle-$i" \
        '{"role":"assistant","content":[{"type":"text","text":"an old answer"}],"stop_reason":"end_turn"}'
    } >"$file"
  done
  result idleTranscripts "$n"
}

# Gives $1 sessions (the second onwards; the first is the transcript measurement's) an agent that lives and
# whose thread is open: a pane running a copy of sleep named claude in the session's folder, beside a
# transcript whose last entry is a tool call, so the thread waits for approval. Such a thread stays open
# however quiet its file, so the idle measurement includes what keeping it open costs (liveness read again
# every 30 s). The threads wait rather than run: a running thread animates a spinner in every sidebar that
# shows it, a cost of the animation that bench/idle-tmux.sh's open=K (no sidebar) leaves out as well.
seed_open_agents() {
  local n=$1 i dir folder file claude="$WORK/bin/claude"
  mkdir -p "$WORK/bin"
  cp "$(command -v sleep)" "$claude"
  for ((i = 2; i <= n + 1; i++)); do
    dir="$WORK/projects/p$i"
    t split-window -d -t "$(name "$i"):" -c "$dir" "$claude" 86400
    folder="$HOME/.claude/projects/$(claude_folder "$dir")"
    mkdir -p "$folder"
    file="$folder/open-$i.jsonl"
    claude_line user "$dir" "open-$i" '{"role":"user","content":"a long task"}' >"$file"
    claude_line assistant "$dir" "open-$i" \
      '{"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"Bash","input":{"command":"make"}}],"stop_reason":"tool_use"}' >>"$file"
  done
  result openAgents "$n"
}

# A new transcript in the first session's folder, its first prompt a unique word, until the first sidebar
# (that session's window) lists the thread.
measure_transcript() {
  local dir="$WORK/projects/p1" folder text t0
  folder="$HOME/.claude/projects/$(claude_folder "$dir")"
  mkdir -p "$folder"
  series transcript
  for ((i = 1 - WARMUP; i <= SAMPLES; i++)); do
    printf -v text 'agent%04d' $((i + WARMUP))
    now
    t0=$NOW
    claude_line user "$dir" "$text" "{\"role\":\"user\",\"content\":\"$text\"}" >>"$folder/$text.jsonl"
    wait_for_text "${SIDEBARS[0]}" "$text" 5000 20
    record transcript $((SEEN - t0))
  done
  summarize transcript
  result transcriptToVisibleMs "{\"p50\":$P50,\"p99\":$P99,\"cold\":$(cold transcript)}"
  local holds=no
  [[ $(within "$P99" 300) == yes ]] && holds=yes
  row "transcript line to visible" "p50 $P50 ms, p99 $P99 ms" "<= 300 ms" "$holds"
}
