// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.yaml.in/yaml/v3"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// Loki is AGPL and not served by the module proxy, so this test cannot run
// the README's LogQL against a real Loki. It does the next best thing: it
// turns every log record that reached the Loki stand-in into the entry Loki
// would store under config/loki/loki-config.yaml (index labels from the
// resource attributes the config names, structured metadata from the other
// attributes and the record's fields, with Loki's name normalisation), and
// evaluates each README query with the subset of LogQL the README uses:
// stream selectors, label filters (=, !=, >, <), line_format, and
// sum by (...) (sum_over_time(... | unwrap x [range])).

// lokiEntry is one stored log line.
type lokiEntry struct {
	labels   map[string]string // stream (index) labels
	metadata map[string]string // structured metadata
	line     string
}

// get reads a label for a pipeline filter: stream labels, then metadata.
func (e lokiEntry) get(name string) (string, bool) {
	if v, ok := e.labels[name]; ok {
		return v, true
	}
	v, ok := e.metadata[name]
	return v, ok
}

var lokiNameInvalid = regexp.MustCompile(`[^a-zA-Z0-9_]`)

func lokiName(attr string) string { return lokiNameInvalid.ReplaceAllString(attr, "_") }

// lokiMapping is what config/loki/loki-config.yaml says about attributes.
type lokiMapping struct {
	indexed map[string]bool // resource attributes that become stream labels
	dropped map[string]bool // log attributes dropped
}

func readLokiMapping(t *testing.T) lokiMapping {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(repoRoot, "config", "loki", "loki-config.yaml"))
	require.NoError(t, err)
	var cfg struct {
		Limits struct {
			OTLP struct {
				Resource struct {
					Attributes []struct {
						Action     string   `yaml:"action"`
						Attributes []string `yaml:"attributes"`
					} `yaml:"attributes_config"`
				} `yaml:"resource_attributes"`
				Log []struct {
					Action     string   `yaml:"action"`
					Attributes []string `yaml:"attributes"`
				} `yaml:"log_attributes"`
			} `yaml:"otlp_config"`
		} `yaml:"limits_config"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &cfg))
	m := lokiMapping{indexed: map[string]bool{}, dropped: map[string]bool{}}
	for _, r := range cfg.Limits.OTLP.Resource.Attributes {
		if r.Action == "index_label" {
			for _, a := range r.Attributes {
				m.indexed[a] = true
			}
		}
	}
	for _, r := range cfg.Limits.OTLP.Log {
		if r.Action == "drop" {
			for _, a := range r.Attributes {
				m.dropped[a] = true
			}
		}
	}
	return m
}

// lokiEntries maps the records at the sink as Loki would store them.
func lokiEntries(sink *harness.Sink, m lokiMapping) []lokiEntry {
	var out []lokiEntry
	for _, ld := range sink.Logs() {
		rls := ld.ResourceLogs()
		for i := 0; i < rls.Len(); i++ {
			labels, resMeta := map[string]string{}, map[string]string{}
			rls.At(i).Resource().Attributes().Range(func(k string, v pcommon.Value) bool {
				if m.indexed[k] {
					labels[lokiName(k)] = v.AsString()
				} else {
					resMeta[lokiName(k)] = v.AsString()
				}
				return true
			})
			sls := rls.At(i).ScopeLogs()
			for j := 0; j < sls.Len(); j++ {
				lrs := sls.At(j).LogRecords()
				for k := 0; k < lrs.Len(); k++ {
					lr := lrs.At(k)
					e := lokiEntry{labels: labels, metadata: map[string]string{}, line: lr.Body().AsString()}
					for n, v := range resMeta {
						e.metadata[n] = v
					}
					lr.Attributes().Range(func(k string, v pcommon.Value) bool {
						if !m.dropped[k] {
							e.metadata[lokiName(k)] = v.AsString()
						}
						return true
					})
					if lr.SeverityText() != "" {
						e.metadata["severity_text"] = lr.SeverityText()
					}
					if !lr.TraceID().IsEmpty() {
						e.metadata["trace_id"] = lr.TraceID().String()
						e.metadata["span_id"] = lr.SpanID().String()
					}
					out = append(out, e)
				}
			}
		}
	}
	return out
}

var (
	selectorRe   = regexp.MustCompile(`^\{([^}]*)\}`)
	matcherRe    = regexp.MustCompile(`^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*$`)
	filterRe     = regexp.MustCompile(`^([a-zA-Z_][a-zA-Z0-9_]*)\s*(!=|=|>=|<=|>|<)\s*("(?:[^"\\]|\\.)*"|[0-9.]+)$`)
	lineFormatRe = regexp.MustCompile(`^line_format\s+"((?:[^"\\]|\\.)*)"$`)
	metricRe     = regexp.MustCompile(`^sum by \(([a-z_, ]+)\) \(sum_over_time\((.*) \| unwrap ([a-zA-Z_][a-zA-Z0-9_]*) \[[0-9]+[smhd]\]\)\)$`)
	templateRe   = regexp.MustCompile(`\{\{\s*(\.[a-zA-Z_][a-zA-Z0-9_]*|__line__)\s*\}\}`)
)

