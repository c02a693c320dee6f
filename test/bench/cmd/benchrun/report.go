// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
)

type report struct {
	opts        options
	start, end  time.Time
	specs       []spec
	workloads   []workloadInfo
	searches    map[workload.Profile]map[string]searchResult
	fixed       map[string]step // by key(collector, profile), -fixed-only runs
	idle        map[string]uint64
	profile     *profileResult
	profileNote string
	included    string // markdown inserted after the profile
	chat        []chatResult
	steps       []step
}

// Targets of issue 26.
const (
	// goalCPUvsDecode: otelcol-llm's CPU per span at most this many times
	// the decode-only ceiling's, on 1 KB spans.
	goalCPUvsDecode = 2.3
	// goalVsContrib: otelcol-llm's maximum sustained spans/s at least this
	// many times the tuned contrib pipeline's, on every llm workload.
	goalVsContrib = 10
	// Memory targets of issue 9.
	goalIdleMiB = 64
	goalPeakMiB = 256
)

var titles = map[string]string{
	"decode":  "decode-only ceiling",
	"forward": "forwarding ceiling",
	"ours":    "otelcol-llm",
	"contrib": "contrib, tuned",
}

var descriptions = map[string]string{
	"decode":  "OTLP receiver → `nop` exporter: receive and decode, nothing else; what no pipeline can exceed here (otelcol-llm binary, `test/bench/configs/decode.yaml`)",
	"forward": "OTLP → `memory_limiter` → `batch` → `otlp_grpc` to the sink: what every pipeline that must export costs, the physical limit of one (otelcol-llm binary, `test/bench/configs/forward.yaml`)",
	"ours":    "OTLP → `memory_limiter` → `llm_cost` → `redact` → `batch` → `otlp_grpc` + `span_metrics_llm` → `prometheus`, our components at their defaults (otelcol-llm binary, `test/bench/configs/ours.yaml`)",
	"contrib": "OTLP → `memory_limiter` → `transform` (cost in OTTL) → `redaction` (one regex per `redact` detector, written literal-first for Go's engine; their recall and look-alike survival are below) → `batch` → `otlp_grpc` + `span_metrics` → `prometheus`, the same release (`test/bench/builder-contrib.yaml`, `test/bench/configs/contrib.yaml`)",
}

// complete reports whether this is a full run: every collector, every
// default workload, searches rather than a fixed rate.
func (r *report) complete() bool {
	return r.opts.fixedOnly == 0 && len(r.specs) == len(collectorNames) && strings.Join(r.opts.profiles, ",") == defaultProfiles()
}

// maxima are a collector's maximum sustained rates on p, one per search (0
// for a search that sustained nothing).
func (r *report) maxima(p workload.Profile, name string) []float64 {
	sr, ok := r.searches[p][name]
	if !ok {
		return nil
	}
	if len(sr.Maxima) > 0 {
		return sr.Maxima
	}
	if sr.Best.OK {
		return []float64{sr.Best.Rate}
	}
	return []float64{0}
}

// micros are a collector's CPU-µs per span at the maximum of each search on
// p that sustained a rate.
func (r *report) micros(p workload.Profile, name string) []float64 {
	sr, ok := r.searches[p][name]
	if !ok {
		return nil
	}
	if len(sr.Micros) > 0 {
		return sr.Micros
	}
	if sr.Best.OK && sr.Best.Send.Spans > 0 {
		return []float64{sr.Best.cpuMicros()}
	}
	return nil
}

func (r *report) info(p workload.Profile) workloadInfo {
	for _, w := range r.workloads {
		if w.Profile == p {
			return w
		}
	}
	return workloadInfo{Profile: p}
}

// describe is a workload's one-line description with its measured size and
// PII share.
func describe(w workloadInfo) string {
	if w.Profile.Kind == workload.KindTiny {
		return fmt.Sprintf("testbed-style spans of %.0f bytes, no text", w.BytesPerSpan)
	}
	return fmt.Sprintf("%s spans, PII in %.1f%% of prompts and answers", kb(w.BytesPerSpan), w.PIIShare*100)
}

