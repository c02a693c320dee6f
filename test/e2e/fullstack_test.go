// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/prometheus/promql/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"go.yaml.in/yaml/v3"
	"google.golang.org/grpc/metadata"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

// The full-stack test's gateway listens on 127.0.0.2 so a sidecar can use
// localhost (127.0.0.1) with the same ports on the same machine.
const stackHost = "127.0.0.2"

const piiEmail = "jane.doe@example.com"

// supportTraces: 20 gpt-4o-mini calls of 1000 input and 500 output tokens
// (list price 0.15 / 0.60 USD per million: 0.00045 USD each), 16 taking
// 0.5 s and 4 taking 3 s and failing with rate_limit, 2 answered by the
// fallback path; plus 5 calls of an unpriced model. One prompt carries an
// e-mail address.
func supportTraces() ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, "support-bot")
	ss := rs.ScopeSpans().AppendEmpty().Spans()
	end := time.Now()
	for i := range 25 {
		s := ss.AppendEmpty()
		s.SetTraceID(pcommon.TraceID([16]byte{0xf5, byte(i)}))
		s.SetSpanID(pcommon.SpanID([8]byte{0xf5, byte(i)}))
		s.SetKind(ptrace.SpanKindClient)
		dur := 500 * time.Millisecond
		a := s.Attributes()
		a.PutStr(genai.OperationName, genai.OpChat)
		a.PutStr(genai.ProviderName, "openai")
		a.PutStr(genai.AgentName, "helpdesk")
		a.PutInt(genai.UsageInputTokens, 1000)
		a.PutInt(genai.UsageOutputTokens, 500)
		a.PutStr(genai.ChatStreamResult, "ok")
		a.PutInt(genai.ChatKnowledgeHits, int64(i%3))
		a.PutDouble(genai.TimeToFirstChunk, 0.2)
		switch {
		case i >= 20:
			a.PutStr(genai.RequestModel, "my-finetune")
		default:
			a.PutStr(genai.RequestModel, "gpt-4o-mini")
		}
		if i >= 16 && i < 20 {
			dur = 3 * time.Second
			s.Status().SetCode(ptrace.StatusCodeError)
			a.PutStr(genai.ErrorType, "rate_limit")
		}
		if i == 3 || i == 7 {
			a.PutBool(genai.ChatFallbackUsed, true)
		}
		if i == 0 {
			a.PutStr(genai.InputMessages, `[{"role":"user","content":"my address is `+piiEmail+`"}]`)
		}
		s.SetName("chat " + a.AsRaw()[genai.RequestModel].(string))
		s.SetStartTimestamp(pcommon.NewTimestampFromTime(end.Add(-dur)))
		s.SetEndTimestamp(pcommon.NewTimestampFromTime(end))
	}
	return td
}

func supportLogs() plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr(genai.ServiceName, "support-bot")
	recs := rl.ScopeLogs().AppendEmpty().LogRecords()
	for i := range 3 {
		r := recs.AppendEmpty()
		r.SetTimestamp(pcommon.NewTimestampFromTime(time.Now()))
		r.SetSeverityText("INFO")
		r.Body().SetStr(fmt.Sprintf("turn %d: user %s asked about order 48213", i, piiEmail))
		r.Attributes().PutStr(genai.RequestModel, "gpt-4o-mini")
		r.Attributes().PutStr(genai.AgentName, "helpdesk")
	}
	return ld
}

