#!/usr/bin/env bash
# Standard-library scan speed against Ruff's WebAssembly build
# (@astral-sh/ruff-wasm-nodejs from npm, flake8-bandit rules `S` only) on
# the same files as bench/speed.sh, in one run, alternating so that the
# machine's load hits both alike.
#   bash bench/ruff.sh [RUNS] [PYWARD_BINARY]
# Without PYWARD_BINARY it builds pyward from this checkout. The package is
# installed with npm into ~/.cache/pyward-bench (outside the repository)
# and driven by bench/ruff-check.cjs. Prints the best wall time of each
# (with the CPU time and peak memory of that run) and the ratios
# Ruff/pyward.
# Ruff-wasm lints on one thread (WebAssembly has no threads here; native
# Ruff would use every core), while pyward scans files in parallel: the
# wall ratio is what a user waits, the CPU ratio is the work done. Node's
# compiler and garbage-collector threads add some CPU to Ruff's side.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
[[ -x /usr/bin/time ]] || { echo "bench/ruff.sh needs GNU time (apt-get install time)" >&2; exit 2; }
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "bench/ruff.sh needs node and npm (apt-get install nodejs npm)" >&2
  exit 2
fi
runs=${1:-3}
version=0.17.4 # @astral-sh/ruff-wasm-nodejs, the latest on npm when this was written
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pyward=${2:-}
built=""
if [[ -z $pyward ]]; then
  go build -trimpath -ldflags='-s -w' -o "$work/pyward" ./cmd/pyward
  pyward=$work/pyward
  built=", built from $(git describe --always --dirty 2> /dev/null || echo 'this checkout')"
fi
prefix=${XDG_CACHE_HOME:-$HOME/.cache}/pyward-bench/ruff-wasm-$version
pkg=$prefix/node_modules/@astral-sh/ruff-wasm-nodejs
if [[ ! -f $pkg/package.json ]]; then
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "@astral-sh/ruff-wasm-nodejs@$version" > /dev/null
fi
echo "ruff-wasm: @astral-sh/ruff-wasm-nodejs $(node -p 'require(process.argv[1]).version' "$pkg/package.json"), node $(node --version)"
echo "pyward:    $("$pyward" version 2> /dev/null | head -n 1)$built"

stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
# Ruff's name for the Python the library is written for, so that its newer
# syntax is not reported as an error.
target=$(python3 -c 'import sys; print("py%d%d" % sys.version_info[:2])')
# Files are named from inside the folder (one command line), as
# bench/speed.sh does.
find "$stdlib" -name site-packages -prune -o -name dist-packages -prune -o -name '*.py' -printf '%P\0' > "$work/stdlib.txt"
echo "files:     $(tr -cd '\0' < "$work/stdlib.txt" | wc -c) .py files under $stdlib ($target)"

declare -A best=()
for ((i = 0; i < runs; i++)); do
  for which in pyward ruff; do
    if [[ $which == pyward ]]; then
      (cd "$stdlib" && /usr/bin/time -f '%e %U %S %M' -o "$work/t" xargs -0 -s 1900000 -a "$work/stdlib.txt" "$pyward" scan --fail-on never > "$work/out.$which" 2> /dev/null) || true
    else
      /usr/bin/time -f '%e %U %S %M' -o "$work/t" node bench/ruff-check.cjs "$pkg" "$stdlib" "$work/stdlib.txt" "$target" > "$work/out.$which" 2> "$work/err.$which" || true
    fi
    read -r wall user sys peak < <(tail -n 1 "$work/t")
    if [[ -z ${best[$which]:-} ]] || awk -v a="$wall" -v b="${best[$which]%% *}" 'BEGIN { exit !(a < b) }'; then
      best[$which]="$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $peak"
      cp "$work/out.$which" "$work/best.$which"
    fi
  done
done

for which in pyward ruff; do
  read -r wall cpu peak <<<"${best[$which]}"
  printf '%-9s  %7.2fs wall %7.2fs cpu %7.1f MB peak (best of %d)\n' "$which:" "$wall" "$cpu" \
    "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" "$runs"
  printf '           %s\n' "$(tail -n 1 "$work/best.$which")"
done
if [[ -s $work/err.ruff ]]; then
  echo "ruff-check.cjs said:"
  head -n 5 "$work/err.ruff"
fi
read -r pw pc _ <<<"${best[pyward]}"
read -r rw rc _ <<<"${best[ruff]}"
awk -v pw="$pw" -v pc="$pc" -v rw="$rw" -v rc="$rc" 'BEGIN {
  printf "ratio Ruff/pyward: %.2fx the wall time, %.2fx the CPU time\n", rw / pw, rc / pc }'