func kb(bytes float64) string { return fmt.Sprintf("%.2f KB", bytes/1024) }

// markdown renders BENCHMARKS.md and lists what failed to be measured.
func (r *report) markdown() (string, []string) {
	var b strings.Builder
	var failures []string
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	w("# Benchmarks\n\n")
	w("Output of `%s` (`test/bench/cmd/benchrun`, see [test/bench/README.md](test/bench/README.md)); regenerate it, do not edit it. Every figure about otelcol-llm's speed lives here and nowhere else.\n\n", r.opts.command)
	switch {
	case r.opts.fixedOnly > 0:
		w("> **Partial run** (`-fixed-only %.0f`): no maximum-rate searches, no targets and no chat_trace ingest; CPU per span at that rate only, from single runs. Not for publishing.\n\n", r.opts.fixedOnly)
	case !r.complete():
		w("> **Partial run**: collectors %s, workloads %s. Only a run of all four collectors on every default workload is a complete benchmark.\n\n",
			strings.Join(names(r.specs), ", "), strings.Join(r.opts.profiles, ", "))
	}
	w("| | |\n|---|---|\n")
	w("| date | %s (run took %v) |\n", r.start.UTC().Format("2006-01-02 15:04 MST"), r.end.Sub(r.start).Round(time.Second))
	w("| machine | %s |\n", machine())
	w("| commit | %s |\n", commit(r.opts.out))
	w("| Go, collector | %s, collector v0.161.0 (stable modules v1.67.0) |\n", runtime.Version())
	w("| placement | each collector `GOMAXPROCS=1` under `taskset -c %d`; load generator and sink under `taskset -c %d` |\n", collectorCPU, generatorCPU)
	w("| reproduce | `%s` |\n\n", r.opts.command)

	w("## What is compared\n\n")
	for _, s := range r.specs {
		w("- **%s** (`%s`): %s\n", titles[s.name], s.name, descriptions[s.name])
	}
	w("\n")

	r.workloadTable(&b)
	if r.opts.fixedOnly > 0 {
		r.fixedTable(&b, &failures)
	} else {
		r.summaryTable(&b)
		r.targets(&b)
		for _, wl := range r.workloads {
			r.workloadSection(&b, wl, &failures)
		}
		w("¹ The decode-only ceiling exports to `nop`: its latency is the OTLP request round trip; the others' is send to sink, batching included (at most the `batch` processor's 200 ms timeout).\n")
		w("`≥` marks a maximum that is a lower bound: the harness's core, not the collector's, was saturated on the failing step above it, or no step failed within the search's budget.\n\n")
	}
	r.profileSection(&b)
	if r.included != "" {
		w("%s\n\n", r.included)
	}

	switch {
	case len(r.chat) > 0:
		w("## `chat_trace` ingest\n\n")
		w("%d HALO Core chat-history sessions of %d turns each (prompts and answers 0.3–8 KB, ~1%% PII, 4%% errors, 5%% fallbacks), receiver → `batch` → sink, on one core. Files: all sessions appear at once in the watched directory. HTTP: each session's history POSTed as one JSON array, 4 clients. Every turn must arrive as exactly one root span.\n\n", r.opts.chatSessions, r.opts.chatTurns)
		w("| source | turns received / expected | MB | time | turns/s | MB/s |\n|---|---|---|---|---|---|\n")
		for _, c := range r.chat {
			if !c.OK {
				failures = append(failures, fmt.Sprintf("chat_trace %s: %s", c.Source, c.Reason))
				w("| %s | %d / %d | %.1f | — | **failed**: %s | |\n", c.Source, c.Turns, c.Expected, float64(c.Bytes)/1e6, oneLine(c.Reason))
				continue
			}
			w("| %s | %d / %d | %.1f | %v | %.0f | %.1f |\n", c.Source, c.Turns, c.Expected, float64(c.Bytes)/1e6, c.Elapsed.Round(time.Millisecond), c.TurnsPerSec(), c.MBPerSec())
		}
		w("\n")
	case r.opts.fixedOnly == 0:
		w("## `chat_trace` ingest\n\nNot measured: `ours` was not among the collectors of this run.\n\n")
	}

	r.method(&b)

	w("## Every step\n\n")
	w("| collector | workload | phase | target/s | achieved/s | sent | accepted | received | CPU s | CPU-µs per span | peak RSS MiB | p99 | harness core | result |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, s := range r.steps {
		recv := "—"
		if s.Received >= 0 {
			recv = strconv.FormatInt(s.Received, 10)
		}
		res := "pass"
		if !s.OK {
			res = "fail: " + oneLine(s.Reason)
		}
		w("| %s | %s | %s | %.0f | %.0f | %d | %.0f | %s | %.2f | %.1f | %.0f | %v | %.0f%% | %s |\n",
			s.Collector, s.Profile, s.Phase, s.Rate, s.Send.Achieved, s.Send.Spans, s.Accepted, recv,
			s.CPU.Seconds(), s.cpuMicros(), mib(s.PeakRSS), s.P99.Round(100*time.Microsecond), s.GenCPU*100, res)
	}
	return b.String(), failures
}

