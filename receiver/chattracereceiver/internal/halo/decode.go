// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"strconv"

	gojson "github.com/goccy/go-json"
)

// History is a decoded chat-history array.
type History struct {
	Messages []Message
	// Chain[i] fingerprints messages 0..i: a hash of the exact bytes of each
	// message, chained, so two reads of a file share a prefix of Chain
	// exactly as long as they share a prefix of unchanged messages.
	Chain []uint64
}

// Outline is a chat-history array split at its messages, not decoded: the
// byte range of each message and the fingerprint chain (see History.Chain).
// A file is outlined whole and only its new messages are decoded.
type Outline struct {
	// Starts[i], Ends[i] delimit message i.
	Starts, Ends []int
	Chain        []uint64
}

// Len is the number of messages.
func (o *Outline) Len() int { return len(o.Chain) }

// Decode decodes message i of the array data was outlined from.
func (o *Outline) Decode(data []byte, i int) (Message, error) {
	m, err := decodeMessage(data[o.Starts[i]:o.Ends[i]])
	if err != nil {
		return m, decodeError(data, i, o.Starts[i], err)
	}
	return m, nil
}

// TooManyError is returned when an input holds more items than allowed.
type TooManyError struct {
	// What is counted ("messages", "items").
	What string
	// Max is the limit; Record the record at which it was passed.
	Max, Record int
}

func (e *TooManyError) Error() string {
	return fmt.Sprintf("more than %d %s (passed at record %d)", e.Max, e.What, e.Record)
}

// OutlineHistory splits a chat-history file (one JSON array of messages) at
// its top-level elements with a byte scanner that tracks only strings and
// nesting, and fingerprints each message's exact bytes. A file that is
// being rewritten while it is read is truncated or empty and fails here;
// the caller retries it. maxMessages > 0 refuses an array of more messages
// (*TooManyError) before any is decoded.
func OutlineHistory(data []byte, maxMessages int) (Outline, error) {
	var o Outline
	i := skipSpace(data, 0)
	if i == len(data) {
		return o, newError(data, -1, int64(i), errTruncated)
	}
	if data[i] != '[' {
		return o, newError(data, -1, int64(i), "a chat history must be a JSON array of messages")
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return o, trailing(data, -1, i+1)
	}
	var prev uint64
	for n := 0; ; n++ {
		if i == len(data) {
			return o, newError(data, n, int64(i), errTruncated)
		}
		if maxMessages > 0 && n == maxMessages {
			return o, &TooManyError{What: "messages", Max: maxMessages, Record: n}
		}
		end, err := valueEnd(data, i)
		if err != nil {
			return o, newError(data, n, int64(end), err.Error())
		}
		prev = chain(prev, data[i:end])
		o.Starts = append(o.Starts, i)
		o.Ends = append(o.Ends, end)
		o.Chain = append(o.Chain, prev)
		i = skipSpace(data, end)
		switch {
		case i == len(data):
			return o, newError(data, -1, int64(i), errTruncated)
		case data[i] == ',':
			i = skipSpace(data, i+1)
		case data[i] == ']':
			return o, trailing(data, -1, i+1)
		default:
			return o, newError(data, -1, int64(i), "invalid JSON: expected , or ] after message "+strconv.Itoa(n))
		}
	}
}

// DecodeHistory decodes a whole chat-history array: OutlineHistory, then
// every message, with go-json (the stdlib decoder runs at about half the
// speed on these documents).
func DecodeHistory(data []byte) (History, error) {
	o, err := OutlineHistory(data, 0)
	if err != nil {
		return History{}, err
	}
	h := History{Messages: make([]Message, o.Len()), Chain: o.Chain}
	for i := range h.Messages {
		if h.Messages[i], err = o.Decode(data, i); err != nil {
			return History{}, err
		}
	}
	return h, nil
}

func trailing(data []byte, record, i int) error {
	if i = skipSpace(data, i); i != len(data) {
		return newError(data, record, int64(i), "unexpected data after the JSON value")
	}
	return nil
}

