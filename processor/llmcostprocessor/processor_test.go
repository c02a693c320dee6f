// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor/processortest"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/metadatatest"
	"github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"
)

var spanEnd = time.Date(2025, 11, 1, 12, 0, 0, 0, time.UTC)

// span adds a span with the given attributes to td under a resource.
func addSpan(td ptrace.Traces, res map[string]string, attrs map[string]any) {
	rs := td.ResourceSpans().AppendEmpty()
	for k, v := range res {
		rs.Resource().Attributes().PutStr(k, v)
	}
	s := rs.ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	s.SetEndTimestamp(pcommon.NewTimestampFromTime(spanEnd))
	if err := s.Attributes().FromRaw(attrs); err != nil {
		panic(err)
	}
}

func run(t *testing.T, cfg *Config, td ptrace.Traces) (ptrace.Traces, *componenttest.Telemetry) {
	t.Helper()
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	sink := new(consumertest.TracesSink)
	p, err := createTraces(context.Background(), metadatatest.NewSettings(tel), cfg, sink)
	require.NoError(t, err)
	require.NoError(t, p.Start(context.Background(), componenttest.NewNopHost()))
	require.NoError(t, p.ConsumeTraces(context.Background(), td))
	require.NoError(t, p.Shutdown(context.Background()))
	require.Len(t, sink.AllTraces(), 1)
	return sink.AllTraces()[0], tel
}

func attr(t *testing.T, s ptrace.Span, key string) any {
	t.Helper()
	v, ok := s.Attributes().Get(key)
	if !ok {
		return nil
	}
	return v.AsRaw()
}

