package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// catalog is a small rule registry for the checks that need one.
type catalog map[string][]string // ID -> option names

func (c catalog) Rule(id string) string {
	if _, ok := c[id]; ok {
		return id
	}
	return ""
}

func (c catalog) IDs() []string {
	var out []string
	for id := range c {
		out = append(out, id)
	}
	return out
}

func (c catalog) CheckOptions(id string, opts map[string]any) error {
	for name, v := range opts {
		found := false
		for _, o := range c[id] {
			found = found || o == name
		}
		if !found {
			return fmt.Errorf("unknown option %q", name)
		}
		if _, ok := v.([]any); !ok {
			return fmt.Errorf("option %s: expected a list of strings", name)
		}
	}
	return nil
}

var testRules = catalog{"B101": nil, "B602": nil, "B603": nil, "B105": {"words"}, "PW101": nil, "PW201": nil}

// Every mistake is an error that names the file and the line, in the
// configuration's words; each of these was accepted silently, or without
// a line, before.
func TestConfigMistakes(t *testing.T) {
	tests := []struct{ body, want string }{
		{"rules:\n  b602:\n    enabled: false\n", `:2: rules: unknown rule "b602" (did you mean "B602"?)`},
		{"rules:\n  B999:\n    enabled: false\n", `:2: rules: unknown rule "B999"`},
		{"rules:\n  B602:\n    severity: critical\n", `:3: rules: B602: severity "critical" is not one of LOW, MEDIUM, HIGH`},
		{"rules:\n  B105:\n    options:\n      words: 3\n", `:3: rules: B105: option words: expected a list of strings`},
		{"rules:\n  B602:\n    enabled: nope\n", `:3: rules: B602: enabled: expected true or false, not "nope"`},
		{"trusted:\n  - paths: [tools/*]\n    rules: [B603]\n", `:2: trusted: this entry has no reason`},
		{"trusted:\n  - paths: [tools/*]\n    reason: vetted\n", `:2: trusted: this entry has no rules`},
		{"trusted:\n  - rules: [B603]\n    reason: vetted\n", `:2: trusted: this entry has no paths`},
		{"trusted:\n  - paths: [tools/*]\n    rules: [B6O3]\n    reason: vetted\n", `:3: trusted: unknown rule "B6O3" (did you mean "B603"?)`},
		{"points:\n  HIHG:\n    HIGH: 7\n", `:2: points: unknown severity "HIHG" (did you mean "HIGH"?)`},
		{"points:\n  HIGH:\n    HIHG: 7\n", `:3: points: HIGH: unknown confidence "HIHG" (did you mean "HIGH"?)`},
		{"points:\n  HIGH:\n    HIGH: -7\n", `:3: points: HIGH: HIGH: -7 is negative`},
		{"levels:\n  HIGH: -1\n", `:2: levels: HIGH: -1 is negative`},
		{"levels:\n  BLOKED: 10\n", `:2: levels: unknown level "BLOKED" (did you mean "BLOCKED"?)`},
		{"syntax-error: -5\n", `:1: syntax-error: -5 is negative`},
		{"fail-on: high\nexclude: [a]\nfail-on: never\n", `:3: "fail-on" is given twice (first on line 1); keep one`},
		{"rules:\n  B602:\n    enabled: false\n    enabled: true\n", `:4: "enabled" is given twice (first on line 3)`},
		{"exclude: [\"[abc\"]\n", `:1: exclude: "[abc" is not a valid glob`},
		{"exclude: gen/**\n", `:1: exclude: expected a list of path globs, such as ["gen/**"]`},
		{"triggers:\n  blocked: [\"XX9*\"]\n", `:2: triggers: blocked: "XX9*" matches no rule`},
		{"triggers:\n  blocker: [\"PW1*\"]\n", `:2: triggers: unknown trigger "blocker" (did you mean "blocked"?)`},
		{"triggers:\n  high: PW2*\n", `:2: triggers: high: expected a list of rule patterns`},
	}
	for _, tc := range tests {
		p := write(t, tc.body)
		c, err := LoadFile(p)
		if err == nil {
			err = c.Check(testRules)
		}
		if err == nil || !strings.HasPrefix(err.Error(), "config "+p+tc.want) {
			t.Errorf("%q:\n got %v\nwant config %s%s…", tc.body, err, p, tc.want)
		}
	}
	// What is right stays accepted.
	p := write(t, "rules:\n  B602:\n    severity: low\n  B105:\n    options:\n      words: [pw]\ntriggers:\n  blocked: [\"PW1*\", B602]\ntrusted:\n  - paths: [\"tools/[ab]*.py\"]\n    rules: [B603]\n    reason: vetted\n")
	c, err := LoadFile(p)
	if err == nil {
		err = c.Check(testRules)
	}
	if err != nil {
		t.Errorf("a valid configuration: %v", err)
	}
}

// In pyproject.toml the checks point at the line of the key.
func TestPyprojectMistakes(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pyproject.toml")
	os.WriteFile(p, []byte("[project]\nname = \"x\"\n\n[tool.pyward]\nfail-on = \"high\"\nexclude = \"gen/**\"\n"), 0o644)
	_, err := LoadFile(p)
	if err == nil || !strings.HasPrefix(err.Error(), "config "+p+":6: exclude: expected a list of path globs") {
		t.Errorf("got %v", err)
	}
}

// Each file gets the configuration nearest above it, whatever folder asks.
func TestTree(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "a", "b"), 0o755)
	os.MkdirAll(filepath.Join(root, "c"), 0o755)
	os.WriteFile(filepath.Join(root, ".pyward.yaml"), []byte("fail-on: high\n"), 0o644)
	os.WriteFile(filepath.Join(root, "a", ".pyward.yaml"), []byte("fail-on: medium\nexclude: [\"gen/**\"]\n"), 0o644)
	tr := &Tree{Root: root}
	for file, want := range map[string]string{"x.py": "high", "a/x.py": "medium", "a/b/x.py": "medium", "c/x.py": "high"} {
		c, err := tr.ForFile(filepath.Join(root, filepath.FromSlash(file)))
		if err != nil || c.FailOn != want {
			t.Errorf("%s: %v %v, want fail-on %s", file, c, err, want)
		}
	}
	// However a file's path is spelt, it gets the configuration of the
	// folder its absolute, clean form is in (ForFile takes a shorter
	// road for absolute paths).
	for _, p := range []string{"a/x.py", "a/./x.py", "c/../a/x.py", "a/b/../x.py", "a/b/", "a/b/.", "a/b/..", "a//b/x.py", "c/x.py", "./x.py"} {
		abs := root + string(filepath.Separator) + filepath.FromSlash(p)
		clean, _ := filepath.Abs(abs)
		want, _ := tr.ForDir(filepath.Dir(clean))
		if got, err := tr.ForFile(abs); err != nil || got != want {
			t.Errorf("ForFile(%s) = %v %v, want the configuration of %s", abs, got, err, filepath.Dir(clean))
		}
	}
	a, _ := tr.ForDir(filepath.Join(root, "a"))
	ab, _ := tr.ForDir(filepath.Join(root, "a", "b"))
	if a != ab {
		t.Error("one configuration file loaded twice")
	}
	match := func(g, rel string) bool { return strings.HasPrefix(rel, strings.TrimSuffix(g, "**")) }
	if !a.Excludes(filepath.Join(root, "a", "gen", "g.py"), root, match) || a.Excludes(filepath.Join(root, "a", "x.py"), root, match) {
		t.Error("excludes are not relative to the configuration's folder")
	}
}
