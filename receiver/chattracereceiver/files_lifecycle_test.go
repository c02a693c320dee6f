// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/metadata"
)

// noWalk hides the storage.Walker of a client: a storage extension that
// cannot list its keys.
type noWalk struct{ storage.Client }

// run is one life of a collector over dir and a file_storage directory:
// it polls n times and stops. It returns the roots of the turns emitted.
type run struct {
	t       *testing.T
	dir     string
	store   string
	startAt string
	walk    bool
	now     time.Time
}

func (rn run) polls(n int) []string {
	rn.t.Helper()
	ctx := context.Background()
	ext, client := newFileStorage(rn.t, rn.store)
	if !rn.walk {
		client = noWalk{client}
	}
	cfg := fileConfig(rn.dir)
	cfg.StartAt = rn.startAt
	r, ts, ls := newTestReceiver(rn.t, cfg)
	p := newFilePoller(r, client)
	if !rn.now.IsZero() {
		p.now = func() time.Time { return rn.now }
	}
	for range n {
		p.poll(ctx)
	}
	require.NoError(rn.t, client.Close(ctx))
	require.NoError(rn.t, ext.Shutdown(ctx))
	ids := rootNames(ts.AllTraces())
	assert.Len(rn.t, ids, ls.LogRecordCount(), "a log record per turn")
	return ids
}

// TestFilesStartAtEndOnlyFirstRun: start_at: end skips what was on disk
// before the receiver first ran with this storage; files created while it
// was down, at any later start, are read whole. With and without a storage
// that can walk its keys.
func TestFilesStartAtEndOnlyFirstRun(t *testing.T) {
	for _, walk := range []bool{true, false} {
		t.Run(fmt.Sprintf("walk=%v", walk), func(t *testing.T) {
			dir, store := t.TempDir(), t.TempDir()
			rn := run{t: t, dir: dir, store: store, startAt: startAtEnd, walk: walk}
			write(t, filepath.Join(dir, "before.json"), history(2))
			// Caught mid-write at the very first start: still skipped later.
			full := history(2)
			write(t, filepath.Join(dir, "midwrite.json"), full[:len(full)/2])
			assert.Empty(t, rn.polls(1), "the first start skips what is on disk")

			write(t, filepath.Join(dir, "midwrite.json"), full)
			write(t, filepath.Join(dir, "down1.json"), history(2)) // created while down
			assert.Len(t, rn.polls(2), 2, "a file new since the last run is read whole; the one on disk before the first run is not")

			write(t, filepath.Join(dir, "down2.json"), history(1))
			write(t, filepath.Join(dir, "before.json"), history(3))
			assert.Len(t, rn.polls(1), 2, "the next down window's file, and the new turn of an old file")
		})
	}
}

// TestFilesStartAtEndEmptyFirstRun: the drill's case. The first start sees
// no file at all (no checkpoint is written); the files of every later down
// window are still new since the last run.
func TestFilesStartAtEndEmptyFirstRun(t *testing.T) {
	dir, store := t.TempDir(), t.TempDir()
	rn := run{t: t, dir: dir, store: store, startAt: startAtEnd, walk: true}
	assert.Empty(t, rn.polls(1))
	for i := range 3 {
		write(t, filepath.Join(dir, fmt.Sprintf("down%d.json", i)), history(2))
		assert.Len(t, rn.polls(1), 2, "down window %d", i)
	}
}

// TestFilesDeletedWhileDown: the checkpoint of a file deleted while the
// collector was down is dropped once the file has been missing for
// forgetAfter, across restarts.
func TestFilesDeletedWhileDown(t *testing.T) {
	dir, store := t.TempDir(), t.TempDir()
	path := filepath.Join(dir, "gone.json")
	write(t, path, history(1))
	t0 := time.Now()
	rn := run{t: t, dir: dir, store: store, startAt: startAtBeginning, walk: true, now: t0}
	require.Len(t, rn.polls(1), 1)
	require.NoError(t, os.Remove(path))

	rn.now = t0.Add(time.Minute)
	rn.polls(1) // found missing
	assert.True(t, hasCheckpoint(t, store, path), "kept for a while (a volume may come back)")
	rn.now = t0.Add(forgetAfter / 2)
	rn.polls(1)
	assert.True(t, hasCheckpoint(t, store, path), "missing since the earlier run, not this one")
	rn.now = t0.Add(time.Minute + forgetAfter)
	rn.polls(1)
	assert.False(t, hasCheckpoint(t, store, path), "forgotten")
}

