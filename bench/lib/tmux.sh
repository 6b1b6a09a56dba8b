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
capture() {
  local -a rows=(-S "${2:-0}" -E "${3:--}")
  if [[ -n "$CONTROL_PID" ]]; then
    ctl "capture-pane -p -t $1 ${rows[*]}" || OUT=""
  else
    OUT=$(t capture-pane -p -t "$1" "${rows[@]}" 2>/dev/null || true)
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
    ((NOW < deadline)) || die "pane $pane never showed '$text'"
  done
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
