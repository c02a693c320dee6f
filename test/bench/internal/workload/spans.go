// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package workload generates the benchmark's telemetry: OTLP trace batches in
// the `tiny` and `llm` profiles, and HALO Core chat-history files.
package workload // import "github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

// Kind is a kind of generated span.
type Kind string

const (
	// KindTiny spans look like the collector testbed's: a name, a kind and
	// two integer attributes. They measure the pipeline's per-span overhead
	// and compare with the collector's published figures.
	KindTiny Kind = "tiny"
	// KindLLM spans look like real GenAI instrumentation output: a mix of
	// models and providers, token counts, prompt and answer text with some
	// PII, errors, fallbacks and cached tokens.
	KindLLM Kind = "llm"
)

// Size is the size class of llm spans: how long prompts and answers are.
type Size string

// The llm size classes, named by their average size on the wire (OTLP
// protobuf, every span of a request counted, agent and tool spans included).
const (
	Size1K Size = "1k"
	Size4K Size = "4k"
)

// textLengths are the byte ranges of an llm span's texts, each drawn
// log-uniformly (short and long messages both common, as in chat traffic).
type textLengths struct{ system, prompt, answer [2]int }

var sizes = map[Size]textLengths{
	Size1K: {system: [2]int{40, 160}, prompt: [2]int{40, 600}, answer: [2]int{40, 600}},
	Size4K: {system: [2]int{120, 600}, prompt: [2]int{300, 8192}, answer: [2]int{300, 8192}},
}

// Profile is one workload: a kind of span and, for llm spans, their size
// class and the share of prompts and answers that carry PII.
type Profile struct {
	Kind Kind
	Size Size
	// PII is the probability that a prompt or an answer carries one or two
	// PII values (system prompts never do).
	PII float64
}

var (
	// Tiny is the testbed-style profile.
	Tiny = Profile{Kind: KindTiny}
	// LLM is the llm profile with 4 KB spans and PII in 1% of texts.
	LLM = Profile{Kind: KindLLM, Size: Size4K, PII: 0.01}
	// LLMWorkloads are the llm workloads the benchmark measures: both size
	// classes, each with PII in about 1% and about 80% of prompts and answers.
	LLMWorkloads = []Profile{
		{Kind: KindLLM, Size: Size1K, PII: 0.01},
		{Kind: KindLLM, Size: Size1K, PII: 0.8},
		{Kind: KindLLM, Size: Size4K, PII: 0.01},
		{Kind: KindLLM, Size: Size4K, PII: 0.8},
	}
)

// String names the profile as ParseProfile reads it: tiny, llm-1k-pii80.
func (p Profile) String() string {
	if p.Kind == KindTiny {
		return string(KindTiny)
	}
	return fmt.Sprintf("%s-%s-pii%s", p.Kind, p.Size, strconv.FormatFloat(p.PII*100, 'f', -1, 64))
}

// ParseProfile reads a profile name: tiny; llm-<size>-pii<percent> with
// size 1k or 4k (llm-1k-pii80: 1 KB spans, PII in 80% of prompts and
// answers); llm alone is llm-4k-pii1.
func ParseProfile(s string) (Profile, error) {
	switch s {
	case string(KindTiny):
		return Tiny, nil
	case string(KindLLM):
		return LLM, nil
	}
	bad := fmt.Errorf("unknown profile %q (want tiny, llm, or llm-<1k|4k>-pii<percent> such as llm-1k-pii80)", s)
	parts := strings.Split(s, "-")
	if len(parts) != 3 || parts[0] != string(KindLLM) || !strings.HasPrefix(parts[2], "pii") {
		return Profile{}, bad
	}
	size := Size(parts[1])
	if _, ok := sizes[size]; !ok {
		return Profile{}, bad
	}
	pct, err := strconv.ParseFloat(strings.TrimPrefix(parts[2], "pii"), 64)
	if err != nil || pct < 0 || pct > 100 {
		return Profile{}, bad
	}
	return Profile{Kind: KindLLM, Size: size, PII: pct / 100}, nil
}

// Shares of the llm profile, applied to inference (chat) spans.
const (
	ErrorRate    = 0.04
	FallbackRate = 0.05
	CachedRate   = 0.25
	// LookAlikeRate is the share of texts carrying a harmless value that
	// resembles PII.
	LookAlikeRate = 0.1
)

