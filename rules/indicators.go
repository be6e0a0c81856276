package rules

import (
	"net/netip"
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// callHomeDomains are the hosts malicious code sends its loot to or
// fetches its next stage from, and honest code rarely names: out-of-band
// interaction services, request catchers, paste sites' raw views, file
// drops, chat webhooks and bot APIs, URL shorteners, tunnels and
// dynamic DNS. Each row is a domain (matched with its subdomains) or a
// domain and path prefix, and the kind reported.
var callHomeDomains = []struct{ host, path, kind string }{
	// Out-of-band interaction (OAST) and request-catching services.
	{"oast.fun", "", "an out-of-band interaction service"}, {"oast.pro", "", "an out-of-band interaction service"},
	{"oast.live", "", "an out-of-band interaction service"}, {"oast.site", "", "an out-of-band interaction service"},
	{"oast.online", "", "an out-of-band interaction service"}, {"oast.me", "", "an out-of-band interaction service"},
	{"interact.sh", "", "an out-of-band interaction service"}, {"interactsh.com", "", "an out-of-band interaction service"},
	{"burpcollaborator.net", "", "an out-of-band interaction service"}, {"oastify.com", "", "an out-of-band interaction service"},
	{"dnslog.cn", "", "an out-of-band interaction service"}, {"ceye.io", "", "an out-of-band interaction service"},
	{"canarytokens.com", "", "an out-of-band interaction service"}, {"requestbin.net", "", "a request catcher"},
	{"requestbin.com", "", "a request catcher"}, {"pipedream.net", "", "a request catcher"},
	{"webhook.site", "", "a request catcher"}, {"hookbin.com", "", "a request catcher"},
	{"requestcatcher.com", "", "a request catcher"}, {"beeceptor.com", "", "a request catcher"},
	{"ptsv2.com", "", "a request catcher"}, {"ptsv3.com", "", "a request catcher"},
	// Paste sites' raw views and anonymous file drops.
	{"pastebin.com", "/raw", "a paste site's raw view"}, {"paste.ee", "/r/", "a paste site's raw view"},
	{"hastebin.com", "/raw", "a paste site's raw view"}, {"rentry.co", "/raw", "a paste site's raw view"},
	{"pastes.io", "/raw", "a paste site's raw view"}, {"dpaste.com", "/raw", "a paste site's raw view"},
	{"dpaste.org", "/raw", "a paste site's raw view"}, {"transfer.sh", "", "an anonymous file drop"},
	{"file.io", "", "an anonymous file drop"}, {"anonfiles.com", "", "an anonymous file drop"},
	{"gofile.io", "", "an anonymous file drop"}, {"tmpfiles.org", "", "an anonymous file drop"},
	{"files.catbox.moe", "", "an anonymous file drop"}, {"litterbox.catbox.moe", "", "an anonymous file drop"},
	// Chat webhooks and bot APIs: where stealers post what they took.
	{"discord.com", "/api/webhooks", "a Discord webhook"}, {"discordapp.com", "/api/webhooks", "a Discord webhook"},
	{"ptb.discord.com", "/api/webhooks", "a Discord webhook"}, {"canary.discord.com", "/api/webhooks", "a Discord webhook"},
	{"api.telegram.org", "/bot", "the Telegram bot API"},
	// URL shorteners hide the destination.
	{"bit.ly", "", "a URL shortener"}, {"tinyurl.com", "", "a URL shortener"}, {"is.gd", "", "a URL shortener"},
	{"v.gd", "", "a URL shortener"}, {"goo.gl", "", "a URL shortener"}, {"t.ly", "", "a URL shortener"},
	{"cutt.ly", "", "a URL shortener"}, {"rebrand.ly", "", "a URL shortener"}, {"shorturl.at", "", "a URL shortener"},
	{"rb.gy", "", "a URL shortener"}, {"tiny.cc", "", "a URL shortener"},
	// Tunnels to a machine behind NAT.
	{"ngrok.io", "", "a tunnel"}, {"ngrok-free.app", "", "a tunnel"}, {"ngrok.app", "", "a tunnel"},
	{"trycloudflare.com", "", "a tunnel"}, {"workers.dev", "", "a tunnel or serverless relay"},
	{"serveo.net", "", "a tunnel"}, {"localhost.run", "", "a tunnel"}, {"loca.lt", "", "a tunnel"},
	{"pagekite.me", "", "a tunnel"}, {"portmap.io", "", "a tunnel"}, {"bore.pub", "", "a tunnel"},
	// Dynamic DNS.
	{"duckdns.org", "", "a dynamic DNS name"}, {"ddns.net", "", "a dynamic DNS name"}, {"hopto.org", "", "a dynamic DNS name"},
	{"zapto.org", "", "a dynamic DNS name"}, {"sytes.net", "", "a dynamic DNS name"}, {"no-ip.org", "", "a dynamic DNS name"},
	{"no-ip.biz", "", "a dynamic DNS name"}, {"dynu.net", "", "a dynamic DNS name"}, {"dyndns.org", "", "a dynamic DNS name"},
	{"freedns.afraid.org", "", "a dynamic DNS name"}, {"servehttp.com", "", "a dynamic DNS name"},
	{"serveftp.com", "", "a dynamic DNS name"},
}

// wellKnownIPs are public addresses honest code names: public DNS
// resolvers.
var wellKnownIPs = map[string]bool{"8.8.8.8": true, "8.8.4.4": true, "1.1.1.1": true, "1.0.0.1": true,
	"9.9.9.9": true, "208.67.222.222": true, "208.67.220.220": true}

// callHome reports what kind of call-home endpoint a string names: a
// URL or host of callHomeDomains, or a URL whose host is a raw public IP
// address. bare also accepts a string that is only a host or an
// address (the host of a socket's address tuple).
func callHome(s string, bare bool) (string, bool) {
	if len(s) < 4 || len(s) > 4096 || !strings.Contains(s, ".") {
		return "", false
	}
	host, rest, url := hostOf(s)
	if !url && !bare {
		return "", false
	}
	if host == "" {
		return "", false
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if h, _, err := splitPort(host); err == nil {
		host = h
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		if ip.Is4() && !ip.IsPrivate() && !ip.IsLoopback() && !ip.IsLinkLocalUnicast() && !ip.IsUnspecified() &&
			!ip.IsMulticast() && !wellKnownIPs[host] && !docRange(ip) {
			return "a raw IP address", true
		}
		return "", false
	}
	for _, d := range callHomeDomains {
		if host == d.host || strings.HasSuffix(host, "."+d.host) {
			if d.path == "" || strings.HasPrefix(strings.ToLower(rest), d.path) {
				return d.kind, true
			}
		}
	}
	return "", false
}

// hostOf splits "scheme://host[:port]/path" (or "host/path" without a
// scheme) into host and path; url says a scheme was present.
func hostOf(s string) (host, rest string, url bool) {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "://"); i > 0 && i < 10 {
		s, url = s[i+3:], true
	} else if strings.ContainsAny(s, " \n\t'\"") {
		return "", "", false
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		host, rest = s[:i], s[i:]
	} else {
		host = s
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	return host, rest, url
}

func splitPort(h string) (string, string, error) {
	if i := strings.LastIndexByte(h, ':'); i > 0 && !strings.Contains(h[:i], ":") {
		return h[:i], h[i+1:], nil
	}
	return h, "", errNoPort
}

type noPort struct{}

func (noPort) Error() string { return "no port" }

var errNoPort = noPort{}

// docRange: the documentation networks (192.0.2/24, 198.51.100/24,
// 203.0.113/24) and shared/benchmark space, which examples use.
func docRange(ip netip.Addr) bool {
	for _, p := range []string{"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "100.64.0.0/10", "198.18.0.0/15", "240.0.0.0/4"} {
		if netip.MustParsePrefix(p).Contains(ip) {
			return true
		}
	}
	return false
}

// callsHome reports whether a call's arguments name a call-home
// endpoint: a literal, or the known beginning of a URL built at run time
// ('https://webhook.site/x?k=' + secret).
func (c *Context) callsHome(call *ast.Call) bool {
	args := append([]ast.Expr(nil), call.Args...)
	for _, k := range call.Keywords {
		args = append(args, k.Value)
	}
	for _, a := range args {
		if _, ok := callHome(c.foldPrefix(a), false); ok {
			return true
		}
	}
	return false
}
