// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// A generator of HALO Core chat histories (aizech/halo_core, the current
// trace shape: chat_runtime._compose_run_trace) that knows the truth of
// every turn it writes: who answered, whether the fallback path did, whether
// the turn failed, how long it took, which tools it called. The metrics the
// shipped sidecar and gateway derive from its files are checked against
// that truth, turn by turn summed, not against numbers written by hand.
//
// What it writes follows the app: one file per session, a JSON array of
// messages rewritten whole after every message (pretty-printed, non-ASCII
// as is), an assistant welcome message first, the user message written in
// its own rewrite before the answer; model labels `provider:model`; tool
// calls as agno ToolExecution records, one per tool name, every start in
// telemetry.mcp_events; a failed streamed run answered by the fallback run,
// which either answers, or returns the provider's error text as its content
// (agno 2 catches the model's exception), or raises so HALO answers with its
// "(Agno Fehler: ...)" text.

// genTurn is the truth of one generated turn.
type genTurn struct {
	agent     string
	model     string // the label, provider:model
	fallback  bool
	failed    bool
	stream    string
	latencyMs float64
	tools     []string // tools called, in order, repeats kept
}

var genAgents = []struct {
	name, typ string
	toolkits  []string
	functions []string
	members   []string
}{
	{"General Assistant Team", "team", []string{"reasoning_tools", "websearch", "calculator"}, []string{"think", "delegate_task_to_member", "web_search", "multiply"}, []string{"general_assistant", "summarizer"}},
	{"Web Researcher", "agent", []string{"websearch", "website_tools"}, []string{"web_search", "search_news", "read_url"}, nil},
	{"Chat Agent", "agent", []string{"reasoning_tools"}, []string{"think", "search_knowledge_base"}, nil},
}

var genModels = []string{"openai:gpt-4.1", "openai:gpt-4.1-mini", "google:gemini-2.5-flash", "anthropic:claude-sonnet-4-5"}

// genErrors are texts provider SDKs print for their exceptions (written
// here in their published formats).
var genErrors = []string{
	"Error code: 429 - {'error': {'message': 'Rate limit reached for gpt-4.1 in organization org-7Kq on tokens per min (TPM): Limit 30000, Used 29411, Requested 1820. Please try again in 2.46s.', 'type': 'tokens', 'param': None, 'code': 'rate_limit_exceeded'}}",
	"Request timed out.",
	"Connection error.",
	"Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}",
	"503 UNAVAILABLE. {'error': {'code': 503, 'message': 'The model is overloaded. Please try again later.', 'status': 'UNAVAILABLE'}}",
}

var genQuestions = []string{
	"Welche Kosten stehen im Bericht für Q3?",
	"Fasse die Quelle in drei Punkten zusammen.",
	"Rechne 19 % von 1.250 € aus.",
	"Was sagt die Studie über Nebenwirkungen? 🧪",
	"Übersetze \"release notes\" ins Deutsche.",
}

// ordered is a JSON object with its keys in insertion order (Python dicts).
type ordered []kv

type kv struct {
	k string
	v any
}

func (o ordered) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshal(e.k)
		if err != nil {
			return nil, err
		}
		v, err := marshal(e.v)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal is json.Marshal without HTML escaping (Python's json.dump does
// not escape <, > or &).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// pyDump is json.dump(doc, indent=2, ensure_ascii=False).
func pyDump(t *testing.T, doc any) []byte {
	t.Helper()
	raw, err := marshal(doc)
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, json.Indent(&out, raw, "", "  "))
	return out.Bytes()
}

// genSession is one chat session's history as it grows.
type genSession struct {
	id    string
	msgs  []any
	turns []genTurn
}

// haloGen generates sessions with a seeded random source.
type haloGen struct {
	rng   *rand.Rand
	clock int64
}

