package source

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pyward/pyward/python/token"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// undefined marks, in a charmap table, a byte the codec does not decode
// (Python's tables use the same U+FFFE).
const undefined = '\uFFFE'

// A codecKind says how a codec module of Python's encodings package decodes.
type codecKind uint8

const (
	kindCharmap     codecKind = iota // single-byte, from pyCharmaps
	kindUTF8                         // utf_8, utf_8_sig
	kindASCII                        // ascii
	kindLatin1                       // latin_1, and charmap without a table
	kindUTF16                        // utf_16: a BOM, else little-endian
	kindUTF16LE                      // utf_16_le
	kindUTF16BE                      // utf_16_be
	kindUTF32                        // utf_32: a BOM, else little-endian
	kindUTF32LE                      // utf_32_le
	kindUTF32BE                      // utf_32_be
	kindMultibyte                    // CJK codecs, through golang.org/x/text
	kindNotText                      // bytes-to-bytes codecs: base64, rot13, ...
	kindUndefined                    // the codec named "undefined", which always fails
	kindUnsupported                  // a codec CPython has and pyward does not decode
)

// codecKinds covers every codec module that is not a charmap; the table
// test checks that CPython has no module missing here.
var codecKinds = map[string]codecKind{
	"utf_8": kindUTF8, "utf_8_sig": kindUTF8, "ascii": kindASCII, "latin_1": kindLatin1, "charmap": kindLatin1,
	"utf_16": kindUTF16, "utf_16_le": kindUTF16LE, "utf_16_be": kindUTF16BE,
	"utf_32": kindUTF32, "utf_32_le": kindUTF32LE, "utf_32_be": kindUTF32BE,

	"euc_jp": kindMultibyte, "shift_jis": kindMultibyte, "cp932": kindMultibyte, "iso2022_jp": kindMultibyte,
	"euc_kr": kindMultibyte, "cp949": kindMultibyte, "gb2312": kindMultibyte, "gbk": kindMultibyte,
	"gb18030": kindMultibyte, "hz": kindMultibyte, "big5": kindMultibyte, "cp950": kindMultibyte,

	"base64_codec": kindNotText, "bz2_codec": kindNotText, "hex_codec": kindNotText, "quopri_codec": kindNotText,
	"rot_13": kindNotText, "uu_codec": kindNotText, "zlib_codec": kindNotText,
	"undefined": kindUndefined,

	// Decodable by CPython, not (yet) by pyward: such a file is an error,
	// never a silent pass. utf_7 and the escape codecs are known ways to
	// hide code from reviewers.
	"utf_7": kindUnsupported, "unicode_escape": kindUnsupported, "raw_unicode_escape": kindUnsupported,
	"idna": kindUnsupported, "punycode": kindUnsupported, "big5hkscs": kindUnsupported, "johab": kindUnsupported,
	"euc_jis_2004": kindUnsupported, "euc_jisx0213": kindUnsupported, "shift_jis_2004": kindUnsupported,
	"shift_jisx0213": kindUnsupported, "iso2022_jp_1": kindUnsupported, "iso2022_jp_2": kindUnsupported,
	"iso2022_jp_2004": kindUnsupported, "iso2022_jp_3": kindUnsupported, "iso2022_jp_ext": kindUnsupported,
	"iso2022_kr": kindUnsupported,
}

// multibyte are the CJK decoders. golang.org/x/text follows the WHATWG
// Encoding Standard, whose tables are close to Python's but not equal:
// a few symbols decode differently, and some byte pairs one side rejects
// the other accepts (see codec_test.go).
var multibyte = map[string]encoding.Encoding{
	"euc_jp": japanese.EUCJP, "shift_jis": japanese.ShiftJIS, "cp932": japanese.ShiftJIS,
	"iso2022_jp": japanese.ISO2022JP, "euc_kr": korean.EUCKR, "cp949": korean.EUCKR,
	"gb2312": simplifiedchinese.GBK, "gbk": simplifiedchinese.GBK, "gb18030": simplifiedchinese.GB18030,
	"hz": simplifiedchinese.HZGB2312, "big5": traditionalchinese.Big5, "cp950": traditionalchinese.Big5,
}

