// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/pprofsum"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// profileResult is a CPU profile of a collector under constant load,
// summed by component.
type profileResult struct {
	Collector string
	Workload  workload.Profile
	Rate      float64
	// Step is the load step the profile was taken during (loss-checked
	// like every other; its figures are not reported, the profiler's own
	// cost is in them).
	Step   step
	Total  time.Duration // CPU time the profile sampled
	Wall   time.Duration // wall time it covers
	Shares []pprofsum.Share
	Top    []pprofsum.Func
	Raw    []byte // the profile as fetched (pprof's gzipped protobuf)
}

// module is the path prefix of our own packages.
const module = "github.com/otelcol-llm/otelcol-llm/"

// profileRules attribute a sample of the otelcol-llm pipeline to the first
// component, from the leaf of its stack up, that one of its frames belongs
// to; garbage collection wherever it runs (background marking, sweeping,
// and assists charged to whichever goroutine allocated). Code that runs on
// behalf of its caller (pdata accessors, the Go runtime, gRPC framing, the
// collector's helpers) is charged to the component that called it, and
// only where none is on the stack to a category of its own.
var profileRules = []pprofsum.Rule{
	{Category: "garbage collection", Anywhere: true, Match: pprofsum.Prefix(
		"runtime.gcBgMarkWorker", "runtime.gcAssistAlloc", "runtime.gcDrain", "runtime.markroot",
		"runtime.scanobject", "runtime.bgsweep", "runtime.bgscavenge", "runtime.gcStart", "runtime.sweepone",
		"runtime.(*sweepLocked).sweep", "runtime.gcMarkDone", "runtime.gcMarkTermination")},
	{Category: "redact: scanner", Match: pprofsum.Prefix(module + "processor/redactprocessor/internal/scan.")},
	{Category: "redact: building pii.redacted.types", Match: pprofsum.Prefix(module + "processor/redactprocessor.(*redactProcessor).finish")},
	{Category: "redact: the rest", Match: pprofsum.Prefix(module + "processor/redactprocessor")},
	{Category: "llm_cost", Match: pprofsum.Prefix(module + "processor/llmcostprocessor")},
	{Category: "span_metrics_llm", Match: pprofsum.Prefix(module + "connector/spanmetricsllm")},
	{Category: "OTLP decode", Match: func(fn string) bool {
		return strings.HasPrefix(fn, "go.opentelemetry.io/collector/pdata") && strings.Contains(strings.ToLower(fn), "unmarshal")
	}},
	{Category: "export (OTLP encode, exporter, gRPC client)", Match: func(fn string) bool {
		if strings.HasPrefix(fn, "go.opentelemetry.io/collector/pdata") {
			return strings.Contains(fn, "MarshalProto") || strings.Contains(fn, "SizeProto")
		}
		return strings.HasPrefix(fn, "go.opentelemetry.io/collector/exporter") ||
			strings.HasPrefix(fn, "google.golang.org/grpc/internal/transport.(*http2Client)") ||
			strings.HasPrefix(fn, "google.golang.org/grpc/internal/transport.NewHTTP2Client") ||
			strings.HasPrefix(fn, "google.golang.org/grpc.(*ClientConn)") ||
			strings.HasPrefix(fn, "google.golang.org/grpc.invoke")
	}},
	{Category: "batch", Match: pprofsum.Prefix("go.opentelemetry.io/collector/processor/batchprocessor")},
	{Category: "memory_limiter", Match: pprofsum.Prefix("go.opentelemetry.io/collector/processor/memorylimiter", "go.opentelemetry.io/collector/internal/memorylimiter")},
	{Category: "receive (gRPC server, otlp receiver)", Match: pprofsum.Prefix(
		"google.golang.org/grpc/internal/transport.(*http2Server)", "google.golang.org/grpc/internal/transport.NewServerTransport",
		"google.golang.org/grpc.(*Server)", "go.opentelemetry.io/collector/receiver")},
	{Category: "gRPC transport, either direction", Fallback: true, Match: pprofsum.Prefix("google.golang.org/grpc", "golang.org/x/net/http2")},
	{Category: "collector telemetry and the rest of the collector", Fallback: true, Match: pprofsum.Prefix(
		"go.opentelemetry.io/otel", "github.com/prometheus", "go.opentelemetry.io/collector", "github.com/open-telemetry")},
	{Category: "Go runtime (scheduler, syscalls, allocation)", Fallback: true, Match: pprofsum.Prefix("runtime.", "internal/", "syscall.", "net.", "bufio.")},
}

// profileCollector runs s with the pprof overlay at a constant rate for dur
// and takes a CPU profile of all but the first and last half second.
func (h *runner) profileCollector(s spec, p workload.Profile, rate float64, dur time.Duration, overlay string) (*profileResult, error) {
	addr, err := harness.FreeAddr()
	if err != nil {
		return nil, err
	}
	c, err := startCollector(h.ctx, s, h.sink.Addr(), map[string]string{"BENCH_PPROF": addr}, overlay)
	if err != nil {
		return nil, err
	}
	defer c.stop()
	h.runStep(c, p, "grpc", "warmup", rate, time.Second)

	seconds := max(1, int((dur - time.Second).Seconds()))
	type fetched struct {
		body []byte
		err  error
	}
	got := make(chan fetched, 1)
	go func() {
		select {
		case <-time.After(500 * time.Millisecond):
		case <-h.ctx.Done():
			got <- fetched{err: h.ctx.Err()}
			return
		}
		b, err := fetchProfile(h.ctx, fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", addr, seconds), time.Duration(seconds+30)*time.Second)
		got <- fetched{b, err}
	}()
	st := h.runStep(c, p, "grpc", "profile", rate, dur)
	f := <-got
	if f.err != nil {
		return nil, fmt.Errorf("%s: CPU profile: %w", s.name, f.err)
	}
	prof, err := pprofsum.Parse(f.body)
	if err != nil {
		return nil, fmt.Errorf("%s: CPU profile: %w", s.name, err)
	}
	res := &profileResult{
		Collector: s.name, Workload: p, Rate: rate, Step: st, Total: prof.Total, Wall: prof.Duration,
		Shares: pprofsum.Categorize(prof, profileRules), Top: pprofsum.Top(prof, 20), Raw: f.body,
	}
	h.log("  profile: %v of CPU sampled over %v", prof.Total.Round(time.Millisecond), prof.Duration.Round(time.Millisecond))
	for _, sh := range res.Shares {
		h.log("    %5.1f%%  %s", sh.Share*100, sh.Category)
	}
	return res, nil
}

func fetchProfile(ctx context.Context, url string, timeout time.Duration) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, http.NoBody)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s: %.200s", url, resp.Status, b)
	}
	return b, nil
}
