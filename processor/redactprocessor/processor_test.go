// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package redactprocessor

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor/processortest"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/metadatatest"
	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"
)

func TestTracesEverywhere(t *testing.T) {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, "chat")
	rs.Resource().Attributes().PutStr("host.owner", "admin@example.com")
	ss := rs.ScopeSpans().AppendEmpty()
	s := ss.Spans().AppendEmpty()
	s.SetName("lookup for jane@example.com")
	s.Status().SetMessage("card 4111 1111 1111 1111 declined")
	a := s.Attributes()
	a.PutStr(genai.RequestModel, "gpt-4o-2024-08-06")
	a.PutInt(genai.UsageInputTokens, 1200)
	a.PutInt("payment.card_number", 4111111111111111)
	a.PutInt("event.time_unix_nano", 1730540103123456789)
	a.PutStr(genai.InputMessages, `[{"role":"user","content":"mail me at jane@example.com or call +1 415 555 0100"}]`)
	a.PutStr("user.email", "jane@example.com")
	a.PutStr("db.password", "hunter2")
	nested := a.PutEmptyMap("tool.args")
	nested.PutStr("url", "postgres://admin:s3cret@db:5432/x")
	nested.PutEmptySlice("ips").AppendEmpty().SetStr("10.1.2.3")
	ev := s.Events().AppendEmpty()
	ev.SetName("exception")
	ev.Attributes().PutStr("exception.message", "invalid key sk-proj-Abc123DEF456ghi789JKL012mno345")
	s.Links().AppendEmpty().Attributes().PutStr("peer", "2001:db8::1")

	tel := componenttest.NewTelemetry()
	defer func() { require.NoError(t, tel.Shutdown(context.Background())) }()
	sink := new(consumertest.TracesSink)
	p, err := createTraces(context.Background(), metadatatest.NewSettings(tel), createDefaultConfig(), sink)
	require.NoError(t, err)
	require.NoError(t, p.ConsumeTraces(context.Background(), td))
	out := sink.AllTraces()[0].ResourceSpans().At(0)
	got := out.ScopeSpans().At(0).Spans().At(0)

	raw, _ := json.Marshal(map[string]any{"res": out.Resource().Attributes().AsRaw(), "span": got.Attributes().AsRaw()})
	for _, leak := range []string{"jane@example.com", "admin@example.com", "4111 1111", "4111111111111111", "415 555", "hunter2", "s3cret", "10.1.2.3", "sk-proj", "2001:db8"} {
		assert.NotContains(t, string(raw)+got.Name()+got.Status().Message()+fmt.Sprint(got.Events().At(0).Attributes().AsRaw())+fmt.Sprint(got.Links().At(0).Attributes().AsRaw()), leak)
	}
	assert.Equal(t, "lookup for [REDACTED:email]", got.Name())
	assert.Equal(t, "card [REDACTED:credit_card] declined", got.Status().Message())
	v, _ := got.Attributes().Get(genai.InputMessages)
	assert.True(t, json.Valid([]byte(v.Str())), v.Str())
	model, _ := got.Attributes().Get(genai.RequestModel)
	assert.Equal(t, "gpt-4o-2024-08-06", model.Str(), "allowed keys are untouched")
	tokens, _ := got.Attributes().Get(genai.UsageInputTokens)
	assert.Equal(t, int64(1200), tokens.Int())
	card, _ := got.Attributes().Get("payment.card_number")
	assert.Equal(t, "[REDACTED:credit_card]", card.AsString(), "a card number stored as an integer is found")
	ts, _ := got.Attributes().Get("event.time_unix_nano")
	assert.Equal(t, int64(1730540103123456789), ts.Int(), "a large integer that is no card stays an integer")
	blocked, _ := got.Attributes().Get("user.email")
	assert.Equal(t, "[REDACTED]", blocked.Str())

	count, _ := got.Attributes().Get(genai.PIIRedactedCount)
	assert.Equal(t, int64(11), count.Int()) // name, status, 2 in messages, card int, user.email, db.password, url, ip, exception, link
	types, _ := got.Attributes().Get(genai.PIIRedactedTypes)
	assert.ElementsMatch(t, []any{"email", "phone", "credit_card", "ipv4", "ipv6", "openai_key", "url_credentials", "blocked_key"}, types.Slice().AsRaw())
	rc, _ := out.Resource().Attributes().Get(genai.PIIRedactedCount)
	assert.Equal(t, int64(1), rc.Int())

	metadatatest.AssertEqualProcessorRedactItems(t, tel, []metricdata.DataPoint[int64]{{Value: 2}}, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualProcessorRedactRedactions(t, tel, []metricdata.DataPoint[int64]{
		{Value: 3, Attributes: attribute.NewSet(attribute.String("type", "email"))},
		{Value: 1, Attributes: attribute.NewSet(attribute.String("type", "phone"))},
		{Value: 2, Attributes: attribute.NewSet(attribute.String("type", "credit_card"))},
		{Value: 1, Attributes: attribute.NewSet(attribute.String("type", "ipv4"))},
		{Value: 1, Attributes: attribute.NewSet(attribute.String("type", "ipv6"))},
		{Value: 1, Attributes: attribute.NewSet(attribute.String("type", "openai_key"))},
		{Value: 1, Attributes: attribute.NewSet(attribute.String("type", "url_credentials"))},
		{Value: 2, Attributes: attribute.NewSet(attribute.String("type", "blocked_key"))},
	}, metricdatatest.IgnoreTimestamp())

	// A second pass (gateway after sidecar) finds nothing new and keeps the tally.
	require.NoError(t, p.ConsumeTraces(context.Background(), sink.AllTraces()[0]))
	again := sink.AllTraces()[1].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	count, _ = again.Attributes().Get(genai.PIIRedactedCount)
	assert.Equal(t, int64(11), count.Int())
	require.NoError(t, p.Shutdown(context.Background()))
}

