// Package sarifcheck runs the two validators a SARIF log from pyward must
// pass before GitHub code scanning takes it, for tests:
//
//   - the JSON-schema check github/codeql-action's upload-sarif runs before
//     it uploads: npm jsonschema 1.5.0 with the SARIF 2.1.0 schema
//     (testdata/schemacheck.js);
//   - the SARIF Multitool's `validate` with its GitHub rules turned on
//     (testdata/github-rules.xml), after `rewrite` has proved the Multitool
//     can load the log: when it cannot, `validate` runs none of its rules
//     and reports nothing.
//
// Both are npm packages; .ci/run installs them and says where with
// PYWARD_SARIF_MULTITOOL, PYWARD_SARIF_SCHEMA and PYWARD_JSONSCHEMA. Tests
// skip, saying what is missing, when they are absent, and fail instead
// when PYWARD_REQUIRE_SARIF_VALIDATORS is set (.ci/run sets it).
package sarifcheck

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

//go:embed testdata/schemacheck.js
var schemaScript []byte

//go:embed testdata/github-rules.xml
var githubPolicy []byte

// Validators are the installed validators.
type Validators struct {
	node, jsonschema, schema, multitool string
	dir                                 string // the script and the policy, written out
	Versions                            string // what ran, for the test log
}

// cacheDir is where .ci/run installs the npm packages, for a `go test` run
// outside it.
func cacheDir() string {
	base := os.Getenv("XDG_CACHE_HOME")
	if base == "" {
		home, _ := os.UserHomeDir()
		base = filepath.Join(home, ".cache")
	}
	return filepath.Join(base, "pyward-ci", "sarif-multitool", "node_modules")
}

