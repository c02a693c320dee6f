// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package dedup

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func key(b byte) Key { return Key{b} }

func TestRetryResendsOnlyRefused(t *testing.T) {
	c := New(100)
	keys := []Key{key(1), key(2)}
	cl, ok := c.Claim(keys)
	require.True(t, ok)
	assert.Equal(t, 2, cl.New)
	assert.Equal(t, []bool{true, true}, cl.Send[0])
	c.Finish(cl, 0, true)  // traces accepted
	c.Finish(cl, 1, false) // logs refused: the client retries

	cl, ok = c.Claim(keys)
	require.True(t, ok)
	assert.Zero(t, cl.New)
	assert.Equal(t, []bool{false, false}, cl.Send[0], "traces are not sent again")
	assert.Equal(t, []bool{true, true}, cl.Send[1], "logs are")
	assert.Equal(t, [Signals]int{2, 0}, cl.Skipped)
	c.Finish(cl, 0, true)
	c.Finish(cl, 1, true)

	cl, _ = c.Claim(keys)
	assert.Equal(t, [Signals]int{2, 2}, cl.Skipped, "a third copy sends nothing")
}

func TestInFlightIsNotClaimedTwice(t *testing.T) {
	c := New(100)
	a, ok := c.Claim([]Key{key(1)})
	require.True(t, ok)
	_, ok = c.Claim([]Key{key(2), key(1)})
	assert.False(t, ok, "a turn being delivered by another request")
	c.Finish(a, 0, true)
	c.Finish(a, 1, false)
	b, ok := c.Claim([]Key{key(2), key(1)})
	require.True(t, ok, "free again once the first request is done")
	assert.Equal(t, []bool{true, false}, b.Send[0])
	assert.Equal(t, []bool{true, true}, b.Send[1])
}

func TestRepeatWithinRequest(t *testing.T) {
	c := New(100)
	cl, _ := c.Claim([]Key{key(1), key(1)})
	assert.Equal(t, []bool{true, false}, cl.Send[0])
	assert.Equal(t, 1, cl.New)
}

func TestBounded(t *testing.T) {
	c := New(3)
	for i := range 10 {
		cl, ok := c.Claim([]Key{key(byte(i))})
		require.True(t, ok)
		c.Finish(cl, 0, true)
		c.Finish(cl, 1, true)
	}
	assert.Equal(t, 3, c.Len())
	cl, _ := c.Claim([]Key{key(0)})
	assert.Equal(t, 1, cl.New, "the oldest turns are forgotten")
	cl, _ = c.Claim([]Key{key(9)})
	assert.Zero(t, cl.New, "the newest are remembered")
}

func TestConcurrent(t *testing.T) {
	c := New(1000)
	var wg sync.WaitGroup
	var mu sync.Mutex
	sent := map[Key]int{}
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				k := key(byte((i + g) % 50))
				cl, ok := c.Claim([]Key{k})
				if !ok {
					continue
				}
				if cl.Send[0][0] {
					mu.Lock()
					sent[k]++
					mu.Unlock()
				}
				c.Finish(cl, 0, true)
				c.Finish(cl, 1, true)
			}
		}()
	}
	wg.Wait()
	for k, n := range sent {
		assert.Equal(t, 1, n, "turn %v sent %d times", k, n)
	}
}
