// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// TestDrillSidecarKilledCountedOnce: the app sends to a sidecar, which
// forwards to a gateway; the sidecar is killed with SIGKILL mid-stream and
// restarted on the same storage. Everything the sidecar acknowledged reaches
// the backend (at least once: what was sent but not yet removed from its
// persistent queue goes again), and the gateway's metrics count each span
// once, whatever was redelivered: calls are the distinct spans, and every
// copy the backend got is a duplicate the connector dropped.
func TestDrillSidecarKilledCountedOnce(t *testing.T) {
	sink := newSink(t)
	gw := startGateway(t, gatewayEnv(sink, t.TempDir()))
	storage := t.TempDir()
	// sidecarEnv forwards to the sink; this sidecar forwards to the gateway
	// (the last value of a variable is the one a process sees).
	env := append(sidecarEnv(sink, t.TempDir(), storage), "OTELCOL_GATEWAY_ENDPOINT="+gw.otlpGRPC())
	ports := newPorts(t)
	first := startSidecarOn(t, ports, env)
	s := newOTLPSender(t, first.otlpGRPC(), testToken)

	stop, done := make(chan struct{}), make(chan struct{})
	go func() { s.run(200, 10*time.Millisecond, stop); close(done) }()
	time.Sleep(3 * time.Second)
	first.stop(syscall.SIGKILL)
	close(stop)
	<-done
	acked := s.Acked()
	require.NotEmpty(t, acked)

	startSidecarOn(t, ports, env)
	r := waitDelivered(t, acked, sink, 60*time.Second)
	require.Positive(t, r.Sent)
	require.Zero(t, r.Dropped, "spans the sidecar acknowledged before SIGKILL lost: %v", r)

	// Distinct spans at the backend: the acknowledged ones, and any sent
	// but unacknowledged when the sidecar died that still got through.
	seen := map[uint64]bool{}
	sink.ForEachSpan(func(_ string, sp ptrace.Span) { seen[seqOf(sp)] = true })
	distinct := len(seen)
	svc := map[string]string{"service_name": "drill-app"}
	m := eventually(t, gw.llmMetrics(), "calls of the distinct spans", func(f harness.Families) bool {
		return f.Sum("otelcol_llm_calls_total", svc) == float64(distinct)
	})
	self := scrape(t, gw.selfMetrics())
	dups := self.Sum("otelcol_connector_span_metrics_llm_duplicate_spans", nil)
	assert.Equal(t, float64(sink.Counts().DuplicateSpans()), dups, "every copy the backend got was dropped by the connector")
	assert.Equal(t, float64(distinct)*1000, m.Sum("otelcol_llm_tokens_total", map[string]string{"service_name": "drill-app", "gen_ai_token_type": "input"}))
	drillLog(t, "sidecar-sigkill-restart", r, fmt.Sprintf("distinct at the backend %d; metrics counted %v calls; connector dropped %v duplicates; export errors seen by the app: %v",
		distinct, m.Sum("otelcol_llm_calls_total", svc), dups, s.Errors()))
}
