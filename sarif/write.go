package sarif

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pyward/pyward/assess"
)

// WriteFile writes the log to path atomically: a temporary file in the same
// folder, renamed over the target, so that a reader never sees half a log.
// The file's mode is 0666 less the umask, as for any file a command
// writes: the temporary file is created with that mode (os.CreateTemp's
// 0600 would leave the log unreadable to the group that uploads it).
func WriteFile(path string, results []assess.FileResult, opts Options) error {
	log, err := Build(results, opts)
	if err != nil {
		return err
	}
	b, err := log.JSON()
	if err != nil {
		return err
	}
	tmp, err := createTemp(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// createTemp creates a new file with a random name in dir, mode 0666 before
// the umask.
func createTemp(dir string) (*os.File, error) {
	var rnd [8]byte
	for range 100 {
		if _, err := rand.Read(rnd[:]); err != nil {
			return nil, err
		}
		f, err := os.OpenFile(filepath.Join(dir, ".pyward-"+hex.EncodeToString(rnd[:])+".sarif"), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "createtemp", Path: dir, Err: fs.ErrExist}
}
