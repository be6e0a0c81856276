// Package secretcorpus generates the secrets corpus: for every provider
// pyward's secret rules cover, true samples built from the provider's
// documented format, each written in several of the places secrets really
// sit (class attributes, header and settings dicts, comments, docstrings,
// .env blocks in strings, f-strings, bytes, URLs and query strings,
// keyword arguments, and .env, YAML and JSON files), and near-miss false
// samples (placeholders, documentation examples, broken checksums,
// lengths one off). The output depends only on the seed.
package secretcorpus

import (
	"encoding/base64"
	"fmt"
	"math/rand"
	"net/url"
	"strings"
)

// Sample is one file of the corpus.
type Sample struct {
	Provider string // the provider's short name: github, npm …
	Rule     string // the rule that must report a true sample
	Context  string // where in the file the value sits
	Path     string // slash-separated, relative to the corpus root
	Text     []byte
	// Secret is the credential a true sample carries, which no output may
	// show; "" for a false sample.
	Secret string
	True   bool
	value  string
}

// value is a credential as written (Text) and the part of it that is the
// secret (Secret, Text when empty).
type value struct{ text, secret string }

type provider struct {
	name, rule, varName string
	make                func(g gen) value
	// near are near misses: values of the provider's shape that are not
	// credentials.
	near func(g gen) []string
	// contexts, when set, restricts where the value is written (a
	// multi-line key cannot sit in a query string).
	contexts []string
}

func v(s string) value { return value{text: s} }

