package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pyward/pyward/flow"
	"github.com/pyward/pyward/python/parser"
)

// corpusFolder is the corpus folder a file of a cross-file case is in,
// and corpusName its path inside it (what a scan of the folder reports).
func corpusFolder(path string) string {
	rel, _ := filepath.Rel(filepath.Join("testdata", "flow"), path)
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	return first
}

func corpusName(path string) string {
	rel, _ := filepath.Rel(filepath.Join("testdata", "flow", corpusFolder(path)), path)
	return filepath.ToSlash(rel)
}

// corpusProgram is the program of one corpus folder, as a scan of it
// would build it.
func corpusProgram(t *testing.T, dir string, members []string) *flow.Program {
	var pw4 []*Rule
	for _, r := range All() {
		if strings.HasPrefix(r.ID, "PW4") {
			pw4 = append(pw4, r)
		}
	}
	set := NewSet(pw4)
	byName := map[string]string{}
	var names []string
	for _, p := range members {
		byName[corpusName(p)] = p
		names = append(names, corpusName(p))
	}
	return flow.NewProgram(names, func(name string) *flow.Module {
		src, err := os.ReadFile(byName[name])
		if err != nil {
			t.Error(err)
			return nil
		}
		f, err := parser.ParseFile(name, src)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return nil
		}
		return set.FlowModule(f)
	})
}

// flowCase is one case of the data-flow corpus (testdata/flow, written
// by gen.py): its name, its lines, the lines that must flag and whether
// it is a known miss or false alarm.
type flowCase struct {
	file, name string
	vuln       bool
	known      string
	start, end int // lines, inclusive
}

// flowCorpus runs the PW4xx rules over every module of the corpus and
// returns its cases, the lines wanted and the lines flagged, by file.
func flowCorpus(t *testing.T) (cases []flowCase, want, got map[string]map[int]string) {
	files, err := filepath.Glob(filepath.Join("testdata", "flow", "*.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus under testdata/flow: %v", err)
	}
	// A folder of the corpus is one scan: its files are a program, each
	// analysed with the others (cross-file cases).
	progs := map[string]*flow.Program{}
	dirs, _ := filepath.Glob(filepath.Join("testdata", "flow", "*", ""))
	for _, d := range dirs {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			continue
		}
		var members []string
		filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(p, ".py") {
				members = append(members, p)
			}
			return nil
		})
		prog := corpusProgram(t, d, members)
		for _, p := range members {
			files = append(files, p)
			progs[p] = prog
		}
	}
	var pw4 []*Rule
	for _, r := range All() {
		if strings.HasPrefix(r.ID, "PW4") {
			pw4 = append(pw4, r)
		}
	}
	want, got = map[string]map[int]string{}, map[string]map[int]string{}
	set := NewSet(pw4)
	for _, path := range files {
		if strings.HasSuffix(path, "gen.py") {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want[path], got[path] = map[int]string{}, map[int]string{}
		lines := strings.Split(string(src), "\n")
		for i, line := range lines {
			if _, m, ok := strings.Cut(line, "# want:"); ok {
				want[path][i+1] = strings.TrimSpace(m)
			}
			if rest, ok := strings.CutPrefix(line, "# case: "); ok {
				name, known, _ := strings.Cut(rest, "  # known: ")
				if n := len(cases); n > 0 && cases[n-1].file == path {
					cases[n-1].end = i
				}
				cases = append(cases, flowCase{file: path, name: strings.TrimSpace(name), vuln: strings.HasSuffix(strings.TrimSpace(name), "_vuln"), known: known, start: i + 1, end: len(lines)})
			}
		}
		name := path
		if progs[path] != nil {
			name = corpusName(path) // the path in its scan
		}
		f, err := parser.ParseFile(name, src)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, fd := range set.RunWith(f, nil, progs[path]) {
			got[path][f.Tok.Line(fd.Start)] = fd.Rule.ID
		}
	}
	return cases, want, got
}

// TestFlowCorpus: in every case of the corpus, the PW4xx rules flag
// exactly the lines marked `# want: ID`, with that ID, and no other
// line; cases marked `# known:` are the analysis' documented misses and
// false alarms, counted by bench/flow.sh instead.
func TestFlowCorpus(t *testing.T) {
	cases, want, got := flowCorpus(t)
	if len(cases) < 400 {
		t.Fatalf("corpus has %d cases, want at least 400", len(cases))
	}
	var bad []string
	for _, c := range cases {
		if c.known != "" {
			continue
		}
		for l := c.start; l <= c.end; l++ {
			w, g := want[c.file][l], got[c.file][l]
			if w != g {
				bad = append(bad, fmt.Sprintf("%s:%d %s: want %q, got %q", c.file, l, c.name, w, g))
			}
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("%d lines differ:\n%s", len(bad), strings.Join(bad, "\n"))
	}
}

// TestFlowCorpusRates prints, per sink family, the true- and
// false-positive rates over the corpus, known cases included (run by
// bench/flow.sh with -v).
func TestFlowCorpusRates(t *testing.T) {
	cases, want, got := flowCorpus(t)
	type rate struct{ tp, vuln, fp, safe int }
	byFam := map[string]*rate{}
	for _, c := range cases {
		fam := strings.TrimSuffix(filepath.Base(c.file), ".py")
		if d := filepath.Dir(c.file); filepath.Base(d) != "flow" {
			fam = corpusFolder(c.file) // a folder's cases count together
		}
		r := byFam[fam]
		if r == nil {
			r = &rate{}
			byFam[fam] = r
		}
		flagged, hit := false, false
		for l := c.start; l <= c.end; l++ {
			if got[c.file][l] != "" {
				flagged = true
				if want[c.file][l] == got[c.file][l] {
					hit = true
				}
			}
		}
		if c.vuln {
			r.vuln++
			if hit {
				r.tp++
			}
		} else {
			r.safe++
			if flagged {
				r.fp++
			}
		}
	}
	fams := make([]string, 0, len(byFam))
	for f := range byFam {
		fams = append(fams, f)
	}
	sort.Strings(fams)
	var all rate
	t.Logf("%-12s %5s %5s %7s %7s %9s", "family", "vuln", "safe", "TPR", "FPR", "TPR-FPR")
	for _, f := range fams {
		r := byFam[f]
		all.tp, all.vuln, all.fp, all.safe = all.tp+r.tp, all.vuln+r.vuln, all.fp+r.fp, all.safe+r.safe
		tpr, fpr := float64(r.tp)/float64(r.vuln), float64(r.fp)/float64(r.safe)
		t.Logf("%-12s %5d %5d %7.3f %7.3f %9.3f", f, r.vuln, r.safe, tpr, fpr, tpr-fpr)
	}
	tpr, fpr := float64(all.tp)/float64(all.vuln), float64(all.fp)/float64(all.safe)
	t.Logf("%-12s %5d %5d %7.3f %7.3f %9.3f", "all", all.vuln, all.safe, tpr, fpr, tpr-fpr)
}
