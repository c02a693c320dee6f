// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package spanmetricsllm

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/metadatatest"
	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

// runTel is run with component telemetry to read afterwards.
func runTel(t *testing.T, cfg *Config, tds ...ptrace.Traces) (pmetric.Metrics, *componenttest.Telemetry) {
	t.Helper()
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	sink := new(consumertest.MetricsSink)
	c, err := newConnector(metadatatest.NewSettings(tel), cfg, sink)
	require.NoError(t, err)
	for _, td := range tds {
		require.NoError(t, c.ConsumeTraces(context.Background(), td))
	}
	return c.build(time.Now()), tel
}

// haloTurn appends the spans chat_trace writes for one HALO Core turn: the
// root invoke_agent span (chat.turn) with its tool calls as chat.tool.call
// events and llm_cost's total of the turn, and the inference child span,
// priced by llm_cost from estimated tokens.
func haloTurn(ss ptrace.SpanSlice, dur time.Duration, fallback bool, errType string, tools ...string) {
	root := addSpan(ss, dur, map[string]any{
		genai.OperationName: genai.OpInvokeAgent, genai.AgentName: "Web Researcher", genai.ChatTurn: true,
		genai.RequestModel: "gpt-4.1", genai.ProviderName: "openai",
		genai.ChatFallbackUsed: fallback, genai.ChatStreamResult: map[bool]string{true: "empty", false: "ok"}[fallback],
		genai.ChatToolCalls: int64(len(tools)),
		// llm_cost's sum of the turn's calls, on the root.
		genai.CostAmount: 0.00048, genai.CostCurrency: "USD", genai.CostSource: genai.CostSourceAggregate, genai.CostStatus: genai.CostStatusEstimated,
	}, errType)
	for _, tool := range tools {
		e := root.Events().AppendEmpty()
		e.SetName(genai.ChatToolCallEvent)
		e.Attributes().PutStr(genai.ToolName, tool)
		e.Attributes().PutStr(genai.ToolType, "function")
	}
	child := addSpan(ss, dur, map[string]any{
		genai.OperationName: genai.OpChat, genai.AgentName: "Web Researcher", genai.RequestModel: "gpt-4.1", genai.ProviderName: "openai",
		genai.UsageInputTokens: 120, genai.UsageOutputTokens: 30, genai.UsageEstimated: true,
		genai.CostAmount: 0.00048, genai.CostCurrency: "USD", genai.CostSource: genai.CostSourceLocal, genai.CostStatus: genai.CostStatusEstimated,
	}, errType)
	child.SetTraceID(root.TraceID())
	child.SetParentSpanID(root.SpanID())
}

