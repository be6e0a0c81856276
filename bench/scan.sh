#!/usr/bin/env bash
# Scan speed and memory: pyward against Bandit (Debian package `bandit`,
# when installed) on the same files, in one run: the machine's standard
# library (site-packages excluded) and a fixed ten-file subset of it.
# Prints wall time, CPU time (user+sys), peak memory and the ratios.
#   bash bench/scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
[[ -x /usr/bin/time ]] || { echo "bench/scan.sh needs GNU time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/pyward" ./cmd/pyward

stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
find "$stdlib" -name site-packages -prune -o -name dist-packages -prune -o -name '*.py' -print | LC_ALL=C sort > "$work/all.txt"
# Ten files spread evenly over the sorted list, so the subset is the same
# on every machine with the same Python.
awk -v n="$(wc -l < "$work/all.txt")" 'NR % int(n / 10) == 1 && c < 10 { print; c++ }' "$work/all.txt" > "$work/ten.txt"

# measure RUNS REPEAT CMD...: prints "wall cpu peak_kib" for one execution
# of CMD, from the best of RUNS timings of REPEAT back-to-back executions
# (repeating makes runs shorter than time's 10 ms resolution measurable).
# A command that exits non-zero, as Bandit does when it finds something,
# makes time write a note first: the figures are on the last line.
measure() {
  local best="" runs=$1 repeat=$2
  shift 2
  for ((i = 0; i < runs; i++)); do
    # shellcheck disable=SC2016 # the inner script expands its own arguments
    /usr/bin/time -f '%e %U %S %M' -o "$work/t" \
      bash -c 'r=$1; shift; for ((k = 0; k < r; k++)); do "$@"; done' _ "$repeat" "$@" > /dev/null 2> "$work/err" || true
    read -r wall user sys peak < <(tail -n 1 "$work/t")
    wall=$(awk -v w="$wall" -v r="$repeat" 'BEGIN { printf "%.4f", w / r }')
    cpu=$(awk -v u="$user" -v s="$sys" -v r="$repeat" 'BEGIN { printf "%.4f", (u + s) / r }')
    if [[ -z $best ]] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
      best="$wall $cpu $peak"
    fi
  done
  echo "$best"
}

report() { # label pyward-result bandit-result
  read -r pw pc pm <<<"$2"
  printf '%-28s pyward: %7.3fs wall %7.3fs cpu %7.1f MB peak\n' "$1" "$pw" "$pc" "$(awk -v k="$pm" 'BEGIN { print k / 1024 }')"
  if [[ -n ${3:-} ]]; then
    read -r bw bc bm <<<"$3"
    printf '%-28s bandit: %7.3fs wall %7.3fs cpu %7.1f MB peak\n' "" "$bw" "$bc" "$(awk -v k="$bm" 'BEGIN { print k / 1024 }')"
    awk -v a="$pw" -v b="$bw" -v c="$pc" -v d="$bc" -v e="$pm" -v f="$bm" 'BEGIN {
      printf "%-28s ratio:  %.0fx faster (wall), %.0fx less cpu, %.1fx less memory\n", "", b / a, d / c, f / e }'
  fi
}

for set in all ten; do
  files=$(wc -l < "$work/$set.txt")
  bytes=$(xargs -d '\n' cat < "$work/$set.txt" | wc -c)
  repeat=1
  [[ $set == ten ]] && repeat=20
  pyward_r=$(measure 5 "$repeat" xargs -d '\n' -a "$work/$set.txt" "$work/pyward" scan --format json --fail-on never)
  bandit_r=""
  if command -v bandit > /dev/null; then
    runs=3
    [[ $set == all ]] && runs=1 # Bandit takes over a minute on the whole library
    bandit_r=$(measure "$runs" "$repeat" xargs -d '\n' -a "$work/$set.txt" bandit -q -f json)
  fi
  report "$set: $files files, $((bytes / 1024)) KiB" "$pyward_r" "$bandit_r"
done
command -v bandit > /dev/null || echo "(bandit not installed: apt-get install bandit to compare)"
