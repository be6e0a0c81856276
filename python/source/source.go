// Package source turns the raw bytes of a Python file into the text CPython
// tokenizes, as ast.parse(raw_bytes) does: newline translation, a UTF-8
// BOM, a PEP 263 coding cookie on line 1 or 2, and decoding with Python's
// codec of that name.
//
// Like CPython, a file in UTF-8 (no cookie, a BOM, or a cookie CPython
// spells "utf-8") is not validated here: CPython accepts invalid UTF-8 in
// comments and rejects it only in string literals and names, which the
// tokenizer and python/literal check. A file whose cookie names another
// codec, "utf8" included, is decoded whole, and any undecodable byte is an
// error, as in CPython.
//
// The package does no I/O and knows nothing about tokens beyond the error
// type it returns.
package source

import (
	"bytes"
	"strings"

	"github.com/pyward/pyward/python/token"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// Decode returns the text of raw: "\r\n" and lone "\r" turned into "\n",
// the BOM removed, and the rest decoded from the declared encoding to
// UTF-8. The errors are *token.Error values carrying CPython's messages:
//
//   - "source code string cannot contain null bytes", on the line of the
//     first NUL;
//   - "unknown encoding: X", "encoding problem: X with BOM" and
//     "'X' is not a text encoding; ...", on the cookie's line;
//   - the codec's UnicodeDecodeError text, such as "'ascii' codec can't
//     decode byte 0xe9 in position 21: ordinal not in range(128)", on the
//     line of the byte (position counts bytes of the translated text after
//     the BOM, as CPython's does).
//
// CPython reports all but the first with lineno 0 and offset -1, having no
// line to show; pyward names the line because a user needs it.
// A codec CPython has that pyward cannot decode (utf-7, the escape codecs,
// a few CJK variants) is an error too, never a silent pass.
func Decode(raw []byte) ([]byte, error) {
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return nil, lineError(raw, i, "source code string cannot contain null bytes")
	}
	// CPython translates newlines before it looks at the BOM and the
	// cookie, and decodes the translated bytes.
	text := normalizeNewlines(raw)
	hasBOM := bytes.HasPrefix(text, bom)
	if hasBOM {
		text = text[len(bom):]
	}
	name, line := Cookie(text)
	if name == "" {
		return text, nil
	}
	norm := normalName(name)
	if hasBOM {
		if norm != "utf-8" {
			return nil, &token.Error{Kind: token.SyntaxError, Msg: "encoding problem: " + norm + " with BOM", Line: line}
		}
		return text, nil
	}
	if norm == "utf-8" {
		// CPython's own spelling: no codec, no validation here.
		return text, nil
	}
	mod, ok := lookupModule(norm)
	if !ok {
		return nil, &token.Error{Kind: token.SyntaxError, Msg: "unknown encoding: " + norm, Line: line}
	}
	// CPython decodes the text with a final newline added.
	in, added := text, false
	if len(in) == 0 || in[len(in)-1] != '\n' {
		in, added = append(text[:len(text):len(text)], '\n'), true
	}
	out, msg, off := decode(mod, norm, in)
	if msg != "" {
		if off < 0 {
			return nil, &token.Error{Kind: token.SyntaxError, Msg: msg, Line: line}
		}
		return nil, lineError(in, off, msg)
	}
	if added && len(out) > 0 && out[len(out)-1] == '\n' {
		out = out[:len(out)-1]
	}
	return out, nil
}

func lineError(b []byte, off int, msg string) *token.Error {
	return &token.Error{Kind: token.SyntaxError, Msg: msg, Line: 1 + bytes.Count(b[:off], []byte{'\n'}) + bytes.Count(b[:off], []byte{'\r'}) - bytes.Count(b[:off], []byte("\r\n"))}
}

// normalizeNewlines turns "\r\n" and lone "\r" into "\n", as CPython's
// tokenizer does for source given as a string. It copies only when needed.
func normalizeNewlines(b []byte) []byte {
	i := bytes.IndexByte(b, '\r')
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	out = append(out, b[:i]...)
	for ; i < len(b); i++ {
		if b[i] != '\r' {
			out = append(out, b[i])
			continue
		}
		out = append(out, '\n')
		if i+1 < len(b) && b[i+1] == '\n' {
			i++
		}
	}
	return out
}

// Cookie returns the encoding a PEP 263 comment declares, as written, and
// its line, or "" when there is none. Line 2 counts only when line 1 is
// blank or a comment, and the cookie must sit in a comment that is alone
// on its line: CPython's get_coding_spec, which is the regular expression
// ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+) with ASCII \w. Lines end at
// "\n", "\r\n" or "\r". A BOM, if any, must already be removed.
func Cookie(raw []byte) (name string, line int) {
	first, rest := cutLine(raw)
	if n, isComment := cookieIn(first); n != "" {
		return n, 1
	} else if !isComment {
		return "", 0
	}
	second, _ := cutLine(rest)
	if n, _ := cookieIn(second); n != "" {
		return n, 2
	}
	return "", 0
}

// cutLine splits b after its first line end.
func cutLine(b []byte) (line, rest []byte) {
	i := bytes.IndexAny(b, "\r\n")
	if i < 0 {
		return b, nil
	}
	if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
		return b[:i], b[i+2:]
	}
	return b[:i], b[i+1:]
}

// cookieIn looks for a cookie in one line (without its line end).
// isBlankOrComment tells whether a cookie on the next line may still count.
func cookieIn(line []byte) (name string, isBlankOrComment bool) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f') {
		i++
	}
	if i == len(line) {
		return "", true
	}
	if line[i] != '#' {
		return "", false
	}
	s := line[i:]
	for {
		k := bytes.Index(s, []byte("coding"))
		if k < 0 {
			return "", true
		}
		s = s[k+6:]
		if len(s) == 0 || (s[0] != ':' && s[0] != '=') {
			continue
		}
		j := 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		start := j
		for j < len(s) && isNameChar(s[j]) {
			j++
		}
		if j > start {
			return string(s[start:j]), true
		}
	}
}

func isNameChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
}

// normalName is CPython's get_normal_name: the UTF-8 and Latin-1 families
// get their canonical spelling (looking at the first 12 characters only),
// other names stay as written.
func normalName(s string) string {
	b := []byte(s)
	if len(b) > 12 {
		b = b[:12]
	}
	for i, c := range b {
		if c == '_' {
			b[i] = '-'
		} else if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	n := string(b)
	switch {
	case n == "utf-8" || strings.HasPrefix(n, "utf-8-"):
		return "utf-8"
	case n == "latin-1" || n == "iso-8859-1" || n == "iso-latin-1" ||
		strings.HasPrefix(n, "latin-1-") || strings.HasPrefix(n, "iso-8859-1-") || strings.HasPrefix(n, "iso-latin-1-"):
		return "iso-8859-1"
	}
	return s
}
