package collect

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/hook"
	"github.com/pyward/pyward/internal/gittest"
)

func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// excludeGlobs is an Excluded function for globs relative to root.
func excludeGlobs(root string, globs ...string) func(string, bool) bool {
	return func(abs string, _ bool) bool {
		rel, err := filepath.Rel(root, abs)
		return err == nil && Excluded(globs, filepath.ToSlash(rel))
	}
}

func paths(res *Result) string {
	var out []string
	for _, in := range res.Inputs {
		out = append(out, in.Path)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func TestWalk(t *testing.T) {
	root := tree(t, map[string]string{
		"app/main.py":                "x = 1\n",
		"app/gui.pyw":                "x = 1\n",
		"app/script":                 "#!/usr/bin/env python3\nx = 1\n",
		"app/shell":                  "#!/bin/sh\necho\n",
		"app/notes.txt":              "text\n",
		"app/gen/out.py":             "x = 1\n",
		"venv/lib/site.py":           "x = 1\n",
		"env2/pyvenv.cfg":            "home = /usr\n",
		"env2/lib/mod.py":            "x = 1\n",
		"node_modules/a/b.py":        "x = 1\n",
		"app/__pycache__/m.py":       "x = 1\n",
		"lib/site-packages/pkg/m.py": "x = 1\n",
		"build/lib/m.py":             "x = 1\n",
		"pkg.egg-info/m.py":          "x = 1\n",
	})
	os.Symlink(filepath.Join(root, "app", "main.py"), filepath.Join(root, "app", "link.py"))
	res, err := Paths([]string{root}, Options{Root: root, Excluded: excludeGlobs(root, "app/gen/**")})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := paths(res), "app/gui.pyw app/main.py app/script"; got != want {
		t.Errorf("walked %s, want %s", got, want)
	}
	// venv, env2, node_modules, __pycache__, site-packages, build,
	// pkg.egg-info and the excluded app/gen: every one counted.
	if res.SkippedDirs != 8 {
		t.Errorf("SkippedDirs = %d, want 8", res.SkippedDirs)
	}
	if len(res.Notices) != 1 || !strings.Contains(res.Notices[0], "app/link.py: a symbolic link") {
		t.Errorf("notices %q, want one for the symbolic link", res.Notices)
	}
}

func TestNamedFiles(t *testing.T) {
	root := tree(t, map[string]string{"a.py": "x\n", "notes.txt": "import os\nos.system(input())\n", "tool": "#!/bin/sh\n", "gen/g.py": "x\n"})
	a, notes := filepath.Join(root, "a.py"), filepath.Join(root, "notes.txt")
	res, err := Paths([]string{a, notes, filepath.Join(root, "tool"), a, filepath.Join(root, "gen", "g.py")},
		Options{Root: root, Excluded: excludeGlobs(root, "gen/**")})
	if err != nil {
		t.Fatal(err)
	}
	// Named files are Python whatever their name; named twice, judged once;
	// the configuration's excludes hold for named files.
	if got, want := paths(res), "a.py notes.txt tool"; got != want {
		t.Errorf("collected %s, want %s", got, want)
	}
	for _, in := range res.Inputs {
		if in.Load == nil || in.Data != nil {
			t.Errorf("%s: read while collecting, not when assessed: %+v", in.Path, in)
		}
		if in = in.Loaded(); in.Err != "" || len(in.Data) == 0 {
			t.Errorf("%s: %+v", in.Path, in)
		}
	}
	if res.Excluded != 1 {
		t.Errorf("Excluded = %d, want 1", res.Excluded)
	}
	if _, err := Paths([]string{filepath.Join(root, "missing.py")}, Options{Root: root}); err == nil {
		t.Error("a missing path is not an error")
	}
}

// Outside a repository, paths are reported as given: two files of the
// same name in different folders stay apart.
func TestPathsAsGiven(t *testing.T) {
	dir := tree(t, map[string]string{"a/x.py": "x\n", "b/x.py": "x\n"})
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(dir)
	root := CommonRoot([]string{"a/x.py", "b/x.py"})
	if got, _ := filepath.EvalSymlinks(root); got != mustEval(t, dir) {
		t.Errorf("CommonRoot = %s, want the current folder %s", root, dir)
	}
	res, err := Paths([]string{"a/x.py", "b/x.py"}, Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	if got := paths(res); got != "a/x.py b/x.py" {
		t.Errorf("reported %s, want a/x.py b/x.py", got)
	}
	if got := Rel(root, "../elsewhere/y.py"); got != "../elsewhere/y.py" {
		t.Errorf("a path outside the root is %q, want it as given", got)
	}
}

func mustEval(t *testing.T, p string) string {
	p, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Anything that is not a regular file is refused without being opened: a
// FIFO named x.py used to hang the scan forever.
func TestNotRegularFiles(t *testing.T) {
	root := tree(t, map[string]string{"ok.py": "x\n"})
	fifo := filepath.Join(root, "x.py")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, args := range [][]string{{root}, {fifo}} {
		res, err := Paths(args, Options{Root: root})
		if err != nil {
			t.Fatal(err)
		}
		var got *assess.Input
		for i := range res.Inputs {
			if res.Inputs[i].Path == "x.py" {
				got = &res.Inputs[i]
			}
		}
		if got == nil || !strings.Contains(got.Err, "not a regular file (a named pipe (FIFO))") {
			t.Errorf("%v: the FIFO gave %+v, want it refused", args, got)
		}
	}
	if in := readFile("/dev/zero", "zero.py", mustStat(t, "/dev/zero")); !strings.Contains(in.Err, "character device") {
		t.Errorf("/dev/zero: %+v", in)
	}
}

func mustStat(t *testing.T, p string) os.FileInfo {
	st, err := os.Stat(p)
	if err != nil {
		t.Skip(err)
	}
	return st
}

func TestStdin(t *testing.T) {
	in, err := Stdin(strings.NewReader("eval(x)\n"), "agent.py")
	if err != nil || in.Path != "agent.py" || string(in.Data) != "eval(x)\n" {
		t.Errorf("stdin: %+v %v", in, err)
	}
	big, err := Stdin(strings.NewReader(strings.Repeat("x", maxSize+1)), "big.py")
	if err != nil || big.Err != TooLarge {
		t.Errorf("a file over the size limit: %+v %v", big, err)
	}
	if _, err := Stdin(strings.NewReader(""), "empty.py"); err == nil {
		t.Error("empty standard input was accepted")
	}
}

func TestRoot(t *testing.T) {
	root := tree(t, map[string]string{".git/HEAD": "ref\n", "sub/dir/a.py": "x\n"})
	if got := Root(filepath.Join(root, "sub", "dir")); got != root {
		t.Errorf("Root = %q, want %q", got, root)
	}
	if got := Root(t.TempDir()); got != "" {
		t.Errorf("Root outside a repository = %q", got)
	}
}

// In a repository a folder scan judges what git tracks, whatever its
// folder is called, plus untracked files git does not ignore; default
// excludes apply to untracked files only.
func TestGitWalk(t *testing.T) {
	dir := gittest.New(t, map[string]string{
		"src/build/evil.py": "import os\nos.system(input())\n",
		"dist/tracked.py":   "x = 1\n",
		"venv/tracked.py":   "x = 1\n",
		".gitignore":        "ignored/\n*.gen.py\nsub/local/\n",
		"sub/.gitignore":    "only_here.py\n",
		"sub/mod.py":        "x = 1\n",
		"link.py":           "x = 1\n",
	})
	gittest.Write(t, dir, "ignored/kept.py", "x = 1\n") // tracked though ignored
	gittest.Run(t, dir, "add", "-f", "ignored/kept.py")
	gittest.Run(t, dir, "commit", "-q", "-m", "kept")
	gittest.Write(t, dir, "src/build/untracked.py", "x = 1\n") // untracked in a build folder: skipped
	gittest.Write(t, dir, "new.py", "x = 1\n")                 // untracked, not ignored: judged
	gittest.Write(t, dir, "ignored/other.py", "x = 1\n")       // ignored folder
	gittest.Write(t, dir, "out.gen.py", "x = 1\n")             // ignored pattern
	gittest.Write(t, dir, "sub/only_here.py", "x = 1\n")       // ignored by sub/.gitignore
	gittest.Write(t, dir, "only_here.py", "x = 1\n")           // that pattern does not apply here
	gittest.Write(t, dir, "sub/local/a.py", "x = 1\n")
	gittest.Write(t, dir, "node_modules/pkg/m.py", "x = 1\n")
	gittest.Write(t, dir, "nested/.git/HEAD", "ref: refs/heads/main\n")
	gittest.Write(t, dir, "nested/inner.py", "x = 1\n")
	gittest.Write(t, dir, ".git/info/exclude", "private.py\n")
	gittest.Write(t, dir, "private.py", "x = 1\n")

	r, err := hook.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	g, err := NewGit(r)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Paths([]string{dir}, Options{Root: dir, Git: g})
	if err != nil {
		t.Fatal(err)
	}
	want := "dist/tracked.py ignored/kept.py link.py new.py only_here.py src/build/evil.py sub/mod.py venv/tracked.py"
	if got := paths(res); got != want {
		t.Errorf("collected\n %s\nwant\n %s", got, want)
	}
	// ignored/ has tracked files (not counted); sub/local, node_modules
	// and the nested repository are skipped.
	if res.SkippedDirs != 3 {
		t.Errorf("SkippedDirs = %d, want 3", res.SkippedDirs)
	}

	// A subfolder scan sees the ignore files above it.
	res, err = Paths([]string{filepath.Join(dir, "sub")}, Options{Root: dir, Git: g})
	if err != nil {
		t.Fatal(err)
	}
	if got := paths(res); got != "sub/mod.py" {
		t.Errorf("sub: collected %s", got)
	}

	// A folder git ignores, named on the command line, is walked as a
	// plain folder (with a notice): asking for it is asking for its files.
	// One that holds tracked files is still seen as git sees it.
	res, err = Paths([]string{filepath.Join(dir, "sub", "local")}, Options{Root: dir, Git: g})
	if err != nil {
		t.Fatal(err)
	}
	if got := paths(res); got != "sub/local/a.py" || len(res.Notices) != 1 || !strings.Contains(res.Notices[0], "ignored by git") {
		t.Errorf("ignored folder named: collected %q, notices %q", got, res.Notices)
	}
	res, err = Paths([]string{filepath.Join(dir, "ignored")}, Options{Root: dir, Git: g})
	if err != nil {
		t.Fatal(err)
	}
	if got := paths(res); got != "ignored/kept.py" {
		t.Errorf("ignored folder with a tracked file: collected %q", got)
	}

	// A tracked file that is now a folder or a FIFO is refused, not opened.
	os.Remove(filepath.Join(dir, "link.py"))
	os.Mkdir(filepath.Join(dir, "link.py"), 0o755)
	os.Remove(filepath.Join(dir, "new.py"))
	if err := syscall.Mkfifo(filepath.Join(dir, "new.py"), 0o644); err != nil {
		t.Skip(err)
	}
	res, err = Paths([]string{dir}, Options{Root: dir, Git: g})
	if err != nil {
		t.Fatal(err)
	}
	errs := map[string]string{}
	for _, in := range res.Inputs {
		errs[in.Path] = in.Err
	}
	if !strings.Contains(errs["link.py"], "(a folder)") {
		t.Errorf("tracked link.py now a folder: %q", errs["link.py"])
	}
	if !strings.Contains(errs["new.py"], "named pipe") {
		t.Errorf("untracked FIFO new.py: %q", errs["new.py"])
	}
}

// Files are read when assessed: what changed since the listing is read
// as it is then, and a file that went away or turned into a pipe is an
// error, never an empty pass.
func TestLateRead(t *testing.T) {
	root := tree(t, map[string]string{"gone.py": "x\n", "grows.py": "x\n", "pipe.py": "x\n"})
	res, err := Paths([]string{root}, Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(root, "gone.py")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "grows.py"), []byte(strings.Repeat("import os\n", 5000)), 0o644); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(root, "pipe.py")
	if err := os.Remove(pipe); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	got := map[string]assess.Input{}
	for _, in := range res.Inputs {
		got[in.Path] = in.Loaded()
	}
	if in := got["gone.py"]; in.Err == "" || in.Data != nil {
		t.Errorf("a file removed before it was read: %+v, want an error", in)
	}
	if in := got["grows.py"]; in.Err != "" || len(in.Data) != 50000 {
		t.Errorf("a file that grew: %d bytes, err %q; want all 50000", len(in.Data), in.Err)
	}
	if in := got["pipe.py"]; !strings.Contains(in.Err, "named pipe") {
		t.Errorf("a file swapped for a pipe: err %q, want a refusal (and no hang)", in.Err)
	}
	// Read into an array that held a longer file, and into one too small
	// for it: the file's bytes, no more, in the array when it had room.
	for _, in := range res.Inputs {
		if in.Path != "grows.py" {
			continue
		}
		old := []byte(strings.Repeat("#", 60000))
		data, e := in.LoadInto(old[:10])
		if e != "" || string(data) != strings.Repeat("import os\n", 5000) || &data[0] != &old[0] {
			t.Errorf("read into a larger array: %d bytes, err %q, same array %v", len(data), e, len(data) > 0 && &data[0] == &old[0])
		}
		small := make([]byte, 0, 100)
		if data, e := in.LoadInto(small); e != "" || len(data) != 50000 {
			t.Errorf("read into a smaller array: %d bytes, err %q", len(data), e)
		}
	}
}

// The compiled name globs agree with assess.MatchGlob on the default
// secret files and on globs of other shapes.
func TestNameGlobsAgree(t *testing.T) {
	globs := append(append([]string(nil), DefaultSecretFiles...), "conf/*.txt", "key?.pem", "[ab].cfg2", "*.tar.*")
	m := compileNameGlobs(globs)
	for _, rel := range []string{".env", "a/.env", ".env.local", "x.env", "env", "a/b/c.ini", "setup.cfg", "pyproject.toml",
		"k8s/app.yaml", "x.yml", "data.json", "Dockerfile", "sub/Dockerfile.dev", "app.dockerfile", "run.sh", "a.bash",
		"conf/a.txt", "x/conf/a.txt", "key1.pem", "keys.pem", "a.cfg2", "c.cfg2", "x.tar.gz", "README", "main.py", ".envrc"} {
		want := false
		for _, g := range globs {
			want = want || assess.MatchGlob(g, rel)
		}
		if got := m.match(rel); got != want {
			t.Errorf("%s: compiled %v, MatchGlob %v", rel, got, want)
		}
	}
}
