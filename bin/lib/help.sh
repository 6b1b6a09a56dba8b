# shellcheck shell=bash
# help.sh: the usage text of bin/opensessions and of each of its commands, and the usage-error rule
# (message, the command's help on stderr, exit 2). Sourced by bin/opensessions.

usage() {
  cat <<'EOF'
Usage: opensessions <command> [arguments]

Server:
  start         build the server if needed and start it in the background (once per tmux server);
                inside tmux it also opens the sidebar in the current window
  stop          shut the server down cleanly
  restart       stop, then start
  status        say whether the server runs (exit 0) or not (exit 3)
  url           print the server's base URL
  doctor        check tmux, the JDK, the build, the port, the token, control mode and agent folders

Sidebar:
  sidebar       open a sidebar pane in the current tmux window (unless sidebars are toggled off)
  toggle        hide every sidebar of this tmux server, or show one in every window
  next          move this pane's client to the agent that needs you next (waiting longest first, then
                finished ones you have not seen)
  popup [client-tty]
                show the sidebar in a popup over the current pane (or that client's); q or Esc closes it

Push to the sidebar (the current tmux session, or --session NAME):
  set-status <text> [--tone TONE]            set (or with '' clear) the session's status pill
  set-progress <current> <total> [--label L] set the session's progress bar (--clear removes it)
  log <message> [--tone TONE] [--source S]   add a line to the session's log
  clear-log                                  empty the session's log
  notify <message> [--tone TONE] [--source S]
                                             add a log line and make it the session's notification
  event --agent A --status S [...]           report an agent's state (event - reads JSON from stdin)

Agents:
  integrate <agent> [--uninstall]
                report an agent's state to the server: claude-code, codex, amp or pi (integrations/)
  explain [session]
                show why each agent row is what it is: its source, the entries that decided its status,
                how it was mapped to its session, and whether it is unseen
  wait --until STATUS[,STATUS] [--agent A] [--thread T] [--timeout 10m]
                block until an agent of the session reaches a status (exit 0; 124 when the time is up)
  stats [--since 1d] [--json]
                how long agents waited for you: per session and agent, waits, median, longest, share

  help [command]
                this text, or one command's help (also: opensessions <command> --help)
EOF
}

