// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"
)

// ToolUse is one tool call made during a turn.
type ToolUse struct {
	Name string
	ID   string
	// Args and Result are JSON ("" when not recorded).
	Args, Result string
	// Err is the error text of a failed call.
	Err string
	// Start and End are the call's times when the app recorded them
	// (agno's tool metrics); Duration alone when only that is known.
	Start, End time.Time
	Duration   time.Duration
	// At is when the call was recorded (agno's created_at, whole seconds);
	// zero when unknown.
	At time.Time
}

// Timed reports whether the call's duration is known.
func (u *ToolUse) Timed() bool { return u.Duration > 0 }

// toolUses lists the calls of a turn. HALO Core keeps one tool_calls entry
// per tool name (the first call's) and logs every call's start in
// telemetry.mcp_events, so when the events name the calls, there is one
// call per started event, with the details of the name's entry on its first
// call; entries no event names are kept after them.
func toolUses(calls []ToolCall, started []string) []ToolUse {
	if len(started) == 0 {
		out := make([]ToolUse, 0, len(calls))
		for i := range calls {
			out = append(out, newToolUse(&calls[i]))
		}
		return out
	}
	used := make([]bool, len(calls))
	out := make([]ToolUse, 0, len(started))
	for _, name := range started {
		j := -1
		for k := range calls {
			if !used[k] && calls[k].Tool() == name {
				j = k
				break
			}
		}
		if j < 0 {
			out = append(out, ToolUse{Name: name})
			continue
		}
		used[j] = true
		out = append(out, newToolUse(&calls[j]))
	}
	for k := range calls {
		if !used[k] {
			out = append(out, newToolUse(&calls[k]))
		}
	}
	return out
}

func newToolUse(c *ToolCall) ToolUse {
	u := ToolUse{Name: c.Tool(), ID: c.CallID(), Err: c.Failed()}
	if a := c.ArgumentsJSON(); a != nil {
		u.Args = argsJSON(a)
	}
	if r := c.ResultJSON(); r != nil {
		u.Result = compactJSON(r)
	}
	if c.CreatedAt != nil && *c.CreatedAt > 0 && *c.CreatedAt < 1e11 {
		u.At = unixSeconds(*c.CreatedAt)
	}
	if !isNull(c.Metrics) {
		start, end, dur := toolMetrics(c.Metrics)
		if start > 0 && end >= start {
			u.Start, u.End = unixSeconds(start), unixSeconds(end)
			u.Duration = u.End.Sub(u.Start)
		}
		if u.Duration <= 0 && dur > 0 && dur < 1e6 {
			u.Duration = time.Duration(dur * float64(time.Second))
			u.Start, u.End = time.Time{}, time.Time{}
		}
	}
	return u
}

func unixSeconds(f float64) time.Time {
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC()
}

// argsJSON renders recorded arguments as JSON: an object as it is, the
// Python text of a dict (HALO Core) converted, a JSON text inside a string
// (OpenAI's function.arguments) parsed, any other string as a JSON string.
func argsJSON(raw json.RawMessage) string {
	if raw[0] != '"' {
		return compactJSON(raw)
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return compactJSON(raw)
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return ""
	}
	if (t[0] == '{' || t[0] == '[') && json.Valid([]byte(t)) {
		return compactJSON(json.RawMessage(t))
	}
	if j, ok := PyLiteralJSON(t); ok {
		return j
	}
	return string(AppendJSONString(nil, s))
}

func compactJSON(raw json.RawMessage) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return string(raw)
	}
	return buf.String()
}

// toolMetrics reads a tool call's timing from agno's metrics: an object
// ({"start_time": ..., "end_time": ..., "duration": ...}, times as Unix
// seconds or ISO 8601), or, as HALO Core stores it, the Python text of the
// metrics object (`ToolCallMetrics(timer=<...>, start_time=1777880523.41,
// end_time=1777880524.1, duration=0.688)`, or before agno 2.5.5
// `Metrics(input_tokens=0, ..., duration=0.482, ...)`). Unknown values are 0.
func toolMetrics(raw json.RawMessage) (start, end, dur float64) {
	switch raw[0] {
	case '{':
		var m map[string]json.RawMessage
		if json.Unmarshal(raw, &m) != nil {
			return 0, 0, 0
		}
		return jsonSeconds(m["start_time"]), jsonSeconds(m["end_time"]), jsonSeconds(m["duration"])
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return 0, 0, 0
		}
		return reprField(s, "start_time"), reprField(s, "end_time"), reprField(s, "duration")
	}
	return 0, 0, 0
}

func jsonSeconds(r json.RawMessage) float64 {
	if isNull(r) {
		return 0
	}
	var f float64
	if json.Unmarshal(r, &f) == nil {
		return f
	}
	var s string
	if json.Unmarshal(r, &s) != nil {
		return 0
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return float64(t.UnixNano()) / 1e9
	}
	if t, err := time.Parse("2006-01-02T15:04:05.999999999", s); err == nil {
		return float64(t.UnixNano()) / 1e9
	}
	return 0
}

// reprField returns the number after `name=` in a dataclass repr (0 when
// absent or not a number).
func reprField(s, name string) float64 {
	for i := 0; ; {
		j := strings.Index(s[i:], name+"=")
		if j < 0 {
			return 0
		}
		j += i
		// A whole field name: preceded by '(' or ' '.
		if j > 0 && s[j-1] != '(' && s[j-1] != ' ' {
			i = j + len(name)
			continue
		}
		v := s[j+len(name)+1:]
		k := 0
		for k < len(v) && (v[k] == '.' || v[k] == '-' || v[k] == 'e' || v[k] == '+' || (v[k] >= '0' && v[k] <= '9')) {
			k++
		}
		f, err := strconv.ParseFloat(v[:k], 64)
		if err != nil || f < 0 {
			return 0
		}
		return f
	}
}
