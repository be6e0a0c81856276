// Package assess is the pipeline of a scan: it parses each file, runs the
// enabled rules, applies suppressions and trusted entries, scores the
// findings and gives the file its level. Files are assessed by a pool of
// workers and come back in the order they went in. It formats nothing.
package assess

import (
	"fmt"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/pyward/pyward/assess/engines"
	"github.com/pyward/pyward/config"
	"github.com/pyward/pyward/flow"
	"github.com/pyward/pyward/notebook"
	"github.com/pyward/pyward/python/parser"
	"github.com/pyward/pyward/python/token"
	"github.com/pyward/pyward/rules"
)

// FileLevel is a file's verdict.
type FileLevel uint8

const (
	LevelLow FileLevel = iota
	LevelMedium
	LevelHigh
	LevelBlocked
)

func (l FileLevel) String() string { return [...]string{"LOW", "MEDIUM", "HIGH", "BLOCKED"}[l] }

// ParseFileLevel reads low, medium, high or blocked (any case).
func ParseFileLevel(s string) (FileLevel, bool) {
	for l := LevelLow; l <= LevelBlocked; l++ {
		if strings.EqualFold(s, l.String()) {
			return l, true
		}
	}
	return 0, false
}

// Input is one file to assess: its path (slash-separated, relative to the
// repository root or the current folder) and its raw bytes.
type Input struct {
	Path string
	Data []byte
	Err  string // why the file could not be read, when it could not
	// NewOnly limits the verdict to Changed, the lines added or changed
	// (from git): a finding that touches none of them is preexisting,
	// counted but neither scored nor shown.
	NewOnly bool
	Changed []LineRange
	// SecretsOnly: a text file of a kind where secrets are committed
	// (.env, YAML, JSON …), on which only the secret rules run.
	SecretsOnly bool
	// External are the external engines' findings on this file.
	External []engines.Finding
	// Load, when set, reads Data or says why it could not (Err) at the
	// time the file is assessed; see Loaded.
	Load func() (data []byte, err string)
	// LoadInto, when set with Load, reads as Load does, into buf's
	// array when it is large enough: a worker reuses one array from file
	// to file (see readBuffers).
	LoadInto func(buf []byte) (data []byte, err string)
	// Size is the file's size when known before it is read (0: unknown
	// or read already, see Data): Run starts the largest files first.
	Size int64
	// notebook: Data is a notebook's code cells as one module (see
	// notebookFile), to be judged as Python.
	notebook bool
}

// suppressed applies the file's suppression comments to fds (its
// comments: Python's, or a text file's '#' comments), unless suppressions
// are ignored.
func (a *Assessor) suppressed(f *parser.File, fds []rules.Finding) []rules.Finding {
	if !a.IgnoreSuppressions {
		rules.Suppress(f, fds, rules.ParseSuppressions(f))
	}
	return fds
}

// Loaded is in with its contents read, if they were to be read late.
func (in Input) Loaded() Input {
	if in.Load != nil {
		in.Data, in.Err = in.Load()
		in.Load = nil
	}
	return in
}

// readBuffers are the arrays files are read into, kept between files:
// the contents of a site-packages scan, read each into an array of its
// own, were a tenth of what the scan allocated. An array larger than
// maxReusedRead is left to the collector: it would count against the
// memory limit for the whole scan, and few files are that large.
var readBuffers = sync.Pool{New: func() any { return new([]byte) }}

const maxReusedRead = 256 << 10

// LineRange is a run of lines, 1-based and inclusive.
type LineRange struct {
	Start, End int
}

// touches reports whether lines start..end meet any of the ranges.
func touches(ranges []LineRange, start, end int) bool {
	for _, r := range ranges {
		if r.Start <= end && start <= r.End {
			return true
		}
	}
	return false
}

