// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package spanmetricsllm

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/connector/connectortest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/metadatatest"
	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

func kv(pairs ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i < len(pairs); i += 2 {
		m[pairs[i].(string)] = pairs[i+1]
	}
	return m
}

func newTraces(service string) (ptrace.Traces, ptrace.SpanSlice) {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, service)
	return td, rs.ScopeSpans().AppendEmpty().Spans()
}

// metricNames lists the names of md's metrics.
func metricNames(md pmetric.Metrics) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < md.ResourceMetrics().Len(); i++ {
		sms := md.ResourceMetrics().At(i).ScopeMetrics()
		for j := 0; j < sms.Len(); j++ {
			for k := 0; k < sms.At(j).Metrics().Len(); k++ {
				out[sms.At(j).Metrics().At(k).Name()] = true
			}
		}
	}
	return out
}

// TestBothGenerationsSameMetrics: a call written with v1.41's names and the
// same call with the newer ones (cache_write, the newer span shape) give
// the same metrics, in either output convention.
func TestBothGenerationsSameMetrics(t *testing.T) {
	base := kv(genai.OperationName, genai.OpChat, genai.ProviderName, "anthropic", genai.RequestModel, "claude-sonnet-4-5",
		genai.UsageInputTokens, 1200, genai.UsageOutputTokens, 300, genai.UsageCacheRead, 400,
		genai.CostAmount, 0.0081, genai.CostCurrency, "USD", genai.CostSource, genai.CostSourceLocal, genai.TimeToFirstChunk, 0.4)
	gen := func(cacheKey string) ptrace.Traces {
		td, ss := newTraces("app")
		a := kv(cacheKey, 250)
		for k, v := range base {
			a[k] = v
		}
		s := addSpan(ss, 2*time.Second, a, "")
		s.SetParentSpanID(pcommon.SpanID{1}) // a call, not a turn
		return td
	}
	for _, conv := range []string{"v1.41", "development"} {
		cfg := createDefaultConfig().(*Config)
		cfg.SemanticConventions = conv
		old, _ := runTel(t, cfg, gen(genai.UsageCacheCreation))
		cfg2 := createDefaultConfig().(*Config)
		cfg2.SemanticConventions = conv
		newer, _ := runTel(t, cfg2, gen(genai.UsageCacheWrite))
		assert.Equal(t, metricNames(old), metricNames(newer), conv)
		for name := range metricNames(old) {
			po, pn := points(old, name, nil), points(newer, name, nil)
			require.Len(t, pn, len(po), "%s %s", conv, name)
			byAttrs := map[string]point{}
			for _, p := range po {
				byAttrs[fmt.Sprint(p.attrs)] = p
			}
			for _, p := range pn {
				o, ok := byAttrs[fmt.Sprint(p.attrs)]
				require.True(t, ok, "%s %s %v", conv, name, p.attrs)
				assert.Equal(t, o.value, p.value, "%s %s", conv, name)
				assert.Equal(t, o.bkts, p.bkts, "%s %s", conv, name)
			}
		}
		assert.Equal(t, 250.0, sum(points(newer, genai.MetricTokens, kv(attrTokenType, "cache_write"))), conv)
	}
}

