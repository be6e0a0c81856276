// Package literal turns the text of Python string and number literals into
// their values, exactly as CPython does: escape sequences, \N{...} names,
// lone surrogates, arbitrary-precision integers and correctly rounded floats.
//
// It knows nothing about the syntax tree beyond the Constant it fills, and
// does no I/O.
package literal

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/token"
)

// DecodeString decodes the body of a string literal (the text between the
// quotes). A str comes back as WTF-8: UTF-8 that may also hold lone
// surrogates, which '\ud800' makes and a Python str can hold. A bytes
// value comes back as its raw bytes.
func DecodeString(body []byte, raw, isBytes bool) (string, error) {
	if isBytes {
		for _, c := range body {
			if c >= 0x80 {
				return "", errors.New("bytes can only contain ASCII literal characters")
			}
		}
	}
	if !isBytes && !utf8.Valid(body) {
		msg, _ := token.UTF8Error(body)
		return "", errors.New("(unicode error) " + msg)
	}
	if raw || !hasByte(body, '\\') {
		return string(body), nil
	}
	return decodeEscapes(body, isBytes, false)
}

// DecodeFStringMiddle decodes the raw text of an f-string's literal part:
// escapes (unless raw) and the doubled braces {{ and }}.
func DecodeFStringMiddle(text []byte, raw bool) (string, error) {
	if !utf8.Valid(text) {
		msg, _ := token.UTF8Error(text)
		return "", errors.New("(unicode error) " + msg)
	}
	if !hasByte(text, '\\') && !hasByte(text, '{') && !hasByte(text, '}') {
		return string(text), nil
	}
	if raw {
		var b strings.Builder
		for i := 0; i < len(text); i++ {
			b.WriteByte(text[i])
			if (text[i] == '{' || text[i] == '}') && i+1 < len(text) && text[i+1] == text[i] {
				i++
			}
		}
		return b.String(), nil
	}
	return decodeEscapes(text, false, true)
}

func hasByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}

// decodeEscapes processes backslash escapes as CPython's
// _PyUnicode_DecodeUnicodeEscapeInternal (str) and _PyBytes_DecodeEscape
// (bytes) do. Unknown escapes are kept as they are (CPython only warns).
func decodeEscapes(s []byte, isBytes, fstring bool) (string, error) {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if fstring && (c == '{' || c == '}') && i+1 < len(s) && s[i+1] == c {
			b = append(b, c)
			i += 2
			continue
		}
		if c != '\\' {
			b = append(b, c)
			i++
			continue
		}
		start := i
		i++
		if i >= len(s) {
			// A lone trailing backslash cannot happen in a well-tokenized
			// literal; keep it.
			b = append(b, '\\')
			break
		}
		c = s[i]
		i++
		switch c {
		case '\n':
			// line continuation
		case '\\', '\'', '"':
			b = append(b, c)
		case 'a':
			b = append(b, '\a')
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'v':
			b = append(b, '\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := rune(c - '0')
			for k := 0; k < 2 && i < len(s) && s[i] >= '0' && s[i] <= '7'; k++ {
				v = v*8 + rune(s[i]-'0')
				i++
			}
			if isBytes {
				b = append(b, byte(v))
			} else {
				b = appendWTF8(b, v)
			}
		case 'x':
			v, n := hexValue(s[i:], 2)
			if n < 2 {
				if isBytes {
					return "", fmt.Errorf("(value error) invalid \\x escape at position %d", start)
				}
				return "", unicodeError(start, i+n, `truncated \xXX escape`)
			}
			i += 2
			if isBytes {
				b = append(b, byte(v))
			} else {
				b = appendWTF8(b, v)
			}
		case 'u', 'U':
			if isBytes {
				b = append(b, '\\', c)
				continue
			}
			want := 4
			msg := `truncated \uXXXX escape`
			if c == 'U' {
				want, msg = 8, `truncated \UXXXXXXXX escape`
			}
			v, n := hexValue(s[i:], want)
			if n < want {
				return "", unicodeError(start, i+n, msg)
			}
			i += want
			if v > utf8.MaxRune {
				return "", unicodeError(start, i, "illegal Unicode character")
			}
			b = appendWTF8(b, v)
		case 'N':
			if isBytes {
				b = append(b, '\\', c)
				continue
			}
			if i >= len(s) || s[i] != '{' {
				return "", unicodeError(start, i, `malformed \N character escape`)
			}
			end := i + 1
			for end < len(s) && s[end] != '}' {
				end++
			}
			if end >= len(s) || end == i+1 {
				return "", unicodeError(start, min(end+1, len(s)), `malformed \N character escape`)
			}
			r, ok := lookupName(string(s[i+1 : end]))
			if !ok {
				return "", unicodeError(start, end+1, "unknown Unicode character name")
			}
			i = end + 1
			b = appendWTF8(b, r)
		default:
			// Not an escape: the backslash stays (a warning in CPython).
			b = append(b, '\\')
			i-- // the character after the backslash is ordinary text
		}
	}
	return string(b), nil
}

