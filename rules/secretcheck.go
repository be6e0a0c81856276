package rules

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"hash/crc32"
	"strings"
)

// Structural checks of secret formats: a candidate the expression found
// is a secret only when the parts its issuer builds into it are there (a
// checksum, a binary layout, JSON inside base64). Placeholders, typos
// and made-up strings fail them; a real token always passes.

const base62Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// base62Checksum reports whether the last six characters of body are the
// CRC-32 of the rest, in base 62 padded with zeros: the layout GitHub
// (ghp_ and its siblings) and npm (npm_) give their tokens after the
// prefix.
func base62Checksum(body string) bool {
	if len(body) != 36 {
		return false
	}
	var n uint64
	for i := 30; i < 36; i++ {
		d := strings.IndexByte(base62Digits, body[i])
		if d < 0 {
			return false
		}
		n = n*62 + uint64(d)
	}
	return n == uint64(crc32.ChecksumIEEE([]byte(body[:30])))
}

// decodeB64 decodes standard or URL-safe base64, padded or not.
func decodeB64(s string) ([]byte, bool) {
	s = strings.TrimRight(s, "=")
	enc := base64.RawStdEncoding
	if strings.ContainsAny(s, "-_") {
		enc = base64.RawURLEncoding
	}
	b, err := enc.DecodeString(s)
	return b, err == nil
}

// jsonObject reports whether b is a JSON object.
func jsonObject(b []byte) bool {
	b = bytes.TrimSpace(b)
	return len(b) > 1 && b[0] == '{' && json.Valid(b)
}

// b64JSON reports whether s is base64 of a JSON object.
func b64JSON(s string) bool {
	b, ok := decodeB64(s)
	return ok && jsonObject(b)
}

// jwtShape reports whether a header.payload.signature token's header
// decodes to a JSON object naming an algorithm and its payload to a JSON
// object, with a signature of at least 16 characters.
func jwtShape(tok string) bool {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 || len(parts[2]) < 16 {
		return false
	}
	h, ok := decodeB64(parts[0])
	if !ok || !jsonObject(h) || !bytes.Contains(h, []byte(`"alg"`)) {
		return false
	}
	return b64JSON(parts[1])
}

// b64JWT reports whether s is base64 of a JWT (tokens stored wrapped, as
// in a Kubernetes secret or a Basic header).
func b64JWT(s string) bool {
	b, ok := decodeB64(s)
	if !ok {
		b, ok = decodeB64(s[:len(s)/4*4])
	}
	return ok && jwtShape(strings.TrimSpace(string(b)))
}

// macaroon reports whether the base64 body of a PyPI token is a version 2
// macaroon whose location is a PyPI host: version byte 2, a location
// field, an identifier field, and a 32-byte signature field at the end.
func macaroon(body string) bool {
	b, ok := decodeB64(body)
	if !ok || len(b) < 2+34+4 || b[0] != 2 || b[1] != 1 {
		return false
	}
	n := int(b[2])
	if 3+n >= len(b) || !bytes.HasSuffix(b[3:3+n], []byte("pypi.org")) || b[3+n] != 2 {
		return false
	}
	sig := b[len(b)-34:]
	return sig[0] == 6 && sig[1] == 32
}

// bech32Charset is the alphabet of bech32 (BIP 173), used by age keys.
const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// bech32Valid checks a bech32 string's checksum (age secret keys are
// bech32 with the human-readable part age-secret-key-, upper-cased).
func bech32Valid(s string) bool {
	s = strings.ToLower(s)
	sep := strings.LastIndexByte(s, '1')
	if sep < 1 || sep+7 > len(s) {
		return false
	}
	hrp, data := s[:sep], s[sep+1:]
	values := make([]byte, 0, len(hrp)*2+1+len(data))
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]>>5)
	}
	values = append(values, 0)
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]&31)
	}
	for i := 0; i < len(data); i++ {
		d := strings.IndexByte(bech32Charset, data[i])
		if d < 0 {
			return false
		}
		values = append(values, byte(d))
	}
	return bech32Polymod(values) == 1
}

func bech32Polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := 0; i < 5; i++ {
			if (top>>i)&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

// digitsB64 reports whether s is base64 of a decimal number of 17 to 20
// digits: a Discord snowflake, the first part of a bot token.
func digitsB64(s string) bool {
	b, ok := decodeB64(s)
	if !ok || len(b) < 17 || len(b) > 20 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// b64Len returns a check that s decodes from base64 to n bytes (Azure
// storage account keys are 64 random bytes).
func b64Len(n int) func(string) bool {
	return func(s string) bool {
		b, ok := decodeB64(s)
		return ok && len(b) == n
	}
}

// b64Prefix returns a check that s, after skip characters, decodes from
// base64 to text starting with want.
func b64Prefix(skip int, want string) func(string) bool {
	return func(s string) bool {
		if len(s) <= skip {
			return false
		}
		s = s[skip:]
		b, ok := decodeB64(s[:len(s)/4*4])
		return ok && bytes.HasPrefix(b, []byte(want))
	}
}

// afterPrefix applies check to what follows the first n characters.
func afterPrefix(n int, check func(string) bool) func(string) bool {
	return func(s string) bool { return len(s) > n && check(s[n:]) }
}

// middleJSON checks that the part between the first and the last dot is
// base64 of a JSON object (Mapbox sk. tokens, Sentry org tokens).
func middleJSON(sep byte) func(string) bool {
	return func(s string) bool {
		i, j := strings.IndexByte(s, sep), strings.LastIndexByte(s, sep)
		return i >= 0 && j > i && b64JSON(s[i+1:j])
	}
}

// hasAt checks that s holds want at offset i (Azure DevOps PATs of the
// 84-character format carry "AZDO" at 76).
func hasAt(i int, want string) func(string) bool {
	return func(s string) bool { return len(s) >= i+len(want) && s[i:i+len(want)] == want }
}

// basicAuth checks that a Basic credential decodes to user:password.
func basicAuth(s string) bool {
	b, ok := decodeB64(s)
	return ok && bytes.IndexByte(b, ':') > 0 && len(b) >= 6 && printable(b)
}

func printable(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}
