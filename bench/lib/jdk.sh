# shellcheck shell=bash
# jdk.sh: finds the JDK a benchmark script runs with. Sourced, not run; the one search every script shares.

# Sets JAVA to a java of a JDK at least $1 (default 21) and JDK_BIN to its bin folder (jcmd, jstat beside it):
# JAVA_HOME first, then PATH, then the newest under /usr/lib/jvm. False when there is none.
find_jdk() {
  local wanted=${1:-21} candidate line
  local -a candidates=("${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null || true)")
  mapfile -t -O 2 candidates < <(printf '%s\n' /usr/lib/jvm/*/bin/java | sort -rV)
  for candidate in "${candidates[@]}"; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    line=$("$candidate" -version 2>&1 | head -n 1)
    if [[ "$line" =~ \"([0-9]+) ]] && ((BASH_REMATCH[1] >= wanted)); then
      JAVA=$candidate
      JDK_BIN=$(dirname "$(readlink -f "$candidate")")
      return 0
    fi
  done
  return 1
}