// TestConventionNames: the metric names each convention defines for each
// operation, and the attributes they carry.
func TestConventionNames(t *testing.T) {
	td, ss := newTraces("agents")
	root := addSpan(ss, 4*time.Second, kv(genai.OperationName, genai.OpInvokeAgent, genai.AgentName, "planner"), "")
	child := func(dur time.Duration, attrs map[string]any) ptrace.Span {
		s := addSpan(ss, dur, attrs, "")
		s.SetTraceID(root.TraceID())
		s.SetParentSpanID(root.SpanID())
		return s
	}
	child(time.Second, kv(genai.OperationName, genai.OpInvokeAgent, genai.AgentName, "helper"))
	child(time.Second, kv(genai.OperationName, genai.OpInvokeAgent, genai.AgentName, "remote")).SetKind(ptrace.SpanKindClient)
	child(time.Second, kv(genai.OperationName, genai.OpChat, genai.RequestModel, "gpt-4.1", genai.UsageInputTokens, 100, genai.UsageOutputTokens, 20, genai.TimeToFirstChunk, 0.25, genai.RequestStream, true))
	child(time.Second, kv(genai.OperationName, genai.OpEmbeddings, genai.RequestModel, "text-embedding-3-small", genai.UsageInputTokens, 50))
	child(time.Second, kv(genai.OperationName, genai.OpExecuteTool, genai.ToolName, "search"))
	child(time.Second, kv(genai.OperationName, genai.OpRetrieval, genai.ProviderName, "pinecone"))
	child(time.Second, kv(genai.OperationName, genai.OpSearchMemory))
	child(time.Second, kv(genai.OperationName, genai.OpInvokeWorkflow, genai.InvocationIsNested, false))

	v141, _ := runTel(t, createDefaultConfig().(*Config), td)
	assert.Equal(t, 9, len(points(v141, genai.MetricOperationDuration, nil)), "v1.41: one duration metric for every operation")
	for _, n := range []string{genai.MetricInferenceDuration, genai.MetricInvocationDuration, genai.MetricExecuteToolDuration, genai.MetricInferenceInputTokens, genai.MetricInferenceTimeToFirstChunk} {
		assert.Empty(t, points(v141, n, nil), n)
	}
	assert.Len(t, points(v141, genai.MetricTimeToFirstChunkV141, nil), 1)
	assert.Len(t, points(v141, genai.MetricTokenUsage, kv(attrTokenType, "input")), 2)
	assert.Len(t, points(v141, genai.MetricOperationDuration, kv(attrKind, "retrieval")), 1)
	assert.Len(t, points(v141, genai.MetricOperationDuration, kv(attrKind, "memory")), 1)

	cfg := createDefaultConfig().(*Config)
	cfg.SemanticConventions = "development"
	dev, _ := runTel(t, cfg, td)
	op := func(o string) map[string]any { return kv(genai.OperationName, o) }
	assert.Len(t, points(dev, genai.MetricInferenceDuration, op(genai.OpChat)), 1)
	assert.Empty(t, points(dev, genai.MetricInferenceDuration, op(genai.OpEmbeddings)), "embeddings stay on the operation duration")
	assert.Len(t, points(dev, genai.MetricOperationDuration, op(genai.OpEmbeddings)), 1)
	assert.Len(t, points(dev, genai.MetricOperationDuration, op(genai.OpRetrieval)), 1)
	assert.Len(t, points(dev, genai.MetricOperationDuration, op(genai.OpSearchMemory)), 1)
	assert.Len(t, points(dev, genai.MetricOperationDuration, kv(genai.AgentName, "remote")), 1, "a remote agent's client span")
	assert.Len(t, points(dev, genai.MetricExecuteToolDuration, op(genai.OpExecuteTool)), 1)
	assert.Len(t, points(dev, genai.MetricInvocationDuration, kv(genai.AgentName, "planner", genai.InvocationIsNested, "false")), 1, "the turn's root")
	assert.Len(t, points(dev, genai.MetricInvocationDuration, kv(genai.AgentName, "helper", genai.InvocationIsNested, "true")), 1)
	assert.Len(t, points(dev, genai.MetricInvocationDuration, kv(genai.OperationName, genai.OpInvokeWorkflow, genai.InvocationIsNested, "false")), 1, "as the span says")
	assert.Len(t, points(dev, genai.MetricInferenceTimeToFirstChunk, nil), 1)
	assert.Empty(t, points(dev, genai.MetricTimeToFirstChunkV141, nil))
	assert.Empty(t, points(dev, genai.MetricTokenUsage, nil))
	assert.Equal(t, 150.0, sum(points(dev, genai.MetricInferenceInputTokens, nil)))
	assert.Equal(t, 20.0, sum(points(dev, genai.MetricInferenceOutputTokens, nil)))
	// Our own series do not depend on the convention.
	assert.Equal(t, sum(points(v141, genai.MetricCalls, nil)), sum(points(dev, genai.MetricCalls, nil)))
	assert.Equal(t, 9.0, sum(points(dev, genai.MetricCalls, nil)))
	assert.Equal(t, 1.0, sum(points(dev, genai.MetricTurns, nil)), "only the root agent is a turn")
}

