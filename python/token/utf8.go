package token

import "fmt"

// UTF8Error finds the first invalid UTF-8 sequence in b and describes it as
// CPython's utf-8 codec does ("'utf-8' codec can't decode byte 0xe9 in
// position 3: unexpected end of data"), with its offset. It returns "" when
// b is valid UTF-8. Surrogates encoded in UTF-8 are invalid, as in CPython.
func UTF8Error(b []byte) (msg string, off int) {
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			i++
			continue
		}
		need, lo, hi := 0, byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need = 1
		case c >= 0xE0 && c <= 0xEF:
			need = 2
			if c == 0xE0 {
				lo = 0xA0
			} else if c == 0xED {
				hi = 0x9F
			}
		case c >= 0xF0 && c <= 0xF4:
			need = 3
			if c == 0xF0 {
				lo = 0x90
			} else if c == 0xF4 {
				hi = 0x8F
			}
		default:
			return utf8Msg(b, i, 1, "invalid start byte"), i
		}
		k := 1 // bytes of the sequence that are valid so far
		for ; k <= need; k++ {
			if i+k >= len(b) {
				return utf8Msg(b, i, k, "unexpected end of data"), i
			}
			d := b[i+k]
			if k == 1 && (d < lo || d > hi) || k > 1 && d&0xC0 != 0x80 {
				return utf8Msg(b, i, k, "invalid continuation byte"), i
			}
		}
		i += need + 1
	}
	return "", 0
}

func utf8Msg(b []byte, i, n int, reason string) string {
	if n == 1 {
		return fmt.Sprintf("'utf-8' codec can't decode byte 0x%02x in position %d: %s", b[i], i, reason)
	}
	return fmt.Sprintf("'utf-8' codec can't decode bytes in position %d-%d: %s", i, i+n-1, reason)
}
