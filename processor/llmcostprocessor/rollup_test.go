// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/metadatatest"
)

var (
	turnTrace = pcommon.TraceID{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
	rootSpan  = pcommon.SpanID{1, 1, 1, 1, 1, 1, 1, 1}
)

// treeSpan appends a span of trace turnTrace.
func treeSpan(ss ptrace.SpanSlice, id, parent byte, attrs map[string]any) ptrace.Span {
	s := ss.AppendEmpty()
	s.SetTraceID(turnTrace)
	s.SetSpanID(pcommon.SpanID{id, id, id, id, id, id, id, id})
	if parent != 0 {
		s.SetParentSpanID(pcommon.SpanID{parent, parent, parent, parent, parent, parent, parent, parent})
	}
	s.SetStartTimestamp(pcommon.NewTimestampFromTime(dec2026))
	s.SetEndTimestamp(pcommon.NewTimestampFromTime(dec2026.Add(time.Second)))
	if err := s.Attributes().FromRaw(attrs); err != nil {
		panic(err)
	}
	return s
}

func exact(t *testing.T, want string, got any) {
	t.Helper()
	r, ok := new(big.Rat).SetString(want)
	require.True(t, ok)
	f, _ := r.Float64()
	assert.Equal(t, f, got)
}

// pipelines runs one llm_cost component (one ID) in a traces and a logs
// pipeline, as the collector does, and returns the two instances' inputs.
type pipelines struct {
	tr     *consumertest.TracesSink
	lg     *consumertest.LogsSink
	tel    *componenttest.Telemetry
	traces func(ptrace.Traces)
	logs   func(plog.Logs)
}

func newPipelines(t *testing.T, cfg *Config) *pipelines {
	t.Helper()
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	pl := &pipelines{tr: new(consumertest.TracesSink), lg: new(consumertest.LogsSink), tel: tel}
	set := metadatatest.NewSettings(tel)
	tp, err := createTraces(context.Background(), set, cfg, pl.tr)
	require.NoError(t, err)
	lp, err := createLogs(context.Background(), set, cfg, pl.lg)
	require.NoError(t, err)
	host := componenttest.NewNopHost()
	require.NoError(t, tp.Start(context.Background(), host))
	require.NoError(t, lp.Start(context.Background(), host))
	t.Cleanup(func() {
		require.NoError(t, tp.Shutdown(context.Background()))
		require.NoError(t, lp.Shutdown(context.Background()))
	})
	pl.traces = func(td ptrace.Traces) { require.NoError(t, tp.ConsumeTraces(context.Background(), td)) }
	pl.logs = func(ld plog.Logs) { require.NoError(t, lp.ConsumeLogs(context.Background(), ld)) }
	return pl
}

// TestTurnTotal: a chat_trace turn (an invoke_agent root, one chat span
// per model call with estimated tokens, a tool span) and then its log
// record, in their own pipelines: the root span and the log record carry the
// exact sum of the priced calls, marked aggregate, and nothing is counted
// twice.
func TestTurnTotal(t *testing.T) {
	pl := newPipelines(t, createDefaultConfig().(*Config))
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	turn := map[string]any{genai.OperationName: "invoke_agent", genai.AgentName: "support", genai.RequestModel: "gpt-4o"}
	treeSpan(ss, 1, 0, turn)
	// gpt-4o, o200k_base: in "Hello, world!" = 3+1+4+3 = 11, out "Hi there! How can I help?" = 8.
	treeSpan(ss, 2, 1, map[string]any{
		genai.OperationName: "chat", genai.RequestModel: "gpt-4o",
		genai.InputMessages:  `[{"role":"user","content":"Hello, world!"}]`,
		genai.OutputMessages: `[{"role":"assistant","content":"Hi there! How can I help?"}]`,
	})
	// A second call with reported tokens: 1000×2.50 + 100×10 = 3500.
	treeSpan(ss, 3, 1, map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.UsageInputTokens: 1000, genai.UsageOutputTokens: 100})
	treeSpan(ss, 4, 1, map[string]any{genai.OperationName: "execute_tool", genai.ToolName: "search"})
	pl.traces(td)

	ld := plog.NewLogs()
	lr := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	lr.SetTraceID(turnTrace)
	lr.SetSpanID(rootSpan)
	lr.SetTimestamp(pcommon.NewTimestampFromTime(dec2026))
	lr.SetEventName(genai.ChatTurnEvent)
	require.NoError(t, lr.Attributes().FromRaw(turn))
	pl.logs(ld)

	got := pl.tr.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	root, est, rep, tool := got.At(0), got.At(1), got.At(2), got.At(3)
	// 11×2.50 + 8×10 = 107.5 per million; the turn: 107.5 + 3500 = 3607.5 per million.
	exact(t, "0.0001075", attr(t, est, genai.CostAmount))
	assert.Equal(t, "estimated", attr(t, est, genai.CostStatus))
	assert.Equal(t, int64(11), attr(t, est, genai.UsageInputTokens), "estimated counts are written")
	assert.Equal(t, int64(8), attr(t, est, genai.UsageOutputTokens))
	assert.Equal(t, true, attr(t, est, genai.UsageEstimated), "and marked")
	assert.Nil(t, attr(t, rep, genai.UsageEstimated))
	exact(t, "0.0036075", attr(t, root, genai.CostAmount))
	assert.Equal(t, "aggregate", attr(t, root, genai.CostSource))
	assert.Equal(t, "estimated", attr(t, root, genai.CostStatus), "a total with an estimated part")
	assert.Nil(t, attr(t, tool, genai.CostStatus))

	rec := pl.lg.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0)
	v, ok := rec.Attributes().Get(genai.CostAmount)
	require.True(t, ok, "the turn's log record carries its cost")
	exact(t, "0.0036075", v.Double())
	src, _ := rec.Attributes().Get(genai.CostSource)
	assert.Equal(t, "aggregate", src.Str())

	// Each call counted once; the two aggregates apart.
	one := []metricdata.DataPoint[int64]{{Value: 1}}
	metadatatest.AssertEqualProcessorLlmCostPricedItems(t, pl.tel, one, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualProcessorLlmCostEstimatedItems(t, pl.tel, one, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualProcessorLlmCostAggregatedItems(t, pl.tel, []metricdata.DataPoint[int64]{{Value: 2}}, metricdatatest.IgnoreTimestamp())
}

// TestTeamTurnSumsMembers: a HALO "team" turn is an invoke_workflow root
// with member agents below it; every level gets the sum of its own subtree,
// and an unpriced call makes the totals partial.
func TestTeamTurnSumsMembers(t *testing.T) {
	pl := newPipelines(t, createDefaultConfig().(*Config))
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	treeSpan(ss, 1, 0, map[string]any{genai.OperationName: "invoke_workflow", genai.AgentName: "team"})
	treeSpan(ss, 2, 1, map[string]any{genai.OperationName: "invoke_agent", genai.AgentName: "researcher"})
	treeSpan(ss, 3, 2, map[string]any{genai.OperationName: "chat", genai.RequestModel: "claude-haiku-4-5", genai.UsageInputTokens: 1000, genai.UsageOutputTokens: 100}) // 1000×1 + 100×5 = 1500
	treeSpan(ss, 4, 1, map[string]any{genai.OperationName: "invoke_agent", genai.AgentName: "writer"})
	treeSpan(ss, 5, 4, map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-5.1", genai.UsageInputTokens: 2000, genai.UsageOutputTokens: 200}) // 2000×1.25 + 200×10 = 4500
	treeSpan(ss, 6, 4, map[string]any{genai.OperationName: "chat", genai.RequestModel: "house-model", genai.UsageInputTokens: 10, genai.UsageOutputTokens: 10})
	pl.traces(td)
	got := pl.tr.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	exact(t, "0.006", attr(t, got.At(0), genai.CostAmount)) // 1500 + 4500
	assert.Equal(t, "partial", attr(t, got.At(0), genai.CostStatus))
	exact(t, "0.0015", attr(t, got.At(1), genai.CostAmount))
	assert.Equal(t, "priced", attr(t, got.At(1), genai.CostStatus))
	exact(t, "0.0045", attr(t, got.At(3), genai.CostAmount))
	assert.Equal(t, "partial", attr(t, got.At(3), genai.CostStatus), "one call below it has no price")
}

// TestParentWithTotalsIsNotPricedAgain: a span with a model and totals but
// no operation name whose children are priced (frameworks that repeat the
// sum on a wrapper span) gets their sum as an aggregate, in the same batch
// and when its children came in an earlier one; without priced children it
// is priced as the call it is.
func TestParentWithTotalsIsNotPricedAgain(t *testing.T) {
	for _, split := range []bool{false, true} {
		pl := newPipelines(t, createDefaultConfig().(*Config))
		child := ptrace.NewTraces()
		cs := child.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
		treeSpan(cs, 2, 1, map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.UsageInputTokens: 1000, genai.UsageOutputTokens: 100})
		parent := child
		ps := cs
		if split {
			pl.traces(child)
			parent = ptrace.NewTraces()
			ps = parent.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
		}
		treeSpan(ps, 1, 0, map[string]any{genai.RequestModel: "gpt-4o", genai.UsageInputTokens: 1000, genai.UsageOutputTokens: 100})
		pl.traces(parent)
		all := pl.tr.AllTraces()
		last := all[len(all)-1].ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		p := last.At(last.Len() - 1)
		exact(t, "0.0035", attr(t, p, genai.CostAmount)) // the child's 1000×2.50 + 100×10, once
		assert.Equal(t, "aggregate", attr(t, p, genai.CostSource), "split batches: %v", split)
		metadatatest.AssertEqualProcessorLlmCostPricedItems(t, pl.tel, []metricdata.DataPoint[int64]{{Value: 1}}, metricdatatest.IgnoreTimestamp())
	}
	pl := newPipelines(t, createDefaultConfig().(*Config))
	td := ptrace.NewTraces()
	treeSpan(td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans(), 7, 0, map[string]any{genai.RequestModel: "gpt-4o", genai.UsageInputTokens: 1000, genai.UsageOutputTokens: 100})
	pl.traces(td)
	s := pl.tr.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	assert.Equal(t, "local", attr(t, s, genai.CostSource), "alone, it is the call")
}

// TestAgentReportedCost: OpenInference's llm.cost.total on an AGENT span
// with no priced child is kept as the provider's figure and counted once;
// with priced children the span is an aggregate.
func TestAgentReportedCost(t *testing.T) {
	pl := newPipelines(t, createDefaultConfig().(*Config))
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	treeSpan(ss, 1, 0, map[string]any{"openinference.span.kind": "AGENT", "llm.cost.total": 0.125})
	pl.traces(td)
	s := pl.tr.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	assert.Equal(t, 0.125, attr(t, s, genai.CostAmount))
	assert.Equal(t, "provider", attr(t, s, genai.CostSource))
	metadatatest.AssertEqualProcessorLlmCostReportedItems(t, pl.tel, []metricdata.DataPoint[int64]{{Value: 1}}, metricdatatest.IgnoreTimestamp())

	pl = newPipelines(t, createDefaultConfig().(*Config))
	td = ptrace.NewTraces()
	ss = td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	treeSpan(ss, 1, 0, map[string]any{"openinference.span.kind": "AGENT", "llm.cost.total": 0.0035})
	treeSpan(ss, 2, 1, map[string]any{"openinference.span.kind": "LLM", "llm.model_name": "gpt-4o", "llm.token_count.prompt": 1000, "llm.token_count.completion": 100, "llm.cost.total": 0.0035})
	pl.traces(td)
	got := pl.tr.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	assert.Equal(t, "aggregate", attr(t, got.At(0), genai.CostSource))
	assert.Equal(t, "provider", attr(t, got.At(1), genai.CostSource))
	metadatatest.AssertEqualProcessorLlmCostReportedItems(t, pl.tel, []metricdata.DataPoint[int64]{{Value: 1}}, metricdatatest.IgnoreTimestamp())
}

// TestDrift: a call with a provider-reported cost and tokens we can price
// records both amounts, so a stale price shows as a ratio away from 1.
func TestDrift(t *testing.T) {
	pl := newPipelines(t, createDefaultConfig().(*Config))
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	// OpenRouter-style usage.cost on a pushed run: 0.004 reported; ours
	// 1000×2.50 + 100×10 = 3500 -> 0.0035.
	treeSpan(ss, 2, 0, map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.UsageInputTokens: 1000, genai.UsageOutputTokens: 100, genai.CostAmount: 0.004})
	pl.traces(td)
	attrs := attribute.NewSet(attribute.String("pricing_id", "default:gpt-4o@2024-10-01"), attribute.String("currency", "USD"))
	metadatatest.AssertEqualProcessorLlmCostDriftReportedAmount(t, pl.tel, []metricdata.DataPoint[float64]{{Value: 0.004, Attributes: attrs}}, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualProcessorLlmCostDriftComputedAmount(t, pl.tel, []metricdata.DataPoint[float64]{{Value: 0.0035, Attributes: attrs}}, metricdatatest.IgnoreTimestamp())
	s := pl.tr.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	assert.Equal(t, 0.004, attr(t, s, genai.CostAmount), "the reported cost is what the span carries")
}

// TestDriftOncePerCall: a turn's log record with the span context of its
// call describes the same call: the span's drift counts, the record's does
// not; a log record without a span context is a call of its own.
func TestDriftOncePerCall(t *testing.T) {
	pl := newPipelines(t, createDefaultConfig().(*Config))
	call := map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.UsageInputTokens: 1000, genai.UsageOutputTokens: 100, genai.CostAmount: 0.004}
	td := ptrace.NewTraces()
	s := treeSpan(td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans(), 2, 0, call)
	pl.traces(td)
	ld := plog.NewLogs()
	recs := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
	linked := recs.AppendEmpty()
	linked.SetTraceID(s.TraceID())
	linked.SetSpanID(s.SpanID())
	require.NoError(t, linked.Attributes().FromRaw(call))
	require.NoError(t, recs.AppendEmpty().Attributes().FromRaw(call)) // no span context
	pl.logs(ld)
	attrs := attribute.NewSet(attribute.String("pricing_id", "default:gpt-4o@2024-10-01"), attribute.String("currency", "USD"))
	metadatatest.AssertEqualProcessorLlmCostDriftReportedAmount(t, pl.tel, []metricdata.DataPoint[float64]{{Value: 0.008, Attributes: attrs}}, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualProcessorLlmCostDriftComputedAmount(t, pl.tel, []metricdata.DataPoint[float64]{{Value: 0.007, Attributes: attrs}}, metricdatatest.IgnoreTimestamp())
	for _, r := range []plog.LogRecord{linked, recs.At(1)} {
		v, ok := r.Attributes().Get(genai.CostAmount)
		require.True(t, ok)
		assert.Equal(t, 0.004, v.Double(), "each record keeps its reported cost")
	}
}

// TestBadNumbersAreCountedNotPriced: invalid and failed items are counted
// in their own metrics and never as unpriced.
func TestBadNumbersAreCountedNotPriced(t *testing.T) {
	pl := newPipelines(t, createDefaultConfig().(*Config))
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	treeSpan(ss, 2, 0, map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.UsageInputTokens: int64(9_223_372_036_854_775_807), genai.UsageOutputTokens: 1})
	treeSpan(ss, 3, 0, map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.UsageInputTokens: -3, genai.UsageOutputTokens: 1})
	f := treeSpan(ss, 4, 0, map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o"})
	f.Status().SetCode(ptrace.StatusCodeError)
	pl.traces(td)
	metadatatest.AssertEqualProcessorLlmCostInvalidItems(t, pl.tel, []metricdata.DataPoint[int64]{{Value: 2}}, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualProcessorLlmCostFailedItems(t, pl.tel, []metricdata.DataPoint[int64]{{Value: 1}}, metricdatatest.IgnoreTimestamp())
	_, err := pl.tel.GetMetric("otelcol_processor_llm_cost_unpriced_items")
	assert.Error(t, err, "nothing counted as unpriced")
}

// TestLogOnlyTurnIsPriced: a chat_trace turn with no spans (its duration
// unknown) is one log record: it is priced as the turn's call.
func TestLogOnlyTurnIsPriced(t *testing.T) {
	pl := newPipelines(t, createDefaultConfig().(*Config))
	ld := plog.NewLogs()
	lr := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	lr.SetTimestamp(pcommon.NewTimestampFromTime(dec2026))
	require.NoError(t, lr.Attributes().FromRaw(map[string]any{
		genai.OperationName: "invoke_agent", genai.ChatTurn: true, genai.RequestModel: "gpt-4o",
		genai.InputMessages:  `[{"role":"user","content":"Hello, world!"}]`,
		genai.OutputMessages: `[{"role":"assistant","content":"Hi there! How can I help?"}]`,
	}))
	pl.logs(ld)
	a := pl.lg.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0).Attributes()
	v, ok := a.Get(genai.CostAmount)
	require.True(t, ok)
	exact(t, "0.0001075", v.Double()) // 11×2.50 + 8×10 per million
	st, _ := a.Get(genai.CostStatus)
	assert.Equal(t, "estimated", st.Str())
}

