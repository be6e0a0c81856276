// Package engines runs external scanners (Bandit, Semgrep) beside
// pyward's own rules, on exactly the contents pyward assesses, and turns
// their output into findings. An engine that is missing, slow, crashes or
// prints something unreadable produces a notice, never a silent gap and
// never the end of the scan. The executable is always found on PATH or
// named on the command line, never taken from a repository's files.
package engines

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/pyward/pyward/rules"
)

// Finding is one result of an external engine, at a path relative to
// the scanned root.
type Finding struct {
	Engine               string // "bandit", "semgrep"
	Rule                 string // the engine's own rule ID: B602, python.lang.security...
	Name                 string // the rule's name, when the engine gives one
	Path                 string
	Line, Column         int // 1-based; Column 0 when unknown
	EndLine, EndColumn   int
	Severity, Confidence rules.Level
	Message              string
	CWE                  int
	// BanditID is the Bandit check a finding corresponds to (B602),
	// for merging with pyward's rule of the same ID; "" when none.
	BanditID string
}

// File is one file to give the engines: its path relative to the scan's
// root and its content (the staged blob, the commit's blob or the file).
type File struct {
	Path string
	Data []byte
}

// Engine is an external scanner.
type Engine interface {
	Name() string
	// Run scans the files, written under dir at their paths, and returns
	// findings with paths relative to dir.
	Run(ctx context.Context, dir string, paths []string) ([]Finding, error)
}

// Options are what the command line and configuration say about one
// engine.
type Options struct {
	Exe     string        // the executable (from PATH or a flag)
	Timeout time.Duration // 0: DefaultTimeout
	Args    []string      // extra arguments
	Config  []string      // rule sources (Semgrep)
}

// DefaultTimeout bounds an engine run when the configuration says nothing.
const DefaultTimeout = 120 * time.Second

// Notice is what a scan reports about an engine that did not deliver.
type Notice struct {
	Engine, Msg string
}

func (n Notice) String() string { return n.Engine + ": " + n.Msg }

// Run writes files to a private temporary folder (mode 0700), runs each
// engine on it with its timeout, and removes the folder. It returns the
// findings of the engines that worked and a notice for each that did not.
func Run(engines []Engine, timeouts map[string]time.Duration, files []File) ([]Finding, []Notice) {
	if len(engines) == 0 || len(files) == 0 {
		return nil, nil
	}
	dir, err := os.MkdirTemp("", "pyward-engines-")
	if err != nil {
		return nil, []Notice{{"engines", "cannot create a temporary folder: " + err.Error()}}
	}
	defer os.RemoveAll(dir)
	if err := os.Chmod(dir, 0o700); err != nil {
		return nil, []Notice{{"engines", err.Error()}}
	}
	var paths []string
	for _, f := range files {
		rel := filepath.FromSlash(f.Path)
		if !filepath.IsLocal(rel) {
			continue // a path outside the root (stdin's name, ../x): not given to engines
		}
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			return nil, []Notice{{"engines", err.Error()}}
		}
		if err := os.WriteFile(p, f.Data, 0o600); err != nil {
			return nil, []Notice{{"engines", err.Error()}}
		}
		paths = append(paths, filepath.ToSlash(rel))
	}
	var all []Finding
	var notices []Notice
	for _, e := range engines {
		t := timeouts[e.Name()]
		if t <= 0 {
			t = DefaultTimeout
		}
		ctx, cancel := context.WithTimeout(context.Background(), t)
		fs, err := e.Run(ctx, dir, paths)
		timedOut := ctx.Err() == context.DeadlineExceeded
		cancel()
		switch {
		case timedOut:
			notices = append(notices, Notice{e.Name(), fmt.Sprintf("timed out after %s; its findings are missing from this scan", t)})
		case err != nil:
			notices = append(notices, Notice{e.Name(), err.Error() + "; its findings are missing from this scan"})
		default:
			all = append(all, fs...)
		}
	}
	return all, notices
}

// run starts an engine's process without a shell in dir and returns its
// standard output. Exit codes in okCodes are success (Bandit exits 1 when
// it finds something).
func run(ctx context.Context, dir, exe string, args []string, okCodes ...int) ([]byte, error) {
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	// A killed engine's children must not keep the pipes open.
	cmd.WaitDelay = 2 * time.Second
	err := cmd.Run()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		for _, c := range okCodes {
			if ee.ExitCode() == c {
				return out.Bytes(), nil
			}
		}
		return nil, fmt.Errorf("exited with status %d: %s", ee.ExitCode(), firstLine(errb.String()))
	}
	if err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// firstLine keeps an engine's error output short in a notice.
func firstLine(s string) string {
	s = strings.TrimSpace(s)
	lines := strings.Split(s, "\n")
	last := strings.TrimSpace(lines[len(lines)-1]) // Python tracebacks end with the error
	if len(last) > 200 {
		last = last[:200] + "…"
	}
	if last == "" {
		return "no error output"
	}
	return last
}

// level reads LOW/MEDIUM/HIGH in any case.
func level(s string) rules.Level {
	l, err := rules.ParseLevel(s)
	if err != nil {
		return rules.Medium
	}
	return l
}

// forbiddenArgs are engine options that write files or change the output
// pyward reads. Extra arguments come from a repository's configuration,
// which in CI is a pull request's: `-o ~/.bashrc` must not be a way to
// overwrite files on the runner.
var forbiddenArgs = map[string][]string{
	"bandit":  {"-o", "--output", "-f", "--format", "--msg-template", "-r", "--recursive", "-x", "--exclude"},
	"semgrep": {"-o", "--output", "--json", "--sarif", "--text", "--emacs", "--vim", "--junit-xml", "--gitlab-sast", "--gitlab-secrets", "--json-output", "--sarif-output", "--text-output", "--emacs-output", "--vim-output", "--junit-xml-output", "--gitlab-sast-output", "--gitlab-secrets-output", "--dump-command-for-core", "--time"},
}

// CheckArgs refuses extra arguments that would write files or change the
// output format the adapter parses.
func CheckArgs(engine string, args []string) error {
	for _, a := range args {
		name, _, _ := strings.Cut(a, "=")
		for _, f := range forbiddenArgs[engine] {
			if name == f || len(f) == 2 && strings.HasPrefix(a, f) && !strings.HasPrefix(a, "--") {
				return fmt.Errorf("engines.%s.args: %q is not allowed: pyward chooses where and how %s writes its results", engine, a, engine)
			}
		}
	}
	return nil
}
