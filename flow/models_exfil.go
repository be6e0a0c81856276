package flow

import (
	"regexp"

	"github.com/pyward/pyward/python/ast"
)

// The exfiltration models: where a single credential or the host's
// identity comes from, and the calls that carry data off the host in
// their body, URL or looked-up name (family "leak"). Unlike "send", the
// headers and auth arguments of HTTP clients are not leaks: a token in
// an Authorization header is how a program uses its own credential.
var exfilLib = Library{
	Name: "exfil",
	Sources: []Source{
		// Facts identifying the host and its user, which stealers and
		// dependency-confusion probes send home.
		{Name: "getpass.getuser", Call: true, Labels: "fingerprint"},
		{Name: "os.getlogin", Call: true, Labels: "fingerprint"},
		{Name: "platform.node", Call: true, Labels: "fingerprint"},
		{Name: "platform.uname", Call: true, Labels: "fingerprint"},
		{Name: "os.uname", Call: true, Labels: "fingerprint"},
		{Name: "socket.gethostname", Call: true, Labels: "fingerprint"},
		{Name: "socket.getfqdn", Call: true, Labels: "fingerprint"},
		{Name: "uuid.getnode", Call: true, Labels: "fingerprint"},
		{Name: "os.getcwd", Call: true, Labels: "fingerprint"},
		{Name: "pathlib.Path.cwd", Call: true, Labels: "fingerprint"},
		{Name: "pathlib.Path.home", Call: true, Labels: "fingerprint"},
		// A database opened by path holds what the file holds: a
		// browser's login or cookie store is a credentials store.
		{Name: "sqlite3.connect", Call: true, Labels: "file", Keeps: "sensitive|credential"},
	},
	Propagators: []Propagator{
		// Decryption and steganography produce what they hide.
		{Func: ".decrypt", Adds: "decoded"}, {Func: ".decrypt_and_verify", Adds: "decoded"},
		{Func: ".decrypt_at_time", Adds: "decoded"},
		{Func: "stegano.lsb.reveal", Adds: "decoded"}, {Func: "stegano.exifHeader.reveal", Adds: "decoded"},
		{Func: "stepic.decode", Adds: "decoded"}, {Func: ".getpixel", Adds: "charcodes"}, {Func: ".getdata", Adds: "charcodes"},
		// Text built from character codes: chr() in a loop (XOR
		// decoders).
		// (bytes(), bytearray() and reversed() are not: they take files
		// and class lists as often; literal ones are folded by the rules.)
		{Func: "chr", From: "args", Adds: "charcodes"},
		{Func: "hex", From: "args"},
		// Collections of found files and matches keep what they found.
		{Func: "glob.glob", From: "args"}, {Func: "glob.iglob", From: "args"}, {Func: "re.findall", From: "args"},
		{Func: "re.finditer", From: "args"}, {Func: "os.path.expandvars", From: "args"},
		// What a query reads out of a credentials store is credentials:
		// sqlite3.connect(login_db).execute(...).fetchall().
		{Func: ".cursor", From: "recv", When: "sensitive|credential", Keeps: "sensitive|credential"},
		{Func: ".execute", From: "recv", When: "sensitive|credential", Keeps: "sensitive|credential"},
		{Func: ".fetchall", From: "recv", When: "sensitive|credential", Keeps: "sensitive|credential"},
		{Func: ".fetchone", From: "recv", When: "sensitive|credential", Keeps: "sensitive|credential"},
		{Func: ".fetchmany", From: "recv", When: "sensitive|credential", Keeps: "sensitive|credential"},
	},
	Sinks: append(leakSinks("leak", true), leakSinks("leak-body", false)...),
}

