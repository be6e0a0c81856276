package sarif

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/pyward/pyward/rules"
)

// go-sarif v2 declares a few optional properties without omitempty, so an
// unset one is written as null, which the SARIF schema (and with it
// codeql-action's upload-sarif) rejects: all four optional fields of
// Suppression, and the guid of a ToolComponentReference. pyward writes
// those two objects with its own types, below, and every other object
// through go-sarif. The wrappers shadow go-sarif's fields of the same JSON
// name (encoding/json prefers the shallower field), so the rest of each
// object is go-sarif's own encoding. docs/decisions.md says why not v3.

// Log is a SARIF log ready to be written.
type Log struct {
	report  *sarif.Report
	run     *sarif.Run
	inv     *sarif.Invocation
	results []*result // those written
	built   []*result // all of them, when the limits left some out
	encoded []byte    // JSON, once computed
}

// result is one go-sarif result plus what go-sarif cannot write without
// nulls, and what the limits rank it by.
type result struct {
	*sarif.Result
	Rule         *ruleReference `json:"rule,omitempty"`
	Suppressions []suppression  `json:"suppressions,omitempty"`

	severity, confidence rules.Level
	suppressed           bool
	known                bool // in the baseline (baselineState unchanged)
}

// suppression is SARIF's suppression object (§3.35).
type suppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status,omitempty"`
	Justification string `json:"justification,omitempty"`
}

// ruleReference is a reportingDescriptorReference (§3.52) to a rule of a
// tool extension (an external engine).
type ruleReference struct {
	ID            string                 `json:"id"`
	Index         int                    `json:"index"`
	ToolComponent toolComponentReference `json:"toolComponent"`
}

type toolComponentReference struct {
	Name  string `json:"name"`
	Index int    `json:"index"`
}

type logJSON struct {
	*sarif.Report
	Runs []runJSON `json:"runs"`
}

type runJSON struct {
	*sarif.Run
	Results []*result `json:"results"`
}

// JSON is the log, indented.
func (l *Log) JSON() ([]byte, error) {
	if l.encoded != nil {
		return l.encoded, nil
	}
	results := l.results
	if results == nil {
		results = []*result{} // "results": [] says the run found nothing
	}
	b, err := json.MarshalIndent(logJSON{Report: l.report, Runs: []runJSON{{Run: l.run, Results: results}}}, "", "  ")
	if err != nil {
		return nil, err
	}
	l.encoded = b
	return b, nil
}

// notice adds a warning to the run's tool execution notifications.
func (l *Log) notice(text string) {
	l.inv.AddTToolExecutionNotification(sarif.NewNotification().WithLevel("warning").WithTextMessage(text))
	l.encoded = nil
}

// semver is Semantic Versioning 2.0.0's grammar.
var semver = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

var nonIdentifier = regexp.MustCompile(`[^0-9A-Za-z-]+`)

// toolVersion turns pyward's version (v1.2.3, a Go pseudo-version, or dev
// for a plain build) into tool.driver.version, which the Multitool's
// SARIF2005 wants to start with a digit, and semanticVersion, which SARIF
// says is a semantic version ("" when it cannot be one).
func toolVersion(v string) (version, semantic string) {
	v = strings.TrimPrefix(strings.TrimSpace(v), "v")
	if v == "" || v[0] < '0' || v[0] > '9' {
		// A development build: a pre-release of nothing, named after it.
		label := strings.Trim(nonIdentifier.ReplaceAllString(v, "-"), "-")
		if label == "" {
			label = "dev"
		}
		v = "0.0.0-" + label
	}
	if semver.MatchString(v) {
		semantic = v
	}
	return v, semantic
}
