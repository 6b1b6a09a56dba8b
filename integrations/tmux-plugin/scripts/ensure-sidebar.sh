#!/usr/bin/env bash
# ensure-sidebar.sh [client_tty] [pane_id]: opens a sidebar in the pane's window unless sidebars are toggled
# off; starts the server first when it does not run.
set -euo pipefail
# shellcheck source=integrations/tmux-plugin/scripts/server-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server-common.sh"

use_client "${1:-}"
pane=$(pane_or_current "${2:-}")
ensure_server
post_context /ensure-sidebar "$pane"
