package rules

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pyward/pyward/python/ast"
)

// bidiControls are the Unicode characters that reorder text on screen
// (CVE-2021-42574, "Trojan Source"), in the order Bandit reports them.
var bidiControls = []rune{0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200F}

func init() {
	Register(&Rule{
		ID: "B613", Name: "trojansource", Severity: High, Confidence: Medium, CWE: 838,
		Message:        "bidirectional control character: the code may run differently from how it reads",
		Recommendation: "Remove the control character; if right-to-left text is needed in a string, write it with \\u escapes.",
		Help:           "Bidirectional controls reorder how text is displayed, so a reviewer can see a comment where the interpreter sees code (CVE-2021-42574). One finding per file, on the first line that has one.",
		Flagged:        []string{"access = 'user\u202e \u2066# admin\u2069 \u2066'\n"},
		Clean:          []string{"greeting = '\\u202e escaped is fine'\n", "x = 'שלום'\n"},
		Kinds:          []Kind{KindFile},
		Check: func(c *Context, n ast.Node) {
			src := c.File.Src
			// Every control listed is encoded in UTF-8 starting with 0xE2:
			// most files have no such byte and need no line-by-line search.
			if bytes.IndexByte(src, 0xE2) < 0 {
				return
			}
			for start := 0; start < len(src); {
				end := start
				for end < len(src) && src[end] != '\n' {
					end++
				}
				line := string(src[start:end])
				for _, r := range bidiControls {
					if i := strings.IndexRune(line, r); i >= 0 {
						off := int32(start + i)
						c.ReportSpan(off, off+int32(utf8.RuneLen(r)), c.rule.Severity, c.rule.Confidence,
							fmt.Sprintf("bidirectional control character U+%04X: the code may run differently from how it reads", r))
						return
					}
				}
				start = end + 1
			}
		},
	})
}