var providers = []provider{
	{name: "aws-key-id", rule: "PW301", varName: "AWS_ACCESS_KEY_ID",
		make: func(g gen) value { return v("AKIA" + g.pick(base32, 16)) },
		near: func(g gen) []string {
			return []string{"AKIAIOSFODNN7EXAMPLE", "AKIA" + g.pick(base32, 15), "AKIAXXXXXXXXXXXXXXXX"}
		}},
	{name: "aws-secret", rule: "PW302", varName: "AWS_SECRET_ACCESS_KEY",
		make: func(g gen) value { return v(g.pick(alnum+"+/", 40)) },
		near: func(g gen) []string {
			return []string{"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", strings.Repeat("x", 40), "<your-aws-secret-access-key>"}
		}},
	{name: "aws-bedrock", rule: "PW320", varName: "AWS_BEARER_TOKEN_BEDROCK",
		make: func(g gen) value {
			if g.r.Intn(2) == 0 {
				return v("ABSK" + base64.StdEncoding.EncodeToString([]byte("BedrockAPIKey-"+g.pick(lower+digits, 4)+"-at-"+g.pick(digits, 12)+":"+g.pick(alnum+"+/", 40))))
			}
			u := "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA" + g.pick(base32, 16) +
				"%2F20250801%2Fus-east-1%2Fbedrock%2Faws4_request&X-Amz-Date=20250801T120000Z&X-Amz-Expires=43200&X-Amz-Signature=" + g.hex(64) + "&Version=1"
			return v("bedrock-api-key-" + base64.StdEncoding.EncodeToString([]byte(u)))
		},
		near: func(g gen) []string {
			return []string{"ABSK" + base64.StdEncoding.EncodeToString([]byte("NotBedrock-"+g.pick(alnum, 50))), "bedrock-api-key-${BEDROCK_TOKEN}"}
		}},
	{name: "github", rule: "PW303", varName: "GITHUB_TOKEN",
		make: func(g gen) value {
			if g.r.Intn(4) == 0 {
				return v("github_pat_" + g.pick(alnum, 22) + "_" + g.pick(alnum, 59))
			}
			return v(g.checksummed([]string{"ghp_", "gho_", "ghs_", "ghu_", "ghr_"}[g.r.Intn(5)]))
		},
		near: func(g gen) []string {
			return []string{breakChecksum(g.checksummed("ghp_")), "ghp_" + g.pick(alnum, 35), "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
		}},
	{name: "gitlab", rule: "PW304", varName: "GITLAB_TOKEN",
		make: func(g gen) value {
			switch g.r.Intn(8) {
			case 0:
				return v("glcbt-" + g.hex(2) + "_" + g.pick(b64url, 20))
			case 1:
				return v("glft-" + g.pick(b64url, 20))
			case 2:
				return v("glimt-" + g.pick(b64url, 25))
			case 3:
				return v("glagent-" + g.pick(b64url, 50))
			case 4:
				return v("gloas-" + g.pick(b64url, 64))
			case 5:
				return v("glsoat-" + g.pick(b64url, 20))
			case 6:
				return v("GR1348941" + g.pick(b64url, 20))
			}
			return v("glpat-" + g.pick(b64url, 20))
		},
		near: func(g gen) []string {
			return []string{"glpat-" + g.pick(alnum, 12), "glpat-xxxxxxxxxxxxxxxxxxxx", "glpat-<your-token>"}
		}},
	{name: "slack", rule: "PW305", varName: "SLACK_TOKEN",
		make: func(g gen) value {
			switch g.r.Intn(5) {
			case 0:
				return v("xapp-1-A" + g.pick(upper+digits, 10) + "-" + g.pick(digits, 13) + "-" + g.hex(64))
			case 1:
				return v("xoxe.xoxp-1-" + g.pick(alnum, 140))
			case 2:
				return v("https://hooks.slack.com/workflows/T" + g.pick(upper+digits, 10) + "/A" + g.pick(upper+digits, 10) + "/" + g.pick(digits, 18) + "/" + g.pick(alnum, 24))
			case 3:
				return v("xoxp-" + g.pick(digits, 12) + "-" + g.pick(digits, 12) + "-" + g.pick(digits, 13) + "-" + g.hex(32))
			}
			return v("xoxb-" + g.pick(digits, 12) + "-" + g.pick(digits, 13) + "-" + g.pick(alnum, 24))
		},
		near: func(g gen) []string {
			return []string{"xoxb-not-a-real-token-this-will-not-work", "xoxb-XXXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX", "xapp-1-" + g.pick(lower, 6)}
		}},
	{name: "stripe", rule: "PW306", varName: "STRIPE_SECRET_KEY",
		make: func(g gen) value {
			return v([]string{"sk_live_", "rk_live_", "sk_test_"}[g.r.Intn(3)] + g.pick(alnum, 24+g.r.Intn(76)))
		},
		near: func(g gen) []string {
			return []string{"sk_test_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "pk_live_" + g.pick(alnum, 24)}
		}},
	{name: "google", rule: "PW307", varName: "GOOGLE_API_KEY",
		make: func(g gen) value { return v("AIzaSy" + g.pick(b64url, 32) + []string{"-", "_", "Q"}[g.r.Intn(3)]) },
		near: func(g gen) []string {
			return []string{"AIzaSy" + g.pick(b64url, 32), "AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"}
		}},
	{name: "openai", rule: "PW308", varName: "OPENAI_API_KEY",
		make: func(g gen) value {
			if g.r.Intn(2) == 0 {
				return v("sk-proj-" + g.pick(b64url, 156))
			}
			return v("sk-" + g.pick(alnum, 20) + "T3BlbkFJ" + g.pick(alnum, 20))
		},
		near: func(g gen) []string { return []string{"sk-" + g.pick(alnum, 48), "sk-proj-your-key-here"} }},
	{name: "anthropic", rule: "PW309", varName: "ANTHROPIC_API_KEY",
		make: func(g gen) value { return v("sk-ant-api03-" + g.pick(b64url, 93) + "AA") },
		near: func(g gen) []string {
			return []string{"sk-ant-api03-" + g.pick(b64url, 20), "sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
		}},
	{name: "private-key", rule: "PW310", varName: "SIGNING_KEY",
		make: func(g gen) value { return v(g.pem()) },
		near: func(g gen) []string {
			return []string{"-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----"}
		},
		contexts: []string{"comment", "docstring", "envblock", "assign", "json"}},
	{name: "jwt", rule: "PW311", varName: "SERVICE_JWT",
		make: func(g gen) value {
			if g.r.Intn(3) == 0 {
				return v(base64.StdEncoding.EncodeToString([]byte(g.jwt())))
			}
			return v(g.jwt())
		},
		near: func(g gen) []string {
			return []string{"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
				"eyJ" + g.pick(alnum, 30) + ".eyJ" + g.pick(alnum, 30) + "." + g.pick(alnum, 40)}
		}},
	{name: "url-credentials", rule: "PW313", varName: "DATABASE_URL",
		make: func(g gen) value {
			pw := g.pick(alnum, 10) + g.pick("!%*-_.~", 1) + g.pick(alnum, 8)
			if strings.Contains(pw, "%") {
				pw = strings.ReplaceAll(pw, "%", "9")
			}
			user := g.pick(lower, 6)
			host := g.pick(lower, 5) + ".internal.acme-corp.net"
			var u string
			switch g.r.Intn(6) {
			case 0:
				u = "postgresql://" + user + ":" + pw + "@" + host + ":5432/app"
			case 1:
				u = "mysql+pymysql://" + user + ":" + pw + "@" + host + "/shop"
			case 2:
				u = "mongodb+srv://" + user + ":" + pw + "@cluster0." + host + "/?retryWrites=true"
			case 3:
				u = "redis://:" + pw + "@" + host + ":6379/0"
			case 4:
				u = "amqp://" + user + ":" + pw + "@" + host + ":5672/%2F"
			default:
				u = "https://" + user + ":" + pw + "@" + host + "/simple/"
			}
			return value{text: u, secret: pw}
		},
		near: func(g gen) []string {
			return []string{"postgresql://app:${DB_PASSWORD}@db:5432/app", "redis://:<password>@localhost:6379/0", "mysql+pymysql://root:password@localhost/test",
				"amqp://guest:***@broker:5672/", "https://user:{password}@pypi.acme-corp.net/simple/"}
		},
		contexts: []string{"assign", "dict", "comment", "docstring", "envblock", "fstring", "kwarg", "env", "yaml", "json", "bytes"}},
	{name: "password", rule: "PW312", varName: "DB_PASSWORD",
		make: func(g gen) value { return v(g.pick(alnum, 8) + g.pick("!*-@^_~.", 2) + g.pick(alnum, 8)) },
		near: func(g gen) []string { return []string{"changeme", "${DB_PASSWORD}", "<password>", "password123"} },
		// A password is not a bearer token nor sent in a query string.
		contexts: []string{"assign", "dict", "comment", "docstring", "envblock", "fstring", "bytes", "kwarg", "env", "yaml", "json"}},
	{name: "azure-storage", rule: "PW321", varName: "AZURE_STORAGE_CONNECTION_STRING",
		make: func(g gen) value {
			k := base64.StdEncoding.EncodeToString(g.bytes(64))
			return value{text: "DefaultEndpointsProtocol=https;AccountName=" + g.pick(lower, 10) + ";AccountKey=" + k + ";EndpointSuffix=core.windows.net", secret: k}
		},
		near: func(g gen) []string {
			return []string{"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1",
				"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + base64.StdEncoding.EncodeToString(g.bytes(63)) + ";EndpointSuffix=core.windows.net"}
		}},
	{name: "azure-sas", rule: "PW322", varName: "AZURE_BLOB_SAS_URL",
		make: func(g gen) value {
			sig := url.QueryEscape(base64.StdEncoding.EncodeToString(g.bytes(32)))
			return value{text: "https://" + g.pick(lower, 8) + ".blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2031-01-01T00:00:00Z&st=2025-01-01T00:00:00Z&spr=https&sig=" + sig, secret: sig}
		},
		near: func(g gen) []string {
			return []string{"https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=<signature>", "https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=" + url.QueryEscape(base64.StdEncoding.EncodeToString(g.bytes(20)))}
		}},
	{name: "azure-entra", rule: "PW323", varName: "AZURE_CLIENT_SECRET",
		make: func(g gen) value { return v(g.pick(alnum, 3) + g.pick(digits, 1) + "Q~" + g.pick(alnum+"_~.-", 34)) },
		near: func(g gen) []string {
			return []string{g.pick(alnum, 3) + "8Q~" + g.pick(alnum, 20), "xxx8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
		}},
	{name: "azure-devops", rule: "PW324", varName: "AZURE_DEVOPS_PAT",
		make: func(g gen) value {
			if g.r.Intn(2) == 0 {
				return v(g.pick(strings.ToLower(base32), 52))
			}
			return v(g.pick(alnum, 52) + "JQQJ99" + g.pick(alnum, 18) + "AZDO" + g.pick(alnum, 4))
		},
		near: func(g gen) []string {
			return []string{g.pick(strings.ToLower(base32), 51), g.pick(alnum, 75) + "AZDO" + g.pick(alnum, 4), "your-azure-devops-pat"}
		}},
	{name: "huggingface", rule: "PW325", varName: "HF_TOKEN",
		make: func(g gen) value { return v("hf_" + g.pick(upper+lower, 34)) },
		near: func(g gen) []string {
			return []string{"hf_" + g.pick(upper+lower, 33), "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
		}},
	{name: "twilio", rule: "PW326", varName: "TWILIO_AUTH_TOKEN",
		make: func(g gen) value {
			if g.r.Intn(2) == 0 {
				return v("SK" + g.hex(32))
			}
			return v(g.hex(32))
		},
		near: func(g gen) []string {
			return []string{"SK" + g.hex(31), "your_auth_token", "SKXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"}
		}},
	{name: "sendgrid", rule: "PW327", varName: "SENDGRID_API_KEY",
		make: func(g gen) value { return v("SG." + g.pick(b64url, 22) + "." + g.pick(b64url, 43)) },
		near: func(g gen) []string {
			return []string{"SG." + g.pick(b64url, 22) + "." + g.pick(b64url, 42), "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
		}},
	{name: "pypi", rule: "PW328", varName: "PYPI_API_TOKEN",
		make: func(g gen) value { return v(g.pypiToken()) },
		near: func(g gen) []string {
			t := g.pypiToken()
			return []string{t[:len(t)-12], "pypi-AgEIcHlwaS5vcmc" + g.pick(b64url, 60)}
		}},
	{name: "npm", rule: "PW329", varName: "NPM_TOKEN",
		make: func(g gen) value { return v(g.checksummed("npm_")) },
		near: func(g gen) []string {
			return []string{breakChecksum(g.checksummed("npm_")), "npm_" + g.pick(alnum, 36)}
		}},
	{name: "databricks", rule: "PW330", varName: "DATABRICKS_TOKEN",
		make: func(g gen) value { return v("dapi" + g.hex(32)) },
		near: func(g gen) []string { return []string{"dapi" + g.hex(31), "dapi1234567890ab1cde2f3ab456c7d89efa"} }},
	{name: "mailgun", rule: "PW331", varName: "MAILGUN_API_KEY",
		make: func(g gen) value {
			if g.r.Intn(2) == 0 {
				return v(g.hex(32) + "-" + g.hex(8) + "-" + g.hex(8))
			}
			return v("key-" + g.hex(32))
		},
		near: func(g gen) []string { return []string{"key-" + g.hex(31), "key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"} }},
	{name: "heroku", rule: "PW332", varName: "HEROKU_API_KEY",
		make: func(g gen) value {
			if g.r.Intn(2) == 0 {
				return v("HRKU-AA" + g.pick(b64url, 58))
			}
			return v(g.uuid())
		},
		near: func(g gen) []string {
			return []string{"00000000-0000-0000-0000-000000000000", "HRKU-" + g.pick(alnum, 10)}
		}},
	{name: "shopify", rule: "PW333", varName: "SHOPIFY_ACCESS_TOKEN",
		make: func(g gen) value { return v([]string{"shpat_", "shpss_", "shpca_", "shppa_"}[g.r.Intn(4)] + g.hex(32)) },
		near: func(g gen) []string { return []string{"shpat_" + g.hex(31), "shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"} }},
	{name: "digitalocean", rule: "PW334", varName: "DIGITALOCEAN_TOKEN",
		make: func(g gen) value { return v([]string{"dop_v1_", "doo_v1_", "dor_v1_"}[g.r.Intn(3)] + g.hex(64)) },
		near: func(g gen) []string { return []string{"dop_v1_" + g.hex(63), "dop_v1_" + strings.Repeat("0", 64)} }},
	{name: "discord", rule: "PW335", varName: "DISCORD_BOT_TOKEN",
		make: func(g gen) value {
			if g.r.Intn(2) == 0 {
				return v("https://discord.com/api/webhooks/" + g.pick(digits, 18) + "/" + g.pick(b64url, 68))
			}
			id := base64.RawStdEncoding.EncodeToString([]byte("1" + g.pick(digits, 17)))
			return v(id + "." + g.pick(b64url, 6) + "." + g.pick(b64url, 38))
		},
		near: func(g gen) []string {
			return []string{base64.RawStdEncoding.EncodeToString([]byte("notanumber"+g.pick(lower, 8))) + "." + g.pick(b64url, 6) + "." + g.pick(b64url, 38),
				"https://discord.com/api/webhooks/" + g.pick(digits, 18) + "/" + g.pick(b64url, 20)}
		}},
	{name: "telegram", rule: "PW336", varName: "TELEGRAM_BOT_TOKEN",
		make: func(g gen) value { return v(g.pick("123456789", 1) + g.pick(digits, 9) + ":AA" + g.pick(b64url, 33)) },
		near: func(g gen) []string {
			return []string{"123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11", g.pick(digits, 10) + ":AA" + g.pick(b64url, 32)}
		}},
	{name: "sentry", rule: "PW337", varName: "SENTRY_AUTH_TOKEN",
		make: func(g gen) value {
			if g.r.Intn(2) == 0 {
				claims := base64.StdEncoding.EncodeToString([]byte(fmt.Sprintf(`{"iat":%d,"url":"https://sentry.io","region_url":"https://us.sentry.io","org":"%s"}`, 1700000000+g.r.Intn(1e7), g.pick(lower, 6))))
				return v("sntrys_" + claims + "_" + g.pick(alnum, 43))
			}
			return v("sntryu_" + g.hex(64))
		},
		near: func(g gen) []string {
			return []string{"sntryu_" + g.hex(63), "https://examplePublicKey@o0.ingest.sentry.io/0"}
		}},
	{name: "cloudflare", rule: "PW338", varName: "CLOUDFLARE_API_TOKEN",
		make: func(g gen) value { return v(g.pick(alnum+"_-", 38) + g.pick(digits, 2)) },
		near: func(g gen) []string { return []string{g.pick(alnum, 39), "your-cloudflare-api-token"} }},
	{name: "grafana", rule: "PW339", varName: "GRAFANA_TOKEN",
		make: func(g gen) value {
			if g.r.Intn(2) == 0 {
				return v("glc_" + base64.StdEncoding.EncodeToString([]byte(fmt.Sprintf(`{"o":"%s","n":"stack-%s","k":"%s","m":{"r":"prod-us-east-0"}}`, g.pick(digits, 6), g.pick(digits, 6), g.pick(alnum, 24)))))
			}
			return v("glsa_" + g.pick(alnum, 32) + "_" + g.hex(8))
		},
		near: func(g gen) []string {
			return []string{"glsa_" + g.pick(alnum, 31) + "_" + g.hex(8), "glc_" + g.pick(alnum, 60)}
		}},
	{name: "1password", rule: "PW340", varName: "OP_SERVICE_ACCOUNT_TOKEN",
		make: func(g gen) value {
			if g.r.Intn(2) == 0 {
				u := upper + digits
				return v("A3-" + g.pick(u, 6) + "-" + g.pick(u, 6) + "-" + g.pick(u, 5) + "-" + g.pick(u, 5) + "-" + g.pick(u, 5) + "-" + g.pick(u, 5))
			}
			return v("ops_" + base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf(`{"signInAddress":"my.1password.com","userAuth":{"method":"SRPg-4096","alg":"PBES2g-HS256","iterations":650000,"salt":"%s"},"email":"%s@acme-corp.net","srpX":"%s"}`, g.pick(b64url, 22), g.pick(lower, 10), g.hex(64)))))
		},
		near: func(g gen) []string {
			return []string{"A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX", "ops_" + g.pick(alnum, 120)}
		}},
	{name: "vault", rule: "PW341", varName: "VAULT_TOKEN",
		make: func(g gen) value { return v("hvs.CAESI" + g.pick(b64url, 86) + "Gh4KHGh2cy5" + g.pick(alnum, 20)) },
		near: func(g gen) []string { return []string{"hvs." + g.pick(alnum, 24), "hvs.xxxxxxxxxxxxxxxxxxxxxxxx"} }},
	{name: "terraform-cloud", rule: "PW342", varName: "TFE_TOKEN",
		make: func(g gen) value { return v(g.pick(alnum, 14) + ".atlasv1." + g.pick(alnum, 67)) },
		near: func(g gen) []string {
			return []string{g.pick(alnum, 14) + ".atlasv1." + g.pick(alnum, 20), "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
		}},
	{name: "atlassian", rule: "PW343", varName: "JIRA_API_TOKEN",
		make: func(g gen) value { return v("ATATT3xFfGF0" + g.pick(b64url, 171) + "=" + strings.ToUpper(g.hex(8))) },
		near: func(g gen) []string { return []string{"ATATT3xFfGF0" + g.pick(b64url, 40), "ATATT3xxxxxxxxxxxxxxxx"} }},
	{name: "okta", rule: "PW344", varName: "OKTA_API_TOKEN",
		make: func(g gen) value { return v("00" + g.pick(alnum+"_-", 38) + g.pick(digits, 2)) },
		near: func(g gen) []string { return []string{"00" + g.pick(alnum, 20), "{your-okta-api-token}"} }},
	{name: "datadog", rule: "PW345", varName: "DD_API_KEY",
		make: func(g gen) value { return v(g.hex([]int{32, 40}[g.r.Intn(2)])) },
		near: func(g gen) []string { return []string{g.hex(31), "<DATADOG_API_KEY>", strings.Repeat("0", 32)} }},
	{name: "newrelic", rule: "PW346", varName: "NEW_RELIC_API_KEY",
		make: func(g gen) value {
			if g.r.Intn(2) == 0 {
				return v(g.hex(36) + "NRAL")
			}
			return v("NRAK-" + g.pick(upper+digits, 27))
		},
		near: func(g gen) []string {
			return []string{"NRAK-" + g.pick(upper+digits, 26), "NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX"}
		}},
	{name: "pagerduty", rule: "PW347", varName: "PAGERDUTY_API_TOKEN",
		make: func(g gen) value { return v(g.pick("uy", 1) + "+" + g.pick(alnum, 16) + g.pick(digits, 2)) },
		near: func(g gen) []string { return []string{"y_NbAkKc66ryYTWUXYEu"[:19], "your_pagerduty_token"} }},
	{name: "postman", rule: "PW348", varName: "POSTMAN_API_KEY",
		make: func(g gen) value { return v("PMAK-" + g.hex(24) + "-" + g.hex(34)) },
		near: func(g gen) []string {
			return []string{"PMAK-" + g.hex(24) + "-" + g.hex(33), "PMAK-xxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
		}},
	{name: "square", rule: "PW349", varName: "SQUARE_ACCESS_TOKEN",
		make: func(g gen) value {
			switch g.r.Intn(3) {
			case 0:
				return v("sq0csp-" + g.pick(b64url, 43))
			case 1:
				return v("sq0atp-" + g.pick(b64url, 22))
			}
			return v("EAAA" + g.pick(b64url, 60))
		},
		near: func(g gen) []string {
			return []string{"sq0atp-" + g.pick(b64url, 10), "EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
		}},
	{name: "braintree", rule: "PW350", varName: "BRAINTREE_ACCESS_TOKEN",
		make: func(g gen) value {
			return v("access_token$" + []string{"production", "sandbox"}[g.r.Intn(2)] + "$" + g.pick(lower+digits, 16) + "$" + g.hex(32))
		},
		near: func(g gen) []string {
			return []string{"access_token$production$" + g.pick(lower, 16) + "$" + g.hex(31), "access_token$sandbox$<merchant_id>$<key>"}
		}},
	{name: "mapbox", rule: "PW351", varName: "MAPBOX_SECRET_TOKEN",
		make: func(g gen) value {
			return v("sk." + b64u(fmt.Sprintf(`{"u":"%s","a":"%s"}`, g.pick(lower, 8), g.pick(alnum, 25))) + "." + g.pick(b64url, 22))
		},
		near: func(g gen) []string {
			return []string{"pk." + b64u(fmt.Sprintf(`{"u":"%s","a":"%s"}`, g.pick(lower, 8), g.pick(alnum, 25))) + "." + g.pick(b64url, 22), "sk.eyJ" + g.pick(alnum, 30) + "." + g.pick(alnum, 22)}
		}},
	{name: "algolia", rule: "PW352", varName: "ALGOLIA_ADMIN_KEY",
		make: func(g gen) value { return v(g.hex(32)) },
		near: func(g gen) []string { return []string{g.hex(31), "YourAdminAPIKey"} }},
	{name: "fcm", rule: "PW353", varName: "FCM_SERVER_KEY",
		make: func(g gen) value { return v("AAAA" + g.pick(b64url, 7) + ":APA91b" + g.pick(b64url, 134)) },
		near: func(g gen) []string {
			return []string{"AAAA" + g.pick(b64url, 7) + ":APA91b" + g.pick(b64url, 40), "AAAA<your-server-key>"}
		}},
	{name: "doppler", rule: "PW354", varName: "DOPPLER_TOKEN",
		make: func(g gen) value {
			return v([]string{"dp.pt.", "dp.st.prd.", "dp.st.dev.", "dp.sa.", "dp.ct."}[g.r.Intn(5)] + g.pick(alnum, 43))
		},
		near: func(g gen) []string {
			return []string{"dp.st." + g.pick(alnum, 20), "dp.pt.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
		}},
	{name: "linear", rule: "PW355", varName: "LINEAR_API_KEY",
		make: func(g gen) value { return v("lin_api_" + g.pick(alnum, 40)) },
		near: func(g gen) []string {
			return []string{"lin_api_" + g.pick(alnum, 39), "lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
		}},
	{name: "notion", rule: "PW356", varName: "NOTION_TOKEN",
		make: func(g gen) value {
			if g.r.Intn(3) == 0 {
				return v("secret_" + g.pick(alnum, 43))
			}
			return v("ntn_" + g.pick(digits, 11) + g.pick(alnum, 35))
		},
		near: func(g gen) []string {
			return []string{"ntn_your_internal_integration_token_here", "ntn_" + g.pick(digits, 11) + g.pick(alnum, 34)}
		}},
	{name: "airtable", rule: "PW357", varName: "AIRTABLE_TOKEN",
		make: func(g gen) value { return v("pat" + g.pick(alnum, 14) + "." + g.hex(64)) },
		near: func(g gen) []string {
			return []string{"pat" + g.pick(alnum, 14) + "." + g.hex(63), "patXXXXXXXXXXXXXX.xxxxxxxx"}
		}},
	{name: "age", rule: "PW358", varName: "SOPS_AGE_KEY",
		make: func(g gen) value { return v(g.ageKey()) },
		near: func(g gen) []string {
			return []string{breakChecksum(g.ageKey()), "AGE-SECRET-KEY-1" + strings.Repeat("Q", 58)}
		}},
	{name: "gcp-service-account", rule: "PW359", varName: "GOOGLE_CREDENTIALS",
		make: func(g gen) value {
			id := g.hex(40)
			key := strings.ReplaceAll(g.pem(), "RSA PRIVATE", "PRIVATE")
			return value{text: fmt.Sprintf(`{"type": "service_account", "project_id": "acme-%s", "private_key_id": "%s", "private_key": "%s", "client_email": "ci@acme.iam.gserviceaccount.com"}`,
				g.pick(lower, 5), id, strings.ReplaceAll(key, "\n", `\n`)), secret: id}
		},
		near: func(g gen) []string {
			return []string{`{"type": "service_account", "project_id": "demo", "private_key_id": "<key-id>", "private_key": "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n"}`,
				`{"type": "authorized_user", "client_id": "` + g.pick(digits, 12) + `.apps.googleusercontent.com"}`}
		},
		contexts: []string{"assign", "envblock", "json", "dict", "docstring"}},
}

// contexts are the places a value is written, and the file each makes.
// %[1]s is the variable's name, %[2]s its lower-case form, %[3]s the value.
var contexts = []struct{ name, ext, text string }{
	{"assign", "py", "class Settings:\n    %[1]s = \"%[3]s\"\n"},
	{"dict", "py", "SETTINGS = {\n    \"%[2]s\": \"%[3]s\",\n    \"timeout\": 30,\n}\n"},
	{"header", "py", "import requests\n\n%[1]s_HEADERS = {\"Authorization\": \"Bearer %[3]s\"}\nrequests.get(\"https://api.acme-corp.net/v1/me\", headers=%[1]s_HEADERS)\n"},
	{"comment", "py", "import os\n\n# %[1]s: %[3]s\nvalue = os.environ.get(\"%[1]s\")\n"},
	{"docstring", "py", "def connect():\n    \"\"\"Connect to the service.\n\n    For local runs set %[1]s=%[3]s before starting.\n    \"\"\"\n    return None\n"},
	{"envblock", "py", "ENV_FILE = \"\"\"\nDEBUG=1\n%[1]s=%[3]s\nLOG_LEVEL=info\n\"\"\"\n"},
	{"fstring", "py", "def header(user):\n    return f\"%[2]s=%[3]s;user={user}\"\n"},
	{"bytes", "py", "%[1]s = b\"%[3]s\"\n"},
	{"query", "py", "URL = \"https://api.acme-corp.net/v1/items?%[2]s=%[3]s&page=2\"\n"},
	{"kwarg", "py", "client = Client(%[2]s=\"%[3]s\", timeout=5)\n"},
	{"env", "env", "# service settings\n%[1]s=%[3]s\nPORT=8080\n"},
	{"yaml", "yaml", "service:\n  name: api\n  %[2]s: \"%[3]s\"\n"},
	{"json", "json", "{\n  \"name\": \"api\",\n  \"%[2]s\": \"%[3]s\"\n}\n"},
}

// escape writes a value inside the context's quotes: multi-line values
// keep their lines where the context allows (docstrings, .env blocks and
// comments), else the newlines are written \n.
func escape(ctx, val string) string {
	switch ctx {
	case "comment":
		return strings.ReplaceAll(val, "\n", "\n# ")
	case "docstring", "envblock":
		return strings.ReplaceAll(strings.ReplaceAll(val, `\n`, `\\n`), "\n", "\n    ")
	case "env":
		return strings.ReplaceAll(val, "\n", `\n`)
	}
	val = strings.ReplaceAll(val, `\`, `\\`)
	val = strings.ReplaceAll(val, `"`, `\"`)
	if ctx == "fstring" {
		val = strings.NewReplacer("{", "{{", "}", "}}").Replace(val)
	}
	return strings.ReplaceAll(val, "\n", `\n`)
}

// Generate makes the corpus: for every provider three true values, each in
// three contexts, and its near misses, each in one context.
func Generate(seed int64) []Sample {
	g := gen{rand.New(rand.NewSource(seed))}
	var out []Sample
	write := func(p provider, ctxName string, n int, val value, truth bool) {
		for _, c := range contexts {
			if c.name != ctxName {
				continue
			}
			kind := "false"
			if truth {
				kind = "true"
			}
			text := fmt.Sprintf(c.text, p.varName, strings.ToLower(p.varName), escape(c.name, val.text))
			path := fmt.Sprintf("%s/%s_%d_%s.%s", p.name, kind, n, c.name, c.ext)
			if c.ext == "env" {
				path = fmt.Sprintf("%s/%s_%d/.env", p.name, kind, n)
			}
			s := Sample{Provider: p.name, Rule: p.rule, Context: c.name, Path: path, Text: []byte(text), True: truth, value: val.text}
			if truth {
				s.Secret = val.secret
				if s.Secret == "" {
					s.Secret = val.text
				}
			}
			out = append(out, s)
		}
	}
	for pi, p := range providers {
		ctxs := p.contexts
		if ctxs == nil {
			for _, c := range contexts {
				ctxs = append(ctxs, c.name)
			}
		}
		n := 0
		for i := 0; i < 3; i++ {
			val := p.make(g)
			for k := 0; k < 3; k++ {
				write(p, ctxs[(pi+i*3+k)%len(ctxs)], n, val, true)
				n++
			}
		}
		// Near misses go where only their shape can tell them from a
		// credential: a header or a query string makes any random value
		// one, whatever its provider.
		var nearCtxs []string
		for _, c := range ctxs {
			if c != "header" && c != "query" {
				nearCtxs = append(nearCtxs, c)
			}
		}
		for i, near := range p.near(g) {
			write(p, nearCtxs[(pi+i)%len(nearCtxs)], n, value{text: near}, false)
			n++
		}
	}
	return out
}

// Seed is the corpus's default seed, which the tests and the bench use.
const Seed = 16

// Example returns one true value of a provider's format, for rule
// documentation examples.
func Example(name string, seed int64) string {
	g := gen{rand.New(rand.NewSource(seed))}
	for _, p := range providers {
		if p.name == name {
			return p.make(g).text
		}
	}
	return ""
}

// VarName is the variable name the corpus writes a provider's values to.
func VarName(provider string) string {
	for _, p := range providers {
		if p.name == provider {
			return p.varName
		}
	}
	return ""
}

// ValueOf is the value a sample writes (its whole text, as in a URL or a
// connection string, not only the secret in it).
func ValueOf(s Sample) string { return s.value }
