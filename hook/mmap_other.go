//go:build !unix

package hook

import "os"

// readIndexFile reads the index (see the unix version, which maps it).
func readIndexFile(path string) ([]byte, func(), error) {
	b, err := os.ReadFile(path)
	return b, func() {}, err
}
