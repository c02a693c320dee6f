// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package redactprocessor // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor"

import (
	"context"
	"sync"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/internal/readcache"
	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/metadata"
	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"
)

const blockedKeyType = "blocked_key"

type redactProcessor struct {
	b *built
	// redact is b.redactor.Redact (a field: a test makes it fail)
	redact    func(s string, st *scan.State) (string, bool, bool)
	telemetry *metadata.TelemetryBuilder
	typeAttrs []metric.AddOption // per detector, then blocked_key
	// states are the calls' scratch spaces, kept (not in a sync.Pool, which
	// empties at every other garbage collection) so that the caches in them
	// stay warm: one per call in flight, at most maxIdleStates idle.
	statesMu sync.Mutex
	states   []*state

	// keys classifies attribute keys (allowed, blocked, or scanned), cached:
	// keys are few in practice, and the lookup is on every attribute.
	keys *readcache.Cache[keyClass]
}

// maxMemoLen bounds the texts state.clean remembers: longer ones (prompts,
// answers) are scanned every time.
const maxMemoLen = 128

// keyClass is what happens to an attribute, by its key.
type keyClass uint8

const (
	keyScan    keyClass = iota // values are scanned for PII
	keyAllowed                 // allowed_keys, and our own count: left alone
	keyBlocked                 // blocked_keys / blocked_key_patterns: masked or dropped whole
)

// state is the per-call scratch space: the redactor's state, the item's
// blocked-key count, and the batch's totals.
type state struct {
	scan    *scan.State
	blocked int
	// marks has ownCount / ownTypes set when a map of the item (its own
	// attributes, or a nested one) has a key pii.redacted.count /
	// pii.redacted.types: without it, finish knows its attributes lack
	// them and writes them without looking them up.
	marks uint8
	// recent caches the classes of recently seen keys in 64 sets of four,
	// newest first: an item's keys are mostly those of the previous one, so
	// most are classified by a hash and a string comparison or two,
	// whatever their order.
	recent [cacheSets][cacheWays]classified
	// clean remembers short texts found clean, in sets of the same shape:
	// the scan of a text depends on nothing else, and many of an LLM span's
	// texts (span names, model names, host names) repeat from span to span
	// and cost more to scan than to compare.
	clean [cacheSets][cacheWays]string
	// names counts clean's answers for span, event and metric names
	// (attribute values count in their key's entry).
	names memo
	// batch totals per detector (+1 slot for blocked keys) and items changed
	batch []int64
	items int64
	// failed counts the item's values the scanner failed on (masked whole),
	// failures the batch's
	failed   int
	failures int64
}

// scanFailure replaces a value the scanner failed on: the processor fails
// closed, a value it could not scan is not passed on.
const scanFailure = "[REDACTED:scan_failure]"

// safeRedact is Redact that survives a failure of the scanner (a panic: a
// bug in a detector on some input): the value is replaced whole by
// scanFailure and counted, and the collector goes on.
func (p *redactProcessor) safeRedact(s string, st *state) (out string, changed, drop bool) {
	defer func() {
		if r := recover(); r != nil {
			st.failed++
			out, changed, drop = scanFailure, true, false
		}
	}()
	return p.redact(s, st.scan)
}

func newRedactProcessor(set processor.Settings, cfg *Config) (*redactProcessor, error) {
	b, err := cfg.build()
	if err != nil {
		return nil, err
	}
	tb, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	p := &redactProcessor{b: b, telemetry: tb, redact: b.redactor.Redact}
	p.keys = readcache.New(10_000, p.classify)
	for _, d := range b.redactor.Detectors() {
		p.typeAttrs = append(p.typeAttrs, metric.WithAttributeSet(attribute.NewSet(attribute.String("type", d.Name))))
	}
	p.typeAttrs = append(p.typeAttrs, metric.WithAttributeSet(attribute.NewSet(attribute.String("type", blockedKeyType))))
	return p, nil
}

