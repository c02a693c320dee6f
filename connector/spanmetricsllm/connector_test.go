// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package spanmetricsllm

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/connector/connectortest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-llm/otelcol-llm/connector/spanmetricsllm/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// spanSeq numbers the spans the tests make, so every span has its own id
// (the connector counts a redelivered span once).
var spanSeq atomic.Uint64

// newIDs gives s a trace and span id no other test span has.
func newIDs(s ptrace.Span) {
	n := spanSeq.Add(1)
	var tr [16]byte
	var sp [8]byte
	tr[0] = 0xaa
	binary.BigEndian.PutUint64(tr[8:], n)
	binary.BigEndian.PutUint64(sp[:], n)
	s.SetTraceID(pcommon.TraceID(tr))
	s.SetSpanID(pcommon.SpanID(sp))
}

func addSpan(ss ptrace.SpanSlice, dur time.Duration, attrs map[string]any, errType string) ptrace.Span {
	s := ss.AppendEmpty()
	newIDs(s)
	s.SetStartTimestamp(pcommon.NewTimestampFromTime(t0))
	s.SetEndTimestamp(pcommon.NewTimestampFromTime(t0.Add(dur)))
	if err := s.Attributes().FromRaw(attrs); err != nil {
		panic(err)
	}
	if errType != "" {
		s.Status().SetCode(ptrace.StatusCodeError)
		if errType != "-" {
			s.Attributes().PutStr(genai.ErrorType, errType)
		}
	}
	return s
}

func chat(extra map[string]any) map[string]any {
	m := map[string]any{
		genai.OperationName: "chat", genai.ProviderName: "openai", genai.RequestModel: "gpt-4o",
		genai.AgentName: "support", genai.UsageInputTokens: 1000, genai.UsageOutputTokens: 200,
		genai.CostAmount: 0.0045, genai.CostCurrency: "USD",
	}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

func testTraces() ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, "chat-app")
	ss := rs.ScopeSpans().AppendEmpty().Spans()
	addSpan(ss, time.Second, chat(map[string]any{genai.ChatStreamResult: "ok", genai.ChatKnowledgeHits: 2, genai.UsageCacheRead: 600}), "")
	addSpan(ss, 2*time.Second, chat(map[string]any{genai.ChatStreamResult: "ok", genai.ChatFallbackUsed: true, genai.ChatKnowledgeHits: 0}), "")
	addSpan(ss, 12*time.Second, chat(map[string]any{genai.ChatStreamResult: "empty", genai.TimeToFirstChunk: 0.3}), "timeout")
	// Agent span: counted as a call with its latency, never for tokens; its
	// cost counts as llm_cost's contract says: an app-reported amount (nothing
	// priced below it) once, an aggregate of its children never.
	addSpan(ss, 3*time.Second, map[string]any{genai.OperationName: "invoke_agent", genai.AgentName: "support", genai.UsageInputTokens: 999, genai.CostAmount: 9.0, genai.CostSource: genai.CostSourceProvider}, "-")
	addSpan(ss, 3*time.Second, map[string]any{genai.OperationName: "invoke_agent", genai.AgentName: "support", genai.CostAmount: 0.0135, genai.CostSource: genai.CostSourceAggregate}, "")
	// Unpriced inference call.
	addSpan(ss, time.Second, map[string]any{genai.OperationName: "chat", genai.RequestModel: "my-model", genai.UsageInputTokens: 10, genai.CostStatus: "unpriced"}, "")
	// Not GenAI: ignored.
	addSpan(ss, time.Second, map[string]any{"http.request.method": "GET"}, "")
	return td
}

// run feeds td to a started connector and returns what it emits on shutdown.
func run(t *testing.T, cfg *Config, tds ...ptrace.Traces) []pmetric.Metrics {
	t.Helper()
	sink := new(consumertest.MetricsSink)
	c, err := createTracesToMetrics(context.Background(), connectortest.NewNopSettings(metadata.Type), cfg, sink)
	require.NoError(t, err)
	require.NoError(t, c.Start(context.Background(), componenttest.NewNopHost()))
	for _, td := range tds {
		require.NoError(t, c.ConsumeTraces(context.Background(), td))
	}
	require.NoError(t, c.Shutdown(context.Background()))
	return sink.AllMetrics()
}

