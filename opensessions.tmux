#!/usr/bin/env bash
# opensessions.tmux: the TPM entry point. Tells tmux where the plugin lives, builds the server
# once, stops a server left running by another version, and binds the opensessions key table. It installs
# no tmux hooks: the server follows tmux over its control-mode connection (docs/adr/0006).
set -euo pipefail

# shellcheck source=integrations/tmux-plugin/scripts/server-common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/integrations/tmux-plugin/scripts/server-common.sh"

option() {
  local value
  value=$(tmux show-option -gqv "$1" 2>/dev/null || true)
  printf '%s' "${value:-$2}"
}

# tmux loads the plugin before any client attaches; a message shown then would reach nobody, so the
# messages of the load wait (in the background) for a user's client, up to two minutes, then go to every
# user client (never to the server's control-mode client). Clients are listed only once a session exists:
# list-clients before that is an error ("no current target") tmux keeps in the message log the user reads.
tell_when_attached() {
  local deadline=$((SECONDS + 120))
  until [[ -n "$(tmux list-sessions -F x 2>/dev/null)" ]] \
      && tmux list-clients -F '#{client_control_mode}' 2>/dev/null | grep -qx 0; do
    ((SECONDS < deadline)) || return 0
    sleep 0.5
  done
  tell "$@"
}

# Shows a message of the load in the background, detached from run-shell's output so the load never waits.
later() {
  tell_when_attached "$@" </dev/null >/dev/null 2>&1 &
}

# The version of this checkout: git's description in a clone, else the server's version line.
plugin_version() {
  local version
  if version=$(git -C "$PLUGIN_DIR" describe --tags --always --dirty 2>/dev/null) && [[ -n "$version" ]]; then
    printf '%s' "$version"
  else
    sed -n 's/^VERSION_LINE="\(.*\)"$/\1/p' "$LAUNCHER"
  fi
}

# Records "<plugin dir>:<version>"; a running server started by another version or from
# another folder is stopped, so the next use starts this one.
record_version() {
  local now previous=""
  now="$PLUGIN_DIR:$(plugin_version)"
  [[ -r "$VERSION_FILE" ]] && previous=$(<"$VERSION_FILE")
  if [[ -n "$previous" && "$previous" != "$now" ]] && server_running; then
    "$LAUNCHER" stop >/dev/null 2>&1 || later "could not stop the server of $previous"
  fi
  printf '%s' "$now" >"$VERSION_FILE"
}

# Builds the server in the background when this checkout has none yet: `bin/opensessions start` finds a
# JDK 21+, builds and starts it; its progress and outcome are shown in tmux, its output kept in BUILD_LOG.
build_in_background() {
  (
    tell_when_attached "building the server in the background (a minute or two); log: $BUILD_LOG"
    if OPENSESSIONS_NO_SIDEBAR=1 "$LAUNCHER" start >"$BUILD_LOG" 2>&1; then
      tell_when_attached "the server is built and running; prefix $(option @opensessions-prefix-key o) t shows or hides the sidebar"
    else
      tell_when_attached "$(last_line "$(<"$BUILD_LOG")") (log: $BUILD_LOG)"
    fi
  ) </dev/null >/dev/null 2>&1 &
}

# One run-shell command line: the script's path quoted for sh with tmux's '#' doubled (run-shell expands
# formats), then the given format arguments. Output and exit status are dropped because tmux would show
# them over the pane; the scripts report through display-message instead.
script_command() {
  local quoted
  printf -v quoted '%q' "$SCRIPTS_DIR/$1"
  printf '%s %s >/dev/null 2>&1 || true' "${quoted//#/##}" "${*:2}"
}

# The binding of a key in a table, as list-keys prints it, or nothing. tmux is asked for one key only when the
# table's listing names it: list-keys of an unbound key is an error, and tmux keeps that error ("unknown key")
# in the message log the user reads with show-messages. A key the listing escapes (such as \; or '"') is asked
# for directly, as before.
binding_of() {
  local table=$1 key=$2
  if [[ "$key" =~ ^[A-Za-z0-9_-]+$ ]] && ! tmux list-keys -T "$table" 2>/dev/null \
      | awk -v key="$key" '{ for (i = 1; i < NF - 1; i++) if ($i == "-T") { if ($(i + 2) == key) found = 1; next } } END { exit !found }'; then
    return 0
  fi
  tmux list-keys -T "$table" "$key" 2>/dev/null || true
}

