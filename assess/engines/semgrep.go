package engines

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/pyward/pyward/rules"
)

// Semgrep runs `semgrep scan --json --metrics=off` with the configured
// rule sources.
type Semgrep struct{ Options }

func (s *Semgrep) Name() string { return "semgrep" }

// semgrepReport is the part of Semgrep's JSON output pyward reads (the
// CLI output schema of semgrep-interfaces).
type semgrepReport struct {
	Results []struct {
		CheckID string `json:"check_id"`
		Path    string `json:"path"`
		Start   struct {
			Line int `json:"line"`
			Col  int `json:"col"`
		} `json:"start"`
		End struct {
			Line int `json:"line"`
			Col  int `json:"col"`
		} `json:"end"`
		Extra struct {
			Message  string          `json:"message"`
			Severity string          `json:"severity"`
			Metadata json.RawMessage `json:"metadata"`
		} `json:"extra"`
	} `json:"results"`
	Errors []struct {
		Message string `json:"message"`
		Level   string `json:"level"`
	} `json:"errors"`
}

func (s *Semgrep) Run(ctx context.Context, dir string, paths []string) ([]Finding, error) {
	args := []string{"scan", "--json", "--metrics=off", "--disable-version-check", "--quiet"}
	for _, c := range s.Config {
		args = append(args, "--config", c)
	}
	if len(s.Config) == 0 {
		args = append(args, "--config", "auto")
	}
	args = append(args, s.Args...)
	args = append(args, paths...)
	// Semgrep exits 1 when it finds something with --error, else 0.
	out, err := run(ctx, dir, s.Exe, args, 0, 1)
	if err != nil {
		return nil, err
	}
	return parseSemgrep(out, dir)
}

// banditRef finds a Bandit test ID in a rule's metadata (the p/bandit
// rules cite the check they port).
var banditRef = regexp.MustCompile(`(?i)(?:^|[^a-z0-9])b([1-7]\d\d)(?:[^0-9]|$)`)

// banditID finds the Bandit check ID in a text ("B602", ".../b602_...").
func banditID(s string) string {
	if m := banditRef.FindStringSubmatch(s); m != nil {
		return "B" + m[1]
	}
	return ""
}

var cweRef = regexp.MustCompile(`CWE-(\d+)`)

// parseSemgrep maps Semgrep's JSON to findings.
func parseSemgrep(out []byte, dir string) ([]Finding, error) {
	var rep semgrepReport
	if err := json.Unmarshal(out, &rep); err != nil {
		return nil, fmt.Errorf("unreadable output (%v): %q", err, firstLine(string(out)))
	}
	var fs []Finding
	for _, r := range rep.Results {
		f := Finding{
			Engine: "semgrep", Rule: r.CheckID, Name: r.CheckID[strings.LastIndexByte(r.CheckID, '.')+1:],
			Path: relPath(dir, r.Path), Line: r.Start.Line, Column: r.Start.Col, EndLine: r.End.Line, EndColumn: r.End.Col,
			Message: r.Extra.Message, Confidence: rules.Medium,
		}
		switch strings.ToUpper(r.Extra.Severity) {
		case "ERROR", "HIGH", "CRITICAL":
			f.Severity = rules.High
		case "WARNING", "MEDIUM":
			f.Severity = rules.Medium
		default:
			f.Severity = rules.Low
		}
		var meta struct {
			CWE        any    `json:"cwe"`
			Confidence string `json:"confidence"`
			BanditCode string `json:"bandit-code"`
			Source     string `json:"source-rule-url"`
		}
		if len(r.Extra.Metadata) > 0 && json.Unmarshal(r.Extra.Metadata, &meta) == nil {
			if meta.Confidence != "" {
				f.Confidence = level(meta.Confidence)
			}
			if m := cweRef.FindStringSubmatch(fmt.Sprint(meta.CWE)); m != nil {
				f.CWE, _ = strconv.Atoi(m[1])
			}
			switch {
			case meta.BanditCode != "":
				f.BanditID = banditID(meta.BanditCode)
			case strings.Contains(meta.Source, "bandit"):
				f.BanditID = banditID(meta.Source)
			}
		}
		fs = append(fs, f)
	}
	return fs, nil
}