type point struct {
	attrs     map[string]any
	value     float64
	count     uint64
	bkts      []uint64
	exemplars []pmetric.Exemplar
}

// points returns the data points of metric name whose attributes include want.
func points(md pmetric.Metrics, name string, want map[string]any) []point {
	var out []point
	rms := md.ResourceMetrics()
	for i := 0; i < rms.Len(); i++ {
		ms := rms.At(i).ScopeMetrics().At(0).Metrics()
		for j := 0; j < ms.Len(); j++ {
			m := ms.At(j)
			if m.Name() != name {
				continue
			}
			match := func(a pcommon.Map) bool {
				for k, v := range want {
					got, ok := a.Get(k)
					if !ok || got.AsRaw() != v {
						return false
					}
				}
				return true
			}
			switch m.Type() {
			case pmetric.MetricTypeSum:
				for k := 0; k < m.Sum().DataPoints().Len(); k++ {
					dp := m.Sum().DataPoints().At(k)
					if match(dp.Attributes()) {
						v := dp.DoubleValue()
						if dp.ValueType() == pmetric.NumberDataPointValueTypeInt {
							v = float64(dp.IntValue())
						}
						out = append(out, point{attrs: dp.Attributes().AsRaw(), value: v})
					}
				}
			case pmetric.MetricTypeHistogram:
				for k := 0; k < m.Histogram().DataPoints().Len(); k++ {
					dp := m.Histogram().DataPoints().At(k)
					if match(dp.Attributes()) {
						p := point{attrs: dp.Attributes().AsRaw(), value: dp.Sum(), count: dp.Count(), bkts: dp.BucketCounts().AsRaw()}
						for e := 0; e < dp.Exemplars().Len(); e++ {
							p.exemplars = append(p.exemplars, dp.Exemplars().At(e))
						}
						out = append(out, p)
					}
				}
			case pmetric.MetricTypeGauge:
				for k := 0; k < m.Gauge().DataPoints().Len(); k++ {
					dp := m.Gauge().DataPoints().At(k)
					if match(dp.Attributes()) {
						out = append(out, point{attrs: dp.Attributes().AsRaw(), value: dp.DoubleValue()})
					}
				}
			}
		}
	}
	return out
}

func sum(ps []point) (v float64) {
	for _, p := range ps {
		v += p.value
	}
	return v
}

