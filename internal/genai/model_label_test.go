// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package genai

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.opentelemetry.io/collector/pdata/pcommon"
)

func TestSplitModel(t *testing.T) {
	type want struct{ provider, model string }
	for label, w := range map[string]want{
		// HALO Core's agent configs and the providers its agent factory builds.
		"openai:gpt-4.1":               {"openai", "gpt-4.1"},
		"openai:gpt-4.1-mini":          {"openai", "gpt-4.1-mini"},
		"google:gemini-2.5-flash":      {"gcp.gemini", "gemini-2.5-flash"},
		"anthropic:claude-sonnet-4-5":  {"anthropic", "claude-sonnet-4-5"},
		"groq:llama-3.3-70b-versatile": {"groq", "llama-3.3-70b-versatile"},
		// Other agno keys and pydantic-ai prefixes.
		"OpenAI:gpt-4o":                                       {"openai", "gpt-4o"},
		"openai-responses:o3":                                 {"openai", "o3"},
		"google-gla:gemini-2.0-flash":                         {"gcp.gemini", "gemini-2.0-flash"},
		"google-vertex:gemini-1.5-pro":                        {"gcp.vertex_ai", "gemini-1.5-pro"},
		"azure-openai:gpt-4o":                                 {"azure.ai.openai", "gpt-4o"},
		"azure:prod-chat-east":                                {"azure.ai.openai", "prod-chat-east"},
		"mistral:mistral-large-latest":                        {"mistral_ai", "mistral-large-latest"},
		"xai:grok-3":                                          {"x_ai", "grok-3"},
		"openrouter:openai/gpt-4o":                            {"openrouter", "openai/gpt-4o"},
		"ollama:llama3.1:8b":                                  {"ollama", "llama3.1:8b"},
		"ollama:mistral:7b":                                   {"ollama", "mistral:7b"},
		"aws-bedrock:us.meta.llama3-3-70b-instruct-v1:0":      {"aws.bedrock", "us.meta.llama3-3-70b-instruct-v1:0"},
		"bedrock:anthropic.claude-3-haiku-20240307-v1:0":      {"aws.bedrock", "anthropic.claude-3-haiku-20240307-v1:0"},
		"vertexai-claude:claude-sonnet-4-5@20250929":          {"gcp.vertex_ai", "claude-sonnet-4-5@20250929"},
		"litellm:anthropic/claude-3-5-sonnet-20241022":        {"litellm", "anthropic/claude-3-5-sonnet-20241022"},
		"deepseek:deepseek-chat":                              {"deepseek", "deepseek-chat"},
		"azure-ai-foundry:Phi-4":                              {"azure.ai.inference", "Phi-4"},
		"huggingface:meta-llama/Llama-3.1-8B-Instruct":        {"huggingface", "meta-llama/Llama-3.1-8B-Instruct"},
		"together:meta-llama/Llama-3.3-70B-Instruct-Turbo":    {"together", "meta-llama/Llama-3.3-70B-Instruct-Turbo"},
		"watsonx:ibm/granite-3-8b-instruct":                   {"ibm.watsonx.ai", "ibm/granite-3-8b-instruct"},
		"fireworks:accounts/fireworks/models/llama-v3p1-405b": {"fireworks", "accounts/fireworks/models/llama-v3p1-405b"},
	} {
		p, m, ok := SplitModel(label)
		assert.True(t, ok, label)
		assert.Equal(t, w.provider, p, label)
		assert.Equal(t, w.model, m, label)
	}
	for _, label := range []string{
		// Colons that are part of the model id.
		"us.meta.llama3-3-70b-instruct-v1:0",
		"anthropic.claude-3-5-sonnet-20241022-v2:0",
		"eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
		"llama3.1:8b", "qwen2.5:7b-instruct", "gpt-oss:20b", "deepseek-r1:7b",
		"mistral:7b", "mistral:latest", "mistral:instruct", "gemma:2b",
		// Not labels at all.
		"gpt-4.1", "", ":gpt-4o", "openai:", "foo:bar", "http://example.com:8080/v1",
		"ft:gpt-4o-mini-2024-07-18:acme::abc123",
	} {
		p, m, ok := SplitModel(label)
		assert.False(t, ok, label)
		assert.Empty(t, p, label)
		assert.Equal(t, label, m, label)
	}
}

// TestReadModelLabel: every component reads `provider:model` labels as the
// provider and the model, whichever attribute carries them.
func TestReadModelLabel(t *testing.T) {
	m := pcommon.NewMap()
	m.PutStr(OperationName, OpChat)
	m.PutStr(RequestModel, "openai:gpt-4.1")
	c := Read(m)
	assert.Equal(t, "gpt-4.1", c.RequestModel)
	assert.Equal(t, "gpt-4.1", c.Model())
	assert.Equal(t, "openai", c.Provider())

	// A provider named by the telemetry wins over the prefix.
	m.PutStr(ProviderName, "azure.ai.openai")
	c = Read(m)
	assert.Equal(t, "azure.ai.openai", c.Provider())

	oi := pcommon.NewMap()
	oi.PutStr("openinference.span.kind", "LLM")
	oi.PutStr("llm.model_name", "google:gemini-2.5-flash")
	c = Read(oi)
	assert.Equal(t, "gemini-2.5-flash", c.Model())
	assert.Equal(t, "gcp.gemini", c.Provider())

	resp := pcommon.NewMap()
	resp.PutStr(RequestModel, "anthropic:claude-sonnet-4-5")
	resp.PutStr(ResponseModel, "claude-sonnet-4-5-20250929")
	c = Read(resp)
	assert.Equal(t, OpChat, c.Operation)
	assert.Equal(t, "claude-sonnet-4-5", c.RequestModel)
	assert.Equal(t, "claude-sonnet-4-5-20250929", c.Model())
	assert.Equal(t, "anthropic", c.Provider())

	bedrock := pcommon.NewMap()
	bedrock.PutStr(RequestModel, "us.meta.llama3-3-70b-instruct-v1:0")
	c = Read(bedrock)
	assert.Equal(t, "us.meta.llama3-3-70b-instruct-v1:0", c.Model(), "a Bedrock version colon is not a label")
	assert.Equal(t, "aws.bedrock", c.Provider())
}

func TestInferProviderFromLabel(t *testing.T) {
	assert.Equal(t, "openai", InferProvider("openai:gpt-4.1"))
	assert.Equal(t, "gcp.gemini", InferProvider("google:gemini-2.5-flash"))
	assert.Equal(t, "ollama", InferProvider("ollama:llama3.1:8b"))
	assert.Equal(t, "meta", InferProvider("llama3.1:8b"), "an Ollama tag, not a label: the model family decides")
}

func BenchmarkReadModelLabel(b *testing.B) {
	m := pcommon.NewMap()
	m.PutStr(OperationName, "chat")
	m.PutStr(RequestModel, "openai:gpt-4.1")
	m.PutStr(ConversationID, "3f2b9c1e")
	b.ReportAllocs()
	for b.Loop() {
		c := Read(m)
		_ = c.Provider()
	}
}
