package hook

import (
	"bytes"
	"compress/zlib"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pyward/pyward/internal/gittest"
)

// realIndex returns the index file of a small repository made by git, as
// a fuzzing seed, or nil without git.
func realIndex(f *testing.F, version string) []byte {
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	dir := gittest.New(f, map[string]string{"a.py": "a\n", "pkg/b.py": "b\n", "pkg/sub/c.py": "c\n"})
	gittest.Write(f, dir, "pkg/b.py", "b2\n")
	gittest.Run(f, dir, "add", "pkg/b.py")
	gittest.Write(f, dir, "new.py", "n\n")
	gittest.Run(f, dir, "add", "-N", "new.py")
	gittest.Run(f, dir, "update-index", "--index-version", version)
	b, err := os.ReadFile(filepath.Join(dir, ".git", "index"))
	if err != nil {
		f.Fatal(err)
	}
	return b
}

// FuzzDecodeIndex: any bytes decode to entries or an error, never a
// panic or a hang; what decodes has well-formed entries.
func FuzzDecodeIndex(f *testing.F) {
	for _, v := range []string{"2", "3", "4"} {
		if b := realIndex(f, v); b != nil {
			f.Add(b)
		}
	}
	f.Add([]byte("DIRC\x00\x00\x00\x02\x00\x00\x00\x00" + string(make([]byte, 20))))
	f.Fuzz(func(t *testing.T, raw []byte) {
		entries, exts, err := decodeIndex(raw)
		if err != nil {
			return
		}
		for i := range entries {
			e := &entries[i]
			_, _, _, _ = e.Hash(), e.Mode(), e.Stage(), e.IntentToAdd()
		}
		for _, x := range exts {
			if x.sig == "TREE" {
				data := x.data
				parseCacheNode(&data)
			}
		}
	})
}

// FuzzApplyDelta: malformed deltas are errors; a result always has the
// size the delta announces.
func FuzzApplyDelta(f *testing.F) {
	f.Add([]byte("hello world"), []byte{11, 5, 0x90, 5})            // copy 5 bytes from 0
	f.Add([]byte("hello world"), []byte{11, 6, 0x91, 6, 5, 1, '!'}) // copy "world", insert "!"
	f.Add([]byte(""), []byte{0, 3, 3, 'a', 'b', 'c'})
	f.Fuzz(func(t *testing.T, base, delta []byte) {
		out, err := applyDelta(base, delta)
		if err != nil {
			return
		}
		// The announced size is the second varint.
		d := delta
		for i := 0; i < 2; i++ {
			size, shift := 0, 0
			for len(d) > 0 {
				c := d[0]
				d = d[1:]
				size |= int(c&0x7f) << shift
				shift += 7
				if c&0x80 == 0 {
					break
				}
			}
			if i == 1 && size != len(out) {
				t.Fatalf("result of %d bytes, delta announced %d", len(out), size)
			}
		}
	})
}

// FuzzReadLoose: any bytes inflate to an object or an error.
func FuzzReadLoose(f *testing.F) {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write([]byte("blob 6\x00print\n"))
	w.Close()
	f.Add(buf.Bytes())
	f.Add([]byte("not zlib"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		typ, data, err := readLoose(bytes.NewReader(raw))
		if err == nil && !typ.Valid() {
			t.Fatalf("invalid type %v with %d bytes", typ, len(data))
		}
	})
}