func TestPricesInferenceSpansExactly(t *testing.T) {
	td := ptrace.NewTraces()
	// gpt-4o: 2.50 in, 1.25 cached, 10 out per million.
	addSpan(td, nil, map[string]any{
		genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.ResponseModel: "gpt-4o-2024-08-06",
		genai.UsageInputTokens: 10_000, genai.UsageCacheRead: 4_000, genai.UsageOutputTokens: 1_000,
	})
	// Anthropic exclusive counts via OpenInference names, auto-detected.
	addSpan(td, nil, map[string]any{
		"openinference.span.kind": "LLM", "llm.model_name": "claude-3-5-sonnet-20241022",
		"llm.token_count.prompt": 100, "llm.token_count.prompt_details.cache_read": 10_000,
		"llm.token_count.completion": 200,
	})
	// Unknown model: unpriced, no amount.
	addSpan(td, nil, map[string]any{genai.OperationName: "chat", genai.RequestModel: "my-finetune", genai.UsageInputTokens: 5, genai.UsageOutputTokens: 5})
	// Agent and tool spans are not priced (their child inference spans are).
	addSpan(td, nil, map[string]any{genai.OperationName: "invoke_agent", genai.RequestModel: "gpt-4o", genai.UsageInputTokens: 5})
	// App-reported cost is kept.
	addSpan(td, nil, map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.CostAmount: 0.42, genai.UsageInputTokens: 5})
	// No tokens: counted with gpt-4o-mini's tokenizer, o200k_base. In: one
	// user message "hi there" ("hi", " there") = 3 framing + 1 role + 2 text
	// + 3 reply priming = 9 tokens. Out: the JSON string "hello!" ("hello",
	// "!") = 2 tokens.
	addSpan(td, nil, map[string]any{
		genai.OperationName: "chat", genai.RequestModel: "gpt-4o-mini",
		genai.InputMessages: `[{"role":"user","content":"hi there"}]  `, genai.OutputMessages: `"hello!"`,
	})

	out, tel := run(t, createDefaultConfig().(*Config), td)
	spans := func(i int) ptrace.Span { return out.ResourceSpans().At(i).ScopeSpans().At(0).Spans().At(0) }

	// 6000*2.50 + 4000*1.25 + 1000*10 = 15000+5000+10000 = 30000 µUSD·M -> 0.03 USD
	assert.Equal(t, 0.03, attr(t, spans(0), genai.CostAmount))
	assert.Equal(t, "USD", attr(t, spans(0), genai.CostCurrency))
	assert.Equal(t, "local", attr(t, spans(0), genai.CostSource))
	assert.Equal(t, "priced", attr(t, spans(0), genai.CostStatus))
	assert.Equal(t, "default:gpt-4o@2024-10-01", attr(t, spans(0), genai.CostPricingID))

	// 100*3 + 10000*0.30 + 200*15 = 300+3000+3000 = 6300 -> 0.0063 USD
	assert.InDelta(t, 0.0063, attr(t, spans(1), genai.CostAmount), 1e-18)
	assert.Equal(t, "default:claude-3-5-sonnet@2024-06-20", attr(t, spans(1), genai.CostPricingID))

	assert.Equal(t, "unpriced", attr(t, spans(2), genai.CostStatus))
	assert.Nil(t, attr(t, spans(2), genai.CostAmount), "never a silent 0")

	assert.Nil(t, attr(t, spans(3), genai.CostStatus))

	assert.Equal(t, 0.42, attr(t, spans(4), genai.CostAmount))
	assert.Equal(t, "provider", attr(t, spans(4), genai.CostSource))

	assert.Equal(t, "estimated", attr(t, spans(5), genai.CostStatus))
	// 9 in * 0.15 + 2 out * 0.60 = 1.35 + 1.2 = 2.55 µUSD·M -> 0.00000255
	assert.InDelta(t, 0.00000255, attr(t, spans(5), genai.CostAmount), 1e-18)
	assert.Equal(t, "o200k_base", attr(t, spans(5), genai.CostTokenizer))

	one := []metricdata.DataPoint[int64]{{Value: 1}}
	metadatatest.AssertEqualProcessorLlmCostUnpricedItems(t, tel, one, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualProcessorLlmCostReportedItems(t, tel, one, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualProcessorLlmCostEstimatedItems(t, tel, one, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualProcessorLlmCostPricedItems(t, tel, []metricdata.DataPoint[int64]{{Value: 2}}, metricdatatest.IgnoreTimestamp())
}

// TestBreakdown: with breakdown on, each part with tokens gets its own
// amount, and the parts add up to the total.
func TestBreakdown(t *testing.T) {
	traces := func() ptrace.Traces {
		td := ptrace.NewTraces()
		// o3 from 2025-06-10: 2.00 in, 0.50 cache read, 8.00 out (reasoning billed as output).
		addSpan(td, nil, map[string]any{
			genai.OperationName: "chat", genai.RequestModel: "o3",
			genai.UsageInputTokens: 10_000, genai.UsageCacheRead: 4_000,
			genai.UsageOutputTokens: 5_000, genai.UsageReasoning: 3_000,
		})
		return td
	}
	cfg := createDefaultConfig().(*Config)
	cfg.Breakdown = true
	out, _ := run(t, cfg, traces())
	s := out.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	assert.Equal(t, 0.012, attr(t, s, genai.CostInput))     // 6000 uncached × 2.00
	assert.Equal(t, 0.002, attr(t, s, genai.CostCacheRead)) // 4000 × 0.50
	assert.Nil(t, attr(t, s, genai.CostCacheWrite), "no cache writes: no part")
	assert.Equal(t, 0.016, attr(t, s, genai.CostOutput))    // 2000 non-reasoning × 8.00
	assert.Equal(t, 0.024, attr(t, s, genai.CostReasoning)) // 3000 × 8.00
	assert.Equal(t, 0.054, attr(t, s, genai.CostAmount))

	out, _ = run(t, createDefaultConfig().(*Config), traces())
	assert.Nil(t, attr(t, out.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0), genai.CostInput), "off by default")
}

// TestEstimateOnlyWhenPriced: an unknown model is unpriced without counting
// its text, and estimation can be turned off.
func TestEstimateOnlyWhenPriced(t *testing.T) {
	traces := func() ptrace.Traces {
		td := ptrace.NewTraces()
		msgs := `[{"role":"user","content":"Hello, world!"}]`
		addSpan(td, nil, map[string]any{genai.OperationName: "chat", genai.RequestModel: "my-finetune", genai.InputMessages: msgs})
		addSpan(td, nil, map[string]any{genai.OperationName: "chat", genai.RequestModel: "claude-3-5-haiku", genai.InputMessages: msgs})
		return td
	}
	out, _ := run(t, createDefaultConfig().(*Config), traces())
	spans := func(i int) ptrace.Span { return out.ResourceSpans().At(i).ScopeSpans().At(0).Spans().At(0) }
	assert.Equal(t, "unpriced", attr(t, spans(0), genai.CostStatus))
	assert.Nil(t, attr(t, spans(0), genai.CostTokenizer))
	assert.Equal(t, "estimated", attr(t, spans(1), genai.CostStatus))
	assert.Equal(t, "approx:o200k_base", attr(t, spans(1), genai.CostTokenizer), "Claude's tokenizer is not public")

	cfg := createDefaultConfig().(*Config)
	cfg.EstimateTokens = false
	out, _ = run(t, cfg, traces())
	// The model has a price but nothing to price: no_usage, not unpriced
	// (that status is for models without a price).
	assert.Equal(t, "no_usage", attr(t, out.ResourceSpans().At(1).ScopeSpans().At(0).Spans().At(0), genai.CostStatus))
}

func TestRunningTwiceIsIdempotent(t *testing.T) {
	td := ptrace.NewTraces()
	addSpan(td, nil, map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.UsageInputTokens: 1000, genai.UsageOutputTokens: 100})
	once, _ := run(t, createDefaultConfig().(*Config), td)
	before := attr(t, once.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0), genai.CostAmount)
	twice, _ := run(t, createDefaultConfig().(*Config), once)
	s := twice.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	assert.Equal(t, before, attr(t, s, genai.CostAmount))
	assert.Equal(t, "local", attr(t, s, genai.CostSource), "a sidecar's price is kept by the gateway, still marked local")
	assert.Equal(t, genai.CostStatusPriced, attr(t, s, genai.CostStatus), "and keeps its status: priced here, not reported")
}

