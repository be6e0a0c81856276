package main

import (
	"path/filepath"

	"fmt"
	"github.com/pyward/pyward/assess"
	"sort"
	"strings"

	"github.com/pyward/pyward/collect"
	"gopkg.in/yaml.v3"

	"github.com/urfave/cli/v2"
)

func configCommand() *cli.Command {
	return &cli.Command{
		Name:      "config",
		Usage:     "print the effective configuration and where each value came from",
		ArgsUsage: "[PATH] (a file or folder: the configuration that applies to it, the nearest above it; default .)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "config", Usage: "configuration file (default: .pyward.yaml found upward to the repository root)"},
			&cli.BoolFlag{Name: "from-bandit", Usage: "print the .pyward.yaml equivalent to a Bandit configuration: the FILE given (.bandit, Bandit's YAML, pyproject.toml with [tool.bandit]), else the one found here"},
		},
		Action: func(c *cli.Context) error {
			if c.Bool("from-bandit") {
				return fromBandit(c)
			}
			base := "."
			if c.NArg() > 0 {
				base = c.Args().First()
			}
			cfg, err := loadConfig(c.String("config"), base, collect.Root(base))
			if err == nil {
				err = cfg.Check(catalog{})
			}
			if err != nil {
				return &statusError{exitError, "pyward: " + err.Error()}
			}
			// Which configuration applies to PATH, and whether it excludes it.
			applies := "the defaults (no .pyward.yaml or [tool.pyward] above it)"
			if cfg.File != "" {
				applies = cfg.File
			}
			fmt.Fprintf(c.App.Writer, "# %s is judged under %s\n", base, applies)
			if abs, err := filepath.Abs(base); err == nil && cfg.Excludes(abs, collect.Root(base), assess.MatchGlob) {
				fmt.Fprintf(c.App.Writer, "# %s is excluded by its exclude globs: it is not scanned\n", base)
			}
			values := map[string]any{
				"policy": cfg.Policy, "fail-on": cfg.FailOn, "report": cfg.Report, "exclude": cfg.Exclude,
				"points": cfg.Points, "levels": cfg.Levels, "triggers": cfg.Triggers,
				"syntax-error": cfg.SyntaxError, "trusted": cfg.Trusted, "rules": cfg.Rules, "engines": cfg.Engines,
				"flow": cfg.Flow,
			}
			keys := make([]string, 0, len(values))
			for k := range values {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				b, _ := yaml.Marshal(map[string]any{k: values[k]})
				fmt.Fprintf(c.App.Writer, "# %s: from %s\n%s", k, cfg.Origin[k], strings.TrimPrefix(string(b), "\n"))
			}
			return nil
		},
	}
}
