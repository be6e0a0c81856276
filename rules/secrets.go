package rules

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// The provider rules are made from the tables of secretformats.go: a
// rule per provider, and for each of its formats a literal every such
// token contains (a fast filter, so the expression runs only on files that
// have it) and an expression whose group 1 (or 2) is the secret. Provider
// formats are specific enough to be looked for in the whole text, comments
// and strings included: a key pasted in a comment, a docstring or a
// header dict is leaked all the same.

// placeholder recognises values that stand for a secret without being
// one: documentation examples, templates, masks.
var placeholder = lazyRegexp(`(?i)example|sample|dummy|placeholder|changeme|change_me|your[_-]|xxxx|\*\*\*|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|redacted|insert|replace|fake|test_?key|0000000|1234567|abcdef`)

// formatsOf indexes the formats by rule.
var formatsOf = func() map[string][]*secretFormat {
	m := map[string][]*secretFormat{}
	for i := range secretFormats {
		f := &secretFormats[i]
		f.hint = newHint(f.literals)
		m[f.rule] = append(m[f.rule], f)
	}
	return m
}()

func init() {
	for i := range secretRules {
		p := &secretRules[i]
		formats := formatsOf[p.id]
		var help strings.Builder
		help.WriteString(p.intro + " Formats:")
		for _, f := range formats {
			help.WriteString(" " + f.format)
			if f.checks != "" {
				help.WriteString(", checking " + f.checks)
			}
			fmt.Fprintf(&help, " (entropy at least %.1f bits per character", f.entropy)
			if f.kw {
				help.WriteString(", with digits")
			}
			help.WriteString(");")
		}
		help.WriteString(" Placeholders (xxxx, <…>, ${…}, example, changeme …) and the example values vendors document are not flagged.")
		var flagged []string
		if p.flagged != "" {
			flagged = []string{p.flagged}
		}
		Register(&Rule{
			ID: p.id, Name: p.name, Severity: p.sev, Confidence: p.conf, CWE: 798, Secret: true,
			Message:        p.what + " is written in the source",
			Recommendation: "Revoke the credential now (it is in the history), then load it at run time from the environment or a secrets manager.",
			Help:           help.String() + " The report shows the value redacted; it is found in strings, comments, configuration files and files that do not parse.",
			Flagged:        flagged,
			Clean:          []string{p.clean},
			Kinds:          []Kind{KindText},
			Check: func(c *Context, _ ast.Node) {
				for _, f := range formats {
					if c.secretHint(f.hint) {
						c.reportFormat(f)
					}
				}
			},
		})
	}
}

// reportFormat reports each match of a format that passes its checks.
func (c *Context) reportFormat(f *secretFormat) {
	src := c.File.Src
	if _, ok := placed[f.re]; ok {
		c.placedMatches(f, func(base int, ms [][]int) { c.reportMatches(f, src, base, ms, nil) })
		return
	}
	if !windowed[f.re] {
		c.reportMatches(f, src, 0, f.re.FindAllSubmatchIndex(src, -1), nil)
		return
	}
	// An expression that starts with its keyword in any case (which
	// package regexp cannot search for fast) runs only on a window at
	// each place the keyword is.
	reported := map[int]bool{}
	for k := range f.literals {
		done := -1
		c.eachLiteral(f.hint, k, func(i int) {
			if i <= done {
				return
			}
			w := src[i:min(len(src), i+keywordWindow)]
			if !f.re.valueRun().holds(w) {
				return
			}
			ms := f.re.FindAllSubmatchIndex(w, 1)
			c.reportMatches(f, src, i, ms, reported)
			if len(ms) > 0 {
				done = i + ms[len(ms)-1][1]
			}
		})
	}
}

// placedMatches finds the matches of a literalFirst format's expression
// that a search of the whole text would: every match starts at a place
// of one of its literals, so the expression runs anchored at each, in
// the order of the text, skipping the places inside the match before
// (the search resumes where a match ends). fn gets each match found, at
// its offset.
func (c *Context) placedMatches(f *secretFormat, fn func(base int, ms [][]int)) {
	c.secretHint(f.hint)
	src := c.File.Src
	done := 0
	for _, p := range c.secretPlaces {
		if int(p.at) < done || !slices.Contains(f.hint.literals, int(p.lit)) {
			continue
		}
		if ms := f.re.FindAllSubmatchIndex(src[p.at:], 1); len(ms) > 0 {
			fn(int(p.at), ms)
			done = int(p.at) + ms[0][1]
		}
	}
}

// keywordWindow bounds what follows a keyword: a name, an assignment and
// the longest value a keyword format has.
const keywordWindow = 400

// windowed are the expressions that start with their keyword.
var windowed = map[*lazyRE]bool{}