// PIIRate is the share of chat-history texts (chat_trace ingest) that carry PII.
const PIIRate = 0.01

// Model is one model of the llm profile's mix.
type Model struct {
	Provider string
	// Request is the model the app asked for; Response what the provider
	// answered with (often date-suffixed).
	Request, Response string
	// Weight is the model's share of calls.
	Weight int
	// Reasoning models report reasoning output tokens; CacheWrite models
	// report cache-creation tokens (Anthropic prompt caching).
	Reasoning, CacheWrite, Cache bool
}

// Models is the llm profile's model mix: the current and recent models of the
// main providers, with date-suffixed response names and a Bedrock id.
var Models = []Model{
	{Provider: "openai", Request: "gpt-4o", Response: "gpt-4o-2024-08-06", Weight: 14, Cache: true},
	{Provider: "openai", Request: "gpt-4o-mini", Response: "gpt-4o-mini-2024-07-18", Weight: 20, Cache: true},
	{Provider: "openai", Request: "gpt-4.1", Response: "gpt-4.1-2025-04-14", Weight: 8, Cache: true},
	{Provider: "openai", Request: "o3-mini", Response: "o3-mini-2025-01-31", Weight: 5, Reasoning: true, Cache: true},
	{Provider: "anthropic", Request: "claude-3-5-sonnet-latest", Response: "claude-3-5-sonnet-20241022", Weight: 12, CacheWrite: true, Cache: true},
	{Provider: "anthropic", Request: "claude-3-5-haiku-latest", Response: "claude-3-5-haiku-20241022", Weight: 8, CacheWrite: true, Cache: true},
	{Provider: "gcp.gemini", Request: "gemini-2.0-flash", Response: "gemini-2.0-flash-001", Weight: 10, Cache: true},
	{Provider: "gcp.gemini", Request: "gemini-1.5-pro", Response: "gemini-1.5-pro-002", Weight: 4, Cache: true},
	{Provider: "mistral_ai", Request: "mistral-large-latest", Response: "mistral-large-2411", Weight: 5},
	{Provider: "deepseek", Request: "deepseek-chat", Response: "deepseek-chat", Weight: 5, Cache: true},
	{Provider: "cohere", Request: "command-r-plus", Response: "command-r-plus-08-2024", Weight: 3},
	{Provider: "aws.bedrock", Request: "anthropic.claude-3-5-sonnet-20241022-v2:0", Response: "anthropic.claude-3-5-sonnet-20241022-v2:0", Weight: 6},
}

var (
	services   = []string{"support-bot", "rag-api", "agent-gateway"}
	agents     = []string{"Support Agent", "Finance Team", "Contracts Reviewer", "Research Agent"}
	tools      = []string{"lookup_order", "kb_search", "create_ticket", "get_invoice", "web_search"}
	errorTypes = []string{"rate_limit_exceeded", "timeout", "server_error", "context_length_exceeded"}
)

func pickModel(r *rand.Rand) Model {
	total := 0
	for _, m := range Models {
		total += m.Weight
	}
	n := r.IntN(total)
	for _, m := range Models {
		if n < m.Weight {
			return m
		}
		n -= m.Weight
	}
	return Models[0]
}

// Generator builds batches of spans of one profile, deterministically from
// its seed.
type Generator struct {
	profile Profile
	r       *rand.Rand
	traceN  uint64
	spanN   uint64
	now     time.Time
	stats   Stats
}

// Stats count what a Generator has produced.
type Stats struct {
	// Texts counts prompts and answers; PIITexts those carrying PII.
	Texts, PIITexts int
}

// PIIShare is the share of prompts and answers that carry PII.
func (s Stats) PIIShare() float64 {
	if s.Texts == 0 {
		return 0
	}
	return float64(s.PIITexts) / float64(s.Texts)
}

// Stats returns the counts since the generator was made.
func (g *Generator) Stats() Stats { return g.stats }

func (g *Generator) text(n int) string {
	s, pii := Text(g.r, n, g.profile.PII)
	g.stats.Texts++
	if pii {
		g.stats.PIITexts++
	}
	return s
}

