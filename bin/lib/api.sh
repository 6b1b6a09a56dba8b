# shellcheck shell=bash
# api.sh: the HTTP API from the shell (set-status, set-progress, log, clear-log, notify, event). Builds
# JSON without ever splicing user text into it unescaped, posts it with short timeouts and reports the
# server's answer. Sourced by bin/opensessions; pure bash plus curl, so it works on a bare machine.

# Sets JSON_STRING to $1 as a JSON string literal. Bytes are handled one by one (LC_ALL=C), so UTF-8 text
# passes through untouched (JSON allows it) while quotes, backslashes and control characters are escaped.
json_string() {
  local LC_ALL=C
  local text=$1 code hex char
  text=${text//\\/\\\\}
  text=${text//\"/\\\"}
  text=${text//$'\n'/\\n}
  text=${text//$'\r'/\\r}
  text=${text//$'\t'/\\t}
  for ((code = 1; code < 32; code++)); do
    printf -v hex '%02x' "$code"
    printf -v char '%b' "\\x$hex"
    [[ "$text" == *"$char"* ]] && text=${text//"$char"/\\u00$hex}
  done
  JSON_STRING="\"$text\""
}

# JSON_FIELDS collects "name":value pairs; json_object joins them into JSON_BODY.
json_reset() {
  JSON_FIELDS=()
}

json_add_string() {
  json_string "$2"
  JSON_FIELDS+=("\"$1\":$JSON_STRING")
}

json_add_raw() {
  JSON_FIELDS+=("\"$1\":$2")
}

json_object() {
  local IFS=,
  JSON_BODY="{${JSON_FIELDS[*]-}}"
}

# Splits the arguments of command $1 into OPT_<name> variables (value options named in $2, flags in $3,
# both space-separated) and the POSITIONAL array; anything else is a usage error.
parse_options() {
  local command=$1 values=" $2 " flags=" $3 " arg name value inline
  shift 3
  # shellcheck disable=SC2086 # the option lists are space-separated on purpose.
  for name in $values $flags; do
    unset "OPT_$name"
  done
  POSITIONAL=()
  while (($# > 0)); do
    arg=$1
    shift
    case "$arg" in
      --) POSITIONAL+=("$@") && break ;;
      --*) ;;
      -[0-9]* | -) POSITIONAL+=("$arg") && continue ;;
      -*) usage_error "$command" "unknown option: $arg" ;;
      *) POSITIONAL+=("$arg") && continue ;;
    esac
    name=${arg#--}
    inline=0
    if [[ "$name" == *=* ]]; then
      value=${name#*=}
      name=${name%%=*}
      inline=1
    fi
    [[ "$name" =~ ^[a-z]+$ ]] || usage_error "$command" "unknown option: $arg"
    if [[ "$values" == *" $name "* ]]; then
      if ((inline == 0)); then
        (($# > 0)) || usage_error "$command" "--$name needs a value"
        value=$1
        shift
      fi
      printf -v "OPT_$name" '%s' "$value"
    elif [[ "$flags" == *" $name "* && $inline == 0 ]]; then
      printf -v "OPT_$name" '%s' 1
    else
      usage_error "$command" "unknown option: $arg"
    fi
  done
}

# Sets SESSION from --session, else from the tmux pane this runs in; outside tmux --session is required.
resolve_session() {
  local command=$1
  local -a target=()
  if [[ -n "${OPT_session:-}" ]]; then
    SESSION=$OPT_session
  elif [[ -n "${TMUX:-}" ]]; then
    [[ -n "${TMUX_PANE:-}" ]] && target=(-t "$TMUX_PANE")
    SESSION=$(tmux display-message -p ${target[@]+"${target[@]}"} '#{session_name}' 2>/dev/null) \
      || die "cannot ask tmux for the current session; give --session NAME"
  else
    usage_error "$command" "not inside tmux: give --session NAME"
  fi
}

# POSTs JSON_BODY to path $1. Quiet on 2xx; the server's message and exit 1 on anything else.
api_post() {
  local path=$1 answer code body rc=0
  answer=$(printf '%s' "$JSON_BODY" | curl -s --noproxy '*' --connect-timeout 1 -m 5 -X POST \
    -H 'Content-Type: application/json' --data-binary @- -w '\n%{http_code}' "$URL$path") || rc=$?
  case "$rc" in
    0) ;;
    7) die "the server is not running at $URL; start it with: opensessions start" ;;
    28) die "the server at $URL did not answer within 5 s; see opensessions doctor" ;;
    *) die "could not reach the server at $URL (curl exit $rc)" ;;
  esac
  code=${answer##*$'\n'}
  body=${answer%$'\n'*}
  case "$code" in
    202) printf 'opensessions: accepted, but no live tmux session matched, so the server dropped it\n' >&2 ;;
    2??) ;;
    *) die "the server refused $path ($code): ${body:-no message}" ;;
  esac
}

# A decimal number as JSON wants it (no leading zeros, no exponent); anything else is a usage error.
json_number() {
  [[ "$2" =~ ^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,15})?$ ]] || usage_error "$1" "not a number: $2"
}

