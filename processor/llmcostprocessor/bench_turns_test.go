// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor

import (
	"context"
	"encoding/binary"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/metadata"
)

// BenchmarkProcessTracesTurns prices agent turns as OTLP sends them: ten
// traces of ten spans (an invoke_agent root, eight chat calls with reported
// tokens, a tool), every copy with fresh trace ids, so the per-trace cost
// store records new traces all the time, as in production, and the roots
// get their totals.
func BenchmarkProcessTracesTurns(b *testing.B) {
	p, err := newCostProcessor(processortest.NewNopSettings(metadata.Type), createDefaultConfig().(*Config))
	require.NoError(b, err)
	defer func() { _ = p.shutdown(context.Background()) }()
	src := ptrace.NewTraces()
	ss := src.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	models := []string{"gpt-4o-2024-08-06", "claude-sonnet-4-5-20250929", "gemini-2.5-flash", "deepseek-chat"}
	for t := range benchSpanCount / 10 {
		for k := range 10 {
			s := ss.AppendEmpty()
			s.SetSpanID(pcommon.SpanID{byte(t), byte(k + 1), 1, 1, 1, 1, 1, 1})
			if k > 0 {
				s.SetParentSpanID(pcommon.SpanID{byte(t), 1, 1, 1, 1, 1, 1, 1})
			}
			s.SetStartTimestamp(pcommon.NewTimestampFromTime(spanEnd.Add(-2 * time.Second)))
			s.SetEndTimestamp(pcommon.NewTimestampFromTime(spanEnd))
			a := s.Attributes()
			switch k {
			case 0:
				a.PutStr(genai.OperationName, genai.OpInvokeAgent)
				a.PutStr(genai.AgentName, "support")
			case 9:
				a.PutStr(genai.OperationName, genai.OpExecuteTool)
				a.PutStr(genai.ToolName, "search")
			default:
				a.PutStr(genai.OperationName, genai.OpChat)
				a.PutStr(genai.RequestModel, models[k%len(models)])
				a.PutInt(genai.UsageInputTokens, 1200)
				a.PutInt(genai.UsageOutputTokens, 300)
			}
		}
	}
	var seq uint64
	fresh := func(td ptrace.Traces) {
		spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		var id pcommon.TraceID
		for i := 0; i < spans.Len(); i++ {
			if i%10 == 0 {
				seq++
				binary.BigEndian.PutUint64(id[:8], seq)
			}
			spans.At(i).SetTraceID(id)
		}
	}
	warm := ptrace.NewTraces()
	src.CopyTo(warm)
	fresh(warm)
	_, _ = p.processTraces(context.Background(), warm)
	work := make([]ptrace.Traces, 64)
	refill := func() {
		for i := range work {
			work[i] = ptrace.NewTraces()
			src.CopyTo(work[i])
			fresh(work[i])
		}
	}
	refill()
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if i == len(work) {
			b.StopTimer()
			refill()
			i = 0
			b.StartTimer()
		}
		_, _ = p.processTraces(context.Background(), work[i])
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchSpanCount), "ns/span")
}
