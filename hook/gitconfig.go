package hook

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/config"
)

// configValue reads one setting as git would: the system, global, local
// and worktree files in that order, the last one setting it winning.
// GIT_CONFIG_SYSTEM, GIT_CONFIG_NOSYSTEM and GIT_CONFIG_GLOBAL are
// honoured. Includes are not followed.
func (r *Repo) configValue(section, key string) string {
	var files []string
	if os.Getenv("GIT_CONFIG_NOSYSTEM") == "" {
		if p := os.Getenv("GIT_CONFIG_SYSTEM"); p != "" {
			files = append(files, p)
		} else {
			files = append(files, "/etc/gitconfig")
		}
	}
	if p, ok := os.LookupEnv("GIT_CONFIG_GLOBAL"); ok {
		files = append(files, p)
	} else {
		xdg := os.Getenv("XDG_CONFIG_HOME")
		home, _ := os.UserHomeDir()
		if xdg == "" && home != "" {
			xdg = filepath.Join(home, ".config")
		}
		if xdg != "" {
			files = append(files, filepath.Join(xdg, "git", "config"))
		}
		if home != "" {
			files = append(files, filepath.Join(home, ".gitconfig"))
		}
	}
	files = append(files, filepath.Join(r.CommonDir, "config"), filepath.Join(r.GitDir, "config.worktree"))
	value := ""
	for _, p := range files {
		if v, ok := readConfigValue(p, section, key); ok {
			value = v
		}
	}
	return value
}

// readConfigValue reads section.key from one config file.
func readConfigValue(path, section, key string) (string, bool) {
	f, err := os.Open(path)
	if err != nil {
		return "", false
	}
	defer f.Close()
	cfg := config.New()
	if err := config.NewDecoder(f).Decode(cfg); err != nil {
		return "", false
	}
	if !cfg.HasSection(section) {
		return "", false
	}
	value, found := "", false
	for _, o := range cfg.Section(section).Options {
		if strings.EqualFold(o.Key, key) {
			value, found = o.Value, true // the last occurrence wins
		}
	}
	return value, found
}
