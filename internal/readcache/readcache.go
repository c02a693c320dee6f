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

// New returns a cache of at most max keys whose values compute returns
// (compute may be nil for a cache filled by Add only).
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
	c.add(snap, key, v)
	return v
}

// Lookup returns the cached value of key without computing it. It reads
// the snapshot only, never taking the lock: a key added a moment ago may
// not be seen yet.
func (c *Cache[V]) Lookup(key string) (V, bool) {
	v, ok := (*c.snapshot.Load())[key]
	return v, ok
}

// Add caches v, computed by the caller, as the value of key (within the
// bound; a cached key keeps its value).
func (c *Cache[V]) Add(key string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	snap := *c.snapshot.Load()
	if _, ok := snap[key]; ok {
		return
	}
	if _, ok := c.pending[key]; ok {
		return
	}
	c.add(snap, key, v)
}

// add records a new key; callers hold c.mu.
func (c *Cache[V]) add(snap map[string]V, key string, v V) {
	if len(snap)+len(c.pending) >= c.max {
		return
	}
	c.pending[strings.Clone(key)] = v
	if len(c.pending) > len(snap)/8 {
		next := make(map[string]V, len(snap)+len(c.pending))
		maps.Copy(next, snap)
		maps.Copy(next, c.pending)
		c.snapshot.Store(&next)
		c.pending = map[string]V{}
	}
}

// Len returns the number of cached keys.
func (c *Cache[V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(*c.snapshot.Load()) + len(c.pending)
}
