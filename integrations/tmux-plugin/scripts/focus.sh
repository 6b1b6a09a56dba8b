#!/usr/bin/env bash
# focus.sh [client_tty] [pane_id]: moves the cursor into the sidebar of the pane's window, opening the
# sidebar first when the window has none.
set -euo pipefail
# shellcheck source=integrations/tmux-plugin/scripts/server-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server-common.sh"

# Selects the window's sidebar once one is listed, polling until the deadline (seconds from now).
select_sidebar_within() {
  local deadline=$((SECONDS + $1)) sidebar
  while :; do
    sidebar=""
    read -r sidebar < <(sidebars_of_window "$pane") || true
    if [[ -n "$sidebar" ]]; then
      tmux select-pane -t "$sidebar"
      return 0
    fi
    ((SECONDS < deadline)) || return 1
    sleep 0.05
  done
}

use_client "${1:-}"
pane=$(pane_or_current "${2:-}")
# The key table is left even when no sidebar could be focused.
trap '[[ -n "$CLIENT" ]] && tmux switch-client -c "$CLIENT" -T root 2>/dev/null || true' EXIT
select_sidebar_within 0 && exit 0
ensure_server
post_context /ensure-sidebar "$pane"
select_sidebar_within 2 && exit 0
# Sidebars are toggled off: ensure keeps them hidden, so show them.
post_context /show "$pane"
select_sidebar_within 3 || fail "no sidebar appeared in this window"
