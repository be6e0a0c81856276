// Package report owns the text, JSON and GitHub-annotation reports. It must
// not decide policy.
//
// It is part of the layout of DESIGN.md and is filled in by the issues that build it.
package report
