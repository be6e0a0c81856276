#!/usr/bin/env bash
# Parse throughput: pyward's parser against CPython's ast.parse on the same
# files (the standard library of the machine's python3, site-packages
# excluded), measured in one run, both on one core.
#   bash bench/parse.sh            # 5 rounds each
#   ROUNDS=10 bash bench/parse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
rounds=${ROUNDS:-5}

cpython=$(python3 - "$rounds" <<'PY'
import ast, os, sys, sysconfig, time
rounds = int(sys.argv[1])
root = sysconfig.get_paths()["stdlib"]
srcs = []
for dp, dn, fn in os.walk(root):
    dn[:] = [d for d in dn if d not in ("site-packages", "dist-packages")]
    for f in fn:
        if f.endswith(".py"):
            with open(os.path.join(dp, f), "rb") as fh:
                srcs.append(fh.read())
total = sum(map(len, srcs))
best = float("inf")
for _ in range(rounds):
    t0 = time.perf_counter()
    for s in srcs:
        try:
            ast.parse(s)
        except (SyntaxError, ValueError):
            pass
    best = min(best, time.perf_counter() - t0)
print(f"{total / best / 1e6:.2f} {len(srcs)} {total}")
PY
)
read -r cpy_mbs files bytes <<<"$cpython"

gobench=$(go test -run '^$' -bench BenchmarkParseStdlib -benchmem -cpu 1 -count "$rounds" ./python/parser)
pw_mbs=$(awk '/^BenchmarkParseStdlib/ { for (i = 1; i <= NF; i++) if ($(i+1) == "MB/s" && $i > best) best = $i } END { print best }' <<<"$gobench")
allocs=$(awk '/^BenchmarkParseStdlib/ { for (i = 1; i <= NF; i++) if ($(i+1) == "allocs/op") a = $i } END { print a }' <<<"$gobench")

echo "standard library: $files files, $bytes bytes; best of $rounds rounds, one core"
printf 'CPython %s ast.parse: %8.2f MB/s\n' "$(python3 -c 'import platform; print(platform.python_version())')" "$cpy_mbs"
printf 'pyward parser:        %8.2f MB/s  (%s allocations per run, %d per file)\n' "$pw_mbs" "$allocs" "$((allocs / files))"
awk -v a="$pw_mbs" -v b="$cpy_mbs" 'BEGIN { printf "ratio: pyward is %.1fx CPython\n", a / b }'