func TestReportedCostStatus(t *testing.T) {
	td := ptrace.NewTraces()
	addSpan(td, nil, map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.UsageInputTokens: 1000, genai.CostAmount: 0.5})
	addSpan(td, nil, map[string]any{genai.OperationName: "chat", genai.RequestModel: "gpt-4o", genai.UsageInputTokens: 1000, "llm.cost.total": 0.25})
	got, _ := run(t, createDefaultConfig().(*Config), td)
	spans := got.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	for i := 0; i < spans.Len(); i++ {
		s := spans.At(i)
		assert.Equal(t, genai.CostStatusReported, attr(t, s, genai.CostStatus))
		assert.Equal(t, genai.CostSourceProvider, attr(t, s, genai.CostSource))
	}
}

func TestPriceFileOverridesDeploymentsAndTenants(t *testing.T) {
	cfg := createDefaultConfig().(*Config)
	cfg.PriceFile = filepath.Join("testdata", "prices.yaml")
	cfg.AzureDeployments = map[string]string{"prod-chat-east": "gpt-4o"}
	td := ptrace.NewTraces()
	usage := map[string]any{genai.OperationName: "chat", genai.UsageInputTokens: 1_000_000, genai.UsageOutputTokens: 0}
	with := func(model string) map[string]any {
		m := map[string]any{genai.RequestModel: model}
		for k, v := range usage {
			m[k] = v
		}
		return m
	}
	addSpan(td, nil, with("prod-chat-east"))                                 // negotiated 2.00
	addSpan(td, map[string]string{"tenant.id": "acme-corp"}, with("gpt-4o")) // 2.00 * 0.85
	addSpan(td, nil, with("acme-llm-v2"))                                    // EUR 1.00
	out, _ := run(t, cfg, td)
	spans := func(i int) ptrace.Span { return out.ResourceSpans().At(i).ScopeSpans().At(0).Spans().At(0) }
	assert.Equal(t, 2.0, attr(t, spans(0), genai.CostAmount))
	assert.Equal(t, 1.7, attr(t, spans(1), genai.CostAmount))
	assert.Equal(t, 1.0, attr(t, spans(2), genai.CostAmount))
	assert.Equal(t, "EUR", attr(t, spans(2), genai.CostCurrency))
}

