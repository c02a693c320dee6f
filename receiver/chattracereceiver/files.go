// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver"

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.uber.org/zap"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"
	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/tracker"
)

const (
	// checkpointPrefix + path is the key of a file's checkpoint.
	checkpointPrefix = "chat_trace/file/"
	// startedKey is set once the receiver has run its first poll with this
	// storage: from then on, a file without a checkpoint is new since the
	// last run and read whole, whatever start_at says.
	startedKey = "chat_trace/started"

	// forgetAfter is how long a file must have been missing before its
	// state and checkpoint are dropped. A file that comes back sooner (a
	// volume remounted) with the same inode and change time is the same
	// file and goes on where it was.
	forgetAfter = time.Hour
	// chunkItems bounds what one pipeline call carries when a file's new
	// turns are delivered (halo.RecordItems per message): a large history
	// read for the first time goes out in parts, each checkpointed.
	chunkItems = 2000
)

// filePoller watches chat-history files. Only its own goroutine touches its
// state.
type filePoller struct {
	r      *chatReceiver
	client storage.Client // nil without a storage extension
	files  map[string]*tracker.State
	now    func() time.Time

	// loaded is set once the storage was read at start-up (the started
	// mark, and with a storage.Walker every checkpoint).
	loaded bool
	// ranBefore is true when the storage shows an earlier run: the started
	// mark or any checkpoint. Then no file is skipped for start_at: end.
	ranBefore bool
	// walked is true when every checkpoint was loaded at start-up; else
	// checkpoints are read one by one as their files are found.
	walked bool
	// first is true until the first poll since start-up has completed.
	first bool
	// markStarted asks for the started mark to be written.
	markStarted bool
	// storageFailing suppresses repeated logs while storage fails.
	storageFailing bool
	// gone maps the inodes of missing files to their paths, for finding
	// renamed files; rebuilt by each poll.
	gone map[uint64]string
	// found and present are the last poll's files, reused.
	found   []found
	present map[string]bool
}

