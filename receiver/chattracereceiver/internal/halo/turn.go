// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"

import (
	"crypto/sha256"
	"encoding/binary"
	"hash/fnv"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Turn is one answer of the app: an assistant message that answers a user
// message, or any assistant message that carries a trace (a pushed run).
type Turn struct {
	SessionID string
	UserID    string
	RequestID string
	Provider  string
	// Index is the position of the message in its history, or the pushed
	// turn_index; -1 when unknown.
	Index int64
	IDs   IDs
	// End is when the turn ended, from the record's timestamp; zero when
	// the record has none (the caller uses the file's modification time).
	End time.Time
	// UserRequest is the user message the turn answers.
	UserRequest    string
	HasUserRequest bool
	Content        string
	// Trace is the message's trace; an empty one when the message has none
	// or its trace is another turn's (see fresh).
	Trace     *Trace
	ToolCalls []ToolCall
	// Tools are the tool calls made during the turn, in call order (at
	// most MaxToolCalls); ToolCallsTotal counts them all.
	Tools          []ToolUse
	ToolCallsTotal int
	// Truncated is true when lists of the record were cut at the per-turn
	// limits (MaxToolCalls, MaxNames).
	Truncated bool
	Tokens    Tokens
	// Cost is the call's cost in USD as the app's gateway reported it
	// (Usage.ProviderCost), when HasCost.
	Cost    float64
	HasCost bool
	// Err is the turn's error text ("" when it did not fail), without
	// HALO Core's wrapper; ErrType classifies it (ErrorType).
	Err, ErrType string
	// Payload is the prompt sent to the agent when it is this turn's.
	Payload string
	// Record is true when the older `_record_trace` fields (error,
	// agent_id, agent_role) belong to this turn.
	Record bool
}

// Token presence bits in Tokens.Has.
const (
	HasInput uint8 = 1 << iota
	HasOutput
	HasCacheRead
	HasCacheCreation
	HasReasoning
	HasCacheWrite5m
	HasCacheWrite1h
)

// Tokens are token counts in the GenAI meaning: Input includes cache reads
// and writes, Output includes reasoning tokens. CacheWrite5m and
// CacheWrite1h are Anthropic's split of CacheCreation by lifetime.
type Tokens struct {
	Input, Output, CacheRead, CacheCreation, Reasoning int64
	CacheWrite5m, CacheWrite1h                         int64
	Has                                                uint8
}

// Response returns the agent's response: trace.response when it is a
// string, else "" with ok false.
func (t *Turn) Response() (string, bool) {
	if t.Trace.Response == nil {
		return "", false
	}
	return *t.Trace.Response, true
}

// Model returns the model label named by the turn's telemetry ("" when
// null, or when no model was called: HALO Core's demo answer, given when no
// agent could be built, e.g. without an API key, still names the configured
// model).
func (t *Turn) Model() string {
	m := t.Trace.Tel().Model
	if m == nil || t.Demo() {
		return ""
	}
	return *m
}

// Demo reports whether the turn is HALO Core's demo answer: the fallback
// ran without an agent, and no model was called.
func (t *Turn) Demo() bool {
	fb := t.Trace.Tel().UsedFallback
	return fb != nil && *fb && t.Trace.AgentName == "" && strings.HasPrefix(t.Content, "(Demo) ")
}

// IsAgent reports whether the turn was run by a named agent or team.
func (t *Turn) IsAgent() bool {
	return t.Trace.AgentName != ""
}

// Latency returns the turn's latency (0 when not recorded or negative).
func (t *Turn) Latency() time.Duration {
	l := t.Trace.Tel().LatencyMS
	if l == nil || *l <= 0 || *l > 1e12 {
		return 0
	}
	return time.Duration(*l * float64(time.Millisecond))
}

// HistoryTurns returns the turns of messages[from:] of one session's history.
// A turn is an assistant message that answers a user message (HALO Core
// persists the user message first, in its own rewrite of the file, then the
// answer), or an assistant message with a trace; the welcome message (an
// assistant message before any user message, without a trace) is none.
// chain is History.Chain; the IDs of a turn depend on the session, the
// message index and the fingerprint of the history up to that message, so
// re-reading an unchanged history gives the same IDs and an edited one gives
// new ones.
func HistoryTurns(session string, msgs []Message, chain []uint64, from int) []Turn {
	return HistoryTurnsAt(session, msgs, 0, chain, from)
}

// HistoryTurnsAt is HistoryTurns on a window of the history: msgs[k] is
// message base+k, chain is the whole history's. A turn depends only on its
// message and the one before it, so a window that starts one message before
// from gives the same turns as the whole history.
func HistoryTurnsAt(session string, msgs []Message, base int, chain []uint64, from int) []Turn {
	var turns []Turn
	var user string
	var pending bool
	for k := range msgs {
		m, i := &msgs[k], base+k
		if m.Role == "user" {
			user, pending = m.Content, true
			continue
		}
		answers := pending
		pending = false
		if i < from || (m.Trace == nil && !answers) || m.Role != "assistant" && m.Trace == nil {
			continue
		}
		s := session
		if m.SessionID != "" {
			s = m.SessionID
		}
		u := ""
		if answers {
			u = user
		}
		t := newTurn(m, s, int64(i), u, answers, true)
		t.IDs = NewIDs(s, int64(i), chain[i])
		turns = append(turns, t)
	}
	return turns
}

// PushedTurn returns the turn of a single pushed record (ok false when the
// record carries no trace). digest is Push.Digests' entry for the record.
// IDs derive from the session and turn_index when the record has one, else
// from its request_id, else from its bytes, so pushing the same record
// twice gives the same IDs. Request ids and bytes are hashed with SHA-256:
// two records told apart only by a weaker hash would share their IDs.
func PushedTurn(m *Message, defaultSession string, digest [16]byte) (Turn, bool) {
	if m.Trace == nil || m.Role == "user" {
		return Turn{}, false
	}
	s := m.SessionID
	if s == "" {
		s = defaultSession
	}
	idx := int64(-1)
	if m.TurnIndex != nil && *m.TurnIndex >= 0 {
		idx = *m.TurnIndex
	}
	t := newTurn(m, s, idx, "", false, false)
	switch {
	case idx >= 0:
		t.IDs = NewIDs(s, idx, 0)
	case m.RequestID != "":
		sum := sha256.Sum256([]byte("request_id\x00" + string(m.RequestID)))
		t.IDs = NewIDs(s, -1, binary.LittleEndian.Uint64(sum[:8]))
	default:
		t.IDs = NewIDs(s, -1, binary.LittleEndian.Uint64(digest[:8]))
	}
	return t, true
}

// DeliveryKey identifies one delivery of a turn: its IDs and the exact
// bytes of its record (digest). A retried push has the same keys; a turn
// pushed again with other content (an edited answer under the same
// turn_index) has another.
func DeliveryKey(ids IDs, digest [16]byte) [16]byte {
	h := sha256.New()
	h.Write(ids.Trace[:])
	h.Write(digest[:])
	var k [16]byte
	copy(k[:], h.Sum(nil))
	return k
}

var emptyTrace Trace

func newTurn(m *Message, session string, idx int64, user string, hasUser, history bool) Turn {
	t := Turn{
		SessionID:      session,
		UserID:         m.UserID,
		RequestID:      string(m.RequestID),
		Provider:       m.Provider,
		Index:          idx,
		End:            m.Timestamp.Time,
		UserRequest:    user,
		HasUserRequest: hasUser,
		Content:        m.Content,
		Trace:          m.Trace,
		ToolCalls:      m.ToolCalls.List,
	}
	u := m.Usage
	if u == nil && m.Trace != nil {
		u = m.Trace.Usage
	}
	if u != nil {
		t.Tokens = u.Tokens()
		t.Cost, t.HasCost = u.ProviderCost()
	}
	if t.Trace == nil {
		t.Trace = &emptyTrace
	}
	tr := t.Trace
	fresh := t.payloadFresh()
	if !fresh && tr.Telemetry == nil {
		// The older shape only: another run's trace (HALO Core kept the
		// last one in a module variable and attached it to streamed
		// turns that recorded none). Nothing of it describes this turn.
		t.Trace = &emptyTrace
		tr = t.Trace
	}
	if fresh {
		t.Payload = tr.Payload
	}
	// In a history, the older fields are this turn's when the trace is the
	// older shape alone, or when the fallback run (the only path that
	// records them) answered this turn: HALO Core merged the last recorded
	// object, whoever's, into every trace until 2026-03-22. A pushed run's
	// fields are its own.
	fb := tr.Tel().UsedFallback
	t.Record = fresh && (!history || tr.Telemetry == nil || fb == nil || *fb)
	ev := &tr.Tel().MCPEvents
	t.Tools = toolUses(m.ToolCalls.List, ev.Started)
	t.ToolCallsTotal = len(t.Tools)
	switch {
	case len(ev.Started) == 0:
		// One call per entry, also those not kept.
		t.ToolCallsTotal = m.ToolCalls.Total
	case ev.StartedTotal > len(ev.Started):
		// One call per started event, also those not kept.
		t.ToolCallsTotal += ev.StartedTotal - len(ev.Started)
	}
	if len(t.Tools) > MaxToolCalls {
		t.Tools = t.Tools[:MaxToolCalls]
	}
	t.Truncated = t.ToolCallsTotal > len(t.Tools) || m.ToolCalls.Truncated() || m.namesDropped()
	t.setError()
	t.limitText()
	return t
}

// limitText keeps the turn's content within MaxTurnText (see there),
// marking the turn truncated when something was cut or left out.
func (t *Turn) limitText() {
	left := MaxTurnText
	// take returns s, or its first left bytes cut at a character boundary.
	take := func(s string) string {
		if len(s) <= left {
			left -= len(s)
			return s
		}
		t.Truncated = true
		s = cutText(s, left)
		left = 0
		return s
	}
	t.UserRequest = take(t.UserRequest)
	// The response is trace.response or, without one, the message's
	// content: one of them is recorded, so they share their part.
	resp, hasResp := t.Response()
	if n := max(len(resp), len(t.Content)); n > left {
		t.Truncated = true
		t.Content = cutText(t.Content, left)
		if hasResp && len(resp) > left {
			cut := cutText(resp, left)
			tr := *t.Trace // (the trace may be shared: changed in a copy)
			tr.Response = &cut
			t.Trace = &tr
		}
		left = 0
	} else {
		left -= n
	}
	t.Err = take(t.Err)
	t.Payload = take(t.Payload)
	for i := range t.Tools {
		u := &t.Tools[i]
		for _, s := range []*string{&u.Args, &u.Result} {
			if len(*s) > left {
				t.Truncated = true
				*s = ""
				continue
			}
			left -= len(*s)
		}
	}
}

// cutText returns s cut to at most n bytes, at a character boundary.
func cutText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// payloadFresh reports whether trace.payload is this turn's prompt. HALO
// Core builds every payload as `... \n\nFrage: {user message}`; a payload
// in that form that ends with another question is a stale trace left over
// from an earlier run. Payloads in another form, and turns without a user
// message to compare with, are taken as they are.
func (t *Turn) payloadFresh() bool {
	p := t.Trace.Payload
	if p == "" || !t.HasUserRequest {
		return true
	}
	const marker = "\n\nFrage: "
	i := strings.LastIndex(p, marker)
	if i < 0 {
		return true
	}
	return strings.TrimSpace(p[i+len(marker):]) == strings.TrimSpace(t.UserRequest)
}

// setError finds the turn's error: trace.error where it is this turn's,
// else HALO Core's `(Agno Fehler: ...)` answer, else a fallback answer that
// is a provider's error message (agno returns the exception text as the
// run's content).
func (t *Turn) setError() {
	tr := t.Trace
	text := t.Content
	if r := tr.Response; r != nil && *r != "" {
		text = *r
	}
	switch {
	case t.Record && tr.Error.Text != "" && tr.Error.Text != "false":
		t.Err = string(tr.Error.Text)
		if inner, ok := AgnoErrorText(t.Err); ok {
			t.Err = inner
		}
	default:
		if inner, ok := AgnoErrorText(text); ok {
			t.Err = inner
			break
		}
		if fb := tr.Tel().UsedFallback; fb != nil && *fb && ProviderErrorText(text) {
			t.Err = strings.TrimSpace(text)
		}
	}
	if t.Err != "" {
		t.ErrType = ErrorType(t.Err)
	}
}

// Tokens normalises OpenAI- or Anthropic-form usage to GenAI counts. OpenAI
// counts are already inclusive; Anthropic's input_tokens excludes cache reads
// and writes, which are added. The cache writes are
// cache_creation_input_tokens, else OpenRouter's
// prompt_tokens_details.cache_write_tokens, else the sum of Anthropic's
// split by lifetime (cache_creation), which is kept beside them. Negative
// counts are ignored.
func (u *Usage) Tokens() Tokens {
	var t Tokens
	set := func(dst *int64, bit uint8, v *int64) {
		if v != nil && *v >= 0 {
			*dst += *v
			t.Has |= bit
		}
	}
	if cc := u.CacheCreation; cc != nil {
		set(&t.CacheWrite5m, HasCacheWrite5m, cc.Ephemeral5m)
		set(&t.CacheWrite1h, HasCacheWrite1h, cc.Ephemeral1h)
	}
	set(&t.CacheCreation, HasCacheCreation, u.CacheCreationInputTokens)
	if d := u.PromptTokensDetails; d != nil && t.Has&HasCacheCreation == 0 {
		set(&t.CacheCreation, HasCacheCreation, d.CacheWriteTokens)
	}
	if t.Has&HasCacheCreation == 0 && t.Has&(HasCacheWrite5m|HasCacheWrite1h) != 0 {
		t.CacheCreation = t.CacheWrite5m + t.CacheWrite1h
		t.Has |= HasCacheCreation
	}
	if u.PromptTokens != nil || u.CompletionTokens != nil {
		set(&t.Input, HasInput, u.PromptTokens)
		set(&t.Output, HasOutput, u.CompletionTokens)
		if d := u.PromptTokensDetails; d != nil {
			set(&t.CacheRead, HasCacheRead, d.CachedTokens)
		}
		if d := u.CompletionTokensDetails; d != nil {
			set(&t.Reasoning, HasReasoning, d.ReasoningTokens)
		}
		return t
	}
	set(&t.CacheRead, HasCacheRead, u.CacheReadInputTokens)
	set(&t.Output, HasOutput, u.OutputTokens)
	if u.InputTokens != nil && *u.InputTokens >= 0 {
		t.Input = *u.InputTokens + t.CacheRead + t.CacheCreation
		t.Has |= HasInput
	}
	return t
}

// ProviderCost returns the cost in USD an OpenAI-compatible gateway
// reported for the call (OpenRouter's credits are USD): usage.cost, plus,
// for a call on the app's own provider key (is_byok true), what the
// provider billed on that key (cost_details.upstream_inference_cost), of
// which cost is only OpenRouter's fee. ok is false when no cost is
// reported, or one outside 0 to MaxCost (ValidateUsage refuses such a
// push).
func (u *Usage) ProviderCost() (float64, bool) {
	valid := func(v *float64) bool { return v != nil && *v >= 0 && *v <= MaxCost }
	var upstream *float64
	if u.CostDetails != nil && valid(u.CostDetails.UpstreamInferenceCost) {
		upstream = u.CostDetails.UpstreamInferenceCost
	}
	switch {
	case u.IsBYOK != nil && *u.IsBYOK && upstream != nil:
		fee := 0.0
		if valid(u.Cost) {
			fee = *u.Cost
		}
		// Rounded to 10^-12 USD, the unit llm_cost sums in, so that the
		// sum of two decimals does not show a binary rounding error.
		return math.Round((fee+*upstream)*1e12) / 1e12, true
	case valid(u.Cost):
		return *u.Cost, true
	case upstream != nil:
		return *upstream, true
	}
	return 0, false
}

// IDs are the trace and span IDs of one turn.
type IDs struct {
	Trace [16]byte
	Root  [8]byte
	// Chat is the inference span under an agent's root span.
	Chat [8]byte
}

// NewIDs derives a turn's IDs from its session id, turn index and a
// fingerprint (0 when the index alone identifies the turn).
func NewIDs(session string, index int64, fingerprint uint64) IDs {
	h := fnv.New128a()
	_, _ = h.Write([]byte("chat_trace\x00"))
	_, _ = h.Write([]byte(session))
	_, _ = h.Write([]byte{0})
	_, _ = h.Write(strconv.AppendInt(nil, index, 10))
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], fingerprint)
	_, _ = h.Write(b[:])
	var ids IDs
	h.Sum(ids.Trace[:0])
	if ids.Trace == ([16]byte{}) {
		ids.Trace[15] = 1
	}
	ids.Root = SpanID(ids.Trace, "root", 0)
	ids.Chat = SpanID(ids.Trace, "chat", 0)
	return ids
}

// SpanID derives the ID of the n-th span of a kind within a trace.
func SpanID(trace [16]byte, kind string, n int) [8]byte {
	h := fnv.New64a()
	_, _ = h.Write(trace[:])
	_, _ = h.Write([]byte(kind))
	_, _ = h.Write(strconv.AppendInt(nil, int64(n), 10))
	var id [8]byte
	binary.BigEndian.PutUint64(id[:], h.Sum64())
	if id == ([8]byte{}) {
		id[7] = 1
	}
	return id
}
