package hook

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/pyward/pyward/internal/gittest"
)

// These tests build real repositories with the git command and check what
// pyward reads from them: never a mocked index.

func open(t *testing.T, dir string) *Repo {
	t.Helper()
	t.Setenv("GIT_DIR", "")
	t.Setenv("GIT_INDEX_FILE", "")
	os.Unsetenv("GIT_DIR")
	os.Unsetenv("GIT_INDEX_FILE")
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// staged returns path -> staged content for the files Staged lists, and
// the notices as "path: msg".
func staged(t *testing.T, r *Repo) (map[string]string, []string) {
	t.Helper()
	files, notices, err := r.Staged()
	if err != nil {
		t.Fatal(err)
	}
	return contents(t, r, files), noticeList(notices)
}

func contents(t *testing.T, r *Repo, files []File) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, f := range files {
		b, err := r.Read(f.Hash)
		if err != nil {
			t.Fatal(err)
		}
		out[f.Path] = string(b)
	}
	return out
}

func noticeList(ns []Notice) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Path+": "+n.Msg)
	}
	sort.Strings(out)
	return out
}

func TestStagedIsTheIndexNotTheWorkingTree(t *testing.T) {
	dir := gittest.New(t, map[string]string{"a.py": "x = 1\n", "b.py": "y = 1\n", "pkg/c.py": "z = 1\n"})
	gittest.Write(t, dir, "a.py", "x = 2\n")
	gittest.Run(t, dir, "add", "a.py")
	gittest.Write(t, dir, "a.py", "x = 3  # edited after staging\n") // not staged
	gittest.Write(t, dir, "b.py", "y = 2\n")                         // never staged
	gittest.Write(t, dir, "pkg/new.py", "n = 1\n")
	gittest.Run(t, dir, "add", "pkg/new.py")
	before := gittest.Snapshot(t, dir)
	got, notices := staged(t, open(t, dir))
	want := map[string]string{"a.py": "x = 2\n", "pkg/new.py": "n = 1\n"}
	if !reflect.DeepEqual(got, want) || len(notices) > 0 {
		t.Errorf("staged %v %v, want %v", got, notices, want)
	}
	if gittest.Snapshot(t, dir) != before {
		t.Error("the scan changed the repository")
	}
	gittest.Run(t, dir, "reset", "-q", "a.py") // unstage
	got, _ = staged(t, open(t, dir))
	if _, ok := got["a.py"]; ok || len(got) != 1 {
		t.Errorf("after unstaging a.py: %v", got)
	}
}

func TestStagedRenameDeleteSymlinkSubmodule(t *testing.T) {
	dir := gittest.New(t, map[string]string{"old.py": "v = 1\n", "gone.py": "g = 1\n", "keep/k.py": "k = 1\n"})
	os.Mkdir(filepath.Join(dir, "renamed"), 0o755)
	gittest.Run(t, dir, "mv", "old.py", "renamed/new.py")
	gittest.Run(t, dir, "rm", "-q", "gone.py")
	if err := os.Symlink("keep/k.py", filepath.Join(dir, "link.py")); err != nil {
		t.Fatal(err)
	}
	gittest.Run(t, dir, "add", "link.py")
	head := gittest.Run(t, dir, "rev-parse", "HEAD")
	gittest.Run(t, dir, "update-index", "--add", "--cacheinfo", "160000,"+head+",vendor/sub")
	r := open(t, dir)
	files, notices, err := r.Staged()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Path != "renamed/new.py" || files[0].OldPath != "old.py" || files[0].Old != files[0].Hash {
		t.Errorf("files %+v: want renamed/new.py with old.py's blob as its old content", files)
	}
	want := []string{"link.py: a symbolic link: not scanned", "vendor/sub: a submodule: not scanned (scan it in its own repository)"}
	if got := noticeList(notices); !reflect.DeepEqual(got, want) {
		t.Errorf("notices %q, want %q", got, want)
	}
}

