// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package halo decodes the HALO Core chat-history format (one JSON array of
// messages per session, see DESIGN.md) and the per-turn objects that apps
// push over HTTP, and turns assistant messages that carry a trace into Turns.
// It knows nothing about pdata.
package halo // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	gojson "github.com/goccy/go-json"
)

// Message is one element of a chat history: a user or assistant message.
// Assistant messages produced by an agent run carry a Trace. Fields that only
// pushed records carry (SessionID, Usage, ...) are zero in history files.
type Message struct {
	Role      string    `json:"role"`
	Content   string    `json:"content"`
	ToolCalls ToolCalls `json:"tool_calls"`
	Trace     *Trace    `json:"trace"`

	// Fields of pushed runs.
	SessionID string    `json:"session_id"`
	UserID    string    `json:"user_id"`
	RequestID Text      `json:"request_id"`
	Timestamp Timestamp `json:"timestamp"`
	TurnIndex *int64    `json:"turn_index"`
	Usage     *Usage    `json:"usage"`
	Provider  string    `json:"provider"`
}

// Trace is the per-turn diagnostics object HALO Core stores on assistant
// messages. Two shapes exist in HALO Core's history: the current one
// (`_compose_run_trace`: payload, response, agent_name, agent_type,
// agent_tools_runtime, agent_members_runtime, selected_member_ids,
// telemetry) and, until 2026-03-22, the same merged over the older
// `_record_trace` object of the agent module, which adds error, agent_id,
// agent_role, agent_tools and agent_members (and before 2026-02-15 that older
// object alone, without telemetry). agent_members_runtime is not mapped, so
// it is skipped, not decoded.
type Trace struct {
	Payload           string     `json:"payload"`
	Response          *string    `json:"response"`
	Error             Field      `json:"error"`
	AgentName         string     `json:"agent_name"`
	AgentType         string     `json:"agent_type"`
	AgentID           Field      `json:"agent_id"`
	AgentRole         Field      `json:"agent_role"`
	AgentToolsRuntime Names      `json:"agent_tools_runtime"`
	AgentTools        Names      `json:"agent_tools"`
	SelectedMemberIDs Names      `json:"selected_member_ids"`
	Telemetry         *Telemetry `json:"telemetry"`
	Usage             *Usage     `json:"usage"`
}

// namesDropped reports whether a list of names of the message was cut.
func (m *Message) namesDropped() bool {
	t := m.Trace
	if t == nil {
		return false
	}
	d := t.AgentToolsRuntime.Dropped + t.AgentTools.Dropped + t.SelectedMemberIDs.Dropped
	if tel := t.Telemetry; tel != nil {
		d += tel.SelectedMembers.Dropped + tel.Tools.Dropped + tel.KnowledgeSources.Dropped
	}
	return d > 0
}

// Tel returns the trace's telemetry object (zero values when the trace has
// none: the older shape).
func (t *Trace) Tel() *Telemetry {
	if t.Telemetry == nil {
		return &noTelemetry
	}
	return t.Telemetry
}

var noTelemetry Telemetry

// Telemetry is the `trace.telemetry` object.
type Telemetry struct {
	Model            *string   `json:"model"`
	SelectedMembers  Names     `json:"selected_members"`
	Tools            Names     `json:"tools"`
	MCPEvents        MCPEvents `json:"mcp_events"`
	StreamMode       string    `json:"stream_mode"`
	StreamEvents     *bool     `json:"stream_events"`
	StreamResult     string    `json:"stream_result"`
	LatencyMS        *float64  `json:"latency_ms"`
	KnowledgeHits    *float64  `json:"knowledge_hits"`
	KnowledgeSources Names     `json:"knowledge_sources"`
	UsedFallback     *bool     `json:"used_fallback"`
}

// ToolCall is one element of `tool_calls`. HALO Core stores agno
// ToolExecution objects field by field (tool_call_id, tool_name, tool_args
// as the Python text of the arguments dict, tool_call_error, result, metrics
// as the Python text of the metrics object, created_at in Unix seconds, ...);
// other apps write {name, args, result} or the OpenAI API's {id, function:
// {name, arguments}}: all are read.
type ToolCall struct {
	Name          string          `json:"name"`
	ToolName      string          `json:"tool_name"`
	ID            Text            `json:"id"`
	ToolCallID    Text            `json:"tool_call_id"`
	Args          json.RawMessage `json:"args"`
	ToolArgs      json.RawMessage `json:"tool_args"`
	Arguments     json.RawMessage `json:"arguments"`
	Result        json.RawMessage `json:"result"`
	Content       json.RawMessage `json:"content"`
	Error         Text            `json:"error"`
	ToolCallError Text            `json:"tool_call_error"`
	Metrics       json.RawMessage `json:"metrics"`
	CreatedAt     *float64        `json:"created_at"`
	Function      *struct {
		Name      string          `json:"name"`
		Arguments json.RawMessage `json:"arguments"`
	} `json:"function"`
}

