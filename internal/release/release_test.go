package release

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// root is the repository's top folder.
func root(t *testing.T) string {
	t.Helper()
	r, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestActionStructure checks action.yml: a composite action whose every
// input is used by its steps, that uploads SARIF with codeql-action, and
// keeps pyward's exit status.
func TestActionStructure(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(root(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Name        string
		Description string
		Inputs      map[string]struct {
			Description string
			Default     *string
		}
		Outputs map[string]struct{ Value string }
		Runs    struct {
			Using string
			Steps []struct {
				Name string
				Uses string
				Run  string
				If   string
				With map[string]string
				Env  map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(raw, &action); err != nil {
		t.Fatal(err)
	}
	if action.Name == "" || action.Description == "" || action.Runs.Using != "composite" || len(action.Runs.Steps) == 0 {
		t.Fatalf("not a described composite action: %+v", action)
	}
	for _, in := range []string{"args", "fail-on", "sarif", "category", "upload", "working-directory", "version"} {
		if _, ok := action.Inputs[in]; !ok {
			t.Errorf("input %q missing", in)
		}
	}
	// Every input is referenced by the steps (not just declared), in any
	// of their keys (working-directory included).
	var runs struct{ Runs any }
	if err := yaml.Unmarshal(raw, &runs); err != nil {
		t.Fatal(err)
	}
	steps, _ := yaml.Marshal(runs.Runs)
	for name, in := range action.Inputs {
		if in.Description == "" {
			t.Errorf("input %q has no description", name)
		}
		if !regexp.MustCompile(`inputs\.` + regexp.QuoteMeta(name) + `\b`).Match(steps) {
			t.Errorf("input %q is never used", name)
		}
	}
	var upload, verdict bool
	for _, s := range action.Runs.Steps {
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			upload = true
		}
		if strings.Contains(s.If, "exit-code") && strings.Contains(s.Run, "exit 1") {
			verdict = true
		}
		if s.Run != "" && strings.Contains(s.Run, "${{") {
			t.Errorf("step %q interpolates expressions into its script (pass them through env instead)", s.Name)
		}
	}
	if !upload || !verdict {
		t.Errorf("upload step %v, verdict step %v: want both", upload, verdict)
	}
}

// TestWorkflowsLint runs actionlint on the workflows.
func TestWorkflowsLint(t *testing.T) {
	lint, err := exec.LookPath("actionlint")
	if err != nil {
		t.Skip("actionlint not found: go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 (.ci/run installs it)")
	}
	files, _ := filepath.Glob(filepath.Join(root(t), ".github", "workflows", "*.yml"))
	if len(files) < 2 {
		t.Fatalf("workflows: %v; want CI and the example", files)
	}
	cmd := exec.Command(lint, files...)
	cmd.Dir = root(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("actionlint: %v\n%s", err, out)
	}
}

// TestGoreleaserConfig checks the release matrix and, when goreleaser is
// installed, runs its own check.
func TestGoreleaserConfig(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(root(t), ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Builds []struct {
			Env    []string
			Goos   []string
			Goarch []string
		}
		Checksum struct {
			Algorithm  string
			ExtraFiles []struct{ Glob string } `yaml:"extra_files"`
		}
		Release struct {
			ExtraFiles []struct{ Glob string } `yaml:"extra_files"`
		}
		Before struct {
			Hooks []string
		}
	}
	if err := yaml.Unmarshal(raw, &cfg); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Builds) != 1 || strings.Join(cfg.Builds[0].Goos, ",") != "linux,darwin,windows" ||
		strings.Join(cfg.Builds[0].Goarch, ",") != "amd64,arm64" || !contains(cfg.Builds[0].Env, "CGO_ENABLED=0") || cfg.Checksum.Algorithm != "sha256" {
		t.Errorf("release matrix %+v", cfg)
	}
	// The wheels are built before the release and attached to it, with
	// their checksums beside the archives'.
	wheels := func(files []struct{ Glob string }) bool {
		return len(files) == 1 && files[0].Glob == "./dist-wheels/*.whl"
	}
	if len(cfg.Before.Hooks) != 1 || !strings.HasSuffix(cfg.Before.Hooks[0], " bash packaging/wheels.sh dist-wheels") ||
		!wheels(cfg.Release.ExtraFiles) || !wheels(cfg.Checksum.ExtraFiles) {
		t.Errorf("the release does not build and attach the wheels: %+v", cfg)
	}
	gr, err := exec.LookPath("goreleaser")
	if err != nil {
		t.Skip("goreleaser not found: go install github.com/goreleaser/goreleaser/v2@v2.15.1 (.ci/run installs it)")
	}
	cmd := exec.Command(gr, "check")
	cmd.Dir = root(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("goreleaser check: %v\n%s", err, out)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestInstallScriptShellcheck(t *testing.T) {
	sc, err := exec.LookPath("shellcheck")
	if err != nil {
		t.Skip("shellcheck not found: apt-get install shellcheck (.ci/run installs it)")
	}
	cmd := exec.Command(sc, "--shell=sh", "install.sh")
	cmd.Dir = root(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("shellcheck: %v\n%s", err, out)
	}
}

// TestActionScriptsShellcheck runs shellcheck on the bash scripts of
// action.yml's steps (actionlint checks the workflows' scripts, not a
// composite action's). The scripts take no ${{ }} expressions (see
// TestActionStructure), so each is plain bash as the runner writes it.
func TestActionScriptsShellcheck(t *testing.T) {
	sc, err := exec.LookPath("shellcheck")
	if err != nil {
		t.Skip("shellcheck not found: apt-get install shellcheck (.ci/run installs it)")
	}
	raw, err := os.ReadFile(filepath.Join(root(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Runs struct {
			Steps []struct {
				Name  string
				Shell string
				Run   string
			}
		}
	}
	if err := yaml.Unmarshal(raw, &action); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range action.Runs.Steps {
		if s.Run == "" {
			continue
		}
		if s.Shell != "bash" {
			t.Errorf("step %q runs with shell %q: want bash (every runner has it)", s.Name, s.Shell)
			continue
		}
		n++
		script := filepath.Join(t.TempDir(), "step.sh")
		if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(sc, "--shell=bash", script).CombinedOutput(); err != nil {
			t.Errorf("shellcheck on step %q: %v\n%s", s.Name, err, out)
		}
	}
	if n == 0 {
		t.Fatal("action.yml has no scripts to check")
	}
}

// cleanEnv is a newcomer's environment: a fresh HOME, a PATH with only the
// system folders and Go, and the module and build caches shared so that
// the test does not download the world again.
func cleanEnv(t *testing.T) []string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not found")
	}
	env := []string{"HOME=" + t.TempDir(), "PATH=" + filepath.Dir(goBin) + ":/usr/bin:/bin"}
	for _, k := range []string{"GOMODCACHE", "GOCACHE", "GOPROXY", "GOFLAGS"} {
		if out, err := exec.Command(goBin, "env", k).Output(); err == nil && strings.TrimSpace(string(out)) != "" {
			env = append(env, k+"="+strings.TrimSpace(string(out)))
		}
	}
	return env
}

// TestInstallFromSource runs install.sh as a newcomer would, building this
// checkout, and runs the result.
func TestInstallFromSource(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("install.sh is for POSIX systems")
	}
	bin := filepath.Join(t.TempDir(), "bin")
	cmd := exec.Command("sh", "install.sh", "--from-source", ".", "--bin-dir", bin)
	cmd.Dir = root(t)
	cmd.Env = cleanEnv(t)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("install.sh: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "add "+bin+" to your PATH") {
		t.Errorf("install.sh did not say to add the folder to PATH:\n%s", out)
	}
	v, err := exec.Command(filepath.Join(bin, "pyward"), "version").Output()
	if err != nil || !strings.HasPrefix(string(v), "pyward ") {
		t.Errorf("installed pyward: %v %q", err, v)
	}
}

func TestInstallScriptErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--version", "latest-please"}, "expected a release tag such as v0.3.0"},
		{[]string{"--frobnicate"}, "unknown argument: --frobnicate"},
		{[]string{"--from-source", "/nonexistent"}, "/nonexistent is not a pyward checkout"},
		{[]string{"--bin-dir"}, "--bin-dir needs a folder"},
	} {
		cmd := exec.Command("sh", append([]string{"install.sh", "--bin-dir", t.TempDir()}, c.args...)...)
		cmd.Dir = root(t)
		cmd.Env = cleanEnv(t)
		out, err := cmd.CombinedOutput()
		if err == nil || !strings.Contains(string(out), c.want) {
			t.Errorf("install.sh %v: %v\n%s\nwant an error with %q", c.args, err, out, c.want)
		}
	}
}

// TestInstallVerifiesChecksums serves a release from a folder (curl reads
// file:// addresses) and checks that install.sh installs a matching
// archive and refuses a tampered one.
func TestInstallVerifiesChecksums(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("install.sh is for POSIX systems")
	}
	for _, tool := range []string{"curl", "tar", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found", tool)
		}
	}
	arch := map[string]string{"amd64": "amd64", "arm64": "arm64"}[runtime.GOARCH]
	if arch == "" || (runtime.GOOS != "linux" && runtime.GOOS != "darwin") {
		t.Skip("no release archive name for this platform")
	}
	rel := t.TempDir()
	ver := filepath.Join(rel, "v9.9.9")
	os.MkdirAll(ver, 0o755)
	stage := t.TempDir()
	os.WriteFile(filepath.Join(stage, "pyward"), []byte("#!/bin/sh\necho pyward v9.9.9\n"), 0o755)
	archive := "pyward_9.9.9_" + runtime.GOOS + "_" + arch + ".tar.gz"
	if out, err := exec.Command("tar", "-czf", filepath.Join(ver, archive), "-C", stage, "pyward").CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	sum, err := exec.Command("sha256sum", filepath.Join(ver, archive)).Output()
	if err != nil {
		t.Fatal(err)
	}
	good := strings.Fields(string(sum))[0] + "  " + archive + "\n"
	install := func() (string, error) {
		bin := filepath.Join(t.TempDir(), "bin")
		cmd := exec.Command("sh", "install.sh", "--version", "v9.9.9", "--bin-dir", bin)
		cmd.Dir = root(t)
		cmd.Env = append(cleanEnv(t), "PYWARD_RELEASE_URL=file://"+rel)
		out, err := cmd.CombinedOutput()
		if err == nil {
			v, _ := exec.Command(filepath.Join(bin, "pyward")).Output()
			out = append(out, v...)
		}
		return string(out), err
	}
	os.WriteFile(filepath.Join(ver, "checksums.txt"), []byte(good), 0o644)
	if out, err := install(); err != nil || !strings.Contains(out, "checksum verified") || !strings.Contains(out, "pyward v9.9.9") {
		t.Errorf("matching checksum: %v\n%s", err, out)
	}
	bad := strings.Repeat("0", 64) + "  " + archive + "\n"
	os.WriteFile(filepath.Join(ver, "checksums.txt"), []byte(bad), 0o644)
	if out, err := install(); err == nil || !strings.Contains(out, "checksum mismatch for "+archive) {
		t.Errorf("tampered checksum: %v\n%s", err, out)
	}
}
