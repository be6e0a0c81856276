package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/assess/engines"
	"github.com/pyward/pyward/collect"
	"github.com/pyward/pyward/config"
	"github.com/pyward/pyward/hook"
	"github.com/pyward/pyward/report"
	"github.com/pyward/pyward/rules"
	"github.com/pyward/pyward/sarif"
	"github.com/urfave/cli/v2"
)

func scanCommand() *cli.Command {
	return &cli.Command{
		Name:      "scan",
		Usage:     "assess Python files and block what crosses the threshold",
		ArgsUsage: "[PATH...] (files or folders; - reads standard input)",
		Description: "Exit status: 0 when no file is at or above --fail-on, 1 when one is, " +
			"2 on a usage, configuration or read error.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "what goes to standard output: text, json, sarif, github, gitlab-sast (GitLab security report) or gitlab (GitLab Code Quality)"},
			&cli.StringFlag{Name: "sarif", Usage: "also write SARIF to this file (atomically)"},
			&cli.StringFlag{Name: "sarif-category", Value: "pyward", Usage: "SARIF automationDetails.id, so that different scans do not close each other's alerts"},
			&cli.StringFlag{Name: "fail-on", Usage: "file level that blocks: low, medium, high, blocked or never (default from config: high)"},
			&cli.StringFlag{Name: "report", Usage: "lowest finding severity shown: low, medium or high (default from config: low)"},
			&cli.StringFlag{Name: "config", Usage: "configuration file (default: .pyward.yaml found upward to the repository root)"},
			&cli.StringFlag{Name: "policy", Usage: "standard, or strict for code about to run unreviewed (overrides the configuration's policy)"},
			&cli.BoolFlag{Name: "ignore-suppressions", Usage: "audit mode: # nosec, # noqa and # pyward: ignore are not honoured"},
			&cli.StringFlag{Name: "stdin-filename", Value: "stdin.py", Usage: "the path to report for -"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "text format: print nothing when the scan passes"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "workers, at least 1", DefaultText: "number of CPUs"},
		}, sourceFlags...),
		Action: scan,
	}
}

// sourceFlags choose what is scanned besides paths, and what counts; the
// baseline command takes them too.
var sourceFlags = []cli.Flag{
	&cli.BoolFlag{Name: "staged", Usage: "scan what is staged for commit: index blobs of files that differ from HEAD (GIT_INDEX_FILE honoured)"},
	&cli.StringFlag{Name: "changed", Usage: "scan files changed between merge-base(`REV`, HEAD) and HEAD, content at HEAD"},
	&cli.BoolFlag{Name: "new-only", Usage: "with --staged or --changed: only findings on added or changed lines score, show and block"},
	&cli.StringFlag{Name: "baseline", Usage: "findings recorded in this baseline `FILE` (pyward baseline) do not score or block"},
	&cli.StringFlag{Name: "engines", Usage: "engines to run: native (always), bandit, semgrep, comma-separated; a listed engine that cannot run is an error (default from the configuration's engines section: none)"},
	&cli.StringFlag{Name: "bandit", Usage: "the Bandit executable (default: bandit on PATH; never taken from a configuration file)"},
	&cli.StringFlag{Name: "semgrep", Usage: "the Semgrep executable (default: semgrep on PATH; never taken from a configuration file)"},
}

