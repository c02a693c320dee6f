// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package pricing // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"

import (
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/otelcol-llm/otelcol-llm/internal/readcache"
)

// Candidates returns the names a raw model name is tried as, most specific
// first: the name itself, without a HALO Core `provider:` label prefix
// (`openai:gpt-4.1`), without hosting prefixes (`openrouter/anthropic/...`,
// `publishers/google/models/gemini-1.5-pro`), without Bedrock's region,
// vendor and version (`us.meta.llama3-3-70b-instruct-v1:0`,
// `amazon.nova-pro-v1:0`), without date or version suffixes (`-2024-08-06`,
// `-20241022`, `@20241022`, `-0125`, `-002`, `-latest`, `-preview-06-05`);
// each followed by its dashed form when it has dotted version numbers
// (OpenRouter's `claude-sonnet-4.5` is Anthropic's `claude-sonnet-4-5`).
func Candidates(raw string) []string {
	name := strings.ToLower(strings.TrimSpace(raw))
	out := make([]string, 0, 8)
	add := func(s string) {
		if s == "" {
			return
		}
		for _, c := range out {
			if c == s {
				return
			}
		}
		out = append(out, s)
		if d := dashed(s); d != s {
			for _, c := range out {
				if c == d {
					return
				}
			}
			out = append(out, d)
		}
	}
	add(name)
	if m := labelRE.FindStringSubmatch(name); m != nil && labelProviders[m[1]] {
		name = m[2]
		add(name)
	}
	for {
		i := strings.IndexByte(name, '/')
		if i < 0 {
			break
		}
		name = name[i+1:]
		add(name)
	}
	if b := bedrockRE.FindStringSubmatch(name); b != nil {
		name = b[1]
		add(name)
	}
	for range 3 {
		s := suffixRE.ReplaceAllString(name, "")
		if s == name {
			break
		}
		name = s
		add(name)
	}
	return out
}

