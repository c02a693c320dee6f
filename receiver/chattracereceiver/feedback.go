// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver"

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/feedback"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/metadata"
)

// feedbackSuffix is appended to http::path for the feedback endpoint.
const feedbackSuffix = "/feedback"

func feedbackPath(path string) string {
	return strings.TrimSuffix(path, "/") + feedbackSuffix
}

// feedbackResponse is the JSON body of every answer of the feedback
// endpoint.
type feedbackResponse struct {
	// TraceID and SpanID are the trace context the feedback was emitted
	// in (none for a turn recorded without spans).
	TraceID string `json:"trace_id,omitempty"`
	SpanID  string `json:"span_id,omitempty"`
	// Joined says whether the feedback was joined to a remembered turn
	// (its agent, model, conversation and user); only on success.
	Joined *bool `json:"joined,omitempty"`
	// Duplicate is true when the same feedback was accepted before and
	// not emitted again.
	Duplicate bool   `json:"duplicate,omitempty"`
	Error     string `json:"error,omitempty"`
	Field     string `json:"field,omitempty"`
	// RequestID is the HTTP request's X-Request-Id (or one generated), as
	// in the push endpoint's answers; not the turn's request_id.
	RequestID string `json:"request_id"`
	Warning   string `json:"warning,omitempty"`
}

// Outcomes of a feedback request (the outcome attribute of
// receiver_chat_trace_feedback).
var (
	fbJoined    = outcome("joined")
	fbUnjoined  = outcome("unjoined")
	fbDuplicate = outcome("duplicate")
	fbNotFound  = outcome("not_found")
	fbRejected  = outcome("rejected")
	fbFailed    = outcome("failed")
)

func outcome(v string) metric.AddOption {
	return metric.WithAttributeSet(attribute.NewSet(attribute.String("outcome", v)))
}

