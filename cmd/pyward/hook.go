package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/pyward/pyward/hook"
	"github.com/urfave/cli/v2"
)

func hookCommand() *cli.Command {
	return &cli.Command{
		Name:  "hook",
		Usage: "install or remove the git pre-commit and pre-merge-commit hooks that run pyward scan --staged",
		Subcommands: []*cli.Command{
			{
				Name:  "install",
				Usage: "write the pre-commit and pre-merge-commit hooks in the hooks folder git uses (core.hooksPath respected)",
				Flags: []cli.Flag{
					&cli.BoolFlag{Name: "force", Usage: "replace a hook that is not pyward's, keeping it as pre-commit.pyward-backup"},
				},
				Action: func(c *cli.Context) error {
					r, err := hook.Open(".")
					if err != nil {
						return &statusError{exitError, "pyward: " + err.Error()}
					}
					self, err := os.Executable()
					if err != nil {
						self = "pyward"
					}
					paths, err := r.Install(self, c.Bool("force"))
					if err != nil {
						return &statusError{exitError, "pyward: " + err.Error()}
					}
					fmt.Fprintf(c.App.Writer, "pyward: installed %s: commits and merges now run pyward scan --staged\n", strings.Join(paths, " and "))
					fmt.Fprintln(c.App.Writer, "pyward: git runs no hook for rebase, cherry-pick, am or --amend of what is already committed; scan --changed in CI covers those")
					return nil
				},
			},
			{
				Name:  "uninstall",
				Usage: "remove pyward's hooks (restoring those that install --force replaced)",
				Action: func(c *cli.Context) error {
					r, err := hook.Open(".")
					if err != nil {
						return &statusError{exitError, "pyward: " + err.Error()}
					}
					msg, err := r.Uninstall()
					if err != nil {
						return &statusError{exitError, "pyward: " + err.Error()}
					}
					fmt.Fprintln(c.App.Writer, "pyward: "+msg)
					return nil
				},
			},
		},
	}
}
