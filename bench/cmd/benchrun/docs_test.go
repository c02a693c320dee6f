// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// boldNumber matches a bold figure (**36000**, **116.1×**, **42–52%**);
// tableNumber a number in a table cell.
var (
	boldNumber  = regexp.MustCompile(`\*\*([0-9][0-9.,–×%]*)\*\*`)
	tableNumber = regexp.MustCompile(`[0-9][0-9.,]*(?:–[0-9][0-9.,]*)?`)
)

// TestDocsQuoteBenchmarks: the performance figures of the README and of the
// Kubernetes sizing guide are figures of the latest BENCHMARKS.md, so a
// rerun that changes them fails here until the docs are updated.
func TestDocsQuoteBenchmarks(t *testing.T) {
	bench := read(t, "../../../BENCHMARKS.md")
	// The results, not the log of every step (whose many numbers would let
	// almost any small figure match).
	if i, j := strings.Index(bench, "\n## Every step"), strings.Index(bench, "\n## Components beside contrib"); i >= 0 && j > i {
		bench = bench[:i] + bench[j:]
	}
	has := func(fig string) bool {
		fig = strings.TrimRight(strings.ReplaceAll(fig, ",", ""), "×%")
		return regexp.MustCompile(`(^|[^0-9.])` + regexp.QuoteMeta(fig) + `($|[^0-9])`).MatchString(bench)
	}
	perf := section(t, read(t, "../../../README.md"), "## Performance", "\n## ")
	sizing := section(t, read(t, "../../../deploy/kubernetes/README.md"), "**Per core**", "\n\n")
	var figures []string
	for _, text := range []string{perf, sizing} {
		for _, m := range boldNumber.FindAllStringSubmatch(text, -1) {
			figures = append(figures, m[1])
		}
	}
	for _, line := range strings.Split(perf, "\n") {
		if strings.HasPrefix(line, "| ") && !strings.HasPrefix(line, "| llm profile") {
			cells := strings.Split(line, "|")
			for _, cell := range cells[2:] { // skip the row label
				figures = append(figures, tableNumber.FindAllString(cell, -1)...)
			}
		}
	}
	require.NotEmpty(t, figures)
	for _, fig := range figures {
		if fig == "50" || fig == "256" || fig == "64" || fig == "3" {
			continue // goals and the number of runs, not measurements
		}
		assert.True(t, has(fig), "figure %q in the docs is not in BENCHMARKS.md: rerun `make bench` and update the docs", fig)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// section returns text from the first start to the next end after it.
func section(t *testing.T, text, start, end string) string {
	t.Helper()
	i := strings.Index(text, start)
	require.GreaterOrEqual(t, i, 0, "no %q", start)
	rest := text[i+len(start):]
	if j := strings.Index(rest, end); j >= 0 {
		rest = rest[:j]
	}
	return rest
}
