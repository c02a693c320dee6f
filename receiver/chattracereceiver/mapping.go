// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver"

import (
	"time"

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
	// spans is false when the turn's duration is unknown: it is then a log
	// record only (no span can be drawn without a start).
	spans    bool
	op, name string
	model    string
	provider string
	errType  string
	errMsg   string
	// input and output are gen_ai.input.messages / gen_ai.output.messages
	// ("" when not captured or empty).
	input, output string
	request       string
	hasRequest    bool
	response      string
	hasResponse   bool
}

// view prepares one turn. fallbackEnd is when a turn without a timestamp
// ended (a history file's modification time); now is when the turn was
// read: a file time ahead of it (a clock skewed between the app's host and
// ours, or set by hand) is not believed, the turn ends now.
func (m *mapper) view(t *halo.Turn, fallbackEnd, now time.Time) view {
	end := t.End
	if end.IsZero() {
		end = fallbackEnd
		if end.After(now) {
			end = now
		}
	}
	lat := t.Latency()
	v := view{
		t:     t,
		end:   pcommon.NewTimestampFromTime(end),
		start: pcommon.NewTimestampFromTime(end.Add(-lat)),
		spans: lat > 0,
	}
	label := t.Model()
	provider, model, split := genai.SplitModel(label)
	v.model = model
	v.provider = genai.NormalizeProvider(t.Provider)
	switch {
	case v.provider != "":
	case split:
		v.provider = provider
	default:
		v.provider = genai.InferProvider(model)
	}
	if t.IsAgent() {
		v.op, v.name = genai.OpInvokeAgent, genai.OpInvokeAgent+" "+t.Trace.AgentName
	} else {
		v.op, v.name = genai.OpChat, spanName(genai.OpChat, v.model)
	}
	v.errMsg, v.errType = t.Err, t.ErrType
	if m.capture.AgentPayloads && t.Payload != "" {
		v.request, v.hasRequest = t.Payload, true
	} else if m.capture.UserRequests && t.HasUserRequest {
		v.request, v.hasRequest = t.UserRequest, true
	}
	if m.capture.AgentResponses && v.errMsg == "" {
		if r, ok := t.Response(); ok && r != "" {
			v.response, v.hasResponse = r, true
		} else if t.Content != "" {
			v.response, v.hasResponse = t.Content, true
		}
	}
	if v.hasRequest {
		v.input = inputMessages(v.request)
	}
	var tools []halo.ToolUse
	if m.capture.AgentPayloads {
		tools = t.Tools
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

func (m *mapper) traces(views []view) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr(genai.ServiceName, m.service)
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName(metadata.ScopeName)
	spans := ss.Spans()
	for i := range views {
		if views[i].spans {
			m.appendSpans(spans, &views[i])
		}
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
	prev := v.start.AsTime()
	for i := range t.Tools {
		prev = m.appendTool(spans, root, v, i, prev)
	}
}

// appendTool records one tool call: a span when its duration is known,
// else an event on the turn's root span (HALO Core records no timing for
// the calls of a streamed run; a span would have to invent a duration).
// prev is when the call before it started; it returns this call's start.
func (m *mapper) appendTool(spans ptrace.SpanSlice, root ptrace.Span, v *view, i int, prev time.Time) time.Time {
	u := &v.t.Tools[i]
	start, end, ok := toolTimes(u, prev, v.start.AsTime(), v.end.AsTime())
	var a pcommon.Map
	if ok {
		s := spans.AppendEmpty()
		s.SetTraceID(pcommon.TraceID(v.t.IDs.Trace))
		s.SetSpanID(halo.SpanID(v.t.IDs.Trace, "tool", i))
		s.SetParentSpanID(v.t.IDs.Root)
		s.SetName(spanName(genai.OpExecuteTool, u.Name))
		s.SetKind(ptrace.SpanKindInternal)
		s.SetStartTimestamp(pcommon.NewTimestampFromTime(start))
		s.SetEndTimestamp(pcommon.NewTimestampFromTime(end))
		a = s.Attributes()
		a.PutStr(genai.OperationName, genai.OpExecuteTool)
		putNonEmpty(a, genai.ConversationID, v.t.SessionID)
		putNonEmpty(a, genai.AgentName, v.t.Trace.AgentName)
		if u.Err != "" {
			setStatus(s.Status(), u.Err)
		}
	} else {
		e := root.Events().AppendEmpty()
		e.SetName(genai.ChatToolCallEvent)
		e.SetTimestamp(pcommon.NewTimestampFromTime(start))
		a = e.Attributes()
		if u.Err != "" {
			a.PutStr("exception.message", u.Err)
		}
	}
	putNonEmpty(a, genai.ToolName, u.Name)
	a.PutStr(genai.ToolType, "function")
	putNonEmpty(a, genai.ToolCallID, u.ID)
	if m.capture.AgentPayloads {
		putNonEmpty(a, genai.ToolCallArguments, u.Args)
		putNonEmpty(a, genai.ToolCallResult, u.Result)
	}
	if u.Err != "" {
		a.PutStr(genai.ErrorType, halo.ErrorType(u.Err))
	}
	return start
}

// toolTimes places a tool call inside its turn [ts, te]. ok is true when the
// call's duration is known: exact start and end as recorded, else the
// duration ending at the recorded time (agno stamps a finished call's record
// when it ends, in whole seconds). Without a duration the call is an
// instant at its recorded time (agno stamps a started call's record when it
// starts), else at the start of the call before it (prev), so that calls
// stay in order.
func toolTimes(u *halo.ToolUse, prev, ts, te time.Time) (start, end time.Time, ok bool) {
	clamp := func(t time.Time) time.Time {
		if t.Before(ts) {
			return ts
		}
		if t.After(te) {
			return te
		}
		return t
	}
	if !u.Timed() {
		at := prev
		if !u.At.IsZero() {
			at = u.At
		}
		at = clamp(at)
		return at, at, false
	}
	if !u.Start.IsZero() {
		start, end = clamp(u.Start), clamp(u.End)
	} else {
		end = te
		if !u.At.IsZero() {
			end = clamp(u.At)
		}
		start = end.Add(-u.Duration)
		if start.Before(ts) {
			start = ts
			end = clamp(ts.Add(u.Duration))
		}
	}
	return start, end, end.After(start)
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

// providerCostCurrency is the currency of a pushed run's usage.cost.
const providerCostCurrency = "USD"

// putInference writes token counts, the provider-reported cost and captured
// content: on the inference span and on the turn's log record (which
// llm_cost gives the turn's total instead when it priced the turn's spans).
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
		// The receiver writes v1.41 names (DESIGN.md); every component
		// reads the newer gen_ai.usage.cache_write.input_tokens as well.
		a.PutInt(genai.ConventionsV141.CacheWriteAttribute(), tk.CacheCreation)
	}
	if tk.Has&halo.HasCacheWrite5m != 0 {
		a.PutInt(genai.UsageCacheWrite5m, tk.CacheWrite5m)
	}
	if tk.Has&halo.HasCacheWrite1h != 0 {
		a.PutInt(genai.UsageCacheWrite1h, tk.CacheWrite1h)
	}
	if tk.Has&halo.HasReasoning != 0 {
		a.PutInt(genai.UsageReasoning, tk.Reasoning)
	}
	if v.t.HasCost {
		// The gateway's figure (OpenRouter's credits are USD): llm_cost
		// keeps it (source provider) and compares it with its own price.
		a.PutDouble(genai.CostAmount, v.t.Cost)
		a.PutStr(genai.CostCurrency, providerCostCurrency)
		a.PutStr(genai.CostSource, genai.CostSourceProvider)
	}
	putNonEmpty(a, genai.InputMessages, v.input)
	putNonEmpty(a, genai.OutputMessages, v.output)
}

// putCommon writes the turn's attributes shared by the root span and the log
// record.
func putCommon(a pcommon.Map, v *view) {
	t, tr := v.t, v.t.Trace
	tel := tr.Tel()
	a.EnsureCapacity(a.Len() + 28)
	a.PutStr(genai.OperationName, v.op)
	a.PutBool(genai.ChatTurn, true)
	if t.Index >= 0 {
		a.PutInt(genai.ChatTurnIndex, t.Index)
	}
	putNonEmpty(a, genai.RequestModel, v.model)
	putNonEmpty(a, genai.ProviderName, v.provider)
	putNonEmpty(a, genai.ConversationID, t.SessionID)
	putNonEmpty(a, genai.AgentName, tr.AgentName)
	if t.Record {
		putNonEmpty(a, genai.AgentID, string(tr.AgentID.Text))
		putNonEmpty(a, genai.AgentDescription, string(tr.AgentRole.Text))
	}
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
	putSlice(a, genai.ChatKnowledgeSources, tel.KnowledgeSources.List)
	if tel.SelectedMembers.Len() > 0 {
		putSlice(a, genai.ChatMembersSelected, tel.SelectedMembers.List)
	} else {
		putSlice(a, genai.ChatMembersSelected, tr.SelectedMemberIDs.List)
	}
	// The tools the agent could call; the ones it called follow.
	switch {
	case tel.Tools.Len() > 0:
		putSlice(a, genai.ChatTools, tel.Tools.List)
	case tr.AgentToolsRuntime.Len() > 0:
		putSlice(a, genai.ChatTools, tr.AgentToolsRuntime.List)
	case t.Record && tr.AgentTools.Len() > 0:
		putSlice(a, genai.ChatTools, tr.AgentTools.List)
	}
	// The calls made, also those beyond the per-turn limit; the names and
	// spans or events of the calls kept.
	a.PutInt(genai.ChatToolCalls, int64(max(t.ToolCallsTotal, len(t.Tools))))
	if t.Truncated {
		a.PutBool(genai.ChatTurnTruncated, true)
	}
	if len(t.Tools) > 0 {
		s := a.PutEmptySlice(genai.ChatToolsCalled)
		s.EnsureCapacity(len(t.Tools))
		for i := range t.Tools {
			s.AppendEmpty().SetStr(t.Tools[i].Name)
		}
	}
	if tel.MCPEvents.N > 0 {
		a.PutInt(genai.ChatMCPEvents, int64(tel.MCPEvents.N))
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
		if v.spans {
			lr.SetTraceID(pcommon.TraceID(v.t.IDs.Trace))
			lr.SetSpanID(v.t.IDs.Root)
		}
		switch {
		case v.errMsg != "":
			lr.SetSeverityNumber(plog.SeverityNumberError)
			lr.SetSeverityText("ERROR")
		case v.t.Trace.Tel().UsedFallback != nil && *v.t.Trace.Tel().UsedFallback:
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
	payload := m.capture.AgentPayloads && t.Payload != ""
	if !userRequest && !payload && !v.hasResponse && v.errMsg == "" {
		b.SetStr(v.name)
		return
	}
	bm := b.SetEmptyMap()
	if userRequest {
		bm.PutStr("user_request", t.UserRequest)
	}
	if payload {
		bm.PutStr("agent_payload", t.Payload)
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
	b = halo.AppendJSONString(b, text)
	b = append(b, `}]}]`...)
	return string(b)
}

// outputMessages renders the GenAI output-messages JSON for the agent's
// response and, when given, its tool calls.
func outputMessages(text string, tools []halo.ToolUse, failed bool) string {
	b := make([]byte, 0, len(text)+96)
	b = append(b, `[{"role":"assistant","parts":[`...)
	n := 0
	for i := range tools {
		u := &tools[i]
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = append(b, `{"type":"tool_call"`...)
		if u.ID != "" {
			b = append(b, `,"id":`...)
			b = halo.AppendJSONString(b, u.ID)
		}
		b = append(b, `,"name":`...)
		b = halo.AppendJSONString(b, u.Name)
		if u.Args != "" {
			b = append(b, `,"arguments":`...)
			b = append(b, u.Args...)
		}
		b = append(b, '}')
	}
	if text != "" {
		if n > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"type":"text","content":`...)
		b = halo.AppendJSONString(b, text)
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
