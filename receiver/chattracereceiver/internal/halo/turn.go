// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"

import (
	"encoding/binary"
	"hash/fnv"
	"strconv"
	"time"
)

// Turn is one assistant message that carries a trace: one agent run.
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
	// UserRequest is the closest user message before the turn.
	UserRequest    string
	HasUserRequest bool
	Content        string
	Trace          *Trace
	ToolCalls      []ToolCall
	Tokens         Tokens
}

// Token presence bits in Tokens.Has.
const (
	HasInput uint8 = 1 << iota
	HasOutput
	HasCacheRead
	HasCacheCreation
	HasReasoning
)

// Tokens are token counts in the GenAI meaning: Input includes cache reads
// and writes, Output includes reasoning tokens.
type Tokens struct {
	Input, Output, CacheRead, CacheCreation, Reasoning int64
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

// Model returns the model named by the turn's telemetry ("" when null).
func (t *Turn) Model() string {
	if t.Trace.Telemetry.Model == nil {
		return ""
	}
	return *t.Trace.Telemetry.Model
}

// IsAgent reports whether the turn was run by a named agent or team.
func (t *Turn) IsAgent() bool {
	return t.Trace.AgentName != ""
}

// Latency returns the turn's latency (0 when not recorded or negative).
func (t *Turn) Latency() time.Duration {
	l := t.Trace.Telemetry.LatencyMS
	if l == nil || *l <= 0 || *l > 1e12 {
		return 0
	}
	return time.Duration(*l * float64(time.Millisecond))
}

// HistoryTurns returns the turns of messages[from:] of one session's history.
// chain is History.Chain; the IDs of a turn depend on the session, the
// message index and the fingerprint of the history up to that message, so
// re-reading an unchanged history gives the same IDs and an edited one gives
// new ones.
func HistoryTurns(session string, msgs []Message, chain []uint64, from int) []Turn {
	var turns []Turn
	var user string
	var hasUser bool
	for i := range msgs {
		m := &msgs[i]
		if m.Role == "user" {
			user, hasUser = m.Content, true
			continue
		}
		if m.Trace == nil || i < from {
			continue
		}
		s := session
		if m.SessionID != "" {
			s = m.SessionID
		}
		t := newTurn(m, s, int64(i))
		t.IDs = NewIDs(s, int64(i), chain[i])
		t.UserRequest, t.HasUserRequest = user, hasUser
		turns = append(turns, t)
	}
	return turns
}

// PushedTurn returns the turn of a single pushed record (ok false when the
// record carries no trace). raw fingerprints the record's bytes. IDs derive
// from the session and turn_index when the record has one, else from its
// request_id, else from its bytes, so pushing the same record twice gives
// the same IDs.
func PushedTurn(m *Message, defaultSession string, raw uint64) (Turn, bool) {
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
	t := newTurn(m, s, idx)
	switch {
	case idx >= 0:
		t.IDs = NewIDs(s, idx, 0)
	case m.RequestID != "":
		t.IDs = NewIDs(s, -1, chain(1, []byte(m.RequestID)))
	default:
		t.IDs = NewIDs(s, -1, raw)
	}
	return t, true
}

func newTurn(m *Message, session string, idx int64) Turn {
	t := Turn{
		SessionID: session,
		UserID:    m.UserID,
		RequestID: string(m.RequestID),
		Provider:  m.Provider,
		Index:     idx,
		End:       m.Timestamp.Time,
		Content:   m.Content,
		Trace:     m.Trace,
		ToolCalls: m.ToolCalls,
	}
	u := m.Usage
	if u == nil {
		u = m.Trace.Usage
	}
	if u != nil {
		t.Tokens = u.Tokens()
	}
	return t
}

// Tokens normalises OpenAI- or Anthropic-form usage to GenAI counts. OpenAI
// counts are already inclusive; Anthropic's input_tokens excludes cache reads
// and writes, which are added. Negative counts are ignored.
func (u *Usage) Tokens() Tokens {
	var t Tokens
	set := func(dst *int64, bit uint8, v *int64) {
		if v != nil && *v >= 0 {
			*dst += *v
			t.Has |= bit
		}
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
		// Anthropic-only cache-write count next to OpenAI counts.
		set(&t.CacheCreation, HasCacheCreation, u.CacheCreationInputTokens)
		return t
	}
	set(&t.CacheRead, HasCacheRead, u.CacheReadInputTokens)
	set(&t.CacheCreation, HasCacheCreation, u.CacheCreationInputTokens)
	set(&t.Output, HasOutput, u.OutputTokens)
	if u.InputTokens != nil && *u.InputTokens >= 0 {
		t.Input = *u.InputTokens + t.CacheRead + t.CacheCreation
		t.Has |= HasInput
	}
	return t
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
