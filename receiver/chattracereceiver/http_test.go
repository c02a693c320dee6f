// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/metadata"
)

const pushedTurn = `{"session_id": "s-42", "user_id": "u-7", "request_id": "req-1", "timestamp": "2026-11-20T10:00:05Z",
 "role": "assistant", "content": "Done.", "tool_calls": null,
 "usage": %s,
 "trace": {"payload": "User: do it", "response": "Done.", "error": null, "agent_name": "", "agent_type": "agent",
  "telemetry": {"model": "%s", "stream_result": "ok", "latency_ms": 1500, "used_fallback": false}}}`

func push(t *testing.T, r *chatReceiver, contentType, body string) (*httptest.ResponseRecorder, pushResponse) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/v1/chat/turns", strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	rec := httptest.NewRecorder()
	r.handlePush(rec, req)
	var resp pushResponse
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &resp), rec.Body.String())
	return rec, resp
}

func attrs(t *testing.T, ts *consumertest.TracesSink, i int) pcommon.Map {
	t.Helper()
	var spans []pcommon.Map
	for _, td := range ts.AllTraces() {
		ss := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		for j := 0; j < ss.Len(); j++ {
			spans = append(spans, ss.At(j).Attributes())
		}
	}
	require.Greater(t, len(spans), i)
	return spans[i]
}

func TestPushSingleTurnOpenAIUsage(t *testing.T) {
	r, ts, ls := newTestReceiver(t, defaultConfig())
	body := strings.ReplaceAll(pushedTurn, "%s", "X")
	body = strings.Replace(body, `"usage": X`, `"usage": {"prompt_tokens": 1200, "completion_tokens": 300,
	  "prompt_tokens_details": {"cached_tokens": 1000}, "completion_tokens_details": {"reasoning_tokens": 100}}`, 1)
	body = strings.Replace(body, `"model": "X"`, `"model": "gpt-4o"`, 1)
	rec, resp := push(t, r, "application/json", body)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	require.NotNil(t, resp.Turns)
	assert.Equal(t, 1, *resp.Turns)

	require.Equal(t, 1, ts.SpanCount())
	span := ts.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	assert.Equal(t, "chat gpt-4o", span.Name())
	end := time.Date(2026, 11, 20, 10, 0, 5, 0, time.UTC)
	assert.Equal(t, end, span.EndTimestamp().AsTime())
	assert.Equal(t, end.Add(-1500*time.Millisecond), span.StartTimestamp().AsTime())
	c := genai.Read(span.Attributes())
	assert.Equal(t, genai.Usage{
		Input: 1200, Output: 300, CacheRead: 1000, Reasoning: 100,
		Has: genai.HasInput | genai.HasOutput | genai.HasCacheRead | genai.HasReasoning,
	}, c.Usage)
	assert.Equal(t, "openai", c.Provider())
	assert.Equal(t, "s-42", c.Conversation)
	uid, _ := span.Attributes().Get(genai.UserID)
	assert.Equal(t, "u-7", uid.Str())
	rid, _ := span.Attributes().Get(genai.ChatRequestID)
	assert.Equal(t, "req-1", rid.Str())
	assert.Equal(t, 1, ls.LogRecordCount())

	// Pushing the same record again (a retry) sends nothing again.
	rec, resp = push(t, r, "application/json", body)
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, 1, *resp.Turns)
	assert.Equal(t, 1, resp.AlreadyDelivered)
	require.Len(t, ts.AllTraces(), 1)
	assert.Equal(t, 1, ls.LogRecordCount())

	// Without the retry cache, it is sent again, with the same IDs.
	cfg := defaultConfig()
	cfg.HTTP.GetOrInsertDefault().DedupTurns = 0
	r2, ts2, _ := newTestReceiver(t, cfg)
	push(t, r2, "application/json", body)
	push(t, r2, "application/json", body)
	require.Len(t, ts2.AllTraces(), 2)
	for _, td := range ts2.AllTraces() {
		assert.Equal(t, span.TraceID(), td.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).TraceID())
	}
}