// TestKeyClassesFollowKeys: keys are classified by name wherever they
// stand, however their order changes between items and batches (the
// per-position memo must never hand one key another's class), the empty key
// included (blocked here by a pattern).
func TestKeyClassesFollowKeys(t *testing.T) {
	cfg := createDefaultConfig().(*Config)
	cfg.BlockedKeyPatterns = append(cfg.BlockedKeyPatterns, "^$")
	p, err := newRedactProcessor(processortest.NewNopSettings(metadata.Type), cfg)
	require.NoError(t, err)
	const value = "write to jane@example.com"
	want := map[string]string{
		"":                  "[REDACTED]",
		"note":              "write to [REDACTED:email]",
		"user.email":        "[REDACTED]",
		genai.RequestModel:  value, // allowed: left alone
		genai.InputMessages: "write to [REDACTED:email]",
	}
	orders := [][]string{
		{"", "user.email", "note", genai.RequestModel},
		{"user.email", genai.RequestModel, "", "note", genai.InputMessages},
		{genai.RequestModel, "note", "user.email", ""},
		{"note", "", genai.InputMessages, genai.RequestModel, "user.email"},
	}
	for batch := range 3 {
		td := ptrace.NewTraces()
		spans := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
		for i := range 12 {
			a := spans.AppendEmpty().Attributes()
			for _, k := range orders[(i+batch)%len(orders)] {
				a.PutStr(k, value)
			}
		}
		_, err = p.processTraces(context.Background(), td)
		require.NoError(t, err)
		for i := 0; i < spans.Len(); i++ {
			for k, v := range spans.At(i).Attributes().All() {
				if k == genai.PIIRedactedCount || k == genai.PIIRedactedTypes {
					continue
				}
				assert.Equal(t, want[k], v.Str(), "batch %d span %d key %q", batch, i, k)
			}
		}
	}
	require.NoError(t, p.shutdown(context.Background()))
}

