// Package upload sends a SARIF log to GitHub code scanning from any CI,
// with the REST call codeql-action's upload-sarif makes
// (POST /repos/{owner}/{repo}/code-scanning/sarifs: the log gzipped and
// base64-encoded, the commit, the ref, the tool name). It decides nothing
// about findings; it moves a file and explains GitHub's refusals.
package upload

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
)

// MaxGzipped is GitHub's limit on a SARIF upload, gzipped.
const MaxGzipped = 10 << 20

// Request is one upload.
type Request struct {
	APIURL      string // https://api.github.com, or a GitHub Enterprise Server's /api/v3
	Repo        string // owner/name
	Token       string // never printed
	CommitSHA   string
	Ref         string // refs/heads/main, refs/pull/7/merge …
	Category    string // written as each run's automationDetails.id, as upload-sarif does
	ToolName    string
	CheckoutURI string // optional: file:// URI of the checkout, for path mapping
	UserAgent   string
	SARIF       []byte
}

// Result is GitHub's answer to an accepted upload.
type Result struct {
	ID  string `json:"id"`
	URL string `json:"url"`
}

var (
	repoRE = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$`)
	shaRE  = regexp.MustCompile(`^([0-9a-f]{40}|[0-9a-f]{64})$`)
)

// check refuses a request GitHub would refuse, before anything is sent.
func (r *Request) check() error {
	switch {
	case r.Token == "":
		return errors.New("no token: set GITHUB_TOKEN to a token that may write security events (a workflow's GITHUB_TOKEN with `permissions: security-events: write`)")
	case !repoRE.MatchString(r.Repo):
		return fmt.Errorf("repository %q is not owner/name (--repo, or GITHUB_REPOSITORY)", r.Repo)
	case !shaRE.MatchString(r.CommitSHA):
		return fmt.Errorf("commit %q is not a full commit SHA (--commit, or GITHUB_SHA)", r.CommitSHA)
	case !strings.HasPrefix(r.Ref, "refs/"):
		return fmt.Errorf("ref %q is not a full ref such as refs/heads/main or refs/pull/7/merge (--ref, or GITHUB_REF)", r.Ref)
	case r.APIURL == "":
		return errors.New("no GitHub API URL")
	}
	return nil
}

// prepare sets the category and returns the log gzipped and encoded.
func (r *Request) prepare() (string, error) {
	var log map[string]any
	if err := json.Unmarshal(r.SARIF, &log); err != nil {
		return "", fmt.Errorf("not a SARIF log: %v", err)
	}
	runs, ok := log["runs"].([]any)
	if !ok || len(runs) == 0 {
		return "", errors.New("not a SARIF log: no runs")
	}
	body := r.SARIF
	if r.Category != "" {
		// upload-sarif's convention: the category is the runs'
		// automationDetails.id, ending in "/" so that GitHub takes it
		// as a category rather than a run's own identifier.
		id := r.Category
		if !strings.HasSuffix(id, "/") {
			id += "/"
		}
		for _, run := range runs {
			m, ok := run.(map[string]any)
			if !ok {
				return "", errors.New("not a SARIF log: a run is not an object")
			}
			m["automationDetails"] = map[string]any{"id": id}
		}
		var err error
		if body, err = json.Marshal(log); err != nil {
			return "", err
		}
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(body)
	if err := zw.Close(); err != nil {
		return "", err
	}
	if gz.Len() > MaxGzipped {
		return "", fmt.Errorf("the log is %.1f MB gzipped; GitHub takes at most 10 MB (scan less at once, or raise --report)", float64(gz.Len())/(1<<20))
	}
	return base64.StdEncoding.EncodeToString(gz.Bytes()), nil
}

// Send uploads the log and returns GitHub's receipt.
func Send(ctx context.Context, client *http.Client, r Request) (Result, error) {
	if err := r.check(); err != nil {
		return Result{}, err
	}
	encoded, err := r.prepare()
	if err != nil {
		return Result{}, err
	}
	payload := map[string]string{"commit_sha": r.CommitSHA, "ref": r.Ref, "sarif": encoded, "tool_name": r.ToolName}
	if r.CheckoutURI != "" {
		payload["checkout_uri"] = r.CheckoutURI
	}
	body, _ := json.Marshal(payload)
	url := strings.TrimSuffix(r.APIURL, "/") + "/repos/" + r.Repo + "/code-scanning/sarifs"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return Result{}, err
	}
	req.Header.Set("Authorization", "Bearer "+r.Token)
	req.Header.Set("Accept", "application/vnd.github+json")
	req.Header.Set("X-GitHub-Api-Version", "2022-11-28")
	req.Header.Set("Content-Type", "application/json")
	if r.UserAgent != "" {
		req.Header.Set("User-Agent", r.UserAgent)
	}
	resp, err := client.Do(req)
	if err != nil {
		return Result{}, redact(fmt.Errorf("sending to %s: %w", r.APIURL, err), r.Token)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode == http.StatusAccepted || resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusCreated {
		var res Result
		if err := json.Unmarshal(raw, &res); err != nil {
			return Result{}, fmt.Errorf("GitHub accepted the upload but its answer is not JSON: %.200q", raw)
		}
		return res, nil
	}
	return Result{}, redact(refusal(resp.StatusCode, raw, r), r.Token)
}

// refusal explains GitHub's status codes for this call in the user's
// terms, with GitHub's own message.
func refusal(status int, raw []byte, r Request) error {
	var gh struct {
		Message string `json:"message"`
	}
	json.Unmarshal(raw, &gh)
	msg := gh.Message
	if msg == "" {
		msg = strings.TrimSpace(string(raw))
		if len(msg) > 200 {
			msg = msg[:200]
		}
	}
	var why string
	switch status {
	case http.StatusUnauthorized:
		why = "GitHub did not accept the token: GITHUB_TOKEN is missing, expired or mistyped"
	case http.StatusForbidden:
		why = "the token may not upload code-scanning results: a workflow needs `permissions: security-events: write`, a personal token the `security_events` scope, and a private repository needs GitHub code security enabled"
	case http.StatusNotFound:
		why = fmt.Sprintf("repository %s was not found, or the token cannot see it", r.Repo)
	case http.StatusRequestEntityTooLarge:
		why = "the log is larger than GitHub takes (10 MB gzipped)"
	case http.StatusUnprocessableEntity:
		why = "GitHub refused the upload's content: the SARIF, the commit or the ref (the commit must exist in the repository, the ref must be a branch, tag or pull request ref)"
	default:
		why = "GitHub refused the upload"
	}
	if msg != "" {
		return fmt.Errorf("%s (HTTP %d: %s)", why, status, msg)
	}
	return fmt.Errorf("%s (HTTP %d)", why, status)
}

// redact keeps the token out of every message, whatever echoed it.
func redact(err error, token string) error {
	if err == nil || token == "" || !strings.Contains(err.Error(), token) {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), token, "***"))
}