func TestPushAnthropicUsageNDJSON(t *testing.T) {
	r, ts, _ := newTestReceiver(t, defaultConfig())
	line := strings.ReplaceAll(strings.ReplaceAll(pushedTurn, "\n", ""), `"usage": %s`,
		`"usage": {"input_tokens": 100, "output_tokens": 50, "cache_read_input_tokens": 1000, "cache_creation_input_tokens": 200}`)
	line = strings.Replace(line, "%s", "claude-3-5-sonnet-20241022", 1)
	second := strings.Replace(line, `"req-1"`, `"req-2"`, 1)
	rec, resp := push(t, r, "application/x-ndjson", line+"\n"+second+"\n")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Equal(t, 2, *resp.Turns)
	c := genai.Read(attrs(t, ts, 0))
	// GenAI input tokens include cache reads and writes.
	assert.Equal(t, genai.Usage{
		Input: 1300, Output: 50, CacheRead: 1000, CacheWrite: 200,
		Has: genai.HasInput | genai.HasOutput | genai.HasCacheRead | genai.HasCacheWrite,
	}, c.Usage)
	assert.NotEqual(t, ts.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).TraceID(),
		ts.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(1).TraceID(),
		"different request ids give different traces")
}

func TestPushHistoryArray(t *testing.T) {
	const session = "4e7b2c9d0a1f4b3c8d5e6f7a8b9c0d1e"
	data, err := os.ReadFile(filepath.Join("testdata", "histories", session+".json"))
	require.NoError(t, err)
	r, ts, ls := newTestReceiver(t, defaultConfig())
	req := httptest.NewRequest(http.MethodPost, "/v1/chat/turns?session_id="+session, bytes.NewReader(data))
	rec := httptest.NewRecorder()
	r.handlePush(rec, req)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Equal(t, 2, ls.LogRecordCount())
	// Two turns: root + chat each; HALO records no tool timing, so the
	// five tool calls are events on the roots, not spans.
	assert.Equal(t, 4, ts.SpanCount())
	c := genai.Read(attrs(t, ts, 0))
	assert.Equal(t, session, c.Conversation)
	assert.True(t, c.Turn)
	assert.Equal(t, "openai", c.Provider())
	assert.Equal(t, "gpt-4.1-mini", c.Model())
	assert.False(t, c.Usage.Any(), "HALO histories carry no token counts: none are invented")
}

// TestPushWithoutLatency: a turn whose duration is unknown is a log record
// only, with no link to a trace that does not exist (no zero-length spans).
func TestPushWithoutLatency(t *testing.T) {
	r, ts, ls := newTestReceiver(t, defaultConfig())
	rec, resp := push(t, r, "application/json", `{"session_id": "s", "turn_index": 1, "content": "hi", "trace": {"agent_name": "A"}}`)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Equal(t, 1, *resp.Turns)
	assert.Zero(t, ts.SpanCount())
	assert.Empty(t, ts.AllTraces(), "no empty export")
	require.Equal(t, 1, ls.LogRecordCount())
	lr := ls.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0)
	assert.True(t, lr.TraceID().IsEmpty())
	assert.True(t, lr.SpanID().IsEmpty())
	v, ok := lr.Attributes().Get(genai.ChatTurn)
	assert.True(t, ok && v.Bool())
}

func TestPushNoTurns(t *testing.T) {
	r, ts, _ := newTestReceiver(t, defaultConfig())
	rec, resp := push(t, r, "application/json", `{"role": "user", "content": "hi"}`)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, 0, *resp.Turns)
	assert.Zero(t, ts.SpanCount())
}

