package assess

import (
	"sort"

	"github.com/pyward/pyward/notebook"
	"github.com/pyward/pyward/python/parser"
	"github.com/pyward/pyward/rules"
)

// A notebook is judged as the Python it runs (package notebook): its code
// cells as one module, every rule on it, suppression comments honoured in
// the cells. Its shell escapes (`!cmd`, `%%bash` cells) are findings of
// B605, like os.system, which is what IPython makes of them; the secret
// rules also read the text of its outputs, where printed tokens end up.
// Findings are placed at their line in the notebook's JSON, with the cell
// and the line in the cell beside it.

// shellEscapeRule is the rule a notebook's shell escapes are reported
// under: IPython runs them through a shell, as os.system does.
var shellEscapeRule = rules.Lookup("B605")

// notebookFile assesses a notebook.
func (a *Assessor) notebookFile(in Input) FileResult {
	nb, err := notebook.Parse(in.Data)
	if err != nil {
		// Not a notebook's JSON: never a pass. The secret rules still
		// read the text.
		res := FileResult{Path: in.Path, FailOn: a.cfg.FailOn}
		sf := Scored{
			Finding: rules.Finding{Rule: SyntaxErrorRule, Severity: rules.High, Confidence: rules.High,
				Message: "the notebook cannot be read: " + err.Error()},
			Line: 1, Column: 1, EndLine: 1, EndColumn: 1, SourceLine: lineOf(in.Data, 1),
			Points:      a.cfg.SyntaxError,
			Fingerprint: fingerprint(SyntaxErrorRule.ID, in.Path, 0, nil, 0, 0),
		}
		if a.Baseline != nil {
			if sf.Baseline = a.Baseline.match(in.Path, SyntaxErrorRule.ID, sf.Fingerprint); sf.Baseline == "unchanged" {
				sf.Points = 0
			}
		}
		res.Findings = []Scored{sf}
		tf := parser.TextFile(in.Path, in.Data)
		a.score(&res, tf, a.set.RunText(tf, a.options), in)
		return res
	}
	py := in
	py.Data, py.External, py.notebook = nb.Source, nil, true
	if in.NewOnly {
		py.Changed = lineRanges(nb.SourceLines(func(l int) bool { return touches(in.Changed, l, l) }))
	}
	var res FileResult
	f, err := parser.ParseFile(in.Path, nb.Source)
	if err != nil {
		res = a.File(py) // PW000 and the text rules, as for any source
	} else {
		res = FileResult{Path: in.Path, FailOn: a.cfg.FailOn}
		fds := a.set.Run(f, a.options)
		fds = append(fds, escapeFindings(f, nb)...)
		if !a.IgnoreSuppressions {
			rules.Suppress(f, fds, rules.ParseSuppressions(f))
		}
		a.score(&res, f, fds, py)
	}
	for i := range res.Findings {
		place(&res.Findings[i], nb.Line, false)
	}
	if len(nb.Outputs) > 0 {
		of := parser.TextFile(in.Path, nb.Outputs)
		var out FileResult
		outIn := Input{Path: in.Path}
		if in.NewOnly {
			outIn.NewOnly = true
			for n := 1; n <= of.Tok.LineCount(); n++ {
				if l := nb.OutputLine(n).FileLine; touches(in.Changed, l, l) {
					outIn.Changed = append(outIn.Changed, LineRange{n, n})
				}
			}
		}
		a.score(&out, of, a.set.RunText(of, a.options), outIn)
		for _, s := range out.Findings {
			place(&s, nb.OutputLine, true)
			res.Findings = append(res.Findings, s)
		}
	}
	sort.SliceStable(res.Findings, func(i, j int) bool { return res.Findings[i].Line < res.Findings[j].Line })
	a.total(&res)
	return res
}

// escapeFindings turns the notebook's shell escapes into findings at the
// masked lines. A command with Python values interpolated is HIGH, as
// os.system(variable) is; a literal command LOW, as os.system("ls") is.
func escapeFindings(f *parser.File, nb *notebook.Notebook) []rules.Finding {
	var out []rules.Finding
	for _, e := range nb.Escapes {
		start := f.Tok.LineStart(e.Line)
		end := int32(len(f.Src))
		if e.Line < f.Tok.LineCount() {
			end = f.Tok.LineStart(e.Line+1) - 1
		}
		sev, msg := rules.Low, "a notebook "+e.Kind+" runs a command through a shell"
		if e.Interpolated {
			sev, msg = rules.High, "a notebook "+e.Kind+" runs a shell command built from Python values ({x} or $x): command injection if they come from outside"
		}
		out = append(out, rules.Finding{Rule: shellEscapeRule, Severity: sev, Confidence: rules.High, Message: msg,
			Start: start, End: max(start, end), ScopeStart: start, ScopeEnd: max(start, end)})
	}
	return out
}

// place moves a finding from its line in the module (or the outputs'
// text) to its line in the notebook file, keeping the cell, the line in
// the cell and the column there.
func place(s *Scored, at func(int) notebook.Place, output bool) {
	p, e := at(s.Line), at(max(s.EndLine, s.Line))
	s.Cell, s.CellLine, s.CellColumn, s.InOutput = p.Cell, p.CellLine, s.Column, output
	// Columns in the file are approximate: the JSON string may escape
	// characters before the flagged place.
	col, endCol := p.FileCol+s.Column, e.FileCol+s.EndColumn
	s.Line, s.Column, s.EndLine, s.EndColumn = p.FileLine, col, e.FileLine, endCol
	if s.EndLine == s.Line && s.EndColumn < s.Column {
		s.EndColumn = s.Column
	}
	for i := range s.Path {
		st := &s.Path[i]
		sp, ep := at(st.Line), at(max(st.EndLine, st.Line))
		st.Line, st.Column, st.EndLine, st.EndColumn = sp.FileLine, sp.FileCol+st.Column, ep.FileLine, ep.FileCol+st.EndColumn
		if st.EndLine == st.Line && st.EndColumn < st.Column {
			st.EndColumn = st.Column
		}
	}
}

// lineRanges joins sorted line numbers into ranges.
func lineRanges(lines []int) []LineRange {
	var out []LineRange
	for _, l := range lines {
		if n := len(out); n > 0 && out[n-1].End+1 == l {
			out[n-1].End = l
			continue
		}
		out = append(out, LineRange{l, l})
	}
	return out
}
