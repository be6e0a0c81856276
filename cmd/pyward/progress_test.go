package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestProgress(t *testing.T) {
	t.Setenv("CI", "")
	old := progressDelay
	progressDelay = 10 * time.Millisecond
	defer func() { progressDelay = old }()

	if p := startProgress(&syncBuf{}, 10, false); p != nil {
		t.Error("progress without a terminal")
	}
	var buf syncBuf
	p := startProgress(&buf, 10, true)
	for i := 0; i < 4; i++ {
		p.fileDone()
	}
	time.Sleep(60 * time.Millisecond)
	p.finish()
	if out := buf.String(); !strings.Contains(out, "pyward: 4/10 files") || !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("progress wrote %q", out)
	}
	// A scan that ends before the delay prints nothing.
	progressDelay = time.Hour
	var quiet syncBuf
	startProgress(&quiet, 10, true).finish()
	if quiet.String() != "" {
		t.Errorf("quick scan printed %q", quiet.String())
	}
	t.Setenv("CI", "true")
	if startProgress(&quiet, 10, true) != nil {
		t.Error("progress in CI")
	}
}
