package token

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Result is what Tokenize produces for one source buffer.
type Result struct {
	File     *File     // line table of the source
	Tokens   []Token   // ends with ENDMARKER, or with ERRORTOKEN when Err != nil
	Comments []Comment // every comment, in order
	Err      *Error    // the first tokenizer error; nil when there is none
}

// Limits, as CPython's tokenizer has them.
const (
	maxIndent      = 100 // MAXINDENT
	maxParenLevel  = 200 // MAXLEVEL
	maxFStringNest = 150 // MAX_EXPR_NESTING in spirit: nested f-strings and fields
	tabSize        = 8
)

// Tokenize splits decoded source (UTF-8, newlines normalised to "\n" by
// python/source) into the token stream of CPython 3.12's tokenizer, without
// comments and non-logical newlines. It never fails outright: an error ends
// the stream with an ERRORTOKEN and is returned in Result.Err.
func Tokenize(src []byte) *Result { return TokenizeInto(src, nil) }

// TokenizeInto is Tokenize appending to buf[:0]: a caller that is done
// with the tokens of one file can reuse their array for the next.
func TokenizeInto(src []byte, buf []Token) *Result {
	if want := len(src)/5 + 16; cap(buf) < want {
		buf = make([]Token, 0, want)
	}
	s := &scanner{
		src:     src,
		file:    NewFile(src),
		toks:    buf[:0],
		indents: make([]int, 1, 16),
		alts:    make([]int, 1, 16),
		bol:     true,
	}
	s.run()
	return &Result{File: s.file, Tokens: s.toks, Comments: s.comments, Err: s.err}
}

type paren struct {
	ch  byte
	off int32
}

// frame is one level of the f-string mode stack: an f-string whose literal
// text is being read, or a replacement field inside one.
type frame struct {
	field     bool
	quote     byte  // f-string: the quote character
	triple    bool  // f-string: triple-quoted
	raw       bool  // f-string: raw
	start     int32 // f-string: offset of FSTRING_START
	parenBase int   // field: len(parens) when the field opened
	inSpec    bool  // field: reading its format spec
	fs        int   // field: index of its f-string frame
}

type scanner struct {
	src      []byte
	file     *File
	toks     []Token
	comments []Comment
	err      *Error

	i       int   // offset of the next byte
	bol     bool  // at the beginning of a line
	indents []int // indentation columns (tabs to multiples of 8)
	alts    []int // the same with tabs counted as 1, to detect inconsistent tabs
	parens  []paren
	frames  []frame
	lineHas bool // the current logical line has produced a token
}

type stop struct{}

func (s *scanner) run() {
	defer func() {
		if e := recover(); e != nil {
			if _, ok := e.(stop); !ok {
				panic(e)
			}
		}
	}()
	for {
		if n := len(s.frames); n > 0 {
			f := &s.frames[n-1]
			if !f.field {
				s.fstringMiddle(n - 1)
				continue
			}
			if f.inSpec {
				s.fstringMiddle(n - 1)
				continue
			}
		}
		if !s.next() {
			return
		}
	}
}

func (s *scanner) emit(k Kind, start, end int) {
	s.toks = append(s.toks, Token{Kind: k, Start: int32(start), End: int32(end)})
	s.lineHas = true
}

// fail records the first error and stops tokenizing.
func (s *scanner) fail(kind ErrorKind, off int, msg string) {
	s.failRange(kind, off, off, msg)
}

func (s *scanner) failRange(kind ErrorKind, off, end int, msg string) {
	if off > len(s.src) {
		off = len(s.src)
	}
	e := &Error{Kind: kind, Msg: msg}
	e.Line, e.Col = s.file.CharColumn(int32(off))
	if end > off {
		e.EndLine, e.EndCol = s.file.CharColumn(int32(end))
	}
	s.err = e
	// The error may point back at an opening bracket; the ERRORTOKEN still
	// comes after every token already produced, keeping the stream ordered.
	at := int32(off)
	if n := len(s.toks); n > 0 && s.toks[n-1].End > at {
		at = s.toks[n-1].End
	}
	s.toks = append(s.toks, Token{Kind: ERRORTOKEN, Start: at, End: at})
	panic(stop{})
}

