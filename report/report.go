// Package report writes the results of a scan for people and programs:
// text (grouped by file, colour on a terminal) and the JSON of the
// command-line contract. It decides no policy: levels, points and what
// blocks come from assess.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/rules"
)

// Options say what a report shows.
type Options struct {
	Version string
	FailOn  string      // "low" … "blocked", or "never"
	Report  rules.Level // lowest severity shown; lower findings still score
	Color   bool
	// Absent are the baselined findings no longer found in the scanned
	// files (fixed): counted in the summary.
	Absent []assess.BaselineEntry
	// Notices say what did not run as asked (an external engine that is
	// missing, timed out or failed): shown in every report.
	Notices []string
	// Quiet: a text report that passes prints nothing (scan -q).
	Quiet bool
	// SkippedDirs and Excluded count what the scan left out: folders not
	// walked into, files the configuration excludes.
	SkippedDirs, Excluded int
	// TextPath, when set, turns a reported path (relative to the root) into
	// the one the text report shows (relative to the current folder).
	TextPath func(string) string
}

// Summary counts a scan's results.
type Summary struct {
	Files    int            `json:"files"`
	Findings int            `json:"findings"`
	Levels   map[string]int `json:"levels"`
	FailOn   string         `json:"fail_on"`
	Blocked  bool           `json:"blocked"`
	// Preexisting counts findings outside the changed lines (--new-only),
	// Baselined those the baseline knows, Absent the baseline's findings no
	// longer found: none of them are shown or block.
	Preexisting int `json:"preexisting,omitempty"`
	Baselined   int `json:"baselined,omitempty"`
	Absent      int `json:"absent,omitempty"`
	// SkippedFolders counts the folders not walked into, Excluded the
	// files the configuration excludes; NotJudged the files given a PW001.
	SkippedFolders int `json:"skipped_folders"`
	Excluded       int `json:"excluded"`
	NotJudged      int `json:"not_judged"`
}

// Summarize counts results and decides whether the scan blocks.
func Summarize(results []assess.FileResult, opts Options) Summary {
	s := Summary{Levels: map[string]int{"LOW": 0, "MEDIUM": 0, "HIGH": 0, "BLOCKED": 0}}
	failOn, never := assess.ParseFileLevel(opts.FailOn)
	never = !never
	s.FailOn = upper(opts.FailOn)
	for _, e := range opts.Absent {
		s.Absent += e.Count
	}
	s.SkippedFolders, s.Excluded = opts.SkippedDirs, opts.Excluded
	for _, r := range results {
		s.Files++
		if r.Error != "" {
			s.NotJudged++
		}
		s.Findings += len(shown(r.Findings, opts))
		for _, f := range r.Findings {
			switch {
			case f.Preexisting:
				s.Preexisting++
			case f.Baseline == "unchanged":
				s.Baselined++
			}
		}
		s.Levels[r.Level.String()]++
		// A file blocks at the fail-on of the configuration it was judged
		// under, when known.
		fo, nv := failOn, never
		if r.FailOn != "" {
			fo, nv = assess.ParseFileLevel(r.FailOn)
			nv = !nv
		}
		if !nv && r.Level >= fo {
			s.Blocked = true
		}
	}
	return s
}

