package main

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/pyward/pyward/internal/gittest"
)

// TestStagedConfigFilesAreJudged: a pre-commit gate that never looks at a
// staged .env is not one. The staged blob of .env and of a YAML file is
// judged by the secret rules (the working tree copy does not count), a
// blocked verdict fails the commit, and `secrets: {enabled: false}` turns
// it off.
func TestStagedConfigFilesAreJudged(t *testing.T) {
	dir := gittest.New(t, map[string]string{"app.py": safePy})
	gittest.Write(t, dir, ".env", "NPM_TOKEN=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\n")
	gittest.Write(t, dir, "deploy/values.yaml", "db:\n  url: postgresql://app:Zt9fQw4Lr0Vx@db:5432/app\n")
	gittest.Write(t, dir, "notes.txt", "NPM_TOKEN=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\n")
	gittest.Run(t, dir, "add", "-A")
	// The working tree's .env no longer holds the token: the blob decides.
	gittest.Write(t, dir, ".env", "NPM_TOKEN=${NPM_TOKEN}\n")
	out, _, code := inRepo(t, dir, "scan", "--staged", "--format", "json")
	s := parseScan(t, out)
	got := strings.Join(s.findings(), " ")
	if code != 1 || !strings.Contains(got, ".env:1:PW329") || !strings.Contains(got, "deploy/values.yaml:2:PW313") || strings.Contains(got, "notes.txt") {
		t.Errorf("exit %d, findings %s; want PW329 in .env and PW313 in deploy/values.yaml, nothing in notes.txt", code, got)
	}
	if strings.Contains(out, "U9aIh3cNSLMIxral") || strings.Contains(out, "Zt9fQw4Lr0Vx") {
		t.Errorf("the report shows a secret:\n%s", out)
	}
	gittest.Write(t, dir, ".pyward.yaml", "secrets:\n  enabled: false\n")
	out, _, code = inRepo(t, dir, "scan", "--staged", "--format", "json")
	if s := parseScan(t, out); code != 0 || len(s.findings()) != 0 {
		t.Errorf("secrets disabled: exit %d, findings %v", code, s.findings())
	}
}

// TestStagedKeyFilesAreJudged: a private key committed as a file (an SSH
// key, a server's .key, a .pem) blocks the commit; a certificate, which is
// public, does not.
func TestStagedKeyFilesAreJudged(t *testing.T) {
	body := make([]byte, 192)
	if _, err := rand.Read(body); err != nil {
		t.Fatal(err)
	}
	b64 := base64.StdEncoding.EncodeToString(body)
	var lines []string
	for len(b64) > 64 {
		lines, b64 = append(lines, b64[:64]), b64[64:]
	}
	lines = append(lines, b64)
	pem := func(kind string) string {
		return "-----BEGIN " + kind + "-----\n" + strings.Join(lines, "\n") + "\n-----END " + kind + "-----\n"
	}
	dir := gittest.New(t, map[string]string{"app.py": safePy})
	gittest.Write(t, dir, ".ssh/id_rsa", pem("RSA PRIVATE KEY"))
	gittest.Write(t, dir, "deploy/server.key", pem("PRIVATE KEY"))
	gittest.Write(t, dir, "deploy/ca.pem", pem("CERTIFICATE"))
	gittest.Run(t, dir, "add", "-A")
	out, _, code := inRepo(t, dir, "scan", "--staged", "--format", "json")
	got := strings.Join(parseScan(t, out).findings(), " ")
	if code != 1 || !strings.Contains(got, ".ssh/id_rsa:1:PW310") || !strings.Contains(got, "deploy/server.key:1:PW310") || strings.Contains(got, "ca.pem") {
		t.Errorf("exit %d, findings %s; want PW310 in .ssh/id_rsa and deploy/server.key, nothing in deploy/ca.pem", code, got)
	}
}

// TestSuppressionsInConfigFiles: a configuration file's own comments
// suppress a secret finding on their line, with the reason kept, as in
// Python; --ignore-suppressions shows it again, and JSON, which has no
// comments, cannot hide one in a string.
func TestSuppressionsInConfigFiles(t *testing.T) {
	const token = "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"
	dir := gittest.New(t, map[string]string{"app.py": safePy})
	gittest.Write(t, dir, ".env", "NPM_TOKEN="+token+"  # pyward: ignore[PW329] revoked test token\n")
	gittest.Write(t, dir, "deploy/values.yaml", "# nosec PW313: the staging fixture\ndb:\n  url: postgresql://app:Zt9fQw4Lr0Vx@db:5432/app  # nosec PW313 staging fixture\n")
	gittest.Write(t, dir, "conf.json", `{"token": "`+token+` # nosec"}`+"\n")
	gittest.Run(t, dir, "add", "-A")
	out, _, code := inRepo(t, dir, "scan", "--staged", "--format", "json")
	var rep struct {
		Files []struct {
			Path     string
			Findings []struct {
				Rule          string
				Suppressed    bool
				Justification string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range rep.Files {
		for _, fd := range f.Findings {
			got[f.Path+" "+fd.Rule] = fmt.Sprintf("%v %s", fd.Suppressed, fd.Justification)
		}
	}
	want := map[string]string{
		".env PW329":               "true revoked test token",
		"deploy/values.yaml PW313": "true staging fixture",
		"conf.json PW329":          "false ",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if code != 1 {
		t.Errorf("exit %d, want 1: conf.json's token is not suppressed", code)
	}
	gittest.Run(t, dir, "rm", "-q", "--cached", "conf.json")
	if _, _, code := inRepo(t, dir, "scan", "--staged"); code != 0 {
		t.Errorf("suppressed secrets only: exit %d, want 0", code)
	}
	if _, _, code := inRepo(t, dir, "scan", "--staged", "--ignore-suppressions"); code != 1 {
		t.Errorf("--ignore-suppressions: exit %d, want 1", code)
	}
}
