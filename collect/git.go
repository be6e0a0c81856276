package collect

import (
	"path/filepath"
	"strings"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/hook"
)

// Git turns the files git reports (staged, or changed since a base) into
// inputs read from their blobs, never from the working tree: the Python
// files among them (by extension, or by a shebang read from the blob),
// minus configured excludes (globs relative to excludeBase, the folder of
// the configuration). The default skipped folders do not apply: a file
// that is committed is judged wherever it lies. With newOnly, each input
// carries the lines added or changed relative to the file's old content.
func Git(r *hook.Repo, files []hook.File, excludes []string, excludeBase string, newOnly bool) []assess.Input {
	if excludeBase == "" {
		excludeBase = r.Root
	}
	var out []assess.Input
	for _, f := range files {
		if excluded(excludes, relTo(excludeBase, filepath.Join(r.Root, filepath.FromSlash(f.Path)))) {
			continue
		}
		base := f.Path[strings.LastIndexByte(f.Path, '/')+1:]
		if !strings.HasSuffix(base, ".py") && !strings.HasSuffix(base, ".pyw") {
			if isSecretFile(f.Path) {
				in := gitInput(r, f, newOnly)
				in.SecretsOnly = true
				out = append(out, in)
				continue
			}
			if strings.Contains(base, ".") {
				continue
			}
			head, err := r.Head(f.Hash, 128)
			if err != nil {
				out = append(out, assess.Input{Path: f.Path, Err: "reading the blob: " + err.Error()})
				continue
			}
			if !shebangIsPython(head) {
				continue
			}
		}
		out = append(out, gitInput(r, f, newOnly))
	}
	return out
}

func gitInput(r *hook.Repo, f hook.File, newOnly bool) assess.Input {
	in := assess.Input{Path: f.Path}
	data, err := r.Read(f.Hash)
	switch {
	case err != nil:
		in.Err = "reading the blob: " + err.Error()
		return in
	case len(data) > maxSize:
		in.Err = "larger than 16 MiB"
		return in
	}
	in.Data = data
	if !newOnly || f.Old.IsZero() {
		return in // a new file: every line is new
	}
	old, err := r.Read(f.Old)
	if err != nil {
		in.Err = "reading the previous version: " + err.Error()
		in.Data = nil
		return in
	}
	in.NewOnly = true
	in.Changed = []assess.LineRange{}
	for _, lr := range hook.ChangedLines(old, data) {
		in.Changed = append(in.Changed, assess.LineRange{Start: lr.Start, End: lr.End})
	}
	return in
}
