package rules

import (
	"fmt"

	"github.com/pyward/pyward/python/ast"
)

func init() {
	Register(&Rule{
		ID: "PW112", Name: "homoglyph_name", Severity: High, Confidence: High, CWE: 506,
		Message:        "a name is spelt in look-alike characters so that it reads or looks as a dangerous builtin or module",
		Recommendation: "Spell names in plain letters; if this is third-party code, treat it as hostile.",
		Help: "Python reads identifiers after NFKC normalisation (PEP 3131): `ｅｘｅｃ(code)` in fullwidth letters, or `𝐞𝐯𝐚𝐥` in " +
			"mathematical bold, is exec or eval, which every rule sees under its real name (the parser normalises it) but a reader " +
			"or a search for `exec` does not. Letters of other scripts drawn like Latin ones (Cyrillic `ехес`, `оѕ` with Cyrillic о " +
			"and ѕ; Unicode's confusables, a data table in rules/homoglyph_tables.go) make another name that looks like the " +
			"builtin, bound to it to pass a reader's eye. A name that reads or looks as one that runs code or processes, reaches " +
			"names by string, opens sockets or C libraries or decodes payloads (exec, eval, compile, __import__, getattr, os, " +
			"system, subprocess, socket, ctypes, marshal, b64decode...) written so has no honest purpose: it blocks. Names wholly " +
			"in another script (Greek, Cyrillic or CJK words, `λ`, `Δt`) are not flagged; mixing scripts in other names is PW503.",
		Flagged: []string{
			"ｅｘｅｃ(code)\n",
			"ехес = exec\nехес(payload)\n",
			"import os as оѕ\nоѕ.system('id')\n",
			"import os\nos.ｓｙｓｔｅｍ('id')\n",
		},
		Clean: []string{
			"π = 3.14159\nΔt = 0.01\nλ = 2 * π\n",
			"счёт = 0\nимя = 'Иван'\n",
			"変数 = 1\n",
			"ℓ = 2\nρty = 1.0\n",
		},
		Kinds: []Kind{KindFile},
		Check: func(c *Context, _ ast.Node) {
			for _, d := range c.disguises() {
				if !d.sensitive {
					continue
				}
				msg := fmt.Sprintf("`%s` is spelt in compatibility characters that Python reads as `%s`: the name is hidden from a reader and a search", d.raw, d.looks)
				if !d.folded {
					msg = fmt.Sprintf("`%s` is spelt with %s, so that it looks like `%s`", d.raw, describeLetters(lookalikeLetters(d.raw)), d.looks)
				}
				c.ReportSpan(d.start, d.end, c.rule.Severity, c.rule.Confidence, msg)
			}
		},
	})
}
