// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package pricing // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"

import (
	"regexp"
	"strings"
	"time"

	"github.com/otelcol-llm/otelcol-llm/internal/readcache"
)

// Candidates returns the names a raw model name is tried as, most specific
// first: the name itself, without a hosting prefix (`openai/gpt-4o`,
// `publishers/google/models/gemini-1.5-pro`, Bedrock's
// `us.anthropic.claude-...-v2:0`), and without date or version suffixes
// (`-2024-08-06`, `-20241022`, `@20241022`, `-0125`, `-002`, `-latest`,
// `-preview-06-05`).
func Candidates(raw string) []string {
	name := strings.ToLower(strings.TrimSpace(raw))
	out := []string{name}
	add := func(s string) {
		if s != "" && s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
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

var (
	// Bedrock ids: optional region prefix, vendor prefix, version suffix.
	bedrockRE = regexp.MustCompile(`^(?:(?:us|eu|apac|global)\.)?(?:anthropic|meta|cohere|mistral|amazon|deepseek)\.(.+?)(?:-v\d+)?(?::\d+)?$`)
	// Date and version suffixes providers append to model ids.
	suffixRE = regexp.MustCompile(`(?:[-@](?:\d{8}|\d{4}-\d{2}-\d{2}|\d{2}-\d{4}|\d{4}|\d{3}|latest)|-(?:preview|exp)(?:-\d{2}-\d{2}|-\d{4})?)$`)
)

// Match is the result of looking a model name up.
type Match struct {
	// entries are the matching id's price entries, oldest first.
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

// Lookup finds the price entries of a raw model name.
func (t *Table) Lookup(raw string) Match {
	cands := Candidates(raw)
	for _, c := range cands {
		if list, ok := t.byName[c]; ok {
			return Match{entries: list}
		}
	}
	for _, e := range t.patterns {
		for _, c := range cands {
			if e.match.MatchString(c) {
				return Match{entries: t.byName[e.ID]}
			}
		}
	}
	return Match{}
}

// maxCached bounds the match cache: a buggy app sending unbounded distinct
// model names must not grow memory. Beyond it lookups still work, uncached.
const maxCached = 10_000

// Matcher caches Lookup results per raw model name, applying configured
// Azure deployment names first, so the hot path is one map read without a
// lock.
type Matcher struct {
	table *Table
	cache *readcache.Cache[Match]
}

// NewMatcher returns a Matcher over t; deployments maps Azure OpenAI
// deployment names to the model they serve.
func NewMatcher(t *Table, deployments map[string]string) *Matcher {
	d := make(map[string]string, len(deployments))
	for k, v := range deployments {
		d[strings.ToLower(k)] = v
	}
	return &Matcher{table: t, cache: readcache.New(maxCached, func(raw string) Match {
		if model, ok := d[strings.ToLower(raw)]; ok {
			return t.Lookup(model)
		}
		return t.Lookup(raw)
	})}
}

// Table returns the table the matcher looks up.
func (m *Matcher) Table() *Table { return m.table }

// Lookup returns the (cached) match for a raw model name.
func (m *Matcher) Lookup(raw string) Match { return m.cache.Get(raw) }

// cached reports how many names the cache holds.
func (m *Matcher) cached() int { return m.cache.Len() }
