#!/usr/bin/env bash
# toggle.sh [client_tty] [pane_id]: hides every sidebar of this tmux server, or shows one in every window
# (SPEC 6.2). The first use starts the server and shows the sidebar, as `bin/opensessions start` does.
set -euo pipefail
# shellcheck source=integrations/tmux-plugin/scripts/server-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server-common.sh"

use_client "${1:-}"
pane=$(pane_or_current "${2:-}")
ensure_server
if ((STARTED)); then
  # A new server shows sidebars; a toggle now would hide what the user just asked to see.
  post_context /ensure-sidebar "$pane"
else
  post_context /toggle "$pane"
fi