// Scored is a finding with its place and its weight in the verdict.
type Scored struct {
	rules.Finding
	Line, Column, EndLine, EndColumn int    // 1-based; columns count characters
	SourceLine                       string // the text of Line
	Points                           int    // 0 when suppressed, preexisting or baselined
	Trigger                          string // "blocked" or "high" when the finding lifts the level
	// Counted: the finding is the one its rule counts with in the file's
	// score (a rule counts once per file, at its worst finding).
	Counted bool
	// Fingerprint identifies the finding without its line number (see
	// fingerprint), for baselines and SARIF.
	Fingerprint string
	// Preexisting: with NewOnly, the finding touches no changed line.
	Preexisting bool
	// Baseline is "new" or "unchanged" when a baseline is in use.
	Baseline string
	// Path is where the flagged value came from, step by step, for
	// data-flow findings (the last step is the flagged call).
	Path []PathStep
	// Cell, CellLine and CellColumn place a notebook's finding in its
	// cell (Line and Column are then its place in the notebook's JSON);
	// InOutput: it is in the cell's outputs, CellLine counting their
	// lines. Cell is 0 outside notebooks.
	Cell, CellLine, CellColumn int
	InOutput                   bool
	// Engines are the engines that reported the finding when an external
	// one did: "pyward" and "bandit" when both found it, "bandit" alone for
	// its own rules (whose IDs are then namespaced: bandit:B322). Nil for
	// pyward's findings that no engine confirmed.
	Engines []string
}

// PathStep is one step of a data-flow finding's path.
type PathStep struct {
	Line, Column, EndLine, EndColumn int
	Note                             string
	// File is the path of the file the step is in when it is not the
	// finding's (a helper of another file of the scan), else "".
	File string
}

// FileResult is the verdict on one file.
type FileResult struct {
	Path  string
	Level FileLevel
	Score int
	Error string // why the file was skipped; empty when it was assessed
	// FailOn is the fail-on of the configuration the file was judged
	// under (each file is judged under the one nearest above it).
	FailOn   string
	Findings []Scored
	// Reasons say why the file got its level.
	Reasons Reasons
}

// SyntaxErrorRule is the finding a file that cannot be parsed gets: it is
// never a silent pass.
var SyntaxErrorRule = &rules.Rule{
	ID: "PW000", Name: "syntax_error", Severity: rules.High, Confidence: rules.High,
	Message:        "the file cannot be parsed, so it cannot be checked",
	Recommendation: "Fix the syntax error; pyward reads Python 3 up to 3.13.",
	Help:           "A file pyward cannot parse could hide anything, so it scores enough to block by default (`syntax-error` in the configuration).",
}

// NotJudgedRule is the finding a file pyward could not judge gets (too
// large, unreadable, not a regular file, undecodable): what was not read
// could hide anything, so it is never a pass. It scores what a syntax
// error does (enough to block by default); the reason is the file's Error.
var NotJudgedRule = &rules.Rule{
	ID: "PW001", Name: "not_judged", Severity: rules.High, Confidence: rules.High, CWE: 693,
	Message:        "the file could not be read as source, so it cannot be checked",
	Recommendation: "Make the file a regular, readable file of at most 16 MiB, or exclude it in the configuration if it is not code.",
	Help:           "A file pyward did not judge (too large, unreadable, not a regular file, not decodable) could hide anything, so it scores enough to block by default (`syntax-error` in the configuration); the reason is in the file's `error`.",
}

// Assessor assesses files under one configuration.
type Assessor struct {
	cfg     *config.Config
	enabled []*rules.Rule
	set     *rules.Set  // enabled, indexed for dispatch
	model   *flow.Model // the configuration's flow model, nil for the built-in one
	// trimmed are the sets without the rules a default trusted entry
	// trusts, by those rules (see setFor).
	trimmedMu sync.Mutex
	trimmed   map[string]*rules.Set
	secrets   *rules.Set // the enabled secret rules, for SecretsOnly inputs
	options   map[string]map[string]any
	// IgnoreSuppressions: inline suppression comments are not honoured
	// (audit mode); trusted entries still are.
	IgnoreSuppressions bool
	// Done, when set, is called after each file, from the workers.
	Done func()
	// Baseline, when set, holds findings that neither score nor block.
	Baseline *Baseline
}