// TestFullStack runs config/gateway.yaml with a real Prometheus scraping it
// (config/prometheus: shipped scrape config and rules) and OTLP sinks
// standing in for Jaeger and Loki, feeds it GenAI spans and logs with known
// tokens and prices, and checks exact results in Prometheus, every dashboard
// panel query and every alert expression, and what reached the backends.
func TestFullStack(t *testing.T) {
	sink := newOTLPSink(t)
	env := gatewayEnv(sink, t.TempDir(), "OTELCOL_LISTEN_HOST="+stackHost)
	gw := startCollector(t, env, nil, "--config", configPath(t, "gateway.yaml"))
	gw.waitHealthy("http://" + stackHost + ":13133/")
	prom := startPrometheus(t, stackHost+":8889", stackHost+":8888")

	// A sidecar (config/sidecar.yaml) next to a HALO Core app: it reads the
	// example chat histories and forwards them to the gateway.
	histories := t.TempDir()
	startSidecar(t, []string{
		"OTELCOL_BEARER_TOKEN=" + testToken,
		"OTELCOL_STORAGE_DIR=" + t.TempDir(),
		"OTELCOL_GATEWAY_ENDPOINT=" + stackHost + ":4317",
		"CHAT_HISTORY_GLOB=" + filepath.Join(histories, "*.json"),
	})
	examples, err := filepath.Glob(filepath.Join(repoRoot, "examples", "chat_history", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, examples)
	for _, ex := range examples { // new files: read from their first turn
		b, err := os.ReadFile(ex)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(histories, filepath.Base(ex)), b, 0o600))
	}

	s := newOTLPSender(t, stackHost+":4317", testToken)
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+testToken)
	_, err = s.client.Export(ctx, ptraceotlp.NewExportRequestFromTraces(supportTraces()))
	require.NoError(t, err)
	_, err = plogotlp.NewGRPCClient(s.conn).Export(ctx, plogotlp.NewExportRequestFromLogs(supportLogs()))
	require.NoError(t, err)

	// Exact results, once span_metrics_llm has flushed and Prometheus scraped.
	svc := `service_name="support-bot"`
	prom.eventuallyScalar(`sum(gen_ai_client_calls_total{`+svc+`})`, func(v float64) bool { return v == 25 })
	assertScalar(t, prom, `sum(gen_ai_client_calls_total{`+svc+`,gen_ai_request_model="gpt-4o-mini"})`, 20)
	assertScalar(t, prom, `sum(gen_ai_client_calls_total{`+svc+`,status="error",error_type="rate_limit"})`, 4)
	assertScalar(t, prom, `sum(gen_ai_client_calls_total{`+svc+`,status="error"}) / sum(gen_ai_client_calls_total{`+svc+`})`, 0.16)
	assertScalar(t, prom, `sum(gen_ai_client_fallbacks_total{`+svc+`})`, 2)
	assertScalar(t, prom, `sum(gen_ai_client_unpriced_calls_total{`+svc+`,gen_ai_request_model="my-finetune"})`, 5)
	assertScalar(t, prom, `sum(gen_ai_client_tokens_total{`+svc+`,gen_ai_token_type="input"})`, 25000)
	// 20 calls x (1000 x 0.15 + 500 x 0.60) / 1e6 USD
	assertScalarNear(t, prom, `sum(gen_ai_client_cost_total{`+svc+`,gen_ai_usage_cost_currency="USD"})`, 0.009, 1e-12)
	// p50 of 16 x 0.5 s and 4 x 3 s (gpt-4o-mini) + 5 x 0.5 s: 21 of 25 in
	// (0.32, 0.64]; rank 12.5 -> 0.32 + 0.32 x 12.5/21.
	assertScalarNear(t, prom, `histogram_quantile(0.5, sum by (le) (gen_ai_client_operation_duration_seconds_bucket{`+svc+`}))`, 0.32+0.32*12.5/21, 1e-9)

	// The example histories (service halo-core): six turns, each an agent
	// run; one answered by the fallback path, one empty stream, one error.
	halo := `service_name="halo-core"`
	prom.eventuallyScalar(`sum(gen_ai_client_calls_total{`+halo+`,gen_ai_operation_name="invoke_agent"})`, func(v float64) bool { return v == 6 })
	assertScalar(t, prom, `sum(gen_ai_client_fallbacks_total{`+halo+`})`, 1)
	assertScalar(t, prom, `sum(gen_ai_client_stream_results_total{`+halo+`,chat_stream_result="empty"})`, 1)
	assertScalar(t, prom, `sum(gen_ai_client_calls_total{`+halo+`,gen_ai_operation_name="invoke_agent",status="error"})`, 1)

	checkDashboards(t, prom)
	checkAlertRules(t, prom)

	// Traces reached "Jaeger", logs reached "Loki", and no PII with them.
	require.Eventually(t, func() bool { return countByService(sink, "support-bot") == [2]int{25, 3} }, 30*time.Second, 100*time.Millisecond,
		"support-bot spans and logs at the backends: %v", countByService(sink, "support-bot"))
	require.Eventually(t, func() bool { return countByService(sink, "halo-core")[1] == 6 }, 30*time.Second, 100*time.Millisecond,
		"one log per example turn: %v", countByService(sink, "halo-core"))
	var dump strings.Builder
	for _, td := range sink.Traces() {
		b, err := (&ptrace.JSONMarshaler{}).MarshalTraces(td)
		require.NoError(t, err)
		dump.Write(b)
	}
	for _, ld := range sink.Logs() {
		b, err := (&plog.JSONMarshaler{}).MarshalLogs(ld)
		require.NoError(t, err)
		dump.Write(b)
	}
	assert.NotContains(t, dump.String(), piiEmail, "PII reached a backend")
	assert.Contains(t, dump.String(), "[REDACTED:email]")
	assert.Contains(t, dump.String(), `"gen_ai.usage.cost.amount"`)
	// Loki indexes resource attributes: the gateway lifted model and agent.
	models := map[string]bool{}
	for _, ld := range sink.Logs() {
		for i := 0; i < ld.ResourceLogs().Len(); i++ {
			if m, ok := ld.ResourceLogs().At(i).Resource().Attributes().Get(genai.RequestModel); ok {
				models[m.AsString()] = true
			}
		}
	}
	assert.True(t, models["gpt-4o-mini"], "model lifted to the log resource: %v", models)
	gw.stop(syscall.SIGTERM)
	assert.NotContains(t, gw.Output(), piiEmail, "PII in the collector's own logs")
	assert.NotContains(t, gw.Output(), testToken, "secret in the collector's own logs")
}

