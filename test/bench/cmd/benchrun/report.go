// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package main

import (
	"fmt"
	"math"
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
	opts       options
	start, end time.Time
	profiles   []workload.Profile
	specs      []spec
	searches   map[workload.Profile]map[string]searchResult
	fixedRate  map[workload.Profile]float64
	fixed      map[string]step // by key(collector, profile, proto)
	idle       map[string]uint64
	chat       []chatResult
	steps      []step
}

var descriptions = map[string]string{
	"ceiling": "OTLP receiver → `nop` exporter, no processing (otelcol-llm binary, `bench/configs/ceiling.yaml`)",
	"contrib": "OTLP → `memory_limiter` → `transform` (cost, OTTL) → `redaction` (19 regexes) → `batch` → `otlp_grpc` + `span_metrics` → `prometheus` (`bench/builder-contrib.yaml`, `bench/configs/contrib.yaml`)",
	"ours":    "OTLP → `memory_limiter` → `llm_cost` → `redact` → `batch` → `otlp_grpc` + `span_metrics_llm` → `prometheus` (otelcol-llm binary, `bench/configs/ours.yaml`)",
}

// markdown renders BENCHMARKS.md and lists what failed to be measured.
func (r *report) markdown() (string, []string) {
	var b strings.Builder
	var failures []string
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	w("# Benchmarks\n\n")
	w("Output of `%s` (`bench/cmd/benchrun`, see [bench/README.md](bench/README.md)); regenerate it, do not edit it.\n\n", r.opts.command)
	if r.opts.fixedOnly > 0 {
		w("> **Partial run** (`-fixed-only %.0f`): no maximum-rate searches and no chat_trace ingest; CPU per span at that rate only.\n\n", r.opts.fixedOnly)
	} else if len(r.specs) != 3 || len(r.profiles) != 2 {
		w("> **Partial run**: collectors %s, profiles %s. Only a run of all three collectors and both profiles is a complete benchmark.\n\n",
			strings.Join(r.opts.collectors, ", "), strings.Join(r.opts.profiles, ", "))
	}
	w("| | |\n|---|---|\n")
	w("| date | %s (run took %v) |\n", r.start.UTC().Format("2006-01-02 15:04 MST"), r.end.Sub(r.start).Round(time.Second))
	w("| machine | %s |\n", machine())
	w("| commit | %s |\n", commit(r.opts.out))
	w("| Go, collector | %s, collector v0.161.0 (stable modules v1.67.0) |\n", runtime.Version())
	w("| placement | each collector `GOMAXPROCS=1` under `taskset -c %d`; load generator and sink under `taskset -c %d` |\n", collectorCPU, generatorCPU)
	w("| reproduce | `%s` |\n\n", r.opts.command)

	w("Collectors:\n\n")
	for _, s := range r.specs {
		w("- **%s**: %s\n", s.name, descriptions[s.name])
	}
	w("\n")

	for _, p := range r.profiles {
		w("## Profile `%s`\n\n", p)
		if p == workload.LLM {
			w("Realistic GenAI spans (%d per request): %d models of 8 providers with date-suffixed response names and a Bedrock id, input 100–8,000 tokens, prompt and answer 0.3–8 KB of text in `gen_ai.input.messages` / `gen_ai.output.messages` with %.0f%% carrying PII, %.0f%% errors, %.0f%% fallbacks, %.0f%% with cached tokens; one trace in five an agent run (agent, two chat calls, a tool call).\n\n",
				r.opts.spansLLM, len(workload.Models), workload.PIIRate*100, workload.ErrorRate*100, workload.FallbackRate*100, workload.CachedRate*100)
		} else {
			w("Testbed-style spans (%d per request): a name, a kind and two integer attributes, as the collector's own load generator sends.\n\n", r.opts.spansTiny)
		}
		rate := r.fixedRate[p]
		w("| | %s |\n|---|%s\n", strings.Join(names(r.specs), " | "), strings.Repeat("---|", len(r.specs)))
		row := func(label string, cell func(s spec) string) {
			cells := make([]string, len(r.specs))
			for i, s := range r.specs {
				cells[i] = cell(s)
			}
			w("| %s | %s |\n", label, strings.Join(cells, " | "))
		}
		row("max sustained spans/s, zero loss (gRPC)", func(s spec) string {
			sr := r.searches[p][s.name]
			if !sr.Best.OK {
				failures = append(failures, fmt.Sprintf("%s, %s: no rate sustained", s.name, p))
				return "**none**"
			}
			mark := ""
			if sr.GenBound {
				mark = "≥ "
			}
			if len(sr.Maxima) > 1 {
				return fmt.Sprintf("%s%.0f (%.0f–%.0f, %d runs)", mark, sr.Best.Rate, slices.Min(sr.Maxima), slices.Max(sr.Maxima), len(sr.Maxima))
			}
			return fmt.Sprintf("%s%.0f", mark, sr.Best.Rate)
		})
		row("CPU-seconds per million spans at the max sustained rate (gRPC; median, range)", func(s spec) string {
			v := r.searches[p][s.name].PerM
			switch len(v) {
			case 0:
				return "—"
			case 1:
				return fmt.Sprintf("%.1f", v[0])
			}
			sorted := slices.Sorted(slices.Values(v))
			return fmt.Sprintf("%.1f (%.1f–%.1f)", sorted[(len(sorted)-1)/2], sorted[0], sorted[len(sorted)-1])
		})
		row(fmt.Sprintf("CPU-seconds per million spans at %.0f spans/s (gRPC)", rate), func(s spec) string {
			return r.fixedCell(s.name, p, "grpc", &failures, func(st step) string {
				return fmt.Sprintf("%.1f", st.cpuPerM())
			})
		})
		if p == workload.LLM {
			row(fmt.Sprintf("CPU-seconds per million spans at %.0f spans/s (HTTP)", rate), func(s spec) string {
				return r.fixedCell(s.name, p, "http", &failures, func(st step) string {
					return fmt.Sprintf("%.1f", st.cpuPerM())
				})
			})
		}
		row("peak RSS at max sustained rate (MiB; highest of the runs, range)", func(s spec) string {
			sr := r.searches[p][s.name]
			if !sr.Best.OK {
				return "—"
			}
			if len(sr.Peaks) > 1 {
				return fmt.Sprintf("%.0f (%.0f–%.0f)", mib(sr.Best.PeakRSS), mib(slices.Min(sr.Peaks)), mib(slices.Max(sr.Peaks)))
			}
			return fmt.Sprintf("%.0f", mib(sr.Best.PeakRSS))
		})
		row("idle RSS (MiB)", func(s spec) string {
			if v, ok := r.idle[s.name]; ok {
				return fmt.Sprintf("%.0f", mib(v))
			}
			return "—"
		})
		row(fmt.Sprintf("p99 added latency at %.0f spans/s (gRPC)", rate), func(s spec) string {
			return r.fixedCell(s.name, p, "grpc", nil, func(st step) string {
				if !s.sink {
					return fmt.Sprintf("%v ¹", st.P99.Round(10*time.Microsecond))
				}
				return st.P99.Round(100 * time.Microsecond).String()
			})
		})
		if p == workload.LLM {
			row("pipeline check (first export of the warm-up)", func(s spec) string {
				if c := r.searches[p][s.name].Check; c != "" {
					return c
				}
				return "—"
			})
		}
		w("\n")
		r.ratios(&b, p)
		w("\n")
	}
	w("¹ The ceiling exports to `nop`: its latency is the OTLP request round trip, not send-to-backend; the others' include batching (at most the `batch` processor's 200 ms timeout).\n")
	w("`≥` marks a maximum where the load generator's core, not the collector's, was saturated on the failing step above it.\n\n")

	r.targets(&b)

	if len(r.chat) > 0 {
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
	} else {
		w("## `chat_trace` ingest\n\nNot measured: `ours` was not among the collectors of this run.\n\n")
	}

	w("## Method\n\n")
	w("- **Maximum sustained rate**: constant-rate steps of %v, open-loop (requests are scheduled at the target rate with %d in flight; a collector that answers slowly makes the schedule slip). A 2 s probe at saturation estimates the capacity; steps start at 90%% of it, move by ×1.2 until the outcome flips, then bisect geometrically to within %.0f%% (at most %d steps or %v per search). The collector is restarted after the probe and after every failing step. The ceiling and ours are searched %d times per profile, in alternating rounds (ceiling, ours, ceiling, ours, ...), so a drift in the machine's speed during the run reaches both alike; contrib, two orders of magnitude slower, is searched once, after the first round. The table gives the median with the range, and the highest peak RSS of the runs.\n",
		r.opts.stepDur, r.opts.workers, r.opts.precision*100, r.opts.maxSteps, r.opts.searchBudget, max(1, r.opts.repeat))
	w("- **Zero loss**, checked on every step, a step passes only when all hold: every request acknowledged with success; achieved rate ≥ %.0f%% of the target; the collector's own `otelcol_receiver_accepted_spans` grew by exactly the spans sent, `otelcol_receiver_refused_spans` and `_failed_spans` by zero; and (contrib, ours) the sink received exactly the spans sent, within %v of the last send, with no duplicates %v later. The ceiling exports to `nop`, so its check stops at the receiver counters.\n", minAchieved*100, drainLimit, settle)
	w("- **CPU-seconds per million spans**: CPU time of the collector process (sum of its threads' `/proc/<pid>/task/*/schedstat`, nanosecond precision) over a step, divided by spans sent. At the max sustained rate: the step at each search's maximum, the cost of a span with the core busy, which is what to size from. At a fixed rate: a step of %v at %.0f%% of the lowest maximum of the profile, so every collector sustains it; at a rate that low, a collector's idle costs (timers, garbage collection, its own telemetry) weigh on every span. Both steps are zero-loss checked.\n", r.opts.fixedDur, r.opts.fixedFraction*100)
	w("- **Peak RSS**: `VmHWM` of the step at the maximum sustained rate (reset through `/proc/<pid>/clear_refs` at the start of each step); the highest of the searches, with the range over them. **Idle RSS**: `VmRSS` 3 s after start, before any load.\n")
	w("- **Targets**: a ratio goal (ours against contrib or the ceiling) is judged over every pairing of the two collectors' searches, from ours' lowest maximum over the other's highest to ours' highest over the other's lowest: met when every pairing meets it, not met when none does, inconclusive in between, where the noise between runs decides which side a run lands on. The RSS goal is judged on the highest peak of the runs.\n")
	w("- **p99 added latency**: the generator stamps each span's end time at send; the sink takes arrival minus that stamp (100 µs resolution), over the fixed-rate step.\n")
	w("- The generator sends pre-marshaled requests (64 distinct per profile, timestamps and trace ids patched per send) and the sink counts spans without decoding to pdata, so that neither limits what is measured; `gen` in the step log is the harness's own use of its core.\n\n")

	w("## Every step\n\n")
	w("| collector | profile | proto | phase | target/s | achieved/s | sent | accepted | received | CPU s | peak RSS MiB | p99 | gen core | result |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, s := range r.steps {
		recv := "—"
		if s.Received >= 0 {
			recv = fmt.Sprint(s.Received)
		}
		res := "pass"
		if !s.OK {
			res = "fail: " + oneLine(s.Reason)
		}
		w("| %s | %s | %s | %s | %.0f | %.0f | %d | %.0f | %s | %.2f | %.0f | %v | %.0f%% | %s |\n",
			s.Collector, s.Profile, s.Proto, s.Phase, s.Rate, s.Send.Achieved, s.Send.Spans, s.Accepted, recv,
			s.CPU.Seconds(), mib(s.PeakRSS), s.P99.Round(100*time.Microsecond), s.GenCPU*100, res)
	}
	return b.String(), failures
}

