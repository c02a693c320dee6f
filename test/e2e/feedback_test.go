// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// haloSession is an example HALO Core history (examples/chat_history):
// welcome, then two turns of the General Assistant Team on gpt-4.1-mini,
// at messages 2 and 4.
const haloSession = "4e7b2c9d0a1f4b3c8d5e6f7a8b9c0d1e"

// routedRuns are HALO Core-shaped runs pushed with OpenRouter usage: one on
// credits (cost 0.0031 USD), one on the app's own key (fee 0.0002 plus
// 0.004 billed upstream); and a run with Anthropic usage whose cache
// writes are split by lifetime: 100 uncached input tokens, 1,000 written
// for 5 minutes, 2,000 for an hour, 200 output tokens.
const routedRuns = `{"session_id": "e2e-routed", "user_id": "u-31", "request_id": "fb-req-1", "turn_index": 1, "role": "assistant", "content": "Ihre Bestellung ist unterwegs.", "usage": {"prompt_tokens": 1200, "completion_tokens": 150, "total_tokens": 1350, "cost": 0.0031, "is_byok": false, "prompt_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0}, "cost_details": {"upstream_inference_cost": 0.0031, "upstream_inference_prompt_cost": 0.0019, "upstream_inference_completions_cost": 0.0012}}, "trace": {"response": "Ihre Bestellung ist unterwegs.", "agent_name": "Support Agent", "agent_type": "agent", "telemetry": {"model": "openrouter:openai/gpt-4.1-mini", "stream_result": "ok", "latency_ms": 1420, "used_fallback": false}}}
{"session_id": "e2e-routed", "user_id": "u-31", "request_id": "fb-req-2", "turn_index": 3, "role": "assistant", "content": "Gern geschehen.", "usage": {"prompt_tokens": 900, "completion_tokens": 40, "cost": 0.0002, "is_byok": true, "cost_details": {"upstream_inference_cost": 0.004}}, "trace": {"response": "Gern geschehen.", "agent_name": "Support Agent", "agent_type": "agent", "telemetry": {"model": "openrouter:openai/gpt-4.1-mini", "stream_result": "ok", "latency_ms": 610, "used_fallback": false}}}
{"session_id": "e2e-claude", "request_id": "fb-req-3", "turn_index": 1, "role": "assistant", "content": "Clause 7 sets the notice period.", "usage": {"input_tokens": 100, "cache_creation_input_tokens": 3000, "cache_read_input_tokens": 0, "cache_creation": {"ephemeral_5m_input_tokens": 1000, "ephemeral_1h_input_tokens": 2000}, "output_tokens": 200}, "trace": {"response": "Clause 7 sets the notice period.", "agent_name": "Contract Reader", "agent_type": "agent", "telemetry": {"model": "anthropic:claude-sonnet-4-5", "stream_result": "ok", "latency_ms": 2210, "used_fallback": false}}}
`

// feedbackAnswer is the feedback endpoint's JSON answer.
type feedbackAnswer struct {
	TraceID   string `json:"trace_id"`
	SpanID    string `json:"span_id"`
	Joined    *bool  `json:"joined"`
	Duplicate bool   `json:"duplicate"`
	Error     string `json:"error"`
	Field     string `json:"field"`
}

func postFeedbackTo(t *testing.T, url, body string) (int, feedbackAnswer) {
	t.Helper()
	code, _, b := chatPost(t, url, []byte(body), "application/json", nil)
	var a feedbackAnswer
	require.NoError(t, json.Unmarshal(b, &a), string(b))
	return code, a
}

// sumWithoutLabel adds the counter series whose labels include want and
// that have no (non-empty) label absent: Prometheus drops empty labels.
func sumWithoutLabel(f harness.Families, name string, want map[string]string, absent string) float64 {
	mf, ok := f[name]
	if !ok {
		return 0
	}
	var sum float64
	for _, m := range mf.GetMetric() {
		if harness.HasLabels(m, want) && labelOf(m, absent) == "" {
			sum += m.GetCounter().GetValue()
		}
	}
	return sum
}

// histogramSum adds the sample sums of a histogram family's series whose
// labels include want.
func histogramSum(f harness.Families, name string, want map[string]string) float64 {
	mf, ok := f[name]
	if !ok {
		return 0
	}
	var sum float64
	for _, m := range mf.GetMetric() {
		if h := m.GetHistogram(); h != nil && harness.HasLabels(m, want) {
			sum += h.GetSampleSum()
		}
	}
	return sum
}

// counterByLabel sums a counter family (with or without _total) by one label.
func counterByLabel(f harness.Families, name, label string) map[string]float64 {
	out := map[string]float64{}
	for _, n := range []string{name, name + "_total"} {
		mf, ok := f[n]
		if !ok {
			continue
		}
		for _, m := range mf.GetMetric() {
			out[labelOf(m, label)] += m.GetCounter().GetValue()
		}
	}
	return out
}

