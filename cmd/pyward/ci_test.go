package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUploadCommand runs `pyward upload` as another CI would, against a
// loopback server standing in for GitHub's API: settings from the
// GITHUB_* variables, the token never printed, GitHub's refusal explained.
func TestUploadCommand(t *testing.T) {
	dir := t.TempDir()
	sarifPath := filepath.Join(dir, "out.sarif")
	os.WriteFile(filepath.Join(dir, "risky.py"), []byte("import os\nos.system(input())\n"), 0o644)
	if _, errOut, code := runBinary(t, dir, nil, "", "scan", "--sarif", sarifPath, "--fail-on", "never", "risky.py"); code != 0 {
		t.Fatalf("scan: %d %s", code, errOut)
	}
	status := http.StatusAccepted
	var got map[string]string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/repos/octo/app/code-scanning/sarifs" || r.Header.Get("Authorization") != "Bearer ghs_secretvalue123" {
			t.Errorf("%s %v", r.URL.Path, r.Header)
		}
		json.NewDecoder(r.Body).Decode(&got)
		w.WriteHeader(status)
		if status == http.StatusAccepted {
			io.WriteString(w, `{"id":"abc-123","url":"http://example.invalid/sarifs/abc-123"}`)
		} else {
			io.WriteString(w, `{"message":"Resource not accessible by integration"}`)
		}
	}))
	defer srv.Close()
	env := append(os.Environ(), "GITHUB_TOKEN=ghs_secretvalue123", "GITHUB_API_URL="+srv.URL,
		"GITHUB_REPOSITORY=octo/app", "GITHUB_SHA=0123456789abcdef0123456789abcdef01234567", "GITHUB_REF=refs/heads/main")
	out, errOut, code := runBinary(t, dir, env, "", "upload", "--category", "pyward", sarifPath)
	if code != 0 || !strings.Contains(out, "accepted by GitHub as abc-123") {
		t.Fatalf("upload: %d\n%s%s", code, out, errOut)
	}
	if got["ref"] != "refs/heads/main" || got["commit_sha"] != "0123456789abcdef0123456789abcdef01234567" || got["sarif"] == "" {
		t.Errorf("payload %v", got)
	}
	status = http.StatusForbidden
	out, errOut, code = runBinary(t, dir, env, "", "upload", sarifPath)
	if code != 2 || !strings.Contains(errOut, "security-events: write") || !strings.Contains(errOut, "Resource not accessible") {
		t.Errorf("403: %d\n%s%s", code, out, errOut)
	}
	if strings.Contains(out+errOut, "ghs_secretvalue123") {
		t.Error("the token was printed")
	}
	noToken := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}
	if _, errOut, code := runBinary(t, dir, noToken, "", "upload", sarifPath); code != 2 || !strings.Contains(errOut, "GITHUB_TOKEN") {
		t.Errorf("without a token: %d %s", code, errOut)
	}
}

// TestGitLabFormats checks that the two GitLab formats come out of a real
// scan and parse as the shapes GitLab reads.
func TestGitLabFormats(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "risky.py"), []byte("import os\nos.system(input())\n"), 0o644)
	out, errOut, code := runBinary(t, dir, nil, "", "scan", "--format", "gitlab-sast", "risky.py")
	if code != 1 {
		t.Fatalf("gitlab-sast: %d %s", code, errOut)
	}
	var sast struct {
		Version string
		Scan    struct{ Type, Status string }
		Vulns   []struct {
			Severity string
			Location struct {
				File      string
				StartLine int `json:"start_line"`
			}
		} `json:"vulnerabilities"`
	}
	if err := json.Unmarshal([]byte(out), &sast); err != nil || sast.Scan.Type != "sast" || len(sast.Vulns) == 0 ||
		sast.Vulns[0].Location.File != "risky.py" || sast.Vulns[0].Location.StartLine != 2 {
		t.Errorf("gitlab-sast: %v\n%s", err, out)
	}
	out, _, code = runBinary(t, dir, nil, "", "scan", "--format", "gitlab", "risky.py")
	var cq []struct {
		CheckName string `json:"check_name"`
		Location  struct {
			Path  string
			Lines struct{ Begin int }
		}
	}
	if err := json.Unmarshal([]byte(out), &cq); err != nil || code != 1 || len(cq) == 0 || cq[0].Location.Path != "risky.py" || cq[0].Location.Lines.Begin != 2 {
		t.Errorf("gitlab: %d %v\n%s", code, err, out)
	}
}