# --tone, or its other name --level, when given (post_line refused both).
add_tone() {
  if [[ -n "${OPT_tone+x}" ]]; then
    json_add_string tone "$OPT_tone"
  elif [[ -n "${OPT_level+x}" ]]; then
    json_add_string tone "$OPT_level"
  fi
  return 0
}

cmd_set_status() {
  parse_options set-status "tone session" "" "$@"
  ((${#POSITIONAL[@]} == 1)) || usage_error set-status "needs exactly one text (quote it; '' clears)"
  resolve_session set-status
  json_reset
  json_add_string session "$SESSION"
  json_add_string text "${POSITIONAL[0]}"
  [[ -n "${OPT_tone+x}" ]] && json_add_string tone "$OPT_tone"
  json_object
  api_post /set-status
}

cmd_set_progress() {
  parse_options set-progress "label session" "clear" "$@"
  json_reset
  if [[ -n "${OPT_clear:-}" ]]; then
    ((${#POSITIONAL[@]} == 0)) || usage_error set-progress "--clear takes no numbers"
    [[ -z "${OPT_label+x}" ]] || usage_error set-progress "--clear takes no label"
    resolve_session set-progress
    json_add_string session "$SESSION"
    json_add_raw clear true
  else
    ((${#POSITIONAL[@]} == 2)) || usage_error set-progress "needs <current> <total>, or --clear"
    json_number set-progress "${POSITIONAL[0]}"
    json_number set-progress "${POSITIONAL[1]}"
    resolve_session set-progress
    json_add_string session "$SESSION"
    json_add_raw current "${POSITIONAL[0]}"
    json_add_raw total "${POSITIONAL[1]}"
    [[ -n "${OPT_label+x}" ]] && json_add_string label "$OPT_label"
  fi
  json_object
  api_post /set-progress
}

# log and notify take the same fields; $1 is the command and the path.
post_line() {
  local command=$1
  shift
  parse_options "$command" "tone level source session" "" "$@"
  ((${#POSITIONAL[@]} == 1)) || usage_error "$command" "needs exactly one message (quote it)"
  [[ -n "${POSITIONAL[0]}" ]] || usage_error "$command" "the message is empty"
  [[ -z "${OPT_tone+x}" || -z "${OPT_level+x}" ]] || usage_error "$command" "give --tone or --level, not both"
  resolve_session "$command"
  json_reset
  json_add_string session "$SESSION"
  json_add_string message "${POSITIONAL[0]}"
  add_tone
  [[ -n "${OPT_source+x}" ]] && json_add_string source "$OPT_source"
  json_object
  api_post "/$command"
}

cmd_log() {
  post_line log "$@"
}

cmd_notify() {
  post_line notify "$@"
}

cmd_clear_log() {
  parse_options clear-log "session" "" "$@"
  ((${#POSITIONAL[@]} == 0)) || usage_error clear-log "takes no arguments besides --session"
  resolve_session clear-log
  json_reset
  json_add_string session "$SESSION"
  json_object
  api_post /clear-log
}

cmd_event() {
  if [[ "${1:-}" == - ]]; then
    (($# == 1)) || usage_error event "event - takes no other arguments"
    JSON_BODY=$(cat)
    [[ -n "$JSON_BODY" ]] || usage_error event "nothing on stdin"
    api_post /api/agent-event
    return 0
  fi
  parse_options event "agent status thread name prompt pane dir session" "" "$@"
  ((${#POSITIONAL[@]} == 0)) || usage_error event "unexpected argument: ${POSITIONAL[0]}"
  [[ -n "${OPT_agent:-}" ]] || usage_error event "--agent is required"
  [[ -n "${OPT_status:-}" ]] || usage_error event "--status is required"
  if [[ -n "${TMUX:-}" && -z "${OPT_session:-}${OPT_pane:-}${OPT_dir:-}" ]]; then
    # Run from an agent's pane: that pane and its session say where the agent is.
    resolve_session event
    OPT_session=$SESSION
    OPT_pane=${TMUX_PANE:-}
  elif [[ -z "${OPT_session:-}${OPT_pane:-}${OPT_dir:-}" ]]; then
    usage_error event "not inside tmux: give --session, --pane or --dir"
  fi
  json_reset
  json_add_string agent "$OPT_agent"
  json_add_string status "$OPT_status"
  local field name
  for field in session:tmuxSession thread:threadId name:threadName prompt:lastUserPrompt pane:paneId \
    dir:projectDir; do
    name="OPT_${field%%:*}"
    [[ -n "${!name:-}" ]] && json_add_string "${field#*:}" "${!name}"
  done
  json_object
  api_post /api/agent-event
}