// notShown says what the summary counts but the report leaves out, or ""
// when nothing is.
func (s Summary) notShown() string {
	var parts []string
	if s.Preexisting > 0 {
		parts = append(parts, fmt.Sprintf("%d outside the changed lines", s.Preexisting))
	}
	if s.Baselined > 0 {
		parts = append(parts, fmt.Sprintf("%d in the baseline", s.Baselined))
	}
	if s.Absent > 0 {
		parts = append(parts, fmt.Sprintf("%d in the baseline no longer found (fixed: refresh it with pyward baseline)", s.Absent))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Not shown, not scored: " + strings.Join(parts, "; ") + "."
}

// plural words a count: "1 file", "2 files".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// counts is the summary's first sentence: the files judged by level, the
// findings shown, and what was left out.
func (s Summary) counts() string {
	out := fmt.Sprintf("%s judged: %d LOW, %d MEDIUM, %d HIGH, %d BLOCKED (files by level); %s shown.",
		plural(s.Files, "file", "files"), s.Levels["LOW"], s.Levels["MEDIUM"], s.Levels["HIGH"], s.Levels["BLOCKED"],
		plural(s.Findings, "finding", "findings"))
	var left []string
	if s.NotJudged > 0 {
		left = append(left, plural(s.NotJudged, "file", "files")+" could not be read (PW001)")
	}
	if s.Excluded > 0 {
		left = append(left, plural(s.Excluded, "file", "files")+" excluded by the configuration")
	}
	if s.SkippedFolders > 0 {
		left = append(left, plural(s.SkippedFolders, "folder", "folders")+" skipped (ignored by git, default or configured excludes)")
	}
	if len(left) > 0 {
		out += " " + strings.Join(left, "; ") + "."
	}
	return out
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

// shown returns the findings at or above the report threshold, leaving
// out those outside the changed lines (--new-only) and those a baseline
// knows.
func shown(fds []assess.Scored, opts Options) []assess.Scored {
	var out []assess.Scored
	for _, f := range fds {
		if f.Severity >= opts.Report && !f.Preexisting && f.Baseline != "unchanged" {
			out = append(out, f)
		}
	}
	return out
}

type jsonReport struct {
	Tool    jsonTool   `json:"tool"`
	Files   []jsonFile `json:"files"`
	Summary Summary    `json:"summary"`
	Notices []string   `json:"notices,omitempty"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonFile struct {
	Path     string        `json:"path"`
	Level    string        `json:"level"`
	Score    int           `json:"score"`
	Error    string        `json:"error"`
	Findings []jsonFinding `json:"findings"`
	// Reasons say why the file got its level (see reasons.go).
	Reasons *jsonReasons `json:"reasons"`
}

type jsonFinding struct {
	Rule           string `json:"rule"`
	Name           string `json:"name"`
	Severity       string `json:"severity"`
	Confidence     string `json:"confidence"`
	Points         int    `json:"points"`
	Line           int    `json:"line"`
	Column         int    `json:"column"`
	EndLine        int    `json:"end_line"`
	EndColumn      int    `json:"end_column"`
	Message        string `json:"message"`
	Recommendation string `json:"recommendation"`
	CWE            int    `json:"cwe"`
	Engine         string `json:"engine"`
	Suppressed     bool   `json:"suppressed"`
	Justification  string `json:"justification"`
	Baseline       string `json:"baseline,omitempty"` // "new" when a baseline is in use
	// Trigger is "blocked" or "high" when the finding's rule lifts the
	// level whatever the score; Counted says whether it is the finding its
	// rule counts with; Evidence what was proven about its value.
	Trigger  string `json:"trigger"`
	Counted  bool   `json:"counted"`
	Evidence string `json:"evidence,omitempty"`
	// Path is a data-flow finding's path from source to sink.
	Path []jsonStep `json:"path,omitempty"`
	// In a notebook, Cell is the cell (1-based, among all cells) and
	// Line/Column count within it (within its outputs' text when Output);
	// FileLine is the line of the notebook's JSON, where SARIF puts it.
	Cell     int  `json:"cell,omitempty"`
	Output   bool `json:"output,omitempty"`
	FileLine int  `json:"file_line,omitempty"`
}

type jsonStep struct {
	// File is set on a step in another file than the finding's.
	File   string `json:"file,omitempty"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Note   string `json:"note"`
}

// engineOf names who reported a finding: "pyward", or the engines,
// comma-separated, when an external engine did.
func engineOf(f assess.Scored) string {
	if len(f.Engines) == 0 {
		return "pyward"
	}
	return strings.Join(f.Engines, ",")
}

func jsonPath(steps []assess.PathStep) []jsonStep {
	var out []jsonStep
	for _, s := range steps {
		out = append(out, jsonStep{s.File, s.Line, s.Column, s.Note})
	}
	return out
}

// JSON writes the contract's JSON object.
func JSON(w io.Writer, results []assess.FileResult, opts Options) error {
	rep := jsonReport{Tool: jsonTool{Name: "pyward", Version: opts.Version}, Files: []jsonFile{}}
	for _, r := range results {
		jf := jsonFile{Path: r.Path, Level: r.Level.String(), Score: r.Score, Error: r.Error, Findings: []jsonFinding{}, Reasons: reasonsOf(r)}
		for _, f := range shown(r.Findings, opts) {
			jf.Findings = append(jf.Findings, jsonFinding{
				Rule: f.Rule.ID, Name: f.Rule.Name, Severity: f.Severity.String(), Confidence: f.Confidence.String(),
				Points: f.Points, Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
				Message: f.Message, Recommendation: f.Rule.Recommendation, CWE: f.Rule.CWE, Engine: engineOf(f),
				Suppressed: f.Suppressed, Justification: f.Justification, Baseline: f.Baseline,
				Path: jsonPath(f.Path), Trigger: f.Trigger, Counted: f.Counted, Evidence: f.Evidence.String(),
			})
			if f.Cell > 0 {
				jf := &jf.Findings[len(jf.Findings)-1]
				jf.Cell, jf.Output, jf.FileLine = f.Cell, f.InOutput, f.Line
				jf.Line, jf.Column = f.CellLine, f.CellColumn
				jf.EndLine, jf.EndColumn = f.CellLine+max(f.EndLine-f.Line, 0), max(f.CellColumn, f.CellColumn+f.EndColumn-f.Column)
			}
		}
		rep.Files = append(rep.Files, jf)
	}
	rep.Summary = Summarize(results, opts)
	rep.Notices = opts.Notices
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