// NewGenerator returns a generator of the given profile.
func NewGenerator(p Profile, seed uint64) *Generator {
	return &Generator{profile: p, r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), now: time.Now()}
}

// Batch returns one export request's worth of spans: exactly n spans under
// one resource and scope.
func (g *Generator) Batch(n int) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	ss := rs.ScopeSpans().AppendEmpty()
	if g.profile.Kind == KindTiny {
		rs.Resource().Attributes().PutStr(genai.ServiceName, "load-generator")
		ss.Scope().SetName("load-generator")
		for range n {
			g.tinySpan(ss.Spans().AppendEmpty())
		}
		return td
	}
	res := rs.Resource().Attributes()
	res.PutStr(genai.ServiceName, services[g.r.IntN(len(services))])
	res.PutStr("service.version", "1.8.2")
	res.PutStr("telemetry.sdk.name", "opentelemetry")
	res.PutStr("telemetry.sdk.language", "python")
	res.PutStr("telemetry.sdk.version", "1.36.0")
	res.PutStr("host.name", fmt.Sprintf("chat-app-%d", g.r.IntN(4)))
	ss.Scope().SetName("opentelemetry.instrumentation.openai_v2")
	ss.Scope().SetVersion("2.1b0")
	spans := ss.Spans()
	for spans.Len() < n {
		// One in five traces is an agent run: invoke_agent with two chat
		// calls and a tool call under it; the rest are single chat calls.
		tid := g.traceID()
		if g.r.IntN(5) == 0 && n-spans.Len() >= 4 {
			agent := agents[g.r.IntN(len(agents))]
			root := spans.AppendEmpty()
			g.agentSpan(root, tid, agent)
			g.chatSpan(spans.AppendEmpty(), tid, root.SpanID(), agent)
			g.toolSpan(spans.AppendEmpty(), tid, root.SpanID(), agent)
			g.chatSpan(spans.AppendEmpty(), tid, root.SpanID(), agent)
			continue
		}
		g.chatSpan(spans.AppendEmpty(), tid, pcommon.SpanID{}, "")
	}
	return td
}

func (g *Generator) traceID() pcommon.TraceID {
	g.traceN++
	var id pcommon.TraceID
	binary.BigEndian.PutUint64(id[0:8], g.traceN)
	binary.BigEndian.PutUint64(id[8:16], g.r.Uint64())
	return id
}

func (g *Generator) spanID() pcommon.SpanID {
	g.spanN++
	var id pcommon.SpanID
	binary.BigEndian.PutUint64(id[:], g.spanN|1<<63)
	return id
}

func (g *Generator) times(s ptrace.Span, d time.Duration) {
	s.SetStartTimestamp(pcommon.NewTimestampFromTime(g.now.Add(-d)))
	s.SetEndTimestamp(pcommon.NewTimestampFromTime(g.now))
}

func (g *Generator) tinySpan(s ptrace.Span) {
	s.SetTraceID(g.traceID())
	s.SetSpanID(g.spanID())
	s.SetName("load-generator-span")
	s.SetKind(ptrace.SpanKindClient)
	g.times(s, time.Millisecond)
	s.Attributes().PutInt("load_generator.span_seq_num", int64(g.spanN))
	s.Attributes().PutInt("load_generator.trace_seq_num", int64(g.traceN))
}

func (g *Generator) agentSpan(s ptrace.Span, tid pcommon.TraceID, agent string) {
	s.SetTraceID(tid)
	s.SetSpanID(g.spanID())
	s.SetName("invoke_agent " + agent)
	s.SetKind(ptrace.SpanKindInternal)
	g.times(s, time.Duration(2000+g.r.IntN(20000))*time.Millisecond)
	a := s.Attributes()
	a.PutStr(genai.OperationName, genai.OpInvokeAgent)
	a.PutStr(genai.AgentName, agent)
	a.PutStr(genai.ConversationID, fmt.Sprintf("conv-%x", tid[8:14]))
}

