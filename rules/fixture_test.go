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

// TestCallNarrowing: the ways a call rule is narrowed go together as
// runCall applies them. A rule narrowed by list options has no Calls or
// CallLast (it would be shown a call twice) and names options it has; a
// rule narrowed by keywords otherwise sees every call (the keywords are
// checked only among those rules).
func TestCallNarrowing(t *testing.T) {
	for _, r := range All() {
		if len(r.CallLists) > 0 && (len(r.Calls) > 0 || len(r.CallLast) > 0) {
			t.Errorf("%s: CallLists with Calls or CallLast", r.ID)
		}
		for _, l := range r.CallLists {
			found := false
			for _, o := range r.Options {
				found = found || o.Name == l && !o.Bool
			}
			if !found {
				t.Errorf("%s: CallLists names %q, which is not one of its list options", r.ID, l)
			}
		}
		if len(r.CallKeywords) > 0 && (len(r.Calls) > 0 || len(r.CallLast) > 0 || len(r.CallLists) > 0) {
			t.Errorf("%s: CallKeywords on a rule that does not see every call", r.ID)
		}
	}
}
