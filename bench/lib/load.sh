# shellcheck shell=bash
# load.sh: the server-side measurements of bench/run.sh: agent events accepted per second (none lost) and
# server start to ready over restarts. Sourced, not run; needs server.sh and a running server.

# Agent events from $1 senders (kept-alive connections, one request in flight each, driven by $5 selector threads)
# with $2 agent threads each: a $3 s warm-up, then $4 measured seconds; the load tool then checks /api/state
# against the last event of every thread. Fails when an event was lost or refused.
measure_events() {
  local threads=$1 agents=$2 warmup=$3 seconds=$4 loops=${5:-1} summary rate lost failed before after cpu
  before=$(ticks)
  summary=$(load_tool events "port=$OPENSESSIONS_PORT" "pid=$PID" "connections=$threads" "loops=$loops" "agents=$agents" "sessions=$SESSIONS" \
    "warmup=$warmup" "seconds=$seconds" ${EVENT_MARKS:+"marks=$EVENT_MARKS"} 2>"$WORK/events.err") || die "the event load failed: $(cat "$WORK/events.err")"
  after=$(ticks)
  cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v s="$(awk -v a="$warmup" -v b="$seconds" 'BEGIN { print a + b }')" \
    'BEGIN { printf "%.0f", 100 * t / hz / s }')
  rate=$(sed -n 's/.*"eventsPerSecond":\([0-9.]*\).*/\1/p' <<<"$summary")
  lost=$(sed -n 's/.*"lost":\([0-9]*\).*/\1/p' <<<"$summary")
  failed=$(sed -n 's/.*"failed":\([0-9]*\).*/\1/p' <<<"$summary")
  local after_rest=''
  # The RSS a burst leaves behind: read after EVENT_REST seconds of rest (run.sh --event-rest; 0 skips it).
  if ((${EVENT_REST:-0} > 0)); then
    local right_after
    right_after=$(server_status_kib VmRSS)
    pause "$EVENT_REST"
    after_rest=",\"serverRssRightAfterKiB\":$right_after,\"restSeconds\":$EVENT_REST,\"serverRssAfterRestKiB\":$(server_status_kib VmRSS)"
  fi
  result agentEvents "${summary%\}},\"serverCpuPercentOfOneCore\":$cpu,\"serverHwmKiB\":$(server_status_kib VmHWM)$after_rest}"
  local holds=no
  [[ $(atleast "$rate" 20000) == yes && "$lost" == 0 && "$failed" == 0 ]] && holds=yes
  # An acknowledged event missing from the state, or a refused one, is a broken server, not a slow one: the run
  # says so now and exits non-zero after writing its results (run.sh, EVENTS_BROKEN).
  if [[ "$lost" != 0 || "$failed" != 0 ]]; then
    EVENTS_BROKEN="agent events: $lost lost, $failed refused ($(sed -n 's/.*"firstFailure":"\([^"]*\)".*/\1/p' <<<"$summary"))"
    printf 'bench: FAILED: %s\n' "$EVENTS_BROKEN" >&2
  fi
  row "agent events accepted, $threads connections x $agents agents, keep-alive (server CPU $cpu %)" \
    "$rate/s, $lost lost, $failed refused" ">= 20000/s, none lost" "$holds"
}

# Prints seconds since boot with the kernel's 10 ms resolution.
uptime_s() {
  local up
  read -r up _ </proc/uptime
  printf '%s' "$up"
}

# Sets READY to the time (ns) GET /version first answers 200 on our port; fails after 60 s.
# Waits (up to 60 s) until the running server logs that tmux and the agent sources attached.
wait_attached() {
  local deadline=$((SECONDS + 60))
  until grep -q 'attached [0-9]* ms' "$RUNTIME/server.log" 2>/dev/null \
      && (($(grep -c 'attached [0-9]* ms' "$RUNTIME/server.log") >= $(grep -c 'server ready [0-9]* ms' "$RUNTIME/server.log"))); do
    ((SECONDS < deadline)) || die "the server never logged that tmux and the agent sources attached"
    pause 0.05
  done
}

wait_version() {
  local deadline
  now
  deadline=$((NOW + 60000000000))
  while :; do
    if version_answers "$OPENSESSIONS_PORT"; then
      now
      READY=$NOW
      return 0
    fi
    now
    ((NOW < deadline)) || die "the server never answered /version"
    pause 0.005
  done
}

# Prints, in ns (10 ms resolution), the CPU time (user + system) the running server has spent so far: read right
# after the first /version, it is the CPU of the JVM to ready, less sensitive to a loaded machine than the wall
# time. The server's runtime folder is named after its tmux server (or "default" outside tmux); its pid file
# may come a moment after the first answer.
ready_cpu_ns() {
  local pid_file stat deadline=$((SECONDS + 10))
  local -a fields
  until pid_file=$(echo "$XDG_RUNTIME_DIR/opensessions-$(id -u)"/*/pid) && [[ -f "$pid_file" ]]; do
    ((SECONDS < deadline)) || die "the server wrote no pid file within 10 s of its first answer"
    pause 0.01
  done
  stat=$(<"/proc/$(<"$pid_file")/stat")
  read -r -a fields <<<"${stat##*) }"
  printf '%s' $(((fields[11] + fields[12]) * 1000000000 / $(getconf CLK_TCK)))
}

# Server start to ready over $1 restarts (plus one untimed): the launcher's stop, then its start outside
# any pane (no sidebar opened by the launcher) timed to the first /version answer and to the launcher's
# return; JVM process start to /version from /proc (10 ms resolution); Quarkus's own "started in".
# Start without tmux: the launcher run outside any tmux server, so the server serves pushed state only, as
# bench/start-floor measures it. $1 restarts after one not counted; JVM start to the first /version answer
# (10 ms resolution: the process start time comes from /proc).
measure_start_alone() {
  local restarts=$1 hz up jvm_start pid_file runtime launcher_pid
  hz=$(getconf CLK_TCK)
  runtime="$XDG_RUNTIME_DIR/opensessions-$(id -u)/default"
  series startalone
  series startalonecpu
  local saved_warmup=$WARMUP
  WARMUP=1
  launcher stop >/dev/null
  for ((i = 0; i <= restarts; i++)); do
    env -u TMUX -u TMUX_PANE "$LAUNCH_DIR/bin/opensessions" start >/dev/null 2>"$WORK/start.err" &
    launcher_pid=$!
    wait_version
    up=$(uptime_s)
    record startalonecpu "$(ready_cpu_ns)"
    wait "$launcher_pid" || die "the launcher failed to start the server outside tmux: $(cat "$WORK/start.err")"
    pid_file="$runtime/pid"
    jvm_start=$(awk '{ sub(/.*\) /, ""); split($0, f, " "); print f[20] }' "/proc/$(<"$pid_file")/stat")
    record startalone "$(awk -v up="$up" -v st="$jvm_start" -v hz="$hz" 'BEGIN { printf "%.0f", (up - st / hz) * 1e9 }')"
    env -u TMUX -u TMUX_PANE "$LAUNCH_DIR/bin/opensessions" stop >/dev/null
  done
  WARMUP=$saved_warmup
  summarize startalonecpu
  local cpu_json="{\"p50\":$P50,\"p99\":$P99}" cpu50=$P50
  summarize startalone
  result startAloneMs "{\"restarts\":$restarts,\"jvmToVersion\":{\"p50\":$P50,\"p99\":$P99},\"jvmCpuToVersion\":$cpu_json,\"cold\":$(cold startalone)}"
  row "server start to ready without tmux: JVM start to /version (JVM CPU to then p50 $cpu50 ms)" "p50 $P50 ms, p99 $P99 ms" "<= 1000 ms" "$(judge_tail "$P50" "$P99" 1000)"
}

measure_start() {
  local restarts=$1 t0 launcher_pid jvm_start hz up quarkus
  hz=$(getconf CLK_TCK)
  series startversion
  series startlauncher
  series startjvm
  series startcpu
  : >"$WORK/startquarkus"
  : >"$WORK/startready"
  : >"$WORK/startattached"
  local saved_warmup=$WARMUP
  WARMUP=1
  for ((i = 0; i <= restarts; i++)); do
    launcher stop >/dev/null
    now
    t0=$NOW
    OPENSESSIONS_NO_SIDEBAR=1 TMUX_PANE='' launcher start >/dev/null 2>"$WORK/start.err" &
    launcher_pid=$!
    wait_version
    up=$(uptime_s)
    record startcpu "$(ready_cpu_ns)"
    wait "$launcher_pid" || die "the launcher failed to start the server: $(cat "$WORK/start.err")"
    now
    read_runtime
    jvm_start=$(awk '{ sub(/.*\) /, ""); split($0, f, " "); print f[20] }' "/proc/$PID/stat")
    record startversion $((READY - t0))
    record startlauncher $((NOW - t0))
    record startjvm "$(awk -v up="$up" -v st="$jvm_start" -v hz="$hz" 'BEGIN { printf "%.0f", (up - st / hz) * 1e9 }')"
    quarkus=$(grep -o 'started in [0-9.]*s' "$RUNTIME/server.log" | tail -n 1 | tr -dc '0-9.')
    ((i >= 1)) && [[ -n "$quarkus" ]] && awk -v s="$quarkus" 'BEGIN { printf "%.0f\n", s * 1e9 }' >>"$WORK/startquarkus"
    # The server's own account, in ms since the JVM started: ready to answer, then tmux and the agent sources
    # attached (on their own thread; the launcher's return does not wait for it).
    if ((i >= 1)); then
      wait_attached
      grep -o 'server ready [0-9]* ms' "$RUNTIME/server.log" | tail -n 1 | tr -dc '0-9' >>"$WORK/startready"
      echo >>"$WORK/startready"
      grep -o 'attached [0-9]* ms' "$RUNTIME/server.log" | tail -n 1 | tr -dc '0-9' >>"$WORK/startattached"
      echo >>"$WORK/startattached"
    fi
  done
  WARMUP=$saved_warmup
  summarize startlauncher
  local launcher_json="{\"p50\":$P50,\"p99\":$P99}"
  summarize startjvm
  local jvm_json="{\"p50\":$P50,\"p99\":$P99}" jvm50=$P50 jvm99=$P99
  summarize startcpu
  local cpu_json="{\"p50\":$P50,\"p99\":$P99}" cpu50=$P50
  summarize startquarkus
  local quarkus_json="{\"p50\":$P50,\"p99\":$P99}" quarkus50=$P50
  summarize startready 1
  local ready_json="{\"p50\":$P50,\"p99\":$P99}" ready50=$P50
  summarize startattached 1
  local attached_json="{\"p50\":$P50,\"p99\":$P99}" attached50=$P50
  summarize startversion
  result startToReadyMs "{\"restarts\":$restarts,\"launcherToVersion\":{\"p50\":$P50,\"p99\":$P99},\"launcherReturned\":$launcher_json,\"jvmToVersion\":$jvm_json,\"jvmCpuToVersion\":$cpu_json,\"quarkusStartedIn\":$quarkus_json,\"serverReadyMs\":$ready_json,\"attachedMs\":$attached_json}"
  row "start, as the server logs it: ready p50 $ready50 ms, tmux and agent sources attached p50 $attached50 ms after the JVM started" "-" "-" "-"
  row "server start to ready: launcher start to /version ($restarts restarts)" "p50 $P50 ms, p99 $P99 ms" "<= 1000 ms" "$(judge_tail "$P50" "$P99" 1000)"
  row "server start to ready: JVM start to /version (Quarkus says p50 $quarkus50 ms; JVM CPU to then p50 $cpu50 ms)" "p50 $jvm50 ms, p99 $jvm99 ms" "<= 1000 ms" "$(judge_tail "$jvm50" "$jvm99" 1000)"
  row "cold start: the package's first, which records its AOT cache, launcher to ready" "${FIRST_START_MS:-?} ms" "-" "-"
  result firstStartMs "${FIRST_START_MS:-null}"
}
