// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package main

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/load"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/procfs"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/sink"
	"github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"
)

// step is one constant-rate measurement against one collector.
type step struct {
	Collector string
	Profile   workload.Profile
	Proto     string
	Phase     string // warmup, probe, search, fixed or profile
	Rate      float64
	Send      load.Result
	// Accepted and Refused are deltas of the collector's own receiver
	// counters; Received is what the sink got (-1 without a sink).
	Accepted, Refused, Failed float64
	Received                  int64
	Malformed                 int64
	// DrainTime is how long after the last send the sink took to receive
	// everything (exports are batched, so at least the batch timeout).
	DrainTime time.Duration
	CPU       time.Duration
	PeakRSS   uint64
	// P99 is the p99 latency from send to sink, or the request round trip
	// when there is no sink.
	P99 time.Duration
	// GenCPU is the harness's own CPU share of one core while sending: a
	// value near 1 means the generator, not the collector, was the limit.
	GenCPU float64
	OK     bool
	Reason string
}

// cpuMicros is the step's CPU-µs per span sent (0 when it sent none).
func (s step) cpuMicros() float64 {
	if s.Send.Spans == 0 {
		return 0
	}
	return s.CPU.Seconds() / float64(s.Send.Spans) * 1e6
}

// Drain and pass criteria.
const (
	// drainLimit bounds how long after the last send every span must have
	// reached the sink: a collector that is still exporting backlog after
	// this did not sustain the rate, even if nothing is lost in the end.
	drainLimit = 2 * time.Second
	// settle is how long the sink is watched after the counts matched, to
	// catch duplicates (retried exports).
	settle = 300 * time.Millisecond
	// minAchieved is the share of the target rate that must be delivered.
	minAchieved = 0.97
)

type runner struct {
	ctx      context.Context
	sink     *sink.Sink
	workers  int
	stepDur  time.Duration
	fixedDur time.Duration
	reqs     map[workload.Profile][]*load.Request
	log      func(format string, args ...any)
	steps    []step
}

func (h *runner) target(c *collector, proto string) (load.Target, error) {
	if proto == "http" {
		return load.NewHTTP("http://"+c.httpAddr+"/v1/traces", h.workers), nil
	}
	return load.NewGRPC(c.grpcAddr)
}

// runStep sends at rate for dur and checks, in this order, that every
// request was acknowledged, the target rate was reached, the collector
// accepted exactly what was sent and refused nothing, and (with a sink) the
// sink received exactly what was sent within drainLimit.
func (h *runner) runStep(c *collector, p workload.Profile, proto, phase string, rate float64, dur time.Duration) step {
	s := step{Collector: c.spec.name, Profile: p, Proto: proto, Phase: phase, Rate: rate, Received: -1}
	fail := func(format string, args ...any) step {
		s.OK, s.Reason = false, fmt.Sprintf(format, args...)
		h.record(s)
		return s
	}
	t, err := h.target(c, proto)
	if err != nil {
		return fail("client: %v", err)
	}
	defer t.Close()

	before, err := c.scrape(h.ctx)
	if err != nil {
		return fail("scrape before: %v", err)
	}
	h.sink.Reset()
	if err := procfs.ResetPeak(c.pid); err != nil {
		return fail("reset peak RSS: %v", err)
	}
	cpu0, err := c.cpu()
	if err != nil {
		return fail("cpu: %v", err)
	}
	self0, _ := procfs.CPUTime(os.Getpid())
	wall0 := time.Now()

	s.Send = load.Run(h.ctx, t, h.reqs[p], load.Options{
		Rate: rate, Duration: dur, Workers: h.workers,
		RequestTimeout: 5 * time.Second, MaxLag: max(500*time.Millisecond, dur/5),
	})
	sendEnd := time.Now()
	self1, _ := procfs.CPUTime(os.Getpid())
	s.GenCPU = (self1 - self0).Seconds() / sendEnd.Sub(wall0).Seconds()

	if c.spec.sink {
		limit := drainLimit
		if phase == "probe" {
			limit = 0 // the probe overloads on purpose; do not wait
		}
		deadline := sendEnd.Add(limit)
		for h.sink.Counts().Spans < s.Send.Spans && time.Now().Before(deadline) && c.alive() {
			time.Sleep(10 * time.Millisecond)
		}
		s.DrainTime = time.Since(sendEnd)
		time.Sleep(settle)
		cnt := h.sink.Counts()
		s.Received, s.Malformed = cnt.Spans, cnt.Malformed
		if q, ok := h.sink.Quantile(0.99); ok {
			s.P99 = q
		}
	} else {
		s.P99 = s.Send.RTTp99
	}
	if !c.alive() {
		return fail("collector exited:\n%s", tail(c.Output(), 2000))
	}
	cpu1, err := c.cpu()
	if err != nil {
		return fail("cpu: %v", err)
	}
	s.CPU = cpu1 - cpu0
	mem, err := procfs.ReadMemory(c.pid)
	if err != nil {
		return fail("memory: %v", err)
	}
	s.PeakRSS = mem.Peak
	after, err := c.scrape(h.ctx)
	if err != nil {
		return fail("scrape after: %v", err)
	}
	s.Accepted = after.accepted - before.accepted
	s.Refused = after.refused - before.refused
	s.Failed = after.failed - before.failed

	switch {
	case s.Send.FailedRequests > 0:
		return fail("%d of %d requests failed (first: %s)", s.Send.FailedRequests, s.Send.FailedRequests+s.Send.Requests, s.Send.FirstError)
	case s.Send.Aborted:
		return fail("schedule fell %v behind: the collector did not keep up", s.Send.Lag.Round(time.Millisecond))
	case s.Send.Achieved < minAchieved*rate:
		return fail("achieved %.0f spans/s, below %.0f%% of the target", s.Send.Achieved, minAchieved*100)
	case s.Refused != 0 || s.Failed != 0:
		return fail("collector refused %.0f and failed %.0f spans", s.Refused, s.Failed)
	case s.Accepted != float64(s.Send.Spans):
		return fail("sent %d spans, collector accepted %.0f", s.Send.Spans, s.Accepted)
	case s.Malformed != 0:
		return fail("sink got %d malformed exports", s.Malformed)
	case c.spec.sink && s.Received != s.Send.Spans:
		return fail("sent %d spans, sink received %d within %v", s.Send.Spans, s.Received, drainLimit)
	}
	s.OK = true
	h.record(s)
	return s
}