func assertScalar(t *testing.T, p *prometheusServer, expr string, want float64) {
	t.Helper()
	v, err := p.scalar(expr)
	require.NoError(t, err)
	assert.Equal(t, want, v, expr)
}

func assertScalarNear(t *testing.T, p *prometheusServer, expr string, want, delta float64) {
	t.Helper()
	v, err := p.scalar(expr)
	require.NoError(t, err)
	assert.InDelta(t, want, v, delta, expr)
}

// failureOnly are metrics the collector creates on the first failure; a
// healthy run has none, so queries on them must parse but cannot return data.
// The fault drills exercise the failures themselves.
var failureOnly = []string{"otelcol_exporter_send_failed_", "otelcol_exporter_sent_metric_points", "otelcol_receiver_refused_metric_points"}

func isFailureOnly(expr string) bool {
	for _, f := range failureOnly {
		if strings.Contains(expr, f) {
			return true
		}
	}
	return false
}

// grafanaVars replaces the dashboard variables Grafana would fill in.
var grafanaVars = strings.NewReplacer("$__rate_interval", "1m", "$__range", "1h", "$service", ".*")

// checkDashboards runs every Prometheus query of every dashboard panel and
// requires each to parse and return data.
func checkDashboards(t *testing.T, p *prometheusServer) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(repoRoot, "config", "grafana", "dashboards", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		var d struct {
			Panels []struct {
				Title      string `json:"title"`
				Type       string `json:"type"`
				Datasource struct {
					UID string `json:"uid"`
				} `json:"datasource"`
				Targets []struct {
					Expr string `json:"expr"`
				} `json:"targets"`
			} `json:"panels"`
		}
		require.NoError(t, json.Unmarshal(raw, &d))
		queries := 0
		for _, panel := range d.Panels {
			if panel.Type == "row" {
				continue
			}
			require.Equal(t, "otelcol-llm-prometheus", panel.Datasource.UID, "%s: panel %q", f, panel.Title)
			require.NotEmpty(t, panel.Targets, "%s: panel %q has no query", f, panel.Title)
			for _, target := range panel.Targets {
				expr := grafanaVars.Replace(target.Expr)
				if isFailureOnly(expr) {
					_, err := p.query(expr)
					require.NoError(t, err, expr)
					continue
				}
				r := eventuallyData(p, expr)
				assert.NotEmpty(t, r.Result, "dashboard %s, panel %q: %s returned no data", filepath.Base(f), panel.Title, expr)
				queries++
			}
		}
		t.Logf("%s: %d panel queries checked", filepath.Base(f), queries)
	}
}