// TestOperationKinds: retrieval, memory, plan and turn operations are
// counted by kind (retrieval spans used to be ignored); a root retrieval is
// not a turn, a handle_conversation_turn span is one.
func TestOperationKinds(t *testing.T) {
	td, ss := newTraces("rag")
	addSpan(ss, 300*time.Millisecond, kv(genai.OperationName, genai.OpRetrieval), "")
	addSpan(ss, 300*time.Millisecond, kv(genai.OperationName, genai.OpRetrieval), "timeout")
	addSpan(ss, 300*time.Millisecond, kv("openinference.span.kind", "RETRIEVER"), "")
	addSpan(ss, 300*time.Millisecond, kv(genai.OperationName, genai.OpFetchResponse, genai.UsageInputTokens, 10), "")
	addSpan(ss, 300*time.Millisecond, kv(genai.OperationName, genai.OpUpsertMemory), "")
	addSpan(ss, 300*time.Millisecond, kv(genai.OperationName, genai.OpPlan), "")
	addSpan(ss, time.Second, kv(genai.OperationName, genai.OpHandleConversationTurn), "")
	turnChild := addSpan(ss, time.Second, kv(genai.OperationName, genai.OpHandleConversationTurn), "")
	turnChild.SetParentSpanID(pcommon.SpanID{9})
	md, _ := runTel(t, createDefaultConfig().(*Config), td)
	calls := func(kind string, extra ...any) float64 {
		return sum(points(md, genai.MetricCalls, kv(append([]any{attrKind, kind}, extra...)...)))
	}
	assert.Equal(t, 4.0, calls("retrieval"), "retrieval, OpenInference RETRIEVER, fetch_response")
	assert.Equal(t, 1.0, calls("retrieval", attrStatus, "error", genai.ErrorType, "timeout"))
	assert.Equal(t, 1.0, calls("memory"))
	assert.Equal(t, 1.0, calls("agent"))
	assert.Equal(t, 2.0, calls("workflow"))
	assert.Empty(t, points(md, genai.MetricTokens, nil), "fetch_response is no inference: its tokens are not counted")
	assert.Equal(t, 3.0, sum(points(md, genai.MetricTurns, nil)), "plan (a root agent-kind span) and both handle_conversation_turn spans")
}

// TestLegacyMetricNames: the switch adds the old names with the same data.
func TestLegacyMetricNames(t *testing.T) {
	md, _ := runTel(t, createDefaultConfig().(*Config), testTraces())
	assert.NotContains(t, metricNames(md), genai.LegacyMetricCalls)
	cfg := createDefaultConfig().(*Config)
	cfg.LegacyMetricNames = true
	md, _ = runTel(t, cfg, testTraces())
	for i, old := range legacyNames {
		if old == "" {
			continue
		}
		name := builtinDescs(genai.ConventionsV141)[i].Name
		require.NotEmpty(t, points(md, name, nil), name)
		assert.Equal(t, points(md, name, nil), points(md, old, nil), "%s beside %s", old, name)
	}
	assert.Equal(t, 6.0, sum(points(md, genai.LegacyMetricCalls, nil)))
}

// evalEvent adds a gen_ai.evaluation.result event to s.
func evalEvent(s ptrace.Span, attrs map[string]any) {
	e := s.Events().AppendEmpty()
	e.SetName(genai.EvaluationResultEvent)
	if err := e.Attributes().FromRaw(attrs); err != nil {
		panic(err)
	}
}

