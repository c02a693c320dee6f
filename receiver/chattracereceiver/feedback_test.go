// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/metadata"
)

// feedbackReceiver is a test receiver with the push server (and so the
// feedback endpoint) configured, its telemetry recorded.
func feedbackReceiver(t *testing.T, cfg *Config) (*chatReceiver, *consumertest.TracesSink, *consumertest.LogsSink, *componenttest.Telemetry) {
	t.Helper()
	if cfg == nil {
		cfg = defaultConfig()
	}
	cfg.HTTP.GetOrInsertDefault()
	r, ts, ls := newTestReceiver(t, cfg)
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	r.telemetry, _ = metadata.NewTelemetryBuilder(tel.NewTelemetrySettings())
	require.NotNil(t, r.feedback)
	return r, ts, ls, tel
}

func postFeedback(t *testing.T, r *chatReceiver, body string) (*httptest.ResponseRecorder, feedbackResponse) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/v1/chat/turns/feedback", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	r.handleFeedback(rec, req)
	var resp feedbackResponse
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &resp), rec.Body.String())
	assert.Equal(t, resp.RequestID, rec.Header().Get("X-Request-Id"))
	return rec, resp
}

// outcomes sums receiver_chat_trace_feedback by outcome.
func outcomes(t *testing.T, tel *componenttest.Telemetry) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	m, err := tel.GetMetric("otelcol_receiver_chat_trace_feedback")
	if err != nil {
		return out
	}
	for _, dp := range m.Data.(metricdata.Sum[int64]).DataPoints {
		v, _ := dp.Attributes.Value(attribute.Key("outcome"))
		out[v.AsString()] += dp.Value
	}
	return out
}

// lastRecord is the last log record the sink holds.
func lastRecord(t *testing.T, ls *consumertest.LogsSink) plog.LogRecord {
	t.Helper()
	all := ls.AllLogs()
	require.NotEmpty(t, all)
	ld := all[len(all)-1]
	recs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
	return recs.At(recs.Len() - 1)
}

// agentTurn is a pushed HALO Core run of an agent, with latency (so spans).
const agentTurn = `{"session_id": "7c0de5e1-support", "user_id": "u-17", "request_id": "%s", "turn_index": %d,
 "timestamp": "2026-11-20T10:00:05Z", "role": "assistant", "content": "Your order ships today.",
 "trace": {"response": "Your order ships today.", "agent_name": "Support Agent", "agent_type": "agent",
  "telemetry": {"model": "openai:gpt-4.1", "stream_result": "ok", "latency_ms": 1830.5, "used_fallback": false}}}`

func TestFeedbackByRequestID(t *testing.T) {
	r, ts, ls, tel := feedbackReceiver(t, nil)
	rec, _ := push(t, r, "application/json", fmt.Sprintf(agentTurn, "req-9", 3))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	root := ts.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	require.True(t, root.ParentSpanID().IsEmpty())
	turns := ls.LogRecordCount()

	rec, resp := postFeedback(t, r, `{"request_id": "req-9", "thumbs": "down", "comment": "Wrong order number.\nIt was 48213."}`)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	require.NotNil(t, resp.Joined)
	assert.True(t, *resp.Joined)
	assert.Equal(t, root.TraceID().String(), resp.TraceID)
	assert.Equal(t, root.SpanID().String(), resp.SpanID)
	require.Equal(t, turns+1, ls.LogRecordCount())

	lr := lastRecord(t, ls)
	assert.Equal(t, genai.EvaluationResultEvent, lr.EventName())
	assert.Equal(t, root.TraceID(), lr.TraceID())
	assert.Equal(t, root.SpanID(), lr.SpanID())
	assert.Equal(t, map[string]any{
		genai.EvaluationName:        genai.EvaluationUserFeedback,
		genai.EvaluationScoreValue:  -1.0,
		genai.EvaluationScoreLabel:  genai.FeedbackNegative,
		genai.EvaluationExplanation: "Wrong order number.\nIt was 48213.",
		genai.AgentName:             "Support Agent",
		genai.RequestModel:          "gpt-4.1",
		genai.ProviderName:          "openai",
		genai.ConversationID:        "7c0de5e1-support",
		genai.UserID:                "u-17",
		genai.ChatRequestID:         "req-9",
	}, lr.Attributes().AsRaw())
	c := genai.Read(lr.Attributes())
	assert.Equal(t, genai.KindNone, c.Kind(), "feedback is no model call: llm_cost prices nothing on it")
	assert.Equal(t, "halo-core", ls.AllLogs()[len(ls.AllLogs())-1].ResourceLogs().At(0).Resource().Attributes().AsRaw()[genai.ServiceName])

	// A retry of the same feedback counts once.
	rec, resp = postFeedback(t, r, `{"request_id": "req-9", "thumbs": "down", "comment": "Wrong order number.\nIt was 48213."}`)
	require.Equal(t, http.StatusOK, rec.Code)
	assert.True(t, resp.Duplicate)
	assert.Equal(t, root.TraceID().String(), resp.TraceID)
	assert.Equal(t, turns+1, ls.LogRecordCount(), "not emitted again")
	// The same feedback naming the turn by trace id is the same feedback.
	rec, resp = postFeedback(t, r, `{"trace_id": "`+root.TraceID().String()+`", "thumbs": "down", "comment": "Wrong order number.\nIt was 48213."}`)
	require.Equal(t, http.StatusOK, rec.Code)
	assert.True(t, resp.Duplicate)
	// Another feedback on the same turn is new.
	rec, _ = postFeedback(t, r, `{"request_id": "req-9", "thumbs": "up"}`)
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, turns+2, ls.LogRecordCount())
	assert.Equal(t, 1.0, lastRecord(t, ls).Attributes().AsRaw()[genai.EvaluationScoreValue])
	assert.Equal(t, map[string]int64{"joined": 2, "duplicate": 2}, outcomes(t, tel))
}

