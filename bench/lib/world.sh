# shellcheck shell=bash
# world.sh: the private world of a benchmark that drives bin/opensessions from this checkout: a scratch
# folder, a tmux socket, a port, and a home and XDG folders of its own, exported so that bin/opensessions
# and tmux use them and nothing of the user's is touched. On exit the server is stopped (through the bench's
# package copy when server.sh set LAUNCH_DIR, else this checkout's launcher), the private tmux killed and the
# folder removed, after the script's own `cleanup_extra STATUS`, when it defines one (STATUS: the script's exit
# status). Sourced, not run; needs $REPO_DIR.

# Sets WORK, SOCKET, PORT and USER_HOME (the user's home, for the build's Maven repository) and exports the
# environment; $1 names the scratch folder.
private_world() {
  USER_HOME=$HOME
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/opensessions-$1.XXXXXX")
  SOCKET="$WORK/tmux.sock"
  PORT=${OPENSESSIONS_PORT:-$((40000 + RANDOM % 10000))}
  export HOME="$WORK/home" XDG_STATE_HOME="$WORK/state" XDG_CONFIG_HOME="$WORK/config" XDG_RUNTIME_DIR="$WORK/run"
  export OPENSESSIONS_PORT=$PORT TMUX="$SOCKET,1,0"
  mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
  trap leave_world EXIT
}

leave_world() {
  local status=$?
  if declare -F cleanup_extra >/dev/null; then
    cleanup_extra "$status"
  fi
  "${LAUNCH_DIR:-$REPO_DIR}/bin/opensessions" stop >/dev/null 2>&1 || true
  tmux -S "$SOCKET" kill-server 2>/dev/null || true
  rm -rf "$WORK"
}

# The flag variants of bench/footprint.sh and bench/footprint-alone.sh: each argument 'label:words', where
# words of the form NAME=value go to the environment and the others are JVM flags.
# Sets SETTLE, RUNS and VARIANTS from the command line; an option of its own goes to the caller's
# `variant_option NAME VALUE`, when it defines one (it returns non-zero for an option it does not know).
variant_args() {
  local tool=$1
  shift
  SETTLE=30
  RUNS=1
  while [[ "${1:-}" == --* ]]; do
    case "$1" in
      --settle) SETTLE=$2 ;;
      --runs) RUNS=$2 ;;
      *) declare -F variant_option >/dev/null && variant_option "$1" "${2:-}" \
        || { echo "$tool: unknown option $1" >&2; exit 2; } ;;
    esac
    shift 2
  done
  (($# > 0)) || { echo "$tool: give at least one 'label:flags'" >&2; exit 2; }
  VARIANTS=("$@")
}

# Sets LABEL, ENVS and FLAGS from one variant 'label:words'.
split_variant() {
  local word
  LABEL=${1%%:*}
  ENVS=()
  FLAGS=()
  for word in ${1#*:}; do
    if [[ "$word" =~ ^[A-Z_]+= ]]; then ENVS+=("$word"); else FLAGS+=("$word"); fi
  done
}

# What a failed run leaves for its reader: the server's log and the load tool's errors, copied to
# bench/results/failed-$2<time>/ before the scratch folder goes, and the clients the switch step started
# stopped. $1: the script's exit status; $3: the tool's name for the message.
keep_failure_and_stop_clients() {
  local status=$1 prefix=$2 tool=$3 kept pid
  if ((status != 0)); then
    kept="$REPO_DIR/bench/results/failed-$prefix$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$kept"
    cp "${RUNTIME:-/nonexistent}/server.log" "$WORK"/*.err "$WORK"/*.log "$kept/" 2>/dev/null || true
    printf '%s: failed; logs kept in %s\n' "$tool" "${kept#"$REPO_DIR"/}" >&2
  fi
  for pid in "${CLIENT_PID:-}" "${CONTROL_PID:-}"; do
    if [[ -n "$pid" ]]; then
      kill "$pid" 2>/dev/null || true
    fi
  done
}