func TestEvaluationsFromSpanEvents(t *testing.T) {
	td, ss := newTraces("support")
	call := addSpan(ss, time.Second, chat(map[string]any{genai.PromptName: "refund-policy"}), "")
	evalEvent(call, kv(genai.EvaluationName, "Relevance", genai.EvaluationScoreValue, 4.0, genai.EvaluationScoreLabel, "relevant", genai.EvaluationExplanation, "Mostly on topic."))
	evalEvent(call, kv(genai.EvaluationName, "Relevance", genai.EvaluationScoreValue, 2, genai.EvaluationScoreLabel, "not_relevant"))
	evalEvent(call, kv(genai.EvaluationName, "Groundedness", genai.EvaluationScoreValue, "0.9", genai.PromptName, "refund-policy-v2"))
	evalEvent(call, kv(genai.EvaluationName, "Toxicity", genai.ErrorType, "timeout"))
	evalEvent(call, kv(genai.EvaluationScoreValue, 1.0))                                      // no name: invalid
	evalEvent(call, kv(genai.EvaluationName, "Fluency", genai.EvaluationScoreValue, "great")) // not a number
	// An evaluation on a span that is not a GenAI operation still counts.
	plain := addSpan(ss, time.Second, kv("http.route", "/answer"), "")
	evalEvent(plain, kv(genai.EvaluationName, genai.EvaluationUserFeedback, genai.EvaluationScoreValue, -1, genai.EvaluationScoreLabel, genai.FeedbackNegative))

	md, tel := runTel(t, createDefaultConfig().(*Config), td)
	rel := kv(genai.EvaluationName, "Relevance", genai.PromptName, "refund-policy", genai.RequestModel, "gpt-4o", genai.AgentName, "support", genai.ServiceName, "support")
	scores := points(md, genai.MetricEvaluationScore, rel)
	require.Len(t, scores, 1)
	assert.Equal(t, uint64(2), scores[0].count)
	assert.Equal(t, 6.0, scores[0].value)
	require.Len(t, scores[0].exemplars, 1)
	assert.Equal(t, call.TraceID(), scores[0].exemplars[0].TraceID(), "the exemplar links the score to the evaluated call")
	assert.Equal(t, call.SpanID(), scores[0].exemplars[0].SpanID())
	assert.Equal(t, 1.0, sum(points(md, genai.MetricEvaluationResults, kv(genai.EvaluationName, "Relevance", genai.EvaluationScoreLabel, "relevant"))))
	assert.Equal(t, 1.0, sum(points(md, genai.MetricEvaluationResults, kv(genai.EvaluationName, "Relevance", genai.EvaluationScoreLabel, "not_relevant"))))
	assert.Equal(t, 0.9, sum(points(md, genai.MetricEvaluationScore, kv(genai.EvaluationName, "Groundedness", genai.PromptName, "refund-policy-v2"))), "an event's own prompt wins")
	assert.Equal(t, 1.0, sum(points(md, genai.MetricEvaluationResults, kv(genai.EvaluationName, "Toxicity", genai.ErrorType, "timeout"))))
	assert.Empty(t, points(md, genai.MetricEvaluationScore, kv(genai.EvaluationName, "Toxicity")))
	assert.Equal(t, 1.0, sum(points(md, genai.MetricEvaluationResults, kv(genai.EvaluationName, "Fluency"))), "the result counts, the score does not")
	assert.Empty(t, points(md, genai.MetricEvaluationScore, kv(genai.EvaluationName, "Fluency")))
	fb := points(md, genai.MetricEvaluationScore, kv(genai.EvaluationName, genai.EvaluationUserFeedback))
	require.Len(t, fb, 1)
	assert.Equal(t, -1.0, fb[0].value)
	assert.Equal(t, uint64(1), fb[0].bkts[0], "-1 in the lowest bucket")
	assert.Equal(t, 1.0, sum(points(md, genai.MetricEvaluationResults, kv(genai.EvaluationName, genai.EvaluationUserFeedback, genai.EvaluationScoreLabel, genai.FeedbackNegative))))
	assert.Equal(t, 1.0, sum(points(md, genai.MetricCalls, nil)), "the plain span is no call")
	metadatatest.AssertEqualConnectorSpanMetricsLlmEvaluations(t, tel, []metricdata.DataPoint[int64]{{Value: 7, Attributes: attribute.NewSet(attribute.String("signal", "span_event"))}}, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualConnectorSpanMetricsLlmInvalidValues(t, tel, []metricdata.DataPoint[int64]{{Value: 2}}, metricdatatest.IgnoreTimestamp())
}

// feedbackLogs is user feedback as the DESIGN.md contract has chat_trace
// send it: log records with the event name gen_ai.evaluation.result, the
// turn's trace context, its agent and model.
func feedbackLogs(tid pcommon.TraceID, sid pcommon.SpanID) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr(genai.ServiceName, "halo-core")
	recs := rl.ScopeLogs().AppendEmpty().LogRecords()
	for i, up := range []bool{true, true, false} {
		r := recs.AppendEmpty()
		r.SetEventName(genai.EvaluationResultEvent)
		r.SetTraceID(tid)
		r.SetSpanID(sid)
		a := r.Attributes()
		a.PutStr(genai.EvaluationName, genai.EvaluationUserFeedback)
		a.PutStr(genai.AgentName, "Web Researcher")
		a.PutStr(genai.RequestModel, "gpt-4.1")
		if up {
			a.PutInt(genai.EvaluationScoreValue, 1)
			a.PutStr(genai.EvaluationScoreLabel, genai.FeedbackPositive)
		} else {
			a.PutInt(genai.EvaluationScoreValue, -1)
			a.PutStr(genai.EvaluationScoreLabel, genai.FeedbackNegative)
			a.PutStr(genai.EvaluationExplanation, "the answer ignored my question")
		}
		_ = i
	}
	// An older SDK's event: the name in event.name.
	r := recs.AppendEmpty()
	r.Attributes().PutStr(genai.EventName, genai.EvaluationResultEvent)
	r.Attributes().PutStr(genai.EvaluationName, "Coherence")
	r.Attributes().PutDouble(genai.EvaluationScoreValue, 0.75)
	// Not an evaluation: ignored.
	recs.AppendEmpty().Body().SetStr("turn done")
	// Model and agent lifted to the resource (groupbyattrs/loki).
	rl2 := ld.ResourceLogs().AppendEmpty()
	rl2.Resource().Attributes().PutStr(genai.ServiceName, "halo-core")
	rl2.Resource().Attributes().PutStr(genai.RequestModel, "gpt-4.1")
	rl2.Resource().Attributes().PutStr(genai.AgentName, "Web Researcher")
	r = rl2.ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	r.SetEventName(genai.EvaluationResultEvent)
	r.Attributes().PutStr(genai.EvaluationName, genai.EvaluationUserFeedback)
	r.Attributes().PutInt(genai.EvaluationScoreValue, 1)
	r.Attributes().PutStr(genai.EvaluationScoreLabel, genai.FeedbackPositive)
	return ld
}

