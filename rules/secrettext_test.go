package rules

import "testing"

// Offsets found in the lower-cased text are offsets in the text itself,
// whatever comes before: 'İ' lower-cases to three bytes in Unicode.
func TestNamedSecretsOffsetsAfterNonASCII(t *testing.T) {
	const value = "Zq8vR2mK7xLp4Tn9Wc3B"
	for _, prefix := range []string{"", "# İstanbul İİİ ẞ\n"} {
		src := []byte(prefix + "DB_PASSWORD=" + value + "\n")
		spans := namedSecrets(src)
		if len(spans) != 1 {
			t.Fatalf("prefix %q: %d spans, want 1", prefix, len(spans))
		}
		if got := string(src[spans[0][0]:spans[0][1]]); got != value {
			t.Errorf("prefix %q: span holds %q, want %q", prefix, got, value)
		}
	}
}

// asciiLowerInto agrees with a byte-at-a-time lower-casing on every byte
// value, at every alignment.
func TestASCIILower(t *testing.T) {
	var src []byte
	for i := 0; i < 3*256+5; i++ {
		src = append(src, byte(i*7+i/256))
	}
	for start := 0; start < 9; start++ {
		in := src[start:]
		got := asciiLowerInto(make([]byte, len(in)), in)
		for i, b := range in {
			want := b
			if 'A' <= b && b <= 'Z' {
				want = b + 32
			}
			if got[i] != want {
				t.Fatalf("start %d, byte %d: %#x lowered to %#x, want %#x", start, i, b, got[i], want)
			}
		}
	}
}