func unicodeError(start, end int, msg string) error {
	return fmt.Errorf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s", start, end-1, msg)
}

// hexValue reads up to n hex digits and returns the value and how many it
// read.
func hexValue(s []byte, n int) (rune, int) {
	var v rune
	k := 0
	for ; k < n && k < len(s); k++ {
		c := s[k]
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c|0x20 >= 'a' && c|0x20 <= 'f':
			d = c | 0x20 - 'a' + 10
		default:
			return v, k
		}
		v = v*16 + rune(d)
	}
	return v, k
}

// appendWTF8 appends r as UTF-8, encoding surrogates like any other
// three-byte code point (which utf8.AppendRune refuses to do).
func appendWTF8(b []byte, r rune) []byte {
	if r >= 0xD800 && r <= 0xDFFF {
		return append(b, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
	}
	return utf8.AppendRune(b, r)
}

// maxStrDigits is CPython's default limit on converting decimal strings of
// more digits to int (sys.int_info.default_max_str_digits).
const maxStrDigits = 4300

// Number sets c's Kind and value from the text of a NUMBER token, which the
// tokenizer has already validated.
func Number(text []byte, c *ast.Constant) error {
	s := string(text)
	if strings.IndexByte(s, '_') >= 0 {
		s = strings.ReplaceAll(s, "_", "")
	}
	last := s[len(s)-1]
	if last == 'j' || last == 'J' {
		f, err := strconv.ParseFloat(s[:len(s)-1], 64)
		if err != nil && !isRange(err) {
			return errors.New("invalid imaginary literal")
		}
		c.Kind, c.Float = ast.ConstComplex, f
		return nil
	}
	base := 10
	digits := s
	if len(s) > 1 && s[0] == '0' {
		switch s[1] | 0x20 {
		case 'x':
			base, digits = 16, s[2:]
		case 'o':
			base, digits = 8, s[2:]
		case 'b':
			base, digits = 2, s[2:]
		}
	}
	if base == 10 && strings.ContainsAny(s, ".eE") {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil && !isRange(err) {
			return errors.New("invalid decimal literal")
		}
		c.Kind, c.Float = ast.ConstFloat, f
		return nil
	}
	c.Kind = ast.ConstInt
	if v, err := strconv.ParseInt(digits, base, 64); err == nil {
		c.Int = v
		return nil
	}
	if base == 10 && len(digits) > maxStrDigits {
		//lint:ignore ST1005 CPython's message, kept word for word so that users recognise it
		return fmt.Errorf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", maxStrDigits, len(digits))
	}
	v, ok := new(big.Int).SetString(digits, base)
	if !ok {
		return errors.New("invalid " + map[int]string{2: "binary", 8: "octal", 10: "decimal", 16: "hexadecimal"}[base] + " literal")
	}
	c.BigInt = v
	return nil
}

func isRange(err error) bool {
	var ne *strconv.NumError
	return errors.As(err, &ne) && ne.Err == strconv.ErrRange
}