// TestTurnsAndCalls: HALO-shaped turns give per-turn counts (fallback and
// error rates per answer) beside per-call counts by kind, and tool calls
// from events; the 23.8 % fallback rate of the issue is not diluted by the
// inference and tool spans around it.
func TestTurnsAndCalls(t *testing.T) {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, "halo-core")
	ss := rs.ScopeSpans().AppendEmpty().Spans()
	// 21 turns: 5 fallbacks (23.8 %), 1 of them failed; 4 more failures.
	for i := range 21 {
		errType := ""
		if i == 0 || i >= 17 {
			errType = "RateLimitError"
		}
		haloTurn(ss, time.Duration(1+i%7)*time.Second, i < 5, errType, []string{"web_search", "think"}[:i%3]...)
	}
	// One execute_tool span (a call with a recorded duration) under the last turn.
	tool := addSpan(ss, 200*time.Millisecond, map[string]any{genai.OperationName: genai.OpExecuteTool, genai.ToolName: "read_url", genai.AgentName: "Web Researcher"}, "ToolError")
	tool.SetParentSpanID(ss.At(ss.Len() - 2).SpanID())

	md, tel := runTel(t, createDefaultConfig().(*Config), td)
	svc := map[string]any{genai.ServiceName: "halo-core"}
	with := func(kv ...any) map[string]any {
		m := map[string]any{genai.ServiceName: "halo-core"}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	turns := sum(points(md, "otelcol_llm.turns", svc))
	assert.Equal(t, 21.0, turns)
	assert.Equal(t, 5.0, sum(points(md, "otelcol_llm.turns", with(attrFallback, "true"))))
	assert.Equal(t, 5.0, sum(points(md, "otelcol_llm.turns", with(attrStatus, "error", genai.ErrorType, "RateLimitError"))))
	assert.InDelta(t, 5.0/21, sum(points(md, "otelcol_llm.turns", with(attrFallback, "true")))/turns, 1e-12)
	for _, p := range points(md, "otelcol_llm.turns", svc) {
		assert.Equal(t, genai.OpInvokeAgent, p.attrs[genai.OperationName], "only the root span is a turn")
	}
	var turnCount uint64
	for _, p := range points(md, "otelcol_llm.turn.duration", svc) {
		turnCount += p.count
	}
	assert.Equal(t, uint64(21), turnCount)

	// Per call, by kind: 21 inference calls (5 failed), 21 agent spans, 1 tool span.
	assert.Equal(t, 21.0, sum(points(md, genai.MetricCalls, with(attrKind, "inference"))))
	assert.Equal(t, 5.0, sum(points(md, genai.MetricCalls, with(attrKind, "inference", attrStatus, "error"))))
	assert.Equal(t, 21.0, sum(points(md, genai.MetricCalls, with(attrKind, "agent"))))
	assert.Equal(t, 1.0, sum(points(md, genai.MetricCalls, with(attrKind, "tool"))))
	var infCount uint64
	for _, p := range points(md, genai.MetricOperationDuration, with(attrKind, "inference")) {
		infCount += p.count
	}
	assert.Equal(t, uint64(21), infCount)

	// Tool calls: 7 turns × 1 + 7 × 2 events, plus the span.
	assert.Equal(t, 14.0, sum(points(md, "otelcol_llm.tool.calls", with(genai.ToolName, "web_search"))))
	assert.Equal(t, 7.0, sum(points(md, "otelcol_llm.tool.calls", with(genai.ToolName, "think"))))
	readURL := points(md, "otelcol_llm.tool.calls", with(genai.ToolName, "read_url"))
	require.Len(t, readURL, 1)
	assert.Equal(t, "error", readURL[0].attrs[attrStatus])
	for _, p := range points(md, "otelcol_llm.tool.calls", svc) {
		assert.Equal(t, genai.OpExecuteTool, p.attrs[genai.OperationName])
		assert.Equal(t, "Web Researcher", p.attrs[genai.AgentName])
		assert.Nil(t, p.attrs[genai.RequestModel], "a tool call has no model")
	}

	// Estimated tokens and their cost are labelled so; nothing is reported.
	assert.Equal(t, 21*120.0, sum(points(md, genai.MetricTokens, with(attrTokenType, "input", attrEstimated, "true"))))
	assert.Empty(t, points(md, genai.MetricTokens, with(attrEstimated, "false")))
	assert.InDelta(t, 21*0.00048, sum(points(md, genai.MetricCost, svc)), 1e-12, "each turn's cost once, not again as the root's total")
	assert.Equal(t, 5.0, sum(points(md, genai.MetricFallbacks, svc)), "fallbacks: the turns' only")

	metadatatest.AssertEqualConnectorSpanMetricsLlmSpans(t, tel, []metricdata.DataPoint[int64]{{Value: 43}}, metricdatatest.IgnoreTimestamp())
}

// TestTurnRule: without chat.turn, a trace's root GenAI span (not a tool)
// is a turn; chat.turn=false opts out; spans under other spans are calls.
func TestTurnRule(t *testing.T) {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, "otlp-app")
	ss := rs.ScopeSpans().AppendEmpty().Spans()
	// A script's chat call: root, a turn.
	addSpan(ss, time.Second, chat(map[string]any{genai.AgentName: "script"}), "")
	// A web app's chat call under its HTTP server span: not a turn.
	http := addSpan(ss, 2*time.Second, map[string]any{"http.route": "/v1/chat"}, "")
	c := addSpan(ss, time.Second, chat(map[string]any{genai.AgentName: "web"}), "")
	c.SetParentSpanID(http.SpanID())
	// The same web app marking its agent span as the turn.
	marked := addSpan(ss, 3*time.Second, map[string]any{genai.OperationName: genai.OpInvokeAgent, genai.AgentName: "web", genai.ChatTurn: true}, "")
	marked.SetParentSpanID(http.SpanID())
	// An agent framework: root invoke_agent (a turn) over a sub-agent (not).
	root := addSpan(ss, 4*time.Second, map[string]any{genai.OperationName: genai.OpInvokeAgent, genai.AgentName: "planner"}, "")
	sub := addSpan(ss, 3*time.Second, map[string]any{genai.OperationName: genai.OpInvokeAgent, genai.AgentName: "coder"}, "")
	sub.SetParentSpanID(root.SpanID())
	// A workflow root is a turn; a root tool span is not; nor a root marked chat.turn=false.
	addSpan(ss, time.Second, map[string]any{genai.OperationName: genai.OpInvokeWorkflow, genai.AgentName: "wf"}, "")
	addSpan(ss, time.Second, map[string]any{genai.OperationName: genai.OpExecuteTool, genai.AgentName: "tool-only", genai.ToolName: "x"}, "")
	addSpan(ss, time.Second, chat(map[string]any{genai.AgentName: "warmup", genai.ChatTurn: false}), "")

	md, _ := runTel(t, createDefaultConfig().(*Config), td)
	byAgent := map[string]float64{}
	for _, p := range points(md, "otelcol_llm.turns", nil) {
		byAgent[p.attrs[genai.AgentName].(string)] += p.value
	}
	assert.Equal(t, map[string]float64{"script": 1, "web": 1, "planner": 1, "wf": 1}, byAgent)
}

