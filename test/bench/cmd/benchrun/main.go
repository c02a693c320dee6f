// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Command benchrun is the side-by-side benchmark run by `make bench`: it
// measures otelcol-llm's full LLM pipeline, the contrib equivalent and the
// bare OTLP ceiling on the same machine in the same run, each collector on
// one core, and writes the results to BENCHMARKS.md. See bench/README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/signal"
	"slices"
	"strconv"
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

type options struct {
	ours, contrib, configs, out, command string
	collectors, profiles                 []string
	stepDur, fixedDur, searchBudget      time.Duration
	precision, fixedFraction             float64
	maxSteps, workers, repeat            int
	warmTiny, warmLLM                    float64
	spansTiny, spansLLM                  int
	chatSessions, chatTurns              int
	chatPushPath                         string
	chatTimeout                          time.Duration
	fixedOnly                            float64
}

func main() {
	var o options
	var collectors, profiles string
	flag.StringVar(&o.ours, "ours", "_build/otelcol-llm", "otelcol-llm binary (runs ours.yaml, ceiling.yaml, chattrace.yaml)")
	flag.StringVar(&o.contrib, "contrib", "bench/_build-contrib/otelcol-contrib-bench", "contrib benchmark binary (runs contrib.yaml)")
	flag.StringVar(&o.configs, "configs", "bench/configs", "directory of the benchmark configs")
	flag.StringVar(&o.out, "out", "", "markdown report to write (required), e.g. BENCHMARKS.md")
	flag.StringVar(&o.command, "command", "", "command quoted in the report as the way to reproduce it (default: this command line)")
	flag.StringVar(&collectors, "collectors", "ceiling,contrib,ours", "collectors to measure; anything but all three marks the report partial")
	flag.StringVar(&profiles, "profiles", "llm,tiny", "load profiles")
	flag.DurationVar(&o.stepDur, "step", 4*time.Second, "duration of each search step")
	flag.DurationVar(&o.fixedDur, "fixed", 8*time.Second, "duration of each fixed-rate measurement")
	flag.DurationVar(&o.searchBudget, "search-budget", 60*time.Second, "time cap of each maximum-rate search")
	flag.IntVar(&o.maxSteps, "max-steps", 8, "step cap of each maximum-rate search")
	flag.IntVar(&o.repeat, "repeat", 3, "maximum-rate searches per profile for the ceiling and ours (the median is reported, with the range); contrib is searched once")
	flag.Float64Var(&o.precision, "precision", 0.05, "a search stops when failing/passing rate is at most 1+precision")
	flag.Float64Var(&o.fixedFraction, "fixed-fraction", 0.5, "fixed rate as a share of the lowest maximum sustained rate of the profile")
	flag.IntVar(&o.workers, "workers", 8, "requests in flight")
	flag.Float64Var(&o.warmTiny, "warm-tiny", 1000, "warm-up rate, tiny profile (spans/s)")
	flag.Float64Var(&o.warmLLM, "warm-llm", 100, "warm-up rate, llm profile (spans/s)")
	flag.IntVar(&o.spansTiny, "spans-tiny", 100, "spans per request, tiny profile")
	flag.IntVar(&o.spansLLM, "spans-llm", 50, "spans per request, llm profile")
	flag.IntVar(&o.chatSessions, "chat-sessions", 400, "chat_trace: sessions (files)")
	flag.IntVar(&o.chatTurns, "chat-turns", 8, "chat_trace: turns per session")
	flag.StringVar(&o.chatPushPath, "chat-push-path", "/v1/chat/turns", "chat_trace: HTTP push path")
	flag.DurationVar(&o.chatTimeout, "chat-timeout", 60*time.Second, "chat_trace: time cap of each ingest measurement")
	flag.Float64Var(&o.fixedOnly, "fixed-only", 0, "development: skip the maximum-rate searches and chat_trace, measure CPU per span at this rate only (partial report)")
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
	"ceiling": {"receivers/otlp", "exporters/nop", "extensions/health_check"},
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
		"extensions/health_check",
	},
}

