package assess

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"strconv"
	"strings"
)

// A Bandit JSON report (`bandit -r . -f json -o bandit.json`) serves as a
// baseline, so that a team adopting pyward keeps the findings it already
// accepted under Bandit. Bandit's results name the check, the file and the
// flagged line with its text (`code`), but not where the flagged
// expression ends, so its entries are fingerprinted by the flagged line
// alone and matched against pyward findings the same way (lineOnly).

type banditReport struct {
	Results []banditResult `json:"results"`
}

type banditResult struct {
	Filename   string `json:"filename"`
	TestID     string `json:"test_id"`
	LineNumber int    `json:"line_number"`
	Code       string `json:"code"`
	IssueText  string `json:"issue_text"`
}

// isBanditReport tells a Bandit JSON report from a pyward baseline by its
// top-level keys.
func isBanditReport(data []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return false
	}
	_, results := top["results"]
	_, pyward := top["pyward_baseline"]
	return results && !pyward
}

// banditEntries reads a Bandit report into baseline entries.
func banditEntries(file string, data []byte) ([]BaselineEntry, error) {
	var rep banditReport
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&rep); err != nil {
		return nil, fmt.Errorf("baseline %s: not a Bandit JSON report: %v", file, err)
	}
	var out []BaselineEntry
	for i, r := range rep.Results {
		if r.Filename == "" || r.TestID == "" || r.LineNumber < 1 {
			return nil, fmt.Errorf("baseline %s: Bandit result %d needs filename, test_id and line_number", file, i+1)
		}
		text, ok := banditLine(r.Code, r.LineNumber)
		if !ok {
			return nil, fmt.Errorf("baseline %s: Bandit result %d (%s in %s, line %d) does not include the text of its line; write the report again without -n 0",
				file, i+1, r.TestID, r.Filename, r.LineNumber)
		}
		p := path.Clean(strings.TrimPrefix(strings.ReplaceAll(r.Filename, "\\", "/"), "./"))
		out = append(out, BaselineEntry{
			Path: p, Rule: r.TestID, Count: 1, Message: r.IssueText,
			Fingerprint: fingerprint(r.TestID, p, 1, func(int) string { return text }, 1, 1),
		})
	}
	return out, nil
}

// banditLine finds line n in Bandit's `code` field, whose lines are the
// flagged line and its context, each prefixed with its number and a space
// (or a tab).
func banditLine(code string, n int) (string, bool) {
	prefix := strconv.Itoa(n)
	for _, l := range strings.Split(code, "\n") {
		if rest, ok := strings.CutPrefix(l, prefix); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
			return rest[1:], true
		}
	}
	return "", false
}
