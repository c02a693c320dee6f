// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

// This file is a second, independent source of HALO Core histories: a
// simulator that follows the app's code paths literally (chat_state,
// chat_runtime._compose_run_trace, the agent module's _record_trace and its
// module-wide last trace, the streaming adapter's tool bookkeeping,
// serialize_tool_calls) and writes each history the way storage.py's
// save_chat_history does: the whole file rewritten after every message,
// json.dump(indent=2, ensure_ascii=False), in chunks, so a read can see it
// half-written. It knows the truth of every turn it writes, and the test
// checks what the receiver emits against that truth.

// ---- Python's json.dump(obj, indent=2, ensure_ascii=False) ----

// pyObj is a Python dict with its insertion order.
type pyObj []pyKV

type pyKV struct {
	k string
	v any
}

func pyJSON(v any) string {
	var b strings.Builder
	pyJSONValue(&b, v, 0)
	return b.String()
}

func pyJSONValue(b *strings.Builder, v any, level int) {
	ind := func(l int) { b.WriteString("\n" + strings.Repeat("  ", l)) }
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case int:
		b.WriteString(strconv.Itoa(x))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		b.WriteString(pyFloat(x))
	case string:
		pyJSONString(b, x)
	case []any:
		if len(x) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			ind(level + 1)
			pyJSONValue(b, e, level+1)
		}
		ind(level)
		b.WriteByte(']')
	case pyObj:
		if len(x) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteByte('{')
		for i, kv := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			ind(level + 1)
			pyJSONString(b, kv.k)
			b.WriteString(": ")
			pyJSONValue(b, kv.v, level+1)
		}
		ind(level)
		b.WriteByte('}')
	default:
		panic(fmt.Sprintf("pyJSON: %T", v))
	}
}

