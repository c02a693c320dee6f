// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package chattracereceiver

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/consumer/consumertest"

	"github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/tracker"
)

// benchHistory is a pretty-printed HALO history of 5 x n messages built from
// two HALO Core-shaped sessions (2n turns: team and agent turns with tool
// calls, a fallback).
func benchHistory(b *testing.B, n int) []byte {
	b.Helper()
	var parts [][]byte
	for _, name := range []string{"4e7b2c9d0a1f4b3c8d5e6f7a8b9c0d1e.json", "9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c5d.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "histories", name))
		require.NoError(b, err)
		data = bytes.TrimSpace(data)
		parts = append(parts, bytes.TrimSpace(data[1:len(data)-1]))
	}
	var buf bytes.Buffer
	buf.WriteString("[\n  ")
	for i := range n {
		if i > 0 {
			buf.WriteString(",\n  ")
		}
		buf.Write(parts[i%2])
	}
	buf.WriteString("\n]")
	return buf.Bytes()
}

func reportTurns(b *testing.B, turnsPerOp int) {
	b.ReportMetric(float64(turnsPerOp*b.N)/b.Elapsed().Seconds(), "turns/s")
}

// BenchmarkFiles reads, decodes and maps one changed history file of 100
// turns per operation (stat, read, decode, fingerprint, map, consume).
func BenchmarkFiles(b *testing.B) {
	dir := b.TempDir()
	data := benchHistory(b, 50)
	require.NoError(b, os.WriteFile(filepath.Join(dir, "s.json"), data, 0o600))
	cfg := fileConfig(dir)
	r, _, _ := newTestReceiver(b, cfg)
	r.nextTraces, r.nextLogs = consumertest.NewNop(), consumertest.NewNop()
	p := newFilePoller(r, nil)
	ctx := context.Background()
	path := filepath.Join(dir, "s.json")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		pollOne(ctx, p, path, &tracker.State{Stamp: tracker.Stamp{Size: -1}})
	}
	reportTurns(b, 100)
}

// BenchmarkFilesUnchanged is the per-poll cost of a file that did not
// change: one stat.
func BenchmarkFilesUnchanged(b *testing.B) {
	dir := b.TempDir()
	require.NoError(b, os.WriteFile(filepath.Join(dir, "s.json"), benchHistory(b, 10), 0o600))
	r, _, _ := newTestReceiver(b, fileConfig(dir))
	p := newFilePoller(r, nil)
	ctx := context.Background()
	p.poll(ctx)
	path := filepath.Join(dir, "s.json")
	st := p.files[path]
	b.ReportAllocs()
	for b.Loop() {
		pollOne(ctx, p, path, st)
	}
}

// pollOne is one poll of one file: its stat, and its read when it changed.
func pollOne(ctx context.Context, p *filePoller, path string, st *tracker.State) {
	fi, err := os.Stat(path)
	if err != nil {
		panic(err)
	}
	p.pollFile(ctx, found{path: path, fi: fi, stamp: stampOf(fi)}, st)
}

func benchPush(b *testing.B, body []byte, turns int, dedupTurns int) {
	cfg := defaultConfig()
	cfg.HTTP.GetOrInsertDefault().DedupTurns = dedupTurns
	r, _, _ := newTestReceiver(b, cfg)
	r.nextTraces, r.nextLogs = consumertest.NewNop(), consumertest.NewNop()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		// Another session each time: the same turns again would be
		// recognised as a retry and not delivered.
		n++
		req := httptest.NewRequest(http.MethodPost, "/v1/chat/turns?session_id=s"+strconv.Itoa(n), bytes.NewReader(body))
		rec := httptest.NewRecorder()
		r.handlePush(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Body.String())
		}
	}
	reportTurns(b, turns)
}

// BenchmarkHTTPHistory pushes a 100-turn history array per request.
func BenchmarkHTTPHistory(b *testing.B) {
	benchPush(b, benchHistory(b, 50), 100, defaultConfig().HTTP.GetOrInsertDefault().DedupTurns)
}

// BenchmarkHTTPNDJSON pushes 100 single-turn objects as NDJSON per request.
func BenchmarkHTTPNDJSON(b *testing.B) {
	line := strings.ReplaceAll(pushedTurn, "\n", "")
	line = strings.Replace(line, `"usage": %s`, `"usage": {"prompt_tokens": 1200, "completion_tokens": 300}`, 1)
	line = strings.Replace(line, "%s", "gpt-4o", 1)
	var buf bytes.Buffer
	for i := range 100 {
		buf.WriteString(strings.Replace(line, `"req-1"`, `"req-`+string(rune('a'+i%26))+string(rune('a'+i/26))+`"`, 1))
		buf.WriteByte('\n')
	}
	// The records name their session: every request would be the same
	// turns again. Without the retry cache (its cost is in
	// BenchmarkHTTPHistory).
	benchPush(b, buf.Bytes(), 100, 0)
}

// BenchmarkPollIdle is one poll over 10,000 session files none of which
// changed: the glob, a stat per file, the bookkeeping.
func BenchmarkPollIdle(b *testing.B) {
	dir := b.TempDir()
	data := benchHistory(b, 1)
	for i := range 10_000 {
		require.NoError(b, os.WriteFile(filepath.Join(dir, "s"+strconv.Itoa(i)+".json"), data, 0o600))
	}
	r, _, _ := newTestReceiver(b, fileConfig(dir))
	r.nextTraces, r.nextLogs = consumertest.NewNop(), consumertest.NewNop()
	p := newFilePoller(r, nil)
	ctx := context.Background()
	p.poll(ctx)
	b.ReportAllocs()
	for b.Loop() {
		p.poll(ctx)
	}
}
