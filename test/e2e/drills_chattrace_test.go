// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// Drills of the chat_trace receiver (issue 24): no restart, request or retry
// loses an acknowledged turn, counts one twice or kills the collector.

// turnReport counts chat turns at the sink: every turn has one root span
// (chat.turn) and one log record, both keyed by the turn's trace id.
type turnReport struct {
	roots, logs map[string]int
}

func turnsAt(sink *harness.Sink) turnReport {
	r := turnReport{roots: map[string]int{}, logs: map[string]int{}}
	sink.ForEachSpan(func(_ string, s ptrace.Span) {
		if v, ok := s.Attributes().Get("chat.turn"); ok && v.Bool() {
			r.roots[s.TraceID().String()]++
		}
	})
	sink.ForEachLog(func(_ string, lr plog.LogRecord) {
		if lr.EventName() == "chat.turn" {
			r.logs[lr.TraceID().String()]++
		}
	})
	return r
}

func dupsOf(m map[string]int) int {
	d := 0
	for _, n := range m {
		d += n - 1
	}
	return d
}

// TestDrillChatTraceDownWindowSessions: chat_trace with start_at: end and
// storage, killed three times with SIGKILL. While it is down, new sessions
// are created (new history files) and old ones continue. Every turn written
// after the collector's very first start reaches the backend: the files
// created in a down window are new since the last run and are read whole.
func TestDrillChatTraceDownWindowSessions(t *testing.T) {
	sink := newSink(t)
	dir, storage := t.TempDir(), t.TempDir()
	env := sidecarEnv(sink, dir, storage)
	ports := newPorts(t)
	c := startSidecarOn(t, ports, env)
	time.Sleep(1500 * time.Millisecond) // the first poll (start_at: end) has run: the directory was empty

	w := &haloWriter{dir: dir, sessions: map[string][]map[string]any{}}
	var sessions []string
	downTurns := 0
	phase := func(newSessions, turns int, down bool) {
		before := w.turns
		for range newSessions {
			s := fmt.Sprintf("sess-%02d", len(sessions))
			sessions = append(sessions, s)
			w.addTurn(t, s)
			time.Sleep(20 * time.Millisecond)
		}
		for i := range turns {
			w.addTurn(t, sessions[(i*7)%len(sessions)])
			time.Sleep(20 * time.Millisecond)
		}
		if down {
			downTurns += w.turns - before
		}
	}
	for range 3 {
		phase(4, 10, false)
		time.Sleep(1200 * time.Millisecond)
		c.stop(syscall.SIGKILL)
		phase(8, 10, true) // while it is down
		c = startSidecarOn(t, ports, env)
	}
	phase(4, 10, false)

	var r turnReport
	deadline := time.Now().Add(45 * time.Second)
	for {
		r = turnsAt(sink)
		if len(r.roots) >= w.turns && len(r.logs) >= w.turns || time.Now().After(deadline) {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	time.Sleep(2 * time.Second) // let any duplicate arrive
	r = turnsAt(sink)
	counts := sink.Counts()
	rep := deliveryReport{Sent: w.turns, Delivered: len(r.roots), Duplicated: dupsOf(r.roots), Dropped: w.turns - len(r.roots)}
	drillLog(t, "chat-trace-new-sessions-while-down (turns, 3 SIGKILLs)", rep, fmt.Sprintf(
		"sessions=%d written-while-down=%d log-records=%d log-dups=%d sink span-dups=%d log-dups=%d",
		len(sessions), downTurns, len(r.logs), dupsOf(r.logs), counts.DuplicateSpans(), counts.DuplicateLogs()))
	assert.Zero(t, rep.Dropped, "turns lost: the files created while the collector was down must be read whole")
	assert.Equal(t, w.turns, len(r.logs), "log records of turns")
	// A kill between delivering a file's turns and writing its checkpoint
	// re-emits them once: at most one batch per kill.
	assert.LessOrEqual(t, rep.Duplicated, 3*len(sessions), "re-emissions beyond one per file and kill")
}

// chatPost posts body to the chat_trace endpoint and returns the status,
// the answer's headers and body.
func chatPost(t *testing.T, url string, body []byte, ctype string, hdr map[string]string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, url, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", ctype)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := (&http.Client{Timeout: 60 * time.Second}).Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

// peakRSS samples a process's resident set size until stop is closed.
func peakRSS(t *testing.T, pid int, stop <-chan struct{}) *atomic.Int64 {
	t.Helper()
	var peak atomic.Int64
	go func() {
		for {
			if rss := int64(rssMiB(t, pid)); rss > peak.Load() {
				peak.Store(rss)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return &peak
}

// pushedTurn is one pushed assistant run with latency (so it has spans).
func pushedTurn(session, requestID string, extra string) string {
	return `{"role":"assistant","content":"done","session_id":"` + session + `","request_id":"` + requestID + `",` +
		`"trace":{"agent_name":"Support Agent","agent_type":"agent","telemetry":{"model":"openai:gpt-4.1","latency_ms":1200}}` + extra + `}`
}

// toolCallsJSON is a `tool_calls` array of n calls; timed ones carry agno's
// metrics (so each would be a span), untimed ones only a name.
func toolCallsJSON(n int, timed bool) string {
	var b strings.Builder
	b.WriteString(`,"tool_calls":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		if timed {
			b.WriteString(`{"tool_name":"web_search","metrics":{"duration":0.01}}`)
		} else {
			b.WriteString(`{"name":"t"}`)
		}
	}
	b.WriteByte(']')
	return b.String()
}

// TestDrillChatPushExpansion: one request must not be able to kill the
// sidecar or expand without bound. A 19 MB push of 1.5 M tool calls, a turn
// with 100,000 timed tool calls, and 20,000 turns in one NDJSON body: the
// process stays up, its memory stays bounded, what is accepted is bounded and
// marked, what is refused is answered with a 4xx that says why and counted.
func TestDrillChatPushExpansion(t *testing.T) {
	sink := newSink(t)
	c := startSidecar(t, sidecarEnv(sink, t.TempDir(), t.TempDir()))
	url := c.chatURL()
	time.Sleep(time.Second)
	base := rssMiB(t, c.PID())

	type result struct {
		code         int
		peak, growth int64
		spans        int
		body         string
	}
	run := func(name string, body []byte, ctype string) result {
		before := sink.Counts().Spans
		// Go keeps freed memory for a while: each case is measured from
		// where the one before left the process.
		rssBefore := int64(rssMiB(t, c.PID()))
		stop := make(chan struct{})
		peak := peakRSS(t, c.PID(), stop)
		code, _, b := chatPost(t, url, body, ctype, nil)
		time.Sleep(3 * time.Second) // the sidecar's queue batches for 200 ms; the RSS sampler sees the mapping and export too
		close(stop)
		alive, _ := c.Exited()
		require.False(t, alive, "%s: the collector exited:\n%s", name, c.Output())
		c.waitHealthy()
		r := result{code: code, peak: peak.Load(), growth: peak.Load() - rssBefore, spans: sink.Counts().Spans - before, body: string(b)}
		if len(r.body) > 300 {
			r.body = r.body[:300] + "..."
		}
		fmt.Printf("DRILL chat-push-expansion %-34s %6.1f MB -> HTTP %d, spans delivered=%d, peak RSS=%d MiB (+%d MiB; idle %d MiB) %s\n",
			name, float64(len(body))/1e6, r.code, r.spans, r.peak, r.growth, base, strings.TrimSpace(r.body))
		return r
	}

	// 1.5 M untimed tool calls in 19 MB (the request; under
	// confighttp's 20 MiB default).
	huge := []byte(pushedTurn("s-huge", "huge-1", toolCallsJSON(1_500_000, false)))
	r := run("1.5M tool calls in one turn", huge, "application/json")
	assert.Less(t, r.growth, int64(96), "memory grown by one request (MiB)")
	assert.True(t, r.code == http.StatusOK || r.code == http.StatusRequestEntityTooLarge, "accepted (capped) or refused: %d", r.code)

	// 600,000 tool calls within the body limit: accepted, capped, marked.
	capped := []byte(pushedTurn("s-capped", "capped-1", toolCallsJSON(600_000, false)))
	r = run("600k tool calls in one turn", capped, "application/json")
	assert.Less(t, r.growth, int64(96), "memory grown by one request (MiB)")
	assert.Equal(t, http.StatusOK, r.code)

	// 100,000 timed tool calls: one turn must not become 100,000 spans.
	many := []byte(pushedTurn("s-many", "many-1", toolCallsJSON(100_000, true)))
	r = run("100k timed tool calls in one turn", many, "application/json")
	assert.Less(t, r.growth, int64(96), "memory grown by one request (MiB)")
	if r.code == http.StatusOK {
		assert.LessOrEqual(t, r.spans, 1002, "spans of one turn")
	}

	// 20,000 turns in one NDJSON body of 4 MB.
	var nd bytes.Buffer
	for i := range 20_000 {
		nd.WriteString(pushedTurn("s-nd", "nd-"+strconv.Itoa(i), ""))
		nd.WriteByte('\n')
	}
	r = run("20k turns in one NDJSON body", nd.Bytes(), "application/x-ndjson")
	assert.Equal(t, http.StatusRequestEntityTooLarge, r.code, "a request that expands beyond the per-request item limit")
	assert.Zero(t, r.spans, "nothing of a refused request is delivered")
	assert.Contains(t, r.body, "max_items_per_request")

	eventually(t, c.selfMetrics(), "refused requests and truncated turns counted", func(m harness.Families) bool {
		return m.Sum("otelcol_receiver_chat_trace_rejected_requests", nil) >= 1 &&
			m.Sum("otelcol_receiver_chat_trace_turns_truncated", nil) >= 2
	})
}

// retryConfig is a collector whose traces and logs go to two sinks without
// queues or retries, so a refusal by the logs backend reaches the pusher as
// a 503 while the traces were already delivered.
func retryConfig(t *testing.T, traces, logs *harness.Sink) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "retry.yaml")
	cfg := `
extensions:
  health_check:
    endpoint: 127.0.0.1:${env:OTELCOL_HEALTH_PORT}
receivers:
  chat_trace:
    http:
      endpoint: 127.0.0.1:${env:OTELCOL_CHAT_TRACE_PORT}
exporters:
  otlp_grpc/traces:
    endpoint: ` + traces.GRPCAddr + `
    tls: {insecure: true}
    sending_queue: {enabled: false}
    retry_on_failure: {enabled: false}
  otlp_grpc/logs:
    endpoint: ` + logs.GRPCAddr + `
    tls: {insecure: true}
    sending_queue: {enabled: false}
    retry_on_failure: {enabled: false}
service:
  extensions: [health_check]
  pipelines:
    traces: {receivers: [chat_trace], exporters: [otlp_grpc/traces]}
    logs: {receivers: [chat_trace], exporters: [otlp_grpc/logs]}
  telemetry:
    metrics:
      readers:
        - pull:
            exporter:
              prometheus:
                host: 127.0.0.1
                port: ${env:OTELCOL_METRICS_PORT}
`
	require.NoError(t, os.WriteFile(p, []byte(cfg), 0o600))
	return p
}

// TestDrillChatPushRetry: the logs backend refuses for a while, so pushes are
// answered 503 after their traces were delivered; the client retries each
// push until it is accepted. A retried push re-sends only what was refused:
// no span arrives twice, every turn arrives once as a span and once as a log
// record. The 503 answers say "retry" without the collector's internal
// error text (backend addresses, storage paths).
func TestDrillChatPushRetry(t *testing.T) {
	traces, logs := newSink(t), newSink(t)
	ports := newPorts(t)
	c := startCollector(t, ports, nil, "--config", retryConfig(t, traces, logs))
	c.waitHealthy()
	url := c.chatURL()

	logs.Refuse(status.Error(codes.Unavailable, "loki is overloaded"))
	go func() {
		time.Sleep(4 * time.Second)
		logs.Refuse(nil)
	}()

	const pushes, perPush = 20, 5
	var sent, acked, retries, refusedAnswers int
	var leaked []string
	for p := range pushes {
		var body bytes.Buffer
		for i := range perPush {
			body.WriteString(pushedTurn("s-retry", fmt.Sprintf("req-%d-%d", p, i), ""))
			body.WriteByte('\n')
		}
		sent += perPush
		for attempt := 0; ; attempt++ {
			require.Less(t, attempt, 60, "push %d never accepted", p)
			code, hdr, b := chatPost(t, url, body.Bytes(), "application/x-ndjson", map[string]string{"X-Request-Id": fmt.Sprintf("push-%d", p)})
			if code == http.StatusOK {
				acked += perPush
				break
			}
			require.Equal(t, http.StatusServiceUnavailable, code, "push %d: %s", p, b)
			refusedAnswers++
			if s := string(b); strings.Contains(s, "127.0.0.1") || strings.Contains(s, "rpc error") || strings.Contains(s, "/tmp") {
				leaked = append(leaked, s)
			}
			retries++
			after, _ := strconv.Atoi(hdr.Get("Retry-After"))
			time.Sleep(time.Duration(max(after, 1)) * 200 * time.Millisecond)
		}
	}
	time.Sleep(2 * time.Second)
	tr, lg := turnsAt(traces), turnsAt(logs)
	tc, lc := traces.Counts(), logs.Counts()
	rep := deliveryReport{Sent: acked, Delivered: len(tr.roots), Duplicated: tc.DuplicateSpans(), Dropped: acked - len(tr.roots)}
	drillLog(t, "chat-push-retried-after-logs-503 (turns)", rep, fmt.Sprintf(
		"pushed=%d retries=%d 503-answers=%d spans=%d unique-spans=%d logs=%d unique-logs=%d log-dups=%d internal-text-in-answers=%d",
		sent, retries, refusedAnswers, tc.Spans, tc.UniqueSpans, len(lg.logs), lc.UniqueLogs, lc.DuplicateLogs(), len(leaked)))
	require.Positive(t, retries, "the drill must play refusals")
	assert.Zero(t, tc.DuplicateSpans(), "spans delivered again by retries")
	assert.Zero(t, lc.DuplicateLogs(), "log records delivered twice")
	assert.Zero(t, rep.Dropped, "acknowledged turns lost")
	assert.Equal(t, acked, len(lg.logs), "log records of acknowledged turns")
	assert.Empty(t, leaked, "answers must not carry internal error texts")
}

// TestDrillChatPushHostileIDs: ids that no backend should store. An
// oversized X-Request-Id is not echoed; session ids with control characters
// or of 1 MiB are refused with 400 and the field; nothing of a refused push
// is delivered.
func TestDrillChatPushHostileIDs(t *testing.T) {
	sink := newSink(t)
	c := startSidecar(t, sidecarEnv(sink, t.TempDir(), t.TempDir()))
	url := c.chatURL()

	longID := strings.Repeat("r", 64<<10)
	code, hdr, body := chatPost(t, url, []byte(pushedTurn("s-ok", "x-1", "")), "application/json", map[string]string{"X-Request-Id": longID})
	fmt.Printf("DRILL chat-push-hostile-ids %-34s -> HTTP %d, X-Request-Id echoed %d bytes, body %d bytes\n",
		"64 KiB X-Request-Id", code, len(hdr.Get("X-Request-Id")), len(body))
	assert.LessOrEqual(t, len(hdr.Get("X-Request-Id")), 128, "echoed request id")
	assert.Less(t, len(body), 1024, "answer size")
	require.Eventually(t, func() bool { return sink.Counts().Spans >= 2 }, 30*time.Second, 100*time.Millisecond, "the valid push is delivered")

	cases := []struct{ name, session, query string }{
		{"session id with control characters", "s\x00\x1b[31mred\n", ""},
		{"1 MiB session id", strings.Repeat("s", 1<<20), ""},
		{"query session id with a newline", "", "a%0Ab"},
	}
	before := sink.Counts()
	for _, tc := range cases {
		sess, _ := json.Marshal(tc.session)
		turn := `{"role":"assistant","content":"x","session_id":` + string(sess) + `,"trace":{"telemetry":{"latency_ms":10}}}`
		u := url
		if tc.query != "" {
			u += "?session_id=" + tc.query
		}
		code, _, b := chatPost(t, u, []byte(turn), "application/json", nil)
		shown := string(b)
		if len(shown) > 200 {
			shown = shown[:200] + "..."
		}
		fmt.Printf("DRILL chat-push-hostile-ids %-34s -> HTTP %d %s\n", tc.name, code, shown)
		assert.Equal(t, http.StatusBadRequest, code, tc.name)
		assert.Contains(t, string(b), "session_id", tc.name)
		assert.Less(t, len(b), 1024, "%s: answer size", tc.name)
	}
	time.Sleep(2 * time.Second)
	after := sink.Counts()
	fmt.Printf("DRILL chat-push-hostile-ids delivered from refused pushes: spans=%d logs=%d\n",
		after.Spans-before.Spans, after.Logs-before.Logs)
	assert.Equal(t, before.Spans, after.Spans, "spans from refused pushes")
	bad := 0
	sink.ForEachSpan(func(_ string, s ptrace.Span) {
		if v, ok := s.Attributes().Get("gen_ai.conversation.id"); ok && (len(v.Str()) > 256 || strings.ContainsAny(v.Str(), "\x00\x1b\n")) {
			bad++
		}
	})
	assert.Zero(t, bad, "spans with hostile conversation ids")
}
