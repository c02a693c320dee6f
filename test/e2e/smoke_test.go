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

	dto "github.com/prometheus/client_model/go"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

const (
	selfMetricsURL = "http://localhost:8888/metrics"
	healthURL      = "http://localhost:13133/"
)

var defaultPorts = []int{4317, 4318, 8888, 8889, 13133}

// TestSmokeDefaultConfig starts the binary with config/default.yaml, sends
// GenAI spans over OTLP/HTTP and OTLP/gRPC, and checks that the collector's
// own metrics report exactly those spans accepted and exported.
func TestSmokeDefaultConfig(t *testing.T) {
	cfg, err := filepath.Abs(filepath.Join(repoRoot, "config", "default.yaml"))
	require.NoError(t, err)
	c := startCollector(t, nil, defaultPorts, "--config", cfg)
	c.waitHealthy(healthURL)

	const httpSpans, grpcSpans = 3, 4
	sendOTLPHTTP(t, "http://localhost:4318/v1/traces", genAITraces(httpSpans, "http"))
	sendOTLPGRPC(t, "localhost:4317", genAITraces(grpcSpans, "grpc"))

	eventually(t, selfMetricsURL, "accepted and exported spans", func(m map[string]*dto.MetricFamily) bool {
		return sumSamples(m, "otelcol_receiver_accepted_spans", map[string]string{"receiver": "otlp", "transport": "http"}) == httpSpans &&
			sumSamples(m, "otelcol_receiver_accepted_spans", map[string]string{"receiver": "otlp", "transport": "grpc"}) == grpcSpans &&
			// Everything accepted (OTLP and the example chat histories) is exported.
			sumSamples(m, "otelcol_exporter_sent_spans", map[string]string{"exporter": "debug"}) == sumSamples(m, "otelcol_receiver_accepted_spans", nil) &&
			sumSamples(m, "otelcol_receiver_accepted_spans", map[string]string{"receiver": "chat_trace"}) > 0
	})
	m, err := scrape(context.Background(), selfMetricsURL)
	require.NoError(t, err)
	require.Zero(t, sumSamples(m, "otelcol_receiver_refused_spans", nil), "no span may be refused")

	// span_metrics_llm between the traces and the metrics pipeline, read from
	// the prometheus exporter: the 7 calls, plus the example chat histories'
	// turns (service halo-core), priced by llm_cost.
	eventually(t, "http://localhost:8889/metrics", "LLM metrics from the connector", func(m map[string]*dto.MetricFamily) bool {
		return sumSamples(m, "gen_ai_client_calls_total", map[string]string{"service_name": "smoke-chat-app"}) == httpSpans+grpcSpans &&
			sumSamples(m, "gen_ai_client_tokens_total", map[string]string{"service_name": "smoke-chat-app", "gen_ai_token_type": "input"}) == 812*(httpSpans+grpcSpans) &&
			sumSamples(m, "gen_ai_client_cost_total", map[string]string{"service_name": "smoke-chat-app"}) > 0 &&
			sumSamples(m, "gen_ai_client_calls_total", map[string]string{"service_name": "halo-core"}) > 0
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
