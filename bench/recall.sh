#!/usr/bin/env bash
# Recall against Bandit (Debian package `bandit`, 1.6.2 on Debian 12) on
# the machine's standard library, site-packages excluded: what share of
# Bandit's findings pyward also reports, by rule, and what pyward reports
# that Bandit does not. pyward runs with its default rules and no trusted
# paths (the default configuration trusts B101 in test files, which would
# hide asserts Bandit reports). Takes about as long as one Bandit run.
#   bash bench/recall.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
command -v bandit > /dev/null || { echo "bench/recall.sh needs Bandit (apt-get install bandit)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/pyward" ./cmd/pyward
here=$PWD

stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
find "$stdlib" -name site-packages -prune -o -name dist-packages -prune -o -name '*.py' -print | LC_ALL=C sort > "$work/all.txt"
printf 'trusted: []\n' > "$work/config.yaml"

echo "bandit $(bandit --version 2>&1 | head -n 1 | awk '{print $2}') and pyward on $(wc -l < "$work/all.txt") files under $stdlib" >&2
xargs -d '\n' bandit -q -f json -o "$work/bandit.json" < "$work/all.txt" 2> "$work/bandit.err" || true
# Run pyward from the standard library with paths relative to it; it reports
# paths relative to the repository root it finds, if any, else to here.
(cd "$stdlib" && xargs -d '\n' "$work/pyward" scan --format json --fail-on never --config "$work/config.yaml" \
  < "$work/all.txt" > "$work/pyward.json")
root=$(cd "$stdlib" && git rev-parse --show-toplevel 2> /dev/null || echo "$stdlib")
PYWARD_BASE=$root python3 "$here/bench/bandit_recall.py" "$stdlib" "$work/bandit.json" "$work/pyward.json"
