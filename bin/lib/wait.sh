# shellcheck shell=bash
# wait.sh: `opensessions wait` (block until an agent reaches a status, GET /api/wait) and `opensessions
# stats` (how long agents waited for you, GET /api/stats). Every value goes to curl as its own
# --data-urlencode argument, never through a shell string. Sourced by bin/opensessions.

WAIT_DEFAULT_TIMEOUT=24h

# A duration of GET /api/wait (a whole number, then ms, s, m or h; seconds without a unit) in whole
# seconds, rounded up, into WAIT_SECONDS; anything else is a usage error.
wait_seconds() {
  local text=$1 n unit
  [[ "$text" =~ ^([0-9]{1,9})(ms|s|m|h)?$ ]] || usage_error wait "not a duration: $text (for example 90s, 10m, 2h)"
  n=$((10#${BASH_REMATCH[1]}))
  unit=${BASH_REMATCH[2]:-s}
  case "$unit" in
    ms) WAIT_SECONDS=$(((n + 999) / 1000)) ;;
    s) WAIT_SECONDS=$n ;;
    m) WAIT_SECONDS=$((n * 60)) ;;
    h) WAIT_SECONDS=$((n * 3600)) ;;
  esac
}

# Waits until an agent row of the session matches; prints it (JSON) and exits 0, exits 124 when the time
# is up, 1 when the server is down or refused, 2 for wrong arguments.
cmd_wait() {
  local answer code body rc=0 timeout
  parse_options wait "session until agent thread timeout" "" "$@"
  ((${#POSITIONAL[@]} == 0)) || usage_error wait "takes no arguments besides its options"
  [[ -n "${OPT_until:-}" ]] || usage_error wait "--until is required (for example --until done,error)"
  timeout=${OPT_timeout:-$WAIT_DEFAULT_TIMEOUT}
  wait_seconds "$timeout"
  resolve_session wait
  local -a query=(--data-urlencode "session=$SESSION" --data-urlencode "status=$OPT_until"
    --data-urlencode "timeout=$timeout")
  [[ -n "${OPT_agent:-}" ]] && query+=(--data-urlencode "agent=$OPT_agent")
  [[ -n "${OPT_thread:-}" ]] && query+=(--data-urlencode "thread=$OPT_thread")
  # The server answers 408 when the time is up; curl's own limit only guards against a server that hangs.
  answer=$(curl -s --noproxy '*' --connect-timeout 1 -m $((WAIT_SECONDS + 30)) -G "${query[@]}" \
    -w '\n%{http_code}' "$URL/api/wait") || rc=$?
  case "$rc" in
    0) ;;
    7) die "the server is not running at $URL; start it with: opensessions start" ;;
    28) die "the server at $URL did not answer the wait in time; see opensessions doctor" ;;
    *) die "could not reach the server at $URL (curl exit $rc)" ;;
  esac
  code=${answer##*$'\n'}
  body=${answer%$'\n'*}
  case "$code" in
    200) printf '%s\n' "$body" ;;
    408)
      printf 'opensessions wait: no agent of %s reached %s within %s\n' "$SESSION" "$OPT_until" "$timeout" >&2
      exit 124
      ;;
    *) die "the server refused the wait ($code): ${body:-no message}" ;;
  esac
}

# Prints how long agents waited for you (the server renders the table), or the JSON with --json.
cmd_stats() {
  local answer code body rc=0 format=table
  parse_options stats "since" "json" "$@"
  ((${#POSITIONAL[@]} == 0)) || usage_error stats "takes no arguments besides its options"
  [[ -n "${OPT_json:-}" ]] && format=json
  local -a query=(--data-urlencode "format=$format")
  [[ -n "${OPT_since:-}" ]] && query+=(--data-urlencode "since=$OPT_since")
  answer=$(curl -s --noproxy '*' --connect-timeout 1 -m 10 -G "${query[@]}" -w '\n%{http_code}' \
    "$URL/api/stats") || rc=$?
  case "$rc" in
    0) ;;
    7) die "the server is not running at $URL; start it with: opensessions start" ;;
    *) die "could not reach the server at $URL (curl exit $rc)" ;;
  esac
  code=${answer##*$'\n'}
  body=${answer%$'\n'*}
  [[ "$code" == 200 ]] || die "the server refused the stats ($code): ${body:-no message}"
  printf '%s\n' "$body"
}
