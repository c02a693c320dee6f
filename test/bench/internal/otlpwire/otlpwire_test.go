// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package otlpwire

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
)

func request(t *testing.T) []byte {
	t.Helper()
	td := ptrace.NewTraces()
	for r := range 2 {
		rs := td.ResourceSpans().AppendEmpty()
		rs.Resource().Attributes().PutStr("service.name", "svc")
		for s := range 2 {
			ss := rs.ScopeSpans().AppendEmpty()
			for i := range 3 {
				sp := ss.Spans().AppendEmpty()
				sp.SetTraceID(pcommon.TraceID{byte(r), byte(s), byte(i), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
				sp.SetSpanID(pcommon.SpanID{byte(i + 1)})
				if i > 0 {
					sp.SetParentSpanID(pcommon.SpanID{1})
				}
				sp.SetName("chat")
				sp.SetStartTimestamp(pcommon.Timestamp(1000 + i))
				sp.SetEndTimestamp(pcommon.Timestamp(5000 + i))
				sp.Attributes().PutStr("gen_ai.input.messages", `[{"role":"user"}]`)
			}
		}
	}
	b, err := ptraceotlp.NewExportRequestFromTraces(td).MarshalProto()
	require.NoError(t, err)
	return b
}

func TestWalkCountsSpansAndRoots(t *testing.T) {
	b := request(t)
	var spans, roots int
	require.NoError(t, Walk(b, func(r SpanRef) {
		spans++
		if r.Root {
			roots++
		}
		assert.GreaterOrEqual(t, r.TraceID, 0)
		assert.Equal(t, r.EndNanos-r.StartNanos, uint64(4000))
	}))
	assert.Equal(t, 12, spans)
	assert.Equal(t, 4, roots)
}

func TestPatchedTimestampsDecode(t *testing.T) {
	b := request(t)
	var refs []SpanRef
	require.NoError(t, Walk(b, func(r SpanRef) { refs = append(refs, r) }))
	for i, r := range refs {
		PutTimestamp(b, r.Start, uint64(1_000_000+i))
		PutTimestamp(b, r.End, uint64(2_000_000+i))
		b[r.TraceID+15] = 0xee
	}
	req := ptraceotlp.NewExportRequest()
	require.NoError(t, req.UnmarshalProto(b))
	i := 0
	rss := req.Traces().ResourceSpans()
	for r := range rss.Len() {
		for s := range rss.At(r).ScopeSpans().Len() {
			spans := rss.At(r).ScopeSpans().At(s).Spans()
			for k := range spans.Len() {
				sp := spans.At(k)
				assert.Equal(t, pcommon.Timestamp(1_000_000+i), sp.StartTimestamp())
				assert.Equal(t, pcommon.Timestamp(2_000_000+i), sp.EndTimestamp())
				assert.Equal(t, byte(0xee), sp.TraceID()[15])
				assert.Equal(t, "chat", sp.Name(), "patching must not disturb other fields")
				i++
			}
		}
	}
	assert.Equal(t, 12, i)
}

func TestWalkAcceptsEmptyIDs(t *testing.T) {
	td := ptrace.NewTraces()
	spans := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	spans.AppendEmpty()
	spans.AppendEmpty().SetParentSpanID(pcommon.SpanID{1})
	b, err := ptraceotlp.NewExportRequestFromTraces(td).MarshalProto()
	require.NoError(t, err)
	var refs []SpanRef
	require.NoError(t, Walk(b, func(r SpanRef) { refs = append(refs, r) }))
	require.Len(t, refs, 2)
	assert.Equal(t, -1, refs[0].TraceID)
	assert.True(t, refs[0].Root)
	assert.False(t, refs[1].Root)
}

func TestWalkRejectsMalformed(t *testing.T) {
	b := request(t)
	require.Error(t, Walk(b[:len(b)-7], func(SpanRef) {}))
	require.Error(t, Walk([]byte{0x0a, 0xff}, func(SpanRef) {}))
	require.NoError(t, Walk(nil, func(SpanRef) { t.Fatal("no spans expected") }))
}
