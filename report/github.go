package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/rules"
)

// GitHub writes workflow-command annotations, most severe first, because
// GitHub shows only the first few annotations of a step; every finding is
// in the job summary that SummaryMarkdown writes.
func GitHub(w io.Writer, results []assess.FileResult, opts Options) error {
	type ann struct {
		path string
		f    assess.Scored
	}
	var anns []ann
	bw := bufio.NewWriter(w)
	for _, r := range results {
		for _, f := range shown(r.Findings, opts) {
			if !f.Suppressed {
				anns = append(anns, ann{r.Path, f})
			}
		}
	}
	sort.SliceStable(anns, func(i, j int) bool {
		a, b := anns[i].f, anns[j].f
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		return a.Points > b.Points
	})
	for _, a := range anns {
		cmd := map[rules.Level]string{rules.High: "error", rules.Medium: "warning"}[a.f.Severity]
		if cmd == "" {
			cmd = "notice"
		}
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n", cmd,
			escProp(a.path), a.f.Line, a.f.Column, a.f.EndLine, a.f.EndColumn,
			escProp(a.f.Rule.ID+" "+a.f.Rule.Name),
			escData(fmt.Sprintf("%s [%s/%s, %d points]. %s", a.f.Message, a.f.Severity, a.f.Confidence, a.f.Points, a.f.Rule.Recommendation)))
	}
	for _, n := range opts.Notices {
		fmt.Fprintf(bw, "::warning title=pyward::%s\n", escData(n))
	}
	s := Summarize(results, opts)
	fmt.Fprintf(bw, "pyward: %s fail-on %s: %s\n", s.counts(), s.FailOn,
		map[bool]string{true: "blocked", false: "passed"}[s.Blocked])
	if note := s.notShown(); note != "" {
		fmt.Fprintln(bw, "pyward: "+note)
	}
	return bw.Flush()
}

// escData and escProp escape workflow-command values as the runner
// expects, after Safe has shown control and bidi characters as escapes
// (a log viewer interprets them too).
func escData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(safeLines(s))
}

// safeLines is Safe for each line of s, keeping the line breaks that
// escData encodes.
func safeLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Safe(l)
	}
	return strings.Join(lines, "\n")
}

func escProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(Safe(s))
}

// SummaryMarkdown appends the job summary to the file GitHub names in
// GITHUB_STEP_SUMMARY; it does nothing when the variable is not set.
func SummaryMarkdown(results []assess.FileResult, opts Options) error {
	path := os.Getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return nil
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	s := Summarize(results, opts)
	var b strings.Builder
	verdict := "passed"
	if s.Blocked {
		verdict = "**blocked**"
	}
	fmt.Fprintf(&b, "## pyward: %s\n\n%s (fail-on %s)\n\n| level | files |\n| --- | --- |\n", verdict, s.counts(), s.FailOn)
	for _, l := range []string{"BLOCKED", "HIGH", "MEDIUM", "LOW"} {
		fmt.Fprintf(&b, "| %s | %d |\n", l, s.Levels[l])
	}
	if note := s.notShown(); note != "" {
		b.WriteString("\n" + note + "\n")
	}
	b.WriteString("\n| file | level | score | rule | line | finding |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, r := range results {
		for _, fd := range shown(r.Findings, opts) {
			if fd.Suppressed {
				continue
			}
			fmt.Fprintf(&b, "| `%s` | %s | %d | %s | %d | %s |\n", Safe(r.Path), r.Level, r.Score, fd.Rule.ID, fd.Line, strings.ReplaceAll(Safe(fd.Message), "|", "\\|"))
		}
	}
	_, err = f.WriteString(b.String() + "\n")
	return err
}
