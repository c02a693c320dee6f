// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"

import (
	"bytes"
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

// DecodeHistory decodes a whole chat-history file: one JSON array of
// messages. A file that is being rewritten while it is read is truncated or
// empty and fails here; the caller retries it.
//
// The array is split at its top-level elements by a byte scanner, then each
// message is decoded with go-json (the stdlib decoder runs at about half the
// speed on these documents); the exact bytes of each element feed the
// fingerprint chain.
func DecodeHistory(data []byte) (History, error) {
	var h History
	i := skipSpace(data, 0)
	if i == len(data) {
		return h, newError(data, -1, int64(i), errTruncated)
	}
	if data[i] != '[' {
		return h, newError(data, -1, int64(i), "a chat history must be a JSON array of messages")
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return h, trailing(data, -1, i+1)
	}
	var prev uint64
	for n := 0; ; n++ {
		if i == len(data) {
			return h, newError(data, n, int64(i), errTruncated)
		}
		end, err := valueEnd(data, i)
		if err != nil {
			return h, newError(data, n, int64(end), err.Error())
		}
		m, err := decodeMessage(data[i:end])
		if err != nil {
			return h, decodeError(data, n, i, err)
		}
		prev = chain(prev, data[i:end])
		h.Messages = append(h.Messages, m)
		h.Chain = append(h.Chain, prev)
		i = skipSpace(data, end)
		switch {
		case i == len(data):
			return h, newError(data, -1, int64(i), errTruncated)
		case data[i] == ',':
			i = skipSpace(data, i+1)
		case data[i] == ']':
			return h, trailing(data, -1, i+1)
		default:
			return h, newError(data, -1, int64(i), "invalid JSON: expected , or ] after message "+strconv.Itoa(n))
		}
	}
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

// decodeMessage decodes one message with go-json. Its errors are terse, so
// a message it rejects is decoded again with encoding/json, whose verdict
// (and precise error: field path, offset) is the one reported.
func decodeMessage(raw []byte) (Message, error) {
	var m Message
	if gojson.Unmarshal(raw, &m) == nil {
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
	// Raw fingerprints each record of a single-object or NDJSON body.
	Raw []uint64
}

// DecodePush decodes an HTTP push body: a single turn object, a whole
// history array, or NDJSON (one turn object per line).
func DecodePush(body []byte) (Push, error) {
	i := skipSpace(body, 0)
	if i == len(body) {
		return Push{}, newError(body, -1, int64(i), "empty body: expected a turn object, a history array or NDJSON")
	}
	if body[i] == '[' {
		h, err := DecodeHistory(body)
		if err != nil {
			return Push{}, err
		}
		return Push{Records: h.Messages, History: true, Chain: h.Chain}, nil
	}
	var p Push
	for n := 0; i < len(body); n++ {
		if body[i] != '{' {
			return Push{}, newError(body, n, int64(i), "expected a turn object, a history array or NDJSON of turn objects")
		}
		end, err := valueEnd(body, i)
		if err != nil {
			return Push{}, newError(body, n, int64(end), err.Error())
		}
		m, err := decodeMessage(body[i:end])
		if err != nil {
			return Push{}, decodeError(body, n, i, err)
		}
		p.Records = append(p.Records, m)
		p.Raw = append(p.Raw, chain(0, body[i:end]))
		i = skipSpace(body, end)
	}
	return p, nil
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