func (r *report) fixedCell(name string, p workload.Profile, proto string, failures *[]string, f func(step) string) string {
	st, ok := r.fixed[key(name, p, proto)]
	if !ok {
		return "—"
	}
	if !st.OK {
		if failures != nil {
			*failures = append(*failures, fmt.Sprintf("%s, %s, %s at the fixed rate: %s", name, p, proto, oneLine(st.Reason)))
		}
		return "**loss**: " + oneLine(st.Reason)
	}
	return f(st)
}

func (r *report) max(p workload.Profile, name string) (float64, bool) {
	sr, ok := r.searches[p][name]
	if !ok || !sr.Best.OK {
		return 0, false
	}
	return sr.Best.Rate, true
}

func (r *report) cpuPerM(p workload.Profile, name string) (float64, bool) {
	st, ok := r.fixed[key(name, p, "grpc")]
	if !ok || !st.OK || st.Send.Spans == 0 {
		return 0, false
	}
	return st.cpuPerM(), true
}

func (r *report) ratios(b *strings.Builder, p workload.Profile) {
	ours, okO := r.max(p, "ours")
	if !okO {
		return
	}
	if contrib, ok := r.max(p, "contrib"); ok {
		fmt.Fprintf(b, "- ours / contrib: **%.1f×** the maximum sustained spans/s", ours/contrib)
		if co, ok1 := r.cpuPerM(p, "ours"); ok1 {
			if cc, ok2 := r.cpuPerM(p, "contrib"); ok2 && co > 0 {
				fmt.Fprintf(b, ", **%.1f×** less CPU per span at the fixed rate", cc/co)
			}
		}
		fmt.Fprintln(b)
	}
	if ceil, ok := r.max(p, "ceiling"); ok {
		fmt.Fprintf(b, "- ours / ceiling: **%.0f%%** of the maximum sustained spans/s%s\n", ours/ceil*100, r.spread(p))
	}
}