// Per-turn limits, applied while decoding so that no record can expand
// beyond them whatever its size: lists beyond them are cut, the turn is
// marked truncated (Turn.Truncated) and its true count of tool calls kept.
const (
	// MaxToolCalls is how many `tool_calls` entries, and how many
	// tool-call-started events, are kept per message; also how many tool
	// calls a turn records (as spans or span events).
	MaxToolCalls = 1000
	// MaxNames is how many entries are kept per list of names (tools,
	// members, knowledge sources).
	MaxNames = 1000
	// MaxTurnText is how many bytes of content a turn keeps in all: its
	// user message, its response, its error text, the agent payload, then
	// each tool call's arguments and result, in that order. A text beyond
	// it is cut at a character boundary; tool arguments and results beyond
	// it (JSON, which a cut would break) are left out. It keeps every span
	// and log record a turn becomes well within an OTLP request (a
	// gateway's receiver takes 8 MiB by default), whatever the history
	// file holds.
	MaxTurnText = 2 << 20
)

// ToolCalls is the `tool_calls` list: the first MaxToolCalls entries are
// decoded, the others only counted.
type ToolCalls struct {
	List []ToolCall
	// Total is the number of entries, also those not kept.
	Total int
}

// Truncated reports whether entries were not kept.
func (c *ToolCalls) Truncated() bool { return c.Total > len(c.List) }

// UnmarshalJSON implements json.Unmarshaler. The entries are counted by a
// byte scan; the first MaxToolCalls are decoded in one go.
func (c *ToolCalls) UnmarshalJSON(b []byte) error {
	var out ToolCalls
	if len(b) <= smallList {
		// Too short to hold many entries (3 bytes each at least): decoded
		// whole, then cut.
		if err := decodeList(b, &out.List); err != nil {
			return err
		}
		out.Total = len(out.List)
		if out.Total > MaxToolCalls {
			out.List = out.List[:MaxToolCalls:MaxToolCalls]
		}
		*c = out
		return nil
	}
	keep := len(b) // where the kept entries end
	err := elements(b, func(e []byte) error {
		out.Total++
		if out.Total == MaxToolCalls {
			keep = cap(b) - cap(e) + len(e) // offset of e's end in b
		}
		return nil
	})
	if err != nil {
		return err
	}
	if out.Total == 0 {
		*c = out
		return nil
	}
	list := b
	if out.Total > MaxToolCalls {
		list = append(append(make([]byte, 0, keep+1), b[:keep]...), ']')
	}
	if err := decodeList(list, &out.List); err != nil {
		return err
	}
	*c = out
	return nil
}

// smallList is the size up to which a tool_calls array is decoded whole
// (at most ~22,000 entries: a few megabytes while it is cut).
const smallList = 64 << 10

func decodeList(b []byte, list *[]ToolCall) error {
	if gojson.Unmarshal(b, list) == nil {
		return nil
	}
	*list = nil
	return json.Unmarshal(b, list)
}

// Tool returns the name of the called tool ("" when none is recorded).
func (c *ToolCall) Tool() string {
	switch {
	case c.Name != "":
		return c.Name
	case c.ToolName != "":
		return c.ToolName
	case c.Function != nil:
		return c.Function.Name
	}
	return ""
}

// CallID returns the tool call id ("" when none is recorded).
func (c *ToolCall) CallID() string {
	if c.ID != "" {
		return string(c.ID)
	}
	return string(c.ToolCallID)
}

// ArgumentsJSON returns the raw JSON of the call arguments (nil when none).
func (c *ToolCall) ArgumentsJSON() json.RawMessage {
	for _, a := range []json.RawMessage{c.Args, c.ToolArgs, c.Arguments} {
		if !isNull(a) {
			return a
		}
	}
	if c.Function != nil && !isNull(c.Function.Arguments) {
		return c.Function.Arguments
	}
	return nil
}

// ResultJSON returns the raw JSON of the call result (nil when none):
// `result`, else the `content` some frameworks put it in.
func (c *ToolCall) ResultJSON() json.RawMessage {
	if !isNull(c.Result) {
		return c.Result
	}
	if !isNull(c.Content) {
		return c.Content
	}
	return nil
}

// Failed returns the error text of a failed call ("" when it did not fail):
// `error`, or agno's `tool_call_error` flag, whose result is then the error.
func (c *ToolCall) Failed() string {
	if e := string(c.Error); e != "" && e != "false" {
		return e
	}
	if c.ToolCallError == "true" {
		if r := c.ResultJSON(); r != nil {
			var s string
			if json.Unmarshal(r, &s) == nil && s != "" {
				return s
			}
			return string(r)
		}
		return "tool call failed"
	}
	return ""
}

