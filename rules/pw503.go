package rules

import (
	"fmt"

	"github.com/pyward/pyward/python/ast"
)

func init() {
	Register(&Rule{
		ID: "PW503", Name: "homoglyph_identifier", Severity: Medium, Confidence: Medium, CWE: 506,
		Message:        "an identifier mixes Latin letters with look-alike letters of another script, or is spelt in compatibility characters",
		Recommendation: "Spell the name in one script; check where the file came from.",
		Help: "Obfuscators and typosquatted copies of honest code rename things with letters that look Latin but are not (`pаssword` " +
			"with a Cyrillic а, `сору_file` with a Cyrillic word in a Latin name), or spell them in fullwidth or mathematical " +
			"letters Python folds to ASCII (`ｐｒｉｎｔ`, two such characters at least). The look-alikes are Unicode's " +
			"confusables for Latin letters in Cyrillic, Greek, Armenian and Cherokee (a data table, rules/homoglyph_tables.go), " +
			"limited to letters drawn like the Latin one: Greek letters mathematics uses (`α`, `ν`, `ρ`) are not, so `dν` and " +
			"`ρ_water` are not flagged, nor are names wholly in another script (Greek or Cyrillic words, CJK, `λ`, `Δt`) or a " +
			"single mathematical letter (`ℓ`). Alone it is a signal to review, at most MEDIUM (PW5xx rules do not block); a " +
			"name disguised as a dangerous builtin or module is PW112.",
		Flagged: []string{
			"pаssword = input()\n",
			"def ｈｅｌｌｏ():\n    pass\n",
			"сору_file = 1\n",
		},
		Clean: []string{
			"ρ_water = 1000.0\ndν = 0.1\nν0 = 1.0\n",
			"café = 1\nsumme_сумма = 0\n",
			"π = 3.14159\nΔt = 0.01\n",
			"ℓmax = 10\n",
		},
		Kinds: []Kind{KindFile},
		Check: func(c *Context, _ ast.Node) {
			for _, d := range c.disguises() {
				switch {
				case d.sensitive:
					// PW112's.
				case len(d.mixed) > 0:
					c.ReportSpan(d.start, d.end, c.rule.Severity, c.rule.Confidence,
						fmt.Sprintf("`%s` mixes Latin letters with look-alike %s", d.raw, describeLetters(d.mixed)))
				default:
					c.ReportSpan(d.start, d.end, c.rule.Severity, c.rule.Confidence,
						fmt.Sprintf("`%s` is spelt in compatibility characters that Python reads as `%s`", d.raw, d.looks))
				}
			}
		},
	})
}
