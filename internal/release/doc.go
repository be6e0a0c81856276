// Package release holds the tests of the files that ship pyward from the
// repository root: the GitHub Action (action.yml), the workflows, the
// goreleaser configuration and install.sh. It has no code of its own.
package release
