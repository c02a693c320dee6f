// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package main

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/load"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/pprofsum"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
	"github.com/otelcol-llm/otelcol-llm/test/harness"
)

// TestCountsOfScrape: the receiver span counters are summed over receivers
// and transports, named with or without _total, other series ignored.
func TestCountsOfScrape(t *testing.T) {
	text := `# HELP otelcol_receiver_accepted_spans_total Number of spans successfully pushed into the pipeline. [Alpha]
# TYPE otelcol_receiver_accepted_spans_total counter
otelcol_receiver_accepted_spans_total{otel_scope_name="go.opentelemetry.io/collector/receiver/receiverhelper",receiver="otlp",transport="grpc"} 1.2345e+06
otelcol_receiver_accepted_spans_total{receiver="otlp",transport="http"} 655
# TYPE otelcol_receiver_refused_spans counter
otelcol_receiver_refused_spans{receiver="otlp",transport="grpc"} 50
otelcol_receiver_failed_spans_total{receiver="otlp",transport="grpc"} 0
otelcol_receiver_accepted_metric_points_total{receiver="otlp",transport="grpc"} 99
otelcol_exporter_sent_spans_total{exporter="otlp_grpc"} 1000
`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, text)
	}))
	defer srv.Close()
	f, err := harness.Scrape(context.Background(), srv.URL)
	require.NoError(t, err)
	assert.Equal(t, receiverCounts{accepted: 1234500 + 655, refused: 50}, countsOf(f))
}

func TestRoundRate(t *testing.T) {
	for in, want := range map[float64]float64{0: 0, 7: 7, 165: 160, 41408: 41000, 999: 990, 1000: 1000} {
		assert.InDelta(t, want, roundRate(in), 1e-9, "roundRate(%v)", in)
	}
}

var (
	llm1k80 = workload.Profile{Kind: workload.KindLLM, Size: workload.Size1K, PII: 0.8}
	llm4k1  = workload.Profile{Kind: workload.KindLLM, Size: workload.Size4K, PII: 0.01}
)

// runs makes the median of searches whose maxima and CPU-µs per span are
// given pairwise.
func runs(maxima, micros []float64) searchResult {
	var rs []searchResult
	for i, m := range maxima {
		st := step{OK: m > 0, Rate: m, PeakRSS: uint64(80+i) << 20}
		if m > 0 {
			st.Send = load.Result{Spans: 1_000_000}
			st.CPU = time.Duration(micros[i] * float64(time.Second))
		}
		rs = append(rs, searchResult{Best: st, Check: "check"})
	}
	return median(rs)
}

func allSpecs() []spec {
	return []spec{{name: "decode"}, {name: "forward", sink: true}, {name: "ours", sink: true, llm: true}, {name: "contrib", sink: true, llm: true}}
}

// TestMarkdownFlagsFailures: a search that sustained nothing is reported as
// a failure, never as a figure, and a partial run says so.
func TestMarkdownFlagsFailures(t *testing.T) {
	r := &report{
		opts:      options{collectors: []string{"contrib", "ours"}, profiles: []string{"llm-4k-pii1"}, command: "make bench", repeat: 3},
		specs:     []spec{{name: "ours", sink: true}, {name: "contrib", sink: true}},
		workloads: []workloadInfo{{Profile: llm4k1, SpansPerRequest: 50, BytesPerSpan: 4400, PIIShare: 0.01}},
		searches: map[workload.Profile]map[string]searchResult{llm4k1: {
			"contrib": {},
			"ours":    {Best: step{OK: true, Rate: 5000, PeakRSS: 300 << 20, CPU: time.Second, Send: load.Result{Spans: 20000}}},
		}},
		idle: map[string]uint64{"ours": 30 << 20},
	}
	md, failures := r.markdown()
	assert.Contains(t, md, "**Partial run**")
	assert.Contains(t, md, "| max sustained spans/s, zero loss | 5000 | **none** |")
	assert.Contains(t, md, "| otelcol-llm's RSS at its maximum sustained rate at most 256 MiB | every workload | 300 MiB (the highest peak of all runs) | **not met** |")
	assert.Contains(t, md, "| otelcol-llm's idle RSS at most 64 MiB | — | 30 MiB | met |")
	assert.Contains(t, md, "| otelcol-llm's maximum sustained spans/s at least 10× the tuned contrib pipeline's | `llm-4k-pii1` | — | not judged: a collector it compares has no result |")
	require.Len(t, failures, 1)
	assert.Contains(t, failures[0], "contrib, llm-4k-pii1: no rate sustained")
}