// chain extends the fingerprint prev with one message's bytes: CRC-32C
// (hardware-accelerated) of the message in the high half, the running byte
// length in the low half, both chained through prev.
func chain(prev uint64, raw []byte) uint64 {
	crc := crc32.Update(uint32(prev>>32), castagnoli, raw)
	return uint64(crc)<<32 | uint64(uint32(prev)+uint32(len(raw)))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// smallMessage is a Message whose tool_calls are decoded as a plain list
// (the outer field hides the embedded one, as in encoding/json).
type smallMessage struct {
	Message
	ToolCalls []ToolCall `json:"tool_calls"`
}

// bigMessage is the size from which a message is decoded by encoding/json
// (see decodeMessage); real HALO Core messages are a few kilobytes.
const bigMessage = 1 << 20

// decodeMessage decodes one message with go-json. Its errors are terse, so
// a message it rejects is decoded again with encoding/json, whose verdict
// (and precise error: field path, offset) is the one reported.
func decodeMessage(raw []byte) (Message, error) {
	var m Message
	if len(raw) > bigMessage {
		// go-json copies its input, and again each value it hands to an
		// UnmarshalJSON method: a large record would be held three times.
		// encoding/json decodes in place.
		err := json.Unmarshal(raw, &m)
		return m, err
	}
	if len(raw) <= smallList {
		// Too short for a tool_calls list to need cutting while it is
		// decoded: go-json decodes it natively (about a quarter faster
		// than through ToolCalls.UnmarshalJSON), then it is cut.
		var f smallMessage
		if gojson.Unmarshal(raw, &f) == nil {
			m = f.Message
			m.ToolCalls = ToolCalls{List: f.ToolCalls, Total: len(f.ToolCalls)}
			if len(f.ToolCalls) > MaxToolCalls {
				m.ToolCalls.List = f.ToolCalls[:MaxToolCalls:MaxToolCalls]
			}
			return m, nil
		}
	} else if gojson.Unmarshal(raw, &m) == nil {
		return m, nil
	}
	m = Message{}
	err := json.Unmarshal(raw, &m)
	return m, err
}

// Push is one decoded HTTP push body.
type Push struct {
	// Records are the pushed messages in order.
	Records []Message
	// History is true when the body was a whole history array: record i
	// is then message i of the session and Chain fingerprints it.
	History bool
	Chain   []uint64
	// Digests[i] is a SHA-256 digest (first 16 bytes) of record i's exact
	// bytes: what identifies a record that carries no turn_index and no
	// request_id, and what tells a retried record from an edited one.
	Digests [][16]byte
	// Items is what the body expands to (see RecordItems).
	Items int
}

// RecordItems is what one pushed record may expand to, counted against a
// request's item limit: 1 for every record (its log record, or the cost of
// decoding it), 2 more for a turn (its root and inference spans) and 1 more
// per tool call it records (a span or a span event). It is an upper bound.
func RecordItems(m *Message) int {
	if m.Trace == nil && m.Role != "assistant" {
		return 1
	}
	calls := len(m.ToolCalls.List)
	if m.Trace != nil && m.Trace.Telemetry != nil {
		calls += len(m.Trace.Telemetry.MCPEvents.Started)
	}
	return 3 + min(calls, MaxToolCalls)
}

// DecodePush decodes an HTTP push body: a single turn object, a whole
// history array, or NDJSON (one turn object per line). maxItems > 0 bounds
// what the body may expand to (RecordItems): decoding stops with a
// *TooManyError as soon as it is passed, so a body cannot make the decoder
// hold more. The ids and the reported cost of every record are validated
// (ValidateIDs, ValidateUsage).
func DecodePush(body []byte, maxItems int) (Push, error) {
	i := skipSpace(body, 0)
	if i == len(body) {
		return Push{}, newError(body, -1, int64(i), "empty body: expected a turn object, a history array or NDJSON")
	}
	var p Push
	add := func(n, start, end int) error {
		if maxItems > 0 && p.Items >= maxItems {
			return &TooManyError{What: "items", Max: maxItems, Record: n}
		}
		m, err := decodeMessage(body[start:end])
		if err != nil {
			return decodeError(body, n, start, err)
		}
		field, msg := ValidateIDs(&m)
		if field == "" {
			field, msg = ValidateUsage(&m)
		}
		if field != "" {
			de := newError(body, n, int64(start), msg)
			de.Field = field
			return de
		}
		p.Items += RecordItems(&m)
		if maxItems > 0 && p.Items > maxItems {
			return &TooManyError{What: "items", Max: maxItems, Record: n}
		}
		p.Records = append(p.Records, m)
		p.Digests = append(p.Digests, digest(body[start:end]))
		return nil
	}
	if body[i] == '[' {
		o, err := OutlineHistory(body, maxItems)
		if tm, ok := errors.AsType[*TooManyError](err); ok {
			tm.What = "items"
			return Push{}, tm
		}
		if err != nil {
			return Push{}, err
		}
		p.History, p.Chain = true, o.Chain
		for n := range o.Len() {
			if err := add(n, o.Starts[n], o.Ends[n]); err != nil {
				return Push{}, err
			}
		}
		return p, nil
	}
	for n := 0; i < len(body); n++ {
		if body[i] != '{' {
			return Push{}, newError(body, n, int64(i), "expected a turn object, a history array or NDJSON of turn objects")
		}
		end, err := valueEnd(body, i)
		if err != nil {
			return Push{}, newError(body, n, int64(end), err.Error())
		}
		if err := add(n, i, end); err != nil {
			return Push{}, err
		}
		i = skipSpace(body, end)
	}
	return p, nil
}

// Records calls fn with the byte range of each top-level record of a push
// body (array elements, or objects one after the other) until fn returns
// false or the body ends or stops making sense. It stores nothing, so it
// can count the records of any body.
func Records(body []byte, fn func(n, start, end int) bool) {
	i := skipSpace(body, 0)
	array := i < len(body) && body[i] == '['
	if array {
		i = skipSpace(body, i+1)
	}
	for n := 0; i < len(body); n++ {
		if array && body[i] == ']' {
			return
		}
		end, err := valueEnd(body, i)
		if err != nil || end == i || !fn(n, i, end) {
			return
		}
		i = skipSpace(body, end)
		if array && i < len(body) && body[i] == ',' {
			i = skipSpace(body, i+1)
		}
	}
}

func digest(b []byte) [16]byte {
	sum := sha256.Sum256(b)
	return [16]byte(sum[:16])
}

const errTruncated = "unexpected end of input (truncated JSON)"

func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\r', '\n':
			i++
		default:
			return i
		}
	}
	return i
}

