// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package readcache

import (
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCache: values are computed once per key while there is room, answers
// are right from many goroutines at once (run under -race), and the cache
// stops growing at its bound while still answering.
func TestCache(t *testing.T) {
	var calls atomic.Int64
	c := New(100, func(k string) int {
		calls.Add(1)
		n, _ := strconv.Atoi(k)
		return n * 2
	})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 5000 {
				k := strconv.Itoa((i + g) % 50)
				assert.Equal(t, ((i+g)%50)*2, c.Get(k))
			}
		})
	}
	wg.Wait()
	assert.Equal(t, int64(50), calls.Load(), "each key computed once")
	assert.Equal(t, 50, c.Len())

	for i := range 1000 {
		assert.Equal(t, i*2, c.Get(strconv.Itoa(i)))
	}
	assert.Equal(t, 100, c.Len(), "bounded")
	before := calls.Load()
	assert.Equal(t, 1998, c.Get("999"))
	assert.Equal(t, before+1, calls.Load(), "beyond the bound: computed each time")
	assert.Equal(t, 98, c.Get("49"))
	assert.Equal(t, before+1, calls.Load(), "a cached key is not recomputed")
}

func BenchmarkGetHit(b *testing.B) {
	c := New(100, func(k string) int { return len(k) })
	c.Get("gpt-4o-2024-08-06")
	for b.Loop() {
		_ = c.Get("gpt-4o-2024-08-06")
	}
}
