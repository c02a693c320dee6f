// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
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

// The four seed apps' telemetry, written the way each app's own tracing
// and logging emit it (examples/seed-apps/README.md describes each shape
// and where it comes from), sent to the shipped gateway with the app's
// overlay, and checked for what the app's monitoring guide asks for.

// spanBuilder appends spans to one resource's scope.
type spanBuilder struct {
	ss   ptrace.SpanSlice
	seq  uint64
	base time.Time
}

func newSpans(td ptrace.Traces, service string) *spanBuilder {
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, service)
	return &spanBuilder{ss: rs.ScopeSpans().AppendEmpty().Spans(), base: time.Now().Add(-time.Minute)}
}

// add appends a span named name under parent (nil: a root) lasting dur.
func (b *spanBuilder) add(parent *ptrace.Span, name string, kind ptrace.SpanKind, dur time.Duration, attrs map[string]any) ptrace.Span {
	b.seq++
	s := b.ss.AppendEmpty()
	var tid [16]byte
	var sid [8]byte
	copy(tid[:], "seedapp-trace")
	tid[15] = byte(b.seq)
	if parent != nil {
		tid = parent.TraceID()
		s.SetParentSpanID(parent.SpanID())
	}
	copy(sid[:], "span")
	sid[7] = byte(b.seq)
	s.SetTraceID(pcommon.TraceID(tid))
	s.SetSpanID(pcommon.SpanID(sid))
	s.SetName(name)
	s.SetKind(kind)
	s.SetStartTimestamp(pcommon.NewTimestampFromTime(b.base))
	s.SetEndTimestamp(pcommon.NewTimestampFromTime(b.base.Add(dur)))
	if err := s.Attributes().FromRaw(attrs); err != nil {
		panic(err)
	}
	return s
}

// seedGateway runs the shipped gateway with an app's overlay.
func seedGateway(t *testing.T, app string) (*collector, *harness.Sink) {
	t.Helper()
	sink := newSink(t)
	overlay, err := filepath.Abs(filepath.Join(repoRoot, "examples", "seed-apps", app, "collector.yaml"))
	require.NoError(t, err)
	return startGateway(t, gatewayEnv(sink, t.TempDir()), overlay), sink
}

func exportTraces(t *testing.T, gw *collector, td ptrace.Traces) {
	t.Helper()
	s := newOTLPSender(t, gw.otlpGRPC(), testToken)
	ctx, cancel := context.WithTimeout(metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+testToken), 10*time.Second)
	defer cancel()
	_, err := s.client.Export(ctx, ptraceotlp.NewExportRequestFromTraces(td))
	require.NoError(t, err)
}

func exportLogs(t *testing.T, gw *collector, ld plog.Logs) {
	t.Helper()
	s := newOTLPSender(t, gw.otlpGRPC(), testToken)
	ctx, cancel := context.WithTimeout(metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+testToken), 10*time.Second)
	defer cancel()
	_, err := plogotlp.NewGRPCClient(s.conn).Export(ctx, plogotlp.NewExportRequestFromLogs(ld))
	require.NoError(t, err)
}