func TestStagedUnbornHead(t *testing.T) {
	dir := gittest.New(t, nil)
	gittest.Write(t, dir, "a.py", "a = 1\n")
	gittest.Write(t, dir, "sub/b.py", "b = 1\n")
	gittest.Run(t, dir, "add", "-A")
	got, _ := staged(t, open(t, dir))
	if len(got) != 2 || got["sub/b.py"] != "b = 1\n" {
		t.Errorf("staged on an unborn HEAD: %v", got)
	}
	// No index at all yet: nothing staged, no error.
	empty := gittest.New(t, nil)
	if got, _ := staged(t, open(t, empty)); len(got) != 0 {
		t.Errorf("empty repository: %v", got)
	}
}

func TestStagedConflict(t *testing.T) {
	dir := gittest.New(t, map[string]string{"c.py": "v = 0\n", "other.py": "o = 0\n"})
	gittest.Run(t, dir, "checkout", "-q", "-b", "side")
	gittest.Write(t, dir, "c.py", "v = 1\n")
	gittest.Run(t, dir, "commit", "-q", "-am", "side")
	gittest.Run(t, dir, "checkout", "-q", "main")
	gittest.Write(t, dir, "c.py", "v = 2\n")
	gittest.Write(t, dir, "other.py", "o = 2\n")
	gittest.Run(t, dir, "commit", "-q", "-am", "main")
	cmd := exec.Command("git", "merge", "side")
	cmd.Dir, cmd.Env = dir, gittest.Env()
	if err := cmd.Run(); err == nil {
		t.Fatal("the merge was expected to conflict")
	}
	gittest.Write(t, dir, "new.py", "n = 1\n")
	gittest.Run(t, dir, "add", "new.py")
	got, notices := staged(t, open(t, dir))
	if len(got) != 1 || got["new.py"] == "" {
		t.Errorf("staged during a conflict: %v", got)
	}
	if want := []string{"c.py: in a merge conflict: not scanned until resolved"}; !reflect.DeepEqual(notices, want) {
		t.Errorf("notices %q, want %q", notices, want)
	}
}

func TestStagedHonoursGitIndexFile(t *testing.T) {
	dir := gittest.New(t, map[string]string{"a.py": "a = 1\n"})
	gittest.Write(t, dir, "a.py", "a = 2\n")
	// What `git commit -a` does: stage into a temporary index.
	tmpIndex := filepath.Join(t.TempDir(), "index.tmp")
	cmd := exec.Command("git", "add", "a.py")
	cmd.Dir, cmd.Env = dir, gittest.Env("GIT_INDEX_FILE="+tmpIndex)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	r := open(t, dir)
	if got, _ := staged(t, r); len(got) != 0 {
		t.Errorf("the real index has nothing staged, got %v", got)
	}
	t.Setenv("GIT_INDEX_FILE", tmpIndex)
	if got, _ := staged(t, r); got["a.py"] != "a = 2\n" {
		t.Errorf("with GIT_INDEX_FILE: %v", got)
	}
}

func TestOpenFromSubfolderWorktreeAndDetachedHead(t *testing.T) {
	dir := gittest.New(t, map[string]string{"a.py": "a = 1\n", "deep/er/x.py": "x = 1\n"})
	r := open(t, filepath.Join(dir, "deep", "er"))
	if r.Root != dir && !strings.HasSuffix(r.Root, filepath.Base(dir)) {
		t.Errorf("root %s, want %s", r.Root, dir)
	}
	wt := filepath.Join(t.TempDir(), "wt")
	gittest.Run(t, dir, "worktree", "add", "-q", "--detach", wt)
	gittest.Write(t, wt, "deep/er/x.py", "x = 2\n")
	gittest.Run(t, wt, "add", "-A")
	before := gittest.Snapshot(t, dir)
	rw := open(t, filepath.Join(wt, "deep"))
	got, _ := staged(t, rw)
	if !reflect.DeepEqual(got, map[string]string{"deep/er/x.py": "x = 2\n"}) {
		t.Errorf("staged in a linked worktree: %v", got)
	}
	if rw.CommonDir == rw.GitDir {
		t.Errorf("linked worktree: common dir %s equals git dir", rw.CommonDir)
	}
	if gittest.Snapshot(t, dir) != before {
		t.Error("the scan changed the main repository")
	}
	// The main working tree sees nothing staged.
	if got, _ := staged(t, open(t, dir)); len(got) != 0 {
		t.Errorf("main worktree: %v", got)
	}
}