func scan(c *cli.Context) error {
	format := c.String("format")
	switch format {
	case "text", "json", "sarif", "github", "gitlab-sast", "gitlab":
	default:
		return &statusError{exitError, fmt.Sprintf("pyward scan: unknown --format %q (text, json, sarif, github, gitlab-sast or gitlab)", format)}
	}
	started := time.Now()
	run, err := prepare(c, c.Args().Slice(), "pyward scan")
	if err != nil {
		return err
	}
	results := run.assess(c)
	notJudged(c, results)

	opts := report.Options{Version: Version(), FailOn: run.cfg.FailOn, Report: run.reportLevel, Color: colorWanted(c), Quiet: c.Bool("quiet"), Notices: run.notices,
		SkippedDirs: run.skippedDirs, Excluded: run.excluded, TextPath: run.textPath}
	for _, n := range run.notices {
		fmt.Fprintln(c.App.ErrWriter, "pyward: notice: "+n)
	}
	if run.a.Baseline != nil {
		opts.Absent = run.a.Baseline.Absent(results)
	}
	category := c.String("sarif-category")
	if !c.IsSet("sarif-category") && run.partial != "" {
		// A partial scan must not close the alerts of a full one.
		category += "-" + run.partial
	}
	sarifOpts := sarif.Options{Version: Version(), Category: category, HelpURI: rulesDocURI, Notices: run.notices}
	if p := c.String("sarif"); p != "" {
		if err := sarif.WriteFile(p, results, sarifOpts); err != nil {
			return &statusError{exitError, "pyward: writing SARIF: " + err.Error()}
		}
	}
	switch format {
	case "github":
		err = report.GitHub(c.App.Writer, results, opts)
		if err == nil {
			err = report.SummaryMarkdown(results, opts)
		}
	case "sarif":
		err = sarif.Write(c.App.Writer, results, sarifOpts)
	case "json":
		err = report.JSON(c.App.Writer, results, opts)
	case "gitlab-sast":
		err = report.GitLabSAST(c.App.Writer, results, opts, report.GitLabTimes{Start: started, End: time.Now()})
	case "gitlab":
		err = report.GitLabCodeQuality(c.App.Writer, results, opts)
	default:
		err = report.Text(c.App.Writer, results, opts)
	}
	if err != nil {
		return &statusError{exitError, "pyward: " + err.Error()}
	}
	if report.Summarize(results, opts).Blocked {
		return &statusError{exitBlocked, ""}
	}
	return nil
}

// notJudged says on standard error which files were not judged, whatever
// the format: their PW001 findings block, and a script reading only the
// exit status deserves the reason.
func notJudged(c *cli.Context, results []assess.FileResult) {
	for _, r := range results {
		if r.Error != "" {
			fmt.Fprintf(c.App.ErrWriter, "pyward: notice: %s: not judged: %s\n", r.Path, r.Error)
		}
	}
}

// scanRun is a scan made ready: its configuration, its inputs and the
// assessor that will judge them.
type scanRun struct {
	cfg         *config.Config
	reportLevel rules.Level
	inputs      []assess.Input
	a           *assess.Assessor
	partial     string // "staged" or "changed" for scans of part of the repository
	notices     []string
	// root is what reported paths are relative to; tree gives each file
	// its configuration, and assessors the assessor of each configuration.
	root      string
	tree      *config.Tree
	assessors map[*config.Config]*assess.Assessor
	// skippedDirs and excluded count what the walk left out.
	skippedDirs, excluded int
	// stdin is the name standard input is reported under, as given
	// (relative to the current folder), when it is read.
	stdin string
	// wd is the current folder, read once for textPath (the system is
	// asked twice each time Getwd runs, and the text names every file).
	wd func() (string, error)
}

// externalEngines runs the engines that --engines or the configuration
// ask for on the inputs, and attaches their findings to each input. An
// engine named in --engines, or enabled with "true", that cannot be found
// is an error; under "auto" it is a notice. An engine that fails while
// running is a notice: native results stand.
func (r *scanRun) externalEngines(c *cli.Context) error {
	want := map[string]string{} // engine -> "required" or "auto"
	if list := c.String("engines"); list != "" {
		for _, e := range strings.Split(list, ",") {
			switch e = strings.TrimSpace(e); e {
			case "native", "":
			case "bandit", "semgrep":
				want[e] = "required"
			default:
				return &statusError{exitError, fmt.Sprintf("pyward: --engines: unknown engine %q (native, bandit, semgrep)", e)}
			}
		}
	} else {
		for name, ec := range r.cfg.Engines {
			switch ec.Enabled {
			case "true":
				want[name] = "required"
			case "auto":
				want[name] = "auto"
			}
		}
	}
	var list []engines.Engine
	timeouts := map[string]time.Duration{}
	for _, name := range []string{"bandit", "semgrep"} {
		mode, ok := want[name]
		if !ok {
			continue
		}
		ec := r.cfg.Engines[name]
		exe := c.String(name)
		if exe == "" {
			exe = name
		}
		path, err := exec.LookPath(exe)
		if err != nil {
			msg := fmt.Sprintf("%s: not found (%s); install it or name it with --%s", name, exe, name)
			if mode == "required" {
				return &statusError{exitError, "pyward: engine " + msg}
			}
			r.notices = append(r.notices, msg+"; it did not run")
			continue
		}
		if err := engines.CheckArgs(name, ec.Args); err != nil {
			return &statusError{exitError, "pyward: " + err.Error()}
		}
		opts := engines.Options{Exe: path, Args: ec.Args, Config: ec.Config}
		if ec.Timeout != "" {
			timeouts[name], _ = time.ParseDuration(ec.Timeout) // validated when the configuration was read
		}
		if name == "bandit" {
			list = append(list, &engines.Bandit{Options: opts})
		} else {
			list = append(list, &engines.Semgrep{Options: opts})
		}
	}
	if len(list) == 0 {
		return nil
	}
	var files []engines.File
	for i := range r.inputs {
		// The engines read the files now, so pyward reads them now too.
		r.inputs[i] = r.inputs[i].Loaded()
		in := r.inputs[i]
		if in.Err == "" && in.Data != nil {
			files = append(files, engines.File{Path: in.Path, Data: in.Data})
		}
	}
	found, notices := engines.Run(list, timeouts, files)
	for _, n := range notices {
		r.notices = append(r.notices, n.String())
	}
	byPath := map[string][]engines.Finding{}
	for _, f := range found {
		byPath[f.Path] = append(byPath[f.Path], f)
	}
	for i := range r.inputs {
		r.inputs[i].External = byPath[r.inputs[i].Path]
	}
	return nil
}

