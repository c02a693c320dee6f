// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package diskguardprocessor

import (
	"context"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componentstatus"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-llm/otelcol-llm/processor/diskguardprocessor/internal/metadatatest"
)

// statusHost records the component status events reported through it.
type statusHost struct {
	component.Host
	mu     sync.Mutex
	events []*componentstatus.Event
}

func newStatusHost() *statusHost { return &statusHost{Host: componenttest.NewNopHost()} }

func (h *statusHost) Report(ev *componentstatus.Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.events = append(h.events, ev)
}

func (h *statusHost) statuses() []componentstatus.Status {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []componentstatus.Status
	for _, e := range h.events {
		out = append(out, e.Status())
	}
	return out
}

func spans(n int) ptrace.Traces {
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty()
	for range n {
		ss.Spans().AppendEmpty().SetName("chat")
	}
	return td
}

func logs(n int) plog.Logs {
	ld := plog.NewLogs()
	sl := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty()
	for range n {
		sl.LogRecords().AppendEmpty().Body().SetStr("turn")
	}
	return ld
}

func points(n int) pmetric.Metrics {
	md := pmetric.NewMetrics()
	m := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	m.SetName("m")
	for range n {
		m.SetEmptyGauge().DataPoints().AppendEmpty().SetIntValue(1)
	}
	return md
}

func fill(t *testing.T, path string, size int) {
	t.Helper()
	b := make([]byte, size)
	_, _ = rand.Read(b)
	require.NoError(t, os.WriteFile(path, b, 0o600))
}

// TestRefusesWhileTheDirectoryIsOverItsLimit: a directory over max_used_mib
// makes every pipeline's disk_guard refuse with a retryable error, count
// the refused items and report a recoverable error; once the files are gone
// data flows again and the status returns to OK.
func TestRefusesWhileTheDirectoryIsOverItsLimit(t *testing.T) {
	dir := t.TempDir()
	cfg := &Config{Directory: dir, MaxUsedMiB: 1, CheckInterval: 10 * time.Millisecond}
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	set := metadatatest.NewSettings(tel)

	traceSink, logSink, metricSink := new(consumertest.TracesSink), new(consumertest.LogsSink), new(consumertest.MetricsSink)
	tp, err := createTraces(context.Background(), set, cfg, traceSink)
	require.NoError(t, err)
	lp, err := createLogs(context.Background(), set, cfg, logSink)
	require.NoError(t, err)
	mp, err := createMetrics(context.Background(), set, cfg, metricSink)
	require.NoError(t, err)
	hosts := []*statusHost{newStatusHost(), newStatusHost(), newStatusHost()}
	for i, c := range []component.Component{tp, lp, mp} {
		require.NoError(t, c.Start(context.Background(), hosts[i]))
	}
	defer func() {
		for _, c := range []component.Component{tp, lp, mp} {
			require.NoError(t, c.Shutdown(context.Background()))
		}
	}()

	require.NoError(t, tp.ConsumeTraces(context.Background(), spans(3)), "an empty directory has room")
	assert.Equal(t, 3, traceSink.SpanCount())

	fill(t, filepath.Join(dir, "exporter_otlp_grpc_traces"), 2<<20)
	guards.Lock()
	g := guards.byID[set.ID]
	guards.Unlock()
	require.Eventually(t, func() bool { return g.refusal() != nil }, 5*time.Second, 5*time.Millisecond,
		"2 MiB in a directory limited to 1 MiB must be refused")
	refuse := tp.ConsumeTraces(context.Background(), spans(5))
	require.Error(t, refuse)
	assert.False(t, consumererror.IsPermanent(refuse), "the refusal must be retryable")
	assert.Contains(t, refuse.Error(), "above max_used_mib 1")
	assert.Contains(t, refuse.Error(), dir)
	assert.Error(t, lp.ConsumeLogs(context.Background(), logs(7)), "the logs pipeline refuses too")
	assert.Error(t, mp.ConsumeMetrics(context.Background(), points(1)), "and the metrics pipeline")
	assert.Equal(t, 3, traceSink.SpanCount(), "nothing refused reaches the next consumer")
	assert.Zero(t, logSink.LogRecordCount())
	for i, h := range hosts {
		assert.Contains(t, h.statuses(), componentstatus.StatusRecoverableError, "pipeline %d reports the refusal", i)
	}
	metadatatest.AssertEqualProcessorDiskGuardRefusedItems(t, tel, []metricdata.DataPoint[int64]{{Value: 5 + 7 + 1}}, metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualProcessorDiskGuardRefusing(t, tel, []metricdata.DataPoint[int64]{{Value: 1}}, metricdatatest.IgnoreTimestamp())
	used, err := tel.GetMetric("otelcol_processor_disk_guard_used_bytes")
	require.NoError(t, err)
	assert.GreaterOrEqual(t, used.Data.(metricdata.Gauge[int64]).DataPoints[0].Value, int64(2<<20))

	require.NoError(t, os.Remove(filepath.Join(dir, "exporter_otlp_grpc_traces")))
	require.Eventually(t, func() bool {
		return tp.ConsumeTraces(context.Background(), spans(2)) == nil
	}, 5*time.Second, 5*time.Millisecond, "room again: data is accepted")
	assert.NoError(t, lp.ConsumeLogs(context.Background(), logs(1)))
	for i, h := range hosts {
		st := h.statuses()
		assert.Equal(t, componentstatus.StatusOK, st[len(st)-1], "pipeline %d reports OK again", i)
	}
	metadatatest.AssertEqualProcessorDiskGuardRefusing(t, tel, []metricdata.DataPoint[int64]{{Value: 0}}, metricdatatest.IgnoreTimestamp())
}

// startTraces starts a traces disk_guard into a sink, reporting its status
// to the host returned; the test's cleanup shuts it down.
func startTraces(t *testing.T, set processor.Settings, cfg *Config) (processor.Traces, *consumertest.TracesSink, *statusHost) {
	t.Helper()
	sink := new(consumertest.TracesSink)
	tp, err := createTraces(context.Background(), set, cfg, sink)
	require.NoError(t, err)
	host := newStatusHost()
	require.NoError(t, tp.Start(context.Background(), host))
	t.Cleanup(func() { require.NoError(t, tp.Shutdown(context.Background())) })
	return tp, sink, host
}

// bigSpans is one batch of n spans whose names take about size bytes each.
func bigSpans(n, size int) ptrace.Traces {
	td := spans(n)
	name := strings.Repeat("x", size)
	for i := range n {
		td.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(i).SetName(name)
	}
	return td
}

// TestCountsWhatItLetsThroughBetweenChecks: data arriving faster than the
// check interval is refused as soon as what was let through since the last
// measurement would take the directory past its limit, not one measurement
// later; the next measurement (nothing was written here) lets data in again.
func TestCountsWhatItLetsThroughBetweenChecks(t *testing.T) {
	cfg := &Config{Directory: t.TempDir(), MaxUsedMiB: 1, CheckInterval: time.Hour}
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	set := metadatatest.NewSettings(tel)
	tp, sink, host := startTraces(t, set, cfg)

	batch := bigSpans(10, 30<<10) // about 300 KiB encoded
	size := (&ptrace.ProtoMarshaler{}).TracesSize(batch)
	require.InDelta(t, 300<<10, size, 4<<10)
	for i := range 3 {
		require.NoError(t, tp.ConsumeTraces(context.Background(), bigSpans(10, 30<<10)), "batch %d: %d KiB so far", i, (i+1)*size>>10)
	}
	err := tp.ConsumeTraces(context.Background(), bigSpans(10, 30<<10))
	require.Error(t, err, "a fourth 300 KiB batch would take an empty directory past max_used_mib 1 before the next check")
	assert.False(t, consumererror.IsPermanent(err))
	assert.Contains(t, err.Error(), "accepted since the last check are written, above max_used_mib 1")
	assert.Error(t, tp.ConsumeTraces(context.Background(), spans(1)), "refusing until the next measurement")
	assert.Equal(t, 30, sink.SpanCount())
	assert.Equal(t, []componentstatus.Status{componentstatus.StatusRecoverableError}, host.statuses())
	metadatatest.AssertEqualProcessorDiskGuardRefusedItems(t, tel, []metricdata.DataPoint[int64]{{Value: 10 + 1}}, metricdatatest.IgnoreTimestamp())

	guards.Lock()
	g := guards.byID[set.ID]
	guards.Unlock()
	g.check()
	require.NoError(t, tp.ConsumeTraces(context.Background(), batch), "the measurement finds the directory empty: what was let through was not written here")
	assert.Equal(t, componentstatus.StatusOK, host.statuses()[len(host.statuses())-1])
}

// TestRefusesBelowMinimumFreeSpace: a min_free_mib above what the
// filesystem has refuses from the first batch on (the check at start-up
// runs before any data), and a pipeline started later learns the status.
func TestRefusesBelowMinimumFreeSpace(t *testing.T) {
	dir := t.TempDir()
	cfg := &Config{Directory: dir, MinFreeMiB: 1 << 40, CheckInterval: time.Hour} // 1 EiB
	tp, sink, host := startTraces(t, metadatatest.NewSettings(componenttest.NewTelemetry()), cfg)

	err := tp.ConsumeTraces(context.Background(), spans(1))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "below min_free_mib 1099511627776")
	assert.Equal(t, []componentstatus.Status{componentstatus.StatusRecoverableError}, host.statuses())
	assert.Zero(t, sink.SpanCount())
}

