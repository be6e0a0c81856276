package assess

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pyward/pyward/assess/engines"
	"github.com/pyward/pyward/config"
	"github.com/pyward/pyward/rules"
)

// Run assesses a scan's files as one program: each handler's call of a
// helper in another file (read late, as a folder scan reads) is a
// finding in the handler's file with the helper's steps placed there,
// whichever worker gets which file (run with -race).
func TestRunFollowsOtherFiles(t *testing.T) {
	a, err := New(config.Default())
	if err != nil {
		t.Fatal(err)
	}
	util := "import os\n\n\ndef run(cmd):\n    os.system(cmd)\n"
	inputs := []Input{{Path: "app/util.py", Load: func() ([]byte, string) { return []byte(util), "" }}}
	for i := 0; i < 12; i++ {
		src := "from flask import request\nfrom app.util import run\n\n\ndef view():\n    run(request.args[\"c\"])\n"
		inputs = append(inputs, Input{Path: fmt.Sprintf("app/v%d.py", i), Data: []byte(src)})
	}
	for _, res := range a.Run(inputs, 4) {
		if res.Path == "app/util.py" {
			continue
		}
		var steps []string
		for _, f := range res.Findings {
			if f.Rule.ID != "PW402" {
				continue
			}
			for _, p := range f.Path {
				steps = append(steps, fmt.Sprintf("%s:%d", p.File, p.Line))
			}
		}
		if got := strings.Join(steps, " "); got != ":6 app/util.py:4 app/util.py:5" {
			t.Errorf("%s: PW402 path %q", res.Path, got)
		}
	}
	// On its own, the same handler has no such finding.
	for _, f := range a.File(inputs[1]).Findings {
		if f.Rule.ID == "PW402" {
			t.Errorf("File without the program: %s", f.Message)
		}
	}
}

// A helper whose contents came with its input (a staged blob) is still
// followed after the helper itself was judged: Run lets go of each
// input's contents once judged, so the program keeps its own hold. With
// one worker and the helper the largest file, it is judged first.
func TestRunFollowsFilesJudgedBefore(t *testing.T) {
	a, err := New(config.Default())
	if err != nil {
		t.Fatal(err)
	}
	util := "import os\n\n\ndef run(cmd):\n    os.system(cmd)\n" + strings.Repeat("# padding\n", 50)
	inputs := []Input{{Path: "app/util.py", Data: []byte(util)}}
	src := "from flask import request\nfrom app.util import run\n\n\ndef view():\n    run(request.args[\"c\"])\n"
	inputs = append(inputs, Input{Path: "app/view.py", Data: []byte(src)})
	res := a.Run(inputs, 1)
	found := false
	for _, f := range res[1].Findings {
		found = found || f.Rule.ID == "PW402"
	}
	if !found {
		t.Errorf("app/view.py: no PW402 through app/util.py, judged before it; findings %v", res[1].Findings)
	}
}

// Files read into the workers' reused arrays (Input.LoadInto) are judged
// as if each had an array of its own: nothing in a result still points
// into the array once the next file is read over it. Each file's
// flagged line names the file; the files shrink, so a later file's
// contents land over a longer one's.
func TestReusedReadArrays(t *testing.T) {
	a, err := New(config.Default())
	if err != nil {
		t.Fatal(err)
	}
	var inputs []Input
	for i := 0; i < 40; i++ {
		src := []byte(fmt.Sprintf("import os\nos.system(cmd_%d)\n%s", i, strings.Repeat("# pad\n", 40-i)))
		load := func(buf []byte) ([]byte, string) { return append(buf[:0], src...), "" }
		inputs = append(inputs, Input{Path: fmt.Sprintf("f%02d.py", i), Size: int64(len(src)),
			Load: func() ([]byte, string) { return load(nil) }, LoadInto: load})
	}
	for i, res := range a.Run(inputs, 2) {
		want := fmt.Sprintf("os.system(cmd_%d)", i)
		n := 0
		for _, f := range res.Findings {
			if f.Rule.ID == "B605" {
				n++
				if f.SourceLine != want {
					t.Errorf("%s: B605 on %q, want %q", res.Path, f.SourceLine, want)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: %d B605 findings, want 1", res.Path, n)
		}
	}
}

// The rules a default trusted entry trusts on a path (B101 in tests) do
// not run there, and the verdict is what it was when their findings were
// made and then dropped: other rules still report in the test, B101
// still reports outside tests, and a test file that an engine reported
// B101 on (merged with the native finding by rule) shows neither.
func TestDefaultTrustedRulesDoNotRun(t *testing.T) {
	a, err := New(config.Default())
	if err != nil {
		t.Fatal(err)
	}
	src := []byte("import os\n\n\ndef test_x(cmd):\n    assert cmd\n    os.system(cmd)\n")
	ids := func(in Input) string {
		var out []string
		for _, f := range a.File(in).Findings {
			out = append(out, f.Rule.ID)
		}
		return strings.Join(out, " ")
	}
	if got := ids(Input{Path: "tests/test_x.py", Data: src}); got != "B605" {
		t.Errorf("in a test: %q, want B605 alone", got)
	}
	if got := ids(Input{Path: "app/x.py", Data: src}); got != "B101 B605" {
		t.Errorf("outside tests: %q, want B101 B605", got)
	}
	bandit := Input{Path: "tests/test_x.py", Data: src, External: []engines.Finding{{
		Engine: "bandit", Rule: "B101", BanditID: "B101", Path: "tests/test_x.py", Line: 5, Column: 5, EndLine: 5, EndColumn: 15,
		Severity: rules.Low, Confidence: rules.High, Message: "Use of assert detected."}}}
	if got := ids(bandit); got != "B605" {
		t.Errorf("in a test, with Bandit's B101: %q, want B605 alone", got)
	}
}
