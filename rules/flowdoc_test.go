package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pyward/pyward/flow"
)

// flowDocTable returns the rows of the markdown table of the
// configuration reference whose header starts with header, as cells.
func flowDocTable(t *testing.T, header string) [][]string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("..", "docs", "configuration.md"))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	in := false
	for _, line := range strings.Split(string(doc), "\n") {
		switch {
		case strings.HasPrefix(line, header):
			in = true
		case in && strings.HasPrefix(line, "| ---"):
		case in && strings.HasPrefix(line, "|"):
			var cells []string
			for _, c := range strings.Split(strings.Trim(line, "|"), " | ") {
				cells = append(cells, strings.Trim(strings.TrimSpace(c), "`"))
			}
			rows = append(rows, cells)
		case in:
			return rows
		}
	}
	t.Fatalf("no table %q in docs/configuration.md", header)
	return nil
}

// The families the configuration reference lists for the flow section
// are the model's sink families, each once, and the rules it names for
// each are the rules flowRules gives for those labels.
func TestFlowFamiliesDoc(t *testing.T) {
	rows := flowDocTable(t, "| family | user input | request data | downloaded |")
	labels := []flow.Labels{flow.User, flow.User | flow.Remote, flow.Network}
	documented := map[string]bool{}
	for _, r := range rows {
		fam := r[0]
		if documented[fam] {
			t.Errorf("family %s is listed twice", fam)
		}
		documented[fam] = true
		if flow.Family(fam) == 0 || !strings.Contains(" "+strings.Join(flow.SinkFamilies(), " ")+" ", " "+fam+" ") {
			t.Errorf("the documented family %q is not a sink family of the model", fam)
			continue
		}
		for i, l := range labels {
			want := "—"
			var ids []string
			for _, fr := range flowRules(flow.Event{Family: fam, Labels: l, Callee: "company.f"}) {
				ids = append(ids, strings.Fields(fr.rule)[0]) // "PW105 to a call-home endpoint" is PW105 when it counts
			}
			if len(ids) > 0 {
				want = strings.Join(ids, ", ")
			}
			if r[1+i] != want {
				t.Errorf("family %s, labels %v: the doc says %s, the rules give %s", fam, l.Names(), r[1+i], want)
			}
		}
	}
	for _, f := range flow.SinkFamilies() {
		if !documented[f] {
			t.Errorf("sink family %q is missing from docs/configuration.md", f)
		}
	}
}

// Every label the reference explains exists in the model, and the rules
// it names for a label are real.
func TestFlowLabelsDoc(t *testing.T) {
	rows := flowDocTable(t, "| label | meaning |")
	if len(rows) < 5 {
		t.Fatalf("%d labels documented", len(rows))
	}
	id := regexp.MustCompile(`\bPW\d{3}\b`)
	for _, r := range rows {
		if flow.Label(r[0]) == 0 {
			t.Errorf("the documented label %q does not exist", r[0])
		}
		for _, rid := range id.FindAllString(r[1], -1) {
			if Lookup(rid) == nil {
				t.Errorf("label %s: rule %s does not exist", r[0], rid)
			}
		}
	}
}
