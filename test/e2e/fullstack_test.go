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
	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

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

// TestFullStack runs the shipped sidecar and gateway side by side on one
// host (only environment variables differ), a real Jaeger v2 as the traces
// backend, an OTLP sink standing in for Loki, and a real Prometheus with the
// shipped scrape config and rules scraping both tiers. It feeds GenAI spans
// and logs with known tokens and prices to the gateway and the example chat
// histories to the sidecar, and checks exact results in Prometheus, every
// dashboard panel query and every alert expression, and what reached the
// backends.
func TestFullStack(t *testing.T) {
	jaeger := startJaeger(t)
	loki := newSink(t)
	env := []string{
		"OTELCOL_BEARER_TOKEN=" + testToken,
		"OTELCOL_STORAGE_DIR=" + t.TempDir(),
		"JAEGER_OTLP_ENDPOINT=" + jaeger.OTLPAddr,
		"LOKI_OTLP_ENDPOINT=" + loki.LokiEndpoint(),
	}
	gw := startGateway(t, env)

	// A sidecar (config/sidecar.yaml) next to a HALO Core app: it reads the
	// example chat histories and forwards them to the gateway.
	histories := t.TempDir()
	sc := startSidecar(t, []string{
		"OTELCOL_BEARER_TOKEN=" + testToken,
		"OTELCOL_STORAGE_DIR=" + t.TempDir(),
		"OTELCOL_GATEWAY_ENDPOINT=" + gw.otlpGRPC(),
		"CHAT_HISTORY_GLOB=" + filepath.Join(histories, "*.json"),
	})
	prom := startPrometheus(t, harness.Addr(gw.ports.Prometheus), map[string]string{
		"gateway": harness.Addr(gw.ports.Metrics),
		"sidecar": harness.Addr(sc.ports.Metrics),
	})
	examples, err := filepath.Glob(filepath.Join(repoRoot, "examples", "chat_history", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, examples)
	for _, ex := range examples { // new files: read from their first turn
		b, err := os.ReadFile(ex)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(histories, filepath.Base(ex)), b, 0o600))
	}

	s := newOTLPSender(t, gw.otlpGRPC(), testToken)
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

	// Both tiers are scraped: the sidecar's own chat_trace and redact
	// counters reach Prometheus beside the gateway's.
	prom.eventuallyScalar(`sum(otelcol_receiver_accepted_spans{job="otelcol-llm-internal",tier="sidecar",receiver="chat_trace"})`, func(v float64) bool { return v > 0 })
	prom.eventuallyScalar(`count(up{job="otelcol-llm-internal"} == 1)`, func(v float64) bool { return v == 2 })

	checkDashboards(t, prom)
	checkAlertRules(t, prom)

	// Traces reached Jaeger, logs reached "Loki", and no PII with them.
	var supportTraces []harness.JaegerTrace
	require.Eventually(t, func() bool {
		supportTraces = jaegerTraces(t, jaeger, "support-bot")
		return spanCount(supportTraces) == 25
	}, 30*time.Second, 250*time.Millisecond, "support-bot spans in Jaeger: %d", spanCount(supportTraces))
	require.Eventually(t, func() bool { return logsOf(loki, "support-bot") == 3 }, 30*time.Second, 100*time.Millisecond,
		"support-bot logs at Loki: %d", logsOf(loki, "support-bot"))
	require.Eventually(t, func() bool { return logsOf(loki, "halo-core") == 6 }, 30*time.Second, 100*time.Millisecond,
		"one log per example turn: %d", logsOf(loki, "halo-core"))
	haloTraces := jaegerTraces(t, jaeger, "halo-core")
	require.NotEmpty(t, haloTraces, "halo-core traces in Jaeger")
	var dump strings.Builder
	for _, tr := range append(supportTraces, haloTraces...) {
		b, err := json.Marshal(tr)
		require.NoError(t, err)
		dump.Write(b)
	}
	for _, ld := range loki.Logs() {
		b, err := (&plog.JSONMarshaler{}).MarshalLogs(ld)
		require.NoError(t, err)
		dump.Write(b)
	}
	assert.NotContains(t, dump.String(), piiEmail, "PII reached a backend")
	assert.Contains(t, dump.String(), "[REDACTED:email]")
	assert.Contains(t, dump.String(), `"gen_ai.usage.cost.amount"`)
	// Loki indexes resource attributes: the gateway lifted model and agent.
	models := map[string]bool{}
	for _, ld := range loki.Logs() {
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

// startJaeger runs a real Jaeger v2 for the test.
func startJaeger(t *testing.T) *harness.Jaeger {
	t.Helper()
	bin := toolPath(t, "JAEGER_BIN", filepath.Join(repoRoot, "_build", "tools", "jaeger"), "make backends")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	j, err := harness.StartJaeger(ctx, bin)
	require.NoError(t, err)
	t.Cleanup(func() {
		j.Stop(syscall.SIGTERM, 20*time.Second)
		if t.Failed() {
			t.Logf("jaeger output:\n%s", j.Output())
		}
	})
	return j
}

// jaegerTraces asks Jaeger for a service's traces.
func jaegerTraces(t *testing.T, j *harness.Jaeger, service string) []harness.JaegerTrace {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	traces, err := j.Traces(ctx, service, 1000)
	require.NoError(t, err)
	return traces
}

func spanCount(traces []harness.JaegerTrace) int {
	n := 0
	for _, tr := range traces {
		n += len(tr.Spans)
	}
	return n
}

// logsOf counts the log records the sink holds for a service.
func logsOf(sink *harness.Sink, service string) int {
	n := 0
	sink.ForEachLog(func(svc string, _ plog.LogRecord) {
		if svc == service {
			n++
		}
	})
	return n
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