func TestOpenErrors(t *testing.T) {
	gittest.Need(t)
	if _, err := Open(t.TempDir()); err != ErrNotRepository {
		t.Errorf("outside a repository: %v", err)
	}
	bare := t.TempDir()
	gittest.Run(t, bare, "init", "-q", "--bare")
	if _, err := Open(bare); err == nil || !strings.Contains(err.Error(), "bare") {
		t.Errorf("bare repository: %v", err)
	}
}

func TestSplitAndSparseIndexRefused(t *testing.T) {
	dir := gittest.New(t, map[string]string{"a.py": "a = 1\n", "d/b.py": "b = 1\n"})
	gittest.Run(t, dir, "update-index", "--split-index")
	_, _, err := open(t, dir).Staged()
	if err == nil || !strings.Contains(err.Error(), "split index") {
		t.Errorf("split index: %v", err)
	}
	gittest.Run(t, dir, "update-index", "--no-split-index")
	if _, _, err := open(t, dir).Staged(); err != nil {
		t.Errorf("after --no-split-index: %v", err)
	}
	gittest.Run(t, dir, "sparse-checkout", "set", "--cone", "--sparse-index", "d")
	if !strings.Contains(gittest.Run(t, dir, "config", "index.sparse"), "true") {
		t.Skip("this git does not write sparse indexes")
	}
	_, _, err = open(t, dir).Staged()
	if err == nil || !strings.Contains(err.Error(), "sparse index") {
		t.Errorf("sparse index: %v", err)
	}
}

func TestChangedSinceMergeBase(t *testing.T) {
	dir := gittest.New(t, map[string]string{"a.py": "1\n2\n3\n4\n5\n", "b.py": "b\n", "c.py": "c\n"})
	gittest.Run(t, dir, "checkout", "-q", "-b", "feature")
	gittest.Write(t, dir, "a.py", "1\n2 changed\n3\n4\n5\n6 added\n")
	os.Mkdir(filepath.Join(dir, "moved"), 0o755)
	gittest.Run(t, dir, "mv", "b.py", "moved/b.py")
	gittest.Run(t, dir, "rm", "-q", "c.py")
	gittest.Write(t, dir, "d.py", "d\n")
	gittest.Run(t, dir, "add", "-A")
	gittest.Run(t, dir, "commit", "-q", "-m", "feature")
	// main moves on: its later changes are not the feature's.
	gittest.Run(t, dir, "checkout", "-q", "main")
	gittest.Write(t, dir, "main_only.py", "m\n")
	gittest.Run(t, dir, "add", "-A")
	gittest.Run(t, dir, "commit", "-q", "-m", "main moves")
	gittest.Run(t, dir, "checkout", "-q", "--detach", "feature")
	before := gittest.Snapshot(t, dir)
	r := open(t, dir)
	files, _, err := r.Changed("main")
	if err != nil {
		t.Fatal(err)
	}
	got := contents(t, r, files)
	want := map[string]string{"a.py": "1\n2 changed\n3\n4\n5\n6 added\n", "moved/b.py": "b\n", "d.py": "d\n"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("changed %v, want %v", got, want)
	}
	for _, f := range files {
		var lines []LineRange
		if !f.Old.IsZero() {
			old, _ := r.Read(f.Old)
			now, _ := r.Read(f.Hash)
			lines = ChangedLines(old, now)
		}
		switch f.Path {
		case "a.py":
			if want := []LineRange{{2, 2}, {6, 6}}; !reflect.DeepEqual(lines, want) {
				t.Errorf("a.py lines %v, want %v", lines, want)
			}
		case "moved/b.py":
			if f.OldPath != "b.py" || len(lines) != 0 {
				t.Errorf("moved/b.py: old %q lines %v, want b.py and none", f.OldPath, lines)
			}
		case "d.py":
			// New (go-git's rename detection may pair it with the deleted
			// c.py; then every line differs all the same).
			if !f.Old.IsZero() && !reflect.DeepEqual(lines, []LineRange{{1, 1}}) {
				t.Errorf("d.py is new, old %v, changed lines %v", f.Old, lines)
			}
		}
	}
	if gittest.Snapshot(t, dir) != before {
		t.Error("the scan changed the repository")
	}
	if _, _, err := r.Changed("no-such-branch"); err == nil || !strings.Contains(err.Error(), "fetch") {
		t.Errorf("unknown revision: %v", err)
	}
}