func (r *report) workloadTable(b *strings.Builder) {
	fmt.Fprintf(b, "## Workloads\n\n")
	fmt.Fprintf(b, "LLM spans as GenAI instrumentation writes them: %d models of 8 providers with date-suffixed response names and a Bedrock id, input 100–8,000 tokens, prompt and answer text in `gen_ai.input.messages` / `gen_ai.output.messages` (semantic-convention JSON), %.0f%% errors, %.0f%% fallbacks, %.0f%% with cached tokens, %.0f%% of texts with a harmless look-alike (UUIDs, hex ids, order numbers failing Luhn, timestamps, versions, prices, ports); one trace in five an agent run (agent, two chat calls, a tool call). PII values: e-mail addresses, phone numbers, Luhn-valid cards, mod-97-valid IBANs, SSNs, IPv4 addresses, OpenAI, AWS and GitHub keys. Sizes and PII shares below are measured on the requests sent.\n\n",
		len(workload.Models), workload.ErrorRate*100, workload.FallbackRate*100, workload.CachedRate*100, workload.LookAlikeRate*100)
	fmt.Fprintf(b, "| workload | spans per request | average span on the wire | prompts and answers with PII |\n|---|---|---|---|\n")
	for _, wl := range r.workloads {
		if wl.Profile.Kind == workload.KindTiny {
			fmt.Fprintf(b, "| `%s` (testbed-style: a name, a kind, two integer attributes) | %d | %.0f bytes | — |\n", wl.Profile, wl.SpansPerRequest, wl.BytesPerSpan)
			continue
		}
		fmt.Fprintf(b, "| `%s` | %d | %s | %.1f%% |\n", wl.Profile, wl.SpansPerRequest, kb(wl.BytesPerSpan), wl.PIIShare*100)
	}
	fmt.Fprintf(b, "\n")
}