// TestFeedbackOnFileTurns: turns read from HALO Core history files have no
// request id; feedback names them by session (the file's name) and turn
// index (the message's position), and a rating with a label.
func TestFeedbackOnFileTurns(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "4e7b2c9d0a1f4b3c8d5e6f7a8b9c0d1e.json"), readTestdata(t, "histories/4e7b2c9d0a1f4b3c8d5e6f7a8b9c0d1e.json"))
	r, ts, ls, tel := feedbackReceiver(t, fileConfig(dir))
	newFilePoller(r, nil).poll(context.Background())
	roots := map[int64]pcommon.TraceID{}
	for _, td := range ts.AllTraces() {
		spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		for i := 0; i < spans.Len(); i++ {
			if s := spans.At(i); s.ParentSpanID().IsEmpty() {
				idx, _ := s.Attributes().Get(genai.ChatTurnIndex)
				roots[idx.Int()] = s.TraceID()
			}
		}
	}
	require.Len(t, roots, 2)
	for idx, trace := range roots {
		rec, resp := postFeedback(t, r, fmt.Sprintf(`{"session_id": "4e7b2c9d0a1f4b3c8d5e6f7a8b9c0d1e", "turn_index": %d, "score": 4, "label": "helpful"}`, idx))
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		assert.Equal(t, trace.String(), resp.TraceID)
		a := lastRecord(t, ls).Attributes().AsRaw()
		assert.Equal(t, 4.0, a[genai.EvaluationScoreValue])
		assert.Equal(t, "helpful", a[genai.EvaluationScoreLabel])
		assert.Equal(t, "4e7b2c9d0a1f4b3c8d5e6f7a8b9c0d1e", a[genai.ConversationID])
		assert.NotEmpty(t, a[genai.AgentName])
		assert.NotContains(t, a, genai.UserID, "the history names no user")
	}
	// The welcome message and user messages are no turns.
	rec, resp := postFeedback(t, r, `{"session_id": "4e7b2c9d0a1f4b3c8d5e6f7a8b9c0d1e", "turn_index": 0, "thumbs": "up"}`)
	assert.Equal(t, http.StatusNotFound, rec.Code)
	assert.Equal(t, "turn_index", resp.Field)
	assert.Equal(t, map[string]int64{"joined": 2, "not_found": 1}, outcomes(t, tel))
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

// TestFeedbackUnknownTrace: feedback for a trace id no remembered turn has
// (a turn from before a restart, another app's trace) is accepted with
// that trace context alone, and counted as unjoined.
func TestFeedbackUnknownTrace(t *testing.T) {
	r, _, ls, tel := feedbackReceiver(t, nil)
	rec, resp := postFeedback(t, r, `{"trace_id": "4BF92F3577B34DA6A3CE929D0E0E4736", "span_id": "00f067aa0ba902b7", "score": 0.25, "timestamp": "2026-11-20T10:02:00Z"}`)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	require.NotNil(t, resp.Joined)
	assert.False(t, *resp.Joined)
	assert.Equal(t, "4bf92f3577b34da6a3ce929d0e0e4736", resp.TraceID)
	assert.Equal(t, "00f067aa0ba902b7", resp.SpanID)
	lr := lastRecord(t, ls)
	assert.Equal(t, "4bf92f3577b34da6a3ce929d0e0e4736", lr.TraceID().String())
	assert.Equal(t, "00f067aa0ba902b7", lr.SpanID().String())
	assert.Equal(t, "2026-11-20T10:02:00Z", lr.Timestamp().AsTime().Format("2006-01-02T15:04:05Z07:00"))
	assert.Equal(t, map[string]any{genai.EvaluationName: genai.EvaluationUserFeedback, genai.EvaluationScoreValue: 0.25}, lr.Attributes().AsRaw())

	// Without a span id, the record names the trace only.
	rec, resp = postFeedback(t, r, `{"trace_id": "0af7651916cd43dd8448eb211c80319c", "thumbs": "up"}`)
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Empty(t, resp.SpanID)
	assert.True(t, lastRecord(t, ls).SpanID().IsEmpty())
	assert.Equal(t, map[string]int64{"unjoined": 2}, outcomes(t, tel))
}

