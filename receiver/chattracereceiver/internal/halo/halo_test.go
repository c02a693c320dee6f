// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readHistory(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "histories", name))
	require.NoError(t, err)
	return data
}

const (
	current = "4e7b2c9d0a1f4b3c8d5e6f7a8b9c0d1e.json" // team turn with tools; a tool called twice
	gemini  = "9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c5d.json" // tools listed, none called; rate-limited fallback
	merged  = "1f2e3d4c5b6a4978a8b7c6d5e4f3a2b1.json" // older merged shape, another run's record in it
	ownRec  = "5e5510f0a1b24c3d9e8f7a6b5c4d3e2f.json" // older merged shape, the fallback run's own record
	oldest  = "c0ffee00d15c4a11b0a7e1d2c3b4a596.json" // the record object alone, no telemetry
)

func decodeTurns(t *testing.T, name string) []Turn {
	t.Helper()
	h, err := DecodeHistory(readHistory(t, name))
	require.NoError(t, err)
	return HistoryTurns("s", h.Messages, h.Chain, 0)
}

func TestDecodeCurrentShape(t *testing.T) {
	h, err := DecodeHistory(readHistory(t, current))
	require.NoError(t, err)
	require.Len(t, h.Messages, 5)
	require.Len(t, h.Chain, 5)
	assert.Nil(t, h.Messages[0].Trace, "welcome message")
	tr := h.Messages[2].Trace
	require.NotNil(t, tr)
	require.NotNil(t, tr.Telemetry)
	assert.Equal(t, "team", tr.AgentType)
	assert.Equal(t, []string{"general_assistant", "summarizer"}, tr.Telemetry.SelectedMembers.List)
	assert.Equal(t, 6, tr.Telemetry.MCPEvents.N)
	assert.Equal(t, []string{"think", "delegate_task_to_member", "search_knowledge_base"}, tr.Telemetry.MCPEvents.Started)
	require.Len(t, h.Messages[2].ToolCalls.List, 3)

	turns := HistoryTurns("s", h.Messages, h.Chain, 0)
	require.Len(t, turns, 2, "the welcome message is no turn")
	assert.Equal(t, int64(2), turns[0].Index)
	assert.Equal(t, "Welche Kernaussagen macht der Quartalsbericht Q3 zu den Cloud-Kosten?", turns[0].UserRequest)
	assert.Equal(t, 6604120*time.Microsecond, turns[0].Latency())
	assert.Equal(t, "openai:gpt-4.1-mini", turns[0].Model())
	assert.NotEmpty(t, turns[0].Payload)
	assert.Empty(t, turns[0].Err)
	assert.NotEqual(t, turns[0].IDs, turns[1].IDs)

	// Tools: the calls, with agno's Python-text arguments as JSON.
	tools := turns[0].Tools
	require.Len(t, tools, 3)
	assert.Equal(t, "delegate_task_to_member", tools[1].Name)
	assert.Equal(t, "call_Jd7uQ0aXcV5nB2mK8rT1yLpE", tools[1].ID)
	assert.JSONEq(t, `{"member_id": "summarizer", "task": "Fasse die Aussagen des Quartalsberichts Q3 zu Cloud-Kosten zusammen, mit Seitenangaben."}`, tools[1].Args)
	assert.False(t, tools[1].Timed(), "a streamed call has no timing")
	assert.Equal(t, time.Unix(1777903202, 0).UTC(), tools[1].At)

	// One tool_calls entry per name, one started event per call.
	calls := turns[1].Tools
	require.Len(t, calls, 2)
	assert.Equal(t, "multiply", calls[0].Name)
	assert.JSONEq(t, `{"a": 41870, "b": 0.92}`, calls[0].Args)
	assert.Equal(t, ToolUse{Name: "multiply"}, calls[1], "the second call left no details")

	// The same turns from a later read: only the ones after `from`, same IDs.
	later := HistoryTurns("s", h.Messages, h.Chain, 3)
	require.Len(t, later, 1)
	assert.Equal(t, turns[1].IDs, later[0].IDs)
}

func TestToolsListedNotCalled(t *testing.T) {
	turns := decodeTurns(t, gemini)
	require.Len(t, turns, 2)
	assert.Empty(t, turns[0].Tools)
	assert.Equal(t, []string{"websearch", "website_tools", "arxiv_tools"}, turns[0].Trace.Telemetry.Tools.List)
}

func TestFallbackAnswerIsProviderError(t *testing.T) {
	turns := decodeTurns(t, gemini)
	ft := turns[1]
	assert.True(t, *ft.Trace.Telemetry.UsedFallback)
	assert.Contains(t, ft.Err, "You exceeded your current quota")
	assert.Equal(t, "RateLimitError", ft.ErrType)
	assert.Empty(t, turns[0].Err)
}

