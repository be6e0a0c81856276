package secretcorpus

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"math/rand"
	"strings"
)

// Token builders: each makes a credential of a provider's documented
// layout from random bytes. They are written from the formats'
// descriptions, independently of pyward's detectors, so that the corpus
// tests the detectors rather than mirroring them.

const (
	lower  = "abcdefghijklmnopqrstuvwxyz"
	upper  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits = "0123456789"
	hexd   = "0123456789abcdef"
	alnum  = digits + upper + lower
	b64url = alnum + "-_"
	base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
)

type gen struct{ r *rand.Rand }

func (g gen) pick(alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.Intn(len(alphabet))]
	}
	return string(b)
}

func (g gen) bytes(n int) []byte {
	b := make([]byte, n)
	g.r.Read(b)
	return b
}

func (g gen) hex(n int) string { return g.pick(hexd, n) }

// base62CRC is GitHub's and npm's layout: 30 random characters and the
// CRC-32 of them in six base-62 digits (0-9, A-Z, a-z), zero padded.
func base62CRC(random string) string {
	n := crc32.ChecksumIEEE([]byte(random))
	out := make([]byte, 6)
	for i := 5; i >= 0; i-- {
		out[i] = alnum[n%62]
		n /= 62
	}
	return random + string(out)
}

func (g gen) checksummed(prefix string) string { return prefix + base62CRC(g.pick(alnum, 30)) }

// pypiToken builds a version 2 macaroon located at pypi.org: version,
// location, identifier, end of section, one first-party caveat, end of
// caveats, then the 32-byte signature, in URL-safe base64.
func (g gen) pypiToken() string {
	var b []byte
	field := func(typ byte, data []byte) { b = append(b, typ, byte(len(data))); b = append(b, data...) }
	b = append(b, 2)
	field(1, []byte("pypi.org"))
	field(2, []byte(fmt.Sprintf(`{"nonce":"%s","version":1}`, g.hex(32))))
	b = append(b, 0)
	field(2, []byte(fmt.Sprintf(`{"version":1,"permissions":{"projects":["%s"]}}`, g.pick(lower, 8))))
	b = append(b, 0, 0)
	field(6, g.bytes(32))
	return "pypi-" + base64.RawURLEncoding.EncodeToString(b)
}

// ageKey is an age X25519 secret key: bech32 with the human-readable part
// age-secret-key-, upper-cased.
func (g gen) ageKey() string {
	data := convertBits(g.bytes(32))
	hrp := "age-secret-key-"
	values := []byte{}
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]>>5)
	}
	values = append(values, 0)
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]&31)
	}
	values = append(values, data...)
	values = append(values, 0, 0, 0, 0, 0, 0)
	mod := polymod(values) ^ 1
	for i := 0; i < 6; i++ {
		data = append(data, byte(mod>>(5*(5-i)))&31)
	}
	const cs = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
	var s strings.Builder
	s.WriteString(hrp + "1")
	for _, d := range data {
		s.WriteByte(cs[d])
	}
	return strings.ToUpper(s.String())
}

func convertBits(in []byte) []byte {
	var out []byte
	acc, bits := 0, 0
	for _, v := range in {
		acc = acc<<8 | int(v)
		bits += 8
		for bits >= 5 {
			bits -= 5
			out = append(out, byte(acc>>bits)&31)
		}
	}
	if bits > 0 {
		out = append(out, byte(acc<<(5-bits))&31)
	}
	return out
}

func polymod(values []byte) uint32 {
	gen := []uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		b := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := 0; i < 5; i++ {
			if (b>>i)&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

func b64u(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func (g gen) jwt() string {
	h := b64u(`{"alg":"HS256","typ":"JWT"}`)
	p := b64u(fmt.Sprintf(`{"sub":"svc-%s","role":"deploy","iat":%d}`, g.pick(lower, 6), 1700000000+g.r.Intn(1e7)))
	return h + "." + p + "." + base64.RawURLEncoding.EncodeToString(g.bytes(32))
}

func (g gen) pem() string {
	body := base64.StdEncoding.EncodeToString(g.bytes(192))
	var lines []string
	for len(body) > 64 {
		lines = append(lines, body[:64])
		body = body[64:]
	}
	lines = append(lines, body)
	return "-----BEGIN RSA PRIVATE KEY-----\n" + strings.Join(lines, "\n") + "\n-----END RSA PRIVATE KEY-----"
}

func (g gen) uuid() string {
	b := hex.EncodeToString(g.bytes(16))
	return b[:8] + "-" + b[8:12] + "-4" + b[13:16] + "-a" + b[17:20] + "-" + b[20:32]
}

// breakChecksum changes the last character, so the checksum no longer
// matches.
func breakChecksum(s string) string {
	last := s[len(s)-1]
	c := byte('A')
	if last == 'A' {
		c = 'B'
	}
	return s[:len(s)-1] + string(c)
}
