package assess

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// maxFingerprintLines bounds how much of a long flagged span (a whole
// function for B107) goes into its fingerprint.
const maxFingerprintLines = 20

// fingerprint identifies a finding by its rule, its file and the text of
// the lines it flags with white space folded, and not by line number: code
// that moves up or down, or a function renamed around the finding, keeps
// the fingerprint; editing the flagged lines themselves makes a new one.
// The enclosing lines are deliberately left out, so that unrelated edits
// next to a known finding do not turn it into a new one. Two identical
// findings in one file share a fingerprint and are told apart by count.
func fingerprint(rule, path string, lineCount int, line func(int) string, start, end int) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", rule, path)
	if line != nil {
		end = min(max(end, start), start+maxFingerprintLines-1, lineCount)
		for n := start; n <= end; n++ {
			h.Write([]byte(strings.Join(strings.Fields(line(n)), " ")))
			h.Write([]byte{'\n'})
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// BaselineEntry is one kind of known finding: count findings of rule in
// path with the same fingerprint.
type BaselineEntry struct {
	Path        string `json:"path"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Count       int    `json:"count"`
	// Message is for people reading the file; matching ignores it.
	Message string `json:"message,omitempty"`
}

// baselineFile is the file's format: sorted entries, one per line when
// written, so that it diffs well in review.
type baselineFile struct {
	Version  int             `json:"pyward_baseline"`
	Findings []BaselineEntry `json:"findings"`
}

const baselineVersion = 1

// Baseline is a loaded baseline. A finding matches an entry with the same
// path, rule and fingerprint while the entry's count lasts: moving code
// keeps it baselined, a second copy of the same problem is new.
type Baseline struct {
	mu      sync.Mutex
	entries map[baselineKey]*baselineCount
	// lineOnly: the entries come from a Bandit report, which knows only
	// the flagged line, so findings are fingerprinted by their first line.
	lineOnly bool
}

type baselineKey struct{ path, rule, fingerprint string }

type baselineCount struct {
	BaselineEntry
	left int
}

// baselineWords says what is wrong with a baseline in its user's words,
// not the decoder's ("EOF", "cannot unmarshal array into Go value of
// type assess.baselineFile").
func baselineWords(err error) string {
	var te *json.UnmarshalTypeError
	const again = "; write it again with pyward baseline FILE"
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "the file is empty or cut short, not a pyward baseline" + again
	case errors.As(err, &te):
		where := "the file"
		if te.Field != "" {
			where = "field " + te.Field
		}
		return fmt.Sprintf("not a pyward baseline: %s holds a JSON %s where pyward writes %s%s", where, te.Value, jsonKind(te.Type.Kind().String()), again)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "not a pyward baseline: " + strings.TrimPrefix(err.Error(), "json: ") + again
	}
	return err.Error()
}

// jsonKind names a Go kind as the JSON it is written as.
func jsonKind(k string) string {
	switch k {
	case "struct", "map":
		return "an object"
	case "slice", "array":
		return "a list"
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	}
	return "a number"
}

// LoadBaseline reads a baseline file. Anything malformed is an error
// naming the file: a baseline that silently failed to load would turn
// every known finding into a blocking one, or worse, hide new ones.
func LoadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	if isBanditReport(data) {
		entries, err := banditEntries(path, data)
		if err != nil {
			return nil, err
		}
		b := &Baseline{entries: map[baselineKey]*baselineCount{}, lineOnly: true}
		for _, e := range entries {
			b.add(e)
		}
		return b, nil
	}
	var bf baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&bf); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n")) + 1
			return nil, fmt.Errorf("baseline %s:%d: not valid JSON: %v", path, line, err)
		}
		return nil, fmt.Errorf("baseline %s: %s", path, baselineWords(err))
	}
	if bf.Version != baselineVersion {
		return nil, fmt.Errorf("baseline %s: not a pyward baseline of version %d (pyward_baseline is %d); write it again with pyward baseline", path, baselineVersion, bf.Version)
	}
	b := &Baseline{entries: map[baselineKey]*baselineCount{}}
	for i, e := range bf.Findings {
		if e.Path == "" || e.Rule == "" || e.Fingerprint == "" || e.Count < 1 {
			return nil, fmt.Errorf("baseline %s: entry %d needs path, rule, fingerprint and a count of at least 1", path, i+1)
		}
		b.add(e)
	}
	return b, nil
}

// add counts an entry in, adding to an identical one.
func (b *Baseline) add(e BaselineEntry) {
	k := baselineKey{e.Path, e.Rule, e.Fingerprint}
	if c, ok := b.entries[k]; ok {
		c.Count += e.Count
		c.left += e.Count
		return
	}
	b.entries[k] = &baselineCount{e, e.Count}
}

// match consumes one count of the finding's entry: "unchanged" when it
// was known, "new" when not (or when every known copy is taken).
func (b *Baseline) match(path, rule, fp string) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if c, ok := b.entries[baselineKey{path, rule, fp}]; ok && c.left > 0 {
		c.left--
		return "unchanged"
	}
	return "new"
}

// Absent returns the baselined findings that were not seen in the files
// scanned (fixed, or their lines changed), by count. Entries of files that
// were not scanned are not absent: a partial scan says nothing of them.
func (b *Baseline) Absent(scanned []FileResult) []BaselineEntry {
	seen := map[string]bool{}
	for _, r := range scanned {
		if r.Error == "" {
			seen[r.Path] = true
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []BaselineEntry
	for _, c := range b.entries {
		if c.left > 0 && seen[c.Path] {
			e := c.BaselineEntry
			e.Count = c.left
			out = append(out, e)
		}
	}
	sortEntries(out)
	return out
}

// BaselineEntries turns scan results into baseline entries: every finding
// that scores (neither suppressed nor preexisting), grouped and counted.
func BaselineEntries(results []FileResult) []BaselineEntry {
	idx := map[baselineKey]int{}
	var out []BaselineEntry
	for _, r := range results {
		for _, f := range r.Findings {
			if f.Suppressed || f.Preexisting || f.Rule == NotJudgedRule {
				continue // a file not judged is never accepted as known
			}
			k := baselineKey{r.Path, f.Rule.ID, f.Fingerprint}
			if i, ok := idx[k]; ok {
				out[i].Count++
				continue
			}
			idx[k] = len(out)
			out = append(out, BaselineEntry{Path: r.Path, Rule: f.Rule.ID, Fingerprint: f.Fingerprint, Count: 1, Message: f.Message})
		}
	}
	sortEntries(out)
	return out
}

func sortEntries(es []BaselineEntry) {
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Fingerprint < b.Fingerprint
	})
}

// WriteBaseline writes entries to path atomically, one entry per line.
func WriteBaseline(path string, entries []BaselineEntry) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\"pyward_baseline\": %d, \"findings\": [", baselineVersion)
	for i, e := range entries {
		line, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n  ")
		buf.Write(line)
	}
	if len(entries) > 0 {
		buf.WriteByte('\n')
	}
	buf.WriteString("]}\n")
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pyward-baseline-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
