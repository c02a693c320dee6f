// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
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
// e-mail address. The app is tenant acme's; user-<i%4> asks call i, in
// session s-<i%5>. Calls 0-9 carry a Relevance evaluation (a span event)
// scored 1 to 5, relevant from 3 up, of the prompt support-answer.
func supportTraces() ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, "support-bot")
	rs.Resource().Attributes().PutStr("tenant.id", "acme")
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
		a.PutStr(genai.UserID, fmt.Sprintf("user-%d", i%4))
		a.PutStr(genai.ConversationID, fmt.Sprintf("s-%d", i%5))
		a.PutStr(genai.PromptName, "support-answer")
		if i < 10 {
			e := s.Events().AppendEmpty()
			e.SetName(genai.EvaluationResultEvent)
			e.Attributes().PutStr(genai.EvaluationName, "Relevance")
			e.Attributes().PutDouble(genai.EvaluationScoreValue, float64(1+i%5))
			e.Attributes().PutStr(genai.EvaluationScoreLabel, map[bool]string{true: "relevant", false: "not_relevant"}[1+i%5 >= 3])
		}
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

// feedbackLogs is user feedback on call 0 as DESIGN.md's contract has the
// chat_trace receiver send it: gen_ai.evaluation.result log records named
// user_feedback, in the call's trace context, with its agent and model.
// Two thumbs up, one down with a comment.
func feedbackLogs(call ptrace.Span) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr(genai.ServiceName, "support-bot")
	recs := rl.ScopeLogs().AppendEmpty().LogRecords()
	for _, up := range []bool{true, true, false} {
		r := recs.AppendEmpty()
		r.SetTimestamp(pcommon.NewTimestampFromTime(time.Now()))
		r.SetEventName(genai.EvaluationResultEvent)
		r.SetTraceID(call.TraceID())
		r.SetSpanID(call.SpanID())
		a := r.Attributes()
		a.PutStr(genai.EvaluationName, genai.EvaluationUserFeedback)
		a.PutStr(genai.RequestModel, "gpt-4o-mini")
		a.PutStr(genai.AgentName, "helpdesk")
		if up {
			a.PutInt(genai.EvaluationScoreValue, 1)
			a.PutStr(genai.EvaluationScoreLabel, genai.FeedbackPositive)
		} else {
			a.PutInt(genai.EvaluationScoreValue, -1)
			a.PutStr(genai.EvaluationScoreLabel, genai.FeedbackNegative)
			a.PutStr(genai.EvaluationExplanation, "wrong order number, mail me at "+piiEmail)
		}
	}
	return ld
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
	budgets, err := filepath.Abs(filepath.Join("testdata", "budgets.yaml"))
	require.NoError(t, err)
	overlay, err := filepath.Abs(filepath.Join("testdata", "budgets-and-feedback.yaml"))
	require.NoError(t, err)
	gw := startGateway(t, append(env, "OTELCOL_LLM_BUDGETS_FILE="+budgets), overlay)

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
	support := supportTraces()
	_, err = s.client.Export(ctx, ptraceotlp.NewExportRequestFromTraces(support))
	require.NoError(t, err)
	_, err = plogotlp.NewGRPCClient(s.conn).Export(ctx, plogotlp.NewExportRequestFromLogs(supportLogs()))
	require.NoError(t, err)
	call0 := support.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	_, err = plogotlp.NewGRPCClient(s.conn).Export(ctx, plogotlp.NewExportRequestFromLogs(feedbackLogs(call0)))
	require.NoError(t, err)

	// Exact results, once span_metrics_llm has flushed and Prometheus scraped.
	svc := `service_name="support-bot"`
	prom.eventuallyScalar(`sum(otelcol_llm_calls_total{`+svc+`})`, func(v float64) bool { return v == 25 })
	assertScalar(t, prom, `sum(otelcol_llm_calls_total{`+svc+`,gen_ai_request_model="gpt-4o-mini"})`, 20)
	assertScalar(t, prom, `sum(otelcol_llm_calls_total{`+svc+`,status="error",error_type="rate_limit"})`, 4)
	assertScalar(t, prom, `sum(otelcol_llm_calls_total{`+svc+`,status="error"}) / sum(otelcol_llm_calls_total{`+svc+`})`, 0.16)
	assertScalar(t, prom, `sum(otelcol_llm_fallbacks_total{`+svc+`})`, 2)
	assertScalar(t, prom, `sum(otelcol_llm_unpriced_calls_total{`+svc+`,gen_ai_request_model="my-finetune"})`, 5)
	assertScalar(t, prom, `sum(otelcol_llm_tokens_total{`+svc+`,gen_ai_token_type="input"})`, 25000)
	// 20 calls x (1000 x 0.15 + 500 x 0.60) / 1e6 USD
	assertScalarNear(t, prom, `sum(otelcol_llm_cost_total{`+svc+`,gen_ai_usage_cost_currency="USD"})`, 0.009, 1e-12)
	// p50 of 16 x 0.5 s and 4 x 3 s (gpt-4o-mini) + 5 x 0.5 s: 21 of 25 in
	// (0.32, 0.64]; rank 12.5 -> 0.32 + 0.32 x 12.5/21.
	assertScalarNear(t, prom, `histogram_quantile(0.5, sum by (le) (gen_ai_client_operation_duration_seconds_bucket{`+svc+`}))`, 0.32+0.32*12.5/21, 1e-9)
	checkEvaluationsAndBudgets(t, prom, call0)

	// The example histories (service halo-core): six turns, each an agent
	// run; one answered by the fallback path, one empty stream, one error.
	halo := `service_name="halo-core"`
	prom.eventuallyScalar(`sum(otelcol_llm_calls_total{`+halo+`,gen_ai_operation_name="invoke_agent"})`, func(v float64) bool { return v == 6 })
	assertScalar(t, prom, `sum(otelcol_llm_fallbacks_total{`+halo+`})`, 1)
	assertScalar(t, prom, `sum(otelcol_llm_stream_results_total{`+halo+`,chat_stream_result="empty"})`, 1)
	assertScalar(t, prom, `sum(otelcol_llm_calls_total{`+halo+`,gen_ai_operation_name="invoke_agent",status="error"})`, 1)

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
	require.Eventually(t, func() bool { return logsOf(loki, "support-bot") == 3+3 }, 30*time.Second, 100*time.Millisecond,
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
var failureOnly = []string{
	"otelcol_exporter_send_failed_", "otelcol_exporter_sent_metric_points", "otelcol_receiver_refused_metric_points",
	"otelcol_extension_otlp_guard_refused_requests", "otelcol_extension_queue_storage_unrecorded_reads",
}

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

// checkEvaluationsAndBudgets: the Relevance span events and the feedback log
// records are metrics, with exemplars to the evaluated call; the budgets
// file drives the budget series and rules; the top spenders are the users
// and sessions of supportTraces.
func checkEvaluationsAndBudgets(t *testing.T, prom *prometheusServer, call0 ptrace.Span) {
	t.Helper()
	svc := `service_name="support-bot"`
	rel := svc + `,gen_ai_evaluation_name="Relevance",gen_ai_prompt_name="support-answer",gen_ai_request_model="gpt-4o-mini",gen_ai_agent_name="helpdesk"`
	prom.eventuallyScalar(`sum(otelcol_llm_evaluation_score_count{`+rel+`})`, func(v float64) bool { return v == 10 })
	assertScalar(t, prom, `sum(otelcol_llm_evaluation_score_sum{`+rel+`})`, 2*(1+2+3+4+5))
	assertScalar(t, prom, `sum(otelcol_llm_evaluation_results_total{`+rel+`,gen_ai_evaluation_score_label="relevant"})`, 6)
	assertScalar(t, prom, `sum(otelcol_llm_evaluation_results_total{`+rel+`,gen_ai_evaluation_score_label="not_relevant"})`, 4)
	fb := svc + `,gen_ai_evaluation_name="user_feedback",gen_ai_agent_name="helpdesk",gen_ai_request_model="gpt-4o-mini"`
	prom.eventuallyScalar(`sum(otelcol_llm_evaluation_results_total{`+fb+`})`, func(v float64) bool { return v == 3 })
	assertScalar(t, prom, `sum(otelcol_llm_evaluation_results_total{`+fb+`,gen_ai_evaluation_score_label="negative"})`, 1)
	assertScalar(t, prom, `sum(otelcol_llm_evaluation_score_sum{`+fb+`})`, 1)
	// (Its ratio is 0/0 here: the feedback arrived before the series existed,
	// in one scrape; rate() sees no increase yet.)
	assert.NotEmpty(t, eventuallyData(prom, `service_agent:otelcol_llm_feedback_negative_ratio:rate1h{`+svc+`}`).Result)
	for _, sel := range []string{`otelcol_llm_evaluation_score_bucket{` + fb + `}`, `otelcol_llm_evaluation_score_bucket{` + rel + `}`} {
		var ids []string
		require.Eventually(t, func() bool {
			var err error
			ids, err = prom.exemplars(sel)
			require.NoError(t, err)
			return len(ids) > 0
		}, 30*time.Second, 500*time.Millisecond, "exemplars of %s", sel)
		if strings.Contains(sel, "user_feedback") {
			assert.Contains(t, ids, call0.TraceID().String(), "the feedback's exemplar is the call's trace")
		}
	}

	// Budgets: support-bot spent 20 x 0.00045 USD as tenant acme and agent
	// helpdesk; globex nothing.
	acme := `budget="acme-monthly",scope="tenant",period="month",currency="USD"`
	prom.eventuallyScalar(`sum(otelcol_llm_budget_spend_total{`+acme+`})`, func(v float64) bool { return math.Abs(v-0.009) < 1e-12 })
	assertScalar(t, prom, `max(otelcol_llm_budget_limit{`+acme+`,owner="finops@acme.example"})`, 500)
	assertScalar(t, prom, `sum(otelcol_llm_budget_spend_total{budget="globex-monthly"})`, 0)
	// increase() over the period's counter, which the connector showed at 0
	// before the spend: the whole spend, extrapolated a little to now.
	v := prom.eventuallyScalar(`budget:otelcol_llm_budget_spend:period{`+acme+`}`, func(v float64) bool { return v >= 0.009*0.99 })
	assert.InDelta(t, 0.009, v, 0.009*0.25, "spend so far")
	assertScalar(t, prom, `count(budget:otelcol_llm_budget_period_start:current)`, 3)
	prom.eventuallyScalar(`count(ALERTS{alertname="LLMBudgetExhausted",alertstate="firing",budget="helpdesk-daily",owner="support-leads@acme.example"})`, func(v float64) bool { return v == 1 })
	r, err := prom.query(`ALERTS{budget=~"acme-monthly|globex-monthly"}`)
	require.NoError(t, err)
	assert.Empty(t, r.Result, "acme (0.009 of 500 spent) and globex stay quiet, not even pending")

	// Top spenders: user-<i%4> of the 20 priced calls, 5 each.
	users := `otelcol_llm_spender_cost{scope="user",currency="USD",`
	prom.eventuallyScalar(`count(`+users+`spender=~"user-[0-3]"})`, func(v float64) bool { return v == 4 })
	for u := range 4 {
		assertScalarNear(t, prom, fmt.Sprintf(`sum(%sspender="user-%d"})`, users, u), 5*0.00045, 1e-12)
	}
	assertScalar(t, prom, `count(`+users+`spender="_other"})`, 1)
	assertScalar(t, prom, `sum(otelcol_llm_spender_cost_error{scope="user"})`, 0)
	assertScalarNear(t, prom, `sum(otelcol_llm_spender_cost{scope="session",spender="s-0"})`, 4*0.00045, 1e-12)
}

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
			require.Equal(t, "${prometheus}", panel.Datasource.UID, "%s: panel %q", f, panel.Title)
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
