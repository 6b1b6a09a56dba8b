# shellcheck shell=bash
# agent-event.sh: turns one agent hook's JSON into an agent event (CONTRACTS.md, POST /api/agent-event)
# and posts it to this tmux's server in the background. Sourced by the hooks after bin/lib/address.sh.
# A hook runs inside the agent's loop, so this never waits for the server, never prints and never fails.

# Sets REPLY to the raw JSON string literal (quotes and escapes kept) of the first "key": "..." in INPUT.
# Used only without jq. The hooks read fields the agents write before any nested object, so the first
# match is the top-level one; copying the literal as it is keeps quotes, newlines and unicode intact.
raw_json_string() {
  local LC_ALL=C
  local pattern="\"$1\"[[:space:]]*:[[:space:]]*(\"([^\"\\\\]|\\\\.)*\")"
  REPLY=""
  [[ $INPUT =~ $pattern ]] && REPLY=${BASH_REMATCH[1]}
}

# Sets REPLY to the plain value of a top-level string field made of word characters (event names, kinds).
plain_json_string() {
  local LC_ALL=C
  local pattern="\"$1\"[[:space:]]*:[[:space:]]*\"([A-Za-z0-9_.-]*)\""
  REPLY=""
  [[ $INPUT =~ $pattern ]] && REPLY=${BASH_REMATCH[1]}
}

# Prints the event JSON built from INPUT: AGENT STATUS ID_KEY PROMPT_KEY UNSEEN PANE TS (empty = leave out);
# fails, printing nothing, when INPUT is not a JSON object.
event_json() {
  local agent=$1 status=$2 id_key=$3 prompt_key=$4 unseen=$5 pane=$6 ts=$7
  if command -v jq >/dev/null 2>&1; then
    jq -c --arg agent "$agent" --arg status "$status" --arg idKey "$id_key" --arg promptKey "$prompt_key" \
      --arg unseen "$unseen" --arg pane "$pane" --arg ts "$ts" '
      def text($key): if $key != "" and (.[$key] | type) == "string" then .[$key] else null end;
      {agent: $agent, status: $status}
      + (if text($idKey) then {threadId: text($idKey)} else {} end)
      + (if text("cwd") then {projectDir: text("cwd")} else {} end)
      + (if $pane != "" then {paneId: $pane} else {} end)
      + (if $ts != "" then {ts: ($ts | tonumber)} else {} end)
      + (if $unseen != "" then {unseen: ($unseen == "true")} else {} end)
      + (if text($promptKey) then {lastUserPrompt: text($promptKey)[0:4096]} else {} end)' <<<"$INPUT"
    return
  fi
  # Without jq, at least a cut-off event (no closing brace) is refused rather than half read.
  [[ $INPUT =~ ^[[:space:]]*\{.*\}[[:space:]]*$ ]] || return 1
  local json="{\"agent\":\"$agent\",\"status\":\"$status\""
  raw_json_string "$id_key"
  [[ -n "$REPLY" ]] && json+=",\"threadId\":$REPLY"
  raw_json_string cwd
  [[ -n "$REPLY" ]] && json+=",\"projectDir\":$REPLY"
  [[ -n "$pane" ]] && json+=",\"paneId\":\"$pane\""
  [[ -n "$ts" ]] && json+=",\"ts\":$ts"
  [[ -n "$unseen" ]] && json+=",\"unseen\":$unseen"
  if [[ -n "$prompt_key" ]]; then
    raw_json_string "$prompt_key"
    [[ -n "$REPLY" ]] && json+=",\"lastUserPrompt\":$REPLY"
  fi
  printf '%s}' "$json"
}

# Posts the event for INPUT in a background job of its own and returns at once:
# AGENT STATUS ID_KEY [PROMPT_KEY] [UNSEEN]. OPENSESSIONS_URL overrides the derived address.
post_agent_event() {
  local agent=$1 status=$2 id_key=$3 prompt_key=${4:-} unseen=${5:-} pane="" ts base
  resolve_address
  base=${OPENSESSIONS_URL:-$URL}
  [[ "${TMUX_PANE:-}" =~ ^%[0-9]+$ ]] && pane=$TMUX_PANE
  # Milliseconds from the shell's clock, so rapid events can be ordered without starting date.
  ts=${EPOCHREALTIME//[!0-9]/}
  ts=${ts:0:13}
  # Its own process group: an agent that kills the hook's group on exit or timeout spares the post.
  set -m
  {
    payload=$(event_json "$agent" "$status" "$id_key" "$prompt_key" "$unseen" "$pane" "$ts") || exit 0
    code=$(printf '%s' "$payload" | curl -s -o /dev/null -w '%{http_code}' -m 0.3 --connect-timeout 0.1 \
      --noproxy '*' -H 'Content-Type: application/json' --data-binary @- "${base%/}/api/agent-event")
    hook_log "$agent $status" "$code"
  } </dev/null >/dev/null 2>&1 &
  set +m
}

# Appends one line per post to OPENSESSIONS_HOOK_LOG when it is set (troubleshooting); otherwise drops it.
hook_log() {
  [[ -n "${OPENSESSIONS_HOOK_LOG:-}" ]] || return 0
  printf '%s %s -> %s\n' "${EPOCHREALTIME%%[.,]*}" "$1" "${2:-000}" >>"$OPENSESSIONS_HOOK_LOG"
}
