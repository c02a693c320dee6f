// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"context"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// testToken is the bearer token the end-to-end tests give the gateway. The
// tests also check it never appears in the collector's own output.
const testToken = "e2e-gateway-token-4f1c9a7d2b"

// gatewayEnv points config/gateway.yaml at the sink and a storage directory.
func gatewayEnv(sink *harness.Sink, storageDir string, extra ...string) []string {
	return append([]string{
		"OTELCOL_BEARER_TOKEN=" + testToken,
		"OTELCOL_STORAGE_DIR=" + storageDir,
		"JAEGER_OTLP_ENDPOINT=" + sink.GRPCAddr,
		"LOKI_OTLP_ENDPOINT=" + sink.LokiEndpoint(),
	}, extra...)
}

func configPath(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(repoRoot, "config", name))
	require.NoError(t, err)
	return p
}

// startGateway runs the binary with config/gateway.yaml (plus overlays) on
// free ports and waits until it is healthy.
func startGateway(t *testing.T, env []string, overlays ...string) *collector {
	t.Helper()
	return startGatewayOn(t, newPorts(t), env, overlays...)
}

// componentStatusGate is the feature gate the gateway's readiness endpoint
// (health_check/ready, component status) needs.
const componentStatusGate = "--feature-gates=+extension.healthcheck.useComponentStatus"

// startGatewayOn is startGateway on given ports (a restart on the same ones).
func startGatewayOn(t *testing.T, ports harness.Ports, env []string, overlays ...string) *collector {
	t.Helper()
	args := []string{"--config", configPath(t, "gateway.yaml"), componentStatusGate}
	for _, o := range overlays {
		args = append(args, "--config", o)
	}
	c := startCollector(t, ports, env, args...)
	c.waitHealthy()
	return c
}

// seqTraces builds n spans whose span ids encode the sequence numbers
// first..first+n-1, so the receiving side can tell lost from duplicated.
func seqTraces(first uint64, n int) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, "drill-app")
	ss := rs.ScopeSpans().AppendEmpty()
	now := time.Now()
	for i := range n {
		seq := first + uint64(i)
		s := ss.Spans().AppendEmpty()
		var tid [16]byte
		binary.BigEndian.PutUint64(tid[:8], 0xd7111)
		binary.BigEndian.PutUint64(tid[8:], seq)
		var sid [8]byte
		binary.BigEndian.PutUint64(sid[:], seq)
		s.SetTraceID(pcommon.TraceID(tid))
		s.SetSpanID(pcommon.SpanID(sid))
		s.SetName("chat gpt-4o-mini")
		s.SetKind(ptrace.SpanKindClient)
		s.SetStartTimestamp(pcommon.NewTimestampFromTime(now.Add(-time.Second)))
		s.SetEndTimestamp(pcommon.NewTimestampFromTime(now))
		a := s.Attributes()
		a.PutStr(genai.OperationName, genai.OpChat)
		a.PutStr(genai.RequestModel, "gpt-4o-mini")
		a.PutInt(genai.UsageInputTokens, 1000)
		a.PutInt(genai.UsageOutputTokens, 200)
	}
	return td
}

// seqOf reads the sequence number back from a span id.
func seqOf(s ptrace.Span) uint64 {
	id := s.SpanID()
	return binary.BigEndian.Uint64(id[:])
}

// deliveryReport compares what the sender had acknowledged with what reached
// the sink.
type deliveryReport struct {
	Sent, Delivered, Duplicated, Dropped int
}

func (r deliveryReport) String() string {
	return fmt.Sprintf("sent(acknowledged)=%d delivered=%d duplicated=%d dropped=%d", r.Sent, r.Delivered, r.Duplicated, r.Dropped)
}

func report(acked map[uint64]bool, sink *harness.Sink) deliveryReport {
	seen := map[uint64]int{}
	sink.ForEachSpan(func(_ string, s ptrace.Span) { seen[seqOf(s)]++ })
	r := deliveryReport{Sent: len(acked)}
	for seq, n := range seen {
		if acked[seq] {
			r.Delivered++
		}
		r.Duplicated += n - 1
	}
	r.Dropped = r.Sent - r.Delivered
	return r
}

// waitDelivered polls until every acknowledged span reached the sink.
func waitDelivered(t *testing.T, acked map[uint64]bool, sink *harness.Sink, within time.Duration) deliveryReport {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		r := report(acked, sink)
		if r.Dropped == 0 || time.Now().After(deadline) {
			return r
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// otlpSender sends numbered spans over OTLP/gRPC with the bearer token and
// records which ones the collector acknowledged.
type otlpSender struct {
	conn   *grpc.ClientConn
	client ptraceotlp.GRPCClient
	token  string

	mu     sync.Mutex
	next   uint64
	acked  map[uint64]bool
	errors map[string]int
}

func newOTLPSender(t *testing.T, endpoint, token string, opts ...grpc.DialOption) *otlpSender {
	t.Helper()
	if len(opts) == 0 {
		opts = []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	}
	conn, err := grpc.NewClient(endpoint, opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	return &otlpSender{conn: conn, client: ptraceotlp.NewGRPCClient(conn), token: token, acked: map[uint64]bool{}, errors: map[string]int{}}
}

// send exports one batch of n spans and returns the export error.
func (s *otlpSender) send(n int) error {
	return s.sendTraces(func(first uint64, n, _ int) ptrace.Traces { return seqTraces(first, n) }, n, 0)
}

// sendTraces exports one batch of n numbered spans built by mk (which gets
// the first sequence number, n and size).
func (s *otlpSender) sendTraces(mk func(first uint64, n, size int) ptrace.Traces, n, size int) error {
	s.mu.Lock()
	first := s.next
	s.next += uint64(n)
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if s.token != "" {
		ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+s.token)
	}
	_, err := s.client.Export(ctx, ptraceotlp.NewExportRequestFromTraces(mk(first, n, size)))
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.errors[grpcCode(err)]++
		return err
	}
	for i := range uint64(n) {
		s.acked[first+i] = true
	}
	return nil
}

// run sends a batch of n spans every interval until stop is closed.
func (s *otlpSender) run(n int, interval time.Duration, stop <-chan struct{}) {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
			_ = s.send(n)
		}
	}
}

// Acked returns a copy of the acknowledged sequence numbers.
func (s *otlpSender) Acked() map[uint64]bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[uint64]bool, len(s.acked))
	for k := range s.acked {
		out[k] = true
	}
	return out
}

// Errors returns how many exports failed, by gRPC status code.
func (s *otlpSender) Errors() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.errors {
		out[k] = v
	}
	return out
}