func hasCheckpoint(t *testing.T, store, path string) bool {
	t.Helper()
	ctx := context.Background()
	ext, client := newFileStorage(t, store)
	defer func() { require.NoError(t, ext.Shutdown(ctx)) }()
	defer func() { require.NoError(t, client.Close(ctx)) }()
	b, err := client.Get(ctx, checkpointPrefix+path)
	require.NoError(t, err)
	return b != nil
}

// TestFilesRecreatedAndRenamed: a session file deleted and created again
// (same name, same content) is a new session and read whole; a file renamed
// keeps its state (nothing emitted again, new turns under the new name); a
// file that is back unchanged (same inode and change time) goes on.
func TestFilesRecreatedAndRenamed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s1.json")
	write(t, path, history(2))
	cfg := fileConfig(dir)
	r, ts, _ := newTestReceiver(t, cfg)
	p := newFilePoller(r, nil)
	ctx := context.Background()
	p.poll(ctx)
	require.Len(t, rootNames(ts.AllTraces()), 2)

	// Out of sight for a while (the pattern does not match), then back.
	cfg.Include = []string{filepath.Join(dir, "*.none")}
	p.poll(ctx)
	cfg.Include = []string{filepath.Join(dir, "*.json")}
	p.poll(ctx)
	assert.Len(t, rootNames(ts.AllTraces()), 2, "the same file back: nothing again")

	require.NoError(t, os.Remove(path))
	p.poll(ctx)
	write(t, path, history(2))
	p.poll(ctx)
	assert.Len(t, rootNames(ts.AllTraces()), 4, "deleted and created again: a new session, read whole")

	require.NoError(t, os.Rename(path, filepath.Join(dir, "s2.json")))
	p.poll(ctx)
	assert.Len(t, rootNames(ts.AllTraces()), 4, "renamed: nothing again")
	write(t, filepath.Join(dir, "s2.json"), history(3))
	p.poll(ctx)
	all := ts.AllTraces()
	require.Len(t, rootNames(all), 5, "the new turn of the renamed file")
	conv, _ := lastRoot(all).Attributes().Get(genai.ConversationID)
	assert.Equal(t, "s2", conv.Str())
}

func lastRoot(tds []ptrace.Traces) ptrace.Span {
	var last ptrace.Span
	for _, td := range tds {
		spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		for i := 0; i < spans.Len(); i++ {
			if spans.At(i).ParentSpanID().IsEmpty() {
				last = spans.At(i)
			}
		}
	}
	return last
}

// TestFilesRewriteSameSizeAndTime: a rewrite that keeps the size and the
// modification time (a coarse clock, or a tool restoring it) is still seen
// through the change time.
func TestFilesRewriteSameSizeAndTime(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.json")
	a := history(2)
	write(t, path, a)
	fi, err := os.Stat(path)
	require.NoError(t, err)
	r, ts, _ := newTestReceiver(t, fileConfig(dir))
	p := newFilePoller(r, nil)
	p.poll(context.Background())
	require.Len(t, rootNames(ts.AllTraces()), 2)

	b := []byte(strings.Replace(string(a), "question 1", "question X", 1)) // same length
	require.Len(t, b, len(a))
	time.Sleep(10 * time.Millisecond)
	require.NoError(t, os.WriteFile(path, b, 0o600))
	require.NoError(t, os.Chtimes(path, fi.ModTime(), fi.ModTime()))
	p.poll(context.Background())
	assert.Len(t, rootNames(ts.AllTraces()), 3, "the edited turn is emitted")
}

// TestFilesFutureModTime: a file time ahead of the collector's clock is not
// believed: the turn ends when it was read.
func TestFilesFutureModTime(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.json")
	require.NoError(t, os.WriteFile(path, history(1), 0o600))
	future := time.Now().Add(36 * time.Hour)
	require.NoError(t, os.Chtimes(path, future, future))
	r, ts, _ := newTestReceiver(t, fileConfig(dir))
	newFilePoller(r, nil).poll(context.Background())
	root := lastRoot(ts.AllTraces())
	assert.False(t, root.EndTimestamp().AsTime().After(time.Now()), "end %v is in the future", root.EndTimestamp().AsTime())
	assert.Equal(t, 100*time.Millisecond, root.EndTimestamp().AsTime().Sub(root.StartTimestamp().AsTime()))
}

