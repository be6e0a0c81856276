package rules

import (
	"regexp"
	"strings"
)

// The secret formats pyward knows, as data: one row per format a provider
// issues. Each row names the rule that reports it, the literals a file
// must hold for the expression to run at all (the one-pass prefilter of
// secretHint), the expression whose group 1 is the secret, the structural
// check the issuer builds into the format, an entropy floor below which a
// match is a made-up string, and the documented example values that
// vendors print in their docs. Formats without a prefix of their own are
// found next to a keyword naming the provider (see kwRE).

// secretRule is one rule: a provider (or a family of providers).
type secretRule struct {
	id, name  string
	what      string // "an AWS access key ID", in the message
	sev, conf Level
	intro     string // what the credential grants
	flagged   string // a Python line the rule flags
	clean     string // a line it does not flag
}

// secretFormat is one format of a rule.
type secretFormat struct {
	rule     string   // the rule's ID
	format   string   // what the format is, for the help
	literals []string // the text must hold one of these, exactly
	hint     *hint    // the literals, numbered (see secretHint)
	re       *lazyRE  // group 1 is the secret
	// check, when set, is the structure the secret must have.
	check   func(string) bool
	checks  string  // what check verifies, for the help
	entropy float64 // the least Shannon entropy in bits per character
	ignore  []string
	// kw marks a format found by a keyword rather than by a prefix of
	// its own: the value must mix in digits, as generated keys do, so
	// that the words of a longer name are not taken for it.
	kw bool
}

// kwRE builds the expression of a format found by a keyword: the keyword
// (any case), up to 30 characters of a name (DD_API_KEY, "X-Api-Key",
// twilio_auth_token), an assignment, a colon, a comma or an opening call
// or quote, then the value.
func kwRE(kw, value string) *lazyRE {
	secretKeywords = append(secretKeywords, kw)
	return keywordFirst(`(?i:` + kw + `)[\w.\-\[\]'"( ]{0,30}?\s*(?:[:=,]|=>)?\s*(?:[\w.]+\()?\s*(?:[bfru]{0,2}['"])?(` + value + `)(?:[^A-Za-z0-9_\-]|$)`)
}

// keywordFirst is lazyRegexp for an expression that starts with its
// keyword: it is run on a window after each (see reportFormat), anchored
// at the window's start. Unanchored, package regexp tried every one of
// the window's 400 positions with its backtracker, once per keyword seen:
// 15% of a site-packages scan went there, finding only what the windows
// of later keywords find anyway.
func keywordFirst(src string) *lazyRE {
	re := lazyRegexp(`^(?:` + src + `)`)
	windowed[re] = true
	return re
}

// literalFirst is lazyRegexp for an expression every match of which
// starts with one of its format's literals, where the match may be
// longer than a window (a 1Password token) or package regexp finds no
// one literal to search for (an alternation of two prefixes): it is run
// anchored at each place of the literals (see placedMatches), instead of
// over the whole text, which for PW340 cost more than every other
// format together.
func literalFirst(src string) *lazyRE {
	re := lazyRegexp(`^(?:` + src + `)`)
	placed[re] = src
	return re
}

// placed are the expressions of literalFirst, with their source.
var placed = map[*lazyRE]string{}

// secretKeywords are the keywords of the formats found by one: a name
// holding one (DD_API_KEY, twilio_auth_token) is its provider's to judge,
// not the generic rule's (see claimedName).
var secretKeywords []string

// end is what must follow a token: not another character of it.
const end = `(?:[^A-Za-z0-9_\-]|$)`

