package assess

import (
	"os"
	"testing"
)

// docs/scoring.md is generated from the scoring data; it must be current.
func TestScoringDoc(t *testing.T) {
	const path = "../docs/scoring.md"
	want := ScoringMarkdown()
	if os.Getenv("PYWARD_UPDATE_DOCS") == "1" {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("docs/scoring.md is stale: PYWARD_UPDATE_DOCS=1 go test ./assess -run TestScoringDoc (%v)", err)
	}
}