func TestPushRejected(t *testing.T) {
	ndjson := `{"request_id": "ok-1", "trace": {"telemetry": {}}}` + "\n" +
		`{"request_id": "bad-2", "trace": {"telemetry": {"latency_ms": "slow"}}}` + "\n"
	for _, tt := range []struct {
		name, contentType, body string
		code                    int
		records                 int64
		errContains, where      string
		recordRequestID         string
		field                   string
	}{
		{
			name: "syntax", contentType: "application/json", body: "{\n  \"role\": \"assistant\",\n  \"trace\": {\n}", code: 400, records: 1,
			errContains: "unexpected end of input", where: "record 0, line 4",
		},
		{
			name: "wrong type", contentType: "application/x-ndjson", body: ndjson, code: 400, records: 2,
			errContains: "wrong type: got JSON string, want float64", where: "record 1, line 2", recordRequestID: "bad-2", field: "trace.telemetry.latency_ms",
		},
		{
			name: "bad timestamp", contentType: "application/json", body: `{"timestamp": "yesterday", "trace": {}}`, code: 400, records: 1,
			errContains: `timestamp "yesterday" is not an RFC 3339 time`,
		},
		{name: "not json", contentType: "application/json", body: `hello`, code: 400, records: 1, errContains: "expected a turn object"},
		{name: "empty", contentType: "application/json", body: ``, code: 400, records: 1, errContains: "empty body"},
		{name: "array of junk", contentType: "application/json", body: `[1, 2]`, code: 400, records: 2, errContains: "wrong type"},
		{name: "media type", contentType: "application/x-protobuf", body: `{}`, code: 415, records: 1, errContains: "not supported"},
		{
			name: "invalid utf-8", contentType: "application/json", body: "{\"content\": \"ok \xff\xfe\", \"trace\": {}}", code: 400, records: 1,
			errContains: "not valid UTF-8", where: "byte 16",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, ts, _ := newTestReceiver(t, defaultConfig())
			tel := componenttest.NewTelemetry()
			t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
			r.telemetry, _ = metadata.NewTelemetryBuilder(tel.NewTelemetrySettings())
			rec, resp := push(t, r, tt.contentType, tt.body)
			assert.Equal(t, tt.code, rec.Code)
			assert.Contains(t, resp.Error, tt.errContains)
			assert.Contains(t, resp.Where, tt.where)
			assert.Equal(t, tt.recordRequestID, resp.RecordRequestID)
			assert.Equal(t, tt.field, resp.Field)
			assert.NotEmpty(t, resp.RequestID)
			assert.Equal(t, resp.RequestID, rec.Header().Get("X-Request-Id"))
			assert.Zero(t, ts.SpanCount(), "a rejected body is rejected whole")
			assert.Equal(t, int64(1), sumInt(t, tel, "otelcol_receiver_chat_trace_rejected_requests"))
			assert.Equal(t, tt.records, sumInt(t, tel, "otelcol_receiver_chat_trace_rejected_records"))
		})
	}
}

func TestPushRefusedByPipeline(t *testing.T) {
	body := `{"session_id": "s", "turn_index": 3, "trace": {"telemetry": {"model": "gpt-4o", "latency_ms": 900}}}`
	for _, tt := range []struct {
		name string
		err  error
		code int
	}{
		{"memory_limiter", errors.New("data refused due to high memory usage"), http.StatusServiceUnavailable},
		{"resource exhausted", status.Error(codes.ResourceExhausted, "slow down"), http.StatusTooManyRequests},
		{"http status", consumererror.NewOTLPHTTPError(errors.New("busy"), http.StatusTooManyRequests), http.StatusTooManyRequests},
		{"permanent", consumererror.NewPermanent(errors.New("never")), http.StatusInternalServerError},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, _, _ := newTestReceiver(t, defaultConfig())
			r.nextTraces = consumertest.NewErr(tt.err)
			req := httptest.NewRequest(http.MethodPost, "/v1/chat/turns", strings.NewReader(body))
			req.Header.Set("X-Request-Id", "abc")
			rec := httptest.NewRecorder()
			r.handlePush(rec, req)
			assert.Equal(t, tt.code, rec.Code)
			assert.Contains(t, rec.Body.String(), `"request_id":"abc"`)
			if tt.code == http.StatusServiceUnavailable || tt.code == http.StatusTooManyRequests {
				assert.Equal(t, "1", rec.Header().Get("Retry-After"))
			}
		})
	}
}

// TestPushServer runs the real server: confighttp limits, method check.
func TestPushServer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())

	cfg := defaultConfig()
	h := cfg.HTTP.GetOrInsertDefault()
	h.ServerConfig.NetAddr.Endpoint = addr
	h.ServerConfig.MaxRequestBodySize = 1024
	r, ts, _ := newTestReceiver(t, cfg)
	require.NoError(t, r.Start(context.Background(), componenttest.NewNopHost()))
	t.Cleanup(func() { require.NoError(t, r.Shutdown(context.Background())) })

	url := "http://" + addr + "/v1/chat/turns"
	resp, err := http.Post(url, "application/json", strings.NewReader(`{"session_id": "s", "turn_index": 1, "trace": {"telemetry": {"latency_ms": 250}}}`))
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, 1, ts.SpanCount())

	resp, err = http.Post(url, "application/json", strings.NewReader(`{"content": "`+strings.Repeat("x", 2048)+`"}`))
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)

	resp, err = http.Get(url)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
}
