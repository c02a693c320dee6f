// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package pricing // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens"
)

// ParseLiteLLM reads LiteLLM's model_prices_and_context_window.json: an
// object of model keys, each with per-token prices. Every field that changes
// a text-token bill is mapped:
//
//	input_cost_per_token, output_cost_per_token        input, output
//	cache_read_input_token_cost (input_cost_per_token_cache_hit)  cache_read
//	cache_creation_input_token_cost                     cache_write (5 minutes)
//	cache_creation_input_token_cost_above_1hr           cache_write_1h
//	output_cost_per_reasoning_token                     reasoning
//	<field>_above_<N>k_tokens                           long-context tier above N×1000 input tokens
//	<field>_priority, <field>_flex, <field>_batches     service tiers priority, flex, batch
//	tiered_pricing [{range, <fields>}]                  tiers by input length (Qwen)
//
// Entries of other modes (images, audio, rerank, ...) and entries without
// a token price are skipped and counted. Keys with a route prefix
// (`gemini/gemini-2.5-flash`, `azure/gpt-4o`, `vertex_ai/claude-...`) are
// also found without it, for the provider the prefix names. Prices are read
// from their decimal text, never through a float.
func ParseLiteLLM(data []byte) (*Database, error) {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("decoding LiteLLM prices: %w", err)
	}
	db := &Database{Source: SourceLiteLLM}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		if key == "sample_spec" {
			continue
		}
		var fields map[string]json.RawMessage
		d := json.NewDecoder(bytes.NewReader(raw[key]))
		d.UseNumber()
		if err := d.Decode(&fields); err != nil {
			db.Skipped++
			continue
		}
		e, rounded, ok := liteLLMEntry(key, fields)
		db.Rounded += rounded
		if !ok {
			db.Skipped++
			continue
		}
		db.Entries = append(db.Entries, e)
	}
	if len(db.Entries) == 0 {
		return nil, fmt.Errorf("no priced model in the LiteLLM file (%d entries skipped)", db.Skipped)
	}
	return db, nil
}

var (
	liteLLMTierRE       = regexp.MustCompile(`^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost|cache_creation_input_token_cost_above_1hr|output_cost_per_reasoning_token)_above_(\d+)k_tokens(?:_(priority|flex|batches))?$`)
	liteLLMTierSuffixRE = regexp.MustCompile(`^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost|cache_creation_input_token_cost_above_1hr|output_cost_per_reasoning_token)_(priority|flex|batches)$`)
)

var liteLLMModes = map[string]bool{"chat": true, "completion": true, "embedding": true, "responses": true, "": true}

// liteLLMPart maps a LiteLLM field stem to the part of a RateSpec.
func liteLLMPart(r *RateSpec, stem string) **Micros {
	switch stem {
	case "input_cost_per_token":
		return &r.Input
	case "output_cost_per_token":
		return &r.Output
	case "cache_read_input_token_cost":
		return &r.CacheRead
	case "cache_creation_input_token_cost":
		return &r.CacheWrite
	case "cache_creation_input_token_cost_above_1hr":
		return &r.CacheWrite1h
	case "output_cost_per_reasoning_token":
		return &r.Reasoning
	}
	return nil
}

func liteLLMEntry(key string, f map[string]json.RawMessage) (*Entry, int, bool) {
	var mode string
	if m, ok := f["mode"]; ok {
		_ = json.Unmarshal(m, &mode)
	}
	if !liteLLMModes[mode] {
		return nil, 0, false
	}
	var provider string
	if p, ok := f["litellm_provider"]; ok {
		_ = json.Unmarshal(p, &provider)
	}
	rounded := 0
	num := func(raw json.RawMessage) (*Micros, bool) {
		s := strings.TrimSpace(string(raw))
		if s == "" || s == "null" {
			return nil, true
		}
		m, r, err := ParseScaled(s, microScale)
		if err != nil {
			return nil, false
		}
		if r {
			rounded++
		}
		return &m, true
	}
	base := PriceSpec{}
	tiers := map[string]*PriceSpec{} // service tier -> spec
	tierOf := func(name string) *PriceSpec {
		if name == "batches" {
			name = "batch"
		}
		if tiers[name] == nil {
			tiers[name] = &PriceSpec{}
		}
		return tiers[name]
	}
	long := map[string]map[int64]*TierSpec{} // service tier ("" standard) -> threshold -> tier
	longOf := func(tier string, above int64) *TierSpec {
		if tier == "batches" {
			tier = "batch"
		}
		if long[tier] == nil {
			long[tier] = map[int64]*TierSpec{}
		}
		if long[tier][above] == nil {
			long[tier][above] = &TierSpec{Threshold: above}
		}
		return long[tier][above]
	}
	for field, raw := range f {
		var dst **Micros
		if p := liteLLMPart(&base.RateSpec, field); p != nil {
			dst = p
		} else if field == "input_cost_per_token_cache_hit" {
			if _, ok := f["cache_read_input_token_cost"]; ok {
				continue
			}
			dst = &base.CacheRead
		} else if m := liteLLMTierRE.FindStringSubmatch(field); m != nil {
			above, err := strconv.ParseInt(m[2], 10, 64)
			if err != nil {
				return nil, rounded, false
			}
			dst = liteLLMPart(&longOf(m[3], above*1000).RateSpec, m[1])
		} else if m := liteLLMTierSuffixRE.FindStringSubmatch(field); m != nil {
			dst = liteLLMPart(&tierOf(m[2]).RateSpec, m[1])
		} else {
			continue
		}
		v, ok := num(raw)
		if !ok {
			return nil, rounded, false
		}
		*dst = v
	}
	if tp, ok := f["tiered_pricing"]; ok {
		if !liteLLMTiered(tp, &base, longOf, num) {
			return nil, rounded, false
		}
	}
	if base.Input == nil {
		return nil, rounded, false
	}
	if base.Output == nil {
		if mode != "embedding" {
			return nil, rounded, false
		}
		zero := Micros(0)
		base.Output = &zero
	}
	for tier, byAbove := range long {
		list := make(LongContextSpec, 0, len(byAbove))
		for _, t := range byAbove {
			list = append(list, *t)
		}
		sort.Slice(list, func(i, j int) bool { return list[i].Threshold < list[j].Threshold })
		if tier == "" {
			base.LongContext = list
		} else {
			tierOf(tier).LongContext = list
		}
	}
	spec := ModelSpec{
		ID: key, Provider: NormalizeLiteLLMProvider(provider),
		RateSpec: base.RateSpec, LongContext: base.LongContext,
	}
	if alias := liteLLMAlias(key, provider); alias != "" {
		spec.Aliases = []string{alias}
	}
	for name, t := range tiers {
		if spec.ServiceTiers == nil {
			spec.ServiceTiers = map[string]PriceSpec{}
		}
		spec.ServiceTiers[name] = *t
	}
	e, err := newImported(spec, SourceLiteLLM, SourceLiteLLM+":"+strings.ToLower(key), time.Time{})
	if err != nil {
		return nil, rounded, false
	}
	return e, rounded, true
}

