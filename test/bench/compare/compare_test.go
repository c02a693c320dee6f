// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package compare sets our components beside their contrib equivalents,
// in-process on the same spans: redact vs contrib redaction with the tuned
// regexes of test/bench/configs/contrib.yaml (speed on every llm workload,
// recall and look-alike survival on redact's labelled corpora), and
// span_metrics_llm vs contrib span_metrics with the same 10 dimensions.
// `make bench` runs it with BENCH_COMPARE=1 and appends the tables to
// BENCHMARKS.md; without that variable the timing and scoring tests are
// skipped (timings are reported, never asserted). TestTunedContribRegexes
// always runs: it checks the shape of the tuned regex set.
package compare

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-telemetry/opentelemetry-collector-contrib/connector/spanmetricsconnector"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/connector/connectortest"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processortest"
	"go.yaml.in/yaml/v3"

	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm"
	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
)

const batch = 100

// contribSection returns one component's config from configs/contrib.yaml.
func contribSection(t *testing.T, kind, id string) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "configs", "contrib.yaml"))
	require.NoError(t, err)
	var cfg map[string]any
	require.NoError(t, yaml.Unmarshal(raw, &cfg))
	kinds, _ := cfg[kind].(map[string]any)
	sec, ok := kinds[id].(map[string]any)
	require.True(t, ok, "%s %s in contrib.yaml", kind, id)
	return sec
}

// extraDims are the five dimensions added to the five defaults.
var extraDims = []string{"deployment.environment.name", "tenant.id", "cloud.region", "http.route", "app.version"}

func llmBatch(p workload.Profile, extra bool) ptrace.Traces {
	td := workload.NewGenerator(p, 7).Batch(batch)
	if extra {
		spans := td.ResourceSpans()
		for i := 0; i < spans.Len(); i++ {
			ss := spans.At(i).ScopeSpans()
			for j := 0; j < ss.Len(); j++ {
				for k := 0; k < ss.At(j).Spans().Len(); k++ {
					a := ss.At(j).Spans().At(k).Attributes()
					for d, name := range extraDims {
						a.PutStr(name, fmt.Sprintf("v%d", (k+d)%3))
					}
				}
			}
		}
	}
	return td
}

// perSpan runs consume on copies of td and returns ns per span.
func perSpan(td ptrace.Traces, consume func(ptrace.Traces) error) float64 {
	n := td.SpanCount()
	r := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			cp := ptrace.NewTraces()
			td.CopyTo(cp)
			b.StartTimer()
			if err := consume(cp); err != nil {
				b.Fatal(err)
			}
		}
	})
	return float64(r.NsPerOp()) / float64(n)
}

func processorRun(t *testing.T, f processor.Factory, cfg any) func(ptrace.Traces) error {
	t.Helper()
	p, err := f.CreateTraces(context.Background(), processortest.NewNopSettings(f.Type()), cfg, consumertest.NewNop())
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, p.Shutdown(context.Background())) })
	return func(td ptrace.Traces) error { return p.ConsumeTraces(context.Background(), td) }
}

func connectorRun(t *testing.T, f connector.Factory, cfg any, next consumer.Metrics) func(ptrace.Traces) error {
	t.Helper()
	c, err := f.CreateTracesToMetrics(context.Background(), connectortest.NewNopSettings(f.Type()), cfg, next)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, c.Shutdown(context.Background())) })
	return func(td ptrace.Traces) error { return c.ConsumeTraces(context.Background(), td) }
}

func TestCompareWithContrib(t *testing.T) {
	if os.Getenv("BENCH_COMPARE") != "1" {
		t.Skip("timing comparison: run by `make bench` (BENCH_COMPARE=1)")
	}
	var b strings.Builder
	fmt.Fprintf(&b, `
## Components beside contrib, in-process (one run, same spans, one core)

`+"`test/bench/compare`"+`: each component alone under `+"`GOMAXPROCS=1`"+` and `+"`taskset`"+`, %d spans of the workload per call, no OTLP decode or export; a component's cost without the pipeline around it.

| workload | redact, ns per span | contrib `+"`redaction`"+` (tuned, %d regexes), ns per span | ratio |
|---|---|---|---|
`, batch, len(tunedTargets))
	ours := processorRun(t, redactprocessor.NewFactory(), redactprocessor.NewFactory().CreateDefaultConfig())
	cf, ccfg := contribRedaction(t)
	contrib := processorRun(t, cf, ccfg)
	for _, p := range workload.LLMWorkloads {
		td := llmBatch(p, false)
		o, c := perSpan(td, ours), perSpan(td, contrib)
		fmt.Fprintf(&b, "| %s | %.0f | %.0f | %.1f× faster |\n", p, o, c, c/o)
	}

	// Span metrics with 10 dimensions on the same spans.
	td := llmBatch(workload.LLMWorkloads[0], true)
	ocfg := spanmetricsllm.NewFactory().CreateDefaultConfig().(*spanmetricsllm.Config)
	for _, d := range extraDims {
		ocfg.Dimensions = append(ocfg.Dimensions, spanmetricsllm.Dimension{Name: d})
	}
	oursSM := connectorRun(t, spanmetricsllm.NewFactory(), ocfg, consumertest.NewNop())
	sf := spanmetricsconnector.NewFactory()
	scfg := sf.CreateDefaultConfig()
	sec := contribSection(t, "connectors", "span_metrics")
	dims, _ := sec["dimensions"].([]any)
	for _, d := range extraDims {
		dims = append(dims, map[string]any{"name": d})
	}
	sec["dimensions"] = dims
	require.NoError(t, confmap.NewFromStringMap(sec).Unmarshal(scfg))
	contribSM := connectorRun(t, sf, scfg, consumertest.NewNop())
	o, c := perSpan(td, oursSM), perSpan(td, contribSM)
	fmt.Fprintf(&b, "\n| %s, 10 dimensions | span_metrics_llm (also tokens, cost, fallbacks), ns per span | contrib `span_metrics`, ns per span | ratio |\n|---|---|---|---|\n| span metrics | %.0f | %.0f | %.2f× |\n",
		workload.LLMWorkloads[0], o, c, c/o)
	fmt.Print(b.String())
}
