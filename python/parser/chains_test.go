package parser

import (
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/pyward/pyward/internal/pyoracle"
	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/token"
)

// chainKinds builds, for each kind of chain, a module with n links: a
// left-associative chain grows the tree one level per link (a.b.b, f()(),
// 1 + 1, elif ladders); a prefix chain nests one level per operator
// (not not x, - - 1, lambda: lambda: 1, a if b else c if d else …); a flat
// chain only lengthens a list (a or b or c, a < b < c, 's' 's',
// decorators, dotted imports).
var chainKinds = []struct {
	name  string
	flat  bool // CPython accepts it at any length
	build func(n int) string
}{
	{"attribute", false, func(n int) string { return "x = a" + strings.Repeat(".b", n) + "\n" }},
	{"call", false, func(n int) string { return "x = f" + strings.Repeat("()", n) + "\n" }},
	{"subscript", false, func(n int) string { return "x = a" + strings.Repeat("[0]", n) + "\n" }},
	{"method calls", false, func(n int) string { return "x = a" + strings.Repeat(".b(1)", n/2) + "\n" }}, // two links each
	{"sum", false, func(n int) string { return "x = 1" + strings.Repeat(" + 1", n) + "\n" }},
	{"product", false, func(n int) string { return "x = 2" + strings.Repeat(" * 2", n) + "\n" }},
	{"mixed operators", false, func(n int) string {
		ops := []string{" + ", " - ", " * ", " / ", " // ", " % ", " @ ", " | ", " ^ ", " & ", " << ", " >> "}
		var b strings.Builder
		b.WriteString("x = a")
		for i := 0; i < n; i++ {
			b.WriteString(ops[i%len(ops)])
			b.WriteString("a.b")
		}
		b.WriteString("\n")
		return b.String()
	}},
	{"power", false, func(n int) string { return "x = " + strings.Repeat("2 ** ", n) + "1\n" }},
	{"unary minus", false, func(n int) string { return "x = " + strings.Repeat("- ", n) + "1\n" }},
	{"invert", false, func(n int) string { return "x = " + strings.Repeat("~", n) + "1\n" }},
	{"not", false, func(n int) string { return "x = " + strings.Repeat("not ", n) + "a\n" }},
	{"lambda", false, func(n int) string { return "x = " + strings.Repeat("lambda: ", n) + "1\n" }},
	{"conditional", false, func(n int) string { return "x = " + strings.Repeat("a if b else ", n) + "c\n" }},
	{"elif", false, func(n int) string { return "if a: pass\n" + strings.Repeat("elif a: pass\n", n) }},
	{"elif blocks", false, func(n int) string { return "if a:\n    pass\n" + strings.Repeat("elif a:\n    pass\n", n) }},
	{"assignment target", false, func(n int) string { return "a" + strings.Repeat(".b", n) + " = 1\n" }},
	{"augmented target", false, func(n int) string { return "a" + strings.Repeat("[0]", n) + " += 1\n" }},
	{"for target", false, func(n int) string { return "for a" + strings.Repeat(".b", n) + " in c: pass\n" }},
	{"value pattern", false, func(n int) string { return "match x:\n    case a" + strings.Repeat(".b", n) + ": pass\n" }},
	{"decorator chain", false, func(n int) string { return "@a" + strings.Repeat(".b", n) + "\ndef f(): pass\n" }},
	{"in parentheses", false, func(n int) string {
		// Chains in nested parentheses add up: ((a.b.b).b.b).b.b
		const depth = 150
		link := strings.Repeat(".b", n/depth+1)
		return "x = " + strings.Repeat("(", depth) + "a" + strings.Repeat(")"+link, depth) + "\n"
	}},
	{"or", true, func(n int) string { return "x = a" + strings.Repeat(" or a", n) + "\n" }},
	{"and", true, func(n int) string { return "x = a" + strings.Repeat(" and a", n) + "\n" }},
	{"comparison", true, func(n int) string { return "x = a" + strings.Repeat(" < a", n) + "\n" }},
	{"string concatenation", true, func(n int) string { return "x = 's'" + strings.Repeat(" 's'", n) + "\n" }},
	{"f-string concatenation", true, func(n int) string { return "x = f'{a}'" + strings.Repeat(" f'{a}'", n) + "\n" }},
	{"bytes concatenation", true, func(n int) string { return "x = b's'" + strings.Repeat(" b's'", n) + "\n" }},
	{"decorators", true, func(n int) string { return strings.Repeat("@d\n", n) + "def f(): pass\n" }},
	{"dotted import", true, func(n int) string { return "import a" + strings.Repeat(".b", n) + "\n" }},
	{"chained assignment", true, func(n int) string { return strings.Repeat("a = ", n) + "1\n" }},
	{"statements on a line", true, func(n int) string { return strings.Repeat("pass; ", n) + "pass\n" }},
	{"tuple", true, func(n int) string { return "x = 1" + strings.Repeat(", 1", n) + "\n" }},
	{"comprehension clauses", true, func(n int) string { return "x = [a" + strings.Repeat(" for a in b", n) + "]\n" }},
}

