package main

import (
	"path/filepath"

	"github.com/pyward/pyward/config"
	"github.com/urfave/cli/v2"
)

// The adoption settings of the configuration (baseline: and new-only:)
// apply wherever no flag says otherwise, so that the installed hook and
// the pre-commit hooks, which run a fixed command, honour them. The
// baseline command writes a baseline: it uses neither.

// adoptNewOnly is whether only changed lines are judged: --new-only, else
// the configuration's new-only for staged and changed scans (a path scan
// has no changed lines).
func adoptNewOnly(c *cli.Context, cmd string, cfg *config.Config, staged bool, changed string) bool {
	if c.IsSet("new-only") || cmd == "pyward baseline" {
		return c.Bool("new-only")
	}
	return cfg.NewOnly && (staged || changed != "")
}

// adoptBaseline is the baseline file to use: --baseline, else the
// configuration's baseline, relative to the configuration's folder.
func adoptBaseline(c *cli.Context, cmd string, cfg *config.Config) string {
	if p := c.String("baseline"); p != "" || cmd == "pyward baseline" {
		return p
	}
	if cfg.Baseline == "" || filepath.IsAbs(cfg.Baseline) {
		return cfg.Baseline
	}
	return filepath.Join(cfg.Dir, filepath.FromSlash(cfg.Baseline))
}
