# shellcheck shell=bash
# sidebar.sh: the sidebar measurements of bench/run.sh: idle cost, memory per pane, the poller's resolution,
# first paint, push to visible and key to client switched. Sourced, not run; each function records its
# numbers with result and row (report.sh). Needs the server started and SIDEBARS open.

# Idle: nothing attached, nothing pushed, for $1 seconds: server CPU ticks, the busiest threads, bytes the
# server wrote and the sidebars read, and the server's RSS.
measure_idle() {
  local quiet=$1 hz before after wchar shim cpu threads rss anon file
  hz=$(getconf CLK_TCK)
  thread_ticks >"$WORK/threads.before"
  before=$(ticks)
  wchar=$(io_field "$PID" wchar)
  shim=$(sidebar_bytes)
  sleep "$quiet"
  after=$(ticks)
  thread_ticks >"$WORK/threads.after"
  wchar=$(($(io_field "$PID" wchar) - wchar))
  shim=$(($(sidebar_bytes) - shim))
  # The threads that used CPU while idle, busiest first, as name:ticks (threads are told apart by name only).
  threads=$(awk 'NR == FNR { was[$1] = $2; next } { used = $2 - was[$1]; if (used > 0) by[$3] += used }
    END { for (n in by) print by[n], n }' "$WORK/threads.before" "$WORK/threads.after" \
    | sort -rn | head -n 5 | awk '{ printf "%s%s:%s", (NR > 1 ? "," : ""), $2, $1 }')
  cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v s="$quiet" 'BEGIN { printf "%.3f", 100 * t / hz / s }')
  rss=$(server_status_kib VmRSS)
  # Anonymous memory is the JVM's own (heap, metaspace, code, stacks); file-backed is the mapped AOT cache,
  # the JDK's modules and the jars, pages the kernel can drop and read again.
  anon=$(server_status_kib RssAnon)
  file=$(($(server_status_kib RssFile) + $(server_status_kib RssShmem)))
  result idle "{\"seconds\":$quiet,\"cpuPercentOfOneCore\":$cpu,\"cpuTicks\":$((after - before)),\"serverWcharBytes\":$wchar,\"sidebarBytes\":$shim,\"busiestThreads\":$(json_str "$threads"),\"serverRssKiB\":$rss,\"serverRssAnonKiB\":$anon,\"serverRssFileKiB\":$file}"
  row "server idle CPU, ${quiet} s ($threads)" "$cpu % of one core" "<= 0.2 %" "$(within "$cpu" 0.2)"
  row "bytes written while idle (server / read by sidebars)" "$wchar / $shim" "0" "$(within $((wchar + shim)) 0)"
  # The budget is in decimal megabytes: 100 MB is 100 000 000 bytes, 97 656 KiB, 95.4 MiB.
  row "server RSS after settling (anonymous $(mib "$anon") MiB, file-backed $(mib "$file") MiB)" \
    "$(mib "$rss") MiB = $(mb "$rss") MB" "<= 100 MB" "$(within "$rss" 97656)"
}

