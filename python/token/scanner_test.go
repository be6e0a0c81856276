package token

import (
	"strings"
	"testing"
)

// stream renders tokens as "KIND:text" separated by spaces; structural
// tokens show only their kind.
func stream(t *testing.T, src string) (string, *Error) {
	t.Helper()
	r := Tokenize([]byte(src))
	var parts []string
	for _, tk := range r.Tokens {
		switch tk.Kind {
		case NEWLINE, INDENT, DEDENT, ENDMARKER, ERRORTOKEN:
			parts = append(parts, tk.Kind.String())
		default:
			parts = append(parts, tk.Kind.String()+":"+src[tk.Start:tk.End])
		}
	}
	return strings.Join(parts, " "), r.Err
}

func TestTokenStreams(t *testing.T) {
	tests := []struct{ src, want string }{
		{"x = 1\n", "NAME:x =:= NUMBER:1 NEWLINE ENDMARKER"},
		{"x", "NAME:x NEWLINE ENDMARKER"},
		{"", "ENDMARKER"},
		{"\n\n# only a comment\n", "ENDMARKER"},
		{"if x:\n    y\nz\n", "NAME:if NAME:x ::: NEWLINE INDENT NAME:y NEWLINE DEDENT NAME:z NEWLINE ENDMARKER"},
		{"if x:\n  if y:\n    z\n", "NAME:if NAME:x ::: NEWLINE INDENT NAME:if NAME:y ::: NEWLINE INDENT NAME:z NEWLINE DEDENT DEDENT ENDMARKER"},
		// blank and comment lines at any indentation do not count
		{"if x:\n    y\n\n  # c\n    z\n", "NAME:if NAME:x ::: NEWLINE INDENT NAME:y NEWLINE NAME:z NEWLINE DEDENT ENDMARKER"},
		// a tab goes to the next multiple of 8
		{"if x:\n\ty\n\tz\n", "NAME:if NAME:x ::: NEWLINE INDENT NAME:y NEWLINE NAME:z NEWLINE DEDENT ENDMARKER"},
		// a form feed resets the column
		{"if x:\n    y\n\f    z\n", "NAME:if NAME:x ::: NEWLINE INDENT NAME:y NEWLINE NAME:z NEWLINE DEDENT ENDMARKER"},
		{"x = (1,\n  2)\n", "NAME:x =:= (:( NUMBER:1 ,:, NUMBER:2 ):) NEWLINE ENDMARKER"},
		{"x = 1 + \\\n  2\n", "NAME:x =:= NUMBER:1 +:+ NUMBER:2 NEWLINE ENDMARKER"},
		{"a **= b //= c >>= d <<= e ... -> := != == <= >= @= ~ ^ | &", "NAME:a **=:**= NAME:b //=://= NAME:c >>=:>>= NAME:d <<=:<<= NAME:e ...:... ->:-> :=::= !=:!= ==:== <=:<= >=:>= @=:@= ~:~ ^:^ |:| &:& NEWLINE ENDMARKER"},
		{`r'\'' b"x" Rb'y' bR"z" u'w' F'{a}' rf"{b}" fR'c'`, `STRING:r'\'' STRING:b"x" STRING:Rb'y' STRING:bR"z" STRING:u'w' FSTRING_START:F' {:{ NAME:a }:} FSTRING_END:' FSTRING_START:rf" {:{ NAME:b }:} FSTRING_END:" FSTRING_START:fR' FSTRING_MIDDLE:c FSTRING_END:' NEWLINE ENDMARKER`},
		{"ur'x'", "NAME:ur STRING:'x' NEWLINE ENDMARKER"},
		{"'''a\n'b'\n'''", "STRING:'''a\n'b'\n''' NEWLINE ENDMARKER"},
		{"1 1.5 .5 5. 1e5 1E-5 1_000 0x1F 0o17 0b101 1j 1.5J 0_0 00 09.5 09e1 09j 1_0.0_1e+1_0",
			"NUMBER:1 NUMBER:1.5 NUMBER:.5 NUMBER:5. NUMBER:1e5 NUMBER:1E-5 NUMBER:1_000 NUMBER:0x1F NUMBER:0o17 NUMBER:0b101 NUMBER:1j NUMBER:1.5J NUMBER:0_0 NUMBER:00 NUMBER:09.5 NUMBER:09e1 NUMBER:09j NUMBER:1_0.0_1e+1_0 NEWLINE ENDMARKER"},
		// keywords right after a number are let through, as CPython does
		{"1if x else 0x1for", "NUMBER:1 NAME:if NAME:x NAME:else NUMBER:0x1f NAME:or NEWLINE ENDMARKER"},
		// PEP 701: nested quotes, format specs with fields, conversions, debug
		{`f"{x["a"]!r:>{w}} {{lit}}"`, `FSTRING_START:f" {:{ NAME:x [:[ STRING:"a" ]:] !:! NAME:r ::: FSTRING_MIDDLE:> {:{ NAME:w }:} }:} FSTRING_MIDDLE: {{lit}} FSTRING_END:" NEWLINE ENDMARKER`},
		{`f'{x=}' f'{a:=1}' f'{a!=b}'`, `FSTRING_START:f' {:{ NAME:x =:= }:} FSTRING_END:' FSTRING_START:f' {:{ NAME:a ::: FSTRING_MIDDLE:=1 }:} FSTRING_END:' FSTRING_START:f' {:{ NAME:a !=:!= NAME:b }:} FSTRING_END:' NEWLINE ENDMARKER`},
		{`f'{f"{1}"}'`, `FSTRING_START:f' {:{ FSTRING_START:f" {:{ NUMBER:1 }:} FSTRING_END:" }:} FSTRING_END:' NEWLINE ENDMARKER`},
		{`f'{d[1:2]}' f'\N{BULLET} \{x}'`, `FSTRING_START:f' {:{ NAME:d [:[ NUMBER:1 ::: NUMBER:2 ]:] }:} FSTRING_END:' FSTRING_START:f' FSTRING_MIDDLE:\N{BULLET} \ {:{ NAME:x }:} FSTRING_END:' NEWLINE ENDMARKER`},
		{"f'''{\n  x # c\n}'''", "FSTRING_START:f''' {:{ NAME:x }:} FSTRING_END:''' NEWLINE ENDMARKER"},
		{"café = 1", "NAME:café =:= NUMBER:1 NEWLINE ENDMARKER"},
	}
	for _, tc := range tests {
		got, err := stream(t, tc.src)
		if err != nil {
			t.Errorf("%q: unexpected error %v", tc.src, err)
			continue
		}
		if got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

func TestTokenErrors(t *testing.T) {
	tests := []struct {
		src       string
		kind      ErrorKind
		msg       string
		line, col int
	}{
		{"x = 'abc\n", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5},
		{"x = '''abc\n\n", SyntaxError, "unterminated triple-quoted string literal (detected at line 3)", 1, 5},
		{"x = f'abc\n", SyntaxError, "unterminated f-string literal (detected at line 1)", 1, 5},
		{"f'}'", SyntaxError, "f-string: single '}' is not allowed", 1, 3},
		{"x = (1,\n", SyntaxError, "'(' was never closed", 1, 5},
		{"x = 1)", SyntaxError, "unmatched ')'", 1, 6},
		{"x = (1]", SyntaxError, "closing parenthesis ']' does not match opening parenthesis '('", 1, 7},
		{"x = (\n1]", SyntaxError, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2},
		{"if x:\n    y\n  z\n", IndentationError, "unindent does not match any outer indentation level", 3, 0},
		// 8 columns either way, but only with tabs counted as 8: CPython's TabError
		{"if x:\n\ty\n        z\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 0},
		{"x = 1 \\ 2", SyntaxError, "unexpected character after line continuation character", 1, 8},
		{"x = 1 \\", SyntaxError, "unexpected EOF while parsing", 1, 7},
		{"x = 08", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5},
		{"x = 0o8", SyntaxError, "invalid digit '8' in octal literal", 1, 7},
		{"x = 0b12", SyntaxError, "invalid digit '2' in binary literal", 1, 8},
		{"x = 0x", SyntaxError, "invalid hexadecimal literal", 1, 5},
		{"x = 1_", SyntaxError, "invalid decimal literal", 1, 5},
		{"x = 1__0", SyntaxError, "invalid decimal literal", 1, 5},
		{"x = 1abc", SyntaxError, "invalid decimal literal", 1, 5},
		{"x = 1jx", SyntaxError, "invalid imaginary literal", 1, 5},
		{"x€ = 1", SyntaxError, "invalid character '€' (U+20AC)", 1, 2},
		{"x\u00a0= 1", SyntaxError, "invalid non-printable character U+00A0", 1, 2},
		{"x = $", SyntaxError, "invalid syntax", 1, 5},
		{strings.Repeat("(", 201), SyntaxError, "too many nested parentheses", 1, 201},
		{"caf\xe9 = 1", SyntaxError, "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 3: unexpected end of data", 1, 4},
	}
	for _, tc := range tests {
		_, err := stream(t, tc.src)
		if err == nil {
			t.Errorf("%q: no error, want %q", tc.src, tc.msg)
			continue
		}
		// col 0: only the line is checked (CPython's columns for these
		// errors are not meaningful).
		if err.Kind != tc.kind || err.Msg != tc.msg || err.Line != tc.line || tc.col != 0 && err.Col != tc.col {
			t.Errorf("%q:\n got %s %q at %d:%d\nwant %s %q at %d:%d", tc.src, err.Kind, err.Msg, err.Line, err.Col, tc.kind, tc.msg, tc.line, tc.col)
		}
	}
}

func TestLineTable(t *testing.T) {
	src := "a = '''x\ny'''\n# c\nb = 1 # é\n"
	r := Tokenize([]byte(src))
	if got := r.File.LineCount(); got != 5 {
		t.Fatalf("lines = %d, want 5", got)
	}
	off := int32(strings.Index(src, "b"))
	if line, col := r.File.Position(off); line != 4 || col != 0 {
		t.Errorf("Position(b) = %d:%d, want 4:0", line, col)
	}
	if len(r.Comments) != 2 || src[r.Comments[1].Start:r.Comments[1].End] != "# é" {
		t.Errorf("comments = %v", r.Comments)
	}
	end := int32(len(src) - 1)
	if line, col := r.File.CharColumn(end); line != 4 || col != 10 {
		t.Errorf("CharColumn(end) = %d:%d, want 4:10 (characters, not bytes)", line, col)
	}
}

// FuzzTokenize checks that any input gives a well-formed stream: tokens in
// order and inside the source, ending with ENDMARKER or ERRORTOKEN, and an
// error exactly when the stream ends with ERRORTOKEN.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"x = 1\n", "if x:\n\ty\n", "f'{x!r:>{w}}'", `f"{x["a"]}"`, "'''\n", "((((", "0x_1f 1e+5j",
		"\\\n", "\f\tx", "f'{f'{f'{1}'}'}'", "a = b'\\x00'", "# coding: x\n", "x\u00a0", "\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		r := Tokenize(src)
		if len(r.Tokens) == 0 {
			t.Fatal("no tokens")
		}
		last := r.Tokens[len(r.Tokens)-1]
		if (last.Kind == ERRORTOKEN) != (r.Err != nil) {
			t.Fatalf("last token %s, error %v", last.Kind, r.Err)
		}
		if last.Kind != ERRORTOKEN && last.Kind != ENDMARKER {
			t.Fatalf("stream ends with %s", last.Kind)
		}
		prev := int32(0)
		for _, tk := range r.Tokens {
			if tk.Start < prev || tk.End < tk.Start || int(tk.End) > len(src) {
				t.Fatalf("token %s [%d,%d) out of order or bounds (prev %d, len %d)", tk.Kind, tk.Start, tk.End, prev, len(src))
			}
			if tk.Kind != INDENT {
				prev = tk.Start
			}
		}
	})
}

func BenchmarkTokenizeStdlibFile(b *testing.B) {
	src := []byte(strings.Repeat("def f(a, b=1, *c, **d):\n    return f'{a!r:>{b}}' + [x for x in c if x] # comment\n", 2000))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Tokenize(src)
	}
}
