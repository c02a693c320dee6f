// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package feedback is the pure logic of user feedback on chat turns: it
// decodes and validates a feedback request, remembers a bounded number of
// emitted turns so that feedback naming a turn by its request id or its
// position in a session is joined to the turn's trace, agent and model, and
// recognises feedback that was sent twice. It knows nothing about pdata or
// HTTP.
package feedback // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/feedback"

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"
)

// Limits of one feedback request.
const (
	// MaxBody is the largest feedback body, in bytes.
	MaxBody = 64 << 10
	// MaxComment is the longest comment, in bytes.
	MaxComment = 8192
	// MaxScore bounds a score: from -MaxScore to MaxScore (ratings of 1 to
	// 5 or 10, 0 to 1, percentages).
	MaxScore = 100
)

// Request is one validated feedback request.
type Request struct {
	// The turn, named in exactly one way: its request id (Session, when
	// given too, must be the turn's), its Session and TurnIndex, or its
	// trace id (and optionally the span the feedback is about).
	RequestID string
	Session   string
	TurnIndex int64 // -1 when not given
	Trace     [16]byte
	HasTrace  bool
	Span      [8]byte
	HasSpan   bool

	// Thumbs is +1 (up) or -1 (down); 0 when the feedback is a Score.
	Thumbs int
	Score  float64
	// Label is the label of a score ("" when none).
	Label string
	// Comment is the user's comment ("" when none).
	Comment string
	// ID is the client's feedback_id ("" when none).
	ID string
	// Time is when the user gave the feedback (zero: not given).
	Time time.Time
}

// Value is the score the feedback stands for: +1 or -1 for a thumb, else
// the score.
func (r *Request) Value() float64 {
	if r.Thumbs != 0 {
		return float64(r.Thumbs)
	}
	return r.Score
}

// Digest fingerprints what the feedback says (value, label, comment, time):
// the same feedback sent twice has the same digest.
func (r *Request) Digest() [16]byte {
	h := sha256.New()
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], math.Float64bits(r.Value()))
	h.Write(b[:])
	if r.Thumbs != 0 {
		h.Write([]byte{'t'})
	}
	for _, s := range []string{r.Label, r.Comment} {
		binary.LittleEndian.PutUint64(b[:], uint64(len(s)))
		h.Write(b[:])
		h.Write([]byte(s))
	}
	if !r.Time.IsZero() {
		binary.LittleEndian.PutUint64(b[:], uint64(r.Time.UnixNano()))
		h.Write(b[:])
	}
	var d [16]byte
	copy(d[:], h.Sum(nil))
	return d
}

// Error says what is wrong with a request: the JSON field (empty when the
// body as a whole is wrong) and why, without quoting the value.
type Error struct {
	Field, Msg string
}

func (e *Error) Error() string { return e.Msg }

func fieldErr(field, format string, args ...any) *Error {
	return &Error{Field: field, Msg: field + " " + fmt.Sprintf(format, args...)}
}

// wire is the JSON shape of a request.
type wire struct {
	RequestID  *halo.Text      `json:"request_id"`
	TraceID    *string         `json:"trace_id"`
	SpanID     *string         `json:"span_id"`
	SessionID  *string         `json:"session_id"`
	TurnIndex  json.RawMessage `json:"turn_index"`
	Thumbs     *string         `json:"thumbs"`
	Score      json.RawMessage `json:"score"`
	Label      *string         `json:"label"`
	Comment    *string         `json:"comment"`
	FeedbackID *halo.Text      `json:"feedback_id"`
	Timestamp  json.RawMessage `json:"timestamp"`
}

// Fields lists the fields a request may hold, for error messages.
const Fields = "request_id, session_id, turn_index, trace_id, span_id, thumbs, score, label, comment, feedback_id, timestamp"

// Decode decodes and validates one feedback request: a single JSON object
// (the body must be valid UTF-8 already). Unknown fields are refused, so
// that a misspelt one (a comment under "comments") is not silently lost.
func Decode(body []byte) (Request, *Error) {
	var w wire
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return Request{}, jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Request{}, &Error{Msg: "unexpected data after the JSON object: send one feedback per request"}
	}
	return w.validate()
}

func jsonError(err error) *Error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return &Error{Msg: "empty body: expected a JSON object"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &Error{Msg: "unexpected end of input (truncated JSON)"}
	case errors.As(err, &syn):
		return &Error{Msg: fmt.Sprintf("invalid JSON at byte %d: %s", syn.Offset, strings.TrimPrefix(syn.Error(), "json: "))}
	case errors.As(err, &typ):
		if typ.Field == "" {
			return &Error{Msg: "the body must be one JSON object, got JSON " + typ.Value}
		}
		return &Error{Field: typ.Field, Msg: fmt.Sprintf("%s: wrong type: got JSON %s, want %s", typ.Field, typ.Value, jsonType(typ.Type.String()))}
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, `json: unknown field "`); ok {
		f = strings.TrimSuffix(f, `"`)
		if len(f) > 64 || !utf8.ValidString(f) {
			f = f[:min(len(f), 64)] + "..."
		}
		return &Error{Field: f, Msg: fmt.Sprintf("unknown field %q; a feedback holds %s", f, Fields)}
	}
	return &Error{Msg: strings.TrimPrefix(msg, "json: ")}
}

func jsonType(goType string) string {
	switch goType {
	case "string":
		return "string"
	case "halo.Text":
		return "string or number"
	}
	return goType
}