// summaryTable gives, per workload, every collector's CPU per span at its
// maximum and the comparisons the targets are about.
func (r *report) summaryTable(b *strings.Builder) {
	fmt.Fprintf(b, "## Summary: CPU-µs per span at each collector's maximum sustained rate\n\n")
	fmt.Fprintf(b, "Medians of the runs (ranges in each workload's section). **LLM processing** is otelcol-llm's CPU per span minus the forwarding ceiling's: what pricing, redaction and span metrics cost on top of receiving, batching and exporting, which every pipeline pays. Ratios are of the medians, with the range over every pairing of runs.\n\n")
	fmt.Fprintf(b, "| workload | span on the wire | texts with PII | decode-only ceiling | forwarding ceiling | otelcol-llm | contrib, tuned | LLM processing (otelcol-llm − forwarding) | otelcol-llm / decode-only ceiling, CPU per span | otelcol-llm / contrib, max spans/s |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for _, wl := range r.workloads {
		p := wl.Profile
		pii := "—"
		if p.Kind == workload.KindLLM {
			pii = fmt.Sprintf("%.1f%%", wl.PIIShare*100)
		}
		cells := []string{"`" + p.String() + "`", kb(wl.BytesPerSpan), pii}
		for _, name := range collectorNames {
			if v := r.micros(p, name); len(v) > 0 {
				cells = append(cells, fmt.Sprintf("%.1f", medianOf(v)))
			} else {
				cells = append(cells, "—")
			}
		}
		if d := difference(r.micros(p, "ours"), r.micros(p, "forward")); d.OK {
			cells = append(cells, fmt.Sprintf("**%.1f** (%s)", d.Median, micros(d)))
		} else {
			cells = append(cells, "—")
		}
		if sp := ratio(r.micros(p, "ours"), r.micros(p, "decode")); sp.OK {
			cells = append(cells, fmt.Sprintf("%.1f× (%s)", sp.Median, times(sp)))
		} else {
			cells = append(cells, "—")
		}
		if sp := ratio(r.maxima(p, "ours"), r.maxima(p, "contrib")); sp.OK {
			cells = append(cells, fmt.Sprintf("%.1f× (%s)", sp.Median, times(sp)))
		} else {
			cells = append(cells, "—")
		}
		fmt.Fprintf(b, "| %s |\n", strings.Join(cells, " | "))
	}
	fmt.Fprintf(b, "\n")
}

func (r *report) targets(b *strings.Builder) {
	fmt.Fprintf(b, "## Targets\n\n")
	fmt.Fprintf(b, "A ratio goal is judged over every pairing of the two collectors' runs: met when every pairing meets it, not met when none does, inconclusive in between.\n\n")
	fmt.Fprintf(b, "| target | workload | measured (median; range over the pairings of runs) | verdict |\n|---|---|---|---|\n")
	for _, wl := range r.workloads {
		p := wl.Profile
		if p.Kind != workload.KindLLM || p.Size != workload.Size1K {
			continue
		}
		sp := ratio(r.micros(p, "ours"), r.micros(p, "decode"))
		fmt.Fprintf(b, "| otelcol-llm's CPU per span at most %.1f× the decode-only ceiling's (1 KB spans) | `%s` | %s | %s |\n",
			goalCPUvsDecode, p, spreadText(sp, "%.2f×", times), judgeAtMost(sp, goalCPUvsDecode, times))
	}
	for _, wl := range r.workloads {
		p := wl.Profile
		if p.Kind != workload.KindLLM {
			continue
		}
		sp := ratio(r.maxima(p, "ours"), r.maxima(p, "contrib"))
		fmt.Fprintf(b, "| otelcol-llm's maximum sustained spans/s at least %d× the tuned contrib pipeline's | `%s` | %s | %s |\n",
			goalVsContrib, p, spreadText(sp, "%.1f×", times), judgeAtLeast(sp, goalVsContrib, times))
	}
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "**not met**"
	}
	if v, ok := r.idle["ours"]; ok {
		fmt.Fprintf(b, "| otelcol-llm's idle RSS at most %d MiB | — | %.0f MiB | %s |\n", goalIdleMiB, mib(v), verdict(mib(v) <= goalIdleMiB))
	}
	var peak uint64
	for _, wl := range r.workloads {
		if sr, ok := r.searches[wl.Profile]["ours"]; ok && sr.Best.OK {
			peak = max(peak, sr.Best.PeakRSS)
		}
	}
	if peak > 0 {
		fmt.Fprintf(b, "| otelcol-llm's RSS at its maximum sustained rate at most %d MiB | every workload | %.0f MiB (the highest peak of all runs) | %s |\n", goalPeakMiB, mib(peak), verdict(mib(peak) <= goalPeakMiB))
	}
	fmt.Fprintf(b, "\n")
}

func spreadText(sp spread, verb string, format func(spread) string) string {
	if !sp.OK {
		return "—"
	}
	return fmt.Sprintf(verb+" (%s)", sp.Median, format(sp))
}

func (r *report) workloadSection(b *strings.Builder, wl workloadInfo, failures *[]string) {
	p := wl.Profile
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("## Workload `%s`: %s\n\n", p, describe(wl))
	w("| | %s |\n|---|%s\n", strings.Join(r.titles(), " | "), strings.Repeat("---|", len(r.specs)))
	row := func(label string, cell func(s spec, sr searchResult) string) {
		cells := make([]string, len(r.specs))
		for i, s := range r.specs {
			sr, ok := r.searches[p][s.name]
			if !ok {
				cells[i] = "—"
				continue
			}
			cells[i] = cell(s, sr)
		}
		w("| %s | %s |\n", label, strings.Join(cells, " | "))
	}
	row("max sustained spans/s, zero loss", func(s spec, sr searchResult) string {
		if !sr.Best.OK {
			*failures = append(*failures, fmt.Sprintf("%s, %s: no rate sustained", s.name, p))
			return "**none**"
		}
		mark := ""
		if sr.GenBound || sr.Unbounded {
			mark = "≥ "
		}
		if len(sr.Maxima) > 1 {
			return fmt.Sprintf("%s%.0f (%.0f–%.0f, %d runs)", mark, medianOf(sr.Maxima), slices.Min(sr.Maxima), slices.Max(sr.Maxima), len(sr.Maxima))
		}
		return fmt.Sprintf("%s%.0f", mark, sr.Best.Rate)
	})
	row("CPU-µs per span at the max (median, range)", func(s spec, _ searchResult) string {
		v := r.micros(p, s.name)
		switch len(v) {
		case 0:
			return "—"
		case 1:
			return fmt.Sprintf("%.1f", v[0])
		}
		return fmt.Sprintf("%.1f (%.1f–%.1f)", medianOf(v), slices.Min(v), slices.Max(v))
	})
	row("peak RSS at the max (MiB; highest of the runs, range)", func(_ spec, sr searchResult) string {
		if !sr.Best.OK {
			return "—"
		}
		if len(sr.Peaks) > 1 {
			return fmt.Sprintf("%.0f (%.0f–%.0f)", mib(sr.Best.PeakRSS), mib(slices.Min(sr.Peaks)), mib(slices.Max(sr.Peaks)))
		}
		return fmt.Sprintf("%.0f", mib(sr.Best.PeakRSS))
	})
	row("p99 latency at the max (median run)", func(s spec, sr searchResult) string {
		if !sr.Best.OK {
			return "—"
		}
		if !s.sink {
			return fmt.Sprintf("%v ¹", sr.Best.P99.Round(10*time.Microsecond))
		}
		return sr.Best.P99.Round(100 * time.Microsecond).String()
	})
	if p.Kind == workload.KindLLM {
		row("pipeline check (first export of the warm-up)", func(_ spec, sr searchResult) string {
			if sr.Check != "" {
				return sr.Check
			}
			return "—"
		})
	}
	w("\n")
	ours, fwd, dec, con := r.micros(p, "ours"), r.micros(p, "forward"), r.micros(p, "decode"), r.micros(p, "contrib")
	if d := difference(ours, fwd); d.OK {
		w("- what LLM processing costs (otelcol-llm − forwarding ceiling, CPU per span): **%.1f µs** (%s over the pairings of runs), %.0f%% of otelcol-llm's %.1f µs\n",
			d.Median, micros(d), d.Median/medianOf(ours)*100, medianOf(ours))
	}
	if sp := ratio(ours, dec); sp.OK {
		w("- otelcol-llm / decode-only ceiling, CPU per span: **%.2f×** (%s%s)\n", sp.Median, times(sp), roundsText(ours, dec))
	}
	if sp := ratio(fwd, dec); sp.OK {
		w("- forwarding ceiling / decode-only ceiling, CPU per span: %.2f× (%s): batching and exporting\n", sp.Median, times(sp))
	}
	if sp := ratio(r.maxima(p, "ours"), r.maxima(p, "forward")); sp.OK {
		w("- otelcol-llm / forwarding ceiling, max spans/s: %.0f%% (%s)\n", sp.Median*100, percents(sp))
	}
	if sp := ratio(r.maxima(p, "ours"), r.maxima(p, "contrib")); sp.OK {
		w("- otelcol-llm / contrib, max spans/s: **%.1f×** (%s)", sp.Median, times(sp))
		if c := ratio(con, ours); c.OK {
			w("; contrib spends %.1f× otelcol-llm's CPU per span", c.Median)
		}
		w("\n")
	}
	w("\n")
}

