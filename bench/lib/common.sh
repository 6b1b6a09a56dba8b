# shellcheck shell=bash
# common.sh: the clock, sample series and percentiles every benchmark script shares. Sourced, not run.
# Series live as files of numbers (one a line) under $WORK, named after what they measure.

WARMUP=${WARMUP:-3}

die() {
  printf 'bench: %s\n' "$*" >&2
  exit 1
}

# Sets NOW to the wall clock in ns. EPOCHREALTIME (bash 5) is read without starting a process; date +%s%N
# costs a fork and an exec, which on a loaded machine is more than the latencies measured here.
now() {
  if [[ -n "${EPOCHREALTIME:-}" ]]; then
    NOW=${EPOCHREALTIME//[.,]/}000
  else
    NOW=$(date +%s%N)
  fi
}

# Waits $1 seconds (fractions allowed) without starting a process: a read that nothing ever answers.
pause() {
  if [[ -z "${PAUSE_FD:-}" ]]; then
    exec {PAUSE_FD}<> <(:)
  fi
  read -r -t "$1" -u "$PAUSE_FD" _ || true
}

# Empties series $1 and its cold value.
series() {
  : >"$WORK/$1"
  rm -f "$WORK/$1.cold"
}

# Keeps sample $i of series $1: the first warm-up sample as the cold value, the rest of the warm-up not at
# all (the server's first requests run interpreted code), then every sample.
record() {
  if ((i == 1 - WARMUP)); then
    echo "$2" >"$WORK/$1.cold"
  fi
  if ((i >= 1)); then
    echo "$2" >>"$WORK/$1"
  fi
}

# Prints the cold value of series $1 in ms, or null.
cold() {
  if [[ -s "$WORK/$1.cold" ]]; then
    awk '{ printf "%.1f", $1 / 1000000 }' "$WORK/$1.cold"
  else
    printf 'null'
  fi
}

# Reads numbers (one a line) and prints the nearest-rank p50 and p99 divided by $1 (default: ns to ms).
percentiles() {
  sort -n | awk -v div="${1:-1000000}" '{ v[NR] = $1 }
    END { if (NR == 0) { print "null null"; exit }
          printf "%.1f %.1f\n", v[int((NR * 50 + 99) / 100)] / div, v[int((NR * 99 + 99) / 100)] / div }'
}

# Sets P50 and P99 of series $1 (divided by $2, default ns to ms).
summarize() {
  read -r P50 P99 < <(percentiles "${2:-1000000}" <"$WORK/$1")
}

# Prints "yes" when $1 <= $2, "no" when not, "n/a" when $1 is not a number.
within() {
  awk -v v="$1" -v max="$2" 'BEGIN { if (v !~ /^[0-9.]+$/) print "n/a"; else print (v + 0 <= max + 0 ? "yes" : "no") }'
}

# Prints "yes" when $1 >= $2, "no" when not, "n/a" when $1 is not a number.
atleast() {
  awk -v v="$1" -v min="$2" 'BEGIN { if (v !~ /^[0-9.]+$/) print "n/a"; else print (v + 0 >= min + 0 ? "yes" : "no") }'
}

# Judges a latency against a one-value budget $3: "yes" when p99 ($2) holds it, "p50 only" when only the
# median ($1) does, else "no".
judge_tail() {
  if [[ $(within "$2" "$3") == yes ]]; then
    echo yes
  elif [[ $(within "$1" "$3") == yes ]]; then
    echo "p50 only"
  else
    within "$1" "$3"
  fi
}

# Prints $1 KiB in MiB (2^20 bytes) and in MB (10^6 bytes), one decimal each.
mib() {
  awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}
mb() {
  awk -v k="$1" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }'
}

# Prints $1 as a JSON string.
json_str() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\t'/\\t}
  printf '"%s"' "$s"
}

# Whether GET /version on 127.0.0.1:$1 answers 200 now: one try over bash's /dev/tcp, no process started.
version_answers() {
  local http status=""
  # Refused connections until the server listens; bash reports each on stderr, hence the group.
  { exec {http}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /version HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$1" >&"$http"
  read -r -t 5 -u "$http" status || true
  exec {http}>&-
  [[ "$status" == *" 200"* ]]
}
