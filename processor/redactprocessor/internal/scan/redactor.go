// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Action says what happens to a match.
type Action uint8

const (
	// Mask replaces the match with [REDACTED:<type>].
	Mask Action = iota
	// Hash replaces the match with [HASH:<type>:<16 hex>], the first 64 bits
	// of HMAC-SHA256(key, match): equal values give equal tokens.
	Hash
	// Drop removes the whole attribute holding the match (masks where
	// removing is impossible: span names, log bodies).
	Drop
)

// Detector is one enabled detector with its action.
type Detector struct {
	Name   string
	Action Action
	// For custom detectors: a regular expression (with an optional
	// validator) or a keyword alternation.
	re       *regexp.Regexp
	validate func(string) bool
}

// Custom describes a user detector.
type Custom struct {
	Name          string
	Regex         string
	Keywords      []string
	CaseSensitive bool
	// Validator is "", "luhn" or "mod97".
	Validator string
	Action    Action
}

// Redactor finds and replaces sensitive values. It is safe for concurrent
// use; per-call state lives in a State.
type Redactor struct {
	scanner   *Scanner
	detectors []Detector // index = Finding.Type; built-ins first
	hashKey   []byte
	hasDrop   bool
	hasCustom bool
}

// NewRedactor builds a Redactor. actions holds the action of each enabled
// built-in detector (absent = disabled).
func NewRedactor(actions map[Type]Action, custom []Custom, hashKey []byte) (*Redactor, error) {
	var on [NumBuiltin]bool
	r := &Redactor{detectors: make([]Detector, NumBuiltin), hashKey: hashKey}
	for t := Type(0); t < NumBuiltin; t++ {
		a, ok := actions[t]
		on[t] = ok
		r.detectors[t] = Detector{Name: t.String(), Action: a}
		r.hasDrop = r.hasDrop || (ok && a == Drop)
	}
	for _, c := range custom {
		d := Detector{Name: c.Name, Action: c.Action}
		expr := c.Regex
		if len(c.Keywords) > 0 {
			quoted := make([]string, len(c.Keywords))
			for i, k := range c.Keywords {
				quoted[i] = regexp.QuoteMeta(k)
			}
			expr = `\b(?:` + strings.Join(quoted, "|") + `)\b`
			if !c.CaseSensitive {
				expr = "(?i)" + expr
			}
		}
		re, err := regexp.Compile(expr)
		if err != nil {
			return nil, err
		}
		d.re = re
		switch c.Validator {
		case "luhn":
			d.validate = Luhn
		case "mod97":
			d.validate = Mod97
		}
		r.detectors = append(r.detectors, d)
		r.hasDrop = r.hasDrop || c.Action == Drop
		r.hasCustom = true
	}
	r.scanner = NewScanner(on)
	return r, nil
}

// Detectors returns the detectors, indexed by Finding.Type.
func (r *Redactor) Detectors() []Detector { return r.detectors }

// State is reusable per-goroutine scratch space and the tally of one item.
type State struct {
	findings []Finding
	dec      unescaped
	// out is the chunk Redact writes its results in, big the buffer of a
	// result too long for one (see outBuf).
	out, big strings.Builder
	mac      hash.Hash
	// Counts[t] counts matches of detector t since the last Reset.
	Counts []int
	// Total is the sum of Counts.
	Total int
}

// NewState returns scratch space for r.
func (r *Redactor) NewState() *State {
	st := &State{Counts: make([]int, len(r.detectors))}
	if len(r.hashKey) > 0 {
		st.mac = hmac.New(sha256.New, r.hashKey)
	}
	return st
}

// Reset clears the tally.
func (st *State) Reset() {
	if st.Total == 0 {
		return
	}
	clear(st.Counts)
	st.Total = 0
}

// Types returns the names of the detectors counted since Reset.
func (st *State) Types(r *Redactor) []string {
	var out []string
	for t, n := range st.Counts {
		if n > 0 {
			out = append(out, r.detectors[t].Name)
		}
	}
	return out
}

// Redact returns s with every match replaced, whether it changed, and
// whether a match's action asks to drop the attribute. With nothing found it
// returns s itself and allocates nothing.
func (r *Redactor) Redact(s string, st *State) (out string, changed, drop bool) {
	st.findings = r.scanner.comboPasswords(s, r.scanner.scanEscaped(s, st.findings[:0], &st.dec), 0)
	if r.hasCustom {
		st.findings = r.custom(s, st.findings)
	}
	if len(st.findings) == 0 {
		return s, false, false
	}
	b, start := st.outBuf(r.outputBound(s, st.findings))
	prev := 0
	var cur jsonCursor
	for _, f := range st.findings {
		d := &r.detectors[f.Type]
		st.Counts[f.Type]++
		st.Total++
		drop = drop || d.Action == Drop
		// A bare number in a JSON document ("card": 4111111111111111)
		// becomes a string, so the document stays valid.
		qs, quote := bareJSONNumber(s, f.Start, f.End, &cur)
		if quote {
			b.WriteString(s[prev:qs])
			b.WriteByte('"')
		} else {
			b.WriteString(s[prev:f.Start])
		}
		r.writeReplacement(b, st, d, s[f.Start:f.End])
		if quote {
			b.WriteByte('"')
		}
		prev = f.End
	}
	b.WriteString(s[prev:])
	return b.String()[start:], true, drop
}

