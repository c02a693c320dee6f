// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package main

import (
	"fmt"
	"math"
	"slices"
)

// spread is a figure from repeated runs: the median, and the range a
// comparison can take over every pairing of the runs behind it.
type spread struct {
	Median, Lo, Hi float64
	OK             bool // false when a run behind it is missing
}

func medianOf(v []float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	s := slices.Sorted(slices.Values(v))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// ratio is num/den: the ratio of the medians, and from the lowest num over
// the highest den to the highest num over the lowest den. A den run of zero
// (a search that sustained nothing) makes the top of the range infinite; a
// den without any non-zero run gives no ratio.
func ratio(num, den []float64) spread {
	if len(num) == 0 || len(den) == 0 || slices.Max(den) <= 0 {
		return spread{}
	}
	sp := spread{OK: true, Median: medianOf(num) / medianOf(den), Hi: math.Inf(1), Lo: slices.Min(num) / slices.Max(den)}
	if d := slices.Min(den); d > 0 {
		sp.Hi = slices.Max(num) / d
	}
	if medianOf(den) == 0 {
		sp.Median = math.Inf(1)
	}
	return sp
}

// difference is a−b: the difference of the medians, and from the lowest a
// minus the highest b to the highest a minus the lowest b.
func difference(a, b []float64) spread {
	if len(a) == 0 || len(b) == 0 {
		return spread{}
	}
	return spread{
		OK:     true,
		Median: medianOf(a) - medianOf(b),
		Lo:     slices.Min(a) - slices.Max(b),
		Hi:     slices.Max(a) - slices.Min(b),
	}
}

// rounds pairs the i-th runs of a and b (searched one after the other),
// nil unless both have the same number of runs, more than one.
func rounds(a, b []float64, f func(a, b float64) float64) []float64 {
	if len(a) != len(b) || len(a) < 2 {
		return nil
	}
	out := make([]float64, len(a))
	for i := range a {
		out[i] = f(a[i], b[i])
	}
	return out
}

// judgeAtLeast gives the verdict on a goal "at least goal": met only when
// every pairing of runs meets it, not met when none does, inconclusive in
// between, where which side of the goal a run lands on is the machine's
// noise, not the collector's doing.
func judgeAtLeast(sp spread, goal float64, format func(spread) string) string {
	switch {
	case !sp.OK:
		return "not judged: a collector it compares has no result"
	case sp.Lo >= goal:
		return "met"
	case sp.Hi < goal:
		return "**not met**"
	}
	return "**inconclusive**: the pairings of runs give " + format(sp)
}

// judgeAtMost gives the verdict on a goal "at most goal", likewise.
func judgeAtMost(sp spread, goal float64, format func(spread) string) string {
	switch {
	case !sp.OK:
		return "not judged: a collector it compares has no result"
	case sp.Hi <= goal:
		return "met"
	case sp.Lo > goal:
		return "**not met**"
	}
	return "**inconclusive**: the pairings of runs give " + format(sp)
}

// times formats a spread's range as factors ("2.8–3.5×").
func times(sp spread) string { return rangeText(sp.Lo, sp.Hi, "%.1f", "×") }

// percents formats a spread's range as percentages ("44–54%").
func percents(sp spread) string { return rangeText(sp.Lo*100, sp.Hi*100, "%.0f", "%") }

// micros formats a spread's range as µs ("10.2–12.9 µs").
func micros(sp spread) string { return rangeText(sp.Lo, sp.Hi, "%.1f", " µs") }

// rangeText formats lo–hi with verb and unit; an infinite hi is open-ended
// ("44%–∞").
func rangeText(lo, hi float64, verb, unit string) string {
	if math.IsInf(hi, 1) {
		return fmt.Sprintf(verb, lo) + unit + "–∞"
	}
	return fmt.Sprintf(verb+"–"+verb, lo, hi) + unit
}
