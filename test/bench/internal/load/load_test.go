// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package load

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
)

func TestStampSetsSendTimeAndUniqueTraceIDs(t *testing.T) {
	reqs, stats, err := Prepare(workload.LLM, 1, 1, 30)
	require.NoError(t, err)
	assert.Positive(t, stats.Texts)
	assert.InEpsilon(t, float64(len(reqs[0].Body))/30, BytesPerSpan(reqs), 1e-9)
	r := reqs[0]
	require.Equal(t, 30, r.Spans)
	now := time.Unix(1_800_000_000, 123)
	r.Stamp(now, 77)

	req := ptraceotlp.NewExportRequest()
	require.NoError(t, req.UnmarshalProto(r.Body))
	spans := req.Traces().ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	byTrace := map[[16]byte]int{}
	for i := range spans.Len() {
		s := spans.At(i)
		assert.Equal(t, now.UnixNano(), int64(s.EndTimestamp()))
		assert.Less(t, s.StartTimestamp(), s.EndTimestamp())
		id := s.TraceID()
		assert.Equal(t, []byte{0, 0, 0, 0, 0, 0, 0, 77}, id[8:], "send sequence in the low bytes")
		byTrace[id]++
	}
	assert.Less(t, len(byTrace), 30, "spans of one agent run share their trace id after stamping")
}

func TestRunOverHTTPCountsAcceptedAndFailed(t *testing.T) {
	var got atomic.Int64
	var fail atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		req := ptraceotlp.NewExportRequest()
		if r.Header.Get("Content-Type") != "application/x-protobuf" || req.UnmarshalProto(b) != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if fail.Load() {
			http.Error(w, "refused", http.StatusServiceUnavailable)
			return
		}
		got.Add(int64(req.Traces().SpanCount()))
	}))
	defer srv.Close()
	reqs, _, err := Prepare(workload.Tiny, 1, 4, 100)
	require.NoError(t, err)
	tgt := NewHTTP(srv.URL+"/v1/traces", 2)
	defer tgt.Close()

	// How many requests fit in the run depends on how fast this machine
	// is right now; what is counted must not: every request sent is either
	// acknowledged or failed, whole, and never more than the schedule holds.
	opts := Options{Rate: 2000, Duration: 500 * time.Millisecond, Workers: 2, RequestTimeout: 5 * time.Second}
	res := Run(context.Background(), tgt, reqs, opts)
	require.Zero(t, res.FailedRequests, res.FirstError)
	assert.Positive(t, res.Spans)
	assert.LessOrEqual(t, res.Spans, int64(1000), "at most the scheduled 10 requests")
	assert.Equal(t, res.Requests*100, res.Spans)
	assert.Equal(t, res.Spans, got.Load(), "acknowledged = received")
	assert.LessOrEqual(t, res.Achieved, 2000*1.05)

	fail.Store(true)
	res = Run(context.Background(), tgt, reqs, opts)
	assert.Zero(t, res.Spans)
	assert.Positive(t, res.FailedSpans)
	assert.LessOrEqual(t, res.FailedSpans, int64(1000))
	assert.Equal(t, res.FailedRequests*100, res.FailedSpans)
	assert.Contains(t, res.FirstError, "503")
}

// TestRunReportsOverload: a target slower than the schedule makes the run
// fall behind; the achieved rate shows it and MaxLag aborts.
func TestRunReportsOverload(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		time.Sleep(50 * time.Millisecond)
	}))
	defer srv.Close()
	reqs, _, err := Prepare(workload.Tiny, 1, 4, 100)
	require.NoError(t, err)
	tgt := NewHTTP(srv.URL, 1)
	defer tgt.Close()

	// One worker and 50 ms per request: at most ~2,000 spans/s.
	res := Run(context.Background(), tgt, reqs, Options{Rate: 20000, Duration: time.Second, Workers: 1, RequestTimeout: 5 * time.Second, MaxLag: 200 * time.Millisecond})
	assert.True(t, res.Aborted)
	assert.Less(t, res.Achieved, 5000.0)
	assert.Zero(t, res.FailedRequests)
}
