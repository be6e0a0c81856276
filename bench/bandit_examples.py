#!/usr/bin/env python3
"""Compare pyward with the counts Bandit's functional tests expect.

Usage: bench/bandit_examples.py BANDIT_CHECKOUT [PYWARD_BINARY]

BANDIT_CHECKOUT is a checkout of PyCQA/bandit (its examples/ and
tests/functional/test_functional.py are read, never copied here). Each
check_example call in the test file is replayed: the example is scanned with
pyward's default configuration plus whatever the test injects (plugin
options, excluded tests, ignore_nosec), and pyward's counts of B findings
by severity and by confidence are compared with the test's expectation.
Prints one line per call and the share of example files whose every call
matched; exits 1 if any call differs.
"""
import ast
import collections
import json
import os
import subprocess
import sys
import tempfile

# Bandit plugin function names whose _config the tests set, and the pyward
# rule that has the same options.
PLUGIN_RULE = {
    "assert_used": "B101",
    "try_except_pass": "B110",
    "try_except_continue": "B112",
}
# Bandit config sections the tests set, and the pyward rule reading them.
SECTION_RULE = {"markupsafe_xss": "B704"}


def literal(node, env):
    """Evaluate a literal display whose leaves may be earlier names."""
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Dict):
        return {literal(k, env): literal(v, env) for k, v in zip(node.keys, node.values)}
    if isinstance(node, (ast.List, ast.Tuple)):
        return [literal(e, env) for e in node.elts]
    raise ValueError(ast.dump(node))


def calls(tree):
    """Yield (test name, example, expect, options, excludes, ignore_nosec)."""
    for fn in ast.walk(tree):
        if not (isinstance(fn, ast.FunctionDef) and fn.name.startswith("test_")):
            continue
        env, options, plugin, excludes = {}, {}, None, []

        def stmts(body, excludes):
            nonlocal plugin
            for st in body:
                if isinstance(st, ast.With):
                    inner = list(excludes)
                    for kw in ast.walk(st.items[0].context_expr):
                        if isinstance(kw, ast.keyword) and kw.arg == "profile":
                            inner += literal(kw.value, env).get("exclude", [])
                    yield from stmts(st.body, inner)
                    continue
                if isinstance(st, ast.Assign):
                    t = st.targets[0]
                    if isinstance(t, ast.Name) and t.id == "test":
                        for c in ast.walk(st.value):
                            if isinstance(c, ast.Compare) and isinstance(c.comparators[0], ast.Constant):
                                plugin = c.comparators[0].value
                    elif isinstance(t, ast.Name):
                        try:
                            env[t.id] = literal(st.value, env)
                        except (ValueError, KeyError):
                            pass
                    elif isinstance(t, ast.Attribute) and t.attr == "_config":
                        options[PLUGIN_RULE[plugin]] = literal(st.value, env)
                    elif isinstance(t, ast.Subscript):
                        section = literal(t.slice, env)
                        if section in SECTION_RULE:
                            options[SECTION_RULE[section]] = literal(st.value, env)
                    continue
                if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call):
                    c = st.value
                    if isinstance(c.func, ast.Attribute) and c.func.attr == "check_example":
                        ignore = any(k.arg == "ignore_nosec" and literal(k.value, env) for k in c.keywords)
                        yield (fn.name, literal(c.args[0], env), literal(c.args[1], env),
                               json.loads(json.dumps(options)), excludes, ignore)

        yield from stmts(fn.body, excludes)


def scan(pyward, path, options, excludes, ignore_nosec):
    rules = {rid: {"options": opts} for rid, opts in options.items()}
    for rid in excludes:
        rules.setdefault(rid, {})["enabled"] = False
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as cfg:
        json.dump({"rules": rules}, cfg)  # JSON is YAML
    try:
        cmd = [pyward, "scan", "--format", "json", "--fail-on", "never", "--config", cfg.name]
        if ignore_nosec:
            cmd.append("--ignore-suppressions")
        cmd.append(path)
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)}: exit {out.returncode}: {out.stderr}")
    finally:
        os.unlink(cfg.name)
    sev, conf, ids = collections.Counter(), collections.Counter(), collections.Counter()
    for f in json.loads(out.stdout)["files"]:
        for fd in f["findings"]:
            if fd["rule"].startswith("B") and not fd["suppressed"]:
                sev[fd["severity"]] += 1
                conf[fd["confidence"]] += 1
                ids[fd["rule"]] += 1
    return sev, conf, ids


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    root = sys.argv[1]
    pyward = sys.argv[2] if len(sys.argv) > 2 else "pyward"
    with open(os.path.join(root, "tests", "functional", "test_functional.py")) as f:
        tree = ast.parse(f.read())
    per_file = collections.defaultdict(lambda: True)
    for test, example, expect, options, excludes, ignore in calls(tree):
        sev, conf, ids = scan(pyward, os.path.join(root, "examples", example), options, excludes, ignore)
        ok = True
        for rank in ("LOW", "MEDIUM", "HIGH"):
            ok &= sev[rank] == expect["SEVERITY"].get(rank, 0)
            ok &= conf[rank] == expect["CONFIDENCE"].get(rank, 0)
        per_file[example] &= ok
        want = " ".join(f"{k[0]}{expect['SEVERITY'].get(k, 0)}" for k in ("LOW", "MEDIUM", "HIGH"))
        want += " / " + " ".join(f"{k[0]}{expect['CONFIDENCE'].get(k, 0)}" for k in ("LOW", "MEDIUM", "HIGH"))
        got = " ".join(f"{k[0]}{sev[k]}" for k in ("LOW", "MEDIUM", "HIGH"))
        got += " / " + " ".join(f"{k[0]}{conf[k]}" for k in ("LOW", "MEDIUM", "HIGH"))
        extra = ""
        if options or excludes or ignore:
            extra = f" [options {options} exclude {excludes} ignore_nosec {ignore}]"
        print(f"{'ok  ' if ok else 'DIFF'} {example:40} want {want}  got {got}{extra}"
              + ("" if ok else f"  rules {dict(sorted(ids.items()))}"))
    good = sum(per_file.values())
    print(f"\n{good} of {len(per_file)} example files match on every call ({100 * good / len(per_file):.1f}%)")
    sys.exit(0 if good == len(per_file) else 1)


if __name__ == "__main__":
    main()