func isNull(r json.RawMessage) bool {
	return len(r) == 0 || string(r) == "null"
}

// Usage is token usage as pushed by an app, in OpenAI or Anthropic form,
// with the cost OpenAI-compatible gateways report (OpenRouter's usage.cost).
type Usage struct {
	// OpenAI: prompt_tokens includes cached tokens, completion_tokens
	// includes reasoning tokens.
	PromptTokens            *int64                   `json:"prompt_tokens"`
	CompletionTokens        *int64                   `json:"completion_tokens"`
	PromptTokensDetails     *PromptTokensDetails     `json:"prompt_tokens_details"`
	CompletionTokensDetails *CompletionTokensDetails `json:"completion_tokens_details"`

	// Anthropic: input_tokens excludes cache reads and cache writes;
	// cache_creation splits the writes by lifetime.
	InputTokens              *int64         `json:"input_tokens"`
	OutputTokens             *int64         `json:"output_tokens"`
	CacheReadInputTokens     *int64         `json:"cache_read_input_tokens"`
	CacheCreationInputTokens *int64         `json:"cache_creation_input_tokens"`
	CacheCreation            *CacheCreation `json:"cache_creation"`

	// OpenRouter (and gateways copying it): cost is what the call was
	// charged in credits (USD); with is_byok (the app's own provider key)
	// it is only OpenRouter's fee, and cost_details.upstream_inference_cost
	// is what the provider billed on that key.
	Cost        *float64     `json:"cost"`
	IsBYOK      *bool        `json:"is_byok"`
	CostDetails *CostDetails `json:"cost_details"`
}

// PromptTokensDetails is OpenAI's prompt_tokens_details; OpenRouter adds
// cache_write_tokens.
type PromptTokensDetails struct {
	CachedTokens     *int64 `json:"cached_tokens"`
	CacheWriteTokens *int64 `json:"cache_write_tokens"`
}

// CompletionTokensDetails is OpenAI's completion_tokens_details.
type CompletionTokensDetails struct {
	ReasoningTokens *int64 `json:"reasoning_tokens"`
}

// CacheCreation is Anthropic's usage.cache_creation: the cache writes by
// lifetime.
type CacheCreation struct {
	Ephemeral5m *int64 `json:"ephemeral_5m_input_tokens"`
	Ephemeral1h *int64 `json:"ephemeral_1h_input_tokens"`
}

// CostDetails is OpenRouter's usage.cost_details. The prompt and
// completion parts are not read: the cost breakdown of the attribute
// contract parts uncached input from cache reads and writes, which
// OpenRouter's prompt part lumps together.
type CostDetails struct {
	UpstreamInferenceCost *float64 `json:"upstream_inference_cost"`
}

// MaxCost is the largest cost, in USD, a pushed call may report: no single
// model call costs near it.
const MaxCost = 1_000_000

// Text is a JSON string that also accepts null (empty), numbers and booleans
// (their literal text) and objects or arrays (their compact JSON), so that an
// app writing an error object or a numeric id does not make the whole
// history unreadable.
type Text string

// UnmarshalJSON implements json.Unmarshaler.
func (t *Text) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) == 0 || string(b) == "null":
		*t = ""
	case b[0] == '"':
		s, err := unquote(b)
		if err != nil {
			return err
		}
		*t = Text(s)
	case b[0] == '{' || b[0] == '[':
		var buf bytes.Buffer
		if err := json.Compact(&buf, b); err != nil {
			return err
		}
		*t = Text(buf.String())
	default:
		*t = Text(b)
	}
	return nil
}

// unquote decodes a JSON string literal, without the decoder's machinery
// when it holds no escapes.
func unquote(b []byte) (string, error) {
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		inner := b[1 : len(b)-1]
		if bytes.IndexByte(inner, '\\') < 0 && bytes.IndexByte(inner, '"') < 0 && utf8.Valid(inner) && !hasControl(inner) {
			return string(inner), nil
		}
	}
	var s string
	err := json.Unmarshal(b, &s)
	return s, err
}

func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}

// elements calls fn with each element of a JSON array (null is empty).
func elements(b []byte, fn func(elem []byte) error) error {
	if string(b) == "null" {
		return nil
	}
	i := skipSpace(b, 0)
	if i == len(b) || b[i] != '[' {
		return &FieldError{Msg: "expected a JSON array"}
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return nil
	}
	for i < len(b) {
		end, err := valueEnd(b, i)
		if err != nil {
			return err
		}
		if err := fn(b[i:end]); err != nil {
			return err
		}
		i = skipSpace(b, end)
		if i < len(b) && b[i] == ']' {
			return nil
		}
		if i == len(b) || b[i] != ',' {
			break
		}
		i = skipSpace(b, i+1)
	}
	return &FieldError{Msg: "malformed JSON array"}
}

