// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package otlpguardextension // import "github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension"

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/encoding"
	"google.golang.org/grpc/mem"
	"google.golang.org/grpc/status"

	"github.com/otelcol-llm/otelcol-llm/extension/otlpguardextension/internal/otlpscan"
)

// GetGRPCServerOptions returns the options for the OTLP receiver's gRPC
// server: a codec that scans each export request before it decodes it, the
// interceptor that answers for the requests the codec refused, and the
// handshake timeout.
//
// A codec cannot choose the status of a call (gRPC answers Internal for any
// codec error), so the codec leaves a refused request undecoded and notes
// it; the interceptor, which runs after authentication, answers it with
// ResourceExhausted and the reason.
func (g *guard) GetGRPCServerOptions(context.Context) ([]grpc.ServerOption, error) {
	delegate := encoding.GetCodecV2("proto")
	if delegate == nil {
		return nil, errors.New("otlp_guard: no gRPC proto codec registered")
	}
	c := &scanCodec{delegate: delegate, guard: g}
	return []grpc.ServerOption{
		grpc.ForceServerCodecV2(c),
		grpc.ChainUnaryInterceptor(g.unaryInterceptor),
		grpc.ConnectionTimeout(g.cfg.GRPC.ConnectionTimeout),
	}, nil
}

func (g *guard) unaryInterceptor(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if err := g.refusals.take(req); err != nil {
		g.countRefused(ctx, err, "grpc")
		return nil, status.Error(codes.ResourceExhausted, err.Error())
	}
	return handler(ctx, req)
}

// protoUnmarshaler is what pdata's OTLP request messages implement.
type protoUnmarshaler interface {
	UnmarshalProto([]byte) error
}

// scanCodec scans OTLP export requests before decoding them and delegates
// everything else (and every response) to the registered proto codec.
type scanCodec struct {
	delegate encoding.CodecV2
	guard    *guard
}

func (c *scanCodec) Name() string { return c.delegate.Name() }

func (c *scanCodec) Marshal(v any) (mem.BufferSlice, error) { return c.delegate.Marshal(v) }

func (c *scanCodec) Unmarshal(data mem.BufferSlice, v any) error {
	sig := requestSignal(v)
	u, ok := v.(protoUnmarshaler)
	if sig == 0 || !ok {
		return c.delegate.Unmarshal(data, v)
	}
	buf := data.MaterializeToBuffer(mem.DefaultBufferPool())
	defer buf.Free()
	b := buf.ReadOnlyData()
	if _, err := otlpscan.Proto(sig, b, c.guard.limits); err != nil {
		if c.guard.refusals.add(v, err) {
			return nil // left empty; the interceptor answers
		}
		return err
	}
	return u.UnmarshalProto(b)
}

// requestSignal tells an OTLP export request message (pdata's own types,
// which are internal) by its type name; 0 for anything else.
func requestSignal(v any) otlpscan.Signal {
	t := reflect.TypeOf(v)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().PkgPath() != "go.opentelemetry.io/collector/pdata/internal" {
		return 0
	}
	switch t.Elem().Name() {
	case "ExportTraceServiceRequest":
		return otlpscan.Traces
	case "ExportLogsServiceRequest":
		return otlpscan.Logs
	case "ExportMetricsServiceRequest":
		return otlpscan.Metrics
	}
	return 0
}

const (
	// refusalTTL is how long a refused request waits for the interceptor.
	// One that never gets there (its call failed authentication first) is
	// forgotten after it.
	refusalTTL = 30 * time.Second
	// maxRefusals bounds the requests waiting; past it the codec fails the
	// call itself (status Internal, with the same reason).
	maxRefusals = 4096
)

// refusals are the requests the codec refused, by message, until the
// interceptor answers them.
type refusals struct {
	mu sync.Mutex
	m  map[any]refusal
}

type refusal struct {
	err error
	at  time.Time
}

func newRefusals() *refusals { return &refusals{m: map[any]refusal{}} }

func (r *refusals) add(msg any, err error) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := time.Now()
	if len(r.m) >= maxRefusals/16 {
		for k, v := range r.m {
			if now.Sub(v.at) > refusalTTL {
				delete(r.m, k)
			}
		}
	}
	if len(r.m) >= maxRefusals {
		return false
	}
	r.m[msg] = refusal{err: err, at: now}
	return true
}

func (r *refusals) take(msg any) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	ref, ok := r.m[msg]
	if !ok {
		return nil
	}
	delete(r.m, msg)
	return ref.err
}
