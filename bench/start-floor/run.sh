#!/usr/bin/env bash
# run.sh: times JVM start to the first HTTP 200 on /version for a bare Quarkus app, one with the server's
# extensions, and the real server package, each with and without its JDK 25 AOT cache and with and without
# -XX:TieredStopAtLevel=1, interleaved over the restarts. Usage: bench/start-floor/run.sh [restarts=10]
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$HERE/../.." && pwd)
# shellcheck source=bench/lib/common.sh
source "$REPO_DIR/bench/lib/common.sh"

RESTARTS=${1:-10}
[[ "$RESTARTS" =~ ^[1-9][0-9]{0,3}$ ]] || die "usage: bench/start-floor/run.sh [restarts=10]"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
OUT="$HERE/target"
SERVER_SOURCE="$REPO_DIR/server/target/quarkus-app"
READY_TIMEOUT_NS=60000000000
STOP_TIMEOUT_NS=20000000000
# Recording a cache ends with the JVM assembling it in a child JVM, which takes a while on 2 busy cores.
TRAIN_EXIT_TIMEOUT_NS=300000000000
HZ=$(getconf CLK_TCK)
APPS=(bare same server)
# The flags bin/opensessions gives the server on JDK 25, taken from the launcher's own bin/lib/jvm.sh so that
# they cannot drift apart; a cache is recorded with the flags it runs with. The launcher's choice of JIT is left
# out: each configuration below is run with tiered compilation and with C1 only.
# shellcheck source=bin/lib/jvm.sh
source "$REPO_DIR/bin/lib/jvm.sh"
server_jvm_flags 25
BASE_FLAGS=()
for flag in "${JVM_FLAGS[@]}"; do
  [[ "$flag" == -XX:TieredStopAtLevel=* ]] || BASE_FLAGS+=("$flag")
done
# The server must run outside tmux, as the launcher's training run does.
unset TMUX TMUX_PANE

