// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"compress/gzip"
	"context"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	_ "google.golang.org/grpc/encoding/gzip" // OTLP exporters compress with gzip by default
)

// otlpSink stands in for Jaeger (OTLP gRPC traces) and Loki (OTLP HTTP logs
// at /otlp/v1/logs): both ingest plain OTLP. It keeps everything it receives
// and can be stopped and restarted on the same ports to play a backend
// outage.
type otlpSink struct {
	t        *testing.T
	grpcAddr string
	httpAddr string

	mu       sync.Mutex
	traces   []ptrace.Traces
	logs     []plog.Logs
	grpcSrv  *grpc.Server
	httpSrv  *http.Server
	stopOnce func()
}

// newOTLPSink reserves two loopback ports and starts serving on them.
func newOTLPSink(t *testing.T) *otlpSink {
	t.Helper()
	s := &otlpSink{t: t, grpcAddr: freeAddr(t), httpAddr: freeAddr(t)}
	s.start()
	t.Cleanup(s.stop)
	return s
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return addr
}

// start (re)opens both listeners.
func (s *otlpSink) start() {
	s.t.Helper()
	var gl, hl net.Listener
	var err error
	// A port just released may take a moment to be reusable.
	for i := 0; i < 50; i++ {
		if gl, err = net.Listen("tcp", s.grpcAddr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	require.NoError(s.t, err)
	for i := 0; i < 50; i++ {
		if hl, err = net.Listen("tcp", s.httpAddr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	require.NoError(s.t, err)

	s.grpcSrv = grpc.NewServer()
	ptraceotlp.RegisterGRPCServer(s.grpcSrv, &traceServer{s: s})
	plogotlp.RegisterGRPCServer(s.grpcSrv, &logServer{s: s})
	mux := http.NewServeMux()
	mux.HandleFunc("/otlp/v1/logs", s.handleLogs)
	mux.HandleFunc("/v1/logs", s.handleLogs)
	s.httpSrv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); _ = s.grpcSrv.Serve(gl) }()
	go func() { defer wg.Done(); _ = s.httpSrv.Serve(hl) }()
	s.stopOnce = sync.OnceFunc(func() {
		s.grpcSrv.Stop()
		_ = s.httpSrv.Close()
		wg.Wait()
	})
}

// stop closes both listeners and every open connection (a backend outage).
func (s *otlpSink) stop() { s.stopOnce() }

func (s *otlpSink) handleLogs(w http.ResponseWriter, r *http.Request) {
	var rd io.Reader = r.Body
	if r.Header.Get("Content-Encoding") == "gzip" {
		gz, err := gzip.NewReader(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		defer gz.Close()
		rd = gz
	}
	body, err := io.ReadAll(rd)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	req := plogotlp.NewExportRequest()
	if r.Header.Get("Content-Type") == "application/json" {
		err = req.UnmarshalJSON(body)
	} else {
		err = req.UnmarshalProto(body)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.addLogs(req.Logs())
	out, _ := plogotlp.NewExportResponse().MarshalProto()
	w.Header().Set("Content-Type", "application/x-protobuf")
	_, _ = w.Write(out)
}

func (s *otlpSink) addLogs(ld plog.Logs) {
	cp := plog.NewLogs()
	ld.CopyTo(cp)
	s.mu.Lock()
	s.logs = append(s.logs, cp)
	s.mu.Unlock()
}

// Traces returns a copy of the list of received trace batches.
func (s *otlpSink) Traces() []ptrace.Traces {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ptrace.Traces(nil), s.traces...)
}

// Logs returns a copy of the list of received log batches.
func (s *otlpSink) Logs() []plog.Logs {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]plog.Logs(nil), s.logs...)
}

// forEachSpan calls fn for every received span.
func (s *otlpSink) forEachSpan(fn func(ptrace.Span)) {
	for _, td := range s.Traces() {
		rss := td.ResourceSpans()
		for i := 0; i < rss.Len(); i++ {
			sss := rss.At(i).ScopeSpans()
			for j := 0; j < sss.Len(); j++ {
				spans := sss.At(j).Spans()
				for k := 0; k < spans.Len(); k++ {
					fn(spans.At(k))
				}
			}
		}
	}
}

// SpanCount and LogCount count received items.
func (s *otlpSink) SpanCount() int {
	n := 0
	for _, td := range s.Traces() {
		n += td.SpanCount()
	}
	return n
}

func (s *otlpSink) LogCount() int {
	n := 0
	for _, ld := range s.Logs() {
		n += ld.LogRecordCount()
	}
	return n
}

type traceServer struct {
	ptraceotlp.UnimplementedGRPCServer
	s *otlpSink
}

func (ts *traceServer) Export(_ context.Context, req ptraceotlp.ExportRequest) (ptraceotlp.ExportResponse, error) {
	cp := ptrace.NewTraces()
	req.Traces().CopyTo(cp)
	ts.s.mu.Lock()
	ts.s.traces = append(ts.s.traces, cp)
	ts.s.mu.Unlock()
	return ptraceotlp.NewExportResponse(), nil
}

type logServer struct {
	plogotlp.UnimplementedGRPCServer
	s *otlpSink
}

func (ls *logServer) Export(_ context.Context, req plogotlp.ExportRequest) (plogotlp.ExportResponse, error) {
	ls.s.addLogs(req.Logs())
	return plogotlp.NewExportResponse(), nil
}