func (w *wire) validate() (Request, *Error) {
	r := Request{TurnIndex: -1}
	var err *Error
	if w.RequestID != nil {
		if r.RequestID, err = id("request_id", string(*w.RequestID)); err != nil {
			return r, err
		}
	}
	if w.SessionID != nil {
		if r.Session, err = id("session_id", *w.SessionID); err != nil {
			return r, err
		}
	}
	if !isNull(w.TurnIndex) {
		n, perr := strconv.ParseInt(string(w.TurnIndex), 10, 64)
		if perr != nil || n < 0 {
			return r, fieldErr("turn_index", "must be a whole number from 0")
		}
		r.TurnIndex = n
	}
	if w.TraceID != nil {
		if r.HasTrace, err = hexID("trace_id", *w.TraceID, r.Trace[:]); err != nil {
			return r, err
		}
	}
	if w.SpanID != nil {
		if r.HasSpan, err = hexID("span_id", *w.SpanID, r.Span[:]); err != nil {
			return r, err
		}
	}
	if err := r.checkTurn(); err != nil {
		return r, err
	}

	hasScore := !isNull(w.Score)
	switch {
	case w.Thumbs != nil && hasScore:
		return r, fieldErr("score", "and thumbs are two kinds of feedback: give one")
	case w.Thumbs != nil:
		switch strings.ToLower(*w.Thumbs) {
		case "up":
			r.Thumbs = 1
		case "down":
			r.Thumbs = -1
		default:
			return r, fieldErr("thumbs", "must be up or down")
		}
	case hasScore:
		f, perr := strconv.ParseFloat(string(w.Score), 64)
		if perr != nil || w.Score[0] == '"' {
			return r, fieldErr("score", "must be a number")
		}
		if math.IsNaN(f) || math.Abs(f) > MaxScore {
			return r, fieldErr("score", "must be from %d to %d", -MaxScore, MaxScore)
		}
		r.Score = f
	default:
		return r, &Error{Field: "thumbs", Msg: "no feedback: give thumbs (up or down) or score (a number)"}
	}
	if w.Label != nil && *w.Label != "" {
		if r.Thumbs != 0 {
			return r, fieldErr("label", "goes with a score; thumbs are labelled positive and negative")
		}
		if r.Label, err = id("label", *w.Label); err != nil {
			return r, err
		}
	}
	if w.Comment != nil {
		if why := checkText(*w.Comment); why != "" {
			return r, fieldErr("comment", "%s", why)
		}
		r.Comment = *w.Comment
	}
	if w.FeedbackID != nil {
		if r.ID, err = id("feedback_id", string(*w.FeedbackID)); err != nil {
			return r, err
		}
	}
	if !isNull(w.Timestamp) {
		var ts halo.Timestamp
		if terr := ts.UnmarshalJSON(w.Timestamp); terr != nil {
			return r, fieldErr("timestamp", "must be an RFC 3339 time or Unix seconds")
		}
		r.Time = ts.Time
	}
	return r, nil
}

// checkTurn requires exactly one way of naming the turn.
func (r *Request) checkTurn() *Error {
	byIndex := r.TurnIndex >= 0
	ways := 0
	for _, b := range []bool{r.RequestID != "", byIndex, r.HasTrace} {
		if b {
			ways++
		}
	}
	switch {
	case ways == 0 && r.Session != "":
		return fieldErr("turn_index", "is missing: session_id names a turn with turn_index (or with request_id)")
	case ways == 0:
		return &Error{Field: "request_id", Msg: "no turn named: give request_id, trace_id, or session_id with turn_index"}
	case ways > 1:
		return &Error{Field: "request_id", Msg: "request_id, trace_id and turn_index each name a turn: give one of them"}
	case byIndex && r.Session == "":
		return fieldErr("session_id", "is missing: turn_index is a position in a session")
	case r.HasTrace && r.Session != "":
		return fieldErr("session_id", "is not used with trace_id, which names the turn alone")
	case r.HasSpan && !r.HasTrace:
		return fieldErr("span_id", "goes with trace_id")
	}
	return nil
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

// id checks an identifier (halo.CheckID: printable, at most 256 bytes) and
// refuses an empty one.
func id(field, s string) (string, *Error) {
	if s == "" {
		return "", fieldErr(field, "is empty")
	}
	if why := halo.CheckID(s); why != "" {
		return "", fieldErr(field, "%s", why)
	}
	return s, nil
}

// hexID decodes a W3C trace or span id (lower- or upper-case hex, not all
// zeros) into dst.
func hexID(field, s string, dst []byte) (bool, *Error) {
	if len(s) != 2*len(dst) {
		return false, fieldErr(field, "must be %d hexadecimal digits", 2*len(dst))
	}
	if _, err := hex.Decode(dst, []byte(s)); err != nil {
		return false, fieldErr(field, "must be %d hexadecimal digits", 2*len(dst))
	}
	for _, b := range dst {
		if b != 0 {
			return true, nil
		}
	}
	return false, fieldErr(field, "is all zeros, which is no id")
}

// checkText says what is wrong with a free text ("" when nothing): longer
// than MaxComment, or holding a control character other than tab and line
// breaks, or a bidirectional embedding, override or isolate (which make a
// text display other than it reads). Other format characters (the
// zero-width joiner of emoji sequences) are fine.
func checkText(s string) string {
	if len(s) > MaxComment {
		return fmt.Sprintf("is %d bytes long, more than %d", len(s), MaxComment)
	}
	for i, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			return fmt.Sprintf("holds the control character %U at byte %d", r, i)
		case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			return fmt.Sprintf("holds the bidirectional control %U at byte %d", r, i)
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return fmt.Sprintf("is not valid UTF-8 (byte %d)", i)
			}
		}
	}
	return ""
}
