package collect

import "testing"

// TestSecretFiles: the default globs select the configuration files where
// secrets are committed, wherever they lie, and nothing else; the
// configuration can replace them or turn them off.
func TestSecretFiles(t *testing.T) {
	defer func(saved []string) { SecretFiles = saved }(SecretFiles)
	SecretFiles = DefaultSecretFiles
	for _, p := range []string{".env", "deploy/.env.production", "app.env", "setup.cfg", "tox.ini", "conf/nginx.conf", "pyproject.toml",
		".github/workflows/ci.yml", "k8s/secret.yaml", "config.json", "app.properties", "Dockerfile", "docker/Dockerfile.prod", "scripts/deploy.sh"} {
		if !isSecretFile(p) {
			t.Errorf("%s: not judged for secrets", p)
		}
	}
	for _, p := range []string{"main.py", "README.md", "image.png", "notes.txt", "Makefile", "env.py", "src/environment"} {
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
