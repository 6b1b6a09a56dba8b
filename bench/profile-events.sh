#!/usr/bin/env bash
# Where the server's CPU and allocation per agent event go, by thread: runs `bench/run.sh --only events` and, over
# the load tool's measured window exactly (the tool marks its start and end, EVENT_MARKS), reads each server thread's
# CPU ticks (user and system, /proc/<pid>/task/*/stat), each thread's allocated bytes (`jcmd <pid> Thread.print -e`),
# the young collections (`jstat -gc`), then divides by the events the
# tool counted in that window. Prints one table; the run's own JSON is in bench/results/ as usual.
# Usage: bench/profile-events.sh [--connections C=16] [--warmup S=20] [--seconds S=30] [--jfr] [--repo DIR]
#   --repo DIR measures the package of another checkout or copy (DIR/server/target/quarkus-app, DIR/bench, DIR/bin),
#   so two packages can be measured in turn on one machine. --jfr also records a JFR profile (settings=profile) over
#   the window, written beside the results (it costs CPU: its figures are not comparable with runs without it).
#   PROFILE_JFR_OPTIONS adds JFR.start options to --jfr, such as jdk.ExecutionSample#period=2ms for more samples.
set -euo pipefail

CONNECTIONS=16
WARMUP=20
SECONDS_MEASURED=30
JFR=0
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
while (($# > 0)); do
  case "$1" in
    --connections) CONNECTIONS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --seconds) SECONDS_MEASURED=$2; shift 2 ;;
    --jfr) JFR=1; shift ;;
    --repo) REPO=$(cd "$2" && pwd); shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "profile-events: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$CONNECTIONS" "$WARMUP" "$SECONDS_MEASURED"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "profile-events: options take whole numbers" >&2; exit 2; }
done
# shellcheck source=bench/lib/jdk.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/jdk.sh"
find_jdk 21 || { echo "profile-events: needs a JDK 21 or newer (JAVA_HOME, PATH or /usr/lib/jvm)" >&2; exit 2; }
OUT=$(mktemp -d "${TMPDIR:-/tmp}/opensessions-profile.XXXXXX")
export TMPDIR=$OUT EVENT_MARKS=$OUT/window
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

"$REPO/bench/run.sh" --only events --samples 5 --settle 3 --event-warmup "$WARMUP" --event-seconds "$SECONDS_MEASURED" \
  --event-connections "$CONNECTIONS" >"$OUT/run.out" 2>&1 &
BENCH=$!
# On a failure here the bench is let finish (and take its tmux server, server and agents down), not killed.
stop() { touch "$EVENT_MARKS.end.taken"; wait "$BENCH" 2>/dev/null || true; }
trap stop EXIT

