// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package harness // import "github.com/otelcol-llm/otelcol-llm/test/harness"

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// outputLimit bounds what a Process keeps of its output: a collector logging
// errors under overload must not grow the harness without bound. When the
// limit is reached the oldest part is dropped and the newest kept.
const outputLimit = 1 << 20

// Process is one running program (a collector, Prometheus, Jaeger).
type Process struct {
	cmd  *exec.Cmd
	done chan struct{}

	mu      sync.Mutex
	output  bytes.Buffer
	dropped bool
	err     error // what Wait returned
}

// ProcessOptions say how to start a Process.
type ProcessOptions struct {
	// Bin is the program to run. Required.
	Bin string
	// Args are its arguments.
	Args []string
	// Env is added to this process' environment.
	Env []string
	// Dir is the working directory; empty keeps the current one.
	Dir string
	// ExtraFiles are passed to the child (see exec.Cmd.ExtraFiles).
	ExtraFiles []*os.File
}

// Start runs the program and captures its output.
func Start(opt ProcessOptions) (*Process, error) {
	if opt.Bin == "" {
		return nil, errors.New("harness: no program to start")
	}
	p := &Process{done: make(chan struct{})}
	p.cmd = exec.Command(opt.Bin, opt.Args...)
	p.cmd.Dir = opt.Dir
	p.cmd.Env = append(os.Environ(), opt.Env...)
	p.cmd.Stdout = processWriter{p}
	p.cmd.Stderr = processWriter{p}
	p.cmd.ExtraFiles = opt.ExtraFiles
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", filepath.Base(opt.Bin), err)
	}
	go func() {
		err := p.cmd.Wait()
		p.mu.Lock()
		p.err = err
		p.mu.Unlock()
		close(p.done)
	}()
	return p, nil
}

type processWriter struct{ p *Process }

func (w processWriter) Write(b []byte) (int, error) {
	w.p.mu.Lock()
	defer w.p.mu.Unlock()
	if w.p.output.Len()+len(b) > outputLimit {
		keep := w.p.output.Bytes()[max(0, w.p.output.Len()-outputLimit/4):]
		tail := append([]byte(nil), keep...)
		w.p.output.Reset()
		w.p.output.Write(tail)
		w.p.dropped = true
	}
	return w.p.output.Write(b)
}

// PID is the process id.
func (p *Process) PID() int { return p.cmd.Process.Pid }

// Done is closed when the process has exited.
func (p *Process) Done() <-chan struct{} { return p.done }

// Exited reports whether the process has exited, and how.
func (p *Process) Exited() (bool, error) {
	select {
	case <-p.done:
		p.mu.Lock()
		defer p.mu.Unlock()
		return true, p.err
	default:
		return false, nil
	}
}

// Output returns what the process has written (its newest megabyte).
func (p *Process) Output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.dropped {
		return "[... older output dropped ...]\n" + p.output.String()
	}
	return p.output.String()
}

// Stop sends sig and waits up to grace for the process to exit, then kills
// it. It returns how long the process took to exit after sig, and whether it
// exited by itself within grace.
func (p *Process) Stop(sig syscall.Signal, grace time.Duration) (time.Duration, bool) {
	select {
	case <-p.done:
		return 0, true
	default:
	}
	start := time.Now()
	_ = p.cmd.Process.Signal(sig)
	select {
	case <-p.done:
		return time.Since(start), true
	case <-time.After(grace):
		_ = p.cmd.Process.Kill()
		<-p.done
		return time.Since(start), false
	}
}

// WaitHTTP polls url until it answers 200, the process exits, or ctx ends.
func (p *Process) WaitHTTP(ctx context.Context, url string) error {
	client := &http.Client{Timeout: 2 * time.Second}
	for {
		select {
		case <-p.done:
			return fmt.Errorf("exited before %s answered 200", url)
		default:
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, http.NoBody)
		if err != nil {
			return err
		}
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s did not answer 200: %w", url, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}