// maxIdleStates bounds the scratch spaces kept between calls (each holds a
// few KiB of caches).
const maxIdleStates = 64

func (p *redactProcessor) newState() *state {
	return &state{scan: p.b.redactor.NewState(), batch: make([]int64, len(p.typeAttrs))}
}

func (p *redactProcessor) shutdown(context.Context) error {
	p.telemetry.Shutdown()
	return nil
}

func (p *redactProcessor) getState() *state {
	p.statesMu.Lock()
	if n := len(p.states); n > 0 {
		st := p.states[n-1]
		p.states = p.states[:n-1]
		p.statesMu.Unlock()
		return st
	}
	p.statesMu.Unlock()
	return p.newState()
}

func (p *redactProcessor) putState(st *state) {
	p.statesMu.Lock()
	if len(p.states) < maxIdleStates {
		p.states = append(p.states, st)
	}
	p.statesMu.Unlock()
}

// done records the batch's counts and keeps the state for the next call.
func (p *redactProcessor) done(ctx context.Context, st *state) {
	if st.items > 0 {
		p.telemetry.ProcessorRedactItems.Add(ctx, st.items)
		for t, n := range st.batch {
			if n > 0 {
				p.telemetry.ProcessorRedactRedactions.Add(ctx, n, p.typeAttrs[t])
			}
		}
		clear(st.batch)
		st.items = 0
	}
	if st.failures > 0 {
		p.telemetry.ProcessorRedactScanFailures.Add(ctx, st.failures)
		st.failures = 0
	}
	p.putState(st)
}

// begin starts a new item.
func (st *state) begin() {
	st.scan.Reset()
	st.blocked = 0
	st.failed = 0
	st.marks = 0
}

// fold adds the item's counts to the batch; it reports whether the item
// changed.
func (st *state) fold() bool {
	if st.scan.Total+st.blocked+st.failed == 0 {
		return false
	}
	st.items++
	st.failures += int64(st.failed)
	for t, n := range st.scan.Counts {
		st.batch[t] += int64(n)
	}
	st.batch[len(st.batch)-1] += int64(st.blocked)
	return true
}

// finish writes pii.redacted.count / pii.redacted.types on the item's
// attributes when it changed, adding to what an earlier redact (a sidecar's)
// wrote, and folds the item's counts into the batch.
func (p *redactProcessor) finish(st *state, attrs pcommon.Map) {
	if !st.fold() {
		return
	}
	count := int64(st.scan.Total + st.blocked + st.failed)
	if st.marks&ownCount == 0 {
		attrs.PutInt(genai.PIIRedactedCount, count)
	} else if v, ok := attrs.Get(genai.PIIRedactedCount); ok && v.Type() == pcommon.ValueTypeInt {
		v.SetInt(count + v.Int())
	} else {
		attrs.PutInt(genai.PIIRedactedCount, count)
	}
	if st.marks&ownTypes != 0 {
		if v, ok := attrs.Get(genai.PIIRedactedTypes); ok && v.Type() == pcommon.ValueTypeSlice && v.Slice().Len() > 0 {
			p.mergeTypes(st, v.Slice())
			return
		}
	}
	// The usual case: a new list, in detector order (names are unique).
	n := 0
	for _, c := range st.scan.Counts {
		if c > 0 {
			n++
		}
	}
	if st.blocked > 0 {
		n++
	}
	list := attrs.PutEmptySlice(genai.PIIRedactedTypes)
	list.EnsureCapacity(n)
	ds := p.b.redactor.Detectors()
	for t, c := range st.scan.Counts {
		if c > 0 {
			list.AppendEmpty().SetStr(ds[t].Name)
		}
	}
	if st.blocked > 0 {
		list.AppendEmpty().SetStr(blockedKeyType)
	}
}