// Names is a list of names. Elements may be strings or objects, of which
// `name`, else `title`, else `id` is taken (HALO Core writes member objects
// in agent_members_runtime); other elements are ignored. The first MaxNames
// names are kept, the others counted in Dropped.
type Names struct {
	List    []string
	Dropped int
}

// Len is the number of names kept.
func (n *Names) Len() int { return len(n.List) }

// UnmarshalJSON implements json.Unmarshaler.
func (n *Names) UnmarshalJSON(b []byte) error {
	var out Names
	add := func(s string) {
		if len(out.List) == MaxNames {
			out.Dropped++
			return
		}
		out.List = append(out.List, s)
	}
	err := elements(b, func(e []byte) error {
		if len(out.List) == MaxNames && (e[0] == '"' || e[0] == '{') {
			out.Dropped++ // not decoded
			return nil
		}
		switch e[0] {
		case '"':
			s, err := unquote(e)
			if err != nil {
				return err
			}
			add(s)
		case '{':
			var o struct {
				Name  Text `json:"name"`
				Title Text `json:"title"`
				ID    Text `json:"id"`
			}
			if err := gojson.Unmarshal(e, &o); err != nil {
				if err := json.Unmarshal(e, &o); err != nil {
					return err
				}
			}
			switch {
			case o.Name != "":
				add(string(o.Name))
			case o.Title != "":
				add(string(o.Title))
			case o.ID != "":
				add(string(o.ID))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	*n = out
	return nil
}

// MCPEvents is `telemetry.mcp_events`: HALO Core records there every tool
// call event of the agent's stream ({"event": "toolcallstarted", "tool":
// {"name": ..., "type": ...}, "metrics": ...}, also "toolcallcompleted" and
// the team's "teamtoolcall..." events), not only MCP ones.
type MCPEvents struct {
	// N is the number of events.
	N int
	// Started are the tool names of the call-started events, in order: one
	// per call, where tool_calls keeps one entry per tool name. At most
	// MaxToolCalls are kept; StartedTotal counts them all.
	Started      []string
	StartedTotal int
}

// UnmarshalJSON implements json.Unmarshaler. Elements that are not objects
// are counted and otherwise ignored.
func (e *MCPEvents) UnmarshalJSON(b []byte) error {
	var out MCPEvents
	err := elements(b, func(el []byte) error {
		out.N++
		if el[0] != '{' {
			return nil
		}
		var ev struct {
			Event Text            `json:"event"`
			Tool  json.RawMessage `json:"tool"`
		}
		if gojson.Unmarshal(el, &ev) != nil && json.Unmarshal(el, &ev) != nil {
			return nil
		}
		if !strings.HasSuffix(strings.ToLower(string(ev.Event)), "toolcallstarted") || isNull(ev.Tool) {
			return nil
		}
		var names Names
		if ev.Tool[0] == '{' {
			names.UnmarshalJSON(append(append([]byte{'['}, ev.Tool...), ']')) //nolint:errcheck // a bad tool object names no tool
		} else {
			names.UnmarshalJSON(ev.Tool) //nolint:errcheck // idem
		}
		n := max(len(names.List)+names.Dropped, 1)
		out.StartedTotal += n
		for i := 0; i < n && len(out.Started) < MaxToolCalls; i++ {
			name := ""
			if i < len(names.List) {
				name = names.List[i]
			}
			out.Started = append(out.Started, name)
		}
		return nil
	})
	if err != nil {
		return err
	}
	*e = out
	return nil
}

// Field is a Text that remembers whether its key was present at all (also
// when null).
type Field struct {
	Text
	Set bool
}

// UnmarshalJSON implements json.Unmarshaler.
func (f *Field) UnmarshalJSON(b []byte) error {
	f.Set = true
	return f.Text.UnmarshalJSON(b)
}

// Timestamp is when a pushed turn ended: an RFC 3339 string, or a number of
// Unix seconds (fractions allowed).
type Timestamp struct {
	time.Time
}

// UnmarshalJSON implements json.Unmarshaler.
func (ts *Timestamp) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		ts.Time = time.Time{}
		return nil
	}
	if b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return &FieldError{Msg: "timestamp " + strconv.Quote(s) + " is not an RFC 3339 time"}
		}
		ts.Time = t
		return nil
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil || f < 0 || f > 1e11 {
		return &FieldError{Msg: "timestamp " + string(b) + " is not an RFC 3339 string or Unix seconds"}
	}
	sec := int64(f)
	ts.Time = time.Unix(sec, int64((f-float64(sec))*1e9)).UTC()
	return nil
}

// FieldError is a value that has the right JSON type but an unusable value.
type FieldError struct {
	Msg string
}

func (e *FieldError) Error() string { return e.Msg }
