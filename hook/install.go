package hook

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// marker identifies a hook file pyward wrote, so that install never
// overwrites someone else's hook and uninstall never removes one.
const marker = "# pyward-hook: v1"

// backupSuffix names the copy of a foreign hook that `install --force`
// replaced, which uninstall puts back.
const backupSuffix = ".pyward-backup"

// hookScript runs the staged scan. It prefers pyward on PATH, then the
// binary that installed the hook, and otherwise says how to get pyward
// rather than letting the commit through unscanned.
func hookScript(self string) string {
	return `#!/bin/sh
` + marker + `
# Installed by "pyward hook install"; removed by "pyward hook uninstall".
# Scans what is being committed (the index, or the temporary index git uses
# for "git commit -a"); a file at or above the configured level stops the
# commit. Skip once with "git commit --no-verify".
if command -v pyward >/dev/null 2>&1; then
	exec pyward scan --staged
fi
if [ -x ` + shellQuote(self) + ` ]; then
	exec ` + shellQuote(self) + ` scan --staged
fi
echo "pyward: not found on PATH, so this commit cannot be checked." >&2
echo "pyward: install it (https://github.com/pyward/pyward#install) or remove this hook with: pyward hook uninstall" >&2
exit 1
`
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// HooksDir is the folder git runs hooks from: core.hooksPath when set
// (relative to the top of the working tree when relative), else the hooks
// folder of the common git dir, which linked worktrees share.
func (r *Repo) HooksDir() (string, error) {
	if p := r.configValue("core", "hooksPath"); p != "" {
		if strings.HasPrefix(p, "~/") {
			if home, err := os.UserHomeDir(); err == nil {
				p = filepath.Join(home, p[2:])
			}
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(r.Root, p)
		}
		return p, nil
	}
	return filepath.Join(r.CommonDir, "hooks"), nil
}

// hookNames are the hooks pyward installs: pre-commit for commits, and
// pre-merge-commit for a merge that commits cleanly, which git does not
// run pre-commit for. git runs neither for rebase, cherry-pick, am or
// --amend of what is already committed: CI's scan --changed covers those.
var hookNames = []string{"pre-commit", "pre-merge-commit"}

// Install writes the pre-commit and pre-merge-commit hooks and returns
// their paths. An existing hook that pyward did not write is left alone
// unless force is set; then it is kept as NAME.pyward-backup for
// Uninstall to restore. Nothing is written when a hook is in the way.
// self is the path of the running pyward, used when pyward is not on PATH.
func (r *Repo) Install(self string, force bool) ([]string, error) {
	dir, err := r.HooksDir()
	if err != nil {
		return nil, err
	}
	foreign := map[string][]byte{}
	for _, name := range hookNames {
		path := filepath.Join(dir, name)
		old, err := os.ReadFile(path)
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			return nil, err
		case !bytes.Contains(old, []byte(marker)):
			if !force {
				return nil, fmt.Errorf("%s exists and is not pyward's: add `pyward scan --staged` to it, or run `pyward hook install --force` (which keeps it as %s%s)", path, name, backupSuffix)
			}
			foreign[name] = old
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, name := range hookNames {
		path := filepath.Join(dir, name)
		if old, ok := foreign[name]; ok {
			if err := os.WriteFile(path+backupSuffix, old, 0o755); err != nil {
				return nil, fmt.Errorf("keeping the existing hook: %w", err)
			}
		}
		tmp := path + ".pyward-tmp"
		if err := os.WriteFile(tmp, []byte(hookScript(self)), 0o755); err != nil {
			return nil, err
		}
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(tmp)
			return nil, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// Uninstall removes pyward's hooks and puts back the hooks that `install
// --force` replaced, if any. It refuses to remove a hook that is not
// pyward's (and removes none then). It returns what it did.
func (r *Repo) Uninstall() (string, error) {
	dir, err := r.HooksDir()
	if err != nil {
		return "", err
	}
	for _, name := range hookNames {
		path := filepath.Join(dir, name)
		cur, err := os.ReadFile(path)
		if err == nil && !bytes.Contains(cur, []byte(marker)) {
			return "", fmt.Errorf("%s is not pyward's hook: left alone", path)
		}
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
	}
	var did []string
	for _, name := range hookNames {
		path := filepath.Join(dir, name)
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			did = append(did, "no pyward hook at "+path)
			continue
		}
		if _, err := os.Stat(path + backupSuffix); err == nil {
			if err := os.Rename(path+backupSuffix, path); err != nil {
				return "", err
			}
			did = append(did, "removed pyward's hook and restored the previous "+path)
			continue
		}
		if err := os.Remove(path); err != nil {
			return "", err
		}
		did = append(did, "removed "+path)
	}
	return strings.Join(did, "; "), nil
}
