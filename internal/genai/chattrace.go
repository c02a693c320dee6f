// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package genai // import "github.com/otelcol-llm/otelcol-llm/internal/genai"

// Attribute names written by the chat_trace receiver in addition to the
// contract in names.go: GenAI semantic-convention names (v1.41) for agent and
// tool details, and chat.* names for HALO Core fields that have no GenAI name.
const (
	AgentDescription  = "gen_ai.agent.description"
	ToolCallID        = "gen_ai.tool.call.id"
	ToolType          = "gen_ai.tool.type"
	ToolCallArguments = "gen_ai.tool.call.arguments"
	ToolCallResult    = "gen_ai.tool.call.result"
	UserID            = "user.id"

	// ChatAgentType is `agent` or `team`.
	ChatAgentType = "chat.agent.type"
	// ChatMCPEvents is the number of MCP events recorded during the turn.
	ChatMCPEvents = "chat.mcp.events"

	// ChatTurn (bool, true) marks the item that stands for one whole chat
	// turn: the root span of the turn's trace and the turn's log record.
	// Per-turn rates (fallbacks, errors, latency per answer) count these;
	// per-call rates count the inference spans under them.
	ChatTurn = "chat.turn"
	// ChatToolCalls is the number of tool calls made during the turn (int).
	ChatToolCalls = "chat.tool.calls"
	// ChatToolsCalled are the names of the tools called during the turn, in
	// call order (string slice); ChatTools are the tools it could call.
	ChatToolsCalled = "chat.tools.called"
	// ChatTurnIndex is the position of the turn's message in its session's
	// history (int, from 0).
	ChatTurnIndex = "chat.turn.index"
	// ChatTurnTruncated (bool, true; absent otherwise) marks a turn whose
	// record held more than the receiver keeps per turn (tool calls, names
	// in a list): ChatToolCalls still counts every call, ChatToolsCalled
	// and the tool spans or events hold the first ones.
	ChatTurnTruncated = "chat.turn.truncated"
)

// ChatTurnEvent is the event name of the log record written per chat turn.
const ChatTurnEvent = "chat.turn"

// ChatToolCallEvent is the name of the span event that records a tool call
// whose timing the app did not record (so no span can be drawn for it).
const ChatToolCallEvent = "chat.tool.call"
