// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func repeatJSON(elem string, n int) string {
	return "[" + strings.TrimSuffix(strings.Repeat(elem+",", n), ",") + "]"
}

func TestToolCallsCapped(t *testing.T) {
	rec := `{"role":"assistant","content":"x","trace":{"telemetry":{"latency_ms":5}},"tool_calls":` +
		repeatJSON(`{"tool_name":"web_search","metrics":{"duration":0.01}}`, MaxToolCalls+500) + `}`
	p, err := DecodePush([]byte(rec), 0)
	require.NoError(t, err)
	m := p.Records[0]
	assert.Len(t, m.ToolCalls.List, MaxToolCalls, "entries beyond the limit are not decoded")
	assert.Equal(t, MaxToolCalls+500, m.ToolCalls.Total)
	turn, ok := PushedTurn(&m, "s", p.Digests[0])
	require.True(t, ok)
	assert.Len(t, turn.Tools, MaxToolCalls)
	assert.Equal(t, MaxToolCalls+500, turn.ToolCallsTotal, "the calls made, all counted")
	assert.True(t, turn.Truncated)
	assert.Equal(t, 3+MaxToolCalls, p.Items)
}

func TestStartedEventsCapped(t *testing.T) {
	events := repeatJSON(`{"event":"toolcallstarted","tool":{"name":"think"}}`, MaxToolCalls+3)
	rec := `{"role":"assistant","content":"x","tool_calls":[{"tool_name":"think","tool_call_id":"c1"}],` +
		`"trace":{"telemetry":{"latency_ms":5,"mcp_events":` + events + `}}}`
	p, err := DecodePush([]byte(rec), 0)
	require.NoError(t, err)
	ev := p.Records[0].Trace.Telemetry.MCPEvents
	assert.Len(t, ev.Started, MaxToolCalls)
	assert.Equal(t, MaxToolCalls+3, ev.StartedTotal)
	assert.Equal(t, MaxToolCalls+3, ev.N)
	turn, _ := PushedTurn(&p.Records[0], "s", p.Digests[0])
	assert.Len(t, turn.Tools, MaxToolCalls)
	assert.Equal(t, "c1", turn.Tools[0].ID, "the entry's details on its first call")
	assert.Equal(t, MaxToolCalls+3, turn.ToolCallsTotal)
	assert.True(t, turn.Truncated)
}

func TestNamesCapped(t *testing.T) {
	var n Names
	require.NoError(t, n.UnmarshalJSON([]byte(repeatJSON(`"kb"`, MaxNames+7))))
	assert.Len(t, n.List, MaxNames)
	assert.Equal(t, 7, n.Dropped)

	rec := `{"role":"assistant","trace":{"telemetry":{"latency_ms":5,"knowledge_sources":` + repeatJSON(`{"name":"doc"}`, MaxNames+1) + `}}}`
	p, err := DecodePush([]byte(rec), 0)
	require.NoError(t, err)
	turn, _ := PushedTurn(&p.Records[0], "s", p.Digests[0])
	assert.True(t, turn.Truncated)
	assert.Zero(t, turn.ToolCallsTotal)

	within := `{"role":"assistant","trace":{"telemetry":{"latency_ms":5,"tools":["a","b"]}},"tool_calls":[{"name":"a"}]}`
	p, err = DecodePush([]byte(within), 0)
	require.NoError(t, err)
	turn, _ = PushedTurn(&p.Records[0], "s", p.Digests[0])
	assert.False(t, turn.Truncated)
	assert.Equal(t, 1, turn.ToolCallsTotal)
}

