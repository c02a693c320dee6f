// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver"

import (
	"bytes"
	"encoding/json"
	"time"
	"unicode/utf8"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/metadata"
)

// mapper turns decoded turns into pdata: one span tree and one log record
// per turn.
type mapper struct {
	capture CaptureConfig
	service string
}

// view is what the spans and the log record of one turn share.
type view struct {
	t          *halo.Turn
	start, end pcommon.Timestamp
	op, name   string
	model      string
	provider   string
	errType    string
	errMsg     string
	// input and output are gen_ai.input.messages / gen_ai.output.messages
	// ("" when not captured or empty).
	input, output string
	request       string
	hasRequest    bool
	response      string
	hasResponse   bool
}

func (m *mapper) view(t *halo.Turn, fallbackEnd time.Time) view {
	end := t.End
	if end.IsZero() {
		end = fallbackEnd
	}
	v := view{
		t:     t,
		end:   pcommon.NewTimestampFromTime(end),
		start: pcommon.NewTimestampFromTime(end.Add(-t.Latency())),
		model: t.Model(),
	}
	v.provider = genai.NormalizeProvider(t.Provider)
	if v.provider == "" {
		v.provider = genai.InferProvider(v.model)
	}
	if t.IsAgent() {
		v.op, v.name = genai.OpInvokeAgent, genai.OpInvokeAgent+" "+t.Trace.AgentName
	} else {
		v.op, v.name = genai.OpChat, spanName(genai.OpChat, v.model)
	}
	if e := string(t.Trace.Error); e != "" {
		v.errMsg, v.errType = e, errorType(e)
	}
	if m.capture.AgentPayloads && t.Trace.Payload != "" {
		v.request, v.hasRequest = t.Trace.Payload, true
	} else if m.capture.UserRequests && t.HasUserRequest {
		v.request, v.hasRequest = t.UserRequest, true
	}
	if m.capture.AgentResponses {
		if r, ok := t.Response(); ok {
			v.response, v.hasResponse = r, r != ""
		} else if v.errMsg == "" && t.Content != "" {
			v.response, v.hasResponse = t.Content, true
		}
	}
	if v.hasRequest {
		v.input = inputMessages(v.request)
	}
	var tools []halo.ToolCall
	if m.capture.AgentPayloads {
		tools = t.ToolCalls
	}
	if v.hasResponse || len(tools) > 0 {
		v.output = outputMessages(v.response, tools, v.errMsg != "")
	}
	return v
}

func spanName(op, detail string) string {
	if detail == "" {
		return op
	}
	return op + " " + detail
}

// errorType returns the exception class at the start of an error message
// ("RateLimitError: ..." gives RateLimitError), else _OTHER.
func errorType(msg string) string {
	end := len(msg)
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		if c == ':' {
			end = i
			break
		}
		if !isClassChar(c) {
			return "_OTHER"
		}
	}
	if end == 0 || end > 128 {
		return "_OTHER"
	}
	return msg[:end]
}

func isClassChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
}

func (m *mapper) traces(views []view) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, m.service)
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName(metadata.ScopeName)
	spans := ss.Spans()
	for i := range views {
		m.appendSpans(spans, &views[i])
	}
	return td
}

