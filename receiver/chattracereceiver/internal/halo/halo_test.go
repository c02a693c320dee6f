// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo

import (
	"errors"
	"os"
	"path/filepath"
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

func TestDecodeHistory(t *testing.T) {
	h, err := DecodeHistory(readHistory(t, "8a7d4e20-finance-team.json"))
	require.NoError(t, err)
	require.Len(t, h.Messages, 5)
	require.Len(t, h.Chain, 5)
	assert.Nil(t, h.Messages[0].Trace, "welcome message")
	tr := h.Messages[2].Trace
	require.NotNil(t, tr)
	assert.Equal(t, "team", tr.AgentType)
	assert.Equal(t, Names{"Cost Analyst", "Writer"}, tr.Telemetry.SelectedMembers)
	assert.Equal(t, Names{"analyst", "writer"}, tr.SelectedMemberIDs)
	assert.Equal(t, Count(1), tr.Telemetry.MCPEvents)
	require.Len(t, h.Messages[2].ToolCalls, 2)
	assert.Equal(t, "query_billing", h.Messages[2].ToolCalls[0].Tool())
	assert.JSONEq(t, `{"period": "2026-Q3", "compare": "2026-Q2"}`, string(h.Messages[2].ToolCalls[0].ArgumentsJSON()))

	turns := HistoryTurns("s", h.Messages, h.Chain, 0)
	require.Len(t, turns, 2)
	assert.Equal(t, int64(2), turns[0].Index)
	assert.Equal(t, "Compare our Q3 cloud spend with Q2 and draft a short note for finance.", turns[0].UserRequest)
	assert.Equal(t, "Shorter please, two sentences.", turns[1].UserRequest)
	assert.Equal(t, 9120400*time.Microsecond, turns[0].Latency())
	assert.NotEqual(t, turns[0].IDs, turns[1].IDs)

	// The same turns from a later read: only the ones after `from`, same IDs.
	later := HistoryTurns("s", h.Messages, h.Chain, 3)
	require.Len(t, later, 1)
	assert.Equal(t, turns[1].IDs, later[0].IDs)
}

func TestDecodeHistoryNullModelAndError(t *testing.T) {
	h, err := DecodeHistory(readHistory(t, "c51e0f77-contracts.json"))
	require.NoError(t, err)
	turns := HistoryTurns("c", h.Messages, h.Chain, 0)
	require.Len(t, turns, 2)
	assert.Empty(t, turns[1].Model())
	_, ok := turns[1].Response()
	assert.False(t, ok, "null response")
	assert.Contains(t, string(turns[1].Trace.Error), "RateLimitError")
	r, ok := turns[0].Response()
	assert.True(t, ok)
	assert.Empty(t, r, "empty stream")
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
	full := readHistory(t, "3f2b9c1e-support.json")
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
	openai.PromptTokensDetails = &struct {
		CachedTokens *int64 `json:"cached_tokens"`
	}{CachedTokens: i(1000)}
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
	a, ok := PushedTurn(&m, "", 1)
	require.True(t, ok)
	b, _ := PushedTurn(&m, "", 2)
	assert.Equal(t, a.IDs, b.IDs, "session and turn index alone decide")
	assert.Equal(t, NewIDs("s", 4, 0), a.IDs)

	m2 := Message{Trace: &Trace{}}
	c, _ := PushedTurn(&m2, "q", 1)
	d, _ := PushedTurn(&m2, "q", 2)
	assert.NotEqual(t, c.IDs, d.IDs, "without index or request id, the record bytes decide")
	assert.Equal(t, "q", c.SessionID)

	_, ok = PushedTurn(&Message{Role: "user"}, "", 0)
	assert.False(t, ok)
}

func TestNamesFromObjects(t *testing.T) {
	var n Names
	require.NoError(t, n.UnmarshalJSON([]byte(`[{"id": "analyst", "name": "Cost Analyst"}, {"title": "Refund policy"}, {"id": 7}, {}, "plain", null, 3]`)))
	assert.Equal(t, Names{"Cost Analyst", "Refund policy", "7", "plain"}, n)
	assert.Error(t, n.UnmarshalJSON([]byte(`{"name": "x"}`)))
	assert.Error(t, n.UnmarshalJSON([]byte(`["a" "b"]`)))
}

func TestLenientFields(t *testing.T) {
	p, err := DecodePush([]byte(`{"request_id": 42, "timestamp": 1795185000.5, "trace": {"error": {"type": "Timeout"},
	  "telemetry": {"tools": [{"name": "search"}, "calc", 3], "mcp_events": null, "knowledge_sources": null}}}`))
	require.NoError(t, err)
	m := p.Records[0]
	assert.Equal(t, Text("42"), m.RequestID)
	assert.Equal(t, time.Unix(1795185000, 500000000).UTC(), m.Timestamp.Time)
	assert.Equal(t, Text(`{"type":"Timeout"}`), m.Trace.Error)
	assert.Equal(t, Names{"search", "calc"}, m.Trace.Telemetry.Tools)
}

func BenchmarkDecodeHistory(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "histories", "8a7d4e20-finance-team.json"))
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