// mergeTypes adds the item's types that list (an earlier redact's) lacks.
func (p *redactProcessor) mergeTypes(st *state, list pcommon.Slice) {
	has := func(name string) bool {
		for i := 0; i < list.Len(); i++ {
			if list.At(i).AsString() == name {
				return true
			}
		}
		return false
	}
	ds := p.b.redactor.Detectors()
	for t, c := range st.scan.Counts {
		if c > 0 && !has(ds[t].Name) {
			list.AppendEmpty().SetStr(ds[t].Name)
		}
	}
	if st.blocked > 0 && !has(blockedKeyType) {
		list.AppendEmpty().SetStr(blockedKeyType)
	}
}

// classify returns what happens to attributes with key.
func (p *redactProcessor) classify(key string) keyClass {
	switch {
	case p.b.allowed[key] || key == genai.PIIRedactedCount:
		return keyAllowed
	case p.b.blocked[key]:
		return keyBlocked
	}
	for _, re := range p.b.blockedRE {
		if re.MatchString(key) {
			return keyBlocked
		}
	}
	return keyScan
}

type classified struct {
	key   string
	class keyClass
	ok    bool  // key and class are set (an empty key is a key too)
	mark  uint8 // ownCount, ownTypes or 0: the key is one finish writes
	memo  memo  // the clean-value cache's answers for this key's values
}

// The keys finish writes (state.marks, classified.mark).
const (
	ownCount uint8 = 1 << iota
	ownTypes
)

// markOf returns the mark of key k.
func markOf(k string) uint8 {
	switch k {
	case genai.PIIRedactedCount:
		return ownCount
	case genai.PIIRedactedTypes:
		return ownTypes
	}
	return 0
}

// memo counts the clean-value cache's answers for the values of one key,
// so that a key whose values do not repeat (a request id) soon stops
// paying for a lookup.
type memo struct {
	tries, hits, skips uint16
}

// probe reports whether to look the next value up: while the cache has
// answered at least a quarter of the lookups, and one time in 64 after
// that, in case the values start repeating.
func (m *memo) probe() bool {
	if m.tries < 64 || m.hits >= m.tries/4 {
		return true
	}
	m.skips++
	return m.skips%64 == 0
}

// seen counts a lookup, halving the counts now and then so that they
// follow a key whose values change their habits.
func (m *memo) seen(hit bool) {
	m.tries++
	if hit {
		m.hits++
	}
	if m.tries == 1024 {
		m.tries, m.hits = 512, m.hits/2
	}
}

// The shape of a state's caches.
const (
	cacheSets = 64
	cacheWays = 4
)

// cacheSet returns the set of a state's caches that k belongs in: a hash of
// its length, its first and last eight bytes and its middle byte (keys
// share prefixes, gen_ai.usage.…, and suffixes, …_tokens), which reads two
// words of k, not all of it.
func cacheSet(k string) uint64 {
	n := len(k)
	var a, b uint64
	if n >= 8 {
		a, b = le64(k), le64(k[n-8:])
	} else {
		for i := range n {
			a = a<<8 | uint64(k[i])
		}
	}
	if n > 0 {
		a ^= uint64(k[n/2]) << 56
	}
	h := (a ^ uint64(n)*0x9e3779b97f4a7c15) * 0xbf58476d1ce4e5b9
	h ^= b * 0x94d049bb133111eb
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h >> 58 // (cacheSets is 64)
}