// New returns an Assessor for cfg with every rule the configuration does
// not disable. A configuration naming a rule or a rule option that does
// not exist is an error.
func New(cfg *config.Config) (*Assessor, error) {
	a := &Assessor{cfg: cfg, options: map[string]map[string]any{}}
	for id, rc := range cfg.Rules {
		r := rules.Lookup(id)
		if r == nil {
			return nil, fmt.Errorf("configuration names rule %q, which does not exist (pyward rules lists them)", id)
		}
		if err := r.CheckOptions(rc.Options); err != nil {
			return nil, fmt.Errorf("configuration: %v", err)
		}
		if rc.Severity != "" {
			if _, err := rules.ParseLevel(rc.Severity); err != nil {
				return nil, fmt.Errorf("configuration: rule %s severity: %v", id, err)
			}
		}
		if len(rc.Options) > 0 {
			a.options[r.ID] = rc.Options
		}
	}
	for _, r := range rules.All() {
		if rc, ok := cfg.Rules[r.ID]; ok && rc.Enabled != nil && !*rc.Enabled {
			continue
		}
		a.enabled = append(a.enabled, r)
	}
	a.set = rules.NewSet(a.enabled)
	if !cfg.Flow.Empty() {
		// Compiled once for the configuration, shared by every file and
		// worker; without a flow section the built-in model serves.
		m, err := flow.Compile(cfg.Flow.Library(configName(cfg)))
		if err != nil {
			return nil, fmt.Errorf("configuration: %v", err)
		}
		a.set.UseFlow(m)
		a.model = m
	}
	var secret []*rules.Rule
	for _, r := range a.enabled {
		if r.Secret {
			secret = append(secret, r)
		}
	}
	a.secrets = rules.NewSet(secret)
	return a, nil
}

