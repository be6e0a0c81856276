package parser

import (
	"strings"
	"testing"

	"github.com/pyward/pyward/python/token"
)

// TestPathologicalInput: deep nesting is a syntax error with a message,
// never a stack overflow, and what CPython accepts we accept.
func TestPathologicalInput(t *testing.T) {
	rejected := []struct{ name, src, msg string }{
		{"100000 open parentheses", strings.Repeat("(", 100000), "too many nested parentheses"},
		{"10000-deep nested lists", strings.Repeat("[", 10000) + strings.Repeat("]", 10000), "too many nested parentheses"},
		{"100000 unary minus", strings.Repeat("-", 100000) + "1", tooComplex},
		{"100000 not", strings.Repeat("not ", 100000) + "x", tooComplex},
		{"100000 lambdas", strings.Repeat("lambda:", 100000) + "1", tooComplex},
		{"100000 power", strings.Repeat("2**", 100000) + "1", tooComplex},
		{"101 indentation levels", deepBlocks(101), "too many levels of indentation"},
		// Left-associative chains nest the tree as deeply (CPython:
		// RecursionError during ast construction); TestChains has them all.
		{"100000-long attribute chain", "a" + strings.Repeat(".b", 100000), tooComplex},
		{"long binary chain", strings.Repeat("a + ", 100000) + "a", tooComplex},
	}
	for _, tc := range rejected {
		_, err := Parse([]byte(tc.src))
		e, ok := err.(*token.Error)
		if !ok || e.Msg != tc.msg {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.msg)
		}
	}
	accepted := []struct{ name, src string }{
		// CPython 3.11 accepts 2988 nested unary operators, 200 parentheses
		// and 99 nested blocks.
		{"2988 unary minus", strings.Repeat("-", 2988) + "1"},
		{"199 parentheses", strings.Repeat("(", 199) + "1" + strings.Repeat(")", 199)},
		{"99 nested blocks", deepBlocks(99)},
		{"2900-long attribute chain", "a" + strings.Repeat(".b", 2900)},
		{"100000 string pieces", strings.Repeat("'x' ", 100000)},
		{"2900-long binary chain", strings.Repeat("a + ", 2900) + "a"},
	}
	for _, tc := range accepted {
		if _, err := Parse([]byte(tc.src)); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

func deepBlocks(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "if x:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "pass\n")
	return b.String()
}

// TestBadBytes: binary and malformed input is an error, never a pass.
func TestBadBytes(t *testing.T) {
	for _, src := range []string{
		"\x00\x01\x02", "x = 1\x00", "\xff\xfe\xfd = 1", "x = '\xff'", "\x7fELF\x02\x01\x01",
	} {
		if _, err := ParseFile("bad.py", []byte(src)); err == nil {
			t.Errorf("%q: accepted", src)
		}
	}
}
