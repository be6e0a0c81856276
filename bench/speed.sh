#!/usr/bin/env bash
# Whole-tree scan speed with the default output (text to a file), two
# binaries in the same run, alternating so that the machine's load hits
# both alike: the standard library (site-packages excluded, as a folder
# scan outside a repository does) and the site-packages folder.
#   bash bench/speed.sh OLD_BINARY [NEW_BINARY] [RUNS]
# Without NEW_BINARY it builds pyward from this checkout. Prints the best
# wall time, CPU time and peak memory of each, the output size, and the
# median of the new/old ratios of the pairs of runs made one after the
# other (the order alternating): the machine's speed drifts from minute
# to minute, so a lucky best run of one side moves the ratio of the
# bests; the median of the pairs moves less.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
[[ -x /usr/bin/time ]] || { echo "bench/speed.sh needs GNU time (apt-get install time)" >&2; exit 2; }
old=${1:?usage: bench/speed.sh OLD_BINARY [NEW_BINARY] [RUNS]}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
new=${2:-}
if [[ -z $new ]]; then
  go build -trimpath -ldflags=-s -o "$work/pyward" ./cmd/pyward
  new=$work/pyward
fi
runs=${3:-3}
stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
site=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
# Files are named from inside each folder (one command line): a folder
# scan judges what git would commit, and pyenv's repository ignores its
# versions.
find "$stdlib" -name site-packages -prune -o -name dist-packages -prune -o -name '*.py' -printf '%P\0' > "$work/stdlib.txt"
find "$site" -name '*.py' -printf '%P\0' > "$work/site-packages.txt"
for set in stdlib site-packages; do
  dir=$stdlib
  [[ $set == site-packages ]] && dir=$site
  declare -A best=() this=()
  : > "$work/ratios"
  for ((i = 0; i < runs; i++)); do
    order="old new"
    ((i % 2 == 1)) && order="new old"
    for which in $order; do
      bin=$old
      [[ $which == new ]] && bin=$new
      (cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o "$work/t" xargs -0 -s 1900000 -a "$work/$set.txt" "$bin" scan > "$work/out.$which" 2> /dev/null) || true
      read -r wall user sys peak < <(tail -n 1 "$work/t")
      cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
      this[$which]="$wall $cpu"
      if [[ -z ${best[$which]:-} ]] || awk -v a="$wall" -v b="${best[$which]%% *}" 'BEGIN { exit !(a < b) }'; then
        best[$which]="$wall $cpu $peak $(wc -c < "$work/out.$which")"
      fi
    done
    # The two runs of a pair ran one after the other, under the same
    # load: their ratio drifts less than either time.
    echo "${this[old]} ${this[new]}" | awk '{ print $3 / $1, $4 / $2 }' >> "$work/ratios"
  done
  for which in old new; do
    read -r wall cpu peak size <<<"${best[$which]}"
    printf '%-14s %-4s %7.2fs wall %7.2fs cpu %7.1f MB peak %8.1f MB of text\n' "$set" "$which" "$wall" "$cpu" \
      "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" "$(awk -v b="$size" 'BEGIN { print b / 1048576 }')"
  done
  median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  printf '%-14s new/old, median of %d adjacent pairs: %.2fx wall, %.2fx cpu\n' "$set" "$runs" \
    "$(cut -d' ' -f1 "$work/ratios" | median)" "$(cut -d' ' -f2 "$work/ratios" | median)"
  unset best this
done