// preflight fails unless every binary has the components its configs use
// and every config validates: nothing is skipped silently, a missing
// component stops the run before any measurement, naming what is missing.
func preflight(specs []spec) error {
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
			manifest = "bench/builder-contrib.yaml"
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
	}
	return nil
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
	if err := checkOwnAffinity(); err != nil {
		return err
	}
	var profiles []workload.Profile
	for _, p := range o.profiles {
		pr, err := workload.ParseProfile(p)
		if err != nil {
			return err
		}
		profiles = append(profiles, pr)
	}
	all := map[string]spec{
		"ceiling": {name: "ceiling", bin: o.ours, config: o.configs + "/ceiling.yaml"},
		"contrib": {name: "contrib", bin: o.contrib, config: o.configs + "/contrib.yaml", sink: true},
		"ours":    {name: "ours", bin: o.ours, config: o.configs + "/ours.yaml", sink: true},
	}
	var specs []spec
	for _, n := range o.collectors {
		s, ok := all[n]
		if !ok {
			return fmt.Errorf("unknown collector %q (want ceiling, contrib, ours)", n)
		}
		specs = append(specs, s)
	}
	withOurs := slices.Contains(o.collectors, "ours")
	chat := spec{name: "ours", bin: o.ours, config: o.configs + "/chattrace.yaml", sink: true}

	toCheck := slices.Clone(specs)
	if withOurs {
		toCheck = append(toCheck, chat)
	}
	if err := preflight(toCheck); err != nil {
		return err
	}

	snk, err := sink.Start("127.0.0.1:0")
	if err != nil {
		return err
	}
	defer snk.Stop()
	h := &harness{
		ctx: ctx, sink: snk, workers: o.workers, stepDur: o.stepDur, fixedDur: o.fixedDur,
		reqs: map[workload.Profile][]*load.Request{},
		log: func(format string, args ...any) {
			fmt.Printf("%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
		},
	}
	for _, p := range profiles {
		per := o.spansLLM
		if p == workload.Tiny {
			per = o.spansTiny
		}
		if h.reqs[p], err = load.Prepare(p, 1, 64, per); err != nil {
			return err
		}
	}

	rep := &report{
		opts: o, start: start, profiles: profiles, specs: specs,
		searches: map[workload.Profile]map[string]searchResult{}, fixed: map[string]step{},
		fixedRate: map[workload.Profile]float64{}, idle: map[string]uint64{},
	}

	// 1. Maximum sustained rate, per profile and collector, over gRPC.
	for _, p := range profiles {
		if o.fixedOnly > 0 {
			break
		}
		rep.searches[p] = map[string]searchResult{}
		warm := o.warmLLM
		if p == workload.Tiny {
			warm = o.warmTiny
		}
		runs := map[string][]searchResult{}
		for _, s := range searchOrder(specs, o.repeat) {
			h.log("search %d: %s, %s profile, gRPC", len(runs[s.name])+1, s.name, p)
			res, err := h.search(s, p, "grpc", warm, o.precision, o.searchBudget, o.maxSteps)
			if err != nil {
				return err
			}
			runs[s.name] = append(runs[s.name], res)
		}
		for name, r := range runs {
			rep.searches[p][name] = median(r)
		}
	}
	// 2. Fixed rate: half the lowest maximum of the profile, so every
	// collector sustains it; idle RSS before any load.
	for _, p := range profiles {
		lowest := math.Inf(1)
		for _, s := range specs {
			if b := rep.searches[p][s.name].Best; b.OK {
				lowest = min(lowest, b.Rate)
			} else {
				lowest = 0
			}
		}
		if lowest > 0 && !math.IsInf(lowest, 1) {
			rep.fixedRate[p] = roundRate(lowest * o.fixedFraction)
		}
		if o.fixedOnly > 0 {
			rep.fixedRate[p] = o.fixedOnly
		}
	}
	for _, s := range specs {
		c, err := startCollector(ctx, s, snk.Addr(), nil)
		if err != nil {
			return err
		}
		time.Sleep(3 * time.Second)
		mem, err := procfs.ReadMemory(c.pid)
		if err != nil {
			c.stop()
			return err
		}
		rep.idle[s.name] = mem.RSS
		h.log("idle: %s RSS %.1f MiB", s.name, mib(mem.RSS))
		for _, p := range profiles {
			r := rep.fixedRate[p]
			if r == 0 {
				continue
			}
			rep.fixed[key(s.name, p, "grpc")] = h.fixed(c, p, "grpc", r)
			if p == workload.LLM {
				rep.fixed[key(s.name, p, "http")] = h.fixed(c, p, "http", r)
			}
		}
		c.stop()
	}
	// 3. chat_trace ingest, from files and HTTP.
	if withOurs && o.fixedOnly == 0 {
		h.log("chat_trace ingest")
		res, err := h.chatTrace(chat, o.chatSessions, o.chatTurns, 4, o.chatPushPath, o.chatTimeout)
		if err != nil {
			return err
		}
		rep.chat = res
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

// searchOrder lists the maximum-rate searches of one profile in the order
// they run: repeat rounds in which the ceiling and ours alternate, so a
// drift of the machine's speed during the run reaches both alike instead of
// whichever was searched last, and contrib, two orders of magnitude slower
// and searched once because one search tells, after the first round.
func searchOrder(specs []spec, repeat int) []spec {
	var order, once []spec
	for round := range max(1, repeat) {
		for _, s := range specs {
			switch {
			case s.name != "contrib":
				order = append(order, s)
			case round == 0:
				once = append(once, s)
			}
		}
		if round == 0 {
			order = append(order, once...)
		}
	}
	return order
}

func key(collector string, p workload.Profile, proto string) string {
	return collector + "/" + string(p) + "/" + proto
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

// checkOwnAffinity requires the harness to run on the generator CPU only,
// so it never competes with the collector (make bench runs it under
// `taskset -c 0`).
func checkOwnAffinity() error {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "Cpus_allowed_list:"); ok {
			if strings.TrimSpace(v) != strconv.Itoa(generatorCPU) {
				return fmt.Errorf("benchrun runs on CPUs %q: run it under `taskset -c %d` (make bench does), the collectors get CPU %d",
					strings.TrimSpace(v), generatorCPU, collectorCPU)
			}
			return nil
		}
	}
	return errors.New("no Cpus_allowed_list in /proc/self/status")
}