var secretRules = []secretRule{
	{id: "PW301", name: "aws_access_key_id", what: "an AWS access key ID", sev: High, conf: High,
		intro:   "AWS access key IDs identify a key pair; next to its secret key they grant the account's permissions.",
		flagged: "AWS_ACCESS_KEY_ID = 'AKIAQ7RZN4TSVD2HKE6W'\n", clean: "AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'\n"},
	{id: "PW302", name: "aws_secret_access_key", what: "an AWS secret access key", sev: High, conf: Medium,
		intro:   "With its key ID, an AWS secret access key signs any request the account allows.",
		flagged: "aws_secret_access_key = 'Zt9fQw4Lr0Vx+Jm2Kp8Ns6Hd3Bc1Ye7Ua5Ig/Xo2'\n", clean: "aws_secret_access_key = os.environ['AWS_SECRET_ACCESS_KEY']\n"},
	{id: "PW303", name: "github_token", what: "a GitHub token", sev: High, conf: High,
		intro:   "GitHub tokens act as their owner on GitHub.",
		flagged: "TOKEN = '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'\n", clean: "TOKEN = 'ghp_R7xk2Lm9Qv4Tn8Wb3Yc6Zd1Fg5Hj0Ks2Pa9N'\n"},
	{id: "PW304", name: "gitlab_token", what: "a GitLab token", sev: High, conf: High,
		intro:   "GitLab tokens act on GitLab with their scopes.",
		flagged: "headers = {'PRIVATE-TOKEN': 'glpat-Xq7Lm2Rk9Vt4Wn8Bz3Yc'}\n", clean: "headers = {'PRIVATE-TOKEN': token}\n"},
	{id: "PW305", name: "slack_token", what: "a Slack token or webhook", sev: High, conf: High,
		intro:   "Slack tokens and webhooks post to and read from a workspace.",
		flagged: "SLACK = 'xoxb-2210435567-4471928810-Rk7Lm2Qv9Tn4Wb8Yc3Zd1Fg'\n", clean: "SLACK = os.environ['SLACK_BOT_TOKEN']\n"},
	{id: "PW306", name: "stripe_key", what: "a Stripe secret or restricted key", sev: High, conf: High,
		intro:   "Stripe secret and restricted keys move money and read customer data; test keys still expose the test account.",
		flagged: "stripe.api_key = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc9Wm2'\n", clean: "stripe.api_key = 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'\n"},
	{id: "PW307", name: "google_api_key", what: "a Google API key", sev: High, conf: Medium,
		intro:   "Google API keys (Firebase web keys among them) bill and authorise requests to the Google APIs enabled for their project.",
		flagged: "KEY = 'AIzaSyD4kR9xLm2Qv7Tn8Wb3Yc6Zd1Fg5Hj0Ks2'\n", clean: "KEY = settings.GOOGLE_API_KEY\n"},
	{id: "PW308", name: "openai_api_key", what: "an OpenAI API key", sev: High, conf: High,
		intro:   "OpenAI API keys spend the organisation's credit and read its data.",
		flagged: "openai.api_key = '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'\n", clean: "openai.api_key = os.getenv('OPENAI_API_KEY')\n"},
	{id: "PW309", name: "anthropic_api_key", what: "an Anthropic API key", sev: High, conf: High,
		intro:   "Anthropic API keys spend the organisation's credit.",
		flagged: "KEY = 'sk-ant-api03-Rk7Lm2Qv9Tn4Wb8Yc3ZdRk7Lm2Qv9Tn4Wb8Yc3ZdRk7Lm2Qv9Tn4Wb8Yc3ZdRk7Lm2Qv9Tn4Wb8Yc3ZdRk7Lm2Qv9Tn4Wb8Yc3ZdAA'\n", clean: "KEY = os.environ['ANTHROPIC_API_KEY']\n"},
	{id: "PW310", name: "private_key", what: "a private key", sev: High, conf: High,
		intro:   "A PEM private key (RSA, EC, DSA, OpenSSH, PGP) in the source: anyone with the code can sign, decrypt or log in as its owner. A header alone, as in a check that recognises keys, is not flagged.",
		flagged: "KEY = '''-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7Rk2Lm9Qv4Tn8Wb3Yc6Zd1Fg5Hj0Ks2Pa9NxQe4UxR7xk2Lm9Qv4Tn8Wb3Yc6Zd1Fg5\n-----END RSA PRIVATE KEY-----'''\n",
		clean:   "if text.startswith('-----BEGIN RSA PRIVATE KEY-----'):\n    kind = 'rsa'\n"},
	{id: "PW311", name: "jwt", what: "a signed JSON Web Token", sev: Medium, conf: Medium,
		intro:   "A JWT with a signature is a bearer credential until it expires; tokens in code are often long-lived service tokens.",
		flagged: "AUTH = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZXJ2aWNlLWJvdCIsInJvbGUiOiJhZG1pbiJ9.Rk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks2P'\n",
		clean:   "AUTH = 'Bearer ' + token\n"},
	{id: "PW320", name: "aws_bedrock_api_key", what: "an Amazon Bedrock API key", sev: High, conf: High,
		intro:   "Amazon Bedrock API keys are bearer tokens for Bedrock's model APIs, billed to the account.",
		flagged: "BEDROCK = 'ABSKQmVkcm9ja0FQSUtleS1xN3otYXQtMTIzNDk4NzY1NDMyOlpUOWZRdzRMcjBWeEptMktwOE5zNkhkM0JjMVllN1VhNUln'\n", clean: "BEDROCK = 'ABSKnotakey'\n"},
	{id: "PW321", name: "azure_storage_key", what: "an Azure storage account key", sev: High, conf: High,
		intro:   "An Azure storage account key reads, writes and deletes everything in the account.",
		flagged: "AZURE_STORAGE_CONNECTION_STRING = 'DefaultEndpointsProtocol=https;AccountName=icfbdkycyl;AccountKey=HrJwBLm5T21xb6TQwVsP0ViNYzC3PztSUWGPLMK/ameZSZB+IvuKIcvoFerkrB8TuS65+1ggZ1/aJ9qQhigX2w==;EndpointSuffix=core.windows.net'\n",
		clean:   "CONN = 'DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=' + key\n"},
	{id: "PW322", name: "azure_sas_token", what: "an Azure shared access signature", sev: High, conf: Medium,
		intro:   "A shared access signature grants what its fields say (sv, sp, se) on Azure storage to whoever holds the URL.",
		flagged: "AZURE_BLOB_SAS_URL = 'https://uxzjemlq.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2031-01-01T00:00:00Z&st=2025-01-01T00:00:00Z&spr=https&sig=gzX3wupGpmweOtvLHxZ27wJK04sPMFqzy3FpP5EQoGI%3D'\n",
		clean:   "URL = f'https://acct.blob.core.windows.net/c?sv=2022-11-02&sig={sig}'\n"},
	{id: "PW323", name: "azure_client_secret", what: "a Microsoft Entra client secret", sev: High, conf: High,
		intro:   "A Microsoft Entra ID (Azure AD) application's client secret signs in as the application.",
		flagged: "AZURE_CLIENT_SECRET = 'thg8Q~5Aj.hVgw80xcJs~ZqUNE9ADZ4LEkmvbGFZ'\n", clean: "CLIENT_SECRET = os.environ['AZURE_CLIENT_SECRET']\n"},
	{id: "PW324", name: "azure_devops_pat", what: "an Azure DevOps personal access token", sev: High, conf: Medium,
		intro:   "An Azure DevOps personal access token acts as its owner on the organisation's repositories, pipelines and boards.",
		flagged: "AZURE_DEVOPS_PAT = 'fUKBAzaUzlgsKpmp34DjXYqs85JoXp9DBcPTfbWYkzR9SoQmzvT9JQQJ99IhVE0vJCnCov9MdhOHAZDObuu4'\n", clean: "AZURE_DEVOPS_PAT = os.environ['AZURE_DEVOPS_PAT']\n"},
	{id: "PW325", name: "huggingface_token", what: "a Hugging Face token", sev: High, conf: High,
		intro:   "Hugging Face user and organisation tokens read private models and data sets and, with write scope, publish over them.",
		flagged: "HF_TOKEN = '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'\n", clean: "HF_TOKEN = 'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'\n"},
	{id: "PW326", name: "twilio_key", what: "a Twilio API key or auth token", sev: High, conf: Medium,
		intro:   "Twilio API keys and auth tokens send messages and place calls billed to the account.",
		flagged: "TWILIO_AUTH_TOKEN = '9f3a2c7e1b4d8065ae92c41f7b3d6e08'\n", clean: "TWILIO_AUTH_TOKEN = os.environ['TWILIO_AUTH_TOKEN']\n"},
	{id: "PW327", name: "sendgrid_api_key", what: "a SendGrid API key", sev: High, conf: High,
		intro:   "SendGrid API keys send mail as the account: phishing from a trusted domain.",
		flagged: "SENDGRID_API_KEY = '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'\n", clean: "SENDGRID = 'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'\n"},
	{id: "PW328", name: "pypi_token", what: "a PyPI upload token", sev: High, conf: High,
		intro:   "A PyPI API token uploads releases of the owner's projects: a supply-chain compromise for everyone who installs them.",
		flagged: "PYPI_TOKEN = 'pypi-AgEIcHlwaS5vcmcCOHsibm9uY2UiOiIwOTBhMWJjZDhiMmU1N2UxYTYyNjk3OWExNWY2MDAyZiIsInZlcnNpb24iOjF9AAI1eyJ2ZXJzaW9uIjoxLCJwZXJtaXNzaW9ucyI6eyJwcm9qZWN0cyI6WyJ1c3l3YmhxcCJdfX0AAAYgdcuFbD3Z28iK3lCogpQswG8qRV4wcQ-G-SAH-WAzn2o'\n", clean: "PYPI_TOKEN = 'pypi-AgEIcHlwaS5vcmcXXXX'\n"},
	{id: "PW329", name: "npm_token", what: "an npm access token", sev: High, conf: High,
		intro:   "An npm access token publishes the owner's packages: a supply-chain compromise.",
		flagged: "NPM_TOKEN = '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'\n", clean: "NPM_TOKEN = 'npm_R7xk2Lm9Qv4Tn8Wb3Yc6Zd1Fg5Hj0Ks2Pa9N'\n"},
	{id: "PW330", name: "databricks_token", what: "a Databricks personal access token", sev: High, conf: High,
		intro:   "A Databricks token runs jobs and reads every table its owner can.",
		flagged: "DATABRICKS_TOKEN = 'dapi9f3a2c7e1b4d8065ae92c41f7b3d6e08'\n", clean: "DATABRICKS_TOKEN = 'dapi0000000000000000000000000000000'\n"},
	{id: "PW331", name: "mailgun_key", what: "a Mailgun API key", sev: High, conf: Medium,
		intro:   "A Mailgun private API key sends mail from the account's domains.",
		flagged: "MAILGUN = 'key-9f3a2c7e1b4d8065ae92c41f7b3d6e08'\n", clean: "MAILGUN = 'key-' + suffix\n"},
	{id: "PW332", name: "heroku_api_key", what: "a Heroku API key", sev: High, conf: Medium,
		intro:   "A Heroku API key controls the owner's apps, their configuration (more secrets) and billing.",
		flagged: "HEROKU_API_KEY = '3f9a2c7e-1b4d-4065-ae92-c41f7b3d6e08'\n", clean: "HEROKU_API_KEY = os.environ['HEROKU_API_KEY']\n"},
	{id: "PW333", name: "shopify_token", what: "a Shopify access token or shared secret", sev: High, conf: High,
		intro:   "Shopify admin, custom-app and private-app tokens and shared secrets read and change a shop's orders and customers.",
		flagged: "SHOPIFY = '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'\n", clean: "SHOPIFY = 'shpat_' + token\n"},
	{id: "PW334", name: "digitalocean_token", what: "a DigitalOcean token", sev: High, conf: High,
		intro:   "DigitalOcean personal, OAuth and refresh tokens create and destroy the account's machines.",
		flagged: "DO_TOKEN = 'dop_v1_9f3a2c7e1b4d8065ae92c41f7b3d6e089f3a2c7e1b4d8065ae92c41f7b3d6e08'\n", clean: "DO_TOKEN = 'dop_v1_' + token\n"},
	{id: "PW335", name: "discord_token", what: "a Discord bot token or webhook", sev: High, conf: High,
		intro:   "A Discord bot token acts as the bot on every server it joined; a webhook URL posts to its channel.",
		flagged: "HOOK = 'https://discord.com/api/webhooks/112233445566778899/Rk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks2Pa9NxQe4UxRk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks'\n", clean: "HOOK = f'https://discord.com/api/webhooks/{hook_id}/{hook_token}'\n"},
	{id: "PW336", name: "telegram_bot_token", what: "a Telegram bot token", sev: High, conf: High,
		intro:   "A Telegram bot token controls the bot: it reads what users send it and posts as it.",
		flagged: "TELEGRAM_BOT_TOKEN = '8572345466:AAvTvSgxIifpXvwyqBHDrqlBf4K19r0z26o'\n", clean: "BOT = '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11'\n"},
	{id: "PW337", name: "sentry_token", what: "a Sentry auth token or DSN", sev: Medium, conf: High,
		intro:   "Sentry auth tokens read and change an organisation's projects and events; a DSN in server code lets anyone send events to the project.",
		flagged: "SENTRY_AUTH_TOKEN = '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'\n", clean: "SENTRY_AUTH_TOKEN = os.environ['SENTRY_AUTH_TOKEN']\n"},
	{id: "PW338", name: "cloudflare_token", what: "a Cloudflare API token or key", sev: High, conf: Medium,
		intro:   "Cloudflare API tokens and global keys change DNS, firewall and Workers of the account's zones.",
		flagged: "CLOUDFLARE_API_TOKEN = 'xpZqqaQWcBzL7AY7u5JAyIvtnmzKGvoikKYsGb23'\n", clean: "CLOUDFLARE_API_TOKEN = os.environ['CLOUDFLARE_API_TOKEN']\n"},
	{id: "PW339", name: "grafana_token", what: "a Grafana token", sev: High, conf: High,
		intro:   "Grafana Cloud access policy tokens and service account tokens read and change dashboards, data sources and the stack.",
		flagged: "GRAFANA = 'glsa_Rk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks2Pa_9f3a2c7e'\n", clean: "GRAFANA = 'glsa_' + token\n"},
	{id: "PW340", name: "onepassword_secret", what: "a 1Password service account token or secret key", sev: High, conf: High,
		intro:   "A 1Password service account token reads the vaults it was granted; an account's secret key is half of what unlocks it.",
		flagged: "OP_SECRET_KEY = 'A3-R7XK2L-M9QV4T-N8WB3-YC6ZD-1FG5H-J0KS2'\n", clean: "OP_SECRET_KEY = 'A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX'\n"},
	{id: "PW341", name: "vault_token", what: "a HashiCorp Vault token", sev: High, conf: High,
		intro:   "A Vault token reads the secrets its policies allow: often every other credential of the system.",
		flagged: "VAULT_TOKEN = 'hvs.CAESIRk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks2Pa9NxQe4UxRk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks2Pa9NxQe4UxRk7Lm2Qv9Tn4Wb8Yc3Zd'\n", clean: "VAULT_TOKEN = os.environ['VAULT_TOKEN']\n"},
	{id: "PW342", name: "terraform_cloud_token", what: "a Terraform Cloud token", sev: High, conf: High,
		intro:   "A Terraform Cloud / HCP Terraform token plans and applies infrastructure changes and reads state (with its secrets).",
		flagged: "TFC = 'Rk7Lm2Qv9Tn4Wb.atlasv1.Rk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks2Pa9NxQe4UxRk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks2'\n", clean: "TFC = os.environ['TFE_TOKEN']\n"},
	{id: "PW343", name: "atlassian_api_token", what: "an Atlassian API token", sev: High, conf: High,
		intro:   "An Atlassian API token acts as its owner in Jira, Confluence and Bitbucket Cloud.",
		flagged: "JIRA_API_TOKEN = 'ATATT3xFfGF0I-pe3-XU8s9l4DW-pDtKtKX-5_JhaeaD6lXFQNTOE8uK8APNO02Y8CnsElhflI6_PDXOL6B5iuGp0siqNeJxYNJBtnwXrg_BDo3cpZrjvqOI1FSzX3hucIJblN5wIv29s7T3b07U7Q4WBuBe6ihRNPPdzBjSRryy9fAf2bUwPPF=DAA44F4D'\n", clean: "JIRA_TOKEN = 'ATATT3xFfGF0' + rest\n"},
	{id: "PW344", name: "okta_api_token", what: "an Okta API token", sev: High, conf: Medium,
		intro:   "An Okta API token manages the organisation's users and sign-in policies as the admin who made it.",
		flagged: "OKTA_API_TOKEN = '00ZEkCbN27Weq9iiAq-8ZCuToW8bF3elIzdqMbEo40'\n", clean: "OKTA_API_TOKEN = os.environ['OKTA_API_TOKEN']\n"},
	{id: "PW345", name: "datadog_key", what: "a Datadog API or application key", sev: High, conf: Medium,
		intro:   "Datadog API keys submit data to the account; application keys read everything in it.",
		flagged: "DD_API_KEY = '9f3a2c7e1b4d8065ae92c41f7b3d6e08'\n", clean: "DD_API_KEY = os.environ['DD_API_KEY']\n"},
	{id: "PW346", name: "new_relic_key", what: "a New Relic key", sev: High, conf: High,
		intro:   "New Relic user, ingest and license keys query and send the account's telemetry.",
		flagged: "NEW_RELIC = 'NRAK-R7XK2LM9QV4TN8WB3YC6ZD1FG5H'\n", clean: "NEW_RELIC = 'NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX'\n"},
	{id: "PW347", name: "pagerduty_token", what: "a PagerDuty API token", sev: Medium, conf: Medium,
		intro:   "A PagerDuty API token reads and changes schedules, incidents and escalation policies.",
		flagged: "PAGERDUTY_TOKEN = 'u+Rk7Lm2Qv9Tn4Wb8Yc3'\n", clean: "PAGERDUTY_TOKEN = os.environ['PAGERDUTY_TOKEN']\n"},
	{id: "PW348", name: "postman_api_key", what: "a Postman API key", sev: High, conf: High,
		intro:   "A Postman API key reads the workspace's collections and environments, which hold more credentials.",
		flagged: "POSTMAN = 'PMAK-9f3a2c7e1b4d8065ae92c41f-9f3a2c7e1b4d8065ae92c41f7b3d6e0812'\n", clean: "POSTMAN = 'PMAK-' + key\n"},
	{id: "PW349", name: "square_token", what: "a Square access token or secret", sev: High, conf: High,
		intro:   "Square access tokens and application secrets take payments and read a seller's customers.",
		flagged: "SQUARE_ACCESS_TOKEN = 'sq0atp-x_9qnnT5Ja_Szc7f8lkrZz'\n", clean: "SQUARE = 'EAAA' + token\n"},
	{id: "PW350", name: "paypal_braintree_token", what: "a PayPal Braintree access token", sev: High, conf: High,
		intro:   "A Braintree access token takes payments and issues refunds for the merchant.",
		flagged: "BT = 'access_token$production$r7xk2lm9qv4tn8wb$9f3a2c7e1b4d8065ae92c41f7b3d6e08'\n", clean: "BT = 'access_token$production$' + merchant\n"},
	{id: "PW351", name: "mapbox_secret_token", what: "a Mapbox secret token", sev: High, conf: High,
		intro:   "A Mapbox secret token (sk.) manages the account's styles, data sets and tokens; public tokens (pk.) are meant for browsers and are not flagged.",
		flagged: "MAPBOX = 'sk.eyJ1IjoibXR1b3ByZXYiLCJhIjoiU0xNSXhyYWw0b2M4ZmZkU0xkRnNrV0ducSJ9.CCeXjMPze5WLA2RvkEV1Oj'\n", clean: "MAPBOX = 'pk.eyJ1IjoiYWNtZSIsImEiOiJjazEyMyJ9.Rk7Lm2Qv9Tn4Wb8Yc3Zd1F'\n"},
	{id: "PW352", name: "algolia_admin_key", what: "an Algolia admin API key", sev: High, conf: Medium,
		intro:   "An Algolia admin key changes and deletes the application's indices and creates keys.",
		flagged: "ALGOLIA_ADMIN_KEY = '9f3a2c7e1b4d8065ae92c41f7b3d6e08'\n", clean: "ALGOLIA_ADMIN_KEY = os.environ['ALGOLIA_ADMIN_KEY']\n"},
	{id: "PW353", name: "fcm_server_key", what: "a Firebase Cloud Messaging server key", sev: High, conf: High,
		intro:   "A Firebase Cloud Messaging server key sends push notifications to every user of the app.",
		flagged: "FCM = 'AAAAWvWwXhi:APA91bTuhYEbdkXQ6oM9tPwH5Fs0G2V-CCeXjMPze5WLA2RvkEV1OjPM6IuuDzU0dhRDxdTmwNSzQm-A_QcoQucCuTbydJMvHaJU1S41ZkI0GKEBNdDWZhfjNWGTI6dJ0qx_G5qHtllE'\n", clean: "FCM = 'AAAA' + key\n"},
	{id: "PW354", name: "doppler_token", what: "a Doppler token", sev: High, conf: High,
		intro:   "A Doppler token reads the secrets of the projects and configs it is scoped to.",
		flagged: "DOPPLER_TOKEN = 'dp.st.prd.Rk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks2Pa9NxQe4UxRk7L'\n", clean: "DOPPLER_TOKEN = os.environ['DOPPLER_TOKEN']\n"},
	{id: "PW355", name: "linear_api_key", what: "a Linear API key", sev: Medium, conf: High,
		intro:   "A Linear API key reads and changes the workspace's issues as its owner.",
		flagged: "LINEAR = 'lin_api_Rk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks2Pa9NxQe4Ux'\n", clean: "LINEAR = 'lin_api_' + key\n"},
	{id: "PW356", name: "notion_token", what: "a Notion integration token", sev: Medium, conf: High,
		intro:   "A Notion integration token reads and edits every page shared with the integration.",
		flagged: "NOTION_TOKEN = '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'\n", clean: "NOTION_TOKEN = 'ntn_your_internal_integration_token_here'\n"},
	{id: "PW357", name: "airtable_token", what: "an Airtable personal access token", sev: Medium, conf: High,
		intro:   "An Airtable personal access token reads and edits the bases it was granted.",
		flagged: "AIRTABLE = 'patRk7Lm2Qv9Tn4Wb.9f3a2c7e1b4d8065ae92c41f7b3d6e089f3a2c7e1b4d8065ae92c41f7b3d6e08'\n", clean: "AIRTABLE = 'pat' + token\n"},
	{id: "PW358", name: "age_secret_key", what: "an age secret key", sev: High, conf: High,
		intro:   "An age secret key decrypts every file encrypted to its public key (SOPS files among them).",
		flagged: "AGE = 'AGE-SECRET-KEY-1SHA7W2MQVS5FQP99X8UK0ZVD75CEACPFJT7ASSPPLFG9YS6T7MHQFSV9XN'\n", clean: "AGE = 'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ'\n"},
	{id: "PW359", name: "gcp_service_account", what: "a Google Cloud service account key", sev: High, conf: High,
		intro:   "A Google Cloud service account key file signs in as the service account with all its roles; its private key is reported by PW310 too.",
		flagged: "SA = {\"type\": \"service_account\", \"private_key_id\": \"9f3a2c7e1b4d8065ae92c41f7b3d6e089f3a2c7e\"}\n", clean: "SA = {\"type\": \"service_account\", \"private_key_id\": key_id}\n"},
}

