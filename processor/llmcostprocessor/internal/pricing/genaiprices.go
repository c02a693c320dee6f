// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package pricing // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
)

// ParseGenAIPrices reads pydantic genai-prices' data.json (the live
// prices/new_data/v2/data.json, or the frozen v1 prices/data.json): a list of
// providers, each with models, a match clause per model and prices per
// million tokens. Mapped per model:
//
//	input_mtok (input_text_mtok), output_mtok (output_text_mtok)   input, output (absent: 0)
//	cache_read_mtok, cache_write_mtok (cache_write_5m_mtok)        cache_read, cache_write
//	cache_write_1h_mtok                                            cache_write_1h
//	output_reasoning_mtok                                          reasoning
//	{"base": p, "tiers": [{"start": n, "price": q}]}               long-context tiers above n input tokens
//	conditional prices: constraint start_date                      a price history (effective_from)
//	conditional prices: constraint start_time/end_time             a time-of-day window (UTC)
//
// Match clauses (equals, starts_with, ends_with, contains, regex, or, and)
// keep their meaning; `equals` names are exact names. Audio, image and
// per-request prices do not bill text tokens and are not read.
func ParseGenAIPrices(data []byte) (*Database, error) {
	var providers []gpProvider
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&providers); err != nil {
		return nil, fmt.Errorf("decoding genai-prices data: %w", err)
	}
	db := &Database{Source: SourceGenAIPrices}
	for _, p := range providers {
		if p.ID == "" {
			continue
		}
		provider := NormalizeGenAIPricesProvider(p.ID)
		for _, m := range p.Models {
			entries, rounded, err := gpEntries(p.ID, provider, m)
			db.Rounded += rounded
			if err != nil {
				db.Skipped++
				continue
			}
			db.Entries = append(db.Entries, entries...)
		}
	}
	if len(db.Entries) == 0 {
		return nil, fmt.Errorf("no priced model in the genai-prices data (%d skipped)", db.Skipped)
	}
	return db, nil
}

type gpProvider struct {
	ID     string    `json:"id"`
	Models []gpModel `json:"models"`
}

type gpModel struct {
	ID     string          `json:"id"`
	Match  json.RawMessage `json:"match"`
	Prices json.RawMessage `json:"prices"`
}

type gpConditional struct {
	Constraint *struct {
		StartDate string `json:"start_date"`
		StartTime string `json:"start_time"`
		EndTime   string `json:"end_time"`
	} `json:"constraint"`
	Prices map[string]json.RawMessage `json:"prices"`
}

// NormalizeGenAIPricesProvider maps a genai-prices provider id onto
// gen_ai.provider.name.
func NormalizeGenAIPricesProvider(id string) string {
	switch id {
	case "google":
		return "gcp.gemini"
	case "aws":
		return "aws.bedrock"
	case "azure":
		return "azure.ai.openai"
	case "x-ai":
		return "x_ai"
	case "mistral":
		return "mistral_ai"
	case "moonshotai":
		return "moonshot_ai"
	}
	return id
}