// le64 reads s[:8] as a little-endian word (one load).
func le64(s string) uint64 {
	b := s[:8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// class returns the entry of key k, classified.
func (p *redactProcessor) class(k string, st *state) *classified {
	set := &st.recent[cacheSet(k)]
	for w := range set {
		if r := &set[w]; r.ok && r.key == k {
			return r
		}
	}
	copy(set[1:], set[:cacheWays-1]) // the oldest out
	set[0] = classified{key: k, class: p.keys.Get(k), ok: true, mark: markOf(k)}
	return &set[0]
}

// attrs redacts every value of m, at any depth, removing attributes whose
// match asks for drop.
func (p *redactProcessor) attrs(m pcommon.Map, st *state) {
	m.RemoveIf(func(k string, v pcommon.Value) bool {
		r := p.class(k, st)
		st.marks |= r.mark
		switch r.class {
		case keyAllowed:
			return false
		case keyBlocked:
			if v.Type() == pcommon.ValueTypeStr && v.Str() == scan.BlockedPlaceholder {
				return false // already redacted by an earlier pass
			}
			st.blocked++
			if p.b.dropBlocked {
				return true
			}
			v.SetStr(scan.BlockedPlaceholder)
			return false
		}
		if v.Type() == pcommon.ValueTypeStr {
			out, changed, drop := p.redactText(v.Str(), st, &r.memo)
			if changed && !drop {
				v.SetStr(out)
			}
			return drop
		}
		return p.value(v, st)
	})
}

// redactText redacts a text: Redact, answered by st.clean for short texts
// found clean before (m counts its answers for their key).
func (p *redactProcessor) redactText(s string, st *state, m *memo) (out string, changed, drop bool) {
	var set *[cacheWays]string
	if len(s) <= maxMemoLen && m.probe() {
		set = &st.clean[cacheSet(s)]
		hit := false
		for w := range set {
			if set[w] == s {
				hit = true
				break
			}
		}
		m.seen(hit)
		if hit {
			return s, false, false
		}
	}
	out, changed, drop = p.safeRedact(s, st)
	if !changed && set != nil {
		copy(set[1:], set[:cacheWays-1])
		set[0] = s
	}
	return out, changed, drop
}

// value redacts one value; it reports whether the value must be dropped.
func (p *redactProcessor) value(v pcommon.Value, st *state) bool {
	switch v.Type() {
	case pcommon.ValueTypeStr:
		out, changed, drop := p.safeRedact(v.Str(), st)
		if drop {
			return true
		}
		if changed {
			v.SetStr(out)
		}
	case pcommon.ValueTypeInt:
		// Card numbers stored as integers (payment.card_number); integers
		// below 10^12 (counts, sizes, timestamps in seconds) return at once.
		out, found, drop := p.b.redactor.RedactInt(v.Int(), st.scan)
		if drop {
			return true
		}
		if found {
			v.SetStr(out)
		}
	case pcommon.ValueTypeMap:
		p.attrs(v.Map(), st)
	case pcommon.ValueTypeSlice:
		v.Slice().RemoveIf(func(e pcommon.Value) bool { return p.value(e, st) })
	}
	return false
}

// text redacts a string that cannot be dropped (span name, status message):
// drop acts as mask.
func (p *redactProcessor) text(s string, st *state) (string, bool) {
	out, changed, _ := p.redactText(s, st, &st.names)
	return out, changed
}

// resource redacts resource and scope attributes, recording on the resource.
func (p *redactProcessor) resource(res pcommon.Map, st *state) {
	st.begin()
	p.attrs(res, st)
	p.finish(st, res)
}

func (p *redactProcessor) processTraces(ctx context.Context, td ptrace.Traces) (ptrace.Traces, error) {
	growStack()
	st := p.getState()
	defer p.done(ctx, st)
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		p.resource(rs.Resource().Attributes(), st)
		sss := rs.ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			ss := sss.At(j)
			p.resource(ss.Scope().Attributes(), st)
			spans := ss.Spans()
			for k := 0; k < spans.Len(); k++ {
				p.span(spans.At(k), st)
			}
		}
	}
	return td, nil
}

func (p *redactProcessor) span(s ptrace.Span, st *state) {
	st.begin()
	if out, ok := p.text(s.Name(), st); ok {
		s.SetName(out)
	}
	if msg := s.Status().Message(); msg != "" {
		if out, ok := p.text(msg, st); ok {
			s.Status().SetMessage(out)
		}
	}
	p.attrs(s.Attributes(), st)
	evs := s.Events()
	for e := 0; e < evs.Len(); e++ {
		ev := evs.At(e)
		if out, ok := p.text(ev.Name(), st); ok {
			ev.SetName(out)
		}
		p.attrs(ev.Attributes(), st)
	}
	links := s.Links()
	for l := 0; l < links.Len(); l++ {
		p.attrs(links.At(l).Attributes(), st)
	}
	p.finish(st, s.Attributes())
}