// TestUsageMarkers: tokens reported and estimated are kept apart; an
// aggregate (llm_cost's sum of the priced spans below) counts neither
// tokens nor cost, so nothing is counted twice.
func TestUsageMarkers(t *testing.T) {
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	// A LangChain-style inference span wrapping the provider's span: the
	// parent carries the sum llm_cost wrote.
	parent := addSpan(ss, 2*time.Second, chat(map[string]any{genai.CostAmount: 0.009, genai.CostSource: genai.CostSourceAggregate, genai.CostStatus: genai.CostStatusPriced}), "")
	child := addSpan(ss, time.Second, chat(map[string]any{genai.CostSource: genai.CostSourceLocal, genai.CostStatus: genai.CostStatusPriced}), "")
	child.SetParentSpanID(parent.SpanID())
	// Estimated by cost status alone (what llm_cost wrote before it wrote the counts).
	addSpan(ss, time.Second, chat(map[string]any{genai.CostStatus: genai.CostStatusEstimated}), "")

	md, _ := runTel(t, createDefaultConfig().(*Config), td)
	assert.Equal(t, 1000.0, sum(points(md, genai.MetricTokens, map[string]any{attrTokenType: "input", attrEstimated: "false"})))
	assert.Equal(t, 1000.0, sum(points(md, genai.MetricTokens, map[string]any{attrTokenType: "input", attrEstimated: "true"})))
	assert.InDelta(t, 0.0045, sum(points(md, genai.MetricCost, map[string]any{attrEstimated: "false"})), 1e-12)
	assert.InDelta(t, 0.0045, sum(points(md, genai.MetricCost, map[string]any{attrEstimated: "true"})), 1e-12)
	usage := points(md, genai.MetricTokenUsage, map[string]any{attrTokenType: "input"})
	var n uint64
	for _, p := range usage {
		n += p.count
	}
	assert.Equal(t, uint64(2), n, "the aggregate adds no observation")
	assert.Equal(t, 3.0, sum(points(md, genai.MetricCalls, map[string]any{attrKind: "inference"})), "it is still a call")
}