// logQLResult is a log query's lines, or a metric query's value per group.
type logQLResult struct {
	entries []lokiEntry
	lines   []string
	sums    map[string]float64 // group label values joined by ","
}

func evalLogQL(t *testing.T, q string, all []lokiEntry) logQLResult {
	t.Helper()
	if m := metricRe.FindStringSubmatch(q); m != nil {
		inner := evalLogQL(t, m[2], all)
		groups := strings.Split(m[1], ",")
		sums := map[string]float64{}
		for _, e := range inner.entries {
			v, ok := e.get(m[3])
			if !ok {
				continue // Loki: an entry without the label is skipped with an error label
			}
			f, err := strconv.ParseFloat(v, 64)
			require.NoError(t, err, "unwrap %s of %q", m[3], v)
			var key []string
			for _, g := range groups {
				gv, _ := e.get(strings.TrimSpace(g))
				key = append(key, gv)
			}
			sums[strings.Join(key, ",")] += f
		}
		return logQLResult{sums: sums}
	}
	sel := selectorRe.FindStringSubmatch(q)
	require.NotNil(t, sel, "query %q has no stream selector", q)
	type matcher struct{ name, op, value string }
	var ms []matcher
	for _, part := range strings.Split(sel[1], ",") {
		m := matcherRe.FindStringSubmatch(part)
		require.NotNil(t, m, "matcher %q of %q", part, q)
		ms = append(ms, matcher{m[1], m[2], m[3]})
	}
	require.NotEmpty(t, ms, "empty selector in %q", q)
	var res logQLResult
	stages := strings.Split(strings.TrimSpace(q[len(sel[0]):]), "|")[1:]
entries:
	for _, e := range all {
		for _, m := range ms {
			v := e.labels[m.name] // stream selectors see stream labels only
			switch m.op {
			case "=":
				if v != m.value {
					continue entries
				}
			case "!=":
				if v == m.value {
					continue entries
				}
			case "=~":
				if !regexp.MustCompile("^(?:" + m.value + ")$").MatchString(v) {
					continue entries
				}
			}
		}
		line := e.line
		for _, st := range stages {
			st = strings.TrimSpace(st)
			if lf := lineFormatRe.FindStringSubmatch(st); lf != nil {
				line = templateRe.ReplaceAllStringFunc(lf[1], func(x string) string {
					name := strings.Trim(templateRe.FindStringSubmatch(x)[1], ".")
					if name == "__line__" {
						return e.line
					}
					v, _ := e.get(name)
					return v
				})
				continue
			}
			f := filterRe.FindStringSubmatch(st)
			require.NotNil(t, f, "stage %q of %q is outside the LogQL this test evaluates", st, q)
			v, _ := e.get(f[1])
			if !labelFilter(v, f[2], f[3]) {
				continue entries
			}
		}
		res.entries = append(res.entries, e)
		res.lines = append(res.lines, line)
	}
	return res
}

// labelFilter is LogQL's label filter: a quoted value compares strings, a
// number compares numerically (an entry whose value is no number fails).
func labelFilter(v, op, want string) bool {
	if strings.HasPrefix(want, `"`) {
		w, _ := strconv.Unquote(want)
		if op == "=" {
			return v == w
		}
		return op == "!=" && v != w
	}
	a, err1 := strconv.ParseFloat(v, 64)
	b, err2 := strconv.ParseFloat(want, 64)
	if err1 != nil || err2 != nil {
		return false
	}
	switch op {
	case "=":
		return a == b
	case "!=":
		return a != b
	case ">":
		return a > b
	case "<":
		return a < b
	case ">=":
		return a >= b
	case "<=":
		return a <= b
	}
	return false
}

