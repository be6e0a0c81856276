package rules

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/pyward/pyward/python/parser"
)

// TestCallWhenKeepsFindings checks Rule.CallWhen's promise: every rule
// finds the same, in the same order, when the rules narrowed by it are
// shown every call, on every corpus file and the standard library.
func TestCallWhenKeepsFindings(t *testing.T) {
	narrowed := 0
	for _, r := range All() {
		if r.CallWhen != nil {
			narrowed++
		}
	}
	if narrowed == 0 {
		t.Fatal("no rule has CallWhen")
	}
	run := func(every bool) func(f *parser.File) string {
		everyCall = every
		set := NewSet(All())
		everyCall = false
		return func(f *parser.File) string {
			var b strings.Builder
			for _, fd := range set.Run(f, nil) {
				fmt.Fprintf(&b, "%s %d-%d %s %s %s\n", fd.Rule.ID, fd.Start, fd.End, fd.Severity, fd.Confidence, fd.Message)
			}
			return b.String()
		}
	}
	narrow, every := run(false), run(true)
	compared := 0
	for _, path := range corpusPaths(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		f, err := parser.ParseFile(path, src)
		if err != nil {
			continue
		}
		compared++
		if got, want := narrow(f), every(f); got != want {
			t.Errorf("%s: shown every call:\n%s\nnarrowed:\n%s", path, want, got)
		}
	}
	if compared < 1000 {
		t.Fatalf("only %d files compared", compared)
	}
	t.Logf("%d rules narrowed, %d files compared", narrowed, compared)
}
