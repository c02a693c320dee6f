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
)

// ChatTurnEvent is the event name of the log record written per chat turn.
const ChatTurnEvent = "chat.turn"
