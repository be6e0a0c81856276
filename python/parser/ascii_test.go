package parser

import "testing"

func TestIsASCII(t *testing.T) {
	for n := 0; n < 20; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = 'a'
		}
		if !isASCII(b) {
			t.Fatalf("%d ASCII bytes: not ASCII", n)
		}
		for i := range b {
			b[i] = 0x80
			if isASCII(b) {
				t.Fatalf("0x80 at %d of %d: ASCII", i, n)
			}
			b[i] = 0x7f
		}
	}
}