// awsDocs are AWS's documentation examples of keys.
var awsDocs = []string{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}

var secretFormats = []secretFormat{
	{rule: "PW301", format: "access key IDs (AKIA…, ASIA…, ABIA…, ACCA…)", literals: []string{"AKIA", "ASIA", "ABIA", "ACCA", "A3T"},
		re: lazyRegexp(`((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})\b`), checks: "the base-32 alphabet AWS uses", entropy: 2.5, ignore: awsDocs},
	{rule: "PW302", format: "40-character secret access keys next to a name that says AWS and secret or key", literals: []string{"aws", "AWS", "Aws"},
		re: keywordFirst(`(?i)aws.{0,24}?(?:secret|private|key).{0,24}?['"=:\s]([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)`), entropy: 3.5, ignore: awsDocs, kw: true},
	{rule: "PW303", format: "personal, OAuth, user-to-server, server-to-server and refresh tokens (ghp_, gho_, ghu_, ghs_, ghr_)", literals: []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_"},
		re: lazyRegexp(`(gh[pousr]_[A-Za-z0-9]{36})\b`), check: afterPrefix(4, base62Checksum), checks: "the CRC-32 checksum GitHub puts in the last six characters", entropy: 3.5},
	{rule: "PW303", format: "fine-grained personal access tokens (github_pat_)", literals: []string{"github_pat_"},
		re: lazyRegexp(`(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b`), checks: "22 characters, an underscore and 59 more", entropy: 4},
	{rule: "PW304", format: "personal, pipeline trigger, deploy, runner, CI job, feed, incoming mail, agent, OAuth application, SCIM and feature flag tokens (glpat-, glptt-, gldt-, glrt-, glcbt-, glft-, glimt-, glagent-, gloas-, glsoat-, glffct-)",
		literals: []string{"glpat-", "glptt-", "gldt-", "glrt-", "glcbt-", "glft-", "glimt-", "glagent-", "gloas-", "glsoat-", "glffct-"},
		re:       lazyRegexp(`(gl(?:pat|ptt|dt|rt|cbt|ft|imt|agent|oas|soat|ffct)-[A-Za-z0-9_\-.]{20,})` + end), entropy: 3.2},
	{rule: "PW304", format: "runner registration tokens (GR1348941)", literals: []string{"GR1348941"},
		re: lazyRegexp(`(GR1348941[A-Za-z0-9_\-]{20,})` + end), entropy: 3.2},
	{rule: "PW305", format: "bot, user, app-level, configuration and refresh tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-, xoxe.xoxp-, xapp-)", literals: []string{"xox", "xapp-"},
		re:     lazyRegexp(`((?:xoxe\.)?xox[bparse]-(?:\d+-)+[A-Za-z0-9]{20,64}|xoxe-\d-[A-Za-z0-9]{40,}|xapp-\d-[A-Z0-9]{8,}-\d{8,}-[a-f0-9]{32,64})` + end),
		checks: "the shape Slack gives each kind: numeric workspace and user parts, then the random part", entropy: 3},
	{rule: "PW305", format: "incoming webhooks and workflow or trigger webhooks (hooks.slack.com/services/, /workflows/, /triggers/)", literals: []string{"hooks.slack.com"},
		re: lazyRegexp(`(https://hooks\.slack\.com/(?:services/T[A-Z0-9_]{6,}/B[A-Z0-9_]{6,}/[A-Za-z0-9_]{16,}|(?:workflows|triggers)/T[A-Z0-9_]{6,}/A[A-Z0-9_]{6,}/\d{6,}/[A-Za-z0-9_]{16,}))`), entropy: 3},
	{rule: "PW306", format: "secret and restricted keys (sk_live_, rk_live_, sk_test_ …)", literals: []string{"k_live_", "k_test_", "k_prod_"},
		re: lazyRegexp(`((?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{20,})\b`), entropy: 3.2,
		ignore: []string{"sk_test_4eC39HqLyjWDarjtT1zdp7dc", "sk_test_BQokikJOvBiI2HlWgH4olfQ2"}},
	{rule: "PW307", format: "API keys (AIza and 35 characters, which may end in - or _)", literals: []string{"AIza"},
		re: lazyRegexp(`(AIza[0-9A-Za-z_\-]{35})` + end), entropy: 3.5},
	{rule: "PW308", format: "API keys (sk-…T3BlbkFJ…, sk-proj-…, sk-svcacct-…, sk-admin-…)", literals: []string{"sk-"},
		re: lazyRegexp(`(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{16,}T3BlbkFJ[A-Za-z0-9_\-]{16,}|sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{80,})`), checks: "the T3BlbkFJ marker (base64 of \"OpenAI\") or the project key length", entropy: 3.5},
	{rule: "PW309", format: "API and admin keys (sk-ant-api03-…, sk-ant-admin01-…)", literals: []string{"sk-ant-"},
		re: lazyRegexp(`(sk-ant-(?:api|admin|oat|ort)\d\d-[A-Za-z0-9_\-]{80,})`), entropy: 3.5},
	{rule: "PW310", format: "PEM private keys, also pasted in comments (each line behind # or //)", literals: []string{"PRIVATE KEY"},
		re:     lazyRegexp(`(-----BEGIN[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----[^\n]{0,80}?(?:\\n|\s)+(?:(?:#|//|;|\*)[ \t]*)?(?:[A-Za-z0-9+/=:,\- ]+(?:\\n|\s)+(?:(?:#|//|;|\*)[ \t]*)?){0,4}[A-Za-z0-9+/=]{64})`),
		checks: "a base64 body of at least 64 characters after the header", entropy: 3.5},
	{rule: "PW311", format: "JSON Web Tokens (eyJ….eyJ….signature)", literals: []string{"eyJ"},
		re: lazyRegexp(`(eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{16,})`), check: jwtShape,
		checks: "the header decodes to a JSON object naming an algorithm and the payload to a JSON object", entropy: 3,
		ignore: []string{"SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"}},
	{rule: "PW311", format: "JWTs wrapped in base64 (ZXlK…)", literals: []string{"ZXlK"},
		re: lazyRegexp(`(ZXlK[A-Za-z0-9+/]{60,}={0,2})`), check: b64JWT, checks: "it decodes to a JWT whose header and payload decode", entropy: 3},
	{rule: "PW320", format: "long-term keys (ABSK…) and short-term keys (bedrock-api-key-…)", literals: []string{"ABSK", "bedrock-api-key-"},
		re: lazyRegexp(`(ABSK[A-Za-z0-9+/]{60,}={0,2}|bedrock-api-key-[A-Za-z0-9+/]{80,}={0,2})`),
		check: func(s string) bool {
			return b64Prefix(4, "BedrockAPIKey-")(s) || b64Prefix(16, "bedrock.amazonaws.com")(s)
		},
		checks: "the body decodes to the IAM user name BedrockAPIKey-… or to a presigned bedrock.amazonaws.com URL", entropy: 3.5},
	{rule: "PW321", format: "storage account keys in connection strings (AccountKey=…)", literals: []string{"AccountKey=", "accountkey=", "ACCOUNTKEY="},
		re: keywordFirst(`(?i:AccountKey)=([A-Za-z0-9+/]{86}==)`), check: b64Len(64), checks: "the key decodes to 64 bytes", entropy: 4,
		ignore: []string{"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="}, kw: true},
	{rule: "PW322", format: "shared access signatures (sv=…&…sig=…)", literals: []string{"sig="},
		re:     lazyRegexp(`\bsv=\d{4}-\d\d-\d\d[^\s'"]{0,300}?[&;]sig=([A-Za-z0-9%+/]{40,}(?:%3[Dd]|=){0,2})`),
		checks: "a service version (sv=) before the signature, which decodes to a 32-byte HMAC", entropy: 3.5,
		check: func(s string) bool { return sasSig(s) }, kw: true},
	{rule: "PW323", format: "client secrets (three characters, a digit, Q~ and 31 to 34 more)", literals: []string{"Q~"},
		re: lazyRegexp(`(?:^|[^A-Za-z0-9_~.\-])([A-Za-z0-9_~.\-]{3}\dQ~[A-Za-z0-9_~.\-]{31,34})` + `(?:[^A-Za-z0-9_~.\-]|$)`), entropy: 3.8},
	{rule: "PW324", format: "84-character tokens carrying the AZDO signature", literals: []string{"AZDO"},
		re: lazyRegexp(`([A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})\b`), check: hasAt(76, "AZDO"), checks: "AZDO at characters 77 to 80", entropy: 4},
	{rule: "PW324", format: "52-character base-32 tokens next to a name that says Azure DevOps, ADO or VSTS", literals: []string{"devops", "DEVOPS", "DevOps", "ado_", "ADO_", "vsts", "VSTS", "dev.azure.com"},
		re: kwRE(`devops|ado_|vsts|dev\.azure\.com`, `[a-z2-7]{52}`), entropy: 3.8, kw: true},
	{rule: "PW325", format: "user and organisation tokens (hf_ and 34 letters, api_org_ and 34)", literals: []string{"hf_", "api_org_"},
		re: lazyRegexp(`((?:hf_|api_org_)[A-Za-z]{34})\b`), entropy: 3.8},
	{rule: "PW326", format: "API key SIDs with their secret (SK and 32 hexadecimal digits)", literals: []string{"SK"},
		re: lazyRegexp(`(SK[0-9a-f]{32})\b`), entropy: 3.2},
	{rule: "PW326", format: "auth tokens (32 hexadecimal digits next to a name that says Twilio)", literals: []string{"twilio", "Twilio", "TWILIO"},
		re: kwRE(`twilio`, `[0-9a-f]{32}`), entropy: 3.2, kw: true},
	{rule: "PW327", format: "API keys (SG., 22 characters, a dot, 43 characters)", literals: []string{"SG."},
		re: lazyRegexp(`(SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})` + end), entropy: 4},
	{rule: "PW328", format: "upload tokens (pypi-AgEIcHlwaS5vcmc…, pypi-AgENdGVzdC5weXBpLm9yZw… for TestPyPI)", literals: []string{"pypi-AgE"},
		re: lazyRegexp(`(pypi-AgE[A-Za-z0-9_\-]{50,})` + end), check: afterPrefix(5, macaroon),
		checks: "the body is a version 2 macaroon located at pypi.org or test.pypi.org ending in a 32-byte signature", entropy: 4},
	{rule: "PW329", format: "access tokens (npm_ and 36 characters)", literals: []string{"npm_"},
		re: lazyRegexp(`(npm_[A-Za-z0-9]{36})\b`), check: afterPrefix(4, base62Checksum), checks: "the CRC-32 checksum in the last six characters", entropy: 3.5},
	{rule: "PW330", format: "personal access tokens (dapi and 32 hexadecimal digits)", literals: []string{"dapi"},
		re: lazyRegexp(`(dapi[0-9a-f]{32}(?:-\d)?)\b`), entropy: 3.2},
	{rule: "PW331", format: "private API keys (key- and 32 hexadecimal digits)", literals: []string{"key-"},
		re: lazyRegexp(`(key-[0-9a-f]{32})\b`), entropy: 3.2},
	{rule: "PW331", format: "API keys (32 hex, -, 8 hex, -, 8 hex) next to a name that says Mailgun", literals: []string{"mailgun", "Mailgun", "MAILGUN"},
		re: kwRE(`mailgun`, `[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}`), entropy: 3.2, kw: true},
	{rule: "PW332", format: "API keys (HRKU- keys, or a UUID next to a name that says Heroku)", literals: []string{"HRKU-", "heroku", "Heroku", "HEROKU"},
		re: keywordFirst(`(HRKU-[A-Za-z0-9_\-]{50,})` + end + `|(?i:heroku)[\w.\-\[\]'"( ]{0,30}?\s*(?:[:=,])?\s*(?:[bfru]{0,2}['"])?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b`), entropy: 3, kw: true},
	{rule: "PW333", format: "admin, custom-app, private-app tokens and shared secrets (shpat_, shpca_, shppa_, shpss_ and 32 hexadecimal digits)", literals: []string{"shpat_", "shpca_", "shppa_", "shpss_"},
		re: lazyRegexp(`(shp(?:at|ca|pa|ss)_[0-9a-fA-F]{32})\b`), entropy: 3.2},
	{rule: "PW334", format: "personal, OAuth and refresh tokens (dop_v1_, doo_v1_, dor_v1_ and 64 hexadecimal digits)", literals: []string{"dop_v1_", "doo_v1_", "dor_v1_"},
		re: lazyRegexp(`(do[por]_v1_[0-9a-f]{64})\b`), entropy: 3.2},
	{rule: "PW335", format: "bot tokens (the bot's ID in base64, a dot, a timestamp, a dot, an HMAC)", literals: []string{"discord", "Discord", "DISCORD"},
		re: lazyRegexp(`([MNO][A-Za-z0-9_\-]{23,27}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,40})` + end), check: func(s string) bool { return digitsB64(s[:strings.IndexByte(s, '.')]) },
		checks: "the first part decodes to a numeric Discord ID", entropy: 4, kw: true},
	{rule: "PW335", format: "webhooks (discord.com/api/webhooks/ID/token)", literals: []string{"discord.com/api/webhooks/", "discordapp.com/api/webhooks/"},
		re: lazyRegexp(`(https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[A-Za-z0-9_\-]{60,68})`), entropy: 3.5},
	{rule: "PW336", format: "bot tokens (the bot's numeric ID, a colon, AA and 33 characters)", literals: []string{":AA"},
		re: lazyRegexp(`(\d{8,10}:AA[A-Za-z0-9_\-]{33})` + end), entropy: 3.5,
		ignore: []string{"123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"}},
	{rule: "PW337", format: "user and organisation auth tokens (sntryu_ and 64 hexadecimal digits; sntrys_ with its base64 JSON claims)", literals: []string{"sntryu_", "sntrys_"},
		re:    lazyRegexp(`(sntryu_[0-9a-f]{64}|sntrys_eyJ[A-Za-z0-9+/=]{40,}_[A-Za-z0-9+/]{40,})` + end),
		check: func(s string) bool { return s[:7] == "sntryu_" || middleJSON('_')(s[1:]) }, checks: "an organisation token's claims decode to JSON", entropy: 3.2},
	{rule: "PW337", format: "DSNs with a secret key (https://public:secret@…sentry.io/…) in server code", literals: []string{"sentry.io"},
		re: lazyRegexp(`https://[0-9a-f]{32}:([0-9a-f]{32})@[A-Za-z0-9.\-]*sentry\.io/\d+`), entropy: 3.2},
	{rule: "PW338", format: "API tokens (40 characters) and global API keys (37 hexadecimal digits) next to a name that says Cloudflare or CF_API; origin CA keys (v1.0-…)", literals: []string{"cloudflare", "Cloudflare", "CLOUDFLARE", "CF_API", "cf_api", "v1.0-"},
		re:      keywordFirst(`(?i:cloudflare|cf_api)[\w.\-\[\]'"( ]{0,30}?\s*(?:[:=,])?\s*(?:[bfru]{0,2}['"])?([A-Za-z0-9_\-]{40}|[0-9a-f]{37})(?:[^A-Za-z0-9_\-]|$)|\b(v1\.0-[0-9a-f]{24}-[0-9a-f]{146})\b`),
		entropy: 3.5, kw: true},
	{rule: "PW339", format: "Cloud access policy tokens (glc_ and base64 JSON) and service account tokens (glsa_, 32 characters, _, 8 hexadecimal digits)", literals: []string{"glc_", "glsa_"},
		re:    lazyRegexp(`(glc_eyJ[A-Za-z0-9+/=_\-]{40,}|glsa_[A-Za-z0-9]{32}_[0-9a-f]{8})` + end),
		check: func(s string) bool { return strings.HasPrefix(s, "glsa_") || b64JSON(s[4:]) }, checks: "an access policy token's body decodes to JSON", entropy: 3.5},
	{rule: "PW340", format: "service account tokens (ops_ and base64 JSON) and account secret keys (A3-…)", literals: []string{"ops_", "A3-"},
		re:    literalFirst(`(ops_eyJ[A-Za-z0-9+/=_\-]{100,}|A3-[A-Z0-9]{6}-[A-Z0-9]{6}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})` + end),
		check: func(s string) bool { return strings.HasPrefix(s, "A3-") || b64JSON(s[4:]) }, checks: "a service account token's body decodes to JSON", entropy: 3},
	{rule: "PW341", format: "service, batch and recovery tokens (hvs., hvb., hvr.)", literals: []string{"hvs.", "hvb.", "hvr."},
		re: lazyRegexp(`(hv[sbr]\.[A-Za-z0-9_\-]{90,})` + end), entropy: 4},
	{rule: "PW342", format: "user, team and organisation tokens (14 characters, .atlasv1., 60 to 70 more)", literals: []string{".atlasv1."},
		re: lazyRegexp(`([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_\-]{60,70})` + end), entropy: 4},
	{rule: "PW343", format: "API tokens (ATATT3 and 186 characters, ending in an 8-digit hexadecimal checksum)", literals: []string{"ATATT3"},
		re: lazyRegexp(`(ATATT3[A-Za-z0-9_\-=]{178}[0-9A-Fa-f]{8})` + end), entropy: 4},
	{rule: "PW344", format: "API tokens (00 and 40 characters next to a name that says Okta)", literals: []string{"okta", "Okta", "OKTA"},
		re: kwRE(`okta`, `00[A-Za-z0-9_\-]{40}`), entropy: 4, kw: true},
	{rule: "PW345", format: "API keys (32 hexadecimal digits) and application keys (40) next to a name that says Datadog or DD_API/DD_APP", literals: []string{"datadog", "Datadog", "DATADOG", "DD_API", "DD_APP", "dd_api", "dd_app", "DD-API", "DD-APP", "dd-api", "dd-app"},
		re: kwRE(`datadog|dd[_-](?:api|app)`, `[0-9a-f]{40}|[0-9a-f]{32}`), entropy: 3.2, kw: true},
	{rule: "PW346", format: "user, insert, browser and admin keys (NRAK-, NRII-, NRJS-, NRAA- …) and license keys (40 characters ending NRAL)", literals: []string{"NRAK-", "NRII-", "NRJS-", "NRAA-", "NRRA-", "NRSP-", "NRAL"},
		re: lazyRegexp(`(NR(?:AK|AA|RA|SP)-[A-Z0-9]{27}|NRII-[A-Za-z0-9_\-]{32}|NRJS-[a-f0-9]{19}|[a-f0-9]{36}NRAL)\b`), entropy: 3.2},
	{rule: "PW347", format: "API tokens (20 characters next to a name that says PagerDuty)", literals: []string{"pagerduty", "PagerDuty", "PAGERDUTY", "Pagerduty"},
		re: kwRE(`pagerduty`, `[A-Za-z0-9_+\-]{20}`), entropy: 3.5, kw: true},
	{rule: "PW348", format: "API keys (PMAK-, 24 hexadecimal digits, -, 34)", literals: []string{"PMAK-"},
		re: lazyRegexp(`(PMAK-[0-9a-f]{24}-[0-9a-f]{34})\b`), entropy: 3.2},
	{rule: "PW349", format: "access tokens (sq0atp-, EAAA…) and application secrets (sq0csp-)", literals: []string{"sq0atp-", "sq0csp-", "EAAA"},
		re: lazyRegexp(`(sq0atp-[A-Za-z0-9_\-]{22}|sq0csp-[A-Za-z0-9_\-]{43}|EAAA[A-Za-z0-9_\-]{60})` + end), entropy: 3.8},
	{rule: "PW350", format: "access tokens (access_token$production$ or $sandbox$, the merchant ID, $, 32 hexadecimal digits)", literals: []string{"access_token$"},
		re: lazyRegexp(`(access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})\b`), entropy: 3.2},
	{rule: "PW351", format: "secret tokens (sk.eyJ…)", literals: []string{"sk.eyJ", "pk.eyJ"},
		re: lazyRegexp(`(sk\.eyJ[A-Za-z0-9_\-]{20,}\.[A-Za-z0-9_\-]{20,})` + end), check: middleJSON('.'), checks: "the middle part decodes to JSON", entropy: 4},
	{rule: "PW352", format: "admin and write keys (32 hexadecimal digits next to a name that says Algolia)", literals: []string{"algolia", "Algolia", "ALGOLIA"},
		re: kwRE(`algolia`, `[0-9a-f]{32}`), entropy: 3.2, kw: true},
	{rule: "PW353", format: "legacy server keys (AAAA, 7 characters, :APA91b and 134 more)", literals: []string{":APA91b"},
		re: lazyRegexp(`(AAAA[A-Za-z0-9_\-]{7}:APA91b[A-Za-z0-9_\-]{134})` + end), entropy: 4},
	{rule: "PW354", format: "personal, service, CLI, SCIM, audit and service account tokens (dp.pt., dp.st., dp.ct., dp.scim., dp.audit., dp.sa.)", literals: []string{"dp.pt.", "dp.st.", "dp.ct.", "dp.scim.", "dp.audit.", "dp.sa."},
		re: lazyRegexp(`(dp\.(?:pt|st|ct|scim|audit|sa)\.(?:[a-z0-9_\-]{2,35}\.)?[A-Za-z0-9]{40,44})\b`), entropy: 4},
	{rule: "PW355", format: "API keys (lin_api_ and 40 characters) and OAuth tokens (lin_oauth_ and 64 hexadecimal digits)", literals: []string{"lin_api_", "lin_oauth_"},
		re: lazyRegexp(`(lin_api_[A-Za-z0-9]{40}|lin_oauth_[0-9a-f]{64})\b`), entropy: 4},
	{rule: "PW356", format: "integration tokens (ntn_, 11 digits, 35 characters)", literals: []string{"ntn_"},
		re: lazyRegexp(`(ntn_\d{11}[A-Za-z0-9]{35})\b`), entropy: 4, kw: true},
	{rule: "PW356", format: "legacy integration tokens (secret_ and 43 characters next to a name that says Notion)", literals: []string{"notion", "Notion", "NOTION"},
		re: kwRE(`notion`, `secret_[A-Za-z0-9]{43}`), entropy: 4, kw: true},
	{rule: "PW357", format: "personal access tokens (pat, 14 characters, a dot, 64 hexadecimal digits)", literals: []string{"pat"},
		re: literalFirst(`(pat[A-Za-z0-9]{14}\.[0-9a-f]{64})\b`), entropy: 3.5},
	{rule: "PW358", format: "secret keys (AGE-SECRET-KEY-1 and 58 bech32 characters)", literals: []string{"AGE-SECRET-KEY-1"},
		re: lazyRegexp(`(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b`), check: bech32Valid, checks: "the bech32 checksum", entropy: 3.5},
	{rule: "PW359", format: "service account key files (\"type\": \"service_account\" with a private_key_id)", literals: []string{"service_account"},
		re:     lazyRegexp(`(?s)service_account\\?["']?.{0,300}?private_key_id\\?["']?\s*[:=]\s*\\?["']([0-9a-f]{40})\\?["']`),
		checks: "the key file's type and its 40-digit key ID", entropy: 3, kw: true},
}

