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
// mapping: no input may panic, and every content attribute produced must be
// valid JSON.
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
		if p, err := halo.DecodePush(data); err == nil {
			turns = append(turns, pushedTurns(p, "q")...)
		}
		views := make([]view, len(turns))
		for i := range turns {
			views[i] = m.view(&turns[i], end)
		}
		td := m.traces(views)
		ld := m.logs(views, end)
		if td.SpanCount() < len(turns) || ld.LogRecordCount() != len(turns) {
			t.Fatalf("%d turns gave %d spans and %d logs", len(turns), td.SpanCount(), ld.LogRecordCount())
		}
		spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		for i := 0; i < spans.Len(); i++ {
			checkJSON(t, spans.At(i))
		}
	})
}

func checkJSON(t *testing.T, s ptrace.Span) {
	for _, k := range []string{genai.InputMessages, genai.OutputMessages, genai.ToolCallArguments, genai.ToolCallResult} {
		if v, ok := s.Attributes().Get(k); ok && v.Type() == pcommon.ValueTypeStr && !json.Valid([]byte(v.Str())) {
			t.Fatalf("%s is not valid JSON: %q", k, v.Str())
		}
	}
}
