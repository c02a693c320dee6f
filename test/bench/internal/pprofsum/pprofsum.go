// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

// Package pprofsum reads a Go CPU profile (the gzipped protobuf that
// /debug/pprof/profile serves) and sums its samples by component: each
// sample goes to the first category, from the leaf of its stack to the
// root, whose rule a frame matches. It reads only what that needs (samples,
// locations, functions, strings) with protowire, without the pprof tool.
package pprofsum // import "github.com/otelcol-llm/otelcol-llm/test/bench/internal/pprofsum"

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"google.golang.org/protobuf/encoding/protowire"
)

// Profile is a parsed CPU profile.
type Profile struct {
	// Samples are the profile's stacks with the CPU time each was seen on.
	Samples []Sample
	// Total is the CPU time of all samples.
	Total time.Duration
	// Duration is the wall time the profile covers.
	Duration time.Duration
}

// Sample is one stack, leaf first (inlined calls expanded), and its CPU time.
type Sample struct {
	Stack []string
	CPU   time.Duration
}

// Parse reads a profile, gzipped or not.
func Parse(b []byte) (*Profile, error) {
	if len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		if b, err = io.ReadAll(zr); err != nil {
			return nil, err
		}
	}
	var (
		strs      []string
		types     [][2]int64 // sample_type: (type, unit) string indexes
		rawSample [][]byte
		functions = map[uint64]int64{} // id -> name string index
		locations = map[uint64][]uint64{}
		duration  int64
	)
	err := fields(b, func(num protowire.Number, typ protowire.Type, v []byte, n uint64) error {
		switch num {
		case 1: // sample_type
			var vt [2]int64
			err := fields(v, func(num protowire.Number, _ protowire.Type, _ []byte, n uint64) error {
				if num == 1 || num == 2 {
					vt[num-1] = int64(n)
				}
				return nil
			})
			types = append(types, vt)
			return err
		case 2: // sample
			rawSample = append(rawSample, v)
		case 4: // location
			var id uint64
			var fns []uint64
			err := fields(v, func(num protowire.Number, _ protowire.Type, v []byte, n uint64) error {
				switch num {
				case 1:
					id = n
				case 4: // line
					return fields(v, func(num protowire.Number, _ protowire.Type, _ []byte, n uint64) error {
						if num == 1 {
							fns = append(fns, n)
						}
						return nil
					})
				}
				return nil
			})
			locations[id] = fns
			return err
		case 5: // function
			var id uint64
			var name int64
			err := fields(v, func(num protowire.Number, _ protowire.Type, _ []byte, n uint64) error {
				switch num {
				case 1:
					id = n
				case 2:
					name = int64(n)
				}
				return nil
			})
			functions[id] = name
			return err
		case 6: // string_table
			strs = append(strs, string(v))
		case 10: // duration_nanos
			duration = int64(n)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	str := func(i int64) string {
		if i < 0 || int(i) >= len(strs) {
			return ""
		}
		return strs[i]
	}
	// The CPU value: the sample type named cpu (nanoseconds), else the last.
	vi := len(types) - 1
	for i, t := range types {
		if str(t[0]) == "cpu" {
			vi = i
		}
	}
	if vi < 0 {
		return nil, errors.New("profile has no sample types")
	}
	p := &Profile{Duration: time.Duration(duration)}
	for _, raw := range rawSample {
		var locs []uint64
		var vals []int64
		err := fields(raw, func(num protowire.Number, typ protowire.Type, v []byte, n uint64) error {
			switch num {
			case 1:
				if typ == protowire.BytesType {
					return packed(v, func(x uint64) { locs = append(locs, x) })
				}
				locs = append(locs, n)
			case 2:
				if typ == protowire.BytesType {
					return packed(v, func(x uint64) { vals = append(vals, int64(x)) })
				}
				vals = append(vals, int64(n))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if vi >= len(vals) {
			return nil, fmt.Errorf("sample has %d values, want at least %d", len(vals), vi+1)
		}
		s := Sample{CPU: time.Duration(vals[vi])}
		for _, l := range locs {
			for _, f := range locations[l] {
				s.Stack = append(s.Stack, str(functions[f]))
			}
		}
		p.Samples = append(p.Samples, s)
		p.Total += s.CPU
	}
	return p, nil
}

// fields calls fn for every field of a protobuf message: v holds a
// length-delimited field's bytes, n a varint's value.
func fields(b []byte, fn func(num protowire.Number, typ protowire.Type, v []byte, n uint64) error) error {
	for len(b) > 0 {
		num, typ, l := protowire.ConsumeTag(b)
		if l < 0 {
			return protowire.ParseError(l)
		}
		b = b[l:]
		var v []byte
		var n uint64
		switch typ {
		case protowire.VarintType:
			n, l = protowire.ConsumeVarint(b)
		case protowire.BytesType:
			v, l = protowire.ConsumeBytes(b)
		default:
			l = protowire.ConsumeFieldValue(num, typ, b)
		}
		if l < 0 {
			return protowire.ParseError(l)
		}
		b = b[l:]
		if err := fn(num, typ, v, n); err != nil {
			return err
		}
	}
	return nil
}

func packed(b []byte, fn func(uint64)) error {
	for len(b) > 0 {
		x, l := protowire.ConsumeVarint(b)
		if l < 0 {
			return protowire.ParseError(l)
		}
		fn(x)
		b = b[l:]
	}
	return nil
}

// Rule assigns the samples whose stack matches it to a category.
type Rule struct {
	Category string
	// Anywhere rules match a sample when any frame matches, and are tried
	// before the others (garbage collection, wherever it was triggered).
	Anywhere bool
	// Fallback rules are tried, leaf to root, only on samples that no
	// other rule matched on any frame: for code that runs on behalf of
	// whatever calls it (the Go runtime, pdata, gRPC framing), so that its
	// time goes to the calling component when there is one.
	Fallback bool
	// Match reports whether a frame (a fully qualified function name)
	// belongs to the category.
	Match func(fn string) bool
}

// Prefix matches functions whose name starts with one of the prefixes.
func Prefix(prefixes ...string) func(string) bool {
	return func(fn string) bool {
		for _, p := range prefixes {
			if strings.HasPrefix(fn, p) {
				return true
			}
		}
		return false
	}
}

// Share is one category's part of a profile.
type Share struct {
	Category string
	CPU      time.Duration
	Share    float64
}

// Other is the category of samples no rule matches.
const Other = "other"

// Categorize sums the samples by category: the Anywhere rules first, over
// the whole stack; then the other rules from the leaf to the root, the
// first matching frame deciding (so a scanner call goes to the scanner, not
// to its caller); then the Fallback rules likewise (so an allocation or a
// pdata call goes to the component that made it, the runtime only when no
// component is on the stack). Shares come in the order of the rules, then
// Other; categories without samples are kept, with zero.
func Categorize(p *Profile, rules []Rule) []Share {
	by := map[string]time.Duration{}
	for _, s := range p.Samples {
		by[classify(s.Stack, rules)] += s.CPU
	}
	var out []Share
	seen := map[string]bool{}
	for _, r := range append(slices.Clone(rules), Rule{Category: Other}) {
		if seen[r.Category] {
			continue
		}
		seen[r.Category] = true
		sh := Share{Category: r.Category, CPU: by[r.Category]}
		if p.Total > 0 {
			sh.Share = float64(sh.CPU) / float64(p.Total)
		}
		out = append(out, sh)
	}
	return out
}

func classify(stack []string, rules []Rule) string {
	for _, r := range rules {
		if r.Anywhere && slices.ContainsFunc(stack, r.Match) {
			return r.Category
		}
	}
	for _, fallback := range []bool{false, true} {
		for _, fn := range stack {
			for _, r := range rules {
				if !r.Anywhere && r.Fallback == fallback && r.Match(fn) {
					return r.Category
				}
			}
		}
	}
	return Other
}

// Func is one function's part of a profile.
type Func struct {
	Name      string
	Flat, Cum time.Duration
}

// Top returns the n functions with the most flat (leaf) CPU time, with
// their cumulative time (samples with the function anywhere on the stack).
func Top(p *Profile, n int) []Func {
	flat, cum := map[string]time.Duration{}, map[string]time.Duration{}
	for _, s := range p.Samples {
		if len(s.Stack) == 0 {
			continue
		}
		flat[s.Stack[0]] += s.CPU
		seen := map[string]bool{}
		for _, fn := range s.Stack {
			if !seen[fn] {
				seen[fn] = true
				cum[fn] += s.CPU
			}
		}
	}
	out := make([]Func, 0, len(flat))
	for fn, d := range flat {
		out = append(out, Func{Name: fn, Flat: d, Cum: cum[fn]})
	}
	slices.SortFunc(out, func(a, b Func) int {
		if c := cmp.Compare(b.Flat, a.Flat); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out[:min(n, len(out))]
}
