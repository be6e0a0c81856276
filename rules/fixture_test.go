package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pyward/pyward/python/parser"
)

// TestFixtures runs every rule over testdata/ID.py, where each line that
// must produce the rule carries "# want: ID" (several IDs: "# want: B602,
// B607"). The rule must report on exactly those lines, no others; other
// rules' findings are ignored. A rule without a fixture fails the test.
func TestFixtures(t *testing.T) {
	for _, r := range All() {
		path := filepath.Join("testdata", r.ID+".py")
		src, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: no fixture: %v", r.ID, err)
			continue
		}
		want := map[int]bool{}
		for i, line := range strings.Split(string(src), "\n") {
			_, marker, ok := strings.Cut(line, "# want:")
			if !ok {
				continue
			}
			for _, id := range strings.FieldsFunc(marker, func(c rune) bool { return c == ',' || c == ' ' }) {
				if id == r.ID {
					want[i+1] = true
				}
			}
		}
		if len(want) == 0 {
			t.Errorf("%s: fixture has no line marked # want: %s", r.ID, r.ID)
		}
		f, err := parser.ParseFile(exampleName(string(src), path), src)
		if err != nil {
			t.Errorf("%s: fixture does not parse: %v", r.ID, err)
			continue
		}
		got := map[int]bool{}
		for _, fd := range Run(f, []*Rule{r}, nil) {
			got[f.Tok.Line(fd.Start)] = true
		}
		if missing, extra := diffLines(want, got); missing != "" || extra != "" {
			t.Errorf("%s: %s: not flagged on lines [%s]; flagged without # want on lines [%s]", r.ID, path, missing, extra)
		}
	}
}

func diffLines(want, got map[int]bool) (missing, extra string) {
	var m, e []int
	for l := range want {
		if !got[l] {
			m = append(m, l)
		}
	}
	for l := range got {
		if !want[l] {
			e = append(e, l)
		}
	}
	sort.Ints(m)
	sort.Ints(e)
	return strings.Trim(fmt.Sprint(m), "[]"), strings.Trim(fmt.Sprint(e), "[]")
}