// pyJSONString escapes as json's py_encode_basestring: only the quote, the
// backslash and control characters; everything else (ensure_ascii=False)
// is written as it is, U+2028 included.
func pyJSONString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				fmt.Fprintf(b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// pyFloat is Python's float repr: the shortest round-trip digits, in
// scientific form below 1e-4 and from 1e16.
func pyFloat(f float64) string {
	if a := math.Abs(f); a != 0 && (a < 1e-4 || a >= 1e16) {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		return s
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// pyRepr is Python's str() of a dict, list or scalar (what
// serialize_tool_calls stores for agno's tool_args).
func pyRepr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int:
		return strconv.Itoa(x)
	case float64:
		return pyFloat(x)
	case string:
		return pyReprString(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = pyRepr(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case pyObj:
		parts := make([]string, len(x))
		for i, kv := range x {
			parts[i] = pyReprString(kv.k) + ": " + pyRepr(kv.v)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	panic(fmt.Sprintf("pyRepr: %T", v))
}

func pyReprString(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x100 && !unicode.IsPrint(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000 && !unicode.IsPrint(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		case !unicode.IsPrint(r):
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// ---- the app ----

type simTurn struct {
	index    int
	user     string
	provider string
	model    string
	agent    string
	called   []string // tools called, in order
	fallback bool
	errType  string // "" when the turn did not fail
	latency  float64
}

type simSession struct {
	id      string
	history []any
	turns   []simTurn
}

// haloApp is the app process: its agent module keeps the last recorded trace
// in one variable for every session (until 2026-03-22).
type haloApp struct {
	rng        *rand.Rand
	merged     bool // the older merged trace shape
	lastRecord pyObj
	clock      int64
}

var simModels = []struct{ label, provider, model string }{
	{"openai:gpt-4.1", "openai", "gpt-4.1"},
	{"openai:gpt-4.1-mini", "openai", "gpt-4.1-mini"},
	{"google:gemini-2.5-flash", "gcp.gemini", "gemini-2.5-flash"},
	{"anthropic:claude-sonnet-4-5", "anthropic", "claude-sonnet-4-5"},
	{"groq:llama-3.3-70b-versatile", "groq", "llama-3.3-70b-versatile"},
}

var simAgents = []struct {
	name, id, role string
	team           bool
	toolkits       []string
	functions      []string
	members        []string
}{
	{"General Assistant Team", "general_team", "general_coordinator", true, []string{"reasoning_tools", "websearch", "calculator"}, []string{"think", "delegate_task_to_member", "web_search", "multiply", "add"}, []string{"general_assistant", "summarizer", "note_taker"}},
	{"Web Researcher", "web_researcher", "researcher", false, []string{"websearch", "website_tools", "arxiv_tools"}, []string{"web_search", "search_news", "read_url", "search_arxiv_and_return_articles"}, nil},
	{"Chat Agent", "chat", "assistant", false, []string{"reasoning_tools"}, []string{"think", "analyze", "search_knowledge_base"}, nil},
}

// simErrors are failures the way HALO Core records them with agno 2: the
// fallback run returns the exception text as its answer, or, when it raised,
// HALO answers with its (Agno Fehler: ...) text.
var simErrors = []struct{ text, typ string }{
	{"Rate limit reached for gpt-4.1 in organization org-Q1 on tokens per min (TPM): Limit 30000, Used 29800, Requested 2911. Please try again in 5.82s. Visit https://platform.openai.com/account/rate-limits to learn more.", "RateLimitError"},
	{"Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}", "OverloadedError"},
	{"Request timed out.", "APITimeoutError"},
	{"Connection error.", "APIConnectionError"},
	{"You exceeded your current quota, please check your plan and billing details.", "RateLimitError"},
	{"Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-proj-****.', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}", "AuthenticationError"},
}

var simQuestions = []string{
	"Was steht im Bericht zu den Kosten für \"GPU-Instanzen\"?",
	"Fasse die Quelle in 3 Punkten zusammen – kurz bitte.",
	"Welche Studien gibt es zu SGLT2-Hemmern? 🫀",
	"Rechne 17 % von 41.870 € aus.",
	"Erkläre den Unterschied zwischen\nVektor- und Volltextsuche.",
	"Übersetze 'It\\'s done' ins Deutsche.\u2028Danke!",
}

func (h *haloApp) payload(prompt string) string {
	return "Ausgewählte Quellen:\n- (keine ausgewählten Quellen)\n\nZusätzliche Notizen:\n-\n\nKontext (RAG):\n-\n\nFrage: " + prompt
}

// record is the agent module's _record_trace: it replaces the module-wide
// last trace (the merged shape reads it into every later trace).
func (h *haloApp) record(payload string, response any, errText any, a int) {
	ag := simAgents[a]
	h.lastRecord = pyObj{
		{"payload", payload},
		{"response", response},
		{"error", errText},
		{"agent_id", ag.id},
		{"agent_name", ag.name},
		{"agent_role", ag.role},
		{"agent_tools", strs(ag.toolkits)},
		{"agent_members", nil},
		{"agent_type", map[bool]string{true: "team", false: "agent"}[ag.team]},
	}
}

func strs(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// turn runs one chat turn and returns the assistant message and its truth.
func (h *haloApp) turn(s *simSession, prompt string) (pyObj, simTurn) {
	rng := h.rng
	a := rng.IntN(len(simAgents))
	ag := simAgents[a]
	mdl := simModels[rng.IntN(len(simModels))]
	payload := h.payload(prompt)
	truth := simTurn{index: len(s.history), user: prompt, provider: mdl.provider, model: mdl.model, agent: ag.name}

	// The streamed run: tools called, recorded by the streaming adapter
	// (one entry per tool name, every start in mcp_events).
	stream := []string{"ok", "ok", "ok", "ok", "empty", "none"}[rng.IntN(6)]
	var calls []string
	if stream != "none" {
		for range rng.IntN(4) {
			calls = append(calls, ag.functions[rng.IntN(len(ag.functions))])
		}
	}
	var toolCalls []any
	var events []any
	seen := map[string]bool{}
	for i, name := range calls {
		h.clock++
		prefix := ""
		if ag.team {
			prefix = "team"
		}
		events = append(events,
			pyObj{{"event", prefix + "toolcallstarted"}, {"tool", pyObj{{"name", name}, {"type", "function"}}}, {"metrics", nil}},
			pyObj{{"event", prefix + "toolcallcompleted"}, {"tool", pyObj{{"name", name}, {"type", "function"}}}, {"metrics", nil}})
		if seen[name] {
			continue
		}
		seen[name] = true
		args := pyObj{{"query", prompt}, {"max_results", 1 + i}, {"strict", i%2 == 0}, {"filters", nil}}
		toolCalls = append(toolCalls, pyObj{
			{"tool_call_id", fmt.Sprintf("call_%s_%d_%d", s.id[:6], len(s.history), i)},
			{"tool_name", name},
			{"tool_args", pyRepr(args)},
			{"tool_call_error", nil},
			{"result", nil},
			{"metrics", nil},
			{"child_run_id", nil},
			{"stop_after_tool_call", false},
			{"created_at", int(h.clock)},
			{"requires_confirmation", nil},
			{"confirmed", nil},
			{"confirmation_note", nil},
			{"requires_user_input", nil},
			{"user_input_schema", nil},
			{"answered", nil},
			{"external_execution_required", nil},
			{"external_execution_silent", nil},
			{"approval_type", nil},
		})
	}
	truth.called = calls

	response := "Antwort auf: " + prompt
	if stream != "ok" {
		// Fallback: a non-streaming run, which records its trace.
		truth.fallback = true
		switch rng.IntN(3) {
		case 0: // it answered
			h.record(payload, response, nil, a)
		case 1: // agno caught the exception: its text is the answer
			e := simErrors[rng.IntN(len(simErrors))]
			response, truth.errType = e.text, e.typ
			h.record(payload, response, nil, a)
		case 2: // it raised: HALO answers with its own text
			e := simErrors[rng.IntN(len(simErrors))]
			response = "(Agno Fehler: " + e.text + "). Antwort (Fallback): " + prompt + " -> " + payload
			truth.errType = e.typ
			h.record(payload, nil, response, a)
		}
	}
	truth.latency = math.Round(rng.Float64()*12000*100) / 100

	// _compose_run_trace, over the module's last record in the older shape.
	trace := pyObj{}
	if h.merged && h.lastRecord != nil {
		trace = append(trace, h.lastRecord...)
	}
	set := func(k string, v any, onlyIfAbsent bool) {
		for i := range trace {
			if trace[i].k == k {
				if !onlyIfAbsent {
					trace[i].v = v
				}
				return
			}
		}
		trace = append(trace, pyKV{k, v})
	}
	set("payload", payload, true)
	set("response", response, false)
	set("agent_name", ag.name, true)
	set("agent_type", map[bool]string{true: "team", false: "agent"}[ag.team], true)
	set("agent_tools_runtime", strs(ag.toolkits), false)
	var selected []any
	if ag.team {
		selected = strs(ag.members[:1+rng.IntN(len(ag.members))])
		set("agent_members_runtime", selected, false)
		set("selected_member_ids", selected, false)
	}
	if selected == nil {
		selected = []any{}
	}
	tel := pyObj{{"model", mdl.label}, {"selected_members", selected}, {"tools", strs(ag.toolkits)}}
	if !h.merged {
		if events == nil {
			events = []any{}
		}
		tel = append(tel, pyKV{"mcp_events", events})
	}
	tel = append(tel,
		pyKV{"stream_mode", "stream"}, pyKV{"stream_events", true}, pyKV{"stream_result", stream},
		pyKV{"latency_ms", truth.latency}, pyKV{"knowledge_hits", 0}, pyKV{"knowledge_sources", []any{}},
		pyKV{"used_fallback", truth.fallback})
	set("telemetry", tel, false)

	// In the older shape agent_name is set only when the last record has
	// none, so a turn can carry the name of the agent of an earlier run:
	// what the history says is all a reader can know.
	for _, kv := range trace {
		if kv.k == "agent_name" {
			truth.agent = kv.v.(string)
		}
	}
	var tc any
	if len(toolCalls) > 0 {
		tc = toolCalls
	}
	msg := pyObj{{"role", "assistant"}, {"content", response}, {"tool_calls", tc}, {"trace", trace}}
	if h.merged && len(events) > 0 {
		// The merged shape predates mcp_events: one call per tool_calls
		// entry is all it can show.
		truth.called = uniqueNames(calls)
	}
	return msg, truth
}

func uniqueNames(s []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// save is storage.save_chat_history: open("w") truncates, json.dump writes
// the document in pieces. readMid is called between pieces.
func save(t *testing.T, path string, doc any, pieces int, readMid func()) {
	t.Helper()
	data := pyJSON(doc)
	require.True(t, utf8.ValidString(data))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	require.NoError(t, err)
	step := max(1, len(data)/pieces)
	for i := 0; i < len(data); i += step {
		_, err := f.WriteString(data[i:min(len(data), i+step)])
		require.NoError(t, err)
		if i+step < len(data) {
			bump(t, path)
			readMid()
		}
	}
	require.NoError(t, f.Close())
	bump(t, path)
}

// bump moves the modification time forward by a second, as a later write
// would on any file system.
func bump(t *testing.T, path string) {
	t.Helper()
	writes++
	mt := time.Date(2026, 5, 4, 12, 0, 0, 0, time.UTC).Add(time.Duration(writes) * time.Second)
	require.NoError(t, os.Chtimes(path, mt, mt))
}

// TestHALOSimulated drives the file receiver with simulated HALO Core
// sessions, both trace shapes, written message by message, read mid-write,
// with restarts, and checks every turn against the simulator's truth.
func TestHALOSimulated(t *testing.T) {
	for _, merged := range []bool{false, true} {
		t.Run(map[bool]string{false: "current", true: "merged"}[merged], func(t *testing.T) {
			runSimulation(t, merged, 20260504)
		})
	}
}

func runSimulation(t *testing.T, merged bool, seed uint64) {
	dir, storeDir := t.TempDir(), t.TempDir()
	ctx := context.Background()
	app := &haloApp{rng: rand.New(rand.NewPCG(seed, 1)), merged: merged, clock: 1777900000}
	sessions := make([]*simSession, 4)
	for i := range sessions {
		sessions[i] = &simSession{id: fmt.Sprintf("%08x%024x", app.rng.Uint32(), i)}
		sessions[i].history = []any{pyObj{{"role", "assistant"}, {"content", "Willkommen! Frag mich etwas zu deinen Quellen."}, {"tool_calls", nil}}}
	}

	var traces []ptrace.Traces
	var logs []plog.Logs
	var poll func()
	restart := func() {
		ext, client := newFileStorage(t, storeDir)
		r, ts, ls := newTestReceiver(t, fileConfig(dir))
		p := newFilePoller(r, client)
		poll = func() { p.poll(ctx) }
		restartCollect = func() {
			traces, logs = append(traces, ts.AllTraces()...), append(logs, ls.AllLogs()...)
			ts.Reset()
			ls.Reset()
			require.NoError(t, client.Close(ctx))
			require.NoError(t, ext.Shutdown(ctx))
		}
	}
	restart()
	for step := range 40 {
		s := sessions[app.rng.IntN(len(sessions))]
		path := filepath.Join(dir, s.id+".json")
		prompt := simQuestions[app.rng.IntN(len(simQuestions))]
		// The user message, in its own rewrite, then the answer.
		s.history = append(s.history, pyObj{{"role", "user"}, {"content", prompt}, {"tool_calls", nil}})
		save(t, path, s.history, 1+app.rng.IntN(4), poll)
		if app.rng.IntN(2) == 0 {
			poll()
		}
		msg, truth := app.turn(s, prompt)
		s.history = append(s.history, msg)
		s.turns = append(s.turns, truth)
		save(t, path, s.history, 1+app.rng.IntN(4), poll)
		if app.rng.IntN(3) > 0 {
			poll()
		}
		if step%13 == 12 { // the collector restarts, and misses writes while down
			poll()
			restartCollect()
			s2 := sessions[app.rng.IntN(len(sessions))]
			p2 := simQuestions[app.rng.IntN(len(simQuestions))]
			s2.history = append(s2.history, pyObj{{"role", "user"}, {"content", p2}, {"tool_calls", nil}})
			msg, truth := app.turn(s2, p2)
			s2.history = append(s2.history, msg)
			s2.turns = append(s2.turns, truth)
			save(t, filepath.Join(dir, s2.id+".json"), s2.history, 1, func() {})
			restart()
		}
	}
	poll()
	restartCollect()
	restartCollect = nil
	checkSimulation(t, sessions, traces, logs)
}

var restartCollect func()

func checkSimulation(t *testing.T, sessions []*simSession, traces []ptrace.Traces, logs []plog.Logs) {
	t.Helper()
	type got struct {
		root        ptrace.Span
		chat        ptrace.Span
		tools       []string
		hasChat     bool
		roots, logs int
		log         plog.LogRecord
	}
	byTurn := map[string]*got{}
	key := func(session string, index int64) string { return session + "/" + strconv.FormatInt(index, 10) }
	spanTurn := map[pcommon.TraceID]*got{}
	for _, td := range traces {
		for i := 0; i < td.ResourceSpans().Len(); i++ {
			ss := td.ResourceSpans().At(i).ScopeSpans()
			for j := 0; j < ss.Len(); j++ {
				spans := ss.At(j).Spans()
				for k := 0; k < spans.Len(); k++ {
					s := spans.At(k)
					require.Greater(t, s.EndTimestamp(), s.StartTimestamp(), "zero-length span %q", s.Name())
					if !s.ParentSpanID().IsEmpty() {
						continue
					}
					c := genai.Read(s.Attributes())
					require.True(t, c.Turn, "a root span is a turn")
					idx, _ := s.Attributes().Get(genai.ChatTurnIndex)
					g := byTurn[key(c.Conversation, idx.Int())]
					if g == nil {
						g = &got{}
						byTurn[key(c.Conversation, idx.Int())] = g
					}
					g.roots++
					g.root = s
					spanTurn[s.TraceID()] = g
					for e := 0; e < s.Events().Len(); e++ {
						name, _ := s.Events().At(e).Attributes().Get(genai.ToolName)
						g.tools = append(g.tools, name.Str())
					}
				}
			}
		}
	}
	for _, td := range traces {
		for i := 0; i < td.ResourceSpans().Len(); i++ {
			ss := td.ResourceSpans().At(i).ScopeSpans()
			for j := 0; j < ss.Len(); j++ {
				spans := ss.At(j).Spans()
				for k := 0; k < spans.Len(); k++ {
					s := spans.At(k)
					if s.ParentSpanID().IsEmpty() {
						continue
					}
					g := spanTurn[s.TraceID()]
					require.NotNil(t, g, "child span %q without its root", s.Name())
					cc := genai.Read(s.Attributes())
					switch cc.Kind() {
					case genai.KindInference:
						g.chat, g.hasChat = s, true
					case genai.KindTool:
						t.Errorf("HALO records no tool timing, yet a tool span %q was made", s.Name())
					}
				}
			}
		}
	}
	for _, ld := range logs {
		for i := 0; i < ld.ResourceLogs().Len(); i++ {
			sl := ld.ResourceLogs().At(i).ScopeLogs()
			for j := 0; j < sl.Len(); j++ {
				recs := sl.At(j).LogRecords()
				for k := 0; k < recs.Len(); k++ {
					lr := recs.At(k)
					c := genai.Read(lr.Attributes())
					idx, _ := lr.Attributes().Get(genai.ChatTurnIndex)
					g := byTurn[key(c.Conversation, idx.Int())]
					if g == nil {
						g = &got{}
						byTurn[key(c.Conversation, idx.Int())] = g
					}
					g.logs++
					g.log = lr
				}
			}
		}
	}

	n, errs, fallbacks := 0, 0, 0
	for _, s := range sessions {
		for _, want := range s.turns {
			n++
			g := byTurn[key(s.id, int64(want.index))]
			require.NotNil(t, g, "turn %s/%d never emitted", s.id, want.index)
			where := fmt.Sprintf("%s/%d", s.id, want.index)
			assert.Equal(t, 1, g.roots, "%s: one root span", where)
			assert.Equal(t, 1, g.logs, "%s: one log record", where)
			require.True(t, g.hasChat, where)
			c := genai.Read(g.chat.Attributes())
			assert.Equal(t, want.model, c.Model(), where)
			assert.Equal(t, want.provider, c.Provider(), where)
			rc := genai.Read(g.root.Attributes())
			assert.Equal(t, want.agent, rc.Agent, where)
			assert.Equal(t, want.fallback, rc.FallbackUsed, where)
			assert.Equal(t, want.called, nilIfEmpty(g.tools), "%s: tool calls", where)
			calls, _ := g.root.Attributes().Get(genai.ChatToolCalls)
			assert.Equal(t, int64(len(want.called)), calls.Int(), where)
			assert.Equal(t, time.Duration(want.latency*float64(time.Millisecond)).Round(time.Microsecond),
				time.Duration(g.root.EndTimestamp()-g.root.StartTimestamp()).Round(time.Microsecond), where)
			lc := genai.Read(g.log.Attributes())
			if want.errType != "" {
				errs++
				assert.Equal(t, ptrace.StatusCodeError, g.root.Status().Code(), where)
				assert.Equal(t, ptrace.StatusCodeError, g.chat.Status().Code(), where)
				assert.Equal(t, want.errType, rc.ErrorType, where)
				assert.Equal(t, want.errType, c.ErrorType, where)
				assert.Equal(t, want.errType, lc.ErrorType, where)
				assert.Equal(t, plog.SeverityNumberError, g.log.SeverityNumber(), where)
			} else {
				assert.Equal(t, ptrace.StatusCodeUnset, g.root.Status().Code(), "%s: %s", where, g.root.Status().Message())
				assert.Empty(t, rc.ErrorType, where)
				assert.Empty(t, lc.ErrorType, where)
			}
			if want.fallback {
				fallbacks++
			}
			assert.Equal(t, g.root.TraceID(), g.log.TraceID(), where)
		}
	}
	assert.Len(t, byTurn, n, "no turn that was not written")
	// The simulation must have exercised what it is for.
	assert.Positive(t, errs)
	assert.Positive(t, fallbacks-errs)
	t.Logf("%d turns, %d fallbacks, %d errors", n, fallbacks, errs)
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
