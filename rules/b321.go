package rules

func init() {
	Register(callRule(&Rule{
		ID: "B321", Name: "ftplib", Severity: High, CWE: 319,
		Message:        "FTP sends everything, passwords included, in clear text",
		Recommendation: "Use SFTP or FTPS (ftplib.FTP_TLS).",
		Help:           "Plain FTP has no encryption: credentials and files cross the network readable by anyone on the path.",
		Flagged: []string{
			"import ftplib\nftplib.FTP(host)\n",
		},
		Clean: []string{
			"import ftplib\nftplib.FTP_TLS(host)\n",
		},
	}, expand("ftplib.FTP")))
}