// prepare reads the flags shared by scan and baseline, the configuration
// and the inputs: paths from the working tree, standard input, or git's
// staged or changed files. Each file is judged under the configuration
// nearest above it (config.Tree); the scan's own settings (report,
// engines, the fail-on the summary names) come from the configuration of
// the root.
func prepare(c *cli.Context, args []string, cmd string) (*scanRun, error) {
	staged, changed, newOnly := c.Bool("staged"), c.String("changed"), c.Bool("new-only")
	switch {
	case staged && changed != "":
		return nil, usageError(cmd, "--staged and --changed cannot be combined")
	case (staged || changed != "") && len(args) > 0:
		return nil, usageError(cmd, "--staged and --changed scan what git reports; give no paths")
	case newOnly && !staged && changed == "":
		return nil, usageError(cmd, "--new-only needs --staged or --changed")
	case c.IsSet("jobs") && c.Int("jobs") < 1:
		return nil, usageError(cmd, fmt.Sprintf("-j %d: the number of workers must be at least 1", c.Int("jobs")))
	}
	if v := c.String("fail-on"); v != "" {
		if _, ok := assess.ParseFileLevel(v); !ok && !strings.EqualFold(v, "never") {
			return nil, usageError(cmd, fmt.Sprintf("--fail-on %q is not one of low, medium, high, blocked, never", v))
		}
	}
	if v := c.String("report"); v != "" {
		if _, err := rules.ParseLevel(v); err != nil {
			return nil, usageError(cmd, "--report: "+err.Error())
		}
	}
	run := &scanRun{wd: sync.OnceValues(os.Getwd)}
	var repo *hook.Repo
	root := ""
	if staged || changed != "" {
		var err error
		if repo, err = hook.Open("."); err != nil {
			return nil, &statusError{exitError, "pyward: " + err.Error()}
		}
		root = repo.Root
	} else {
		if len(args) == 0 {
			args = []string{"."}
		}
		root = collect.CommonRoot(args)
	}
	run.root = root
	tree := &config.Tree{Root: collect.Root(root), Adjust: func(cfg *config.Config) error {
		if err := cfg.Check(catalog{}); err != nil {
			return err
		}
		if v := c.String("policy"); v != "" {
			if err := cfg.ApplyPreset(v, "--policy"); err != nil {
				return usageError(cmd, "--policy: "+err.Error())
			}
		}
		if v := c.String("fail-on"); v != "" {
			cfg.FailOn, cfg.Origin["fail-on"] = strings.ToLower(v), "--fail-on"
		}
		if v := c.String("report"); v != "" {
			cfg.Report, cfg.Origin["report"] = strings.ToLower(v), "--report"
		}
		return nil
	}}
	if f := c.String("config"); f != "" {
		cfg, err := config.LoadFile(f)
		if err == nil {
			err = tree.Adjust(cfg)
		}
		if err != nil {
			return nil, configError(err)
		}
		tree.Fixed = cfg
	}
	run.tree = tree
	cfg, err := tree.ForDir(root)
	if err != nil {
		return nil, configError(err)
	}
	if run.reportLevel, err = rules.ParseLevel(cfg.Report); err != nil {
		return nil, usageError(cmd, "--report: "+err.Error())
	}
	run.cfg = cfg
	newOnly = adoptNewOnly(c, cmd, cfg, staged, changed)
	// The configuration files judged for secrets (the secrets section).
	switch {
	case cfg.Secrets.Enabled != nil && !*cfg.Secrets.Enabled:
		collect.SecretFiles = nil
	case len(cfg.Secrets.Files) > 0:
		collect.SecretFiles = cfg.Secrets.Files
	default:
		collect.SecretFiles = collect.DefaultSecretFiles
	}

	// excluded applies the configuration of each file or folder; the
	// first configuration error stops the scan.
	var cfgErr error
	excluded := func(abs string, dir bool) bool {
		var fc *config.Config
		var err error
		if dir {
			// The folder holding it decides whether a folder is walked into,
			// as it would for a file there.
			fc, err = tree.ForDir(filepath.Dir(abs))
		} else {
			fc, err = tree.ForFile(abs)
		}
		if err != nil {
			if cfgErr == nil {
				cfgErr = err
			}
			return true
		}
		return fc.Excludes(abs, root, assess.MatchGlob)
	}

	switch {
	case repo != nil:
		var files []hook.File
		var notices []hook.Notice
		if staged {
			run.partial = "staged"
			files, notices, err = repo.Staged()
		} else {
			run.partial = "changed"
			files, notices, err = repo.Changed(changed)
		}
		if err != nil {
			return nil, &statusError{exitError, "pyward: " + err.Error()}
		}
		for _, n := range notices {
			fmt.Fprintf(c.App.ErrWriter, "pyward: %s: %s\n", n.Path, n.Msg)
		}
		run.inputs = collect.Blobs(repo, files, excluded, newOnly)
		if cfgErr != nil {
			return nil, configError(cfgErr)
		}
		// In CI the configuration is the pull request's own: say so when the
		// change edits one, since it can exclude files or relax the policy.
		changedFiles := map[string]bool{}
		for _, f := range files {
			changedFiles[f.Path] = true
		}
		for _, file := range tree.Files() {
			if abs, err := filepath.Abs(file); err == nil {
				if rel, err := filepath.Rel(repo.Root, abs); err == nil && changedFiles[filepath.ToSlash(rel)] {
					run.notices = append(run.notices, "configuration: "+filepath.ToSlash(rel)+" is itself changed; the scan used the changed version, so review its settings (excludes, policy, trusted paths)")
				}
			}
		}
	default:
		var paths []string
		stdin := false
		for _, a := range args {
			if a != "-" {
				paths = append(paths, a)
			} else if !stdin {
				stdin = true
				in, err := collect.Stdin(c.App.Reader, c.String("stdin-filename"))
				if err != nil {
					return nil, usageError(cmd, err.Error())
				}
				run.stdin = in.Path // reported as given
				run.inputs = append(run.inputs, in)
			}
		}
		if len(paths) > 0 {
			opts := collect.Options{Root: root, Excluded: excluded}
			if r := collect.Root(root); r != "" {
				if gr, err := hook.Open(r); err == nil {
					if opts.Git, err = collect.NewGit(gr); err != nil {
						return nil, &statusError{exitError, "pyward: " + err.Error()}
					}
				}
			}
			res, err := collect.Paths(paths, opts)
			if err != nil {
				return nil, &statusError{exitError, "pyward: " + pathError(err)}
			}
			if cfgErr != nil {
				return nil, configError(cfgErr)
			}
			run.inputs = append(run.inputs, res.Inputs...)
			run.notices = append(run.notices, res.Notices...)
			run.skippedDirs, run.excluded = res.SkippedDirs, res.Excluded
		}
	}

	if err := run.externalEngines(c); err != nil {
		return nil, err
	}
	var baseline *assess.Baseline
	if p := adoptBaseline(c, cmd, cfg); p != "" {
		if baseline, err = assess.LoadBaseline(p); err != nil {
			return nil, &statusError{exitError, "pyward: " + err.Error()}
		}
	}
	run.assessors = map[*config.Config]*assess.Assessor{}
	for _, fc := range append([]*config.Config{cfg}, run.configs()...) {
		if run.assessors[fc] != nil {
			continue
		}
		a, err := assess.New(fc)
		if err != nil {
			return nil, configError(fmt.Errorf("%s: %w", configName(fc), err))
		}
		a.IgnoreSuppressions = c.Bool("ignore-suppressions")
		a.Baseline = baseline
		run.assessors[fc] = a
	}
	run.a = run.assessors[cfg]
	return run, nil
}

