package rules

func init() {
	Register(importRule(&Rule{
		ID: "B403", Name: "import_pickle",
		Severity: Low, Confidence: High, CWE: 502,
		Message:        "pickle-family module imported: unpickling untrusted data runs code",
		Recommendation: "Make sure this module never loads data from outside the program; prefer json for data exchange.",
		Help:           "`pickle`, `cPickle`, `dill` and `shelve` can deserialise objects whose construction runs code. Importing them is a pointer to where data is loaded.",
		Flagged: []string{
			"import pickle\n",
			"from dill import loads\n",
			"m = __import__('shelve')\n",
		},
		Clean: []string{
			"import json\n",
			"import pickletools\n",
			"m = __import__(name)\n",
		},
	}, []string{"pickle", "cPickle", "dill", "shelve"}))
}