// TestMedianOfRepeats: the median run is reported, with every run's
// maximum, CPU per span and the highest peak RSS; a run that sustained
// nothing counts as 0.
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
	assert.Equal(t, []float64{3, 5}, m.Micros)
	assert.Equal(t, "check", m.Check)
}

// TestSearchOrder: the ceilings and ours alternate round by round; contrib
// is searched at the end of its rounds only.
func TestSearchOrder(t *testing.T) {
	all := allSpecs()
	assert.Equal(t, []string{"decode", "forward", "ours", "contrib", "decode", "forward", "ours", "decode", "forward", "ours"},
		names(searchOrder(all, repeats{each: 3, contrib: 1})))
	assert.Equal(t, []string{"decode", "forward", "ours", "contrib", "decode", "forward", "ours", "contrib"},
		names(searchOrder(all, repeats{each: 2, contrib: 2})))
	assert.Equal(t, []string{"decode", "forward", "ours", "contrib"}, names(searchOrder(all, repeats{})))
	assert.Equal(t, []string{"contrib"}, names(searchOrder([]spec{{name: "contrib"}}, repeats{each: 3, contrib: 1})))
	assert.Equal(t, []string{"ours", "ours"}, names(searchOrder([]spec{{name: "ours"}}, repeats{each: 2, contrib: 1})))
	o := options{repeat: 3, contribRepeat: 1, tinyRepeat: 1}
	assert.Equal(t, repeats{each: 3, contrib: 1}, o.repeatsFor(llm1k80))
	assert.Equal(t, repeats{each: 1, contrib: 1}, o.repeatsFor(workload.Tiny))
}

func TestSpreads(t *testing.T) {
	sp := ratio([]float64{10, 12, 11}, []float64{4, 5, 6})
	assert.True(t, sp.OK)
	assert.InDelta(t, 11.0/5, sp.Median, 1e-9)
	assert.InDelta(t, 10.0/6, sp.Lo, 1e-9)
	assert.InDelta(t, 12.0/4, sp.Hi, 1e-9)
	assert.True(t, math.IsInf(ratio([]float64{1}, []float64{0, 2}).Hi, 1))
	assert.False(t, ratio(nil, []float64{1}).OK)
	assert.False(t, ratio([]float64{1}, []float64{0}).OK, "nothing to compare with")

	d := difference([]float64{15, 16, 14}, []float64{5, 4, 6})
	assert.InDelta(t, 10, d.Median, 1e-9)
	assert.InDelta(t, 8, d.Lo, 1e-9)
	assert.InDelta(t, 12, d.Hi, 1e-9)

	assert.InDelta(t, 2.5, medianOf([]float64{4, 1, 3, 2}), 1e-9)
	assert.Nil(t, rounds([]float64{1}, []float64{1}, func(a, b float64) float64 { return a / b }))
	assert.Equal(t, []float64{2, 3}, rounds([]float64{4, 9}, []float64{2, 3}, func(a, b float64) float64 { return a / b }))

	assert.Equal(t, "met", judgeAtLeast(spread{OK: true, Lo: 10, Hi: 12}, 10, times))
	assert.Equal(t, "**not met**", judgeAtLeast(spread{OK: true, Lo: 8, Hi: 9.9}, 10, times))
	assert.Equal(t, "**inconclusive**: the pairings of runs give 9.0–11.0×", judgeAtLeast(spread{OK: true, Lo: 9, Hi: 11}, 10, times))
	assert.Equal(t, "**inconclusive**: the pairings of runs give 44–62%", judgeAtLeast(spread{OK: true, Lo: 0.44, Hi: 0.62}, 0.5, percents))
	assert.Equal(t, "met", judgeAtMost(spread{OK: true, Lo: 2, Hi: 2.3}, 2.3, times))
	assert.Equal(t, "**not met**", judgeAtMost(spread{OK: true, Lo: 2.4, Hi: 3}, 2.3, times))
	assert.Equal(t, "**inconclusive**: the pairings of runs give 2.0–2.5×", judgeAtMost(spread{OK: true, Lo: 2, Hi: 2.5}, 2.3, times))
	assert.Equal(t, "**inconclusive**: the pairings of runs give 5.0–9.0 µs", judgeAtMost(spread{OK: true, Lo: 5, Hi: 9}, 7, micros))
	assert.Contains(t, judgeAtMost(spread{}, 2.3, times), "not judged")
}