func (h *runner) record(s step) {
	h.steps = append(h.steps, s)
	verdict := "ok"
	if !s.OK {
		verdict = "FAIL: " + s.Reason
	}
	h.log("  %-7s %-4s %-4s %-6s target %8.0f/s  achieved %8.0f/s  sent %8d  accepted %8.0f  received %8d  cpu %6.2fs  gen %3.0f%%  %s",
		s.Collector, s.Profile, s.Proto, s.Phase, s.Rate, s.Send.Achieved, s.Send.Spans, s.Accepted, s.Received, s.CPU.Seconds(), s.GenCPU*100, firstLine(verdict))
}

// searchResult is the outcome of a search for the maximum sustained rate.
type searchResult struct {
	// Estimate is the throughput measured at saturation by the probe.
	Estimate float64
	Best     step // highest passing step (OK false when none passed)
	// Upper is the lowest failing rate above Best (0 when none failed).
	Upper float64
	// GenBound is set when the generator saturated its core on the failing
	// step above Best: the collector's true maximum may be higher.
	GenBound bool
	// Unbounded is set when every step passed: the search ran out of steps
	// or time before it found a rate the collector does not sustain, so
	// its maximum is a lower bound.
	Unbounded bool
	Steps     int
	// Maxima holds the maximum of every repeated search, in run order; the
	// result is the median run (PeakRSS: the highest of all runs).
	Maxima []float64
	// Peaks holds the peak RSS at the maximum of every repeated search that
	// sustained a rate, in run order.
	Peaks []uint64
	// Micros holds the CPU-µs per span of the step at the maximum of every
	// repeated search that sustained a rate, in run order.
	Micros []float64
	// Check describes what the pipeline did to a sample (llm profile).
	Check string
}

// median returns the run with the median maximum (runs without a passing
// step count as 0), with Maxima set and PeakRSS the highest over the runs'
// maxima, so the memory figure is the worst seen, not a typical one.
func median(runs []searchResult) searchResult {
	if len(runs) == 0 {
		return searchResult{}
	}
	rate := func(r searchResult) float64 {
		if r.Best.OK {
			return r.Best.Rate
		}
		return 0
	}
	sorted := slices.Clone(runs)
	slices.SortStableFunc(sorted, func(a, b searchResult) int { return cmp.Compare(rate(a), rate(b)) })
	res := sorted[(len(sorted)-1)/2]
	res.Maxima, res.Peaks, res.Micros = nil, nil, nil
	for _, r := range runs {
		res.Maxima = append(res.Maxima, rate(r))
		if r.Best.OK {
			res.Peaks = append(res.Peaks, r.Best.PeakRSS)
			if r.Best.Send.Spans > 0 {
				res.Micros = append(res.Micros, r.Best.cpuMicros())
			}
		}
		if res.Check == "" {
			res.Check = r.Check
		}
	}
	if res.Best.OK {
		res.Best.PeakRSS = slices.Max(res.Peaks)
	}
	return res
}

