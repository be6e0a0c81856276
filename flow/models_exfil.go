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
	},
	Propagators: []Propagator{
		// Decryption and steganography produce what they hide.
		{Func: ".decrypt", Adds: "decoded"}, {Func: ".decrypt_and_verify", Adds: "decoded"},
		{Func: ".decrypt_at_time", Adds: "decoded"},
		{Func: "stegano.lsb.reveal", Adds: "decoded"}, {Func: "stegano.exifHeader.reveal", Adds: "decoded"},
		{Func: "stepic.decode", Adds: "decoded"}, {Func: ".getpixel", Adds: "charcodes"}, {Func: ".getdata", Adds: "charcodes"},
		// Text built from character codes: chr() in a loop (XOR
		// decoders), bytes of computed integers.
		{Func: "chr", From: "args", Adds: "charcodes"}, {Func: "bytes", From: "args", Adds: "charcodes"},
		{Func: "bytearray", From: "args", Adds: "charcodes"}, {Func: "reversed", From: "args", Adds: "charcodes"},
		{Func: "hex", From: "args"},
	},
	Sinks: []Sink{
		{Func: "requests.*", Family: "leak", AllArgs: true, Kws: []string{"data", "json", "params", "files", "url"}},
		{Func: "httpx.*", Family: "leak", AllArgs: true, Kws: []string{"data", "json", "params", "files", "url", "content"}},
		{Func: "urllib3.*", Family: "leak", AllArgs: true, Kws: []string{"body", "fields"}},
		{Func: "urllib.request.urlopen", Family: "leak", AllArgs: true, Kws: []string{"data", "url"}},
		{Func: "urllib.request.Request", Family: "leak", AllArgs: true, Kws: []string{"data", "url"}},
		{Func: "urllib.request.urlretrieve", Family: "leak", Args: []int{0}, Kws: []string{"url", "data"}},
		{Func: "urllib2.urlopen", Family: "leak", AllArgs: true}, {Func: "urllib2.Request", Family: "leak", AllArgs: true},
		{Func: "smtplib.*", Family: "leak", AllArgs: true}, {Func: "ftplib.*", Family: "leak", AllArgs: true},
		{Func: ".send", Family: "leak", AllArgs: true, RecvNeeds: "socket"},
		{Func: ".sendall", Family: "leak", AllArgs: true, RecvNeeds: "socket"},
		{Func: ".sendto", Family: "leak", Args: []int{0}, RecvNeeds: "socket"},
		{Func: ".sendmail", Family: "leak", AllArgs: true},
		{Func: ".send_message", Family: "leak", AllArgs: true},
		{Func: ".storbinary", Family: "leak", AllArgs: true},
		{Func: ".post", Family: "leak", AllArgs: true, Kws: []string{"data", "json", "params", "files"}},
		{Func: ".put", Family: "leak", Kws: []string{"data", "json", "files"}},
		{Func: ".request", Family: "leak", Kws: []string{"body", "data", "json", "params"}},
		// DNS: data in the looked-up name reaches whoever serves the zone.
		{Func: "socket.gethostbyname", Family: "leak"}, {Func: "socket.gethostbyname_ex", Family: "leak"},
		{Func: "socket.getaddrinfo", Family: "leak"}, {Func: "dns.resolver.resolve", Family: "leak"},
		{Func: "dns.resolver.query", Family: "leak"}, {Func: "dns.resolver.Resolver.resolve", Family: "leak"},
		{Func: "asyncio.get_event_loop.getaddrinfo", Family: "leak"},
	},
}

// secretEnvName matches the names of environment variables that hold a
// credential: AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN, NPM_TOKEN, *_API_KEY,
// *_PASSWORD. An environment value by such a name carries "credential".
var secretEnvName = regexp.MustCompile(`(?i)(?:^|_)(?:TOKEN|SECRET|PASSWORD|PASSWD|PASS|PWD|API_?KEY|ACCESS_KEY(?:_ID)?|PRIVATE_KEY|CREDENTIALS?|AUTH|SESSION|COOKIE|WEBHOOK)(?:$|_)|^AWS_|^AZURE_CLIENT_SECRET|^GOOGLE_APPLICATION_CREDENTIALS$`)

// ebcdicCodecs hide text as well as rot13 does: bytes.decode("cp1026").
var ebcdicCodecs = []string{"cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140", "ibm037", "ibm500",
	"ibm1026", "ebcdic_cp_us", "ebcdic_cp_be", "base32", "base85", "ascii85"}

func init() {
	for _, c := range ebcdicCodecs {
		obfuscatingCodecs[c] = true
	}
}

// secretEnv adds "credential" to an environment value read by a name
// that holds a secret (os.getenv("AWS_SECRET_ACCESS_KEY"),
// os.environ["GITHUB_TOKEN"]).
func (a *analyzer) secretEnv(name ast.Expr, v val) val {
	if s, ok := a.h.Fold(name); ok && secretEnvName.MatchString(s) {
		return v.with(labelBits["credential"], step(name, "secret "+s))
	}
	return v
}
