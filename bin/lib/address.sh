# shellcheck shell=bash
# address.sh: where the opensessions server of the current tmux server listens, shared by
# bin/opensessions and the agent hooks so the two can never disagree. Sourced, not run; builtins only,
# because hooks call it on every agent event.

# Sets HASH to the reference's key of a path: the sum of each character's code point times its
# 1-based position, mod 20000. A variable, not output, so hooks pay for no subshell.
hash_path() {
  local LC_ALL=C.UTF-8
  local path=$1 key=0 i code
  for ((i = 0; i < ${#path}; i++)); do
    printf -v code '%d' "'${path:i:1}"
    key=$(((key + code * (i + 1)) % 20000))
  done
  HASH=$key
}

# Sets LABEL (default or the key), PORT and URL exactly as the server derives them (ServerKey.java).
# shellcheck disable=SC2034 # LABEL, PORT and URL are what the callers read.
resolve_address() {
  local key="" default_socket=1 socket
  if [[ -n "${OPENSESSIONS_SERVER_KEY:-}" ]]; then
    if [[ "$OPENSESSIONS_SERVER_KEY" =~ ^[0-9]{1,9}$ ]]; then
      key=$((10#$OPENSESSIONS_SERVER_KEY))
      default_socket=0
    fi
  elif [[ -n "${TMUX:-}" ]]; then
    socket=${TMUX%%,*}
    if [[ -n "$socket" ]]; then
      hash_path "$socket"
      key=$HASH
      [[ "${socket##*/}" == default ]] || default_socket=0
    fi
  fi
  if [[ $default_socket == 1 || -z "$key" ]]; then
    LABEL=default
    PORT=7391
  else
    LABEL=$key
    PORT=$((22000 + key))
  fi
  if [[ "${OPENSESSIONS_PORT:-}" =~ ^[0-9]{1,9}$ ]] && ((10#$OPENSESSIONS_PORT >= 1 && 10#$OPENSESSIONS_PORT <= 65535)); then
    PORT=$((10#$OPENSESSIONS_PORT))
  fi
  URL="http://127.0.0.1:$PORT"
}
