// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"context"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc/metadata"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// generationTraces is one agent turn as an instrumentation writes it with
// the names of one generation of the GenAI conventions: an invoke_agent
// root, a streamed chat call with cache reads and writes, a tool call and
// a RAG retrieval. v1.41 names (and the pre-1.37 aliases instrumentations
// still send beside them) or the newest ones (cache_write instead of
// cache_creation); the same numbers.
func generationTraces(service string, newest bool) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, service)
	ss := rs.ScopeSpans().AppendEmpty().Spans()
	end := time.Now()
	var trace [16]byte
	copy(trace[:], service)
	add := func(n byte, parent pcommon.SpanID, dur time.Duration, attrs map[string]any) ptrace.Span {
		s := ss.AppendEmpty()
		s.SetTraceID(pcommon.TraceID(trace))
		s.SetSpanID(pcommon.SpanID{n, byte(len(service))})
		s.SetParentSpanID(parent)
		s.SetStartTimestamp(pcommon.NewTimestampFromTime(end.Add(-dur)))
		s.SetEndTimestamp(pcommon.NewTimestampFromTime(end))
		if err := s.Attributes().FromRaw(attrs); err != nil {
			panic(err)
		}
		return s
	}
	root := add(1, pcommon.SpanID{}, 3*time.Second, map[string]any{genai.OperationName: genai.OpInvokeAgent, genai.AgentName: "planner"})
	chat := map[string]any{
		genai.OperationName: genai.OpChat, genai.AgentName: "planner", genai.RequestModel: "claude-sonnet-4-5",
		genai.UsageInputTokens: 2000, genai.UsageOutputTokens: 400, genai.UsageCacheRead: 1200,
		genai.TimeToFirstChunk: 0.6, genai.RequestStream: true,
	}
	if newest {
		chat[genai.ProviderName] = "anthropic"
		chat[genai.UsageCacheWrite] = 300
	} else {
		chat["gen_ai.system"] = "anthropic"
		chat[genai.UsageCacheCreation] = 300
	}
	add(2, root.SpanID(), 2*time.Second, chat)
	add(3, root.SpanID(), 300*time.Millisecond, map[string]any{genai.OperationName: genai.OpExecuteTool, genai.ToolName: "search", genai.AgentName: "planner"})
	add(4, root.SpanID(), 150*time.Millisecond, map[string]any{genai.OperationName: genai.OpRetrieval, genai.AgentName: "planner", genai.ProviderName: "pinecone"})
	return td
}

// series renders a scrape's samples of services as name{labels} value
// lines, the service (and job) label replaced by SERVICE, sorted.
func series(f harness.Families, service string) []string {
	var out []string
	for name, fam := range f {
		for _, m := range fam.GetMetric() {
			if !harness.HasLabels(m, map[string]string{"service_name": service}) {
				continue
			}
			var labels []string
			for _, l := range m.GetLabel() {
				v := l.GetValue()
				if l.GetName() == "service_name" || l.GetName() == "job" {
					v = "SERVICE"
				}
				labels = append(labels, l.GetName()+"="+v)
			}
			sort.Strings(labels)
			out = append(out, name+"{"+strings.Join(labels, ",")+"} "+value(fam.GetType(), m))
		}
	}
	sort.Strings(out)
	return out
}

func value(t dto.MetricType, m *dto.Metric) string {
	switch t {
	case dto.MetricType_COUNTER:
		return formatFloat(m.GetCounter().GetValue())
	case dto.MetricType_HISTOGRAM:
		var b []string
		for _, x := range m.GetHistogram().GetBucket() {
			b = append(b, formatFloat(float64(x.GetCumulativeCount())))
		}
		return formatFloat(float64(m.GetHistogram().GetSampleCount())) + " " + formatFloat(m.GetHistogram().GetSampleSum()) + " [" + strings.Join(b, " ") + "]"
	}
	return formatFloat(m.GetGauge().GetValue())
}

