// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package estimate counts the tokens of an LLM call that reported none, from
// the GenAI message attributes (gen_ai.input.messages,
// gen_ai.system_instructions, gen_ai.output.messages), with a real
// tokenizer. It has no dependency on pdata.
//
// The count follows how chat models bill a conversation (OpenAI's published
// method for its chat models): every input message costs its role and text
// tokens plus 3 tokens of framing, and the reply is primed with 3 more; the
// output costs the tokens of its text and tool calls. Only text is counted:
// the JSON structure around it (quotes, braces, "type" keys) is not sent to
// the model as tokens. A value that is not GenAI messages JSON is counted as
// the text of one message.
package estimate // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/estimate"

import (
	"encoding/json"
	"strings"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens"
)

// Chat framing, in tokens (OpenAI's chat format: <|start|>role<|message|>
// content<|end|>, and <|start|>assistant<|message|> before the reply).
const (
	perMessage = 3
	replyPrime = 3
)

// message is one GenAI message: the current form with parts, or the older
// form with a content string.
type message struct {
	Role    string          `json:"role"`
	Name    string          `json:"name"`
	Content json.RawMessage `json:"content"`
	Parts   []part          `json:"parts"`
}

// part is one GenAI message part; text lives in content, tool calls in name
// and arguments, tool results in response / result.
type part struct {
	Type      string          `json:"type"`
	Content   json.RawMessage `json:"content"`
	Name      string          `json:"name"`
	Arguments json.RawMessage `json:"arguments"`
	Response  json.RawMessage `json:"response"`
	Result    json.RawMessage `json:"result"`
}

// Input counts the prompt tokens of a call: the system instructions and the
// input messages, with chat framing. Empty values count nothing; when both
// are empty the result is 0.
func Input(enc tokens.Encoding, messages, system string) int64 {
	hasMessages, hasSystem := strings.TrimSpace(messages) != "", strings.TrimSpace(system) != ""
	if !hasMessages && !hasSystem {
		return 0
	}
	n := int64(replyPrime)
	if hasSystem {
		n += perMessage + count(enc, "system")
		var parts []part
		if json.Unmarshal([]byte(system), &parts) == nil {
			for i := range parts {
				n += partTokens(enc, &parts[i])
			}
		} else {
			n += count(enc, system)
		}
	}
	if hasMessages {
		n += conversation(enc, messages, true)
	}
	return n
}

// Output counts the completion tokens of a call: the text and tool calls of
// the output messages, without framing.
func Output(enc tokens.Encoding, messages string) int64 {
	if strings.TrimSpace(messages) == "" {
		return 0
	}
	return conversation(enc, messages, false)
}

// conversation counts a messages value; framed adds the per-message framing
// and role of a prompt.
func conversation(enc tokens.Encoding, value string, framed bool) int64 {
	var msgs []message
	if err := json.Unmarshal([]byte(value), &msgs); err != nil {
		// Not GenAI messages JSON: the whole value (a JSON string's text)
		// is one message's text.
		var text string
		if json.Unmarshal([]byte(value), &text) == nil {
			value = text
		}
		if framed {
			return perMessage + count(enc, "user") + count(enc, value)
		}
		return count(enc, value)
	}
	var n int64
	for i := range msgs {
		m := &msgs[i]
		if framed {
			n += perMessage + count(enc, m.Role)
			if m.Name != "" {
				n += 1 + count(enc, m.Name)
			}
		}
		n += rawText(enc, m.Content)
		for j := range m.Parts {
			n += partTokens(enc, &m.Parts[j])
		}
	}
	return n
}

func partTokens(enc tokens.Encoding, p *part) int64 {
	n := rawText(enc, p.Content)
	if p.Type == "tool_call" {
		n += count(enc, p.Name) + rawText(enc, p.Arguments)
	}
	return n + rawText(enc, p.Response) + rawText(enc, p.Result)
}

// rawText counts a JSON value: a string's text, any other value's compact
// JSON text (tool arguments and results reach the model as JSON).
func rawText(enc tokens.Encoding, raw json.RawMessage) int64 {
	if len(raw) == 0 || string(raw) == "null" {
		return 0
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return count(enc, s)
		}
	case '[':
		// OpenAI-style content parts: [{"type":"text","text":"..."}].
		var parts []struct {
			Text    *string         `json:"text"`
			Content json.RawMessage `json:"content"`
		}
		if json.Unmarshal(raw, &parts) == nil {
			var n int64
			for _, p := range parts {
				if p.Text != nil {
					n += count(enc, *p.Text)
				}
				n += rawText(enc, p.Content)
			}
			return n
		}
	}
	return count(enc, string(raw))
}

func count(enc tokens.Encoding, s string) int64 {
	if s == "" {
		return 0
	}
	return int64(tokens.Count(enc, s))
}
