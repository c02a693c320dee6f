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
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// sidecarEnv runs config/sidecar.yaml against the sink (standing in for the
// gateway) on a chat-history directory.
func sidecarEnv(sink *harness.Sink, historyDir, storageDir string) []string {
	return []string{
		"OTELCOL_BEARER_TOKEN=" + testToken,
		"OTELCOL_STORAGE_DIR=" + storageDir,
		"OTELCOL_GATEWAY_ENDPOINT=" + sink.GRPCAddr,
		"CHAT_HISTORY_GLOB=" + filepath.Join(historyDir, "*.json"),
	}
}

// startSidecar runs config/sidecar.yaml on free ports and waits until it is
// healthy.
func startSidecar(t *testing.T, env []string) *collector {
	t.Helper()
	return startSidecarOn(t, newPorts(t), env)
}

// startSidecarOn is startSidecar on given ports (a restart on the same ones).
func startSidecarOn(t *testing.T, ports harness.Ports, env []string) *collector {
	t.Helper()
	c := startCollector(t, ports, env, "--config", configPath(t, "sidecar.yaml"))
	c.waitHealthy()
	return c
}

// haloWriter rewrites HALO Core history files whole, one turn at a time, the
// way the app does (truncate and write, not atomic).
type haloWriter struct {
	dir      string
	sessions map[string][]map[string]any
	turns    int
}

