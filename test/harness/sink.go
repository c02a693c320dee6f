// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package harness // import "github.com/otelcol-llm/otelcol-llm/test/harness"

import (
	"compress/gzip"
	"context"
	"encoding/binary"
	"hash/fnv"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	_ "google.golang.org/grpc/encoding/gzip" // OTLP exporters compress with gzip by default
)

// Sink stands in for Jaeger (OTLP gRPC or HTTP traces) and Loki (OTLP HTTP
// logs at /otlp/v1/logs, or OTLP gRPC logs): both ingest plain OTLP. It keeps
// everything it receives, counts it with duplicates told apart, and can be
// stopped and started again on the same ports to play a backend outage.
type Sink struct {
	// GRPCAddr and HTTPAddr are where the sink listens (127.0.0.1:port).
	GRPCAddr, HTTPAddr string

	mu        sync.Mutex
	traces    []ptrace.Traces
	logs      []plog.Logs
	spanSeen  map[[24]byte]int
	logSeen   map[uint64]int
	spans     int
	logCount  int
	refuse    error // when set, every export is answered with it
	serving   bool
	stopServe func()
}

// NewSink reserves two loopback ports and starts serving on them.
func NewSink() (*Sink, error) {
	g, err := FreeAddr()
	if err != nil {
		return nil, err
	}
	h, err := FreeAddr()
	if err != nil {
		return nil, err
	}
	s := &Sink{GRPCAddr: g, HTTPAddr: h, spanSeen: map[[24]byte]int{}, logSeen: map[uint64]int{}}
	return s, s.Start()
}

// LokiEndpoint is the base URL the otlp_http exporter is given for Loki.
func (s *Sink) LokiEndpoint() string { return "http://" + s.HTTPAddr + "/otlp" }

// Start (re)opens both listeners on the sink's ports.
func (s *Sink) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.serving {
		return nil
	}
	gl, err := listenRetry(s.GRPCAddr)
	if err != nil {
		return err
	}
	hl, err := listenRetry(s.HTTPAddr)
	if err != nil {
		gl.Close()
		return err
	}
	grpcSrv := grpc.NewServer(grpc.MaxRecvMsgSize(256 << 20))
	ptraceotlp.RegisterGRPCServer(grpcSrv, &traceServer{s: s})
	plogotlp.RegisterGRPCServer(grpcSrv, &logServer{s: s})
	mux := http.NewServeMux()
	mux.HandleFunc("/otlp/v1/logs", s.handleLogs)
	mux.HandleFunc("/v1/logs", s.handleLogs)
	mux.HandleFunc("/v1/traces", s.handleTraces)
	httpSrv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); _ = grpcSrv.Serve(gl) }()
	go func() { defer wg.Done(); _ = httpSrv.Serve(hl) }()
	s.serving = true
	s.stopServe = func() {
		grpcSrv.Stop()
		_ = httpSrv.Close()
		wg.Wait()
	}
	return nil
}

// listenRetry listens on addr, waiting a little for a port just released.
func listenRetry(addr string) (net.Listener, error) {
	var err error
	for range 50 {
		var l net.Listener
		if l, err = net.Listen("tcp", addr); err == nil {
			return l, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, err
}

// Stop closes both listeners and every open connection (a backend outage).
// Safe to call when stopped.
func (s *Sink) Stop() {
	s.mu.Lock()
	stop := s.stopServe
	s.serving, s.stopServe = false, nil
	s.mu.Unlock()
	if stop != nil {
		stop()
	}
}

// Refuse makes every export fail with err (nil: accept again), to play a
// backend that is up but refusing.
func (s *Sink) Refuse(err error) {
	s.mu.Lock()
	s.refuse = err
	s.mu.Unlock()
}

func (s *Sink) refusal() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refuse
}

func (s *Sink) addTraces(td ptrace.Traces) {
	cp := ptrace.NewTraces()
	td.CopyTo(cp)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.traces = append(s.traces, cp)
	forEachSpan(cp, func(_ int, span ptrace.Span) {
		var k [24]byte
		tid, sid := span.TraceID(), span.SpanID()
		copy(k[:16], tid[:])
		copy(k[16:], sid[:])
		s.spanSeen[k]++
		s.spans++
	})
}

func (s *Sink) addLogs(ld plog.Logs) {
	cp := plog.NewLogs()
	ld.CopyTo(cp)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.logs = append(s.logs, cp)
	forEachLog(cp, func(lr plog.LogRecord) {
		s.logSeen[logKey(lr)]++
		s.logCount++
	})
}

// logKey identifies a log record for counting duplicates: its ids, times,
// severity and body.
func logKey(lr plog.LogRecord) uint64 {
	h := fnv.New64a()
	tid, sid := lr.TraceID(), lr.SpanID()
	h.Write(tid[:])
	h.Write(sid[:])
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(lr.Timestamp()))
	h.Write(b[:])
	binary.LittleEndian.PutUint64(b[:], uint64(lr.ObservedTimestamp()))
	h.Write(b[:])
	h.Write([]byte(lr.SeverityText()))
	h.Write([]byte(lr.Body().AsString()))
	return h.Sum64()
}

// Counts is a snapshot of what the sink received.
type Counts struct {
	// Spans and Logs count every item received, copies included.
	Spans, Logs int
	// UniqueSpans (by trace and span id) and UniqueLogs (by ids, times,
	// severity and body) count each item once.
	UniqueSpans, UniqueLogs int
}

