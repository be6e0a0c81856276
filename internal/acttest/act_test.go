package acttest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"text/template"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pyward/pyward/internal/gittest"
)

// actInstall is how to get the act this test was written against; .ci/run
// installs the same version.
const actInstall = "go install github.com/nektos/act@v0.2.89 (.ci/run installs it)"

// actionDirEnv names another checkout whose action.yml to run instead of
// this one's, to show that the test fails on an older action, for example
// `git archive HEAD~1 | tar -x -C /tmp/old`.
const actionDirEnv = "PYWARD_ACTTEST_ACTION"

// The test repository: legacy.py on main is risky and no pull request
// changes it, so a pull request scan that reports it scanned more than the
// change. The risky branch has two commits (a clean edit, then a risky
// file); the clean branch has one clean commit.
const (
	legacyPy = "import os\n\n\ndef run():\n    os.system(input())\n"
	utilPy   = "def double(x):\n    return 2 * x\n"
	appPy    = "import subprocess\n\n\ndef run():\n    subprocess.call(input(), shell=True)\n"
)

type testRepo struct {
	dir, base string
	heads     map[string]string // branch -> commit
}

func newRepo(t *testing.T) testRepo {
	t.Helper()
	dir := gittest.New(t, map[string]string{"legacy.py": legacyPy, "lib/util.py": utilPy})
	gittest.Run(t, dir, "remote", "add", "origin", "https://github.com/acttest/app.git")
	r := testRepo{dir: dir, base: gittest.Run(t, dir, "rev-parse", "HEAD"), heads: map[string]string{}}
	commit := func(msg string, files map[string]string) {
		for name, content := range files {
			gittest.Write(t, dir, name, content)
		}
		gittest.Run(t, dir, "add", "-A")
		gittest.Run(t, dir, "commit", "-q", "-m", msg)
	}
	gittest.Run(t, dir, "checkout", "-q", "-b", "risky")
	commit("clean edit", map[string]string{"lib/util.py": "def double(x):\n    return x + x\n"})
	commit("risky file", map[string]string{"app.py": appPy})
	r.heads["risky"] = gittest.Run(t, dir, "rev-parse", "HEAD")
	gittest.Run(t, dir, "checkout", "-q", "-b", "clean", "main")
	commit("clean change", map[string]string{
		"lib/util.py": "def double(x):\n    return x * 2\n",
		"lib/more.py": "def triple(x):\n    return 3 * x\n",
	})
	r.heads["clean"] = gittest.Run(t, dir, "rev-parse", "HEAD")
	return r
}

// logLine is one line of act's --json log.
type logLine struct {
	Msg        string            `json:"msg"`
	Level      string            `json:"level"`
	Command    string            `json:"command"`
	KV         map[string]string `json:"kvPairs"`
	Arg        string            `json:"arg"`
	Content    string            `json:"content"`
	StepID     []string          `json:"stepID"`
	StepResult string            `json:"stepResult"`
	Raw        string            `json:"-"` // a line that is not JSON
}

func (l logLine) text() string {
	if l.Raw != "" {
		return l.Raw
	}
	return strings.TrimRight(l.Msg, "\n")
}

type actRun struct {
	t      *testing.T
	err    error // act's own exit
	lines  []logLine
	record string // what the stand-ins and the workflow recorded
}

// log is act's log as text, as act prints it without --json.
func (r *actRun) log() string {
	var b strings.Builder
	for _, l := range r.lines {
		b.WriteString("[scan/scan] " + l.text() + "\n")
	}
	return b.String()
}

// index is the position of the first log line containing s, or -1.
func (r *actRun) index(s string) int {
	for i, l := range r.lines {
		if strings.Contains(l.text(), s) {
			return i
		}
	}
	return -1
}

func (r *actRun) jobResult() string {
	switch {
	case r.index("🏁  Job succeeded") >= 0:
		return "success"
	case r.index("🏁  Job failed") >= 0:
		return "failure"
	}
	return "none"
}

