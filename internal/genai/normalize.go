// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package genai // import "github.com/otelcol-llm/otelcol-llm/internal/genai"

import "strings"

// Kind groups operations the way the metrics and the cost rules need them.
type Kind uint8

const (
	// KindNone is not a GenAI operation.
	KindNone Kind = iota
	// KindInference is a call to a model (chat, completion, embeddings):
	// the only kind whose tokens and cost are counted.
	KindInference
	// KindAgent is an agent invocation or creation.
	KindAgent
	// KindTool is a tool execution.
	KindTool
	// KindWorkflow is a workflow or chain of steps, or the handling of a
	// whole conversation turn (handle_conversation_turn).
	KindWorkflow
	// KindRetrieval is a retrieval from a vector store or search index
	// (retrieval; OpenInference RETRIEVER), or the fetch of a stored
	// response (fetch_response): a call to a provider without inference.
	KindRetrieval
	// KindMemory is an operation on an agent's memory store (search_memory,
	// create_memory, ..., delete_memory_store).
	KindMemory
)

// String returns the lower-case name of the kind.
func (k Kind) String() string {
	switch k {
	case KindInference:
		return "inference"
	case KindAgent:
		return "agent"
	case KindTool:
		return "tool"
	case KindWorkflow:
		return "workflow"
	case KindRetrieval:
		return "retrieval"
	case KindMemory:
		return "memory"
	}
	return "none"
}

// OperationKind classifies a normalised operation name.
func OperationKind(op string) Kind {
	switch op {
	case OpChat, OpTextCompletion, OpGenerateContent, OpEmbeddings:
		return KindInference
	case OpInvokeAgent, OpCreateAgent, OpPlan:
		return KindAgent
	case OpExecuteTool:
		return KindTool
	case OpInvokeWorkflow, OpHandleConversationTurn:
		return KindWorkflow
	case OpRetrieval, OpFetchResponse:
		return KindRetrieval
	case OpSearchMemory, OpCreateMemory, OpUpdateMemory, OpUpsertMemory, OpDeleteMemory, OpCreateMemoryStore, OpDeleteMemoryStore:
		return KindMemory
	case "":
		return KindNone
	}
	// Unknown but present operation names (custom instrumentations) are
	// treated as inference only when they look like one.
	return KindNone
}

// OperationFromOpenInference maps an OpenInference `openinference.span.kind`
// value to a GenAI operation name ("" when it has none).
func OperationFromOpenInference(kind string) string {
	switch strings.ToUpper(kind) {
	case "LLM":
		return OpChat
	case "EMBEDDING":
		return OpEmbeddings
	case "AGENT":
		return OpInvokeAgent
	case "TOOL":
		return OpExecuteTool
	case "CHAIN":
		return OpInvokeWorkflow
	case "RETRIEVER":
		return OpRetrieval
	}
	return ""
}

// OperationFromOpenLLMetry maps an OpenLLMetry `llm.request.type` value to a
// GenAI operation name ("" when it has none).
func OperationFromOpenLLMetry(typ string) string {
	switch strings.ToLower(typ) {
	case "chat":
		return OpChat
	case "completion":
		return OpTextCompletion
	case "embedding", "embeddings":
		return OpEmbeddings
	}
	return ""
}

// NormalizeProvider maps the provider names of older conventions
// (`gen_ai.system` values) onto current `gen_ai.provider.name` values.
func NormalizeProvider(p string) string {
	switch p {
	case "vertex_ai":
		return "gcp.vertex_ai"
	case "gemini", "google":
		return "gcp.gemini"
	case "meta-llama":
		return "meta"
	case "az.ai.openai", "azure_openai":
		return "azure.ai.openai"
	case "az.ai.inference":
		return "azure.ai.inference"
	case "bedrock":
		return "aws.bedrock"
	case "mistral", "mistralai":
		return "mistral_ai"
	case "xai":
		return "x_ai"
	}
	return p
}

// InferProvider guesses the provider from a model name when the telemetry
// names none; it returns "" when the model is not recognised. Prefixed ids
// (`openai:gpt-4.1` and the other labels SplitModel knows, `openai/gpt-4o`,
// `anthropic.claude-...` on Bedrock, `publishers/google/...` on Vertex) name
// the hosting platform first.
func InferProvider(model string) string {
	if p, _, ok := SplitModel(model); ok {
		return p
	}
	m := strings.ToLower(model)
	switch {
	case m == "":
		return ""
	case strings.HasPrefix(m, "publishers/") || strings.HasPrefix(m, "projects/"):
		return "gcp.vertex_ai"
	case strings.Contains(m, ":") && (strings.HasPrefix(m, "anthropic.") || strings.HasPrefix(m, "meta.") ||
		strings.HasPrefix(m, "amazon.") || strings.HasPrefix(m, "cohere.") || strings.HasPrefix(m, "mistral.") ||
		strings.HasPrefix(m, "us.") || strings.HasPrefix(m, "eu.") || strings.HasPrefix(m, "apac.")):
		return "aws.bedrock"
	}
	if i := strings.IndexByte(m, '/'); i > 0 {
		if p := NormalizeProvider(m[:i]); knownProvider(p) {
			return p
		}
		m = m[i+1:]
	}
	switch {
	case strings.HasPrefix(m, "gpt-"), strings.HasPrefix(m, "chatgpt"), strings.HasPrefix(m, "text-embedding-"),
		strings.HasPrefix(m, "davinci"), strings.HasPrefix(m, "babbage"),
		len(m) >= 2 && m[0] == 'o' && m[1] >= '1' && m[1] <= '9':
		return "openai"
	case strings.HasPrefix(m, "claude"):
		return "anthropic"
	case strings.HasPrefix(m, "gemini"), strings.HasPrefix(m, "text-embedding-004"), strings.HasPrefix(m, "gemma"):
		return "gcp.gemini"
	case strings.HasPrefix(m, "mistral"), strings.HasPrefix(m, "mixtral"), strings.HasPrefix(m, "codestral"),
		strings.HasPrefix(m, "ministral"), strings.HasPrefix(m, "pixtral"), strings.HasPrefix(m, "magistral"),
		strings.HasPrefix(m, "devstral"), strings.HasPrefix(m, "open-mistral"):
		return "mistral_ai"
	case strings.HasPrefix(m, "deepseek"):
		return "deepseek"
	case strings.HasPrefix(m, "llama"), strings.HasPrefix(m, "meta-llama"):
		return "meta"
	case strings.HasPrefix(m, "command"), strings.HasPrefix(m, "embed-english"), strings.HasPrefix(m, "embed-multilingual"):
		return "cohere"
	case strings.HasPrefix(m, "grok"):
		return "x_ai"
	}
	return ""
}