func TestLogsArePriced(t *testing.T) {
	ld := plog.NewLogs()
	r := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	r.SetTimestamp(pcommon.NewTimestampFromTime(spanEnd))
	r.Attributes().PutStr(genai.OperationName, "chat")
	r.Attributes().PutStr(genai.RequestModel, "gpt-4o-mini")
	r.Attributes().PutInt(genai.UsageInputTokens, 1_000_000)
	r.Attributes().PutInt(genai.UsageOutputTokens, 1_000_000)
	sink := new(consumertest.LogsSink)
	p, err := createLogs(context.Background(), processortest.NewNopSettings(metadata.Type), createDefaultConfig(), sink)
	require.NoError(t, err)
	require.NoError(t, p.ConsumeLogs(context.Background(), ld))
	require.NoError(t, p.Shutdown(context.Background()))
	v, ok := sink.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0).Attributes().Get(genai.CostAmount)
	require.True(t, ok)
	assert.Equal(t, 0.75, v.Double())
}

func TestPriceFileReload(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "prices.yaml")
	write := func(content string, mtime time.Time) {
		require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
		require.NoError(t, os.Chtimes(path, mtime, mtime))
	}
	base := time.Now().Add(-time.Hour)
	write(`models: [{id: gpt-4o, provider: openai, input: "1", output: "1", effective_from: 2024-10-01}]`, base)
	cfg := createDefaultConfig().(*Config)
	cfg.PriceFile = path
	tel := componenttest.NewTelemetry()
	defer func() { require.NoError(t, tel.Shutdown(context.Background())) }()
	p, err := newCostProcessor(metadatatest.NewSettings(tel), cfg)
	require.NoError(t, err)
	price := func() float64 {
		e := p.shared.matcher.Load().Lookup("openai", "gpt-4o").At(spanEnd)
		c, err := pricing.Compute(pricingUsage(1_000_000), e.Select(spanEnd, "").Prices.For(1_000_000))
		require.NoError(t, err)
		return c.Amount()
	}
	assert.Equal(t, 1.0, price())

	p.shared.reloadUserFile() // unchanged: nothing happens
	write(`models: [{id: gpt-4o, provider: openai, input: "3", output: "1", effective_from: 2024-10-01}]`, base.Add(time.Minute))
	p.shared.reloadUserFile()
	assert.Equal(t, 3.0, price())

	write(`models: [{id: gpt-4o, provider: openai, input: "oops"}]`, base.Add(2*time.Minute))
	p.shared.reloadUserFile()
	p.shared.reloadUserFile() // same broken version: reported once
	assert.Equal(t, 3.0, price(), "a broken file keeps the previous table")

	metadatatest.AssertEqualProcessorLlmCostPriceReloads(t, tel, []metricdata.DataPoint[int64]{{Value: 1, Attributes: attribute.NewSet(attribute.String("source", "price_file"))}}, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualProcessorLlmCostPriceReloadFailures(t, tel, []metricdata.DataPoint[int64]{{Value: 1, Attributes: attribute.NewSet(attribute.String("source", "price_file"))}}, metricdatatest.IgnoreTimestamp())
	require.NoError(t, p.shutdown(context.Background()))
}

// BenchmarkProcessTracesMinimal prices fresh spans that carry only what
// pricing needs (operation, model, input and output tokens), every
// iteration from an unpriced copy made outside the timer.
func BenchmarkProcessTracesMinimal(b *testing.B) {
	benchmarkProcess(b, minimalSpans())
}

// BenchmarkAttributeWritesFloor is the floor under
// BenchmarkProcessTracesMinimal: the same fresh spans in the same harness
// receive the five attributes a priced span gets, written straight through
// pdata's API, with no reading, matching or arithmetic.
func BenchmarkAttributeWritesFloor(b *testing.B) {
	benchmarkOnCopies(b, minimalSpans(), func(td ptrace.Traces) {
		spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		for k := 0; k < spans.Len(); k++ {
			a := spans.At(k).Attributes()
			a.EnsureCapacity(a.Len() + 5)
			a.PutDouble(genai.CostAmount, 0.0063)
			a.PutStr(genai.CostCurrency, "USD")
			a.PutStr(genai.CostSource, genai.CostSourceLocal)
			a.PutStr(genai.CostStatus, genai.CostStatusPriced)
			a.PutStr(genai.CostPricingID, "openai/gpt-4o@2024-08-06")
		}
	})
}

