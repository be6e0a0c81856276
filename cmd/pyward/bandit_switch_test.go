package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyward/pyward/internal/gittest"
)

// TestBanditReportAsBaseline adopts pyward on a real repository whose
// findings were accepted under Bandit: Debian's Bandit writes its JSON
// report, pyward scans with it as --baseline. Bandit's known findings do
// not block, even after lines move; a new one does.
func TestBanditReportAsBaseline(t *testing.T) {
	bandit, err := exec.LookPath("bandit")
	if err != nil {
		t.Skip("bandit not found: apt-get install bandit (.ci/run installs it)")
	}
	dir := gittest.New(t, map[string]string{
		"app/run.py":   "import subprocess\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n",
		"app/clean.py": "def add(a, b):\n    return a + b\n",
	})
	cmd := exec.Command(bandit, "-r", ".", "-f", "json", "-o", "bandit.json")
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput() // exit 1: it found something
	report, err := os.ReadFile(filepath.Join(dir, "bandit.json"))
	if err != nil || !strings.Contains(string(report), `"B602"`) {
		t.Fatalf("bandit did not report B602: %v\n%s\n%s", err, out, report)
	}
	_, errOut, code := runBinary(t, dir, nil, "", "scan", "--baseline", "bandit.json", "app")
	if code != 0 {
		t.Fatalf("known Bandit findings block: exit %d\n%s", code, errOut)
	}
	// Lines move above the known finding: still known.
	gittest.Write(t, dir, "app/run.py", "\"\"\"Runner.\"\"\"\nimport subprocess\n\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n")
	if stdout, errOut, code := runBinary(t, dir, nil, "", "scan", "--baseline", "bandit.json", "--format", "json", "app"); code != 0 || !strings.Contains(stdout, `"baselined": `) {
		t.Errorf("moved known finding: exit %d\n%s%s", code, stdout, errOut)
	}
	// A new finding Bandit never saw blocks.
	gittest.Write(t, dir, "app/clean.py", "import os\n\n\ndef add(a, b):\n    os.system(a)\n    return a + b\n")
	if stdout, _, code := runBinary(t, dir, nil, "", "scan", "--baseline", "bandit.json", "app"); code != 1 || !strings.Contains(stdout, "clean.py") {
		t.Errorf("a new finding passes: exit %d\n%s", code, stdout)
	}
	// A Bandit report without the flagged lines' text cannot be matched:
	// an error, never a silent pass.
	os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"results":[{"filename":"./app/run.py","test_id":"B602","line_number":7,"code":""}]}`), 0o644)
	if _, errOut, code := runBinary(t, dir, nil, "", "scan", "--baseline", "bad.json", "app"); code != 2 || !strings.Contains(errOut, "bad.json") {
		t.Errorf("unusable Bandit report: exit %d %s", code, errOut)
	}
}

// TestFromBandit converts a project's Bandit settings and scans with the
// result: the excluded folder and the skipped check are left alone as
// they were under Bandit.
func TestFromBandit(t *testing.T) {
	dir := gittest.New(t, map[string]string{
		".bandit":          "[bandit]\nskips = B404\nexclude = ./vendored\n",
		"app/run.py":       "import subprocess\n",
		"vendored/lib.py":  "import os\nos.system(input())\n",
		"app/also/tool.py": "import os\nos.system(input())\n",
	})
	stdout, errOut, code := runBinary(t, dir, nil, "", "config", "--from-bandit")
	if code != 0 || !strings.Contains(stdout, "B404") || !strings.Contains(stdout, "vendored/**") {
		t.Fatalf("--from-bandit: exit %d\n%s%s", code, stdout, errOut)
	}
	gittest.Write(t, dir, ".pyward.yaml", stdout)
	stdout, errOut, code = runBinary(t, dir, nil, "", "scan", "--format", "json", ".")
	if strings.Contains(stdout, "vendored/lib.py") || strings.Contains(stdout, `"B404"`) || !strings.Contains(stdout, "app/also/tool.py") || code != 1 {
		t.Errorf("scan under the converted configuration: exit %d\n%s%s", code, stdout, errOut)
	}
	if _, errOut, code := runBinary(t, t.TempDir(), nil, "", "config", "--from-bandit"); code != 2 || !strings.Contains(errOut, "no Bandit configuration") {
		t.Errorf("nothing to convert: exit %d %s", code, errOut)
	}
}
