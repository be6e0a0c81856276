#!/usr/bin/env bash
# Speed of `pyward scan --staged` on a large repository: 20,000 files in
# 400 folders, 10 Python files staged, against `git diff --cached
# --name-only` on the same repository in the same run (the floor: git only
# lists the names; pyward also reads and assesses the blobs). Prints the
# best wall time of several runs of each and the ratio (target: <= 2x).
#   bash bench/staged.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
[[ -x /usr/bin/time ]] || { echo "bench/staged.sh needs GNU time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Built as releases are (.goreleaser.yaml): no docs generator, stripped.
CGO_ENABLED=0 go build -trimpath -tags urfave_cli_no_docs -ldflags "-s -w" -o "$work/pyward" ./cmd/pyward
repo=$work/repo
mkdir -p "$repo"
cd "$repo"
export GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@example.com GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@example.com
git init -q -b main
# 20,000 files: half Python, half other text, 50 per folder.
python3 - <<'PY'
import os
for d in range(400):
    os.makedirs(f"pkg{d:03}/sub", exist_ok=True)
    for i in range(50):
        ext = "py" if i % 2 == 0 else "txt"
        path = f"pkg{d:03}/sub/m{i:02}.{ext}" if i >= 25 else f"pkg{d:03}/m{i:02}.{ext}"
        with open(path, "w") as f:
            f.write(f"def f{i}(x):\n    return x + {d}\n")
PY
git add -A && git commit -q -m base
for d in 7 55 103 151 199 247 295 343 371 399; do
  printf 'import subprocess\n\n\ndef g(cmd):\n    return subprocess.call(cmd, shell=True)\n' >> "pkg$(printf %03d $d)/m00.py"
done
git add -A
echo "repository: $(git ls-files | wc -l) files, $(git diff --cached --name-only | wc -l) staged" >&2

# best RUNS REPEAT CMD...: the best wall time of RUNS timings of REPEAT
# back-to-back executions, per execution, in milliseconds.
best() {
  local runs=$1 repeat=$2 b=""
  shift 2
  for ((i = 0; i < runs; i++)); do
    # shellcheck disable=SC2016 # the inner script expands its own arguments
    /usr/bin/time -f '%e' -o "$work/t" bash -c 'r=$1; shift; for ((k = 0; k < r; k++)); do "$@" > /dev/null || true; done' _ "$repeat" "$@"
    w=$(awk -v w="$(tail -n 1 "$work/t")" -v r="$repeat" 'BEGIN { printf "%.2f", w * 1000 / r }')
    if [[ -z $b ]] || awk -v a="$w" -v b="$b" 'BEGIN { exit !(a < b) }'; then b=$w; fi
  done
  echo "$b"
}
git_ms=$(best 5 100 git diff --cached --name-only)
pw_ms=$(best 5 100 "$work/pyward" scan --staged --fail-on never)
echo "git diff --cached --name-only: ${git_ms} ms"
echo "pyward scan --staged:          ${pw_ms} ms"
awk -v p="$pw_ms" -v g="$git_ms" 'BEGIN { printf "ratio: %.2fx the time of git diff --cached (target <= 2x)\n", p / g }'
"$work/pyward" scan --staged --fail-on never | tail -n 1
