// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorType(t *testing.T) {
	for msg, want := range map[string]string{
		// HALO Core's wrapper around the exception text.
		"(Agno Fehler: RateLimitError: Error code: 429 - {'error': {}}). Antwort (Fallback): Frage -> Ausgewählte Quellen: ...": "RateLimitError",
		"(Agno Fehler: Request timed out.). Antwort (Fallback): a -> b":                                                         "APITimeoutError",
		"(Agno Fehler: Connection error.). Antwort (Fallback): a -> b":                                                          "APIConnectionError",
		// Class names, bare, qualified, or as a repr.
		"RateLimitError: Error code: 429 - quota":    "RateLimitError",
		"openai.APITimeoutError: Request timed out.": "APITimeoutError",
		"anthropic.OverloadedError('Overloaded')":    "OverloadedError",
		"TimeoutError": "TimeoutError",
		"ModelProviderError: Rate limit reached for x": "RateLimitError",
		"ModelProviderError: something odd":            "ModelProviderError",
		// Messages only, as agno 2 returns them (str of its exception).
		"Rate limit reached for gpt-4.1 in organization org-x on tokens per min (TPM): Limit 30000, Used 29000, Requested 2400.": "RateLimitError",
		"Error code: 429 - {'error': {'message': 'You exceeded your current quota', 'code': 'insufficient_quota'}}":              "RateLimitError",
		"Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}":                    "OverloadedError",
		"Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-...'}}":                                         "AuthenticationError",
		"Error code: 400 - {'error': {'code': 'context_length_exceeded'}}":                                                       "BadRequestError",
		"Error code: 500 - internal": "InternalServerError",
		"You exceeded your current quota, please check your plan and billing details.": "RateLimitError",
		"429 RESOURCE_EXHAUSTED. {'error': {'code': 429}}":                             "RateLimitError",
		"503 UNAVAILABLE. {'error': {'message': 'The model is overloaded.'}}":          "OverloadedError",
		"The model `gpt-9` does not exist or you do not have access to it.":            "NotFoundError",
		"Request timed out.": "APITimeoutError",
		"Connection error.":  "APIConnectionError",
		"API key not valid. Please pass a valid API key.": "AuthenticationError",
		"something went wrong: the model is down":         "_OTHER",
		": no class": "_OTHER",
		strings.Repeat("x", 200) + ": too long class": "_OTHER",
		"": "_OTHER",
	} {
		assert.Equal(t, want, ErrorType(msg), msg)
	}
}

func TestProviderErrorText(t *testing.T) {
	for _, s := range []string{
		"Rate limit reached for gpt-4.1-mini in organization org-1 on tokens per min (TPM)",
		"Error code: 503 - {}", "Request timed out.", "Connection error.",
		"You exceeded your current quota, please check your plan", "  Overloaded",
	} {
		assert.True(t, ProviderErrorText(s), s)
	}
	for _, s := range []string{
		"Die Rate-Limits von OpenAI liegen bei 500 RPM.", "Connection pooling hilft hier.", "", strings.Repeat("Error code: ", 500),
	} {
		assert.False(t, ProviderErrorText(s), s)
	}
}

func TestAgnoErrorText(t *testing.T) {
	inner, ok := AgnoErrorText("(Agno Fehler: boom (code 3)). Antwort (Fallback): Frage? -> payload with ). Antwort (Fallback): inside")
	assert.True(t, ok)
	assert.Equal(t, "boom (code 3)", inner)
	_, ok = AgnoErrorText("Antwort ohne Fehler (Agno Fehler: in der Mitte)")
	assert.False(t, ok, "only at the start of the answer")
}

func TestPyLiteralJSON(t *testing.T) {
	for in, want := range map[string]string{
		`{'query': 'Q3 Kosten', 'max_results': 5}`:                       `{"query":"Q3 Kosten","max_results":5}`,
		`{'a': 41870, 'b': 0.92, 'ok': True, 'x': None, 'n': False}`:     `{"a":41870,"b":0.92,"ok":true,"x":null,"n":false}`,
		`{"it's": "quote \"d\"", 'nl': 'a\nb', 'u': 'ü\xe4\u20ac'}`:      `{"it's":"quote \"d\"","nl":"a\nb","u":"üä€"}`,
		`{'list': [1, 2.5, -3, 1e-05], 'tuple': (1, 'x'), 'set': {'a'}}`: `{"list":[1,2.5,-3,1e-05],"tuple":[1,"x"],"set":["a"]}`,
		`{1: 'int key', None: 'none key'}`:                               `{"1":"int key","null":"none key"}`,
		`{}`:                                                             `{}`,
		`[]`:                                                             `[]`,
		`{'nested': {'deep': [{'k': 'v'}]}}`:                             `{"nested":{"deep":[{"k":"v"}]}}`,
		`{'trailing': 1,}`:                                               `{"trailing":1}`,
		`{'b': b'bytes', 'ctl': '\x01\t'}`:                               `{"b":"bytes","ctl":"\u0001\t"}`,
		`{'leading': .5, 'dot': 5., 'neg': -.25}`:                        `{"leading":0.5,"dot":5,"neg":-0.25}`,
	} {
		got, ok := PyLiteralJSON(in)
		require.True(t, ok, in)
		assert.JSONEq(t, want, got, in)
		assert.True(t, json.Valid([]byte(got)), got)
	}
	for _, in := range []string{
		`{'a': datetime.datetime(2026, 5, 4)}`, `{'a': 1`, `{'a' 1}`, `Timer()`, `{'a': nan}`, `'open`, `{'a': 1} extra`,
		`{'a': inf}`, ``, `True_ish`,
	} {
		_, ok := PyLiteralJSON(in)
		assert.False(t, ok, in)
	}
}

