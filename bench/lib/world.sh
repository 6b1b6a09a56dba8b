# shellcheck shell=bash
# world.sh: the private world of a benchmark that drives bin/opensessions from this checkout: a scratch
# folder, a tmux socket, a port, and a home and XDG folders of its own, exported so that bin/opensessions
# and tmux use them and nothing of the user's is touched. On exit the server is stopped, the private tmux
# killed and the folder removed, after the script's own `cleanup_extra`, when it defines one.
# Sourced, not run; needs $REPO_DIR.

# Sets WORK, SOCKET and PORT and exports the environment; $1 names the scratch folder.
private_world() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/opensessions-$1.XXXXXX")
  SOCKET="$WORK/tmux.sock"
  PORT=${OPENSESSIONS_PORT:-$((40000 + RANDOM % 10000))}
  export HOME="$WORK/home" XDG_STATE_HOME="$WORK/state" XDG_CONFIG_HOME="$WORK/config" XDG_RUNTIME_DIR="$WORK/run"
  export OPENSESSIONS_PORT=$PORT TMUX="$SOCKET,1,0"
  mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
  trap leave_world EXIT
}

leave_world() {
  if declare -F cleanup_extra >/dev/null; then
    cleanup_extra
  fi
  "$REPO_DIR/bin/opensessions" stop >/dev/null 2>&1 || true
  tmux -S "$SOCKET" kill-server 2>/dev/null || true
  rm -rf "$WORK"
}
