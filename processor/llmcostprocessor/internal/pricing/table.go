// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package pricing holds the llm_cost price table: loading and validating
// price files and imported price databases, layering them (price file over
// databases over the embedded defaults), matching model names as they appear
// in the wild, and computing exact costs. It has no dependency on pdata.
package pricing // import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/otelcol-llm/otelcol-llm/internal/tokens"
)

//go:embed prices.yaml
var defaultPrices []byte

// DefaultFile returns the embedded default price file.
func DefaultFile() []byte { return defaultPrices }

// Sources of price entries, as written in gen_ai.usage.cost.pricing_id.
const (
	SourceDefault     = "default"
	SourcePriceFile   = "price_file"
	SourceLiteLLM     = "litellm"
	SourceGenAIPrices = "genai_prices"
)

// File is the format of the default table and of user price files.
type File struct {
	Defaults struct {
		Currency string `yaml:"currency"`
	} `yaml:"defaults"`
	Models      []ModelSpec      `yaml:"models"`
	Multipliers []MultiplierSpec `yaml:"multipliers"`
}

// RateSpec is a set of prices per million tokens.
type RateSpec struct {
	Input        *Micros `yaml:"input"`
	Output       *Micros `yaml:"output"`
	CacheRead    *Micros `yaml:"cache_read"`
	CacheWrite   *Micros `yaml:"cache_write"`
	CacheWrite1h *Micros `yaml:"cache_write_1h"`
	Reasoning    *Micros `yaml:"reasoning"`
}

// TierSpec bills the whole request at its rates above Threshold input
// tokens (cache reads and writes included).
type TierSpec struct {
	Threshold int64 `yaml:"threshold"`
	RateSpec  `yaml:",inline"`
}

// LongContextSpec is one tier or a list of tiers.
type LongContextSpec []TierSpec

// UnmarshalYAML accepts a single tier (a mapping) or a list of tiers.
func (l *LongContextSpec) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		var t TierSpec
		if err := n.Decode(&t); err != nil {
			return err
		}
		*l = LongContextSpec{t}
		return nil
	}
	var list []TierSpec
	if err := n.Decode(&list); err != nil {
		return err
	}
	*l = list
	return nil
}

// PriceSpec is the prices of a service tier or a time-of-day window: rates
// and their long-context tiers.
type PriceSpec struct {
	RateSpec    `yaml:",inline"`
	LongContext LongContextSpec `yaml:"long_context"`
}

// WindowSpec prices calls made between From and To (UTC, "HH:MM", To may be
// past midnight: 16:30 to 00:30) at its own prices, on every day or, with
// Days, on those UTC weekdays only (mon, tue, wed, thu, fri, sat, sun; a
// window past midnight belongs to the day it starts on).
type WindowSpec struct {
	From      string   `yaml:"from"`
	To        string   `yaml:"to"`
	Days      []string `yaml:"days"`
	PriceSpec `yaml:",inline"`
}

// ModelSpec is one price entry as written in a price file.
type ModelSpec struct {
	ID          string   `yaml:"id"`
	Provider    string   `yaml:"provider"`
	Aliases     []string `yaml:"aliases"`
	Match       string   `yaml:"match"`
	RateSpec    `yaml:",inline"`
	LongContext LongContextSpec `yaml:"long_context"`
	// ServiceTiers prices calls served at another tier (batch, flex,
	// priority) than the standard one.
	ServiceTiers map[string]PriceSpec `yaml:"service_tiers"`
	TimeOfDay    []WindowSpec         `yaml:"time_of_day"`
	// EffectiveFrom is a date (YYYY-MM-DD, 00:00 UTC) or an RFC 3339 time.
	EffectiveFrom string `yaml:"effective_from"`
	Currency      string `yaml:"currency"`
	// Tokenizer is the model family's own tokenizer (o200k_base,
	// cl100k_base), used to estimate tokens a call did not report.
	Tokenizer string `yaml:"tokenizer"`
	AsOf      string `yaml:"as_of"`
	Source    string `yaml:"source"`
	// Note says how the price was established (sources compared, choices).
	Note string `yaml:"note"`
}

// MultiplierSpec scales the cost of items whose resource attribute
// Attribute equals Value (a negotiated discount, a per-tenant rate).
type MultiplierSpec struct {
	Attribute string `yaml:"attribute"`
	Value     string `yaml:"value"`
	Factor    Micros `yaml:"factor"`
}

