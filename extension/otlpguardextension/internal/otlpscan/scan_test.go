// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package otlpscan

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/pmetric/pmetricotlp"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/protobuf/encoding/protowire"
)

// msg encodes a length-delimited field.
func msg(num protowire.Number, payload []byte) []byte {
	b := protowire.AppendTag(nil, num, protowire.BytesType)
	return protowire.AppendBytes(b, payload)
}

// rep repeats a length-delimited field n times.
func rep(num protowire.Number, payload []byte, n int) []byte {
	one := msg(num, payload)
	return bytes.Repeat(one, n)
}

// nest wraps payload in the given fields, innermost last.
func nest(payload []byte, path ...protowire.Number) []byte {
	for i := len(path) - 1; i >= 0; i-- {
		payload = msg(path[i], payload)
	}
	return payload
}

// nestedValue is an AnyValue nested depth arrays deep around a string.
func nestedValue(depth int) []byte {
	v := msg(1, []byte("x"))
	for range depth {
		v = msg(5, msg(1, v)) // AnyValue{array_value: ArrayValue{values: [v]}}
	}
	return v
}

// llmSpans is a realistic GenAI trace batch: n spans with prompts,
// answers, a few dozen attributes and an event each.
func llmSpans(n int) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "support-bot")
	rs.Resource().Attributes().PutStr("deployment.environment.name", "prod")
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName("opentelemetry.instrumentation.openai_v2")
	for i := range n {
		s := ss.Spans().AppendEmpty()
		s.SetTraceID(pcommon.TraceID([16]byte{1, byte(i)}))
		s.SetSpanID(pcommon.SpanID([8]byte{2, byte(i)}))
		s.SetName("chat gpt-4o-mini")
		a := s.Attributes()
		a.PutStr("gen_ai.operation.name", "chat")
		a.PutStr("gen_ai.request.model", "gpt-4o-mini")
		a.PutInt("gen_ai.usage.input_tokens", 1200)
		a.PutInt("gen_ai.usage.output_tokens", 240)
		a.PutStr("gen_ai.input.messages", strings.Repeat("Where is my parcel? ", 60))
		a.PutStr("gen_ai.output.messages", strings.Repeat("It left the depot this morning. ", 20))
		for j := range 20 {
			a.PutStr(fmt.Sprintf("app.attr.%d", j), "value")
		}
		tools := a.PutEmptySlice("chat.tools")
		tools.AppendEmpty().SetStr("search")
		tools.AppendEmpty().SetStr("order_status")
		e := s.Events().AppendEmpty()
		e.SetName("gen_ai.choice")
		e.Attributes().PutInt("index", 0)
	}
	return td
}

func turnLogs(n int) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "support-bot")
	sl := rl.ScopeLogs().AppendEmpty()
	for i := range n {
		lr := sl.LogRecords().AppendEmpty()
		lr.SetEventName("chat.turn")
		lr.Body().SetStr(fmt.Sprintf("turn %d: %s", i, strings.Repeat("text ", 40)))
		lr.Attributes().PutStr("gen_ai.conversation.id", "c-42")
		lr.Attributes().PutBool("chat.fallback.used", false)
		kv := lr.Attributes().PutEmptyMap("chat.usage")
		kv.PutInt("input", 10)
		kv.PutInt("output", 5)
	}
	return ld
}

func mixedMetrics(n int) pmetric.Metrics {
	md := pmetric.NewMetrics()
	sm := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty()
	g := sm.Metrics().AppendEmpty()
	g.SetName("queue_size")
	h := sm.Metrics().AppendEmpty()
	h.SetName("latency")
	hist := h.SetEmptyHistogram()
	e := sm.Metrics().AppendEmpty()
	e.SetName("latency_exp")
	eh := e.SetEmptyExponentialHistogram()
	s := sm.Metrics().AppendEmpty()
	s.SetName("summary")
	sum := s.SetEmptySummary()
	for i := range n {
		dp := g.SetEmptyGauge()
		_ = dp
		p := g.Gauge().DataPoints().AppendEmpty()
		p.SetIntValue(int64(i))
		p.Attributes().PutStr("queue", "traces")
		hp := hist.DataPoints().AppendEmpty()
		hp.ExplicitBounds().FromRaw([]float64{0.1, 1, 10})
		hp.BucketCounts().FromRaw([]uint64{1, 2, 3, 4})
		hp.Exemplars().AppendEmpty().SetDoubleValue(0.5)
		ep := eh.DataPoints().AppendEmpty()
		ep.Positive().BucketCounts().FromRaw([]uint64{1, 2, 3, 4, 5, 6})
		sp := sum.DataPoints().AppendEmpty()
		sp.QuantileValues().AppendEmpty().SetQuantile(0.99)
	}
	return md
}