# Prints the help of one command; fails for a command that does not exist.
command_help() {
  case "$1" in
    start) printf '%s\n' 'Usage: opensessions start' '' \
      'Builds the server if it was never built or a source changed, starts it in the background and waits' \
      'until it answers. Inside tmux it also opens the sidebar in the current window, unless' \
      'OPENSESSIONS_NO_SIDEBAR=1. Exit 0 when the server runs, 1 when it could not start.' ;;
    stop) printf '%s\n' 'Usage: opensessions stop' '' \
      'Asks the server to quit, then stops it with TERM (and KILL after 10 s) if it is still there.' \
      'Exit 0 when it is stopped, 1 when something else still answers on its port.' ;;
    restart) printf '%s\n' 'Usage: opensessions restart' '' \
      'Runs stop, then start (inside tmux, start opens the sidebar in the current window).' \
      'Exit 0 when the server runs again, 1 otherwise.' ;;
    status) printf '%s\n' 'Usage: opensessions status' '' \
      'Says whether the server answers on its port. Exit 0 when it runs, 3 when it does not.' ;;
    url) printf '%s\n' 'Usage: opensessions url' '' \
      'Prints the base URL of the server of the current tmux server, for example http://127.0.0.1:7391.' ;;
    doctor) printf '%s\n' 'Usage: opensessions doctor' '' \
      'Checks what opensessions needs and prints one line per check, "ok", "problem" (with how to fix' \
      'it) or "info": curl, tmux 3.2 or newer, a JDK 21 or newer, the server build, the port, the token' \
      'file, the runtime folder, tmux control mode, and the agent folders it watches.' \
      'Exit 0 when no problem was found, 1 otherwise.' ;;
    sidebar) printf '%s\n' 'Usage: opensessions sidebar' '' \
      'Opens a sidebar pane in the current tmux window, unless sidebars are toggled off.' \
      'Exit 0 when the server took the request, 1 outside tmux or without a server.' ;;
    toggle) printf '%s\n' 'Usage: opensessions toggle' '' \
      'Hides every sidebar of this tmux server, or shows one in every window.' \
      'Exit 0 when the server took the request, 1 outside tmux or without a server.' ;;
    next) printf '%s\n' 'Usage: opensessions next' '' \
      'Moves the tmux client of the pane it runs in to the agent that needs you next: first agents waiting' \
      'for you, the longest wait first, then agents whose end (done, error, interrupted) you have not seen,' \
      'oldest first. The agent'"'"'s pane is selected when known. Run again, it goes on to the next one.' \
      'Exit 0 when the server took the request (also when nothing needs you), 1 outside tmux or without a server.' ;;
    popup) printf '%s\n' 'Usage: opensessions popup [client-tty]' '' \
      'Shows the sidebar in a tmux popup over the current pane, or over the pane of the client on' \
      'client-tty (from a key binding: "#{client_tty}"). q or Esc closes it.' \
      'OPENSESSIONS_POPUP_WIDTH and OPENSESSIONS_POPUP_HEIGHT size it (cells or percentages).' ;;
    set-status) printf '%s\n' 'Usage: opensessions set-status <text> [--tone TONE] [--session NAME]' '' \
      "Sets the session's status pill; an empty text ('') clears it. TONE: neutral (default), info," \
      'success, warn or error.' "$(session_help)" ;;
    set-progress) printf '%s\n' \
      'Usage: opensessions set-progress <current> <total> [--label LABEL] [--session NAME]' \
      '       opensessions set-progress --clear [--session NAME]' '' \
      "Sets the session's progress bar to current/total (decimal numbers, for example 3 10 or 2.5 4)." \
      '--clear removes the bar.' "$(session_help)" ;;
    log) printf '%s\n' 'Usage: opensessions log <message> [--tone TONE] [--source SOURCE] [--session NAME]' '' \
      "Adds a line to the session's log. --level is another name for --tone. Put -- before a message" \
      'that starts with -.' "$(session_help)" ;;
    clear-log) printf '%s\n' 'Usage: opensessions clear-log [--session NAME]' '' \
      "Empties the session's log." "$(session_help)" ;;
    notify) printf '%s\n' 'Usage: opensessions notify <message> [--tone TONE] [--source SOURCE] [--session NAME]' '' \
      "Adds a line to the session's log and makes it the session's latest notification. --level is" \
      'another name for --tone.' "$(session_help)" ;;
    event) printf '%s\n' \
      'Usage: opensessions event --agent AGENT --status STATUS [--thread ID] [--name NAME] [--prompt TEXT]' \
      '                          [--pane %N] [--dir DIR] [--session NAME]' \
      '       opensessions event - < event.json' '' \
      "Reports an agent's state (POST /api/agent-event). STATUS: idle, running, tool-running, done," \
      'error, waiting, interrupted or stale. Inside tmux, --session and --pane default to the current' \
      'session and pane; outside tmux give --session, --pane or --dir. "event -" posts the JSON object' \
      'read from stdin unchanged. Exit 0 also when no live session matched (the server drops the' \
      'event and says so on stderr), 1 when the server refused it, 2 for wrong arguments.' ;;
    integrate) printf '%s\n' 'Usage: opensessions integrate <agent> [--uninstall]' '' \
      'Installs (or with --uninstall removes) the hook of one agent that reports its state to the' \
      'server: claude-code, codex, amp or pi. See integrations/<agent>/README.md.' ;;
    explain) printf '%s\n' 'Usage: opensessions explain [session]' '' \
      'Prints why each agent row is what it is (GET /debug/agents): its source, the entries that decided' \
      'its status, how it was mapped to its session, and whether it is unseen. Exit 1 without a server.' ;;
    wait) printf '%s\n' \
      'Usage: opensessions wait --until STATUS[,STATUS...] [--agent AGENT] [--thread ID] [--timeout T]' \
      '                         [--session NAME]' '' \
      'Blocks until an agent row of the session has one of the statuses (GET /api/wait), then prints the' \
      'row as JSON. Answers at once when one has it already. STATUS: idle, running, tool-running, done,' \
      'error, waiting, interrupted or stale. --thread is the thread id or agent:id. T: 90s, 10m, 2h,' \
      '1500ms (at most 24h, the default). Exit 0 when met, 124 when the time is up, 1 when the server' \
      'is down or refused the wait, 2 for wrong arguments.' "$(session_help | sed -n 2p)" ;;
    stats) printf '%s\n' 'Usage: opensessions stats [--since PERIOD] [--json]' '' \
      'Prints how long agents waited for you (GET /api/stats), per session and per agent: the number of' \
      'waits, the median and longest wait, the time waited, and the share of their engaged time spent' \
      'waiting. A wait runs from an agent asking (waiting) or finishing while you were not looking' \
      '(done, error, interrupted, unseen) until you answer or look. PERIOD: 30m, 12h, 1d (default), 2w,' \
      'an ISO time (2026-03-01T09:00:00Z) or a date (2026-03-01). --json prints the JSON instead.' ;;
    help) printf '%s\n' 'Usage: opensessions help [command]' '' \
      'Prints the list of commands, or the help of one command.' ;;
    *) return 1 ;;
  esac
}

session_help() {
  printf '%s\n' '' 'The session is the current tmux session; outside tmux --session NAME is required.' \
    'Quiet on success. Exit 1 when the server is down or refused the request (its message is printed),' \
    '2 for wrong arguments.'
}

cmd_help() {
  if (($# == 0)); then
    usage
  elif (($# == 1)) && command_help "$1"; then
    return 0
  else
    printf 'opensessions: no such command: %s\n' "${1:-}" >&2
    usage >&2
    exit 2
  fi
}

# A wrong argument: says what is wrong, shows the command's help on stderr and exits 2.
usage_error() {
  printf 'opensessions %s: %s\n\n' "$1" "$2" >&2
  command_help "$1" >&2
  exit 2
}

# For commands that take no arguments: "$@" is the whole command line.
no_arguments() {
  (($# <= 1)) || usage_error "$1" "takes no arguments"
}
