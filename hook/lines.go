package hook

import (
	"strings"

	"github.com/go-git/go-git/v5/utils/diff"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// LineRange is a run of lines, 1-based and inclusive.
type LineRange struct {
	Start, End int
}

// ChangedLines returns the lines of new that are added or changed
// relative to old, as sorted, disjoint ranges. Lines only removed leave no
// range: nothing in new is there to report on.
func ChangedLines(old, new []byte) []LineRange {
	out := []LineRange{}
	line := 1
	for _, d := range diff.Do(string(old), string(new)) {
		n := strings.Count(d.Text, "\n")
		if !strings.HasSuffix(d.Text, "\n") && d.Text != "" {
			n++ // a last line without a newline
		}
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			line += n
		case diffmatchpatch.DiffInsert:
			if n == 0 {
				continue
			}
			if k := len(out); k > 0 && out[k-1].End == line-1 {
				out[k-1].End = line + n - 1
			} else {
				out = append(out, LineRange{line, line + n - 1})
			}
			line += n
		}
	}
	return out
}
