#!/usr/bin/env bash
# popup.sh [client_tty]: shows the sidebar in a popup over the client's pane, sized by the tmux options
# @opensessions-popup-width and @opensessions-popup-height (80% and 70% unless set); q or Esc closes it.
set -euo pipefail
# shellcheck source=integrations/tmux-plugin/scripts/server-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server-common.sh"

use_client "${1:-}"
width=$(tmux show-option -gqv @opensessions-popup-width)
height=$(tmux show-option -gqv @opensessions-popup-height)
ensure_server
output=$(OPENSESSIONS_POPUP_WIDTH=${width:-80%} OPENSESSIONS_POPUP_HEIGHT=${height:-70%} \
  "$LAUNCHER" popup "$CLIENT" 2>&1) || fail "$(last_line "$output")"
