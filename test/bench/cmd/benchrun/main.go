// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Command benchrun is the side-by-side benchmark run by `make bench`: on the
// same machine in the same run, each collector on one core, it measures
// otelcol-llm's full LLM pipeline, the tuned contrib equivalent, the
// decode-only ceiling and the forwarding ceiling on every workload, takes a
// CPU profile of otelcol-llm at saturation, and writes the results to
// BENCHMARKS.md. See test/bench/README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/load"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/procfs"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/sink"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
)

// The harness (generator and sink) runs on generatorCPU, each collector
// alone on collectorCPU.
const (
	generatorCPU = 0
	collectorCPU = 1
)

// The collectors, in the order of the report's columns.
var collectorNames = []string{"decode", "forward", "ours", "contrib"}

type options struct {
	ours, contrib, configs, out, command string
	include                              string
	collectors, profiles                 []string
	stepDur, fixedDur, searchBudget      time.Duration
	precision                            float64
	maxSteps, workers                    int
	repeat, contribRepeat, tinyRepeat    int
	warmTiny, warmLLM                    float64
	spansTiny, spansLLM                  int
	chatSessions, chatTurns              int
	chatPushPath                         string
	chatTimeout                          time.Duration
	fixedOnly                            float64
	profileWorkload                      string
	profileDur                           time.Duration
	profileRate                          float64
	profileOut                           string
}

func defaultProfiles() string {
	var names []string
	for _, p := range workload.LLMWorkloads {
		names = append(names, p.String())
	}
	return strings.Join(append(names, workload.Tiny.String()), ",")
}

func main() {
	var o options
	var collectors, profiles string
	flag.StringVar(&o.ours, "ours", "_build/otelcol-llm", "otelcol-llm binary (runs ours.yaml, decode.yaml, forward.yaml, chattrace.yaml)")
	flag.StringVar(&o.contrib, "contrib", "test/bench/_build-contrib/otelcol-contrib-bench", "contrib benchmark binary (runs contrib.yaml)")
	flag.StringVar(&o.configs, "configs", "test/bench/configs", "directory of the benchmark configs")
	flag.StringVar(&o.out, "out", "", "markdown report to write (required), e.g. BENCHMARKS.md")
	flag.StringVar(&o.include, "include", "", "markdown file inserted into the report after the profile (make bench passes the in-process comparison of test/bench/compare)")
	flag.StringVar(&o.command, "command", "", "command quoted in the report as the way to reproduce it (default: this command line)")
	flag.StringVar(&collectors, "collectors", strings.Join(collectorNames, ","), "collectors to measure; anything but all four marks the report partial")
	flag.StringVar(&profiles, "profiles", defaultProfiles(), "workloads: tiny, or llm-<1k|4k>-pii<percent>; anything but the default marks the report partial")
	flag.DurationVar(&o.stepDur, "step", 4*time.Second, "duration of each search step")
	flag.DurationVar(&o.fixedDur, "fixed", 8*time.Second, "with -fixed-only: duration of each fixed-rate step")
	flag.DurationVar(&o.searchBudget, "search-budget", 60*time.Second, "time cap of each maximum-rate search")
	flag.IntVar(&o.maxSteps, "max-steps", 8, "step cap of each maximum-rate search")
	flag.IntVar(&o.repeat, "repeat", 3, "maximum-rate searches per llm workload for the decode ceiling, the forwarding ceiling and ours (the median is reported, with the range)")
	flag.IntVar(&o.contribRepeat, "contrib-repeat", 1, "maximum-rate searches per workload for contrib")
	flag.IntVar(&o.tinyRepeat, "tiny-repeat", 1, "maximum-rate searches per collector for the tiny profile (no target depends on it)")
	flag.Float64Var(&o.precision, "precision", 0.05, "a search stops when failing/passing rate is at most 1+precision")
	flag.IntVar(&o.workers, "workers", 8, "requests in flight")
	flag.Float64Var(&o.warmTiny, "warm-tiny", 1000, "warm-up rate, tiny profile (spans/s)")
	flag.Float64Var(&o.warmLLM, "warm-llm", 100, "warm-up rate, llm workloads (spans/s)")
	flag.IntVar(&o.spansTiny, "spans-tiny", 100, "spans per request, tiny profile")
	flag.IntVar(&o.spansLLM, "spans-llm", 50, "spans per request, llm workloads")
	flag.IntVar(&o.chatSessions, "chat-sessions", 400, "chat_trace: sessions (files)")
	flag.IntVar(&o.chatTurns, "chat-turns", 8, "chat_trace: turns per session")
	flag.StringVar(&o.chatPushPath, "chat-push-path", "/v1/chat/turns", "chat_trace: HTTP push path")
	flag.DurationVar(&o.chatTimeout, "chat-timeout", 60*time.Second, "chat_trace: time cap of each ingest measurement")
	flag.Float64Var(&o.fixedOnly, "fixed-only", 0, "development: skip the maximum-rate searches and chat_trace, measure CPU per span at this rate only (partial report)")
	flag.StringVar(&o.profileWorkload, "profile-workload", "llm-1k-pii80", "workload of the CPU profile of ours at saturation (empty: no profile)")
	flag.DurationVar(&o.profileDur, "profile-duration", 12*time.Second, "length of the profiled load step")
	flag.Float64Var(&o.profileRate, "profile-rate", 0, "rate of the profiled step (default: 95% of ours' median maximum on that workload, or the -fixed-only rate)")
	flag.StringVar(&o.profileOut, "profile-out", "", "file to write the raw CPU profile of the profile step to, for go tool pprof (default: not kept)")
	flag.Parse()
	if o.command == "" {
		o.command = strings.Join(os.Args, " ")
	}
	o.collectors = splitList(collectors)
	o.profiles = splitList(profiles)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, o)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// Components each measured collector needs, by "kind/type" as the binary's
