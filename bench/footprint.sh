#!/usr/bin/env bash
# The server's memory under different JVM flags: for each variant, a whole bench/run.sh setup (20 sessions,
# 10 sidebars by default) measuring idle only, after --settle seconds, with the variant's flags added to the
# launcher's through OPENSESSIONS_JAVA_OPTS (words of the form NAME=value are set in the environment
# instead). Prints one line per variant: label, RSS, anonymous and file-backed RSS (KiB), from each run's
# JSON in bench/results/; a failed run prints the end of its output.
# Usage: bench/footprint.sh [--settle S=30] [--runs N=1] 'label:flags' ...
#   e.g. bench/footprint.sh 'as shipped:' 'heap bound:-Xmx64m' 'fewer arenas:MALLOC_ARENA_MAX=2 -Xmx64m'
set -euo pipefail
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib/world.sh
source "$REPO_DIR/bench/lib/world.sh"
variant_args footprint "$@"
printf '%-40s %8s %8s %8s\n' variant rssKiB anonKiB fileKiB
for variant in "${VARIANTS[@]}"; do
  split_variant "$variant"
  for ((r = 1; r <= RUNS; r++)); do
    if ! out=$(env ${ENVS[@]+"${ENVS[@]}"} OPENSESSIONS_JAVA_OPTS="${FLAGS[*]}" "$REPO_DIR/bench/run.sh" --quick --only idle \
        --settle "$SETTLE" 2>&1); then
      printf '%-40s failed:\n%s\n' "$LABEL" "$(tail -n 15 <<<"$out")"
      continue
    fi
    # Every step that can fail says so and goes on with the next variant: under set -e a failed step used to
    # end the script after its header without a word (the figures were read with `read` from a line whose
    # newline `tr -dc` had removed, and `read` fails at the end of its input).
    if ! json=$(grep -E '^bench/results/[0-9TZ]+\.json$' <<<"$out" | tail -n 1) || [[ ! -f "$REPO_DIR/$json" ]]; then
      printf '%-40s failed: the run named no results file; its last lines:\n%s\n' "$LABEL" "$(tail -n 15 <<<"$out")"
      continue
    fi
    if ! fields=$(grep -o '"serverRssKiB":[0-9]*,"serverRssAnonKiB":[0-9]*,"serverRssFileKiB":[0-9]*' "$REPO_DIR/$json"); then
      printf '%-40s failed: no idle RSS figures in %s\n' "$LABEL" "$json"
      continue
    fi
    read -r rss anon file < <(tr -dc '0-9,' <<<"$fields" | tr ',' ' '; echo)
    printf '%-40s %8s %8s %8s\n' "$LABEL" "$rss" "$anon" "$file"
  done
done