// turn appends one user message and its answer to s and returns the
// answer's truth; write is called after each of the two messages.
func (g *haloGen) turn(s *genSession, write func()) genTurn {
	rng := g.rng
	ag := genAgents[rng.IntN(len(genAgents))]
	model := genModels[rng.IntN(len(genModels))]
	q := genQuestions[rng.IntN(len(genQuestions))]
	s.msgs = append(s.msgs, ordered{{"role", "user"}, {"content", q}, {"tool_calls", nil}})
	write()

	tr := genTurn{agent: ag.name, model: model, stream: "ok"}
	// About a quarter of the runs' streams fail (empty or none); the
	// fallback run answers them.
	if rng.IntN(4) == 0 {
		tr.stream = []string{"empty", "none"}[rng.IntN(2)]
		tr.fallback = true
	}
	var calls []string
	if tr.stream != "none" {
		for range rng.IntN(4) {
			calls = append(calls, ag.functions[rng.IntN(len(ag.functions))])
		}
	}
	tr.tools = calls
	var toolCalls, events []any
	seen := map[string]bool{}
	prefix := ""
	if ag.typ == "team" {
		prefix = "team"
	}
	for i, name := range calls {
		g.clock++
		events = append(events,
			ordered{{"event", prefix + "toolcallstarted"}, {"tool", ordered{{"name", name}, {"type", "function"}}}, {"metrics", nil}},
			ordered{{"event", prefix + "toolcallcompleted"}, {"tool", ordered{{"name", name}, {"type", "function"}}}, {"metrics", nil}})
		if seen[name] {
			continue // one record per tool name
		}
		seen[name] = true
		toolCalls = append(toolCalls, ordered{
			{"tool_call_id", fmt.Sprintf("call_%s_%d_%d", s.id[:6], len(s.msgs), i)},
			{"tool_name", name},
			{"tool_args", fmt.Sprintf("{'query': '%s', 'max_results': %d}", "q", 1+i)},
			{"tool_call_error", nil},
			{"result", nil},
			{"metrics", nil},
			{"child_run_id", nil},
			{"stop_after_tool_call", false},
			{"created_at", g.clock},
		})
	}
	payload := "Ausgewählte Quellen:\n- (keine ausgewählten Quellen)\n\nZusätzliche Notizen:\n-\n\nKontext (RAG):\n-\n\nFrage: " + q
	answer := "Antwort: " + q
	if tr.fallback {
		switch rng.IntN(3) {
		case 1: // agno 2: the fallback run's content is the exception text
			answer, tr.failed = genErrors[rng.IntN(len(genErrors))], true
		case 2: // the fallback run raised: HALO's own error answer
			answer = "(Agno Fehler: " + genErrors[rng.IntN(len(genErrors))] + "). Antwort (Fallback): " + q + " -> " + payload
			tr.failed = true
		}
	}
	tr.latencyMs = math.Round((300+rng.Float64()*14000)*100) / 100

	selected := []any{}
	trace := ordered{
		{"payload", payload},
		{"response", answer},
		{"agent_name", ag.name},
		{"agent_type", ag.typ},
		{"agent_tools_runtime", ag.toolkits},
	}
	if ag.typ == "team" {
		for _, m := range ag.members[:1+rng.IntN(len(ag.members))] {
			selected = append(selected, m)
		}
		trace = append(trace, kv{"agent_members_runtime", selected}, kv{"selected_member_ids", selected})
	}
	if events == nil {
		events = []any{}
	}
	trace = append(trace, kv{"telemetry", ordered{
		{"model", model},
		{"selected_members", selected},
		{"tools", ag.toolkits},
		{"mcp_events", events},
		{"stream_mode", "stream"},
		{"stream_events", true},
		{"stream_result", tr.stream},
		{"latency_ms", tr.latencyMs},
		{"knowledge_hits", 0},
		{"knowledge_sources", []any{}},
		{"used_fallback", tr.fallback},
	}})
	var tc any
	if len(toolCalls) > 0 {
		tc = toolCalls
	}
	s.msgs = append(s.msgs, ordered{{"role", "assistant"}, {"content", answer}, {"tool_calls", tc}, {"trace", trace}})
	s.turns = append(s.turns, tr)
	write()
	return tr
}

// writeHALOSessions writes sessions chat histories into dir the way HALO
// Core does, turn by turn (a rewrite per message, a pause between turns so
// the collector reads them as they come), and returns every turn's truth.
func writeHALOSessions(t *testing.T, dir string, seed uint64, sessions, turnsPerSession int) []genTurn {
	t.Helper()
	g := &haloGen{rng: rand.New(rand.NewPCG(seed, 0x4a10)), clock: 1_780_000_000}
	all := make([]*genSession, sessions)
	for i := range all {
		id := fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", g.rng.Uint32(), g.rng.IntN(1<<16), g.rng.IntN(1<<12), 0x8000|g.rng.IntN(1<<14), g.rng.Uint64()&(1<<48-1))
		all[i] = &genSession{id: id, msgs: []any{ordered{{"role", "assistant"}, {"content", "Willkommen! Wie kann ich helfen?"}, {"tool_calls", nil}}}}
	}
	var truth []genTurn
	for range turnsPerSession {
		for _, s := range all {
			path := filepath.Join(dir, s.id+".json")
			truth = append(truth, g.turn(s, func() {
				require.NoError(t, os.WriteFile(path, pyDump(t, s.msgs), 0o600))
			}))
		}
		time.Sleep(150 * time.Millisecond)
	}
	return truth
}