// newline records a line start after the '\n' at offset i.
func (s *scanner) newline(i int) { s.file.AddLine(int32(i + 1)) }

// inBrackets reports whether newlines are insignificant here: inside (),
// [], {} or an f-string replacement field.
func (s *scanner) inBrackets() bool { return len(s.parens) > 0 || len(s.frames) > 0 }

// next reads one token (or a run of indentation tokens) in normal mode.
// It returns false after ENDMARKER.
func (s *scanner) next() bool {
	src := s.src
	if s.bol {
		s.bol = false
		if !s.indentation() {
			return true
		}
	}
	// Skip blanks.
	i := s.i
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f') {
		i++
	}
	s.i = i
	if i >= len(src) {
		s.eof()
		return false
	}
	c := src[i]
	switch {
	case c == '\n':
		s.newline(i)
		s.i = i + 1
		if s.inBrackets() {
			return true
		}
		if s.lineHas {
			s.emit(NEWLINE, i, i+1)
			s.lineHas = false
		}
		s.bol = true
		return true
	case c == '#':
		j := i
		for j < len(src) && src[j] != '\n' {
			j++
		}
		s.comments = append(s.comments, Comment{Start: int32(i), End: int32(j)})
		s.i = j
		return true
	case c == '\\':
		if i+1 < len(src) && src[i+1] == '\n' {
			s.newline(i + 1)
			s.i = i + 2
			if s.i >= len(src) {
				s.fail(SyntaxError, i, "unexpected EOF while parsing")
			}
			return true
		}
		if i+1 >= len(src) {
			s.fail(SyntaxError, i, "unexpected EOF while parsing")
		}
		s.fail(SyntaxError, i+1, "unexpected character after line continuation character")
	case isIdentStart[c]:
		s.nameOrString()
	case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
		s.number()
	case c == '"' || c == '\'':
		s.str(i, i, false)
	default:
		s.operator()
	}
	return true
}

// indentation handles the start of a line: it measures the indentation,
// skips blank and comment-only lines, and emits INDENT or DEDENT tokens.
// It returns false when the line was blank and has been consumed.
func (s *scanner) indentation() bool {
	src := s.src
	col, alt := 0, 0
	i := s.i
	for i < len(src) {
		switch src[i] {
		case ' ':
			col++
			alt++
		case '\t':
			col = (col/tabSize + 1) * tabSize
			alt++
		case '\f':
			col, alt = 0, 0
		default:
			goto measured
		}
		i++
	}
measured:
	if s.inBrackets() {
		// A continuation line inside brackets: indentation is meaningless.
		s.i = i
		return true
	}
	if i >= len(src) || src[i] == '#' || src[i] == '\n' || src[i] == '\\' && i+1 < len(src) && src[i+1] == '\n' && s.blankAfterContinuation(i) {
		// Blank line, comment-only line, or end of file: no indentation
		// tokens. The comment and newline are read by the caller.
		s.i = i
		if i < len(src) && src[i] == '\\' {
			s.newline(i + 1)
			s.i = i + 2
			s.bol = true
			return false
		}
		return true
	}
	s.i = i
	top := len(s.indents) - 1
	switch {
	case col == s.indents[top]:
		if alt != s.alts[top] {
			s.fail(TabError, i, "inconsistent use of tabs and spaces in indentation")
		}
	case col > s.indents[top]:
		if len(s.indents) > maxIndent {
			s.fail(IndentationError, i, "too many levels of indentation")
		}
		if alt <= s.alts[top] {
			s.fail(TabError, i, "inconsistent use of tabs and spaces in indentation")
		}
		s.indents = append(s.indents, col)
		s.alts = append(s.alts, alt)
		lineStart := int(s.file.lines[len(s.file.lines)-1])
		s.toks = append(s.toks, Token{Kind: INDENT, Start: int32(lineStart), End: int32(i)})
	default:
		for top > 0 && col < s.indents[top] {
			top--
			s.toks = append(s.toks, Token{Kind: DEDENT, Start: int32(i), End: int32(i)})
		}
		s.indents, s.alts = s.indents[:top+1], s.alts[:top+1]
		if col != s.indents[top] {
			s.fail(IndentationError, i, "unindent does not match any outer indentation level")
		}
		if alt != s.alts[top] {
			s.fail(TabError, i, "inconsistent use of tabs and spaces in indentation")
		}
	}
	return true
}