// TestFilesMalformedDoesNotBlock: a file that never parses is counted and
// left alone; the others are read.
func TestFilesMalformedDoesNotBlock(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a-bad.json"), []byte(`[{"role": 1}]`))
	write(t, filepath.Join(dir, "b-good.json"), history(1))
	write(t, filepath.Join(dir, "c-bad.json"), []byte(`{"not": "an array"}`))
	r, ts, _ := newTestReceiver(t, fileConfig(dir))
	tt := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tt.Shutdown(context.Background())) })
	r.telemetry, _ = metadata.NewTelemetryBuilder(tt.NewTelemetrySettings())
	p := newFilePoller(r, nil)
	for range 3 {
		p.poll(context.Background())
	}
	assert.Len(t, rootNames(ts.AllTraces()), 1)
	assert.Equal(t, int64(2), sumInt(t, tt, "otelcol_receiver_chat_trace_files_malformed"))
}

// failingStorage fails every operation while down is set.
type failingStorage struct {
	storage.Client
	down bool
}

var errStorageDown = errors.New("storage: I/O error")

func (f *failingStorage) Get(ctx context.Context, k string) ([]byte, error) {
	if f.down {
		return nil, errStorageDown
	}
	return f.Client.Get(ctx, k)
}

func (f *failingStorage) Set(ctx context.Context, k string, v []byte) error {
	if f.down {
		return errStorageDown
	}
	return f.Client.Set(ctx, k, v)
}

// TestFilesStorageUnavailable: while the checkpoints cannot be read at
// start-up nothing is read (so nothing is skipped or emitted twice by
// mistake); the failure is counted; once storage answers, the files are
// read as usual.
func TestFilesStorageUnavailable(t *testing.T) {
	dir, store := t.TempDir(), t.TempDir()
	write(t, filepath.Join(dir, "s.json"), history(2))
	ctx := context.Background()
	ext, client := newFileStorage(t, store)
	t.Cleanup(func() { require.NoError(t, ext.Shutdown(ctx)) })
	t.Cleanup(func() { require.NoError(t, client.Close(ctx)) })
	fs := &failingStorage{Client: client, down: true}
	r, ts, _ := newTestReceiver(t, fileConfig(dir))
	tt := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tt.Shutdown(context.Background())) })
	r.telemetry, _ = metadata.NewTelemetryBuilder(tt.NewTelemetrySettings())
	p := newFilePoller(r, fs)
	p.poll(ctx)
	p.poll(ctx)
	assert.Empty(t, ts.AllTraces())
	assert.Equal(t, int64(2), sumInt(t, tt, "otelcol_receiver_chat_trace_checkpoint_errors"))
	fs.down = false
	p.poll(ctx)
	assert.Len(t, rootNames(ts.AllTraces()), 2)
}

// TestFilesLargeHistoryInParts: a large history read for the first time
// goes out in parts; a refusal part-way is retried from where it stopped,
// nothing twice.
func TestFilesLargeHistoryInParts(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "big.json"), history(1500)) // 4500 items
	r, _, ls := newTestReceiver(t, fileConfig(dir))
	ref := &refuseNth{n: 2}
	r.nextTraces = ref
	p := newFilePoller(r, nil)
	p.poll(context.Background())
	assert.Equal(t, 1500, ls.LogRecordCount(), "logs in parts")
	assert.Greater(t, ref.calls, 1)
	p.poll(context.Background())
	assert.Equal(t, 3000, ref.spans, "each turn's two spans once")
	assert.Equal(t, 3000, len(ref.ids))
	assert.Equal(t, 1500, ls.LogRecordCount())
}

// refuseNth refuses its n-th call (retryable) and accepts the others.
type refuseNth struct {
	consumertest.Consumer
	n, calls, spans int
	ids             map[[24]byte]bool
}

