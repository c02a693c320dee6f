// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package readcache is a bounded cache for values computed from a string
// key, for the hot paths of components where the same few keys (model names,
// attribute names) are looked up for every span: a hit reads an immutable
// map without taking a lock.
package readcache // import "github.com/otelcol-llm/otelcol-llm/internal/readcache"

import (
	"maps"
	"strings"
	"sync"
	"sync/atomic"
)

// Cache maps keys to the values a function computes from them. Hits read an
// immutable snapshot; misses compute under a mutex into a small pending map,
// merged into a new snapshot once it holds an eighth of the snapshot's size,
// so a handful of keys is cached at once and copying stays linear in the
// number of keys. At most max keys are kept; beyond that values are computed
// on every call, so unbounded distinct keys (a buggy client) cannot grow
// memory. It is safe for concurrent use.
type Cache[V any] struct {
	max      int
	compute  func(string) V
	snapshot atomic.Pointer[map[string]V]
	mu       sync.Mutex
	pending  map[string]V
}

// New returns a cache of at most max keys whose values compute returns.
func New[V any](max int, compute func(string) V) *Cache[V] {
	c := &Cache[V]{max: max, compute: compute, pending: map[string]V{}}
	c.snapshot.Store(&map[string]V{})
	return c
}

// Get returns the value of key, computing it on a miss.
func (c *Cache[V]) Get(key string) V {
	if v, ok := (*c.snapshot.Load())[key]; ok {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	snap := *c.snapshot.Load()
	if v, ok := snap[key]; ok {
		return v
	}
	if v, ok := c.pending[key]; ok {
		return v
	}
	v := c.compute(key)
	if len(snap)+len(c.pending) >= c.max {
		return v
	}
	c.pending[strings.Clone(key)] = v
	if len(c.pending) > len(snap)/8 {
		next := make(map[string]V, len(snap)+len(c.pending))
		maps.Copy(next, snap)
		maps.Copy(next, c.pending)
		c.snapshot.Store(&next)
		c.pending = map[string]V{}
	}
	return v
}

// Len returns the number of cached keys.
func (c *Cache[V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(*c.snapshot.Load()) + len(c.pending)
}