func TestDropAction(t *testing.T) {
	cfg := createDefaultConfig().(*Config)
	cfg.Detectors["email"] = DetectorConfig{Enabled: true, Action: "drop"}
	cfg.BlockedKeyAction = "drop"
	sink := new(consumertest.LogsSink)
	p, err := createLogs(context.Background(), processortest.NewNopSettings(metadata.Type), cfg, sink)
	require.NoError(t, err)
	ld := plog.NewLogs()
	r := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	r.Body().SetStr("user wrote from bob@example.org")
	r.Attributes().PutStr("contact", "bob@example.org")
	r.Attributes().PutStr("api_key", "whatever")
	r.Attributes().PutStr("kept", "fine")
	require.NoError(t, p.ConsumeLogs(context.Background(), ld))
	got := sink.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0)
	assert.Equal(t, "user wrote from [REDACTED:email]", got.Body().Str(), "a body cannot be dropped: masked")
	_, ok := got.Attributes().Get("contact")
	assert.False(t, ok)
	_, ok = got.Attributes().Get("api_key")
	assert.False(t, ok)
	_, ok = got.Attributes().Get("kept")
	assert.True(t, ok)
	require.NoError(t, p.Shutdown(context.Background()))
}

func TestMetricDataPointAttributes(t *testing.T) {
	sink := new(consumertest.MetricsSink)
	p, err := createMetrics(context.Background(), processortest.NewNopSettings(metadata.Type), createDefaultConfig(), sink)
	require.NoError(t, err)
	md := pmetric.NewMetrics()
	m := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	dp := m.SetEmptySum().DataPoints().AppendEmpty()
	dp.Attributes().PutStr("customer", "ceo@bigcorp.com")
	dp.SetIntValue(3)
	hp := md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().AppendEmpty().SetEmptyHistogram().DataPoints().AppendEmpty()
	hp.Attributes().PutStr("client.address", "192.168.0.7")
	require.NoError(t, p.ConsumeMetrics(context.Background(), md))
	ms := sink.AllMetrics()[0].ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics()
	v, _ := ms.At(0).Sum().DataPoints().At(0).Attributes().Get("customer")
	assert.Equal(t, "[REDACTED:email]", v.Str())
	v, _ = ms.At(1).Histogram().DataPoints().At(0).Attributes().Get("client.address")
	assert.Equal(t, "[REDACTED:ipv4]", v.Str())
	_, added := ms.At(0).Sum().DataPoints().At(0).Attributes().Get(genai.PIIRedactedCount)
	assert.False(t, added, "no new attributes on data points: they would split series")
	require.NoError(t, p.Shutdown(context.Background()))
}

// llmTraces builds n realistic GenAI spans with prompts and answers of
// 0.3–8 KB; one in a hundred carries PII.
func llmTraces(n int) ptrace.Traces {
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty()
	para := "The assistant reviewed the quarterly report and summarised revenue, churn and the roadmap for Q3 2025 (ticket 48213, build 20241022.1). "
	for i := range n {
		s := ss.Spans().AppendEmpty()
		s.SetName("chat gpt-4o")
		a := s.Attributes()
		a.PutStr(genai.OperationName, "chat")
		a.PutStr(genai.RequestModel, "gpt-4o-2024-08-06")
		a.PutInt(genai.UsageInputTokens, 1200)
		prompt := strings.Repeat(para, 2+i%50)
		if i%100 == 0 {
			prompt += " Reach me at jane.doe@example.com or +1 415 555 0100."
		}
		a.PutStr(genai.InputMessages, `[{"role":"user","content":"`+prompt+`"}]`)
		a.PutStr(genai.OutputMessages, `[{"role":"assistant","content":"`+strings.Repeat(para, 1+i%20)+`"}]`)
	}
	return td
}

func BenchmarkRedactLLMSpans(b *testing.B) {
	p, err := newRedactProcessor(processortest.NewNopSettings(metadata.Type), createDefaultConfig().(*Config))
	require.NoError(b, err)
	td := llmTraces(100)
	bytes := 0
	spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	for i := 0; i < spans.Len(); i++ {
		spans.At(i).Attributes().Range(func(_ string, v pcommon.Value) bool { bytes += len(v.AsString()); return true })
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		cp := ptrace.NewTraces()
		td.CopyTo(cp)
		b.StartTimer()
		_, _ = p.processTraces(context.Background(), cp)
	}
	b.ReportMetric(float64(b.N*100)/b.Elapsed().Seconds(), "spans/s")
}