func TestStartFailsOnAMissingDirectory(t *testing.T) {
	cfg := &Config{Directory: filepath.Join(t.TempDir(), "absent"), MinFreeMiB: 1, CheckInterval: time.Second}
	tp, err := createTraces(context.Background(), metadatatest.NewSettings(componenttest.NewTelemetry()), cfg, consumertest.NewNop())
	require.NoError(t, err)
	err = tp.Start(context.Background(), componenttest.NewNopHost())
	require.Error(t, err)
	assert.Contains(t, err.Error(), `disk_guard: directory "`)
	assert.Contains(t, err.Error(), "absent")
	require.NoError(t, tp.Shutdown(context.Background()))
}

// TestGuardIsSharedAndReleased: pipelines share one guard per component ID,
// and shutting all of them down forgets it (a reloaded config starts fresh).
func TestGuardIsSharedAndReleased(t *testing.T) {
	cfg := &Config{Directory: t.TempDir(), MinFreeMiB: 1, CheckInterval: time.Second}
	set := metadatatest.NewSettings(componenttest.NewTelemetry())
	a, err := newDiskGuardProcessor(set, cfg)
	require.NoError(t, err)
	b, err := newDiskGuardProcessor(set, cfg)
	require.NoError(t, err)
	assert.Same(t, a.g, b.g)
	require.NoError(t, a.start(context.Background(), componenttest.NewNopHost()))
	require.NoError(t, b.start(context.Background(), componenttest.NewNopHost()))
	require.NoError(t, a.shutdown(context.Background()))
	require.NoError(t, a.shutdown(context.Background()), "a second shutdown is harmless")
	guards.Lock()
	_, still := guards.byID[set.ID]
	guards.Unlock()
	assert.True(t, still, "b still uses it")
	require.NoError(t, b.shutdown(context.Background()))
	guards.Lock()
	_, still = guards.byID[set.ID]
	guards.Unlock()
	assert.False(t, still)
}
