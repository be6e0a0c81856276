package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/pyward/pyward/assess"
)

// ANSI colours, used only when Options.Color is set.
const (
	reset  = "\x1b[0m"
	bold   = "\x1b[1m"
	dim    = "\x1b[2m"
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	green  = "\x1b[32m"
	purple = "\x1b[35m"
)

// Text writes a report for people: per file its level and why (each
// finding's points and any trigger), the source line with a marker under
// the finding and the recommendation; then a summary. Clean files are
// counted in the summary but not listed.
func Text(w io.Writer, results []assess.FileResult, opts Options) error {
	if quietPass(results, opts) {
		return nil // -q: nothing to say when nothing blocks
	}
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !opts.Color {
			return s
		}
		return code + s + reset
	}
	levelColor := map[assess.FileLevel]string{assess.LevelLow: green, assess.LevelMedium: yellow, assess.LevelHigh: red, assess.LevelBlocked: purple}
	for _, r := range results {
		fds := shown(r.Findings, opts)
		if len(fds) == 0 && r.Score == 0 {
			continue
		}
		// Paths and source come from the scanned tree: escaped (see Safe).
		path := r.Path
		if opts.TextPath != nil {
			path = opts.TextPath(path)
		}
		path = Safe(path)
		fmt.Fprintf(bw, "%s  %s (score %d)\n", paint(bold, path), paint(bold+levelColor[r.Level], r.Level.String()), r.Score)
		writeWhy(bw, r, paint)
		for _, f := range fds {
			why := fmt.Sprintf("%d point", f.Points)
			if f.Points != 1 {
				why += "s"
			}
			switch {
			case f.Suppressed:
				why = "suppressed"
				if f.Justification != "" {
					why += ": " + f.Justification
				}
			case f.Trigger == "blocked":
				why += ", makes the file BLOCKED"
			case f.Trigger == "high":
				why += ", makes the file at least HIGH"
			}
			if len(f.Engines) > 1 {
				why += ", also found by " + strings.Join(f.Engines[1:], " and ")
			}
			fmt.Fprintf(bw, "  %s:%s %s %s [%s/%s] %s\n", path, where(f), paint(bold, f.Rule.ID), Safe(f.Message),
				f.Severity, f.Confidence, paint(dim, "("+why+")"))
			if f.SourceLine != "" {
				raw := []rune(strings.ReplaceAll(f.SourceLine, "\t", " "))
				column, endColumn := f.Column, f.EndColumn
				if f.Cell > 0 {
					// The line shown is the cell's, not the JSON's.
					column, endColumn = f.CellColumn, f.CellColumn+f.EndColumn-f.Column
				}
				col := min(max(0, column-1), len(raw))
				end := len(raw)
				if f.EndLine == f.Line && endColumn > column {
					end = min(endColumn-1, len(raw))
				} else if f.EndLine == f.Line {
					end = min(col+1, len(raw))
				}
				// A very long line (minified or generated code, a huge
				// chain) is shown as a window around the flagged place.
				from, to := 0, len(raw)
				if to-from > maxShown {
					from = max(0, col-maxShown/4)
					to = min(len(raw), from+maxShown)
				}
				pre, post := "", ""
				if from > 0 {
					pre = "…"
				}
				if to < len(raw) {
					post = "…"
				}
				fmt.Fprintf(bw, "    %s%s%s\n", pre, Safe(string(raw[from:to])), post)
				// The marker is placed on the escaped line: an escape is
				// wider than the character it shows.
				col, end = min(max(col, from), to), min(max(end, from), to)
				indent := utf8.RuneCountInString(pre + Safe(string(raw[from:col])))
				width := max(1, utf8.RuneCountInString(Safe(string(raw[col:max(col, end)]))))
				fmt.Fprintf(bw, "    %s%s\n", strings.Repeat(" ", indent), paint(red, strings.Repeat("^", width)))
			}
			if len(f.Path) > 0 {
				steps := make([]string, 0, len(f.Path))
				for _, st := range f.Path {
					if st.File != "" {
						// A step in another file of the scan (a helper it imports).
						steps = append(steps, fmt.Sprintf("%s:%d %s", Safe(st.File), st.Line, Safe(st.Note)))
						continue
					}
					steps = append(steps, fmt.Sprintf("line %d %s", st.Line, Safe(st.Note)))
				}
				fmt.Fprintf(bw, "    %s %s\n", paint(dim, "path:"), strings.Join(steps, " → "))
			}
			if !f.Suppressed && f.Rule.Recommendation != "" {
				fmt.Fprintf(bw, "    %s %s\n", paint(dim, "fix:"), f.Rule.Recommendation)
			}
		}
		fmt.Fprintln(bw)
	}
	for _, n := range opts.Notices {
		fmt.Fprintf(bw, "%s %s\n", paint(bold, "notice:"), Safe(n))
	}
	s := Summarize(results, opts)
	if short := shortPass(s, opts); short != "" {
		fmt.Fprintln(bw, short) // a clean commit gets one short line
		return bw.Flush()
	}
	fmt.Fprint(bw, s.counts())
	switch {
	case s.FailOn == "NEVER":
		fmt.Fprintln(bw, " Nothing blocks (fail-on: never).")
	case s.Blocked:
		fmt.Fprintln(bw, " "+paint(bold+red, "Blocked")+": a file is at or above "+s.FailOn+".")
	default:
		fmt.Fprintln(bw, " Passed: no file at or above "+s.FailOn+".")
	}
	if note := s.notShown(); note != "" {
		fmt.Fprintln(bw, note)
	}
	writeNextSteps(bw, results, s, opts, paint, func(p string) string {
		if opts.TextPath != nil {
			p = opts.TextPath(p)
		}
		return Safe(p)
	})
	return bw.Flush()
}

// maxShown is how many characters of a source line the text report shows.
const maxShown = 200

// where is a finding's place after the path: line:column, or in a
// notebook the cell and the line and column in it (`cell 3:2:5`, `cell 3
// output:1:7`), which is where a person looks in Jupyter.
func where(f assess.Scored) string {
	if f.Cell == 0 {
		return fmt.Sprintf("%d:%d", f.Line, f.Column)
	}
	out := ""
	if f.InOutput {
		out = " output"
	}
	return fmt.Sprintf("cell %d%s:%d:%d", f.Cell, out, f.CellLine, f.CellColumn)
}