// TestInvalidValues: out-of-range numbers are skipped and counted, and no
// counter moves backwards (a span with input_tokens = MaxInt64 once made
// otelcol_llm_tokens_total -9.2e18).
func TestInvalidValues(t *testing.T) {
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	addSpan(ss, time.Second, chat(nil), "") // 1000 / 200 tokens, 0.0045
	addSpan(ss, time.Second, chat(map[string]any{genai.UsageInputTokens: int64(math.MaxInt64)}), "")
	addSpan(ss, time.Second, chat(map[string]any{genai.UsageOutputTokens: "NaN", genai.UsageInputTokens: "+Inf"}), "")
	addSpan(ss, time.Second, chat(map[string]any{genai.UsageInputTokens: 1e300, genai.CostAmount: -1.0}), "")
	addSpan(ss, time.Second, chat(map[string]any{genai.CostAmount: "NaN", genai.TimeToFirstChunk: "NaN", genai.ChatKnowledgeHits: -3}), "")
	addSpan(ss, time.Second, chat(map[string]any{genai.CostAmount: math.Inf(1), genai.TimeToFirstChunk: -0.5}), "")
	addSpan(ss, time.Second, chat(map[string]any{genai.UsageInputTokens: -5, genai.UsageOutputTokens: 1.5}), "")
	noTimes := addSpan(ss, time.Second, chat(nil), "")
	noTimes.SetStartTimestamp(0)
	backwards := addSpan(ss, time.Second, chat(nil), "")
	backwards.SetEndTimestamp(backwards.StartTimestamp() - 1)

	md, tel := runTel(t, createDefaultConfig().(*Config), td)
	// Valid input counts: spans 1 and 5 to 8, 1000 each.
	assert.Equal(t, 5000.0, sum(points(md, genai.MetricTokens, map[string]any{attrTokenType: "input"})))
	// Valid output counts: every span but the NaN one.
	assert.Equal(t, 7*200.0, sum(points(md, genai.MetricTokens, map[string]any{attrTokenType: "output"})))
	assert.InDelta(t, 6*0.0045, sum(points(md, genai.MetricCost, nil)), 1e-12)
	for _, p := range points(md, genai.MetricTokens, nil) {
		assert.GreaterOrEqual(t, p.value, 0.0)
	}
	assert.Empty(t, points(md, genai.MetricTimeToFirstChunkV141, nil))
	assert.Empty(t, points(md, genai.MetricKnowledgeHits, nil))
	var n uint64
	for _, p := range points(md, genai.MetricOperationDuration, nil) {
		n += p.count
		assert.False(t, math.IsNaN(p.value))
	}
	assert.Equal(t, uint64(7), n, "two spans have no usable duration")
	assert.Equal(t, 9.0, sum(points(md, genai.MetricCalls, nil)), "every span is still a call")
	// MaxInt64, NaN, +Inf, 1e300, -5, 1.5 tokens; -1, NaN, +Inf cost; NaN,
	// -0.5 time to first chunk; -3 hits; two durations.
	metadatatest.AssertEqualConnectorSpanMetricsLlmInvalidValues(t, tel, []metricdata.DataPoint[int64]{{Value: 14}}, metricdatatest.IgnoreTimestamp())
}

// TestLabelValueCap: an 800,000-character provider name becomes one label
// value of at most label_value_max_length bytes, cut at a character
// boundary and marked; every cut is counted.
func TestLabelValueCap(t *testing.T) {
	huge := strings.Repeat("é", 400_000) // 800,000 bytes
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	addSpan(ss, time.Second, chat(map[string]any{genai.ProviderName: huge}), "")
	addSpan(ss, time.Second, chat(map[string]any{genai.ProviderName: huge + "other"}), "")
	addSpan(ss, time.Second, chat(map[string]any{genai.RequestModel: strings.Repeat("m", 300)}), "")
	cfg := createDefaultConfig().(*Config)
	md, tel := runTel(t, cfg, td)
	calls := points(md, genai.MetricCalls, nil)
	require.Len(t, calls, 2, "the two huge names share one series")
	for _, p := range calls {
		for k, v := range p.attrs {
			s := v.(string)
			assert.LessOrEqual(t, len(s), cfg.LabelValueMaxLength, k)
			assert.True(t, utf8.ValidString(s), k)
		}
	}
	prov := points(md, genai.MetricCalls, map[string]any{genai.RequestModel: "gpt-4o"})
	require.Len(t, prov, 1)
	assert.True(t, strings.HasSuffix(prov[0].attrs[genai.ProviderName].(string), truncationMarker))
	assert.Equal(t, 2.0, prov[0].value)
	metadatatest.AssertEqualConnectorSpanMetricsLlmTruncatedValues(t, tel, []metricdata.DataPoint[int64]{{Value: 3}}, metricdatatest.IgnoreTimestamp())
	size := 0
	for i := 0; i < md.ResourceMetrics().Len(); i++ {
		m := pmetric.NewMetrics()
		md.ResourceMetrics().At(i).CopyTo(m.ResourceMetrics().AppendEmpty())
		b, err := (&pmetric.ProtoMarshaler{}).MarshalMetrics(m)
		require.NoError(t, err)
		size += len(b)
	}
	assert.Less(t, size, 100_000, "metrics stay small")
}

