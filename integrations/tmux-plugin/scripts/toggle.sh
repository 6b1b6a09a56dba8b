#!/usr/bin/env bash
# toggle.sh [client_tty] [pane_id]: hides every sidebar of this tmux server, or shows one in every window.
# Shown means what the user sees: with none in the pane's window, the toggle shows them. A press
# that has to start (or first build) the server shows them in every window.
set -euo pipefail
# shellcheck source=integrations/tmux-plugin/scripts/server-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server-common.sh"

use_client "${1:-}"
pane=$(pane_or_current "${2:-}")
ensure_server
if ((STARTED)); then
  # The user asked to see sidebars; after a crash this brings them back in every window.
  post_context /show "$pane"
else
  post_context /toggle "$pane"
fi