// TestFeedbackTurnWithoutSpans: a turn whose duration is unknown is a log
// record without a trace link; its feedback is joined to its agent and
// model, without a trace context either.
func TestFeedbackTurnWithoutSpans(t *testing.T) {
	r, ts, ls, _ := feedbackReceiver(t, nil)
	body := strings.Replace(fmt.Sprintf(agentTurn, "req-nolat", 1), `, "latency_ms": 1830.5`, ``, 1)
	rec, _ := push(t, r, "application/json", body)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	require.Zero(t, ts.SpanCount())
	rec, resp := postFeedback(t, r, `{"request_id": "req-nolat", "thumbs": "up"}`)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.True(t, *resp.Joined)
	assert.Empty(t, resp.TraceID)
	lr := lastRecord(t, ls)
	assert.True(t, lr.TraceID().IsEmpty())
	assert.Equal(t, "Support Agent", lr.Attributes().AsRaw()[genai.AgentName])
}

func TestFeedbackNotFound(t *testing.T) {
	r, _, ls, tel := feedbackReceiver(t, nil)
	rec, _ := push(t, r, "application/json", fmt.Sprintf(agentTurn, "req-1", 1))
	require.Equal(t, http.StatusOK, rec.Code)
	n := ls.LogRecordCount()
	for body, field := range map[string]string{
		`{"request_id": "req-2", "thumbs": "up"}`:                                         "request_id",
		`{"request_id": "req-1", "session_id": "another-session", "thumbs": "up"}`:        "request_id",
		`{"session_id": "7c0de5e1-support", "turn_index": 2, "thumbs": "up"}`:             "turn_index",
		`{"session_id": "7c0de5e1-support", "turn_index": 1, "thumbs": "up", "x": 1}`:     "x",
		`{"request_id": "req-1", "session_id": "7c0de5e1-support", "thumbs": "sideways"}`: "thumbs",
	} {
		rec, resp := postFeedback(t, r, body)
		if field == "x" || field == "thumbs" {
			assert.Equal(t, http.StatusBadRequest, rec.Code, body)
		} else {
			assert.Equal(t, http.StatusNotFound, rec.Code, body)
		}
		assert.Equal(t, field, resp.Field, body)
		assert.NotEmpty(t, resp.Error)
	}
	assert.Equal(t, n, ls.LogRecordCount(), "nothing emitted")
	assert.Equal(t, map[string]int64{"not_found": 3, "rejected": 2}, outcomes(t, tel))
	assert.Equal(t, int64(5), sumInt(t, tel, "otelcol_receiver_chat_trace_rejected_requests"))
	// The session check passes with the turn's own session.
	rec, _ = postFeedback(t, r, `{"request_id": "req-1", "session_id": "7c0de5e1-support", "thumbs": "up"}`)
	assert.Equal(t, http.StatusOK, rec.Code)
}

func TestFeedbackRequestErrors(t *testing.T) {
	r, _, _, tel := feedbackReceiver(t, nil)
	for _, tc := range []struct {
		name, method, ctype, body string
		code                      int
	}{
		{"get", http.MethodGet, "application/json", ``, http.StatusMethodNotAllowed},
		{"ndjson", http.MethodPost, "application/x-ndjson", `{"request_id":"a","thumbs":"up"}`, http.StatusUnsupportedMediaType},
		{"text/plain (a cross-site form)", http.MethodPost, "text/plain", `{"request_id":"a","thumbs":"up"}`, http.StatusUnsupportedMediaType},
		{"too large", http.MethodPost, "application/json", `{"request_id":"a","thumbs":"up","comment":"` + strings.Repeat("a", 70<<10) + `"}`, http.StatusRequestEntityTooLarge},
		{"not utf-8", http.MethodPost, "application/json", "{\"request_id\":\"a\",\"thumbs\":\"up\",\"comment\":\"\xff\"}", http.StatusBadRequest},
	} {
		req := httptest.NewRequest(tc.method, "/v1/chat/turns/feedback", strings.NewReader(tc.body))
		req.Header.Set("Content-Type", tc.ctype)
		rec := httptest.NewRecorder()
		r.handleFeedback(rec, req)
		assert.Equal(t, tc.code, rec.Code, tc.name)
		var resp feedbackResponse
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &resp), tc.name)
		assert.NotEmpty(t, resp.Error, tc.name)
	}
	assert.Equal(t, map[string]int64{"rejected": 5}, outcomes(t, tel))
}