// TestCleanValueCache: short texts found clean are remembered and not
// scanned again, texts with PII never are (they are redacted every time,
// with their counts), keys whose values never repeat soon stop being looked
// up, and the output is the same as without the cache.
func TestCleanValueCache(t *testing.T) {
	p, err := newRedactProcessor(processortest.NewNopSettings(metadata.Type), createDefaultConfig().(*Config))
	require.NoError(t, err)
	models := []string{"gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022", "openai/gpt-4o@2024-08-06"}
	batch := func(n int) ptrace.Traces {
		td := ptrace.NewTraces()
		ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
		for i := range 50 {
			s := ss.AppendEmpty()
			s.SetName("chat " + models[i%len(models)])
			a := s.Attributes()
			a.PutStr("llm.model_name", models[(i+n)%len(models)]) // (the GenAI names are allowed_keys)
			a.PutStr(genai.ConversationID, fmt.Sprintf("conv-%x", n*50+i))
			a.PutStr("app.note", "jane.doe@example.com")
			a.PutStr("client.address", fmt.Sprintf("10.1.%d.%d", n%200, i))
		}
		return td
	}
	for n := range 40 {
		td, err := p.processTraces(context.Background(), batch(n))
		require.NoError(t, err)
		spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		for i := 0; i < spans.Len(); i++ {
			a := spans.At(i).Attributes()
			assert.Equal(t, "chat "+models[i%len(models)], spans.At(i).Name())
			v, _ := a.Get("llm.model_name")
			assert.Equal(t, models[(i+n)%len(models)], v.Str())
			v, _ = a.Get("app.note")
			assert.Equal(t, "[REDACTED:email]", v.Str(), "batch %d span %d", n, i)
			v, _ = a.Get("client.address")
			assert.Equal(t, "[REDACTED:ipv4]", v.Str())
			v, _ = a.Get(genai.PIIRedactedCount)
			assert.Equal(t, int64(2), v.Int())
		}
	}

	// One state's view: a clean text is scanned once, then answered; a text
	// with PII is scanned (and counted) every time; a key whose values never
	// repeat stops being looked up.
	st := p.newState()
	var m memo
	for range 3 {
		out, changed, _ := p.redactText(models[0], st, &m)
		assert.Equal(t, models[0], out)
		assert.False(t, changed)
	}
	assert.Equal(t, memo{tries: 3, hits: 2}, m)
	m = memo{}
	st.begin()
	for range 3 {
		out, changed, _ := p.redactText("mail jane.doe@example.com", st, &m)
		assert.Equal(t, "mail [REDACTED:email]", out)
		assert.True(t, changed)
	}
	assert.Equal(t, 3, st.scan.Total, "counted every time")
	assert.Zero(t, m.hits)
	m = memo{}
	lookups := 0
	for i := range 2000 {
		if m.probe() {
			lookups++
			m.seen(false)
		}
		_ = i
	}
	assert.Less(t, lookups, 64+2000/64+1, "a key whose values never repeat soon stops being looked up")
	for i := range 300 {
		_, _, _ = p.redactText(fmt.Sprintf("conv-%x", i), st, &m)
	}
	for range 4000 {
		_, _, _ = p.redactText(models[1], st, &m)
	}
	assert.True(t, m.probe(), "and is looked up again once its values repeat")
	require.NoError(t, p.shutdown(context.Background()))
}

