package assess

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pyward/pyward/config"
	"github.com/pyward/pyward/rules"
)

// ScoringMarkdown documents how findings become a verdict, from the data
// that decides it: the default points, levels and scoring settings, the
// evidence families of rules.EvidenceFamilies and CapabilityGroups.
// docs/scoring.md is this text (a test keeps it current).
func ScoringMarkdown() string {
	cfg := config.Default()
	var b strings.Builder
	b.WriteString("# Scoring: how findings become a verdict\n\n")
	b.WriteString("<!-- Generated from assess.ScoringMarkdown (rules/evidence.go, assess/scoring.go, config defaults): PYWARD_UPDATE_DOCS=1 go test ./assess -run TestScoringDoc -->\n\n")
	b.WriteString("Each finding scores points by its severity and confidence. A file's score is the sum, over the rules " +
		"(or capability groups) that reported unsuppressed findings in it, of the points of each one's worst finding: " +
		"ten `eval`s are one habit, not ten risks. Every finding is still shown and listed, with `counted` in the JSON " +
		"saying which one counted. Triggers lift a level whatever the score.\n\n")
	b.WriteString("| severity | points (confidence HIGH) | points (confidence MEDIUM) | points (confidence LOW) |\n| --- | --- | --- | --- |\n")
	for _, sev := range []string{"LOW", "MEDIUM", "HIGH"} {
		p := cfg.Points[sev]
		fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", sev, p["HIGH"], p["MEDIUM"], p["LOW"])
	}
	fmt.Fprintf(&b, "\nLevels: MEDIUM from %d, HIGH from %d (blocks under the default `fail-on: high`), BLOCKED from %d.\n\n",
		cfg.Levels["MEDIUM"], cfg.Levels["HIGH"], cfg.Levels["BLOCKED"])
	b.WriteString("## The `scoring:` settings\n\n| key | default | meaning |\n| --- | --- | --- |\n")
	fmt.Fprintf(&b, "| `repeats` | `%s` | `worst`: a rule (or group below) counts once per file, at its worst finding; `each`: every finding adds its points |\n", cfg.Scoring.Repeats)
	fmt.Fprintf(&b, "| `low-only-max` | `%s` | the highest level LOW-severity findings can give a file: alone they stop there, and on top of other findings they never push the file past the level the others reach by themselves |\n", strings.ToLower(cfg.Scoring.LowOnlyMax))
	fmt.Fprintf(&b, "| `constant` | `%s` | the severity whose points a finding scores when its value is proven pinned to literals; `same` scores it like any other |\n\n", strings.ToLower(cfg.Scoring.Constant))
	b.WriteString("## Points that follow the evidence\n\n")
	b.WriteString("The reported severity and confidence of a finding never change (a Bandit rule's stay Bandit's, which " +
		"users filter on and Bandit's functional tests check); only its points do. *Pinned to literals* means a literal, " +
		"or a value built only from literals (`+`, `%`, f-strings, `.format`, `.join`, containers, conditional " +
		"expressions) and from names whose every binding in their scope is a plain assignment of such a value: not a " +
		"parameter, loop target, import, `+=`, walrus, `global` rebinding or `nonlocal`. A proven flow from outside " +
		"the program (a request, `input()`, a file read) is not evidence on these findings: it is its own PW4xx " +
		"finding, scored as such (HIGH).\n\n")
	b.WriteString("| family | rules | value checked | lowers the points | raises the points |\n| --- | --- | --- | --- | --- |\n")
	for _, f := range rules.EvidenceFamilies {
		lower := fmt.Sprintf("pinned to literals: scored as %s (`scoring.constant`)", strings.ToLower(cfg.Scoring.Constant))
		raise := "a proven flow from outside: its own PW4xx finding"
		if f.Unproven != "" {
			lower = fmt.Sprintf("nothing proven: scored as %s (most such digests are checksums, cache keys and ETags)", strings.ToLower(f.Unproven))
			raise = "the data is named like a secret (password, token, secret, credential, API key, private): its own severity"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", f.Family, strings.Join(f.Rules, ", "), f.Value, lower, raise)
	}
	b.WriteString("\nRules not listed score by their severity and confidence alone.\n\n")
	b.WriteString("## Capability groups\n\nUnder `repeats: worst` these MEDIUM-severity rules count once per file together, " +
		"as one rule does: they flag one capability reached through different functions and ask for one review. " +
		"The HIGH-severity shell rules are deliberately not grouped: a file that starts shells from variables both " +
		"through `os.system` and through `subprocess` with `shell=True` has two risks to fix and is BLOCKED.\n\n" +
		"| group | rules |\n| --- | --- |\n")
	var groups []string
	for g := range CapabilityGroups {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for _, g := range groups {
		fmt.Fprintf(&b, "| %s | %s |\n", g, strings.Join(CapabilityGroups[g], ", "))
	}
	b.WriteString("\n## Findings that are not findings\n\nWhat a built-in trusted entry covers (`B101` in test files: " +
		"`assert` is how tests check results) is dropped before scoring and never reported: on a large test suite " +
		"these were most of the output. Your own suppressions (`trusted:` entries, `rules: ID: ignore:`, `# nosec`, " +
		"`# pyward: ignore[ID] reason`) stay in every report, marked suppressed with their reason. Setting `trusted:` " +
		"replaces the built-in entry, so its findings are then kept and marked like any other suppression.\n\n")
	b.WriteString("## Why, in every output\n\nThe JSON gives each file `reasons`: `summary` (one sentence), `deciding` " +
		"(the findings that counted, most points first, with `rule`, `line`, `points`, `trigger`, `evidence`), " +
		"`trigger` (the finding whose rule's trigger set the level), `capped` (LOW findings held the level), `policy`, " +
		"`thresholds` and `scoring`; each finding carries `trigger`, `counted` and `evidence`. The text report prints " +
		"the same sentence as a `why:` line under each file, before its findings.\n")
	return b.String()
}
