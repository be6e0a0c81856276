package report

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/pyward/pyward/assess"
)

// jsonReasons is why a file got its level: the findings that decided it
// with their points, any trigger, and the policy and thresholds in force.
type jsonReasons struct {
	Summary    string          `json:"summary"`
	Deciding   []jsonDeciding  `json:"deciding"`
	Trigger    *jsonDeciding   `json:"trigger,omitempty"`
	Capped     bool            `json:"capped,omitempty"` // LOW findings held the level at low_only_max
	Policy     string          `json:"policy"`
	Thresholds map[string]int  `json:"thresholds"`
	Scoring    jsonScoringPart `json:"scoring"`
}

type jsonDeciding struct {
	Rule     string `json:"rule"`
	Line     int    `json:"line"`
	Points   int    `json:"points"`
	Trigger  string `json:"trigger,omitempty"`
	Evidence string `json:"evidence,omitempty"`
}

type jsonScoringPart struct {
	Repeats    string `json:"repeats"`
	LowOnlyMax string `json:"low_only_max"`
}

func deciding(f assess.Scored) jsonDeciding {
	return jsonDeciding{Rule: f.Rule.ID, Line: f.Line, Points: f.Points, Trigger: f.Trigger, Evidence: f.Evidence.String()}
}

// reasonsOf is the JSON form of a file's reasons.
func reasonsOf(r assess.FileResult) *jsonReasons {
	why := r.Reasons
	j := &jsonReasons{Summary: whySentence(r), Deciding: []jsonDeciding{}, Capped: why.Capped, Policy: why.Policy,
		Thresholds: why.Levels, Scoring: jsonScoringPart{Repeats: why.Repeats, LowOnlyMax: why.LowOnlyMax}}
	if j.Thresholds == nil {
		j.Thresholds = map[string]int{}
	}
	for _, i := range why.Deciding {
		j.Deciding = append(j.Deciding, deciding(r.Findings[i]))
	}
	if why.Trigger >= 0 && why.Trigger < len(r.Findings) {
		t := deciding(r.Findings[why.Trigger])
		j.Trigger = &t
	}
	return j
}