func TestPushItemLimit(t *testing.T) {
	line := `{"role":"assistant","content":"x","trace":{"telemetry":{"latency_ms":5}}}` + "\n"
	_, err := DecodePush([]byte(strings.Repeat(line, 100)), 300)
	require.NoError(t, err, "100 turns of 3 items each")
	_, err = DecodePush([]byte(strings.Repeat(line, 101)), 300)
	tm, ok := errors.AsType[*TooManyError](err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, 100, tm.Record)
	assert.Equal(t, 300, tm.Max)

	// User messages count 1 each; a history array longer than the limit is
	// refused before anything is decoded.
	users := repeatJSON(`{"role":"user","content":"hi"}`, 301)
	_, err = DecodePush([]byte(users), 300)
	_, ok = errors.AsType[*TooManyError](err)
	assert.True(t, ok)

	// Tool calls count.
	one := `{"role":"assistant","trace":{"telemetry":{"latency_ms":5}},"tool_calls":` + repeatJSON(`{"name":"t"}`, 297) + `}`
	p, err := DecodePush([]byte(one), 300)
	require.NoError(t, err)
	assert.Equal(t, 3+297, p.Items)
}

func TestValidateIDs(t *testing.T) {
	for _, tc := range []struct{ rec, field string }{
		{`{"session_id":"ok-1","trace":{}}`, ""},
		{`{"session_id":"café ☕ 会话","trace":{}}`, ""},
		{`{"session_id":"a\u001b[31m","trace":{}}`, "session_id"},
		{`{"session_id":"a\nb","trace":{}}`, "session_id"},
		{`{"session_id":"` + strings.Repeat("s", MaxIDLen+1) + `","trace":{}}`, "session_id"},
		{`{"user_id":"u\u0000","trace":{}}`, "user_id"},
		{`{"request_id":"r\u0007","trace":{}}`, "request_id"},
		{`{"provider":"open\u202eai","trace":{}}`, "provider"},
		{`{"trace":{"agent_name":"A\tB"}}`, "trace.agent_name"},
		{`{"trace":{"telemetry":{"model":"` + strings.Repeat("m", 1000) + `"}}}`, "trace.telemetry.model"},
		{`{"trace":{},"tool_calls":[{"name":"ok"},{"function":{"name":"x\ny"}}]}`, "tool_calls[1].name"},
	} {
		_, err := DecodePush([]byte(tc.rec), 0)
		if tc.field == "" {
			assert.NoError(t, err, tc.rec)
			continue
		}
		de, ok := errors.AsType[*DecodeError](err)
		if assert.True(t, ok, "%s: %v", tc.rec, err) {
			assert.Equal(t, tc.field, de.Field)
			assert.Contains(t, de.Msg, tc.field)
			assert.Less(t, len(de.Msg), 200, "the reason does not quote the value")
		}
	}
}

func TestSanitizeID(t *testing.T) {
	assert.Equal(t, "3f2b9c1e-support", SanitizeID("3f2b9c1e-support"))
	assert.Equal(t, "a\uFFFDb\uFFFDc", SanitizeID("a\x1bb\nc"))
	assert.Equal(t, "x\uFFFDy", SanitizeID("x\xffy"))
	long := SanitizeID(strings.Repeat("é", 200))
	assert.LessOrEqual(t, len(long), MaxIDLen)
	assert.Empty(t, CheckID(long))
}

func TestOutlineMaxMessages(t *testing.T) {
	data := []byte(repeatJSON(`{"role":"user","content":"x"}`, 11))
	o, err := OutlineHistory(data, 11)
	require.NoError(t, err)
	assert.Equal(t, 11, o.Len())
	_, err = OutlineHistory(data, 10)
	_, ok := errors.AsType[*TooManyError](err)
	assert.True(t, ok)
}

// TestWindowTurns: the turns of a window that starts one message before
// from are those of the whole history (the file reader decodes only new
// messages).
func TestWindowTurns(t *testing.T) {
	for _, name := range []string{current, gemini, merged, ownRec, oldest} {
		data := readHistory(t, name)
		h, err := DecodeHistory(data)
		require.NoError(t, err)
		o, err := OutlineHistory(data, 0)
		require.NoError(t, err)
		for from := range h.Messages {
			base := max(from-1, 0)
			var msgs []Message
			for i := base; i < o.Len(); i++ {
				m, err := o.Decode(data, i)
				require.NoError(t, err)
				msgs = append(msgs, m)
			}
			want := HistoryTurns("s", h.Messages, h.Chain, from)
			got := HistoryTurnsAt("s", msgs, base, o.Chain, from)
			assert.Equal(t, want, got, "%s from %d", name, from)
		}
	}
}

