# shellcheck shell=bash
# switch.sh: key press to tmux client switched, alone and while WebSocket subscribers receive a burst of
# state changes. Sourced, not run; needs the control client, SIDEBARS and the load tool (server.sh).

CLIENT_PID=""
declare -A DIGIT=()

# Attaches a real client (script(1) gives it a 120x40 terminal) to s01 and reads the digits the sidebar
# draws before s01 and s02, which the key test sends.
# script's input is a FIFO nobody writes to, held open read-write, so it never ends: at the end of its input script
# sends the terminal's end-of-file, the client passes that ctrl-d to s01's shell, the shell logs out, s01's window
# is left with only its sidebar and the server closes it (with </dev/null that ended runs now and then).
attach_client() {
  local s index screen input="$WORK/client.in"
  mkfifo "$input"
  TERM=xterm-256color script -qfc "stty rows 40 cols 120; exec env -u TMUX tmux -S $(printf '%q' "$SOCKET") attach -t $(name 1)" \
    /dev/null <>"$input" >"$WORK/client.log" 2>&1 &
  CLIENT_PID=$!
  wait_for_client 10
  # The server learns of a new client from tmux's notifications; a key that comes first finds no client.
  sleep 1
  screen=$(t capture-pane -p -t "${SIDEBARS[0]}" 2>&1) \
    || die "the first sidebar could not be read once the client attached: $screen$(why_not_shown "${SIDEBARS[0]}")"
  for s in 1 2; do
    # Numbers are zero-padded to the widest one: 01 with up to 99 sessions, 001 from the hundredth on.
    index=$(sed -n "s/^[^0-9]*\([0-9][0-9]*\) .* $(name "$s")[[:space:]]*\$/\1/p" <<<"$screen" | head -n 1)
    [[ "$index" =~ ^0*[1-9]$ ]] || die "no single-digit index for $(name "$s"): '$index'"
    DIGIT[$s]=$((10#$index))
  done
}

# Sends the digit of the other session to the sidebar of the client's window, alternating s01 and s02,
# and records into series $1 the time until list-clients shows the client in the other session; waits $2
# seconds (default none) between samples.
switch_samples() {
  local from=1 to want t0 deadline
  series "$1"
  for ((i = 1 - WARMUP; i <= SAMPLES; i++)); do
    pause "${2:-0}"
    to=$((3 - from))
    want=$(name "$to")
    now
    t0=$NOW
    # Sent by an already running client, as a key typed into a terminal is.
    ctl "send-keys -t ${SIDEBARS[from - 1]} ${DIGIT[$to]}" || die "send-keys failed: $OUT"
    deadline=$((t0 + 5000000000))
    while :; do
      # display-message -c would expand the format for the control client's own session, hence list-clients.
      ctl "list-clients -F \"#{client_tty} #{client_session}\"" || OUT=""
      [[ $'\n'"$OUT" == *$'\n'"$TTY $want"$'\n'* ]] && break
      now
      ((NOW < deadline)) || die "the client never switched to $want (clients: ${OUT//$'\n'/, })"
    done
    now
    record "$1" $((NOW - t0))
    from=$to
  done
}

measure_key() {
  switch_samples key
  summarize key
  result keyToSwitchMs "{\"p50\":$P50,\"p99\":$P99,\"cold\":$(cold key)}"
  row "sidebar key press to client switched" "p50 $P50 ms, p99 $P99 ms" "p50 <= 50 ms" "$(within "$P50" 50)"
}

# The same switches while $1 WebSocket subscribers are connected and the state changes $2 times a second
# (POST /set-status on the last session), so every subscriber receives a frame every few milliseconds.
measure_switch_under_subscribers() {
  local count=$1 rate=$2 line summary subs_pid to_subs from_subs
  # FIFOs rather than a coproc: bash runs one coproc at a time, and the control client is one.
  mkfifo "$WORK/subs.in" "$WORK/subs.out"
  load_tool subscribers "port=$OPENSESSIONS_PORT" "count=$count" "rate=$rate" "session=$(name "$SESSIONS")" \
    <"$WORK/subs.in" >"$WORK/subs.out" 2>"$WORK/subscribers.err" &
  subs_pid=$!
  exec {to_subs}>"$WORK/subs.in" {from_subs}<"$WORK/subs.out"
  line=""
  read -r -t 120 -u "$from_subs" line || true
  [[ "$line" == ready ]] || die "the subscribers did not start: $line $(cat "$WORK/subscribers.err")"
  # Spread over a few seconds, so the subscribers' frame rate is measured over more than the switches.
  switch_samples keyloaded 0.2
  printf 'stop\n' >&"$to_subs"
  summary=""
  read -r -t 60 -u "$from_subs" summary || true
  exec {to_subs}>&- {from_subs}<&-
  wait "$subs_pid" 2>/dev/null || true
  [[ "$summary" == "{"* ]] || die "the subscribers did not report: $(cat "$WORK/subscribers.err")"
  summarize keyloaded
  result keyToSwitchWithSubscribersMs "{\"p50\":$P50,\"p99\":$P99,\"cold\":$(cold keyloaded),\"load\":$summary}"
  local fps closed achieved
  fps=$(sed -n 's/.*"framesPerSubscriberPerSecond":\([0-9.]*\).*/\1/p' <<<"$summary")
  closed=$(sed -n 's/.*"closed":\([0-9]*\).*/\1/p' <<<"$summary")
  # The rate the server let the burst reach: each change waits for its answer.
  achieved=$(sed -n 's/.*"changes":\([0-9]*\).*"seconds":\([0-9.]*\).*/\1 \2/p' <<<"$summary" | awk '{ printf "%.0f", $1 / $2 }')
  row "key to switched, $count WebSocket subscribers, $achieved of $rate changes/s ($fps frames/s each, $closed closed)" \
    "p50 $P50 ms, p99 $P99 ms" "p50 <= 50 ms" "$(within "$P50" 50)"
}