wait_for() {
  until [[ -e "$1" ]]; do
    kill -0 "$BENCH" 2>/dev/null || { cat "$OUT/run.out" >&2; echo "profile-events: the bench ended first" >&2; exit 1; }
    sleep 0.1
  done
}
# User and system ticks per name (digits dropped, so the event loops add up) of the threads or processes whose
# stat files are given; one that ends meanwhile is left out.
cpu_by_name() {
  local f n s
  local -a fields
  for f in "$@"; do
    { IFS= read -r s <"$f"; } 2>/dev/null || continue
    # "pid (name) state ...": the name may hold spaces and parentheses, so it ends at the last ")".
    n=${s#*(}
    n=${n%)*}
    n=${n// /_}
    read -r -a fields <<<"${s##*) }"
    echo "${n%%[0-9]*} ${fields[11]} ${fields[12]}"
  done | awk '{u[$1] += $2; s[$1] += $3} END {for (k in u) print k, u[k], s[k]}' | sort
}
# Per thread name of the server.
ticks() { cpu_by_name /proc/"$PID"/task/*/stat; }
allocated() {
  "$JDK_BIN/jcmd" "$PID" Thread.print -e 2>/dev/null \
    | sed -n 's/^"\([^"]*\)".* allocated=\([0-9]*\)\([BKMG]\).*/\1\t\2\t\3/p' \
    | awk -F'\t' '{m = $3 == "K" ? 1024 : $3 == "M" ? 1048576 : $3 == "G" ? 1073741824 : 1; n = $1; gsub(/[0-9]+$/, "", n); gsub(/ /, "_", n); a[n] += $2 * m}
           END {for (k in a) print k, a[k]}' | sort
}
# The whole machine, per command name (every process, the server included): user and system ticks; and the
# machine's own line of /proc/stat (user, nice, system, idle, iowait, irq, softirq), so what the server does not
# spend (the load tool, tmux drawing the sidebars, the kernel's loopback) shows up beside it.
machine() { cpu_by_name /proc/[0-9]*/stat; }
cpu_line() { awk '$1 == "cpu" {print $2, $3, $4, $5, $6, $7, $8}' /proc/stat; }
young() { "$JDK_BIN/jstat" -gc "$PID" | awk 'NR == 2 {print $(NF-6), $(NF-5)}'; }

wait_for "$EVENT_MARKS.start"
# The server the bench started (its runtime folder's pid file; the launcher's AOT training run is another JVM).
PID=$(cat "$OUT"/opensessions-bench.*/run/opensessions-*/*/pid)
# shellcheck disable=SC2086 # the options are words
((JFR)) && "$JDK_BIN/jcmd" "$PID" JFR.start name=events settings=profile ${PROFILE_JFR_OPTIONS:-} filename="$OUT/events.jfr" >/dev/null
# The ticks first: the allocation's reading takes a second or so, during which the window has begun (the KiB per
# event are low by that share, a few per cent of a 30 s window).
ticks >"$OUT/t0"; machine >"$OUT/m0"; cpu_line >"$OUT/c0"; read -r Y0 YT0 < <(young) || { Y0=0 YT0=0; }; allocated >"$OUT/a0"
wait_for "$EVENT_MARKS.end"
# The load tool waits for window.end.taken before it lets the bench go on and stop the server.
ticks >"$OUT/t1"; machine >"$OUT/m1"; cpu_line >"$OUT/c1"; read -r Y1 YT1 < <(young) || { Y1=0 YT1=0; }; allocated >"$OUT/a1"
((JFR)) && "$JDK_BIN/jcmd" "$PID" JFR.stop name=events >/dev/null
touch "$EVENT_MARKS.end.taken"
wait "$BENCH" || true
trap - EXIT

RESULTS=$(grep -o 'bench/results/[^ ]*\.json' "$OUT/run.out" | tail -1)
SUMMARY=$(grep -o '"agentEvents":{[^}]*}[^}]*}' "$REPO/$RESULTS")
field() { grep -o "\"$1\":[0-9.]*" <<<"$SUMMARY" | head -1 | cut -d: -f2; }
MEASURED=$(field measured)
printf 'package %s, %s connections, load %s -> %s, %s\n' "$REPO" "$CONNECTIONS" "$LOAD_START" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$RESULTS"
printf 'events/s %s, server %s us/event (%s %% of one core), lost %s, refused %s, p50/p99 %s/%s us\n' \
  "$(field eventsPerSecond)" "$(field serverCpuUsPerEvent)" "$(field serverCpuPercent)" "$(field lost)" \
  "$(field failed)" "$(field p50)" "$(field p99)"
printf 'young collections %d (%.2f s) in the window\n' $((Y1 - Y0)) "$(awk -v a="$YT0" -v b="$YT1" 'BEGIN {print b - a}')"
HZ=$(getconf CLK_TCK)
join -a 2 -e 0 -o 0,1.2,1.3,2.2,2.3 "$OUT/t0" "$OUT/t1" \
  | awk -v e="$MEASURED" -v hz="$HZ" '{u = $4 - $2; s = $5 - $3; if (u + s > 0) printf "%-20s %7.1f us/event (user %5.1f, system %5.1f)\n", $1, (u + s) * 1e6 / hz / e, u * 1e6 / hz / e, s * 1e6 / hz / e}' \
  | sort -k2 -nr
join -a 2 -e 0 -o 0,1.2,2.2 "$OUT/a0" "$OUT/a1" \
  | awk -v e="$MEASURED" '{d = ($3 - $2) / 1024 / e; t += d; if (d >= 0.05) printf "%-28s %7.2f KiB/event\n", $1, d} END {printf "%-28s %7.2f KiB/event\n", "all threads", t}' \
  | sort -k2 -nr
echo "the whole machine in the window, us per event (processes over 1 us; the server's name is java):"
join -a 2 -e 0 -o 0,1.2,1.3,2.2,2.3 "$OUT/m0" "$OUT/m1" \
  | awk -v e="$MEASURED" -v hz="$HZ" '{u = $4 - $2; s = $5 - $3; d = (u + s) * 1e6 / hz / e; if (d >= 1) printf "  %-20s %7.1f us/event (user %5.1f, system %5.1f)\n", $1, d, u * 1e6 / hz / e, s * 1e6 / hz / e}' \
  | sort -k2 -nr
paste -d' ' "$OUT/c0" "$OUT/c1" | awk -v e="$MEASURED" -v hz="$HZ" '{
  split("user nice system idle iowait irq softirq", n, " ");
  line = "  machine:"; for (i = 1; i <= 7; i++) line = line sprintf(" %s %.1f", n[i], ($(i + 7) - $i) * 1e6 / hz / e);
  print line " us/event"}'
((JFR)) && echo "JFR recording: $OUT/events.jfr"
echo "raw files: $OUT"
