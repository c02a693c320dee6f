// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonPII are values put into JSON documents by the property test: what
// must disappear (secret) and how it is written into a JSON string (text).
var jsonPII = []struct{ text, secret string }{
	{"jane.doe@example.com", "jane.doe@example.com"},
	{"j\\u00fcrgen.m\\u00fcller@example.de", "m\\u00fcller@example.de"},
	{"李雷@example.cn", "李雷@example.cn"},
	{"pat.o'brien@example.ie", "o'brien@example.ie"},
	{"+44 20 7946 0958", "7946 0958"},
	{"+49 (0)40 382105-67", "382105-67"},
	{"06 12 34 56 78", "34 56 78"},
	{"03-1234-5678", "1234-5678"},
	{"(415) 555-0100", "555-0100"},
	{"4111 1111 1111 1111", "4111 1111 1111 1111"},
	{"5500-0000-0000-0004", "5500-0000-0000-0004"},
	{"378282246310005", "378282246310005"},
	{"DE89 3704 0044 0532 0130 00", "3704 0044 0532 0130"},
	{"GB82WEST12345698765432", "GB82WEST12345698765432"},
	{"123-45-6789", "123-45-6789"},
	{"84.71.167.95", "84.71.167.95"},
	{"2001:db8:85a3::8a2e:370:7334", "2001:db8:85a3::8a2e:370:7334"},
	{"AKIAZ3MHQW5TRXLN4PVB", "AKIAZ3MHQW5TRXLN4PVB"},
	{"sk-proj-Abc123DEF456ghi789JKL012mno345", "Abc123DEF456ghi789JKL012mno345"},
	{"ghp_16C7e42F292c6912E7710c838347Ae178B4a", "16C7e42F292c6912E7710c838347Ae178B4a"},
	{"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", "QwErTyUiOpAsDfGhJkLzXcVbNmQwErTyUi"},
	{"password=Sommer2024!", "Sommer2024!"},
	{"postgres://app:Tiger!blue16@db:5432/x", "Tiger!blue16"},
	{"https://hooks.slack.com/services/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", "3nXwVb5kZpR7tY9qLm2sD4fG"},
	{"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"},
	{"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"},
	{"-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEAxF2x9lmvT3kQ8pRz", "MIIEowIBAAKCAQEAxF2x9lmvT3kQ8pRz"}, // truncated: the string ends
}

// jsonBareCards are card numbers written as bare JSON numbers.
var jsonBareCards = []string{"4111111111111111", "5500000000000004", "4012888888881881", "378282246310005"}

// The separators around values inside strings: escapes, punctuation,
// words.
var jsonSeps = []string{" ", "\\n", "\\t", "\\r\\n", "\\u0020", ", ", ": ", " (", ") ", " and ", "\\\"", " \\\\ ", "\\u00a0", "\\/"}

var jsonWords = []string{"hello", "caf\\u00e9", "status", "#4412", "2024-01-15", "v1.2.3", "note", "日本", "Grüße", "x"}

type jsonGen struct {
	rng     *rand.Rand
	secrets []string
}

func (g *jsonGen) str() string {
	var b strings.Builder
	for n := 1 + g.rng.IntN(5); n > 0; n-- {
		if g.rng.IntN(3) == 0 {
			p := jsonPII[g.rng.IntN(len(jsonPII))]
			b.WriteString(p.text)
			g.secrets = append(g.secrets, p.secret)
			// A PII value never ends the string as the first byte after
			// an escape, so the property is about the escape, not luck.
			b.WriteString(jsonSeps[g.rng.IntN(len(jsonSeps))])
			b.WriteString(jsonWords[g.rng.IntN(len(jsonWords))])
		} else {
			b.WriteString(jsonWords[g.rng.IntN(len(jsonWords))])
		}
		if n > 1 {
			b.WriteString(jsonSeps[g.rng.IntN(len(jsonSeps))])
		}
	}
	return `"` + b.String() + `"`
}