func TestMetricsFromSpans(t *testing.T) {
	out := run(t, createDefaultConfig().(*Config), testTraces())
	require.Len(t, out, 1)
	md := out[0]
	gpt := map[string]any{genai.ServiceName: "chat-app", genai.RequestModel: "gpt-4o", genai.OperationName: "chat", genai.ProviderName: "openai", genai.AgentName: "support"}
	with := func(extra map[string]any) map[string]any {
		m := map[string]any{}
		for k, v := range gpt {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	assert.Equal(t, 2.0, sum(points(md, genai.MetricCalls, with(map[string]any{"status": "ok"}))))
	errs := points(md, genai.MetricCalls, with(map[string]any{"status": "error"}))
	require.Len(t, errs, 1)
	assert.Equal(t, "timeout", errs[0].attrs[genai.ErrorType])
	agentErr := points(md, genai.MetricCalls, map[string]any{genai.OperationName: "invoke_agent", "status": "error"})
	require.Len(t, agentErr, 1)
	assert.Equal(t, "_OTHER", agentErr[0].attrs[genai.ErrorType])

	exemplars := 0
	rms := md.ResourceMetrics()
	for i := 0; i < rms.Len(); i++ {
		ms := rms.At(i).ScopeMetrics().At(0).Metrics()
		for j := 0; j < ms.Len(); j++ {
			if ms.At(j).Name() != genai.MetricOperationDuration {
				continue
			}
			dps := ms.At(j).Histogram().DataPoints()
			for k := 0; k < dps.Len(); k++ {
				require.Equal(t, 1, dps.At(k).Exemplars().Len(), "each latency series links to a trace")
				assert.False(t, dps.At(k).Exemplars().At(0).TraceID().IsEmpty())
				exemplars++
			}
		}
	}
	assert.Positive(t, exemplars)

	okDur := points(md, genai.MetricOperationDuration, with(nil))
	require.Len(t, okDur, 2) // ok and timeout series
	var total uint64
	for _, p := range okDur {
		total += p.count
	}
	assert.Equal(t, uint64(3), total)
	// 1 s and 2 s land in (0.64,1.28] and (1.28,2.56]; 12 s in (10.24,20.48].
	for _, p := range okDur {
		if p.attrs[genai.ErrorType] == nil {
			assert.Equal(t, uint64(1), p.bkts[7])
			assert.Equal(t, uint64(1), p.bkts[8])
			assert.InDelta(t, 3.0, p.value, 1e-9)
		} else {
			assert.Equal(t, uint64(1), p.bkts[11])
		}
	}

	assert.Equal(t, 3000.0, sum(points(md, genai.MetricTokens, with(map[string]any{"gen_ai.token.type": "input"}))))
	assert.Equal(t, 600.0, sum(points(md, genai.MetricTokens, with(map[string]any{"gen_ai.token.type": "cache_read"}))))
	assert.Equal(t, 3010.0, sum(points(md, genai.MetricTokens, map[string]any{"gen_ai.token.type": "input"})), "the agent span's tokens are not counted")
	usage := points(md, genai.MetricTokenUsage, with(map[string]any{"gen_ai.token.type": "output"}))
	require.Len(t, usage, 1)
	assert.Equal(t, uint64(3), usage[0].count)
	assert.Equal(t, uint64(3), usage[0].bkts[4], "200 tokens are in (64, 256]")

	assert.InDelta(t, 9.0135, sum(points(md, genai.MetricCost, map[string]any{genai.CostCurrency: "USD"})), 1e-12, "the inference spans' and the agent's reported 9.0; the aggregate is excluded")
	assert.Equal(t, 1.0, sum(points(md, genai.MetricUnpricedCalls, map[string]any{genai.RequestModel: "my-model"})))
	assert.Equal(t, 1.0, sum(points(md, genai.MetricFallbacks, gpt)))
	assert.Equal(t, 2.0, sum(points(md, genai.MetricStreamResults, with(map[string]any{genai.ChatStreamResult: "ok"}))))
	assert.Equal(t, 1.0, sum(points(md, genai.MetricStreamResults, with(map[string]any{genai.ChatStreamResult: "empty"}))))
	assert.Equal(t, 1.0, sum(points(md, genai.MetricKnowledgeZeroHits, gpt)))
	hits := points(md, genai.MetricKnowledgeHits, gpt)
	require.Len(t, hits, 1)
	assert.Equal(t, uint64(2), hits[0].count)
	assert.Equal(t, 2.0, hits[0].value)
	assert.Len(t, points(md, genai.MetricTimeToFirstChunkV141, gpt), 1)
	assert.Empty(t, points(md, genai.MetricCalls, map[string]any{genai.OperationName: ""}), "non-GenAI spans are ignored")
}

func TestCumulativeAndDelta(t *testing.T) {
	cum := createDefaultConfig().(*Config)
	sink := new(consumertest.MetricsSink)
	c, err := newConnector(connectortest.NewNopSettings(metadata.Type), cum, sink)
	require.NoError(t, err)
	require.NoError(t, c.ConsumeTraces(context.Background(), testTraces()))
	first := c.build(time.Now())
	require.NoError(t, c.ConsumeTraces(context.Background(), testTraces()))
	second := c.build(time.Now())
	ok := map[string]any{genai.RequestModel: "gpt-4o", "status": "ok"}
	assert.Equal(t, 2.0, sum(points(first, genai.MetricCalls, ok)))
	assert.Equal(t, 4.0, sum(points(second, genai.MetricCalls, ok)), "cumulative keeps counting")

	del := createDefaultConfig().(*Config)
	del.AggregationTemporality = "delta"
	d, err := newConnector(connectortest.NewNopSettings(metadata.Type), del, sink)
	require.NoError(t, err)
	require.NoError(t, d.ConsumeTraces(context.Background(), testTraces()))
	first = d.build(time.Now())
	second = d.build(time.Now())
	require.NoError(t, d.ConsumeTraces(context.Background(), testTraces()))
	third := d.build(time.Now())
	assert.Equal(t, 2.0, sum(points(first, genai.MetricCalls, ok)))
	assert.Zero(t, second.DataPointCount(), "delta: nothing new, nothing emitted")
	assert.Equal(t, 2.0, sum(points(third, genai.MetricCalls, ok)))
	ms := third.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics()
	for k := 0; k < ms.Len(); k++ {
		if m := ms.At(k); m.Type() == pmetric.MetricTypeSum {
			assert.Equal(t, pmetric.AggregationTemporalityDelta, m.Sum().AggregationTemporality(), m.Name())
		} else {
			assert.Equal(t, pmetric.AggregationTemporalityDelta, m.Histogram().AggregationTemporality(), m.Name())
		}
	}
}

func TestExtraDimensionsAndExpiry(t *testing.T) {
	cfg := createDefaultConfig().(*Config)
	cfg.Dimensions = []Dimension{{Name: "tenant.id", Default: "none"}, {Name: "deployment.environment.name"}}
	cfg.MetricsExpiration = time.Minute
	c, err := newConnector(connectortest.NewNopSettings(metadata.Type), cfg, new(consumertest.MetricsSink))
	require.NoError(t, err)
	td := testTraces()
	td.ResourceSpans().At(0).Resource().Attributes().PutStr("deployment.environment.name", "prod")
	td.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).Attributes().PutStr("tenant.id", "acme")
	require.NoError(t, c.ConsumeTraces(context.Background(), td))
	md := c.build(time.Now())
	assert.Equal(t, 1.0, sum(points(md, genai.MetricCalls, map[string]any{"tenant.id": "acme", "deployment.environment.name": "prod"})))
	assert.Equal(t, 1.0, sum(points(md, genai.MetricCalls, map[string]any{"tenant.id": "none", "status": "ok", genai.RequestModel: "gpt-4o"})))
	assert.Zero(t, c.build(time.Now().Add(2*time.Minute)).DataPointCount(), "series idle beyond metrics_expiration are dropped")
	assert.Zero(t, c.agg.Len(mCalls))
}

// TestCardinalityBounded: a buggy app sending a million distinct model names
// gets limit series plus one overflow series per metric, and memory stays
// flat.
func TestCardinalityBounded(t *testing.T) {
	cfg := createDefaultConfig().(*Config)
	cfg.AggregationCardinalityLimit = 100
	tel := componenttest.NewTelemetry()
	defer func() { require.NoError(t, tel.Shutdown(context.Background())) }()
	set := connectortest.NewNopSettings(metadata.Type)
	set.TelemetrySettings = tel.NewTelemetrySettings()
	c, err := newConnector(set, cfg, new(consumertest.MetricsSink))
	require.NoError(t, err)

	const total, batch = 1_000_000, 1000
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	for range batch {
		addSpan(ss, time.Second, chat(nil), "")
	}
	var before runtime.MemStats
	for n := 0; n < total; n += batch {
		for i := 0; i < batch; i++ {
			ss.At(i).Attributes().PutStr(genai.RequestModel, fmt.Sprintf("model-%d", n+i))
			newIDs(ss.At(i))
		}
		require.NoError(t, c.ConsumeTraces(context.Background(), td))
		if n == 10*batch {
			runtime.GC()
			runtime.ReadMemStats(&before)
		}
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	assert.Equal(t, 101, c.agg.Len(mCalls))
	assert.Equal(t, 101, c.agg.Len(mTokens), "the limit applies per metric: 100 series + overflow")
	assert.Less(t, int64(after.HeapAlloc)-int64(before.HeapAlloc), int64(8<<20), "heap must not grow with distinct model names")

	md := c.build(time.Now())
	over := points(md, genai.MetricCalls, map[string]any{"otel.metric.overflow": true})
	require.Len(t, over, 1)
	assert.Equal(t, float64(total-100), over[0].value)
}

// BenchmarkConsumeTraces: 100 inference spans per batch, four models; every
// iteration's spans carry new span ids, as real traffic does (the same ids
// again would be counted as redeliveries).
func BenchmarkConsumeTraces(b *testing.B) { benchmarkConsume(b, true) }

// BenchmarkConsumeTracesNoDedup is BenchmarkConsumeTraces with
// deduplication off: the difference is what the filter costs.
func BenchmarkConsumeTracesNoDedup(b *testing.B) { benchmarkConsume(b, false) }

func benchmarkConsume(b *testing.B, dedup bool) {
	cfg := createDefaultConfig().(*Config)
	cfg.Deduplication.Enabled = dedup
	c, err := newConnector(connectortest.NewNopSettings(metadata.Type), cfg, new(consumertest.MetricsSink))
	require.NoError(b, err)
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, "chat-app")
	ss := rs.ScopeSpans().AppendEmpty().Spans()
	models := []string{"gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet", "gemini-1.5-pro"}
	for i := range 100 {
		addSpan(ss, time.Duration(i)*10*time.Millisecond, chat(map[string]any{genai.RequestModel: models[i%4]}), "")
	}
	var n uint64
	b.ReportAllocs()
	for b.Loop() {
		for i := 0; i < ss.Len(); i++ {
			n++
			var id [8]byte
			binary.LittleEndian.PutUint64(id[:], n*0x9e3779b97f4a7c15)
			ss.At(i).SetSpanID(pcommon.SpanID(id))
		}
		_ = c.ConsumeTraces(context.Background(), td)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*100), "ns/span")
}