// Run assesses inputs with the given number of workers (the number of CPUs
// when < 1); results are in the order of inputs. Each input's Data is
// released once assessed, so that a large scan does not hold every file.
func (a *Assessor) Run(inputs []Input, workers int) []FileResult {
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	out := make([]FileResult, len(inputs))
	prog := a.program(inputs)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, len(inputs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = a.file(inputs[i], prog)
				inputs[i].Data = nil
				if a.Done != nil {
					a.Done()
				}
			}
		}()
	}
	for _, i := range largestFirst(inputs) {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// largestFirst is the order Run hands files to its workers: by size,
// the largest first, so that the scan does not end with one worker
// judging a large file while the others wait. Results keep the inputs'
// order.
func largestFirst(inputs []Input) []int {
	order := make([]int, len(inputs))
	for i := range order {
		order[i] = i
	}
	size := func(in *Input) int64 {
		if in.Data != nil {
			return int64(len(in.Data))
		}
		return in.Size
	}
	sort.SliceStable(order, func(x, y int) bool { return size(&inputs[order[x]]) > size(&inputs[order[y]]) })
	return order
}

// File assesses one file, on its own (see Run for files of one scan).
func (a *Assessor) File(in Input) FileResult { return a.file(in, nil) }

// file assesses one file of the program prog (nil: on its own).
func (a *Assessor) file(in Input, prog *flow.Program) FileResult {
	if in.Load != nil && in.LoadInto != nil {
		// Nothing the assessment returns refers to the contents (the
		// findings hold copies of what they show), so the array serves
		// the next file.
		buf := readBuffers.Get().(*[]byte)
		in.Data, in.Err = in.LoadInto((*buf)[:0])
		in.Load, in.LoadInto = nil, nil
		defer func() {
			if c := cap(in.Data); c > cap(*buf) && c <= maxReusedRead {
				*buf = in.Data[:0]
			}
			readBuffers.Put(buf)
		}()
	}
	in = in.Loaded()
	res := FileResult{Path: in.Path, FailOn: a.cfg.FailOn}
	if in.Err != "" {
		// Never a pass: a PW001 finding that scores like a syntax error.
		res.Error = in.Err
		nf := Scored{
			Finding: rules.Finding{Rule: NotJudgedRule, Severity: rules.High, Confidence: rules.High,
				Message: "not judged: " + in.Err},
			Line: 1, Column: 1, EndLine: 1, EndColumn: 1,
			Points:      a.cfg.SyntaxError,
			Fingerprint: fingerprint(NotJudgedRule.ID, in.Path, 0, nil, 0, 0),
		}
		res.Findings = []Scored{nf}
		a.total(&res)
		return res
	}
	if in.SecretsOnly {
		// A configuration file (.env, YAML …): the secret rules read
		// its text; nothing else applies to it.
		tf := parser.TextFile(in.Path, in.Data)
		a.score(&res, tf, a.suppressed(tf, a.secrets.RunText(tf, a.options)), in)
		return res
	}
	if notebook.Is(in.Path) && !in.notebook {
		return a.notebookFile(in)
	}
	f, err := parser.ParseFile(in.Path, in.Data)
	if err != nil {
		se, _ := err.(*token.Error)
		if se == nil {
			se = &token.Error{Msg: err.Error(), Line: 1}
		}
		res.Findings = []Scored{{
			Finding: rules.Finding{Rule: SyntaxErrorRule, Severity: rules.High, Confidence: rules.High,
				Message: se.Kind.String() + ": " + se.Msg},
			Line: max(se.Line, 1), Column: max(se.Col, 1), EndLine: max(se.Line, 1), EndColumn: max(se.Col, 1),
			SourceLine: lineOf(in.Data, max(se.Line, 1)),
			Points:     a.cfg.SyntaxError,
		}}
		// A file that does not parse has one such finding, whatever the
		// line: its fingerprint is the rule and the path.
		sf := &res.Findings[0]
		sf.Fingerprint = fingerprint(SyntaxErrorRule.ID, in.Path, 0, nil, 0, 0)
		if a.Baseline != nil {
			if sf.Baseline = a.Baseline.match(in.Path, SyntaxErrorRule.ID, sf.Fingerprint); sf.Baseline == "unchanged" {
				sf.Points = 0
			}
		}
		res.Score = sf.Points
		// The text-level rules (secrets) still run on what could be read.
		tf := parser.TextFile(in.Path, in.Data)
		a.score(&res, tf, a.suppressed(tf, a.set.RunText(tf, a.options)), in)
		return res
	}
	fds := a.setFor(&in).RunWith(f, a.options, prog)
	fds = append(fds, a.external(f, &in, fds)...)
	if !a.IgnoreSuppressions {
		rules.Suppress(f, fds, rules.ParseSuppressions(f))
	}
	a.score(&res, f, fds, in)
	// Nothing the result holds refers to the tree (findings keep
	// offsets, lines and copies of text), so its memory serves the next
	// parse.
	f.Release()
	return res
}

// setFor is the set of rules to run on a file: without the rules a
// default trusted entry trusts on the file's path (B101 in tests), whose
// findings score and show nowhere (defaultTrusted), so that they are not
// made at all: asserts in the tests of a site-packages scan were 88,000
// such findings. The engines' findings are merged with the native ones
// by rule, so a file that has any is judged by every rule.
func (a *Assessor) setFor(in *Input) *rules.Set {
	if len(in.External) > 0 {
		return a.set
	}
	var skip []string
	for _, t := range a.cfg.Trusted {
		if t.Default && matchAny(t.Paths, in.Path) {
			skip = append(skip, t.Rules...)
		}
	}
	if len(skip) == 0 {
		return a.set
	}
	key := strings.Join(skip, ",")
	a.trimmedMu.Lock()
	defer a.trimmedMu.Unlock()
	if s := a.trimmed[key]; s != nil {
		return s
	}
	var kept []*rules.Rule
	for _, r := range a.enabled {
		if !idMatchAny(skip, r.ID) {
			kept = append(kept, r)
		}
	}
	s := rules.NewSet(kept)
	if a.model != nil {
		s.UseFlow(a.model)
	}
	if a.trimmed == nil {
		a.trimmed = map[string]*rules.Set{}
	}
	a.trimmed[key] = s
	return s
}

// external merges the engines' findings into the native ones: a finding
// of the Bandit check pyward implements under the same ID, on the same
// line, is the native finding, which records the engine in Also; any other
// becomes a finding of the engine's own rule, namespaced by engine
// (bandit:B322), returned to be scored like a native one.
func (a *Assessor) external(f *parser.File, in *Input, native []rules.Finding) []rules.Finding {
	var out []rules.Finding
next:
	for _, e := range in.External {
		if e.BanditID != "" {
			for i := range native {
				fd := &native[i]
				if fd.Rule.ID == e.BanditID && fd.Engine == "" && f.Tok.Line(fd.Start) <= e.Line && e.Line <= f.Tok.Line(fd.End) {
					if !slices.Contains(fd.Also, e.Engine) {
						fd.Also = append(fd.Also, e.Engine)
					}
					continue next
				}
			}
		}
		start, end := lineSpan(f, e)
		out = append(out, rules.Finding{Rule: externalRule(e), Severity: e.Severity, Confidence: e.Confidence,
			Message: e.Message, Start: start, End: end, ScopeStart: start, ScopeEnd: end, Engine: e.Engine})
	}
	return out
}

// lineSpan is the byte range of an external finding: its columns when the
// engine gives them, else its lines.
func lineSpan(f *parser.File, e engines.Finding) (int32, int32) {
	n := f.Tok.LineCount()
	line := min(max(e.Line, 1), n)
	endLine := min(max(e.EndLine, line), n)
	start := f.Tok.LineStart(line)
	end := int32(len(f.Src))
	if endLine < n {
		end = f.Tok.LineStart(endLine+1) - 1
	}
	if e.Column > 0 {
		start = min(start+int32(e.Column-1), end)
	}
	if e.EndColumn > 0 && e.EndLine == e.Line {
		end = max(start, min(f.Tok.LineStart(line)+int32(e.EndColumn-1), end))
	}
	return start, end
}

var (
	externalMu    sync.Mutex
	externalRules = map[string]*rules.Rule{}
)

// externalRule is the rule an engine's finding is reported under:
// engine:ID, with the engine's name and message.
func externalRule(e engines.Finding) *rules.Rule {
	id := e.Engine + ":" + e.Rule
	externalMu.Lock()
	defer externalMu.Unlock()
	if r, ok := externalRules[id]; ok {
		return r
	}
	name := e.Name
	if name == "" {
		name = e.Rule
	}
	r := &rules.Rule{ID: id, Name: name, Severity: e.Severity, Confidence: e.Confidence, CWE: e.CWE,
		Message: e.Message, Engine: e.Engine,
		Recommendation: "See the " + e.Engine + " documentation of " + e.Rule + "."}
	externalRules[id] = r
	return r
}

// score turns a file's findings into scored ones and sets its level.
func (a *Assessor) score(res *FileResult, f *parser.File, fds []rules.Finding, in Input) {
	// The spans secret rules flagged are redacted wherever a line is shown
	// or fingerprinted, whichever rule's finding the line belongs to.
	var secrets [][2]int32
	for _, fd := range fds {
		if fd.Rule.Secret {
			secrets = append(secrets, [2]int32{fd.Start, fd.End})
		}
	}
	line := func(n int) string { return redactedLine(f, n, secrets) }
	for _, fd := range fds {
		if a.defaultTrusted(&fd, in.Path) {
			continue
		}
		a.configure(&fd, in.Path)
		s := Scored{Finding: fd}
		s.Line, s.Column = f.Tok.CharColumn(fd.Start)
		s.EndLine, s.EndColumn = f.Tok.CharColumn(fd.End)
		s.SourceLine = line(s.Line)
		if fd.Engine != "" {
			s.Engines = []string{fd.Engine}
		} else if len(fd.Also) > 0 {
			s.Engines = append([]string{"pyward"}, fd.Also...)
		}
		for _, st := range fd.Flow {
			s.Path = append(s.Path, pathStep(f, st))
		}
		s.Fingerprint = fingerprint(fd.Rule.ID, in.Path, f.Tok.LineCount(), line, s.Line, s.EndLine)
		s.Preexisting = in.NewOnly && !touches(in.Changed, s.Line, max(s.EndLine, s.Line))
		if !fd.Suppressed && !s.Preexisting && a.Baseline != nil {
			fp := s.Fingerprint
			if a.Baseline.lineOnly {
				// A Bandit report knows only the flagged line.
				fp = fingerprint(fd.Rule.ID, in.Path, f.Tok.LineCount(), line, s.Line, s.Line)
			}
			s.Baseline = a.Baseline.match(in.Path, fd.Rule.ID, fp)
		}
		if !fd.Suppressed && !s.Preexisting && s.Baseline != "unchanged" {
			s.Points = a.points(&fd)
			s.Trigger = a.trigger(fd.Rule.ID)
		}
		res.Findings = append(res.Findings, s)
	}
	a.total(res)
}

// configure applies per-rule settings and trusted entries to a finding.
func (a *Assessor) configure(fd *rules.Finding, file string) {
	if rc, ok := a.cfg.Rules[fd.Rule.ID]; ok {
		if rc.Severity != "" {
			if l, err := rules.ParseLevel(rc.Severity); err == nil {
				fd.Severity = l
			}
		}
		if matchAny(rc.Ignore, file) && !fd.Suppressed {
			fd.Suppressed, fd.Justification = true, "ignored for this path by the configuration"
		}
	}
	for _, t := range a.cfg.Trusted {
		if !fd.Suppressed && matchAny(t.Paths, file) && idMatchAny(t.Rules, fd.Rule.ID) {
			fd.Suppressed, fd.Justification = true, "trusted: "+t.Reason
		}
	}
}

func (a *Assessor) trigger(id string) string {
	if idMatchAny(a.cfg.Triggers["blocked"], id) {
		return "blocked"
	}
	if idMatchAny(a.cfg.Triggers["high"], id) {
		return "high"
	}
	return ""
}

// idMatchAny matches a rule ID against patterns such as "B602" or "PW1*".
func idMatchAny(patterns []string, id string) bool {
	for _, p := range patterns {
		if p == id || strings.HasSuffix(p, "*") && strings.HasPrefix(id, p[:len(p)-1]) {
			return true
		}
	}
	return false
}

// matchAny matches a slash-separated path against globs; a glob without a
// slash matches the file name in any folder, and "dir/**" anything below.
func matchAny(globs []string, file string) bool {
	for _, g := range globs {
		if MatchGlob(g, file) {
			return true
		}
	}
	return false
}

// MatchGlob reports whether a slash-separated path matches a glob.
func MatchGlob(g, file string) bool {
	if strings.HasSuffix(g, "/**") {
		dir := strings.TrimSuffix(g, "/**")
		if file == dir || strings.HasPrefix(file, dir+"/") || strings.Contains(file, "/"+dir+"/") {
			return true
		}
	}
	if !strings.Contains(g, "/") {
		ok, _ := path.Match(g, path.Base(file))
		return ok
	}
	ok, _ := path.Match(g, file)
	return ok
}

// redactedLine returns line n with every secret span on it replaced by
// its redacted form (see rules.Redact).
func redactedLine(f *parser.File, n int, secrets [][2]int32) string {
	ls := f.Tok.LineStart(n)
	le := int32(len(f.Src))
	if n < f.Tok.LineCount() {
		le = f.Tok.LineStart(n+1) - 1
	}
	if le > ls && f.Src[le-1] == '\n' {
		le-- // the last line of a text file keeps its newline
	}
	var b strings.Builder
	at := ls
	for _, sp := range secrets {
		start, end := max(sp[0], at), min(sp[1], le)
		if start >= end {
			continue
		}
		b.Write(f.Src[at:start])
		b.WriteString(rules.Redact(string(f.Src[start:end])))
		at = end
	}
	b.Write(f.Src[at:le])
	return b.String()
}

// lineOf returns 1-based line n of src, without its newline.
func lineOf(src []byte, n int) string {
	for i := 1; i < n; i++ {
		j := indexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := indexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(string(src), "\r")
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// configName names a configuration in a model's errors.
func configName(cfg *config.Config) string {
	if cfg.File == "" {
		return "configuration"
	}
	return cfg.File
}
