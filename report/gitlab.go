package report

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/rules"
)

// GitLab's two report formats: the security report of
// `artifacts:reports:sast` (Security tab, merge-request security widget)
// and the Code Quality report of `artifacts:reports:codequality` (the
// merge-request diff). Both show what the other reports show: findings at
// or above the report threshold, not suppressed, not known to a baseline
// and, with --new-only, on the changed lines.

// GitLabSASTVersion is the security report schema version written; 15.x
// is what GitLab 15.0 and later read.
const GitLabSASTVersion = "15.2.1"

const gitlabSchema = "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v" +
	GitLabSASTVersion + "/dist/sast-report-format.json"

// GitLabTimes are the scan's start and end, which the report records.
type GitLabTimes struct{ Start, End time.Time }

type glReport struct {
	Version         string     `json:"version"`
	Schema          string     `json:"schema"`
	Scan            glScan     `json:"scan"`
	Vulnerabilities []glVuln   `json:"vulnerabilities"`
	Remediations    []struct{} `json:"remediations"`
}

type glComponent struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	URL     string   `json:"url,omitempty"`
	Version string   `json:"version"`
	Vendor  glVendor `json:"vendor"`
}

type glVendor struct {
	Name string `json:"name"`
}

type glMessage struct {
	Level string `json:"level"`
	Value string `json:"value"`
}

type glScan struct {
	Analyzer  glComponent `json:"analyzer"`
	Scanner   glComponent `json:"scanner"`
	Type      string      `json:"type"`
	StartTime string      `json:"start_time"`
	EndTime   string      `json:"end_time"`
	Status    string      `json:"status"`
	Messages  []glMessage `json:"messages,omitempty"`
}

type glIdentifier struct {
	Type  string `json:"type"`
	Name  string `json:"name"`
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type glLocation struct {
	File      string `json:"file"`
	StartLine int    `json:"start_line"`
	EndLine   int    `json:"end_line"`
}

type glVuln struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Description string         `json:"description"`
	Severity    string         `json:"severity"`
	Solution    string         `json:"solution,omitempty"`
	Location    glLocation     `json:"location"`
	Identifiers []glIdentifier `json:"identifiers"`
}

// gitlabTime is the schema's date-time: seconds, no zone (UTC).
func gitlabTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05") }

// gitlabSeverity maps a finding to the security report's scale: a finding
// that lifts its file to BLOCKED by itself (a malicious-code trigger) is
// Critical; the rest keep their severity.
func gitlabSeverity(f assess.Scored) string {
	if f.Trigger == "blocked" {
		return "Critical"
	}
	switch f.Severity {
	case rules.High:
		return "High"
	case rules.Medium:
		return "Medium"
	}
	return "Low"
}

// stableID derives a UUID-shaped identifier from the finding's fingerprint
// (rule, path and the flagged text, not the line), so that GitLab keeps
// tracking the same vulnerability when lines move.
func stableID(path string, f assess.Scored, n int) string {
	h := sha1.Sum([]byte(fmt.Sprintf("pyward\x00%s\x00%s\x00%s\x00%d", path, f.Rule.ID, f.Fingerprint, n)))
	h[6] = h[6]&0x0f | 0x50 // version 5, name-based
	h[8] = h[8]&0x3f | 0x80 // RFC 4122 variant
	x := hex.EncodeToString(h[:16])
	return x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
}

// gitlabShown is what both GitLab reports list.
func gitlabShown(results []assess.FileResult, opts Options, each func(path string, f assess.Scored, n int)) {
	for _, r := range results {
		seen := map[string]int{}
		for _, f := range shown(r.Findings, opts) {
			if f.Suppressed {
				continue
			}
			key := f.Rule.ID + "\x00" + f.Fingerprint
			each(r.Path, f, seen[key])
			seen[key]++
		}
	}
}

