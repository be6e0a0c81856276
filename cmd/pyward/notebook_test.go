package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pyward/pyward/internal/gittest"
)

// notebookJSON is a small notebook as Jupyter writes it: a markdown cell,
// a clean code cell, and a third cell whose second line unpickles data
// and whose fourth runs a shell escape with a Python value.
const notebookJSON = `{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": ["# Report\n"]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [],
   "source": [
    "import pickle\n",
    "%matplotlib inline"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 2,
   "metadata": {},
   "outputs": [],
   "source": [
    "path = 'data.pkl'\n",
    "rows = pickle.loads(open(path, 'rb').read())\n",
    "print(len(rows))\n",
    "!rm -rf {path}"
   ]
  }
 ],
 "metadata": {},
 "nbformat": 4,
 "nbformat_minor": 5
}
`

// TestNotebooks stages a notebook in a real repository and scans it as
// the hook does: the findings name the cell and the line in it in text
// and JSON, SARIF keeps the notebook's own line with the cell as a
// property, and a folder walk finds the notebook too.
func TestNotebooks(t *testing.T) {
	dir := gittest.New(t, map[string]string{"README.md": "x\n"})
	gittest.Write(t, dir, "analysis.ipynb", notebookJSON)
	gittest.Run(t, dir, "add", "analysis.ipynb")

	out, errOut, code := runBinary(t, dir, gittest.Env(), "", "scan", "--staged", "--fail-on", "never")
	if code != 0 || !strings.Contains(out, "analysis.ipynb:cell 3:2:8 B301") || !strings.Contains(out, "analysis.ipynb:cell 3:4:1 B605") {
		t.Errorf("text: exit %d\n%s%s", code, out, errOut)
	}
	// The source line shown is the cell's, with the marker under the call.
	if !strings.Contains(out, "    rows = pickle.loads(open(path, 'rb').read())\n           ^^^^") {
		t.Errorf("text source line:\n%s", out)
	}

	out, _, _ = runBinary(t, dir, gittest.Env(), "", "scan", "--staged", "--format", "json", "--fail-on", "never")
	var rep struct {
		Files []struct {
			Path     string
			Findings []struct {
				Rule     string
				Cell     int
				Line     int
				Column   int
				FileLine int `json:"file_line"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Files) != 1 {
		t.Fatalf("json: %v\n%s", err, out)
	}
	var b301 bool
	for _, f := range rep.Files[0].Findings {
		if f.Rule == "B301" {
			b301 = true
			if f.Cell != 3 || f.Line != 2 || f.Column != 8 || f.FileLine != 25 {
				t.Errorf("B301 in JSON: %+v", f)
			}
		}
	}
	if !b301 {
		t.Errorf("no B301:\n%s", out)
	}

	out, _, _ = runBinary(t, dir, gittest.Env(), "", "scan", "--staged", "--format", "sarif", "--fail-on", "never")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
				}
				Properties map[string]any
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, r := range log.Runs[0].Results {
		if r.RuleID == "B301" {
			found = true
			pl := r.Locations[0].PhysicalLocation
			if pl.ArtifactLocation.URI != "analysis.ipynb" || pl.Region.StartLine != 25 || r.Properties["cell"] != 3.0 || r.Properties["cellLine"] != 2.0 {
				t.Errorf("SARIF B301: %+v", r)
			}
		}
	}
	if !found {
		t.Errorf("no B301 in SARIF:\n%s", out)
	}

	// A walk of the folder finds it; a broken notebook is never a pass.
	gittest.Write(t, dir, "broken.ipynb", `{"cells": [`)
	out, _, code = runBinary(t, dir, gittest.Env(), "", "scan", ".")
	if code != 1 || !strings.Contains(out, "broken.ipynb") || !strings.Contains(out, "PW000") || !strings.Contains(out, "analysis.ipynb") {
		t.Errorf("walk: exit %d\n%s", code, out)
	}
}
