package rules

import "github.com/pyward/pyward/python/ast"

var pickleCalls = []string{
	"pickle.loads", "pickle.load", "pickle.Unpickler", "dill.loads", "dill.load", "dill.Unpickler",
	"shelve.open", "shelve.DbfilenameShelf", "jsonpickle.decode", "jsonpickle.unpickler.decode",
	"jsonpickle.unpickler.Unpickler", "pandas.read_pickle",
}

func init() {
	Register(&Rule{
		ID: "B301", Name: "pickle",
		Severity: Medium, Confidence: High, CWE: 502,
		Message:        "unpickling data can run arbitrary code",
		Recommendation: "Never unpickle data from outside the program; use json or another data-only format, or sign the data and check the signature first.",
		Help:           "Unpickling (pickle, dill, shelve, jsonpickle, pandas.read_pickle) rebuilds objects by calling functions named in the data, so crafted data runs code of its author's choosing.",
		Flagged: []string{
			"import pickle\npickle.loads(data)\n",
			"import pandas as pd\npd.read_pickle(path)\n",
			"from dill import load\nload(f)\n",
		},
		Clean: []string{
			"import pickle\npickle.dumps(obj)\n",
			"import json\njson.loads(data)\n",
		},
		Kinds: []Kind{KindCall},
		Calls: pickleCalls,
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if inList(c.CallName(call), pickleCalls) {
				c.Report(call)
			}
		},
	})
}