func TestMergedShapeWithAnotherRunsRecord(t *testing.T) {
	turns := decodeTurns(t, merged)
	require.Len(t, turns, 2)
	for _, tt := range turns {
		assert.Empty(t, tt.Err, "the error of an earlier run is not this turn's")
		assert.False(t, tt.Record)
		assert.Empty(t, tt.Payload, "the payload is another question's")
		assert.Equal(t, "anthropic:claude-sonnet-4-5", tt.Model())
		assert.Positive(t, tt.Latency())
	}
	require.Len(t, turns[0].Tools, 1)
	assert.Equal(t, "think", turns[0].Tools[0].Name)
}

func TestMergedShapeOwnRecord(t *testing.T) {
	turns := decodeTurns(t, ownRec)
	require.Len(t, turns, 1)
	tt := turns[0]
	assert.True(t, tt.Record)
	assert.Equal(t, "chat", string(tt.Trace.AgentID.Text))
	assert.Equal(t, "Request timed out.", tt.Err, "HALO's wrapper, prompt and payload stripped")
	assert.Equal(t, "APITimeoutError", tt.ErrType)
	assert.Contains(t, tt.Payload, "Snippet: GPU-Instanzen")
}

func TestOldestShape(t *testing.T) {
	turns := decodeTurns(t, oldest)
	require.Len(t, turns, 2)
	first, second := turns[0], turns[1]
	assert.True(t, first.Record)
	assert.Equal(t, "RateLimitError", first.ErrType)
	assert.True(t, strings.HasPrefix(first.Err, "RateLimitError: Error code: 429"), first.Err)
	assert.Zero(t, first.Latency(), "no telemetry: no latency")
	assert.Equal(t, "Medical Researcher", first.Trace.AgentName)

	// The streamed turn carries the first turn's object: it is dropped.
	assert.Empty(t, second.Err)
	assert.Empty(t, second.Trace.AgentName)
	assert.Equal(t, "Dann bitte nur die Studie DAPA-HF zusammenfassen.", second.UserRequest)
	assert.True(t, strings.HasPrefix(second.Content, "DAPA-HF"))
}

func TestPendingUserMessage(t *testing.T) {
	// HALO Core writes the user message in its own rewrite before the
	// answer: a history that ends with it has no new turn yet.
	h, err := DecodeHistory(readHistory(t, current))
	require.NoError(t, err)
	turns := HistoryTurns("s", h.Messages[:4], h.Chain[:4], 3)
	assert.Empty(t, turns)
	turns = HistoryTurns("s", h.Messages, h.Chain, 3)
	require.Len(t, turns, 1)
	assert.Equal(t, "Rechne 41.870 USD bitte in Euro um, einmal zum Kurs 0,92 und einmal zu 0,95.", turns[0].UserRequest)
}

func TestChainIgnoresFormatting(t *testing.T) {
	a, err := DecodeHistory([]byte(`[{"role":"user","content":"x"},{"role":"assistant","content":"y"}]`))
	require.NoError(t, err)
	b, err := DecodeHistory([]byte("[\n  {\"role\":\"user\",\"content\":\"x\"}  ,\n\n  {\"role\":\"assistant\",\"content\":\"y\"}\n]\n"))
	require.NoError(t, err)
	assert.Equal(t, a.Chain, b.Chain)
	c, err := DecodeHistory([]byte(`[{"role":"user","content":"z"},{"role":"assistant","content":"y"}]`))
	require.NoError(t, err)
	assert.NotEqual(t, a.Chain[1], c.Chain[1], "a changed earlier message changes every later fingerprint")
}

func TestDecodeHistoryErrors(t *testing.T) {
	full := readHistory(t, current)
	for name, data := range map[string][]byte{
		"empty":       nil,
		"truncated":   full[:len(full)/2],
		"no bracket":  full[:len(full)-1],
		"object":      []byte(`{"role": "user"}`),
		"trailing":    []byte(`[] []`),
		"wrong types": []byte(`[{"role": 1}]`),
	} {
		_, err := DecodeHistory(data)
		de, ok := errors.AsType[*DecodeError](err)
		require.True(t, ok, "%s: %v", name, err)
		assert.NotEmpty(t, de.Msg, name)
	}
	_, err := DecodeHistory(full[:len(full)/2])
	assert.Contains(t, err.Error(), "truncated")
}