// readmeLogQL returns the README's LogQL examples: comment line -> query.
func readmeLogQL(t *testing.T) [][2]string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	require.NoError(t, err)
	blocks := regexp.MustCompile("(?s)```logql\n(.*?)```").FindAllStringSubmatch(string(raw), -1)
	require.NotEmpty(t, blocks, "README has no logql block")
	var out [][2]string
	for _, b := range blocks {
		comment := ""
		for _, line := range strings.Split(b[1], "\n") {
			switch {
			case strings.HasPrefix(line, "# "):
				comment = strings.TrimPrefix(line, "# ")
			case strings.TrimSpace(line) != "":
				require.NotEmpty(t, comment, "README LogQL %q has no comment saying what it returns", line)
				out = append(out, [2]string{comment, line})
				comment = ""
			}
		}
	}
	return out
}

// TestREADMELogQL runs the shipped sidecar and gateway on the example HALO
// Core histories plus one pushed turn that carries an e-mail address, and
// checks that every LogQL example of the README returns what its comment
// says, against the truth of those turns: the turns of one agent, the
// fallback turns, the failed turns of a model with their error type, cost
// per agent equal to the cost of the agent's priced calls in the traces,
// and the turns that had PII removed.
func TestREADMELogQL(t *testing.T) {
	traces, loki := newSink(t), newSink(t)
	gw := startGateway(t, []string{
		"OTELCOL_BEARER_TOKEN=" + testToken,
		"OTELCOL_STORAGE_DIR=" + t.TempDir(),
		"JAEGER_OTLP_ENDPOINT=" + traces.GRPCAddr,
		"LOKI_OTLP_ENDPOINT=" + loki.LokiEndpoint(),
	})
	histories := t.TempDir()
	sc := startSidecar(t, []string{
		"OTELCOL_BEARER_TOKEN=" + testToken,
		"OTELCOL_STORAGE_DIR=" + t.TempDir(),
		"OTELCOL_GATEWAY_ENDPOINT=" + gw.otlpGRPC(),
		"CHAT_HISTORY_GLOB=" + filepath.Join(histories, "*.json"),
	})
	examples, err := filepath.Glob(filepath.Join(repoRoot, "examples", "chat_history", "*.json"))
	require.NoError(t, err)
	for _, ex := range examples {
		b, err := os.ReadFile(ex)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(histories, filepath.Base(ex)), b, 0o600))
	}
	// One more session, pushed as a HALO Core history: the user's message
	// carries an e-mail address, which redact removes before Loki.
	push := `[{"role":"user","content":"please change my e-mail to dana.kowalski@example.net","tool_calls":null},` +
		`{"role":"assistant","content":"I have updated the address on your account.","tool_calls":null,` +
		`"trace":{"payload":"please change my e-mail","response":"I have updated the address on your account.","error":null,` +
		`"agent_name":"Chat Agent","agent_type":"agent","telemetry":{"model":"anthropic:claude-sonnet-4-5","latency_ms":1800,"used_fallback":false}}}]`
	resp, err := http.Post(sc.chatURL()+"?session_id=logql-pii", "application/json", bytes.NewReader([]byte(push))) //nolint:noctx // test
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)

	const wantTurns = 7 // six in the examples, one pushed
	require.Eventually(t, func() bool { return logsOf(loki, "halo-core") == wantTurns }, 60*time.Second, 200*time.Millisecond,
		"turn log records at Loki: %d", logsOf(loki, "halo-core"))

	// The truth, from what reached the backends.
	type turn struct {
		agent, model, errType string
		fallback, pii         bool
	}
	var turns []turn
	logCost := map[string]float64{} // agent -> cost its turn logs carry
	for _, ld := range loki.Logs() {
		rls := ld.ResourceLogs()
		for i := 0; i < rls.Len(); i++ {
			res := rls.At(i).Resource().Attributes()
			if v, _ := res.Get(genai.ServiceName); v.AsString() != "halo-core" {
				continue
			}
			sls := rls.At(i).ScopeLogs()
			for j := 0; j < sls.Len(); j++ {
				lrs := sls.At(j).LogRecords()
				for k := 0; k < lrs.Len(); k++ {
					a := lrs.At(k).Attributes()
					// The record's attribute, or its resource's (the gateway
					// lifts model and agent there for Loki's index).
					get := func(key string) (pcommon.Value, bool) {
						if v, ok := a.Get(key); ok {
							return v, true
						}
						return res.Get(key)
					}
					str := func(key string) string {
						if v, ok := get(key); ok {
							return v.AsString()
						}
						return ""
					}
					fb, hasFB := get(genai.ChatFallbackUsed)
					n, hasN := get(genai.PIIRedactedCount)
					if c, ok := get(genai.CostAmount); ok {
						logCost[str(genai.AgentName)] += c.Double()
					}
					turns = append(turns, turn{
						agent: str(genai.AgentName), model: str(genai.RequestModel), errType: str(genai.ErrorType),
						fallback: hasFB && fb.Bool(), pii: hasN && n.Int() > 0,
					})
				}
			}
		}
	}
	require.Len(t, turns, wantTurns)
	// The traces backend may get the last batch of spans after Loki got
	// the logs: wait (up to 30 s) until the priced inference spans of
	// every agent add up to what its logs say, then check below.
	var callCost map[string]float64 // agent -> cost of its priced inference spans
	readCallCost := func() bool {
		callCost = map[string]float64{}
		traces.ForEachSpan(func(svc string, s ptrace.Span) {
			c := genai.Read(s.Attributes())
			if svc == "halo-core" && c.Kind() == genai.KindInference && c.HasCost {
				callCost[c.Agent] += c.CostAmount
			}
		})
		if len(callCost) != len(logCost) {
			return false
		}
		for agent, want := range logCost {
			if d := callCost[agent] - want; d > 1e-12 || d < -1e-12 {
				return false
			}
		}
		return true
	}
	for deadline := time.Now().Add(30 * time.Second); !readCallCost() && time.Now().Before(deadline); {
		time.Sleep(200 * time.Millisecond)
	}
	require.NotEmpty(t, callCost, "no priced inference span reached the traces backend")

	entries := lokiEntries(loki, readLokiMapping(t))
	checks := map[string]func(q string, r logQLResult){
		"every turn of one agent": func(q string, r logQLResult) {
			agent := regexp.MustCompile(`gen_ai_agent_name="([^"]+)"`).FindStringSubmatch(q)[1]
			n := 0
			for _, tr := range turns {
				if tr.agent == agent {
					n++
				}
			}
			assert.Positive(t, n, "%s: the examples have no turn of %q", q, agent)
			assert.Len(t, r.lines, n, q)
		},
		"turns answered by the fallback path": func(q string, r logQLResult) {
			n := 0
			for _, tr := range turns {
				if tr.fallback {
					n++
				}
			}
			assert.Positive(t, n)
			assert.Len(t, r.lines, n, q)
		},
		"failed turns of one model, with the error type": func(q string, r logQLResult) {
			model := regexp.MustCompile(`gen_ai_request_model="([^"]+)"`).FindStringSubmatch(q)[1]
			var want []string
			for _, tr := range turns {
				if tr.model == model && tr.errType != "" {
					want = append(want, tr.errType)
				}
			}
			require.NotEmpty(t, want, "%s: no failed turn of %q in the examples", q, model)
			require.Len(t, r.lines, len(want), q)
			for i, line := range r.lines {
				assert.True(t, strings.HasPrefix(line, want[i]+" "), "%s: line %q starts with the error type %q", q, line, want[i])
			}
		},
		"cost per agent over the last hour": func(q string, r logQLResult) {
			require.NotEmpty(t, r.sums, q)
			for agent, want := range callCost {
				assert.InDelta(t, want, r.sums[agent], 1e-12, "%s: agent %q: the logs' cost and its priced calls' cost", q, agent)
			}
			assert.Len(t, r.sums, len(callCost), "%s: one sum per agent with priced calls: %v", q, r.sums)
		},
		"turns that had PII removed": func(q string, r logQLResult) {
			n := 0
			for _, tr := range turns {
				if tr.pii {
					n++
				}
			}
			assert.Equal(t, 1, n, "the pushed turn carries the one e-mail address")
			assert.Len(t, r.lines, n, q)
			for _, e := range r.entries {
				assert.NotContains(t, fmt.Sprint(e.metadata), "dana.kowalski@example.net")
			}
		},
	}
	queries := readmeLogQL(t)
	require.Len(t, queries, len(checks), "each README LogQL example has a check here, and each check an example")
	for _, q := range queries {
		check, ok := checks[q[0]]
		require.True(t, ok, "README LogQL %q (%q): no check for what it claims", q[1], q[0])
		r := evalLogQL(t, q[1], entries)
		check(q[1], r)
		t.Logf("%s: %s -> %d lines %v", q[0], q[1], len(r.lines), r.sums)
	}
}
