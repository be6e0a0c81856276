package engines

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
)

// Bandit runs `bandit -f json` on the files.
type Bandit struct{ Options }

func (b *Bandit) Name() string { return "bandit" }

// banditReport is the part of Bandit's JSON output pyward reads (1.6 and
// later; col_offset and end_col_offset exist from 1.7).
type banditReport struct {
	Results []struct {
		Filename        string `json:"filename"`
		LineNumber      int    `json:"line_number"`
		LineRange       []int  `json:"line_range"`
		ColOffset       *int   `json:"col_offset"`
		EndColOffset    *int   `json:"end_col_offset"`
		TestID          string `json:"test_id"`
		TestName        string `json:"test_name"`
		IssueSeverity   string `json:"issue_severity"`
		IssueConfidence string `json:"issue_confidence"`
		IssueText       string `json:"issue_text"`
		IssueCWE        *struct {
			ID int `json:"id"`
		} `json:"issue_cwe"`
	} `json:"results"`
	Errors []struct {
		Filename string `json:"filename"`
		Reason   string `json:"reason"`
	} `json:"errors"`
}

func (b *Bandit) Run(ctx context.Context, dir string, paths []string) ([]Finding, error) {
	// -q: no banner; files named explicitly, so no configuration or
	// exclusion file of the scanned code is read.
	args := append([]string{"-f", "json", "-q"}, b.Args...)
	args = append(args, paths...)
	out, err := run(ctx, dir, b.Exe, args, 0, 1)
	if err != nil {
		return nil, err
	}
	return parseBandit(out, dir)
}

// parseBandit maps Bandit's JSON to findings with paths relative to dir.
func parseBandit(out []byte, dir string) ([]Finding, error) {
	var rep banditReport
	if err := json.Unmarshal(out, &rep); err != nil {
		return nil, fmt.Errorf("unreadable output (%v): %q", err, firstLine(string(out)))
	}
	var fs []Finding
	for _, r := range rep.Results {
		f := Finding{
			Engine: "bandit", Rule: r.TestID, Name: r.TestName, Path: relPath(dir, r.Filename),
			Line: r.LineNumber, EndLine: r.LineNumber,
			Severity: level(r.IssueSeverity), Confidence: level(r.IssueConfidence),
			Message: r.IssueText, BanditID: r.TestID,
		}
		if n := len(r.LineRange); n > 0 && r.LineRange[n-1] > f.EndLine {
			f.EndLine = r.LineRange[n-1]
		}
		if r.ColOffset != nil {
			f.Column = *r.ColOffset + 1
		}
		if r.EndColOffset != nil {
			f.EndColumn = *r.EndColOffset + 1
		}
		if r.IssueCWE != nil {
			f.CWE = r.IssueCWE.ID
		}
		fs = append(fs, f)
	}
	return fs, nil
}

// relPath turns an engine's path (relative to dir, or absolute inside it)
// back into the scanned file's path.
func relPath(dir, p string) string {
	if filepath.IsAbs(p) {
		if r, err := filepath.Rel(dir, p); err == nil {
			p = r
		} else if r, err := filepath.Rel(evalDir(dir), p); err == nil {
			p = r
		}
	}
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(p)), "./")
}

// evalDir resolves symbolic links in dir (macOS's /tmp is /private/tmp).
func evalDir(dir string) string {
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		return d
	}
	return dir
}
