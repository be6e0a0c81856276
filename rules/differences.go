package rules

// EngineDifferences are the deliberate differences from Bandit that apply
// to every rule rather than to one (per-rule ones are in Rule.BanditDiff).
// docs/rules.md lists both; each is a place where Bandit's behaviour is a
// bug or a trap for users.
var EngineDifferences = []string{
	"`# nosec B602,B607` suppresses both rules. Bandit reads a comma without a space as gluing the two IDs into one item and honours only the last (B607).",
	"A `# nosec` that names only unknown rules (`# nosec B999`, a removed ID such as B322, a typo) suppresses nothing. Bandit drops every name it does not know and then treats the empty list as a blanket `# nosec`, so a typo silences every rule on the line. Rule IDs are read in any case (`# nosec b602` is B602; Bandit makes that blanket too).",
	"Words after the IDs of a `# nosec` (`# nosec B602 -- the command is a constant`) are kept as the suppression's justification, shown in reports and SARIF; they never widen the marker. A `# nosec` with no ID at all stays blanket, as in Bandit.",
	"A bare `# noqa` suppresses nothing: it is usually written to quiet a style checker about one line. `# noqa: S602` (Ruff's code for B602) does suppress B602. Bandit ignores `# noqa` altogether.",
	"Suppressed findings are kept, marked suppressed, in every report and in SARIF (`suppressions`), and never score. Bandit drops them.",
	"Import rules (B401–B415 and the import side of B403/B404) need a module boundary: `import pickletools` is not `import pickle`. Bandit matches any name that starts with the listed one. Python 2 module names Bandit lists by prefix (`xmlrpclib`) are listed explicitly.",
	"A keyword whose value is an expression (`timeout=cfg.timeout`, `verify=settings.VERIFY`) is treated as given with an unknown value, never as absent. Bandit turns such values into None and then reads them as missing.",
	"Names reached by string resolve before any rule sees the call: `getattr(os, 'system')(…)`, `__import__('os').system(…)`, `importlib.import_module('subprocess').Popen(…)`, `sys.modules['os'].system(…)`, `vars(__builtins__)['exec'](…)`, `globals()['eval'](…)`, `builtins.exec(…)` (with `builtins` imported) and a name assigned one of them are the function they name, also when the string is computed (`'sys' + 'tem'`, `b'…'.decode('cp1026')`), so B102, B307, B602–B607 and the rest report them. Bandit sees only names written out.",
	"Not a difference: `shell='False'` (any non-empty string) counts as a true `shell` argument, as in Bandit, because Python's truth rules make subprocess start a shell for it.",
}