// treeDepth is the depth of the tree below n; its recursion is bounded by
// the depth the parser allows.
func treeDepth(n ast.Node) int {
	v := &depthVisitor{max: new(int)}
	ast.Walk(v, n)
	return *v.max
}

type depthVisitor struct {
	d   int
	max *int
}

func (v *depthVisitor) Visit(n ast.Node) ast.Visitor {
	if n == nil {
		return nil
	}
	if v.d+1 > *v.max {
		*v.max = v.d + 1
	}
	return &depthVisitor{d: v.d + 1, max: v.max}
}

// TestChains: a chain of any kind and any length gives a verdict. Flat
// chains parse whatever their length; a chain that nests the tree parses
// up to the depth CPython accepts and beyond the limit is a "too complex"
// syntax error, never a stack overflow, a hang or unbounded memory.
func TestChains(t *testing.T) {
	for _, k := range chainKinds {
		for _, n := range []int{2900, 1_000_000} {
			src := k.build(n)
			f, err := Parse([]byte(src))
			switch {
			case k.flat || n <= 2900:
				if err != nil {
					t.Errorf("%s × %d: %v", k.name, n, err)
					continue
				}
				if d := treeDepth(f.Module); d > 2*maxNest {
					t.Errorf("%s × %d: tree depth %d beyond the limit", k.name, n, d)
				}
			default:
				e, ok := err.(*token.Error)
				if !ok || e.Msg != tooComplex || e.Kind != token.SyntaxError {
					t.Errorf("%s × %d: got %v, want SyntaxError %q", k.name, n, err, tooComplex)
				}
			}
		}
	}
}

// chainOracleScript reads length-prefixed sources on stdin and says for
// each whether ast.parse accepts it ("ok") or which exception it raises.
const chainOracleScript = `
import ast, sys
inp, out = sys.stdin.buffer, sys.stdout
while True:
    h = inp.read(4)
    if len(h) < 4:
        break
    src = inp.read(int.from_bytes(h, "little"))
    try:
        ast.parse(src)
        out.write("ok\n")
    except BaseException as e:
        out.write(type(e).__name__ + "\n")
    out.flush()
`

// TestChainsOracle compares the verdicts with CPython's: what CPython
// accepts we accept (a tree up to about 2990 levels deep), and what it
// refuses as too deep (RecursionError, MemoryError) we refuse too. Between
// 2990 and 4000 levels we accept what CPython refuses; that is the margin
// the limit keeps.
func TestChainsOracle(t *testing.T) {
	py := pyoracle.CPython311(t)
	type tc struct {
		name string
		n    int
		src  string
	}
	var cases []tc
	for _, k := range chainKinds {
		for _, n := range []int{1, 100, 2500, 20000} {
			cases = append(cases, tc{k.name, n, k.build(n)})
		}
	}
	var in strings.Builder
	for _, c := range cases {
		var h [4]byte
		binary.LittleEndian.PutUint32(h[:], uint32(len(c.src)))
		in.Write(h[:])
		in.WriteString(c.src)
	}
	cmd := exec.Command(py, "-c", chainOracleScript)
	cmd.Stdin = strings.NewReader(in.String())
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	verdicts := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(verdicts) != len(cases) {
		t.Fatalf("python3 gave %d verdicts for %d sources", len(verdicts), len(cases))
	}
	for i, c := range cases {
		_, err := Parse([]byte(c.src))
		switch v := verdicts[i]; v {
		case "ok":
			if err != nil {
				t.Errorf("%s × %d: CPython accepts it, we say %v", c.name, c.n, err)
			}
		case "RecursionError", "MemoryError":
			if e, ok := err.(*token.Error); !ok || e.Msg != tooComplex {
				t.Errorf("%s × %d: CPython: %s, we say %v", c.name, c.n, v, err)
			}
		default: // a syntax error
			if err == nil {
				t.Errorf("%s × %d: CPython: %s, we accept it", c.name, c.n, v)
			}
		}
	}
}

