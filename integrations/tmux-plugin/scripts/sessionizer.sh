#!/usr/bin/env bash
# sessionizer.sh [client_tty]: opens the project picker (bin/opensessions-sessionizer) in a popup
# on the client, sized like the sidebar popup.
set -euo pipefail
# shellcheck source=integrations/tmux-plugin/scripts/server-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server-common.sh"

use_client "${1:-}"
width=$(tmux show-option -gqv @opensessions-popup-width)
height=$(tmux show-option -gqv @opensessions-popup-height)
width=${width:-80%}
height=${height:-70%}
[[ "$width" =~ ^[0-9]{1,3}%?$ && "$height" =~ ^[0-9]{1,3}%?$ ]] || fail "popup sizes are cells or percentages"
target=()
[[ -n "$CLIENT" ]] && target=(-c "$CLIENT")
# display-popup runs one shell command: the path is quoted with printf %q.
tmux display-popup "${target[@]}" -E -w "$width" -h "$height" \
  "$(printf 'exec %q' "$PLUGIN_DIR/bin/opensessions-sessionizer")" || fail "the popup could not be opened"
