// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package estimate

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens"
)

// Token splits in the comments are tiktoken's o200k_base splits.
func TestInput(t *testing.T) {
	for _, tc := range []struct {
		name             string
		messages, system string
		want             int64
	}{
		{"nothing", "", "", 0},
		{"whitespace only", "  ", "\n", 0},
		// 3 framing + "user" 1 + "Hello" "," " world" "!" 4, + 3 priming.
		{"GenAI parts", `[{"role":"user","parts":[{"type":"text","content":"Hello, world!"}]}]`, "", 11},
		{"content string", `[{"role":"user","content":"Hello, world!"}]`, "", 11},
		{"OpenAI content parts", `[{"role":"user","content":[{"type":"text","text":"Hello, world!"}]}]`, "", 11},
		// + system message: 3 + "system" 1 + "You" " are" " a" " helpful" " assistant" "." 6.
		{"with system instructions", `[{"role":"user","content":"Hello, world!"}]`, `[{"type":"text","content":"You are a helpful assistant."}]`, 21},
		{"system as plain text", `[{"role":"user","content":"Hello, world!"}]`, `You are a helpful assistant.`, 21},
		// A name costs 1 + its tokens ("get" "_weather" 2).
		{"named message", `[{"role":"user","name":"get_weather","content":"Hello, world!"}]`, "", 14},
		// Two turns and a tool call in history: user 3+1+7 ("What" " is" " the" " weather"
		// " in" " Paris" "?"), assistant tool call 3+1+2+5 (name, {"city":"Paris"}),
		// tool result 3+1+5 ("Sunny" "," " " "21" "°C"), + 3.
		{"tool round trip", `[{"role":"user","parts":[{"type":"text","content":"What is the weather in Paris?"}]},` +
			`{"role":"assistant","parts":[{"type":"tool_call","id":"c1","name":"get_weather","arguments":{"city":"Paris"}}]},` +
			`{"role":"tool","parts":[{"type":"tool_call_response","id":"c1","response":"Sunny, 21°C"}]}]`, "", 11 + 11 + 9 + 3},
		// Not messages JSON: one user message of the raw text ("plain" " prompt" " text").
		{"plain text", `plain prompt text`, "", 3 + 1 + 3 + 3},
		{"JSON string", `"plain prompt text"`, "", 3 + 1 + 3 + 3},
		// Non-Latin script: "日本" "語" "の" "テ" "キ" "スト" "です" "。" = 8.
		{"japanese", `[{"role":"user","content":"日本語のテキストです。"}]`, "", 3 + 1 + 8 + 3},
	} {
		assert.Equal(t, tc.want, Input(tokens.O200kBase, tc.messages, tc.system), tc.name)
	}
}

func TestOutput(t *testing.T) {
	for _, tc := range []struct {
		name, messages string
		want           int64
	}{
		{"nothing", "", 0},
		// "Hi" " there" "!" " How" " can" " I" " help" "?": no framing on output.
		{"text", `[{"role":"assistant","parts":[{"type":"text","content":"Hi there! How can I help?"}],"finish_reason":"stop"}]`, 8},
		{"tool call", `[{"role":"assistant","parts":[{"type":"tool_call","name":"get_weather","arguments":{"city":"Paris"}}]}]`, 2 + 5},
		{"plain", `Hi there! How can I help?`, 8},
	} {
		assert.Equal(t, tc.want, Output(tokens.O200kBase, tc.messages), tc.name)
	}
}

// TestEncodingMatters: the count is the model family's; cl100k_base and
// o200k_base split this text differently.
func TestEncodingMatters(t *testing.T) {
	msg := `[{"role":"user","content":"日本語のテキストです。"}]`
	assert.NotEqual(t, Input(tokens.O200kBase, msg, ""), Input(tokens.Cl100kBase, msg, ""))
}

func BenchmarkInput4KB(b *testing.B) {
	text := ""
	for len(text) < 4096 {
		text += "Please summarise the renewal notice period of the contract and list what the customer must do. "
	}
	msg := `[{"role":"user","parts":[{"type":"text","content":"` + text + `"}]}]`
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	for b.Loop() {
		Input(tokens.O200kBase, msg, "")
	}
}
