package parser

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyward/pyward/python/ast"
)

var update = flag.Bool("update", false, "rewrite the golden files of TestGolden")

// TestGolden covers syntax newer than the machine's CPython (3.12 type
// parameters and aliases, PEP 701 f-strings, 3.13 type parameter defaults),
// which the oracle tests cannot check. Each testdata/golden/NAME.py has the
// expected dump in NAME.dump. The dumps were written out by -update and then
// checked: the PEP 701 ones are identical to CPython 3.11's dump of a
// program of the same shape (quotes swapped, a comment blanked out), and
// every field and position of the type-parameter ones was checked by hand.
// Review a diff from -update line by line before keeping it.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.py"))
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := ParseFile(path, src)
			var got string
			if err != nil {
				got = "error: " + err.Error()
			} else {
				got = ast.Dump(f.Module, f.Tok)
			}
			// One statement per line keeps the golden files reviewable.
			got = strings.ReplaceAll(got, "Module(body=[", "Module(body=[\n")
			want := strings.TrimSuffix(path, ".py") + ".dump"
			if *update {
				os.WriteFile(want, []byte(got+"\n"), 0o644)
				return
			}
			b, err := os.ReadFile(want)
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimRight(string(b), "\n") != got {
				t.Errorf("dump differs from %s\n%s", want, firstDiff(got, strings.TrimRight(string(b), "\n")))
			}
		})
	}
}
