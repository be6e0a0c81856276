package assess

import (
	"sort"

	"github.com/pyward/pyward/rules"
)

// Reasons say why a file got its level, for every output: the findings
// that decided it with their points, any trigger, and the policy and
// thresholds in force.
type Reasons struct {
	// Deciding are indexes into Findings of the findings that count: one
	// per rule (its worst, under repeats: worst), most points first.
	Deciding []int
	// Trigger is the index of the finding whose rule's trigger set the
	// level, -1 when no trigger did.
	Trigger int
	// Capped: only findings of LOW severity (or pinned to literals) score,
	// so the level was held at LowOnlyMax.
	Capped bool
	// The policy in force.
	Policy     string
	Levels     map[string]int // the lowest score of MEDIUM, HIGH and BLOCKED
	Repeats    string         // "worst" or "each"
	LowOnlyMax string
}

// CapabilityGroups are MEDIUM-severity rules that flag one capability
// reached through different functions: under repeats: worst a group counts
// once per file, like a rule. exec and eval both run a string as code;
// pickle and marshal both rebuild objects from bytes; the XML parsers are
// one parser family. They ask for one review, not two. The shell rules
// (HIGH) are deliberately not grouped: a file that starts shells both
// through os.system and subprocess has two risks to fix.
var CapabilityGroups = map[string][]string{
	"code execution":  {"B102", "B307"},
	"deserialization": {"B301", "B302"},
	"XML parsing":     {"B313", "B314", "B315", "B316", "B317", "B318", "B319", "B320"},
}

var groupOf = func() map[string]string {
	m := map[string]string{}
	for g, ids := range CapabilityGroups {
		for _, id := range ids {
			m[id] = g
		}
	}
	return m
}()

// countKey is what a finding counts under: its capability group, or its
// rule.
func countKey(id string) string {
	if g, ok := groupOf[id]; ok {
		return g
	}
	return id
}

// scoring returns the configured scoring with the defaults of DESIGN.md
// for what a hand-built configuration leaves empty.
func (a *Assessor) scoring() (repeats, lowOnlyMax, constant string) {
	s := a.cfg.Scoring
	repeats, lowOnlyMax, constant = s.Repeats, s.LowOnlyMax, s.Constant
	if repeats == "" {
		repeats = "worst"
	}
	if lowOnlyMax == "" {
		lowOnlyMax = "MEDIUM"
	}
	if constant == "" {
		constant = "LOW"
	}
	return
}

// scoredSeverity is the severity a finding scores at: its own, or lower
// when its value is proven pinned to literals (scoring.constant). The
// reported severity never changes.
func (a *Assessor) scoredSeverity(fd *rules.Finding) rules.Level {
	sev := fd.Severity
	if fam := rules.EvidenceFamilyOf(fd.Rule.ID); fam != nil && fam.Unproven != "" && fd.Evidence != rules.EvidenceSecret {
		if l, err := rules.ParseLevel(fam.Unproven); err == nil && l < sev {
			sev = l
		}
	}
	if fd.Evidence == rules.EvidenceConstant {
		if _, _, c := a.scoring(); c != "same" {
			if l, err := rules.ParseLevel(c); err == nil && l < sev {
				sev = l
			}
		}
	}
	return sev
}

// points is what one finding scores.
func (a *Assessor) points(fd *rules.Finding) int {
	return a.cfg.Points[a.scoredSeverity(fd).String()][fd.Confidence.String()]
}

// defaultTrusted reports whether a built-in trusted entry (not the
// user's) covers the finding: such a finding is not a finding at all,
// since reporting 70,000 trusted asserts of a test suite helps no one.
func (a *Assessor) defaultTrusted(fd *rules.Finding, file string) bool {
	for _, t := range a.cfg.Trusted {
		if t.Default && idMatchAny(t.Rules, fd.Rule.ID) && matchAny(t.Paths, file) {
			return true
		}
	}
	return false
}

// total adds up a file's scored findings into its score, level and
// reasons: each rule counts once, at its worst finding (unless repeats is
// "each"), and findings of LOW severity alone never lift the file above
// low-only-max; triggers lift the level whatever the score.
func (a *Assessor) total(res *FileResult) {
	repeats, lowOnlyMax, _ := a.scoring()
	r := Reasons{Trigger: -1, Policy: a.cfg.Policy, Levels: a.cfg.Levels, Repeats: repeats, LowOnlyMax: lowOnlyMax}
	worst := map[string]int{} // rule ID or group -> index of its counted finding
	for i := range res.Findings {
		s := &res.Findings[i]
		s.Counted = false
		if s.Points <= 0 {
			continue
		}
		if repeats == "each" {
			s.Counted = true
			r.Deciding = append(r.Deciding, i)
			continue
		}
		if j, ok := worst[countKey(s.Rule.ID)]; !ok || s.Points > res.Findings[j].Points {
			worst[countKey(s.Rule.ID)] = i
		}
	}
	if repeats != "each" {
		for _, i := range worst {
			res.Findings[i].Counted = true
			r.Deciding = append(r.Deciding, i)
		}
	}
	sort.SliceStable(r.Deciding, func(x, y int) bool {
		fx, fy := &res.Findings[r.Deciding[x]], &res.Findings[r.Deciding[y]]
		if fx.Points != fy.Points {
			return fx.Points > fy.Points
		}
		return r.Deciding[x] < r.Deciding[y]
	})
	// LOW findings never lift a file above low-only-max: alone they stop
	// there, and on top of others they do not push the file past the
	// level the others reach by themselves.
	res.Score = 0
	notLow := 0
	for _, i := range r.Deciding {
		s := &res.Findings[i]
		res.Score += s.Points
		if a.scoredSeverity(&s.Finding) > rules.Low {
			notLow += s.Points
		}
	}
	l := a.levelOf(res.Score)
	if top, ok := ParseFileLevel(lowOnlyMax); ok {
		if withoutLow := a.levelOf(notLow); l > max(top, withoutLow) {
			l, r.Capped = max(top, withoutLow), true
		}
	}
	// A trigger lifts the level whatever the score; a "blocked" one wins.
	for i := range res.Findings {
		switch t := res.Findings[i].Trigger; {
		case t == "blocked" && (r.Trigger < 0 || res.Findings[r.Trigger].Trigger != "blocked"):
			r.Trigger = i
		case t == "high" && r.Trigger < 0:
			r.Trigger = i
		}
	}
	if r.Trigger >= 0 {
		if res.Findings[r.Trigger].Trigger == "blocked" {
			l = LevelBlocked
		} else {
			l = max(l, LevelHigh)
		}
	}
	res.Level, res.Reasons = l, r
}

// levelOf maps a score to a level by the configured thresholds.
func (a *Assessor) levelOf(score int) FileLevel {
	switch {
	case score >= a.cfg.Levels["BLOCKED"]:
		return LevelBlocked
	case score >= a.cfg.Levels["HIGH"]:
		return LevelHigh
	case score >= a.cfg.Levels["MEDIUM"]:
		return LevelMedium
	}
	return LevelLow
}
