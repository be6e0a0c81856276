package upload

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const token = "ghs_TESTTOKENtesttokenTESTTOKEN0123"

const sha = "0123456789abcdef0123456789abcdef01234567"

var log = []byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"pyward"}},"results":[]}]}`)

func request(url string) Request {
	return Request{APIURL: url, Repo: "octo/app", Token: token, CommitSHA: sha, Ref: "refs/pull/7/merge",
		Category: "pyward-changed", ToolName: "pyward", UserAgent: "pyward/test", SARIF: log}
}

// TestSendAsUploadSarif checks the request on a loopback server the way
// GitHub reads it: path, headers, and a body whose sarif field is the log,
// gzipped and base64-encoded, with the category as automationDetails.id.
func TestSendAsUploadSarif(t *testing.T) {
	var got map[string]string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/repos/octo/app/code-scanning/sarifs" {
			t.Errorf("%s %s", r.Method, r.URL.Path)
		}
		if r.Header.Get("Authorization") != "Bearer "+token || r.Header.Get("Accept") != "application/vnd.github+json" ||
			r.Header.Get("X-GitHub-Api-Version") == "" || r.Header.Get("User-Agent") != "pyward/test" {
			t.Errorf("headers %v", r.Header)
		}
		if err := json.NewDecoder(r.Body).Decode(&got); err != nil {
			t.Error(err)
		}
		w.WriteHeader(http.StatusAccepted)
		io.WriteString(w, `{"id":"47177e22-5596-11eb-80a1-c1e54ef945c6","url":"https://api.github.com/repos/octo/app/code-scanning/sarifs/47177e22"}`)
	}))
	defer srv.Close()
	res, err := Send(context.Background(), srv.Client(), request(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	if res.ID != "47177e22-5596-11eb-80a1-c1e54ef945c6" || res.URL == "" {
		t.Errorf("result %+v", res)
	}
	if got["commit_sha"] != sha || got["ref"] != "refs/pull/7/merge" || got["tool_name"] != "pyward" {
		t.Errorf("payload %v", got)
	}
	gz, err := base64.StdEncoding.DecodeString(got["sarif"])
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(zr)
	var sent struct {
		Runs []struct {
			AutomationDetails struct{ ID string } `json:"automationDetails"`
			Tool              struct{ Driver struct{ Name string } }
		}
	}
	if err := json.Unmarshal(raw, &sent); err != nil {
		t.Fatal(err)
	}
	if len(sent.Runs) != 1 || sent.Runs[0].AutomationDetails.ID != "pyward-changed/" || sent.Runs[0].Tool.Driver.Name != "pyward" {
		t.Errorf("sent log %s", raw)
	}
}

// TestRefusals checks that each of GitHub's refusals becomes a message
// that says what to do, keeps GitHub's own words, and never the token.
func TestRefusals(t *testing.T) {
	cases := map[int]string{
		401: "did not accept the token",
		403: "security-events: write",
		404: "octo/app was not found",
		413: "10 MB",
		422: "commit or the ref",
		500: "refused the upload",
	}
	for status, want := range cases {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(status)
			// A server that echoes the token must not get it printed.
			io.WriteString(w, `{"message":"said by GitHub `+token+`"}`)
		}))
		_, err := Send(context.Background(), srv.Client(), request(srv.URL))
		srv.Close()
		if err == nil {
			t.Errorf("%d: no error", status)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, want) || !strings.Contains(msg, "said by GitHub") || !strings.Contains(msg, "HTTP ") {
			t.Errorf("%d: %s", status, msg)
		}
		if strings.Contains(msg, token) {
			t.Errorf("%d: the token is in the message: %s", status, msg)
		}
	}
}

func TestRefusedBeforeSending(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("request sent for an invalid upload")
	}))
	defer srv.Close()
	for name, mutate := range map[string]func(*Request){
		"no token":   func(r *Request) { r.Token = "" },
		"bad repo":   func(r *Request) { r.Repo = "octo" },
		"short sha":  func(r *Request) { r.CommitSHA = "0123abc" },
		"branch ref": func(r *Request) { r.Ref = "main" },
		"not sarif":  func(r *Request) { r.SARIF = []byte("not json") },
		"no runs":    func(r *Request) { r.SARIF = []byte(`{"version":"2.1.0","runs":[]}`) },
	} {
		r := request(srv.URL)
		mutate(&r)
		if _, err := Send(context.Background(), srv.Client(), r); err == nil {
			t.Errorf("%s: accepted", name)
		} else if strings.Contains(err.Error(), token) {
			t.Errorf("%s: token in %s", name, err)
		}
	}
}