// BenchmarkConsumeTracesBudgets is BenchmarkConsumeTraces with every span
// priced for a tenant with two budgets, by one of 1000 users in one of 300
// sessions: the cost of budgets and top spenders.
func BenchmarkConsumeTracesBudgets(b *testing.B) {
	file := filepath.Join(b.TempDir(), "budgets.yaml")
	require.NoError(b, os.WriteFile(file, []byte("budgets:\n  - {name: acme, scope: tenant, match: acme, period: month, amount: 500}\n  - {name: support, scope: agent, match: support, period: day, amount: 50}\n"), 0o600))
	cfg := createDefaultConfig().(*Config)
	cfg.Budgets.File = file
	c, err := newConnector(connectortest.NewNopSettings(metadata.Type), cfg, new(consumertest.MetricsSink))
	require.NoError(b, err)
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, "chat-app")
	rs.Resource().Attributes().PutStr("tenant.id", "acme")
	ss := rs.ScopeSpans().AppendEmpty().Spans()
	for i := range 100 {
		addSpan(ss, time.Duration(i)*10*time.Millisecond, chat(map[string]any{genai.UserID: fmt.Sprintf("user-%d", i*7%1000), genai.ConversationID: fmt.Sprintf("s-%d", i*3%300)}), "")
	}
	users := make([]string, 1000)
	for i := range users {
		users[i] = fmt.Sprintf("user-%d", i)
	}
	// Users by a skewed draw, as spend is: a few heavy, a long tail.
	r := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(r, 1.2, 1, uint64(len(users)-1))
	var n uint64
	b.ReportAllocs()
	for b.Loop() {
		for i := 0; i < ss.Len(); i++ {
			n++
			var id [8]byte
			binary.LittleEndian.PutUint64(id[:], n*0x9e3779b97f4a7c15)
			ss.At(i).SetSpanID(pcommon.SpanID(id))
			ss.At(i).Attributes().PutStr(genai.UserID, users[zipf.Uint64()])
		}
		_ = c.ConsumeTraces(context.Background(), td)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*100), "ns/span")
}
