#!/usr/bin/env bash
# uninstall.sh: takes out of this tmux server everything the plugin and its server put in: the
# server, every sidebar pane, the key bindings (the bindings they replaced come back), every @opensessions
# option, OPENSESSIONS_DIR and the runtime files. Quiet on success; running it again changes nothing.
set -euo pipefail
# shellcheck source=integrations/tmux-plugin/scripts/server-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server-common.sh"

problems=()

option() {
  tmux show-option -gqv "$1" 2>/dev/null || true
}

stop_server() {
  "$LAUNCHER" stop >/dev/null 2>&1 && return 0
  problems+=("the server did not stop; see $RUNTIME_DIR/server.log")
  return 1
}

kill_sidebars() {
  local id title
  # A window linked into several sessions is listed once per session; its panes are killed once.
  while read -r id title; do
    if [[ "$title" == "$SIDEBAR_TITLE" ]]; then
      tmux kill-pane -t "$id" 2>/dev/null || true
    fi
  done < <(tmux list-panes -a -F '#{pane_id} #{pane_title}' 2>/dev/null | sort -u)
}

# Prints "table key" for every key the plugin may have bound: those it recorded, and those its options name
# (a record lost with the runtime folder must not leave a binding behind).
bound_keys() {
  local key
  local -a index_keys
  if [[ -r "$BOUND_KEYS_FILE" ]]; then
    cat "$BOUND_KEYS_FILE"
  fi
  key=$(option @opensessions-prefix-key)
  printf 'prefix %s\n' "${key:-o}"
  key=$(option @opensessions-popup-key)
  printf 'prefix %s\n' "${key:-g}"
  key=$(option @opensessions-focus-global-key)
  [[ -z "$key" ]] || printf 'root %s\n' "$key"
  key=$(option @opensessions-next-global-key)
  [[ -z "$key" ]] || printf 'root %s\n' "$key"
  read -r -a index_keys <<<"$(option @opensessions-index-keys)"
  for key in "${index_keys[@]}"; do
    printf 'root %s\n' "$key"
  done
}

unbind_keys() {
  local table key binding
  while read -r table key; do
    [[ -n "$key" ]] || continue
    binding=$(tmux list-keys -T "$table" "$key" 2>/dev/null || true)
    # Only a binding that still runs the plugin is removed; one the user made since stays.
    if [[ "$binding" == *opensessions* ]]; then
      tmux unbind-key -T "$table" "$key"
    fi
  done < <(bound_keys | sort -u)
  tmux unbind-key -a -T opensessions 2>/dev/null || true
  if [[ -s "$SAVED_KEYS_FILE" ]]; then
    tmux source-file "$SAVED_KEYS_FILE" || problems+=("could not restore the key bindings saved in $SAVED_KEYS_FILE")
  fi
}

# The plugin's options, the user's @opensessions-* settings and the server's @opensessions_width, at every
# global level.
unset_options() {
  local scope name rest
  for scope in -g -gw -s; do
    while read -r name rest; do
      if [[ "$name" == @opensessions* ]]; then
        tmux set-option "$scope" -u "$name"
      fi
    done < <(tmux show-options "$scope" 2>/dev/null || true)
  done
}

remove_runtime_files() {
  rm -rf -- "$RUNTIME_DIR"
  rmdir -- "${RUNTIME_DIR%/*}" 2>/dev/null || true
}

server_stopped=0
stop_server && server_stopped=1
kill_sidebars
unbind_keys
unset_options
tmux set-environment -gu OPENSESSIONS_DIR 2>/dev/null || true
if ((server_stopped)); then
  remove_runtime_files
fi
if ((${#problems[@]} > 0)); then
  fail "uninstall left something behind: ${problems[*]}"
fi