// blankAfterContinuation reports whether a line that starts with a
// backslash continuation stays blank: CPython treats "\\\n" followed by a
// blank or comment line like a blank line.
func (s *scanner) blankAfterContinuation(i int) bool {
	j := i + 2
	for j < len(s.src) && (s.src[j] == ' ' || s.src[j] == '\t' || s.src[j] == '\f') {
		j++
	}
	return j >= len(s.src) || s.src[j] == '\n' || s.src[j] == '#'
}

// eof finishes the stream: the last NEWLINE, DEDENTs and ENDMARKER, or the
// error for what is still open.
func (s *scanner) eof() {
	n := len(s.src)
	if len(s.frames) > 0 {
		for k := len(s.frames) - 1; k >= 0; k-- {
			if f := s.frames[k]; !f.field {
				s.unterminatedFString(f)
			}
		}
	}
	if len(s.parens) > 0 {
		p := s.parens[len(s.parens)-1]
		s.fail(SyntaxError, int(p.off), "'"+string(p.ch)+"' was never closed")
	}
	if s.lineHas {
		s.emit(NEWLINE, n, n)
	}
	// CPython places the end of the file on the last line read, not on the
	// empty line after the final newline; errors found there say so.
	if n > 0 && s.src[n-1] == '\n' && !s.lineHas {
		n--
	}
	for len(s.indents) > 1 {
		s.indents = s.indents[:len(s.indents)-1]
		s.toks = append(s.toks, Token{Kind: DEDENT, Start: int32(n), End: int32(n)})
	}
	s.toks = append(s.toks, Token{Kind: ENDMARKER, Start: int32(n), End: int32(n)})
}

func (s *scanner) unterminatedFString(f frame) {
	line := s.file.LineCount()
	if f.triple {
		s.fail(SyntaxError, int(f.start), fmt.Sprintf("unterminated triple-quoted f-string literal (detected at line %d)", line))
	}
	s.fail(SyntaxError, int(f.start), fmt.Sprintf("unterminated f-string literal (detected at line %d)", line))
}

var isIdentStart, isIdentChar [256]bool