// DuplicateSpans is how many spans arrived more than once (the extra copies).
func (c Counts) DuplicateSpans() int { return c.Spans - c.UniqueSpans }

// DuplicateLogs is how many log records arrived more than once.
func (c Counts) DuplicateLogs() int { return c.Logs - c.UniqueLogs }

// Counts returns what has arrived so far.
func (s *Sink) Counts() Counts {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Counts{Spans: s.spans, Logs: s.logCount, UniqueSpans: len(s.spanSeen), UniqueLogs: len(s.logSeen)}
}

// Traces returns the received trace batches, in order of arrival.
func (s *Sink) Traces() []ptrace.Traces {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ptrace.Traces(nil), s.traces...)
}

// Logs returns the received log batches, in order of arrival.
func (s *Sink) Logs() []plog.Logs {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]plog.Logs(nil), s.logs...)
}

// ForEachSpan calls fn for every received span (copies included) with the
// service.name of its resource.
func (s *Sink) ForEachSpan(fn func(service string, span ptrace.Span)) {
	for _, td := range s.Traces() {
		rss := td.ResourceSpans()
		for i := 0; i < rss.Len(); i++ {
			svc, _ := rss.At(i).Resource().Attributes().Get("service.name")
			sss := rss.At(i).ScopeSpans()
			for j := 0; j < sss.Len(); j++ {
				spans := sss.At(j).Spans()
				for k := 0; k < spans.Len(); k++ {
					fn(svc.AsString(), spans.At(k))
				}
			}
		}
	}
}

// ForEachLog calls fn for every received log record with the service.name
// of its resource.
func (s *Sink) ForEachLog(fn func(service string, lr plog.LogRecord)) {
	for _, ld := range s.Logs() {
		rls := ld.ResourceLogs()
		for i := 0; i < rls.Len(); i++ {
			svc, _ := rls.At(i).Resource().Attributes().Get("service.name")
			sls := rls.At(i).ScopeLogs()
			for j := 0; j < sls.Len(); j++ {
				lrs := sls.At(j).LogRecords()
				for k := 0; k < lrs.Len(); k++ {
					fn(svc.AsString(), lrs.At(k))
				}
			}
		}
	}
}

func forEachSpan(td ptrace.Traces, fn func(int, ptrace.Span)) {
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		sss := rss.At(i).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			spans := sss.At(j).Spans()
			for k := 0; k < spans.Len(); k++ {
				fn(i, spans.At(k))
			}
		}
	}
}

func forEachLog(ld plog.Logs, fn func(plog.LogRecord)) {
	rls := ld.ResourceLogs()
	for i := 0; i < rls.Len(); i++ {
		sls := rls.At(i).ScopeLogs()
		for j := 0; j < sls.Len(); j++ {
			lrs := sls.At(j).LogRecords()
			for k := 0; k < lrs.Len(); k++ {
				fn(lrs.At(k))
			}
		}
	}
}

// readBody reads an OTLP/HTTP request body, gunzipping it when it says so.
func readBody(r *http.Request) ([]byte, error) {
	var rd io.Reader = r.Body
	if r.Header.Get("Content-Encoding") == "gzip" {
		gz, err := gzip.NewReader(r.Body)
		if err != nil {
			return nil, err
		}
		defer gz.Close()
		rd = gz
	}
	return io.ReadAll(rd)
}

type unmarshaler interface {
	UnmarshalJSON([]byte) error
	UnmarshalProto([]byte) error
}

func decodeHTTP(w http.ResponseWriter, r *http.Request, req unmarshaler) bool {
	body, err := readBody(r)
	if err == nil {
		if r.Header.Get("Content-Type") == "application/json" {
			err = req.UnmarshalJSON(body)
		} else {
			err = req.UnmarshalProto(body)
		}
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return false
	}
	return true
}

func (s *Sink) handleLogs(w http.ResponseWriter, r *http.Request) {
	if err := s.refusal(); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	req := plogotlp.NewExportRequest()
	if !decodeHTTP(w, r, &req) {
		return
	}
	s.addLogs(req.Logs())
	out, _ := plogotlp.NewExportResponse().MarshalProto()
	w.Header().Set("Content-Type", "application/x-protobuf")
	_, _ = w.Write(out)
}

func (s *Sink) handleTraces(w http.ResponseWriter, r *http.Request) {
	if err := s.refusal(); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	req := ptraceotlp.NewExportRequest()
	if !decodeHTTP(w, r, &req) {
		return
	}
	s.addTraces(req.Traces())
	out, _ := ptraceotlp.NewExportResponse().MarshalProto()
	w.Header().Set("Content-Type", "application/x-protobuf")
	_, _ = w.Write(out)
}

type traceServer struct {
	ptraceotlp.UnimplementedGRPCServer
	s *Sink
}

func (ts *traceServer) Export(_ context.Context, req ptraceotlp.ExportRequest) (ptraceotlp.ExportResponse, error) {
	if err := ts.s.refusal(); err != nil {
		return ptraceotlp.NewExportResponse(), err
	}
	ts.s.addTraces(req.Traces())
	return ptraceotlp.NewExportResponse(), nil
}

type logServer struct {
	plogotlp.UnimplementedGRPCServer
	s *Sink
}

func (ls *logServer) Export(_ context.Context, req plogotlp.ExportRequest) (plogotlp.ExportResponse, error) {
	if err := ls.s.refusal(); err != nil {
		return plogotlp.NewExportResponse(), err
	}
	ls.s.addLogs(req.Logs())
	return plogotlp.NewExportResponse(), nil
}