type sample struct {
	name   string
	signal Signal
	proto  []byte
	json   []byte // nil: no JSON form
	items  int64
	// hostile shapes need only be bounded from above; realistic ones must
	// also not be overestimated by much, or real traffic gets refused.
	realistic bool
}

func samples(t testing.TB) []sample {
	var out []sample
	add := func(name string, s Signal, items int64, realistic bool, p, j []byte) {
		out = append(out, sample{name: name, signal: s, proto: p, json: j, items: items, realistic: realistic})
	}
	td := llmSpans(300)
	tp, err := ptraceotlp.NewExportRequestFromTraces(td).MarshalProto()
	require.NoError(t, err)
	tj, err := ptraceotlp.NewExportRequestFromTraces(td).MarshalJSON()
	require.NoError(t, err)
	add("llm spans", Traces, 300, true, tp, tj)
	ld := turnLogs(500)
	lp, err := plogotlp.NewExportRequestFromLogs(ld).MarshalProto()
	require.NoError(t, err)
	lj, err := plogotlp.NewExportRequestFromLogs(ld).MarshalJSON()
	require.NoError(t, err)
	add("turn logs", Logs, 500, true, lp, lj)
	md := mixedMetrics(400)
	mp, err := pmetricotlp.NewExportRequestFromMetrics(md).MarshalProto()
	require.NoError(t, err)
	mj, err := pmetricotlp.NewExportRequestFromMetrics(md).MarshalJSON()
	require.NoError(t, err)
	add("mixed metrics", Metrics, int64(md.DataPointCount()), true, mp, mj)

	const n = 200000
	add("empty spans", Traces, n, false, nest(rep(2, nil, n), 1, 2), []byte(`{"resourceSpans":[{"scopeSpans":[{"spans":[`+strings.Repeat("{},", n-1)+`{}]}]}]}`))
	add("empty resource spans", Traces, 0, false, rep(1, nil, n), nil)
	add("empty scope spans", Traces, 0, false, nest(rep(2, nil, n), 1), nil)
	add("empty attributes", Traces, 1, false, nest(rep(9, nil, n), 1, 2, 2), []byte(`{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[`+strings.Repeat("{},", n-1)+`{}]}]}]}]}`))
	add("string attributes", Traces, 1, false, nest(rep(9, append(msg(1, []byte("k")), msg(2, msg(1, []byte("v")))...), n), 1, 2, 2), nil)
	add("array values", Traces, 1, false, nest(rep(1, nil, n), 1, 2, 2, 9, 2, 5), nil)
	add("map values", Traces, 1, false, nest(rep(1, nil, n), 1, 2, 2, 9, 2, 6), nil)
	add("span events", Traces, 1, false, nest(rep(11, nil, n), 1, 2, 2), nil)
	add("span links", Traces, 1, false, nest(rep(13, nil, n), 1, 2, 2), nil)
	add("resource attributes", Traces, 0, false, nest(rep(1, nil, n), 1, 1), nil)
	add("empty log records", Logs, n, false, nest(rep(2, nil, n), 1, 2), []byte(`{"resourceLogs":[{"scopeLogs":[{"logRecords":[`+strings.Repeat("{},", n-1)+`{}]}]}]}`))
	add("empty metrics", Metrics, 0, false, nest(rep(2, nil, n), 1, 2), nil)
	add("gauge points", Metrics, n, false, nest(rep(1, nil, n), 1, 2, 2, 5), nil)
	add("histogram points", Metrics, n, false, nest(rep(1, nil, n), 1, 2, 2, 9), nil)
	add("exponential histogram points", Metrics, n, false, nest(rep(1, nil, n), 1, 2, 2, 10), nil)
	add("summary quantiles", Metrics, 1, false, nest(rep(6, nil, n), 1, 2, 2, 11, 1), nil)
	add("exemplars", Metrics, 1, false, nest(rep(5, nil, n), 1, 2, 2, 5, 1), nil)
	add("packed exponential buckets", Metrics, 1, false, nest(msg(2, make([]byte, n)), 1, 2, 2, 10, 1, 8), nil)
	return out
}

// allocated is what f allocates on the heap.
func allocated(f func()) int64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return int64(after.TotalAlloc - before.TotalAlloc) //nolint:gosec // a difference of counters
}