func (m *mapper) appendSpans(spans ptrace.SpanSlice, v *view) {
	t := v.t
	traceID := pcommon.TraceID(t.IDs.Trace)
	root := spans.AppendEmpty()
	root.SetTraceID(traceID)
	root.SetSpanID(t.IDs.Root)
	root.SetName(v.name)
	root.SetStartTimestamp(v.start)
	root.SetEndTimestamp(v.end)
	putCommon(root.Attributes(), v)
	if t.IsAgent() {
		root.SetKind(ptrace.SpanKindInternal)
		chat := spans.AppendEmpty()
		chat.SetTraceID(traceID)
		chat.SetSpanID(t.IDs.Chat)
		chat.SetParentSpanID(t.IDs.Root)
		chat.SetName(spanName(genai.OpChat, v.model))
		chat.SetKind(ptrace.SpanKindClient)
		chat.SetStartTimestamp(v.start)
		chat.SetEndTimestamp(v.end)
		putInferenceCore(chat.Attributes(), v)
		putInference(chat.Attributes(), v)
		setStatus(chat.Status(), v.errMsg)
	} else {
		root.SetKind(ptrace.SpanKindClient)
		putInference(root.Attributes(), v)
	}
	setStatus(root.Status(), v.errMsg)
	for i := range t.ToolCalls {
		m.appendTool(spans, v, i)
	}
	if len(t.ToolCalls) == 0 {
		// No call details recorded: one span per tool the telemetry names.
		for i, name := range t.Trace.Telemetry.Tools {
			s := newToolSpan(spans, v, i, name)
			s.Attributes().PutStr(genai.ToolType, "function")
		}
	}
}

func newToolSpan(spans ptrace.SpanSlice, v *view, i int, name string) ptrace.Span {
	s := spans.AppendEmpty()
	s.SetTraceID(pcommon.TraceID(v.t.IDs.Trace))
	s.SetSpanID(halo.SpanID(v.t.IDs.Trace, "tool", i))
	s.SetParentSpanID(v.t.IDs.Root)
	s.SetName(spanName(genai.OpExecuteTool, name))
	s.SetKind(ptrace.SpanKindInternal)
	// HALO Core records no per-tool timing: tool spans are instants at the
	// start of the turn, in call order.
	s.SetStartTimestamp(v.start)
	s.SetEndTimestamp(v.start)
	a := s.Attributes()
	a.PutStr(genai.OperationName, genai.OpExecuteTool)
	putNonEmpty(a, genai.ToolName, name)
	putNonEmpty(a, genai.ConversationID, v.t.SessionID)
	putNonEmpty(a, genai.AgentName, v.t.Trace.AgentName)
	return s
}

func (m *mapper) appendTool(spans ptrace.SpanSlice, v *view, i int) {
	c := &v.t.ToolCalls[i]
	s := newToolSpan(spans, v, i, c.Tool())
	a := s.Attributes()
	a.PutStr(genai.ToolType, "function")
	putNonEmpty(a, genai.ToolCallID, c.CallID())
	if m.capture.AgentPayloads {
		if args := c.ArgumentsJSON(); args != nil {
			a.PutStr(genai.ToolCallArguments, compact(args))
		}
		if res := c.ResultJSON(); res != nil {
			a.PutStr(genai.ToolCallResult, compact(res))
		}
	}
	if e := string(c.Error); e != "" && e != "false" {
		a.PutStr(genai.ErrorType, errorType(e))
		setStatus(s.Status(), e)
	}
}

func setStatus(st ptrace.Status, errMsg string) {
	if errMsg != "" {
		st.SetCode(ptrace.StatusCodeError)
		st.SetMessage(errMsg)
	}
}

// putInferenceCore writes what an inference span under an agent shares with
// the turn.
func putInferenceCore(a pcommon.Map, v *view) {
	a.EnsureCapacity(a.Len() + 16)
	a.PutStr(genai.OperationName, genai.OpChat)
	putNonEmpty(a, genai.RequestModel, v.model)
	putNonEmpty(a, genai.ProviderName, v.provider)
	putNonEmpty(a, genai.ConversationID, v.t.SessionID)
	putNonEmpty(a, genai.AgentName, v.t.Trace.AgentName)
	// chat.fallback.used and chat.stream.result describe the turn and stay
	// on its root span only, so span_metrics_llm counts each turn once.
	putNonEmpty(a, genai.ChatRequestID, v.t.RequestID)
	putNonEmpty(a, genai.ErrorType, v.errType)
}