// GitLabSAST writes GitLab's security report (schema 15.x) for
// `artifacts:reports:sast`.
func GitLabSAST(w io.Writer, results []assess.FileResult, opts Options, times GitLabTimes) error {
	tool := glComponent{ID: "pyward", Name: "pyward", URL: "https://github.com/pyward/pyward",
		Version: versionOr(opts.Version), Vendor: glVendor{Name: "pyward"}}
	rep := glReport{Version: GitLabSASTVersion, Schema: gitlabSchema, Vulnerabilities: []glVuln{}, Remediations: []struct{}{},
		Scan: glScan{Analyzer: tool, Scanner: tool, Type: "sast", StartTime: gitlabTime(times.Start), EndTime: gitlabTime(times.End), Status: "success"}}
	for _, n := range opts.Notices {
		rep.Scan.Messages = append(rep.Scan.Messages, glMessage{Level: "warn", Value: n})
	}
	gitlabShown(results, opts, func(path string, f assess.Scored, n int) {
		ids := []glIdentifier{{Type: "pyward_rule_id", Name: "pyward " + f.Rule.ID, Value: f.Rule.ID, URL: ruleURL(f.Rule.ID)}}
		if strings.HasPrefix(f.Rule.ID, "B") {
			ids = append(ids, glIdentifier{Type: "bandit_test_id", Name: "Bandit " + f.Rule.ID, Value: f.Rule.ID})
		}
		if f.Rule.CWE != 0 {
			ids = append(ids, glIdentifier{Type: "cwe", Name: fmt.Sprintf("CWE-%d", f.Rule.CWE), Value: fmt.Sprint(f.Rule.CWE),
				URL: fmt.Sprintf("https://cwe.mitre.org/data/definitions/%d.html", f.Rule.CWE)})
		}
		end := f.EndLine
		if end < f.Line {
			end = f.Line
		}
		rep.Vulnerabilities = append(rep.Vulnerabilities, glVuln{
			ID: stableID(path, f, n), Name: clip(f.Rule.ID+" "+f.Rule.Name, 255),
			Description: clip(fmt.Sprintf("%s [%s severity, %s confidence, %d points]", f.Message, f.Severity, f.Confidence, f.Points), 1048576),
			Severity:    gitlabSeverity(f), Solution: clip(f.Rule.Recommendation, 7000),
			Location: glLocation{File: path, StartLine: max(f.Line, 1), EndLine: max(end, 1)}, Identifiers: ids,
		})
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

type cqIssue struct {
	Type        string     `json:"type"`
	CheckName   string     `json:"check_name"`
	Description string     `json:"description"`
	Categories  []string   `json:"categories"`
	Severity    string     `json:"severity"`
	Fingerprint string     `json:"fingerprint"`
	Location    cqLocation `json:"location"`
}

type cqLocation struct {
	Path  string  `json:"path"`
	Lines cqLines `json:"lines"`
}

type cqLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// codeQualitySeverity maps a finding to Code Quality's scale (info, minor,
// major, critical, blocker): a finding that blocks its file by itself is a
// blocker.
func codeQualitySeverity(f assess.Scored) string {
	if f.Trigger == "blocked" {
		return "blocker"
	}
	switch f.Severity {
	case rules.High:
		return "critical"
	case rules.Medium:
		return "major"
	}
	return "minor"
}

// GitLabCodeQuality writes GitLab's Code Quality report (a JSON array in
// the Code Climate issue format) for `artifacts:reports:codequality`.
func GitLabCodeQuality(w io.Writer, results []assess.FileResult, opts Options) error {
	issues := []cqIssue{}
	gitlabShown(results, opts, func(path string, f assess.Scored, n int) {
		h := sha256.Sum256([]byte(stableID(path, f, n)))
		issues = append(issues, cqIssue{
			Type: "issue", CheckName: f.Rule.ID, Categories: []string{"Security"},
			Description: fmt.Sprintf("%s %s: %s", f.Rule.ID, f.Rule.Name, f.Message),
			Severity:    codeQualitySeverity(f), Fingerprint: hex.EncodeToString(h[:16]),
			Location: cqLocation{Path: path, Lines: cqLines{Begin: max(f.Line, 1), End: max(f.EndLine, f.Line, 1)}},
		})
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}

func ruleURL(id string) string {
	return "https://github.com/pyward/pyward/blob/main/docs/rules.md#" + strings.ToLower(id)
}

func versionOr(v string) string {
	if v == "" {
		return "0.0.0"
	}
	return v
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
