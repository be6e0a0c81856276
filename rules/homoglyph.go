package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/pyward/pyward/python/token"
	"golang.org/x/text/unicode/norm"
)

// Identifiers written in other characters than the ones they read or
// look as (PW112, PW503). Python reads a name after NFKC normalisation
// (PEP 3131), so `ｅｘｅｃ` and `𝐞𝐯𝐚𝐥` are exec and eval: the parser
// normalises them and every rule sees the builtin, while a reader or a
// search for the name does not. Letters of other scripts that look like
// Latin ones (Cyrillic е, х) are not folded: `ехес` is another name, one
// dressed up as exec to pass a reader's eye. Both are obfuscators'
// fingerprints; names wholly in another script (Greek or Cyrillic words,
// CJK, `λ`, `Δt`) are not, nor a single mathematical letter (`ℓ`).

// disguise is one identifier spelt with characters that are not what it
// reads or looks as.
type disguise struct {
	start, end int32
	raw        string // as written
	looks      string // the ASCII name Python reads it as, or that it looks like; "" when none
	folded     bool   // Python reads it as looks (NFKC), rather than it only looking so
	sensitive  bool   // looks is one of disguisableNames (PW112)
	compat     int    // characters NFKC turns into ASCII ones (fullwidth, mathematical letters)
	mixed      []rune // look-alike letters in a word with Latin ones, or making up a word beside Latin ones
}

// disguiseKey keys a file's disguises in the Context's per-file state:
// PW112 and PW503 share one search.
var disguiseKey = &Rule{ID: "homoglyphs"}

// disguises are the file's disguised identifiers, each distinct spelling
// once (at its first place), found once per file.
func (c *Context) disguises() []disguise {
	if v, ok := c.ruleState[disguiseKey]; ok {
		return v.([]disguise)
	}
	var out []disguise
	if c.File.Module != nil {
		out = judgeNames(c.File.Src, c.File.OtherNames)
	} else {
		out = findDisguises(c.File.Src) // the parser kept no tokens
	}
	if c.ruleState == nil {
		c.ruleState = map[*Rule]any{}
	}
	c.ruleState[disguiseKey] = out
	return out
}

// findDisguises tokenizes the source again, only when it holds a
// non-ASCII byte: the parser keeps no tokens, and most files are ASCII.
func findDisguises(src []byte) []disguise {
	if isASCII(src) {
		return nil
	}
	return judgeNames(src, token.Tokenize(src).Tokens)
}

// judgeNames judges the NAME tokens of toks outside ASCII, each distinct
// spelling once.
func judgeNames(src []byte, toks []token.Token) []disguise {
	var out []disguise
	seen := map[string]bool{}
	for _, t := range toks {
		if t.Kind != token.NAME {
			continue
		}
		b := src[t.Start:t.End]
		if isASCII(b) || seen[string(b)] {
			continue
		}
		seen[string(b)] = true
		if d := judgeName(string(b)); d.sensitive || len(d.mixed) > 0 || d.compat >= 2 {
			d.start, d.end = t.Start, t.End
			out = append(out, d)
		}
	}
	return out
}

func isASCII[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// judgeName finds what a non-ASCII identifier reads and looks as.
func judgeName(raw string) disguise {
	d := disguise{raw: raw}
	reads := norm.NFKC.String(raw)
	for _, r := range raw {
		if r >= 0x80 {
			if f := norm.NFKC.String(string(r)); f != string(r) && isASCII(f) {
				d.compat++
			}
		}
	}
	var skel strings.Builder
	strict, other := 0, false
	for _, r := range reads {
		if l, ok := lookalikes[r]; ok {
			skel.WriteByte(l.latin)
			if l.strict {
				strict++
			}
			continue
		}
		other = other || r >= 0x80
		skel.WriteRune(r)
	}
	switch {
	case isASCII(reads):
		d.looks, d.folded = reads, true
		d.sensitive = disguisableNames[reads]
	case !other && strict > 0:
		// Every non-ASCII letter is a look-alike, one at least drawn as
		// the Latin letter (the Greek letters mathematics names its
		// variables with do not make `ρty` look like pty).
		d.looks = skel.String()
		d.sensitive = disguisableSkeletons[skeleton(d.looks)]
	}
	d.mixed = mixedLetters(reads)
	return d
}

// skeleton folds what confusables.txt treats as one letter in ASCII: a
// capital I and an l.
func skeleton(s string) string { return strings.ReplaceAll(s, "I", "l") }

var disguisableSkeletons = func() map[string]bool {
	m := map[string]bool{}
	for n := range disguisableNames {
		m[skeleton(n)] = true
	}
	return m
}()

// mixedLetters are the look-alike letters (strict ones) of a name that
// share a word with Latin letters (`pаssword`), or make up a word of a
// name that has Latin letters elsewhere (`сору_file`). Words are split
// at underscores and digits.
func mixedLetters(name string) []rune {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '_' || unicode.IsDigit(r) })
	latinAnywhere := strings.IndexFunc(name, func(r rune) bool { return unicode.Is(unicode.Latin, r) }) >= 0
	var out []rune
	for _, w := range words {
		var look []rune
		latin, others := 0, 0
		for _, r := range w {
			switch l, ok := lookalikes[r]; {
			case ok && l.strict:
				look = append(look, r)
			case unicode.Is(unicode.Latin, r):
				latin++
			default:
				others++
			}
		}
		if len(look) > 0 && (latin > 0 || others == 0 && latinAnywhere) {
			out = append(out, look...)
		}
	}
	return out
}

// describeLetters names look-alike letters with their scripts and code
// points: "Cyrillic е (U+0435), х (U+0445)".
func describeLetters(rs []rune) string {
	byScript := map[string][]string{}
	seen := map[rune]bool{}
	for _, r := range rs {
		if seen[r] {
			continue
		}
		seen[r] = true
		s := lookalikes[r].script
		byScript[s] = append(byScript[s], fmt.Sprintf("%c (U+%04X)", r, r))
	}
	var scripts []string
	for s := range byScript {
		scripts = append(scripts, s)
	}
	sort.Strings(scripts)
	var parts []string
	for _, s := range scripts {
		parts = append(parts, s+" "+strings.Join(byScript[s], ", "))
	}
	return strings.Join(parts, "; ")
}

// lookalikeLetters are the look-alike letters of a name.
func lookalikeLetters(name string) []rune {
	var out []rune
	for _, r := range norm.NFKC.String(name) {
		if _, ok := lookalikes[r]; ok {
			out = append(out, r)
		}
	}
	return out
}