// stepResult is the result act logged for a step of the action by name.
func (r *actRun) stepResult(name string) string {
	for _, l := range r.lines {
		if strings.HasPrefix(l.Msg, "  ✅  Success - Main "+name+" [") {
			return "success"
		}
		if strings.HasPrefix(l.Msg, "  ❌  Failure - Main "+name+" [") {
			return "failure"
		}
	}
	return "not run"
}

func (r *actRun) annotations(kind string) []logLine {
	var out []logLine
	for _, l := range r.lines {
		if l.Command == kind {
			out = append(out, l)
		}
	}
	return out
}

// summary is the job summary: what the steps wrote to GITHUB_STEP_SUMMARY
// (act logs each step's file when the step ends).
func (r *actRun) summary() string {
	var b strings.Builder
	for _, l := range r.lines {
		if l.Command == "summary" {
			b.WriteString(l.Content)
		}
	}
	return b.String()
}

// recorded reads a JSON object a stand-in or the workflow recorded; ok is
// false when the step never ran.
func (r *actRun) recorded(name string) (map[string]string, bool) {
	r.t.Helper()
	raw, err := os.ReadFile(filepath.Join(r.record, name+".json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, false
	}
	m := map[string]string{}
	if err != nil || json.Unmarshal(raw, &m) != nil {
		r.t.Fatalf("%s.json: %v %q", name, err, raw)
	}
	return m, true
}

func (r *actRun) recordedText(name string) string {
	raw, _ := os.ReadFile(filepath.Join(r.record, name))
	return strings.TrimSpace(string(raw))
}

type sarifLog struct {
	Runs []struct {
		AutomationDetails struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

// uploaded is the SARIF log the upload-sarif stand-in was handed.
func (r *actRun) uploaded() (sarifLog, bool) {
	r.t.Helper()
	var s sarifLog
	raw, err := os.ReadFile(filepath.Join(r.record, "uploaded.sarif"))
	if errors.Is(err, os.ErrNotExist) {
		return s, false
	}
	if err != nil || json.Unmarshal(raw, &s) != nil || len(s.Runs) != 1 {
		r.t.Fatalf("uploaded SARIF: %v\n%s", err, raw)
	}
	return s, true
}

func (s sarifLog) files() []string {
	var files []string
	for _, res := range s.Runs[0].Results {
		for _, l := range res.Locations {
			if u := l.PhysicalLocation.ArtifactLocation.URI; !slices.Contains(files, u) {
				files = append(files, u)
			}
		}
	}
	sort.Strings(files)
	return files
}

func findAct(t *testing.T) string {
	t.Helper()
	act, err := exec.LookPath("act")
	if err != nil {
		t.Skip("act not found: " + actInstall + "; this test runs action.yml in a real Actions runner")
	}
	out, err := exec.Command(act, "--version").Output()
	if err != nil || !strings.HasPrefix(string(out), "act version ") {
		t.Skipf("%s is not nektos/act (%v %q): %s", act, err, out, actInstall)
	}
	t.Logf("%s", bytes.TrimSpace(out))
	return act
}

// root is the repository's top folder, where action.yml is.
func root(t *testing.T) string {
	t.Helper()
	r, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// usesOf lists the remote actions a workflow's or an action's steps use.
func usesOf(t *testing.T, file string) []string {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	type step struct{ Uses string }
	var doc struct {
		Runs struct{ Steps []step }
		Jobs map[string]struct{ Steps []step }
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	steps := doc.Runs.Steps
	for _, j := range doc.Jobs {
		steps = append(steps, j.Steps...)
	}
	var uses []string
	for _, s := range steps {
		if s.Uses != "" && !strings.HasPrefix(s.Uses, "./") {
			uses = append(uses, s.Uses)
		}
	}
	return uses
}

// localRepositories maps every remote action to a folder for act's
// --local-repository: pyward/pyward to the action under test, the others
// to their stand-ins under testdata/actions (named after the repository),
// so that act fetches nothing whatever refs action.yml pins.
func localRepositories(t *testing.T, actionDir, workflow string) []string {
	t.Helper()
	uses := append(usesOf(t, workflow), usesOf(t, filepath.Join(actionDir, "action.yml"))...)
	var out []string
	for _, u := range uses {
		name, ref, ok := strings.Cut(u, "@")
		parts := strings.Split(name, "/")
		if !ok || len(parts) < 2 {
			t.Fatalf("uses: %q is not owner/repo@ref", u)
		}
		dir := actionDir
		if parts[0]+"/"+parts[1] != "pyward/pyward" {
			d, err := filepath.Abs(filepath.Join("testdata", "actions", parts[1]))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(d, filepath.Join(parts[2:]...), "action.yml")); err != nil {
				t.Fatalf("no stand-in for %s under testdata/actions: %v", u, err)
			}
			dir = d
		}
		m := parts[0] + "/" + parts[1] + "@" + ref + "=" + dir
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

func render(t *testing.T, src, dst string, delims [2]string, data any) {
	t.Helper()
	tmpl, err := template.New(filepath.Base(src)).Delims(delims[0], delims[1]).Option("missingkey=error").ParseFiles(src)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := tmpl.Execute(&b, data); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

type actCase struct {
	event  string // pull_request, pull_request_target, push
	branch string // the head checked out
	ref    string // actions/checkout's ref input
	with   map[string]string
}

// runAct runs the workflow for one event in a fresh test repository, on
// the host, offline.
func runAct(t *testing.T, act string, c actCase) *actRun {
	t.Helper()
	repo := newRepo(t)
	gittest.Run(t, repo.dir, "checkout", "-q", c.branch)
	tmp := t.TempDir()
	record := filepath.Join(tmp, "record")
	home := filepath.Join(tmp, "home")
	for _, d := range []string{record, home} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	actionDir := root(t)
	if d := os.Getenv(actionDirEnv); d != "" {
		actionDir = d
		t.Logf("running the action in %s (%s)", d, actionDirEnv)
	}

	workflow := filepath.Join(tmp, "scan.yml")
	render(t, filepath.Join("testdata", "workflow.yml"), workflow, [2]string{"[[", "]]"}, map[string]any{"With": c.with, "Ref": c.ref})
	eventFile := "pull_request.json"
	if c.event == "push" {
		eventFile = "push.json"
	}
	event := filepath.Join(tmp, "event.json")
	render(t, filepath.Join("testdata", "events", eventFile), event, [2]string{"{{", "}}"},
		map[string]string{"Branch": c.branch, "Base": repo.base, "Head": repo.heads[c.branch]})

	args := []string{c.event, "--eventpath", event, "--workflows", workflow,
		"--platform", "ubuntu-latest=-self-hosted", // jobs on this machine, no Docker
		"--action-offline-mode", "--action-cache-path", filepath.Join(tmp, "act-cache"),
		"--no-skip-checkout", // run the checkout stand-in rather than copy the folder
		"--no-cache-server", "--json",
		"--secret", "GITHUB_TOKEN=unused-by-the-stand-ins", // else act asks the gh CLI for one
	}
	for _, l := range localRepositories(t, actionDir, workflow) {
		args = append(args, "--local-repository", l)
	}

	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not found")
	}
	gitBin, _ := exec.LookPath("git")
	env := []string{
		"HOME=" + home, // no ~/.actrc, no user git or Go configuration
		"PATH=" + filepath.Dir(goBin) + ":" + filepath.Dir(gitBin) + ":/usr/bin:/bin",
		"ACTTEST_RECORD=" + record, "ACTTEST_ORIGIN=" + repo.dir,
		// Offline: act's version check off, Go builds from the module
		// cache only, and anything that still tries the network meets a
		// closed loopback port.
		"ACT_DISABLE_VERSION_CHECK=1", "GOPROXY=off", "GOFLAGS=-mod=readonly", "GOTOOLCHAIN=local",
		"HTTPS_PROXY=http://127.0.0.1:9", "HTTP_PROXY=http://127.0.0.1:9", "NO_PROXY=",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
	}
	for _, k := range []string{"GOMODCACHE", "GOCACHE"} {
		if out, err := exec.Command(goBin, "env", k).Output(); err == nil {
			env = append(env, k+"="+strings.TrimSpace(string(out)))
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, act, args...)
	cmd.Dir = repo.dir
	cmd.Env = env
	cmd.WaitDelay = 10 * time.Second // a step's leftover child must not hold the test
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("act did not finish in 5 minutes:\n%s", out)
	}
	r := &actRun{t: t, err: err, record: record}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var l logLine
		if json.Unmarshal(sc.Bytes(), &l) != nil {
			l = logLine{Raw: sc.Text()}
		}
		r.lines = append(r.lines, l)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("act %s (%v):\n%s", strings.Join(args, " "), err, r.log())
		}
	})
	// Nothing was fetched: every action came from a local folder.
	if i := r.index("LocalRepositoryCache not matched"); i >= 0 {
		t.Errorf("act looked for an action outside the local stand-ins: %s", r.lines[i].text())
	}
	if r.jobResult() == "none" {
		t.Fatalf("act ran no job (%v)", err)
	}
	if r.stepResult("Install pyward") == "failure" {
		t.Fatalf("the action could not build pyward from %s (does that checkout compile?)", actionDir)
	}
	if (err == nil) != (r.jobResult() == "success") {
		t.Errorf("act exited with %v but the job's result is %s", err, r.jobResult())
	}
	return r
}

// checkSetupGo: setup-go gets the action's go.mod, and no cache that would
// warn on every run (its key is hashed inside the workspace only).
func checkSetupGo(t *testing.T, r *actRun) {
	t.Helper()
	in, ok := r.recorded("setup-go")
	if !ok {
		t.Fatal("setup-go never ran")
	}
	if !strings.HasSuffix(in["go-version-file"], "/go.mod") || in["cache"] != "false" {
		t.Errorf("setup-go inputs %v: want the action's go.mod and cache false", in)
	}
	for _, w := range r.annotations("warning") {
		if strings.Contains(w.Arg, "Restore cache failed") {
			t.Errorf("setup-go warns: %s", w.text())
		}
	}
}

// checkUpload: the SARIF log pyward wrote reached upload-sarif, with the
// category in the log.
func checkUpload(t *testing.T, r *actRun, category string) sarifLog {
	t.Helper()
	in, ok := r.recorded("upload-sarif")
	if !ok {
		t.Fatal("the upload-sarif stand-in was never handed the SARIF log")
	}
	out, _ := r.recorded("outputs")
	if in["sarif_file"] == "" || in["sarif_file"] != out["sarif"] || !filepath.IsAbs(in["sarif_file"]) {
		t.Errorf("upload sarif_file %q, action output sarif %q: want the same absolute path", in["sarif_file"], out["sarif"])
	}
	if in["category"] != category || out["category"] != category {
		t.Errorf("upload category %q, output %q: want %q", in["category"], out["category"], category)
	}
	s, ok := r.uploaded()
	if !ok {
		t.Fatal("the upload stand-in recorded no SARIF")
	}
	if got := s.Runs[0].AutomationDetails.ID; got != category {
		t.Errorf("SARIF automationDetails.id %q, want %q (the upload's category)", got, category)
	}
	return s
}

// fileAnnotations are the ::error annotations on files, by file.
func fileAnnotations(r *actRun) []string {
	var files []string
	for _, a := range r.annotations("error") {
		if f := a.KV["file"]; f != "" && !slices.Contains(files, f) {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	return files
}

func TestActionInAct(t *testing.T) {
	act := findAct(t)
	gittest.Need(t)

	// A blocked pull request: the scan covers the change only, annotates
	// it, writes the summary, hands its SARIF to upload-sarif, and then
	// the job fails on pyward's verdict.
	t.Run("pull request blocked", func(t *testing.T) {
		r := runAct(t, act, actCase{event: "pull_request", branch: "risky", with: map[string]string{"fail-on": "high"}})
		checkSetupGo(t, r)
		out, _ := r.recorded("outputs")
		ws := r.recordedText("workspace.txt")
		if out["exit-code"] != "1" || out["sarif"] != filepath.Join(ws, "pyward.sarif") {
			t.Errorf("outputs %v: want exit-code 1 and sarif %s", out, filepath.Join(ws, "pyward.sarif"))
		}
		s := checkUpload(t, r, "pyward-changed")
		if got := s.files(); !slices.Equal(got, []string{"app.py"}) {
			t.Errorf("SARIF results in %v, want app.py only (legacy.py is not part of the change)", got)
		}
		if got := fileAnnotations(r); !slices.Equal(got, []string{"app.py"}) {
			t.Errorf("::error annotations on %v, want app.py only", got)
		}
		sum := r.summary()
		if !strings.Contains(sum, "blocked") || !strings.Contains(sum, "`app.py`") || strings.Contains(sum, "legacy.py") {
			t.Errorf("job summary does not say that app.py (and only it) blocked:\n%s", sum)
		}
		scan, upload, verdict := r.stepResult("Scan"), r.stepResult("Upload SARIF"), r.stepResult("Keep pyward's verdict")
		if scan != "success" || upload != "success" || verdict != "failure" || r.jobResult() != "failure" {
			t.Errorf("scan %s, upload %s, verdict %s, job %s: want the scan and upload to succeed, then the verdict to fail the job",
				scan, upload, verdict, r.jobResult())
		}
		if i, j := r.index("upload-sarif stand-in received"), r.index("❌  Failure - Main Keep pyward's verdict"); i < 0 || j < i {
			t.Errorf("the upload (line %d) must come before the failing verdict (line %d)", i, j)
		}
	})

	// A clean pull request passes, although the base holds a risky file
	// the change does not touch.
	t.Run("pull request clean", func(t *testing.T) {
		r := runAct(t, act, actCase{event: "pull_request", branch: "clean", with: map[string]string{"fail-on": "high"}})
		checkSetupGo(t, r)
		if out, _ := r.recorded("outputs"); out["exit-code"] != "0" {
			t.Errorf("outputs %v: want exit-code 0", out)
		}
		if s := checkUpload(t, r, "pyward-changed"); len(s.Runs[0].Results) != 0 {
			t.Errorf("SARIF results in %v, want none", s.files())
		}
		if got := fileAnnotations(r); len(got) != 0 {
			t.Errorf("::error annotations on %v, want none", got)
		}
		if sum := r.summary(); !strings.Contains(sum, "passed") {
			t.Errorf("job summary does not say passed:\n%s", sum)
		}
		if r.jobResult() != "success" || r.stepResult("Keep pyward's verdict") != "not run" {
			t.Errorf("job %s, verdict step %s: want success, not run", r.jobResult(), r.stepResult("Keep pyward's verdict"))
		}
	})

	// A push scans the whole repository under the full scan's category.
	t.Run("push full scan", func(t *testing.T) {
		r := runAct(t, act, actCase{event: "push", branch: "clean", with: map[string]string{"fail-on": "high"}})
		if out, _ := r.recorded("outputs"); out["exit-code"] != "1" {
			t.Errorf("outputs %v: want exit-code 1 (legacy.py)", out)
		}
		if got := checkUpload(t, r, "pyward").files(); !slices.Equal(got, []string{"legacy.py"}) {
			t.Errorf("SARIF results in %v, want legacy.py", got)
		}
		if got := fileAnnotations(r); !slices.Equal(got, []string{"legacy.py"}) {
			t.Errorf("::error annotations on %v, want legacy.py", got)
		}
		if r.stepResult("Upload SARIF") != "success" || r.jobResult() != "failure" {
			t.Errorf("upload %s, job %s: want the upload, then a failed job", r.stepResult("Upload SARIF"), r.jobResult())
		}
	})

	// pull_request_target scans the change too, and both the log and the
	// upload say pyward-changed; an absolute sarif path (the runner's temp
	// folder) is uploaded as it is. Such a workflow runs for the base
	// branch, so it checks out the pull request's head itself (pyward
	// reads it, never runs it).
	t.Run("pull_request_target absolute sarif", func(t *testing.T) {
		r := runAct(t, act, actCase{event: "pull_request_target", branch: "risky",
			ref:  "${{ github.event.pull_request.head.sha }}",
			with: map[string]string{"sarif": "${{ runner.temp }}/pyward.sarif"}})
		var rc struct{ Temp string }
		raw, _ := os.ReadFile(filepath.Join(r.record, "runner.json"))
		if json.Unmarshal(raw, &rc) != nil || rc.Temp == "" {
			t.Fatalf("runner context %q", raw)
		}
		want := filepath.Join(rc.Temp, "pyward.sarif")
		if out, _ := r.recorded("outputs"); out["sarif"] != want || out["exit-code"] != "1" {
			t.Errorf("outputs %v: want sarif %s, exit-code 1", out, want)
		}
		if got := checkUpload(t, r, "pyward-changed").files(); !slices.Equal(got, []string{"app.py"}) {
			t.Errorf("SARIF results in %v, want app.py only", got)
		}
		if r.jobResult() != "failure" || r.stepResult("Keep pyward's verdict") != "failure" {
			t.Errorf("job %s, verdict %s: want failure", r.jobResult(), r.stepResult("Keep pyward's verdict"))
		}
	})

	// pull_request_target with the default checkout has the base branch
	// checked out: nothing changed, so the scan must not pass.
	t.Run("pull_request_target on the base fails", func(t *testing.T) {
		r := runAct(t, act, actCase{event: "pull_request_target", branch: "risky", with: map[string]string{"fail-on": "high"}})
		if out, _ := r.recorded("outputs"); out["exit-code"] != "2" {
			t.Errorf("outputs %v: want exit-code 2", out)
		}
		found := false
		for _, a := range r.annotations("error") {
			found = found || strings.Contains(a.Arg, "pull_request_target checked out the base branch")
		}
		if !found || r.stepResult("Scan") != "failure" || r.jobResult() != "failure" {
			t.Errorf("annotation %v, scan %s, job %s: want the Scan step to fail and say why", found, r.stepResult("Scan"), r.jobResult())
		}
		if _, ok := r.recorded("upload-sarif"); ok {
			t.Error("a scan of nothing was uploaded")
		}
	})

	// working-directory: the scan runs in a subfolder, the relative sarif
	// input is written there and uploaded from there.
	t.Run("working-directory", func(t *testing.T) {
		r := runAct(t, act, actCase{event: "push", branch: "clean", with: map[string]string{"working-directory": "lib"}})
		want := filepath.Join(r.recordedText("workspace.txt"), "lib", "pyward.sarif")
		if out, _ := r.recorded("outputs"); out["sarif"] != want || out["exit-code"] != "0" {
			t.Errorf("outputs %v: want sarif %s, exit-code 0 (lib holds no risk)", out, want)
		}
		if s := checkUpload(t, r, "pyward"); len(s.Runs[0].Results) != 0 {
			t.Errorf("SARIF results in %v, want none under lib", s.files())
		}
		if r.jobResult() != "success" {
			t.Errorf("job %s, want success", r.jobResult())
		}
	})

	// upload: false keeps the SARIF on the runner and the verdict.
	t.Run("upload false", func(t *testing.T) {
		r := runAct(t, act, actCase{event: "pull_request", branch: "risky", with: map[string]string{"upload": "false"}})
		if _, ok := r.recorded("upload-sarif"); ok || r.stepResult("Upload SARIF") != "not run" {
			t.Errorf("upload step %s: want it not run", r.stepResult("Upload SARIF"))
		}
		if out, _ := r.recorded("outputs"); out["exit-code"] != "1" || out["sarif"] == "" {
			t.Errorf("outputs %v: want exit-code 1 and the SARIF path", out)
		}
		if r.stepResult("Keep pyward's verdict") != "failure" || r.jobResult() != "failure" {
			t.Errorf("verdict %s, job %s: want failure", r.stepResult("Keep pyward's verdict"), r.jobResult())
		}
	})

	// pyward cannot scan (exit 2): the job fails at the Scan step, before
	// anything is uploaded.
	t.Run("exit 2 fails before the upload", func(t *testing.T) {
		r := runAct(t, act, actCase{event: "pull_request", branch: "risky",
			with: map[string]string{"args": "--config does-not-exist.yaml"}})
		if _, ok := r.recorded("upload-sarif"); ok || r.stepResult("Upload SARIF") != "not run" {
			t.Errorf("upload step %s: want it not run when pyward could not scan", r.stepResult("Upload SARIF"))
		}
		if r.stepResult("Scan") != "failure" || r.jobResult() != "failure" {
			t.Errorf("scan %s, job %s: want both failed", r.stepResult("Scan"), r.jobResult())
		}
		msg := regexp.MustCompile(`could not scan \(exit 2\)`)
		found := false
		for _, a := range r.annotations("error") {
			found = found || msg.MatchString(a.Arg)
		}
		if !found {
			t.Errorf("no ::error annotation saying pyward could not scan (exit 2)")
		}
		if out, _ := r.recorded("outputs"); out["exit-code"] != "2" || out["sarif"] != "" {
			t.Errorf("outputs %v: want exit-code 2 and no SARIF", out)
		}
	})
}

// TestStandInsRecordInputs guards the stand-ins themselves: each declares
// the inputs action.yml passes it, so that a renamed input is not silently
// dropped by the stand-in while the real action would reject it.
func TestStandInsRecordInputs(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(root(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Runs struct {
			Steps []struct {
				Uses string
				With map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(raw, &action); err != nil {
		t.Fatal(err)
	}
	for _, s := range action.Runs.Steps {
		if s.Uses == "" {
			continue
		}
		name, _, _ := strings.Cut(s.Uses, "@")
		parts := strings.Split(name, "/")
		file := filepath.Join(append([]string{"testdata", "actions", parts[1]}, append(parts[2:], "action.yml")...)...)
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("no stand-in for %s: %v", s.Uses, err)
			continue
		}
		var standIn struct{ Inputs map[string]any }
		if err := yaml.Unmarshal(raw, &standIn); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for in := range s.With {
			if _, ok := standIn.Inputs[in]; !ok {
				t.Errorf("%s: action.yml passes %q, the stand-in %s does not declare it", s.Uses, in, file)
			}
		}
	}
}

// TestStandInScriptsShellcheck keeps the stand-ins' scripts as clean as
// action.yml's.
func TestStandInScriptsShellcheck(t *testing.T) {
	sc, err := exec.LookPath("shellcheck")
	if err != nil {
		t.Skip("shellcheck not found: apt-get install shellcheck (.ci/run installs it)")
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "actions", "*", "action.yml"))
	more, _ := filepath.Glob(filepath.Join("testdata", "actions", "*", "*", "action.yml"))
	files = append(files, more...)
	if len(files) < 3 {
		t.Fatalf("stand-ins: %v", files)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var a struct {
			Runs struct{ Steps []struct{ Run string } }
		}
		if err := yaml.Unmarshal(raw, &a); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, s := range a.Runs.Steps {
			script := filepath.Join(t.TempDir(), "step.sh")
			if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(sc, "--shell=bash", script).CombinedOutput(); err != nil {
				t.Errorf("shellcheck on %s: %v\n%s", f, err, out)
			}
		}
	}
}