// TestEvaluationsFromLogsShared: the traces and logs instances of one
// component are one aggregator: feedback log records land beside the
// span metrics, emitted once.
func TestEvaluationsFromLogsShared(t *testing.T) {
	cfg := createDefaultConfig().(*Config)
	sink := new(consumertest.MetricsSink)
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	set := metadatatest.NewSettings(tel)
	tc, err := createTracesToMetrics(context.Background(), set, cfg, sink)
	require.NoError(t, err)
	lc, err := createLogsToMetrics(context.Background(), set, cfg, sink)
	require.NoError(t, err)
	other, err := createLogsToMetrics(context.Background(), set, createDefaultConfig(), sink)
	require.NoError(t, err)
	assert.Same(t, tc.(*instance).spanMetrics, lc.(*instance).spanMetrics)
	assert.NotSame(t, tc.(*instance).spanMetrics, other.(*instance).spanMetrics, "another component")
	host := componenttest.NewNopHost()
	require.NoError(t, tc.Start(context.Background(), host))
	require.NoError(t, lc.Start(context.Background(), host))
	td, ss := newTraces("halo-core")
	turn := addSpan(ss, time.Second, kv(genai.OperationName, genai.OpInvokeAgent, genai.AgentName, "Web Researcher", genai.RequestModel, "gpt-4.1", genai.ChatTurn, true), "")
	require.NoError(t, tc.ConsumeTraces(context.Background(), td))
	require.NoError(t, lc.ConsumeLogs(context.Background(), feedbackLogs(turn.TraceID(), turn.SpanID())))
	require.NoError(t, tc.Shutdown(context.Background()))
	assert.Empty(t, sink.AllMetrics(), "still running: the logs instance holds it")
	require.NoError(t, lc.Shutdown(context.Background()))
	require.NoError(t, other.Shutdown(context.Background()))
	require.Len(t, sink.AllMetrics(), 1, "one flush at the end, with both signals")
	md := sink.AllMetrics()[0]
	assert.Equal(t, 1.0, sum(points(md, genai.MetricTurns, nil)))
	fb := kv(genai.EvaluationName, genai.EvaluationUserFeedback, genai.ServiceName, "halo-core", genai.AgentName, "Web Researcher", genai.RequestModel, "gpt-4.1")
	assert.Equal(t, 3.0, sum(points(md, genai.MetricEvaluationResults, with(fb, genai.EvaluationScoreLabel, genai.FeedbackPositive))), "one with model and agent on its resource")
	assert.Equal(t, 1.0, sum(points(md, genai.MetricEvaluationResults, with(fb, genai.EvaluationScoreLabel, genai.FeedbackNegative))))
	scores := points(md, genai.MetricEvaluationScore, fb)
	require.Len(t, scores, 1)
	assert.Equal(t, uint64(4), scores[0].count)
	assert.Equal(t, 2.0, scores[0].value)
	require.Len(t, scores[0].exemplars, 1)
	assert.Empty(t, points(md, genai.MetricEvaluationResults, kv(genai.OperationName, genai.OpChat)), "a model on a feedback record makes no implicit chat call")
	assert.Equal(t, 0.75, sum(points(md, genai.MetricEvaluationScore, kv(genai.EvaluationName, "Coherence"))))
	assert.Equal(t, 5.0, sum(points(md, genai.MetricEvaluationResults, nil)))
	metadatatest.AssertEqualConnectorSpanMetricsLlmEvaluations(t, tel, []metricdata.DataPoint[int64]{{Value: 5, Attributes: attribute.NewSet(attribute.String("signal", "log_record"))}}, metricdatatest.IgnoreTimestamp())
}