// `components` command lists them.
var required = map[string][]string{
	"decode":  {"receivers/otlp", "exporters/nop", "extensions/health_check"},
	"forward": {"receivers/otlp", "processors/memory_limiter", "processors/batch", "exporters/otlp_grpc", "extensions/health_check"},
	"contrib": {
		"receivers/otlp",
		"processors/memory_limiter", "processors/transform", "processors/redaction", "processors/batch",
		"connectors/span_metrics",
		"exporters/otlp_grpc", "exporters/prometheus",
		"extensions/health_check",
	},
	"ours": {
		"receivers/otlp", "receivers/chat_trace",
		"processors/memory_limiter", "processors/llm_cost", "processors/redact", "processors/batch",
		"connectors/span_metrics_llm",
		"exporters/otlp_grpc", "exporters/prometheus", "exporters/nop",
		"extensions/health_check", "extensions/pprof",
	},
}

// preflight fails unless every binary has the components its configs use
// and every config validates: nothing is skipped silently, a missing
// component stops the run before any measurement, naming what is missing.
func preflight(specs []spec, pprofOverlay string) error {
	missing := map[string][]string{} // by binary
	checked := map[string]map[string]bool{}
	for _, s := range specs {
		if checked[s.bin] == nil {
			have, err := components(s.bin)
			if err != nil {
				return fmt.Errorf("%w (make bench builds it)", err)
			}
			checked[s.bin] = have
		}
		for _, c := range required[s.name] {
			if !checked[s.bin][c] && !slices.Contains(missing[s.bin], c) {
				missing[s.bin] = append(missing[s.bin], c)
			}
		}
	}
	var errs []error
	for bin, m := range missing {
		manifest := "builder-config.yaml"
		if strings.Contains(bin, "contrib") {
			manifest = "test/bench/builder-contrib.yaml"
		}
		errs = append(errs, fmt.Errorf("%s lacks components %s: the benchmark needs them all; add them to %s and rebuild",
			bin, strings.Join(m, ", "), manifest))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, s := range specs {
		if err := validate(s); err != nil {
			return err
		}
		if s.name == "ours" && pprofOverlay != "" {
			if err := validate(s, pprofOverlay); err != nil {
				return err
			}
		}
	}
	return nil
}

// workloadInfo is what a workload's prepared requests hold, measured.
type workloadInfo struct {
	Profile         workload.Profile
	SpansPerRequest int
	BytesPerSpan    float64
	PIIShare        float64
}

func run(ctx context.Context, o options) error {
	if o.out == "" {
		return errors.New("-out is required (make bench passes BENCHMARKS.md)")
	}
	start := time.Now()
	// runtime.NumCPU counts only the CPUs this process may use (one).
	if n := machineCPUs(); n < 2 {
		return fmt.Errorf("need at least 2 CPUs (one for the collector, one for the generator), have %d", n)
	}
	if err := checkPinned(os.Getpid(), generatorCPU); err != nil {
		return fmt.Errorf("benchrun %w: run it under `taskset -c %d` (make bench does), the collectors get CPU %d", err, generatorCPU, collectorCPU)
	}
	var profiles []workload.Profile
	for _, name := range o.profiles {
		p, err := workload.ParseProfile(name)
		if err != nil {
			return err
		}
		profiles = append(profiles, p)
	}
	all := map[string]spec{
		"decode":  {name: "decode", bin: o.ours, config: filepath.Join(o.configs, "decode.yaml")},
		"forward": {name: "forward", bin: o.ours, config: filepath.Join(o.configs, "forward.yaml"), sink: true},
		"ours":    {name: "ours", bin: o.ours, config: filepath.Join(o.configs, "ours.yaml"), sink: true, llm: true},
		"contrib": {name: "contrib", bin: o.contrib, config: filepath.Join(o.configs, "contrib.yaml"), sink: true, llm: true},
	}
	var specs []spec
	for _, n := range collectorNames {
		if slices.Contains(o.collectors, n) {
			specs = append(specs, all[n])
		}
	}
	for _, n := range o.collectors {
		if _, ok := all[n]; !ok {
			return fmt.Errorf("unknown collector %q (want %s)", n, strings.Join(collectorNames, ", "))
		}
	}
	withOurs := slices.Contains(o.collectors, "ours")
	chat := spec{name: "ours", bin: o.ours, config: filepath.Join(o.configs, "chattrace.yaml"), sink: true}
	var profWorkload *workload.Profile
	pprofOverlay := ""
	if o.profileWorkload != "" && withOurs {
		p, err := workload.ParseProfile(o.profileWorkload)
		if err != nil {
			return fmt.Errorf("-profile-workload: %w", err)
		}
		profWorkload = &p
		pprofOverlay = filepath.Join(o.configs, "pprof.yaml")
	}

	toCheck := slices.Clone(specs)
	if withOurs {
		toCheck = append(toCheck, chat)
	}
	if err := preflight(toCheck, pprofOverlay); err != nil {
		return err
	}

	snk, err := sink.Start("127.0.0.1:0")
	if err != nil {
		return err
	}
	defer snk.Stop()
	h := &runner{
		ctx: ctx, sink: snk, workers: o.workers, stepDur: o.stepDur, fixedDur: o.fixedDur,
		reqs: map[workload.Profile][]*load.Request{},
		log: func(format string, args ...any) {
			fmt.Printf("%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
		},
	}
	var included []byte
	if o.include != "" {
		if included, err = os.ReadFile(o.include); err != nil {
			return fmt.Errorf("-include: %w", err)
		}
	}
	rep := &report{
		opts: o, start: start, specs: specs, included: strings.TrimSpace(string(included)),
		searches: map[workload.Profile]map[string]searchResult{}, fixed: map[string]step{},
		idle: map[string]uint64{},
	}
	prepare := func(p workload.Profile) (workloadInfo, error) {
		per := o.spansLLM
		if p.Kind == workload.KindTiny {
			per = o.spansTiny
		}
		reqs, stats, err := load.Prepare(p, 1, 64, per)
		if err != nil {
			return workloadInfo{}, err
		}
		h.reqs[p] = reqs
		return workloadInfo{Profile: p, SpansPerRequest: per, BytesPerSpan: load.BytesPerSpan(reqs), PIIShare: stats.PIIShare()}, nil
	}
	for _, p := range profiles {
		info, err := prepare(p)
		if err != nil {
			return err
		}
		rep.workloads = append(rep.workloads, info)
		h.log("workload %s: %d spans per request, %.0f bytes per span, PII in %.1f%% of prompts and answers",
			p, info.SpansPerRequest, info.BytesPerSpan, info.PIIShare*100)
	}

	// 1. Idle RSS, before any load.
	for _, s := range specs {
		c, err := startCollector(ctx, s, snk.Addr(), nil)
		if err != nil {
			return err
		}
		time.Sleep(3 * time.Second)
		mem, err := procfs.ReadMemory(c.pid)
		c.stop()
		if err != nil {
			return err
		}
		rep.idle[s.name] = mem.RSS
		h.log("idle: %s RSS %.1f MiB", s.name, mib(mem.RSS))
	}

	// 2. Maximum sustained rate, per workload and collector, over gRPC; or,
	// in development, CPU per span at one fixed rate.
	for _, p := range profiles {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if o.fixedOnly > 0 {
			for _, s := range specs {
				c, err := startCollector(ctx, s, snk.Addr(), nil)
				if err != nil {
					return err
				}
				rep.fixed[key(s.name, p)] = h.fixed(c, p, "grpc", o.fixedOnly)
				c.stop()
			}
			continue
		}
		warm := o.warmLLM
		if p.Kind == workload.KindTiny {
			warm = o.warmTiny
		}
		runs := map[string][]searchResult{}
		for _, s := range searchOrder(specs, o.repeatsFor(p)) {
			h.log("search %d: %s, %s, gRPC", len(runs[s.name])+1, s.name, p)
			res, err := h.search(s, p, "grpc", warm, o.precision, o.searchBudget, o.maxSteps)
			if err != nil {
				return err
			}
			runs[s.name] = append(runs[s.name], res)
		}
		rep.searches[p] = map[string]searchResult{}
		for name, r := range runs {
			rep.searches[p][name] = median(r)
		}
	}

	// 3. A CPU profile of ours at saturation.
	if profWorkload != nil && ctx.Err() == nil {
		rate := o.profileRate
		if rate == 0 {
			if sr, ok := rep.searches[*profWorkload]["ours"]; ok && sr.Best.OK {
				// Just under the median maximum: the core busy, the step
				// still sustained (a failing step would profile a backlog).
				rate = roundRate(profileShare * sr.Best.Rate)
			} else {
				rate = o.fixedOnly
			}
		}
		switch {
		case rate <= 0:
			rep.profileNote = fmt.Sprintf("not taken: no rate for %s (ours was not searched on it; pass -profile-rate)", *profWorkload)
		default:
			if _, ok := h.reqs[*profWorkload]; !ok {
				if _, err := prepare(*profWorkload); err != nil {
					return err
				}
			}
			h.log("profile: ours, %s at %.0f spans/s for %v", *profWorkload, rate, o.profileDur)
			pr, err := h.profileCollector(all["ours"], *profWorkload, rate, o.profileDur, pprofOverlay)
			if err != nil {
				rep.profileNote = "failed: " + err.Error()
				h.log("profile %s", rep.profileNote)
			}
			rep.profile = pr
			if pr != nil && o.profileOut != "" {
				if err := os.WriteFile(o.profileOut, pr.Raw, 0o644); err != nil {
					return err
				}
			}
		}
	}

	// 4. chat_trace ingest, from files and HTTP.
	if withOurs && o.fixedOnly == 0 && ctx.Err() == nil {
		h.log("chat_trace ingest")
		res, err := h.chatTrace(chat, o.chatSessions, o.chatTurns, 4, o.chatPushPath, o.chatTimeout)
		if err != nil {
			return err
		}
		rep.chat = res
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	rep.steps = h.steps
	rep.end = time.Now()
	md, failures := rep.markdown()
	if err := os.WriteFile(o.out, []byte(md), 0o644); err != nil {
		return err
	}
	h.log("wrote %s (%v)", o.out, rep.end.Sub(start).Round(time.Second))
	fmt.Print(rep.summary())
	if len(failures) > 0 && o.fixedOnly == 0 {
		return fmt.Errorf("measurement failures (see %s):\n  %s", o.out, strings.Join(failures, "\n  "))
	}
	return nil
}

// profileShare is the profile step's rate as a share of ours' median maximum.
const profileShare = 0.95

// repeats is how often each collector is searched on one workload.
type repeats struct{ each, contrib int }

func (o options) repeatsFor(p workload.Profile) repeats {
	if p.Kind == workload.KindTiny {
		return repeats{each: o.tinyRepeat, contrib: min(o.tinyRepeat, o.contribRepeat)}
	}
	return repeats{each: o.repeat, contrib: o.contribRepeat}
}

// searchOrder lists the maximum-rate searches of one workload in the order
// they run: rounds in which the ceilings and ours alternate, so a drift of
// the machine's speed during the run reaches all alike instead of whichever
// was searched last; contrib, an order of magnitude slower, is searched at
// the end of the first rounds only (r.contrib of them).
func searchOrder(specs []spec, r repeats) []spec {
	var order []spec
	for round := range max(1, r.each, r.contrib) {
		for _, s := range specs {
			if s.name != "contrib" && round < max(1, r.each) {
				order = append(order, s)
			}
		}
		for _, s := range specs {
			if s.name == "contrib" && round < max(1, r.contrib) {
				order = append(order, s)
			}
		}
	}
	return order
}

func key(collector string, p workload.Profile) string {
	return collector + "/" + p.String()
}

// roundRate rounds to two significant digits.
func roundRate(r float64) float64 {
	if r <= 0 {
		return 0
	}
	e := math.Pow(10, math.Floor(math.Log10(r))-1)
	return math.Max(e, math.Floor(r/e)*e)
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }
