// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver"

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.uber.org/zap"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/tracker"
)

const checkpointPrefix = "chat_trace/file/"

// filePoller watches chat-history files. Only its own goroutine touches its
// state.
type filePoller struct {
	r      *chatReceiver
	client storage.Client // nil without a storage extension
	files  map[string]*tracker.State
	first  bool // the next poll is the first since start-up
	// checkpointFailing suppresses repeated logs while storage fails.
	checkpointFailing bool
}

func newFilePoller(r *chatReceiver, client storage.Client) *filePoller {
	return &filePoller{r: r, client: client, files: map[string]*tracker.State{}, first: true}
}

func (p *filePoller) run(ctx context.Context) {
	t := time.NewTicker(p.r.cfg.PollInterval)
	defer t.Stop()
	for {
		p.poll(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// poll matches the patterns and reads every file whose size or modification
// time changed (or whose last read must be retried).
func (p *filePoller) poll(ctx context.Context) {
	paths := p.match()
	for _, path := range paths {
		if ctx.Err() != nil {
			return
		}
		p.pollFile(ctx, path)
	}
	// Forget files that disappeared, with their checkpoints.
	for path := range p.files {
		if _, found := slices.BinarySearch(paths, path); !found {
			delete(p.files, path)
			if p.client != nil {
				p.checkpointErr(ctx, p.client.Delete(ctx, checkpointPrefix+path))
			}
		}
	}
	p.first = false
}

func (p *filePoller) match() []string {
	var paths []string
	for _, pattern := range p.r.cfg.Include {
		m, _ := filepath.Glob(pattern) // patterns are validated at start-up
	next:
		for _, path := range m {
			for _, ex := range p.r.cfg.Exclude {
				if ok, _ := filepath.Match(ex, path); ok {
					continue next
				}
			}
			paths = append(paths, path)
		}
	}
	slices.Sort(paths)
	return slices.Compact(paths)
}

func (p *filePoller) pollFile(ctx context.Context, path string) {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return
	}
	st := p.files[path]
	if st == nil {
		st = p.load(ctx, path)
		p.files[path] = st
	}
	size, modTime := fi.Size(), fi.ModTime().UnixNano()
	if !st.Changed(size, modTime) {
		return
	}
	st.Stat(size, modTime)
	tel := p.r.telemetry
	if size > p.r.cfg.MaxFileSize {
		if !st.Oversize {
			st.Oversize = true
			tel.ReceiverChatTraceFilesOversize.Add(ctx, 1)
		}
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return // vanished or unreadable: the next poll sees it again
	}
	h, err := halo.DecodeHistory(data)
	if err != nil {
		// Most often caught mid-write: retried on the next poll, and only
		// counted when the same bytes fail again.
		if st.ParseFailed() {
			tel.ReceiverChatTraceFilesMalformed.Add(ctx, 1)
		}
		return
	}
	tel.ReceiverChatTraceFilesRead.Add(ctx, 1)
	from, rewritten := st.Update(h.Chain)
	if rewritten {
		tel.ReceiverChatTraceHistoryRewrites.Add(ctx, 1)
	}
	first := min(from[tracker.Traces], from[tracker.Logs])
	turns := halo.HistoryTurns(sessionFromPath(path), h.Messages, h.Chain, first)
	if n := countNew(turns, st.Counted); n > 0 {
		tel.ReceiverChatTraceTurns.Add(ctx, int64(n))
	}
	st.Counted = max(st.Counted, len(h.Chain))

	views := make([]view, len(turns))
	for i := range turns {
		views[i] = p.r.mapper.view(&turns[i], fi.ModTime())
	}
	for sig, f := range from {
		k := 0
		for k < len(turns) && turns[k].Index < int64(f) {
			k++
		}
		err := p.r.deliver(ctx, p.r.obsFile, views[k:], sig)
		if err != nil && !consumererror.IsPermanent(err) {
			// Refused for now (e.g. memory_limiter): read again next poll.
			st.RetryDelivery()
			continue
		}
		// Delivered, or refused for good (counted as refused by the
		// receiver's obsreport metrics).
		st.Delivered(sig)
	}
	p.save(ctx, path, st)
}

func countNew(turns []halo.Turn, counted int) int {
	n := 0
	for i := range turns {
		if turns[i].Index >= int64(counted) {
			n++
		}
	}
	return n
}

// sessionFromPath is the session id of a history file: its name without
// extension (HALO Core names files <session_id>.json).
func sessionFromPath(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// load returns the checkpointed state of a file, or a fresh one.
func (p *filePoller) load(ctx context.Context, path string) *tracker.State {
	if p.client != nil {
		b, err := p.client.Get(ctx, checkpointPrefix+path)
		p.checkpointErr(ctx, err)
		if err == nil && b != nil {
			st, err := tracker.Unmarshal(b)
			p.checkpointErr(ctx, err)
			if err == nil {
				st.Counted = min(st.Emitted[tracker.Traces], st.Emitted[tracker.Logs])
				if st.Pending() {
					// Refused before the restart: deliver on the first poll.
					st.RetryDelivery()
				}
				return st
			}
		}
	}
	return &tracker.State{Size: -1, SkipExisting: p.first && p.r.cfg.StartAt == startAtEnd}
}

func (p *filePoller) save(ctx context.Context, path string, st *tracker.State) {
	if p.client != nil {
		p.checkpointErr(ctx, p.client.Set(ctx, checkpointPrefix+path, st.Marshal()))
	}
}

func (p *filePoller) checkpointErr(ctx context.Context, err error) {
	if err == nil {
		p.checkpointFailing = false
		return
	}
	p.r.telemetry.ReceiverChatTraceCheckpointErrors.Add(ctx, 1)
	if !p.checkpointFailing {
		p.checkpointFailing = true
		p.r.set.Logger.Warn("Checkpoint storage failed; turns may be re-emitted after a restart", zap.Error(err))
	}
}