// roundsText gives the ratio a/b round by round ("" without repeats).
func roundsText(a, b []float64) string {
	v := rounds(a, b, func(x, y float64) float64 { return x / y })
	if v == nil {
		return ""
	}
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = fmt.Sprintf("%.2f×", x)
	}
	return "; round by round " + strings.Join(parts, ", ")
}

func (r *report) titles() []string {
	out := make([]string, len(r.specs))
	for i, s := range r.specs {
		out[i] = titles[s.name]
	}
	return out
}

// fixedTable is the development report: CPU per span at one rate.
func (r *report) fixedTable(b *strings.Builder, failures *[]string) {
	fmt.Fprintf(b, "## CPU-µs per span at %.0f spans/s (one run each)\n\n", r.opts.fixedOnly)
	fmt.Fprintf(b, "| workload | %s | otelcol-llm − forwarding |\n|---|%s---|\n", strings.Join(r.titles(), " | "), strings.Repeat("---|", len(r.specs)))
	for _, wl := range r.workloads {
		cells := []string{"`" + wl.Profile.String() + "`"}
		got := map[string]float64{}
		for _, s := range r.specs {
			st, ok := r.fixed[key(s.name, wl.Profile)]
			switch {
			case !ok:
				cells = append(cells, "—")
			case !st.OK:
				*failures = append(*failures, fmt.Sprintf("%s, %s at %.0f spans/s: %s", s.name, wl.Profile, r.opts.fixedOnly, oneLine(st.Reason)))
				cells = append(cells, "**loss**: "+oneLine(st.Reason))
			default:
				got[s.name] = st.cpuMicros()
				cells = append(cells, fmt.Sprintf("%.1f", st.cpuMicros()))
			}
		}
		o, okO := got["ours"]
		f, okF := got["forward"]
		if okO && okF {
			cells = append(cells, fmt.Sprintf("%.1f", o-f))
		} else {
			cells = append(cells, "—")
		}
		fmt.Fprintf(b, "| %s |\n", strings.Join(cells, " | "))
	}
	fmt.Fprintf(b, "\n")
}

