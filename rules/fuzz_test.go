package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pyward/pyward/python/parser"
)

// FuzzRules runs every rule on whatever parses (and the text rules on
// whatever does not): no input may make a rule panic or hang. The seeds
// are the rule fixtures.
func FuzzRules(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.py"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	set := NewSet(All())
	f.Fuzz(func(t *testing.T, src []byte) {
		pf, err := parser.ParseFile("setup.py", src)
		if err != nil {
			set.RunText(parser.TextFile("x.py", src), nil)
			return
		}
		fds := set.Run(pf, nil)
		Suppress(pf, fds, ParseSuppressions(pf))
		for _, fd := range fds {
			if fd.Start < 0 || fd.End < fd.Start || int(fd.End) > len(pf.Src) {
				t.Fatalf("%s: span %d-%d outside the %d-byte source", fd.Rule.ID, fd.Start, fd.End, len(pf.Src))
			}
		}
	})
}
