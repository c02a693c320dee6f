// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package feedback

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecode(t *testing.T) {
	r, err := Decode([]byte(`{"request_id": "req-9", "thumbs": "down", "comment": "Falsche Bestellnummer 👩‍💻\n(zweimal)", "feedback_id": 77}`))
	require.Nil(t, err)
	assert.Equal(t, Request{RequestID: "req-9", TurnIndex: -1, Thumbs: -1, Comment: "Falsche Bestellnummer 👩‍💻\n(zweimal)", ID: "77"}, r)
	assert.Equal(t, -1.0, r.Value())

	r, err = Decode([]byte(`{"session_id": "4e7b2c9d", "turn_index": 6, "score": 4.5, "label": "helpful", "timestamp": 1795185120}`))
	require.Nil(t, err)
	assert.Equal(t, Request{Session: "4e7b2c9d", TurnIndex: 6, Score: 4.5, Label: "helpful", Time: time.Unix(1795185120, 0).UTC()}, r)

	r, err = Decode([]byte(`{"trace_id": "4BF92F3577B34DA6A3CE929D0E0E4736", "span_id": "00f067aa0ba902b7", "thumbs": "UP", "comment": null, "label": ""}`))
	require.Nil(t, err)
	assert.True(t, r.HasTrace)
	assert.True(t, r.HasSpan)
	assert.Equal(t, byte(0x4b), r.Trace[0])
	assert.Equal(t, 1, r.Thumbs)

	r, err = Decode([]byte(`{"request_id": 4711, "session_id": "s", "score": -1}`))
	require.Nil(t, err, "a numeric request id, as pushes may carry; session_id checks the turn")
	assert.Equal(t, "4711", r.RequestID)
	assert.Equal(t, "s", r.Session)
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		body, field, msg string
	}{
		{``, "", "empty body"},
		{`{"request_id": "a", "thumbs": "up"`, "", "truncated"},
		{`[{"request_id": "a", "thumbs": "up"}]`, "", "one JSON object"},
		{`{"request_id": "a", "thumbs": "up"} {"request_id": "b", "thumbs": "up"}`, "", "one feedback per request"},
		{`{"request_id": "a", "thumbs": "up", "comments": "x"}`, "comments", "unknown field"},
		{`{"thumbs": "up"}`, "request_id", "no turn named"},
		{`{"session_id": "s", "thumbs": "up"}`, "turn_index", "turn_index"},
		{`{"turn_index": 3, "thumbs": "up"}`, "session_id", "session"},
		{`{"request_id": "a", "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "thumbs": "up"}`, "request_id", "give one"},
		{`{"request_id": "a", "session_id": "s", "turn_index": 1, "thumbs": "up"}`, "request_id", "give one"},
		{`{"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "session_id": "s", "thumbs": "up"}`, "session_id", "trace_id"},
		{`{"request_id": "a", "span_id": "00f067aa0ba902b7", "thumbs": "up"}`, "span_id", "trace_id"},
		{`{"trace_id": "4bf92f35", "thumbs": "up"}`, "trace_id", "32 hexadecimal"},
		{`{"trace_id": "zzf92f3577b34da6a3ce929d0e0e4736", "thumbs": "up"}`, "trace_id", "hexadecimal"},
		{`{"trace_id": "00000000000000000000000000000000", "thumbs": "up"}`, "trace_id", "all zeros"},
		{`{"trace_id": 12, "thumbs": "up"}`, "trace_id", "wrong type"},
		{`{"request_id": "", "thumbs": "up"}`, "request_id", "empty"},
		{`{"request_id": "a\u001b[2J", "thumbs": "up"}`, "request_id", "non-printable"},
		{`{"request_id": "` + strings.Repeat("r", 257) + `", "thumbs": "up"}`, "request_id", "256"},
		{`{"session_id": "s", "turn_index": -1, "thumbs": "up"}`, "turn_index", "whole number"},
		{`{"session_id": "s", "turn_index": 1.5, "thumbs": "up"}`, "turn_index", "whole number"},
		{`{"request_id": "a"}`, "thumbs", "no feedback"},
		{`{"request_id": "a", "thumbs": "up", "score": 1}`, "score", "give one"},
		{`{"request_id": "a", "thumbs": "meh"}`, "thumbs", "up or down"},
		{`{"request_id": "a", "thumbs": true}`, "thumbs", "wrong type"},
		{`{"request_id": "a", "score": "5"}`, "score", "number"},
		{`{"request_id": "a", "score": 101}`, "score", "-100 to 100"},
		{`{"request_id": "a", "score": -1e300}`, "score", "-100 to 100"},
		{`{"request_id": "a", "score": 1e999}`, "score", "number"},
		{`{"request_id": "a", "thumbs": "up", "label": "great"}`, "label", "score"},
		{`{"request_id": "a", "score": 3, "label": "a\nb"}`, "label", "non-printable"},
		{`{"request_id": "a", "thumbs": "up", "comment": "` + strings.Repeat("c", MaxComment+1) + `"}`, "comment", "8192"},
		{`{"request_id": "a", "thumbs": "up", "comment": "bell \u0007"}`, "comment", "control character"},
		{`{"request_id": "a", "thumbs": "up", "comment": "ok \u202egnp.exe"}`, "comment", "bidirectional"},
		{`{"request_id": "a", "thumbs": "up", "feedback_id": "f\u0000"}`, "feedback_id", "non-printable"},
		{`{"request_id": "a", "thumbs": "up", "timestamp": "yesterday"}`, "timestamp", "RFC 3339"},
	} {
		_, err := Decode([]byte(tc.body))
		if !assert.NotNil(t, err, tc.body) {
			continue
		}
		assert.Equal(t, tc.field, err.Field, tc.body)
		assert.Contains(t, err.Msg, tc.msg, tc.body)
		assert.Less(t, len(err.Msg), 300, "the reason does not quote the value")
	}
}

func TestDigest(t *testing.T) {
	dec := func(s string) *Request {
		r, err := Decode([]byte(s))
		require.Nil(t, err, s)
		return &r
	}
	up := dec(`{"request_id": "a", "thumbs": "up"}`)
	assert.Equal(t, up.Digest(), dec(`{"thumbs": "up", "request_id": "b"}`).Digest(), "the turn is not part of the content")
	for _, other := range []string{
		`{"request_id": "a", "thumbs": "down"}`,
		`{"request_id": "a", "score": 1}`,
		`{"request_id": "a", "thumbs": "up", "comment": "x"}`,
		`{"request_id": "a", "thumbs": "up", "timestamp": 1795185120}`,
	} {
		assert.NotEqual(t, up.Digest(), dec(other).Digest(), other)
	}
	a, b := dec(`{"request_id": "a", "score": 3, "label": "ab", "comment": "c"}`), dec(`{"request_id": "a", "score": 3, "label": "a", "comment": "bc"}`)
	assert.NotEqual(t, a.Digest(), b.Digest(), "fields are delimited")
}
