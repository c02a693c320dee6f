// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package diskguardprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/diskguardprocessor"

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componentstatus"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/otel/metric"
	"go.uber.org/zap"

	"github.com/otelcol-llm/otelcol-llm/processor/diskguardprocessor/internal/diskspace"
	"github.com/otelcol-llm/otelcol-llm/processor/diskguardprocessor/internal/metadata"
)

// guards holds one guard per component ID: a disk_guard named in several
// pipelines measures its directory once and refuses in all of them at once.
var guards = struct {
	sync.Mutex
	byID map[component.ID]*guard
}{byID: map[component.ID]*guard{}}

// diskGuardProcessor is the disk_guard of one pipeline.
type diskGuardProcessor struct {
	g        *guard
	released atomic.Bool
}

func newDiskGuardProcessor(set processor.Settings, cfg *Config) (*diskGuardProcessor, error) {
	guards.Lock()
	defer guards.Unlock()
	g, ok := guards.byID[set.ID]
	if !ok {
		var err error
		if g, err = newGuard(set, cfg); err != nil {
			return nil, err
		}
		guards.byID[set.ID] = g
	}
	g.instances++
	return &diskGuardProcessor{g: g}, nil
}

func (p *diskGuardProcessor) start(_ context.Context, host component.Host) error {
	return p.g.start(p, host)
}

func (p *diskGuardProcessor) shutdown(context.Context) error {
	if !p.released.Swap(true) {
		p.g.release(p)
	}
	return nil
}

func (p *diskGuardProcessor) processTraces(ctx context.Context, td ptrace.Traces) (ptrace.Traces, error) {
	err := p.g.refusal()
	if err == nil {
		err = p.g.admit((&ptrace.ProtoMarshaler{}).TracesSize(td))
	}
	if err != nil {
		p.g.refused(ctx, td.SpanCount())
	}
	return td, err
}

func (p *diskGuardProcessor) processLogs(ctx context.Context, ld plog.Logs) (plog.Logs, error) {
	err := p.g.refusal()
	if err == nil {
		err = p.g.admit((&plog.ProtoMarshaler{}).LogsSize(ld))
	}
	if err != nil {
		p.g.refused(ctx, ld.LogRecordCount())
	}
	return ld, err
}

func (p *diskGuardProcessor) processMetrics(ctx context.Context, md pmetric.Metrics) (pmetric.Metrics, error) {
	err := p.g.refusal()
	if err == nil {
		err = p.g.admit((&pmetric.ProtoMarshaler{}).MetricsSize(md))
	}
	if err != nil {
		p.g.refused(ctx, md.DataPointCount())
	}
	return md, err
}

// guard measures one directory every check interval and holds the verdict
// every pipeline's disk_guard reads on each batch. Between two measurements
// it counts the bytes it lets through and refuses as soon as they would take
// the directory past a limit: data can arrive faster than a check interval
// (a gateway on a fast network writes its queue at 100 MiB/s and more), and
// a verdict from the last measurement alone would let that overshoot the
// margin.
type guard struct {
	id       component.ID
	dir      string
	limits   diskspace.Limits
	withUsed bool
	interval time.Duration
	logger   *zap.Logger
	tb       *metadata.TelemetryBuilder

	// refusing holds the error data is refused with; nil while there is room.
	refusing  atomic.Pointer[error]
	available atomic.Int64 // at the last measurement
	used      atomic.Int64 // at the last measurement
	// admitted is the encoded size of what was let through since the last
	// measurement.
	admitted atomic.Int64

	mu        sync.Mutex
	instances int // created and not yet shut down
	hosts     map[*diskGuardProcessor]component.Host
	stop      chan struct{}
	done      chan struct{}
}

func newGuard(set processor.Settings, cfg *Config) (*guard, error) {
	tb, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	g := &guard{
		id:  set.ID,
		dir: cfg.Directory,
		limits: diskspace.Limits{
			MinAvailable: uint64(cfg.MinFreeMiB) * diskspace.MiB, //nolint:gosec // validated non-negative
			MaxUsed:      uint64(cfg.MaxUsedMiB) * diskspace.MiB, //nolint:gosec // validated non-negative
		},
		withUsed: cfg.MaxUsedMiB > 0,
		interval: cfg.CheckInterval,
		logger:   set.Logger,
		tb:       tb,
		hosts:    map[*diskGuardProcessor]component.Host{},
	}
	err = errors.Join(
		tb.RegisterProcessorDiskGuardRefusingCallback(func(_ context.Context, o metric.Int64Observer) error {
			if g.refusal() != nil {
				o.Observe(1)
			} else {
				o.Observe(0)
			}
			return nil
		}),
		tb.RegisterProcessorDiskGuardAvailableBytesCallback(func(_ context.Context, o metric.Int64Observer) error {
			o.Observe(g.available.Load())
			return nil
		}),
		tb.RegisterProcessorDiskGuardUsedBytesCallback(func(_ context.Context, o metric.Int64Observer) error {
			if g.withUsed {
				o.Observe(g.used.Load())
			}
			return nil
		}),
	)
	if err != nil {
		tb.Shutdown()
		return nil, err
	}
	return g, nil
}

