package source

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pyward/pyward/python/token"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"plain", "x = 1\n", "x = 1\n"},
		{"bom", "\xef\xbb\xbfx = 1\n", "x = 1\n"},
		{"crlf", "x = 1\r\ny = '''a\r\nb'''\r\n", "x = 1\ny = '''a\nb'''\n"},
		{"lone cr", "x = 1\ry = 2", "x = 1\ny = 2"},
		{"latin-1 line 1", "# -*- coding: latin-1 -*-\nx = '\xe9'\n", "# -*- coding: latin-1 -*-\nx = 'é'\n"},
		{"cookie line 2", "#!/usr/bin/python\n# vim: set fileencoding=iso-8859-15 :\nx = '\xa4'\n", "#!/usr/bin/python\n# vim: set fileencoding=iso-8859-15 :\nx = '€'\n"},
		{"cookie after blank line", "\n# coding: koi8-r\nx = '\xf0'\n", "\n# coding: koi8-r\nx = 'П'\n"},
		{"cookie too late", "x = 1\n# coding: latin-1\n", "x = 1\n# coding: latin-1\n"},
		{"cookie not alone", "x = 1 # coding: latin-1\ny = '\xc3\xa9'\n", "x = 1 # coding: latin-1\ny = 'é'\n"},
		{"utf-8 spellings", "# coding=UTF_8\nx = 'é'\n", "# coding=UTF_8\nx = 'é'\n"},
		{"utf-8-sig cookie", "#coding:utf-8-sig\nx=1", "#coding:utf-8-sig\nx=1"},
		{"bom with utf-8 cookie", "\xef\xbb\xbf# coding: utf-8\nx=1\n", "# coding: utf-8\nx=1\n"},
		{"invalid utf-8 in a comment passes", "x = 1 # \xff\n", "x = 1 # \xff\n"},
		{"cp1252", "# coding: cp1252\nx = '\x80'\n", "# coding: cp1252\nx = '€'\n"},
	}
	for _, tc := range tests {
		got, err := Decode([]byte(tc.raw))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if string(got) != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, raw, msg string
		line           int
	}{
		{"unknown encoding", "# coding: uft-8\n", "unknown encoding: uft-8", 1},
		{"bom and other cookie", "\xef\xbb\xbf# coding: latin-1\n", "encoding problem: iso-8859-1 with BOM", 1},
		{"bom and utf8 spelled differently", "\xef\xbb\xbf# coding: utf8\n", "encoding problem: utf8 with BOM", 1},
		{"null byte", "x = 1\ny\x00 = 2\n", "source code string cannot contain null bytes", 2},
		{"ascii codec", "# coding: ascii\nx = '\xe9'\n", "(unicode error) 'ascii' codec can't decode byte 0xe9: ordinal not in range(128)", 1},
	}
	for _, tc := range tests {
		_, err := Decode([]byte(tc.raw))
		e, ok := err.(*token.Error)
		if !ok || e.Msg != tc.msg || e.Line != tc.line {
			t.Errorf("%s: got %v, want %q on line %d", tc.name, err, tc.msg, tc.line)
		}
	}
}

// TestDecodeAgainstCPython checks decoding against CPython's own: for each
// input, the text CPython compiles (tokenize.detect_encoding, then decode
// and newline translation) must equal ours, and both must agree on which
// inputs are rejected.
func TestDecodeAgainstCPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the decoding oracle test needs it")
	}
	inputs := []string{
		"x=1\n", "\xef\xbb\xbfx=1\n", "# coding: latin-1\nx='\xe9'\n", "# -*- coding: iso-8859-15 -*-\n'\xa4'\n",
		"#!/bin/sh\n# coding=koi8-r\n'\xc1'\n", "# coding: cp1252\n'\x93'\n", "# coding: euc-jp\n'\xa4\xa2'\n",
		"# coding: shift_jis\n'\x82\xa0'\n", "# coding: latin1\n'\xff'\r\n'\xfe'\r", "# coding: l1\n'\xe9'\n",
		"# coding: windows-1251\n'\xc0'\n", "# coding: mac-roman\n'\x80'\n", "# coding: gbk\n'\xc4\xe3'\n",
		"# coding: big5\n'\xa4\xa4'\n", "# coding: uft-8\n", "\xef\xbb\xbf# coding: latin-1\n",
		"# coding: iso-8859-5\n'\xd0\x8e'\n", "# coding: cyrillic\n'\x85'\n", "# coding: cp1252\n'\x81'\n",
		"# coding: iso-8859-3\n'\xa5'\n", "# coding: latin-1\n'\x80\x9f'\n",
	}
	b, _ := json.Marshal(toLatin1(inputs))
	cmd := exec.Command(py, "-c", `
import io, json, sys, tokenize
out = []
for s in json.load(sys.stdin):
    raw = s.encode("latin-1")
    try:
        enc, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        text = raw.decode(enc).replace("\r\n", "\n").replace("\r", "\n")
        out.append(text)
    except (SyntaxError, LookupError, UnicodeDecodeError):
        out.append(None)
print(json.dumps(out))`)
	cmd.Stdin = bytes.NewReader(b)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var want []*string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, in := range inputs {
		got, err := Decode([]byte(in))
		switch {
		case want[i] == nil && err == nil:
			t.Errorf("%q: accepted, CPython rejects it", in)
		case want[i] != nil && err != nil:
			t.Errorf("%q: %v, CPython accepts it", in, err)
		case want[i] != nil && string(got) != *want[i]:
			t.Errorf("%q: got %q, CPython %q", in, got, *want[i])
		}
	}
}

// toLatin1 carries raw bytes through JSON as latin-1 code points.
func toLatin1(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		var b strings.Builder
		for j := 0; j < len(s); j++ {
			b.WriteRune(rune(s[j]))
		}
		out[i] = b.String()
	}
	return out
}

// FuzzDecode: any input decodes or fails with a *token.Error, never panics;
// a decoded file has no "\r", and text from a declared non-UTF-8 codec is
// valid UTF-8.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"x=1\n", "\xef\xbb\xbfx", "# coding: latin-1\n\xff", "# coding: x\n", "\r\r\n", "\n#coding=koi8_r\n\xc1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		out, err := Decode(raw)
		if err != nil {
			if _, ok := err.(*token.Error); !ok {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		if bytes.IndexByte(out, '\r') >= 0 {
			t.Fatal("carriage return left in the text")
		}
		if name, _ := Cookie(bytes.TrimPrefix(raw, bom)); name != "" && normalName(name) != "utf-8" {
			if enc, ok := lookupCodec(normalName(name)); ok && enc != nil && !utf8.Valid(out) {
				t.Fatalf("codec %s gave invalid UTF-8", name)
			}
		}
	})
}
