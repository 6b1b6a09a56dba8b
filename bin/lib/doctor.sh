# shellcheck shell=bash
# doctor.sh: `opensessions doctor` checks what the server needs and prints one line per check: ok,
# problem (with how to fix it) or info. No check stops the others, so it also runs without tmux, curl or
# a JDK. Sourced by bin/opensessions.

DOCTOR_PROBLEMS=0

report() {
  printf '%-8s %-9s %s\n' "$1" "$2" "$3"
  [[ "$1" != problem ]] || DOCTOR_PROBLEMS=$((DOCTOR_PROBLEMS + 1))
}

cmd_doctor() {
  DOCTOR_SERVER_UP=0
  healthy && DOCTOR_SERVER_UP=1
  check_curl
  check_tmux
  check_java
  check_build
  check_port
  check_dead_server
  check_runtime_dir
  check_token
  check_control_mode
  check_agents
  if ((DOCTOR_PROBLEMS == 0)); then
    printf 'doctor: no problem found\n'
    return 0
  fi
  printf 'doctor: %d problem(s) found\n' "$DOCTOR_PROBLEMS"
  exit 1
}

check_curl() {
  if command -v curl >/dev/null 2>&1; then
    report ok curl "$(command -v curl)"
  else
    report problem curl "curl not found on PATH: install curl (the launcher and the agent hooks use it)"
  fi
}

check_tmux() {
  local path version
  if ! path=$(command -v tmux 2>/dev/null); then
    report problem tmux "tmux not found on PATH: install tmux 3.2 or newer (apt install tmux, brew install tmux)"
    return 0
  fi
  version=$(tmux -V 2>/dev/null) || version=""
  if [[ ! "$version" =~ ([0-9]+)\.([0-9]+) ]]; then
    report info tmux "$path says '${version:-nothing}' to tmux -V; opensessions needs tmux 3.2 or newer"
  elif ((BASH_REMATCH[1] > 3 || (BASH_REMATCH[1] == 3 && BASH_REMATCH[2] >= 2))); then
    report ok tmux "$version at $path"
  else
    report problem tmux "$version at $path is too old: install tmux 3.2 or newer"
  fi
}

# The same search as start (java_candidates), saying what it found and why a java was passed over.
check_java() {
  local candidate major too_old="" where
  java_candidates
  for candidate in ${JAVA_CANDIDATES[@]+"${JAVA_CANDIDATES[@]}"}; do
    [[ -x "$candidate" ]] || continue
    if ! major=$(java_major "$candidate"); then
      too_old="$too_old, $candidate (no version)"
    elif ((major >= 21)); then
      report ok java "java $major at $candidate${too_old:+ (passed over: ${too_old#, })}"
      return 0
    else
      too_old="$too_old, java $major at $candidate"
    fi
  done
  if [[ -n "$too_old" ]]; then
    report problem java "${too_old#, } is too old: install JDK 21 or newer, or set JAVA_HOME to one"
    return 0
  fi
  report problem java "no java found (looked in JAVA_HOME, PATH, $(jdk_dirs_searched)): install JDK 21 or newer, or set JAVA_HOME to one"
}

check_build() {
  if [[ ! -f "$SERVER_JAR" ]]; then
    report info build "not built yet: opensessions start builds it (a minute or two, with the JDK above)"
  elif build_current; then
    report ok build "$SERVER_JAR"
  else
    report info build "$SERVER_JAR is older than the sources: opensessions start rebuilds it"
  fi
}

check_port() {
  local body owner pid
  if ((DOCTOR_SERVER_UP)); then
    pid=$(read_pid) || pid=unknown
    report ok port "$PORT: this opensessions server answers (pid $pid)"
    return 0
  fi
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    report ok port "$PORT is free ($URL)"
    return 0
  fi
  body=$(curl -s -m 2 --noproxy '*' "$URL/version" 2>/dev/null) || body=""
  owner=$(port_owner) || owner=""
  if [[ "$body" == opensessions-server* ]]; then
    report problem port "$PORT is held by another opensessions version ('$body'${owner:+, $owner}): stop that process, then run opensessions start"
  else
    report problem port "$PORT is taken by ${owner:-another program}: stop it, or give opensessions another port with OPENSESSIONS_PORT=<port> (in tmux's environment too)"
  fi
}

# A server that died without cleaning up (killed, crashed, out of memory) leaves its pid file naming a process
# that is gone, and its token and sidebar-port files: names the dead server, those files and the last lines of
# its log, which usually say why it stopped.
check_dead_server() {
  local pid file
  local -a left=()
  ((DOCTOR_SERVER_UP == 0)) || return 0
  pid=$(read_pid) || pid=""
  [[ -n "$pid" ]] || return 0
  for file in "$PID_FILE" "$TOKEN_FILE" "$SIDEBAR_PORT_FILE"; do
    [[ -e "$file" ]] && left+=("$file")
  done
  if is_server "$pid"; then
    report problem server "the server (pid $pid) runs but does not answer on $URL: opensessions restart"
  elif alive "$pid"; then
    report problem server "the pid file names pid $pid, which is no opensessions server: the server is dead; opensessions start (or prefix o t) starts it again"
  else
    report problem server "the server (pid $pid) is dead: it stopped without cleaning up; opensessions start (or prefix o t) starts it again"
  fi
  report info stale "left behind: ${left[*]} (the next start replaces them)"
  if [[ -s "$LOG_FILE" ]]; then
    report info log "the last lines of $LOG_FILE:"
    tail -n 10 "$LOG_FILE" | sed 's/^/         | /'
  else
    report info log "$LOG_FILE is empty or missing: nothing says why it stopped"
  fi
}

