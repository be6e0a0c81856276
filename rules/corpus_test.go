package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/config"
)

// corpusDir holds pyward's own malware corpus: malicious/<behaviour>/…
// and benign/<kind>/…, one sample a file, written from public write-ups'
// facts and ordinary packages' idioms (testdata/malware/README.md).
const corpusDir = "../testdata/malware"

// knownWrong are samples whose verdict is wrong today for a reason
// outside the malware rules, each with that reason. The test fails when
// one of them becomes right, so that the list only shrinks.
var knownWrong = map[string]string{
	"benign/cli/h001.py":              "PW402: sys.argv in a list-form command of a release script",
	"benign/cli/h007.py":              "PW102: a version string from a JSON API reaches pip install's argument",
	"benign/tests/g067_test_shell.py": "B602 HIGH: a shell command with an interpolated temporary path",
}

// TestMalwareCorpus assesses every sample as the gate would (the real
// pipeline, the default configuration and policy): each malicious sample
// must be BLOCKED, each benign near-miss at most MEDIUM. A failure lists
// every sample that got the wrong verdict, with the rules that fired.
func TestMalwareCorpus(t *testing.T) {
	a, err := assess.New(config.Default())
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	var wrong []string
	for _, class := range []string{"malicious", "benign"} {
		root := filepath.Join(corpusDir, class)
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".py") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			res := a.File(assess.Input{Path: filepath.ToSlash(rel), Data: data})
			counts[class]++
			// A sample pyward cannot parse would block for that reason
			// alone, which measures nothing: the corpus is valid Python.
			for _, f := range res.Findings {
				if f.Rule.ID == "PW000" || f.Rule.ID == "PW001" {
					t.Errorf("%s/%s: not judged: %s", class, rel, f.Message)
				}
			}
			ok := res.Level == assess.LevelBlocked
			if class == "benign" {
				ok = res.Level <= assess.LevelMedium
			}
			key := class + "/" + filepath.ToSlash(rel)
			if _, known := knownWrong[key]; known {
				if ok {
					t.Errorf("%s: now %s, as it should be: remove it from knownWrong", key, res.Level)
				}
				return nil
			}
			if !ok {
				var ids []string
				for _, f := range res.Findings {
					if f.Points > 0 || f.Trigger != "" {
						ids = append(ids, f.Rule.ID)
					}
				}
				wrong = append(wrong, fmt.Sprintf("%s/%s: %s (score %d: %s)", class, rel, res.Level, res.Score, strings.Join(ids, " ")))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if counts["malicious"] < 300 || counts["benign"] < 150 {
		t.Errorf("corpus too small: %d malicious, %d benign samples (want at least 300 and 150)", counts["malicious"], counts["benign"])
	}
	sort.Strings(wrong)
	for _, w := range wrong {
		t.Error(w)
	}
}
