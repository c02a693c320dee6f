// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokens

import (
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens/tokenstest"
)

func TestCountDoesNotAllocate(t *testing.T) {
	texts := []string{tokenstest.Prose, tokenstest.Code, "héllo wörld 😀 中文 \xff", ""}
	if !raceEnabled {
		// sync.Pool drops items at random under the race detector.
		texts = append(texts, strings.Repeat("a", 10000))
	}
	for _, e := range allEncodings {
		for _, text := range texts {
			Count(e, text) // load the vocabulary and warm the pool
			allocs := testing.AllocsPerRun(20, func() { Count(e, text) })
			assert.Zero(t, allocs, "%v, %d bytes", e, len(text))
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	texts := []string{tokenstest.Prose, tokenstest.Code, strings.Repeat("ab", 2000), "it's 1234 😀"}
	// A fresh vocabulary loaded by several goroutines at once.
	l := &lazyVocab{file: "cl100k_base.tiktoken"}
	want := make([][]int, len(allEncodings))
	for i, e := range allEncodings {
		for _, text := range texts {
			want[i] = append(want[i], Count(e, text))
		}
	}
	var wg sync.WaitGroup
	vocabs := make([]*vocab, 4)
	for g := range 4 {
		wg.Go(func() {
			vocabs[g] = l.get()
			for range 3 {
				for i, e := range allEncodings {
					for j, text := range texts {
						assert.Equal(t, want[i][j], Count(e, text))
					}
				}
			}
		})
	}
	wg.Wait()
	for _, v := range vocabs {
		require.Same(t, vocabs[0], v)
	}
	assert.Equal(t, Cl100kBase.vocab().arena, vocabs[0].arena)
	assert.Equal(t, Cl100kBase.vocab().table, vocabs[0].table)
}

// TestFootprint reports the heap retained by each vocabulary and its load
// time (run with -v to see them), and bounds the former.
func TestFootprint(t *testing.T) {
	for _, e := range allEncodings {
		file := encodings[e].vocab.file
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		v, err := loadVocab(file)
		elapsed := time.Since(start)
		require.NoError(t, err)
		runtime.GC()
		runtime.ReadMemStats(&after)
		retained := int64(after.HeapAlloc) - int64(before.HeapAlloc)
		size := len(v.arena) + 8*len(v.table) + 4*len(v.pairs)
		t.Logf("%v: %d tokens, retained heap %.2f MiB (arena %.2f, table %.2f, pairs %.2f MiB), load time %v",
			e, v.size, float64(retained)/(1<<20), float64(len(v.arena))/(1<<20),
			float64(8*len(v.table))/(1<<20), float64(4*len(v.pairs))/(1<<20), elapsed)
		assert.Less(t, size, 12<<20)
		assert.Less(t, retained, int64(12<<20))
		runtime.KeepAlive(v)
	}
}
