// Package source turns the raw bytes of a Python file into the text CPython
// tokenizes, as ast.parse(raw_bytes) does: PEP 263 decoding (a UTF-8 BOM,
// or a coding cookie on line 1 or 2) and newline normalisation.
//
// Like CPython, a file in UTF-8 (the default) is not validated here:
// CPython accepts invalid UTF-8 inside comments and rejects it only in
// strings and names, which the tokenizer and python/literal check.
package source

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pyward/pyward/python/token"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// Decode returns the text of raw: the BOM removed, decoded from the
// declared encoding to UTF-8, with "\r\n" and lone "\r" turned into "\n".
// Errors are *token.Error values worded as CPython's.
func Decode(raw []byte) ([]byte, error) {
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return nil, lineError(raw, i, "source code string cannot contain null bytes")
	}
	hasBOM := bytes.HasPrefix(raw, bom)
	if hasBOM {
		raw = raw[len(bom):]
	}
	name, line := Cookie(raw)
	text := raw
	if name != "" {
		norm := normalName(name)
		switch {
		case hasBOM && norm != "utf-8":
			return nil, &token.Error{Kind: token.SyntaxError, Msg: "encoding problem: " + norm + " with BOM", Line: line}
		case norm == "utf-8":
			// CPython's own spelling: no codec, no validation here.
		default:
			dec, ok := lookupCodec(norm)
			if !ok {
				return nil, &token.Error{Kind: token.SyntaxError, Msg: "unknown encoding: " + norm, Line: line}
			}
			if dec == nil {
				// A UTF-8 alias ("utf8"): the codec validates the whole file.
				if msg, off := token.UTF8Error(raw); msg != "" {
					return nil, lineError(raw, off, "(unicode error) "+msg)
				}
			} else if cm, ok := dec.(*charmap.Charmap); ok {
				out, err := decodeCharmap(cm, raw)
				if err != nil {
					return nil, err
				}
				text = out
			} else {
				out, err := dec.NewDecoder().Bytes(raw)
				if err != nil {
					return nil, &token.Error{Kind: token.SyntaxError, Msg: "(unicode error) " + err.Error(), Line: line}
				}
				text = out
			}
		}
	}
	return normalizeNewlines(text), nil
}

func lineError(b []byte, off int, msg string) *token.Error {
	return &token.Error{Kind: token.SyntaxError, Msg: msg, Line: 1 + bytes.Count(b[:off], []byte{'\n'})}
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

// Cookie returns the encoding a PEP 263 comment declares and its line, or
// "" when there is none. Line 2 counts only when line 1 is blank or a
// comment, and the cookie must sit in a comment that is alone on its line.
func Cookie(raw []byte) (name string, line int) {
	first, rest, _ := bytes.Cut(raw, []byte{'\n'})
	if n, isComment := cookieIn(first); n != "" {
		return n, 1
	} else if !isComment {
		return "", 0
	}
	second, _, _ := bytes.Cut(rest, []byte{'\n'})
	if n, _ := cookieIn(second); n != "" {
		return n, 2
	}
	return "", 0
}

// cookieIn looks for `coding[:=]\s*([-\w.]+)` in a line that holds only a
// comment, as CPython's get_coding_spec does. isBlankOrComment tells
// whether a cookie on the next line may still count.
func cookieIn(line []byte) (name string, isBlankOrComment bool) {
	line = bytes.TrimSuffix(line, []byte{'\r'})
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
// get their canonical spelling, other names stay as written.
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

// lookupCodec finds a decoder for a Python codec name, normalised the way
// Python's encodings package does. A nil encoding with ok means UTF-8.
func lookupCodec(name string) (enc encoding.Encoding, ok bool) {
	var b strings.Builder
	under := false
	for _, c := range strings.ToLower(name) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' {
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = false
			b.WriteRune(c)
		} else {
			under = true
		}
	}
	key := b.String()
	if a, ok := codecAliases[key]; ok {
		key = a
	}
	enc, ok = codecs[key]
	return enc, ok
}