// handleFeedback accepts user feedback on one turn (see the README,
// "Feedback") and emits it as a gen_ai.evaluation.result log record in the
// turn's trace context.
func (r *chatReceiver) handleFeedback(w http.ResponseWriter, req *http.Request) {
	ctx := req.Context()
	reqID, warning := requestID(req)
	w.Header().Set("X-Request-Id", reqID)
	answer := func(code int, resp feedbackResponse, o metric.AddOption) {
		resp.RequestID, resp.Warning = reqID, warning
		r.telemetry.ReceiverChatTraceFeedback.Add(ctx, 1, o)
		if code >= 400 && code < 500 {
			r.telemetry.ReceiverChatTraceRejectedRequests.Add(ctx, 1)
			r.telemetry.ReceiverChatTraceRejectedRecords.Add(ctx, 1)
		}
		b, _ := json.Marshal(resp)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		_, _ = w.Write(b)
	}
	bad := func(code int, field, msg string) {
		answer(code, feedbackResponse{Error: msg, Field: field}, fbRejected)
	}

	if req.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		bad(http.StatusMethodNotAllowed, "", "method "+req.Method+" is not allowed, use POST")
		return
	}
	if r.feedback == nil {
		bad(http.StatusNotImplemented, "", "feedback is emitted as log records, and this chat_trace receiver is in no logs pipeline")
		return
	}
	if ct := req.Header.Get("Content-Type"); ct != "" && !jsonMediaType(ct) {
		if len(ct) > 64 {
			ct = ct[:64] + "..."
		}
		bad(http.StatusUnsupportedMediaType, "", "content type "+strconv.Quote(ct)+" is not supported, use application/json")
		return
	}
	limit := int64(feedback.MaxBody)
	if m := r.push.ServerConfig.MaxRequestBodySize; m > 0 && m < limit {
		limit = m
	}
	body, err := readBody(req, limit)
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			bad(http.StatusRequestEntityTooLarge, "", fmt.Sprintf("a feedback body is at most %d bytes", limit))
			return
		}
		bad(http.StatusBadRequest, "", "the request body could not be read (cut off, or not in its Content-Encoding)")
		return
	}
	if int64(len(body)) > limit { // read through a compressed body
		bad(http.StatusRequestEntityTooLarge, "", fmt.Sprintf("a feedback body is at most %d bytes", limit))
		return
	}
	if at := invalidUTF8(body); at >= 0 {
		bad(http.StatusBadRequest, "", fmt.Sprintf("body is not valid UTF-8 (byte %d)", at))
		return
	}
	fb, ferr := feedback.Decode(body)
	if ferr != nil {
		bad(http.StatusBadRequest, ferr.Field, ferr.Msg)
		return
	}

	turn, joined, miss := r.joinFeedback(&fb)
	if miss != nil {
		answer(http.StatusNotFound, *miss, fbNotFound)
		return
	}
	resp := feedbackResponse{Joined: &joined}
	traceID, spanID, linked := feedbackContext(&fb, &turn, joined)
	if linked {
		resp.TraceID = hex.EncodeToString(traceID[:])
		if spanID != ([8]byte{}) {
			resp.SpanID = hex.EncodeToString(spanID[:])
		}
	}

	key := feedback.KeyOf(turn.Trace, &fb)
	switch r.feedbackSeen.Claim(key, fb.Digest()) {
	case feedback.Duplicate:
		resp.Duplicate = true
		answer(http.StatusOK, resp, fbDuplicate)
		return
	case feedback.Conflict:
		answer(http.StatusConflict, feedbackResponse{
			Error: "feedback_id was used before for other feedback on this turn; give each feedback its own id", Field: "feedback_id",
		}, fbRejected)
		return
	case feedback.Busy:
		w.Header().Set("Retry-After", "1")
		answer(http.StatusServiceUnavailable, feedbackResponse{Error: "the same feedback is being delivered by an earlier request; retry"}, fbFailed)
		return
	}

	ld := r.mapper.feedbackLogs(&fb, &turn, joined, traceID, spanID, linked, time.Now())
	obsCtx := r.obsHTTP.StartLogsOp(ctx)
	err = r.nextLogs.ConsumeLogs(obsCtx, ld)
	r.obsHTTP.EndLogsOp(obsCtx, dataFormat, 1, err)
	r.feedbackSeen.Finish(key, err == nil)
	if err != nil {
		code := refusedStatus(err)
		r.logRefusal(err, code)
		msg := "the pipeline cannot take the feedback now; retry"
		switch {
		case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
			w.Header().Set("Retry-After", "1")
		case code >= 500 || consumererror.IsPermanent(err):
			code, msg = http.StatusInternalServerError, "the pipeline refused the feedback permanently"
		default:
			msg = "the pipeline refused the feedback as invalid"
		}
		answer(code, feedbackResponse{Error: msg}, fbFailed)
		return
	}
	r.refusing.Store(false)
	o := fbJoined
	if !joined {
		o = fbUnjoined
	}
	answer(http.StatusOK, resp, o)
}

// joinFeedback finds the turn feedback names. A trace id the table does
// not know is accepted as it is (joined false: the receiver cannot tell a
// turn it forgot, or another app's trace, from a made-up id); a request id
// or session position it does not know is answered 404 (miss), since
// without the turn there is no trace to attach the feedback to.
func (r *chatReceiver) joinFeedback(fb *feedback.Request) (turn feedback.Turn, joined bool, miss *feedbackResponse) {
	switch {
	case fb.HasTrace:
		if t, ok := r.feedback.ByTrace(fb.Trace); ok {
			return t, true, nil
		}
		return feedback.Turn{Trace: fb.Trace, Index: -1, Linked: true}, false, nil
	case fb.RequestID != "":
		t, ok := r.feedback.ByRequestID(fb.RequestID)
		if ok && (fb.Session == "" || fb.Session == t.Session) {
			return t, true, nil
		}
		msg := "no remembered turn has this request_id"
		if ok {
			msg += " in this session_id"
		}
		return t, false, &feedbackResponse{Error: msg + " (turns are remembered from when they are emitted, up to http::feedback_turns; not across restarts)", Field: "request_id"}
	default:
		if t, ok := r.feedback.ByIndex(fb.Session, fb.TurnIndex); ok {
			return t, true, nil
		}
		return turn, false, &feedbackResponse{
			Error: "no remembered turn has this session_id and turn_index (turns are remembered from when they are emitted, up to http::feedback_turns; not across restarts)", Field: "turn_index",
		}
	}
}

