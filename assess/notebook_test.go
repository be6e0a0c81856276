package assess

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pyward/pyward/config"
)

// cellsJSON writes a notebook as Jupyter does: one JSON string per source
// line, one key per line.
func cellsJSON(cells ...string) string {
	var b strings.Builder
	b.WriteString("{\n \"cells\": [\n")
	for i, c := range cells {
		kind, body, _ := strings.Cut(c, "|")
		outputs := ""
		if out, ok := strings.CutPrefix(kind, "code+out="); ok {
			kind = "code"
			outputs = fmt.Sprintf("{\n     \"name\": \"stdout\",\n     \"output_type\": \"stream\",\n     \"text\": [\n      %q\n     ]\n    }", out+"\n")
		}
		b.WriteString("  {\n   \"cell_type\": \"" + kind + "\",\n   \"metadata\": {},\n")
		if kind == "code" {
			b.WriteString("   \"outputs\": [" + outputs + "],\n")
		}
		b.WriteString("   \"source\": [\n")
		lines := strings.SplitAfter(body, "\n")
		for j, l := range lines {
			sep := ",\n"
			if j == len(lines)-1 {
				sep = "\n"
			}
			fmt.Fprintf(&b, "    %q%s", l, sep)
		}
		b.WriteString("   ]\n  }")
		if i < len(cells)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString(" ],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n")
	return b.String()
}

func assessNotebook(t *testing.T, src string) FileResult {
	t.Helper()
	a, err := New(config.Default())
	if err != nil {
		t.Fatal(err)
	}
	return a.File(Input{Path: "analysis.ipynb", Data: []byte(src)})
}

func find(res FileResult, rule string) []Scored {
	var out []Scored
	for _, f := range res.Findings {
		if f.Rule.ID == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestNotebookJudgedAsPython(t *testing.T) {
	src := cellsJSON(
		"markdown|# Notes\n!this is prose",
		"code|import os\n%matplotlib inline\nrows = !ls {folder}",
		"code|import pickle\ndata = pickle.loads(blob)\nos.system(user_cmd)  # nosec B605 reviewed",
		"code+out=AWS key: AKIAQ2ZJYV7NWH3PLX4K|print(credentials)",
	)
	res := assessNotebook(t, src)
	if res.Level != LevelBlocked && res.Level != LevelHigh {
		t.Errorf("level %v, findings %+v", res.Level, res.Findings)
	}
	b301 := find(res, "B301")
	if len(b301) != 1 {
		t.Fatalf("B301: %+v", res.Findings)
	}
	// pickle.loads is the second line of the third cell; in the file it is
	// the JSON line holding that string.
	f := b301[0]
	jsonLines := strings.Split(src, "\n")
	if f.Cell != 3 || f.CellLine != 2 || !strings.Contains(jsonLines[f.Line-1], "pickle.loads(blob)") {
		t.Errorf("B301 at cell %d line %d, file line %d (%q)", f.Cell, f.CellLine, f.Line, jsonLines[f.Line-1])
	}
	if f.CellColumn != 8 || !strings.HasPrefix(jsonLines[f.Line-1][f.Column-1:], "pickle.loads") {
		t.Errorf("B301 column %d in the cell, %d in the file", f.CellColumn, f.Column)
	}
	// The shell escape with an interpolated value is a HIGH B605; the
	// suppressed os.system stays suppressed, with its reason.
	var escape, suppressed *Scored
	for i, f := range find(res, "B605") {
		if f.Cell == 2 {
			escape = &find(res, "B605")[i]
		} else if f.Suppressed {
			suppressed = &find(res, "B605")[i]
		}
	}
	if escape == nil || escape.Severity.String() != "HIGH" || escape.CellLine != 3 {
		t.Errorf("shell escape: %+v", res.Findings)
	}
	if suppressed == nil || !strings.Contains(suppressed.Justification, "reviewed") {
		t.Errorf("suppression in a cell not honoured: %+v", res.Findings)
	}
	// The key printed in an output is found, redacted, in that cell.
	var secret *Scored
	for i, f := range res.Findings {
		if f.Rule.Secret {
			secret = &res.Findings[i]
		}
	}
	if secret == nil || !secret.InOutput || secret.Cell != 4 || strings.Contains(secret.SourceLine, "AKIAQ2ZJYV7NWH3PLX4K") {
		t.Errorf("secret in an output: %+v", secret)
	}
}

func TestNotebookCleanAndBroken(t *testing.T) {
	clean := assessNotebook(t, cellsJSON("code|%pip install pandas\nimport pandas as pd\ndf = pd.read_csv('data.csv')\ndf.head()"))
	if clean.Level != LevelLow || len(find(clean, "PW000")) != 0 {
		t.Errorf("clean notebook: %v %+v", clean.Level, clean.Findings)
	}
	syntax := assessNotebook(t, cellsJSON("code|x = 1", "code|def broken(:\n    pass"))
	if se := find(syntax, "PW000"); len(se) != 1 || se[0].Cell != 2 || se[0].CellLine != 1 || syntax.Level < LevelHigh {
		t.Errorf("syntax error in cell 2: %+v", syntax.Findings)
	}
	notJSON := assessNotebook(t, "{\"cells\": [ {\"cell_type\": \"code\", \"source\": \"x\" ")
	if se := find(notJSON, "PW000"); len(se) != 1 || !strings.Contains(se[0].Message, "notebook cannot be read") || notJSON.Level < LevelHigh {
		t.Errorf("invalid JSON: %+v", notJSON.Findings)
	}
}

func TestNotebookNewOnly(t *testing.T) {
	src := cellsJSON("code|import os\nos.system(a)\nos.system(b)")
	lines := strings.Split(src, "\n")
	var changed int
	for i, l := range lines {
		if strings.Contains(l, "os.system(b)") {
			changed = i + 1
		}
	}
	a, err := New(config.Default())
	if err != nil {
		t.Fatal(err)
	}
	res := a.File(Input{Path: "nb.ipynb", Data: []byte(src), NewOnly: true, Changed: []LineRange{{changed, changed}}})
	var scored, pre int
	for _, f := range find(res, "B605") {
		if f.Preexisting {
			pre++
		} else {
			scored++
		}
	}
	if scored != 1 || pre != 1 {
		t.Errorf("new-only on a notebook: %d scored, %d preexisting: %+v", scored, pre, res.Findings)
	}
}