// TestFeedbackIDs: a client's feedback_id tells two equal ratings apart
// (two clicks) and recognises a retry; reusing an id for other feedback is
// a conflict.
func TestFeedbackIDs(t *testing.T) {
	r, _, ls, tel := feedbackReceiver(t, nil)
	push(t, r, "application/json", fmt.Sprintf(agentTurn, "req-1", 1))
	n := ls.LogRecordCount()
	for _, body := range []string{
		`{"request_id": "req-1", "thumbs": "up", "feedback_id": "fb-1"}`,
		`{"request_id": "req-1", "thumbs": "up", "feedback_id": "fb-2"}`,
		`{"request_id": "req-1", "thumbs": "up", "feedback_id": "fb-2"}`,
	} {
		rec, _ := postFeedback(t, r, body)
		assert.Equal(t, http.StatusOK, rec.Code)
	}
	assert.Equal(t, n+2, ls.LogRecordCount())
	rec, resp := postFeedback(t, r, `{"request_id": "req-1", "thumbs": "down", "feedback_id": "fb-1"}`)
	assert.Equal(t, http.StatusConflict, rec.Code)
	assert.Equal(t, "feedback_id", resp.Field)
	assert.Equal(t, map[string]int64{"joined": 2, "duplicate": 1, "rejected": 1}, outcomes(t, tel))
}

// flakyLogs refuses the first n log batches.
type flakyLogs struct {
	consumertest.LogsSink
	refuse int
}

func (f *flakyLogs) Capabilities() consumer.Capabilities { return consumer.Capabilities{} }

func (f *flakyLogs) ConsumeLogs(ctx context.Context, ld plog.Logs) error {
	if f.refuse > 0 {
		f.refuse--
		return errors.New("data refused due to high memory usage")
	}
	return f.LogsSink.ConsumeLogs(ctx, ld)
}

// TestFeedbackRefusedThenRetried: feedback the pipeline refuses is answered
// 503 and not remembered, so its retry is delivered (once).
func TestFeedbackRefusedThenRetried(t *testing.T) {
	r, _, _, tel := feedbackReceiver(t, nil)
	push(t, r, "application/json", fmt.Sprintf(agentTurn, "req-1", 1))
	flaky := &flakyLogs{refuse: 1}
	r.nextLogs = flaky
	body := `{"request_id": "req-1", "score": 5}`
	rec, resp := postFeedback(t, r, body)
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code)
	assert.Equal(t, "1", rec.Header().Get("Retry-After"))
	assert.NotEmpty(t, resp.Error)
	rec, _ = postFeedback(t, r, body)
	assert.Equal(t, http.StatusOK, rec.Code)
	rec, resp = postFeedback(t, r, body)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.True(t, resp.Duplicate)
	assert.Equal(t, 1, flaky.LogRecordCount())
	assert.Equal(t, map[string]int64{"failed": 1, "joined": 1, "duplicate": 1}, outcomes(t, tel))
}

// TestFeedbackEndpoint runs the server: the endpoint is <path>/feedback
// (also when path is a subtree, which the push handler would take);
// without a logs pipeline it answers 501; with feedback_turns 0 it is off.
func TestFeedbackEndpoint(t *testing.T) {
	for _, tc := range []struct {
		name, path string
		logs       bool
		turns      int
		code       int
	}{
		{"on", "/chat", true, 10, http.StatusNotFound}, // on, and no such turn
		{"on, path a subtree", "/chat/", true, 10, http.StatusNotFound},
		{"no logs pipeline", "/chat", false, 10, http.StatusNotImplemented},
		{"off", "/chat", true, 0, http.StatusNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := defaultConfig()
			h := cfg.HTTP.GetOrInsertDefault()
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			require.NoError(t, err)
			addr := ln.Addr().String()
			require.NoError(t, ln.Close())
			h.ServerConfig.NetAddr.Endpoint = addr
			h.Path = tc.path
			h.FeedbackTurns = tc.turns
			r, _, _ := newTestReceiver(t, cfg)
			if !tc.logs {
				r.nextLogs = nil
			}
			require.NoError(t, r.Start(context.Background(), componenttest.NewNopHost()))
			t.Cleanup(func() { require.NoError(t, r.Shutdown(context.Background())) })
			resp, err := http.Post("http://"+addr+"/chat/feedback", "application/json", strings.NewReader(`{"request_id":"r","thumbs":"up"}`))
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, tc.code, resp.StatusCode)
			if tc.turns == 0 {
				assert.NotEqual(t, "application/json", resp.Header.Get("Content-Type"), "the mux's own 404: no such endpoint")
			} else {
				assert.Equal(t, "application/json", resp.Header.Get("Content-Type"), "the feedback endpoint's answer")
			}
		})
	}
}
