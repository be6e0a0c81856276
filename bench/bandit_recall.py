#!/usr/bin/env python3
"""Recall of pyward against Bandit on a real corpus, rule by rule.

Usage: bench/bandit_recall.py ROOT BANDIT_JSON PYWARD_JSON

BANDIT_JSON is `bandit -f json` output and PYWARD_JSON `pyward scan
--format json` output for the same files under ROOT (bench/recall.sh makes
both). A Bandit finding is found by pyward when pyward reports the same rule
on the same line of the same file (as a multiset: two findings on a line
need two). Rules Bandit cannot see on Python 3.8+ (its Str-node checks:
B104, B105, B108, B608) are left out of the recall, as are rules Bandit does
not have. Prints recall per rule and overall, then pyward's extra findings
per rule, and the first few of each so they can be judged.
"""
import collections
import json
import os
import sys

BLIND = {"B104", "B105", "B108", "B608"}
# Checks Bandit 1.6.2 still has but later removed because they are wrong on
# Python 3: B309 (HTTPSConnection verifies certificates since 3.4.3) and
# B322 (Python 3's input() does not evaluate what it reads).
WRONG = {"B309", "B322"}
# Bandit 1.6.2 reported hashlib's md5/sha1 as B303; later Bandit (and
# pyward) report them as B324.
ALSO = {"B303": ("B324",)}


def rel(root, path):
    path = os.path.realpath(path if os.path.isabs(path) else os.path.join(root, path))
    return os.path.relpath(path, root)


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    root = os.path.realpath(sys.argv[1])
    with open(sys.argv[2]) as f:
        bandit = json.load(f)
    with open(sys.argv[3]) as f:
        pyward = json.load(f)
    # pyward reports paths relative to the repository root it found, which
    # may be above ROOT: resolve them from the directory it ran in.
    pw_base = os.environ.get("PYWARD_BASE", root)

    b = collections.Counter()
    for r in bandit["results"]:
        b[(rel(root, r["filename"]), r["line_number"], r["test_id"])] += 1
    p = collections.Counter()
    where = {}
    for f in pyward["files"]:
        path = rel(root, os.path.join(pw_base, f["path"]))
        for fd in f["findings"]:
            if fd["suppressed"] or not fd["rule"].startswith("B"):
                continue
            k = (path, fd["line"], fd["rule"])
            p[k] += 1
            where.setdefault(k, fd["message"])
    bandit_rules = {k[2] for k in b}

    per = collections.defaultdict(lambda: [0, 0])  # rule -> [bandit, found]
    missed = collections.defaultdict(list)
    for k, n in b.items():
        if k[2] in BLIND or k[2] in WRONG:
            continue
        found = min(n, p.get(k, 0))
        for alt in ALSO.get(k[2], ()):
            ak = (k[0], k[1], alt)
            take = min(n - found, p.get(ak, 0))
            if take:
                found += take
                p[ak] -= take  # counted once: not also an extra finding
        per[k[2]][0] += n
        per[k[2]][1] += found
        if found < n:
            missed[k[2]].append(k)
    total = sum(v[0] for v in per.values())
    found = sum(v[1] for v in per.values())
    print(f"{'rule':6} {'bandit':>7} {'found':>7} {'recall':>7}")
    for rule in sorted(per):
        n, f = per[rule]
        print(f"{rule:6} {n:7} {f:7} {100 * f / n:6.1f}%")
    print(f"{'all':6} {total:7} {found:7} {100 * found / max(total, 1):6.1f}%")
    print("left out: " + ", ".join(f"{r} ({sum(n for k, n in b.items() if k[2] == r)}, blind on Python 3)" for r in sorted(BLIND))
          + "; " + ", ".join(f"{r} ({sum(n for k, n in b.items() if k[2] == r)}, wrong on Python 3)" for r in sorted(WRONG)))
    for rule in sorted(missed):
        for k in missed[rule][:8]:
            print(f"  missed {rule} {k[0]}:{k[1]}")

    extra = collections.defaultdict(list)
    for k, n in p.items():
        more = n - b.get(k, 0)
        if more > 0:
            extra[k[2]].extend([k] * more)
    print("\npyward only, by rule (Bandit 1.6.2 lacks the rule, is blind to it, or differs):")
    for rule in sorted(extra):
        note = "not in bandit's output" if rule not in bandit_rules else ""
        if rule in BLIND:
            note = "bandit 1.6.2 blind on Python 3"
        print(f"{rule:6} {len(extra[rule]):6}  {note}")
        for k in extra[rule][:3]:
            print(f"    {k[0]}:{k[1]}  {where[k]}")


if __name__ == "__main__":
    main()
