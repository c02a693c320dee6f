// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package pprofsum

import (
	"bytes"
	"compress/gzip"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/encoding/protowire"
)

// builder writes a profile in the pprof protobuf format, the way the Go
// runtime does: string 0 empty, values "samples/count" and "cpu/nanoseconds",
// one location per frame (or one location holding inlined lines).
type builder struct {
	strs  []string
	funcs map[string]uint64
	body  []byte
	locN  uint64
}

func newBuilder() *builder {
	b := &builder{strs: []string{""}, funcs: map[string]uint64{}}
	for _, vt := range [][2]string{{"samples", "count"}, {"cpu", "nanoseconds"}} {
		var m []byte
		m = protowire.AppendTag(m, 1, protowire.VarintType)
		m = protowire.AppendVarint(m, b.str(vt[0]))
		m = protowire.AppendTag(m, 2, protowire.VarintType)
		m = protowire.AppendVarint(m, b.str(vt[1]))
		b.msg(1, m)
	}
	return b
}

func (b *builder) str(s string) uint64 {
	for i, x := range b.strs {
		if x == s {
			return uint64(i)
		}
	}
	b.strs = append(b.strs, s)
	return uint64(len(b.strs) - 1)
}

func (b *builder) msg(num protowire.Number, m []byte) {
	b.body = protowire.AppendTag(b.body, num, protowire.BytesType)
	b.body = protowire.AppendBytes(b.body, m)
}

func (b *builder) fn(name string) uint64 {
	if id, ok := b.funcs[name]; ok {
		return id
	}
	id := uint64(len(b.funcs) + 1)
	b.funcs[name] = id
	var m []byte
	m = protowire.AppendTag(m, 1, protowire.VarintType)
	m = protowire.AppendVarint(m, id)
	m = protowire.AppendTag(m, 2, protowire.VarintType)
	m = protowire.AppendVarint(m, b.str(name))
	b.msg(5, m)
	return id
}

// loc adds a location whose lines are the given functions, innermost first.
func (b *builder) loc(inlined ...string) uint64 {
	b.locN++
	var m []byte
	m = protowire.AppendTag(m, 1, protowire.VarintType)
	m = protowire.AppendVarint(m, b.locN)
	for _, f := range inlined {
		var line []byte
		line = protowire.AppendTag(line, 1, protowire.VarintType)
		line = protowire.AppendVarint(line, b.fn(f))
		m = protowire.AppendTag(m, 4, protowire.BytesType)
		m = protowire.AppendBytes(m, line)
	}
	b.msg(4, m)
	return b.locN
}

// sample adds a sample of cpu on the stack of locations (leaf first).
func (b *builder) sample(cpu time.Duration, locs ...uint64) {
	var ids, vals []byte
	for _, l := range locs {
		ids = protowire.AppendVarint(ids, l)
	}
	vals = protowire.AppendVarint(vals, 1)
	vals = protowire.AppendVarint(vals, uint64(cpu))
	var m []byte
	m = protowire.AppendTag(m, 1, protowire.BytesType)
	m = protowire.AppendBytes(m, ids)
	m = protowire.AppendTag(m, 2, protowire.BytesType)
	m = protowire.AppendBytes(m, vals)
	b.msg(2, m)
}

func (b *builder) bytes(t *testing.T, dur time.Duration) []byte {
	out := b.body
	for _, s := range b.strs {
		out = protowire.AppendTag(out, 6, protowire.BytesType)
		out = protowire.AppendBytes(out, []byte(s))
	}
	out = protowire.AppendTag(out, 10, protowire.VarintType)
	out = protowire.AppendVarint(out, uint64(dur))
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	_, err := zw.Write(out)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return z.Bytes()
}

const (
	scan    = "example.com/redact/internal/scan.(*Scanner).Scan"
	redact  = "example.com/redact.(*processor).text"
	malloc  = "runtime.mallocgc"
	assist  = "runtime.gcAssistAlloc"
	bgMark  = "runtime.gcBgMarkWorker"
	decode  = "pdata.(*ExportRequest).UnmarshalProto"
	receive = "otlpreceiver.(*Receiver).Export"
	memmove = "runtime.memmove"
	sched   = "runtime.schedule"
)

