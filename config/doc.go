// Package config owns the Config value: embedded defaults, .pyward.yaml and
// [tool.pyward] in pyproject.toml, validation with file:line errors, and the
// policy presets. It must not touch git, or files other than configuration.
//
// It is part of the layout of DESIGN.md and is filled in by the issues that build it.
package config
