// Package sarif owns SARIF 2.1.0 output through github.com/owenrumney/go-
// sarif/v2. It must not decide policy.
//
// It is part of the layout of DESIGN.md and is filled in by the issues that build it.
package sarif
