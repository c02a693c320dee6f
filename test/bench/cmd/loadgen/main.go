// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Command loadgen is the benchmark's load generator on its own, for manual
// runs against any collector: it sends OTLP trace requests of one workload
// (`tiny`, or `llm-<size>-pii<percent>`) at a constant rate over gRPC or
// HTTP, optionally runs the counting sink the collector exports to, and
// writes HALO Core chat-history files. `make bench` uses the same code
// in-process (test/bench/cmd/benchrun).
//
//	loadgen -endpoint 127.0.0.1:4317 -profile llm-1k-pii80 -rate 2000 -duration 10s -sink 127.0.0.1:14317
//	loadgen -write-history /tmp/chat_history -sessions 100 -turns 8
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/load"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/sink"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

func run() error {
	endpoint := flag.String("endpoint", "127.0.0.1:4317", "collector OTLP endpoint: host:port for gRPC, or a URL (http://host:4318/v1/traces) for HTTP")
	proto := flag.String("proto", "grpc", "grpc or http")
	profile := flag.String("profile", "llm-1k-pii1", "tiny, or llm-<1k|4k>-pii<percent> (llm-4k-pii80: 4 KB spans, PII in 80% of prompts and answers)")
	rate := flag.Float64("rate", 1000, "spans per second")
	duration := flag.Duration("duration", 10*time.Second, "how long to send")
	spans := flag.Int("spans", 50, "spans per request")
	workers := flag.Int("workers", 8, "requests in flight")
	sinkAddr := flag.String("sink", "", "also run the counting OTLP/gRPC sink on this address and wait for every span")
	history := flag.String("write-history", "", "write HALO Core chat-history files to this directory instead of sending")
	sessions := flag.Int("sessions", 100, "with -write-history: number of sessions (files)")
	turns := flag.Int("turns", 8, "with -write-history: turns per session")
	flag.Parse()

	if *history != "" {
		return writeHistories(*history, *sessions, *turns)
	}
	p, err := workload.ParseProfile(*profile)
	if err != nil {
		return err
	}
	var snk *sink.Sink
	if *sinkAddr != "" {
		if snk, err = sink.Start(*sinkAddr); err != nil {
			return err
		}
		defer snk.Stop()
	}
	reqs, stats, err := load.Prepare(p, 1, 64, *spans)
	if err != nil {
		return err
	}
	fmt.Printf("profile %s: %.0f bytes per span on the wire, PII in %.1f%% of prompts and answers\n",
		p, load.BytesPerSpan(reqs), stats.PIIShare()*100)
	var t load.Target
	switch *proto {
	case "grpc":
		if t, err = load.NewGRPC(*endpoint); err != nil {
			return err
		}
	case "http":
		t = load.NewHTTP(*endpoint, *workers)
	default:
		return fmt.Errorf("unknown -proto %q (want grpc or http)", *proto)
	}
	defer t.Close()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res := load.Run(ctx, t, reqs, load.Options{Rate: *rate, Duration: *duration, Workers: *workers, RequestTimeout: 5 * time.Second})
	fmt.Printf("target %.0f spans/s, achieved %.0f spans/s: %d spans acknowledged, %d failed (%s), request p50 %v p99 %v\n",
		res.Target, res.Achieved, res.Spans, res.FailedSpans, res.FirstError, res.RTTp50, res.RTTp99)
	if snk == nil {
		if res.FailedSpans > 0 {
			return errors.New("some requests failed")
		}
		return nil
	}
	deadline := time.Now().Add(10 * time.Second)
	for snk.Counts().Spans < res.Spans && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	c := snk.Counts()
	p99, _ := snk.Quantile(0.99)
	fmt.Printf("sink received %d spans (%d roots) in %d exports, p99 send-to-sink latency %v\n", c.Spans, c.Roots, c.Requests, p99)
	if c.Spans != res.Spans || res.FailedSpans > 0 {
		return fmt.Errorf("loss: sent %d spans (%d failed), sink received %d", res.Spans, res.FailedSpans, c.Spans)
	}
	return nil
}

func writeHistories(dir string, sessions, turns int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(42, 4242))
	var size int64
	for i := range sessions {
		id := fmt.Sprintf("%08x-bench-%04d", r.Uint32(), i)
		h, err := workload.NewHistory(r, id, turns)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, id+".json"), h.File, 0o644); err != nil {
			return err
		}
		size += int64(len(h.File))
	}
	fmt.Printf("wrote %d sessions of %d turns (%.1f MB) to %s\n", sessions, turns, float64(size)/1e6, dir)
	return nil
}
