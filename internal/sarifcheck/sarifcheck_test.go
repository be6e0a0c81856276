package sarifcheck

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/config"
	"github.com/pyward/pyward/sarif"
)

// pywardLog is a log from pyward's SARIF writer with results of the common
// kinds: a suppressed one, a syntax error, a skipped file.
func pywardLog(t *testing.T) map[string]any {
	t.Helper()
	a, err := assess.New(config.Default())
	if err != nil {
		t.Fatal(err)
	}
	results := a.Run([]assess.Input{
		{Path: "pkg/run.py", Data: []byte("import subprocess\nsubprocess.call(cmd, shell=True)  # nosec B602 reviewed\nimport os\nos.system(c)\n")},
		{Path: "pkg/old.py", Data: []byte("print 'x'\n")},
		{Path: "notes.txt", Err: "not a Python file"},
	}, 1)
	var buf bytes.Buffer
	if err := sarif.Write(&buf, results, sarif.Options{Version: "1.2.3", Category: "pyward", HelpURI: "https://example.invalid/rules.md"}); err != nil {
		t.Fatal(err)
	}
	var log map[string]any
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	return log
}

// at walks a decoded JSON document.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}

// write writes a decoded log back, "version" first: the Multitool reads a
// log whose "runs" come before its "version" as SARIF 1 and fails to load it
// (a map would be written in key order).
func write(t *testing.T, dir, name string, log map[string]any) string {
	t.Helper()
	b, err := json.MarshalIndent(struct {
		Version any `json:"version"`
		Schema  any `json:"$schema"`
		Runs    any `json:"runs"`
	}{log["version"], log["$schema"], log["runs"]}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestValidatorsReportBrokenLogs proves each validator sees what it must
// before any clean result of it is trusted: logs broken on purpose, each in
// one way, are reported with the rule that checks it; pyward's own log
// from the same writer is clean.
func TestValidatorsReportBrokenLogs(t *testing.T) {
	v := Need(t)
	dir := t.TempDir()
	resultWith := func(log map[string]any, i int) map[string]any {
		return at(log, "runs", 0, "results", i).(map[string]any)
	}

	good := write(t, dir, "good.sarif", pywardLog(t))

	// GH1001: a location without a physical location.
	log := pywardLog(t)
	loc := at(resultWith(log, 0), "locations", 0).(map[string]any)
	delete(loc, "physicalLocation")
	loc["message"] = map[string]any{"text": "somewhere"}
	gh1001 := write(t, dir, "gh1001.sarif", log)

	// GH1005: an artifact URI that is neither relative nor a file path.
	log = pywardLog(t)
	at(resultWith(log, 0), "locations", 0, "physicalLocation").(map[string]any)["artifactLocation"] = map[string]any{"uri": "ftp://example.invalid/run.py"}
	gh1005 := write(t, dir, "gh1005.sarif", log)

	// GH1015: a result without a message text (an id GitHub cannot show).
	log = pywardLog(t)
	resultWith(log, 0)["message"] = map[string]any{"id": "default"}
	gh1015 := write(t, dir, "gh1015.sarif", log)

	// SARIF2005: a tool version that does not start with a number, as
	// pyward wrote for a development build.
	log = pywardLog(t)
	driver := at(log, "runs", 0, "tool", "driver").(map[string]any)
	driver["version"] = "dev"
	delete(driver, "semanticVersion")
	sarif2005 := write(t, dir, "sarif2005.sarif", log)

	// What go-sarif v2 wrote for every suppression.
	log = pywardLog(t)
	var suppressed map[string]any
	for i := range at(log, "runs", 0, "results").([]any) {
		if r := resultWith(log, i); r["suppressions"] != nil {
			suppressed = r
		}
	}
	if suppressed == nil {
		t.Fatal("no suppressed result in the log")
	}
	suppressed["suppressions"] = []any{map[string]any{"kind": "inSource", "status": nil, "location": nil, "guid": nil, "justification": nil}}
	nulls := write(t, dir, "nulls.sarif", log)

	files := []string{good, gh1001, gh1005, gh1015, sarif2005, nulls}
	schema, err := v.Schema(files...)
	if err != nil {
		t.Fatal(err)
	}
	mt, err := v.Multitool(files...)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file, want string
		got        []string
	}{
		{gh1001, "GH1001: ", mt[gh1001]},
		{gh1005, "GH1005: ", mt[gh1005]},
		{gh1015, "GH1015: ", mt[gh1015]},
		{sarif2005, "SARIF2005: ", mt[sarif2005]},
		{nulls, "cannot load the log", mt[nulls]},
		{nulls, "suppressions[0].guid is not of a type(s) string", schema[nulls]},
		{nulls, "suppressions[0].status is not one of enum values", schema[nulls]},
	} {
		found := false
		for _, p := range c.got {
			found = found || strings.Contains(p, c.want)
		}
		if !found {
			t.Errorf("%s: want a problem %q, got %q", filepath.Base(c.file), c.want, c.got)
		}
	}
	if len(schema[good]) > 0 || len(mt[good]) > 0 {
		t.Errorf("pyward's log: schema %q, Multitool %q", schema[good], mt[good])
	}
	for _, f := range []string{gh1001, gh1005, gh1015, sarif2005} {
		if len(schema[f]) > 0 {
			t.Logf("%s also fails the schema check: %q", filepath.Base(f), schema[f])
		}
	}
	if got := Nulls([]byte(`{"a": [1, null], "b": {"c": null}}`)); strings.Join(got, " ") != "$.a[1] $.b.c" {
		t.Errorf("Nulls: %v", got)
	}
}