// find locates the validators; missing says what is absent.
func find() (v *Validators, missing []string) {
	v = &Validators{}
	nm := cacheDir()
	v.multitool = os.Getenv("PYWARD_SARIF_MULTITOOL")
	if v.multitool == "" {
		if p, err := exec.LookPath("Sarif.Multitool"); err == nil {
			v.multitool = p
		} else {
			v.multitool = filepath.Join(nm, "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
		}
	}
	if _, err := os.Stat(v.multitool); err != nil {
		missing = append(missing, "the SARIF Multitool (npm install @microsoft/sarif-multitool-linux@5.7.0; set PYWARD_SARIF_MULTITOOL to its Sarif.Multitool)")
	}
	v.schema = os.Getenv("PYWARD_SARIF_SCHEMA")
	if v.schema == "" {
		real, err := filepath.EvalSymlinks(v.multitool)
		if err != nil {
			real = v.multitool
		}
		v.schema = filepath.Join(filepath.Dir(real), "sarif-2.1.0.json")
	}
	if _, err := os.Stat(v.schema); err != nil {
		missing = append(missing, "the SARIF 2.1.0 schema (sarif-2.1.0.json in npm @microsoft/sarif-multitool-linux; set PYWARD_SARIF_SCHEMA)")
	}
	v.jsonschema = os.Getenv("PYWARD_JSONSCHEMA")
	if v.jsonschema == "" {
		v.jsonschema = filepath.Join(nm, "jsonschema")
	}
	if _, err := os.Stat(filepath.Join(v.jsonschema, "package.json")); err != nil {
		missing = append(missing, "npm jsonschema (npm install jsonschema@1.5.0; set PYWARD_JSONSCHEMA to its folder)")
	}
	var err error
	if v.node, err = exec.LookPath("node"); err != nil {
		missing = append(missing, "node (for the jsonschema check)")
	}
	return v, missing
}

// Need returns the validators, or skips the test saying what is missing and
// how to install it. The versions that run go to the test log, so that a
// `go test -v` output shows the validators did run.
func Need(t testing.TB) *Validators {
	t.Helper()
	v, missing := find()
	if len(missing) > 0 {
		msg := "SARIF validators missing (.ci/run installs them): " + strings.Join(missing, "; ")
		if os.Getenv("PYWARD_REQUIRE_SARIF_VALIDATORS") != "" {
			t.Fatal(msg) // CI: a skip would be a silent pass
		}
		t.Skip(msg)
	}
	v.dir = t.TempDir()
	if err := os.WriteFile(filepath.Join(v.dir, "schemacheck.js"), schemaScript, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(v.dir, "github-rules.xml"), githubPolicy, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := v.schemaCheck("--version")
	if err != nil {
		t.Fatalf("schema check: %v\n%s", err, out)
	}
	mt, err := v.mt("--version")
	if err != nil {
		t.Fatalf("SARIF Multitool: %v\n%s", err, mt)
	}
	v.Versions = strings.TrimSpace(out) + "; " + strings.TrimSpace(strings.SplitN(mt, "\n", 2)[0])
	t.Logf("SARIF validators: %s", v.Versions)
	return v
}

func (v *Validators) schemaCheck(args ...string) (string, error) {
	cmd := exec.Command(v.node, append([]string{filepath.Join(v.dir, "schemacheck.js")}, args...)...)
	cmd.Env = append(os.Environ(), "PYWARD_JSONSCHEMA="+v.jsonschema, "PYWARD_SARIF_SCHEMA="+v.schema)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// mt runs the Multitool. Invariant globalization: it needs no ICU then, and
// with --quiet (GH1001's console message crashes it with a FormatException)
// the results come from its output log only.
func (v *Validators) mt(args ...string) (string, error) {
	cmd := exec.Command(v.multitool, args...)
	cmd.Env = append(os.Environ(), "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1", "DOTNET_CLI_TELEMETRY_OPTOUT=1")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Schema runs upload-sarif's schema check on each file and returns its
// errors, by file.
func (v *Validators) Schema(files ...string) (map[string][]string, error) {
	out, err := v.schemaCheck(files...)
	problems := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		for _, f := range files {
			if rest, ok := strings.CutPrefix(line, f+": "); ok {
				problems[f] = append(problems[f], rest)
			}
		}
	}
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 && len(problems) > 0 {
		return problems, nil
	}
	if err != nil {
		return nil, fmt.Errorf("schema check: %v\n%s", err, out)
	}
	return problems, nil
}

// Multitool runs the Multitool on each file: `rewrite` first, whose failure
// is itself the problem reported (the log cannot be loaded, so no rule
// would run), then `validate` of the files that load, with the GitHub
// rules on, errors and warnings. It returns the problems by file, each
// "RULE: message".
func (v *Validators) Multitool(files ...string) (map[string][]string, error) {
	problems := map[string][]string{}
	var loadable []string
	for i, f := range files {
		rw := filepath.Join(v.dir, fmt.Sprintf("rewrite-%d.sarif", i))
		if out, err := v.mt("rewrite", f, "--output", rw, "--log", "ForceOverwrite"); err != nil {
			msg := "the Multitool cannot load the log (rewrite failed), so validate would run no rule"
			if m := regexp.MustCompile(`(?m)^\S*Exception: .*$`).FindString(out); m != "" {
				msg += ": " + m
			}
			problems[f] = append(problems[f], msg)
			continue
		}
		loadable = append(loadable, f)
	}
	if len(loadable) == 0 {
		return problems, nil
	}
	outPath := filepath.Join(v.dir, "validation.sarif")
	os.Remove(outPath)
	// Without --max-file-size-in-kb it skips a log over 10 MB, and with
	// --quiet says so only in its exit status.
	args := []string{"validate", "--quiet", "true", "--max-file-size-in-kb", "1048576", "--rule-kind", "Ghas;Sarif", "--level", "Error;Warning",
		"-c", filepath.Join(v.dir, "github-rules.xml"), "--output", outPath}
	if out, err := v.mt(append(args, loadable...)...); err != nil {
		return nil, fmt.Errorf("Multitool validate: %v\n%s", err, out)
	}
	b, err := os.ReadFile(outPath)
	if err != nil {
		return nil, fmt.Errorf("Multitool validate wrote no log: %v", err)
	}
	var log outputLog
	if err := json.Unmarshal(b, &log); err != nil || len(log.Runs) != 1 {
		return nil, fmt.Errorf("Multitool output: %v", err)
	}
	run := log.Runs[0]
	for _, inv := range run.Invocations {
		for _, n := range append(inv.ToolExecutionNotifications, inv.ToolConfigurationNotifications...) {
			if n.Level == "error" {
				return nil, fmt.Errorf("Multitool validate: %s", n.Message.Text)
			}
		}
	}
	for _, r := range run.Results {
		file := "?"
		if len(r.Locations) > 0 {
			file = r.Locations[0].PhysicalLocation.ArtifactLocation.URI
		}
		for _, f := range loadable {
			abs, _ := filepath.Abs(f)
			if strings.HasSuffix(file, filepath.ToSlash(abs)) {
				file = f
			}
		}
		problems[file] = append(problems[file], r.RuleID+": "+run.text(r))
	}
	for _, p := range problems {
		sort.Strings(p)
	}
	return problems, nil
}

// accepted are the Multitool's findings a pyward log may have, each with
// why; a problem matching none fails Check.
var accepted = []struct{ problem *regexp.Regexp }{
	// An engine's result names its rule both ways, as CodeQL's own SARIF
	// does: GitHub identifies an alert by ruleId across analyses, and the
	// rule reference says which extension defines the rule. SARIF2004 only
	// weighs the bytes.
	{regexp.MustCompile(`^SARIF2004: 'runs\[0\]\.results\[\d+\]' uses the 'rule' property to specify the violated rule, so it is not necessary also to specify 'ruleId'`)},
}

// Allow is a problem a test accepts on top of those always accepted.
type Allow = *regexp.Regexp

// Check runs both validators on the files and fails the test for each
// problem, and for any JSON null (which no SARIF property allows).
func (v *Validators) Check(t testing.TB, files []string, allow ...Allow) {
	t.Helper()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if paths := Nulls(b); len(paths) > 0 {
			t.Errorf("%s: JSON null at %s", f, strings.Join(paths, ", "))
		}
	}
	schema, err := v.Schema(files...)
	if err != nil {
		t.Fatal(err)
	}
	mt, err := v.Multitool(files...)
	if err != nil {
		t.Fatal(err)
	}
	ok := func(p string) bool {
		for _, a := range accepted {
			if a.problem.MatchString(p) {
				return true
			}
		}
		for _, a := range allow {
			if a.MatchString(p) {
				return true
			}
		}
		return false
	}
	for _, f := range files {
		for _, p := range schema[f] {
			t.Errorf("%s: upload-sarif's schema check: %s", f, p)
		}
		for _, p := range mt[f] {
			if !ok(p) {
				t.Errorf("%s: SARIF Multitool: %s", f, p)
			}
		}
	}
	for f, ps := range mt {
		if !slices.Contains(files, f) {
			t.Errorf("SARIF Multitool result for an unknown file %s: %v", f, ps)
		}
	}
}

// Nulls returns the JSON paths of the null values in a JSON document.
func Nulls(doc []byte) []string {
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		return []string{"(not JSON: " + err.Error() + ")"}
	}
	var paths []string
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch x := v.(type) {
		case nil:
			paths = append(paths, path)
		case map[string]any:
			for k, e := range x {
				walk(e, path+"."+k)
			}
		case []any:
			for i, e := range x {
				walk(e, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	walk(v, "$")
	sort.Strings(paths)
	return paths
}

// outputLog is the part of the Multitool's output log read here.
type outputLog struct {
	Runs []outputRun
}

type outputRun struct {
	Tool struct {
		Driver struct {
			Rules []struct {
				ID             string
				MessageStrings map[string]struct{ Text string }
			}
		}
	}
	Invocations []struct {
		ToolExecutionNotifications, ToolConfigurationNotifications []notification
	}
	Results []outputResult
}

type notification struct {
	Level   string
	Message struct{ Text string }
}

type outputResult struct {
	RuleID    string
	RuleIndex int
	Level     string
	Message   struct {
		Text      string
		ID        string
		Arguments []string
	}
	Locations []struct {
		PhysicalLocation struct {
			ArtifactLocation struct{ URI string }
		}
	}
}

// text is a result's message, its arguments filled into the rule's message
// string ({0}, {1}, ...).
func (run *outputRun) text(r outputResult) string {
	text := r.Message.Text
	if text == "" && r.RuleIndex >= 0 && r.RuleIndex < len(run.Tool.Driver.Rules) {
		text = run.Tool.Driver.Rules[r.RuleIndex].MessageStrings[r.Message.ID].Text
	}
	if text == "" {
		return r.Message.ID + " " + strings.Join(r.Message.Arguments, " ")
	}
	for i, a := range r.Message.Arguments {
		text = strings.ReplaceAll(text, fmt.Sprintf("{%d}", i), a)
	}
	return text
}
