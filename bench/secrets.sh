#!/usr/bin/env bash
# Secret detection: pyward against gitleaks on the same files, in one run.
#   bash bench/secrets.sh
# 1. Generates the secrets corpus (internal/secretcorpus, fixed seed): per
#    provider three true values each in three contexts (Python: class
#    attributes, header and settings dicts, comments, docstrings, .env
#    blocks in strings, f-strings, bytes, query strings, keyword
#    arguments; .env, YAML and JSON files), and near misses.
# 2. Scans it with pyward (PW3xx findings) and, when installed, gitleaks
#    (`gitleaks dir`, JSON report; GITLEAKS=path to choose the binary).
#    A true file counts as found when the tool reports anything in it; a
#    false file with any report is a false positive.
# 3. Prints recall per provider and per context, false positives, and the
#    wall time of each tool on the standard library (site-packages
#    excluded) plus the corpus, best of RUNS (default 3) runs, with the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -x /usr/bin/time ]] || { echo "bench/secrets.sh needs GNU time (apt-get install time)" >&2; exit 2; }
export PATH="/usr/local/go/bin:$PATH"
gitleaks=${GITLEAKS:-$(command -v gitleaks || echo "$HOME/go/bin/gitleaks")}
[[ -x "$gitleaks" ]] || gitleaks=""

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/pyward" ./cmd/pyward
go run ./internal/secretcorpus/cmd/gensecrets -o "$work/corpus"

"$work/pyward" scan --format json --fail-on never "$work/corpus" > "$work/pyward.json"
if [[ -n "$gitleaks" ]]; then
  "$gitleaks" dir "$work/corpus" --no-banner --exit-code 0 --report-format json --report-path "$work/gitleaks.json" 2> /dev/null
fi

python3 - "$work" <<'EOF'
import collections, json, os, sys
work = sys.argv[1]
corpus = os.path.join(work, "corpus")
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(corpus, "manifest.tsv"))]

def norm(p):
    p = p.replace("\\", "/")
    i = p.find("corpus/")
    return p[i + len("corpus/"):] if i >= 0 else p

found = {}
d = json.load(open(os.path.join(work, "pyward.json")))
found["pyward"] = {norm(f["path"]) for f in d["files"] for x in f.get("findings", []) if x["rule"].startswith("PW3")}
if os.path.exists(os.path.join(work, "gitleaks.json")):
    found["gitleaks"] = {norm(x["File"]) for x in json.load(open(os.path.join(work, "gitleaks.json")))}
tools = list(found)

def table(title, key):
    stats = collections.defaultdict(lambda: collections.Counter())
    for path, provider, rule, context, truth in rows:
        if truth != "true":
            continue
        k = key(provider, rule, context)
        stats[k]["n"] += 1
        for t in tools:
            stats[k][t] += path in found[t]
    print(f"\n{title:<24}" + "".join(f"{t:>10}" for t in tools) + "   files")
    for k in sorted(stats):
        s = stats[k]
        print(f"{k:<24}" + "".join(f"{100 * s[t] / s['n']:>9.0f}%" for t in tools) + f"   {s['n']}")
    return stats

table("recall by provider", lambda p, r, c: p)
table("recall by context", lambda p, r, c: c)
trues = [r for r in rows if r[4] == "true"]
falses = [r for r in rows if r[4] == "false"]
print(f"\n{'overall':<24}" + "".join(f"{100 * sum(r[0] in found[t] for r in trues) / len(trues):>9.1f}%" for t in tools) + f"   {len(trues)} true files")
print(f"{'false positives':<24}" + "".join(f"{sum(r[0] in found[t] for r in falses):>10}" for t in tools) + f"   of {len(falses)} near misses")
for t in tools:
    fps = sorted(r[0] for r in falses if r[0] in found[t])
    if fps:
        print(f"  {t} false positives: " + ", ".join(fps[:12]) + (" …" if len(fps) > 12 else ""))
EOF

# Speed: the standard library (without site-packages) plus the corpus.
stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
mkdir -p "$work/speed/stdlib"
tar -C "$stdlib" --exclude=site-packages --exclude=dist-packages --exclude=__pycache__ -cf - . | tar -C "$work/speed/stdlib" -xf -
cp -r "$work/corpus" "$work/speed/corpus"
# best CMD...: "wall cpu" seconds of the run with the least wall time
# among RUNS (CPU is user+sys, from GNU time: on a shared machine it is
# the steadier figure).
best() {
  local b="" bc=""
  for ((r = 0; r < ${RUNS:-3}; r++)); do
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" > /dev/null 2>&1 || true
    read -r w u s < <(tail -1 "$work/time")
    if [[ -z "$b" ]] || python3 -c "import sys; sys.exit(0 if $w < $b else 1)"; then
      b=$w
      bc=$(python3 -c "print(round($u + $s, 2))")
    fi
  done
  echo "$b $bc"
}
read -r pw pwc < <(best "$work/pyward" scan --format json --fail-on never "$work/speed")
echo
echo "speed: $(find "$work/speed" -type f | wc -l) files ($(du -sh "$work/speed" | cut -f1)), best of ${RUNS:-3} runs"
printf '  pyward    %7.2f s wall %7.2f s CPU\n' "$pw" "$pwc"
if [[ -n "$gitleaks" ]]; then
  read -r gl glc < <(best "$gitleaks" dir "$work/speed" --no-banner --exit-code 0 --report-format json --report-path "$work/gl-speed.json")
  printf '  gitleaks  %7.2f s wall %7.2f s CPU\n' "$gl" "$glc"
  python3 -c "print(f'  pyward is {$gl / $pw:.1f}x faster in wall time, {$glc / $pwc:.1f}x in CPU time')"
else
  echo "  gitleaks not installed: no comparison (go install github.com/zricethezav/gitleaks/v8@v8.30.1)"
fi
