package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW403", Name: "user_input_deserialized", Severity: High, Confidence: High, CWE: 502,
		Message:        "user input is deserialized with a loader that can run code",
		Recommendation: "Exchange data as JSON; if pickle is needed, sign the data and verify before loading.",
		Help:           "pickle, marshal, dill, jsonpickle, unsafe yaml, joblib and torch loaders construct arbitrary objects: input they read can run code.",
		Flagged:        []string{"import pickle\nfrom flask import request\nobj = pickle.loads(request.data)\n"},
		Clean:          []string{"import json\nfrom flask import request\nobj = json.loads(request.data)\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
