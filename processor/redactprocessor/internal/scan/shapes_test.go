// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestWordShapes: the secrets known by their whole shape (shapes.go), in
// prose, JSON, after "key=" and in a Markdown cell, with examples from the
// gitleaks rules' own test cases where they have them (at b58d3f1) and of
// our own; and look-alikes of each shape that must survive.
func TestWordShapes(t *testing.T) {
	for _, c := range []struct {
		name string
		hits []string
		keep []string
	}{
		{
			"mailchimp",
			[]string{"f409087f74e3606561b489743e5b3ab8-us17", "0a1b2c3d4e5f60718293a4b5c6d7e8f9-us6"},
			[]string{"f409087f74e3606561b489743e5b3ab8-us", "f409087f74e3606561b489743e5b3ab8-us123", "f409087f74e3606561b489743e5b3ab8-usa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-us17"},
		},
		{
			"discord bot token",
			[]string{"N8mr36BSnvefKqrUBst46Eje.0MhPND.2cvDi4x5bvVdHbrdGs0y7AQjPXohtFvkSxhfT6", "MTE4NDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.Mn0pQrStUvWxYz1234567890AbCdEfGh"},
			[]string{
				"A8mr36BSnvefKqrUBst46Eje.0MhPND.2cvDi4x5bvVdHbrdGs0y7AQjPXohtFvkSxhfT6", // not M, N, O
				"N8mr36BSnvefKqrUBst46Eje.0MhPN.2cvDi4x5bvVdHbrdGs0y7AQjPXohtFvkSxhfT6",  // 5, not 6
				"N8mr36BSnvefKqrUBst46Eje.0MhPND.2cvDi4x5bvVdHbrdGs0y7AQjPXohtFvkSxhfT6.x",
				"Mozilla5Windows10Chromium.Safari.AppleWebKitGeckoFirefox123456789", // dotted words
			},
		},
		{
			"azure client secret",
			[]string{"bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR", ".IQ8Q~79R7TOWOspFnWcEG-dYt4KXqFqxK16cxr", "~Gg8Q~nVhlLi2vpg_nXBGqFsbGK-t~Hus1JmTa0y"},
			[]string{"bP88Q~short", "bP8xQ~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR", "bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgRabcdef"},
		},
		{
			"terraform token",
			[]string{"hE1hlYILrSqpqh.atlasv1.ARjZuyzl33F71WR55s6ln5GQ1HWIwTDDH3MiRjz7OnpCfaCb1RCF5zGaSncCWmJdcYA", "hEahlYILrSqpqh.atlasv1.ARjZuyzl33F71WR55s6ln5GQ1HWIwTDDH3MiRjz7OnpCfaCb1RCF5zGaSncCWmJdcYA"},
			[]string{"hE1hlYILrSqpqh.atlasv1.ARjZuyzl33F71WR55s6ln5GQ1HW", "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
		},
		{
			"maxmind license key",
			[]string{"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"},
			[]string{"w5fruZ_8ZUsgYLu8vwgb3yKsgMna3uIF9Oa_mmk", "w5fruZ_8ZUsgYLu8vwgb3yKsgMna3uIF9Oa4_mmkx"},
		},
	} {
		for _, tok := range c.hits {
			for _, frame := range []string{"use %s now", `{"k":"%s"}`, "k=%s\n", "| 3 | `%s` |"} {
				in := strings.Replace(frame, "%s", tok, 1)
				assert.Equal(t, strings.Replace(frame, "%s", "[REDACTED:api_token]", 1), redactOne(t, in), "%s: %q", c.name, in)
			}
		}
		for _, s := range c.keep {
			in := "see " + s + " here"
			assert.Equal(t, in, redactOne(t, in), c.name)
		}
	}
}
