package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW405", Name: "request_path_traversal", Severity: High, Confidence: Medium, CWE: 22,
		Message:        "a file path from a web request is used to open, write or remove a file",
		Recommendation: "Resolve the name against a fixed folder and check the result stays inside it (werkzeug.utils.safe_join), or keep a map of allowed names.",
		Help:           "Web request data and route parameters that reach open, send_file, os.remove, shutil operations or pathlib writes in the same function can name any file (../../etc/passwd).",
		Flagged:        []string{"from flask import Flask, request\napp = Flask(__name__)\n@app.route(\"/f\")\ndef f():\n    return open(\"/srv/files/\" + request.args[\"name\"]).read()\n"},
		Clean:          []string{"from flask import Flask, request\nfrom werkzeug.utils import secure_filename\napp = Flask(__name__)\n@app.route(\"/f\")\ndef f():\n    return open(\"/srv/files/\" + secure_filename(request.args[\"name\"])).read()\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
