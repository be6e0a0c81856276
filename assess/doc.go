// Package assess owns the assessment pipeline: the worker pool, per-file
// assessment, external engine adapters, merging, scoring into levels, and
// baselines. It must not format output.
//
// It is part of the layout of DESIGN.md and is filled in by the issues that build it.
package assess
