// Package sarif writes a scan as one SARIF 2.1.0 log for GitHub code
// scanning, through github.com/owenrumney/go-sarif/v2: every rule with its
// descriptions, help, CWE tags and security-severity; every result with its
// region, rule index, a fingerprint that survives lines moving and its
// suppressions; skipped and unparsable files as notifications. It keeps the
// log within GitHub's upload limits (limits.go) and writes no JSON null
// (json.go). It decides no policy.
package sarif

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/rules"
)

// Options describe the run.
type Options struct {
	Version  string
	Category string // runs[0].automationDetails.id; partial scans use their own
	HelpURI  string // base of each rule's helpUri
	// Notices become tool execution notifications (an external engine
	// that is missing, timed out or failed).
	Notices []string
}

// securitySeverity is GitHub's numeric severity for a rule's severity.
var securitySeverity = map[rules.Level]string{rules.Low: "3.0", rules.Medium: "5.5", rules.High: "8.0"}

var resultLevel = map[rules.Level]string{rules.Low: "note", rules.Medium: "warning", rules.High: "error"}

// Build makes the SARIF log of a scan.
func Build(results []assess.FileResult, opts Options) (*Log, error) {
	return build(results, opts, githubLimits)
}

func build(results []assess.FileResult, opts Options, lim limits) (*Log, error) {
	rep, err := sarif.New(sarif.Version210)
	if err != nil {
		return nil, err
	}
	version, semantic := toolVersion(opts.Version)
	driver := sarif.NewVersionedDriver("pyward", version).WithInformationURI(opts.HelpURI)
	if semantic != "" {
		driver.WithSemanticVersion(semantic)
	}
	run := sarif.NewRun(*sarif.NewTool(driver))
	run.WithColumnKind("unicodeCodePoints")
	run.WithOriginalUriBaseIds(map[string]*sarif.ArtifactLocation{})
	if opts.Category != "" {
		run.WithAutomationDetails(sarif.NewRunAutomationDetails().WithID(opts.Category))
	}

	// Every registered rule, plus the syntax-error rule, in a stable order.
	all := append(rules.All(), assess.SyntaxErrorRule, assess.NotJudgedRule)
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	index := map[string]int{}
	for i, r := range all {
		index[r.ID] = i
		props := ruleProperties(r)
		props.Add("precision", strings.ToLower(precision(r.Confidence)))
		d := run.AddRule(r.ID).
			WithName(camel(r.Name)).
			WithShortDescription(sarif.NewMultiformatMessageString(r.Message)).
			WithFullDescription(sarif.NewMultiformatMessageString(r.Message + ". " + r.Recommendation)).
			WithHelp(sarif.NewMultiformatMessageString(r.Recommendation).WithMarkdown(r.Help + "\n\n**Fix:** " + r.Recommendation)).
			WithHelpURI(opts.HelpURI + "#" + strings.ToLower(r.ID)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(resultLevel[r.Severity]))
		d.AttachPropertyBag(props)
	}

	// External engines' rules live in tool.extensions, one component per
	// engine, in a stable order.
	type extRef struct{ component, index int }
	extIndex := map[string]extRef{}
	var extRules []*rules.Rule
	for _, fr := range results {
		for _, f := range fr.Findings {
			if f.Rule.Engine != "" {
				if _, ok := extIndex[f.Rule.ID]; !ok {
					extIndex[f.Rule.ID] = extRef{-1, -1}
					extRules = append(extRules, f.Rule)
				}
			}
		}
	}
	sort.Slice(extRules, func(i, j int) bool { return extRules[i].ID < extRules[j].ID })
	components := map[string]*sarif.ToolComponent{}
	var order []string
	for _, r := range extRules {
		c, ok := components[r.Engine]
		if !ok {
			c = sarif.NewDriver(r.Engine)
			components[r.Engine] = c
			order = append(order, r.Engine)
			run.Tool.Extensions = append(run.Tool.Extensions, c)
		}
		// GitHub wants a full description and help for every rule (the
		// Multitool's GH2012); an engine's rule has its message and a
		// pointer to the engine's documentation.
		d := sarif.NewRule(r.ID).WithName(camel(strings.ReplaceAll(r.Name, "-", "_"))).
			WithShortDescription(sarif.NewMultiformatMessageString(r.Message)).
			WithFullDescription(sarif.NewMultiformatMessageString(strings.TrimSuffix(r.Message, ".") + ". " + r.Recommendation)).
			WithHelp(sarif.NewMultiformatMessageString(r.Recommendation).WithMarkdown(r.Message + "\n\n" + r.Recommendation)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(resultLevel[r.Severity]))
		d.AttachPropertyBag(ruleProperties(r))
		c.Rules = append(c.Rules, d)
		extIndex[r.ID] = extRef{slices.Index(order, r.Engine), len(c.Rules) - 1}
	}

	inv := sarif.NewInvocation().WithExecutionSuccess(true)
	for _, n := range opts.Notices {
		inv.AddTToolExecutionNotification(sarif.NewNotification().WithLevel("warning").WithTextMessage(n))
	}
	var out []*result
	trimmedFlows := 0 // results whose code flow lost steps to the limit
	for _, fr := range results {
		uri := fr.Path
		if fr.Error != "" {
			inv.AddTToolExecutionNotification(sarif.NewNotification().WithLevel("warning").
				WithTextMessage(fmt.Sprintf("%s: skipped: %s", fr.Path, fr.Error)).
				WithLocations([]*sarif.Location{location(uri, 0, 0, 0, 0)}))
			// Its PW001 finding is a result below: a file not judged blocks.
		}
		for _, f := range fr.Findings {
			if f.Preexisting {
				continue // outside the changed lines: not reported (--new-only)
			}
			if f.Rule == assess.SyntaxErrorRule {
				inv.AddTToolExecutionNotification(sarif.NewNotification().WithLevel("error").
					WithTextMessage(fmt.Sprintf("%s:%d:%d: %s", fr.Path, f.Line, f.Column, f.Message)).
					WithLocations([]*sarif.Location{location(uri, f.Line, f.Column, f.Line, f.Column)}))
			}
			res := sarif.NewRuleResult(f.Rule.ID)
			r := &result{Result: res, severity: f.Severity, confidence: f.Confidence, suppressed: f.Suppressed, known: f.Baseline == "unchanged"}
			if ref, ok := extIndex[f.Rule.ID]; ok {
				// go-sarif v2 writes a toolComponent reference's unset guid
				// as null: pyward's own type (json.go).
				r.Rule = &ruleReference{ID: f.Rule.ID, Index: ref.index, ToolComponent: toolComponentReference{Name: f.Rule.Engine, Index: ref.component}}
			} else {
				res.WithRuleIndex(index[f.Rule.ID])
			}
			res.
				WithLevel(resultLevel[f.Severity]).
				WithMessage(sarif.NewTextMessage(f.Message)).
				WithLocations([]*sarif.Location{location(uri, f.Line, f.Column, f.EndLine, f.EndColumn)})
			res.WithPartialFingerPrints(map[string]interface{}{"pywardFingerprint/v1": f.Fingerprint})
			if f.Baseline != "" {
				res.WithBaselineState(f.Baseline)
			}
			if len(f.Engines) > 0 || f.Cell > 0 {
				// Which engines found it (pyward and Bandit, or an engine
				// alone); in a notebook, the cell and the line in it (the
				// region is the line of the notebook's JSON).
				props := sarif.NewPropertyBag()
				if len(f.Engines) > 0 {
					props.Add("engines", f.Engines)
				}
				if f.Cell > 0 {
					props.Add("cell", f.Cell)
					props.Add("cellLine", f.CellLine)
					if f.InOutput {
						props.Add("cellOutput", true)
					}
				}
				res.AttachPropertyBag(props)
			}
			if len(f.Path) > 0 {
				// The path from source to sink, as a code flow GitHub shows
				// step by step; past GitHub's limit of steps per result the
				// first ones and the sink are kept.
				steps := f.Path
				if len(steps) > lim.threadFlowLocations {
					trimmedFlows++
					steps = append(slices.Clip(steps[:lim.threadFlowLocations-1]), steps[len(steps)-1])
				}
				var locs []*sarif.ThreadFlowLocation
				for _, st := range steps {
					at := uri
					if st.File != "" {
						at = st.File // a step in another file of the scan, named like results' files
					}
					loc := location(at, st.Line, st.Column, st.EndLine, st.EndColumn).WithMessage(sarif.NewTextMessage(st.Note))
					locs = append(locs, sarif.NewThreadFlowLocation().WithLocation(loc))
				}
				res.WithCodeFlows([]*sarif.CodeFlow{sarif.NewCodeFlow().WithThreadFlows([]*sarif.ThreadFlow{sarif.NewThreadFlow().WithLocations(locs)})})
			}
			if f.Suppressed {
				r.Suppressions = []suppression{suppressionOf(f.Justification)}
			}
			out = append(out, r)
		}
	}
	run.AddInvocations(inv)
	rep.AddRun(run)
	log := &Log{report: rep, run: run, inv: inv, results: out}
	if trimmedFlows > 0 {
		log.notice(fmt.Sprintf("SARIF limit (code flows): %d results have more than %d steps, GitHub's limit per result: their middle steps are left out, the first %d and the sink kept", trimmedFlows, lim.threadFlowLocations, lim.threadFlowLocations-1))
	}
	if err := log.fit(lim); err != nil {
		return nil, err
	}
	return log, nil
}

