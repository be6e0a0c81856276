package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/pyward/pyward/upload"
	"github.com/urfave/cli/v2"
)

// uploadCommand sends a SARIF file to GitHub code scanning from any CI:
// GitLab, Jenkins, Buildkite… where codeql-action does not run. The token
// comes only from GITHUB_TOKEN, never from a flag, so that it stays out of
// process listings and shell history.
func uploadCommand() *cli.Command {
	return &cli.Command{
		Name:      "upload",
		Usage:     "send a SARIF file to GitHub code scanning (token from GITHUB_TOKEN)",
		ArgsUsage: "FILE",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "repo", EnvVars: []string{"GITHUB_REPOSITORY"}, Usage: "the repository, `OWNER/NAME`"},
			&cli.StringFlag{Name: "commit", EnvVars: []string{"GITHUB_SHA"}, Usage: "the full `SHA` of the commit scanned"},
			&cli.StringFlag{Name: "ref", EnvVars: []string{"GITHUB_REF"}, Usage: "the `REF` scanned: refs/heads/BRANCH, or refs/pull/N/merge (or /head) for a pull request"},
			&cli.StringFlag{Name: "category", Usage: "the analysis `CATEGORY` (the runs' automationDetails.id), e.g. pyward-changed for partial scans"},
			&cli.StringFlag{Name: "api-url", EnvVars: []string{"GITHUB_API_URL"}, Value: "https://api.github.com", Usage: "GitHub's API (`URL`; GitHub Enterprise Server: https://HOST/api/v3)"},
			&cli.StringFlag{Name: "checkout", Usage: "the checkout's `DIR`, sent as checkout_uri so GitHub maps paths (default: none)"},
			&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "how long to wait for GitHub"},
		},
		Action: uploadSARIF,
	}
}

func uploadSARIF(c *cli.Context) error {
	if c.NArg() != 1 {
		return &statusError{exitError, "pyward upload: give one SARIF file (see pyward upload --help)"}
	}
	path := c.Args().First()
	raw, err := os.ReadFile(path)
	if err != nil {
		return &statusError{exitError, "pyward upload: " + err.Error()}
	}
	req := upload.Request{
		APIURL: c.String("api-url"), Repo: c.String("repo"), Token: os.Getenv("GITHUB_TOKEN"),
		CommitSHA: c.String("commit"), Ref: c.String("ref"), Category: c.String("category"),
		ToolName: "pyward", UserAgent: "pyward/" + Version(), SARIF: raw,
	}
	if dir := c.String("checkout"); dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return &statusError{exitError, "pyward upload: " + err.Error()}
		}
		req.CheckoutURI = "file://" + filepath.ToSlash(abs)
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.Duration("timeout"))
	defer cancel()
	res, err := upload.Send(ctx, &http.Client{}, req)
	if err != nil {
		return &statusError{exitError, fmt.Sprintf("pyward upload: %s: %v", path, err)}
	}
	fmt.Fprintf(c.App.Writer, "pyward upload: %s accepted by GitHub as %s\n", path, res.ID)
	if res.URL != "" {
		fmt.Fprintf(c.App.Writer, "processing status: %s\n", res.URL)
	}
	return nil
}