// eventuallyData retries a query for a while: rates need two scrapes and
// recording rules an evaluation.
func eventuallyData(p *prometheusServer, expr string) promResult {
	p.t.Helper()
	var r promResult
	var err error
	for range 40 {
		r, err = p.query(expr)
		require.NoError(p.t, err, expr)
		if len(r.Result) > 0 {
			return r
		}
		time.Sleep(500 * time.Millisecond)
	}
	return r
}

// checkAlertRules parses every rule, runs each alert expression, and
// requires every series selector an alert or recording rule reads to
// return data, so no rule watches a metric that does not exist.
func checkAlertRules(t *testing.T, p *prometheusServer) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(repoRoot, "config", "prometheus", "rules", "*.yml"))
	require.NoError(t, err)
	pp := parser.NewParser(parser.Options{})
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		var rf struct {
			Groups []struct {
				Rules []struct {
					Alert  string `yaml:"alert"`
					Record string `yaml:"record"`
					Expr   string `yaml:"expr"`
				} `yaml:"rules"`
			} `yaml:"groups"`
		}
		require.NoError(t, yaml.Unmarshal(raw, &rf))
		for _, g := range rf.Groups {
			for _, r := range g.Rules {
				name := r.Alert + r.Record
				expr, err := pp.ParseExpr(r.Expr)
				require.NoError(t, err, name)
				_, err = p.query(r.Expr)
				require.NoError(t, err, name)
				parser.Inspect(expr, func(n parser.Node, _ []parser.Node) error {
					if vs, ok := n.(*parser.VectorSelector); ok {
						sel := vs.String()
						if isFailureOnly(sel) {
							return nil
						}
						assert.NotEmpty(t, eventuallyData(p, sel).Result, "rule %s reads %s, which has no data", name, sel)
					}
					return nil
				})
			}
		}
	}
}

// countByService returns the spans and log records the sink holds for a
// service.
func countByService(sink *otlpSink, service string) [2]int {
	var n [2]int
	for _, td := range sink.Traces() {
		for i := 0; i < td.ResourceSpans().Len(); i++ {
			rs := td.ResourceSpans().At(i)
			if v, ok := rs.Resource().Attributes().Get(genai.ServiceName); ok && v.AsString() == service {
				for j := 0; j < rs.ScopeSpans().Len(); j++ {
					n[0] += rs.ScopeSpans().At(j).Spans().Len()
				}
			}
		}
	}
	for _, ld := range sink.Logs() {
		for i := 0; i < ld.ResourceLogs().Len(); i++ {
			rl := ld.ResourceLogs().At(i)
			if v, ok := rl.Resource().Attributes().Get(genai.ServiceName); ok && v.AsString() == service {
				for j := 0; j < rl.ScopeLogs().Len(); j++ {
					n[1] += rl.ScopeLogs().At(j).LogRecords().Len()
				}
			}
		}
	}
	return n
}
