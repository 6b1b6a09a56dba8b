# shellcheck shell=bash
# report.sh: collects what bench/run.sh measured, prints it as a table (what | measured | budget | holds)
# and writes the same, with every raw number, as JSON. Sourced, not run.

RESULTS=()
ROWS=()

# Keeps the raw numbers of one measurement: key $1, JSON value $2.
result() {
  RESULTS+=("$(json_str "$1"):$2")
}

# Adds one table row: what, measured, budget, holds.
row() {
  ROWS+=("$1"$'\t'"$2"$'\t'"$3"$'\t'"$4")
}

# Prints the table to stdout.
print_table() {
  printf '%s\n' "what"$'\t'"measured"$'\t'"budget"$'\t'"holds" "${ROWS[@]}" | awk -F '\t' '
    { for (c = 1; c <= 4; c++) { cell[NR, c] = $c; if (length($c) > w[c]) w[c] = length($c) } }
    END { for (r = 1; r <= NR; r++) {
            printf "%-" w[1] "s | %-" w[2] "s | %-" w[3] "s | %s\n", cell[r, 1], cell[r, 2], cell[r, 3], cell[r, 4]
            if (r == 1) { printf "%s-|-%s-|-%s-|-%s\n", dash(w[1]), dash(w[2]), dash(w[3]), dash(5) } } }
    function dash(n,  s) { s = ""; while (n-- > 0) s = s "-"; return s }'
}

# Writes the settings $1 (a JSON object), the raw results and the table to file $2.
write_json() {
  local settings=$1 file=$2 entry what measured budget holds sep=""
  {
    printf '{"settings":%s,"results":{' "$settings"
    for entry in "${RESULTS[@]}"; do
      printf '%s%s' "$sep" "$entry"
      sep=","
    done
    printf '},"table":['
    sep=""
    for entry in "${ROWS[@]}"; do
      IFS=$'\t' read -r what measured budget holds <<<"$entry"
      printf '%s{"what":%s,"measured":%s,"budget":%s,"holds":%s}' "$sep" "$(json_str "$what")" \
        "$(json_str "$measured")" "$(json_str "$budget")" "$(json_str "$holds")"
      sep=","
    done
    printf ']}\n'
  } >"$file"
}
