package rules

// badProtocols are the SSL/TLS protocol constants B502–B504 know as
// insecure (Bandit's bad_protocol_versions default).
var badProtocols = []string{
	"PROTOCOL_SSLv2", "SSLv2_METHOD", "SSLv23_METHOD", "PROTOCOL_SSLv3", "PROTOCOL_TLSv1",
	"SSLv3_METHOD", "TLSv1_METHOD", "PROTOCOL_TLSv1_1", "TLSv1_1_METHOD",
}

var badProtocolOption = []Option{{Name: "bad_protocol_versions", Default: badProtocols,
	Help: "protocol constants that are insecure"}}