// probeRate is far above what any collector takes: the probe step measures
// throughput with every request slot busy.
const probeRate = 1e7

// search finds the highest rate the collector sustains with zero loss. A
// short probe at saturation estimates the capacity; steps then start at 90%
// of it, move by factors of 1.2 until the outcome flips, and bisect
// geometrically until failing/passing is within 1+precision (or the step
// count or time budget runs out). The collector is restarted after every
// failing step, so each step starts from a clean state.
func (h *runner) search(s spec, p workload.Profile, proto string, warmRate, precision float64, budget time.Duration, maxSteps int) (searchResult, error) {
	var res searchResult
	c, err := startCollector(h.ctx, s, h.sink.Addr(), nil)
	if err != nil {
		return res, err
	}
	defer func() { c.stop() }()
	restart := func() error {
		c.stop()
		c, err = startCollector(h.ctx, s, h.sink.Addr(), nil)
		return err
	}
	// Warm-up at a low rate: the pipeline works end to end (connections,
	// pools and first allocations are made outside the measured steps).
	w := h.runStep(c, p, proto, "warmup", warmRate, time.Second)
	if w.Send.FailedRequests > 0 || w.Send.Spans == 0 || (s.sink && w.Received != w.Send.Spans) {
		return res, fmt.Errorf("%s: warm-up at %.0f spans/s failed: %s", s.name, warmRate, w.Reason)
	}
	if s.llm && p.Kind == workload.KindLLM {
		pc, err := checkSample(h.sink.Sample())
		if err != nil {
			return res, fmt.Errorf("%s: decode the sink's sample: %w", s.name, err)
		}
		h.log("  %s pipeline check: %v", s.name, pc)
		// A pipeline that prices nothing, or redacts nothing where most
		// texts carry PII, is misconfigured, and its speed would compare
		// nothing; partial work is reported as measured.
		if pc.Inference == 0 || pc.Priced == 0 {
			return res, fmt.Errorf("%s: the pipeline does not price the llm profile's calls (%v): check %s", s.name, pc, s.config)
		}
		if p.PII >= 0.5 && pc.Redacted == 0 {
			return res, fmt.Errorf("%s: the pipeline redacts nothing in %s (%v): check %s", s.name, p, pc, s.config)
		}
		res.Check = pc.String()
	}
	probe := h.runStep(c, p, proto, "probe", probeRate, 2*time.Second)
	res.Estimate = probe.Send.Achieved
	if err := restart(); err != nil {
		return res, err
	}
	if res.Estimate <= 0 {
		return res, fmt.Errorf("%s: probe delivered nothing: %s", s.name, probe.Reason)
	}

	deadline := time.Now().Add(budget)
	lo, hi := 0.0, math.Inf(1)
	rate := roundRate(0.9 * res.Estimate)
	for res.Steps < maxSteps && time.Now().Before(deadline) && h.ctx.Err() == nil {
		st := h.runStep(c, p, proto, "search", rate, h.stepDur)
		res.Steps++
		if st.OK {
			lo, res.Best = rate, st
		} else {
			hi, res.Upper, res.GenBound = rate, rate, st.GenCPU > 0.9
			if err := restart(); err != nil {
				return res, err
			}
		}
		switch {
		case hi/lo <= 1+precision:
			return res, nil
		case math.IsInf(hi, 1):
			rate = nextUp(rate, st)
		case lo == 0:
			rate = math.Round(rate / 1.2)
			if rate < 1 {
				return res, nil
			}
		default:
			rate = math.Round(math.Sqrt(lo * hi))
		}
	}
	res.Unbounded = math.IsInf(hi, 1) && res.Best.OK
	return res, nil
}

// nextUp is the next rate to try after st passed with no failure yet: 1.2×,
// or, when the collector used well under a core (a probe that
// underestimated, say on a machine that was busy for a moment), the rate
// its CPU use says a core would carry, less 10%.
func nextUp(rate float64, st step) float64 {
	next := rate * 1.2
	if st.Send.Elapsed > 0 {
		if u := st.CPU.Seconds() / st.Send.Elapsed.Seconds(); u > 0 && u < 0.75 {
			next = max(next, roundRate(rate*0.9/u))
		}
	}
	return math.Round(next)
}

// fixed measures at a rate every collector sustains: CPU per span, latency,
// peak RSS and, once more, zero loss.
func (h *runner) fixed(c *collector, p workload.Profile, proto string, rate float64) step {
	h.runStep(c, p, proto, "warmup", rate, time.Second)
	return h.runStep(c, p, proto, "fixed", rate, h.fixedDur)
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