// Rates are resolved prices per million tokens.
type Rates struct {
	Input, Output, CacheRead, CacheWrite, CacheWrite1h, Reasoning Micros
}

// Tier is a long-context tier: above Above input tokens the whole request
// is billed at Rates.
type Tier struct {
	Above int64
	Rates Rates
}

// Prices are the rates of one service tier or window and their long-context
// tiers, ascending.
type Prices struct {
	Rates Rates
	Tiers []Tier
}

// For returns the rates that bill a request of input tokens (cache reads
// and writes included): those of the highest tier it is above.
func (p *Prices) For(input int64) *Rates {
	for i := len(p.Tiers) - 1; i >= 0; i-- {
		if input > p.Tiers[i].Above {
			return &p.Tiers[i].Rates
		}
	}
	return &p.Rates
}

// Window is a daily time-of-day window (minutes after 00:00 UTC, To may be
// below From when the window spans midnight) with its own prices. Days is
// a bit set of the UTC weekdays it applies on (bit time.Weekday); 0 means
// every day.
type Window struct {
	From, To int
	Days     uint8
	Prices   Prices
}

// contains reports whether the UTC time t is in the window.
func (w *Window) contains(t time.Time) bool {
	minute := t.Hour()*60 + t.Minute()
	day := t.Weekday()
	if w.From <= w.To {
		return minute >= w.From && minute < w.To && w.on(day)
	}
	if minute >= w.From {
		return w.on(day)
	}
	// After midnight: the window started the day before.
	return minute < w.To && w.on((day+6)%7)
}

func (w *Window) on(d time.Weekday) bool { return w.Days == 0 || w.Days&(1<<d) != 0 }

// weekdays maps the names accepted in time_of_day days.
var weekdays = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

// Entry is one validated price entry.
type Entry struct {
	ID            string
	Provider      string
	Currency      string
	EffectiveFrom time.Time
	Prices        Prices
	// ServiceTiers are the prices of other service tiers than the
	// standard one (batch, flex, priority), by lower-case name.
	ServiceTiers map[string]*Prices
	// Windows are time-of-day prices (DeepSeek's former off-peak hours).
	Windows []Window
	// PricingID names the entry in gen_ai.usage.cost.pricing_id:
	// source:id@effective_from.
	PricingID string
	// Source is where the entry came from (SourceDefault, ...).
	Source string
	// Tokenizer is the model's own tokenizer; OwnTokenizer is false when the
	// entry names none (estimates then use DefaultTokenizer, an
	// approximation).
	Tokenizer    tokens.Encoding
	OwnTokenizer bool

	aliases []string
	match   NameMatcher
}

// NameMatcher tests a whole, normalised model name (a compiled match expression
// or a genai-prices match clause).
type NameMatcher interface{ MatchString(string) bool }

// Selected is the prices an entry bills one call at.
type Selected struct {
	Prices *Prices
	// ServiceTier is the tier whose prices apply ("" for the standard
	// prices, also when the entry has none for the call's tier).
	ServiceTier string
}

// Select picks the prices for a call at time t served at service tier tier:
// the tier's prices when the entry has them, else the time-of-day window's,
// else the standard ones.
func (e *Entry) Select(t time.Time, tier string) Selected {
	if tier != "" && len(e.ServiceTiers) > 0 {
		if p, ok := e.ServiceTiers[strings.ToLower(tier)]; ok {
			return Selected{Prices: p, ServiceTier: strings.ToLower(tier)}
		}
	}
	if len(e.Windows) > 0 {
		u := t.UTC()
		for i := range e.Windows {
			if e.Windows[i].contains(u) {
				return Selected{Prices: &e.Windows[i].Prices}
			}
		}
	}
	return Selected{Prices: &e.Prices}
}

// Multiplier is a validated MultiplierSpec.
type Multiplier struct {
	Attribute, Value string
	Factor           Micros
}

// family is the price history of one id from one provider, oldest first.
type family struct {
	provider string
	entries  []*Entry
}

// layer is one source of prices: lookups try layers in order and the first
// that prices a model wins.
type layer struct {
	source string
	// byName maps a normalised id or alias to its families.
	byName map[string][]*family
	// patterns are entries with a match expression, in file order.
	patterns []*Entry
	models   int
}

func newLayer(source string) *layer {
	return &layer{source: source, byName: map[string][]*family{}}
}

