#!/usr/bin/env bash
# Verdicts on well-kept code: scans the machine's standard library with its
# site-packages (one folder, under the default configuration) and counts
# the files at or above HIGH (what blocks by default), how many of them
# are blocked by noise alone (findings of LOW severity only, or one
# non-HIGH rule repeated), and the block rate; then lists the blocked
# files with the rules that decided them.
#   bash bench/verdicts.sh [PYWARD_BINARY]
# Without an argument it builds pyward from this checkout. Give an older
# binary to compare (build it outside the repository, e.g. from
# `git archive COMMIT | tar -x -C /tmp/src`).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
command -v jq > /dev/null || { echo "bench/verdicts.sh needs jq (apt-get install jq)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=${1:-}
if [[ -z $bin ]]; then
  go build -o "$work/pyward" ./cmd/pyward
  bin=$work/pyward
fi
stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
# Files are named, not folders: the standard library may live in a git
# repository that ignores it (pyenv's), and a folder scan judges what git
# would commit. Named from inside each folder (short paths, one command
# line), with no configuration but the default (none is found there).
find "$stdlib" -name site-packages -prune -o -name dist-packages -prune -o -name '*.py' -printf '%P\0' > "$work/lib.txt"
find "$stdlib/site-packages" -name '*.py' -printf '%P\0' > "$work/site.txt"
(cd "$stdlib" && xargs -0 -s 1900000 -a "$work/lib.txt" "$bin" scan --format json > "$work/lib.json") || true
(cd "$stdlib/site-packages" && xargs -0 -s 1900000 -a "$work/site.txt" "$bin" scan --format json > "$work/site.json") || true
jq -s '{files: [.[].files[]]}' "$work/lib.json" "$work/site.json" > "$work/out.json"
# VERDICTS_JSON=FILE keeps the merged JSON for a closer look.
[[ -z ${VERDICTS_JSON:-} ]] || cp "$work/out.json" "$VERDICTS_JSON"

# A finding scores when its points are above 0; a file is noise-blocked
# when every scoring finding is LOW severity, or when they are all of one
# rule that is not HIGH severity and it has more than one.
jq -r '
  def short: .;
  def scoring: [.findings[] | select(.points > 0)];
  [.files[] | select(.error == "")] as $judged
  | [$judged[] | select(.level == "HIGH" or .level == "BLOCKED")] as $blocked
  | [$blocked[] | select((scoring | length) > 0 and (scoring | all(.severity == "LOW")))] as $lowonly
  | [$blocked[] | select((scoring | length) > 0 and (scoring | all(.severity == "LOW") | not)
                         and (scoring | map(.rule) | unique | length) == 1
                         and (scoring | length) > 1 and (scoring | all(.severity != "HIGH")))] as $repeated
  | "files judged:                    \($judged | length)",
    "at or above HIGH (blocked):      \($blocked | length)",
    "  by LOW findings only:          \($lowonly | length)",
    "  by one repeated non-HIGH rule: \($repeated | length)",
    "block rate:                      \((($blocked | length) * 10000 / ($judged | length) | round) / 100)%",
    "",
    "blocked files (level score: rules that scored, points):",
    ($blocked[] | "\(.level) \(.score)  \(.path | short): \(scoring | group_by(.rule) | map("\(.[0].rule)x\(length)=\(map(.points) | max)") | join(" "))")
' "$work/out.json"