// TestCompleteReport: a run of every collector on 1 KB spans with PII
// reports the summary, the cost of LLM processing over forwarding, and a
// verdict per target over every pairing of runs.
func TestCompleteReport(t *testing.T) {
	r := &report{
		opts:      options{collectors: collectorNames, profiles: []string{"llm-1k-pii80"}, command: "make bench", repeat: 3, contribRepeat: 1, tinyRepeat: 1, profileDur: 12 * time.Second},
		specs:     allSpecs(),
		workloads: []workloadInfo{{Profile: llm1k80, SpansPerRequest: 50, BytesPerSpan: 1085, PIIShare: 0.799}},
		searches: map[workload.Profile]map[string]searchResult{llm1k80: {
			"decode":  runs([]float64{250000, 200000, 230000}, []float64{4.0, 5.0, 4.3}),
			"forward": runs([]float64{140000, 120000, 130000}, []float64{7.0, 8.2, 7.7}),
			"ours":    runs([]float64{70000, 60000, 65000}, []float64{14.0, 16.5, 15.1}),
			"contrib": runs([]float64{5000}, []float64{190}),
		}},
		idle:     map[string]uint64{"decode": 40 << 20, "forward": 41 << 20, "ours": 42 << 20, "contrib": 43 << 20},
		included: "## Redaction quality beside the tuned contrib regexes\n\n| detector |",
		profile: &profileResult{
			Collector: "ours", Workload: llm1k80, Rate: 65000, Total: 9 * time.Second, Wall: 11 * time.Second,
			Step:   step{OK: true, CPU: 8 * time.Second, Send: load.Result{Spans: 520000}},
			Shares: []pprofsum.Share{{Category: "redact: scanner", Share: 0.15}, {Category: "OTLP decode", Share: 0.24}},
			Top:    []pprofsum.Func{{Name: "runtime.memmove", Flat: time.Second, Cum: 2 * time.Second}},
		},
	}
	md, failures := r.markdown()
	assert.Empty(t, failures)
	assert.Contains(t, md, "**Partial run**", "one workload of five")
	for _, want := range []string{
		"| `llm-1k-pii80` | 50 | 1.06 KB | 79.9% |",
		"| `llm-1k-pii80` | 1.06 KB | 79.9% | 4.3 | 7.7 | 15.1 | 190.0 | **7.4** (5.8–9.5 µs) | 3.5× (2.8–4.1×) | 13.0× (12.0–14.0×) |",
		"| otelcol-llm's CPU per span at most 2.3× the decode-only ceiling's (1 KB spans) | `llm-1k-pii80` | 3.51× (2.8–4.1×) | **not met** |",
		"| otelcol-llm's maximum sustained spans/s at least 10× the tuned contrib pipeline's | `llm-1k-pii80` | 13.0× (12.0–14.0×) | met |",
		"## Workload `llm-1k-pii80`: 1.06 KB spans, PII in 79.9% of prompts and answers",
		"| | decode-only ceiling | forwarding ceiling | otelcol-llm | contrib, tuned |",
		"| max sustained spans/s, zero loss | 230000 (200000–250000, 3 runs) | 130000 (120000–140000, 3 runs) | 65000 (60000–70000, 3 runs) | 5000 |",
		"| CPU-µs per span at the max (median, range) | 4.3 (4.0–5.0) | 7.7 (7.0–8.2) | 15.1 (14.0–16.5) | 190.0 |",
		"- what LLM processing costs (otelcol-llm − forwarding ceiling, CPU per span): **7.4 µs** (5.8–9.5 µs over the pairings of runs), 49% of otelcol-llm's 15.1 µs",
		"- otelcol-llm / decode-only ceiling, CPU per span: **3.51×** (2.8–4.1×; round by round 3.50×, 3.30×, 3.51×)",
		"- otelcol-llm / contrib, max spans/s: **13.0×** (12.0–14.0×); contrib spends 12.6× otelcol-llm's CPU per span",
		"## Where otelcol-llm's CPU goes: profile at saturation, `llm-1k-pii80`",
		"| redact: scanner | 15.0% | 2.31 |",
		"| **redact, in all** | 15.0% | 2.31 |",
		"at 65000 spans/s (95% of its median maximum on this workload",
		"| `runtime.memmove` | 11.1% | 22.2% |",
		"| otelcol-llm's idle RSS at most 64 MiB | — | 42 MiB | met |",
	} {
		assert.Contains(t, md, want)
	}
	// The order of the sections.
	var last int
	for _, h := range []string{
		"## What is compared", "## Workloads", "## Summary", "## Targets", "## Workload `llm-1k-pii80`",
		"## Where otelcol-llm's CPU goes", "## Redaction quality", "## Method", "## Every step",
	} {
		i := strings.Index(md, h)
		require.Positive(t, i, h)
		assert.Greater(t, i, last, h)
		last = i
	}
}

