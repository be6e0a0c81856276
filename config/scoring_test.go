package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func load(t *testing.T, yaml string) (*Config, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), ".pyward.yaml")
	if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return LoadFile(p)
}

// The scoring and adoption keys: read, normalized, and their mistakes
// reported with the file and the line.
func TestScoringAndAdoptionKeys(t *testing.T) {
	c, err := load(t, "scoring:\n  repeats: each\n  low-only-max: high\n  constant: same\nbaseline: .pyward-baseline.json\nnew-only: true\n")
	if err != nil {
		t.Fatal(err)
	}
	if c.Scoring != (Scoring{Repeats: "each", LowOnlyMax: "HIGH", Constant: "same"}) || c.Baseline != ".pyward-baseline.json" || !c.NewOnly {
		t.Errorf("got %+v baseline %q new-only %v", c.Scoring, c.Baseline, c.NewOnly)
	}
	// Keys left out keep their defaults.
	if c, err := load(t, "scoring:\n  repeats: worst\n"); err != nil || c.Scoring.LowOnlyMax != "MEDIUM" || c.Scoring.Constant != "LOW" {
		t.Errorf("partial scoring: %+v %v", c, err)
	}
	for _, tc := range []struct{ yaml, want string }{
		{"policy: standard\nscoring:\n  repeats: twice\n", ":3: scoring: repeats: \"twice\" is not one of worst, each"},
		{"scoring:\n  repeats: worst\n  low-only-max: severe\n", ":3: scoring: low-only-max: \"SEVERE\" is not one of low, medium, high, blocked"},
		{"scoring:\n  constant: zero\n", ":2: scoring: constant: \"ZERO\" is not one of low, medium, high, same"},
		{"scoring:\n  repeat: worst\n", ":2: unknown key \"repeat\" (did you mean \"repeats\"?)"},
		{"new-only: maybe\n", ":1: new-only:"},
		{"baseline: \"\"\n", ":1: baseline: want the path of a baseline file"},
	} {
		_, err := load(t, tc.yaml)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

// The built-in trusted entry is marked as such; a configuration's own
// trusted list replaces it.
func TestTrustedDefault(t *testing.T) {
	if d := Default(); len(d.Trusted) != 1 || !d.Trusted[0].Default {
		t.Errorf("default trusted: %+v", d.Trusted)
	}
	c, err := load(t, "trusted:\n  - paths: [\"tests/**\"]\n    rules: [B101]\n    reason: ours\n")
	if err != nil || len(c.Trusted) != 1 || c.Trusted[0].Default || c.Trusted[0].Reason != "ours" {
		t.Errorf("configured trusted: %+v %v", c.Trusted, err)
	}
}