func TestUsageTokens(t *testing.T) {
	i := func(v int64) *int64 { return &v }
	openai := Usage{PromptTokens: i(1200), CompletionTokens: i(300)}
	openai.PromptTokensDetails = &PromptTokensDetails{CachedTokens: i(1000)}
	assert.Equal(t, Tokens{Input: 1200, Output: 300, CacheRead: 1000, Has: HasInput | HasOutput | HasCacheRead}, openai.Tokens())

	anthropic := Usage{InputTokens: i(100), OutputTokens: i(50), CacheReadInputTokens: i(1000), CacheCreationInputTokens: i(200)}
	assert.Equal(t, Tokens{
		Input: 1300, Output: 50, CacheRead: 1000, CacheCreation: 200,
		Has: HasInput | HasOutput | HasCacheRead | HasCacheCreation,
	}, anthropic.Tokens())

	partial := Usage{OutputTokens: i(7), InputTokens: i(-1)}
	assert.Equal(t, Tokens{Output: 7, Has: HasOutput}, partial.Tokens(), "negative counts are ignored")
}

func TestPushedTurnIDs(t *testing.T) {
	idx := int64(4)
	m := Message{SessionID: "s", TurnIndex: &idx, Trace: &Trace{}}
	a, ok := PushedTurn(&m, "", [16]byte{1})
	require.True(t, ok)
	b, _ := PushedTurn(&m, "", [16]byte{2})
	assert.Equal(t, a.IDs, b.IDs, "session and turn index alone decide")
	assert.Equal(t, NewIDs("s", 4, 0), a.IDs)

	m2 := Message{Trace: &Trace{}}
	c, _ := PushedTurn(&m2, "q", [16]byte{1})
	d, _ := PushedTurn(&m2, "q", [16]byte{2})
	assert.NotEqual(t, c.IDs, d.IDs, "without index or request id, the record bytes decide")
	assert.Equal(t, "q", c.SessionID)

	_, ok = PushedTurn(&Message{Role: "user"}, "", [16]byte{})
	assert.False(t, ok)
}

func TestNamesFromObjects(t *testing.T) {
	var n Names
	require.NoError(t, n.UnmarshalJSON([]byte(`[{"id": "analyst", "name": "Cost Analyst"}, {"title": "Refund policy"}, {"id": 7}, {}, "plain", null, 3]`)))
	assert.Equal(t, []string{"Cost Analyst", "Refund policy", "7", "plain"}, n.List)
	assert.Error(t, n.UnmarshalJSON([]byte(`{"name": "x"}`)))
	assert.Error(t, n.UnmarshalJSON([]byte(`["a" "b"]`)))
}

func TestLenientFields(t *testing.T) {
	p, err := DecodePush([]byte(`{"request_id": 42, "timestamp": 1795185000.5, "trace": {"error": {"type": "Timeout"},
	  "telemetry": {"tools": [{"name": "search"}, "calc", 3], "mcp_events": null, "knowledge_sources": null}}}`), 0)
	require.NoError(t, err)
	m := p.Records[0]
	assert.Equal(t, Text("42"), m.RequestID)
	assert.Equal(t, time.Unix(1795185000, 500000000).UTC(), m.Timestamp.Time)
	assert.Equal(t, Text(`{"type":"Timeout"}`), m.Trace.Error.Text)
	assert.Equal(t, []string{"search", "calc"}, m.Trace.Telemetry.Tools.List)
}

func BenchmarkDecodeHistory(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "histories", current))
	require.NoError(b, err)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		h, err := DecodeHistory(data)
		if err != nil || len(h.Messages) != 5 {
			b.Fatal(err)
		}
	}
}

func TestDemoAnswer(t *testing.T) {
	// Without an API key HALO Core builds no agent and answers with its demo
	// text; the trace still names the configured model.
	h, err := DecodeHistory([]byte(`[
	  {"role": "user", "content": "Hallo?", "tool_calls": null},
	  {"role": "assistant", "content": "(Demo) Antwort basierend auf keinen Quellen: Hallo? – bitte API Key setzen, um echte Antworten zu erhalten.", "tool_calls": null,
	   "trace": {"payload": "Frage: Hallo?", "response": "(Demo) Antwort basierend auf keinen Quellen: Hallo? – bitte API Key setzen, um echte Antworten zu erhalten.",
	     "telemetry": {"model": "openai:gpt-4.1-mini", "selected_members": [], "tools": [], "mcp_events": [], "stream_mode": "stream",
	       "stream_events": true, "stream_result": "none", "latency_ms": 12.5, "knowledge_hits": 0, "knowledge_sources": [], "used_fallback": true}}}]`))
	require.NoError(t, err)
	turns := HistoryTurns("s", h.Messages, h.Chain, 0)
	require.Len(t, turns, 1)
	assert.True(t, turns[0].Demo())
	assert.Empty(t, turns[0].Model(), "no model was called: nothing to price")
	assert.Empty(t, turns[0].Err)
}