// codecs maps Python's codec names to decoders.
var codecs = map[string]encoding.Encoding{
	"utf_8": nil, "ascii": asciiEncoding{},
	"latin_1": charmap.ISO8859_1, "iso8859_2": charmap.ISO8859_2, "iso8859_3": charmap.ISO8859_3,
	"iso8859_4": charmap.ISO8859_4, "iso8859_5": charmap.ISO8859_5, "iso8859_6": charmap.ISO8859_6,
	"iso8859_7": charmap.ISO8859_7, "iso8859_8": charmap.ISO8859_8, "iso8859_9": charmap.ISO8859_9,
	"iso8859_10": charmap.ISO8859_10, "iso8859_13": charmap.ISO8859_13, "iso8859_14": charmap.ISO8859_14,
	"iso8859_15": charmap.ISO8859_15, "iso8859_16": charmap.ISO8859_16,
	"cp1250": charmap.Windows1250, "cp1251": charmap.Windows1251, "cp1252": charmap.Windows1252,
	"cp1253": charmap.Windows1253, "cp1254": charmap.Windows1254, "cp1255": charmap.Windows1255,
	"cp1256": charmap.Windows1256, "cp1257": charmap.Windows1257, "cp1258": charmap.Windows1258,
	"cp437": charmap.CodePage437, "cp850": charmap.CodePage850, "cp852": charmap.CodePage852,
	"cp855": charmap.CodePage855, "cp858": charmap.CodePage858, "cp860": charmap.CodePage860,
	"cp862": charmap.CodePage862, "cp863": charmap.CodePage863, "cp865": charmap.CodePage865,
	"cp866": charmap.CodePage866, "koi8_r": charmap.KOI8R, "koi8_u": charmap.KOI8U,
	"mac_roman": charmap.Macintosh, "mac_cyrillic": charmap.MacintoshCyrillic,
	"euc_jp": japanese.EUCJP, "shift_jis": japanese.ShiftJIS, "iso2022_jp": japanese.ISO2022JP,
	"cp932": japanese.ShiftJIS, "euc_kr": korean.EUCKR, "cp949": korean.EUCKR,
	"gbk": simplifiedchinese.GBK, "gb2312": simplifiedchinese.GBK, "gb18030": simplifiedchinese.GB18030,
	"hz": simplifiedchinese.HZGB2312, "big5": traditionalchinese.Big5, "cp950": traditionalchinese.Big5,
}

