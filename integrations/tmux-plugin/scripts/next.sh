#!/usr/bin/env bash
# next.sh [client_tty] [pane_id]: moves the client to the agent that needs you next: first the agents waiting
# for you (the longest wait first), then those whose end (done, error, interrupted) you have not seen, oldest
# first; pressing again goes on to the next one (docs/reference/key-bindings.md#jump).
set -euo pipefail
# shellcheck source=integrations/tmux-plugin/scripts/server-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server-common.sh"

use_client "${1:-}"
pane=$(pane_or_current "${2:-}")
[[ -n "$CLIENT" ]] || CLIENT=$(tmux display-message -p -t "$pane" '#{client_tty}' 2>/dev/null || true)
[[ -n "$CLIENT" ]] || fail "no tmux client to move (run this from a key binding or a pane of an attached client)"
ensure_server
answer=$(ask_context /next "$pane")
case "$answer" in
  "nothing needs you") tell "no agent needs you" ;;
  "no client") fail "the server does not know the client $CLIENT yet; try again" ;;
esac