// add files e under its id and aliases.
func (l *layer) add(e *Entry) {
	l.models++
	for _, name := range append([]string{e.ID}, e.aliases...) {
		fams := l.byName[name]
		var f *family
		for _, c := range fams {
			if c.provider == e.Provider && c.entries[0].ID == e.ID {
				f = c
				break
			}
		}
		if f == nil {
			f = &family{provider: e.Provider}
			l.byName[name] = append(fams, f)
		}
		f.entries = append(f.entries, e)
	}
	if e.match != nil {
		l.patterns = append(l.patterns, e)
	}
}

// seal orders every history oldest first and rejects two entries of one
// family claiming the same start.
func (l *layer) seal() error {
	for name, fams := range l.byName {
		for _, f := range fams {
			sort.SliceStable(f.entries, func(i, j int) bool { return f.entries[i].EffectiveFrom.Before(f.entries[j].EffectiveFrom) })
			for i := 1; i < len(f.entries); i++ {
				if f.entries[i].EffectiveFrom.Equal(f.entries[i-1].EffectiveFrom) {
					return fmt.Errorf("models: %q and %q both claim the name %q from %s", f.entries[i-1].ID, f.entries[i].ID, name, f.entries[i].EffectiveFrom.Format(time.RFC3339))
				}
			}
		}
	}
	return nil
}

// Table is an immutable, validated price table: layers of price sources in
// precedence order.
type Table struct {
	layers      []*layer
	Multipliers []Multiplier
	// Models is the number of entries over all layers.
	Models int
}

// Sources lists the table's layers, highest precedence first, with the
// number of entries of each.
func (t *Table) Sources() []SourceCount {
	out := make([]SourceCount, len(t.layers))
	for i, l := range t.layers {
		out[i] = SourceCount{Source: l.source, Models: l.models}
	}
	return out
}

// SourceCount is one layer's source and size.
type SourceCount struct {
	Source string
	Models int
}

// Parse decodes and validates a price file; errors name the entry.
func Parse(data []byte) (*File, error) {
	var f File
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("decoding price file: %w", err)
	}
	return &f, nil
}

// Build validates price files and layers them: the first file is the
// embedded defaults, later ones user price files. An entry of a later file
// replaces the entry with the same id and effective_from of an earlier one,
// and is added to that id's history otherwise; an id a price file names
// takes precedence over every database (its whole history, defaults
// included, moves up with it). Multipliers accumulate. databases are
// imported layers, in precedence order, between the price files and the
// defaults.
func Build(files ...*File) (*Table, error) { return BuildLayers(files, nil) }

// Database is an imported price database: its entries, already validated.
type Database struct {
	Source  string
	Entries []*Entry
	// Rounded counts prices that had more than six fraction digits per
	// million tokens and were rounded (float artifacts in the source).
	Rounded int
	// Skipped counts entries that price no text token (images, audio,
	// per-request prices) or could not be read; they are not in Entries.
	Skipped int
}

// BuildLayers is Build with imported databases.
func BuildLayers(files []*File, databases []*Database) (*Table, error) {
	type key struct{ id, from string }
	var order []key
	specs := map[key]ModelSpec{}
	currency := map[key]string{}
	source := map[key]string{}
	var errs []error
	var mults []Multiplier
	for fi, f := range files {
		def := f.Defaults.Currency
		if def == "" {
			def = "USD"
		}
		src := SourceDefault
		if fi > 0 {
			src = SourcePriceFile
		}
		for i, m := range f.Models {
			k := key{strings.ToLower(m.ID), m.EffectiveFrom}
			if _, seen := specs[k]; !seen {
				order = append(order, k)
			}
			specs[k] = f.Models[i]
			cur := m.Currency
			if cur == "" {
				cur = def
			}
			currency[k], source[k] = cur, src
		}
		for i, m := range f.Multipliers {
			if m.Attribute == "" || m.Value == "" {
				errs = append(errs, fmt.Errorf("multipliers[%d]: attribute and value are required", i))
			}
			mults = append(mults, Multiplier(m))
		}
	}
	user, defaults := newLayer(SourcePriceFile), newLayer(SourceDefault)
	userIDs := map[string]bool{}
	for _, k := range order {
		if source[k] == SourcePriceFile {
			userIDs[k.id] = true
		}
	}
	t := &Table{Multipliers: mults}
	for _, k := range order {
		e, err := newEntry(specs[k], currency[k], source[k])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t.Models++
		if userIDs[e.ID] {
			user.add(e)
		}
		if source[k] == SourceDefault {
			defaults.add(e)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if user.models > 0 {
		t.layers = append(t.layers, user)
	}
	for _, db := range databases {
		l := newLayer(db.Source)
		type dbKey struct {
			id   string
			from time.Time
		}
		seen := make(map[dbKey]bool, len(db.Entries))
		for _, e := range db.Entries {
			// Keys that differ only in case name one model: the first wins.
			k := dbKey{e.ID, e.EffectiveFrom}
			if seen[k] {
				continue
			}
			seen[k] = true
			l.add(e)
		}
		t.layers = append(t.layers, l)
		t.Models += l.models
	}
	t.layers = append(t.layers, defaults)
	for _, l := range t.layers {
		if err := l.seal(); err != nil {
			return nil, fmt.Errorf("%s: %w", l.source, err)
		}
	}
	return t, nil
}

var currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)

// DefaultTokenizer estimates the tokens of models whose tokenizer is not
// available offline (Claude, Gemini, Llama, Mistral, DeepSeek, Cohere): a
// modern 200k-entry BPE vocabulary, an approximation of theirs.
const DefaultTokenizer = tokens.O200kBase

// ParseEffective reads an effective_from value: a date (00:00 UTC that day)
// or an RFC 3339 time (a price change at 16:00 UTC).
func ParseEffective(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

func parseClock(s string) (int, bool) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, false
	}
	return t.Hour()*60 + t.Minute(), true
}