func with(m map[string]any, pairs ...any) map[string]any {
	out := kv(pairs...)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// TestHistogramDimensions: a configured histogram's own dimensions.
func TestHistogramDimensions(t *testing.T) {
	cfg := createDefaultConfig().(*Config)
	cfg.Histograms = []HistogramConfig{{Name: "hemostat.analysis.confidence", Attribute: "hemostat.confidence", Buckets: []float64{0.5, 0.9}, Dimensions: []string{"hemostat.analysis.type", "deployment.environment.name"}}}
	td, ss := newTraces("hemostat")
	td.ResourceSpans().At(0).Resource().Attributes().PutStr("deployment.environment.name", "prod")
	addSpan(ss, time.Second, chat(kv("hemostat.confidence", 0.95, "hemostat.analysis.type", "root_cause")), "")
	addSpan(ss, time.Second, chat(kv("hemostat.confidence", 0.6, "hemostat.analysis.type", "root_cause")), "")
	addSpan(ss, time.Second, chat(kv("hemostat.confidence", 0.3)), "")
	md, _ := runTel(t, cfg, td)
	rc := points(md, "hemostat.analysis.confidence", kv("hemostat.analysis.type", "root_cause", "deployment.environment.name", "prod"))
	require.Len(t, rc, 1)
	assert.Equal(t, []uint64{0, 1, 1}, rc[0].bkts)
	all := points(md, "hemostat.analysis.confidence", nil)
	assert.Len(t, all, 2, "a span without the dimension is its own series")
	assert.Len(t, rc[0].exemplars, 1)
}

const twoTenantBudgets = `
budgets:
  - name: acme-monthly
    scope: tenant
    match: acme
    period: month
    amount: 500
    currency: USD
    owner: finops@acme.example
  - name: globex-daily
    scope: tenant
    match: globex
    period: day
    amount: 20
    currency: EUR
  - name: triage-agent
    scope: agent
    match: triage
    period: month
    amount: 50
`

func TestBudgets(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "budgets.yaml")
	require.NoError(t, os.WriteFile(file, []byte(twoTenantBudgets), 0o600))
	cfg := createDefaultConfig().(*Config)
	cfg.Budgets.File = file
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	c, err := newConnector(metadatatest.NewSettings(tel), cfg, new(consumertest.MetricsSink))
	require.NoError(t, err)

	td := ptrace.NewTraces()
	for _, tenant := range []string{"acme", "globex"} {
		rs := td.ResourceSpans().AppendEmpty()
		rs.Resource().Attributes().PutStr(genai.ServiceName, "svc")
		rs.Resource().Attributes().PutStr("tenant.id", tenant)
		ss := rs.ScopeSpans().AppendEmpty().Spans()
		for range 4 {
			addSpan(ss, time.Second, chat(kv(genai.AgentName, "triage")), "") // 0.0045 USD each
		}
		addSpan(ss, time.Second, chat(kv(genai.CostCurrency, "EUR", genai.CostAmount, 0.5)), "")
		// An aggregate is never spent again.
		addSpan(ss, time.Second, kv(genai.OperationName, genai.OpInvokeAgent, genai.CostAmount, 9.0, genai.CostSource, genai.CostSourceAggregate), "")
	}
	require.NoError(t, c.ConsumeTraces(context.Background(), td))
	md := c.build(time.Now())
	month := kv(labelBudget, "acme-monthly", labelScope, "tenant", labelPeriod, "month", labelCurrency, "USD")
	lim := points(md, genai.MetricBudgetLimit, month)
	require.Len(t, lim, 1)
	assert.Equal(t, 500.0, lim[0].value)
	assert.Equal(t, "finops@acme.example", lim[0].attrs[labelOwner])
	now := time.Now().UTC()
	assert.Equal(t, time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), lim[0].attrs[labelPeriodStart])
	assert.InDelta(t, 4*0.0045, sum(points(md, genai.MetricBudgetSpend, month)), 1e-12)
	ps := points(md, genai.MetricBudgetPeriodStart, month)
	require.Len(t, ps, 1)
	assert.Equal(t, float64(time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).Unix()), ps[0].value)
	assert.InDelta(t, 0.5, sum(points(md, genai.MetricBudgetSpend, kv(labelBudget, "globex-daily"))), 1e-12, "only the EUR call counts against the EUR budget")
	assert.Equal(t, now.Format(time.DateOnly), points(md, genai.MetricBudgetSpend, kv(labelBudget, "globex-daily"))[0].attrs[labelPeriodStart])
	assert.InDelta(t, 8*0.0045, sum(points(md, genai.MetricBudgetSpend, kv(labelBudget, "triage-agent"))), 1e-12)
	metadatatest.AssertEqualConnectorSpanMetricsLlmBudgetCurrencyMismatches(t, tel, []metricdata.DataPoint[int64]{{Value: 4 + 1}}, metricdatatest.IgnoreTimestamp())

	// Reloaded: a new budget at 0, a changed amount, the spend kept.
	require.NoError(t, os.WriteFile(file, []byte(twoTenantBudgets+`
  - name: acme-alice
    scope: user
    match: alice
    period: day
    amount: 2
`), 0o600))
	require.NoError(t, os.Chtimes(file, time.Now(), time.Now().Add(time.Second)))
	c.reloadBudgets()
	md = c.build(time.Now())
	assert.InDelta(t, 4*0.0045, sum(points(md, genai.MetricBudgetSpend, month)), 1e-12)
	alice := points(md, genai.MetricBudgetSpend, kv(labelBudget, "acme-alice"))
	require.Len(t, alice, 1, "a budget without spend is emitted at 0, so increase() counts its first spend")
	assert.Equal(t, 0.0, alice[0].value)

	// A broken file keeps the budgets in force, reported once.
	require.NoError(t, os.WriteFile(file, []byte("budgets:\n  - name: x\n"), 0o600))
	require.NoError(t, os.Chtimes(file, time.Now(), time.Now().Add(2*time.Second)))
	c.reloadBudgets()
	c.reloadBudgets()
	assert.Len(t, points(c.build(time.Now()), genai.MetricBudgetLimit, nil), 4)
	metadatatest.AssertEqualConnectorSpanMetricsLlmBudgetReloads(t, tel, []metricdata.DataPoint[int64]{
		{Value: 1, Attributes: attribute.NewSet(attribute.String("outcome", "ok"))},
		{Value: 1, Attributes: attribute.NewSet(attribute.String("outcome", "failed"))},
	}, metricdatatest.IgnoreTimestamp())

	// At start-up a missing or broken file is an error naming the key.
	cfg.Budgets.File = filepath.Join(dir, "missing.yaml")
	_, err = newConnector(connectortest.NewNopSettings(metadata.Type), cfg, new(consumertest.MetricsSink))
	require.ErrorContains(t, err, "budgets::file")
}

