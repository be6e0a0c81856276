package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// hfLibrary maps each download function to the library that must appear
// in its qualified name.
var hfLibrary = map[string]string{
	"from_pretrained": "transformers", "load_dataset": "datasets",
	"hf_hub_download": "huggingface_hub", "snapshot_download": "huggingface_hub", "repository_id": "huggingface_hub",
}

func init() {
	Register(&Rule{
		ID: "B615", Name: "huggingface_unsafe_download", Severity: Medium, Confidence: High, CWE: 494,
		Message:        "Hugging Face download without a pinned revision: the model or data can change under you",
		Recommendation: "Pin revision= to a full commit hash (or at least 7 hex digits) of the repository.",
		Help:           "Without a pinned revision, every download fetches the repository's current head, which its owner, or whoever takes it over, can replace with a malicious model or dataset.",
		Flagged:        []string{"from transformers import AutoModel\nAutoModel.from_pretrained('org/model')\n", "from datasets import load_dataset\nload_dataset('org/data', revision='main')\n"},
		Clean:          []string{"from transformers import AutoModel\nAutoModel.from_pretrained('org/model', revision='5d0f2e8')\n", "from transformers import AutoModel\nAutoModel.from_pretrained('./local')\n"},
		Kinds:          []Kind{KindCall},
		CallLast:       []string{"from_pretrained", "load_dataset", "hf_hub_download", "snapshot_download", "repository_id"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			q := c.CallName(call)
			need := hfLibrary[lastPart(q)]
			if need == "" || !hasPart(q, need) {
				return
			}
			if len(call.Args) > 0 {
				if s, ok := StrConst(call.Args[0]); ok && (strings.HasPrefix(s, "./") || strings.HasPrefix(s, "/") || strings.HasPrefix(s, "../")) {
					return // a local path
				}
			}
			for _, name := range []string{"revision", "commit_id"} {
				v := Keyword(call, name)
				if v == nil {
					continue
				}
				if _, isConst := v.(*ast.Constant); !isConst {
					return // chosen at run time: not known to be unpinned
				}
				if s, ok := StrConst(v); ok && isCommitHash(strings.Trim(s, `"'`)) {
					return
				}
			}
			c.Report(call)
		},
	})
}

// isCommitHash reports whether s looks like a (possibly short) commit hash.
func isCommitHash(s string) bool {
	if len(s) < 7 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !(s[i] >= '0' && s[i] <= '9' || s[i] >= 'a' && s[i] <= 'f' || s[i] >= 'A' && s[i] <= 'F') {
			return false
		}
	}
	return true
}
