package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/collect"
	"github.com/pyward/pyward/config"
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
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "what goes to standard output: text, json, sarif or github"},
			&cli.StringFlag{Name: "sarif", Usage: "also write SARIF to this file (atomically)"},
			&cli.StringFlag{Name: "sarif-category", Value: "pyward", Usage: "SARIF automationDetails.id, so that different scans do not close each other's alerts"},
			&cli.StringFlag{Name: "fail-on", Usage: "file level that blocks: low, medium, high, blocked or never (default from config: high)"},
			&cli.StringFlag{Name: "report", Usage: "lowest finding severity shown: low, medium or high (default from config: low)"},
			&cli.StringFlag{Name: "config", Usage: "configuration file (default: .pyward.yaml found upward to the repository root)"},
			&cli.BoolFlag{Name: "ignore-suppressions", Usage: "audit mode: # nosec, # noqa and # pyward: ignore are not honoured"},
			&cli.StringFlag{Name: "stdin-filename", Value: "stdin.py", Usage: "the path to report for -"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "workers (default: number of CPUs)"},
		},
		Action: scan,
	}
}

func scan(c *cli.Context) error {
	args := c.Args().Slice()
	if len(args) == 0 {
		args = []string{"."}
	}
	format := c.String("format")
	if format != "text" && format != "json" && format != "sarif" && format != "github" {
		return &statusError{exitError, fmt.Sprintf("pyward scan: unknown --format %q (text, json, sarif or github)", format)}
	}
	base := "."
	if args[0] != "-" {
		base = args[0]
		if st, err := os.Stat(base); err == nil && !st.IsDir() {
			base = filepath.Dir(base)
		}
	}
	root := collect.Root(base)
	cfg, err := loadConfig(c.String("config"), base, root)
	if err != nil {
		return &statusError{exitError, "pyward: " + err.Error()}
	}
	if v := c.String("fail-on"); v != "" {
		if _, ok := assess.ParseFileLevel(v); !ok && v != "never" {
			return &statusError{exitError, fmt.Sprintf("pyward scan: --fail-on %q is not one of low, medium, high, blocked, never", v)}
		}
		cfg.FailOn, cfg.Origin["fail-on"] = strings.ToLower(v), "--fail-on"
	}
	if v := c.String("report"); v != "" {
		cfg.Report, cfg.Origin["report"] = strings.ToLower(v), "--report"
	}
	reportLevel, err := rules.ParseLevel(cfg.Report)
	if err != nil {
		return &statusError{exitError, "pyward scan: --report: " + err.Error()}
	}

	var inputs []assess.Input
	var paths []string
	for _, a := range args {
		if a == "-" {
			inputs = append(inputs, collect.Stdin(c.App.Reader, c.String("stdin-filename")))
		} else {
			paths = append(paths, a)
		}
	}
	if len(paths) > 0 {
		more, err := collect.Paths(paths, root, cfg.Exclude, cfg.Dir)
		if err != nil {
			return &statusError{exitError, "pyward: " + err.Error()}
		}
		inputs = append(inputs, more...)
	}

	a, err := assess.New(cfg)
	if err != nil {
		return &statusError{exitError, "pyward: " + err.Error()}
	}
	a.IgnoreSuppressions = c.Bool("ignore-suppressions")
	prog := startProgress(c.App.ErrWriter, len(inputs), c.App.ErrWriter == os.Stderr && isTerminal(os.Stderr))
	a.Done = prog.fileDone
	results := a.Run(inputs, c.Int("jobs"))
	prog.finish()

	opts := report.Options{Version: Version(), FailOn: cfg.FailOn, Report: reportLevel, Color: colorWanted(c)}
	sarifOpts := sarif.Options{Version: Version(), Category: c.String("sarif-category"), HelpURI: rulesDocURI}
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
	default:
		err = report.Text(c.App.Writer, results, opts)
	}
	if err != nil {
		return &statusError{exitError, "pyward: " + err.Error()}
	}
	for _, r := range results {
		if r.Error != "" && r.Error != collect.NotPython {
			return &statusError{exitError, fmt.Sprintf("pyward: %s: %s", r.Path, r.Error)}
		}
	}
	if report.Summarize(results, opts).Blocked {
		return &statusError{exitBlocked, ""}
	}
	return nil
}

// rulesDocURI is where each rule's help lives (SARIF helpUri).
const rulesDocURI = "https://github.com/pyward/pyward/blob/main/docs/rules.md"

// loadConfig reads --config, else the .pyward.yaml found upward from the
// scanned path to the repository root, else the defaults.
func loadConfig(flag, base, root string) (*config.Config, error) {
	if flag != "" {
		return config.LoadFile(flag)
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
