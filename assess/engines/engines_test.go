package engines

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pyward/pyward/rules"
)

// The Semgrep adapter is tested on recorded output in the format of
// Semgrep's CLI JSON schema (semgrep-interfaces): Semgrep itself cannot be
// installed on the machines this project is built on.
func TestParseSemgrepRecorded(t *testing.T) {
	out, err := os.ReadFile(filepath.Join("testdata", "semgrep.json"))
	if err != nil {
		t.Fatal(err)
	}
	fs, err := parseSemgrep(out, "/tmp/x")
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 3 {
		t.Fatalf("%d findings, want 3", len(fs))
	}
	want := []Finding{
		{Engine: "semgrep", Rule: "python.lang.security.audit.subprocess-shell-true.subprocess-shell-true", Name: "subprocess-shell-true",
			Path: "app/run.py", Line: 4, Column: 5, EndLine: 4, EndColumn: 44, Severity: rules.High, Confidence: rules.Medium, CWE: 78, BanditID: "B602"},
		{Engine: "semgrep", Rule: "python.flask.security.audit.debug-enabled.debug-enabled", Name: "debug-enabled",
			Path: "app/web.py", Line: 9, Column: 1, EndLine: 9, EndColumn: 20, Severity: rules.Medium, Confidence: rules.High, CWE: 489},
		{Engine: "semgrep", Rule: "team.custom.no-print", Name: "no-print",
			Path: "app/web.py", Line: 3, Column: 1, EndLine: 3, EndColumn: 9, Severity: rules.Low, Confidence: rules.Medium},
	}
	for i := range want {
		got := fs[i]
		got.Message = ""
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("finding %d:\n got %+v\nwant %+v", i, got, want[i])
		}
	}
}

// fakeEngine writes a shell script standing for an engine.
func fakeEngine(t *testing.T, script string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "engine")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEngineFailuresAreNotices(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to stand in for an engine")
	}
	files := []File{{Path: "pkg/a.py", Data: []byte("import os\n")}}
	for _, c := range []struct {
		name, script string
		timeout      time.Duration
		want         string
	}{
		{"timeout", "sleep 10\n", 300 * time.Millisecond, "bandit: timed out after 300ms; its findings are missing from this scan"},
		{"crash", "echo 'Traceback (most recent call last):' >&2\necho 'ImportError: no module named bandit' >&2\nexit 3\n", 0,
			"bandit: exited with status 3: ImportError: no module named bandit; its findings are missing from this scan"},
		{"garbage", "echo 'this is not json'\n", 0,
			`bandit: unreadable output (invalid character 'h' in literal true (expecting 'r')): "this is not json"; its findings are missing from this scan`},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := &Bandit{Options{Exe: fakeEngine(t, c.script)}}
			start := time.Now()
			fs, notices := Run([]Engine{b}, map[string]time.Duration{"bandit": c.timeout}, files)
			if len(fs) != 0 || len(notices) != 1 || notices[0].String() != c.want {
				t.Errorf("findings %v, notices %q; want none and %q", fs, notices, c.want)
			}
			if time.Since(start) > 5*time.Second {
				t.Errorf("took %s: the timeout did not stop the engine", time.Since(start))
			}
		})
	}
}

// TestEngineSeesTheContentGiven: the engine runs in a private folder
// holding exactly the given contents under their paths, removed after.
func TestEngineSeesTheContentGiven(t *testing.T) {
	out := filepath.Join(t.TempDir(), "seen")
	script := "pwd > " + out + "\nstat -c %a . >> " + out + "\ncat pkg/a.py >> " + out + "\necho '{\"results\": [], \"errors\": []}'\n"
	b := &Bandit{Options{Exe: fakeEngine(t, script)}}
	_, notices := Run([]Engine{b}, nil, []File{{Path: "pkg/a.py", Data: []byte("STAGED CONTENT\n")}, {Path: "../escape.py", Data: []byte("x")}})
	if len(notices) != 0 {
		t.Fatal(notices)
	}
	seen, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(seen)), "\n")
	if len(lines) != 3 || lines[1] != "700" || lines[2] != "STAGED CONTENT" {
		t.Errorf("engine saw %q; want its folder (mode 700) and the given content", lines)
	}
	if _, err := os.Stat(lines[0]); !os.IsNotExist(err) {
		t.Errorf("the temporary folder %s was not removed (%v)", lines[0], err)
	}
}

// TestRealBandit runs Debian's Bandit through the adapter.
func TestRealBandit(t *testing.T) {
	exe, err := exec.LookPath("bandit")
	if err != nil {
		t.Skip("bandit not found: apt-get install bandit (.ci/run installs it)")
	}
	files := []File{{Path: "pkg/run.py", Data: []byte("import subprocess\n\n\ndef f(cmd):\n    subprocess.call(cmd, shell=True)\n")}}
	fs, notices := Run([]Engine{&Bandit{Options{Exe: exe}}}, nil, files)
	if len(notices) != 0 {
		t.Fatal(notices)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Path+":"+f.Rule+":"+string(rune('0'+f.Line)))
	}
	if strings.Join(got, " ") != "pkg/run.py:B404:1 pkg/run.py:B602:5" {
		t.Errorf("bandit findings %v", got)
	}
}

func TestCheckArgs(t *testing.T) {
	for _, c := range []struct {
		engine string
		args   []string
		ok     bool
	}{
		{"bandit", []string{"--skip", "B101", "-ll"}, true},
		{"bandit", []string{"-o", "/home/runner/.bashrc"}, false},
		{"bandit", []string{"-o/tmp/x"}, false},
		{"bandit", []string{"--output=/tmp/x"}, false},
		{"bandit", []string{"--format", "csv"}, false},
		{"semgrep", []string{"--exclude", "tests"}, true},
		{"semgrep", []string{"--sarif-output=/etc/x"}, false},
		{"semgrep", []string{"--text"}, false},
	} {
		if err := CheckArgs(c.engine, c.args); (err == nil) != c.ok {
			t.Errorf("%s %v: %v, want ok=%v", c.engine, c.args, err, c.ok)
		}
	}
}
