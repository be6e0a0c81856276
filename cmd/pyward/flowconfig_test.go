package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyward/pyward/internal/gittest"
)

// A team's flow section teaches the gate its wrappers, through the real
// binary in a repository: a declared source and sink give PW402 findings
// the built-in model does not, a declared sanitizer removes a PW404, and
// a subfolder's configuration has its own model, for its files only.
func TestConfiguredFlowModels(t *testing.T) {
	const (
		sourceToShell = "import subprocess\nfrom company.http import get_param\n\nsubprocess.run(get_param(\"cmd\"), shell=True)\n"
		inputToRunner = "import company.shell\n\ncompany.shell.run(input())\n"
		quotedSQL     = "import sqlite3\n\n\nclass Repo:\n    def quote(self, s):\n        return s.replace(\"'\", \"''\")\n\n    def find(self, name):\n        cur = sqlite3.connect(\"x.db\").cursor()\n        cur.execute(\"select * from t where a = '\" + self.quote(name) + \"'\")\n\n\nRepo().find(input())\n"
	)
	dir := gittest.New(t, map[string]string{
		".pyward.yaml":     "fail-on: never\nflow:\n  sources:\n    - {name: company.http.get_param, call: true, labels: user|remote}\n  sanitizers:\n    - {func: .quote, families: [sql]}\n",
		"svc/.pyward.yaml": "fail-on: never\nflow:\n  sinks:\n    - {func: company.shell.run, family: command}\n",
		"plain.yaml":       "fail-on: never\n",
		"app.py":           sourceToShell,
		"runner.py":        inputToRunner,
		"repo.py":          quotedSQL,
		"svc/app.py":       sourceToShell,
		"svc/runner.py":    inputToRunner,
		"svc/repo.py":      quotedSQL,
	})
	flows := func(args ...string) string {
		t.Helper()
		out, stderr, code := runIn(t, dir, "", append([]string{"scan", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("pyward scan %v: exit %d\n%s", args, code, stderr)
		}
		var got []string
		for _, f := range parseScan(t, out).Files {
			for _, fd := range f.Findings {
				if strings.HasPrefix(fd.Rule, "PW4") {
					got = append(got, f.Path+":"+itoa(fd.Line)+":"+fd.Rule)
				}
			}
		}
		sortStrings(got)
		return strings.Join(got, " ")
	}
	// The root's model: its source reaches subprocess, its sanitizer
	// protects the SQL. svc's own model: its sink, and neither the root's
	// source nor its sanitizer (the nearest configuration applies alone).
	want := "app.py:4:PW402 svc/repo.py:10:PW404 svc/runner.py:3:PW402"
	if got := flows("."); got != want {
		t.Errorf("configured models:\n got %s\nwant %s", got, want)
	}
	// The built-in model alone knows none of the wrappers.
	if got, want := flows("--config", "plain.yaml", "."), "repo.py:10:PW404 svc/repo.py:10:PW404"; got != want {
		t.Errorf("built-in model:\n got %s\nwant %s", got, want)
	}
	// A file named from inside the subfolder is judged under its model too.
	out, _, _ := runIn(t, filepath.Join(dir, "svc"), "", "scan", "--format", "json", "runner.py", "../runner.py")
	var got []string
	for _, f := range parseScan(t, out).findings() {
		if strings.HasSuffix(f, ":PW402") {
			got = append(got, f)
		}
	}
	if strings.Join(got, " ") != "svc/runner.py:3:PW402" {
		t.Errorf("runner.py and ../runner.py named from svc: %v, want svc/runner.py:3:PW402 only", got)
	}
	// pyward config shows the section that applies.
	out, stderr, code := runIn(t, dir, "", "config", "svc/runner.py")
	if code != 0 || !strings.Contains(out, "# flow: from ") || !strings.Contains(out, "func: company.shell.run") || strings.Contains(out, "get_param") {
		t.Errorf("pyward config svc/runner.py: exit %d\n%s%s", code, out, stderr)
	}
}

// A mistake in the flow section stops the scan and pyward config with
// the file and the line.
func TestFlowConfigMistakes(t *testing.T) {
	for body, want := range map[string]string{
		"flow:\n  sinks:\n    - func: company.shell.run\n      family: comand\n":                    `.pyward.yaml:4: flow: sinks: family: unknown sink family "comand" (did you mean "command"?)`,
		"flow:\n  sinks:\n    - func: company.shell.run\n      family: command\n      args: [-1]\n": `.pyward.yaml:5: flow: sinks: args: -1 is negative`,
		"flow:\n  sources:\n    - {name: company.http.get_param, call: true, labels: usr}\n":        `.pyward.yaml:3: flow: sources: labels: unknown label "usr" (did you mean "user"?)`,
		"flow:\n  sanitizers:\n    - {func: \"\", families: [sql]}\n":                               `.pyward.yaml:3: flow: sanitizers: func is empty`,
		"flow:\n  sinks:\n    - {func: company.shell.run, family: command, argz: [1]}\n":            `.pyward.yaml:3: flow: sinks: unknown key "argz" (did you mean "args"?)`,
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, ".pyward.yaml"), []byte(body), 0o644)
		os.WriteFile(filepath.Join(dir, "ok.py"), []byte("x = 1\n"), 0o644)
		for _, args := range [][]string{{"scan", "."}, {"config", "."}} {
			_, stderr, code := runIn(t, dir, "", args...)
			if code != 2 || !strings.Contains(stderr, want) {
				t.Errorf("%s %q: exit %d, stderr %q, want %s", args[0], body, code, stderr, want)
			}
		}
	}
}
