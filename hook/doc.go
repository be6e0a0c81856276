// Package hook owns git access through go-git: staged files (honouring
// GIT_INDEX_FILE), changed files and changed line ranges, blob reading, and
// installing or removing the git hook. It must not parse Python.
//
// It is part of the layout of DESIGN.md and is filled in by the issues that build it.
package hook
