package literal

import (
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/runenames"
)

// Unicode character names for \N{...} escapes. The name table of
// golang.org/x/text is indexed by code point; the reverse map is built once,
// the first time a file uses \N{...}. CPython matches names without regard
// to case, and computes the CJK ideograph and Hangul syllable names.
var (
	namesOnce sync.Once
	byName    map[string]rune
)

func buildNames() { byName = namesOf(unnamed) }

// namesOf is the reverse map of the table, skipping the ranges of code
// points in skip (sorted), which the table gives no name: asking the
// table about each of the 1.1 million code points was a fiftieth of a
// standard-library scan, one of the files having a \N{...} escape.
func namesOf(skip [][2]rune) map[string]rune {
	m := make(map[string]rune, 40000)
	for r := rune(0); r <= 0x10FFFF; r++ {
		for len(skip) > 0 && r > skip[0][1] {
			skip = skip[1:]
		}
		if len(skip) > 0 && r >= skip[0][0] {
			r = skip[0][1]
			continue
		}
		n := runenames.Name(r)
		if n == "" || n[0] == '<' {
			continue
		}
		if _, dup := m[n]; !dup {
			m[n] = r
		}
	}
	for alias, r := range nameAliases {
		m[alias] = r
	}
	return m
}

// unnamed are the ranges the table names by their block at most
// ("<CJK Ideograph>", "<Private Use>"), or not at all: the ideographs
// and Hangul syllables, whose names lookupName computes, the surrogates,
// the private use planes and the planes without characters.
// TestUnnamedRangesHaveNoNames checks each code point of them.
var unnamed = [][2]rune{
	{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0xD800, 0xF8FF},
	{0x20000, 0x2A6DF}, {0x2A700, 0x2EBE0}, {0x30000, 0x3134A}, {0x40000, 0xDFFFF}, {0xF0000, 0x10FFFF},
}

// nameAliases are the formal aliases CPython also accepts in \N{...}, for
// the characters whose names the table does not give (control characters)
// and the commonest corrections.
var nameAliases = map[string]rune{
	"NULL": 0x00, "CHARACTER TABULATION": 0x09, "LINE FEED": 0x0A, "NEW LINE": 0x0A,
	"END OF LINE": 0x0A, "LINE TABULATION": 0x0B, "FORM FEED": 0x0C,
	"CARRIAGE RETURN": 0x0D, "ESCAPE": 0x1B, "DELETE": 0x7F, "NO-BREAK SPACE": 0xA0,
	"BYTE ORDER MARK": 0xFEFF, "ZERO WIDTH NO-BREAK SPACE": 0xFEFF, "BELL": 0x07,
	"BACKSPACE": 0x08, "HORIZONTAL TABULATION": 0x09, "VERTICAL TABULATION": 0x0B,
	"NEXT LINE": 0x85, "LF": 0x0A, "CR": 0x0D, "NUL": 0x00, "TAB": 0x09, "ESC": 0x1B,
	"DEL": 0x7F, "NBSP": 0xA0, "BOM": 0xFEFF, "ZWSP": 0x200B, "ZWNJ": 0x200C, "ZWJ": 0x200D,
	"NEL": 0x85, "SHY": 0xAD,
}

// lookupName returns the code point named name, as unicodedata.lookup does
// for \N{...}.
func lookupName(name string) (rune, bool) {
	name = strings.ToUpper(name)
	if hex, ok := strings.CutPrefix(name, "CJK UNIFIED IDEOGRAPH-"); ok && (len(hex) == 4 || len(hex) == 5) {
		v, err := strconv.ParseUint(hex, 16, 32)
		if err == nil && isUnifiedIdeograph(rune(v)) {
			return rune(v), true
		}
		return 0, false
	}
	if syl, ok := strings.CutPrefix(name, "HANGUL SYLLABLE "); ok {
		return hangulSyllable(syl)
	}
	namesOnce.Do(buildNames)
	r, ok := byName[name]
	return r, ok
}

// isUnifiedIdeograph reports whether r is in one of the CJK Unified
// Ideograph blocks (Unicode 14, as CPython 3.11).
func isUnifiedIdeograph(r rune) bool {
	return r >= 0x3400 && r <= 0x4DBF || r >= 0x4E00 && r <= 0x9FFF ||
		r >= 0x20000 && r <= 0x2A6DF || r >= 0x2A700 && r <= 0x2B738 ||
		r >= 0x2B740 && r <= 0x2B81D || r >= 0x2B820 && r <= 0x2CEA1 ||
		r >= 0x2CEB0 && r <= 0x2EBE0 || r >= 0x30000 && r <= 0x3134A
}

// Hangul syllable names are built from the short names of their jamo
// (Unicode §3.12).
var (
	jamoL = []string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	jamoV = []string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	jamoT = []string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
)

func hangulSyllable(s string) (rune, bool) {
	// Try every L; the longest jamo that fits at each step is not always
	// right, so check all combinations (19*21*28 is small).
	for l, ln := range jamoL {
		if !strings.HasPrefix(s, ln) {
			continue
		}
		for v, vn := range jamoV {
			if !strings.HasPrefix(s[len(ln):], vn) {
				continue
			}
			rest := s[len(ln)+len(vn):]
			for t, tn := range jamoT {
				if rest == tn {
					return rune(0xAC00 + (l*21+v)*28 + t), true
				}
			}
		}
	}
	return 0, false
}
