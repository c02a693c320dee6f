// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/receiver/receivertest"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/metadata"
)

// switchLogs refuses logs (retryable) while err is set.
type switchLogs struct {
	consumertest.LogsSink
	mu  sync.Mutex
	err error
}

func (s *switchLogs) ConsumeLogs(ctx context.Context, ld plog.Logs) error {
	s.mu.Lock()
	err := s.err
	s.mu.Unlock()
	if err != nil {
		return err
	}
	return s.LogsSink.ConsumeLogs(ctx, ld)
}

func ndjsonTurns(session string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"session_id":%q,"request_id":"r-%d","role":"assistant","content":"ok","trace":{"agent_name":"A","telemetry":{"model":"gpt-4o","latency_ms":300}}}`+"\n", session, i)
	}
	return b.String()
}

// TestPushRetryResendsOnlyRefused: traces accepted, logs refused (503); the
// client retries the same body: the traces are not sent again, the logs
// are; a third copy sends nothing. Counted as duplicate turns.
func TestPushRetryResendsOnlyRefused(t *testing.T) {
	r, ts, _ := newTestReceiver(t, defaultConfig())
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	r.telemetry, _ = metadata.NewTelemetryBuilder(tel.NewTelemetrySettings())
	logs := &switchLogs{err: errors.New("data refused due to high memory usage")}
	r.nextLogs = logs
	body := ndjsonTurns("s", 5)

	rec, resp := push(t, r, "application/x-ndjson", body)
	require.Equal(t, http.StatusServiceUnavailable, rec.Code)
	assert.Equal(t, "1", rec.Header().Get("Retry-After"))
	assert.Equal(t, 10, ts.SpanCount(), "traces went out")
	assert.Contains(t, resp.Error, "retry")

	logs.mu.Lock()
	logs.err = nil
	logs.mu.Unlock()
	rec, resp = push(t, r, "application/x-ndjson", body)
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, 5, *resp.Turns)
	assert.Zero(t, resp.AlreadyDelivered, "the logs of these turns were not delivered before")
	assert.Equal(t, 10, ts.SpanCount(), "traces are not sent again")
	assert.Equal(t, 5, logs.LogRecordCount())

	rec, resp = push(t, r, "application/x-ndjson", body)
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, 5, resp.AlreadyDelivered)
	assert.Equal(t, 10, ts.SpanCount())
	assert.Equal(t, 5, logs.LogRecordCount())
	assert.Equal(t, int64(5+10), sumInt(t, tel, "otelcol_receiver_chat_trace_duplicate_turns"))
	assert.Equal(t, int64(5), sumInt(t, tel, "otelcol_receiver_chat_trace_turns"), "each turn counted once")

	// An edited answer under the same request id is another delivery.
	edited := strings.Replace(body, `"content":"ok"`, `"content":"better"`, 1)
	push(t, r, "application/x-ndjson", edited)
	assert.Equal(t, 12, ts.SpanCount())
}

// blockingTraces holds ConsumeTraces until released.
type blockingTraces struct {
	consumertest.TracesSink
	entered, release chan struct{}
}

func (b *blockingTraces) ConsumeTraces(ctx context.Context, td ptrace.Traces) error {
	b.entered <- struct{}{}
	<-b.release
	return b.TracesSink.ConsumeTraces(ctx, td)
}

// TestPushSameTurnsInFlight: a copy of a push that arrives while the first
// is still being delivered (a client that timed out and retried) is told to
// retry instead of delivering the turns a second time.
func TestPushSameTurnsInFlight(t *testing.T) {
	r, _, ls := newTestReceiver(t, defaultConfig())
	bt := &blockingTraces{entered: make(chan struct{}), release: make(chan struct{})}
	r.nextTraces = bt
	body := ndjsonTurns("s", 2)
	done := make(chan int)
	go func() {
		req := httptest.NewRequest(http.MethodPost, "/v1/chat/turns", strings.NewReader(body))
		rec := httptest.NewRecorder()
		r.handlePush(rec, req)
		done <- rec.Code
	}()
	<-bt.entered
	rec, resp := push(t, r, "application/x-ndjson", body)
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code)
	assert.Contains(t, resp.Error, "earlier request")
	close(bt.release)
	assert.Equal(t, http.StatusOK, <-done)
	rec, resp = push(t, r, "application/x-ndjson", body)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, 2, resp.AlreadyDelivered)
	assert.Equal(t, 4, bt.SpanCount())
	assert.Equal(t, 2, ls.LogRecordCount())
}

// TestPushRefusalTextNotForwarded: the pipeline's error text (here naming a
// queue's storage path and a backend address) is logged once per streak of
// refusals and never sent to the client.
func TestPushRefusalTextNotForwarded(t *testing.T) {
	core, logs := observer.New(zap.WarnLevel)
	set := receivertest.NewNopSettings(metadata.Type)
	set.Logger = zap.New(core)
	r, err := newChatReceiver(set, defaultConfig(), func() {})
	require.NoError(t, err)
	secret := "open /var/lib/otelcol-llm/exporter_otlp_grpc_gateway_traces: no space left on device; dial tcp 10.2.3.4:4317"
	r.nextTraces = consumertest.NewErr(errors.New(secret))
	r.nextLogs = consumertest.NewNop()
	body := `{"session_id":"s","turn_index":1,"trace":{"telemetry":{"latency_ms":5}}}`
	for range 3 {
		rec, resp := push(t, r, "application/json", body)
		assert.Equal(t, http.StatusServiceUnavailable, rec.Code)
		assert.NotContains(t, rec.Body.String(), "/var/lib")
		assert.NotContains(t, rec.Body.String(), "10.2.3.4")
		assert.Equal(t, "the pipeline cannot take the data now; retry", resp.Error)
	}
	require.Equal(t, 1, logs.Len(), "logged once per streak")
	assert.Contains(t, fmt.Sprint(logs.All()[0].ContextMap()["error"]), "/var/lib/otelcol-llm")

	r.nextTraces = consumertest.NewNop()
	rec, _ := push(t, r, "application/json", body)
	require.Equal(t, http.StatusOK, rec.Code)
	r.nextTraces = consumertest.NewErr(errors.New(secret))
	push(t, r, "application/json", `{"session_id":"s","turn_index":2,"trace":{"telemetry":{"latency_ms":5}}}`)
	assert.Equal(t, 2, logs.Len(), "a new streak is logged again")
}

func TestPushRequestIDHeader(t *testing.T) {
	r, _, _ := newTestReceiver(t, defaultConfig())
	body := `{"session_id":"s","turn_index":1,"trace":{}}`
	for _, tc := range []struct {
		name, header string
		echoed       bool
		warning      string
	}{
		{"uuid", "7f9c2ba4-e88f-11e3-9d0b-00a0c91e6bf6", true, ""},
		{"128 characters", strings.Repeat("a", 128), true, ""},
		{"129 characters", strings.Repeat("a", 129), false, "129 bytes, more than 128"},
		{"64 KiB", strings.Repeat("r", 64<<10), false, "more than 128"},
		{"space", "a b", false, "byte 1 is not a visible ASCII character"},
		{"unicode", "id-é", false, "not a visible ASCII character"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/v1/chat/turns", strings.NewReader(body))
			req.Header.Set("X-Request-Id", tc.header)
			rec := httptest.NewRecorder()
			r.handlePush(rec, req)
			require.Equal(t, http.StatusOK, rec.Code)
			got := rec.Header().Get("X-Request-Id")
			if tc.echoed {
				assert.Equal(t, tc.header, got)
				assert.NotContains(t, rec.Body.String(), "warning")
				return
			}
			assert.Len(t, got, 16, "a generated id")
			assert.Contains(t, rec.Body.String(), tc.warning)
			assert.Less(t, rec.Body.Len(), 300)
		})
	}
}

func TestPushInvalidIDs(t *testing.T) {
	r, ts, _ := newTestReceiver(t, defaultConfig())
	for _, tc := range []struct{ name, url, body, field string }{
		{"control characters", "/v1/chat/turns", `{"session_id":"s\u0000\u001b[2J","trace":{}}`, "session_id"},
		{"1 MiB session id", "/v1/chat/turns", `{"session_id":"` + strings.Repeat("s", 1<<20) + `","trace":{}}`, "session_id"},
		{"query parameter", "/v1/chat/turns?session_id=a%0Ab", `{"trace":{}}`, "session_id"},
		{"model with a newline", "/v1/chat/turns", `{"trace":{"telemetry":{"model":"gpt-4o\nX-Injected: 1"}}}`, "trace.telemetry.model"},
		{"in a history array", "/v1/chat/turns", `[{"role":"user","content":"q"},{"role":"assistant","user_id":"\u2066x","trace":{}}]`, "user_id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, tc.url, strings.NewReader(tc.body))
			rec := httptest.NewRecorder()
			r.handlePush(rec, req)
			assert.Equal(t, http.StatusBadRequest, rec.Code)
			assert.Contains(t, rec.Body.String(), `"field":"`+tc.field+`"`)
			assert.Less(t, rec.Body.Len(), 400, "the answer does not quote the value")
		})
	}
	assert.Zero(t, ts.SpanCount())
}

// TestPushExpansionBounded: one turn with far more tool calls than kept is
// accepted, truncated and marked; a request beyond max_items_per_request is
// refused whole with 413 and counted.
func TestPushExpansionBounded(t *testing.T) {
	r, ts, ls := newTestReceiver(t, defaultConfig())
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	r.telemetry, _ = metadata.NewTelemetryBuilder(tel.NewTelemetrySettings())

	calls := strings.TrimSuffix(strings.Repeat(`{"tool_name":"web_search","metrics":{"duration":0.01}},`, 100_000), ",")
	one := `{"session_id":"s","turn_index":1,"trace":{"agent_name":"A","telemetry":{"latency_ms":5000}},"tool_calls":[` + calls + `]}`
	rec, _ := push(t, r, "application/json", one)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Equal(t, 2+halo.MaxToolCalls, ts.SpanCount())
	root := attrs(t, ts, 0)
	n, _ := root.Get(genai.ChatToolCalls)
	assert.Equal(t, int64(100_000), n.Int())
	tr, _ := root.Get(genai.ChatTurnTruncated)
	assert.True(t, tr.Bool())
	lr := ls.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0)
	tr, _ = lr.Attributes().Get(genai.ChatTurnTruncated)
	assert.True(t, tr.Bool(), "on the log record too")
	assert.Equal(t, int64(1), sumInt(t, tel, "otelcol_receiver_chat_trace_turns_truncated"))

	rec, resp := push(t, r, "application/x-ndjson", ndjsonTurns("t", 3334)) // 10,002 items
	assert.Equal(t, http.StatusRequestEntityTooLarge, rec.Code)
	assert.Contains(t, resp.Error, "max_items_per_request (10000)")
	assert.Equal(t, "record 3333", resp.Where)
	assert.Equal(t, 2+halo.MaxToolCalls, ts.SpanCount(), "nothing of it is delivered")
	assert.Equal(t, int64(1), sumInt(t, tel, "otelcol_receiver_chat_trace_rejected_requests"))
	assert.Equal(t, int64(3334), sumInt(t, tel, "otelcol_receiver_chat_trace_rejected_records"))

	rec, _ = push(t, r, "application/x-ndjson", ndjsonTurns("t", 3333))
	assert.Equal(t, http.StatusOK, rec.Code, "9,999 items")
}

// TestPushConcurrencyBounded: pushes beyond max_concurrent_requests wait
// for a slot (and are answered 503 when none frees in time).
func TestPushConcurrencyBounded(t *testing.T) {
	cfg := defaultConfig()
	cfg.HTTP.GetOrInsertDefault().MaxConcurrentRequests = 1
	r, _, _ := newTestReceiver(t, cfg)
	bt := &blockingTraces{entered: make(chan struct{}), release: make(chan struct{})}
	r.nextTraces = bt
	done := make(chan int)
	go func() {
		req := httptest.NewRequest(http.MethodPost, "/v1/chat/turns", strings.NewReader(ndjsonTurns("a", 1)))
		rec := httptest.NewRecorder()
		r.handlePush(rec, req)
		done <- rec.Code
	}()
	<-bt.entered
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/v1/chat/turns", strings.NewReader(ndjsonTurns("b", 1)))
	rec := httptest.NewRecorder()
	r.handlePush(rec, req)
	assert.Equal(t, http.StatusOK, rec.Code, "nothing written: the client gave up while waiting")
	assert.Zero(t, rec.Body.Len())
	close(bt.release)
	assert.Equal(t, http.StatusOK, <-done)
}

// TestReadBodyTrustsNoContentLength: a Content-Length beyond the limit is
// refused unread, also when max_request_body_size is left at 0 (confighttp's
// own 20 MiB then); a body shorter than it claims is an error.
func TestReadBodyTrustsNoContentLength(t *testing.T) {
	for _, limit := range []int64{0, 1 << 20} {
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("{}"))
		req.ContentLength = 10 << 30
		_, err := readBody(req, limit)
		var mbe *http.MaxBytesError
		require.ErrorAs(t, err, &mbe, "limit %d", limit)
	}
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("{}"))
	req.ContentLength = 100
	_, err := readBody(req, 1<<20)
	assert.Error(t, err)
	req = httptest.NewRequest(http.MethodPost, "/", strings.NewReader(`{"a":1}`))
	b, err := readBody(req, 1<<20)
	require.NoError(t, err)
	assert.Equal(t, `{"a":1}`, string(b))
}