func knownProvider(p string) bool {
	switch p {
	case "openai", "anthropic", "gcp.gemini", "gcp.vertex_ai", "mistral_ai", "deepseek", "meta", "cohere", "x_ai", "aws.bedrock", "azure.ai.openai", "groq", "perplexity":
		return true
	}
	return false
}

// SplitModel splits a `provider:model` label, the model strings agent
// frameworks take and apps log (agno and pydantic-ai: `openai:gpt-4.1`,
// `google:gemini-2.5-flash`, `anthropic:claude-sonnet-4-5`, `groq:...`,
// `ollama:llama3.1:8b`), into the gen_ai.provider.name of the prefix and the
// model. ok is false, and the label should be used as it is, when the part
// before the first colon is not a known provider key or what follows it does
// not start with a letter: Bedrock ids (`us.meta.llama3-3-70b-instruct-v1:0`,
// `anthropic.claude-3-5-sonnet-20241022-v2:0`) and Ollama tags
// (`llama3.1:8b`, `mistral:7b`, `mistral:latest`) keep their colon. Only the
// first colon splits: `bedrock:anthropic.claude-3-haiku-20240307-v1:0` is
// aws.bedrock and the Bedrock id.
func SplitModel(label string) (provider, model string, ok bool) {
	i := strings.IndexByte(label, ':')
	if i <= 0 || i > maxPrefixLen || i == len(label)-1 {
		return "", label, false
	}
	var buf [maxPrefixLen]byte
	for j := range i {
		c := label[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[j] = c
	}
	p, known := modelPrefixes[string(buf[:i])]
	if !known {
		return "", label, false
	}
	m := label[i+1:]
	if c := m[0] | 0x20; c < 'a' || c > 'z' {
		return "", label, false
	}
	switch m {
	case "latest", "instruct", "text":
		// Ollama tags of a model that shares its name with a provider
		// (`mistral:latest`).
		return "", label, false
	}
	return p, m, true
}

// maxPrefixLen is the longest key of modelPrefixes.
const maxPrefixLen = 24

// modelPrefixes maps the provider keys of `provider:model` labels (agno's
// model-string keys, pydantic-ai's provider prefixes) to gen_ai.provider.name
// values: the well-known value where the conventions have one, else the key.
var modelPrefixes = map[string]string{
	"openai": "openai", "openai-chat": "openai", "openai-responses": "openai",
	"anthropic": "anthropic",
	"google":    "gcp.gemini", "google-gla": "gcp.gemini", "gemini": "gcp.gemini", "google-interactions": "gcp.gemini",
	"google-vertex": "gcp.vertex_ai", "vertexai": "gcp.vertex_ai", "vertex_ai": "gcp.vertex_ai", "vertexai-claude": "gcp.vertex_ai",
	"aws-bedrock": "aws.bedrock", "awsbedrock": "aws.bedrock", "bedrock": "aws.bedrock", "aws-claude": "aws.bedrock",
	"azure": "azure.ai.openai", "azure-openai": "azure.ai.openai",
	"azure-ai-foundry": "azure.ai.inference", "azure-foundry-claude": "azure.ai.inference",
	"groq": "groq", "mistral": "mistral_ai", "mistralai": "mistral_ai", "cohere": "cohere", "deepseek": "deepseek",
	"xai": "x_ai", "grok": "x_ai", "perplexity": "perplexity", "ibm": "ibm.watsonx.ai", "watsonx": "ibm.watsonx.ai",
	"meta": "meta", "llama-openai": "meta",
	"ollama": "ollama", "openrouter": "openrouter", "together": "together", "fireworks": "fireworks",
	"deepinfra": "deepinfra", "cerebras": "cerebras", "huggingface": "huggingface", "litellm": "litellm",
	"nvidia": "nvidia", "sambanova": "sambanova", "nebius": "nebius", "lmstudio": "lmstudio", "vllm": "vllm",
	"llama-cpp": "llama_cpp", "dashscope": "dashscope", "moonshot": "moonshot", "portkey": "portkey",
}