// lookupModule finds the codec module a name selects, as CPython does:
// lower-case it, turn each run of characters other than letters, digits
// and '.' into '_' (codecs.lookup), then look it up in the aliases, also
// with '.' as '_', else take it as a module name (encodings.search_function).
func lookupModule(name string) (string, bool) {
	var b strings.Builder
	punct := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' {
			if punct && b.Len() > 0 {
				b.WriteByte('_')
			}
			punct = false
			b.WriteByte(c)
		} else {
			punct = true
		}
	}
	norm := b.String()
	alias, ok := pyAliases[norm]
	if !ok {
		alias = pyAliases[strings.ReplaceAll(norm, ".", "_")]
	}
	// The alias's module first, then the name itself; a name with a '.'
	// is never a module. An alias may name a module this platform lacks
	// (dbcs is mbcs, Windows only).
	for _, m := range []string{alias, norm} {
		if pyModules[m] && !strings.Contains(m, ".") {
			return m, true
		}
	}
	return norm, false
}

// decodeError is the text of Python's UnicodeDecodeError for bytes
// [start, end) of in.
func decodeError(codec string, in []byte, start, end int, reason string) string {
	if end-start == 1 {
		return fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", codec, in[start], start, reason)
	}
	return fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", codec, start, end-1, reason)
}

// decode decodes in (newlines already translated, a final "\n" present)
// with the codec module mod, which the cookie spelled name. On failure it
// returns CPython's message and the offset of the offending byte, or -1
// when the failure has no place in the text.
func decode(mod, name string, in []byte) (out []byte, msg string, off int) {
	kind, ok := codecKinds[mod]
	if !ok {
		kind = kindCharmap
	}
	switch kind {
	case kindUTF8:
		if msg, off := token.UTF8Error(in); msg != "" {
			return nil, msg, off
		}
		return in, "", 0
	case kindASCII:
		for i, c := range in {
			if c >= 0x80 {
				return nil, decodeError("ascii", in, i, i+1, "ordinal not in range(128)"), i
			}
		}
		return in, "", 0
	case kindLatin1:
		out := make([]byte, 0, len(in)+len(in)/8)
		for _, c := range in {
			out = utf8.AppendRune(out, rune(c))
		}
		return out, "", 0
	case kindCharmap:
		if t := charmapTable(mod); t != nil {
			return decodeCharmap(t, in)
		}
	case kindUTF16, kindUTF16LE, kindUTF16BE:
		return decodeUTF16(kind, in)
	case kindUTF32, kindUTF32LE, kindUTF32BE:
		return decodeUTF32(kind, in)
	case kindMultibyte:
		return decodeMultibyte(mod, multibyte[mod], in)
	case kindNotText:
		return nil, fmt.Sprintf("'%s' is not a text encoding; use codecs.decode() to handle arbitrary codecs", name), -1
	case kindUndefined:
		// CPython wraps the codec's UnicodeError.
		return nil, "decoding with 'undefined' codec failed (UnicodeError: undefined encoding)", -1
	}
	return nil, fmt.Sprintf("encoding %s is not supported by pyward (CPython's codec %s)", name, mod), -1
}

var charmaps struct {
	sync.Mutex
	m map[string]*[256]rune
}

// charmapTable expands a pyCharmaps entry, once; nil when there is none.
func charmapTable(mod string) *[256]rune {
	charmaps.Lock()
	defer charmaps.Unlock()
	if t, ok := charmaps.m[mod]; ok {
		return t
	}
	s, ok := pyCharmaps[mod]
	if !ok {
		return nil
	}
	t := new([256]rune)
	i := 0
	if utf8.RuneCountInString(s) == 128 {
		for ; i < 128; i++ {
			t[i] = rune(i)
		}
	}
	for _, r := range s {
		t[i] = r
		i++
	}
	if charmaps.m == nil {
		charmaps.m = map[string]*[256]rune{}
	}
	charmaps.m[mod] = t
	return t
}

func decodeCharmap(t *[256]rune, in []byte) ([]byte, string, int) {
	out := make([]byte, 0, len(in)+len(in)/4)
	for i, c := range in {
		r := t[c]
		if r == undefined {
			return nil, decodeError("charmap", in, i, i+1, "character maps to <undefined>"), i
		}
		out = utf8.AppendRune(out, r)
	}
	return out, "", 0
}