// putInference writes token counts and captured content.
func putInference(a pcommon.Map, v *view) {
	tk := &v.t.Tokens
	if tk.Has&halo.HasInput != 0 {
		a.PutInt(genai.UsageInputTokens, tk.Input)
	}
	if tk.Has&halo.HasOutput != 0 {
		a.PutInt(genai.UsageOutputTokens, tk.Output)
	}
	if tk.Has&halo.HasCacheRead != 0 {
		a.PutInt(genai.UsageCacheRead, tk.CacheRead)
	}
	if tk.Has&halo.HasCacheCreation != 0 {
		a.PutInt(genai.UsageCacheCreation, tk.CacheCreation)
	}
	if tk.Has&halo.HasReasoning != 0 {
		a.PutInt(genai.UsageReasoning, tk.Reasoning)
	}
	putNonEmpty(a, genai.InputMessages, v.input)
	putNonEmpty(a, genai.OutputMessages, v.output)
}

// putCommon writes the turn's attributes shared by the root span and the log
// record.
func putCommon(a pcommon.Map, v *view) {
	t, tr := v.t, v.t.Trace
	tel := &tr.Telemetry
	a.EnsureCapacity(a.Len() + 24)
	a.PutStr(genai.OperationName, v.op)
	putNonEmpty(a, genai.RequestModel, v.model)
	putNonEmpty(a, genai.ProviderName, v.provider)
	putNonEmpty(a, genai.ConversationID, t.SessionID)
	putNonEmpty(a, genai.AgentName, tr.AgentName)
	putNonEmpty(a, genai.AgentID, string(tr.AgentID))
	putNonEmpty(a, genai.AgentDescription, tr.AgentRole)
	putNonEmpty(a, genai.ChatAgentType, tr.AgentType)
	if tel.UsedFallback != nil {
		a.PutBool(genai.ChatFallbackUsed, *tel.UsedFallback)
	}
	putNonEmpty(a, genai.ChatStreamMode, tel.StreamMode)
	if tel.StreamEvents != nil {
		a.PutBool(genai.ChatStreamEvents, *tel.StreamEvents)
	}
	putNonEmpty(a, genai.ChatStreamResult, tel.StreamResult)
	if tel.KnowledgeHits != nil && *tel.KnowledgeHits >= 0 {
		a.PutInt(genai.ChatKnowledgeHits, int64(*tel.KnowledgeHits))
	}
	putSlice(a, genai.ChatKnowledgeSources, tel.KnowledgeSources)
	if len(tel.SelectedMembers) > 0 {
		putSlice(a, genai.ChatMembersSelected, tel.SelectedMembers)
	} else {
		putSlice(a, genai.ChatMembersSelected, tr.SelectedMemberIDs)
	}
	if len(tel.Tools) > 0 {
		putSlice(a, genai.ChatTools, tel.Tools)
	} else if len(t.ToolCalls) > 0 {
		names := make([]string, 0, len(t.ToolCalls))
		for i := range t.ToolCalls {
			if n := t.ToolCalls[i].Tool(); n != "" {
				names = append(names, n)
			}
		}
		putSlice(a, genai.ChatTools, names)
	}
	if tel.MCPEvents > 0 {
		a.PutInt(genai.ChatMCPEvents, int64(tel.MCPEvents))
	}
	putNonEmpty(a, genai.ChatRequestID, t.RequestID)
	putNonEmpty(a, genai.UserID, t.UserID)
	putNonEmpty(a, genai.ErrorType, v.errType)
}

func putNonEmpty(a pcommon.Map, k, v string) {
	if v != "" {
		a.PutStr(k, v)
	}
}

func putSlice(a pcommon.Map, k string, vals []string) {
	if len(vals) == 0 {
		return
	}
	s := a.PutEmptySlice(k)
	s.EnsureCapacity(len(vals))
	for _, v := range vals {
		s.AppendEmpty().SetStr(v)
	}
}