WORK=$(mktemp -d "${TMPDIR:-/tmp}/start-floor.XXXXXX")
JVM_PID=""
cleanup() {
  if [[ -n "$JVM_PID" ]]; then
    kill -KILL "$JVM_PID" 2>/dev/null || true
    wait "$JVM_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

java_check() {
  local line
  line=$("$JAVA" -version 2>&1 | head -n 1) || die "no java at $JAVA; set JAVA_HOME to a JDK 25"
  if ! [[ "$line" =~ \"([0-9]+) ]] || ((BASH_REMATCH[1] < 25)); then
    die "the AOT cache needs JDK 25 or newer: $line"
  fi
  JAVA_VERSION=${line#*\"}
  JAVA_VERSION=${JAVA_VERSION%%\"*}
}

app_jar() {
  printf '%s/%s/quarkus-app/quarkus-run.jar' "$OUT" "$1"
}

# Builds variant $1 (a profile of bench/start-floor/pom.xml) once, when its package is missing.
build_variant() {
  [[ -s "$(app_jar "$1")" ]] && return 0
  printf 'start-floor: building the %s variant (once)...\n' "$1" >&2
  (cd "$REPO_DIR" && MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
    flock /tmp/start-floor-module.lock ./mvnw -B -q -o -f bench/start-floor/pom.xml -P "$1" package) >&2 \
    || die "the $1 variant did not build; run ./mvnw -B -o -f bench/start-floor/pom.xml -P $1 package"
}

# Copies the server package so that a rebuild by someone else during the run changes nothing measured. The
# copy gets new times, so a copy newer than its cache makes the cache be recorded again.
copy_server() {
  [[ -s "$SERVER_SOURCE/quarkus-run.jar" ]] \
    || die "no server package; build it: ./mvnw -B -o -DskipTests -pl server -am package"
  local copy="$OUT/server/quarkus-app"
  [[ -s "$copy/quarkus-run.jar" && ! "$SERVER_SOURCE/quarkus-run.jar" -nt "$copy/quarkus-run.jar" ]] && return 0
  rm -rf "$OUT/server"
  mkdir -p "$OUT/server"
  cp -r "$SERVER_SOURCE" "$OUT/server/quarkus-app.tmp"
  mv "$OUT/server/quarkus-app.tmp" "$copy"
}

# Prints a port P with P and P + 1 free (the server listens on both: HTTP and the sidebar port).
free_port() {
  python3 -c '
import socket
while True:
    a, b = socket.socket(), socket.socket()
    a.bind(("127.0.0.1", 0))
    port = a.getsockname()[1]
    try:
        b.bind(("127.0.0.1", port + 1))
        print(port)
        break
    except OSError:
        pass
    finally:
        a.close()
        b.close()'
}

# Starts app $1 in private folder $2 on port $3, logging to $4, with JVM flags $5..; sets JVM_PID and T0.
# The subshell execs java, so no extra process starts between T0 and the JVM.
start_jvm() {
  local app=$1 dir=$2 port=$3 log=$4 jar
  shift 4
  jar=$(app_jar "$app")
  now
  T0=$NOW
  (
    case "$app" in
      server)
        export HOME="$dir" XDG_RUNTIME_DIR="$dir/run" XDG_STATE_HOME="$dir/state" XDG_CONFIG_HOME="$dir/config" \
          OPENSESSIONS_PORT="$port" OPENSESSIONS_DIR="$REPO_DIR"
        ;;
      same) export QUARKUS_HTTP_PORT="$port" STARTFLOOR_DATABASE="$dir/state/start-floor.db" ;;
      bare) export QUARKUS_HTTP_PORT="$port" ;;
    esac
    exec "$JAVA" "$@" -jar "$jar" >"$log" 2>&1 </dev/null
  ) &
  JVM_PID=$!
}

# True while process $1 runs (a zombie has ended).
running() {
  local stat
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
  stat=${stat##*) }
  [[ "${stat:0:1}" != Z ]]
}

# Sets READY to the time (ns) GET /version on port $1 first answers 200; fails when the JVM ($2) exits or
# after 60 s, showing log $3.
wait_ready() {
  local port=$1 pid=$2 log=$3 deadline
  now
  deadline=$((NOW + READY_TIMEOUT_NS))
  while :; do
    if version_answers "$port"; then
      now
      READY=$NOW
      return 0
    fi
    now
    if ! running "$pid" || ((NOW >= deadline)); then
      tail -n 20 "$log" >&2 || true
      die "no 200 on /version from pid $pid (log $log, above)"
    fi
    pause 0.005
  done
}

# Sets CPU_MS to the user+sys CPU of process $1 so far and JIT_MS to that of its C1/C2 compiler threads.
read_cpu() {
  local stat task comm
  local -a f
  read -r stat <"/proc/$1/stat"
  read -r -a f <<<"${stat##*) }"
  CPU_MS=$(((f[11] + f[12]) * 1000 / HZ))
  JIT_MS=0
  for task in "/proc/$1/task"/*; do
    read -r comm 2>/dev/null <"$task/comm" || continue
    [[ "$comm" == C[12]" CompilerThre"* ]] || continue
    read -r stat 2>/dev/null <"$task/stat" || continue
    read -r -a f <<<"${stat##*) }"
    JIT_MS=$((JIT_MS + (f[11] + f[12]) * 1000 / HZ))
  done
}

# Stops process $1 with TERM (KILL after 20 s, or $2 ns) and reaps it.
stop_jvm() {
  local pid=$1 deadline
  kill -TERM "$pid" 2>/dev/null || true
  now
  deadline=$((NOW + ${2:-$STOP_TIMEOUT_NS}))
  while running "$pid"; do
    now
    if ((NOW >= deadline)); then
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    pause 0.02
  done
  wait "$pid" 2>/dev/null || true
  JVM_PID=""
}

# Prints the JVM flags of JIT mode $1 (tiered: the default; c1: -XX:TieredStopAtLevel=1).
jit_flags() {
  printf '%s\n' "${BASE_FLAGS[@]}"
  [[ "$1" == c1 ]] && printf '%s\n' -XX:TieredStopAtLevel=1
  return 0
}

cache_file() {
  printf '%s/aot/%s-%s.aot' "$OUT" "$1" "$2"
}

# Records the AOT cache of app $1 in JIT mode $2 as bin/opensessions train_aot does: one start with
# -XX:AOTCacheOutput, stopped once it answers; the JVM writes the cache on exit. Kept while newer than the app.
train() {
  local app=$1 jit=$2 cache dir port
  local -a flags
  cache=$(cache_file "$app" "$jit")
  [[ -s "$cache" && ! "$(app_jar "$app")" -nt "$cache" ]] && return 0
  printf 'start-floor: recording the AOT cache of %s (%s)...\n' "$app" "$jit" >&2
  mkdir -p "${cache%/*}"
  dir="$WORK/train-$app-$jit"
  mkdir -p "$dir/run" "$dir/state"
  chmod 700 "$dir" "$dir/run"
  port=$(free_port)
  mapfile -t flags < <(jit_flags "$jit")
  rm -f "$cache.tmp" "$cache.tmp.config"
  start_jvm "$app" "$dir" "$port" "$dir/training.log" "${flags[@]}" "-XX:AOTCacheOutput=$cache.tmp"
  wait_ready "$port" "$JVM_PID" "$dir/training.log"
  stop_jvm "$JVM_PID" "$TRAIN_EXIT_TIMEOUT_NS"
  [[ -s "$cache.tmp" ]] || die "no AOT cache recorded for $app ($jit); see $dir/training.log"
  mv -f "$cache.tmp" "$cache"
}

# One timed start of configuration $1 (app/cache/jit) in round $2; round 0 warms the page cache, untimed.
measure() {
  local app cache jit dir log port quarkus
  local -a flags
  IFS=/ read -r app cache jit <<<"$1"
  dir="$WORK/${1//\//-}"
  log="$dir/server.log"
  mkdir -p "$dir/run" "$dir/state"
  chmod 700 "$dir" "$dir/run"
  port=$(free_port)
  mapfile -t flags < <(jit_flags "$jit")
  [[ "$cache" == aot ]] && flags+=("-XX:AOTCache=$(cache_file "$app" "$jit")")
  start_jvm "$app" "$dir" "$port" "$log" "${flags[@]}"
  wait_ready "$port" "$JVM_PID" "$log"
  read_cpu "$JVM_PID"
  stop_jvm "$JVM_PID"
  # A cache the JVM refuses is only a warning; such a run would be timed without it.
  if grep -q '\[aot\]' "$log"; then
    grep '\[aot\]' "$log" >&2
    die "the JVM did not take the AOT cache for $1"
  fi
  ((${2} > 0)) || return 0
  echo $((READY - T0)) >>"$dir.ready"
  echo "$CPU_MS" >>"$dir.cpu"
  echo "$JIT_MS" >>"$dir.jit"
  quarkus=$(grep -o 'started in [0-9.]*s' "$log" | tail -n 1 | tr -dc '0-9.')
  [[ -n "$quarkus" ]] && awk -v s="$quarkus" 'BEGIN { printf "%.0f\n", s * 1000 }' >>"$dir.quarkus"
  return 0
}

# Prints "p50 p99" of the series file $1 (divided by $2).
pcts() {
  if [[ -s "$1" ]]; then percentiles "$2" <"$1"; else echo "null null"; fi
}

report() {
  local config name ready cpu jit quarkus json="" r50 r99 c50 c99 j50 j99 q50 q99
  printf '\n%-28s %9s %9s %9s %9s %9s %9s\n' "JVM start to /version, ms" "ready p50" "ready p99" "cpu p50" "cpu p99" \
    "jit p50" "quarkus50"
  for config in "${CONFIGS[@]}"; do
    name="$WORK/${config//\//-}"
    read -r r50 r99 < <(pcts "$name.ready" 1000000)
    read -r c50 c99 < <(pcts "$name.cpu" 1)
    read -r j50 j99 < <(pcts "$name.jit" 1)
    read -r q50 q99 < <(pcts "$name.quarkus" 1)
    printf '%-28s %9s %9s %9s %9s %9s %9s\n' "$config" "$r50" "$r99" "$c50" "$c99" "$j50" "$q50"
    ready="{\"p50\":$r50,\"p99\":$r99}" cpu="{\"p50\":$c50,\"p99\":$c99}" jit="{\"p50\":$j50,\"p99\":$j99}"
    quarkus="{\"p50\":$q50,\"p99\":$q99}"
    json+="${json:+,}{\"config\":$(json_str "$config"),\"readyMs\":$ready,\"cpuMs\":$cpu,\"jitCpuMs\":$jit,\"quarkusStartedInMs\":$quarkus}"
  done
  printf '\ncpu: user+sys of the JVM at the first 200; jit: of its C1/C2 compiler threads (10 ms ticks)\n'
  printf '{"restarts":%s,"java":%s,"loadavgBefore":%s,"loadavgAfter":%s,"seconds":%s,"results":[%s]}\n' \
    "$RESTARTS" "$(json_str "$JAVA_VERSION")" "$(json_str "$LOAD_BEFORE")" "$(json_str "$(</proc/loadavg)")" \
    "$SECONDS" "$json"
}

main() {
  local app jit cache config round
  java_check
  build_variant bare
  build_variant same
  copy_server
  for app in "${APPS[@]}"; do
    for jit in tiered c1; do
      train "$app" "$jit"
    done
  done
  CONFIGS=()
  for app in "${APPS[@]}"; do
    for cache in none aot; do
      for jit in tiered c1; do
        CONFIGS+=("$app/$cache/$jit")
      done
    done
  done
  LOAD_BEFORE=$(</proc/loadavg)
  printf 'start-floor: %s configurations x %s restarts (+1 untimed), interleaved; loadavg %s\n' \
    "${#CONFIGS[@]}" "$RESTARTS" "$LOAD_BEFORE" >&2
  for ((round = 0; round <= RESTARTS; round++)); do
    for config in "${CONFIGS[@]}"; do
      measure "$config" "$round"
    done
  done
  report
}

main
