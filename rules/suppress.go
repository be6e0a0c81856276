package rules

import (
	"bytes"
	"strings"

	"github.com/pyward/pyward/python/parser"
)

// Suppression is one inline suppression comment: `# nosec`, `# nosec B602,
// B607`, `# noqa: S602` (Ruff's name for B602) or `# pyward: ignore[B602]
// reason`. IDs nil means every rule.
type Suppression struct {
	Line          int
	IDs           []string
	Justification string
}

// covers reports whether the suppression applies to rule r.
func (s Suppression) covers(r *Rule) bool {
	if s.IDs == nil {
		return true
	}
	for _, id := range s.IDs {
		if id == r.ID || id == r.Name || ruffAlias(id) == r.ID {
			return true
		}
	}
	return false
}

// ruffAlias maps Ruff's flake8-bandit codes (S602) to Bandit's (B602).
func ruffAlias(id string) string {
	if len(id) == 4 && id[0] == 'S' && isDigits(id[1:]) {
		return "B" + id[1:]
	}
	return ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isRuleID reports whether a word looks like a rule ID: capital letters
// followed by digits (B602, S602, PW101).
func isRuleID(w string) bool {
	i := 0
	for i < len(w) && w[i] >= 'A' && w[i] <= 'Z' {
		i++
	}
	return i > 0 && isDigits(w[i:])
}

// markerParts splits a comment at each '#' that starts a marker (nosec,
// noqa, pyward:); the text before the first marker is dropped.
func markerParts(text string) []string {
	var out []string
	for i, part := range strings.Split(text, "#") {
		if i == 0 {
			continue
		}
		p := strings.TrimSpace(part)
		if strings.HasPrefix(p, "nosec") || strings.HasPrefix(p, "noqa") || strings.HasPrefix(p, "pyward:") || len(out) == 0 {
			out = append(out, part)
			continue
		}
		out[len(out)-1] += "#" + part
	}
	return out
}

// The words every marker starts with (see parseComment).
var nosecWord, noqaWord, pywardWord = []byte("nosec"), []byte("noqa"), []byte("pyward:")

// ParseSuppressions reads the suppression comments of a file, by line.
func ParseSuppressions(f *parser.File) map[int][]Suppression {
	out := map[int][]Suppression{}
	for _, c := range f.Comments {
		raw := f.Src[c.Start:c.End]
		if !bytes.Contains(raw, nosecWord) && !bytes.Contains(raw, noqaWord) && !bytes.Contains(raw, pywardWord) {
			continue // no marker can start in it (most comments)
		}
		text := string(raw)
		line := f.Tok.Line(c.Start)
		for _, s := range parseComment(text) {
			s.Line = line
			out[line] = append(out[line], s)
		}
	}
	return out
}

// parseComment finds every marker in one comment. Each marker's text runs
// to the next '#' that starts another marker: a reason may hold a '#'
// ("reviewed in #42").
func parseComment(text string) []Suppression {
	var out []Suppression
	for _, part := range markerParts(text) {
		p := strings.TrimSpace(part)
		switch {
		case strings.HasPrefix(p, "nosec"):
			out = append(out, idsAndReason(strings.TrimPrefix(strings.TrimPrefix(p, "nosec"), ":"), true))
		case strings.HasPrefix(p, "noqa"):
			// Only `# noqa: CODES` counts. A bare `# noqa` is mostly written
			// to quiet a style checker about one line; letting it also hide
			// security findings would be a silent pass (Bandit ignores it too).
			rest := strings.TrimPrefix(p, "noqa")
			if !strings.HasPrefix(rest, ":") {
				continue
			}
			out = append(out, idsAndReason(rest[1:], false))
		case strings.HasPrefix(p, "pyward:"):
			rest := strings.TrimSpace(strings.TrimPrefix(p, "pyward:"))
			if !strings.HasPrefix(rest, "ignore") {
				continue
			}
			rest = rest[len("ignore"):]
			s := Suppression{}
			if strings.HasPrefix(rest, "[") {
				end := strings.IndexByte(rest, ']')
				if end < 0 {
					continue
				}
				s.IDs = splitIDs(rest[1:end])
				rest = rest[end+1:]
			}
			s.Justification = strings.TrimLeft(strings.TrimSpace(rest), "-:— ")
			out = append(out, s)
		}
	}
	return out
}

// idsAndReason splits a marker's text into rule IDs (or rule names) and
// the free text around them, which is kept as the justification. With
// nosec, a word that names a rule counts as an ID; every ID listed counts,
// including in `B602,B607` (Bandit honours only the last of those).
func idsAndReason(s string, names bool) Suppression {
	var sup Suppression
	var reason []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		if up := strings.ToUpper(w); isRuleID(w) || isRuleID(up) && isKnownPrefix(up) {
			sup.IDs = append(sup.IDs, up)
		} else if names && Lookup(w) != nil && strings.ToLower(w) == w {
			sup.IDs = append(sup.IDs, w)
		} else {
			reason = append(reason, w)
		}
	}
	sup.Justification = strings.TrimLeft(strings.Join(reason, " "), "-:— ")
	return sup
}

// isKnownPrefix reports whether an upper-cased ID has one of the prefixes
// pyward's rules use (Bandit's B, Ruff's S, pyward's PW), so that `b602`
// is read as B602 while a word such as `md5` stays a rule name.
func isKnownPrefix(id string) bool {
	return strings.HasPrefix(id, "PW") || (id[0] == 'B' || id[0] == 'S') && isDigits(id[1:])
}

func splitIDs(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
}

// Suppress marks the findings that a suppression comment on a line of
// their statement (or of the flagged span) covers.
func Suppress(f *parser.File, findings []Finding, sups map[int][]Suppression) {
	if len(sups) == 0 {
		return
	}
	for i := range findings {
		fd := &findings[i]
		lo, hi := f.Tok.Line(fd.Start), f.Tok.Line(fd.End)
		if fd.ScopeEnd > fd.ScopeStart {
			lo = min(lo, f.Tok.Line(fd.ScopeStart))
			hi = max(hi, f.Tok.Line(fd.ScopeEnd))
		}
		for line := lo; line <= hi && !fd.Suppressed; line++ {
			for _, s := range sups[line] {
				if s.covers(fd.Rule) {
					fd.Suppressed = true
					fd.Justification = s.Justification
					break
				}
			}
		}
	}
}