// reportMatches reports the matches ms of f found at base in src, once
// each when reported is not nil.
func (c *Context) reportMatches(f *secretFormat, src []byte, base int, ms [][]int, reported map[int]bool) {
	for _, m := range ms {
		s, e := -1, -1
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				s, e = base+m[g], base+m[g+1]
				break
			}
		}
		if s < 0 {
			continue
		}
		// The expressions do not start with \b, which would stop the
		// search for their literal prefix (the fast path of package
		// regexp): the boundary before the token is checked here.
		if s > 0 && s == base+m[0] && (isAlnum(src[s-1]) || src[s-1] == '_') {
			continue
		}
		if reported != nil && reported[s] {
			continue
		}
		if v := string(src[s:e]); secretValue(f, v) {
			if reported != nil {
				reported[s] = true
			}
			c.ReportSpan(int32(s), int32(e), c.rule.Severity, c.rule.Confidence, c.rule.Message)
		}
	}
}

// secretValue applies a format's filters to a candidate.
func secretValue(f *secretFormat, v string) bool {
	if placeholder.MatchString(v) || entropy(v) < f.entropy {
		return false
	}
	for _, ig := range f.ignore {
		if strings.Contains(v, ig) {
			return false
		}
	}
	if f.kw && !strings.ContainsAny(v, "0123456789") {
		return false
	}
	return f.check == nil || f.check(v)
}

// The literals of every provider, prefilter and text rule are found in
// one pass over a file (secretHint): each literal has a number, the
// table pairIndex maps a file's two next bytes to the literals that
// start with them, and a hint names a set of literals by their numbers.
var (
	hintLiterals []string           // by number
	hintNumber   = map[string]int{} // at init only
	pairIndex    [1 << 16]uint16    // 1 + the index in pairLiterals; 0: none start so
	pairLiterals []pairGroup        // per pair of first bytes, its literals
)

// pairGroup is the literals that start with one pair of bytes, and the
// bytes that come third in them: most places a pair is ("pa", "ke") go no
// further than a look at the third byte.
type pairGroup struct {
	literals []int
	third    [4]uint64 // a bit per byte value
	short    bool      // a literal is the pair alone
}

// hint is a set of literals a file must hold one of, for a check to run.
type hint struct{ literals []int }

// newHint numbers lits and indexes them by their first two bytes.
func newHint(lits []string) *hint {
	h := &hint{}
	for _, l := range lits {
		n, ok := hintNumber[l]
		if !ok {
			n = len(hintLiterals)
			hintNumber[l] = n
			hintLiterals = append(hintLiterals, l)
			k := uint16(l[0])<<8 | uint16(l[1])
			if pairIndex[k] == 0 {
				pairLiterals = append(pairLiterals, pairGroup{})
				pairIndex[k] = uint16(len(pairLiterals))
			}
			g := &pairLiterals[pairIndex[k]-1]
			g.literals = append(g.literals, n)
			if len(l) == 2 {
				g.short = true
			} else {
				g.third[l[2]>>6] |= 1 << (l[2] & 63)
			}
		}
		h.literals = append(h.literals, n)
	}
	return h
}

// secretHint reports whether the file holds one of h's literals. The
// first call scans the text once for every literal (instead of once per
// literal) and keeps what it found.
func (c *Context) secretHint(h *hint) bool {
	if c.secretFound == nil {
		c.secretFound = make([]bool, len(hintLiterals))
		src := c.File.Src
		for i := 0; i+1 < len(src); i++ {
			gi := pairIndex[uint16(src[i])<<8|uint16(src[i+1])]
			if gi == 0 {
				continue
			}
			g := &pairLiterals[gi-1]
			if !g.short && (i+2 >= len(src) || g.third[src[i+2]>>6]&(1<<(src[i+2]&63)) == 0) {
				continue
			}
			for _, n := range g.literals {
				if bytes.HasPrefix(src[i:], []byte(hintLiterals[n])) {
					c.secretFound[n] = true
					c.secretPlaces = append(c.secretPlaces, secretPlace{int32(n), int32(i)})
				}
			}
		}
	}
	for _, n := range h.literals {
		if c.secretFound[n] {
			return true
		}
	}
	return false
}

// secretPlace is where a literal of the hints (by number) starts.
type secretPlace struct{ lit, at int32 }

// eachLiteral calls fn at each place the k-th literal of h starts, in
// order, leaving out a place that overlaps the one before (as a search
// that resumes after each match would): the places secretHint found, so
// that a check that looks at each place of its literals does not search
// the text again (a file of AWS's SDK has "AWS" thousands of times, and
// the searches were a twentieth of a site-packages scan).
func (c *Context) eachLiteral(h *hint, k int, fn func(i int)) {
	c.secretHint(h)
	n := int32(h.literals[k])
	size, next := int32(len(hintLiterals[n])), int32(0)
	for _, p := range c.secretPlaces {
		if p.lit == n && p.at >= next {
			next = p.at + size
			fn(int(p.at))
		}
	}
}

// Redact shows a secret without revealing it: its first four characters
// (at most a quarter of it) and how many follow.
func Redact(secret string) string {
	r := []rune(secret)
	keep := min(4, len(r)/4)
	return string(r[:keep]) + fmt.Sprintf("…[%d chars redacted]", len(r)-keep)
}

// distinct counts the different characters of s.
func distinct(s string) int {
	var seen [256]bool
	n := 0
	for i := 0; i < len(s); i++ {
		if !seen[s[i]] {
			seen[s[i]] = true
			n++
		}
	}
	return n
}

// entropy is the Shannon entropy of s in bits per character.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	h := 0.0
	n := float64(len(s))
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}