// TestTallyAddsToAnEarlierOne: a span that an earlier redact (a sidecar)
// counted gets the new findings added to its pii.redacted.count and the new
// types appended to its pii.redacted.types, in the same batch as spans that
// carry no tally, or carry the names only in a nested map, or with another
// type (replaced).
func TestTallyAddsToAnEarlierOne(t *testing.T) {
	p, err := newRedactProcessor(processortest.NewNopSettings(metadata.Type), createDefaultConfig().(*Config))
	require.NoError(t, err)
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	const text = "mail jane@example.com or call +1 415 555 0100"
	earlier := ss.AppendEmpty().Attributes()
	earlier.PutStr("app.note", text)
	earlier.PutInt(genai.PIIRedactedCount, 3)
	require.NoError(t, earlier.PutEmptySlice(genai.PIIRedactedTypes).FromRaw([]any{"email", "credit_card"}))
	fresh := ss.AppendEmpty().Attributes()
	fresh.PutStr("app.note", text)
	nested := ss.AppendEmpty().Attributes()
	nested.PutStr("app.note", text)
	inner := nested.PutEmptyMap("app.meta")
	inner.PutInt(genai.PIIRedactedCount, 7)
	inner.PutEmptySlice(genai.PIIRedactedTypes).AppendEmpty().SetStr("ipv4")
	wrong := ss.AppendEmpty().Attributes()
	wrong.PutStr("app.note", text)
	wrong.PutStr(genai.PIIRedactedCount, "many")
	wrong.PutEmptySlice(genai.PIIRedactedTypes)
	clean := ss.AppendEmpty().Attributes()
	clean.PutStr("app.note", "nothing here")

	_, err = p.processTraces(context.Background(), td)
	require.NoError(t, err)
	for i, want := range []struct {
		count int64
		types []any
	}{
		{5, []any{"email", "credit_card", "phone"}},
		{2, []any{"email", "phone"}},
		{2, []any{"email", "phone"}},
		{2, []any{"email", "phone"}},
	} {
		a := ss.At(i).Attributes()
		v, ok := a.Get(genai.PIIRedactedCount)
		require.True(t, ok, "span %d", i)
		assert.Equal(t, want.count, v.Int(), "span %d", i)
		v, ok = a.Get(genai.PIIRedactedTypes)
		require.True(t, ok, "span %d", i)
		assert.Equal(t, want.types, v.Slice().AsRaw(), "span %d", i)
	}
	m, _ := ss.At(2).Attributes().Get("app.meta")
	assert.Equal(t, map[string]any{genai.PIIRedactedCount: int64(7), genai.PIIRedactedTypes: []any{"ipv4"}}, m.Map().AsRaw(), "a nested map is not the span's tally")
	_, ok := ss.At(4).Attributes().Get(genai.PIIRedactedCount)
	assert.False(t, ok, "a clean span gets no tally")
	require.NoError(t, p.shutdown(context.Background()))
}

// TestScanFailureFailsClosed: a value the scanner fails on (a panic: a
// detector's bug on some input) is replaced whole, counted on the item
// and in processor_redact_scan_failures, and the other values and spans
// are redacted as usual.
func TestScanFailureFailsClosed(t *testing.T) {
	tel := componenttest.NewTelemetry()
	defer func() { require.NoError(t, tel.Shutdown(context.Background())) }()
	p, err := newRedactProcessor(metadatatest.NewSettings(tel), createDefaultConfig().(*Config))
	require.NoError(t, err)
	redact := p.redact
	p.redact = func(s string, st *scan.State) (string, bool, bool) {
		if strings.Contains(s, "boom") {
			panic("a detector's bug")
		}
		return redact(s, st)
	}
	td := ptrace.NewTraces()
	spans := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	first := spans.AppendEmpty()
	first.Attributes().PutStr(genai.InputMessages, "boom: jane@example.com")
	first.Attributes().PutStr("note", "mail jane@example.com")
	second := spans.AppendEmpty()
	second.Attributes().PutStr("note", "mail joe@example.com")
	_, err = p.processTraces(context.Background(), td)
	require.NoError(t, err)

	v, _ := first.Attributes().Get(genai.InputMessages)
	assert.Equal(t, scanFailure, v.Str())
	note, _ := first.Attributes().Get("note")
	assert.Equal(t, "mail [REDACTED:email]", note.Str())
	count, _ := first.Attributes().Get(genai.PIIRedactedCount)
	assert.Equal(t, int64(2), count.Int())
	note2, _ := second.Attributes().Get("note")
	assert.Equal(t, "mail [REDACTED:email]", note2.Str())
	metadatatest.AssertEqualProcessorRedactScanFailures(t, tel, []metricdata.DataPoint[int64]{{Value: 1}}, metricdatatest.IgnoreTimestamp())
}