func TestArgsJSON(t *testing.T) {
	for raw, want := range map[string]string{
		`"{'query': 'x'}"`:        `{"query":"x"}`,
		`"{\"query\": \"x\"}"`:    `{"query":"x"}`,
		`{"query": "x"}`:          `{"query":"x"}`,
		`"<object at 0x7f>"`:      `"<object at 0x7f>"`,
		`"{'a': Decimal('1.0')}"`: `"{'a': Decimal('1.0')}"`,
		`""`:                      ``,
	} {
		assert.Equal(t, want, argsJSON(json.RawMessage(raw)), raw)
	}
}

func TestToolMetrics(t *testing.T) {
	// agno >= 2.5.5: ToolCallMetrics with Unix start and end.
	c := ToolCall{
		ToolName: "web_search",
		Metrics:  json.RawMessage(`"ToolCallMetrics(timer=<agno.utils.timer.Timer object at 0x7f3a2c1b9d90>, start_time=1777903203.25, end_time=1777903204.5, duration=1.25)"`),
	}
	u := newToolUse(&c)
	require.True(t, u.Timed())
	assert.Equal(t, 1250*time.Millisecond, u.Duration)
	assert.Equal(t, time.Unix(1777903203, 250000000).UTC(), u.Start)

	// agno before 2.5.5: the run Metrics object, duration only.
	c.Metrics = json.RawMessage(`"Metrics(input_tokens=0, output_tokens=0, total_tokens=0, cost=None, audio_input_tokens=0, audio_output_tokens=0, audio_total_tokens=0, cache_read_tokens=0, cache_write_tokens=0, reasoning_tokens=0, timer=None, time_to_first_token=None, duration=0.4821, provider_metrics=None, additional_metrics=None)"`)
	u = newToolUse(&c)
	assert.Equal(t, 482100*time.Microsecond, u.Duration)
	assert.True(t, u.Start.IsZero())

	// to_dict() form, ISO times.
	c.Metrics = json.RawMessage(`{"start_time": "2026-05-04T14:00:03.250000+00:00", "end_time": "2026-05-04T14:00:04.000000+00:00", "duration": 0.75}`)
	u = newToolUse(&c)
	assert.InDelta(t, float64(750*time.Millisecond), float64(u.Duration), float64(time.Microsecond))
	assert.False(t, u.Start.IsZero())

	c.Metrics = json.RawMessage(`"Metrics(time_to_first_token=0.2)"`)
	u = newToolUse(&c)
	assert.False(t, u.Timed())
}

func TestToolCallFailed(t *testing.T) {
	c := ToolCall{ToolName: "web_search", ToolCallError: "true", Result: json.RawMessage(`"HTTP 503 from DuckDuckGo"`)}
	assert.Equal(t, "HTTP 503 from DuckDuckGo", c.Failed())
	c = ToolCall{ToolName: "x", ToolCallError: "false", Result: json.RawMessage(`"ok"`)}
	assert.Empty(t, c.Failed())
}

func TestMCPEvents(t *testing.T) {
	var e MCPEvents
	require.NoError(t, e.UnmarshalJSON([]byte(`[
	  {"event": "toolcallstarted", "tool": {"name": "web_search", "type": "function"}, "metrics": null},
	  {"event": "toolcallcompleted", "tool": {"name": "web_search", "type": "function"}, "metrics": null},
	  {"event": "teamtoolcallstarted", "tool": [{"name": "a"}, {"name": "b"}]},
	  {"event": "toolcallstarted", "tool": null},
	  "odd", 3, null]`)))
	assert.Equal(t, 7, e.N)
	assert.Equal(t, []string{"web_search", "a", "b"}, e.Started)
}

func TestToolUsesMatchEvents(t *testing.T) {
	calls := []ToolCall{{ToolName: "a", ToolCallID: "1"}, {ToolName: "b", ToolCallID: "2"}, {ToolName: "c", ToolCallID: "3"}}
	got := toolUses(calls, []string{"a", "b", "a", "x"})
	names := make([]string, len(got))
	for i := range got {
		names[i] = got[i].Name + "/" + got[i].ID
	}
	assert.Equal(t, []string{"a/1", "b/2", "a/", "x/", "c/3"}, names)
}