func unmarshal(s Signal, b []byte, isJSON bool) error {
	switch s {
	case Traces:
		r := ptraceotlp.NewExportRequest()
		if isJSON {
			return r.UnmarshalJSON(b)
		}
		return r.UnmarshalProto(b)
	case Logs:
		r := plogotlp.NewExportRequest()
		if isJSON {
			return r.UnmarshalJSON(b)
		}
		return r.UnmarshalProto(b)
	default:
		r := pmetricotlp.NewExportRequest()
		if isJSON {
			return r.UnmarshalJSON(b)
		}
		return r.UnmarshalProto(b)
	}
}

// TestEstimateBoundsPdata measures what pdata really allocates to decode each
// sample (the encoded body itself included, which the receiver holds while
// decoding) and checks the scanner's estimate: never below what pdata takes,
// and, for realistic requests, not so far above it that ordinary traffic
// would be refused.
func TestEstimateBoundsPdata(t *testing.T) {
	for _, s := range samples(t) {
		for _, enc := range []struct {
			name string
			body []byte
			json bool
		}{{"proto", s.proto, false}, {"json", s.json, true}} {
			if enc.body == nil {
				continue
			}
			t.Run(s.name+"/"+enc.name, func(t *testing.T) {
				var got Result
				var err error
				if enc.json {
					got, err = JSON(s.signal, enc.body, Limits{})
				} else {
					got, err = Proto(s.signal, enc.body, Limits{})
				}
				require.NoError(t, err)
				assert.Equal(t, s.items, got.Items, "items")
				var decodeErr error
				real := allocated(func() { decodeErr = unmarshal(s.signal, enc.body, enc.json) }) + int64(len(enc.body))
				require.NoError(t, decodeErr)
				ratio := float64(got.DecodedBytes) / float64(real)
				t.Logf("%-34s %-5s wire=%9d pdata=%10d estimate=%10d ratio=%.2f", s.name, enc.name, len(enc.body), real, got.DecodedBytes, ratio)
				assert.GreaterOrEqual(t, ratio, 0.95, "the estimate must not undercount what pdata allocates")
				if s.realistic {
					assert.LessOrEqual(t, ratio, 3.0, "a realistic request must not be overestimated this much")
				}
			})
		}
	}
}

// TestLimits: each limit refuses with its reason and stops early; a request
// within every limit passes.
func TestLimits(t *testing.T) {
	const n = 100000
	emptySpans := nest(rep(2, nil, n), 1, 2)
	for _, tt := range []struct {
		name   string
		limits Limits
		reason Reason
	}{
		{"items", Limits{MaxItems: n / 2}, ReasonItems},
		{"decoded size", Limits{MaxDecodedBytes: 1 << 20}, ReasonDecodedSize},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Proto(Traces, emptySpans, tt.limits)
			var le *LimitError
			require.ErrorAs(t, err, &le)
			assert.Equal(t, tt.reason, le.Reason)
			assert.Less(t, res.Items, int64(n), "the scan stops at the limit")
			_, jerr := JSON(Traces, []byte(`{"resourceSpans":[{"scopeSpans":[{"spans":[`+strings.Repeat("{},", n-1)+`{}]}]}]}`), tt.limits)
			require.ErrorAs(t, jerr, &le)
			assert.Equal(t, tt.reason, le.Reason)
		})
	}
	res, err := Proto(Traces, emptySpans, Limits{MaxItems: n, MaxDecodedBytes: 64 << 20, MaxItemBytes: 64, MaxValueDepth: 4})
	require.NoError(t, err)
	assert.Equal(t, int64(n), res.Items)

	t.Run("messages name the key and the signal", func(t *testing.T) {
		_, err := Proto(Logs, nest(rep(2, nil, 10), 1, 2), Limits{MaxItems: 5})
		assert.EqualError(t, err, "the logs request holds more than 5 items (spans, log records or metric data points), the limit per request (max_items): send smaller batches")
		_, err = Proto(Metrics, nest(rep(1, nil, 10000), 1, 2, 2, 5), Limits{MaxDecodedBytes: 1 << 20})
		assert.EqualError(t, err, "the metrics request would take more than 1 MiB of memory once decoded, the limit per request (max_decoded_mib): send smaller batches")
	})
}