// TestConventionGenerations: the same turn written with v1.41's names and
// with the newest ones gives the same metrics through the built gateway, in
// both output conventions; with semantic_conventions: development the
// metrics carry the newest names, and legacy_metric_names keeps the old
// names of our own series beside the new ones.
func TestConventionGenerations(t *testing.T) {
	sink := newSink(t)
	dev, err := filepath.Abs(filepath.Join("testdata", "development-conventions.yaml"))
	require.NoError(t, err)
	for _, tc := range []struct {
		name     string
		overlays []string
	}{{"v1.41", nil}, {"development", []string{dev}}} {
		t.Run(tc.name, func(t *testing.T) {
			gw := startGateway(t, gatewayEnv(sink, t.TempDir()), tc.overlays...)
			s := newOTLPSender(t, gw.otlpGRPC(), testToken)
			ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+testToken)
			for _, svc := range []struct {
				name   string
				newest bool
			}{{"gen-v141", false}, {"gen-newest", true}} {
				_, err := s.client.Export(ctx, ptraceotlp.NewExportRequestFromTraces(generationTraces(svc.name, svc.newest)))
				require.NoError(t, err)
			}
			m := eventually(t, gw.llmMetrics(), "both generations counted", func(m harness.Families) bool {
				return m.Sum("otelcol_llm_calls_total", map[string]string{"service_name": "gen-v141"}) == 4 &&
					m.Sum("otelcol_llm_calls_total", map[string]string{"service_name": "gen-newest"}) == 4
			})
			old, newest := series(m, "gen-v141"), series(m, "gen-newest")
			require.NotEmpty(t, old)
			assert.Equal(t, old, newest, "the same metrics from either generation of names")
			cw := map[string]string{"service_name": "gen-newest", "gen_ai_token_type": "cache_write"}
			assert.Equal(t, 300.0, m.Sum("otelcol_llm_tokens_total", cw))
			kind := func(k string) map[string]string { return map[string]string{"service_name": "gen-newest", "kind": k} }
			if tc.name == "v1.41" {
				assert.Equal(t, 4.0, m.Sum("gen_ai_client_operation_duration_seconds", map[string]string{"service_name": "gen-newest"}))
				assert.Equal(t, 1.0, m.Sum("gen_ai_client_operation_time_to_first_chunk_seconds", map[string]string{"service_name": "gen-newest"}))
				assert.Equal(t, 2.0, m.Sum("gen_ai_client_token_usage", map[string]string{"service_name": "gen-newest"}))
				assert.NotContains(t, m, "gen_ai_client_calls_total", "legacy names are off by default")
				return
			}
			assert.Equal(t, 1.0, m.Sum("gen_ai_client_inference_duration_seconds", kind("inference")))
			assert.Equal(t, 1.0, m.Sum("gen_ai_invocation_duration_seconds", map[string]string{"service_name": "gen-newest", "kind": "agent", "gen_ai_invocation_is_nested": "false"}))
			assert.Equal(t, 1.0, m.Sum("gen_ai_execute_tool_duration_seconds", kind("tool")))
			assert.Equal(t, 1.0, m.Sum("gen_ai_client_operation_duration_seconds", kind("retrieval")), "retrieval: latency of RAG lookups")
			assert.Equal(t, 1.0, m.Sum("gen_ai_client_inference_time_to_first_chunk_seconds", map[string]string{"service_name": "gen-newest"}))
			assert.Equal(t, 1.0, m.Sum("gen_ai_client_inference_operation_input_tokens", map[string]string{"service_name": "gen-newest"}))
			assert.NotContains(t, m, "gen_ai_client_token_usage")
			// Legacy names, the same values as the new ones.
			for newName, old := range map[string]string{
				"otelcol_llm_calls_total": "gen_ai_client_calls_total", "otelcol_llm_tokens_total": "gen_ai_client_tokens_total",
				"gen_ai_client_inference_time_to_first_chunk_seconds": "gen_ai_response_time_to_first_chunk_seconds",
			} {
				require.Contains(t, m, old)
				assert.Equal(t, m.Sum(newName, nil), m.Sum(old, nil), old)
			}
		})
	}
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
