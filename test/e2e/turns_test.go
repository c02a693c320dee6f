// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/prometheus/prometheus/promql/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.yaml.in/yaml/v3"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// turnTruth is what a set of HALO Core histories says, turn by turn.
type turnTruth struct {
	turns, fallbacks, errors int
	latencies                []float64 // seconds
	tools                    map[string]int
}

func truthOf(turns []genTurn) turnTruth {
	tt := turnTruth{turns: len(turns), tools: map[string]int{}}
	for _, tr := range turns {
		if tr.fallback {
			tt.fallbacks++
		}
		if tr.failed {
			tt.errors++
		}
		tt.latencies = append(tt.latencies, tr.latencyMs/1000)
		for _, name := range tr.tools {
			tt.tools[name]++
		}
	}
	return tt
}

// exampleTruth reads examples/chat_history: every assistant message with a
// trace is a turn; fallbacks, latencies and tool calls are the app's own
// fields (the calls: every start in telemetry.mcp_events, or the message's
// tool_calls records where a history has no events). Which turns failed is
// not a field: the one failed example turn is the rate-limited Gemini one,
// answered with the provider's quota text.
func exampleTruth(t *testing.T, files []string) turnTruth {
	t.Helper()
	tt := turnTruth{tools: map[string]int{}, errors: 1}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		var msgs []struct {
			ToolCalls []struct {
				ToolName string `json:"tool_name"`
			} `json:"tool_calls"`
			Trace *struct {
				Telemetry struct {
					LatencyMs    float64 `json:"latency_ms"`
					UsedFallback bool    `json:"used_fallback"`
					MCPEvents    []struct {
						Event string `json:"event"`
						Tool  struct {
							Name string `json:"name"`
						} `json:"tool"`
					} `json:"mcp_events"`
				} `json:"telemetry"`
			} `json:"trace"`
		}
		require.NoError(t, json.Unmarshal(raw, &msgs))
		for _, m := range msgs {
			if m.Trace == nil {
				continue
			}
			tt.turns++
			if m.Trace.Telemetry.UsedFallback {
				tt.fallbacks++
			}
			tt.latencies = append(tt.latencies, m.Trace.Telemetry.LatencyMs/1000)
			started := 0
			for _, e := range m.Trace.Telemetry.MCPEvents {
				if e.Event == "toolcallstarted" || e.Event == "teamtoolcallstarted" {
					tt.tools[e.Tool.Name]++
					started++
				}
			}
			if started == 0 {
				for _, c := range m.ToolCalls {
					tt.tools[c.ToolName]++
				}
			}
		}
	}
	return tt
}

// durationBounds are the GenAI duration buckets the connector uses.
var durationBounds = []float64{0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92}

// bucketQuantile is Prometheus's histogram_quantile over the truth's
// latencies bucketed as the connector buckets them.
func bucketQuantile(q float64, values []float64) float64 {
	counts := make([]float64, len(durationBounds)+1)
	for _, v := range values {
		counts[sort.SearchFloat64s(durationBounds, v)]++
	}
	rank := q * float64(len(values))
	var cum float64
	for i, c := range counts {
		if cum+c >= rank && c > 0 {
			lo := 0.0
			if i > 0 {
				lo = durationBounds[i-1]
			}
			if i == len(durationBounds) {
				return durationBounds[len(durationBounds)-1]
			}
			return lo + (durationBounds[i]-lo)*(rank-cum)/c
		}
		cum += c
	}
	return math.NaN()
}