var errScan = errors.New(errTruncated)

func isDelim(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', ']', '}':
		return true
	}
	return false
}

// valueEnd returns the offset just after the JSON value that starts at
// data[i]. It only tracks strings and nesting; the decoder validates the
// rest. On error it returns the offset where the input ended.
func valueEnd(data []byte, i int) (int, error) {
	switch data[i] {
	case '{', '[':
	case '"':
		return stringEnd(data, i)
	default:
		j := i
		for j < len(data) && !isDelim(data[j]) {
			j++
		}
		if j == i {
			return i, errors.New("invalid JSON: expected a value")
		}
		return j, nil
	}
	depth := 0
	for j := i; j < len(data); j++ {
		switch data[j] {
		case '"':
			end, err := stringEnd(data, j)
			if err != nil {
				return end, err
			}
			j = end - 1
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return j + 1, nil
			}
		}
	}
	return len(data), errScan
}

// stringEnd returns the offset just after the string literal that starts at
// data[i]; strings are most of a history's bytes, so it jumps from quote to
// quote.
func stringEnd(data []byte, i int) (int, error) {
	j := i + 1
	for {
		k := bytes.IndexByte(data[j:], '"')
		if k < 0 {
			return len(data), errScan
		}
		j += k
		// The quote is escaped when an odd number of backslashes precede it.
		bs := 0
		for b := j - 1; b > i && data[b] == '\\'; b-- {
			bs++
		}
		if bs%2 == 0 {
			return j + 1, nil
		}
		j++
	}
}

// DecodeError says what is wrong with an input and where.
type DecodeError struct {
	// Record is the 0-based index of the record (array element or NDJSON
	// line) that failed, -1 when the error is outside any record.
	Record int
	// Offset is the byte offset of the error; Line and Column (1-based)
	// locate it for humans.
	Offset       int64
	Line, Column int
	// Field is the JSON path of the field with the wrong type, if known.
	Field string
	Msg   string
}

func (e *DecodeError) Error() string {
	if e.Field != "" {
		return e.Msg + " (field " + e.Field + ")"
	}
	return e.Msg
}

// Where describes the location of the error for an HTTP answer.
func (e *DecodeError) Where() string {
	w := fmt.Sprintf("line %d, column %d (byte %d)", e.Line, e.Column, e.Offset)
	if e.Record >= 0 {
		w = "record " + strconv.Itoa(e.Record) + ", " + w
	}
	return w
}

func newError(data []byte, record int, off int64, msg string) *DecodeError {
	off = min(max(off, 0), int64(len(data)))
	de := &DecodeError{Record: record, Offset: off, Msg: msg}
	de.Line, de.Column = position(data, off)
	return de
}

// decodeError describes an error of the record that starts at data[start].
func decodeError(data []byte, record, start int, err error) error {
	off, msg, field := int64(0), err.Error(), ""
	var (
		syn  *gojson.SyntaxError
		typ  *gojson.UnmarshalTypeError
		styp *json.UnmarshalTypeError
		ssyn *json.SyntaxError
		fe   *FieldError
	)
	switch {
	case errors.As(err, &fe):
		msg = fe.Msg
	case errors.As(err, &typ):
		off, field = typ.Offset, typ.Field
		msg = "wrong type: got JSON " + typ.Value + ", want " + typ.Type.String()
	case errors.As(err, &styp):
		off, field = styp.Offset, styp.Field
		msg = "wrong type: got JSON " + styp.Value + ", want " + styp.Type.String()
	case errors.As(err, &syn):
		off, msg = syn.Offset, "invalid JSON: "+syn.Error()
	case errors.As(err, &ssyn):
		off, msg = ssyn.Offset, "invalid JSON: "+ssyn.Error()
	}
	de := newError(data, record, int64(start)+off, msg)
	de.Field = field
	return de
}

// position returns the 1-based line and column of byte offset off.
func position(data []byte, off int64) (line, col int) {
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}
