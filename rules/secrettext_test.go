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