// dashed replaces dots between digits with dashes.
func dashed(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	b := []byte(s)
	for i := 1; i+1 < len(b); i++ {
		if b[i] == '.' && isDigit(b[i-1]) && isDigit(b[i+1]) {
			b[i] = '-'
		}
	}
	return string(b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

var (
	// HALO Core labels models `provider:model`.
	labelRE = regexp.MustCompile(`^([a-z][a-z0-9_-]*):([^:].*)$`)
	// labelProviders are the provider words such a label starts with.
	labelProviders = map[string]bool{
		"openai": true, "anthropic": true, "google": true, "gemini": true, "google-gla": true, "google-vertex": true,
		"vertexai": true, "vertex_ai": true, "mistral": true, "mistralai": true, "groq": true, "ollama": true,
		"deepseek": true, "xai": true, "x-ai": true, "azure": true, "azure_openai": true, "bedrock": true,
		"aws": true, "cohere": true, "openrouter": true, "together": true, "fireworks": true, "perplexity": true,
		"meta": true, "qwen": true, "dashscope": true, "huggingface": true, "litellm": true, "nvidia": true,
	}
	// Bedrock ids: optional region prefix, vendor prefix, version suffix.
	bedrockRE = regexp.MustCompile(`^(?:(?:us|eu|apac|global|jp|au|ca|us-gov)\.)?(?:anthropic|meta|cohere|mistral|amazon|deepseek|ai21|qwen|openai|writer)\.(.+?)(?:-v\d+)?(?::\d+)?$`)
	// Date and version suffixes providers append to model ids.
	suffixRE = regexp.MustCompile(`(?:[-@](?:\d{8}|\d{4}-\d{2}-\d{2}|\d{2}-\d{4}|\d{4}|\d{3}|latest)|-(?:preview|exp)(?:-\d{2}-\d{2}|-\d{4})?)$`)
)

// Match is the result of looking a model name up.
type Match struct {
	// entries are the matching family's price entries, oldest first.
	entries []*Entry
}

// At returns the entry in effect at t: the latest whose effective_from is
// not after t, else the earliest (a call dated before the first known price
// is priced at the first known price rather than left unpriced).
func (m Match) At(t time.Time) *Entry {
	if len(m.entries) == 0 {
		return nil
	}
	e := m.entries[0]
	for _, c := range m.entries[1:] {
		if c.EffectiveFrom.After(t) {
			break
		}
		e = c
	}
	return e
}

// Found reports whether the lookup matched a price entry.
func (m Match) Found() bool { return len(m.entries) > 0 }

// HomeProvider names the provider a model name belongs to ("" when not
// known); the processor passes genai.InferProvider.
type HomeProvider func(model string) string

// Lookup finds the price entries of a raw model name called through
// provider ("" when unknown): the first layer that prices the name wins
// (price file, then databases in order, then defaults); within a layer the
// most specific candidate name, then match expressions. When a name is
// priced for several providers, the call's provider's price is used, else
// the model's own vendor's, else the first listed.
func (t *Table) Lookup(provider, raw string, home HomeProvider) Match {
	cands := Candidates(raw)
	want := providerKey(provider)
	for _, l := range t.layers {
		for _, c := range cands {
			if fams, ok := l.byName[c]; ok {
				return Match{entries: pick(fams, want, c, home).entries}
			}
		}
		var hits []*family
		for _, c := range cands {
			for _, e := range l.patterns {
				if e.match.MatchString(c) {
					for _, f := range l.byName[e.ID] {
						if f.provider == e.Provider {
							hits = append(hits, f)
						}
					}
				}
			}
			if len(hits) > 0 {
				return Match{entries: pick(hits, want, c, home).entries}
			}
		}
	}
	return Match{}
}

func pick(fams []*family, want, name string, home HomeProvider) *family {
	if len(fams) == 1 {
		return fams[0]
	}
	if want != "" {
		for _, f := range fams {
			if providerKey(f.provider) == want {
				return f
			}
		}
	}
	// The entry filed under the name itself before those that have it as
	// an alias (a database's `azure/gpt-5.1` found as `gpt-5.1`).
	for _, f := range fams {
		if f.entries[0].ID == name {
			return f
		}
	}
	if home != nil {
		if h := providerKey(home(name)); h != "" {
			for _, f := range fams {
				if providerKey(f.provider) == h {
					return f
				}
			}
		}
	}
	return fams[0]
}

// providerKey folds provider names that share prices: Google's endpoints
// (gcp.gemini, gcp.vertex_ai, gcp.gen_ai) and Azure's.
func providerKey(p string) string {
	switch {
	case p == "":
		return ""
	case strings.HasPrefix(p, "gcp.") || p == "google":
		return "gcp"
	case strings.HasPrefix(p, "azure"):
		return "azure"
	}
	return p
}

// maxCached bounds the match cache: a buggy app sending unbounded distinct
// model names must not grow memory. Beyond it lookups still work, uncached.
const maxCached = 10_000

// maxProviders bounds the number of per-provider caches.
const maxProviders = 64

// Matcher caches Lookup results per provider and raw model name, applying
// configured Azure deployment names first, so the hot path is a short scan
// of the providers seen and one map read, without a lock.
type Matcher struct {
	table *Table
	home  HomeProvider
	deps  map[string]string

	mu     sync.Mutex                      // serialises adding a provider
	caches atomic.Pointer[[]providerCache] // copy on write
}

type providerCache struct {
	provider string
	cache    *readcache.Cache[Match]
}

// NewMatcher returns a Matcher over t; deployments maps Azure OpenAI
// deployment names to the model they serve.
func NewMatcher(t *Table, deployments map[string]string, home HomeProvider) *Matcher {
	d := make(map[string]string, len(deployments))
	for k, v := range deployments {
		d[strings.ToLower(k)] = v
	}
	m := &Matcher{table: t, deps: d, home: home}
	m.caches.Store(&[]providerCache{})
	return m
}

// Table returns the table the matcher looks up.
func (m *Matcher) Table() *Table { return m.table }

func (m *Matcher) lookup(provider, raw string) Match {
	if model, ok := m.deps[strings.ToLower(raw)]; ok {
		raw = model
	}
	return m.table.Lookup(provider, raw, m.home)
}

// Lookup returns the (cached) match for a raw model name called through
// provider.
func (m *Matcher) Lookup(provider, raw string) Match {
	for _, c := range *m.caches.Load() {
		if c.provider == provider {
			return c.cache.Get(raw)
		}
	}
	m.mu.Lock()
	list := *m.caches.Load()
	for _, c := range list {
		if c.provider == provider {
			m.mu.Unlock()
			return c.cache.Get(raw)
		}
	}
	if len(list) >= maxProviders {
		m.mu.Unlock()
		return m.lookup(provider, raw)
	}
	p := strings.Clone(provider)
	c := readcache.New(maxCached/4, func(raw string) Match { return m.lookup(p, raw) })
	next := append(append(make([]providerCache, 0, len(list)+1), list...), providerCache{p, c})
	m.caches.Store(&next)
	m.mu.Unlock()
	return c.Get(raw)
}

// cached reports how many names the caches hold.
func (m *Matcher) cached() int {
	n := 0
	for _, c := range *m.caches.Load() {
		n += c.cache.Len()
	}
	return n
}
