// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"bytes"
	"context"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// TestSmokeDefaultConfig starts the binary with config/default.yaml, sends
// GenAI spans over OTLP/HTTP and OTLP/gRPC, and checks that the collector's
// own metrics report exactly those spans accepted and exported.
func TestSmokeDefaultConfig(t *testing.T) {
	cfg, err := filepath.Abs(filepath.Join(repoRoot, "config", "default.yaml"))
	require.NoError(t, err)
	c := startCollector(t, newPorts(t), nil, "--config", cfg)
	c.waitHealthy()

	const httpSpans, grpcSpans = 3, 4
	sendOTLPHTTP(t, c.otlpTraces(), genAITraces(httpSpans, "http"))
	sendOTLPGRPC(t, c.otlpGRPC(), genAITraces(grpcSpans, "grpc"))

	eventually(t, c.selfMetrics(), "accepted and exported spans", func(m harness.Families) bool {
		return m.Sum("otelcol_receiver_accepted_spans", map[string]string{"receiver": "otlp", "transport": "http"}) == httpSpans &&
			m.Sum("otelcol_receiver_accepted_spans", map[string]string{"receiver": "otlp", "transport": "grpc"}) == grpcSpans &&
			// Everything accepted (OTLP and the example chat histories) is exported.
			m.Sum("otelcol_exporter_sent_spans", map[string]string{"exporter": "debug"}) == m.Sum("otelcol_receiver_accepted_spans", nil) &&
			m.Sum("otelcol_receiver_accepted_spans", map[string]string{"receiver": "chat_trace"}) > 0
	})
	m := scrape(t, c.selfMetrics())
	require.Zero(t, m.Sum("otelcol_receiver_refused_spans", nil), "no span may be refused")

	// span_metrics_llm between the traces and the metrics pipeline, read from
	// the prometheus exporter: the 7 calls, plus the example chat histories'
	// turns (service halo-core), priced by llm_cost.
	eventually(t, c.llmMetrics(), "LLM metrics from the connector", func(m harness.Families) bool {
		return m.Sum("otelcol_llm_calls_total", map[string]string{"service_name": "smoke-chat-app"}) == httpSpans+grpcSpans &&
			m.Sum("otelcol_llm_tokens_total", map[string]string{"service_name": "smoke-chat-app", "gen_ai_token_type": "input"}) == 812*(httpSpans+grpcSpans) &&
			m.Sum("otelcol_llm_cost_total", map[string]string{"service_name": "smoke-chat-app"}) > 0 &&
			m.Sum("otelcol_llm_calls_total", map[string]string{"service_name": "halo-core"}) > 0
	})
}

// genAITraces builds n chat spans as an OpenTelemetry GenAI instrumentation
// would send them.
func genAITraces(n int, tag string) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, "smoke-chat-app")
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName("opentelemetry.instrumentation.openai_v2")
	now := time.Now()
	for i := range n {
		s := ss.Spans().AppendEmpty()
		s.SetTraceID(pcommon.TraceID([16]byte{1, byte(i), 'e', '2', 'e', tag[0]}))
		s.SetSpanID(pcommon.SpanID([8]byte{2, byte(i), tag[0]}))
		s.SetName("chat gpt-4o-mini")
		s.SetKind(ptrace.SpanKindClient)
		s.SetStartTimestamp(pcommon.NewTimestampFromTime(now.Add(-1500 * time.Millisecond)))
		s.SetEndTimestamp(pcommon.NewTimestampFromTime(now))
		a := s.Attributes()
		a.PutStr(genai.OperationName, genai.OpChat)
		a.PutStr(genai.ProviderName, "openai")
		a.PutStr(genai.RequestModel, "gpt-4o-mini")
		a.PutStr(genai.ResponseModel, "gpt-4o-mini-2024-07-18")
		a.PutInt(genai.UsageInputTokens, 812)
		a.PutInt(genai.UsageOutputTokens, 164)
		a.PutStr(genai.ConversationID, "smoke-"+tag)
	}
	return td
}

func sendOTLPHTTP(t *testing.T, url string, td ptrace.Traces) {
	t.Helper()
	body, err := ptraceotlp.NewExportRequestFromTraces(td).MarshalProto()
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-protobuf")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
}

func sendOTLPGRPC(t *testing.T, endpoint string, td ptrace.Traces) {
	t.Helper()
	conn, err := grpc.NewClient(endpoint, grpc.WithTransportCredentials(insecure.NewCredentials()))
	require.NoError(t, err)
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = ptraceotlp.NewGRPCClient(conn).Export(ctx, ptraceotlp.NewExportRequestFromTraces(td))
	require.NoError(t, err)
}