func TestPushedIDsFromStrongHashes(t *testing.T) {
	// Two request ids of the same length in one session: a 32-bit hash
	// plus the length told them apart only by chance.
	seen := map[IDs]string{}
	for i := range 20000 {
		rid := fmt.Sprintf("req-%06d", i)
		turn, _ := PushedTurn(&Message{RequestID: Text(rid), Trace: &Trace{}}, "", [16]byte{})
		if prev, dup := seen[turn.IDs]; dup {
			t.Fatalf("%s and %s share their IDs", prev, rid)
		}
		seen[turn.IDs] = rid
	}
	a := DeliveryKey(NewIDs("s", 1, 0), digest([]byte(`{"a":1}`)))
	b := DeliveryKey(NewIDs("s", 1, 0), digest([]byte(`{"a":2}`)))
	assert.NotEqual(t, a, b, "same IDs, other content: another delivery")
}

// TestToolCallsCappedSmallRecord: a record short enough to be decoded
// natively is cut at the same limit, with the same count.
func TestToolCallsCappedSmallRecord(t *testing.T) {
	rec := `{"role":"assistant","trace":{"telemetry":{"latency_ms":5}},"tool_calls":` + repeatJSON(`{"name":"t"}`, MaxToolCalls+1) + `}`
	require.Less(t, len(rec), smallList)
	p, err := DecodePush([]byte(rec), 0)
	require.NoError(t, err)
	assert.Len(t, p.Records[0].ToolCalls.List, MaxToolCalls)
	assert.Equal(t, MaxToolCalls+1, p.Records[0].ToolCalls.Total)
	turn, _ := PushedTurn(&p.Records[0], "s", p.Digests[0])
	assert.True(t, turn.Truncated)
	assert.Equal(t, MaxToolCalls+1, turn.ToolCallsTotal)
}

func TestTurnTextCapped(t *testing.T) {
	resp := strings.Repeat("ü", MaxTurnText*3/8) // 1.5 MiB of two-byte characters
	payload := strings.Repeat("ä", MaxTurnText/2)
	rec := `{"role":"assistant","content":"short","tool_calls":[{"tool_name":"search","tool_args":"{'q': 'x'}","result":"` +
		strings.Repeat("r", 1000) + `"}],"trace":{"payload":"` + payload + `","response":"` + resp + `","telemetry":{"latency_ms":5}}}`
	p, err := DecodePush([]byte(rec), 0)
	require.NoError(t, err)
	turn, ok := PushedTurn(&p.Records[0], "s", p.Digests[0])
	require.True(t, ok)
	got, _ := turn.Response()
	assert.Equal(t, resp, got, "the response fits: kept whole")
	assert.Equal(t, "short", turn.Content)
	assert.Len(t, turn.Payload, MaxTurnText-len(resp), "the payload gets what is left")
	assert.True(t, utf8.ValidString(turn.Payload), "cut at a character boundary")
	require.Len(t, turn.Tools, 1)
	assert.Empty(t, turn.Tools[0].Args, "nothing left for the tool call")
	assert.Empty(t, turn.Tools[0].Result)
	assert.True(t, turn.Truncated)
	assert.Equal(t, resp, *p.Records[0].Trace.Response, "the decoded record is not changed")

	big := strings.Repeat("x", MaxTurnText+10)
	rec = `{"role":"assistant","content":"` + big + `","trace":{"telemetry":{"latency_ms":5}}}`
	p, err = DecodePush([]byte(rec), 0)
	require.NoError(t, err)
	turn, _ = PushedTurn(&p.Records[0], "s", p.Digests[0])
	assert.Len(t, turn.Content, MaxTurnText, "a content without trace.response is the response")
	assert.True(t, turn.Truncated)
}
