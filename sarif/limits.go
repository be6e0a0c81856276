package sarif

import (
	"compress/gzip"
	"fmt"
	"sort"
	"strings"

	"github.com/pyward/pyward/rules"
)

// limits are what GitHub code scanning accepts in one upload
// (docs.github.com, "SARIF support for code scanning", upload limits). A
// log past them is refused or cut by GitHub without saying what it cut;
// pyward cuts it itself, most severe results first, and says so.
type limits struct {
	results             int // per run
	threadFlowLocations int // per result
	gzipBytes           int // the whole log, gzipped
}

var githubLimits = limits{results: 25000, threadFlowLocations: 10000, gzipBytes: 10 << 20}

// By construction pyward stays within GitHub's other limits: one location
// per result (limit 1,000), at most two tags per rule, capped here anyway
// (limit 20), one run, and rules only for pyward's own rules and the
// external engines' rules that have results (limit 25,000 per run, and the
// results are capped at that).
const maxTags = 20

// fit drops the least severe results until the log is within lim, and says
// in a notification what it left out.
func (l *Log) fit(lim limits) error {
	n := len(l.results)
	keep := n
	if keep > lim.results {
		keep = lim.results
	}
	var order []int // sorted only when something must go
	if keep < n {
		order = l.bySeverity()
		l.keep(order, keep, fmt.Sprintf("GitHub accepts %d results per run", lim.results))
	}
	for {
		b, err := l.JSON()
		if err != nil {
			return err
		}
		if len(b) <= lim.gzipBytes {
			return nil // gzip never makes JSON larger than this
		}
		size, err := gzipSize(b)
		if err != nil {
			return err
		}
		if size <= lim.gzipBytes || keep == 0 {
			return nil
		}
		// Shrink in proportion, with a margin, until it fits.
		next := int(float64(keep) * float64(lim.gzipBytes) / float64(size) * 0.95)
		if next >= keep {
			next = keep - 1
		}
		keep = next
		if order == nil {
			order = l.bySeverity()
		}
		l.keep(order, keep, "GitHub accepts "+bytesText(lim.gzipBytes)+" of gzipped SARIF")
	}
}

// bySeverity orders the results' indexes from the one to keep first:
// unsuppressed before suppressed, new before baselined, then by severity
// and confidence, then in report order.
func (l *Log) bySeverity() []int {
	order := make([]int, len(l.results))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := l.results[order[a]], l.results[order[b]]
		if x.suppressed != y.suppressed {
			return !x.suppressed
		}
		if x.known != y.known {
			return !x.known
		}
		if x.severity != y.severity {
			return x.severity > y.severity
		}
		return x.confidence > y.confidence
	})
	return order
}

// keep keeps the first n results of order (in report order), and replaces
// any earlier limit notification by one counting what is left out.
func (l *Log) keep(order []int, n int, why string) {
	all := l.all()
	kept := make([]bool, len(all))
	for _, i := range order[:n] {
		kept[i] = true
	}
	var out []*result
	left := map[rules.Level]int{}
	for i, r := range all {
		if kept[i] {
			out = append(out, r)
		} else {
			left[r.severity]++
		}
	}
	l.results = out
	var counts []string
	for _, lv := range []rules.Level{rules.High, rules.Medium, rules.Low} {
		if left[lv] > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", left[lv], lv))
		}
	}
	notes := l.inv.ToolExecutionNotifications[:0]
	for _, no := range l.inv.ToolExecutionNotifications {
		if no.Message == nil || no.Message.Text == nil || !strings.HasPrefix(*no.Message.Text, resultsLimitPrefix) {
			notes = append(notes, no)
		}
	}
	l.inv.ToolExecutionNotifications = notes
	l.notice(fmt.Sprintf("%s %d of %d results are left out (%s): %s; the most severe are kept, and the text and JSON reports list every finding",
		resultsLimitPrefix, len(all)-n, len(all), why, strings.Join(counts, ", ")))
}

const resultsLimitPrefix = "SARIF limit:"

// all is every result built, kept or not, in report order: fit may shrink
// the log more than once and each time chooses from all of them.
func (l *Log) all() []*result {
	if l.built == nil {
		l.built = l.results
	}
	return l.built
}

func bytesText(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// gzipSize is the size of b gzipped at the fastest level, which compresses
// less than the level upload-sarif uses: an upper bound of what GitHub
// counts, at a third of the time of the default level.
func gzipSize(b []byte) (int, error) {
	var c counter
	z, err := gzip.NewWriterLevel(&c, gzip.BestSpeed)
	if err != nil {
		return 0, err
	}
	if _, err := z.Write(b); err != nil {
		return 0, err
	}
	if err := z.Close(); err != nil {
		return 0, err
	}
	return int(c), nil
}

type counter int

func (c *counter) Write(p []byte) (int, error) {
	*c += counter(len(p))
	return len(p), nil
}