func (g *jsonGen) value(depth int) string {
	k := g.rng.IntN(10)
	if depth > 3 {
		k = g.rng.IntN(5)
	}
	switch {
	case k < 2:
		return g.str()
	case k == 2:
		c := jsonBareCards[g.rng.IntN(len(jsonBareCards))]
		g.secrets = append(g.secrets, c)
		if g.rng.IntN(4) == 0 {
			return "-" + c
		}
		return c
	case k == 3:
		return []string{"0", "42", "-1.5e3", "true", "false", "null", "1700000000123"}[g.rng.IntN(7)]
	case k == 4:
		// JSON inside a string (tool arguments).
		inner := g.value(depth + 2)
		b, err := json.Marshal(inner)
		if err != nil {
			panic(err)
		}
		return string(b)
	case k < 7:
		var parts []string
		for n := g.rng.IntN(4); n > 0; n-- {
			key := g.str()
			if g.rng.IntN(2) == 0 {
				key = fmt.Sprintf(`"k%d"`, g.rng.IntN(100))
			}
			sp := []string{"", " ", "\n  "}[g.rng.IntN(3)]
			parts = append(parts, key+":"+sp+g.value(depth+1))
		}
		return "{" + strings.Join(parts, ",") + "}"
	default:
		var parts []string
		for n := g.rng.IntN(4); n > 0; n-- {
			parts = append(parts, g.value(depth+1))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
}

// TestJSONProperty: on 20,000 generated JSON values with PII in every
// position (after escapes, inside strings, as bare and negative numbers,
// in keys, nested, JSON inside strings), the redacted text is valid JSON
// and no PII value is left.
func TestJSONProperty(t *testing.T) {
	r := newTestRedactor(t)
	st := r.NewState()
	rng := rand.New(rand.NewPCG(22, 2026))
	withPII, values := 0, 0
	const docs = 20000
	for n := range docs {
		g := &jsonGen{rng: rng}
		doc := g.value(0)
		require.True(t, json.Valid([]byte(doc)), "generator wrote invalid JSON: %s", doc)
		st.Reset()
		out, _, _ := r.Redact(doc, st)
		if !json.Valid([]byte(out)) {
			t.Fatalf("case %d: redaction broke JSON\n in: %s\nout: %s", n, doc, out)
		}
		if len(g.secrets) > 0 {
			withPII++
		}
		values += len(g.secrets)
		for _, sec := range g.secrets {
			// In nested JSON the secret is escaped once more.
			esc, _ := json.Marshal(sec)
			if strings.Contains(out, sec) || strings.Contains(out, strings.Trim(string(esc), `"`)) {
				t.Fatalf("case %d: %q left\n in: %s\nout: %s", n, sec, doc, out)
			}
		}
	}
	assert.Greater(t, withPII, docs/2)
	fmt.Printf("json property: %d JSON values (%d with PII, %d PII values): all stay valid JSON, no PII value left\n", docs, withPII, values)
}

// FuzzRedactJSON: whatever the input, a valid JSON text stays valid JSON.
// The seeds are generated documents and the hard cases.
func FuzzRedactJSON(f *testing.F) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 40 {
		f.Add((&jsonGen{rng: rng}).value(0))
	}
	for _, c := range hardCases {
		f.Add(c.in)
	}
	r, err := NewRedactor(allMask(), nil, []byte("k"))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, s string) {
		if !json.Valid([]byte(s)) {
			return
		}
		out, _, _ := r.Redact(s, r.NewState())
		if !json.Valid([]byte(out)) {
			t.Fatalf("redaction broke JSON:\n in: %s\nout: %s", s, out)
		}
	})
}

func TestJSONNumberGrammar(t *testing.T) {
	for _, ok := range []string{"0", "-0", "12", "-4111111111111111", "1.5", "1e9", "2.5E-3"} {
		assert.True(t, jsonNumber(ok), ok)
	}
	for _, bad := range []string{"", "-", "01", "1.", ".5", "1e", "+1", "1.2.3", "4111 1111"} {
		assert.False(t, jsonNumber(bad), bad)
	}
}
