// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/open-telemetry/opentelemetry-collector-contrib/extension/storage/filestorage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/collector/extension/extensiontest"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/metadata"
)

const (
	welcome   = `{"role": "assistant", "content": "Hi! How can I help?", "tool_calls": null}`
	userMsg   = `{"role": "user", "content": "question %d", "tool_calls": null}`
	assistant = `{"role": "assistant", "content": "answer", "tool_calls": null, "trace": {"payload": "p", "response": "answer", "error": null, "agent_name": "A", "agent_type": "agent", "telemetry": {"model": "gpt-4o-mini", "stream_result": "ok", "latency_ms": 100.0, "used_fallback": false}}}`
)

// history renders a HALO-style history with a welcome message and n turns,
// pretty-printed the way HALO Core writes it.
func history(n int) []byte {
	s := "[\n  " + welcome
	for i := range n {
		s += ",\n  " + fmt.Sprintf(userMsg, i) + ",\n  " + assistant
	}
	return []byte(s + "\n]")
}

// write writes a file and moves its modification time forward, so that
// each write is seen as a change even on coarse-grained file systems.
func write(t *testing.T, path string, data []byte) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, data, 0o600))
	writes++
	mt := time.Date(2026, 1, 1, 0, 0, writes, 0, time.UTC)
	require.NoError(t, os.Chtimes(path, mt, mt))
}

var writes int

func fileConfig(dir string) *Config {
	cfg := defaultConfig()
	cfg.Include = []string{filepath.Join(dir, "*.json")}
	cfg.StartAt = startAtBeginning
	return cfg
}

func rootNames(td []ptrace.Traces) []string {
	var names []string
	for _, t := range td {
		spans := t.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		for i := 0; i < spans.Len(); i++ {
			if spans.At(i).ParentSpanID().IsEmpty() {
				names = append(names, spans.At(i).TraceID().String())
			}
		}
	}
	return names
}

func TestFilesEachTurnOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s1.json")
	write(t, path, history(1))
	r, ts, ls := newTestReceiver(t, fileConfig(dir))
	p := newFilePoller(r, nil)
	ctx := context.Background()

	p.poll(ctx)
	require.Len(t, rootNames(ts.AllTraces()), 1)
	assert.Equal(t, 1, ls.LogRecordCount())

	p.poll(ctx) // unchanged: not read again
	assert.Len(t, rootNames(ts.AllTraces()), 1)

	write(t, path, history(3)) // two more turns
	p.poll(ctx)
	ids := rootNames(ts.AllTraces())
	require.Len(t, ids, 3)
	assert.Equal(t, 3, ls.LogRecordCount())

	// The same file rewritten with identical content (new mtime): nothing new.
	write(t, path, history(3))
	p.poll(ctx)
	assert.Len(t, rootNames(ts.AllTraces()), 3)

	// Re-reading the same turns from scratch gives the same IDs.
	r2, ts2, _ := newTestReceiver(t, fileConfig(dir))
	newFilePoller(r2, nil).poll(ctx)
	assert.ElementsMatch(t, ids, rootNames(ts2.AllTraces()))
}

// TestFilesOnlyChangedAreRead: with many sessions on disk, a poll reads
// only the files whose size or modification time changed.
func TestFilesOnlyChangedAreRead(t *testing.T) {
	dir := t.TempDir()
	for i := range 200 {
		write(t, filepath.Join(dir, fmt.Sprintf("s%03d.json", i)), history(1))
	}
	r, ts, _ := newTestReceiver(t, fileConfig(dir))
	tt := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tt.Shutdown(context.Background())) })
	r.telemetry, _ = metadata.NewTelemetryBuilder(tt.NewTelemetrySettings())
	p := newFilePoller(r, nil)
	ctx := context.Background()
	p.poll(ctx)
	assert.Equal(t, int64(200), sumInt(t, tt, "otelcol_receiver_chat_trace_files_read"))
	assert.Equal(t, int64(200), sumInt(t, tt, "otelcol_receiver_chat_trace_turns"))

	write(t, filepath.Join(dir, "s042.json"), history(2))
	p.poll(ctx)
	p.poll(ctx)
	assert.Equal(t, int64(201), sumInt(t, tt, "otelcol_receiver_chat_trace_files_read"))
	assert.Equal(t, int64(201), sumInt(t, tt, "otelcol_receiver_chat_trace_turns"))
	assert.Len(t, rootNames(ts.AllTraces()), 201)

	// A deleted file is forgotten; recreated, it is read from the start.
	require.NoError(t, os.Remove(filepath.Join(dir, "s007.json")))
	p.poll(ctx)
	write(t, filepath.Join(dir, "s007.json"), history(1))
	p.poll(ctx)
	assert.Len(t, rootNames(ts.AllTraces()), 202)
}

func TestFilesMidWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s1.json")
	full := history(2)
	write(t, path, full[:len(full)/2]) // caught while HALO rewrites it
	r, ts, _ := newTestReceiver(t, fileConfig(dir))
	tt := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tt.Shutdown(context.Background())) })
	r.telemetry, _ = metadata.NewTelemetryBuilder(tt.NewTelemetrySettings())
	p := newFilePoller(r, nil)
	ctx := context.Background()

	p.poll(ctx)
	assert.Empty(t, ts.AllTraces(), "a truncated file emits nothing")
	_, err := tt.GetMetric("otelcol_receiver_chat_trace_files_malformed")
	assert.Error(t, err, "a file caught mid-write is not reported as malformed")

	write(t, path, full) // the write completes
	p.poll(ctx)
	assert.Len(t, rootNames(ts.AllTraces()), 2)

	// A file that stays broken is counted once, then left until it changes.
	write(t, path, []byte(`[{"role": "user", "content": `))
	p.poll(ctx)
	p.poll(ctx)
	p.poll(ctx)
	assert.Equal(t, int64(1), sumInt(t, tt, "otelcol_receiver_chat_trace_files_malformed"))
	assert.Len(t, rootNames(ts.AllTraces()), 2)
}

func sumInt(t *testing.T, tt *componenttest.Telemetry, name string) int64 {
	t.Helper()
	m, err := tt.GetMetric(name)
	require.NoError(t, err)
	var n int64
	for _, dp := range m.Data.(metricdata.Sum[int64]).DataPoints {
		n += dp.Value
	}
	return n
}

func TestFilesStartAtEnd(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	write(t, old, history(2))
	cfg := fileConfig(dir)
	cfg.StartAt = startAtEnd
	r, ts, _ := newTestReceiver(t, cfg)
	p := newFilePoller(r, nil)
	ctx := context.Background()

	p.poll(ctx)
	assert.Empty(t, ts.AllTraces(), "turns on disk at start-up are skipped")

	write(t, old, history(3))
	write(t, filepath.Join(dir, "new.json"), history(2))
	p.poll(ctx)
	// The new turn of the old file, and every turn of a file created later.
	assert.Len(t, rootNames(ts.AllTraces()), 3)
}

func TestFilesHistoryRewritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s1.json")
	write(t, path, history(3))
	r, ts, _ := newTestReceiver(t, fileConfig(dir))
	tt := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tt.Shutdown(context.Background())) })
	r.telemetry, _ = metadata.NewTelemetryBuilder(tt.NewTelemetrySettings())
	p := newFilePoller(r, nil)
	ctx := context.Background()
	p.poll(ctx)
	first := rootNames(ts.AllTraces())
	require.Len(t, first, 3)

	// Cleared: only the welcome message is left. Nothing to emit.
	write(t, path, history(0))
	p.poll(ctx)
	assert.Len(t, rootNames(ts.AllTraces()), 3)
	assert.Equal(t, int64(1), sumInt(t, tt, "otelcol_receiver_chat_trace_history_rewrites"))

	// The new conversation in the same file is emitted, with new trace IDs
	// although its turn indexes are the same as before.
	write(t, path, bytes.Replace(history(1), []byte("question 0"), []byte("a new question"), 1))
	p.poll(ctx)
	all := rootNames(ts.AllTraces())
	require.Len(t, all, 4)
	assert.NotContains(t, first, all[3])
}

func TestFilesOversize(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "big.json"), history(5))
	cfg := fileConfig(dir)
	cfg.MaxFileSize = 100
	r, ts, _ := newTestReceiver(t, cfg)
	tt := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tt.Shutdown(context.Background())) })
	r.telemetry, _ = metadata.NewTelemetryBuilder(tt.NewTelemetrySettings())
	p := newFilePoller(r, nil)
	p.poll(context.Background())
	p.poll(context.Background())
	assert.Empty(t, ts.AllTraces())
	assert.Equal(t, int64(1), sumInt(t, tt, "otelcol_receiver_chat_trace_files_oversize"))
}

func TestFilesExclude(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "keep.json"), history(1))
	write(t, filepath.Join(dir, "skip.json"), history(1))
	cfg := fileConfig(dir)
	cfg.Exclude = []string{filepath.Join(dir, "skip*")}
	r, ts, _ := newTestReceiver(t, cfg)
	newFilePoller(r, nil).poll(context.Background())
	require.Len(t, ts.AllTraces(), 1)
	conv, _ := ts.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).Attributes().Get("gen_ai.conversation.id")
	assert.Equal(t, "keep", conv.Str())
}