// TestLoneCallsSkipTheStore: a root span's own cost is in no total, so
// traces of one lone call, most LLM traffic, leave the cost store empty;
// their turn records (trace and span id of the call) are priced as the call,
// and a call below a root still makes the root's total.
func TestLoneCallsSkipTheStore(t *testing.T) {
	pl := newPipelines(t, createDefaultConfig().(*Config))
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	for i := range 20 {
		s := treeSpan(ss, 1, 0, map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.UsageInputTokens: 1000, genai.UsageOutputTokens: 100})
		s.SetTraceID(pcommon.TraceID{byte(i + 1)})
	}
	pl.traces(td)
	store := registry[metadatatest.NewSettings(pl.tel).ID].store
	assert.Equal(t, 0, store.Len(), "lone calls are not stored")
	got := pl.tr.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	for i := 0; i < got.Len(); i++ {
		exact(t, "0.0035", attr(t, got.At(i), genai.CostAmount))
	}

	ld := plog.NewLogs()
	lr := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	lr.SetTraceID(pcommon.TraceID{1})
	lr.SetSpanID(rootSpan)
	lr.SetTimestamp(pcommon.NewTimestampFromTime(dec2026))
	require.NoError(t, lr.Attributes().FromRaw(map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.UsageInputTokens: 1000, genai.UsageOutputTokens: 100, genai.ChatTurn: true}))
	pl.logs(ld)
	rec := pl.lg.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0)
	src, _ := rec.Attributes().Get(genai.CostSource)
	assert.Equal(t, "local", src.Str(), "a one-call turn's record is priced as the call")

	// An agent turn: its calls have a parent and are stored.
	td = ptrace.NewTraces()
	ss = td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	treeSpan(ss, 1, 0, map[string]any{genai.OperationName: "invoke_agent", genai.AgentName: "support"})
	treeSpan(ss, 2, 1, map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.UsageInputTokens: 1000, genai.UsageOutputTokens: 100})
	pl.traces(td)
	assert.Equal(t, 1, store.Len())
	root := pl.tr.AllTraces()[1].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	exact(t, "0.0035", attr(t, root, genai.CostAmount))

	// A log record of that trace without a span id names no span: no total.
	ld = plog.NewLogs()
	lr = ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	lr.SetTraceID(turnTrace)
	lr.SetTimestamp(pcommon.NewTimestampFromTime(dec2026))
	require.NoError(t, lr.Attributes().FromRaw(map[string]any{genai.OperationName: "invoke_agent", genai.AgentName: "support"}))
	pl.logs(ld)
	rec = pl.lg.AllLogs()[1].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0)
	_, ok := rec.Attributes().Get(genai.CostAmount)
	assert.False(t, ok)
}
