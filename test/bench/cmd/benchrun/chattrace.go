// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// chatResult is the chat_trace ingest rate from one source.
type chatResult struct {
	Source          string // files or http
	Turns, Expected int64
	Bytes           int64
	Elapsed         time.Duration
	OK              bool
	Reason          string
}

func (r chatResult) TurnsPerSec() float64 { return float64(r.Turns) / r.Elapsed.Seconds() }
func (r chatResult) MBPerSec() float64    { return float64(r.Bytes) / 1e6 / r.Elapsed.Seconds() }

// chatTrace measures how fast the chat_trace receiver turns chat histories
// into spans: first from files (all sessions appear at once in the watched
// directory), then by HTTP push of the same histories. Every turn must
// arrive at the sink as exactly one root span.
func (h *runner) chatTrace(s spec, sessions, turns, pushWorkers int, pushPath string, timeout time.Duration) ([]chatResult, error) {
	dir, err := os.MkdirTemp("", "otelcol-llm-bench-chat-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	staging, watch := filepath.Join(dir, "staging"), filepath.Join(dir, "chat_history")
	for _, d := range []string{staging, watch} {
		if err := os.Mkdir(d, 0o755); err != nil {
			return nil, err
		}
	}
	r := rand.New(rand.NewPCG(42, 4242))
	var (
		names      []string
		pushes     [][]byte
		fileBytes  int64
		pushBytes  int64
		totalTurns int64
	)
	for i := range sessions {
		id := fmt.Sprintf("%08x-bench-%04d", r.Uint32(), i)
		hist, err := workload.NewHistory(r, id, turns)
		if err != nil {
			return nil, err
		}
		name := id + ".json"
		if err := os.WriteFile(filepath.Join(staging, name), hist.File, 0o644); err != nil {
			return nil, err
		}
		names = append(names, name)
		pushes = append(pushes, hist.Push)
		fileBytes += int64(len(hist.File))
		pushBytes += int64(len(hist.Push))
		totalTurns += int64(hist.Turns)
	}
	h.log("chat_trace: %d sessions, %d turns, %.1f MB of chat-history files", sessions, totalTurns, float64(fileBytes)/1e6)

	httpAddr, err := harness.FreeAddr()
	if err != nil {
		return nil, err
	}
	c, err := startCollector(h.ctx, s, h.sink.Addr(), map[string]string{
		"BENCH_CHAT_GLOB": filepath.Join(watch, "*.json"),
		"BENCH_CHAT_HTTP": httpAddr,
	})
	if err != nil {
		return nil, err
	}
	defer c.stop()

	var out []chatResult
	// Files: renames within one file system are atomic, so the receiver
	// never sees a partial file here (mid-write handling is its own test).
	h.sink.Reset()
	t0 := time.Now()
	for _, n := range names {
		if err := os.Rename(filepath.Join(staging, n), filepath.Join(watch, n)); err != nil {
			return nil, err
		}
	}
	out = append(out, h.awaitTurns(c, "files", t0, totalTurns, fileBytes, timeout))

	// HTTP push: the same histories, one session per request.
	h.sink.Reset()
	t0 = time.Now()
	res := chatResult{Source: "http", Expected: totalTurns, Bytes: pushBytes}
	if err := pushAll(h.ctx, "http://"+httpAddr+pushPath, pushes, pushWorkers); err != nil {
		res.Reason = err.Error()
		out = append(out, res)
		return out, nil
	}
	out = append(out, h.awaitTurns(c, "http", t0, totalTurns, pushBytes, timeout))
	return out, nil
}

// awaitTurns waits until the sink holds want root spans, then watches a
// little longer for duplicates.
func (h *runner) awaitTurns(c *collector, source string, t0 time.Time, want, size int64, timeout time.Duration) chatResult {
	res := chatResult{Source: source, Expected: want, Bytes: size}
	deadline := t0.Add(timeout)
	for h.sink.Counts().Roots < want && time.Now().Before(deadline) && c.alive() {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(time.Second)
	cnt := h.sink.Counts()
	res.Turns = cnt.Roots
	if !cnt.Last.IsZero() {
		res.Elapsed = cnt.Last.Sub(t0)
	}
	switch {
	case !c.alive():
		res.Reason = "collector exited:\n" + tail(c.Output(), 2000)
	case cnt.Roots != want:
		res.Reason = fmt.Sprintf("expected %d turns (root spans), sink received %d within %v", want, cnt.Roots, timeout)
	default:
		res.OK = true
	}
	h.log("  chat_trace %-5s %d/%d turns in %v: %.0f turns/s, %.1f MB/s  ok=%v %s",
		source, res.Turns, want, res.Elapsed.Round(time.Millisecond), res.TurnsPerSec(), res.MBPerSec(), res.OK, res.Reason)
	return res
}

// pushAll POSTs every body with workers concurrent clients; any non-2xx
// answer is an error.
func pushAll(ctx context.Context, url string, bodies [][]byte, workers int) error {
	jobs := make(chan []byte)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 30 * time.Second}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(b))
				if err != nil {
					errs <- err
					return
				}
				req.Header.Set("Content-Type", "application/json")
				resp, err := client.Do(req)
				if err != nil {
					errs <- err
					return
				}
				msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
				resp.Body.Close()
				if resp.StatusCode/100 != 2 {
					errs <- fmt.Errorf("POST %s: %s: %s", url, resp.Status, msg)
					return
				}
			}
		}()
	}
	var err error
feed:
	for _, b := range bodies {
		select {
		case jobs <- b:
		case err = <-errs:
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err == nil {
		select {
		case err = <-errs:
		default:
		}
	}
	return err
}