// configs returns the configuration of each input, in input order.
func (r *scanRun) configs() []*config.Config {
	out := make([]*config.Config, len(r.inputs))
	for i, in := range r.inputs {
		out[i], _ = r.configOf(in.Path)
		if out[i] == nil {
			out[i] = r.cfg
		}
	}
	return out
}

// textPath shows a reported path (relative to the root) relative to the
// current folder, as compilers do, so that a terminal can open it.
func (r *scanRun) textPath(p string) string {
	native := filepath.FromSlash(p)
	if filepath.IsAbs(native) || p == r.stdin {
		return p
	}
	wd, err := r.wd()
	if err != nil {
		return p
	}
	rel, err := filepath.Rel(wd, filepath.Join(r.root, native))
	if err != nil {
		return p
	}
	return filepath.ToSlash(rel)
}

// configOf is the configuration a reported path is judged under.
func (r *scanRun) configOf(p string) (*config.Config, error) {
	native := filepath.FromSlash(p)
	switch {
	case p == r.stdin && r.stdin != "":
		// Standard input is judged as if it were the file named, which
		// is relative to the current folder.
		if abs, err := filepath.Abs(native); err == nil {
			native = abs
		}
	case !filepath.IsAbs(native):
		native = filepath.Join(r.root, native)
	}
	return r.tree.ForFile(native)

}

