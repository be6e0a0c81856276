package report

import (
	"fmt"
	"strings"
	"unicode"
)

// Safe makes text from a scanned file (source lines, paths, messages that
// quote code) harmless on a terminal and in a CI log: control characters
// (an escape sequence can erase or rewrite the line shown) and the bidi
// controls of "Trojan Source" (which reorder what is displayed) are shown
// as escapes such as \x1b and \u202e, so that what is printed is what is
// there. Tabs are kept.
func Safe(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	if r == '\t' {
		return false
	}
	if r == unicode.ReplacementChar {
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) ||
		r == '\u2028' || r == '\u2029' // line and paragraph separators
}