func init() {
	for c := 0; c < 256; c++ {
		isIdentStart[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
		isIdentChar[c] = isIdentStart[c] || c >= '0' && c <= '9'
	}
}

// nameOrString reads a NAME, or a string whose prefix letters it starts with.
func (s *scanner) nameOrString() {
	src := s.src
	start := s.i
	// String prefixes: the legal combinations of b, r, u and f.
	sawB, sawR, sawU, sawF := false, false, false, false
	for i := start; i < len(src); i++ {
		c := src[i]
		switch {
		case !(sawB || sawU || sawF) && (c == 'b' || c == 'B'):
			sawB = true
		case !(sawB || sawU || sawR || sawF) && (c == 'u' || c == 'U'):
			sawU = true
		case !(sawR || sawU) && (c == 'r' || c == 'R'):
			sawR = true
		case !(sawF || sawB || sawU) && (c == 'f' || c == 'F'):
			sawF = true
		case c == '"' || c == '\'':
			if i > start {
				s.str(start, i, sawF)
				return
			}
			goto name
		default:
			goto name
		}
	}
name:
	i := start
	var seen byte // the bytes' bits, or-ed: 0x80 is set if one is not ASCII
	for i < len(src) && isIdentChar[src[i]] {
		seen |= src[i]
		i++
	}
	if seen >= 0x80 {
		s.verifyIdentifier(start, i)
	}
	s.emit(NAME, start, i)
	s.i = i
}

// verifyIdentifier checks a name holding non-ASCII characters as CPython's
// verify_identifier does: XID_Start (or '_') first, XID_Continue after.
func (s *scanner) verifyIdentifier(start, end int) {
	// CPython decodes the name first: invalid UTF-8 is a decoding error.
	if msg, off := UTF8Error(s.src[start:end]); msg != "" {
		s.fail(SyntaxError, start+off, "(unicode error) "+msg)
	}
	first := true
	for i := start; i < end; {
		r, n := utf8.DecodeRune(s.src[i:end])
		ok := false
		if r != utf8.RuneError || n > 1 {
			if first {
				ok = r == '_' || isXIDStart(r)
			} else {
				ok = isXIDContinue(r)
			}
		}
		if !ok {
			if r == utf8.RuneError && n <= 1 {
				r = rune(s.src[i])
			}
			if unicode.IsPrint(r) {
				s.failRange(SyntaxError, i, i+n, fmt.Sprintf("invalid character '%c' (U+%04X)", r, r))
			}
			s.failRange(SyntaxError, i, i+n, fmt.Sprintf("invalid non-printable character U+%04X", r))
		}
		first = false
		i += n
	}
}

func isXIDStart(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isXIDContinue(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	return isXIDStart(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// str reads a string literal whose prefix starts at start and whose
// opening quote is at q.
func (s *scanner) str(start, q int, fstring bool) {
	src := s.src
	quote := src[q]
	triple := q+2 < len(src) && src[q+1] == quote && src[q+2] == quote
	if fstring {
		raw := false
		for _, c := range src[start:q] {
			if c == 'r' || c == 'R' {
				raw = true
			}
		}
		end := q + 1
		if triple {
			end = q + 3
		}
		if len(s.frames) >= maxFStringNest {
			s.fail(SyntaxError, start, "f-string: expressions nested too deeply")
		}
		s.emit(FSTRING_START, start, end)
		s.frames = append(s.frames, frame{quote: quote, triple: triple, raw: raw, start: int32(start)})
		s.i = end
		return
	}
	i := q + 1
	if triple {
		i = q + 3
	}
	for {
		if i >= len(src) {
			line := s.file.LineCount()
			if !triple && s.closesFString(quote) {
				s.fail(SyntaxError, start, "f-string: expecting '}'")
			}
			if triple {
				s.fail(SyntaxError, start, fmt.Sprintf("unterminated triple-quoted string literal (detected at line %d)", line))
			}
			s.fail(SyntaxError, start, fmt.Sprintf("unterminated string literal (detected at line %d)", line))
		}
		c := src[i]
		switch {
		case c == quote:
			if !triple {
				s.emit(STRING, start, i+1)
				s.i = i + 1
				return
			}
			if i+2 < len(src) && src[i+1] == quote && src[i+2] == quote {
				s.emit(STRING, start, i+3)
				s.i = i + 3
				return
			}
			i++
		case c == '\\':
			if i+1 < len(src) {
				if src[i+1] == '\n' {
					s.newline(i + 1)
				}
				i += 2
			} else {
				i++
			}
		case c == '\n':
			if !triple {
				if s.closesFString(quote) {
					// `f"{x"`: the quote was meant to end the f-string.
					s.fail(SyntaxError, start, "f-string: expecting '}'")
				}
				line := s.file.Line(int32(start))
				s.fail(SyntaxError, start, fmt.Sprintf("unterminated string literal (detected at line %d)", line))
			}
			s.newline(i)
			i++
		default:
			i++
		}
	}
}

// closesFString reports whether quote would have closed the single-quoted
// f-string whose replacement field is being read.
func (s *scanner) closesFString(quote byte) bool {
	n := len(s.frames)
	if n == 0 || !s.frames[n-1].field {
		return false
	}
	fs := s.frames[s.frames[n-1].fs]
	return fs.quote == quote && !fs.triple
}

// fstringMiddle reads literal text of the f-string frame at index k (or of
// its format spec, when frame k is a field in its spec) up to the next
// replacement field, the end of the spec or the closing quote.
func (s *scanner) fstringMiddle(k int) {
	src := s.src
	f := s.frames[k]
	fs := f
	inSpec := f.field
	if inSpec {
		fs = s.frames[f.fs]
	}
	start := s.i
	i := start
	flush := func(end int) {
		if end > start {
			s.emit(FSTRING_MIDDLE, start, end)
		}
	}
	for {
		if i >= len(src) {
			s.unterminatedFString(fs)
		}
		c := src[i]
		switch c {
		case fs.quote:
			if fs.triple && !(i+2 < len(src) && src[i+1] == c && src[i+2] == c) {
				i++
				continue
			}
			if inSpec {
				s.fail(SyntaxError, i, "f-string: expecting '}'")
			}
			flush(i)
			end := i + 1
			if fs.triple {
				end = i + 3
			}
			s.emit(FSTRING_END, i, end)
			s.frames = s.frames[:k]
			s.i = end
			return
		case '\n':
			if !fs.triple {
				if inSpec {
					s.fail(SyntaxError, i, "f-string: expecting '}'")
				}
				s.fail(SyntaxError, int(fs.start), fmt.Sprintf("unterminated f-string literal (detected at line %d)", s.file.LineCount()))
			}
			s.newline(i)
			i++
		case '\\':
			if i+1 >= len(src) {
				i++
				continue
			}
			n := src[i+1]
			switch {
			case n == '{' || n == '}':
				// A backslash does not escape a brace: the brace keeps
				// its meaning (CPython only warns about the escape).
				i++
			case !fs.raw && n == 'N' && i+2 < len(src) && src[i+2] == '{':
				j := i + 3
				for j < len(src) && src[j] != '}' && src[j] != fs.quote && src[j] != '\n' {
					j++
				}
				if j < len(src) && src[j] == '}' {
					i = j + 1
				} else {
					i += 2
				}
			default:
				if n == '\n' {
					s.newline(i + 1)
				}
				i += 2
			}
		case '{':
			if !inSpec && i+1 < len(src) && src[i+1] == '{' {
				i += 2
				continue
			}
			flush(i)
			s.openField(i, k)
			return
		case '}':
			if !inSpec {
				if i+1 < len(src) && src[i+1] == '}' {
					i += 2
					continue
				}
				s.fail(SyntaxError, i, "f-string: single '}' is not allowed")
			}
			flush(i)
			s.emit(RBRACE, i, i+1)
			s.frames = s.frames[:k]
			s.i = i + 1
			return
		default:
			i++
		}
	}
}

// openField emits the '{' at i that opens a replacement field inside frame k.
func (s *scanner) openField(i, k int) {
	if len(s.frames) >= maxFStringNest {
		s.fail(SyntaxError, i, "f-string: expressions nested too deeply")
	}
	fs := k
	if s.frames[k].field {
		fs = s.frames[k].fs
	}
	s.emit(LBRACE, i, i+1)
	s.frames = append(s.frames, frame{field: true, parenBase: len(s.parens), fs: fs})
	s.i = i + 1
}

// number reads a numeric literal with CPython's validation and messages.
func (s *scanner) number() {
	src := s.src
	start := s.i
	i := start
	digits := func(i int, ok func(byte) bool) (int, bool) {
		// digits with single underscores between them; returns false on a
		// misplaced underscore.
		for {
			for i < len(src) && ok(src[i]) {
				i++
			}
			if i < len(src) && src[i] == '_' {
				i++
				if i >= len(src) || !ok(src[i]) {
					return i, false
				}
				continue
			}
			return i, true
		}
	}
	isDec := func(c byte) bool { return c >= '0' && c <= '9' }
	kind := "decimal"
	if src[i] == '0' && i+1 < len(src) && (src[i+1]|0x20 == 'x' || src[i+1]|0x20 == 'o' || src[i+1]|0x20 == 'b') {
		var ok func(byte) bool
		switch src[i+1] | 0x20 {
		case 'x':
			kind = "hexadecimal"
			ok = func(c byte) bool { return isDec(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }
		case 'o':
			kind = "octal"
			ok = func(c byte) bool { return c >= '0' && c <= '7' }
		default:
			kind = "binary"
			ok = func(c byte) bool { return c == '0' || c == '1' }
		}
		i += 2
		if i < len(src) && src[i] == '_' {
			i++
		}
		if i >= len(src) || !ok(src[i]) {
			if i < len(src) && isDec(src[i]) && kind != "hexadecimal" {
				s.fail(SyntaxError, i, fmt.Sprintf("invalid digit '%c' in %s literal", src[i], kind))
			}
			s.fail(SyntaxError, start, "invalid "+kind+" literal")
		}
		j, good := digits(i, ok)
		if !good {
			s.fail(SyntaxError, start, "invalid "+kind+" literal")
		}
		if j < len(src) && isDec(src[j]) && kind != "hexadecimal" {
			s.fail(SyntaxError, j, fmt.Sprintf("invalid digit '%c' in %s literal", src[j], kind))
		}
		s.endOfNumber(start, j, kind)
		return
	}
	// Decimal integer part (possibly empty for ".5").
	intEnd := i
	if src[i] != '.' {
		j, good := digits(i, isDec)
		if !good {
			s.fail(SyntaxError, start, "invalid decimal literal")
		}
		intEnd = j
		i = j
	}
	isFloat := false
	if i < len(src) && src[i] == '.' {
		isFloat = true
		i++
		if i < len(src) && isDec(src[i]) {
			j, good := digits(i, isDec)
			if !good {
				s.fail(SyntaxError, start, "invalid decimal literal")
			}
			i = j
		}
	}
	if i < len(src) && src[i]|0x20 == 'e' {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
			if j >= len(src) || !isDec(src[j]) {
				s.fail(SyntaxError, start, "invalid decimal literal")
			}
		}
		if j < len(src) && isDec(src[j]) {
			k, good := digits(j, isDec)
			if !good {
				s.fail(SyntaxError, start, "invalid decimal literal")
			}
			i = k
			isFloat = true
		}
		// else: 'e' begins a name, which endOfNumber reports
	}
	imag := false
	if i < len(src) && src[i]|0x20 == 'j' {
		i++
		imag = true
	}
	if !isFloat && !imag && src[start] == '0' {
		// Leading zeros are allowed only when every digit is zero.
		for _, c := range src[start:intEnd] {
			if c != '0' && c != '_' {
				s.fail(SyntaxError, start, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
			}
		}
	}
	if imag {
		kind = "imaginary"
	}
	s.endOfNumber(start, i, kind)
}

// endOfNumber emits the NUMBER [start, end) after checking what follows it:
// a name character right after a number is an error, except the keywords
// that CPython still lets through with a warning (`1if x else y`).
func (s *scanner) endOfNumber(start, end int, kind string) {
	src := s.src
	if end < len(src) && isIdentChar[src[end]] {
		rest := src[end:]
		for _, kw := range [...]string{"and", "else", "for", "if", "in", "is", "not", "or"} {
			if len(rest) >= len(kw) && string(rest[:len(kw)]) == kw {
				s.emit(NUMBER, start, end)
				s.i = end
				return
			}
		}
		s.fail(SyntaxError, start, "invalid "+kind+" literal")
	}
	s.emit(NUMBER, start, end)
	s.i = end
}

// operator reads an operator or delimiter.
func (s *scanner) operator() {
	src := s.src
	i := s.i
	c := src[i]
	var c1, c2 byte
	if i+1 < len(src) {
		c1 = src[i+1]
	}
	if i+2 < len(src) {
		c2 = src[i+2]
	}
	k, n := ERRORTOKEN, 1
	// Inside a replacement field at its own level, ':' starts the format
	// spec, '!' a conversion and '}' ends the field.
	if nf := len(s.frames); nf > 0 && s.frames[nf-1].field && len(s.parens) == s.frames[nf-1].parenBase {
		switch {
		case c == ':':
			s.emit(COLON, i, i+1)
			s.frames[nf-1].inSpec = true
			s.i = i + 1
			return
		case c == '!' && c1 != '=':
			s.emit(EXCLAMATION, i, i+1)
			s.i = i + 1
			return
		case c == '}':
			s.emit(RBRACE, i, i+1)
			s.frames = s.frames[:nf-1]
			s.i = i + 1
			return
		}
	}
	switch c {
	case '(', '[', '{':
		if len(s.parens) >= maxParenLevel {
			s.fail(SyntaxError, i, "too many nested parentheses")
		}
		s.parens = append(s.parens, paren{ch: c, off: int32(i)})
		k = map3(c, LPAR, LSQB, LBRACE)
	case ')', ']', '}':
		open := map3[byte](c, '(', '[', '{')
		if len(s.parens) == 0 || nfBase(s) == len(s.parens) {
			s.fail(SyntaxError, i, "unmatched '"+string(c)+"'")
		}
		p := s.parens[len(s.parens)-1]
		if p.ch != open {
			msg := "closing parenthesis '" + string(c) + "' does not match opening parenthesis '" + string(p.ch) + "'"
			if l := s.file.Line(p.off); l != s.file.Line(int32(i)) {
				msg += fmt.Sprintf(" on line %d", l)
			}
			s.fail(SyntaxError, i, msg)
		}
		s.parens = s.parens[:len(s.parens)-1]
		k = map3(c, RPAR, RSQB, RBRACE)
	case ':':
		k = COLON
		if c1 == '=' {
			k, n = COLONEQUAL, 2
		}
	case ',':
		k = COMMA
	case ';':
		k = SEMI
	case '+':
		k = PLUS
		if c1 == '=' {
			k, n = PLUSEQUAL, 2
		}
	case '-':
		k = MINUS
		if c1 == '=' {
			k, n = MINEQUAL, 2
		} else if c1 == '>' {
			k, n = RARROW, 2
		}
	case '*':
		k = STAR
		if c1 == '*' {
			k, n = DOUBLESTAR, 2
			if c2 == '=' {
				k, n = DOUBLESTAREQUAL, 3
			}
		} else if c1 == '=' {
			k, n = STAREQUAL, 2
		}
	case '/':
		k = SLASH
		if c1 == '/' {
			k, n = DOUBLESLASH, 2
			if c2 == '=' {
				k, n = DOUBLESLASHEQUAL, 3
			}
		} else if c1 == '=' {
			k, n = SLASHEQUAL, 2
		}
	case '|':
		k = VBAR
		if c1 == '=' {
			k, n = VBAREQUAL, 2
		}
	case '&':
		k = AMPER
		if c1 == '=' {
			k, n = AMPEREQUAL, 2
		}
	case '<':
		k = LESS
		if c1 == '=' {
			k, n = LESSEQUAL, 2
		} else if c1 == '<' {
			k, n = LEFTSHIFT, 2
			if c2 == '=' {
				k, n = LEFTSHIFTEQUAL, 3
			}
		}
	case '>':
		k = GREATER
		if c1 == '=' {
			k, n = GREATEREQUAL, 2
		} else if c1 == '>' {
			k, n = RIGHTSHIFT, 2
			if c2 == '=' {
				k, n = RIGHTSHIFTEQUAL, 3
			}
		}
	case '=':
		k = EQUAL
		if c1 == '=' {
			k, n = EQEQUAL, 2
		}
	case '!':
		k = EXCLAMATION
		if c1 == '=' {
			k, n = NOTEQUAL, 2
		}
	case '.':
		k = DOT
		if c1 == '.' && c2 == '.' {
			k, n = ELLIPSIS, 3
		}
	case '%':
		k = PERCENT
		if c1 == '=' {
			k, n = PERCENTEQUAL, 2
		}
	case '~':
		k = TILDE
	case '^':
		k = CIRCUMFLEX
		if c1 == '=' {
			k, n = CIRCUMFLEXEQUAL, 2
		}
	case '@':
		k = AT
		if c1 == '=' {
			k, n = ATEQUAL, 2
		}
	default:
		if c < 0x20 || c == 0x7f {
			s.fail(SyntaxError, i, fmt.Sprintf("invalid non-printable character U+%04X", c))
		}
		s.fail(SyntaxError, i, "invalid syntax")
	}
	s.emit(k, i, i+n)
	s.i = i + n
}

// nfBase is the paren depth at which the innermost replacement field
// opened: a closer there has no opener of its own.
func nfBase(s *scanner) int {
	if nf := len(s.frames); nf > 0 && s.frames[nf-1].field {
		return s.frames[nf-1].parenBase
	}
	return -1
}

func map3[T any](c byte, a, b, d T) T {
	switch c {
	case '(', ')':
		return a
	case '[', ']':
		return b
	}
	return d
}
