// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package main

import (
	"bufio"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/load"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
)

func TestParseReceiverCounts(t *testing.T) {
	text := `# HELP otelcol_receiver_accepted_spans_total Number of spans successfully pushed into the pipeline. [Alpha]
# TYPE otelcol_receiver_accepted_spans_total counter
otelcol_receiver_accepted_spans_total{otel_scope_name="go.opentelemetry.io/collector/receiver/receiverhelper",receiver="otlp",transport="grpc"} 1.2345e+06
otelcol_receiver_accepted_spans_total{receiver="otlp",transport="http"} 655
otelcol_receiver_refused_spans_total{receiver="otlp",transport="grpc"} 50
otelcol_receiver_failed_spans_total{receiver="otlp",transport="grpc"} 0
otelcol_receiver_accepted_metric_points_total{receiver="otlp",transport="grpc"} 99
otelcol_exporter_sent_spans_total{exporter="otlp_grpc"} 1000
`
	rc, err := parseReceiverCounts(bufio.NewScanner(strings.NewReader(text)))
	require.NoError(t, err)
	assert.Equal(t, receiverCounts{accepted: 1234500 + 655, refused: 50}, rc)

	_, err = parseReceiverCounts(bufio.NewScanner(strings.NewReader(`otelcol_receiver_refused_spans_total{receiver="otlp"} NaNx`)))
	require.Error(t, err)
}

func TestRoundRate(t *testing.T) {
	for in, want := range map[float64]float64{0: 0, 7: 7, 165: 160, 41408: 41000, 999: 990, 1000: 1000} {
		assert.Equal(t, want, roundRate(in), "roundRate(%v)", in)
	}
}

// TestMarkdownFlagsFailures: a search that sustained nothing and a lossy
// fixed-rate step are reported as failures, never as figures.
func TestMarkdownFlagsFailures(t *testing.T) {
	r := &report{
		opts:     options{collectors: []string{"contrib", "ours"}, profiles: []string{"llm"}, command: "make bench"},
		profiles: []workload.Profile{workload.LLM},
		specs:    []spec{{name: "contrib", sink: true}, {name: "ours", sink: true}},
		searches: map[workload.Profile]map[string]searchResult{workload.LLM: {
			"contrib": {},
			"ours":    {Best: step{OK: true, Rate: 5000, PeakRSS: 300 << 20}},
		}},
		fixedRate: map[workload.Profile]float64{workload.LLM: 2500},
		fixed: map[string]step{
			"ours/llm/grpc": {OK: false, Reason: "sent 100 spans, sink received 99 within 2s"},
		},
		idle: map[string]uint64{"ours": 30 << 20},
	}
	md, failures := r.markdown()
	assert.Contains(t, md, "Partial run")
	assert.Contains(t, md, "| max sustained spans/s, zero loss (gRPC) | **none** | 5000 |")
	assert.Contains(t, md, "**loss**: sent 100 spans, sink received 99")
	assert.Contains(t, md, "| zero loss at every reported rate | 0 of 1 fixed-rate re-checks lossless")
	assert.Contains(t, md, "| RSS at maximum sustained load ≤ 256 MiB | 300 MiB | **not met** |")
	assert.Contains(t, md, "| idle RSS ≤ 64 MiB | 30 MiB | met |")
	require.Len(t, failures, 2)
	assert.Contains(t, failures[0], "contrib, llm: no rate sustained")
	assert.Contains(t, failures[1], "ours, llm, grpc at the fixed rate")
}

// TestMedianOfRepeats: the median run is reported, with every run's
// maximum and the highest peak RSS; a run that sustained nothing counts as 0.
func TestMedianOfRepeats(t *testing.T) {
	runs := []searchResult{
		{Best: step{OK: true, Rate: 300, PeakRSS: 90 << 20, CPU: 3 * time.Second, Send: load.Result{Spans: 1_000_000}}, Check: "check"},
		{},
		{Best: step{OK: true, Rate: 200, PeakRSS: 120 << 20, CPU: 2500 * time.Millisecond, Send: load.Result{Spans: 500_000}}},
	}
	m := median(runs)
	assert.InDelta(t, 200, m.Best.Rate, 0)
	assert.Equal(t, []float64{300, 0, 200}, m.Maxima)
	assert.Equal(t, uint64(120<<20), m.Best.PeakRSS)
	assert.Equal(t, []uint64{90 << 20, 120 << 20}, m.Peaks)
	assert.Equal(t, []float64{3, 5}, m.PerM)
	assert.Equal(t, "check", m.Check)

	r := &report{
		opts:     options{collectors: []string{"ceiling", "ours"}, profiles: []string{"llm"}},
		profiles: []workload.Profile{workload.LLM},
		specs:    []spec{{name: "ceiling"}, {name: "ours", sink: true}},
		searches: map[workload.Profile]map[string]searchResult{workload.LLM: {
			"ceiling": median([]searchResult{{Best: step{OK: true, Rate: 1000}}, {Best: step{OK: true, Rate: 800}}, {Best: step{OK: true, Rate: 900}}}),
			"ours":    m,
		}},
	}
	md, _ := r.markdown()
	assert.Contains(t, md, "| max sustained spans/s, zero loss (gRPC) | 900 (800–1000, 3 runs) | 200 (0–300, 3 runs) |")
	assert.Contains(t, md, "**22%** of the maximum sustained spans/s (medians of 3 runs each; 0–38% between")
	assert.Contains(t, md, "| peak RSS at max sustained rate (MiB; highest of the runs, range) | 0 (0–0) | 120 (90–120) |")
	assert.Contains(t, md, "| CPU-seconds per million spans at the max sustained rate (gRPC; median, range) | — | 3.0 (3.0–5.0) |")
}