# Memory of each sidebar pane: its process and every descendant, RSS and PSS; p50 and p99 over the panes.
measure_memory() {
  local pane root rss pss pid procs
  ps -e -o pid=,ppid= >"$WORK/ps"
  : >"$WORK/rss"
  : >"$WORK/pss"
  for pane in "${SIDEBARS[@]}"; do
    root=$(t display-message -p -t "$pane" '#{pane_pid}')
    rss=0
    pss=0
    while read -r pid; do
      [[ -r "/proc/$pid/smaps_rollup" ]] || continue
      rss=$((rss + $(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")))
      pss=$((pss + $(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup")))
    done < <(awk -v root="$root" '{ parent[$1] = $2 } END {
        for (p in parent) { q = p; while (q != root && q in parent && q != parent[q]) q = parent[q]; if (q == root) print p } }' "$WORK/ps")
    echo "$rss" >>"$WORK/rss"
    echo "$pss" >>"$WORK/pss"
  done
  procs=$(awk -v root="$(t display-message -p -t "${SIDEBARS[0]}" '#{pane_pid}')" '$1 == root || $2 == root' "$WORK/ps" | wc -l)
  summarize rss 1
  local rss50=$P50 rss99=$P99
  summarize pss 1
  result paneMemoryKiB "{\"rss\":{\"p50\":$rss50,\"p99\":$rss99},\"pss\":{\"p50\":$P50,\"p99\":$P99},\"processesPerPane\":$procs,\"panes\":${#SIDEBARS[@]}}"
  row "memory per sidebar pane, RSS ($procs processes)" "p50 $rss50 KiB, p99 $rss99 KiB" "<= 4096 KiB" "$(within "$rss99" 4096)"
  row "memory per sidebar pane, PSS" "p50 $P50 KiB, p99 $P99 KiB" "-" "-"
}

# What one capture-pane costs through a tmux client and through the control client, and one clock read.
measure_resolution() {
  local t0 t1 t2
  series capture
  series ctlcapture
  series clock
  for ((i = 1; i <= SAMPLES; i++)); do
    now
    t0=$NOW
    t capture-pane -p -t "${SIDEBARS[0]}" >/dev/null
    now
    t1=$NOW
    capture "${SIDEBARS[0]}" 20
    now
    t2=$NOW
    now
    echo $((t1 - t0)) >>"$WORK/capture"
    echo $((t2 - t1)) >>"$WORK/ctlcapture"
    echo $((NOW - t2)) >>"$WORK/clock"
  done
  summarize capture
  local client="{\"p50\":$P50,\"p99\":$P99}"
  summarize ctlcapture
  local control="{\"p50\":$P50,\"p99\":$P99}" control50=$P50
  summarize clock 1000
  result resolution "{\"capturePaneMs\":$client,\"controlCaptureMs\":$control,\"clockReadUs\":$P50}"
  row "poll resolution (one capture over the control client)" "p50 $control50 ms" "-" "-"
}

# First paint: a new window in s01, split over the control client the way the server opens sidebars, timed
# until the new pane's first row shows " sessions"; split is tmux's answer alone.
measure_paint() {
  local target pane t0 t1 command
  series paint
  series split
  series aftersplit
  for ((i = 1 - WARMUP; i <= SAMPLES; i++)); do
    target=$(t new-window -d -t "$(name 1):" -c "$WORK/projects/p1" -P -F '#{pane_id}')
    # bash and the shim as two words, as the server passes them: tmux then executes them without a shell.
    printf -v command 'split-window -hbf -d -l %d -t %s -P -F %s -e %q -e %q bash %q' "$SIDEBAR_WIDTH" "$target" \
      "'#{pane_id}'" "OPENSESSIONS_SIDEBAR_PORT=$SIDEBAR_PORT" "OPENSESSIONS_TOKEN_FILE=$RUNTIME/token" \
      "$LAUNCH_DIR/bin/opensessions-pane"
    now
    t0=$NOW
    ctl "$command" || die "split-window failed: $OUT"
    pane=${OUT%%$'\n'*}
    now
    t1=$NOW
    wait_for_text "$pane" " sessions" 5000 0 0
    record paint $((SEEN - t0))
    record split $((t1 - t0))
    record aftersplit $((SEEN - t1))
    t kill-window -t "$target"
  done
  summarize split
  local split="{\"p50\":$P50,\"p99\":$P99}" split50=$P50
  summarize aftersplit
  local after="{\"p50\":$P50,\"p99\":$P99}"
  summarize paint
  result firstPaintMs "{\"p50\":$P50,\"p99\":$P99,\"cold\":$(cold paint),\"splitWindowMs\":$split,\"paintAfterSplitMs\":$after}"
  row "first paint after the pane is created (split alone p50 $split50 ms)" "p50 $P50 ms, p99 $P99 ms" "<= 100 ms" "$(judge_tail "$P50" "$P99" 100)"
}

# Push to visible: POST /set-status for s01 over bash's /dev/tcp until s01's sidebar shows the text.
measure_push() {
  local text body http status t0
  series push
  for ((i = 1 - WARMUP; i <= SAMPLES; i++)); do
    printf -v text 'bench%04d' $((i + WARMUP))
    body="{\"session\":\"$(name 1)\",\"text\":\"$text\",\"tone\":\"info\"}"
    now
    t0=$NOW
    exec {http}<>"/dev/tcp/127.0.0.1/$OPENSESSIONS_PORT"
    printf 'POST /set-status HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
      "$OPENSESSIONS_PORT" "${#body}" "$body" >&"$http"
    # The detail panel is the lower part of the 40-row pane.
    wait_for_text "${SIDEBARS[0]}" "$text" 5000 20
    status=""
    read -r -t 5 -u "$http" status || true
    exec {http}>&-
    [[ "$status" == *" 204"* ]] || die "POST /set-status answered: $status"
    record push $((SEEN - t0))
  done
  summarize push
  result pushToVisibleMs "{\"p50\":$P50,\"p99\":$P99,\"cold\":$(cold push)}"
  local holds=no
  [[ $(within "$P50" 20) == yes && $(within "$P99" 50) == yes ]] && holds=yes
  row "HTTP push to visible" "p50 $P50 ms, p99 $P99 ms" "p50 <= 20 ms, p99 <= 50 ms" "$holds"
}