func gpEntries(providerID, provider string, m gpModel) ([]*Entry, int, error) {
	if m.ID == "" {
		return nil, 0, errors.New("model without id")
	}
	match, exact, err := gpClause(m.Match)
	if err != nil {
		return nil, 0, err
	}
	var conds []gpConditional
	trimmed := bytes.TrimSpace(m.Prices)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		d := json.NewDecoder(bytes.NewReader(trimmed))
		d.UseNumber()
		if err := d.Decode(&conds); err != nil {
			return nil, 0, err
		}
	} else {
		var one map[string]json.RawMessage
		d := json.NewDecoder(bytes.NewReader(trimmed))
		d.UseNumber()
		if err := d.Decode(&one); err != nil {
			return nil, 0, err
		}
		conds = []gpConditional{{Prices: one}}
	}
	rounded := 0
	var out []*Entry
	var cur *Entry
	for _, c := range conds {
		spec, r, err := gpPrices(c.Prices)
		rounded += r
		if err != nil {
			return nil, rounded, err
		}
		switch {
		case c.Constraint != nil && c.Constraint.StartTime != "":
			if cur == nil {
				return nil, rounded, errors.New("a time-of-day price before any price")
			}
			from, ok1 := parseClockSeconds(c.Constraint.StartTime)
			to, ok2 := parseClockSeconds(c.Constraint.EndTime)
			if !ok1 || !ok2 || from == to {
				return nil, rounded, fmt.Errorf("time-of-day %q-%q", c.Constraint.StartTime, c.Constraint.EndTime)
			}
			p, err := resolvePrices(spec, nil)
			if err != nil {
				return nil, rounded, err
			}
			cur.Windows = append(cur.Windows, Window{From: from, To: to, Prices: *p})
		default:
			var at time.Time
			if c.Constraint != nil && c.Constraint.StartDate != "" {
				at, err = time.Parse(time.DateOnly, c.Constraint.StartDate)
				if err != nil {
					return nil, rounded, err
				}
			}
			ms := ModelSpec{ID: providerID + "/" + m.ID, Provider: provider, RateSpec: spec.RateSpec, LongContext: spec.LongContext, Aliases: exact}
			e, err := newImported(ms, SourceGenAIPrices, SourceGenAIPrices+":"+providerID+"/"+strings.ToLower(m.ID), at)
			if err != nil {
				return nil, rounded, err
			}
			e.match = match
			if enc, ok := openAITokenizer(strings.ToLower(m.ID)); ok && providerID == "openai" {
				e.Tokenizer, e.OwnTokenizer = enc, true
			}
			out = append(out, e)
			cur = e
		}
	}
	if len(out) == 0 {
		return nil, rounded, errors.New("no unconditional price")
	}
	// Histories are ordered by date; a later conditional price wins.
	sort.SliceStable(out, func(i, j int) bool { return out[i].EffectiveFrom.Before(out[j].EffectiveFrom) })
	return out, rounded, nil
}

// parseClockSeconds reads "00:30:00Z" / "16:30:00" as minutes after
// midnight UTC.
func parseClockSeconds(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "Z"), "+00:00")
	for _, layout := range []string{"15:04:05", "15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Hour()*60 + t.Minute(), true
		}
	}
	return 0, false
}

// gpPrices maps a genai-prices ModelPrice onto a PriceSpec. Tiered prices of
// different keys are merged into long-context tiers at the union of their
// starts.
func gpPrices(p map[string]json.RawMessage) (PriceSpec, int, error) {
	type tiered struct {
		base  Micros
		tiers []Tier // Rates unused: Above and a price in Rates.Input
	}
	rounded := 0
	read := func(raw json.RawMessage) (*tiered, error) {
		raw = bytes.TrimSpace(raw)
		if len(raw) > 0 && raw[0] == '{' {
			var t struct {
				Base  json.Number `json:"base"`
				Tiers []struct {
					Start json.Number `json:"start"`
					Price json.Number `json:"price"`
				} `json:"tiers"`
			}
			d := json.NewDecoder(bytes.NewReader(raw))
			d.UseNumber()
			if err := d.Decode(&t); err != nil {
				return nil, err
			}
			b, r, err := ParseScaled(t.Base.String(), 1)
			if err != nil {
				return nil, err
			}
			if r {
				rounded++
			}
			out := &tiered{base: b}
			for _, tr := range t.Tiers {
				start, err := tr.Start.Int64()
				if err != nil || start <= 0 {
					return nil, fmt.Errorf("tier start %q", tr.Start)
				}
				v, r, err := ParseScaled(tr.Price.String(), 1)
				if err != nil {
					return nil, err
				}
				if r {
					rounded++
				}
				out.tiers = append(out.tiers, Tier{Above: start, Rates: Rates{Input: v}})
			}
			sort.Slice(out.tiers, func(i, j int) bool { return out.tiers[i].Above < out.tiers[j].Above })
			return out, nil
		}
		v, r, err := ParseScaled(string(raw), 1)
		if err != nil {
			return nil, err
		}
		if r {
			rounded++
		}
		return &tiered{base: v}, nil
	}
	parts := map[string]*tiered{}
	for _, k := range []struct{ key, alt string }{
		{"input_mtok", "input_text_mtok"},
		{"output_mtok", "output_text_mtok"},
		{"cache_read_mtok", "cache_text_read_mtok"},
		{"cache_write_mtok", "cache_write_5m_mtok"},
		{"cache_write_1h_mtok", "cache_text_write_1h_mtok"},
		{"output_reasoning_mtok", ""},
	} {
		raw, ok := p[k.key]
		if !ok && k.alt != "" {
			raw, ok = p[k.alt]
		}
		if !ok {
			continue
		}
		t, err := read(raw)
		if err != nil {
			return PriceSpec{}, rounded, fmt.Errorf("%s: %w", k.key, err)
		}
		parts[k.key] = t
	}
	zero := Micros(0)
	ptr := func(key string, at int64) *Micros {
		t, ok := parts[key]
		if !ok {
			return nil
		}
		v := t.base
		for _, tr := range t.tiers {
			if at > tr.Above {
				v = tr.Rates.Input
			}
		}
		return &v
	}
	var spec PriceSpec
	fill := func(r *RateSpec, at int64) {
		r.Input, r.Output = ptr("input_mtok", at), ptr("output_mtok", at)
		r.CacheRead, r.CacheWrite = ptr("cache_read_mtok", at), ptr("cache_write_mtok", at)
		r.CacheWrite1h, r.Reasoning = ptr("cache_write_1h_mtok", at), ptr("output_reasoning_mtok", at)
		// genai-prices bills an absent input or output price as 0.
		if r.Input == nil {
			r.Input = &zero
		}
		if r.Output == nil {
			r.Output = &zero
		}
	}
	fill(&spec.RateSpec, 0)
	starts := map[int64]bool{}
	for _, t := range parts {
		for _, tr := range t.tiers {
			starts[tr.Above] = true
		}
	}
	list := make([]int64, 0, len(starts))
	for s := range starts {
		list = append(list, s)
	}
	sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
	for _, s := range list {
		t := TierSpec{Threshold: s}
		fill(&t.RateSpec, s+1)
		spec.LongContext = append(spec.LongContext, t)
	}
	return spec, rounded, nil
}

