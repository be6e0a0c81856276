// Package rules owns the rule registry, one rule per file, qualified-name
// resolution of imports and aliases, and suppression comments. It must not do
// I/O.
//
// It is part of the layout of DESIGN.md and is filled in by the issues that build it.
package rules