// decodeUTF16 follows PyUnicode_DecodeUTF16Stateful, on a little-endian
// machine: "utf_16" reads a BOM and otherwise takes the native order.
func decodeUTF16(kind codecKind, in []byte) ([]byte, string, int) {
	be := kind == kindUTF16BE
	i := 0
	if kind == kindUTF16 && len(in) >= 2 {
		switch {
		case in[0] == 0xFF && in[1] == 0xFE:
			i = 2
		case in[0] == 0xFE && in[1] == 0xFF:
			i, be = 2, true
		}
	}
	codec := "utf-16-le"
	if be {
		codec = "utf-16-be"
	}
	unit := func(j int) rune {
		if be {
			return rune(in[j])<<8 | rune(in[j+1])
		}
		return rune(in[j+1])<<8 | rune(in[j])
	}
	out := make([]byte, 0, len(in))
	for i < len(in) {
		if len(in)-i < 2 {
			return nil, decodeError(codec, in, i, len(in), "truncated data"), i
		}
		u := unit(i)
		switch {
		case u < 0xD800 || u > 0xDFFF:
			out = utf8.AppendRune(out, u)
			i += 2
		case u >= 0xDC00:
			return nil, decodeError(codec, in, i, i+2, "illegal encoding"), i
		case len(in)-i < 4:
			return nil, decodeError(codec, in, i, len(in), "unexpected end of data"), i
		default:
			v := unit(i + 2)
			if v < 0xDC00 || v > 0xDFFF {
				return nil, decodeError(codec, in, i, i+2, "illegal UTF-16 surrogate"), i
			}
			out = utf8.AppendRune(out, 0x10000+(u-0xD800)<<10+(v-0xDC00))
			i += 4
		}
	}
	return out, "", 0
}

// decodeUTF32 follows PyUnicode_DecodeUTF32Stateful, on a little-endian
// machine.
func decodeUTF32(kind codecKind, in []byte) ([]byte, string, int) {
	be := kind == kindUTF32BE
	i := 0
	if kind == kindUTF32 && len(in) >= 4 {
		switch {
		case in[0] == 0xFF && in[1] == 0xFE && in[2] == 0 && in[3] == 0:
			i = 4
		case in[0] == 0 && in[1] == 0 && in[2] == 0xFE && in[3] == 0xFF:
			i, be = 4, true
		}
	}
	codec := "utf-32-le"
	if be {
		codec = "utf-32-be"
	}
	out := make([]byte, 0, len(in))
	for ; i < len(in); i += 4 {
		if len(in)-i < 4 {
			return nil, decodeError(codec, in, i, len(in), "truncated data"), i
		}
		var u uint32
		if be {
			u = uint32(in[i])<<24 | uint32(in[i+1])<<16 | uint32(in[i+2])<<8 | uint32(in[i+3])
		} else {
			u = uint32(in[i+3])<<24 | uint32(in[i+2])<<16 | uint32(in[i+1])<<8 | uint32(in[i])
		}
		switch {
		case u > 0x10FFFF:
			return nil, decodeError(codec, in, i, i+4, "code point not in range(0x110000)"), i
		case u >= 0xD800 && u < 0xE000:
			return nil, decodeError(codec, in, i, i+4, "code point in surrogate code point range(0xd800, 0xe000)"), i
		}
		out = utf8.AppendRune(out, rune(u))
	}
	return out, "", 0
}

// gb18030FFFD is how GB18030 spells U+FFFD, the one character that
// golang.org/x/text also uses to report an invalid sequence.
const gb18030FFFD = "\x84\x31\xa4\x37"

// decodeMultibyte decodes a CJK codec. golang.org/x/text replaces an
// invalid sequence with U+FFFD where Python raises; a replacement is found
// again, one character at a time, to report Python's error at its byte.
func decodeMultibyte(mod string, enc encoding.Encoding, in []byte) ([]byte, string, int) {
	out, err := enc.NewDecoder().Bytes(in)
	if err == nil && (!strings.Contains(string(out), "\uFFFD") || mod == "gb18030" && strings.Count(string(out), "\uFFFD") == strings.Count(string(in), gb18030FFFD)) {
		return out, "", 0
	}
	// Decode into a buffer too small for two characters, so that each call
	// yields one character and says how many bytes it took.
	t := enc.NewDecoder()
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(in); {
		nDst, nSrc, err := t.Transform(buf[:3], in[i:], true)
		if nDst == 0 && err == transform.ErrShortDst {
			nDst, nSrc, err = t.Transform(buf[:], in[i:], true)
		}
		if nSrc == 0 {
			if err == nil {
				err = fmt.Errorf("no progress")
			}
			return nil, fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %v", mod, in[i], i, err), i
		}
		if string(buf[:nDst]) == "\uFFFD" && !(mod == "gb18030" && strings.HasPrefix(string(in[i:]), gb18030FFFD)) {
			// The input ends in "\n", so a sequence is never cut short
			// by the end of the data: it is illegal, not incomplete.
			return nil, decodeError(mod, in, i, i+1, "illegal multibyte sequence"), i
		}
		i += nSrc
	}
	// Not found again: report the first replacement in the output.
	return nil, fmt.Sprintf("'%s' codec can't decode the input: illegal multibyte sequence", mod), -1
}