// FuzzChains builds expressions from a recipe, two bytes per step: which
// link to add (a suffix such as .b, (), [0], + 1, or 1; a prefix such as
// not, -, lambda:; a wrapping such as parentheses) and how many times
// (up to 32768), then puts the result in one of several statements. Every
// recipe must give a tree no deeper than the limit allows, or a syntax
// error (the fuzzing engine reports an input that hangs).
func FuzzChains(f *testing.F) {
	for _, s := range []string{
		"\x00\x00\x0f", "\x01\x03\x0f", "\x02\x0a\x0c\x05\x0c", "\x03\x06\x0f\x07\x0f",
		"\x00\x00\x0b\x0b\x0b\x01\x0b\x02\x0b", "\x04\x11\x0f", "\x05\x00\x0e\x12\x02",
		"\x06\x13\x0f", "\x07\x14\x0f",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, recipe []byte) {
		src := chainRecipe(recipe)
		if len(src) > 4<<20 {
			return
		}
		pf, err := Parse([]byte(src))
		if err != nil {
			if _, ok := err.(*token.Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if d := treeDepth(pf.Module); d > 4*maxNest {
			t.Fatalf("tree depth %d: the limit does not bound it", d)
		}
		_ = ast.Dump(pf.Module, pf.Tok)
	})
}

var (
	chainSuffixes = []string{".b", "()", "[0]", ".b(c)", " + 1", " * a.b", " ** 2", " or a", " and a", " < a",
		" if a else b", " 's'", "[a:b]", " | a"}
	chainPrefixes = []string{"not ", "-", "~", "lambda: ", "await ", "a if b else ", "2 ** ", "a + "}
	chainForms    = []string{"x = %s\n", "%s\n", "if %s: pass\n", "def f(a=%s): pass\n",
		"match x:\n    case %s: pass\n", "async def f():\n    return %s\n", "x = f'{%s}'\n",
		"for a in %s: pass\n", "@%s\ndef f(): pass\n", "x = [%s for a in b]\n", "%s = 1\n"}
)

// chainRecipe turns a FuzzChains recipe into source: recipe[0] picks the
// statement, then each pair (op, exponent) adds 2^(exponent%16) links of
// op: a suffix, a prefix, or (op past both lists) a pair of parentheses
// around what was built so far.
func chainRecipe(recipe []byte) string {
	form := "x = %s\n"
	if len(recipe) > 0 {
		form = chainForms[int(recipe[0])%len(chainForms)]
		recipe = recipe[1:]
	}
	var pre, suf []string
	e := "a"
	flush := func() {
		e = strings.Join(pre, "") + e + strings.Join(suf, "")
		pre, suf = pre[:0], suf[:0]
	}
	total := 0
	for i := 0; i+1 < len(recipe) && total < 1<<21; i += 2 {
		op, n := int(recipe[i]), 1<<(recipe[i+1]%16)
		total += n
		switch {
		case op < len(chainSuffixes):
			suf = append(suf, strings.Repeat(chainSuffixes[op], n))
		case op < len(chainSuffixes)+len(chainPrefixes):
			pre = append(pre, strings.Repeat(chainPrefixes[op-len(chainSuffixes)], n))
		default:
			flush()
			p := min(n, 150)
			e = strings.Repeat("(", p) + e + strings.Repeat(")", p)
		}
	}
	flush()
	return fmt.Sprintf(form, e)
}