// leakSinks are the calls that carry data off the host. With urls, the
// request's URL and the name looked up in DNS count ("leak": a host's
// identity in a URL is sent as surely as in a body); without, only what
// a request carries besides its destination ("leak-body": a webhook URL
// or an API's address read from the environment is where the program
// sends, not what it steals).
func leakSinks(family string, urls bool) []Sink {
	body := []string{"data", "json", "params", "files", "content", "body", "fields"}
	kws := body
	if urls {
		kws = append([]string{"url"}, body...)
	}
	first := []int{0}
	after := []int{1, 2, 3}
	if urls {
		after = []int{0, 1, 2, 3}
	}
	out := []Sink{
		{Func: "requests.*", Family: family, Args: after, Kws: kws},
		{Func: "httpx.*", Family: family, Args: after, Kws: kws},
		{Func: "urllib3.*", Family: family, Args: after, Kws: kws},
		{Func: "urllib.request.urlopen", Family: family, Args: after, Kws: kws},
		{Func: "urllib.request.Request", Family: family, Args: after, Kws: kws},
		{Func: "urllib2.urlopen", Family: family, Args: after, Kws: kws},
		{Func: "urllib2.Request", Family: family, Args: after, Kws: kws},
		{Func: "smtplib.*", Family: family, AllArgs: true}, {Func: "ftplib.*", Family: family, AllArgs: true},
		{Func: ".send", Family: family, AllArgs: true, RecvNeeds: "socket"},
		{Func: ".sendall", Family: family, AllArgs: true, RecvNeeds: "socket"},
		{Func: ".sendto", Family: family, Args: first, RecvNeeds: "socket"},
		{Func: ".sendmail", Family: family, AllArgs: true},
		{Func: ".send_message", Family: family, AllArgs: true},
		{Func: ".storbinary", Family: family, AllArgs: true},
		{Func: ".post", Family: family, Args: after, Kws: kws},
		{Func: ".put", Family: family, Args: after[1:], Kws: body},
		{Func: ".request", Family: family, Kws: body},
	}
	if urls {
		// DNS: data in the looked-up name reaches whoever serves the zone.
		for _, q := range []string{"socket.gethostbyname", "socket.gethostbyname_ex", "socket.getaddrinfo",
			"dns.resolver.resolve", "dns.resolver.query", "dns.resolver.Resolver.resolve", "urllib.request.urlretrieve"} {
			out = append(out, Sink{Func: q, Family: family, Args: first})
		}
	} else {
		out = append(out, Sink{Func: "socket.gethostbyname", Family: family, Args: first},
			Sink{Func: "socket.getaddrinfo", Family: family, Args: first}, Sink{Func: "dns.resolver.resolve", Family: family, Args: first},
			Sink{Func: "dns.resolver.query", Family: family, Args: first})
	}
	return out
}

// fileCopies are the calls that copy, move or link a file: the
// destination then holds what the source held, so a credentials store
// copied to a temporary file (stealers copy a browser's locked database
// before opening it) is still one. Src and Dst are positions, SrcKw and
// DstKw the keywords.
var fileCopies = map[string]fileCopy{
	"shutil.copy": {0, 1, "src", "dst"}, "shutil.copy2": {0, 1, "src", "dst"}, "shutil.copyfile": {0, 1, "src", "dst"},
	"shutil.copytree": {0, 1, "src", "dst"}, "shutil.move": {0, 1, "src", "dst"},
	"os.rename": {0, 1, "src", "dst"}, "os.replace": {0, 1, "src", "dst"}, "os.renames": {0, 1, "old", "new"},
	"os.link": {0, 1, "src", "dst"}, "os.symlink": {0, 1, "src", "dst"},
}

type fileCopy struct {
	Src, Dst     int
	SrcKw, DstKw string
}

// copiedLabels are what a copy carries from its source path to its
// destination: what the file is, not who chose its name.
var copiedLabels = Sensitive | labelBits["credential"]

