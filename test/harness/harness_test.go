// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package harness

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func traces(ids ...byte) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "svc")
	spans := rs.ScopeSpans().AppendEmpty().Spans()
	for _, id := range ids {
		s := spans.AppendEmpty()
		s.SetTraceID(pcommon.TraceID([16]byte{1, id}))
		s.SetSpanID(pcommon.SpanID([8]byte{2, id}))
	}
	return td
}

func TestSinkCountsCopiesApart(t *testing.T) {
	s, err := NewSink()
	require.NoError(t, err)
	defer s.Stop()
	conn, err := grpc.NewClient(s.GRPCAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	require.NoError(t, err)
	defer conn.Close()
	client := ptraceotlp.NewGRPCClient(conn)
	ctx := context.Background()
	_, err = client.Export(ctx, ptraceotlp.NewExportRequestFromTraces(traces(1, 2, 3)))
	require.NoError(t, err)
	_, err = client.Export(ctx, ptraceotlp.NewExportRequestFromTraces(traces(3, 4)))
	require.NoError(t, err)

	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "svc")
	lr := rl.ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	lr.Body().SetStr("turn 1")
	body, err := plogotlp.NewExportRequestFromLogs(ld).MarshalProto()
	require.NoError(t, err)
	for range 2 {
		resp, err := http.Post(s.LokiEndpoint()+"/v1/logs", "application/x-protobuf", bytes.NewReader(body)) //nolint:noctx // test
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
	}

	c := s.Counts()
	assert.Equal(t, Counts{Spans: 5, Logs: 2, UniqueSpans: 4, UniqueLogs: 1}, c)
	assert.Equal(t, 1, c.DuplicateSpans())
	assert.Equal(t, 1, c.DuplicateLogs())
	n := 0
	s.ForEachSpan(func(svc string, _ ptrace.Span) {
		assert.Equal(t, "svc", svc)
		n++
	})
	assert.Equal(t, 5, n)
}

func TestSinkOutageAndRefusal(t *testing.T) {
	s, err := NewSink()
	require.NoError(t, err)
	defer s.Stop()
	conn, err := grpc.NewClient(s.GRPCAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	require.NoError(t, err)
	defer conn.Close()
	client := ptraceotlp.NewGRPCClient(conn)
	export := func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_, err := client.Export(ctx, ptraceotlp.NewExportRequestFromTraces(traces(9)))
		return err
	}
	s.Stop()
	s.Stop() // twice is safe
	require.Error(t, export(), "a stopped sink accepts nothing")
	require.NoError(t, s.Start())
	require.Eventually(t, func() bool { return export() == nil }, 10*time.Second, 100*time.Millisecond, "back on the same port")
	s.Refuse(assert.AnError)
	require.Error(t, export())
	s.Refuse(nil)
	require.NoError(t, export())
	assert.Equal(t, 2, s.Counts().Spans, "refused exports are not counted")
}

func TestPortsEnvNamesEveryListener(t *testing.T) {
	p, err := NewPorts()
	require.NoError(t, err)
	env := strings.Join(p.Env(), " ")
	for _, name := range []string{"OTLP_GRPC", "OTLP_HTTP", "CHAT_TRACE", "HEALTH", "METRICS", "PROMETHEUS", "PPROF", "ZPAGES"} {
		assert.Contains(t, env, "OTELCOL_"+name+"_PORT=")
	}
	seen := map[int]bool{}
	for _, port := range []int{p.OTLPGRPC, p.OTLPHTTP, p.ChatTrace, p.Health, p.Metrics, p.Prometheus, p.PProf, p.ZPages} {
		assert.False(t, seen[port], "port %d handed out twice", port)
		seen[port] = true
	}
}

func TestProcessOutputAndStop(t *testing.T) {
	p, err := Start(ProcessOptions{Bin: "/bin/sh", Args: []string{"-c", "echo ready; exec sleep 60"}})
	require.NoError(t, err)
	require.Eventually(t, func() bool { return strings.Contains(p.Output(), "ready") }, 10*time.Second, 20*time.Millisecond)
	took, clean := p.Stop(syscall.SIGTERM, 10*time.Second)
	assert.True(t, clean, "sleep exits on SIGTERM")
	assert.Less(t, took, 10*time.Second)
	exited, _ := p.Exited()
	assert.True(t, exited)

	_, err = Start(ProcessOptions{})
	require.Error(t, err)
}

func TestScrapeSumsByLabels(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("# TYPE calls_total counter\ncalls_total{status=\"ok\"} 3\ncalls_total{status=\"error\"} 2\n" +
			"# TYPE d histogram\nd_bucket{le=\"1\"} 4\nd_bucket{le=\"+Inf\"} 5\nd_sum 3\nd_count 5\n"))
	}))
	defer srv.Close()
	f, err := Scrape(context.Background(), srv.URL)
	require.NoError(t, err)
	assert.InDelta(t, 5.0, f.Sum("calls_total", nil), 0)
	assert.InDelta(t, 2.0, f.Sum("calls_total", map[string]string{"status": "error"}), 0)
	assert.InDelta(t, 5.0, f.Sum("d", nil), 0, "a histogram sums its sample count")
	_, err = ScrapeUntil(srv.URL, 300*time.Millisecond, func(f Families) bool { return f.Sum("calls_total", nil) > 100 })
	require.Error(t, err)
}