func (g *guard) refusal() error {
	if e := g.refusing.Load(); e != nil {
		return *e
	}
	return nil
}

// admit counts a batch of size encoded bytes (its protobuf encoding, what
// a persistent queue stores; the processors size a batch only while the
// guard admits data, so a refused one costs nothing) and refuses it if,
// with what was let through since the last measurement, the directory
// would be short of space.
func (g *guard) admit(size int) error {
	pending := g.admitted.Add(int64(size))
	u := diskspace.Usage{Available: uint64(g.available.Load()), Used: uint64(g.used.Load())} //nolint:gosec // stored from uint64, clamped
	if short, _ := g.limits.Short(g.dir, u, uint64(pending), false); !short {                //nolint:gosec // a sum of sizes
		return nil
	}
	// Refused, the batch stays counted until the next measurement: the
	// verdict is taken on the same sum.
	g.mu.Lock()
	defer g.mu.Unlock()
	if err := g.refusal(); err != nil {
		return err
	}
	g.apply(u, nil)
	return g.refusal()
}

func (g *guard) refused(ctx context.Context, items int) {
	g.tb.ProcessorDiskGuardRefusedItems.Add(ctx, int64(items))
}

// start registers one pipeline's processor; the first one measures the
// directory before any data flows and starts the periodic check.
func (g *guard) start(p *diskGuardProcessor, host component.Host) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, ok := g.hosts[p]; ok {
		return nil
	}
	if len(g.hosts) == 0 {
		u, err := diskspace.Measure(g.dir, g.withUsed)
		if err != nil {
			return fmt.Errorf("disk_guard: directory %q: %w", g.dir, err)
		}
		g.apply(u, nil)
		g.stop, g.done = make(chan struct{}), make(chan struct{})
		go g.loop(g.stop, g.done)
		g.logger.Info("Watching the storage directory",
			zap.String("directory", g.dir), zap.Uint64("available_bytes", u.Available), zap.Uint64("used_bytes", u.Used))
	}
	g.hosts[p] = host
	if err := g.refusal(); err != nil {
		componentstatus.ReportStatus(host, componentstatus.NewRecoverableErrorEvent(err))
	}
	return nil
}

// release unregisters one pipeline's processor (shut down, started or
// not); the last one stops the check and forgets the guard.
func (g *guard) release(p *diskGuardProcessor) {
	g.mu.Lock()
	_, started := g.hosts[p]
	delete(g.hosts, p)
	stop, done := g.stop, g.done
	last := started && len(g.hosts) == 0
	if last {
		g.stop, g.done = nil, nil
	}
	g.mu.Unlock()
	if last {
		close(stop)
		<-done
	}

	guards.Lock()
	defer guards.Unlock()
	g.instances--
	if g.instances == 0 {
		if guards.byID[g.id] == g {
			delete(guards.byID, g.id)
		}
		g.tb.Shutdown()
	}
}

func (g *guard) loop(stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(g.interval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			g.check()
		}
	}
}

// check measures the directory and applies the verdict.
func (g *guard) check() {
	// What was let through before the measurement is on disk or on its way
	// there; what arrives during it is counted on.
	before := g.admitted.Load()
	u, err := diskspace.Measure(g.dir, g.withUsed)
	if err != nil {
		g.tb.ProcessorDiskGuardCheckErrors.Add(context.Background(), 1)
	} else {
		g.admitted.Add(-before)
	}
	g.mu.Lock()
	g.apply(u, err)
	g.mu.Unlock()
}

// apply records a measurement and, when the verdict on it and on what was
// let through since changes, logs it once and reports it as the status of
// every pipeline's processor. Callers hold g.mu.
func (g *guard) apply(u diskspace.Usage, measureErr error) {
	var refuse error
	if measureErr != nil {
		refuse = fmt.Errorf("disk_guard: refusing data: cannot measure the storage directory: %w", measureErr)
	} else {
		g.available.Store(int64(min(u.Available, 1<<62))) //nolint:gosec // clamped
		g.used.Store(int64(min(u.Used, 1<<62)))           //nolint:gosec // clamped
		pending := uint64(max(g.admitted.Load(), 0))      //nolint:gosec // not negative
		if short, why := g.limits.Short(g.dir, u, pending, g.refusal() != nil); short {
			refuse = fmt.Errorf("disk_guard: refusing data: %s; retry later", why)
		}
	}
	was := g.refusal()
	switch {
	case refuse != nil:
		g.refusing.Store(&refuse)
		if was == nil {
			g.logger.Warn("Storage directory short of space: refusing new data (retryable) so the persistent queues can drain", zap.Error(refuse))
			for _, h := range g.hosts {
				componentstatus.ReportStatus(h, componentstatus.NewRecoverableErrorEvent(refuse))
			}
		}
	case was != nil:
		g.refusing.Store(nil)
		g.logger.Info("Storage directory has room again: accepting data", zap.String("directory", g.dir),
			zap.Uint64("available_bytes", u.Available), zap.Uint64("used_bytes", u.Used))
		for _, h := range g.hosts {
			componentstatus.ReportStatus(h, componentstatus.NewEvent(componentstatus.StatusOK))
		}
	}
}
