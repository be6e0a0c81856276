package rules

func init() {
	Register(importRule(&Rule{
		ID: "B402", Name: "import_ftplib", Severity: High, Confidence: High, CWE: 319,
		Message:        "ftplib imported: FTP sends passwords in clear text",
		Recommendation: "Use SFTP, or FTPS through ftplib.FTP_TLS.",
		Help:           "Importing `ftplib` points at clear-text file transfer.",
		Flagged: []string{
			"import ftplib\n",
			"from ftplib import FTP_TLS\n",
		},
		Clean: []string{
			"import paramiko\n",
		},
	}, []string{"ftplib"}))
}