func (w *haloWriter) addTurn(t *testing.T, session string) {
	t.Helper()
	msgs := w.sessions[session]
	if msgs == nil {
		msgs = []map[string]any{{"role": "assistant", "content": "Hi! How can I help?", "tool_calls": nil}}
	}
	n := len(msgs) / 2
	q := fmt.Sprintf("question %d in %s", n, session)
	a := fmt.Sprintf("answer %d in %s", n, session)
	msgs = append(msgs,
		map[string]any{"role": "user", "content": q, "tool_calls": nil},
		map[string]any{"role": "assistant", "content": a, "tool_calls": nil, "trace": map[string]any{
			"payload": "User: " + q, "response": a, "error": nil, "agent_name": "Support Agent", "agent_type": "agent",
			"agent_id": "support", "agent_role": "support", "agent_tools_runtime": []string{}, "agent_members_runtime": []string{},
			"selected_member_ids": []string{},
			"telemetry": map[string]any{
				"model": "gpt-4o-mini", "selected_members": []string{}, "tools": []string{}, "mcp_events": []string{},
				"stream_mode": "stream", "stream_events": true, "stream_result": "ok", "latency_ms": 812.5,
				"knowledge_hits": 1, "knowledge_sources": []string{"FAQ"}, "used_fallback": false,
			},
		}})
	w.sessions[session] = msgs
	b, err := json.MarshalIndent(msgs, "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(w.dir, session+".json"), b, 0o600))
	w.turns++
}

// turnRoots counts root spans of chat turns at the sink by trace id.
func turnRoots(sink *harness.Sink) map[string]int {
	roots := map[string]int{}
	sink.ForEachSpan(func(_ string, s ptrace.Span) {
		if s.ParentSpanID().IsEmpty() {
			roots[s.TraceID().String()]++
		}
	})
	return roots
}

// TestDrillChatTraceKilled: the sidecar reads chat histories that are being
// rewritten turn by turn, is killed with SIGKILL, more turns are written
// while it is down, and it is restarted on the same storage. Every turn
// reaches the backend exactly once from the checkpoint, none is skipped
// (a re-emission after the crash would be counted as a duplicate).
func TestDrillChatTraceKilled(t *testing.T) {
	sink := newSink(t)
	dir, storage := t.TempDir(), t.TempDir()
	env := sidecarEnv(sink, dir, storage)
	ports := newPorts(t)
	first := startSidecarOn(t, ports, env)
	w := &haloWriter{dir: dir, sessions: map[string][]map[string]any{}}
	sessions := []string{"s-alpha", "s-bravo", "s-charlie", "s-delta"}
	write := func(n int) {
		for i := range n {
			w.addTurn(t, sessions[i%len(sessions)])
			time.Sleep(60 * time.Millisecond)
		}
	}
	write(40)
	first.stop(syscall.SIGKILL)
	write(20) // while the sidecar is down
	startSidecarOn(t, ports, env)
	write(12)

	deadline := time.Now().Add(60 * time.Second)
	var roots map[string]int
	for time.Now().Before(deadline) {
		roots = turnRoots(sink)
		if len(roots) >= w.turns {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	time.Sleep(2 * time.Second) // let any duplicate arrive
	roots = turnRoots(sink)
	dups := 0
	for _, n := range roots {
		dups += n - 1
	}
	r := deliveryReport{Sent: w.turns, Delivered: len(roots), Duplicated: dups, Dropped: w.turns - len(roots)}
	drillLog(t, "chat-trace-sigkill-restart (turns)", r, "")
	assert.Zero(t, r.Dropped, "turns skipped across the kill")
	assert.Equal(t, w.turns, len(roots))
	// A crash between delivery and checkpoint may re-emit a file's last
	// turns once; the drill reports it and allows at most one batch.
	assert.LessOrEqual(t, dups, len(sessions), "re-emissions beyond one per file")
}

// TestDrillBadChatInput posts malformed and hostile chat-run JSON to the
// sidecar's chat_trace HTTP endpoint: each gets a 4xx with a JSON reason,
// each is counted, and the process stays up.
func TestDrillBadChatInput(t *testing.T) {
	sink := newSink(t)
	c := startSidecar(t, sidecarEnv(sink, t.TempDir(), t.TempDir()))
	url := c.chatURL()
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	cases := []struct {
		name, ctype, enc string
		body             []byte
		want             int
	}{
		{"malformed JSON", "application/json", "", []byte(`{"role": "assistant", "content": `), 400},
		{"wrong field type", "application/json", "", []byte(`{"role":"assistant","content":"x","trace":{"telemetry":{"latency_ms":"slow"}}}`), 400},
		{"deeply nested JSON", "application/json", "", []byte(deep), 400},
		{"invalid UTF-8", "application/json", "", []byte("{\"role\":\"assistant\",\"content\":\"\xff\xfe\",\"trace\":{}}"), 400},
		{"huge body", "application/json", "", bytes.Repeat([]byte(" "), 21<<20), 413},
		{"gzip bomb", "application/json", "gzip", gzipped(t, bytes.Repeat([]byte(" "), 256<<20)), 413},
		{"NDJSON with one bad line", "application/x-ndjson", "", []byte("{\"role\":\"assistant\",\"content\":\"ok\",\"trace\":{}}\n{bad\n"), 400},
	}
	for _, tc := range cases {
		req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, url, bytes.NewReader(tc.body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", tc.ctype)
		req.Header.Set("X-Request-Id", "drill-"+strings.ReplaceAll(tc.name, " ", "-"))
		if tc.enc != "" {
			req.Header.Set("Content-Encoding", tc.enc)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err, tc.name)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("DRILL bad-input chat_trace %-24s -> HTTP %d %s\n", tc.name, resp.StatusCode, strings.TrimSpace(string(body)))
		assert.Equal(t, tc.want, resp.StatusCode, tc.name)
		var reason map[string]any
		if assert.NoError(t, json.Unmarshal(body, &reason), "%s: the answer is JSON: %s", tc.name, body) {
			assert.NotEmpty(t, reason["error"], tc.name)
		}
		c.waitHealthy()
	}
	eventually(t, c.selfMetrics(), "rejected chat requests counted", func(m harness.Families) bool {
		return m.Sum("otelcol_receiver_chat_trace_rejected_requests", nil) == float64(len(cases))
	})

	// Still serving: a valid turn goes through to the gateway stand-in.
	ok := `{"role":"assistant","content":"fine","session_id":"s1","trace":{"agent_name":"A","telemetry":{"model":"gpt-4o-mini","latency_ms":100}}}`
	resp, err := http.Post(url, "application/json", strings.NewReader(ok)) //nolint:noctx // test
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Eventually(t, func() bool { return sink.Counts().Spans > 0 }, 30*time.Second, 100*time.Millisecond)
}