func (r *report) profileSection(b *strings.Builder) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	if r.profile == nil {
		if r.profileNote != "" {
			w("## Where otelcol-llm's CPU goes\n\nProfile %s\n\n", r.profileNote)
		}
		return
	}
	pr := r.profile
	st := pr.Step
	atMax := r.opts.profileRate == 0 && r.opts.fixedOnly == 0
	if atMax {
		w("## Where otelcol-llm's CPU goes: profile at saturation, `%s`\n\n", pr.Workload)
	} else {
		w("## Where otelcol-llm's CPU goes: profile at %.0f spans/s, `%s`\n\n", pr.Rate, pr.Workload)
	}
	w("A CPU profile (the pprof extension's `/debug/pprof/profile`, added by `test/bench/configs/pprof.yaml`) of otelcol-llm during a %v constant-rate step at %.0f spans/s", r.opts.profileDur, pr.Rate)
	if atMax {
		w(" (%.0f%% of its median maximum on this workload: the core busy, the step sustained)", profileShare*100)
	}
	w(", %s; %v of CPU sampled over %v. The step ", describe(r.info(pr.Workload)), pr.Total.Round(time.Millisecond), pr.Wall.Round(time.Millisecond))
	if st.OK {
		w("lost nothing and used %.1f CPU-µs per span, the profiler included.", st.cpuMicros())
	} else {
		w("did not pass (%s): the profile is of an overloaded collector.", oneLine(st.Reason))
	}
	w(" Each sample is charged to the first component found from the leaf of its stack up (an allocation to the component that allocates), garbage collection wherever it runs; `redact: building pii.redacted.types` is `(*redactProcessor).finish`, which writes `pii.redacted.count` and `pii.redacted.types`.\n\n")
	w("| component | share of CPU | CPU-µs per span |\n|---|---|---|\n")
	per := st.cpuMicros()
	var redact float64
	for _, sh := range pr.Shares {
		w("| %s | %.1f%% | %.2f |\n", sh.Category, sh.Share*100, sh.Share*per)
		if strings.HasPrefix(sh.Category, "redact:") {
			redact += sh.Share
		}
	}
	w("| **redact, in all** | %.1f%% | %.2f |\n", redact*100, redact*per)
	w("\nThe %d functions with the most CPU of their own (flat) in that profile, with the share of samples they are on the stack of (cumulative):\n\n", len(pr.Top))
	w("| function | flat | cumulative |\n|---|---|---|\n")
	for _, f := range pr.Top {
		w("| `%s` | %.1f%% | %.1f%% |\n", f.Name, share(f.Flat, pr.Total), share(f.Cum, pr.Total))
	}
	w("\n")
}

func share(d, total time.Duration) float64 {
	if total == 0 {
		return 0
	}
	return float64(d) / float64(total) * 100
}

func (r *report) method(b *strings.Builder) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("## Method\n\n")
	w("- **Maximum sustained rate** (OTLP/gRPC): constant-rate steps of %v, open loop (requests are scheduled at the target rate with %d in flight; a collector that answers slowly makes the schedule slip). A 2 s probe at saturation estimates the capacity; steps start at 90%% of it, move by ×1.2 until the outcome flips, then bisect geometrically to within %.0f%% (at most %d steps or %v per search). The collector is restarted after the probe and after every failing step. On each llm workload the decode-only ceiling, the forwarding ceiling and otelcol-llm are searched %d times, in alternating rounds, so a drift in the machine's speed during the run reaches all alike; contrib, an order of magnitude slower, %d time(s), after the first round; on `tiny` every collector %d time(s). Tables give the median with the range.\n",
		r.opts.stepDur, r.opts.workers, r.opts.precision*100, r.opts.maxSteps, r.opts.searchBudget, max(1, r.opts.repeat), max(1, r.opts.contribRepeat), max(1, r.opts.tinyRepeat))
	w("- **Zero loss**, checked on every step; a step passes only when all hold: every request acknowledged with success; achieved rate ≥ %.0f%% of the target; the collector's own `otelcol_receiver_accepted_spans` grew by exactly the spans sent, `otelcol_receiver_refused_spans` and `_failed_spans` by zero; and (all but the decode-only ceiling, which exports to `nop`) the sink received exactly the spans sent, within %v of the last send, with no duplicates %v later. Every reported figure comes from a step that passed.\n", minAchieved*100, drainLimit, settle)
	w("- **CPU-µs per span**: CPU time of the collector process (sum of its threads' `/proc/<pid>/task/*/schedstat`, nanosecond precision) over the step at each search's maximum, divided by the spans sent: the cost of a span with the core busy, which is what to size from. Near saturation it is close to one core-second over the maximum rate; it is measured, not derived.\n")
	w("- **Peak RSS**: `VmHWM` over the step at the maximum (reset through `/proc/<pid>/clear_refs` when each step starts); the highest of the runs, with the range. **Idle RSS**: `VmRSS` 3 s after start, before any load.\n")
	w("- **Ratios and differences** between two collectors are given for the medians, and over every pairing of their runs (for a ratio, from the lowest numerator over the highest denominator to the highest over the lowest); a target is met only when every pairing meets it.\n")
	w("- **p99 latency**: the generator stamps each span's end time at send; the sink takes arrival minus that stamp (100 µs resolution), over the step at the maximum.\n")
	w("- **Pipeline check**: the first export of each llm warm-up is decoded; a pipeline that prices no inference span, or redacts nothing on a workload where most texts carry PII, stops the run, since its speed would compare nothing.\n")
	w("- **Profile**: a separate step after the searches (so the profiler's own cost is in no other figure), loss-checked like the others.\n")
	w("- The generator sends pre-marshaled requests (64 distinct per workload, timestamps and trace ids patched per send) and the sink counts spans by walking the protobuf without decoding it to pdata, so neither limits what is measured; `harness core` in the step log is their share of CPU %d.\n\n", generatorCPU)
}