// TestFixedOnlyReport: the development report gives CPU per span at one
// rate and no targets.
func TestFixedOnlyReport(t *testing.T) {
	r := &report{
		opts:      options{collectors: []string{"forward", "ours"}, profiles: []string{"llm-1k-pii80"}, fixedOnly: 20000},
		specs:     []spec{{name: "forward", sink: true}, {name: "ours", sink: true}},
		workloads: []workloadInfo{{Profile: llm1k80, SpansPerRequest: 50, BytesPerSpan: 1085, PIIShare: 0.8}},
		fixed: map[string]step{
			key("forward", llm1k80): {OK: true, CPU: 1600 * time.Millisecond, Send: load.Result{Spans: 200000}},
			key("ours", llm1k80):    {OK: false, Reason: "sent 100 spans, sink received 99 within 2s"},
		},
	}
	md, failures := r.markdown()
	assert.Contains(t, md, "**Partial run** (`-fixed-only 20000`)")
	assert.Contains(t, md, "| `llm-1k-pii80` | 8.0 | **loss**: sent 100 spans, sink received 99 within 2s | — |")
	assert.NotContains(t, md, "## Targets")
	require.Len(t, failures, 1)
}

// TestNextUp: without a failure yet the search grows by 1.2×, or jumps to
// what the collector's CPU use says a core carries when it used well under
// one.
func TestNextUp(t *testing.T) {
	busy := step{CPU: 1900 * time.Millisecond, Send: load.Result{Elapsed: 2 * time.Second}}
	assert.InDelta(t, 1200, nextUp(1000, busy), 0)
	idle := step{CPU: 100 * time.Millisecond, Send: load.Result{Elapsed: 2 * time.Second}}
	assert.InDelta(t, 18000, nextUp(1000, idle), 0, "1000 spans/s at 5% of a core: 0.9 × 20000")
	assert.InDelta(t, 1200, nextUp(1000, step{}), 0, "no timing: 1.2×")
}
