package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B614", Name: "pytorch_load", Severity: Medium, Confidence: High, CWE: 502,
		Message:        "torch.load unpickles the file: a crafted model file runs code",
		Recommendation: "Pass weights_only=True, or load models in the safetensors format.",
		Help:           "`torch.load` uses pickle unless `weights_only=True`, so loading a model from an untrusted source runs whatever code it carries. ",
		BanditDiff:     "The call is recognised however torch was imported (`from torch import load`); Bandit checks only after `import torch`.",
		Flagged:        []string{"import torch\ntorch.load(path)\n", "from torch import load\nload(path, weights_only=False)\n"},
		Clean:          []string{"import torch\ntorch.load(path, weights_only=True)\n", "import torch\ntorch.save(model, path)\n"},
		Kinds:          []Kind{KindCall},
		Calls:          []string{"torch.load", "torch.serialization.load"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			q := c.CallName(call)
			if q != "torch.load" && q != "torch.serialization.load" {
				return
			}
			if w := Keyword(call, "weights_only"); w != nil && isConst(w, ast.ConstTrue) {
				return
			}
			c.Report(call)
		},
	})
}