func (p *redactProcessor) processLogs(ctx context.Context, ld plog.Logs) (plog.Logs, error) {
	growStack()
	st := p.getState()
	defer p.done(ctx, st)
	rls := ld.ResourceLogs()
	for i := 0; i < rls.Len(); i++ {
		rl := rls.At(i)
		p.resource(rl.Resource().Attributes(), st)
		sls := rl.ScopeLogs()
		for j := 0; j < sls.Len(); j++ {
			sl := sls.At(j)
			p.resource(sl.Scope().Attributes(), st)
			recs := sl.LogRecords()
			for k := 0; k < recs.Len(); k++ {
				r := recs.At(k)
				st.begin()
				body := r.Body()
				if body.Type() == pcommon.ValueTypeStr {
					if out, ok := p.text(body.Str(), st); ok {
						body.SetStr(out)
					}
				} else {
					p.value(body, st)
				}
				p.attrs(r.Attributes(), st)
				p.finish(st, r.Attributes())
			}
		}
	}
	return ld, nil
}

func (p *redactProcessor) processMetrics(ctx context.Context, md pmetric.Metrics) (pmetric.Metrics, error) {
	growStack()
	st := p.getState()
	defer p.done(ctx, st)
	rms := md.ResourceMetrics()
	for i := 0; i < rms.Len(); i++ {
		rm := rms.At(i)
		p.resource(rm.Resource().Attributes(), st)
		sms := rm.ScopeMetrics()
		for j := 0; j < sms.Len(); j++ {
			sm := sms.At(j)
			p.resource(sm.Scope().Attributes(), st)
			ms := sm.Metrics()
			for k := 0; k < ms.Len(); k++ {
				p.metric(ms.At(k), st)
			}
		}
	}
	return md, nil
}

// metric redacts data-point attributes; counts are recorded per data point
// but not written onto it (new attributes would split the series).
func (p *redactProcessor) metric(m pmetric.Metric, st *state) {
	point := func(attrs pcommon.Map) {
		st.begin()
		p.attrs(attrs, st)
		st.fold()
	}
	switch m.Type() {
	case pmetric.MetricTypeGauge:
		dps := m.Gauge().DataPoints()
		for i := 0; i < dps.Len(); i++ {
			point(dps.At(i).Attributes())
		}
	case pmetric.MetricTypeSum:
		dps := m.Sum().DataPoints()
		for i := 0; i < dps.Len(); i++ {
			point(dps.At(i).Attributes())
		}
	case pmetric.MetricTypeHistogram:
		dps := m.Histogram().DataPoints()
		for i := 0; i < dps.Len(); i++ {
			point(dps.At(i).Attributes())
		}
	case pmetric.MetricTypeExponentialHistogram:
		dps := m.ExponentialHistogram().DataPoints()
		for i := 0; i < dps.Len(); i++ {
			point(dps.At(i).Attributes())
		}
	case pmetric.MetricTypeSummary:
		dps := m.Summary().DataPoints()
		for i := 0; i < dps.Len(); i++ {
			point(dps.At(i).Attributes())
		}
	}
}

// growStack grows the calling goroutine's stack to at least 16 KB at
// once, while few frames are on it. A gRPC or HTTP receiver runs each
// request on a new goroutine whose stack starts small; the scanner's
// frames deep under processTraces would otherwise grow it in steps, and
// each step copies every frame on the stack and adjusts its pointers (a
// profile at saturation charged 3% of the collector's CPU to
// runtime.copystack under nationalIDShape). Growing it here does that
// copy once, from a shallow stack: about 4 µs less per request of 50
// spans on a new goroutine (the idea is CockroachDB's
// pkg/util/growstack).
//
//go:noinline
func growStack() {
	var buf [16 << 10]byte
	touch(buf[:]) // (so the compiler keeps the array)
}

//go:noinline
func touch([]byte) {}
