# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables set here are read by the scripts that source this file
# server-common.sh: what every tmux-plugin script shares: where the plugin and its server live,
# starting the server on first use, reporting to the user through tmux, and posting a tmux context to the
# server's control endpoints. Sourced, not run.

SCRIPTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PLUGIN_DIR=$(cd "$SCRIPTS_DIR/../../.." && pwd)
LAUNCHER="$PLUGIN_DIR/bin/opensessions"
SERVER_JAR="$PLUGIN_DIR/server/target/quarkus-app/quarkus-run.jar"
SIDEBAR_TITLE=opensessions-sidebar
# shellcheck source=bin/lib/address.sh
source "$PLUGIN_DIR/bin/lib/address.sh"

# Sets LABEL, PORT and URL, then the runtime files, exactly as bin/opensessions does (resolve_identity).
resolve_address
RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}/opensessions-$(id -u)/$LABEL"
TOKEN_FILE="$RUNTIME_DIR/token"
PID_FILE="$RUNTIME_DIR/pid"
LOG_FILE="$RUNTIME_DIR/server.log"
# Files of the plugin's own, removed again by uninstall.sh.
VERSION_FILE="$RUNTIME_DIR/plugin-version"
BOUND_KEYS_FILE="$RUNTIME_DIR/plugin-bound-keys"
SAVED_KEYS_FILE="$RUNTIME_DIR/plugin-saved-keys"
BUILD_LOG="$RUNTIME_DIR/plugin-build.log"

# The client a key binding was pressed on; messages go there. Set by the scripts from their arguments.
CLIENT=""

# Prints the ttys of the user's clients, one a line: never the server's own control-mode client, which
# tmux would otherwise pick for a message aimed at no client.
user_clients() {
  local control tty
  while read -r control tty; do
    if [[ "$control" == 0 && -n "$tty" ]]; then
      printf '%s\n' "$tty"
    fi
  done < <(tmux list-clients -F '#{client_control_mode} #{client_tty}' 2>/dev/null || true)
}

# Shows a message on the status line of the client a key was pressed on, else of every user client, and on
# stderr when a person runs the script in a terminal. display-message expands '#' formats and passes its text
# through strftime ('%H' would become the hour), so both characters are doubled to show as written.
tell() {
  local message="opensessions: $*"
  [[ -t 2 ]] && printf '%s\n' "$message" >&2
  message=${message//[#]/##}
  show_on_clients 10000 "${message//[%]/%%}"
}

fail() {
  tell "$@"
  exit 1
}

# Takes a told message off the status lines at once (a message that lasts 1 ms replaces it): "starting the
# server..." would otherwise stay 10 s over a sidebar that is already there, and while a client shows a
# message tmux drops what a pane passes through to it, such as the terminal notifications.
untell() {
  show_on_clients 1 ""
}

# Shows $2 for $1 ms on the status line of the client a key was pressed on, else of every user client.
show_on_clients() {
  local delay=$1 text=$2 client
  local -a clients=()
  if [[ -n "$CLIENT" ]]; then
    clients=("$CLIENT")
  else
    mapfile -t clients < <(user_clients)
  fi
  for client in ${clients[@]+"${clients[@]}"}; do
    tmux display-message -c "$client" -d "$delay" "$text" 2>/dev/null || true
  done
}

# Accepts the client tty a binding passes ('#{client_tty}'); empty when a script runs outside a client.
use_client() {
  local tty=${1:-}
  [[ -z "$tty" || "$tty" =~ ^/dev/[[:alnum:]/._-]+$ ]] || fail "not a client tty: $tty"
  CLIENT=$tty
}

# Prints the pane to act on: the one a binding passes ('#{pane_id}'), else the pane the script runs in.
pane_or_current() {
  local pane=${1:-${TMUX_PANE:-}}
  [[ "$pane" =~ ^%[0-9]+$ ]] || fail "no tmux pane to act on (got '$pane')"
  printf '%s' "$pane"
}

server_running() {
  "$LAUNCHER" status >/dev/null 2>&1
}

# Starts the server when it does not answer, without opening a sidebar of its own; the first use
# builds it. Every step is told on the client: building, built, or that a server died and is restarted.
# Sets STARTED=1 when this call started it.
STARTED=0
ensure_server() {
  local output dead
  server_running && return 0
  dead=$(dead_server)
  if [[ -n "$dead" ]]; then
    tell "the server (pid $dead) had stopped; starting it again (what it last wrote: $LOG_FILE)..."
  elif [[ -f "$SERVER_JAR" ]]; then
    tell "starting the server..."
  else
    tell "building the server (the first build takes a minute or two)..."
  fi
  if ! output=$(OPENSESSIONS_NO_SIDEBAR=1 "$LAUNCHER" start 2>&1 </dev/null); then
    fail "$(last_line "$output")"
  fi
  if [[ -n "$dead" ]]; then
    tell "the server had stopped (pid $dead) and runs again; its sidebars come back. Why it stopped: $LOG_FILE"
  elif [[ "$output" == *"building the server"* ]]; then
    tell "the server is built and running"
  else
    untell
  fi
  STARTED=1
}

# Prints the pid of a server that died without cleaning up (killed, crashed): its pid file names a process
# that is gone. Prints nothing otherwise.
dead_server() {
  local pid=""
  [[ -r "$PID_FILE" ]] && pid=$(<"$PID_FILE")
  if [[ "$pid" =~ ^[0-9]+$ ]] && ! kill -0 "$pid" 2>/dev/null; then
    printf '%s' "$pid"
  fi
}

# The last non-empty line of a text, without the launcher's own "opensessions: " prefix.
last_line() {
  local line last=""
  while IFS= read -r line; do
    [[ -n "$line" ]] && last=$line
  done <<<"$1"
  printf '%s' "${last#opensessions: }"
}

# Posts PATH (with its query) to the server with the context of the client and pane: client tty|session|
# window|pane|pane active, the token as bearer. Nothing from the context reaches a shell.
post_context() {
  ask_context "$@" >/dev/null
}

# Posts as post_context does and prints the server's answer.
ask_context() {
  local path=$1 pane=$2 token context
  [[ -r "$TOKEN_FILE" ]] || fail "cannot read the server's token file $TOKEN_FILE"
  token=$(<"$TOKEN_FILE")
  context=$(tmux display-message -p -t "$pane" '#{session_name}|#{window_id}|#{pane_id}|#{pane_active}') \
    || fail "pane $pane is gone"
  curl -s -f -m 5 --noproxy '*' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: text/plain' --data-binary "$CLIENT|$context" "$URL$path" \
    || fail "the server refused $path"
}

# Prints the sidebar panes of the pane's window, one id per line.
sidebars_of_window() {
  local id title
  while IFS=' ' read -r id title; do
    if [[ "$title" == "$SIDEBAR_TITLE" ]]; then
      printf '%s\n' "$id"
    fi
  done < <(tmux list-panes -t "$1" -F '#{pane_id} #{pane_title}' 2>/dev/null || true)
}