// suppressionOf is the suppression of a finding: its reason as the
// justification; a trusted entry or a path ignored by the configuration is
// kept outside the source (external), a comment in it (inSource). Status
// accepted: pyward honoured it.
func suppressionOf(justification string) suppression {
	kind := "inSource"
	if strings.HasPrefix(justification, "trusted: ") || strings.HasPrefix(justification, "ignored for this path") {
		kind = "external"
	}
	if justification == "" {
		justification = "suppressed by a comment that gives no reason"
	}
	return suppression{Kind: kind, Status: "accepted", Justification: justification}
}

// ruleProperties are the tags (security, the CWE) and the severity GitHub
// ranks alerts by, for a native or an engine's rule.
func ruleProperties(r *rules.Rule) *sarif.PropertyBag {
	props := sarif.NewPropertyBag()
	tags := []string{"security"}
	if r.CWE != 0 {
		tags = append(tags, fmt.Sprintf("external/cwe/cwe-%d", r.CWE))
	}
	props.Add("tags", tags[:min(len(tags), maxTags)])
	props.Add("security-severity", securitySeverity[r.Severity])
	return props
}

func location(uri string, line, col, endLine, endCol int) *sarif.Location {
	art := sarif.NewArtifactLocation().WithUri(uri).WithUriBaseId("%SRCROOT%")
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(art)
	if line > 0 {
		r := sarif.NewRegion().WithStartLine(line).WithStartColumn(col)
		if endLine >= line {
			r.WithEndLine(endLine)
			if endCol > 0 && (endLine > line || endCol > col) {
				r.WithEndColumn(endCol)
			}
		}
		pl.WithRegion(r)
	}
	return sarif.NewLocation().WithPhysicalLocation(pl)
}

func precision(l rules.Level) string {
	switch l {
	case rules.High:
		return "high"
	case rules.Medium:
		return "medium"
	}
	return "low"
}

// camel turns a snake_case rule name into the PascalCase SARIF prefers.
func camel(s string) string {
	var b strings.Builder
	for _, w := range strings.Split(s, "_") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// Write writes the log to w.
func Write(w io.Writer, results []assess.FileResult, opts Options) error {
	log, err := Build(results, opts)
	if err != nil {
		return err
	}
	b, err := log.JSON()
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