// configName names a configuration in messages.
func configName(c *config.Config) string {
	if c.File == "" {
		return "the default configuration"
	}
	return "config " + c.File
}

// configError is a configuration error: exit status 2, said once.
func configError(err error) error {
	var se *statusError
	if errors.As(err, &se) {
		return se
	}
	return &statusError{exitError, "pyward: " + err.Error()}
}

// pathError words a path that cannot be scanned without Go's wording.
func pathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return pe.Path + ": no such file or folder"
		}
		return pe.Path + ": " + pe.Err.Error()
	}
	return err.Error()
}

// assess runs the assessment with a progress line on a terminal: each
// group of files sharing a configuration by its own assessor, results in
// the order of the inputs.
func (r *scanRun) assess(c *cli.Context) []assess.FileResult {
	prog := startProgress(c.App.ErrWriter, len(r.inputs), c.App.ErrWriter == os.Stderr && isTerminal(os.Stderr))
	groups := map[*assess.Assessor][]int{}
	var order []*assess.Assessor
	for i, fc := range r.configs() {
		a := r.assessors[fc]
		if groups[a] == nil {
			order = append(order, a)
		}
		groups[a] = append(groups[a], i)
	}
	if len(order) == 1 {
		// One configuration for every file (the common case): the
		// inputs as they are, without a copy of each held for the scan.
		a := order[0]
		a.Done = prog.fileDone
		results := a.Run(r.inputs, c.Int("jobs"))
		prog.finish()
		return results
	}
	results := make([]assess.FileResult, len(r.inputs))
	for _, a := range order {
		idx := groups[a]
		ins := make([]assess.Input, len(idx))
		for j, i := range idx {
			ins[j] = r.inputs[i]
			r.inputs[i].Data = nil
		}
		a.Done = prog.fileDone
		for j, res := range a.Run(ins, c.Int("jobs")) {
			results[idx[j]] = res
		}
	}
	prog.finish()
	return results
}

// rulesDocURI is where each rule's help lives (SARIF helpUri).
const rulesDocURI = "https://github.com/pyward/pyward/blob/main/docs/rules.md"

// loadConfig reads --config, else the .pyward.yaml found upward from the
// scanned path to the repository root, else the defaults.
func loadConfig(flag, base, root string) (*config.Config, error) {
	if flag != "" {
		return config.LoadFile(flag)
	}
	if st, err := os.Stat(base); err == nil && !st.IsDir() {
		base = filepath.Dir(base) // a file: the configuration nearest above it
	}
	if p := config.Find(base, root); p != "" {
		return config.LoadFile(p)
	}
	return config.Default(), nil
}

// colorWanted: colour only on a terminal, never with NO_COLOR or TERM=dumb.
func colorWanted(c *cli.Context) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" || c.App.Writer != os.Stdout {
		return false
	}
	return isTerminal(os.Stdout)
}
