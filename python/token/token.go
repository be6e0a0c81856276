// Package token defines the lexical tokens of Python and the tokenizer that
// produces them from decoded source.
//
// Like go/scanner, the tokenizer allocates nothing per token: a Token is a
// kind and two byte offsets into the source buffer, and its text is
// src[Start:End]. Line and column are computed only when asked, from the
// line table kept in File.
//
// The package knows nothing about the syntax tree or about security.
package token

import "bytes"

// Kind is the kind of a token.
type Kind uint8

// The token kinds. Keywords are NAME tokens: the parser tells them apart by
// their text, because Python's soft keywords (match, case, type, _) are
// names everywhere else.
const (
	ERRORTOKEN Kind = iota // the tokenizer failed here; see Tokenize's error
	ENDMARKER
	NEWLINE
	INDENT
	DEDENT
	NAME
	NUMBER
	STRING         // a complete non-f-string literal, prefix and quotes included
	FSTRING_START  // f-string prefix and opening quote: f" rf''' ...
	FSTRING_MIDDLE // literal text inside an f-string or a format spec, raw (escapes and {{ }} not yet processed)
	FSTRING_END    // the closing quote of an f-string

	// Operators and delimiters.
	LPAR             // (
	RPAR             // )
	LSQB             // [
	RSQB             // ]
	COLON            // :
	COMMA            // ,
	SEMI             // ;
	PLUS             // +
	MINUS            // -
	STAR             // *
	SLASH            // /
	VBAR             // |
	AMPER            // &
	LESS             // <
	GREATER          // >
	EQUAL            // =
	DOT              // .
	PERCENT          // %
	LBRACE           // {
	RBRACE           // }
	EQEQUAL          // ==
	NOTEQUAL         // != (and <> only under barry_as_FLUFL, which we do not support)
	LESSEQUAL        // <=
	GREATEREQUAL     // >=
	TILDE            // ~
	CIRCUMFLEX       // ^
	LEFTSHIFT        // <<
	RIGHTSHIFT       // >>
	DOUBLESTAR       // **
	PLUSEQUAL        // +=
	MINEQUAL         // -=
	STAREQUAL        // *=
	SLASHEQUAL       // /=
	PERCENTEQUAL     // %=
	AMPEREQUAL       // &=
	VBAREQUAL        // |=
	CIRCUMFLEXEQUAL  // ^=
	LEFTSHIFTEQUAL   // <<=
	RIGHTSHIFTEQUAL  // >>=
	DOUBLESTAREQUAL  // **=
	DOUBLESLASH      // //
	DOUBLESLASHEQUAL // //=
	AT               // @
	ATEQUAL          // @=
	RARROW           // ->
	ELLIPSIS         // ...
	COLONEQUAL       // :=
	EXCLAMATION      // ! (only inside f-string replacement fields)

	numKinds
)

var kindNames = [numKinds]string{
	ERRORTOKEN: "ERRORTOKEN", ENDMARKER: "ENDMARKER", NEWLINE: "NEWLINE", INDENT: "INDENT",
	DEDENT: "DEDENT", NAME: "NAME", NUMBER: "NUMBER", STRING: "STRING",
	FSTRING_START: "FSTRING_START", FSTRING_MIDDLE: "FSTRING_MIDDLE", FSTRING_END: "FSTRING_END",
	LPAR: "(", RPAR: ")", LSQB: "[", RSQB: "]", COLON: ":", COMMA: ",", SEMI: ";",
	PLUS: "+", MINUS: "-", STAR: "*", SLASH: "/", VBAR: "|", AMPER: "&", LESS: "<",
	GREATER: ">", EQUAL: "=", DOT: ".", PERCENT: "%", LBRACE: "{", RBRACE: "}",
	EQEQUAL: "==", NOTEQUAL: "!=", LESSEQUAL: "<=", GREATEREQUAL: ">=", TILDE: "~",
	CIRCUMFLEX: "^", LEFTSHIFT: "<<", RIGHTSHIFT: ">>", DOUBLESTAR: "**", PLUSEQUAL: "+=",
	MINEQUAL: "-=", STAREQUAL: "*=", SLASHEQUAL: "/=", PERCENTEQUAL: "%=", AMPEREQUAL: "&=",
	VBAREQUAL: "|=", CIRCUMFLEXEQUAL: "^=", LEFTSHIFTEQUAL: "<<=", RIGHTSHIFTEQUAL: ">>=",
	DOUBLESTAREQUAL: "**=", DOUBLESLASH: "//", DOUBLESLASHEQUAL: "//=", AT: "@", ATEQUAL: "@=",
	RARROW: "->", ELLIPSIS: "...", COLONEQUAL: ":=", EXCLAMATION: "!",
}

