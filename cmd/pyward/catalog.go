package main

import (
	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/config"
	"github.com/pyward/pyward/rules"
)

// catalog gives the configuration checks the rule registry (config knows
// no rules): IDs spelt exactly, and each rule's options.
type catalog struct{}

func (catalog) all() []*rules.Rule {
	return append(rules.All(), assess.SyntaxErrorRule, assess.NotJudgedRule)
}

func (c catalog) Rule(id string) string {
	for _, r := range c.all() {
		if r.ID == id {
			return id
		}
	}
	return ""
}

func (c catalog) IDs() []string {
	var out []string
	for _, r := range c.all() {
		out = append(out, r.ID)
	}
	return out
}

func (catalog) CheckOptions(id string, opts map[string]any) error {
	if r := rules.Lookup(id); r != nil {
		return r.CheckOptions(opts)
	}
	return nil
}

var _ config.Catalog = catalog{}