func (r *refuseNth) ConsumeTraces(_ context.Context, td ptrace.Traces) error {
	r.calls++
	if r.calls == r.n {
		return errors.New("data refused due to high memory usage")
	}
	if r.ids == nil {
		r.ids = map[[24]byte]bool{}
	}
	spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	for i := 0; i < spans.Len(); i++ {
		var k [24]byte
		tid, sid := spans.At(i).TraceID(), spans.At(i).SpanID()
		copy(k[:], tid[:])
		copy(k[16:], sid[:])
		r.ids[k] = true
	}
	r.spans += td.SpanCount()
	return nil
}

// TestFilesTurnLimits: a file whose turn holds more tool calls than kept
// is emitted truncated and marked, with its true count; a file of more
// messages than max_file_messages is skipped and counted.
func TestFilesTurnLimits(t *testing.T) {
	dir := t.TempDir()
	calls := make([]string, halo.MaxToolCalls+250)
	for i := range calls {
		calls[i] = `{"tool_name": "web_search", "tool_call_id": "c` + fmt.Sprint(i) + `", "metrics": {"duration": 0.01}}`
	}
	turn := strings.Replace(assistant, `"tool_calls": null`, `"tool_calls": [`+strings.Join(calls, ", ")+`]`, 1)
	write(t, filepath.Join(dir, "tools.json"), []byte("[\n  "+welcome+",\n  "+fmt.Sprintf(userMsg, 0)+",\n  "+turn+"\n]"))
	write(t, filepath.Join(dir, "long.json"), history(60))
	cfg := fileConfig(dir)
	cfg.MaxFileMessages = 100
	r, ts, ls := newTestReceiver(t, cfg)
	tt := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tt.Shutdown(context.Background())) })
	r.telemetry, _ = metadata.NewTelemetryBuilder(tt.NewTelemetrySettings())
	newFilePoller(r, nil).poll(context.Background())

	assert.Equal(t, 2+halo.MaxToolCalls, ts.SpanCount(), "root, inference and the calls kept")
	root := lastRoot(ts.AllTraces())
	n, _ := root.Attributes().Get(genai.ChatToolCalls)
	assert.Equal(t, int64(halo.MaxToolCalls+250), n.Int())
	tr, _ := root.Attributes().Get(genai.ChatTurnTruncated)
	assert.True(t, tr.Bool())
	called, _ := root.Attributes().Get(genai.ChatToolsCalled)
	assert.Equal(t, halo.MaxToolCalls, called.Slice().Len())
	assert.Equal(t, 1, ls.LogRecordCount())
	assert.Equal(t, int64(1), sumInt(t, tt, "otelcol_receiver_chat_trace_turns_truncated"))
	assert.Equal(t, int64(1), sumInt(t, tt, "otelcol_receiver_chat_trace_files_oversize"), "121 messages, more than 100")
}

// TestFilesSessionIDFromName: a file name with control characters gives a
// printable conversation id.
func TestFilesSessionIDFromName(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "s\x1b[31m\n.json"), history(1))
	r, ts, _ := newTestReceiver(t, fileConfig(dir))
	newFilePoller(r, nil).poll(context.Background())
	conv, _ := lastRoot(ts.AllTraces()).Attributes().Get(genai.ConversationID)
	assert.Equal(t, "s\uFFFD[31m\uFFFD", conv.Str())
}

// TestFilesCorruptCheckpoint: a checkpoint that does not decode is counted
// and dropped; its file is read again from its start (same IDs), and it
// still shows an earlier run, so other files are not skipped.
func TestFilesCorruptCheckpoint(t *testing.T) {
	for _, walk := range []bool{true, false} {
		t.Run(fmt.Sprintf("walk=%v", walk), func(t *testing.T) {
			dir, store := t.TempDir(), t.TempDir()
			path := filepath.Join(dir, "s.json")
			write(t, path, history(1))
			ctx := context.Background()
			ext, client := newFileStorage(t, store)
			require.NoError(t, client.Set(ctx, checkpointPrefix+path, []byte{9, 9, 9}))
			require.NoError(t, client.Close(ctx))
			require.NoError(t, ext.Shutdown(ctx))
			rn := run{t: t, dir: dir, store: store, startAt: startAtEnd, walk: walk}
			assert.Len(t, rn.polls(1), 1, "read again from its start")
			assert.Empty(t, rn.polls(1))
		})
	}
}