// liteLLMTiered reads tiered_pricing: [{"range": [lo, hi], <fields>}]. The
// first range is the base price when the entry has none of its own; each
// later range bills the whole request above its lower bound.
func liteLLMTiered(raw json.RawMessage, base *PriceSpec, longOf func(string, int64) *TierSpec, num func(json.RawMessage) (*Micros, bool)) bool {
	var list []map[string]json.RawMessage
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(&list); err != nil {
		return false
	}
	for i, t := range list {
		var rng []json.Number
		if err := json.Unmarshal(t["range"], &rng); err != nil || len(rng) != 2 {
			return false
		}
		lo, _, err := ParseScaled(rng[0].String(), 1)
		if err != nil || int64(lo)%microScale != 0 {
			return false
		}
		var spec *RateSpec
		if i == 0 && int64(lo) == 0 {
			spec = &base.RateSpec
			if spec.Input != nil {
				continue
			}
		} else {
			spec = &longOf("", int64(lo)/microScale).RateSpec
		}
		for field, v := range t {
			if p := liteLLMPart(spec, field); p != nil {
				m, ok := num(v)
				if !ok {
					return false
				}
				*p = m
			}
		}
	}
	return true
}

// liteLLMAlias is a key without the route prefix that names its provider
// (`gemini/gemini-2.5-flash` -> `gemini-2.5-flash`), "" when the key has
// none or the rest still carries a route (a region).
func liteLLMAlias(key, provider string) string {
	i := strings.IndexByte(key, '/')
	if i <= 0 {
		return ""
	}
	prefix, rest := key[:i], key[i+1:]
	if prefix != provider && !strings.HasPrefix(provider, prefix) {
		return ""
	}
	if strings.Contains(rest, "/") && prefix != "openrouter" {
		return ""
	}
	return rest
}

// NormalizeLiteLLMProvider maps a litellm_provider onto gen_ai.provider.name.
func NormalizeLiteLLMProvider(p string) string {
	switch {
	case p == "openai" || p == "text-completion-openai":
		return "openai"
	case p == "anthropic":
		return "anthropic"
	case p == "gemini":
		return "gcp.gemini"
	case strings.HasPrefix(p, "vertex_ai"):
		return "gcp.vertex_ai"
	case p == "bedrock" || p == "bedrock_converse":
		return "aws.bedrock"
	case p == "azure":
		return "azure.ai.openai"
	case p == "azure_ai":
		return "azure.ai.inference"
	case p == "xai":
		return "x_ai"
	case p == "mistral" || p == "codestral":
		return "mistral_ai"
	case p == "cohere" || p == "cohere_chat":
		return "cohere"
	case p == "moonshot":
		return "moonshot_ai"
	case p == "":
		return "unknown"
	}
	return p
}

// newImported builds an entry of an imported database.
func newImported(spec ModelSpec, source, pricingID string, from time.Time) (*Entry, error) {
	spec.EffectiveFrom = "2000-01-01"
	e, err := newEntry(spec, "USD", source)
	if err != nil {
		return nil, err
	}
	e.EffectiveFrom = from
	e.PricingID = pricingID
	if !from.IsZero() {
		e.PricingID += "@" + from.Format(time.DateOnly)
	}
	if enc, ok := openAITokenizer(e.ID); ok {
		e.Tokenizer, e.OwnTokenizer = enc, true
	}
	return e, nil
}

// openAITokenizer names the tokenizer of OpenAI model ids (by the last path
// segment), as the embedded table does.
func openAITokenizer(id string) (tokens.Encoding, bool) {
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		id = id[i+1:]
	}
	switch {
	case strings.HasPrefix(id, "gpt-4o"), strings.HasPrefix(id, "gpt-4.1"), strings.HasPrefix(id, "gpt-4.5"),
		strings.HasPrefix(id, "gpt-5"), strings.HasPrefix(id, "o1"), strings.HasPrefix(id, "o3"), strings.HasPrefix(id, "o4"),
		strings.HasPrefix(id, "chatgpt-4o"), strings.HasPrefix(id, "gpt-oss"):
		return tokens.O200kBase, true
	case strings.HasPrefix(id, "gpt-4"), strings.HasPrefix(id, "gpt-3.5"), strings.HasPrefix(id, "text-embedding-3"),
		strings.HasPrefix(id, "text-embedding-ada"):
		return tokens.Cl100kBase, true
	}
	return 0, false
}
