#!/usr/bin/env bash
# Time per MB of the data-flow analysis and of a whole scan, from a small
# module to a generated 10,000-function module of deep call chains: the
# figures should stay flat as the module grows (no blow-up).
#   bash bench/flowscale.sh [PYWARD_BINARY]
# Prints the analysis alone (go test -bench FlowScaling, flow/scale_test.go)
# and `pyward scan` of the same amount of code in modules of each size
# (10,000 functions in all: 1,000 modules of 10 ... one of 10,000; best
# of 3, GNU time).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
[[ -x /usr/bin/time ]] || { echo "bench/flowscale.sh needs GNU time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=${1:-}
if [[ -z $bin ]]; then
  go build -trimpath -ldflags='-s -w' -o "$work/pyward" ./cmd/pyward
  bin=$work/pyward
fi
echo "analysis alone (MB/s, higher is faster):"
go test -run '^$' -bench FlowScaling -benchtime 2s ./flow/ | awk '/^BenchmarkFlowScaling/ { sub("BenchmarkFlowScaling/", "", $1); printf "  %-18s %8s MB/s\n", $1, $(NF-1) }'
# The same shape as flow/scale_test.go's program(): chains 50 deep.
gen() {
  local n=$1 i
  echo "import os"
  for ((i = 0; i < n; i++)); do
    if ((i % 50 == 49 || i == n - 1)); then
      printf 'def f%d(x):\n    cmd = "run " + x\n    os.system(cmd)\n    return cmd\n\n' "$i"
    else
      printf 'def f%d(x):\n    y = "%%s-%d" %% x\n    return f%d(y)\n\n' "$i" "$i" "$((i + 1))"
    fi
  done
  for ((i = 0; i < n; i += 50)); do printf 'f%d(input())\n' "$i"; done
}
echo "whole scan of 10,000 functions (ms per MB, lower is faster):"
for n in 10 100 1000 10000; do
  mkdir -p "$work/$n"
  gen "$n" > "$work/$n/m0.py"
  for ((k = 1; k < 10000 / n; k++)); do cp "$work/$n/m0.py" "$work/$n/m$k.py"; done
  best=
  for _ in 1 2 3; do
    /usr/bin/time -f '%e' -o "$work/t" "$bin" scan --fail-on never "$work/$n" > /dev/null 2>&1 || true
    t=$(cat "$work/t")
    if [[ -z $best ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  size=$(cat "$work/$n"/*.py | wc -c)
  awk -v n="$n" -v k="$((10000 / n))" -v t="$best" -v s="$size" 'BEGIN { printf "  %5d modules of %-6d %8.1f KB %8.3f s %8.0f ms/MB\n", k, n, s / 1024, t, t * 1000 / (s / 1048576) }'
done