// codecAliases are the common aliases of Python's encodings.aliases.
var codecAliases = map[string]string{
	"utf8": "utf_8", "u8": "utf_8", "utf": "utf_8", "utf8_ucs2": "utf_8", "utf8_ucs4": "utf_8", "cp65001": "utf_8",
	"us_ascii": "ascii", "646": "ascii", "us": "ascii", "ansi_x3.4_1968": "ascii",
	"latin1": "latin_1", "l1": "latin_1", "iso8859_1": "latin_1", "iso_8859_1": "latin_1", "8859": "latin_1",
	"cp819": "latin_1", "latin": "latin_1", "iso_ir_100": "latin_1",
	"latin2": "iso8859_2", "l2": "iso8859_2", "iso_8859_2": "iso8859_2",
	"latin3": "iso8859_3", "iso_8859_3": "iso8859_3", "latin4": "iso8859_4", "iso_8859_4": "iso8859_4",
	"cyrillic": "iso8859_5", "iso_8859_5": "iso8859_5", "arabic": "iso8859_6", "iso_8859_6": "iso8859_6",
	"greek": "iso8859_7", "iso_8859_7": "iso8859_7", "hebrew": "iso8859_8", "iso_8859_8": "iso8859_8",
	"latin5": "iso8859_9", "iso_8859_9": "iso8859_9", "latin6": "iso8859_10", "iso_8859_10": "iso8859_10",
	"latin7": "iso8859_13", "iso_8859_13": "iso8859_13", "latin8": "iso8859_14", "iso_8859_14": "iso8859_14",
	"latin9": "iso8859_15", "l9": "iso8859_15", "iso_8859_15": "iso8859_15", "latin10": "iso8859_16", "iso_8859_16": "iso8859_16",
	"windows_1250": "cp1250", "windows_1251": "cp1251", "windows_1252": "cp1252", "windows_1253": "cp1253",
	"windows_1254": "cp1254", "windows_1255": "cp1255", "windows_1256": "cp1256", "windows_1257": "cp1257",
	"windows_1258": "cp1258", "437": "cp437", "ibm437": "cp437", "850": "cp850", "ibm850": "cp850", "866": "cp866",
	"macroman": "mac_roman", "macintosh": "mac_roman", "maccyrillic": "mac_cyrillic",
	"eucjp": "euc_jp", "ujis": "euc_jp", "u_jis": "euc_jp", "shiftjis": "shift_jis", "sjis": "shift_jis", "s_jis": "shift_jis",
	"csshiftjis": "shift_jis", "ms932": "cp932", "mskanji": "cp932", "ms_kanji": "cp932",
	"euckr": "euc_kr", "korean": "euc_kr", "ks_c_5601": "euc_kr", "uhc": "cp949", "ms949": "cp949",
	"chinese": "gb2312", "csiso58gb231280": "gb2312", "euc_cn": "gb2312", "euccn": "gb2312", "936": "gbk", "cp936": "gbk", "ms936": "gbk",
	"big5_tw": "big5", "csbig5": "big5", "ms950": "cp950", "hzgb": "hz", "hz_gb": "hz", "hz_gb_2312": "hz",
}

// asciiEncoding decodes ASCII and rejects anything else, as Python's ascii
// codec does.
type asciiEncoding struct{ encoding.Encoding }

func (asciiEncoding) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: asciiChecker{}}
}

type asciiChecker struct{}

func (asciiChecker) Reset() {}
func (asciiChecker) Transform(dst, src []byte, atEOF bool) (int, int, error) {
	n := copy(dst, src)
	for i := 0; i < n; i++ {
		if src[i] >= 0x80 {
			return i, i, asciiError(src[i])
		}
	}
	if n < len(src) {
		return n, n, transform.ErrShortDst
	}
	return n, n, nil
}

type asciiError byte

func (e asciiError) Error() string {
	const hex = "0123456789abcdef"
	return "'ascii' codec can't decode byte 0x" + string([]byte{hex[e>>4], hex[e&15]}) + ": ordinal not in range(128)"
}

// decodeCharmap decodes a single-byte codec as Python's tables do: the
// ISO-8859 codecs map 0x80-0x9F to the C1 controls (golang.org/x/text leaves
// them unmapped), and a byte a codec leaves undefined is an error.
func decodeCharmap(cm *charmap.Charmap, raw []byte) ([]byte, error) {
	iso := false
	for _, m := range isoCharmaps {
		if cm == m {
			iso = true
		}
	}
	out := make([]byte, 0, len(raw)+len(raw)/4)
	for i, b := range raw {
		var r rune
		switch {
		case b < 0x80:
			out = append(out, b)
			continue
		case iso && b < 0xA0:
			r = rune(b)
		default:
			r = cm.DecodeByte(b)
			if r == utf8.RuneError {
				return nil, lineError(raw, i, fmt.Sprintf("(unicode error) 'charmap' codec can't decode byte 0x%02x in position %d: character maps to <undefined>", b, i))
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

var isoCharmaps = []*charmap.Charmap{
	charmap.ISO8859_1, charmap.ISO8859_2, charmap.ISO8859_3, charmap.ISO8859_4, charmap.ISO8859_5,
	charmap.ISO8859_6, charmap.ISO8859_7, charmap.ISO8859_8, charmap.ISO8859_9, charmap.ISO8859_10,
	charmap.ISO8859_13, charmap.ISO8859_14, charmap.ISO8859_15, charmap.ISO8859_16,
}
