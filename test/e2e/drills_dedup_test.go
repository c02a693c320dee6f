// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc/metadata"

	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// TestDrillRedeliveryCountedOnce: an at-least-once sender (a sidecar's
// persistent queue after a crash, an SDK retrying an export whose answer it
// lost) sends a batch again, and a later batch overlaps it. Traces reach the
// backend as often as they are sent; the gateway's metrics count each span
// once: calls, tokens and cost are those of the distinct spans, and the
// copies are counted as duplicates in the connector's own telemetry.
func TestDrillRedeliveryCountedOnce(t *testing.T) {
	sink := newSink(t)
	gw := startGateway(t, gatewayEnv(sink, t.TempDir()))
	s := newOTLPSender(t, gw.otlpGRPC(), testToken)
	export := func(td ptrace.Traces) {
		ctx, cancel := context.WithTimeout(metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+testToken), 10*time.Second)
		defer cancel()
		_, err := s.client.Export(ctx, ptraceotlp.NewExportRequestFromTraces(td))
		require.NoError(t, err)
	}
	first := seqTraces(1, 50)    // spans 1..50
	overlap := seqTraces(26, 50) // spans 26..75: 25 seen, 25 new
	export(first)
	export(first) // the retry
	export(overlap)

	const distinct, copies = 75, 75
	m := eventually(t, gw.llmMetrics(), "calls of the distinct spans", func(f harness.Families) bool {
		return f.Sum("otelcol_llm_calls_total", map[string]string{"service_name": "drill-app"}) == distinct
	})
	svc := map[string]string{"service_name": "drill-app"}
	assert.Equal(t, distinct*1000.0, m.Sum("otelcol_llm_tokens_total", map[string]string{"service_name": "drill-app", "gen_ai_token_type": "input"}))
	assert.Equal(t, distinct*200.0, m.Sum("otelcol_llm_tokens_total", map[string]string{"service_name": "drill-app", "gen_ai_token_type": "output"}))
	// gpt-4o-mini: 1000 × 0.15 + 200 × 0.60 per 1M tokens, per span.
	assert.InDelta(t, distinct*(1000*0.15+200*0.60)/1e6, m.Sum("otelcol_llm_cost_total", svc), 1e-12)
	assert.Equal(t, float64(distinct), m.Sum("otelcol_llm_turns_total", svc))

	self := eventually(t, gw.selfMetrics(), "duplicates counted", func(f harness.Families) bool {
		return f.Sum("otelcol_connector_span_metrics_llm_duplicate_spans", nil) == copies
	})
	assert.Equal(t, float64(distinct), self.Sum("otelcol_connector_span_metrics_llm_spans", nil))

	// The traces backend got every copy (at least once, as documented).
	require.Eventually(t, func() bool { return sink.Counts().Spans == distinct+copies }, 30*time.Second, 100*time.Millisecond,
		"spans at the backend: %+v", sink.Counts())
	assert.Equal(t, copies, sink.Counts().DuplicateSpans())
	t.Logf("redelivery drill: %d spans sent, %d distinct; backend received %+v; metrics counted %v calls",
		distinct+copies, distinct, sink.Counts(), m.Sum("otelcol_llm_calls_total", svc))
}