func newFilePoller(r *chatReceiver, client storage.Client) *filePoller {
	return &filePoller{r: r, client: client, files: map[string]*tracker.State{}, now: time.Now, first: true}
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

// found is one matched path with its stat.
type found struct {
	path  string
	fi    os.FileInfo
	stamp tracker.Stamp
}

// poll matches the patterns and reads every file whose stamp changed (or
// whose last read must be retried).
func (p *filePoller) poll(ctx context.Context) {
	if !p.load(ctx) {
		return // storage unreadable: nothing is read until it is
	}
	now := p.now()
	files := p.found[:0]
	for _, path := range p.match() {
		fi, err := os.Stat(path)
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		files = append(files, found{path: path, fi: fi, stamp: stampOf(fi)})
	}
	if p.first && !p.walked && p.client != nil {
		// Without a walk, the first poll reads the checkpoints of every
		// file found before deciding whether this is the first run.
		for _, f := range files {
			st, had, ok := p.loadCheckpoint(ctx, f.path)
			if !ok {
				return // retried on the next poll, decisions unmade
			}
			p.ranBefore = p.ranBefore || had
			if st != nil {
				p.files[f.path] = st
			}
		}
	}

	p.found = files
	if p.present == nil {
		p.present = map[string]bool{}
	}
	present := p.present
	clear(present)
	for _, f := range files {
		present[f.path] = true
	}
	// Before the files are handled, so that a file renamed since the last
	// poll is found under its new name.
	p.missing(ctx, present, now)
	clear(p.gone)
	for path, st := range p.files {
		if st.MissingSince != 0 && st.Ino != 0 {
			if p.gone == nil {
				p.gone = map[uint64]string{}
			}
			p.gone[st.Ino] = path
		}
	}
	for _, f := range files {
		if ctx.Err() != nil {
			return
		}
		st := p.state(ctx, f)
		if st == nil {
			continue
		}
		p.pollFile(ctx, f, st)
	}

	if p.first {
		p.first = false
		p.markStarted = p.client != nil && !p.ranBefore
	}
	if p.markStarted {
		err := p.client.Set(ctx, startedKey, strconv.AppendInt(nil, now.Unix(), 10))
		p.storageErr(ctx, err)
		p.markStarted = err != nil
		p.ranBefore = err == nil
	}
}

// state returns the state of a file found by a poll: the one known, one
// from its checkpoint, the state of the same file under its old name
// (renamed), or a new one. nil: its checkpoint could not be read; it is
// tried again on the next poll.
func (p *filePoller) state(ctx context.Context, f found) *tracker.State {
	st := p.files[f.path]
	if st == nil && p.client != nil && !p.walked && !p.first {
		var ok bool
		if st, _, ok = p.loadCheckpoint(ctx, f.path); !ok {
			return nil
		}
	}
	switch {
	case st != nil && st.MissingSince != 0:
		// Back after being missing. The same file (a volume that came
		// back) has the same inode and change time; another one is a new
		// session under the old name and is read whole.
		if st.Ino == f.stamp.Ino && st.Ctime == f.stamp.Ctime {
			st.MissingSince = 0
		} else {
			st = p.fresh(false)
		}
		p.save(ctx, f.path, st)
	case st != nil:
	default:
		if st = p.renamed(ctx, f); st != nil {
			break
		}
		st = p.fresh(p.first && !p.ranBefore && p.r.cfg.StartAt == startAtEnd)
		if st.SkipExisting {
			// Written now, so that a file that cannot be read before a
			// restart is still skipped after it.
			p.save(ctx, f.path, st)
		}
	}
	p.files[f.path] = st
	return st
}

// fresh is the state of a file never read.
func (p *filePoller) fresh(skip bool) *tracker.State {
	return &tracker.State{Stamp: tracker.Stamp{Size: -1}, SkipExisting: skip}
}

// renamed finds a missing file that is this one under another name (same
// inode, size and modification time: a rename changes only the change
// time) and moves its state to the new name, so its turns are not emitted
// again.
func (p *filePoller) renamed(ctx context.Context, f found) *tracker.State {
	if f.stamp.Ino == 0 || len(p.gone) == 0 {
		return nil
	}
	old, ok := p.gone[f.stamp.Ino]
	if !ok {
		return nil
	}
	st := p.files[old]
	if st == nil || st.MissingSince == 0 || st.Size != f.stamp.Size || st.ModTime != f.stamp.ModTime {
		return nil
	}
	delete(p.gone, f.stamp.Ino)
	delete(p.files, old)
	if p.client != nil {
		p.storageErr(ctx, p.client.Delete(ctx, checkpointPrefix+old))
	}
	st.MissingSince = 0
	p.save(ctx, f.path, st)
	return st
}

// missing marks the files not found by this poll and forgets those missing
// for longer than forgetAfter, with their checkpoints.
func (p *filePoller) missing(ctx context.Context, present map[string]bool, now time.Time) {
	for path, st := range p.files {
		if present[path] {
			continue
		}
		switch {
		case st.MissingSince == 0:
			st.MissingSince = now.UnixNano()
			p.save(ctx, path, st)
		case now.UnixNano()-st.MissingSince >= int64(forgetAfter):
			if p.client != nil {
				err := p.client.Delete(ctx, checkpointPrefix+path)
				p.storageErr(ctx, err)
				if err != nil {
					continue // tried again on the next poll
				}
			}
			delete(p.files, path)
		}
	}
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

func (p *filePoller) pollFile(ctx context.Context, f found, st *tracker.State) {
	if !st.Changed(f.stamp) {
		return
	}
	st.Stat(f.stamp)
	tel := p.r.telemetry
	oversize := func() {
		if !st.Oversize {
			st.Oversize = true
			tel.ReceiverChatTraceFilesOversize.Add(ctx, 1)
		}
	}
	if f.stamp.Size > p.r.cfg.MaxFileSize {
		oversize()
		return
	}
	data, err := os.ReadFile(f.path)
	if err != nil {
		return // vanished or unreadable: the next poll sees it again
	}
	o, err := halo.OutlineHistory(data, p.r.cfg.MaxFileMessages)
	if _, ok := errors.AsType[*halo.TooManyError](err); ok {
		oversize()
		return
	}
	if err != nil {
		p.parseFailed(ctx, st)
		return
	}
	tel.ReceiverChatTraceFilesRead.Add(ctx, 1)
	from, rewritten := st.Update(o.Chain)
	if rewritten {
		tel.ReceiverChatTraceHistoryRewrites.Add(ctx, 1)
	}
	if err := p.deliverFile(ctx, f, st, data, &o, from); err != nil {
		p.parseFailed(ctx, st)
	} else {
		st.Parsed()
	}
	p.save(ctx, f.path, st)
}

// parseFailed handles a read that did not parse: most often caught
// mid-write, so retried on the next poll, and only counted when the same
// bytes fail again.
func (p *filePoller) parseFailed(ctx context.Context, st *tracker.State) {
	if st.ParseFailed() {
		p.r.telemetry.ReceiverChatTraceFilesMalformed.Add(ctx, 1)
	}
}

// deliverFile decodes the messages of a file from the first one a signal
// still needs and delivers their turns in parts of about chunkItems items,
// recording after each part what each signal received. A refused signal
// gets nothing more this poll and is retried on the next. It returns the
// error of a message that does not decode; what comes before it is
// delivered.
func (p *filePoller) deliverFile(ctx context.Context, f found, st *tracker.State, data []byte, o *halo.Outline, from [2]int) error {
	session := halo.SanitizeID(sessionFromPath(f.path))
	end, now := f.fi.ModTime(), p.now()
	tel := p.r.telemetry
	var refused [2]bool
	n := o.Len()
	lo := min(from[tracker.Traces], from[tracker.Logs])
	st.Counted = max(st.Counted, lo) // skipped (start_at: end) or counted before
	for lo < n {
		// A turn needs its message and the one before it.
		base := max(lo-1, 0)
		var msgs []halo.Message
		var derr error
		hi, items := base, 0
		for hi < n && (hi < lo || items < chunkItems) {
			m, err := o.Decode(data, hi)
			if err != nil {
				derr = err
				break
			}
			m.SessionID = "" // a history file's session is its name
			if hi >= lo {
				items += halo.RecordItems(&m)
			}
			msgs = append(msgs, m)
			hi++
		}
		if hi > lo {
			turns := halo.HistoryTurnsAt(session, msgs, base, o.Chain, lo)
			if c := countNew(turns, st.Counted); c > 0 {
				tel.ReceiverChatTraceTurns.Add(ctx, int64(c))
				tel.ReceiverChatTraceTurnsTruncated.Add(ctx, int64(countTruncated(turns, st.Counted)))
			}
			st.Counted = max(st.Counted, hi)
			views := make([]view, len(turns))
			for i := range turns {
				views[i] = p.r.mapper.view(&turns[i], end, now)
			}
			delivered := false
			for sig := range refused {
				if refused[sig] || st.Emitted[sig] >= hi {
					continue
				}
				k := 0
				for k < len(turns) && turns[k].Index < int64(st.Emitted[sig]) {
					k++
				}
				err := p.r.deliver(ctx, p.r.obsFile, views[k:], sig)
				if err != nil && !consumererror.IsPermanent(err) {
					// Refused for now (e.g. memory_limiter): read again
					// next poll.
					refused[sig] = true
					st.RetryDelivery()
					continue
				}
				// Delivered, or refused for good (counted as refused by
				// the receiver's obsreport metrics).
				st.DeliveredTo(sig, hi)
				delivered = true
			}
			if delivered {
				p.r.remember(views) // feedback can name these turns
			}
		}
		if derr != nil {
			return derr
		}
		if refused[tracker.Traces] && refused[tracker.Logs] {
			return nil
		}
		lo = hi
		if lo < n {
			p.save(ctx, f.path, st) // a large file's progress survives a crash
		}
	}
	return nil
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

func countTruncated(turns []halo.Turn, counted int) int {
	n := 0
	for i := range turns {
		if turns[i].Index >= int64(counted) && turns[i].Truncated {
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

// load reads the storage once at start-up: the started mark and, when the
// client can walk its keys (file_storage can), every checkpoint, so that
// files deleted while the collector was down are found and forgotten in
// time. It reports whether the poll may go on.
func (p *filePoller) load(ctx context.Context) bool {
	if p.loaded {
		return true
	}
	if p.client == nil {
		p.loaded = true
		return true
	}
	mark, err := p.client.Get(ctx, startedKey)
	if err != nil {
		p.storageErr(ctx, err)
		return false
	}
	states := map[string]*tracker.State{}
	corrupt := false
	if w, ok := p.client.(storage.Walker); ok {
		err = w.Walk(ctx, func(key string, value []byte) ([]*storage.Operation, error) {
			path, ok := strings.CutPrefix(key, checkpointPrefix)
			if !ok {
				return nil, nil
			}
			st, err := tracker.Unmarshal(value)
			if err != nil {
				corrupt = true // still a sign of an earlier run
			}
			if err != nil {
				p.corrupt(ctx, path, err)
				return []*storage.Operation{storage.DeleteOperation(key)}, nil
			}
			states[path] = prepare(st)
			return nil, nil
		})
		if err != nil {
			p.storageErr(ctx, err)
			return false
		}
		p.walked = true
	}
	p.files = states
	p.ranBefore = mark != nil || len(states) > 0 || corrupt
	p.loaded = true
	p.storageErr(ctx, nil)
	return true
}

// loadCheckpoint reads one file's checkpoint: nil when there is none or it
// is corrupt (found tells a corrupt one from none); ok false when the
// storage failed.
func (p *filePoller) loadCheckpoint(ctx context.Context, path string) (st *tracker.State, found, ok bool) {
	b, err := p.client.Get(ctx, checkpointPrefix+path)
	p.storageErr(ctx, err)
	if err != nil {
		return nil, false, false
	}
	if b == nil {
		return nil, false, true
	}
	st, err = tracker.Unmarshal(b)
	if err != nil {
		p.corrupt(ctx, path, err)
		return nil, true, true
	}
	return prepare(st), true, true
}

// prepare readies a state read from a checkpoint.
func prepare(st *tracker.State) *tracker.State {
	st.Counted = min(st.Emitted[tracker.Traces], st.Emitted[tracker.Logs])
	if st.Pending() {
		// Refused before the restart: deliver on the first poll.
		st.RetryDelivery()
	}
	return st
}

// corrupt reports a checkpoint that does not decode: the file is read as a
// new one (its turns may be emitted again, with the same IDs).
func (p *filePoller) corrupt(ctx context.Context, path string, err error) {
	p.r.telemetry.ReceiverChatTraceCheckpointErrors.Add(ctx, 1)
	p.r.set.Logger.Warn("Corrupt checkpoint dropped; the file is read again from its start", zap.String("path", path), zap.Error(err))
}

func (p *filePoller) save(ctx context.Context, path string, st *tracker.State) {
	if p.client != nil {
		p.storageErr(ctx, p.client.Set(ctx, checkpointPrefix+path, st.Marshal()))
	}
}

func (p *filePoller) storageErr(ctx context.Context, err error) {
	if err == nil {
		p.storageFailing = false
		return
	}
	p.r.telemetry.ReceiverChatTraceCheckpointErrors.Add(ctx, 1)
	if !p.storageFailing {
		p.storageFailing = true
		p.r.set.Logger.Warn("Checkpoint storage failed; files whose checkpoint cannot be read wait, and turns may be re-emitted after a restart", zap.Error(err))
	}
}