// TestFilesRetryRefused: a retryable refusal (memory_limiter) keeps the
// turns for the next poll; a permanent one drops them (counted by obsreport).
func TestFilesRetryRefused(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "s.json"), history(2))
	r, _, ls := newTestReceiver(t, fileConfig(dir))
	refusing := &refuser{err: errors.New("data refused due to high memory usage")}
	r.nextTraces = refusing
	p := newFilePoller(r, nil)
	ctx := context.Background()
	p.poll(ctx)
	assert.Equal(t, 2, ls.LogRecordCount(), "logs were accepted")
	assert.Equal(t, 1, refusing.calls)

	refusing.err = nil
	p.poll(ctx)
	assert.Equal(t, 2, refusing.calls)
	assert.Equal(t, 4, refusing.spans, "the refused turns are delivered on the next poll")
	assert.Equal(t, 2, ls.LogRecordCount(), "logs are not sent twice")

	p.poll(ctx)
	assert.Equal(t, 2, refusing.calls, "nothing left to deliver")

	write(t, filepath.Join(dir, "s.json"), history(3))
	refusing.err = consumererror.NewPermanent(errors.New("bad data"))
	p.poll(ctx)
	p.poll(ctx)
	assert.Equal(t, 3, refusing.calls, "a permanent refusal is not retried")
}

type refuser struct {
	consumertest.Consumer
	err   error
	calls int
	spans int
}

func (r *refuser) Capabilities() consumer.Capabilities { return consumer.Capabilities{} }

func (r *refuser) ConsumeTraces(_ context.Context, td ptrace.Traces) error {
	r.calls++
	if r.err == nil {
		r.spans += td.SpanCount()
	}
	return r.err
}

// TestFilesRestartWithStorage runs the receiver twice against the same
// file_storage directory: a restart neither re-emits nor loses turns, also
// turns written while the collector was down.
func TestFilesRestartWithStorage(t *testing.T) {
	dir, storeDir := t.TempDir(), t.TempDir()
	path := filepath.Join(dir, "s1.json")
	write(t, path, history(2))
	ctx := context.Background()

	run := func() []string {
		ext, client := newFileStorage(t, storeDir)
		r, ts, ls := newTestReceiver(t, fileConfig(dir))
		p := newFilePoller(r, client)
		p.poll(ctx)
		p.poll(ctx)
		require.NoError(t, client.Close(ctx))
		require.NoError(t, ext.Shutdown(ctx))
		ids := rootNames(ts.AllTraces())
		assert.Len(t, ids, ls.LogRecordCount())
		return ids
	}
	first := run()
	require.Len(t, first, 2)
	assert.Empty(t, run(), "restart without changes emits nothing")

	write(t, path, history(4)) // two turns while the collector is down
	third := run()
	require.Len(t, third, 2, "the turns written during the downtime are emitted once")
	assert.NotContains(t, first, third[0])
	assert.Empty(t, run())
}

// TestFilesRestartAfterRefusal: turns refused (retryable) before a restart
// are delivered after it, although the file did not change.
func TestFilesRestartAfterRefusal(t *testing.T) {
	dir, storeDir := t.TempDir(), t.TempDir()
	write(t, filepath.Join(dir, "s.json"), history(2))
	ctx := context.Background()

	ext, client := newFileStorage(t, storeDir)
	r, _, _ := newTestReceiver(t, fileConfig(dir))
	r.nextTraces = consumertest.NewErr(errors.New("data refused due to high memory usage"))
	newFilePoller(r, client).poll(ctx)
	require.NoError(t, client.Close(ctx))
	require.NoError(t, ext.Shutdown(ctx))

	ext, client = newFileStorage(t, storeDir)
	r, ts, ls := newTestReceiver(t, fileConfig(dir))
	newFilePoller(r, client).poll(ctx)
	require.NoError(t, client.Close(ctx))
	require.NoError(t, ext.Shutdown(ctx))
	assert.Len(t, rootNames(ts.AllTraces()), 2, "refused traces delivered after the restart")
	assert.Zero(t, ls.LogRecordCount(), "logs were delivered before the restart")
}

func newFileStorage(t *testing.T, dir string) (extension.Extension, storage.Client) {
	t.Helper()
	f := filestorage.NewFactory()
	cfg := f.CreateDefaultConfig().(*filestorage.Config)
	cfg.Directory = dir
	cfg.Compaction.Directory = dir
	ext, err := f.Create(context.Background(), extensiontest.NewNopSettings(f.Type()), cfg)
	require.NoError(t, err)
	require.NoError(t, ext.Start(context.Background(), componenttest.NewNopHost()))
	client, err := ext.(storage.Extension).GetClient(context.Background(), component.KindReceiver, component.MustNewID("chat_trace"), "")
	require.NoError(t, err)
	return ext, client
}