// sasSig checks that a SAS signature (URL-encoded base64) decodes to the
// 32 bytes of an HMAC-SHA256.
func sasSig(s string) bool {
	s = strings.NewReplacer("%2B", "+", "%2b", "+", "%2F", "/", "%2f", "/", "%3D", "=", "%3d", "=").Replace(s)
	b, ok := decodeB64(s)
	return ok && len(b) == 32
}

// The keywords of the formats whose expression names them inline.
func init() {
	secretKeywords = append(secretKeywords, "heroku", "cloudflare|cf_api", "notion", "discord")
}

// claimedName reports whether a name says which provider's key it holds
// (DD_API_KEY, TWILIO_AUTH_TOKEN): that provider's format decides, so a
// value one character short of it is not flagged by the generic rule.
func claimedName(name string) bool {
	claimedNameRE.once.Do(func() {
		claimedNameRE.re = regexp.MustCompile(`(?i)` + strings.Join(secretKeywords, "|"))
	})
	return claimedNameRE.re.MatchString(name)
}

var claimedNameRE lazyRE

// claimedValue reports whether a value announces a provider's format: it
// starts with a prefix of one (ghp_, npm_, pypi-AgE…), or holds a marker
// of one (Q~, .atlasv1., :APA91b). Such a value is a secret when the
// format's checks say so; the generic rules leave it to them, so that a
// broken checksum or a length one off is not reported after all.
func claimedValue(v string) bool {
	for i := range secretFormats {
		f := &secretFormats[i]
		for _, ig := range f.ignore {
			if strings.Contains(v, ig) {
				return true
			}
		}
		if f.kw {
			continue
		}
		for _, l := range f.literals {
			if len(l) >= 3 && strings.HasPrefix(v, l) || len(l) >= 2 && strings.ContainsAny(l, "~:.$_") && strings.Contains(v, l) {
				return true
			}
		}
	}
	return false
}