// TestItemSize: an item's size is that of the smallest request carrying it,
// which is what an exporter batching by bytes has to send in one piece.
func TestItemSize(t *testing.T) {
	td := llmSpans(3)
	big := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(1)
	big.Attributes().PutStr("gen_ai.input.messages", strings.Repeat("x", 3<<20))
	body, err := ptraceotlp.NewExportRequestFromTraces(td).MarshalProto()
	require.NoError(t, err)

	// the smallest request that carries the big span
	alone := ptrace.NewTraces()
	rs := alone.ResourceSpans().AppendEmpty()
	td.ResourceSpans().At(0).Resource().CopyTo(rs.Resource())
	ss := rs.ScopeSpans().AppendEmpty()
	td.ResourceSpans().At(0).ScopeSpans().At(0).Scope().CopyTo(ss.Scope())
	big.CopyTo(ss.Spans().AppendEmpty())
	want, err := ptraceotlp.NewExportRequestFromTraces(alone).MarshalProto()
	require.NoError(t, err)

	res, err := Proto(Traces, body, Limits{})
	require.NoError(t, err)
	assert.GreaterOrEqual(t, res.LargestItemBytes, int64(len(want)))
	assert.LessOrEqual(t, res.LargestItemBytes, int64(len(want))+3*levelOverhead)

	_, err = Proto(Traces, body, Limits{MaxItemBytes: 3 << 20})
	var le *LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, ReasonItemSize, le.Reason)
	assert.Contains(t, err.Error(), "a span of ")
	assert.Contains(t, err.Error(), "larger than max_item_bytes 3145728")

	j, err := ptraceotlp.NewExportRequestFromTraces(td).MarshalJSON()
	require.NoError(t, err)
	_, err = JSON(Traces, j, Limits{MaxItemBytes: 3 << 20})
	require.ErrorAs(t, err, &le)
	assert.Equal(t, ReasonItemSize, le.Reason)
	_, err = JSON(Traces, j, Limits{MaxItemBytes: 4 << 20})
	require.NoError(t, err)

	// a data point's smallest request repeats its metric's name
	md := pmetric.NewMetrics()
	m := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	m.SetName(strings.Repeat("n", 1000))
	m.SetEmptyGauge().DataPoints().AppendEmpty().SetIntValue(1)
	mb, err := pmetricotlp.NewExportRequestFromMetrics(md).MarshalProto()
	require.NoError(t, err)
	res, err = Proto(Metrics, mb, Limits{})
	require.NoError(t, err)
	assert.GreaterOrEqual(t, res.LargestItemBytes, int64(len(mb)))
}

func TestValueDepth(t *testing.T) {
	span := func(depth int) []byte {
		kv := append(msg(1, []byte("k")), msg(2, nestedValue(depth))...)
		return nest(msg(9, kv), 1, 2, 2)
	}
	res, err := Proto(Traces, span(10), Limits{MaxValueDepth: 11})
	require.NoError(t, err)
	assert.Equal(t, 11, res.MaxValueDepth, "10 arrays around a string: 11 values")
	_, err = Proto(Traces, span(64), Limits{MaxValueDepth: 64})
	var le *LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, ReasonValueDepth, le.Reason)

	nested := strings.Repeat(`{"kvlistValue":{"values":[{"key":"k","value":`, 100) + `{"stringValue":"x"}` + strings.Repeat(`}]}}`, 100)
	j := `{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[{"key":"deep","value":` + nested + `}]}]}]}]}`
	res, err = JSON(Traces, []byte(j), Limits{})
	require.NoError(t, err)
	assert.Equal(t, 101, res.MaxValueDepth)
	_, err = JSON(Traces, []byte(j), Limits{MaxValueDepth: 64})
	require.ErrorAs(t, err, &le)
	assert.Equal(t, ReasonValueDepth, le.Reason)

	// nesting under keys the decoder skips is bounded too
	junk := `{"resourceSpans":[{"junk":` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `}]}`
	_, err = JSON(Traces, []byte(junk), Limits{MaxValueDepth: 64})
	require.ErrorAs(t, err, &le)
}

// TestJSONKeysAsTheDecoderReadsThem: snake_case names and escaped keys
// count like the decoder reads them.
func TestJSONKeysAsTheDecoderReadsThem(t *testing.T) {
	for _, body := range []string{
		`{"resource_spans":[{"scope_spans":[{"spans":[{},{},{}]}]}]}`,
		`{"resourceSpans":[{"scopeSpans":[{"sp\u0061ns":[{},{},{}]}]}]}`,
		`{"resourceSpans":[{"scopeSpans":[{"name":"a,b]}","spans":[{"name":"}{\"]"},{},{}]}]}]}`,
	} {
		res, err := JSON(Traces, []byte(body), Limits{})
		require.NoError(t, err)
		r := ptraceotlp.NewExportRequest()
		if r.UnmarshalJSON([]byte(body)) == nil {
			assert.Equal(t, int64(r.Traces().SpanCount()), res.Items, body)
		}
		assert.Equal(t, int64(3), res.Items, body)
	}
}

