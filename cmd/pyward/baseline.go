package main

import (
	"fmt"

	"github.com/pyward/pyward/assess"
	"github.com/urfave/cli/v2"
)

func baselineCommand() *cli.Command {
	return &cli.Command{
		Name:      "baseline",
		Usage:     "record today's findings so that they do not score or block (scan --baseline FILE)",
		ArgsUsage: "FILE [PATH...] (the baseline to write, then what to scan, as for scan)",
		Description: "Adopting pyward on an existing codebase: the findings recorded here are known, " +
			"and a scan with --baseline FILE reports and blocks only on new ones. Findings are matched " +
			"by rule, path and the text of the flagged lines, not by line number, and by count. " +
			"Suppressed findings are not recorded. Exit status: 0 written, 2 on an error.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "config", Usage: "configuration file (default: .pyward.yaml found upward to the repository root)"},
			&cli.BoolFlag{Name: "ignore-suppressions", Usage: "record suppressed findings too"},
			&cli.StringFlag{Name: "stdin-filename", Value: "stdin.py", Usage: "the path to report for -"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "workers (default: number of CPUs)"},
			&cli.StringFlag{Name: "fail-on", Hidden: true},
			&cli.StringFlag{Name: "report", Hidden: true},
			sourceFlags[0], sourceFlags[1],
		},
		Action: func(c *cli.Context) error {
			if c.NArg() < 1 {
				return &statusError{exitError, "usage: pyward baseline FILE [PATH...]"}
			}
			out := c.Args().First()
			run, err := prepare(c, c.Args().Tail(), "pyward baseline")
			if err != nil {
				return err
			}
			results := run.assess(c)
			notJudged(c, results) // never recorded: they block until judged
			entries := assess.BaselineEntries(results)
			if err := assess.WriteBaseline(out, entries); err != nil {
				return &statusError{exitError, "pyward: writing the baseline: " + err.Error()}
			}
			n := 0
			for _, e := range entries {
				n += e.Count
			}
			fmt.Fprintf(c.App.ErrWriter, "pyward: recorded %d findings of %d files in %s\n", n, len(results), out)
			return nil
		},
	}
}