// spread describes the ours/ceiling ratio over the repeated searches: from
// ours' lowest over the ceiling's highest to ours' highest over the
// ceiling's lowest, then round by round, where the two were searched one
// after the other ("" without repeats).
func (r *report) spread(p workload.Profile) string {
	o, c := r.searches[p]["ours"].Maxima, r.searches[p]["ceiling"].Maxima
	if len(o) < 2 || len(c) < 2 {
		return ""
	}
	lo, hi := r.pairings(p, "ours", "ceiling")
	text := fmt.Sprintf(" (medians of %d runs each; %s between the least and most favourable pairing", len(o), percents(lo, hi))
	if len(o) == len(c) {
		rounds := make([]string, len(o))
		for i := range o {
			rounds[i] = "∞" // the ceiling sustained nothing in that round
			if c[i] > 0 {
				rounds[i] = fmt.Sprintf("%.0f%%", o[i]/c[i]*100)
			}
		}
		text += "; round by round, " + strings.Join(rounds, ", ")
	}
	return text + ")"
}

// pairings returns the lowest and highest ratio of num's maximum to den's
// over every pairing of their searches (a collector searched once is one
// run). A den run that sustained nothing makes the highest ratio infinite.
func (r *report) pairings(p workload.Profile, num, den string) (lo, hi float64) {
	runs := func(name string) []float64 {
		if sr := r.searches[p][name]; len(sr.Maxima) > 0 {
			return sr.Maxima
		}
		v, _ := r.max(p, name)
		return []float64{v}
	}
	n, d := runs(num), runs(den)
	if slices.Max(d) > 0 {
		lo = slices.Min(n) / slices.Max(d)
	}
	hi = math.Inf(1)
	if slices.Min(d) > 0 {
		hi = slices.Max(n) / slices.Min(d)
	}
	return lo, hi
}