// secretEnvName matches the names of environment variables that hold a
// credential: AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN, NPM_TOKEN, *_API_KEY,
// *_PASSWORD. An environment value by such a name carries "credential".
var secretEnvName = regexp.MustCompile(`(?i)(?:^|_)(?:TOKEN|SECRET|PASSWORD|PASSWD|PASS|PWD|API_?KEY|ACCESS_KEY(?:_ID)?|PRIVATE_KEY|CREDENTIALS?|AUTH|SESSION|COOKIE|WEBHOOK)(?:$|_)|^AWS_|^AZURE_CLIENT_SECRET|^GOOGLE_APPLICATION_CREDENTIALS$`)

// ebcdicCodecs hide text as well as rot13 does: bytes.decode("cp1026").
var ebcdicCodecs = []string{"cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140", "ibm037", "ibm500",
	"ibm1026", "ebcdic_cp_us", "ebcdic_cp_be", "base32", "base85", "ascii85"}

// moreSensitive are credential stores beyond models_malware.go's list:
// the account list, Discord's token store, browsers' cookie and form
// databases, wallets.
var moreSensitive = []string{"/etc/passwd", "discord/local storage", "discord\\local storage", "\\login data", "\\cookies", "discordcanary/local storage", "discordptb/local storage",
	"lightcord/local storage", "/network/cookies", "web data", "/cookies.sqlite", "logins.json", "key4.db", ".electrum/wallets",
	"exodus/exodus.wallet", ".bitcoin/wallet", "/keychains/", ".password-store", ".config/filezilla", "recentservers.xml",
	".purple/accounts.xml", ".config/hub/hosts.yml", ".config/gh/hosts.yml"}

func init() {
	sensitiveNeedles = append(sensitiveNeedles, moreSensitive...)
	for _, c := range ebcdicCodecs {
		obfuscatingCodecs[c] = true
	}
}

// secretEnv adds "credential" to an environment value read by a name
// that holds a secret (os.getenv("AWS_SECRET_ACCESS_KEY"),
// os.environ["GITHUB_TOKEN"]), or by a variable that takes such a name
// from a literal list (`for k in ("AWS_SECRET_ACCESS_KEY", ...)`).
func (a *analyzer) secretEnv(name ast.Expr, v val, env map[string]val) val {
	if s, ok := a.h.Fold(name); ok {
		if secretEnvName.MatchString(s) {
			return v.with(labelBits["credential"], step(name, "secret "+s))
		}
		return v
	}
	if n, ok := name.(*ast.Name); ok {
		if x := env[n.ID].x; x != nil && x.strs != nil {
			for _, s := range *x.strs {
				if secretEnvName.MatchString(s) {
					return v.with(labelBits["credential"], step(name, "secret "+s+" (one of the names "+n.ID+" takes)"))
				}
			}
		}
	}
	return v
}

// literalStrs are the strings of a literal tuple, list or set of string
// constants, or of a variable assigned one; nil for anything else.
func (a *analyzer) literalStrs(e ast.Expr, env map[string]val) *[]string {
	var elts []ast.Expr
	switch n := e.(type) {
	case *ast.Tuple:
		elts = n.Elts
	case *ast.List:
		elts = n.Elts
	case *ast.Set:
		elts = n.Elts
	case *ast.Name:
		if x := env[n.ID].x; x != nil {
			return x.strs
		}
		return nil
	default:
		return nil
	}
	if len(elts) == 0 {
		return nil
	}
	out := make([]string, 0, len(elts))
	for _, x := range elts {
		c, ok := x.(*ast.Constant)
		if !ok || c.Kind != ast.ConstStr {
			return nil
		}
		out = append(out, c.Str)
	}
	return &out
}

// eachOf is the value a loop variable takes from iterating over iter
// (whose value is v): v, and when iter is a literal list of strings,
// knowing it is one of them.
func (a *analyzer) eachOf(iter ast.Expr, v val, env map[string]val) val {
	if ss := a.literalStrs(iter, env); ss != nil {
		v = v.withExtra(func(e *extra) { e.strs = ss })
	}
	return v
}