// Redact's results are written in chunks of outChunk bytes shared by the
// results of one State: one allocation for many (prompts and answers with
// PII change on most LLM spans). A strings.Builder never changes what it
// has written, so a result, the chunk's String from where the result
// starts, stays as it is while later ones are appended; a chunk lives as
// long as any of its results. A result longer than a quarter of a chunk
// gets a buffer of its own.
const outChunk = 16 << 10

// outBuf returns the builder to write a result of at most n bytes to, and
// the length of what it holds before the result.
func (st *State) outBuf(n int) (*strings.Builder, int) {
	if n > outChunk/4 {
		st.big = strings.Builder{}
		st.big.Grow(n)
		return &st.big, 0
	}
	if st.out.Cap()-st.out.Len() < n {
		st.out = strings.Builder{}
		st.out.Grow(outChunk)
	}
	return &st.out, st.out.Len()
}

// outputBound returns the most bytes Redact can write for s with findings
// (every placeholder, and quotes around each): the output is then built in
// one allocation.
func (r *Redactor) outputBound(s string, findings []Finding) int {
	n := len(s)
	for _, f := range findings {
		n += max(0, r.replacementBound(&r.detectors[f.Type])+2-(f.End-f.Start))
	}
	return n
}

// replacementBound returns the length of d's placeholders.
func (r *Redactor) replacementBound(d *Detector) int {
	if d.Action == Hash {
		return len("[HASH::]") + len(d.Name) + 16
	}
	return len("[REDACTED:]") + len(d.Name)
}

// writeReplacement writes the placeholder of a match of detector d to b.
func (r *Redactor) writeReplacement(b *strings.Builder, st *State, d *Detector, match string) {
	if d.Action == Hash && st.mac != nil {
		st.mac.Reset()
		st.mac.Write([]byte(match))
		var sum [sha256.Size]byte
		var hx [16]byte
		hex.Encode(hx[:], st.mac.Sum(sum[:0])[:8])
		b.WriteString("[HASH:")
		b.WriteString(d.Name)
		b.WriteByte(':')
		b.Write(hx[:])
		b.WriteByte(']')
		return
	}
	b.WriteString("[REDACTED:")
	b.WriteString(d.Name)
	b.WriteByte(']')
}

// RedactInt checks an integer value with the detectors that validate
// digits: a card number (13 to 19 digits, an issuer prefix, the Luhn
// check). It returns the placeholder to store instead (a string), whether v
// is one, and whether the action asks to drop the attribute. Integers below
// 10^12 return at once, without formatting.
func (r *Redactor) RedactInt(v int64, st *State) (out string, found, drop bool) {
	if v < 1e12 || !r.scanner.on[CreditCard] {
		return "", false, false
	}
	var b [20]byte
	digits := strconv.AppendInt(b[:0], v, 10)
	if len(digits) < 13 || !cardPrefix(digits) || !luhn(digits) {
		return "", false, false
	}
	d := &r.detectors[CreditCard]
	st.Counts[CreditCard]++
	st.Total++
	w, start := st.outBuf(r.replacementBound(d))
	r.writeReplacement(w, st, d, string(digits))
	return w.String()[start:], true, d.Action == Drop
}

// BlockedPlaceholder replaces the whole value of a blocked key.
const BlockedPlaceholder = "[REDACTED]"

// custom adds the custom detectors' matches that do not overlap built-in
// ones and keeps the findings ordered.
func (r *Redactor) custom(s string, found []Finding) []Finding {
	n := len(found)
	for t := int(NumBuiltin); t < len(r.detectors); t++ {
		d := r.detectors[t]
		for _, m := range d.re.FindAllStringIndex(s, -1) {
			if d.validate != nil && !d.validate(s[m[0]:m[1]]) {
				continue
			}
			if overlaps(found, m[0], m[1]) {
				continue
			}
			found = append(found, Finding{m[0], m[1], Type(t)})
		}
	}
	if len(found) > n {
		sort.Slice(found, func(i, j int) bool { return found[i].Start < found[j].Start })
	}
	return found
}

func overlaps(found []Finding, start, end int) bool {
	for _, f := range found {
		if start < f.End && f.Start < end {
			return true
		}
	}
	return false
}
