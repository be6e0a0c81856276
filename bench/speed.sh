#!/usr/bin/env bash
# Whole-tree scan speed with the default output (text to a file), two
# binaries in the same run, alternating so that the machine's load hits
# both alike: the standard library (site-packages excluded, as a folder
# scan outside a repository does) and the site-packages folder.
#   bash bench/speed.sh OLD_BINARY [NEW_BINARY] [RUNS]
# Without NEW_BINARY it builds pyward from this checkout. Prints the best
# wall time, CPU time and peak memory of each, and the output size.
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
  declare -A best=()
  for ((i = 0; i < runs; i++)); do
    for which in old new; do
      bin=$old
      [[ $which == new ]] && bin=$new
      (cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o "$work/t" xargs -0 -s 1900000 -a "$work/$set.txt" "$bin" scan > "$work/out.$which" 2> /dev/null) || true
      read -r wall user sys peak < <(tail -n 1 "$work/t")
      if [[ -z ${best[$which]:-} ]] || awk -v a="$wall" -v b="${best[$which]%% *}" 'BEGIN { exit !(a < b) }'; then
        best[$which]="$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $peak $(wc -c < "$work/out.$which")"
      fi
    done
  done
  for which in old new; do
    read -r wall cpu peak size <<<"${best[$which]}"
    printf '%-14s %-4s %7.2fs wall %7.2fs cpu %7.1f MB peak %8.1f MB of text\n' "$set" "$which" "$wall" "$cpu" \
      "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" "$(awk -v b="$size" 'BEGIN { print b / 1048576 }')"
  done
  unset best
done
