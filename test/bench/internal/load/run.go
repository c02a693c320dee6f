// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package load // import "github.com/otelcol-llm/otelcol-llm/test/bench/internal/load"

import (
	"context"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Options of one constant-rate run.
type Options struct {
	// Rate is the target in spans per second.
	Rate float64
	// Duration is how long requests are scheduled.
	Duration time.Duration
	// Workers bounds the requests in flight.
	Workers int
	// RequestTimeout bounds each send.
	RequestTimeout time.Duration
	// MaxLag aborts the run when the schedule falls this far behind (the
	// target is not keeping up); 0 never aborts.
	MaxLag time.Duration
}

// Result of one run.
type Result struct {
	Target   float64
	Duration time.Duration
	// Requests and Spans were sent and acknowledged with success; Failed*
	// were answered with an error (refused, timed out, unreachable).
	Requests, Spans             int64
	FailedRequests, FailedSpans int64
	FirstError                  string
	// Elapsed runs from the first send to the last answer.
	Elapsed time.Duration
	// Achieved is Spans / Elapsed.
	Achieved float64
	// Lag is how far behind schedule the last request left; Aborted is set
	// when it exceeded Options.MaxLag.
	Lag     time.Duration
	Aborted bool
	// RTTp50 and RTTp99 are request round-trip times.
	RTTp50, RTTp99 time.Duration
}

var seq atomic.Uint64

// Run sends reqs round-robin to t at opt.Rate spans/s for opt.Duration.
// Requests are scheduled open-loop: when the target answers slowly every
// worker is busy, the schedule slips, and the achieved rate falls below the
// target, which the caller treats as not sustained.
func Run(ctx context.Context, t Target, reqs []*Request, opt Options) Result {
	res := Result{Target: opt.Rate, Duration: opt.Duration}
	if len(reqs) == 0 || opt.Rate <= 0 {
		return res
	}
	per := reqs[0].Spans
	interval := time.Duration(float64(time.Second) * float64(per) / opt.Rate)
	n := int(math.Ceil(opt.Rate * opt.Duration.Seconds() / float64(per)))

	free := make(chan *Request, len(reqs))
	for _, r := range reqs {
		free <- r
	}
	jobs := make(chan *Request)
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		rtts    = make([]time.Duration, 0, n)
		lastEnd time.Time
	)
	for range max(opt.Workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range jobs {
				sctx, cancel := context.WithTimeout(ctx, opt.RequestTimeout)
				start := time.Now()
				r.Stamp(start, seq.Add(1))
				err := t.Send(sctx, r.Body)
				end := time.Now()
				cancel()
				mu.Lock()
				if err != nil {
					res.FailedRequests++
					res.FailedSpans += int64(r.Spans)
					if res.FirstError == "" {
						res.FirstError = err.Error()
					}
				} else {
					res.Requests++
					res.Spans += int64(r.Spans)
					rtts = append(rtts, end.Sub(start))
				}
				lastEnd = end
				mu.Unlock()
				free <- r
			}
		}()
	}

	t0 := time.Now()
	dispatched := 0
	for i := 0; i < n && ctx.Err() == nil; i++ {
		due := t0.Add(time.Duration(i) * interval)
		// A run lasts Duration: a target that answers too slowly gets fewer
		// requests, never a longer run.
		if due.Sub(t0) >= opt.Duration || time.Since(t0) >= opt.Duration {
			break
		}
		if d := time.Until(due); d > 0 {
			time.Sleep(d)
		}
		r := <-free
		jobs <- r
		dispatched++
		res.Lag = time.Since(due)
		if opt.MaxLag > 0 && res.Lag > opt.MaxLag {
			res.Aborted = true
			break
		}
	}
	close(jobs)
	wg.Wait()

	if !lastEnd.IsZero() {
		res.Elapsed = lastEnd.Sub(t0)
		// A run that kept up ends one round trip after its last due time,
		// so the rate is measured over the scheduled time when that is
		// longer than the elapsed time.
		span := max(res.Elapsed, time.Duration(dispatched)*interval)
		res.Achieved = float64(res.Spans) / span.Seconds()
	}
	if len(rtts) > 0 {
		slices.Sort(rtts)
		res.RTTp50 = rtts[len(rtts)*50/100]
		res.RTTp99 = rtts[min(len(rtts)-1, len(rtts)*99/100)]
	}
	return res
}
