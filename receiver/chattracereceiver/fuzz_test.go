// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"
)

// FuzzDecodeAndMap feeds arbitrary bytes through both decoders and the
// mapping: no input may panic, every turn gives one log record, every turn
// with a duration one root span, every tool call one span or event, no span
// is zero-length, and every content attribute produced is valid JSON.
func FuzzDecodeAndMap(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "histories", "*.json"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/3])
	}
	f.Add([]byte(`{"session_id":"s","turn_index":1,"usage":{"input_tokens":1,"cache_read_input_tokens":2},"trace":{"telemetry":{"model":"gpt-4o","latency_ms":-5}}}`))
	f.Add([]byte("{\"trace\":{\"error\":\"E: x\"},\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}\n{\"trace\":{}}\n"))
	f.Add([]byte(`[{"role":"user","content":"\u0000\ud800"},{"trace":{"response":"\ufffd","telemetry":{"tools":["a",{"id":1}]}}}]`))
	f.Add([]byte(`{"timestamp":1e30,"trace":{}}`))

	m := mapper{capture: CaptureConfig{UserRequests: true, AgentPayloads: true, AgentResponses: true}, service: "s"}
	end := time.Unix(1_800_000_000, 0)
	f.Fuzz(func(t *testing.T, data []byte) {
		var turns []halo.Turn
		if h, err := halo.DecodeHistory(data); err == nil {
			turns = append(turns, halo.HistoryTurns("s", h.Messages, h.Chain, 0)...)
		}
		if p, err := halo.DecodePush(data, 10_000); err == nil {
			pt, digests := pushedTurns(p, "q")
			if len(digests) != len(pt) {
				t.Fatalf("%d digests for %d turns", len(digests), len(pt))
			}
			turns = append(turns, pt...)
		}
		views := make([]view, len(turns))
		for i := range turns {
			views[i] = m.view(&turns[i], end, end)
		}
		td := m.traces(views)
		ld := m.logs(views, end)
		roots, tools := 0, 0
		for i := range views {
			if views[i].spans {
				roots++
				tools += len(turns[i].Tools)
			}
		}
		if ld.LogRecordCount() != len(turns) {
			t.Fatalf("%d turns gave %d logs", len(turns), ld.LogRecordCount())
		}
		spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		got, calls := 0, 0
		for i := 0; i < spans.Len(); i++ {
			s := spans.At(i)
			checkJSON(t, s.Attributes())
			if s.EndTimestamp() <= s.StartTimestamp() {
				t.Fatalf("span %q is %v long", s.Name(), s.EndTimestamp()-s.StartTimestamp())
			}
			if s.ParentSpanID().IsEmpty() {
				got++
			}
			if s.Kind() == ptrace.SpanKindInternal && s.Name() != "" && !s.ParentSpanID().IsEmpty() {
				calls++
			}
			for j := 0; j < s.Events().Len(); j++ {
				checkJSON(t, s.Events().At(j).Attributes())
				calls++
			}
		}
		if got != roots || calls != tools {
			t.Fatalf("%d turns with spans gave %d roots, %d tool calls gave %d spans and events", roots, got, tools, calls)
		}
	})
}

func checkJSON(t *testing.T, a pcommon.Map) {
	for _, k := range []string{genai.InputMessages, genai.OutputMessages, genai.ToolCallArguments, genai.ToolCallResult} {
		if v, ok := a.Get(k); ok && v.Type() == pcommon.ValueTypeStr && !json.Valid([]byte(v.Str())) {
			t.Fatalf("%s is not valid JSON: %q", k, v.Str())
		}
	}
}