# Names the process listening on PORT ("java (pid 123)"), when ss or lsof can tell.
port_owner() {
  local line pattern=$'p([0-9]+)\nc([^\n]+)'
  if command -v ss >/dev/null 2>&1; then
    line=$(ss -Hltnp "sport = :$PORT" 2>/dev/null) || line=""
    if [[ "$line" =~ \(\(\"([^\"]+)\",pid=([0-9]+) ]]; then
      printf '%s (pid %s)' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
      return 0
    fi
  fi
  if command -v lsof >/dev/null 2>&1; then
    line=$(lsof -nP -iTCP:"$PORT" -sTCP:LISTEN -Fpc 2>/dev/null) || line=""
    if [[ "$line" =~ $pattern ]]; then
      printf '%s (pid %s)' "${BASH_REMATCH[2]}" "${BASH_REMATCH[1]}"
      return 0
    fi
  fi
  return 1
}

# Permission bits in octal (GNU stat, then BSD stat); empty when neither works.
file_mode() {
  stat -c %a "$1" 2>/dev/null || stat -f %Lp "$1" 2>/dev/null || true
}

check_runtime_dir() {
  local dir mode
  if [[ ! -d "$RUNTIME_DIR" ]]; then
    report info runtime "$RUNTIME_DIR does not exist yet: start creates it (mode 700)"
    return 0
  fi
  for dir in "${RUNTIME_DIR%/*}" "$RUNTIME_DIR"; do
    mode=$(file_mode "$dir")
    if [[ -z "$mode" ]]; then
      report info runtime "cannot read the mode of $dir (no stat)"
      return 0
    elif [[ "$mode" != 700 ]]; then
      report problem runtime "$dir has mode $mode, so other users may read it: chmod 700 '$dir'"
      return 0
    fi
  done
  report ok runtime "$RUNTIME_DIR (mode 700)"
}

check_token() {
  local mode
  if [[ -f "$TOKEN_FILE" ]]; then
    mode=$(file_mode "$TOKEN_FILE")
    case "$mode" in
      600) report ok token "$TOKEN_FILE (mode 600)" ;;
      '') report info token "$TOKEN_FILE exists; cannot read its mode (no stat)" ;;
      *) report problem token "$TOKEN_FILE has mode $mode, so others may read it: opensessions restart writes a new one" ;;
    esac
  elif ((DOCTOR_SERVER_UP)); then
    report problem token "the server runs but $TOKEN_FILE is missing, so key bindings are refused: opensessions restart"
  else
    report info token "no token yet: the server writes $TOKEN_FILE (mode 600) when it starts"
  fi
}

# Side-effect free: asks the user's tmux for its sessions and the running server for the ones it follows.
check_control_mode() {
  local sessions count state listed
  if ! command -v tmux >/dev/null 2>&1; then
    report info control "skipped: no tmux"
    return 0
  fi
  if [[ -z "${TMUX:-}" ]]; then
    report info control "not inside tmux: a server started here serves pushed state only; run opensessions from a tmux pane"
    return 0
  fi
  if ! sessions=$(tmux list-sessions -F '#{session_name}' 2>/dev/null); then
    report problem control "the tmux server at ${TMUX%%,*} does not answer: start tmux, then opensessions start"
    return 0
  fi
  count=$(grep -cvx '_os_stash' <<<"$sessions") || count=0
  if ((DOCTOR_SERVER_UP == 0)); then
    report ok control "tmux answers with $count session(s); the server attaches in control mode when it starts"
    return 0
  fi
  state=$(curl -s -m 2 --noproxy '*' "$URL/api/state" 2>/dev/null) || state=""
  listed=$(grep -oE '"providerId" *: *"tmux"' <<<"$state" | grep -c .) || listed=0
  if ((listed > 0 || count == 0)); then
    report ok control "the server follows tmux in control mode ($listed of $count session(s) listed)"
  else
    report problem control "the server lists none of tmux's $count session(s): see $LOG_FILE, then opensessions restart"
  fi
}

# The folders and databases the server's agent watchers read (docs/reference/agents.md), with the same
# environment overrides.
check_agents() {
  local pi=${PI_CODING_AGENT_SESSION_DIR:-}
  [[ -n "$pi" ]] || pi=${PI_CODING_AGENT_DIR:+$PI_CODING_AGENT_DIR/sessions}
  agent_path claude-code "${CLAUDE_CONFIG_DIR:-$HOME/.claude}/projects" CLAUDE_CONFIG_DIR
  agent_path codex "${CODEX_HOME:-$HOME/.codex}/sessions" CODEX_HOME
  agent_path pi "${pi:-$HOME/.pi/agent/sessions}" PI_CODING_AGENT_SESSION_DIR
  if [[ -n "${FACTORY_PROJECTS_DIR:-}" ]]; then
    agent_path droid "$FACTORY_PROJECTS_DIR" FACTORY_PROJECTS_DIR
  elif [[ -d "$HOME/.factory/sessions" && ! -d "$HOME/.factory/projects" ]]; then
    agent_path droid "$HOME/.factory/sessions" FACTORY_PROJECTS_DIR
  else
    agent_path droid "$HOME/.factory/projects" FACTORY_PROJECTS_DIR
  fi
  agent_path amp "$HOME/.local/share/amp/threads" ""
  agent_path opencode "${OPENCODE_DB_PATH:-${OPENCODE_DB:-$HOME/.local/share/opencode/opencode.db}}" OPENCODE_DB_PATH
  agent_path kilo "${KILO_DB_PATH:-$HOME/.local/share/kilo/kilo.db}" KILO_DB_PATH
}

agent_path() {
  if [[ -e "$2" ]]; then
    report ok agent "$1: $2"
  else
    report info agent "$1: $2 not found (not used here${3:+, or set $3})"
  fi
}
