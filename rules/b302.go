package rules

func init() {
	Register(callRule(&Rule{
		ID: "B302", Name: "marshal", Severity: Medium, CWE: 502,
		Message:        "unmarshalling data that may come from outside",
		Recommendation: "Use json for data exchange; marshal is for Python's own bytecode files and is not safe against crafted input.",
		Help:           "`marshal` reads Python's internal serialisation format. It is documented as not secure against erroneous or maliciously constructed data: crafted input can crash the interpreter or worse.",
		Flagged: []string{
			"import marshal\nmarshal.loads(data)\n",
			"from marshal import load\nload(f)\n",
		},
		Clean: []string{
			"import marshal\nmarshal.dumps(obj)\n",
			"import json\njson.loads(data)\n",
		},
	}, expand("marshal.load", "marshal.loads")))
}
