#!/usr/bin/env bash
# even-horizontal.sh <window_id> [pane_id]: spreads the content panes of the window evenly side by side, as
# tmux's even-horizontal layout does, while the sidebar keeps its side and its width.
set -euo pipefail
# shellcheck source=integrations/tmux-plugin/scripts/server-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server-common.sh"

window=${1:-}
pane=${2:-}
[[ "$window" =~ ^@[0-9]+$ ]] || fail "even-horizontal needs a window id such as @1, not '$window'"
[[ -z "$pane" || "$pane" =~ ^%[0-9]+$ ]] || fail "not a pane id: $pane"

# tmux's layout checksum (layout_checksum in layout-custom.c): a 16-bit rotate-and-add over the text.
checksum() {
  local text=$1 sum=0 i code
  local LC_ALL=C
  for ((i = 0; i < ${#text}; i++)); do
    printf -v code '%d' "'${text:i:1}"
    sum=$(((((sum >> 1) | ((sum & 1) << 15)) + code) & 0xffff))
  done
  printf '%04x' "$sum"
}

sidebars=()
contents=()
side=left
while read -r id left width title; do
  if [[ "$title" == "$SIDEBAR_TITLE" ]]; then
    sidebars+=("$id")
    sidebar_width=$width
    ((left == 0)) || side=right
  else
    contents+=("$id")
  fi
done < <(tmux list-panes -t "$window" -F '#{pane_id} #{pane_left} #{pane_width} #{pane_title}')
((${#sidebars[@]} <= 1 && ${#contents[@]} >= 2)) || exit 0
if ((${#sidebars[@]} == 0)); then
  tmux select-layout -t "$window" even-horizontal
  exit 0
fi

read -r window_width window_height < <(tmux display-message -p -t "$window" '#{window_width} #{window_height}')
count=${#contents[@]}
# One border column between neighbours: the sidebar's and count - 1 between the content panes.
room=$((window_width - sidebar_width - count))
((room >= 2 * count)) || fail "the window is too narrow to spread $count panes beside the sidebar"

# A layout of one row: the sidebar at full height on its side, the content panes evenly between.
cells=()
x=0
if [[ "$side" == left ]]; then
  cells+=("${sidebar_width}x${window_height},0,0,${sidebars[0]#%}")
  x=$((sidebar_width + 1))
fi
for ((i = 0; i < count; i++)); do
  width=$((room / count + (i < room % count ? 1 : 0)))
  cells+=("${width}x${window_height},$x,0,${contents[i]#%}")
  x=$((x + width + 1))
done
if [[ "$side" == right ]]; then
  cells+=("${sidebar_width}x${window_height},$x,0,${sidebars[0]#%}")
fi
body=$(IFS=,; printf '%s' "${cells[*]}")
layout="${window_width}x${window_height},0,0{$body}"
tmux select-layout -t "$window" "$(checksum "$layout"),$layout"
[[ -z "$pane" ]] || tmux select-pane -t "$pane" 2>/dev/null || true