// String returns the token kind's name, or the operator's text.
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return "Kind(?)"
}

// IsOperator reports whether k is an operator or delimiter.
func (k Kind) IsOperator() bool { return k >= LPAR && k < numKinds }

// Token is one token: its kind and the byte range [Start, End) it covers in
// the source. INDENT, DEDENT, NEWLINE and ENDMARKER may be empty ranges.
type Token struct {
	Kind       Kind
	Start, End int32
}

// Comment is the byte range of a comment, '#' included, newline excluded.
type Comment struct {
	Start, End int32
}

// File is the line table of one source buffer: the offset at which each line
// starts. Line and column are computed from it on demand.
type File struct {
	src   []byte
	lines []int32 // lines[i] is the offset of the first byte of line i+1
}

// NewFile returns a File for src with only the first line known; the
// tokenizer calls AddLine as it meets each newline.
func NewFile(src []byte) *File {
	// Room for every line: the table grew by doubling, a copy each time
	// (a twentieth of what a parse allocated).
	lines := make([]int32, 1, bytes.Count(src, []byte{'\n'})+2)
	return &File{src: src, lines: lines}
}

// AddLine records that a line starts at offset off. Offsets must increase.
func (f *File) AddLine(off int32) {
	if n := len(f.lines); n == 0 || f.lines[n-1] < off {
		f.lines = append(f.lines, off)
	}
}

// Source returns the buffer the File describes.
func (f *File) Source() []byte { return f.src }

// LineCount returns the number of lines recorded so far.
func (f *File) LineCount() int { return len(f.lines) }

// LineStart returns the offset of the first byte of 1-based line n.
func (f *File) LineStart(n int) int32 { return f.lines[n-1] }

// Line returns the 1-based line that contains offset off.
func (f *File) Line(off int32) int {
	// Binary search for the last line start <= off.
	lo, hi := 0, len(f.lines)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if f.lines[m] <= off {
			lo = m
		} else {
			hi = m
		}
	}
	return lo + 1
}

// Position returns the 1-based line of off and its 0-based column counted in
// UTF-8 bytes, which is what CPython's lineno and col_offset hold.
func (f *File) Position(off int32) (line, byteCol int) {
	line = f.Line(off)
	return line, int(off - f.lines[line-1])
}

// CharColumn returns the 1-based line of off and its 1-based column counted
// in Unicode characters, which is what pyward's own reports show.
func (f *File) CharColumn(off int32) (line, col int) {
	line = f.Line(off)
	col = 1
	for i := f.lines[line-1]; i < off && int(i) < len(f.src); i++ {
		if f.src[i]&0xC0 != 0x80 { // count bytes that start a character
			col++
		}
	}
	return line, col
}

// ErrorKind is the Python exception class a tokenizer or parser error maps to.
type ErrorKind uint8

const (
	SyntaxError ErrorKind = iota
	IndentationError
	TabError
)

func (k ErrorKind) String() string {
	switch k {
	case IndentationError:
		return "IndentationError"
	case TabError:
		return "TabError"
	}
	return "SyntaxError"
}

// Error is a syntax error with its place: 1-based line and 1-based column in
// characters, as CPython's SyntaxError reports lineno and offset.
type Error struct {
	Kind    ErrorKind
	Msg     string
	Line    int
	Col     int // 1-based, in characters; 0 when the error has no column
	EndLine int // 0 when unknown
	EndCol  int
}

func (e *Error) Error() string {
	if e.Col > 0 {
		return e.Kind.String() + ": " + e.Msg + " (line " + itoa(e.Line) + ", column " + itoa(e.Col) + ")"
	}
	return e.Kind.String() + ": " + e.Msg + " (line " + itoa(e.Line) + ")"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