func TestChangedInShallowClone(t *testing.T) {
	dir := gittest.New(t, map[string]string{"a.py": "a\n"})
	for i := 0; i < 3; i++ {
		gittest.Write(t, dir, "a.py", strings.Repeat("a\n", i+2))
		gittest.Run(t, dir, "commit", "-q", "-am", "more")
	}
	base := gittest.Run(t, dir, "rev-parse", "HEAD~2")
	gittest.Run(t, dir, "branch", "base", base)
	clone := filepath.Join(t.TempDir(), "clone")
	gittest.Run(t, dir, "clone", "-q", "--depth", "1", "--no-single-branch", "file://"+dir, clone)
	_, _, err := open(t, clone).Changed("origin/base")
	if err == nil || !strings.Contains(err.Error(), "shallow") || !strings.Contains(err.Error(), "fetch") {
		t.Errorf("shallow clone without the merge-base: %v", err)
	}
}

func TestChangedLines(t *testing.T) {
	for _, c := range []struct {
		old, new string
		want     []LineRange
	}{
		{"a\nb\nc\n", "a\nb\nc\n", []LineRange{}},
		{"a\nb\nc\n", "a\nB\nc\n", []LineRange{{2, 2}}},
		{"a\nb\nc\n", "x\na\nb\nc\ny\nz\n", []LineRange{{1, 1}, {5, 6}}},
		{"a\nb\nc\n", "a\nc\n", []LineRange{}},
		{"a\nb", "a\nb\nc", []LineRange{{2, 3}}}, // the old last line gained a newline
		{"", "a\nb\n", []LineRange{{1, 2}}},
	} {
		if got := ChangedLines([]byte(c.old), []byte(c.new)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ChangedLines(%q, %q) = %v, want %v", c.old, c.new, got, c.want)
		}
	}
}

func TestInstallUninstall(t *testing.T) {
	dir := gittest.New(t, map[string]string{"a.py": "a\n"})
	r := open(t, dir)
	paths, err := r.Install("/opt/pyward/bin/pyward", false)
	if err != nil {
		t.Fatal(err)
	}
	// pre-merge-commit too: git runs pre-commit for commits, not merges.
	merge := filepath.Join(r.CommonDir, "hooks", "pre-merge-commit")
	if len(paths) != 2 || paths[0] != filepath.Join(r.CommonDir, "hooks", "pre-commit") || paths[1] != merge {
		t.Errorf("installed at %v", paths)
	}
	path := paths[0]
	if b, _ := os.ReadFile(merge); !strings.Contains(string(b), "scan --staged") {
		t.Errorf("pre-merge-commit hook: %q", b)
	}
	if _, err := r.Install("/x", false); err != nil {
		t.Errorf("reinstalling over pyward's own hook: %v", err)
	}
	if _, err := r.Uninstall(); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s left after uninstall: %v", p, err)
		}
	}
	// A foreign hook is never overwritten without --force, and comes back
	// on uninstall.
	foreign := "#!/bin/sh\necho mine\n"
	os.WriteFile(path, []byte(foreign), 0o755)
	if _, err := r.Install("/x", false); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Errorf("install over a foreign hook: %v", err)
	}
	if _, err := r.Uninstall(); err == nil {
		t.Error("uninstall removed a foreign hook")
	}
	if _, err := r.Install("/x", true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path + backupSuffix); string(b) != foreign {
		t.Errorf("backup %q", b)
	}
	if _, err := r.Uninstall(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != foreign {
		t.Errorf("after uninstall the hook is %q, want the foreign one back", b)
	}
	// core.hooksPath, relative to the top of the working tree.
	gittest.Run(t, dir, "config", "core.hooksPath", ".githooks")
	paths, err = open(t, dir).Install("/x", false)
	if err != nil || len(paths) != 2 || paths[0] != filepath.Join(dir, ".githooks", "pre-commit") || paths[1] != filepath.Join(dir, ".githooks", "pre-merge-commit") {
		t.Errorf("with core.hooksPath: %v %v", paths, err)
	}
}

