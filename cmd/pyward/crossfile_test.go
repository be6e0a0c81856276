package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pyward/pyward/internal/gittest"
	"github.com/pyward/pyward/internal/sarifcheck"
)

// crossFiles is a web application whose handler passes request data to
// a helper of another file, which runs it as a command.
var crossFiles = map[string]string{
	"app/__init__.py": "",
	"app/util.py":     "import os\n\n\ndef run(cmd):\n    os.system(\"echo \" + cmd)\n",
	"app/views.py": "from flask import request\n\nfrom .util import run\n\n\n" +
		"def view():\n    run(request.args[\"c\"])\n",
}

// TestCrossFileFlow: the real binary on a real repository reports the
// flow from a handler into another file's sink, in the handler's file at
// its call, with the other file's steps in text, JSON and SARIF (each
// step's own file, which the validators accept). A --staged scan judges
// the staged files only: the helper not staged is not in the scan, so
// nothing is followed into it.
func TestCrossFileFlow(t *testing.T) {
	dir := gittest.New(t, crossFiles)
	out, stderr, code := inRepo(t, dir, "scan", "--format", "json", ".")
	if code == 2 {
		t.Fatalf("scan: %s", stderr)
	}
	var rep struct {
		Files []struct {
			Path     string
			Findings []struct {
				Rule, Message string
				Line          int
				Path          []struct {
					File string
					Line int
					Note string
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	found := false
	for _, f := range rep.Files {
		for _, fd := range f.Findings {
			if fd.Rule != "PW402" {
				continue
			}
			if f.Path != "app/views.py" || fd.Line != 7 {
				t.Errorf("PW402 in %s:%d, want app/views.py:7", f.Path, fd.Line)
				continue
			}
			found = true
			if !strings.Contains(fd.Message, "in app/util.py:5 through run()") {
				t.Errorf("message %q", fd.Message)
			}
			n := len(fd.Path)
			if n < 3 || fd.Path[0].File != "" || fd.Path[0].Line != 7 || fd.Path[n-1].File != "app/util.py" || fd.Path[n-1].Line != 5 ||
				fd.Path[n-2].File != "app/util.py" || fd.Path[n-2].Line != 4 {
				t.Errorf("path %+v: want request.args here, then app/util.py:4 and :5", fd.Path)
			}
		}
	}
	if !found {
		t.Fatalf("no PW402 across files:\n%s", out)
	}

	text, _, _ := inRepo(t, dir, "scan", ".")
	if !strings.Contains(text, "path: line 7 request.args → app/util.py:4 parameter cmd of run → app/util.py:5 run by os.system") {
		t.Errorf("text report lacks the path across files:\n%s", text)
	}

	v := sarifcheck.Need(t)
	p := filepath.Join(t.TempDir(), "scan.sarif")
	if _, stderr, code := inRepo(t, dir, "scan", "--sarif", p, "."); code == 2 {
		t.Fatalf("scan --sarif: %s", stderr)
	}
	v.Check(t, []string{p})
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Locations []struct{ PhysicalLocation sarifLoc }
				CodeFlows []struct {
					ThreadFlows []struct {
						Locations []struct {
							Location struct{ PhysicalLocation sarifLoc }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(raw, &log); err != nil {
		t.Fatal(err)
	}
	var uris []string
	for _, r := range log.Runs[0].Results {
		if r.RuleID != "PW402" {
			continue
		}
		if u := r.Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "app/views.py" {
			t.Errorf("result in %s", u)
		}
		for _, l := range r.CodeFlows[0].ThreadFlows[0].Locations {
			pl := l.Location.PhysicalLocation
			uris = append(uris, pl.ArtifactLocation.URI+":"+strconv.Itoa(pl.Region.StartLine))
		}
	}
	if got := strings.Join(uris, " "); got != "app/views.py:7 app/util.py:4 app/util.py:5" {
		t.Errorf("SARIF thread flow %q", got)
	}

	// Staged: only the changed handler is judged; its helper is not.
	gittest.Write(t, dir, "app/views.py", crossFiles["app/views.py"]+"\n\ndef again():\n    run(request.args[\"d\"])\n")
	gittest.Run(t, dir, "add", "app/views.py")
	out, _, _ = inRepo(t, dir, "scan", "--staged", "--format", "json")
	if strings.Contains(out, "PW402") {
		t.Errorf("--staged followed a helper that is not in the scan:\n%s", out)
	}
	gittest.Write(t, dir, "app/util.py", crossFiles["app/util.py"]+"\n")
	gittest.Run(t, dir, "add", "app/util.py")
	if out, _, _ = inRepo(t, dir, "scan", "--staged", "--format", "json"); !strings.Contains(out, "PW402") {
		t.Errorf("--staged with the helper staged too: no PW402:\n%s", out)
	}
}

type sarifLoc struct {
	ArtifactLocation struct{ URI string }
	Region           struct{ StartLine int }
}
