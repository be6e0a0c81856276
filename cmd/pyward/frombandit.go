package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/pyward/pyward/config/frombandit"
	"github.com/urfave/cli/v2"
)

// banditConfigNames are where a project keeps its Bandit configuration,
// in the order they are looked for when no file is named.
var banditConfigNames = []string{".bandit", "bandit.yaml", "bandit.yml", ".bandit.yaml", ".bandit.yml", "pyproject.toml"}

// fromBandit prints the .pyward.yaml equivalent to a Bandit configuration
// (`pyward config --from-bandit [FILE]`); what has no equivalent is said in
// comments at its top and on standard error.
func fromBandit(c *cli.Context) error {
	file := c.Args().First()
	if file == "" {
		for _, n := range banditConfigNames {
			if data, err := os.ReadFile(n); err == nil && (n != "pyproject.toml" || hasToolBandit(data)) {
				file = n
				break
			}
		}
		if file == "" {
			return &statusError{exitError, "pyward config --from-bandit: no Bandit configuration here (.bandit, bandit.yaml or [tool.bandit] in pyproject.toml); name the file"}
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return &statusError{exitError, "pyward config --from-bandit: " + err.Error()}
	}
	res, err := frombandit.Convert(filepath.Base(file), data)
	if err != nil {
		return &statusError{exitError, "pyward config --from-bandit: " + err.Error()}
	}
	fmt.Fprint(c.App.Writer, res.YAML)
	if len(res.Notes) > 0 {
		fmt.Fprintf(c.App.ErrWriter, "pyward: converted %s; %d settings need a look (see the comments at the top)\n", file, len(res.Notes))
	}
	return nil
}

func hasToolBandit(pyproject []byte) bool {
	_, err := frombandit.Convert("pyproject.toml", pyproject)
	return err == nil
}
