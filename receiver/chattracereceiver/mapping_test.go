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

// goldenMTimes are the files' modification times where they matter: the
// current-shape session was last written two seconds after its last tool
// call, so that call's event falls inside its turn.
var goldenMTimes = map[string]time.Time{
	"4e7b2c9d0a1f4b3c8d5e6f7a8b9c0d1e": time.Unix(1777903320, 0).UTC(),
}

// TestGolden maps the HALO Core-shaped histories in testdata/histories (see
// the README's list: current and older trace shapes, team and agent turns,
// tool calls as agno records them, a rate-limited fallback, stale records)
// and compares spans and logs with testdata/golden.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "histories", "*.json"))
	require.NoError(t, err)
	require.Len(t, paths, 5)
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
				mtime := goldenMTime
				if mt, ok := goldenMTimes[session]; ok {
					mtime = mt
				}
				views := make([]view, len(turns))
				for i := range turns {
					views[i] = m.view(&turns[i], mtime, mtime)
				}
				td := m.traces(views)
				ld := m.logs(views, mtime)

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

func TestAppendJSONString(t *testing.T) {
	for in, want := range map[string]string{
		"plain":             `"plain"`,
		"quote \" and \\":   `"quote \" and \\"`,
		"line\nbreak\ttab":  `"line\nbreak\ttab"`,
		"ctl \x01":          `"ctl \u0001"`,
		"bad utf8 \xff end": `"bad utf8 \ufffd end"`,
		"ünïcode ✓ <b>":     `"ünïcode ✓ <b>"`,
	} {
		assert.Equal(t, want, string(halo.AppendJSONString(nil, in)), in)
	}
}

// TestGoldenPushes maps pushed runs in the usage shapes of OpenRouter (cost
// on credits and on the app's own key, cache writes; an agent turn, a turn
// without an agent, a turn without latency: a log record only) and of
// Anthropic (cache writes split by lifetime, with and without their total)
// and compares spans and logs with testdata/golden/push-*.
func TestGoldenPushes(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "pushes", "*.ndjson"))
	require.NoError(t, err)
	require.Len(t, paths, 2)
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".ndjson")
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(path)
			require.NoError(t, err)
			push, err := halo.DecodePush(body, 0)
			require.NoError(t, err)
			turns, _ := pushedTurns(push, "")
			m := mapper{capture: CaptureConfig{UserRequests: true, AgentResponses: true}, service: "halo-core"}
			views := make([]view, len(turns))
			for i := range turns {
				views[i] = m.view(&turns[i], goldenMTime, goldenMTime)
			}
			td := m.traces(views)
			ld := m.logs(views, goldenMTime)
			base := filepath.Join("testdata", "golden", "push-"+name)
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
