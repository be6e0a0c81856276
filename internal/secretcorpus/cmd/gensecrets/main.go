// Command gensecrets writes the secrets corpus (see package secretcorpus)
// under a folder, with manifest.tsv listing each file: path, provider,
// rule, context and whether it holds a secret. bench/secrets.sh runs it.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pyward/pyward/internal/secretcorpus"
)

func main() {
	out := flag.String("o", "", "folder to write the corpus to (created)")
	seed := flag.Int64("seed", secretcorpus.Seed, "random seed")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: gensecrets -o DIR [-seed N]")
		os.Exit(2)
	}
	var manifest strings.Builder
	for _, s := range secretcorpus.Generate(*seed) {
		p := filepath.Join(*out, filepath.FromSlash(s.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := os.WriteFile(p, s.Text, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Fprintf(&manifest, "%s\t%s\t%s\t%s\t%v\n", s.Path, s.Provider, s.Rule, s.Context, s.True)
	}
	if err := os.WriteFile(filepath.Join(*out, "manifest.tsv"), []byte(manifest.String()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
