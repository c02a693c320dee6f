// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package sink is the benchmark's trace backend: an OTLP/gRPC server that
// counts the spans a collector exports, the root spans among them, and the
// latency from each span's end time (stamped by the generator at send time)
// to its arrival.
package sink // import "github.com/otelcol-llm/otelcol-llm/test/bench/internal/sink"

import (
	"context"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"
	_ "google.golang.org/grpc/encoding/gzip" // collectors may compress exports

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/load"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/otlpwire"
)

// Latency histogram: 100 µs buckets up to 30 s, then one overflow bucket.
const (
	bucketWidth = 100 * time.Microsecond
	numBuckets  = int(30*time.Second/bucketWidth) + 1
)

// Sink receives OTLP/gRPC trace exports.
type Sink struct {
	srv  *grpc.Server
	lis  net.Listener
	wg   sync.WaitGroup
	addr string

	spans, roots, requests, malformed atomic.Int64
	last                              atomic.Int64 // unix nanos of the last export
	mu                                sync.Mutex
	hist                              []int64
	sample                            []byte
}

// Start listens on addr (host:port, port 0 picks one).
func Start(addr string) (*Sink, error) {
	lis, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &Sink{lis: lis, addr: lis.Addr().String(), hist: make([]int64, numBuckets)}
	s.srv = grpc.NewServer(grpc.ForceServerCodec(load.RawCodec{}), grpc.MaxRecvMsgSize(512<<20))
	s.srv.RegisterService(&grpc.ServiceDesc{
		ServiceName: "opentelemetry.proto.collector.trace.v1.TraceService",
		HandlerType: (*any)(nil),
		Methods: []grpc.MethodDesc{{
			MethodName: "Export",
			Handler: func(_ any, _ context.Context, dec func(any) error, _ grpc.UnaryServerInterceptor) (any, error) {
				var body []byte
				if err := dec(&body); err != nil {
					return nil, err
				}
				s.consume(body)
				empty := []byte{}
				return &empty, nil
			},
		}},
	}, nil)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		_ = s.srv.Serve(lis)
	}()
	return s, nil
}

// Addr is the address the sink listens on.
func (s *Sink) Addr() string { return s.addr }

// Stop closes the listener and every connection.
func (s *Sink) Stop() {
	s.srv.Stop()
	s.wg.Wait()
}

func (s *Sink) consume(body []byte) {
	now := uint64(time.Now().UnixNano())
	var n, roots int64
	local := make(map[int]int64, 4)
	err := otlpwire.Walk(body, func(ref otlpwire.SpanRef) {
		n++
		if ref.Root {
			roots++
		}
		if ref.End >= 0 && ref.EndNanos <= now {
			b := int((now - ref.EndNanos) / uint64(bucketWidth))
			local[min(b, numBuckets-1)]++
		}
	})
	if err != nil {
		s.malformed.Add(1)
	}
	s.mu.Lock()
	for b, c := range local {
		s.hist[b] += c
	}
	if s.sample == nil {
		s.sample = append([]byte(nil), body...)
	}
	s.mu.Unlock()
	s.spans.Add(n)
	s.roots.Add(roots)
	s.requests.Add(1)
	s.last.Store(int64(now))
}

// Counts is a snapshot of what the sink received.
type Counts struct {
	Spans, Roots, Requests, Malformed int64
	// Last is when the last export arrived (zero when none).
	Last time.Time
}

// Counts returns the totals since Start or the last Reset.
func (s *Sink) Counts() Counts {
	c := Counts{Spans: s.spans.Load(), Roots: s.roots.Load(), Requests: s.requests.Load(), Malformed: s.malformed.Load()}
	if l := s.last.Load(); l != 0 {
		c.Last = time.Unix(0, l)
	}
	return c
}

// Reset zeroes the counters and the latency histogram.
func (s *Sink) Reset() {
	s.mu.Lock()
	clear(s.hist)
	s.sample = nil
	s.mu.Unlock()
	s.spans.Store(0)
	s.roots.Store(0)
	s.requests.Store(0)
	s.malformed.Store(0)
	s.last.Store(0)
}

// Sample returns the first export received since the last Reset (nil when
// none), for checking what the pipeline did to the data.
func (s *Sink) Sample() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sample
}

// Quantile returns the q-quantile (0 < q <= 1) of span latency since the
// last Reset, at 100 µs resolution; false when nothing was received.
func (s *Sink) Quantile(q float64) (time.Duration, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var total int64
	for _, c := range s.hist {
		total += c
	}
	if total == 0 {
		return 0, false
	}
	rank := int64(float64(total)*q + 0.5)
	rank = max(rank, 1)
	var seen int64
	for b, c := range s.hist {
		seen += c
		if seen >= rank {
			return time.Duration(b+1) * bucketWidth, true
		}
	}
	return time.Duration(numBuckets) * bucketWidth, true
}
