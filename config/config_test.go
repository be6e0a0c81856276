package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func write(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), ".pyward.yaml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoad(t *testing.T) {
	p := write(t, "policy: strict\nfail-on: medium\nexclude: [build/**]\nrules:\n  B404:\n    enabled: false\n  B602:\n    severity: medium\n    ignore: [scripts/*.py]\ntrusted:\n  - paths: [tools/*]\n    rules: [B603]\n    reason: vetted\n")
	c, err := LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Policy != "strict" || c.FailOn != "medium" || len(c.Exclude) != 1 || *c.Rules["B404"].Enabled || c.Rules["B602"].Severity != "medium" {
		t.Errorf("loaded %+v", c)
	}
	if len(c.Trusted) != 1 || c.Trusted[0].Reason != "vetted" {
		t.Errorf("trusted = %+v", c.Trusted)
	}
	if c.Origin["fail-on"] != p || c.Origin["levels"] != "default" {
		t.Errorf("origin = %v", c.Origin)
	}
	blocked := false
	for _, r := range c.Triggers["blocked"] {
		if r == "B602" {
			blocked = true
		}
	}
	if !blocked {
		t.Error("strict preset did not make B602 a BLOCKED trigger")
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ body, want string }{
		{"fail_on: high\n", `:1: unknown key "fail_on" (did you mean "fail-on"?)`},
		{"policy: standard\nexcludes: []\n", `:2: unknown key "excludes" (did you mean "exclude"?)`},
		{"fail-on: sometimes\n", `:1: fail-on: "sometimes" is not one of low, medium, high, blocked, never`},
		{"levels: [1, 2]\n", `:1: levels: expected the lowest score of each level, such as {MEDIUM: 4, HIGH: 7, BLOCKED: 10}`},
		{"policy: lax\n", `:1: policy: unknown policy "lax" (standard or strict)`},
		{"rules:\n  B602:\n    severty: high\n", `:3: unknown key "severty" (did you mean "severity"?)`},
		{"[1, 2]\n", `:1: expected a mapping of settings`},
	}
	for _, tc := range tests {
		p := write(t, tc.body)
		_, err := LoadFile(p)
		if err == nil || err.Error() != "config "+p+tc.want {
			t.Errorf("%q:\n got %v\nwant config %s%s", tc.body, err, p, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	os.MkdirAll(sub, 0o755)
	if got := Find(sub, root); got != "" {
		t.Errorf("found %q in an empty tree", got)
	}
	os.WriteFile(filepath.Join(root, ".pyward.yaml"), []byte("{}\n"), 0o644)
	if got := Find(sub, root); got != filepath.Join(root, ".pyward.yaml") {
		t.Errorf("Find = %q", got)
	}
}

func TestPyproject(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "pyproject.toml")
	os.WriteFile(p, []byte("[project]\nname = \"x\"\n\n[tool.pyward]\nfail-on = \"medium\"\nexclude = [\"gen/*\"]\n\n[tool.pyward.rules.B404]\nenabled = false\n"), 0o644)
	if got := Find(dir, dir); got != p {
		t.Fatalf("Find = %q", got)
	}
	c, err := LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != "medium" || len(c.Exclude) != 1 || *c.Rules["B404"].Enabled || c.Origin["fail-on"] != p {
		t.Errorf("loaded %+v", c)
	}
	// A pyproject.toml without [tool.pyward] is not a configuration.
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "pyproject.toml"), []byte("[project]\nname = \"y\"\n"), 0o644)
	if got := Find(other, other); got != "" {
		t.Errorf("Find = %q for a pyproject.toml without [tool.pyward]", got)
	}
	// Errors point at the pyproject.toml line.
	os.WriteFile(p, []byte("[project]\nname = \"x\"\n\n[tool.pyward]\npolicy = \"standard\"\nfail_on = \"high\"\n"), 0o644)
	_, err = LoadFile(p)
	if err == nil || err.Error() != "config "+p+`:6: unknown key "fail_on" (did you mean "fail-on"?)` {
		t.Errorf("error %v", err)
	}
	os.WriteFile(p, []byte("[tool.pyward]\nfail-on = \n"), 0o644)
	if _, err = LoadFile(p); err == nil || !strings.Contains(err.Error(), p+":2:") {
		t.Errorf("TOML syntax error: %v", err)
	}
}

// TestDocumentedExamples loads the examples of docs/configuration.md, so
// that the reference cannot drift from what the loader accepts.
func TestDocumentedExamples(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "configuration.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```(yaml|toml)\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	if len(blocks) < 2 {
		t.Fatalf("%d examples found", len(blocks))
	}
	for _, b := range blocks {
		name := ".pyward.yaml"
		if b[1] == "toml" {
			name = "pyproject.toml"
		}
		p := filepath.Join(t.TempDir(), name)
		os.WriteFile(p, []byte(b[2]), 0o644)
		if _, err := LoadFile(p); err != nil {
			t.Errorf("documented %s example: %v\n%s", b[1], err, b[2])
		}
	}
}