func (r *report) summary() string {
	var b strings.Builder
	for _, wl := range r.workloads {
		p := wl.Profile
		fmt.Fprintf(&b, "%s:", p)
		for _, s := range r.specs {
			switch {
			case r.opts.fixedOnly > 0:
				if st, ok := r.fixed[key(s.name, p)]; ok && st.OK {
					fmt.Fprintf(&b, "  %s %.1f µs/span", s.name, st.cpuMicros())
				} else {
					fmt.Fprintf(&b, "  %s loss", s.name)
				}
			default:
				if v := r.micros(p, s.name); len(v) > 0 {
					fmt.Fprintf(&b, "  %s %.0f spans/s %.1f µs/span", s.name, medianOf(r.maxima(p, s.name)), medianOf(v))
				} else {
					fmt.Fprintf(&b, "  %s none", s.name)
				}
			}
		}
		b.WriteString("\n")
	}
	for _, c := range r.chat {
		fmt.Fprintf(&b, "chat_trace %s: ok=%v %.0f turns/s %.1f MB/s\n", c.Source, c.OK, c.TurnsPerSec(), c.MBPerSec())
	}
	return b.String()
}

func names(specs []spec) []string {
	out := make([]string, len(specs))
	for i, s := range specs {
		out[i] = s.name
	}
	return out
}

func oneLine(s string) string {
	s = firstLine(s)
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return strings.ReplaceAll(s, "|", "\\|")
}

func machine() string {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "MemTotal:"); ok {
				if kb, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64); err == nil {
					mem = fmt.Sprintf(", %.1f GiB RAM", kb/(1<<20))
				}
			}
		}
	}
	kernel := ""
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		kernel = ", Linux " + strings.TrimSpace(string(b))
	}
	return fmt.Sprintf("%s, %d cores%s%s", model, machineCPUs(), mem, kernel)
}

// machineCPUs counts the machine's CPUs (processor entries of /proc/cpuinfo).
func machineCPUs() int {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return 0
	}
	n := 0
	for _, line := range strings.Split(string(b), "\n") {
		if k, _, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "processor" {
			n++
		}
	}
	return n
}

// commit names the checked-out commit, noting uncommitted changes to
// anything but the report itself (out), which a rerun always rewrites.
func commit(out string) string {
	rev, err := exec.Command("git", "rev-parse", "--short=12", "HEAD").Output()
	if err != nil {
		return "unknown (not a git checkout)"
	}
	c := strings.TrimSpace(string(rev))
	args := []string{"status", "--porcelain", "--", "."}
	if abs, err := filepath.Abs(out); err == nil {
		args = append(args, ":(exclude,top)"+relToTop(abs))
	}
	if st, err := exec.Command("git", args...).Output(); err == nil && len(strings.TrimSpace(string(st))) > 0 {
		c += " with uncommitted changes"
	}
	return "`" + c + "`"
}

// relToTop returns path relative to the repository's top directory.
func relToTop(path string) string {
	top, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(strings.TrimSpace(string(top)), path)
	if err != nil {
		return path
	}
	return rel
}