// gpClause compiles a genai-prices match clause. exact lists the names of
// `equals` clauses directly under the top-level `or` (or the clause itself):
// they are filed as exact names, the rest is matched as an expression.
func gpClause(raw json.RawMessage) (NameMatcher, []string, error) {
	var node map[string]json.RawMessage
	if err := json.Unmarshal(raw, &node); err != nil {
		return nil, nil, fmt.Errorf("match: %w", err)
	}
	c, err := gpCompile(node)
	if err != nil {
		return nil, nil, err
	}
	var exact []string
	var rest clauseOr
	switch v := c.(type) {
	case clauseEquals:
		return nil, []string{string(v)}, nil
	case clauseOr:
		for _, sub := range v {
			if eq, ok := sub.(clauseEquals); ok {
				exact = append(exact, string(eq))
			} else {
				rest = append(rest, sub)
			}
		}
		if len(rest) == 0 {
			return nil, exact, nil
		}
		return rest, exact, nil
	}
	return c, nil, nil
}

func gpCompile(node map[string]json.RawMessage) (NameMatcher, error) {
	if len(node) != 1 {
		return nil, fmt.Errorf("match clause with %d keys", len(node))
	}
	for k, v := range node {
		switch k {
		case "equals", "starts_with", "ends_with", "contains", "regex":
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				return nil, err
			}
			s = strings.ToLower(s)
			switch k {
			case "equals":
				return clauseEquals(s), nil
			case "starts_with":
				return clauseFunc(func(n string) bool { return strings.HasPrefix(n, s) }), nil
			case "ends_with":
				return clauseFunc(func(n string) bool { return strings.HasSuffix(n, s) }), nil
			case "contains":
				return clauseFunc(func(n string) bool { return strings.Contains(n, s) }), nil
			}
			re, err := regexp.Compile(s)
			if err != nil {
				return nil, fmt.Errorf("regex %q: %w", s, err)
			}
			return re, nil
		case "or", "and":
			var subs []map[string]json.RawMessage
			if err := json.Unmarshal(v, &subs); err != nil {
				return nil, err
			}
			list := make([]NameMatcher, 0, len(subs))
			for _, s := range subs {
				c, err := gpCompile(s)
				if err != nil {
					return nil, err
				}
				list = append(list, c)
			}
			if k == "or" {
				return clauseOr(list), nil
			}
			return clauseAnd(list), nil
		}
		return nil, fmt.Errorf("unknown match clause %q", k)
	}
	return nil, errors.New("empty match clause")
}

type (
	clauseEquals string
	clauseFunc   func(string) bool
	clauseOr     []NameMatcher
	clauseAnd    []NameMatcher
)

func (c clauseEquals) MatchString(n string) bool { return n == string(c) }
func (c clauseFunc) MatchString(n string) bool   { return c(n) }

func (c clauseOr) MatchString(n string) bool {
	for _, s := range c {
		if s.MatchString(n) {
			return true
		}
	}
	return false
}

func (c clauseAnd) MatchString(n string) bool {
	for _, s := range c {
		if !s.MatchString(n) {
			return false
		}
	}
	return true
}
