#!/usr/bin/env bash
# switch-index.sh N [client_tty] [pane_id]: switches the client to the N-th session the sidebar lists
# (1 to 9, hidden sessions skipped), as the sidebar's own number keys do.
set -euo pipefail
# shellcheck source=integrations/tmux-plugin/scripts/server-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server-common.sh"

index=${1:-}
use_client "${2:-}"
[[ "$index" =~ ^[1-9]$ ]] || fail "switch-index takes a session number from 1 to 9, not '$index'"
pane=$(pane_or_current "${3:-}")
ensure_server
post_context "/switch-index?index=$index" "$pane"