func labelOf(m *dto.Metric, name string) string {
	for _, l := range m.GetLabel() {
		if l.GetName() == name {
			return l.GetValue()
		}
	}
	return ""
}

// TestFeedbackThroughSidecarAndGateway: an app next to the shipped sidecar
// (HALO Core history files and pushed runs) posts user feedback on its
// turns; the sidecar joins it to the turns and forwards it to the shipped
// gateway, whose span_metrics_llm (wired to the logs pipeline by the
// overlay, as the shipped gateway is not) counts it per agent and model in
// the gateway's Prometheus endpoint. The pushed runs' provider-reported
// cost and Anthropic's cache-write lifetimes come out of the same gateway
// as counted cost.
func TestFeedbackThroughSidecarAndGateway(t *testing.T) {
	sink := newSink(t) // the gateway's Jaeger and Loki
	overlay, err := filepath.Abs(filepath.Join("testdata", "feedback-logs.yaml"))
	require.NoError(t, err)
	gw := startGateway(t, gatewayEnv(sink, t.TempDir()), overlay)
	histories := t.TempDir()
	sc := startSidecar(t, []string{
		"OTELCOL_BEARER_TOKEN=" + testToken,
		"OTELCOL_STORAGE_DIR=" + t.TempDir(),
		"OTELCOL_GATEWAY_ENDPOINT=" + gw.otlpGRPC(),
		"CHAT_HISTORY_GLOB=" + filepath.Join(histories, "*.json"),
	})
	b, err := os.ReadFile(filepath.Join(repoRoot, "examples", "chat_history", haloSession+".json"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(histories, haloSession+".json"), b, 0o600))
	code, _, body := chatPost(t, sc.chatURL(), []byte(routedRuns), "application/x-ndjson", nil)
	require.Equal(t, http.StatusOK, code, string(body))

	// The turns reached the gateway's backend: their root spans by session
	// and position (or request id).
	roots := map[string]ptrace.Span{}
	require.Eventually(t, func() bool {
		sink.ForEachSpan(func(_ string, s ptrace.Span) {
			if !s.ParentSpanID().IsEmpty() {
				return
			}
			a := s.Attributes().AsRaw()
			roots[fmt.Sprintf("%v/%v", a[genai.ConversationID], a[genai.ChatTurnIndex])] = s
		})
		return len(roots) == 5
	}, 30*time.Second, 100*time.Millisecond, "turn roots at the gateway's backend: %d", len(roots))

	url := sc.chatURL() + "/feedback"
	for _, tc := range []struct {
		name, body string
		code       int
		turn       string // the turn whose root the answer names
		joined     bool
		dup        bool
		field      string
	}{
		{"thumbs down by request id, with a comment", `{"request_id": "fb-req-1", "thumbs": "down", "comment": "Falsch. Schreiben Sie mir an ` + piiEmail + `"}`, 200, "e2e-routed/1", true, false, ""},
		{"the same again (a retry)", `{"request_id": "fb-req-1", "thumbs": "down", "comment": "Falsch. Schreiben Sie mir an ` + piiEmail + `"}`, 200, "e2e-routed/1", true, true, ""},
		{"thumbs up by request id", `{"request_id": "fb-req-2", "thumbs": "up", "feedback_id": "click-1"}`, 200, "e2e-routed/3", true, false, ""},
		{"a rating of a history-file turn, by session and position", `{"session_id": "` + haloSession + `", "turn_index": 4, "score": 4, "label": "helpful"}`, 200, haloSession + "/4", true, false, ""},
		{"an unknown trace id", `{"trace_id": "0af7651916cd43dd8448eb211c80319c", "thumbs": "down"}`, 200, "", false, false, ""},
		{"an unknown request id", `{"request_id": "fb-req-404", "thumbs": "up"}`, 404, "", false, false, "request_id"},
		{"a score out of range", `{"request_id": "fb-req-2", "score": 1000}`, 400, "", false, false, "score"},
	} {
		code, a := postFeedbackTo(t, url, tc.body)
		require.Equal(t, tc.code, code, "%s: %+v", tc.name, a)
		assert.Equal(t, tc.field, a.Field, tc.name)
		if code != http.StatusOK {
			continue
		}
		require.NotNil(t, a.Joined, tc.name)
		assert.Equal(t, tc.joined, *a.Joined, tc.name)
		assert.Equal(t, tc.dup, a.Duplicate, tc.name)
		if tc.turn != "" {
			root := roots[tc.turn]
			assert.Equal(t, root.TraceID().String(), a.TraceID, tc.name)
			assert.Equal(t, root.SpanID().String(), a.SpanID, tc.name)
		}
	}

	// The gateway counts four pieces of feedback (the retry once): per
	// agent and model, scores -1 (down) + 1 (up) + 4 + -1 (unjoined down).
	fb := map[string]string{"service_name": "halo-core", "gen_ai_evaluation_name": "user_feedback"}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range fb {
			m[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	m := eventually(t, gw.llmMetrics(), "feedback counted at the gateway", func(m harness.Families) bool {
		return m.Sum("otelcol_llm_evaluation_results_total", fb) == 4
	})
	assert.Equal(t, 4.0, m.Sum("otelcol_llm_evaluation_score", fb), "score observations")
	assert.Equal(t, 3.0, histogramSum(m, "otelcol_llm_evaluation_score", fb), "score sum")
	assert.Equal(t, 2.0, m.Sum("otelcol_llm_evaluation_results_total", with("gen_ai_agent_name", "Support Agent", "gen_ai_request_model", "openai/gpt-4.1-mini", "gen_ai_provider_name", "openrouter")))
	assert.Equal(t, 1.0, m.Sum("otelcol_llm_evaluation_results_total", with("gen_ai_agent_name", "Support Agent", "gen_ai_evaluation_score_label", "negative")))
	assert.Equal(t, 1.0, m.Sum("otelcol_llm_evaluation_results_total", with("gen_ai_agent_name", "General Assistant Team", "gen_ai_request_model", "gpt-4.1-mini", "gen_ai_evaluation_score_label", "helpful")))
	assert.Equal(t, 4.0, histogramSum(m, "otelcol_llm_evaluation_score", with("gen_ai_agent_name", "General Assistant Team")))
	assert.Equal(t, 1.0, sumWithoutLabel(m, "otelcol_llm_evaluation_results_total", with("gen_ai_evaluation_score_label", "negative"), "gen_ai_agent_name"), "the unjoined feedback: no agent")

	// Cost: the OpenRouter runs at the reported 0.0031 and 0.0002 + 0.004
	// USD (provider, counted once, on the inference spans); the Anthropic
	// run priced by llm_cost with its 1-hour writes at their own rate:
	// 100 x 3 + 1000 x 3.75 + 2000 x 6 + 200 x 15 per million = 0.01905
	// USD (0.01455 if every write were billed at the 5-minute rate).
	m = eventually(t, gw.llmMetrics(), "pushed runs' cost counted", func(m harness.Families) bool {
		return m.Sum("otelcol_llm_cost_total", map[string]string{"gen_ai_agent_name": "Contract Reader"}) > 0
	})
	assert.InDelta(t, 0.0073, m.Sum("otelcol_llm_cost_total", map[string]string{"gen_ai_agent_name": "Support Agent", "gen_ai_usage_cost_currency": "USD"}), 1e-12)
	assert.InDelta(t, 0.01905, m.Sum("otelcol_llm_cost_total", map[string]string{"gen_ai_agent_name": "Contract Reader", "estimated": "false"}), 1e-12)
	var inference []map[string]any
	sink.ForEachSpan(func(_ string, s ptrace.Span) {
		if a := s.Attributes().AsRaw(); a[genai.ConversationID] == "e2e-routed" && a[genai.OperationName] == genai.OpChat {
			inference = append(inference, a)
		}
	})
	require.Len(t, inference, 2)
	for _, a := range inference {
		assert.Equal(t, genai.CostSourceProvider, a[genai.CostSource], "llm_cost kept the reported cost")
		assert.Equal(t, "USD", a[genai.CostCurrency])
	}

	// What reached Loki: the four records, in the turns' trace context, the
	// comment redacted, no usage or cost on them.
	var records []plog.LogRecord
	require.Eventually(t, func() bool {
		records = records[:0]
		sink.ForEachLog(func(_ string, lr plog.LogRecord) {
			if lr.EventName() == genai.EvaluationResultEvent {
				records = append(records, lr)
			}
		})
		return len(records) == 4
	}, 30*time.Second, 100*time.Millisecond, "feedback records at Loki: %d", len(records))
	traces := map[string]bool{}
	for _, lr := range records {
		traces[lr.TraceID().String()] = true
		for k, v := range lr.Attributes().AsRaw() {
			assert.False(t, strings.HasPrefix(k, "gen_ai.usage."), "%s on a feedback record", k)
			assert.NotContains(t, fmt.Sprint(v), piiEmail)
		}
		if c, ok := lr.Attributes().Get(genai.EvaluationExplanation); ok {
			assert.Contains(t, c.Str(), "[REDACTED:email]")
		}
	}
	for _, turn := range []string{"e2e-routed/1", "e2e-routed/3", haloSession + "/4"} {
		assert.True(t, traces[roots[turn].TraceID().String()], "feedback in the trace of %s", turn)
	}
	assert.True(t, traces["0af7651916cd43dd8448eb211c80319c"])

	// The sidecar counted every request by outcome.
	own := eventually(t, sc.selfMetrics(), "the sidecar's feedback counts", func(m harness.Families) bool {
		return counterByLabel(m, "otelcol_receiver_chat_trace_feedback", "outcome")["rejected"] == 1
	})
	assert.Equal(t, map[string]float64{"joined": 3, "duplicate": 1, "unjoined": 1, "not_found": 1, "rejected": 1},
		counterByLabel(own, "otelcol_receiver_chat_trace_feedback", "outcome"))
}
