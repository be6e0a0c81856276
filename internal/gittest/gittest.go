// Package gittest builds real git repositories for tests with the git
// command, isolated from the machine's git configuration. It is used only
// by tests.
package gittest

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Need skips the test when git is missing.
func Need(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found: this test builds real repositories with it (.ci/run installs it)")
	}
}

// Env is the environment git runs with: the process's, minus GIT_*
// variables, with no global or system configuration, a fixed identity and
// fixed dates, plus extra.
func Env(extra ...string) []string {
	env := []string{}
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "GIT_") {
			env = append(env, e)
		}
	}
	return append(env, append([]string{
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
		"GIT_AUTHOR_DATE=2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE=2026-01-01T00:00:00Z",
	}, extra...)...)
}

// Run runs git in dir and returns its trimmed output; failure fails the
// test.
func Run(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = Env()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Write writes a file (slash-separated name) under dir, making folders.
func Write(t testing.TB, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// New makes a repository on branch main with one commit holding files
// (no commit when files is empty).
func New(t testing.TB, files map[string]string) string {
	t.Helper()
	Need(t)
	dir := t.TempDir()
	Run(t, dir, "init", "-q", "-b", "main")
	for name, content := range files {
		Write(t, dir, name, content)
	}
	if len(files) > 0 {
		Run(t, dir, "add", "-A")
		Run(t, dir, "commit", "-q", "-m", "first")
	}
	return dir
}

// Snapshot hashes every path and file under dir, the .git folder included,
// so that a test can prove a scan changed nothing.
func Snapshot(t testing.TB, dir string) string {
	t.Helper()
	h := sha256.New()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		h.Write([]byte(rel + "\x00"))
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			h.Write(b)
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))
}