var rules = []Rule{
	{Category: "GC", Anywhere: true, Match: Prefix("runtime.gc")},
	{Category: "scanner", Match: Prefix("example.com/redact/internal/scan.")},
	{Category: "redact", Match: Prefix("example.com/redact.")},
	{Category: "decode", Match: func(fn string) bool { return fn == decode }},
	{Category: "unused", Match: Prefix("nothing.")},
	{Category: "runtime", Fallback: true, Match: Prefix("runtime.")},
}

func TestParseAndCategorize(t *testing.T) {
	b := newBuilder()
	lScan, lRedact, lMalloc, lAssist := b.loc(scan), b.loc(redact), b.loc(malloc), b.loc(assist)
	lMemmove, lRecv, lBg, lSched := b.loc(memmove), b.loc(receive), b.loc(bgMark), b.loc(sched)
	lInlined := b.loc(memmove, decode)                             // memmove inlined into the decoder
	b.sample(30*time.Millisecond, lScan, lRedact, lRecv)           // the scanner, called by redact
	b.sample(10*time.Millisecond, lMalloc, lRedact, lRecv)         // redact allocating: redact, not the runtime
	b.sample(5*time.Millisecond, lAssist, lMalloc, lRedact, lRecv) // GC assist inside redact
	b.sample(20*time.Millisecond, lBg)                             // background marking
	b.sample(25*time.Millisecond, lInlined, lRecv)                 // decoding, through an inlined frame
	b.sample(8*time.Millisecond, lMemmove, lRecv)                  // the receiver copying: runtime, no component
	b.sample(2*time.Millisecond, lSched)                           // the scheduler: runtime
	b.sample(4*time.Millisecond, b.loc("main.main"))               // no rule at all
	p, err := Parse(b.bytes(t, 10*time.Second))
	require.NoError(t, err)
	require.Len(t, p.Samples, 8)
	assert.Equal(t, 104*time.Millisecond, p.Total)
	assert.Equal(t, 10*time.Second, p.Duration)
	assert.Equal(t, []string{memmove, decode, receive}, p.Samples[4].Stack, "inlined lines expanded, innermost first")

	got := Categorize(p, rules)
	want := []Share{
		{Category: "GC", CPU: 25 * time.Millisecond, Share: 25.0 / 104},
		{Category: "scanner", CPU: 30 * time.Millisecond, Share: 30.0 / 104},
		{Category: "redact", CPU: 10 * time.Millisecond, Share: 10.0 / 104},
		{Category: "decode", CPU: 25 * time.Millisecond, Share: 25.0 / 104},
		{Category: "unused"},
		{Category: "runtime", CPU: 10 * time.Millisecond, Share: 10.0 / 104},
		{Category: Other, CPU: 4 * time.Millisecond, Share: 4.0 / 104},
	}
	require.Len(t, got, len(want))
	for i := range want {
		assert.Equal(t, want[i].Category, got[i].Category)
		assert.Equal(t, want[i].CPU, got[i].CPU, want[i].Category)
		assert.InDelta(t, want[i].Share, got[i].Share, 1e-9, want[i].Category)
	}

	top := Top(p, 3)
	require.Len(t, top, 3)
	assert.Equal(t, Func{Name: memmove, Flat: 33 * time.Millisecond, Cum: 33 * time.Millisecond}, top[0])
	assert.Equal(t, Func{Name: scan, Flat: 30 * time.Millisecond, Cum: 30 * time.Millisecond}, top[1])
	assert.Equal(t, Func{Name: bgMark, Flat: 20 * time.Millisecond, Cum: 20 * time.Millisecond}, top[2])
	assert.Len(t, Top(p, 100), 7, "one entry per leaf function")
}

func TestParseRejectsGarbage(t *testing.T) {
	_, err := Parse([]byte{0x1f, 0x8b, 0, 0})
	require.Error(t, err)
	_, err = Parse([]byte{0x0a, 0x05, 0x01})
	require.Error(t, err)
	_, err = Parse(nil)
	require.Error(t, err, "no sample types")
}
