# shellcheck shell=bash
# server.sh: the packaged server of a benchmark run: built at most once, copied to a private folder, started
# through the real launcher, its sidebars opened, and its process read from /proc. Sourced, not run; needs
# $REPO_DIR, $WORK, $USER_HOME (the user's own HOME, for Maven) and the environment run.sh exports (private
# HOME, XDG folders, TMUX, OPENSESSIONS_PORT).

# shellcheck source=bench/lib/jdk.sh
source "$REPO_DIR/bench/lib/jdk.sh"

SERVER_PACKAGE="$REPO_DIR/server/target/quarkus-app"

# Builds the server package when it is missing (once), warns when sources changed since it was built, and
# copies the launcher and package to $WORK/prebuilt, so nothing is rebuilt in the middle of a measurement.
prepare_package() {
  if [[ ! -f "$SERVER_PACKAGE/quarkus-run.jar" ]]; then
    printf 'bench: no server package; building it once\n' >&2
    (cd "$REPO_DIR" && HOME=$USER_HOME ./mvnw -B -q -DskipTests -pl server -am package) >&2 || die "the server build failed"
  elif [[ -n "$(find "$REPO_DIR" -path "$REPO_DIR/.git" -prune -o -path "$REPO_DIR/bench" -prune -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -newer "$SERVER_PACKAGE/quarkus-run.jar" -print -quit)" ]]; then
    printf 'bench: sources changed since the package was built; measuring the package as built\n' >&2
  fi
  LAUNCH_DIR="$WORK/prebuilt"
  mkdir -p "$LAUNCH_DIR/bin" "$LAUNCH_DIR/server/target"
  cp -p "$REPO_DIR/bin/opensessions" "$REPO_DIR/bin/opensessions-pane" "$REPO_DIR/bin/opensessions-pipe" \
    "$REPO_DIR/bin/opensessions-sessionizer" "$LAUNCH_DIR/bin/"
  cp -pR "$REPO_DIR/bin/lib" "$LAUNCH_DIR/bin/"
  cp -a "$SERVER_PACKAGE" "$LAUNCH_DIR/server/target/"
  PACKAGE_BUILT=$(date -u -r "$SERVER_PACKAGE/quarkus-run.jar" +%Y-%m-%dT%H:%M:%SZ)
}

launcher() {
  "$LAUNCH_DIR/bin/opensessions" "$@"
}

# Starts the server from the pane of s01 (the launcher opens that window's sidebar) and reads its runtime
# files: RUNTIME, PID, SIDEBAR_PORT.
start_server() {
  local t0
  now
  t0=$NOW
  TMUX_PANE=$(t display-message -p -t "$(name 1):" '#{pane_id}') launcher start >&2
  now
  # The first start of a package records its AOT cache first (a training run of the server): the cold start.
  FIRST_START_MS=$(((NOW - t0) / 1000000))
  read_runtime
}

read_runtime() {
  local pid_file
  pid_file=$(echo "$XDG_RUNTIME_DIR/opensessions-$(id -u)"/*/pid)
  RUNTIME=$(dirname "$pid_file")
  PID=$(<"$pid_file")
  SIDEBAR_PORT=$(<"$RUNTIME/sidebar-port")
}

# Opens a sidebar in the window of s01..s<M> and sets SIDEBARS to their panes; waits until each shows its
# header and the first one counts all $2 sessions.
open_sidebars() {
  local m=$1 sessions=$2 i pane deadline
  SIDEBARS=()
  for ((i = 1; i <= m; i++)); do
    if ((i > 1)); then
      TMUX_PANE=$(t display-message -p -t "$(name "$i"):" '#{pane_id}') launcher sidebar
    fi
    pane=$(t list-panes -t "$(name "$i"):" -F '#{pane_title} #{pane_id}' | awk '$1 == "opensessions-sidebar" { print $2 }')
    [[ -n "$pane" ]] || die "no sidebar opened in $(name "$i")"
    [[ "$pane" != *$'\n'* ]] || die "two sidebars in the window of $(name "$i"): $(echo $pane)"
    SIDEBARS+=("$pane")
  done
  for pane in "${SIDEBARS[@]}"; do
    wait_for_text "$pane" " sessions" 30000
  done
  deadline=$((SECONDS + 60))
  until [[ $(t capture-pane -p -t "${SIDEBARS[0]}" | head -n 1) =~ [[:space:]]${sessions}[[:space:]]*$ ]]; do
    ((SECONDS < deadline)) || die "the sidebar never counted $sessions sessions"
    pause 0.2
  done
}

# Prints the server's CPU ticks so far (utime + stime, fields 14 and 15 of /proc/<pid>/stat).
ticks() {
  local stat rest
  local -a fields
  stat=$(<"/proc/$PID/stat")
  rest=${stat##*) }
  read -r -a fields <<<"$rest"
  printf '%s' $((fields[11] + fields[12]))
}

# Prints "tid ticks name" for every thread of the server (names may hold spaces, so the name goes last).
thread_ticks() {
  local file stat name rest
  local -a fields
  for file in "/proc/$PID/task"/*/stat; do
    # A thread may end between the listing and the read; $(<file) would end the whole run (set -e) then.
    { IFS= read -r stat <"$file"; } 2>/dev/null || continue
    name=${stat#*(}
    name=${name%) *}
    rest=${stat##*) }
    read -r -a fields <<<"$rest"
    printf '%s %s %s\n' "${stat%% *}" $((fields[11] + fields[12])) "${name// /_}"
  done
}

# Prints field $2 of /proc/<pid $1>/io.
io_field() {
  awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/io"
}

# Prints field $1 (VmRSS, VmHWM) of the server's /proc/<pid>/status, in KiB.
server_status_kib() {
  awk -v f="$1:" '$1 == f { print $2 }' "/proc/$PID/status"
}

# Prints the bytes the sidebar shims read from the server so far: each pane's own process is the cat that
# copies the server's screen into the pane.
sidebar_bytes() {
  local pane pid total=0
  for pane in "${SIDEBARS[@]}"; do
    pid=$(t display-message -p -t "$pane" '#{pane_pid}')
    total=$((total + $(io_field "$pid" rchar)))
  done
  printf '%s' "$total"
}

# Sets JAVA_SOURCE to a JDK that runs multi-file source programs (22 or newer): JAVA_HOME, then PATH, then
# the newest under /usr/lib/jvm.
find_source_java() {
  local JAVA JDK_BIN
  find_jdk 22 || die "the load tool needs a JDK 22 or newer (JAVA_HOME, PATH or /usr/lib/jvm)"
  JAVA_SOURCE=$JAVA
}

# Runs the Java load tool (bench/load, JDK source launcher) with Jackson from the server package.
load_tool() {
  local cp
  cp=$(printf '%s:' "$LAUNCH_DIR"/server/target/quarkus-app/lib/main/com.fasterxml.jackson.core.*.jar)
  "$JAVA_SOURCE" -XX:+UseSerialGC --class-path "${cp%:}" "$REPO_DIR/bench/load/Load.java" "$@"
}