// percents formats a range of ratios as percentages ("44–54%").
func percents(lo, hi float64) string { return rangeText(lo*100, hi*100, "%.0f", "%") }

// times formats a range of ratios as factors ("9.8–11.1×").
func times(lo, hi float64) string { return rangeText(lo, hi, "%.1f", "×") }

// rangeText formats lo–hi with verb and unit; an infinite hi is open-ended
// ("44%–∞").
func rangeText(lo, hi float64, verb, unit string) string {
	if math.IsInf(hi, 1) {
		return fmt.Sprintf(verb, lo) + unit + "–∞"
	}
	return fmt.Sprintf(verb+"–"+verb, lo, hi) + unit
}

// judge gives a ratio goal's verdict from the range over the pairings of
// runs: met only when every pairing meets the goal, not met when none does,
// and otherwise inconclusive, because which side of the goal a run lands
// on is then down to the machine's noise, not to the collector.
func judge(lo, hi, goal float64, format func(lo, hi float64) string) string {
	switch {
	case lo >= goal:
		return "met"
	case hi < goal:
		return "**not met**"
	}
	return "**inconclusive**: the pairings of runs give " + format(lo, hi)
}

func (r *report) targets(b *strings.Builder) {
	fmt.Fprintf(b, "## Targets (issue 9)\n\n| target | measured | verdict |\n|---|---|---|\n")
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "**not met**"
	}
	p := workload.LLM
	ours, okO := r.max(p, "ours")
	// The ratio goals are judged over every pairing of the repeated
	// searches, not on the medians alone: see judge.
	if contrib, ok := r.max(p, "contrib"); ok && okO {
		lo, hi := r.pairings(p, "ours", "contrib")
		fmt.Fprintf(b, "| full LLM pipeline ≥ 10× contrib spans/s per core (llm) | %.1f× | %s |\n", ours/contrib, judge(lo, hi, 10, times))
	}
	if ceil, ok := r.max(p, "ceiling"); ok && okO {
		lo, hi := r.pairings(p, "ours", "ceiling")
		fmt.Fprintf(b, "| full LLM pipeline ≥ 50%% of the ceiling (llm) | %.0f%% | %s |\n", ours/ceil*100, judge(lo, hi, 0.5, percents))
	}
	if v, ok := r.idle["ours"]; ok {
		fmt.Fprintf(b, "| idle RSS ≤ 64 MiB | %.0f MiB | %s |\n", mib(v), verdict(mib(v) <= 64))
	}
	var peak uint64
	for _, pr := range r.profiles {
		if sr, ok := r.searches[pr]["ours"]; ok && sr.Best.OK {
			peak = max(peak, sr.Best.PeakRSS)
		}
	}
	if peak > 0 {
		fmt.Fprintf(b, "| RSS at maximum sustained load ≤ 256 MiB | %.0f MiB | %s |\n", mib(peak), verdict(mib(peak) <= 256))
	}
	// Every reported CPU and latency figure comes from a fixed-rate step run
	// at half the lowest maximum: a loss there means a maximum was wrong.
	var passed, total int
	for _, st := range r.fixed {
		total++
		if st.OK {
			passed++
		}
	}
	if total > 0 {
		fmt.Fprintf(b, "| zero loss at every reported rate | %d of %d fixed-rate re-checks lossless; every maximum is a step that passed | %s |\n", passed, total, verdict(passed == total))
	}
	b.WriteString("\n")
}

func (r *report) summary() string {
	var b strings.Builder
	for _, p := range r.profiles {
		fmt.Fprintf(&b, "%s:", p)
		for _, s := range r.specs {
			if v, ok := r.max(p, s.name); ok {
				fmt.Fprintf(&b, "  %s %.0f spans/s", s.name, v)
			} else {
				fmt.Fprintf(&b, "  %s none", s.name)
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
