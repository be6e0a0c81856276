package literal

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/pyward/pyward/python/ast"
	"golang.org/x/text/unicode/runenames"
)

// decodeLiteral decodes a whole Python literal as the parser would: prefix,
// quotes and body.
func decodeLiteral(t *testing.T, lit string) (*ast.Constant, error) {
	t.Helper()
	c := &ast.Constant{}
	i := strings.IndexAny(lit, `'"`)
	if i < 0 {
		return c, Number([]byte(lit), c)
	}
	prefix := strings.ToLower(lit[:i])
	q := 1
	if strings.HasPrefix(lit[i:], `'''`) || strings.HasPrefix(lit[i:], `"""`) {
		q = 3
	}
	body := lit[i+q : len(lit)-q]
	isBytes := strings.Contains(prefix, "b")
	s, err := DecodeString([]byte(body), strings.Contains(prefix, "r"), isBytes)
	c.Kind, c.Str = ast.ConstStr, s
	if isBytes {
		c.Kind = ast.ConstBytes
	}
	return c, err
}

var literals = []string{
	`'plain'`, `"it's"`, `'say "hi"'`, `'both \' and "'`, `'\\'`, `'\a\b\f\n\r\t\v'`, `'\0\7\77\101\777'`,
	`'\x41\x7f\x80\xff'`, `'\u00e9\u20ac\uffff'`, `'\U0001F600\U0010FFFF'`, `'\ud800\udfff'`, `'\ud83d\ude00'`,
	`'\N{BULLET}\N{bullet}\N{LATIN SMALL LETTER E WITH ACUTE}'`, `'\N{CJK UNIFIED IDEOGRAPH-8000}'`,
	`'\N{HANGUL SYLLABLE GAG}\N{HANGUL SYLLABLE HIH}'`, `'\N{NO-BREAK SPACE}\N{LINE FEED}\N{BYTE ORDER MARK}'`,
	`'\d\q\ '`, "'a\\\nb'", `'é€😀'`, `'\x00\x1f\x7f\u0085\u00a0\u00ad\u200b\u2028\ue000'`,
	`b'abc'`, `b'\x00\xff\n\t\\'`, `b"it's"`, `b'\u1234\N{x}'`, `b'\777'`, `rb'\x00'`, `r'\n\''`, `R"\N{x}"`,
	`'''tri'ple'''`, `"""a"b"""`,
	`0`, `7`, `1_000`, `0x1F`, `0o777`, `0b1010`, `9223372036854775807`, `9223372036854775808`,
	`0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF`, `123456789012345678901234567890`,
	`1.0`, `1.5`, `0.1`, `.5`, `5.`, `1e10`, `1e15`, `1e16`, `1.5e16`, `1e-4`, `1e-5`, `123456.789`,
	`1e22`, `1e308`, `1e400`, `1e-320`, `2.5e-7`, `0.0`, `1_0.0_1`, `3.141592653589793238`,
	`1j`, `0j`, `1.5j`, `1e16j`, `1e400j`, `2.0J`, `1e-5j`,
}

// TestLiteralsAgainstCPython decodes each literal and compares its repr
// with CPython's repr(ast.literal_eval(literal)).
func TestLiteralsAgainstCPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the literal oracle test needs it")
	}
	in, _ := json.Marshal(literals)
	cmd := exec.Command(py, "-c", `
import ast, json, sys
print(json.dumps([repr(ast.literal_eval(s)) for s in json.load(sys.stdin)]))`)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var want []string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, lit := range literals {
		c, err := decodeLiteral(t, lit)
		if err != nil {
			t.Errorf("%s: %v", lit, err)
			continue
		}
		if got := ast.ConstantRepr(c); got != want[i] {
			t.Errorf("%s: got %s, CPython %s", lit, got, want[i])
		}
	}
}

func TestLiteralErrors(t *testing.T) {
	tests := []struct{ lit, msg string }{
		{`'\x4'`, `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape`},
		{`'\u12'`, `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape`},
		{`'\U0011FFFF'`, `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character`},
		{`'\N{NO SUCH NAME}'`, `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: unknown Unicode character name`},
		{`'\N'`, `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \N character escape`},
		{`b'\x4'`, `(value error) invalid \x escape at position 0`},
		{`b'é'`, `bytes can only contain ASCII literal characters`},
		{"'caf\xe9'", `(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 3: unexpected end of data`},
		{"1" + strings.Repeat("0", 4300), "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."},
	}
	for _, tc := range tests {
		_, err := decodeLiteral(t, tc.lit)
		if err == nil || err.Error() != tc.msg {
			t.Errorf("%.40s: got %v\nwant %s", tc.lit, err, tc.msg)
		}
	}
}

func TestFStringMiddle(t *testing.T) {
	tests := []struct {
		text string
		raw  bool
		want string
	}{
		{"a{{b}}c", false, "a{b}c"},
		{`\n{{`, false, "\n{"},
		{`\n{{`, true, `\n{`},
		{`\N{BULLET}`, false, "\u2022"},
	}
	for _, tc := range tests {
		got, err := DecodeFStringMiddle([]byte(tc.text), tc.raw)
		if err != nil || got != tc.want {
			t.Errorf("%q raw=%v: got %q, %v; want %q", tc.text, tc.raw, got, err, tc.want)
		}
	}
}

// TestUnnamedRangesHaveNoNames: the ranges buildNames skips hold no
// code point the name table names, so the map is the one a walk of
// every code point builds.
func TestUnnamedRangesHaveNoNames(t *testing.T) {
	for _, rg := range unnamed {
		for r := rg[0]; r <= rg[1]; r++ {
			if n := runenames.Name(r); n != "" && n[0] != '<' {
				t.Fatalf("U+%04X in a skipped range is named %s", r, n)
			}
		}
	}
	fast, all := namesOf(unnamed), namesOf(nil)
	if len(fast) != len(all) {
		t.Fatalf("%d names, %d from every code point", len(fast), len(all))
	}
	for n, r := range all {
		if fast[n] != r {
			t.Fatalf("%s: U+%04X, from every code point U+%04X", n, fast[n], r)
		}
	}
}