// ruleOnTotals returns the expression of a shipped recording rule with each
// rate(x[5m]) replaced by x: the same ratio over the cumulative counters
// instead of the last five minutes, which a test that sends its data once
// can compare exactly with the truth.
func ruleOnTotals(t *testing.T, record string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(repoRoot, "config", "prometheus", "rules", "otelcol-llm.yml"))
	require.NoError(t, err)
	var rf struct {
		Groups []struct {
			Rules []struct{ Record, Expr string } `yaml:"rules"`
		} `yaml:"groups"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &rf))
	for _, g := range rf.Groups {
		for _, r := range g.Rules {
			if r.Record == record {
				expr := regexp.MustCompile(`rate\(([^\[\]()]+)\[5m\]\)`).ReplaceAllString(r.Expr, "$1")
				require.NotContains(t, expr, "rate(", record)
				_, err := parser.NewParser(parser.Options{}).ParseExpr(expr)
				require.NoError(t, err, expr)
				return expr
			}
		}
	}
	t.Fatalf("no recording rule %s", record)
	return ""
}

// serviceValue runs expr and returns the value of its series for service.
func serviceValue(t *testing.T, p *prometheusServer, expr, service string) float64 {
	t.Helper()
	r, err := p.query(expr)
	require.NoError(t, err, expr)
	for _, s := range r.Result {
		if s.Metric["service_name"] == service {
			v, err := strconv.ParseFloat(s.Value[1].(string), 64)
			require.NoError(t, err)
			return v
		}
	}
	t.Fatalf("%s: no series for service %s in %v", expr, service, r.Result)
	return 0
}

// checkTurnTruth compares what Prometheus holds for service with the truth.
func checkTurnTruth(t *testing.T, p *prometheusServer, sink *harness.Sink, service string, tt turnTruth) {
	t.Helper()
	svc := fmt.Sprintf(`service_name=%q`, service)
	n := float64(tt.turns)
	assertScalar(t, p, `sum(otelcol_llm_turns_total{`+svc+`})`, n)
	// The shipped rules' ratios, on the totals, are the per-turn truth.
	assert.InDelta(t, float64(tt.fallbacks)/n, serviceValue(t, p, ruleOnTotals(t, "service:otelcol_llm_turn_fallback_ratio:rate5m"), service), 1e-12, "fallback ratio")
	assert.InDelta(t, float64(tt.errors)/n, serviceValue(t, p, ruleOnTotals(t, "service:otelcol_llm_turn_error_ratio:rate5m"), service), 1e-12, "error ratio")
	// One inference call per turn (all HALO Core records), errors alike.
	assert.InDelta(t, float64(tt.errors)/n, serviceValue(t, p, ruleOnTotals(t, "service:gen_ai_inference_error_ratio:rate5m"), service), 1e-12, "inference error ratio")
	assertScalar(t, p, `sum(otelcol_llm_calls_total{kind="inference",`+svc+`})`, n)
	assertScalar(t, p, `sum(otelcol_llm_calls_total{kind="agent",`+svc+`})`, n)
	// Turn latency: every bucket holds the turns the truth puts in it.
	for _, le := range durationBounds {
		want := 0
		for _, v := range tt.latencies {
			if v <= le {
				want++
			}
		}
		assertScalar(t, p, fmt.Sprintf(`sum(otelcol_llm_turn_duration_seconds_bucket{%s,le="%s"})`, svc, strconv.FormatFloat(le, 'f', -1, 64)), float64(want))
	}
	p50 := bucketQuantile(0.5, tt.latencies)
	assertScalarNear(t, p, `histogram_quantile(0.5, sum by (le) (otelcol_llm_turn_duration_seconds_bucket{`+svc+`}))`, p50, 1e-9)
	// Tool calls: every call made, events and spans alike, by tool.
	total := 0
	for name, c := range tt.tools {
		assertScalar(t, p, fmt.Sprintf(`sum(otelcol_llm_tool_calls_total{%s,gen_ai_tool_name=%q})`, svc, name), float64(c))
		total += c
	}
	if total > 0 {
		assertScalar(t, p, `sum(otelcol_llm_tool_calls_total{`+svc+`})`, float64(total))
	}
	// HALO Core reports no token counts: llm_cost estimates them, and the
	// token and cost panels show them as estimated, never as reported.
	for _, m := range []string{"otelcol_llm_tokens_total", "otelcol_llm_cost_total"} {
		v, err := p.scalar(`sum(` + m + `{estimated="true",` + svc + `})`)
		require.NoError(t, err, m)
		assert.Positive(t, v, m)
	}
	// Cost once: the amounts llm_cost wrote on the calls, not again as the
	// turn totals it wrote on the roots (which add up to the same).
	var calls, roots float64
	sink.ForEachSpan(func(s string, sp ptrace.Span) {
		if s != service {
			return
		}
		v, ok := sp.Attributes().Get(genai.CostAmount)
		if !ok {
			return
		}
		if src, _ := sp.Attributes().Get(genai.CostSource); src.Str() == genai.CostSourceAggregate {
			roots += v.Double()
		} else {
			calls += v.Double()
		}
	})
	assert.Positive(t, calls)
	assert.InDelta(t, calls, roots, 1e-9, "the roots' totals are the calls' sum")
	assertScalarNear(t, p, `sum(otelcol_llm_cost_total{`+svc+`})`, calls, 1e-9)
	r, err := p.query(`otelcol_llm_tokens_total{estimated="false",` + svc + `}`)
	require.NoError(t, err)
	assert.Empty(t, r.Result, "reported tokens for a source that reports none")
	r, err = p.query(`otelcol_llm_cost_total{estimated="false",` + svc + `}`)
	require.NoError(t, err)
	assert.Empty(t, r.Result, "cost from reported tokens for a source that reports none")

	// For the record: what the mixed denominators of before showed.
	old := func(expr string) string {
		v, err := p.scalar(expr)
		if err != nil {
			return err.Error()
		}
		return strconv.FormatFloat(v, 'f', 4, 64)
	}
	sorted := append([]float64(nil), tt.latencies...)
	sort.Float64s(sorted)
	t.Logf("%s: %d turns; fallback %d (%.4f), errors %d (%.4f); all GenAI spans as denominator: fallback %s, errors %s; turn p50 %.3f s (bucketed; exact median %.3f s), p50 of all spans %s s",
		service, tt.turns, tt.fallbacks, float64(tt.fallbacks)/n, tt.errors, float64(tt.errors)/n,
		old(`sum(otelcol_llm_fallbacks_total{`+svc+`}) / sum(otelcol_llm_calls_total{`+svc+`})`),
		old(`sum(otelcol_llm_calls_total{status="error",`+svc+`}) / sum(otelcol_llm_calls_total{`+svc+`})`),
		p50, sorted[len(sorted)/2],
		old(`histogram_quantile(0.5, sum by (le) (gen_ai_client_operation_duration_seconds_bucket{`+svc+`}))`))
}

// turnRootsOf counts the distinct turn root spans of a service at the sink.
func turnRootsOf(sink *harness.Sink, service string) int {
	roots := map[string]bool{}
	sink.ForEachSpan(func(s string, sp ptrace.Span) {
		if s == service && sp.ParentSpanID().IsEmpty() {
			roots[sp.SpanID().String()] = true
		}
	})
	return len(roots)
}

// TestPerTurnRatios drives the shipped sidecar and gateway with HALO Core
// histories, the repository's examples and a generated set of 42 turns
// whose truth the generator knows, through a real Prometheus with the
// shipped rules: fallback and error ratios, latency buckets and tool calls
// per turn equal the truth, while the agent, inference and tool spans
// around the turns stay out of the denominators.
func TestPerTurnRatios(t *testing.T) {
	sink := newSink(t) // Jaeger and Loki
	gw := startGateway(t, gatewayEnv(sink, t.TempDir()))
	sidecar := func(dir string, overlay ...string) *collector {
		env := []string{
			"OTELCOL_BEARER_TOKEN=" + testToken,
			"OTELCOL_STORAGE_DIR=" + t.TempDir(),
			"OTELCOL_GATEWAY_ENDPOINT=" + gw.otlpGRPC(),
			"CHAT_HISTORY_GLOB=" + filepath.Join(dir, "*.json"),
		}
		args := []string{"--config", configPath(t, "sidecar.yaml")}
		for _, o := range overlay {
			args = append(args, "--config", o)
		}
		c := startCollector(t, newPorts(t), env, args...)
		c.waitHealthy()
		return c
	}
	examplesDir, simDir := t.TempDir(), t.TempDir()
	scExamples := sidecar(examplesDir)
	// The generated histories come from another app: the shipped sidecar
	// with only its service name changed.
	overlay := filepath.Join(t.TempDir(), "service.yaml")
	require.NoError(t, os.WriteFile(overlay, []byte("receivers:\n  chat_trace:\n    service_name: halo-sim\n"), 0o600))
	sidecar(simDir, overlay)
	prom := startPrometheus(t, harness.Addr(gw.ports.Prometheus), map[string]string{
		"gateway": harness.Addr(gw.ports.Metrics),
		"sidecar": harness.Addr(scExamples.ports.Metrics),
	})

	examples, err := filepath.Glob(filepath.Join(repoRoot, "examples", "chat_history", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, examples)
	for _, ex := range examples {
		b, err := os.ReadFile(ex)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(examplesDir, filepath.Base(ex)), b, 0o600))
	}
	exTruth := exampleTruth(t, examples)
	require.Equal(t, 6, exTruth.turns)
	sim := truthOf(writeHALOSessions(t, simDir, 20261202, 6, 7))
	require.Equal(t, 42, sim.turns)
	require.Positive(t, sim.fallbacks)
	require.Positive(t, sim.errors)

	prom.eventuallyScalar(`sum(otelcol_llm_turns_total{service_name="halo-core"})`, func(v float64) bool { return v == float64(exTruth.turns) })
	prom.eventuallyScalar(`sum(otelcol_llm_turns_total{service_name="halo-sim"})`, func(v float64) bool { return v == float64(sim.turns) })
	time.Sleep(2 * time.Second) // one more scrape: nothing else arrives
	require.Eventually(t, func() bool {
		return turnRootsOf(sink, "halo-core")+turnRootsOf(sink, "halo-sim") == exTruth.turns+sim.turns
	},
		30*time.Second, 100*time.Millisecond, "turns at the traces backend")
	t.Run("examples", func(t *testing.T) { checkTurnTruth(t, prom, sink, "halo-core", exTruth) })
	t.Run("generated", func(t *testing.T) { checkTurnTruth(t, prom, sink, "halo-sim", sim) })
}