# Binds a key in the prefix or root table, first saving a binding of someone else's for uninstall.sh.
bind_user_key() {
  local table=$1 key=$2 previous
  previous=$(binding_of "$table" "$key")
  if [[ -n "$previous" && "$previous" != *opensessions* ]] && ! grep -qxF -- "$previous" "$SAVED_KEYS_FILE" 2>/dev/null; then
    printf '%s\n' "$previous" >>"$SAVED_KEYS_FILE"
  fi
  if ! tmux bind-key -T "$table" "$key" "${@:3}" 2>/dev/null; then
    later "cannot bind '$key' in the $table table; check the @opensessions-*-key options"
    return 0
  fi
  grep -qxF -- "$table $key" "$BOUND_KEYS_FILE" 2>/dev/null || printf '%s %s\n' "$table" "$key" >>"$BOUND_KEYS_FILE"
}

bind_keys() {
  local prefix_key popup_key focus_key next_key index_keys index
  local client="'#{client_tty}' '#{pane_id}'"
  local -a keys
  prefix_key=$(option @opensessions-prefix-key o)
  popup_key=$(option @opensessions-popup-key g)
  focus_key=$(option @opensessions-focus-global-key "")
  next_key=$(option @opensessions-next-global-key "")
  index_keys=$(option @opensessions-index-keys "")

  bind_user_key prefix "$prefix_key" switch-client -T opensessions
  # The table is bound in one tmux call (commands separated by ';'): each call costs a client start-up,
  # and tmux waits for the plugin while it loads.
  local -a table=(
    bind-key -T opensessions s run-shell -b "$(script_command focus.sh "$client")" ";"
    bind-key -T opensessions t run-shell -b "$(script_command toggle.sh "$client")" ";"
    bind-key -T opensessions e run-shell -b "$(script_command even-horizontal.sh "'#{window_id}' '#{pane_id}'")" ";"
    bind-key -T opensessions g run-shell -b "$(script_command popup.sh "'#{client_tty}'")" ";"
    bind-key -T opensessions n run-shell -b "$(script_command next.sh "$client")" ";"
  )
  for index in 1 2 3 4 5 6 7 8 9; do
    table+=(bind-key -T opensessions "$index" run-shell -b "$(script_command switch-index.sh "$index $client")" ";")
  done
  # Any other key leaves the table, as a mistyped key after the prefix does.
  table+=(bind-key -T opensessions Any switch-client -T root)
  tmux "${table[@]}"
  bind_user_key prefix "$popup_key" run-shell -b "$(script_command popup.sh "'#{client_tty}'")"

  [[ -z "$focus_key" ]] || bind_user_key root "$focus_key" run-shell -b "$(script_command focus.sh "$client")"
  [[ -z "$next_key" ]] || bind_user_key root "$next_key" run-shell -b "$(script_command next.sh "$client")"
  read -r -a keys <<<"$index_keys"
  if ((${#keys[@]} > 9)); then
    later "@opensessions-index-keys lists ${#keys[@]} keys; only the first 9 are bound"
  fi
  for ((index = 1; index <= ${#keys[@]} && index <= 9; index++)); do
    bind_user_key root "${keys[index - 1]}" run-shell -b "$(script_command switch-index.sh "$index $client")"
  done
}

check_position() {
  local position
  position=$(option @opensessions-position left)
  if [[ "$position" != left && "$position" != right ]]; then
    later "@opensessions-position is '$position'; it takes left or right"
  fi
}

main() {
  # The legacy width variable is ignored (the width comes from config.json, sidebarWidth), so it is unset.
  tmux set-environment -g OPENSESSIONS_DIR "$PLUGIN_DIR" ";" set-environment -gu OPENSESSIONS_WIDTH
  (umask 077 && mkdir -p "$RUNTIME_DIR")
  record_version
  [[ -f "$SERVER_JAR" ]] || build_in_background
  check_position
  bind_keys
}

main "$@"