// TestRedeliveryCountedOnce is the redelivery drill: a sender that lost
// the answer to its export retries the batch (and a later batch overlaps
// it); calls, tokens and cost are counted once, the copies are counted as
// duplicates. With deduplication off the same input counts twice.
func TestRedeliveryCountedOnce(t *testing.T) {
	batch := func() ptrace.Traces {
		td := ptrace.NewTraces()
		ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
		for range 50 {
			addSpan(ss, time.Second, chat(nil), "")
		}
		return td
	}
	first := batch()
	overlap := batch()
	first.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(7).CopyTo(overlap.ResourceSpans().At(0).ScopeSpans().At(0).Spans().AppendEmpty())

	md, tel := runTel(t, createDefaultConfig().(*Config), first, first, overlap)
	assert.Equal(t, 100.0, sum(points(md, genai.MetricCalls, nil)))
	assert.Equal(t, 100*1000.0, sum(points(md, genai.MetricTokens, map[string]any{attrTokenType: "input"})))
	assert.InDelta(t, 100*0.0045, sum(points(md, genai.MetricCost, nil)), 1e-9)
	assert.Equal(t, 100.0, sum(points(md, "otelcol_llm.turns", nil)))
	metadatatest.AssertEqualConnectorSpanMetricsLlmDuplicateSpans(t, tel, []metricdata.DataPoint[int64]{{Value: 51}}, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualConnectorSpanMetricsLlmSpans(t, tel, []metricdata.DataPoint[int64]{{Value: 100}}, metricdatatest.IgnoreTimestamp())

	off := createDefaultConfig().(*Config)
	off.Deduplication.Enabled = false
	md, _ = runTel(t, off, first, first, overlap)
	assert.Equal(t, 151.0, sum(points(md, genai.MetricCalls, nil)), "without deduplication every copy counts")
}

// TestAttributeHistograms: a configured histogram of a numeric span
// attribute (HemoStat's analysis confidence) with the usual dimensions.
func TestAttributeHistograms(t *testing.T) {
	cfg := createDefaultConfig().(*Config)
	cfg.Dimensions = []Dimension{{Name: "hemostat.action"}}
	cfg.Histograms = []HistogramConfig{{Name: "hemostat.analysis.confidence", Attribute: "hemostat.confidence", Buckets: []float64{0.5, 0.7, 0.9}}}
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	for _, v := range []any{0.95, 0.85, 0.6, "0.3", 0.9} {
		addSpan(ss, time.Second, map[string]any{genai.OperationName: genai.OpInvokeAgent, genai.AgentName: "analyzer", "hemostat.confidence": v, "hemostat.action": "restart"}, "")
	}
	addSpan(ss, time.Second, map[string]any{genai.OperationName: genai.OpInvokeAgent, genai.AgentName: "analyzer", "hemostat.confidence": "high"}, "")
	addSpan(ss, time.Second, map[string]any{genai.OperationName: genai.OpInvokeAgent, genai.AgentName: "monitor"}, "")
	md, tel := runTel(t, cfg, td)
	h := points(md, "hemostat.analysis.confidence", map[string]any{genai.AgentName: "analyzer", "hemostat.action": "restart"})
	require.Len(t, h, 1)
	assert.Equal(t, uint64(5), h[0].count)
	assert.Equal(t, []uint64{1, 1, 2, 1}, h[0].bkts) // 0.3 | 0.6 | 0.85, 0.9 | 0.95
	assert.InDelta(t, 3.6, h[0].value, 1e-12)
	assert.Len(t, points(md, "hemostat.analysis.confidence", nil), 1)
	metadatatest.AssertEqualConnectorSpanMetricsLlmInvalidValues(t, tel, []metricdata.DataPoint[int64]{{Value: 1}}, metricdatatest.IgnoreTimestamp())
	// The dimension is on every metric.
	assert.Equal(t, 5.0, sum(points(md, "otelcol_llm.turns", map[string]any{"hemostat.action": "restart"})))
}

// A span without ids is never taken for a redelivery.
func TestZeroIDsNotDeduplicated(t *testing.T) {
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	for range 3 {
		s := addSpan(ss, time.Second, chat(nil), "")
		s.SetTraceID(pcommon.NewTraceIDEmpty())
		s.SetSpanID(pcommon.NewSpanIDEmpty())
	}
	md, _ := runTel(t, createDefaultConfig().(*Config), td)
	assert.Equal(t, 3.0, sum(points(md, genai.MetricCalls, nil)))
}