func (g *Generator) toolSpan(s ptrace.Span, tid pcommon.TraceID, parent pcommon.SpanID, agent string) {
	s.SetTraceID(tid)
	s.SetSpanID(g.spanID())
	s.SetParentSpanID(parent)
	tool := tools[g.r.IntN(len(tools))]
	s.SetName("execute_tool " + tool)
	s.SetKind(ptrace.SpanKindInternal)
	g.times(s, time.Duration(20+g.r.IntN(800))*time.Millisecond)
	a := s.Attributes()
	a.PutStr(genai.OperationName, genai.OpExecuteTool)
	a.PutStr(genai.ToolName, tool)
	a.PutStr(genai.AgentName, agent)
}

// message is a GenAI semantic-convention chat message (gen_ai.input.messages
// and gen_ai.output.messages hold JSON arrays of these).
type message struct {
	Role         string `json:"role"`
	Parts        []part `json:"parts"`
	FinishReason string `json:"finish_reason,omitempty"`
}

type part struct {
	Type    string `json:"type"`
	Content string `json:"content"`
}

func (g *Generator) chatSpan(s ptrace.Span, tid pcommon.TraceID, parent pcommon.SpanID, agent string) {
	m := pickModel(g.r)
	s.SetTraceID(tid)
	s.SetSpanID(g.spanID())
	if !parent.IsEmpty() {
		s.SetParentSpanID(parent)
	}
	s.SetName("chat " + m.Request)
	s.SetKind(ptrace.SpanKindClient)
	latency := time.Duration(300+textLen(g.r, 1, 30000)) * time.Millisecond
	g.times(s, latency)

	a := s.Attributes()
	a.PutStr(genai.OperationName, genai.OpChat)
	// One call in ten names no provider: the model name implies it.
	if g.r.IntN(10) != 0 {
		a.PutStr(genai.ProviderName, m.Provider)
	}
	a.PutStr(genai.RequestModel, m.Request)
	a.PutStr(genai.ConversationID, fmt.Sprintf("conv-%x", tid[8:14]))
	a.PutStr(genai.ChatRequestID, fmt.Sprintf("req-%x", g.r.Uint64()))
	if agent != "" {
		a.PutStr(genai.AgentName, agent)
	}
	a.PutStr(genai.ChatStreamMode, "stream")
	a.PutBool(genai.ChatFallbackUsed, g.r.Float64() < FallbackRate)

	in := int64(textLen(g.r, 100, 8000))
	a.PutInt(genai.UsageInputTokens, in)
	if m.Cache && g.r.Float64() < CachedRate {
		a.PutInt(genai.UsageCacheRead, in*int64(20+g.r.IntN(70))/100)
	}
	if m.CacheWrite && g.r.IntN(10) == 0 {
		a.PutInt(genai.UsageCacheCreation, in*int64(10+g.r.IntN(40))/100)
	}

	lens := sizes[g.profile.Size]
	system, _ := Text(g.r, textLen(g.r, lens.system[0], lens.system[1]), 0)
	prompt := g.text(textLen(g.r, lens.prompt[0], lens.prompt[1]))
	input, _ := json.Marshal([]message{
		{Role: "system", Parts: []part{{Type: "text", Content: system}}},
		{Role: "user", Parts: []part{{Type: "text", Content: prompt}}},
	})
	a.PutStr(genai.InputMessages, string(input))

	if g.r.Float64() < ErrorRate {
		typ := errorTypes[g.r.IntN(len(errorTypes))]
		s.Status().SetCode(ptrace.StatusCodeError)
		s.Status().SetMessage("provider returned " + typ)
		a.PutStr(genai.ErrorType, typ)
		a.PutStr(genai.ChatStreamResult, "error")
		return
	}
	a.PutStr(genai.ResponseModel, m.Response)
	out := int64(textLen(g.r, 20, 2000))
	a.PutInt(genai.UsageOutputTokens, out)
	if m.Reasoning {
		a.PutInt(genai.UsageReasoning, out*int64(30+g.r.IntN(50))/100)
	}
	a.PutDouble(genai.TimeToFirstChunk, float64(150+g.r.IntN(1500))/1000)
	a.PutStr(genai.ChatStreamResult, "ok")
	answer := g.text(textLen(g.r, lens.answer[0], lens.answer[1]))
	output, _ := json.Marshal([]message{{Role: "assistant", Parts: []part{{Type: "text", Content: answer}}, FinishReason: "stop"}})
	a.PutStr(genai.OutputMessages, string(output))
}
