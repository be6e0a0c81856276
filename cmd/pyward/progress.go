package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// progress shows "pyward: 812/1790 files" on standard error while a scan
// runs, but only on a terminal, outside CI, and only once the scan has
// taken longer than a moment: quick scans and piped output stay quiet.
type progress struct {
	w     io.Writer
	total int
	done  atomic.Int64
	stop  chan struct{}
	wg    sync.WaitGroup
}

// progressDelay is how long a scan runs before the line appears.
var progressDelay = 700 * time.Millisecond

// startProgress returns a progress display, or nil when none is wanted.
func startProgress(w io.Writer, total int, terminal bool) *progress {
	if !terminal || os.Getenv("CI") != "" || total == 0 {
		return nil
	}
	p := &progress{w: w, total: total, stop: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		select {
		case <-p.stop:
			return
		case <-time.After(progressDelay):
		}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			fmt.Fprintf(p.w, "\rpyward: %d/%d files", p.done.Load(), p.total)
			select {
			case <-p.stop:
				fmt.Fprint(p.w, "\r\x1b[K") // erase the line
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

// fileDone counts one more file; safe from many goroutines and on nil.
func (p *progress) fileDone() {
	if p != nil {
		p.done.Add(1)
	}
}

// finish stops the display and erases its line.
func (p *progress) finish() {
	if p != nil {
		close(p.stop)
		p.wg.Wait()
	}
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