// feedbackContext is the trace context of the feedback's log record: the
// span the client named, else the turn's root span. A turn emitted without
// spans has none (linked false).
func feedbackContext(fb *feedback.Request, turn *feedback.Turn, joined bool) (trace [16]byte, span [8]byte, linked bool) {
	if joined && !turn.Linked {
		return trace, span, false
	}
	trace = turn.Trace
	switch {
	case fb.HasSpan:
		span = fb.Span
	case joined:
		span = turn.Root
	}
	return trace, span, true
}

// feedbackLogs is the gen_ai.evaluation.result log record of one piece of
// feedback (DESIGN.md, "Evaluations and feedback"): named user_feedback,
// scored +1 / -1 for a thumb (labelled positive / negative) or the score
// given, the comment as the explanation, and the turn's agent, model,
// provider, conversation, user and request id, so that span_metrics_llm
// counts it per agent and model. No usage or cost: it is no model call.
func (m *mapper) feedbackLogs(fb *feedback.Request, turn *feedback.Turn, joined bool, trace [16]byte, span [8]byte, linked bool, now time.Time) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr(genai.ServiceName, m.service)
	sl := rl.ScopeLogs().AppendEmpty()
	sl.Scope().SetName(metadata.ScopeName)
	lr := sl.LogRecords().AppendEmpty()
	at := fb.Time
	if at.IsZero() {
		at = now
	}
	lr.SetTimestamp(pcommon.NewTimestampFromTime(at))
	lr.SetObservedTimestamp(pcommon.NewTimestampFromTime(now))
	lr.SetEventName(genai.EvaluationResultEvent)
	lr.SetSeverityNumber(plog.SeverityNumberInfo)
	lr.SetSeverityText("INFO")
	if linked {
		lr.SetTraceID(pcommon.TraceID(trace))
		if span != ([8]byte{}) {
			lr.SetSpanID(pcommon.SpanID(span))
		}
	}
	a := lr.Attributes()
	a.EnsureCapacity(12)
	a.PutStr(genai.EvaluationName, genai.EvaluationUserFeedback)
	a.PutDouble(genai.EvaluationScoreValue, fb.Value())
	switch {
	case fb.Thumbs > 0:
		a.PutStr(genai.EvaluationScoreLabel, genai.FeedbackPositive)
	case fb.Thumbs < 0:
		a.PutStr(genai.EvaluationScoreLabel, genai.FeedbackNegative)
	default:
		putNonEmpty(a, genai.EvaluationScoreLabel, fb.Label)
	}
	putNonEmpty(a, genai.EvaluationExplanation, fb.Comment)
	if joined {
		putNonEmpty(a, genai.AgentName, turn.Agent)
		putNonEmpty(a, genai.RequestModel, turn.Model)
		putNonEmpty(a, genai.ProviderName, turn.Provider)
		putNonEmpty(a, genai.ConversationID, turn.Session)
		putNonEmpty(a, genai.UserID, turn.User)
		putNonEmpty(a, genai.ChatRequestID, turn.RequestID)
	}
	return ld
}

// remember puts emitted turns in the feedback table.
func (r *chatReceiver) remember(views []view) {
	if r.feedback == nil || len(views) == 0 {
		return
	}
	turns := make([]feedback.Turn, len(views))
	for i := range views {
		v := &views[i]
		t := v.t
		turns[i] = feedback.Turn{
			Trace: t.IDs.Trace, Root: t.IDs.Root, Linked: v.spans,
			Session: t.SessionID, Index: t.Index,
			RequestID: t.RequestID, Agent: t.Trace.AgentName, Model: v.model, Provider: v.provider, User: t.UserID,
		}
	}
	r.feedback.Put(turns)
}

// jsonMediaType reports whether ct is application/json. Not text/plain, as
// the push endpoint accepts: a browser sends that cross-site without asking
// the server first (CORS), so a web page could post feedback in a user's
// name.
func jsonMediaType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && mt == "application/json"
}
