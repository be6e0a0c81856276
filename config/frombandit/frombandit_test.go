package frombandit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyward/pyward/config"
)

// load writes a converted configuration and reads it back with pyward's
// own loader, which refuses unknown keys and wrong types: what
// --from-bandit prints must be a valid .pyward.yaml.
func load(t *testing.T, res Result) *config.Config {
	t.Helper()
	p := filepath.Join(t.TempDir(), ".pyward.yaml")
	if err := os.WriteFile(p, []byte(res.YAML), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.LoadFile(p)
	if err != nil {
		t.Fatalf("the converted configuration does not load: %v\n%s", err, res.YAML)
	}
	return cfg
}

func disabled(cfg *config.Config, id string) bool {
	rc, ok := cfg.Rules[id]
	return ok && rc.Enabled != nil && !*rc.Enabled
}

func hasNote(res Result, part string) bool {
	for _, n := range res.Notes {
		if strings.Contains(n, part) {
			return true
		}
	}
	return false
}

func TestYAML(t *testing.T) {
	res, err := Convert("bandit.yaml", []byte(`
skips: [B101, B404, B999]
exclude_dirs: [tests, ./build, docs/examples]
hardcoded_tmp_directory:
  tmp_dirs: [/tmp, /scratch]
shell_injection:
  subprocess: [subprocess.Popen, mylib.run]
  shell: [os.system]
  no_shell: [os.execv]
try_except_pass:
  check_typed_exception: true
assert_used:
  skips: ['*_test.py']
weak_cryptographic_key:
  weak_key_size_rsa_high: 1024
`))
	if err != nil {
		t.Fatal(err)
	}
	cfg := load(t, res)
	if !disabled(cfg, "B101") || !disabled(cfg, "B404") || disabled(cfg, "B602") {
		t.Errorf("skips: %+v", cfg.Rules)
	}
	if got := strings.Join(cfg.Exclude, " "); got != "**/tests/** build/** docs/examples/**" {
		t.Errorf("exclude %q", got)
	}
	if o := cfg.Rules["B108"].Options["tmp_dirs"]; o == nil || !strings.Contains(strings.Join(toStrings(o), ","), "/scratch") {
		t.Errorf("tmp_dirs %v", o)
	}
	for _, id := range []string{"B602", "B603", "B604", "B605", "B606", "B607", "B609"} {
		if o := cfg.Rules[id].Options["subprocess"]; !strings.Contains(strings.Join(toStrings(o), ","), "mylib.run") {
			t.Errorf("%s subprocess option %v", id, o)
		}
	}
	if cfg.Rules["B110"].Options["check_typed_exception"] != true {
		t.Errorf("check_typed_exception %v", cfg.Rules["B110"].Options)
	}
	if !hasNote(res, "B999 is not a check pyward has") || !hasNote(res, "weak_cryptographic_key") || !hasNote(res, "exclude_dirs: Bandit also excludes") {
		t.Errorf("notes %q", res.Notes)
	}
	if !strings.HasPrefix(res.YAML, "# .pyward.yaml converted") {
		t.Errorf("no header:\n%s", res.YAML)
	}
}

func toStrings(v any) []string {
	var out []string
	if l, ok := v.([]any); ok {
		for _, e := range l {
			out = append(out, e.(string))
		}
	}
	return out
}

func TestPyproject(t *testing.T) {
	res, err := Convert("pyproject.toml", []byte(`
[project]
name = "app"

[tool.bandit]
tests = ["B602", "B608", "B001"]
exclude_dirs = ["venv"]

[tool.bandit.assert_used]
skips = ["*/test_*.py"]
`))
	if err != nil {
		t.Fatal(err)
	}
	cfg := load(t, res)
	// tests: only the listed checks and, for B001, every blacklist.
	if disabled(cfg, "B602") || disabled(cfg, "B608") || disabled(cfg, "B301") || disabled(cfg, "B403") || !disabled(cfg, "B101") || !disabled(cfg, "B605") {
		t.Errorf("tests: %+v", cfg.Rules)
	}
	for id := range cfg.Rules {
		if strings.HasPrefix(id, "PW") {
			t.Errorf("pyward's own rule %s disabled by tests", id)
		}
	}
	if !hasNote(res, "PW") {
		t.Errorf("notes %q", res.Notes)
	}
	if _, err := Convert("pyproject.toml", []byte("[project]\nname = 'x'\n")); err == nil || !strings.Contains(err.Error(), "[tool.bandit]") {
		t.Errorf("pyproject without [tool.bandit]: %v", err)
	}
}

func TestINI(t *testing.T) {
	res, err := Convert(".bandit", []byte(`# comment
[other]
skips = B999
[bandit]
skips = B101,B311
exclude = ./tests,
  ./migrations
targets = src
level = MEDIUM
exit-zero = true
format = json
`))
	if err != nil {
		t.Fatal(err)
	}
	cfg := load(t, res)
	if !disabled(cfg, "B101") || !disabled(cfg, "B311") {
		t.Errorf("skips %+v", cfg.Rules)
	}
	if strings.Join(cfg.Exclude, " ") != "tests/** migrations/**" || cfg.Report != "medium" || cfg.FailOn != "never" {
		t.Errorf("exclude %v report %q fail-on %q", cfg.Exclude, cfg.Report, cfg.FailOn)
	}
	if !hasNote(res, "targets:") || !hasNote(res, "format:") || hasNote(res, "B999") {
		t.Errorf("notes %q", res.Notes)
	}
	if _, err := Convert(".bandit", []byte("[flake8]\nmax-line-length = 80\n")); err == nil {
		t.Error("an INI without [bandit] converted")
	}
	if _, err := Convert(".bandit", []byte("[bandit]\nnot a setting\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad INI line: %v", err)
	}
}

func TestBadInput(t *testing.T) {
	for name, body := range map[string]string{"bandit.yaml": "- a\n- b\n", "b.yml": "", "pyproject.toml": "[tool.bandit\n"} {
		if _, err := Convert(name, []byte(body)); err == nil {
			t.Errorf("%s %q converted", name, body)
		}
	}
}