// TestSearchOrder: the ceiling and ours alternate round by round; contrib is
// searched once, at the end of the first round.
func TestSearchOrder(t *testing.T) {
	names := func(specs []spec) []string {
		var n []string
		for _, s := range specs {
			n = append(n, s.name)
		}
		return n
	}
	all := []spec{{name: "ceiling"}, {name: "contrib"}, {name: "ours"}}
	assert.Equal(t, []string{"ceiling", "ours", "contrib", "ceiling", "ours", "ceiling", "ours"}, names(searchOrder(all, 3)))
	assert.Equal(t, []string{"ceiling", "ours", "contrib"}, names(searchOrder(all, 1)))
	assert.Equal(t, []string{"ceiling", "ours", "contrib"}, names(searchOrder(all, 0)))
	assert.Equal(t, []string{"contrib"}, names(searchOrder([]spec{{name: "contrib"}}, 3)))
	assert.Equal(t, []string{"ours", "ours"}, names(searchOrder([]spec{{name: "ours"}}, 2)))
}

// TestRatioVerdicts: a ratio goal is met only when every pairing of the
// repeated searches meets it, not met when none does, and inconclusive when
// the pairings straddle it, even if the medians clear it.
func TestRatioVerdicts(t *testing.T) {
	runs := func(rates ...float64) searchResult {
		var rs []searchResult
		for _, v := range rates {
			rs = append(rs, searchResult{Best: step{OK: v > 0, Rate: v}})
		}
		return median(rs)
	}
	for _, tc := range []struct {
		name                   string
		ceiling, ours, contrib searchResult
		want                   []string
	}{
		{
			name:    "straddles",
			ceiling: runs(1000, 800, 900), ours: runs(440, 500, 460), contrib: runs(45),
			want: []string{
				"| full LLM pipeline ≥ 50% of the ceiling (llm) | 51% | **inconclusive**: the pairings of runs give 44–62% |",
				"; round by round, 44%, 62%, 51%)",
				"| full LLM pipeline ≥ 10× contrib spans/s per core (llm) | 10.2× | **inconclusive**: the pairings of runs give 9.8–11.1× |",
			},
		},
		{
			name:    "every pairing meets",
			ceiling: runs(1000, 900, 950), ours: runs(500, 520, 510), contrib: runs(40),
			want: []string{
				"| full LLM pipeline ≥ 50% of the ceiling (llm) | 54% | met |",
				"| full LLM pipeline ≥ 10× contrib spans/s per core (llm) | 12.8× | met |",
			},
		},
		{
			name:    "no pairing meets",
			ceiling: runs(1000, 1100, 1050), ours: runs(400, 450, 420), contrib: runs(50),
			want: []string{
				"| full LLM pipeline ≥ 50% of the ceiling (llm) | 40% | **not met** |",
				"| full LLM pipeline ≥ 10× contrib spans/s per core (llm) | 8.4× | **not met** |",
			},
		},
		{
			name:    "a ceiling run that sustained nothing",
			ceiling: runs(1000, 0, 900), ours: runs(440, 500, 460), contrib: runs(40),
			want: []string{
				"| full LLM pipeline ≥ 50% of the ceiling (llm) | 51% | **inconclusive**: the pairings of runs give 44%–∞ |",
				"(medians of 3 runs each; 44%–∞ between the least and most favourable pairing; round by round, 44%, ∞, 51%)",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			contrib := tc.contrib
			contrib.Maxima = nil // searched once, as benchrun does
			r := &report{
				opts:     options{collectors: []string{"ceiling", "contrib", "ours"}, profiles: []string{"llm"}},
				profiles: []workload.Profile{workload.LLM},
				specs:    []spec{{name: "ceiling"}, {name: "contrib", sink: true}, {name: "ours", sink: true}},
				searches: map[workload.Profile]map[string]searchResult{workload.LLM: {
					"ceiling": tc.ceiling, "contrib": contrib, "ours": tc.ours,
				}},
			}
			md, _ := r.markdown()
			for _, w := range tc.want {
				assert.Contains(t, md, w)
			}
		})
	}
}