// whySentence says in one line why a file got its level: the trigger if
// one set it, the findings that scored with their points, and the
// threshold that was reached.
func whySentence(r assess.FileResult) string {
	why := r.Reasons
	var parts []string
	for _, i := range why.Deciding {
		f := r.Findings[i]
		parts = append(parts, fmt.Sprintf("%s %d (line %d%s)", f.Rule.ID, f.Points, f.Line, evidenceNote(f)))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s", r.Level)
	if why.Trigger >= 0 && why.Trigger < len(r.Findings) {
		t := r.Findings[why.Trigger]
		fmt.Fprintf(&b, " by trigger: %s at line %d is listed under triggers.%s", t.Rule.ID, t.Line, t.Trigger)
		if len(parts) > 0 {
			b.WriteString("; ")
		}
	} else if len(parts) > 0 {
		b.WriteString(": ")
	}
	if len(parts) > 0 {
		fmt.Fprintf(&b, "score %d = %s", r.Score, strings.Join(parts, " + "))
	} else if why.Trigger < 0 {
		fmt.Fprintf(&b, ": score %d", r.Score)
	}
	if why.Capped {
		fmt.Fprintf(&b, "; held at %s: LOW findings never lift a file above it", why.LowOnlyMax)
	}
	if why.Levels != nil {
		fmt.Fprintf(&b, " (%s policy: MEDIUM at %d, HIGH at %d, BLOCKED at %d", orStandard(why.Policy),
			why.Levels["MEDIUM"], why.Levels["HIGH"], why.Levels["BLOCKED"])
		if why.Repeats != "each" {
			b.WriteString("; a rule counts once per file, at its worst")
		}
		b.WriteString(")")
	}
	return b.String()
}

func orStandard(p string) string {
	if p == "" {
		return "standard"
	}
	return p
}

func evidenceNote(f assess.Scored) string {
	switch f.Evidence.String() {
	case "constant":
		return ", pinned to literals"
	case "secret":
		return ", hashes a secret"
	}
	return ""
}

// writeWhy prints the line naming what decided a file's level, before its
// findings.
func writeWhy(bw *bufio.Writer, r assess.FileResult, paint func(code, s string) string) {
	if len(r.Reasons.Deciding) == 0 && r.Reasons.Trigger < 0 {
		return
	}
	// Rule IDs, numbers and policy words only: nothing from the file.
	fmt.Fprintf(bw, "  %s %s\n", paint(bold, "why:"), whySentence(r))
}

// shortPass is the one line a passing scan with nothing to show prints
// (a clean commit should not cost a screen), "" when there is more to
// say: findings shown, notices, a block.
func shortPass(s Summary, opts Options) string {
	if s.Blocked || s.Findings > 0 || len(opts.Notices) > 0 {
		return ""
	}
	files := fmt.Sprintf("%d files", s.Files)
	if s.Files == 1 {
		files = "1 file"
	}
	var known []string
	if s.Baselined > 0 {
		known = append(known, fmt.Sprintf("%d in the baseline", s.Baselined))
	}
	if s.Preexisting > 0 {
		known = append(known, fmt.Sprintf("%d outside the changed lines", s.Preexisting))
	}
	if s.Absent > 0 {
		known = append(known, fmt.Sprintf("%d baselined no longer found: refresh with pyward baseline", s.Absent))
	}
	if len(known) > 0 {
		return fmt.Sprintf("pyward: %s checked, nothing new (known findings not shown: %s).", files, strings.Join(known, "; "))
	}
	return "pyward: " + files + " checked, nothing to report."
}

// quietPass reports whether a --quiet report has nothing to print: the
// scan passes and there is no notice.
func quietPass(results []assess.FileResult, opts Options) bool {
	return opts.Quiet && !Summarize(results, opts).Blocked && len(opts.Notices) == 0
}

// topFinding is the finding to fix first in the files that block: the
// most points, a trigger first.
func topFinding(results []assess.FileResult, opts Options) (assess.FileResult, assess.Scored, bool) {
	var best assess.Scored
	var bestFile assess.FileResult
	found := false
	fo, ok := assess.ParseFileLevel(opts.FailOn)
	for _, r := range results {
		if !ok || r.Level < fo {
			continue
		}
		for _, f := range r.Findings {
			if f.Points <= 0 {
				continue
			}
			better := !found || (f.Trigger != "") && best.Trigger == "" ||
				(f.Trigger != "") == (best.Trigger != "") && f.Points > best.Points
			if better {
				best, bestFile, found = f, r, true
			}
		}
	}
	return bestFile, best, found
}

// writeNextSteps ends a blocking text report (and so the hook's output)
// with what to do: the top finding's fix, how to suppress it in place
// with a reason, where to read about the rule, and how to adopt a
// baseline for known findings. showPath turns a result's path into the one
// the report shows (relative to the current folder, escaped).
func writeNextSteps(bw *bufio.Writer, results []assess.FileResult, s Summary, opts Options, paint func(code, s string) string, showPath func(string) string) {
	if !s.Blocked {
		return
	}
	r, f, ok := topFinding(results, opts)
	if !ok {
		return
	}
	path := showPath(r.Path)
	id := f.Rule.ID
	fmt.Fprintf(bw, "%s\n", paint(bold, "What to do next:"))
	if f.Rule.Recommendation != "" {
		fmt.Fprintf(bw, "  fix %s:%d %s: %s\n", path, f.Line, id, f.Rule.Recommendation)
	}
	if !strings.Contains(id, ":") && id != assess.SyntaxErrorRule.ID && id != "PW001" {
		fmt.Fprintf(bw, "  or, if it is safe, say why on that line: # pyward: ignore[%s] <reason>   (or # nosec %s <reason>)\n", id, id)
		fmt.Fprintf(bw, "  read about the rule: pyward explain %s\n", id)
	}
	fmt.Fprintf(bw, "  known findings in existing code: pyward baseline .pyward-baseline.json, then set baseline: .pyward-baseline.json in .pyward.yaml\n")
}