func newEntry(m ModelSpec, currency, source string) (*Entry, error) {
	name := fmt.Sprintf("model %q", m.ID)
	if m.ID == "" {
		return nil, errors.New("models: an entry has no id")
	}
	if m.Provider == "" {
		return nil, fmt.Errorf("%s: provider is required", name)
	}
	if !currencyRE.MatchString(currency) {
		return nil, fmt.Errorf("%s: currency %q is not an ISO 4217 code", name, currency)
	}
	from, err := ParseEffective(m.EffectiveFrom)
	if err != nil {
		return nil, fmt.Errorf("%s: effective_from %q is not a YYYY-MM-DD date or an RFC 3339 time", name, m.EffectiveFrom)
	}
	base, err := resolvePrices(PriceSpec{RateSpec: m.RateSpec, LongContext: m.LongContext}, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	e := &Entry{
		ID:            strings.ToLower(m.ID),
		Provider:      m.Provider,
		Currency:      currency,
		EffectiveFrom: from,
		Prices:        *base,
		Source:        source,
		PricingID:     source + ":" + strings.ToLower(m.ID) + "@" + m.EffectiveFrom,
	}
	for tier, spec := range m.ServiceTiers {
		p, err := resolvePrices(spec, base)
		if err != nil {
			return nil, fmt.Errorf("%s: service_tiers.%s: %w", name, tier, err)
		}
		if e.ServiceTiers == nil {
			e.ServiceTiers = map[string]*Prices{}
		}
		e.ServiceTiers[strings.ToLower(tier)] = p
	}
	for i, w := range m.TimeOfDay {
		fromMin, ok1 := parseClock(w.From)
		toMin, ok2 := parseClock(w.To)
		if !ok1 || !ok2 || fromMin == toMin {
			return nil, fmt.Errorf("%s: time_of_day[%d]: from %q and to %q must be distinct HH:MM times", name, i, w.From, w.To)
		}
		var days uint8
		for _, d := range w.Days {
			wd, ok := weekdays[strings.ToLower(d)]
			if !ok {
				return nil, fmt.Errorf("%s: time_of_day[%d]: days: %q is not one of mon, tue, wed, thu, fri, sat, sun", name, i, d)
			}
			days |= 1 << wd
		}
		p, err := resolvePrices(w.PriceSpec, nil)
		if err != nil {
			return nil, fmt.Errorf("%s: time_of_day[%d]: %w", name, i, err)
		}
		e.Windows = append(e.Windows, Window{From: fromMin, To: toMin, Days: days, Prices: *p})
	}
	e.Tokenizer = DefaultTokenizer
	if m.Tokenizer != "" {
		enc, ok := tokens.ParseEncoding(m.Tokenizer)
		if !ok {
			return nil, fmt.Errorf("%s: tokenizer %q is not one of o200k_base, cl100k_base", name, m.Tokenizer)
		}
		e.Tokenizer, e.OwnTokenizer = enc, true
	}
	for _, a := range m.Aliases {
		a = strings.ToLower(a)
		if a != e.ID && !slices.Contains(e.aliases, a) {
			e.aliases = append(e.aliases, a)
		}
	}
	if m.Match != "" {
		re, err := regexp.Compile("^(?:" + m.Match + ")$")
		if err != nil {
			return nil, fmt.Errorf("%s: match %q: %w", name, m.Match, err)
		}
		e.match = re
	}
	return e, nil
}

// resolvePrices validates a PriceSpec. Without a fallback (the standard
// prices) input and output are required and missing parts follow the
// providers' billing: cache reads and writes at the input price, 1-hour
// cache writes at the cache-write price, reasoning at the output price. With
// a fallback (a service tier), a missing part keeps the standard price.
func resolvePrices(s PriceSpec, fallback *Prices) (*Prices, error) {
	var base *Rates
	if fallback != nil {
		base = &fallback.Rates
	}
	r, err := resolve(s.RateSpec, base)
	if err != nil {
		return nil, err
	}
	p := &Prices{Rates: r}
	last := int64(0)
	for i, t := range s.LongContext {
		if t.Threshold <= last {
			return nil, fmt.Errorf("long_context[%d]: threshold %d must be positive and above the previous tier's", i, t.Threshold)
		}
		last = t.Threshold
		var tierBase *Rates
		if fallback != nil {
			tierBase = fallback.For(t.Threshold + 1)
		}
		tr, err := resolveTier(t.RateSpec, s.RateSpec, &r, tierBase)
		if err != nil {
			return nil, fmt.Errorf("long_context[%d]: %w", i, err)
		}
		p.Tiers = append(p.Tiers, Tier{Above: t.Threshold, Rates: tr})
	}
	if fallback != nil && len(s.LongContext) == 0 {
		// A service tier without tiers of its own keeps none: its price
		// holds at any length, as the database lists it.
		p.Tiers = nil
	}
	return p, nil
}

func resolve(s RateSpec, base *Rates) (Rates, error) {
	if base == nil && (s.Input == nil || s.Output == nil) {
		return Rates{}, errors.New("input and output prices are required")
	}
	var r Rates
	if base != nil {
		r = *base
		set(&r.Input, s.Input)
		set(&r.Output, s.Output)
		set(&r.CacheRead, s.CacheRead)
		set(&r.CacheWrite, s.CacheWrite)
		set(&r.CacheWrite1h, s.CacheWrite1h)
		set(&r.Reasoning, s.Reasoning)
		return r, nil
	}
	r.Input, r.Output = *s.Input, *s.Output
	r.CacheRead, r.CacheWrite, r.Reasoning = r.Input, r.Input, r.Output
	set(&r.CacheRead, s.CacheRead)
	set(&r.CacheWrite, s.CacheWrite)
	r.CacheWrite1h = r.CacheWrite
	set(&r.CacheWrite1h, s.CacheWrite1h)
	set(&r.Reasoning, s.Reasoning)
	return r, nil
}

// resolveTier fills a long-context tier: input and output are required
// (unless a service tier's own tier supplies them). A missing part keeps
// the base rate when the base listed it, and otherwise follows the same
// rules as the base (cache at the tier's input price, reasoning at its
// output price).
func resolveTier(s, baseSpec RateSpec, base, tierBase *Rates) (Rates, error) {
	if tierBase != nil {
		return resolve(s, tierBase)
	}
	if s.Input == nil || s.Output == nil {
		return Rates{}, errors.New("a long-context tier needs input and output prices")
	}
	r := Rates{Input: *s.Input, Output: *s.Output}
	pick := func(dst *Micros, tier, baseExplicit *Micros, baseValue, dflt Micros) {
		switch {
		case tier != nil:
			*dst = *tier
		case baseExplicit != nil:
			*dst = baseValue
		default:
			*dst = dflt
		}
	}
	pick(&r.CacheRead, s.CacheRead, baseSpec.CacheRead, base.CacheRead, r.Input)
	pick(&r.CacheWrite, s.CacheWrite, baseSpec.CacheWrite, base.CacheWrite, r.Input)
	pick(&r.CacheWrite1h, s.CacheWrite1h, baseSpec.CacheWrite1h, base.CacheWrite1h, r.CacheWrite)
	pick(&r.Reasoning, s.Reasoning, baseSpec.Reasoning, base.Reasoning, r.Output)
	return r, nil
}

func set(dst *Micros, v *Micros) {
	if v != nil {
		*dst = *v
	}
}
