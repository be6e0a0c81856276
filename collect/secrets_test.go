package collect

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecretFiles: the default globs select the configuration files where
// secrets are committed, wherever they lie, and nothing else; the
// configuration can replace them or turn them off.
func TestSecretFiles(t *testing.T) {
	defer func(saved []string) { SecretFiles = saved }(SecretFiles)
	SecretFiles = DefaultSecretFiles
	for _, p := range []string{".env", "deploy/.env.production", "app.env", "setup.cfg", "tox.ini", "conf/nginx.conf", "pyproject.toml",
		".github/workflows/ci.yml", "k8s/secret.yaml", "config.json", "app.properties", "Dockerfile", "docker/Dockerfile.prod", "scripts/deploy.sh",
		"deploy/server.key", "certs/client.pem", ".ssh/id_rsa", "keys/id_ed25519"} {
		if !isSecretFile(p) {
			t.Errorf("%s: not judged for secrets", p)
		}
	}
	for _, p := range []string{"main.py", "README.md", "image.png", "notes.txt", "Makefile", "env.py", "src/environment", "id_rsa.pub", "keyring.py"} {
		if isSecretFile(p) {
			t.Errorf("%s: judged for secrets", p)
		}
	}
	SecretFiles = []string{"secrets/*.txt"}
	if !isSecretFile("secrets/db.txt") || isSecretFile(".env") {
		t.Error("configured globs not applied")
	}
	SecretFiles = nil
	if isSecretFile(".env") {
		t.Error("secrets: enabled: false still selects .env")
	}
}

// The defaults are documented once, in docs/configuration.md's secrets
// row, and this keeps that list the code's.
func TestSecretFilesDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "configuration.md"))
	if err != nil {
		t.Fatal(err)
	}
	var quoted []string
	for _, g := range DefaultSecretFiles {
		quoted = append(quoted, "`"+g+"`")
	}
	if want := "(default " + strings.Join(quoted, ", ") + ")"; !strings.Contains(string(doc), want) {
		t.Errorf("docs/configuration.md does not list the default secret files as %s", want)
	}
}