// TestMalformedInput: malformed protobuf is left to the decoder (it rejects
// it where the scan stops); JSON that is not valid is refused, because the
// decoder reads some invalid JSON as a flood of empty items.
func TestMalformedInput(t *testing.T) {
	limits := Limits{MaxItems: 100, MaxDecodedBytes: 1 << 20, MaxValueDepth: 2}
	for _, b := range [][]byte{{0xff, 0xff, 0xff, 0x01, 0x02}, {0x0a, 0x80}, []byte(`{"resourceSpans": [`), []byte(`"`), nil} {
		_, err := Proto(Traces, b, limits)
		assert.NoError(t, err)
		_, err = JSON(Traces, b, limits)
		assert.ErrorIs(t, err, ErrMalformedJSON)
	}
	spans := func(elems string) []byte {
		return []byte(`{"resourceSpans":[{"scopeSpans":[{"spans":[` + elems + `]}]}]}`)
	}
	// Invalid JSON the decoder turns into 1,000 spans without an error.
	lenient := spans(strings.Repeat("},", 1000) + "{}")
	r := ptraceotlp.NewExportRequest()
	require.NoError(t, r.UnmarshalJSON(lenient), "if the decoder stops accepting this, the check below is moot")
	assert.Equal(t, 1001, r.Traces().SpanCount())
	_, err := JSON(Traces, lenient, limits)
	assert.ErrorIs(t, err, ErrMalformedJSON)

	// Valid JSON with nulls for spans: the decoder makes a span of each.
	nulls := spans(strings.Repeat("null,", 1000) + "{}")
	r = ptraceotlp.NewExportRequest()
	require.NoError(t, r.UnmarshalJSON(nulls))
	res, err := JSON(Traces, nulls, Limits{})
	require.NoError(t, err)
	assert.Equal(t, int64(r.Traces().SpanCount()), res.Items)
	_, err = JSON(Traces, nulls, limits)
	var le *LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, ReasonItems, le.Reason)
}

// FuzzProto: whatever the bytes, the scan does not panic, and for every
// request pdata accepts, it counts the items pdata decodes.
func FuzzProto(f *testing.F) {
	for _, s := range samples(f) {
		if s.realistic {
			f.Add(byte(s.signal), s.proto[:min(len(s.proto), 4096)])
		}
	}
	f.Add(byte(Traces), nest(rep(2, nil, 3), 1, 1000))
	f.Fuzz(func(t *testing.T, sig byte, b []byte) {
		s := Signal(sig%3 + 1)
		res, err := Proto(s, b, Limits{})
		require.NoError(t, err)
		var items int
		switch s {
		case Traces:
			r := ptraceotlp.NewExportRequest()
			if r.UnmarshalProto(b) != nil {
				return
			}
			items = r.Traces().SpanCount()
		case Logs:
			r := plogotlp.NewExportRequest()
			if r.UnmarshalProto(b) != nil {
				return
			}
			items = r.Logs().LogRecordCount()
		default:
			r := pmetricotlp.NewExportRequest()
			if r.UnmarshalProto(b) != nil {
				return
			}
			items = r.Metrics().DataPointCount()
		}
		assert.Equal(t, int64(items), res.Items, "%s %s", s, hex.EncodeToString(b[:min(len(b), 64)]))
	})
}

// FuzzJSON: the same for JSON.
func FuzzJSON(f *testing.F) {
	for _, s := range samples(f) {
		if s.realistic && s.json != nil {
			f.Add(byte(s.signal), s.json[:min(len(s.json), 4096)])
		}
	}
	f.Add(byte(Traces), []byte(`{"resourceSpans":[{"scopeSpans":[{"spans":[{},{"events":[{}]}]}]}]}`))
	f.Fuzz(func(t *testing.T, sig byte, b []byte) {
		s := Signal(sig%3 + 1)
		res, err := JSON(s, b, Limits{})
		if errors.Is(err, ErrMalformedJSON) {
			return
		}
		require.NoError(t, err)
		var items int
		switch s {
		case Traces:
			r := ptraceotlp.NewExportRequest()
			if r.UnmarshalJSON(b) != nil {
				return
			}
			items = r.Traces().SpanCount()
		case Logs:
			r := plogotlp.NewExportRequest()
			if r.UnmarshalJSON(b) != nil {
				return
			}
			items = r.Logs().LogRecordCount()
		default:
			r := pmetricotlp.NewExportRequest()
			if r.UnmarshalJSON(b) != nil {
				return
			}
			items = r.Metrics().DataPointCount()
		}
		assert.Equal(t, int64(items), res.Items, "%s %q", s, b[:min(len(b), 128)])
	})
}
