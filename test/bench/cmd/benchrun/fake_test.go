// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/sink"
)

// The test binary doubles as a fake collector when this variable is set, so
// the harness's process handling and chat_trace measurement run for real
// (health check, self-metrics, files, HTTP push, export to the sink)
// without a collector build.
const fakeEnv = "BENCHRUN_FAKE_COLLECTOR"

func TestMain(m *testing.M) {
	if mode := os.Getenv(fakeEnv); mode != "" {
		os.Exit(fakeCollector(mode))
	}
	os.Exit(m.Run())
}

// fakeCollector turns every assistant turn with a trace into one root span
// plus one child per tool call, like chat_trace. Mode "dup" exports the
// first turn of every session twice.
func fakeCollector(mode string) int {
	conn, err := grpc.NewClient(os.Getenv("BENCH_SINK"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return 1
	}
	client := ptraceotlp.NewGRPCClient(conn)
	var accepted atomic.Int64
	export := func(body []byte) error {
		var msgs []struct {
			ToolCalls []json.RawMessage `json:"tool_calls"`
			Trace     json.RawMessage   `json:"trace"`
		}
		if err := json.Unmarshal(body, &msgs); err != nil {
			return err
		}
		td := ptrace.NewTraces()
		spans := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
		turn := 0
		for _, m := range msgs {
			if len(m.Trace) == 0 {
				continue
			}
			turn++
			for range 1 + btoi(mode == "dup" && turn == 1) {
				root := spans.AppendEmpty()
				root.SetSpanID(pcommon.SpanID{1})
				for range m.ToolCalls {
					spans.AppendEmpty().SetParentSpanID(root.SpanID())
				}
			}
		}
		accepted.Add(int64(td.SpanCount()))
		_, err := client.Export(context.Background(), ptraceotlp.NewExportRequestFromTraces(td))
		return err
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/", func(http.ResponseWriter, *http.Request) {})
	go func() { _ = http.ListenAndServe(os.Getenv("BENCH_HEALTH"), mux) }()
	tel := http.NewServeMux()
	tel.HandleFunc("/metrics", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintf(w, "otelcol_receiver_accepted_spans_total{receiver=\"chat_trace\"} %d\n", accepted.Load())
	})
	go func() { _ = http.ListenAndServe("127.0.0.1:"+os.Getenv("BENCH_TELEMETRY_PORT"), tel) }()
	push := http.NewServeMux()
	push.HandleFunc("/v1/chat", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if err := export(b); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
		}
	})
	go func() { _ = http.ListenAndServe(os.Getenv("BENCH_CHAT_HTTP"), push) }()

	seen := map[string]bool{}
	for {
		files, _ := filepath.Glob(os.Getenv("BENCH_CHAT_GLOB"))
		for _, f := range files {
			if seen[f] {
				continue
			}
			b, err := os.ReadFile(f)
			if err == nil && export(b) == nil {
				seen[f] = true
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func fakeHarness(t *testing.T, mode string) (*runner, spec) {
	t.Helper()
	if _, err := exec.LookPath("taskset"); err != nil || machineCPUs() < 2 {
		t.Skip("needs taskset and 2 CPUs")
	}
	t.Setenv(fakeEnv, mode)
	snk, err := sink.Start("127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(snk.Stop)
	var mu sync.Mutex
	h := &runner{ctx: context.Background(), sink: snk, log: func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		t.Logf(format, args...)
	}}
	return h, spec{name: "fake", bin: os.Args[0], config: "unused.yaml", sink: true}
}

func TestChatTraceCountsEveryTurnOnce(t *testing.T) {
	h, s := fakeHarness(t, "ok")
	res, err := h.chatTrace(s, 6, 3, 2, "/v1/chat", 20*time.Second)
	require.NoError(t, err)
	require.Len(t, res, 2)
	for _, r := range res {
		assert.True(t, r.OK, "%s: %s", r.Source, r.Reason)
		assert.Equal(t, int64(18), r.Turns)
		assert.Positive(t, r.TurnsPerSec())
		assert.Positive(t, r.MBPerSec())
	}
	assert.Equal(t, "files", res[0].Source)
	assert.Equal(t, "http", res[1].Source)
}

func TestChatTraceRejectsDuplicates(t *testing.T) {
	h, s := fakeHarness(t, "dup")
	res, err := h.chatTrace(s, 4, 3, 2, "/v1/chat", 10*time.Second)
	require.NoError(t, err)
	for _, r := range res {
		assert.False(t, r.OK, r.Source)
		assert.Contains(t, r.Reason, "expected 12 turns (root spans), sink received 16")
	}
}

func TestChatTraceReportsRejectedPush(t *testing.T) {
	h, s := fakeHarness(t, "ok")
	res, err := h.chatTrace(s, 2, 2, 1, "/wrong/path", 10*time.Second)
	require.NoError(t, err)
	require.Len(t, res, 2)
	assert.True(t, res[0].OK)
	assert.False(t, res[1].OK)
	assert.Contains(t, res[1].Reason, "404")
}