// minimalSpans carry only operation, model and token counts.
func minimalSpans() ptrace.Traces {
	models := []string{"gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022", "gemini-1.5-pro-002", "deepseek-chat"}
	return benchSpans(func(a pcommon.Map, i int) {
		a.PutStr(genai.OperationName, "chat")
		a.PutStr(genai.RequestModel, models[i%len(models)])
		a.PutInt(genai.UsageInputTokens, 1200)
		a.PutInt(genai.UsageOutputTokens, 300)
	})
}

// benchSpans returns benchSpanCount spans of two seconds whose attributes
// attrs sets.
func benchSpans(attrs func(a pcommon.Map, i int)) ptrace.Traces {
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty()
	for i := range benchSpanCount {
		s := ss.Spans().AppendEmpty()
		s.SetStartTimestamp(pcommon.NewTimestampFromTime(spanEnd.Add(-2 * time.Second)))
		s.SetEndTimestamp(pcommon.NewTimestampFromTime(spanEnd))
		attrs(s.Attributes(), i)
	}
	return td
}

const benchSpanCount = 100

// benchmarkProcess prices unpriced copies of src (benchSpanCount spans
// each) with a warm match cache.
func benchmarkProcess(b *testing.B, src ptrace.Traces) {
	p, err := newCostProcessor(processortest.NewNopSettings(metadata.Type), createDefaultConfig().(*Config))
	require.NoError(b, err)
	b.Cleanup(func() { _ = p.shutdown(context.Background()) })
	warm := ptrace.NewTraces()
	src.CopyTo(warm)
	_, _ = p.processTraces(context.Background(), warm) // warm the match cache
	benchmarkOnCopies(b, src, func(td ptrace.Traces) { _, _ = p.processTraces(context.Background(), td) })
}

// benchmarkOnCopies times process on fresh copies of src (benchSpanCount
// spans each), made 64 at a time with the timer stopped, and reports ns/span.
func benchmarkOnCopies(b *testing.B, src ptrace.Traces, process func(ptrace.Traces)) {
	work := make([]ptrace.Traces, 64)
	refill := func() {
		for i := range work {
			work[i] = ptrace.NewTraces()
			src.CopyTo(work[i])
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
		process(work[i])
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchSpanCount), "ns/span")
}

// BenchmarkProcessTraces prices fresh spans shaped like an instrumented
// chat call (14 attributes, prompt and answer text, some with cached and
// reasoning tokens), as they arrive from an app: every iteration starts from
// an unpriced copy, made outside the timer. The mix includes date-suffixed,
// Bedrock and unknown model names; matches come from the warm cache.
func BenchmarkProcessTraces(b *testing.B) {
	models := []string{
		"gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022", "gemini-1.5-pro-002", "deepseek-chat",
		"anthropic.claude-3-5-sonnet-20241022-v2:0", "o3-mini", "my-finetune",
	}
	prompt := strings.Repeat("Summarise the quarterly report for the board. ", 40)
	benchmarkProcess(b, benchSpans(func(a pcommon.Map, i int) {
		a.PutStr(genai.OperationName, "chat")
		a.PutStr(genai.ProviderName, "openai")
		a.PutStr(genai.RequestModel, models[i%len(models)])
		a.PutStr(genai.ResponseModel, models[i%len(models)])
		a.PutStr(genai.ConversationID, "conv-5f2a9c")
		a.PutStr("gen_ai.response.id", "chatcmpl-AB12cd34")
		a.PutStr("server.address", "api.openai.com")
		a.PutInt("server.port", 443)
		a.PutInt(genai.UsageInputTokens, 1200)
		a.PutInt(genai.UsageOutputTokens, 300)
		if i%4 == 0 {
			a.PutInt(genai.UsageCacheRead, 800)
		}
		if i%5 == 0 {
			a.PutInt(genai.UsageReasoning, 120)
		}
		a.PutStr(genai.InputMessages, prompt)
		a.PutStr(genai.OutputMessages, prompt[:600])
	}))
}
