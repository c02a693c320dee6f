// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package workload // import "github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
)

// HALO Core chat-history message (see DESIGN.md, "The chat-history format
// we must read"). Field order and null/empty values follow the real files.
type haloMessage struct {
	Role      string     `json:"role"`
	Content   string     `json:"content"`
	ToolCalls []toolCall `json:"tool_calls"`
	Trace     *haloTrace `json:"trace,omitempty"`
	// SessionID is set only on pushed turns (HTTP push may carry it).
	SessionID string `json:"session_id,omitempty"`
}

type toolCall struct {
	Name   string         `json:"name"`
	Args   map[string]any `json:"args"`
	Result map[string]any `json:"result"`
}

type haloTrace struct {
	Payload             string        `json:"payload"`
	Response            string        `json:"response"`
	Error               *string       `json:"error"`
	AgentName           string        `json:"agent_name"`
	AgentType           string        `json:"agent_type"`
	AgentID             string        `json:"agent_id"`
	AgentRole           string        `json:"agent_role"`
	AgentToolsRuntime   []string      `json:"agent_tools_runtime"`
	AgentMembersRuntime []string      `json:"agent_members_runtime"`
	SelectedMemberIDs   []string      `json:"selected_member_ids"`
	Telemetry           haloTelemetry `json:"telemetry"`
}

type haloTelemetry struct {
	Model            *string  `json:"model"`
	SelectedMembers  []string `json:"selected_members"`
	Tools            []string `json:"tools"`
	MCPEvents        []string `json:"mcp_events"`
	StreamMode       string   `json:"stream_mode"`
	StreamEvents     bool     `json:"stream_events"`
	StreamResult     string   `json:"stream_result"`
	LatencyMS        float64  `json:"latency_ms"`
	KnowledgeHits    int      `json:"knowledge_hits"`
	KnowledgeSources []string `json:"knowledge_sources"`
	UsedFallback     bool     `json:"used_fallback"`
}

// haloModels are model names as HALO Core records them (no provider, some
// date-suffixed).
var haloModels = []string{"gpt-4o-mini", "gpt-4o", "gpt-4.1-2025-04-14", "claude-3-5-sonnet-20241022", "gemini-2.0-flash", "mistral-large-latest"}

// History is one generated chat session.
type History struct {
	// SessionID names the file (<session_id>.json).
	SessionID string
	// Turns is the number of assistant turns with a trace: each becomes one
	// root span in the collector.
	Turns int
	// ToolCalls is the number of tool calls over all turns.
	ToolCalls int
	// File is the chat-history file, as HALO Core writes it: a pretty-printed
	// JSON array, non-ASCII characters unescaped.
	File []byte
	// Push is the same history as an HTTP push body: the array of messages,
	// each assistant turn carrying session_id.
	Push []byte
}

// NewHistory generates a session of the given number of turns: a welcome
// message, then user and assistant messages; prompts and answers 0.3–8 KB
// with about 1% PII, 4% errors, 5% fallbacks, a few tool calls and team runs.
func NewHistory(r *rand.Rand, sessionID string, turns int) (History, error) {
	h := History{SessionID: sessionID, Turns: turns}
	msgs := []haloMessage{{Role: "assistant", Content: "Hi! I'm the HALO assistant. How can I help you today?"}}
	var transcript strings.Builder
	for range turns {
		user, _ := Text(r, textLen(r, 300, 8192), PIIRate)
		msgs = append(msgs, haloMessage{Role: "user", Content: user})
		fmt.Fprintf(&transcript, "\nUser: %s", user)

		answer, _ := Text(r, textLen(r, 300, 8192), PIIRate)
		model := haloModels[r.IntN(len(haloModels))]
		tr := haloTrace{
			// The payload is the prompt sent to the agent: system text plus
			// the conversation so far, capped like an app's context window.
			Payload:             "System: You are the support agent for HALO Shop. Use the knowledge base and tools." + tail(transcript.String(), 12000),
			Response:            answer,
			AgentName:           "Support Agent",
			AgentType:           "agent",
			AgentID:             "support-agent",
			AgentRole:           "Answers customer questions about orders, refunds and shipping.",
			AgentToolsRuntime:   []string{"lookup_order", "kb_search"},
			AgentMembersRuntime: []string{},
			SelectedMemberIDs:   []string{},
			Telemetry: haloTelemetry{
				Model:            &model,
				SelectedMembers:  []string{},
				Tools:            []string{},
				MCPEvents:        []string{},
				StreamMode:       "stream",
				StreamEvents:     true,
				StreamResult:     "ok",
				LatencyMS:        float64(300+textLen(r, 1, 30000)) + 0.5,
				KnowledgeHits:    r.IntN(4),
				KnowledgeSources: []string{},
				UsedFallback:     r.Float64() < FallbackRate,
			},
		}
		for i := range tr.Telemetry.KnowledgeHits {
			tr.Telemetry.KnowledgeSources = append(tr.Telemetry.KnowledgeSources, fmt.Sprintf("Shipping FAQ part %d", i+1))
		}
		if r.IntN(6) == 0 {
			tr.AgentType, tr.AgentName, tr.AgentID = "team", "Finance Team", "finance-team"
			tr.AgentMembersRuntime = []string{"analyst", "controller"}
			tr.SelectedMemberIDs = []string{"analyst"}
			tr.Telemetry.SelectedMembers = []string{"analyst"}
		}
		if r.IntN(30) == 0 {
			tr.Telemetry.Model = nil
		}
		var calls []toolCall
		if r.IntN(4) == 0 {
			calls = append(calls, toolCall{
				Name:   "lookup_order",
				Args:   map[string]any{"order_id": fmt.Sprint(10000 + r.IntN(90000))},
				Result: map[string]any{"status": "in_transit", "carrier": "DHL", "eta": "Thursday"},
			})
			tr.Telemetry.Tools = []string{"lookup_order"}
		}
		content := answer
		switch {
		case r.Float64() < ErrorRate:
			e := "RateLimitError: Error code: 429 - rate limit reached for requests"
			tr.Error, tr.Response, content = &e, "", "Sorry, something went wrong. Please try again."
			tr.Telemetry.StreamResult = "none"
		case r.IntN(100) == 0:
			tr.Response, content = "", ""
			tr.Telemetry.StreamResult = "empty"
		}
		h.ToolCalls += len(calls)
		msgs = append(msgs, haloMessage{Role: "assistant", Content: content, ToolCalls: calls, Trace: &tr})
		fmt.Fprintf(&transcript, "\nAssistant: %s", content)
	}

	var err error
	if h.File, err = encode(msgs, "  "); err != nil {
		return h, err
	}
	for i := range msgs {
		if msgs[i].Trace != nil {
			msgs[i].SessionID = sessionID
		}
	}
	h.Push, err = encode(msgs, "")
	return h, err
}

func encode(v any, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}