func TestTopSpenders(t *testing.T) {
	cfg := createDefaultConfig().(*Config)
	cfg.TopSpenders.K = 3
	cfg.TopSpenders.Counters = 20
	td, ss := newTraces("chat")
	exact := map[string]float64{}
	var total float64
	// 200 users: user-0 spends most, then user-1, ...; a long tail.
	for u := range 200 {
		n := 1
		if u < 5 {
			n = 40 - 5*u
		}
		for range n {
			cost := 0.001 * float64(1+u%3)
			user := "user-" + string(rune('a'+u%26)) + "-" + itoa(u)
			addSpan(ss, time.Second, chat(kv(genai.CostAmount, cost, genai.UserID, user, genai.ConversationID, "s-"+itoa(u/2))), "")
			exact[user] += cost
			total += cost
		}
	}
	md, _ := runTel(t, cfg, td)
	users := points(md, genai.MetricSpenderCost, kv(labelScope, spenderUser, labelCurrency, "USD"))
	require.Len(t, users, 4, "k and _other")
	var held float64
	for _, p := range users {
		who := p.attrs[labelSpender].(string)
		if who == spenderOther {
			continue
		}
		held += p.value
		assert.GreaterOrEqual(t, p.value+1e-12, exact[who], who)
		e := points(md, genai.MetricSpenderCostError, kv(labelScope, spenderUser, labelSpender, who))
		require.Len(t, e, 1)
		assert.LessOrEqual(t, p.value-e[0].value, exact[who]+1e-12, who)
		assert.LessOrEqual(t, e[0].value, total/20+1e-12, "error bound N/counters")
	}
	for _, want := range []string{"user-a-0", "user-b-1", "user-c-2"} {
		assert.NotEmpty(t, points(md, genai.MetricSpenderCost, kv(labelScope, spenderUser, labelSpender, want)), want)
	}
	other := points(md, genai.MetricSpenderCost, kv(labelScope, spenderUser, labelSpender, spenderOther))
	require.Len(t, other, 1)
	assert.InDelta(t, total-held, other[0].value, 1e-9, "the rest, aggregated")
	assert.Len(t, points(md, genai.MetricSpenderCost, kv(labelScope, spenderSession)), 4)
	assert.Equal(t, "day", other[0].attrs[labelPeriod])
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}
