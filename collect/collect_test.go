package collect

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
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

func TestWalk(t *testing.T) {
	root := tree(t, map[string]string{
		"app/main.py":                "x = 1\n",
		"app/gui.pyw":                "x = 1\n",
		"app/script":                 "#!/usr/bin/env python3\nx = 1\n",
		"app/shell":                  "#!/bin/sh\necho\n",
		"app/notes.txt":              "text\n",
		"app/gen/out.py":             "x = 1\n",
		".git/hooks/x.py":            "x = 1\n",
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
	got, err := Paths([]string{root}, root, []string{"app/gen/**"}, root)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, in := range got {
		paths = append(paths, in.Path)
	}
	sort.Strings(paths)
	if want := "app/gui.pyw app/main.py app/script"; strings.Join(paths, " ") != want {
		t.Errorf("walked %v, want %s", paths, want)
	}
}

func TestNamedFiles(t *testing.T) {
	root := tree(t, map[string]string{"a.py": "x\n", "readme.txt": "x\n", "tool": "#!/usr/bin/python\n"})
	got, err := Paths([]string{filepath.Join(root, "a.py"), filepath.Join(root, "readme.txt"), filepath.Join(root, "tool")}, root, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Err != "" || got[1].Err != NotPython || got[2].Err != "" || got[0].Path != "a.py" {
		t.Errorf("got %+v", got)
	}
	if _, err := Paths([]string{filepath.Join(root, "missing.py")}, root, nil, ""); err == nil {
		t.Error("a missing path is not an error")
	}
}

func TestRootAndStdin(t *testing.T) {
	root := tree(t, map[string]string{".git/HEAD": "ref\n", "sub/dir/a.py": "x\n"})
	if got := Root(filepath.Join(root, "sub", "dir")); got != root {
		t.Errorf("Root = %q, want %q", got, root)
	}
	in := Stdin(strings.NewReader("eval(x)\n"), "agent.py")
	if in.Path != "agent.py" || string(in.Data) != "eval(x)\n" {
		t.Errorf("stdin: %+v", in)
	}
	big := Stdin(strings.NewReader(strings.Repeat("x", maxSize+1)), "big.py")
	if big.Err == "" {
		t.Error("a file over the size limit was read")
	}
}
