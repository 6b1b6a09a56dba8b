# shellcheck shell=bash
# tmux.sh: the private tmux server of a benchmark run, its sessions, and a control-mode client that polls
# screens without starting a process per poll. Sourced, not run; needs $WORK and $SOCKET.

CONTROL_PID=""

t() {
  tmux -S "$SOCKET" "$@"
}

name() {
  printf 's%02d' "$1"
}

# Creates sessions s01..s<N>, each in its own git repository with one commit, 120x40 cells.
make_sessions() {
  local n=$1 i dir
  for ((i = 1; i <= n; i++)); do
    dir="$WORK/projects/p$i"
    mkdir -p "$dir"
    git -C "$dir" init -q -b main
    printf 'hello %s\n' "$i" >"$dir/README"
    git -C "$dir" add README
    git -C "$dir" -c user.name=bench -c user.email=bench@localhost commit -q -m init
    if ((i == 1)); then
      t -f /dev/null new-session -d -s "$(name "$i")" -x 120 -y 40 -c "$dir"
    else
      t new-session -d -s "$(name "$i")" -x 120 -y 40 -c "$dir"
    fi
  done
}

# Starts the poller: a control-mode client attached to session $1 (one no test switches to); like the
# server's own client it neither resizes windows nor receives what panes print.
start_control_client() {
  coproc CTL { exec env -u TMUX tmux -S "$SOCKET" -C attach -t "$1" -f no-output,ignore-size 2>&1; }
  CONTROL_PID=$CTL_PID
  ctl "display-message -p ready" || die "the control client did not start"
  [[ "$OUT" == ready* ]] || die "the control client answered '$OUT' to its first command"
}

# Runs one tmux command through the control-mode client and sets OUT to what it printed.
ctl() {
  printf '%s\n' "$1" >&"${CTL[1]}"
  ctl_reply
}

# Reads the next command block of this client into OUT; fails on %error. A block whose flags are 0 answers
# a command this client did not send (the attach itself, which tmux may report before or after the first
# reply): it is skipped, so every reply lines up with the command that asked for it.
ctl_reply() {
  local line
  while :; do
    OUT=""
    # Notifications (%output, %layout-change...) only come between command blocks.
    while IFS= read -r -t 5 -u "${CTL[0]}" line; do
      [[ "$line" == %begin* ]] && break
    done
    [[ "$line" == %begin* ]] || die "the control client stopped answering"
    local ours=0
    [[ "$line" == %begin\ *\ *\ 1 ]] && ours=1
    while IFS= read -r -t 5 -u "${CTL[0]}" line; do
      case "$line" in
        %end*)
          ((ours)) && return 0
          continue 2
          ;;
        %error*)
          ((ours)) && return 1
          continue 2
          ;;
      esac
      OUT+=$line$'\n'
    done
    die "the control client stopped answering"
  done
}

# Reads rows $2 to $3 (default: all) of pane $1's screen into OUT: through the control client once it
# runs, else with a tmux client. bash reads a pipe a byte at a time, so fewer rows poll faster.
# A failed capture leaves OUT empty and tmux's error in CAPTURE_ERROR (empty after a capture that worked).
capture() {
  local -a rows=(-S "${2:-0}" -E "${3:--}")
  CAPTURE_ERROR=""
  if [[ -n "$CONTROL_PID" ]]; then
    if ! ctl "capture-pane -p -t $1 ${rows[*]}"; then
      CAPTURE_ERROR=${OUT%$'\n'}
      OUT=""
    fi
  elif ! OUT=$(t capture-pane -p -t "$1" "${rows[@]}" 2>&1); then
    CAPTURE_ERROR=$OUT
    OUT=""
  fi
}

# Waits until rows $4 to $5 of pane $1 contain $2 and sets SEEN to that time (ns); fails after $3 ms.
wait_for_text() {
  local pane=$1 text=$2 deadline
  now
  deadline=$((NOW + ${3:-5000} * 1000000))
  while :; do
    capture "$pane" "${4:-0}" "${5:--}"
    now
    if [[ "$OUT" == *"$text"* ]]; then
      SEEN=$NOW
      return 0
    fi
    ((NOW < deadline)) || die "pane $pane never showed '$text' within ${3:-5000} ms: $(why_not_shown "$pane")"
  done
}

# Says what became of pane $1 when a wait for its text failed: tmux's error for the last capture, whether the
# pane is still there (dead or alive) and in which window, the panes that window holds now, the pane's last
# screen, and what the server logged about the pane. A sidebar that vanished shows as "no such pane".
why_not_shown() {
  local pane=$1 where
  printf '\n  last capture: %s' "${CAPTURE_ERROR:-worked}"
  if t list-panes -a -F '#{pane_id}' | grep -qxF -- "$pane"; then
    where=$(t display-message -p -t "$pane" '#{session_name}:#{window_index} #{window_id} dead=#{pane_dead} title=#{pane_title}')
    printf '\n  the pane is in %s' "$where"
    printf '\n  its window holds: %s' "$(t list-panes -t "$pane" -F '#{pane_id}(#{pane_title},dead=#{pane_dead})' | tr '\n' ' ')"
    printf '\n  its screen (lines with text):\n%s' "$(t capture-pane -p -t "$pane" 2>&1 | grep -v '^[[:space:]]*$' | sed -n '1,12p' | sed 's/^/    | /')"
  else
    printf '\n  the pane is gone; sidebars now: %s' \
      "$(t list-panes -a -F '#{session_name}:#{window_index} #{pane_id} #{pane_title}' | awk '$3 == "opensessions-sidebar" { printf "%s=%s ", $1, $2 }')"
  fi
  if [[ -n "${RUNTIME:-}" && -f "$RUNTIME/server.log" ]]; then
    printf '\n  the server about %s:\n%s' "$pane" "$(grep -F -- "$pane" "$RUNTIME/server.log" | tail -n 8 | sed 's/^/    | /')"
  fi
}

# Sets TTY to the tty of the first attached client that is not in control mode; fails after $1 seconds.
wait_for_client() {
  local deadline=$((SECONDS + $1))
  until TTY=$(t list-clients -F '#{client_control_mode} #{client_tty}' | awk '$1 == 0 { print $2; exit }') \
    && [[ -n "$TTY" ]]; do
    ((SECONDS < deadline)) || die "no client attached within $1 s"
    pause 0.05
  done
}
