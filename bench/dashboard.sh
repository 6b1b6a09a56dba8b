#!/usr/bin/env bash
# Measures the browser dashboard in Debian's headless chromium (apt-get install chromium chromium-driver):
# runs the dashboard's browser test (server/src/test/.../acceptance/DashboardIT) against the packaged
# server and a private tmux, with
#   - a push to visible: SAMPLES times each a status, a progress and an agent event pushed over HTTP, timed
#     from the answer to the page showing it; budget 1 s (the test itself fails only past 5 s);
#   - first paint with SESSIONS tmux sessions, over RUNS fresh browsers each loading the page twice:
#     navigation start to the frame that shows the whole state, in the started browser ("stateShownMs")
#     and on the browser's first load ("coldStateShownMs", its own start included), the part from the
#     first state frame to that paint ("renderMs"), and the first contentful paint; budget 500 ms;
#   - the server idle with the page open for S seconds: its CPU, and how many requests the page made
#     (none: it listens to /ws, it does not poll);
# and writes the screenshot of the README to docs/images/dashboard.png.
# Prints the test's JSON lines, the load average before and after, and a verdict on the paint budget (nearest-rank median of the runs).
# Usage: bench/dashboard.sh [sessions=200] [runs=7] [idle seconds=60] [samples=10]
set -euo pipefail

SESSIONS=${1:-200}
RUNS=${2:-7}
IDLE=${3:-60}
SAMPLES=${4:-10}
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_DIR"
LOG=$(mktemp "${TMPDIR:-/tmp}/opensessions-dashboard.XXXXXX")
trap 'rm -f "$LOG"' EXIT

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "bench/dashboard.sh needs Debian's chromium and chromium-driver" >&2
  exit 1
fi

status=0
read -r load_start _ </proc/loadavg
./mvnw -B -pl server -am verify -Dtest=none -Dit.test=DashboardIT \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Ddashboard.update.samples="$SAMPLES" -Ddashboard.paint.sessions="$SESSIONS" -Ddashboard.paint.runs="$RUNS" \
  -Ddashboard.idle.seconds="$IDLE" -Ddashboard.screenshot="$REPO_DIR/docs/images/dashboard.png" >"$LOG" 2>&1 || status=$?

read -r load_end _ </proc/loadavg
grep -E '^\{"dashboard' "$LOG" || true
printf '{"loadAverage":{"start":%s,"end":%s}}\n' "$load_start" "$load_end"
grep -E 'Tests run:.*DashboardIT|FAIL' "$LOG" || true
if ((status != 0)); then
  echo "the dashboard test failed; its log: $LOG" >&2
  trap - EXIT
  exit "$status"
fi

verdict() { # name budget: the numbers on stdin, one a line
  sort -n | awk -v name="$1" -v budget="$2" '
    { v[NR] = $1 }
    END {
      if (NR == 0) { print name ": nothing measured"; exit 1 }
      median = v[int((NR + 1) / 2)]
      printf "%s: median %d ms, max %d ms over %d; budget %d ms: %s\n", name, median, v[NR], NR, budget,
        (v[NR] <= budget ? "holds" : (median <= budget ? "holds at the median only" : "does not hold"))
    }'
}
numbers() { # the JSON array after "key":
  grep -oE "\"$1\":\[[0-9, ]*\]" "$LOG" | head -n 1 | sed -E 's/.*\[//; s/\]//' | tr ',' '\n' | tr -d ' '
}
numbers status | verdict "push to visible, status" 1000
numbers progress | verdict "push to visible, progress" 1000
numbers agent | verdict "push to visible, agent event" 1000
numbers stateShownMs | verdict "first paint with the state, $SESSIONS sessions, a tab in a running browser" 500
numbers coldStateShownMs | verdict "the same, the browser started for it" 500
numbers renderMs | verdict "of which the first state frame to its paint" 500
exit 0