// checkRulesRead: every metric an app's rules read is served.
func checkRulesRead(t *testing.T, app string, m harness.Families) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(repoRoot, "examples", "seed-apps", app, "rules.yml"))
	require.NoError(t, err)
	var rf struct {
		Groups []struct {
			Rules []struct{ Alert, Expr string } `yaml:"rules"`
		} `yaml:"groups"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &rf))
	for _, g := range rf.Groups {
		for _, r := range g.Rules {
			expr, err := parser.NewParser(parser.Options{}).ParseExpr(r.Expr)
			require.NoError(t, err, r.Alert)
			parser.Inspect(expr, func(n parser.Node, _ []parser.Node) error {
				vs, ok := n.(*parser.VectorSelector)
				if !ok || strings.Contains(vs.Name, ":") {
					return nil // recording rules: checked with the shipped rules
				}
				name := strings.TrimSuffix(vs.Name, "_bucket")
				assert.Contains(t, m, name, "%s reads %s, which the gateway does not serve", r.Alert, vs.Name)
				return nil
			})
		}
	}
}

// TestSeedAppAzCore: Az Core's agent.*, llm.call and tool.* spans become
// turns, priced calls and tool calls; the cost is what Az Core's own price
// table gives.
func TestSeedAppAzCore(t *testing.T) {
	gw, _ := seedGateway(t, "azcore")
	td := ptrace.NewTraces()
	b := newSpans(td, "arc")
	type call struct {
		model         string
		prompt, compl int64
		in, out       float64 // Az Core's prices per 1M tokens
		failed        bool
	}
	calls := []call{
		{"gpt-4o", 1200, 300, 2.50, 10.00, false},
		{"gpt-4o", 800, 150, 2.50, 10.00, false},
		{"claude-3-haiku", 5000, 900, 0.25, 1.25, false},
		{"gpt-4o-mini", 2000, 400, 0.15, 0.60, true},
	}
	wantCost := 0.0
	for i, c := range calls {
		status := "success"
		attrs := map[string]any{"agent.name": "researcher", "agent.type": "react", "status": status}
		if c.failed {
			attrs["status"], attrs["error.type"] = "error", "TimeoutError"
		}
		root := b.add(nil, "agent.researcher", ptrace.SpanKindInternal, time.Duration(2+i)*time.Second, attrs)
		b.add(&root, "llm.call", ptrace.SpanKindInternal, time.Second, map[string]any{"model": c.model, "prompt_tokens": c.prompt, "completion_tokens": c.compl})
		b.add(&root, "tool.search", ptrace.SpanKindInternal, 100*time.Millisecond, map[string]any{"tool": "search"})
		wantCost += float64(c.prompt)/1e6*c.in + float64(c.compl)/1e6*c.out
	}
	exportTraces(t, gw, td)
	svc := map[string]string{"service_name": "arc"}
	m := eventually(t, gw.llmMetrics(), "Az Core turns", func(f harness.Families) bool {
		return f.Sum("otelcol_llm_turns_total", svc) == 4
	})
	with := func(kv ...string) map[string]string {
		out := map[string]string{"service_name": "arc"}
		for i := 0; i < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	assert.Equal(t, 4.0, m.Sum("otelcol_llm_turns_total", with("gen_ai_agent_name", "researcher")))
	assert.Equal(t, 1.0, m.Sum("otelcol_llm_turns_total", with("status", "error", "error_type", "TimeoutError")))
	assert.Equal(t, 4.0, m.Sum("otelcol_llm_calls_total", with("kind", "inference")))
	assert.Equal(t, 4.0, m.Sum("otelcol_llm_tool_calls_total", with("gen_ai_tool_name", "search")))
	assert.Equal(t, 9000.0, m.Sum("otelcol_llm_tokens_total", with("gen_ai_token_type", "input", "estimated", "false")))
	assert.InDelta(t, wantCost, m.Sum("otelcol_llm_cost_total", with("gen_ai_usage_cost_currency", "USD")), 1e-12, "Az Core's price table")
	assert.Equal(t, 2.0, m.Sum("otelcol_llm_calls_total", with("gen_ai_request_model", "gpt-4o")))
	checkRulesRead(t, "azcore", m)
}

// TestSeedAppHancock: every /v1/* request is a turn by endpoint and mode,
// 4xx and 5xx are errors as Hancock counts them, the request id is on the
// request's span and on its log records, which keep the trace link.
func TestSeedAppHancock(t *testing.T) {
	gw, sink := seedGateway(t, "hancock")
	td := ptrace.NewTraces()
	b := newSpans(td, "hancock")
	type req struct {
		route, mode, id string
		code            int64
	}
	reqs := []req{
		{"/v1/chat", "soc", "req-a1b2c3d4", 200},
		{"/v1/chat", "pentest", "req-b2c3d4e5", 200},
		{"/v1/chat", "soc", "req-c3d4e5f6", 400},
		{"/v1/triage", "", "req-d4e5f6a7", 502},
	}
	var chatRoot ptrace.Span
	for i, r := range reqs {
		attrs := map[string]any{
			"http.route": r.route, "http.request.method": "POST", "http.response.status_code": r.code,
			"http.request.header.x_request_id": []any{r.id},
		}
		if r.mode != "" {
			attrs["hancock.mode"] = r.mode
		}
		root := b.add(nil, "POST "+r.route, ptrace.SpanKindServer, time.Duration(1+i)*time.Second, attrs)
		if r.code == 502 {
			root.Status().SetCode(ptrace.StatusCodeError)
		}
		if i == 0 {
			chatRoot = root
		}
		b.add(&root, "ollama.chat", ptrace.SpanKindClient, 800*time.Millisecond, map[string]any{
			"gen_ai.system": "Ollama", "llm.request.type": "chat", "gen_ai.request.model": "llama3.1:8b",
			"gen_ai.usage.prompt_tokens": int64(400), "gen_ai.usage.completion_tokens": int64(120),
		})
	}
	b.add(nil, "GET /health", ptrace.SpanKindServer, 5*time.Millisecond, map[string]any{"http.route": "/health", "http.response.status_code": int64(200)})
	exportTraces(t, gw, td)

	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr(genai.ServiceName, "hancock")
	lr := rl.ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	lr.SetTimestamp(pcommon.NewTimestampFromTime(time.Now()))
	lr.SetSeverityText("INFO")
	lr.Body().SetStr("request_completed")
	lr.SetTraceID(chatRoot.TraceID())
	lr.SetSpanID(chatRoot.SpanID())
	require.NoError(t, lr.Attributes().FromRaw(map[string]any{
		"request_id": "req-a1b2c3d4", "event": "request_completed", "method": "POST", "endpoint": "/v1/chat",
		"mode": "soc", "status": int64(200), "latency_ms": 142.31,
	}))
	exportLogs(t, gw, ld)

	m := eventually(t, gw.llmMetrics(), "Hancock turns", func(f harness.Families) bool {
		return f.Sum("otelcol_llm_turns_total", map[string]string{"service_name": "hancock"}) == 4
	})
	route := func(r string, kv ...string) map[string]string {
		out := map[string]string{"service_name": "hancock", "http_route": r}
		for i := 0; i < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	assert.Equal(t, 3.0, m.Sum("otelcol_llm_turns_total", route("/v1/chat")))
	assert.Equal(t, 1.0, m.Sum("otelcol_llm_turns_total", route("/v1/triage", "status", "error")))
	assert.Equal(t, 2.0, m.Sum("otelcol_llm_turns_total", map[string]string{"service_name": "hancock", "gen_ai_agent_name": "soc"}))
	assert.Equal(t, 1.0, m.Sum("otelcol_llm_turns_total", route("/v1/chat", "gen_ai_agent_name", "soc", "status", "error")), "a 4xx counts as Hancock counts it")
	assert.Zero(t, m.Sum("otelcol_llm_turns_total", route("/health")))
	assert.Equal(t, 4.0, m.Sum("otelcol_llm_calls_total", map[string]string{"service_name": "hancock", "kind": "inference", "gen_ai_request_model": "llama3.1:8b"}))
	assert.Equal(t, 1600.0, m.Sum("otelcol_llm_tokens_total", map[string]string{"service_name": "hancock", "gen_ai_token_type": "input"}))
	checkRulesRead(t, "hancock", m)

	// The request id on the request's span (Jaeger) and its log (Loki).
	require.Eventually(t, func() bool { return logsOf(sink, "hancock") == 1 }, 30*time.Second, 100*time.Millisecond)
	ids := map[string]string{}
	require.Eventually(t, func() bool {
		sink.ForEachSpan(func(svc string, s ptrace.Span) {
			if v, ok := s.Attributes().Get(genai.ChatRequestID); ok && svc == "hancock" {
				ids[s.SpanID().String()] = v.Str()
			}
		})
		return len(ids) == 4
	}, 30*time.Second, 100*time.Millisecond, "request ids on spans: %v", ids)
	assert.Equal(t, "req-a1b2c3d4", ids[chatRoot.SpanID().String()])
	for _, ld := range sink.Logs() {
		rls := ld.ResourceLogs()
		for i := 0; i < rls.Len(); i++ {
			res := rls.At(i).Resource().Attributes()
			if v, _ := res.Get(genai.ServiceName); v.Str() != "hancock" {
				continue
			}
			agent, _ := res.Get(genai.AgentName)
			assert.Equal(t, "soc", agent.Str(), "the mode is a Loki index label")
			r := rls.At(i).ScopeLogs().At(0).LogRecords().At(0)
			id, _ := r.Attributes().Get(genai.ChatRequestID)
			assert.Equal(t, "req-a1b2c3d4", id.Str())
			assert.Equal(t, chatRoot.TraceID(), r.TraceID(), "the log keeps its trace link")
		}
	}
}

// TestSeedAppHemoStat: HemoStat's event spans become turns per agent, a
// rule-based analysis a fallback, with duration and confidence histograms
// by the action recommended.
func TestSeedAppHemoStat(t *testing.T) {
	gw, _ := seedGateway(t, "hemostat")
	td := ptrace.NewTraces()
	b := newSpans(td, "hemostat")
	type analysis struct {
		confidence float64
		action     string
		method     string
		dur        time.Duration
	}
	analyses := []analysis{
		{0.92, "restart", "ai", 4 * time.Second},
		{0.85, "restart", "ai", 6 * time.Second},
		{0.7, "restart", "rule_based", 12 * time.Millisecond},
		{0.6, "none", "rule_based", 9 * time.Millisecond},
		{0.75, "scale_up", "ai", 7 * time.Second},
	}
	for _, a := range analyses {
		s := b.add(nil, "hemostat.analyzer.analyze", ptrace.SpanKindConsumer, a.dur, map[string]any{
			"agent_name": "analyzer", "event_type": "health_alert", "confidence": a.confidence, "action": a.action,
			"analysis_method": a.method, "container_name": "web-1", "is_false_alarm": a.action == "none",
		})
		if a.method == "ai" {
			b.add(&s, "ChatOpenAI", ptrace.SpanKindInternal, a.dur-100*time.Millisecond, map[string]any{
				"openinference.span.kind": "LLM", "llm.model_name": "gpt-4", "llm.token_count.prompt": int64(900), "llm.token_count.completion": int64(110),
			})
		}
	}
	for range 3 {
		b.add(nil, "hemostat.monitor.health_check", ptrace.SpanKindInternal, 40*time.Millisecond, map[string]any{"agent_name": "monitor", "event_type": "health_check"})
	}
	exportTraces(t, gw, td)
	m := eventually(t, gw.llmMetrics(), "HemoStat turns", func(f harness.Families) bool {
		return f.Sum("otelcol_llm_turns_total", map[string]string{"service_name": "hemostat"}) == 8
	})
	agent := func(a string, kv ...string) map[string]string {
		out := map[string]string{"service_name": "hemostat", "gen_ai_agent_name": a}
		for i := 0; i < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	assert.Equal(t, 5.0, m.Sum("otelcol_llm_turns_total", agent("analyzer")))
	assert.Equal(t, 2.0, m.Sum("otelcol_llm_turns_total", agent("analyzer", "fallback", "true")), "rule-based analyses are fallbacks")
	assert.Equal(t, 3.0, m.Sum("otelcol_llm_turns_total", agent("monitor")))
	assert.Equal(t, 3.0, m.Sum("otelcol_llm_turn_duration_seconds", agent("analyzer", "hemostat_action", "restart")))
	// The confidence histogram, named as the prometheus exporter names it.
	conf, ok := m["hemostat_analysis_confidence"]
	require.True(t, ok, "families: %v", m.Names())
	var count uint64
	var sum float64
	for _, mm := range conf.GetMetric() {
		if harness.HasLabels(mm, agent("analyzer", "hemostat_action", "restart")) {
			h := mm.GetHistogram()
			count += h.GetSampleCount()
			sum += h.GetSampleSum()
			for _, bk := range h.GetBucket() {
				if bk.GetUpperBound() == 0.8 {
					assert.Equal(t, uint64(1), bk.GetCumulativeCount(), "0.7 is the one restart at or below 0.8")
				}
			}
		}
	}
	assert.Equal(t, uint64(3), count)
	assert.InDelta(t, 0.92+0.85+0.7, sum, 1e-12)
	assert.Equal(t, 3.0, m.Sum("otelcol_llm_calls_total", map[string]string{"service_name": "hemostat", "kind": "inference", "gen_ai_request_model": "gpt-4"}))
	checkRulesRead(t, "hemostat", m)
}

// TestSeedAppHishamOS: tokens and cost per agent and platform, executions
// as turns (failed ones errors), JSON log fields to Loki with the agent as
// an index label and the trace link kept.
func TestSeedAppHishamOS(t *testing.T) {
	gw, sink := seedGateway(t, "hishamos")
	td := ptrace.NewTraces()
	b := newSpans(td, "hishamos")
	type exec struct {
		agent, provider, model string
		in, out                int64
		failed                 bool
	}
	execs := []exec{
		{"code-generator", "openai", "gpt-4o", 1500, 400, false},
		{"code-generator", "openai", "gpt-4o", 900, 250, true},
		{"reviewer", "anthropic", "claude-3-5-sonnet", 3000, 600, false},
	}
	var first ptrace.Span
	for i, e := range execs {
		status := "completed"
		if e.failed {
			status = "failed"
		}
		root := b.add(nil, "execute_agent", ptrace.SpanKindInternal, time.Duration(2+i)*time.Second, map[string]any{"agent_id": e.agent, "status": status})
		if i == 0 {
			first = root
		}
		b.add(&root, "chat "+e.model, ptrace.SpanKindClient, time.Second, map[string]any{
			"gen_ai.operation.name": "chat", "gen_ai.provider.name": e.provider, "gen_ai.request.model": e.model,
			"gen_ai.usage.input_tokens": e.in, "gen_ai.usage.output_tokens": e.out, "agent_id": e.agent,
		})
	}
	exportTraces(t, gw, td)
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr(genai.ServiceName, "hishamos")
	lr := rl.ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	lr.SetTimestamp(pcommon.NewTimestampFromTime(time.Now()))
	lr.SetSeverityText("INFO")
	lr.Body().SetStr("Agent execution completed")
	lr.SetTraceID(first.TraceID())
	lr.SetSpanID(first.SpanID())
	require.NoError(t, lr.Attributes().FromRaw(map[string]any{
		"agent_id": "code-generator", "execution_time": 2.5, "tokens_used": int64(1900), "cost": 0.00775,
		"module": "execution_engine", "function": "execute_agent",
	}))
	exportLogs(t, gw, ld)

	m := eventually(t, gw.llmMetrics(), "HishamOS turns", func(f harness.Families) bool {
		return f.Sum("otelcol_llm_turns_total", map[string]string{"service_name": "hishamos"}) == 3
	})
	ap := func(agent, provider string, kv ...string) map[string]string {
		out := map[string]string{"service_name": "hishamos", "gen_ai_agent_name": agent, "gen_ai_provider_name": provider}
		for i := 0; i < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	assert.Equal(t, 2400.0, m.Sum("otelcol_llm_tokens_total", ap("code-generator", "openai", "gen_ai_token_type", "input")))
	assert.Equal(t, 650.0, m.Sum("otelcol_llm_tokens_total", ap("code-generator", "openai", "gen_ai_token_type", "output")))
	assert.Equal(t, 3000.0, m.Sum("otelcol_llm_tokens_total", ap("reviewer", "anthropic", "gen_ai_token_type", "input")))
	// gpt-4o at 2.50 / 10.00 and claude-3-5-sonnet at 3.00 / 15.00 per 1M tokens (the embedded list prices).
	assert.InDelta(t, (2400*2.50+650*10.00)/1e6, m.Sum("otelcol_llm_cost_total", ap("code-generator", "openai")), 1e-12)
	assert.InDelta(t, (3000*3.00+600*15.00)/1e6, m.Sum("otelcol_llm_cost_total", ap("reviewer", "anthropic")), 1e-12)
	assert.Equal(t, 1.0, m.Sum("otelcol_llm_turns_total", map[string]string{"service_name": "hishamos", "gen_ai_agent_name": "code-generator", "status": "error"}))
	checkRulesRead(t, "hishamos", m)

	require.Eventually(t, func() bool { return logsOf(sink, "hishamos") == 1 }, 30*time.Second, 100*time.Millisecond)
	for _, ld := range sink.Logs() {
		rls := ld.ResourceLogs()
		for i := 0; i < rls.Len(); i++ {
			res := rls.At(i).Resource().Attributes()
			if v, _ := res.Get(genai.ServiceName); v.Str() != "hishamos" {
				continue
			}
			agent, _ := res.Get(genai.AgentName)
			assert.Equal(t, "code-generator", agent.Str(), "the agent is a Loki index label")
			r := rls.At(i).ScopeLogs().At(0).LogRecords().At(0)
			assert.Equal(t, first.TraceID(), r.TraceID(), "the log keeps its trace link")
			cost, _ := r.Attributes().Get("cost")
			assert.InDelta(t, 0.00775, cost.Double(), 1e-12, "the app's own fields are kept")
		}
	}
}

// TestSeedAppConfigs: each overlay runs the gateway's pipelines with only
// the app's transform added first after memory_limiter, so it cannot drift
// from config/gateway.yaml unnoticed; the README points to the seed-apps
// guide, which links every app's folder, and every YAML snippet the guide
// shows is text of a tested file.
func TestSeedAppConfigs(t *testing.T) {
	type pipelines struct {
		Service struct {
			Pipelines map[string]struct {
				Processors []string `yaml:"processors"`
			} `yaml:"pipelines"`
		} `yaml:"service"`
	}
	read := func(path string, v any) {
		raw, err := os.ReadFile(path)
		require.NoError(t, err)
		require.NoError(t, yaml.Unmarshal(raw, v))
	}
	var gw pipelines
	read(configPath(t, "gateway.yaml"), &gw)
	apps, err := filepath.Glob(filepath.Join(repoRoot, "examples", "seed-apps", "*", "collector.yaml"))
	require.NoError(t, err)
	require.Len(t, apps, 4)
	var texts []string
	for _, path := range apps {
		app := filepath.Base(filepath.Dir(path))
		var o pipelines
		read(path, &o)
		require.NotEmpty(t, o.Service.Pipelines, app)
		for name, p := range o.Service.Pipelines {
			want := slices.Clone(gw.Service.Pipelines[name].Processors)
			require.NotEmpty(t, want, "%s: pipeline %s is not the gateway's", app, name)
			want = slices.Insert(want, 1, "transform/"+app)
			assert.Equal(t, want, p.Processors, "%s: pipeline %s", app, name)
		}
		for _, f := range []string{"collector.yaml", "rules.yml"} {
			raw, err := os.ReadFile(filepath.Join(filepath.Dir(path), f))
			require.NoError(t, err)
			texts = append(texts, string(raw))
		}
	}
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	require.NoError(t, err)
	assert.Contains(t, string(readme), "(examples/seed-apps/README.md)", "the README points to the seed apps")
	raw, err := os.ReadFile(filepath.Join(repoRoot, "examples", "seed-apps", "README.md"))
	require.NoError(t, err)
	guide := string(raw)
	for _, path := range apps {
		app := filepath.Base(filepath.Dir(path))
		assert.Contains(t, guide, "]("+app+"/)", "the seed-apps README has a section linking %s", app)
	}
	blocks := regexp.MustCompile("(?s)```ya?ml\n(.*?)```").FindAllStringSubmatch(guide, -1)
	for _, b := range blocks {
		found := false
		for _, text := range texts {
			if strings.Contains(text, b[1]) {
				found = true
			}
		}
		assert.True(t, found, "seed-apps README snippet is not text of a tested seed-app file:\n%s", b[1])
	}
}
