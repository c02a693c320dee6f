// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/golden"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/pdatatest/plogtest"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/pdatatest/ptracetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"
)

var goldenMTime = time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC)

// TestGolden maps the real-format HALO Core histories in testdata/histories
// (welcome message, normal turn with a tool, team turn with members and
// tools, fallback turn, empty-stream turn, error turn with a null model) and
// compares spans and logs with testdata/golden.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "histories", "*.json"))
	require.NoError(t, err)
	require.Len(t, paths, 3)
	for _, capture := range []struct {
		name string
		cfg  CaptureConfig
	}{
		{"default", CaptureConfig{UserRequests: true, AgentResponses: true}},
		{"all", CaptureConfig{UserRequests: true, AgentPayloads: true, AgentResponses: true}},
		{"none", CaptureConfig{}},
	} {
		for _, path := range paths {
			session := sessionFromPath(path)
			t.Run(capture.name+"/"+session, func(t *testing.T) {
				data, err := os.ReadFile(path)
				require.NoError(t, err)
				h, err := halo.DecodeHistory(data)
				require.NoError(t, err)
				turns := halo.HistoryTurns(session, h.Messages, h.Chain, 0)
				m := mapper{capture: capture.cfg, service: "halo-core"}
				views := make([]view, len(turns))
				for i := range turns {
					views[i] = m.view(&turns[i], goldenMTime)
				}
				td := m.traces(views)
				ld := m.logs(views, goldenMTime)

				base := filepath.Join("testdata", "golden", capture.name+"-"+session)
				if *update {
					require.NoError(t, golden.WriteTraces(t, base+"-traces.yaml", td))
					require.NoError(t, golden.WriteLogs(t, base+"-logs.yaml", ld))
				}
				wantTraces, err := golden.ReadTraces(base + "-traces.yaml")
				require.NoError(t, err)
				require.NoError(t, ptracetest.CompareTraces(wantTraces, td))
				wantLogs, err := golden.ReadLogs(base + "-logs.yaml")
				require.NoError(t, err)
				require.NoError(t, plogtest.CompareLogs(wantLogs, ld))
			})
		}
	}
}

func TestErrorType(t *testing.T) {
	for msg, want := range map[string]string{
		"RateLimitError: Error code: 429 - quota":    "RateLimitError",
		"openai.APITimeoutError: Request timed out.": "openai.APITimeoutError",
		"TimeoutError": "TimeoutError",
		"something went wrong: the model is down": "_OTHER",
		": no class": "_OTHER",
		strings.Repeat("x", 200) + ": too long class": "_OTHER",
	} {
		assert.Equal(t, want, errorType(msg), msg)
	}
}

func TestAppendJSONString(t *testing.T) {
	for in, want := range map[string]string{
		"plain":             `"plain"`,
		"quote \" and \\":   `"quote \" and \\"`,
		"line\nbreak\ttab":  `"line\nbreak\ttab"`,
		"ctl \x01":          `"ctl \u0001"`,
		"bad utf8 \xff end": `"bad utf8 \ufffd end"`,
		"ünïcode ✓ <b>":     `"ünïcode ✓ <b>"`,
	} {
		assert.Equal(t, want, string(appendJSONString(nil, in)), in)
	}
}
