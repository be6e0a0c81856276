package rules

// The HTTP client calls B113 and B501 check.
var (
	requestsVerbs = []string{"get", "options", "head", "post", "put", "patch", "delete"}
	httpxCalls    = []string{"get", "options", "head", "post", "put", "patch", "delete", "request", "stream", "Client", "AsyncClient"}
)

// httpCall reports whether q is a requests verb call, or (withHTTPX) an
// httpx request or client constructor.
func httpCall(q string, withHTTPX bool) bool {
	switch firstPart(q) {
	case "requests":
		return inList(lastPart(q), requestsVerbs)
	case "httpx":
		return withHTTPX && inList(lastPart(q), httpxCalls)
	}
	return false
}
