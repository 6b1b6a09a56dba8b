#!/usr/bin/env bash
# Shows that dev mode (./mvnw quarkus:dev) is safe to run beside an installed server: it starts dev mode
# inside a private tmux server with HOME and the XDG folders pointed at an empty temporary folder (where an
# installed server would keep its runtime files, database and settings), waits for the dev port to answer,
# then checks that nothing was written there and that dev mode's files are under server/target instead.
# Prints one line per check and exits non-zero on the first that fails.
# Usage: bench/dev-mode-check.sh   (OPENSESSIONS_DEV_PORT / OPENSESSIONS_DEV_SIDEBAR_PORT move the ports)
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/opensessions-devcheck.XXXXXX")
SOCKET="$WORK/tmux.sock"
DEV_PORT=${OPENSESSIONS_DEV_PORT:-17391}
DEADLINE_SECONDS=${DEV_MODE_DEADLINE:-600}
DEV_PID=""
# Maven keeps its wrapper and repository under the real home; only the server sees the temporary one.
export MAVEN_USER_HOME=${MAVEN_USER_HOME:-$HOME/.m2}

cleanup() {
  if [[ -n "$DEV_PID" ]]; then
    kill -- "-$DEV_PID" 2>/dev/null || kill "$DEV_PID" 2>/dev/null || true
    wait "$DEV_PID" 2>/dev/null || true
  fi
  tmux -S "$SOCKET" kill-server 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  printf 'FAIL %s\n' "$*"
  printf -- '--- last lines of the dev mode log:\n'
  tail -n 40 "$WORK/dev.log" || true
  exit 1
}

mkdir -p "$WORK/home" "$WORK/run" "$WORK/state" "$WORK/config"
tmux -S "$SOCKET" -f /dev/null new-session -d -s dev -x 120 -y 40
tmux_pid=$(tmux -S "$SOCKET" display-message -p '#{pid}')
rm -rf "$REPO_DIR/server/target/dev-runtime" "$REPO_DIR/server/target/dev-state" "$REPO_DIR/server/target/dev-config"

(
  cd "$REPO_DIR"
  export HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/run" XDG_STATE_HOME="$WORK/state" XDG_CONFIG_HOME="$WORK/config"
  export TMUX="$SOCKET,$tmux_pid,0"
  exec setsid ./mvnw -B -q test-compile quarkus:dev -Dquarkus.console.enabled=false -Ddebug=false
) >"$WORK/dev.log" 2>&1 &
DEV_PID=$!

deadline=$((SECONDS + DEADLINE_SECONDS))
until answer=$(curl -fsS --max-time 2 "http://127.0.0.1:$DEV_PORT/" 2>/dev/null); do
  kill -0 "$DEV_PID" 2>/dev/null || fail "dev mode exited before it answered on port $DEV_PORT"
  ((SECONDS < deadline)) || fail "dev mode did not answer on port $DEV_PORT within ${DEADLINE_SECONDS}s"
  sleep 1
done
[[ "$answer" == "opensessions server "* ]] || fail "port $DEV_PORT answered '$answer', not an opensessions server"
printf 'ok   dev mode answers on its own port %s: %s\n' "$DEV_PORT" "$answer"

runtime="$REPO_DIR/server/target/dev-runtime"
[[ -s "$runtime/token" ]] || fail "no token in $runtime"
printf 'ok   runtime files in server/target/dev-runtime: %s\n' "$(cd "$runtime" && echo *)"

# The database is written on its own thread, off the request: a state change makes it write, then wait.
curl -fsS --max-time 5 -X POST -H 'Content-Type: application/json' \
  -d '{"session":"dev","text":"dev mode check"}' "http://127.0.0.1:$DEV_PORT/set-status" >/dev/null \
  || fail "POST /set-status was refused"
until [[ -s "$REPO_DIR/server/target/dev-state/opensessions.db" ]]; do
  ((SECONDS < deadline)) || fail "no database in server/target/dev-state"
  sleep 1
done
printf 'ok   database in server/target/dev-state/opensessions.db\n'

written=$(cd "$WORK" && find home run state config -mindepth 1 -print)
[[ -z "$written" ]] || fail "dev mode wrote where an installed server keeps its files: $written"
printf 'ok   nothing written to the runtime folder, database or settings of an installed server\n'