// TestPackedObjectsAndRefs reads a repository after `git gc`: objects in a
// pack (many stored as deltas), references in packed-refs, an annotated
// tag; every blob read must equal what git itself shows.
func TestPackedObjectsAndRefs(t *testing.T) {
	dir := gittest.New(t, map[string]string{"a.py": "v = 0\n"})
	body := strings.Repeat("line of text that repeats so git stores deltas\n", 50)
	for i := 1; i <= 12; i++ {
		gittest.Write(t, dir, "a.py", body+strings.Repeat("x = 1\n", i))
		gittest.Write(t, dir, fmt.Sprintf("d%d/b.py", i%3), body+fmt.Sprint(i)+"\n")
		gittest.Run(t, dir, "add", "-A")
		gittest.Run(t, dir, "commit", "-q", "-m", fmt.Sprint(i))
	}
	gittest.Run(t, dir, "tag", "-a", "-m", "release", "v1", "HEAD~5")
	gittest.Run(t, dir, "gc", "-q", "--aggressive")
	if _, err := os.Stat(filepath.Join(dir, ".git", "packed-refs")); err != nil {
		t.Fatalf("git gc did not pack refs: %v", err)
	}
	r := open(t, dir)
	for _, rev := range []string{"v1", "main~3", "HEAD^", "main", gittest.Run(t, dir, "rev-parse", "--short", "HEAD~2")} {
		h, err := r.resolve(rev)
		if err != nil {
			t.Errorf("resolve %s: %v", rev, err)
			continue
		}
		if want := gittest.Run(t, dir, "rev-parse", rev+"^{commit}"); h.String() != want {
			t.Errorf("resolve %s = %s, want %s", rev, h, want)
		}
	}
	files, _, err := r.Changed("v1")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("changed since v1: %v", files)
	}
	for _, f := range files {
		got, err := r.Read(f.Hash)
		if err != nil {
			t.Fatal(err)
		}
		if want := gittest.Run(t, dir, "show", "HEAD:"+f.Path); strings.TrimSpace(string(got)) != want {
			t.Errorf("%s: read %q, git shows %q", f.Path, got, want)
		}
		if !f.Old.IsZero() {
			old, err := r.Read(f.Old)
			if err != nil {
				t.Fatal(err)
			}
			if want := gittest.Run(t, dir, "show", "v1:"+f.OldPath); strings.TrimSpace(string(old)) != want {
				t.Errorf("%s at v1: read %q, git shows %q", f.OldPath, old, want)
			}
		}
	}
}

// TestIndexVersions reads the same staged change from index versions 2, 3
// (with an intent-to-add entry's extended flags) and 4 (prefix-compressed
// names).
func TestIndexVersions(t *testing.T) {
	for _, v := range []string{"2", "3", "4"} {
		dir := gittest.New(t, map[string]string{"pkg/a.py": "a = 1\n", "pkg/b.py": "b = 1\n", "top.py": "t = 1\n"})
		gittest.Write(t, dir, "pkg/b.py", "b = 2\n")
		gittest.Write(t, dir, "pkg/later.py", "l = 1\n")
		gittest.Run(t, dir, "add", "pkg/b.py")
		gittest.Run(t, dir, "add", "-N", "pkg/later.py")
		gittest.Run(t, dir, "update-index", "--index-version", v)
		got, _ := staged(t, open(t, dir))
		if !reflect.DeepEqual(got, map[string]string{"pkg/b.py": "b = 2\n"}) {
			t.Errorf("index version %s: staged %v", v, got)
		}
	}
}

// TestHookScriptFindsPyward runs the installed hook script itself: with
// pyward neither on PATH nor at the installing binary's path it refuses
// the commit and says how to get pyward.
func TestHookScriptFindsPyward(t *testing.T) {
	dir := gittest.New(t, map[string]string{"a.py": "a = 1\n"})
	r := open(t, dir)
	paths, err := r.Install("/nonexistent/bin/pyward", false)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", paths[0])
	cmd.Dir = dir
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + t.TempDir()}
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "pyward: not found on PATH") || !strings.Contains(string(out), "pyward hook uninstall") {
		t.Errorf("hook without pyward: %v\n%s", err, out)
	}
}