func (m *mapper) logs(views []view, observed time.Time) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr(genai.ServiceName, m.service)
	sl := rl.ScopeLogs().AppendEmpty()
	sl.Scope().SetName(metadata.ScopeName)
	recs := sl.LogRecords()
	obs := pcommon.NewTimestampFromTime(observed)
	for i := range views {
		v := &views[i]
		lr := recs.AppendEmpty()
		lr.SetTimestamp(v.end)
		lr.SetObservedTimestamp(obs)
		lr.SetEventName(genai.ChatTurnEvent)
		lr.SetTraceID(pcommon.TraceID(v.t.IDs.Trace))
		lr.SetSpanID(v.t.IDs.Root)
		switch {
		case v.errMsg != "":
			lr.SetSeverityNumber(plog.SeverityNumberError)
			lr.SetSeverityText("ERROR")
		case v.t.Trace.Telemetry.UsedFallback != nil && *v.t.Trace.Telemetry.UsedFallback:
			lr.SetSeverityNumber(plog.SeverityNumberWarn)
			lr.SetSeverityText("WARN")
		default:
			lr.SetSeverityNumber(plog.SeverityNumberInfo)
			lr.SetSeverityText("INFO")
		}
		putCommon(lr.Attributes(), v)
		putInference(lr.Attributes(), v)
		m.body(lr.Body(), v)
	}
	return ld
}

// body is a map of the captured content and the error, or the span name
// when there is neither.
func (m *mapper) body(b pcommon.Value, v *view) {
	t := v.t
	userRequest := m.capture.UserRequests && t.HasUserRequest
	payload := m.capture.AgentPayloads && t.Trace.Payload != ""
	if !userRequest && !payload && !v.hasResponse && v.errMsg == "" {
		b.SetStr(v.name)
		return
	}
	bm := b.SetEmptyMap()
	if userRequest {
		bm.PutStr("user_request", t.UserRequest)
	}
	if payload {
		bm.PutStr("agent_payload", t.Trace.Payload)
	}
	if v.hasResponse {
		bm.PutStr("agent_response", v.response)
	}
	if v.errMsg != "" {
		bm.PutStr("error", v.errMsg)
	}
}

// inputMessages renders the GenAI input-messages JSON for one user message.
func inputMessages(text string) string {
	b := make([]byte, 0, len(text)+64)
	b = append(b, `[{"role":"user","parts":[{"type":"text","content":`...)
	b = appendJSONString(b, text)
	b = append(b, `}]}]`...)
	return string(b)
}

// outputMessages renders the GenAI output-messages JSON for the agent's
// response and, when given, its tool calls.
func outputMessages(text string, tools []halo.ToolCall, failed bool) string {
	b := make([]byte, 0, len(text)+96)
	b = append(b, `[{"role":"assistant","parts":[`...)
	n := 0
	for i := range tools {
		c := &tools[i]
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = append(b, `{"type":"tool_call"`...)
		if id := c.CallID(); id != "" {
			b = append(b, `,"id":`...)
			b = appendJSONString(b, id)
		}
		b = append(b, `,"name":`...)
		b = appendJSONString(b, c.Tool())
		if args := c.ArgumentsJSON(); args != nil {
			b = append(b, `,"arguments":`...)
			b = append(b, compact(args)...)
		}
		b = append(b, '}')
	}
	if text != "" {
		if n > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"type":"text","content":`...)
		b = appendJSONString(b, text)
		b = append(b, '}')
	}
	finish := "stop"
	switch {
	case failed:
		finish = "error"
	case text == "" && len(tools) > 0:
		finish = "tool_call"
	}
	b = append(b, `],"finish_reason":"`...)
	b = append(b, finish...)
	b = append(b, `"}]`...)
	return string(b)
}

func compact(raw json.RawMessage) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return string(raw)
	}
	return buf.String()
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string; invalid UTF-8 becomes U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
