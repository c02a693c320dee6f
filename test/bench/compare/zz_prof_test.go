package compare

import (
	"context"
	"os"
	"testing"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/connector/connectortest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processortest"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor"
	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
)

func BenchmarkZZ(b *testing.B) {
	t := &testing.T{}
	_ = t
	p := workload.LLMWorkloads[0]
	if os.Getenv("ZZ_PII80") != "" {
		p = workload.LLMWorkloads[1]
	}
	g := workload.NewGenerator(p, 7)
	batches := make([]ptrace.Traces, 100)
	for i := range batches {
		batches[i] = g.Batch(50)
	}
	which := os.Getenv("ZZ_COMP")
	var consume func(ptrace.Traces) error
	switch which {
	case "redact":
		f := redactprocessor.NewFactory()
		pr, _ := f.CreateTraces(context.Background(), newSet(f.Type()), f.CreateDefaultConfig(), consumertest.NewNop())
		consume = func(td ptrace.Traces) error { return pr.ConsumeTraces(context.Background(), td) }
	case "cost":
		f := llmcostprocessor.NewFactory()
		pr, _ := f.CreateTraces(context.Background(), newSet(f.Type()), f.CreateDefaultConfig(), consumertest.NewNop())
		consume = func(td ptrace.Traces) error { return pr.ConsumeTraces(context.Background(), td) }
	case "nop":
		consume = func(ptrace.Traces) error { return nil }
	case "sm":
		f := spanmetricsllm.NewFactory()
		c, _ := f.CreateTracesToMetrics(context.Background(), newCSet(f.Type()), f.CreateDefaultConfig(), consumertest.NewNop())
		consume = func(td ptrace.Traces) error { return c.ConsumeTraces(context.Background(), td) }
	}
	n := 0
	for b.Loop() {
		cp := ptrace.NewTraces()
		batches[n%len(batches)].CopyTo(cp)
		n++
		fresh(cp, uint64(n))
		_ = consume(cp)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*50), "ns/span")
}

func newSet(t component.Type) processor.Settings { return processortest.NewNopSettings(t) }
func newCSet(t component.Type) connector.Settings { return connectortest.NewNopSettings(t) }

// fresh gives every trace and span new ids (same structure).
func fresh(td ptrace.Traces, n uint64) {
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		sss := rss.At(i).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			sp := sss.At(j).Spans()
			for k := 0; k < sp.Len(); k++ {
				s := sp.At(k)
				t := s.TraceID()
				t[0], t[1], t[2], t[3] = byte(n), byte(n>>8), byte(n>>16), byte(n>>24)
				s.SetTraceID(t)
				id := s.SpanID()
				id[0], id[1], id[2] = byte(n), byte(n>>8), byte(n>>16)
				s.SetSpanID(id)
				if p := s.ParentSpanID(); !p.IsEmpty() {
					p[0], p[1], p[2] = byte(n), byte(n>>8), byte(n>>16)
					s.SetParentSpanID(p)
				}
			}
		}
	}
}
