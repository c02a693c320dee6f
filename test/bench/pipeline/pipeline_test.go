// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package pipeline benchmarks llm_cost, redact and span_metrics_llm, alone
// and chained as test/bench/configs/ours.yaml chains them, on the benchmark's own
// workloads: each operation decodes one request of 50 spans from OTLP
// protobuf (untimed, so attribute maps have the capacity decoding gives
// them, as in the collector) and runs the processors over it. It measures
// what the components cost per span without the collector around them, for
// go test -bench and benchstat (cpu-ns/span, the process's CPU time over
// the timed part, is the figure to compare on a shared machine); the
// end-to-end figures come from benchrun.
package pipeline

import (
	"context"
	"encoding/binary"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/connector/connectortest"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processortest"
	"golang.org/x/sys/unix"

	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"
	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor"
	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
)

const (
	spansPerRequest = 50
	requests        = 16
)

// chain builds factories' processors at their defaults, first to last,
// ending in a nop consumer, or with metrics in span_metrics_llm at its
// defaults (into a nop metrics consumer), as ours.yaml ends the traces
// pipeline (the exporter beside it reads the same data).
func chain(b *testing.B, metrics bool, factories ...processor.Factory) consumer.Traces {
	b.Helper()
	var next consumer.Traces = consumertest.NewNop()
	if metrics {
		f := spanmetricsllm.NewFactory()
		c, err := f.CreateTracesToMetrics(context.Background(), connectortest.NewNopSettings(f.Type()), f.CreateDefaultConfig(), consumertest.NewNop())
		require.NoError(b, err)
		require.NoError(b, c.Start(context.Background(), nil))
		b.Cleanup(func() { require.NoError(b, c.Shutdown(context.Background())) })
		next = c
	}
	for i := len(factories) - 1; i >= 0; i-- {
		f := factories[i]
		p, err := f.CreateTraces(context.Background(), processortest.NewNopSettings(f.Type()), f.CreateDefaultConfig(), next)
		require.NoError(b, err)
		require.NoError(b, p.Start(context.Background(), nil))
		b.Cleanup(func() { require.NoError(b, p.Shutdown(context.Background())) })
		next = p
	}
	return next
}

// freshTraceIDs makes td's trace ids those of new traces, as benchrun's
// generator does before each send (the spans of one trace keep sharing
// one), and their conversation ids new as well, as the generator derives
// them from the trace id (benchrun's requests repeat them every 64 sends;
// real traffic does not).
func freshTraceIDs(td ptrace.Traces, n uint64) {
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		sss := rss.At(i).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			spans := sss.At(j).Spans()
			for k := 0; k < spans.Len(); k++ {
				s := spans.At(k)
				id := s.TraceID()
				binary.LittleEndian.PutUint64(id[8:], binary.LittleEndian.Uint64(id[8:])^n)
				s.SetTraceID(id)
				if _, ok := s.Attributes().Get(genai.ConversationID); ok {
					s.Attributes().PutStr(genai.ConversationID, fmt.Sprintf("conv-%x", id[8:14]))
				}
			}
		}
	}
}

// cpuTime returns the CPU time the process has used, every thread counted
// (the garbage collector's too): on a shared machine it moves much less
// with other load than wall time does.
func cpuTime() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_PROCESS_CPUTIME_ID, &ts); err != nil {
		panic(err)
	}
	return time.Duration(ts.Nano())
}

func BenchmarkComponents(b *testing.B) {
	for _, c := range []struct {
		name      string
		factories []processor.Factory
		// metrics: the chain ends in span_metrics_llm.
		metrics bool
		// before: processors the requests go through once, untimed, before
		// they are marshalled (span_metrics_llm alone sees what llm_cost and
		// redact wrote).
		before []processor.Factory
	}{
		{name: "llm_cost", factories: []processor.Factory{llmcostprocessor.NewFactory()}},
		{name: "redact", factories: []processor.Factory{redactprocessor.NewFactory()}},
		{name: "llm_cost+redact", factories: []processor.Factory{llmcostprocessor.NewFactory(), redactprocessor.NewFactory()}},
		{name: "span_metrics_llm", metrics: true, before: []processor.Factory{llmcostprocessor.NewFactory(), redactprocessor.NewFactory()}},
		{name: "llm_cost+redact+span_metrics_llm", metrics: true, factories: []processor.Factory{llmcostprocessor.NewFactory(), redactprocessor.NewFactory()}},
	} {
		for _, p := range []workload.Profile{workload.LLMWorkloads[0], workload.LLMWorkloads[1]} {
			b.Run(c.name+"/"+p.String(), func(b *testing.B) {
				g := workload.NewGenerator(p, 11)
				var m ptrace.ProtoMarshaler
				var u ptrace.ProtoUnmarshaler
				var before consumer.Traces
				if len(c.before) > 0 {
					before = chain(b, false, c.before...)
				}
				raw := make([][]byte, requests)
				for i := range raw {
					td := g.Batch(spansPerRequest)
					if before != nil {
						// Through the decoder first, as the collector sees it.
						r, err := m.MarshalTraces(td)
						require.NoError(b, err)
						td, err = u.UnmarshalTraces(r)
						require.NoError(b, err)
						require.NoError(b, before.ConsumeTraces(context.Background(), td))
					}
					var err error
					raw[i], err = m.MarshalTraces(td)
					require.NoError(b, err)
				}
				next := chain(b, c.metrics, c.factories...)
				b.ReportAllocs()
				i := 0
				var cpu time.Duration
				for b.Loop() {
					b.StopTimer()
					td, err := u.UnmarshalTraces(raw[i%requests])
					require.NoError(b, err)
					i++
					freshTraceIDs(td, uint64(i))
					b.StartTimer()
					start := cpuTime()
					if err := next.ConsumeTraces(context.Background(), td); err != nil {
						b.Fatal(err)
					}
					cpu += cpuTime() - start
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*spansPerRequest), "ns/span")
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*spansPerRequest), "cpu-ns/span")
			})
		}
	}
}
