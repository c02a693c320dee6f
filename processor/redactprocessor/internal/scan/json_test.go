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
	// What encoders escape: '/' as \/ (PHP, Java, .NET), '&' '<' '>' as
	// \u0026 \u003c \u003e (Go), every non-ASCII character as \uXXXX
	// (Python's ensure_ascii).
	{"https:\\/\\/hooks.slack.com\\/services\\/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", "Jq4vWm8ZtN2cXk6LpR9sDh3F"},
	{"mysql:\\/\\/report:Kw9!zu_31@db.internal:3306\\/sales", "Kw9!zu_31"},
	{"https:\\/\\/api.example.io\\/v2?user=li\\u0026api_key=Zt5mQ8rXw2LpK9vN4cHs\\u0026lang=de", "Zt5mQ8rXw2LpK9vN4cHs"},
	{"\\u643a\\u5e2f080-4417-2093\\u307e\\u3067", "4417-2093"},
	{"\\u624b\\u673a 139 2741 8856\\uff0c", "2741 8856"},
	{"\\u674e\\u96f7@\\u4f8b\\u3048.jp", "@\\u4f8b\\u3048.jp"},
	{"s.kowalski@przyk\\u0142ad.pl", "s.kowalski@przyk"},
}

// jsonBareCards are card numbers written as bare JSON numbers.
var jsonBareCards = []string{"4111111111111111", "5500000000000004", "4012888888881881", "378282246310005"}

// The separators around values inside strings: escapes, punctuation,
// words.
//
// \/ is '/' and stands between spaces: a value glued to a '/' is judged as
// in plain text (4412/84.71.167.95, 12/2024 are not scanned as values).
var jsonSeps = []string{" ", "\\n", "\\t", "\\r\\n", "\\u0020", ", ", ": ", " (", ") ", " and ", "\\\"", " \\\\ ", "\\u00a0", " \\/ ", "\\u3002", "\\u0026 "}

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

// TestEscapedJSON: text as JSON encoders escape it is redacted as the same
// text unescaped, only the matches change (the rest keeps its escapes),
// and look-alikes survive escaped as they do plain.
func TestEscapedJSON(t *testing.T) {
	r := newTestRedactor(t)
	st := r.NewState()
	for _, c := range []struct{ in, want string }{
		// PHP json_encode, Jackson with escaping of '/', .NET JavaScriptSerializer.
		{
			`{"text":"alerts go to https:\/\/hooks.slack.com\/services\/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"}`,
			`{"text":"alerts go to [REDACTED:webhook_url]"}`,
		},
		{
			`{"dsn":"amqp:\/\/orders:Rb7#qLx2vN@mq.internal:5672\/%2f"}`,
			`{"dsn":"amqp:\/\/[REDACTED:url_credentials]@mq.internal:5672\/%2f"}`,
		},
		{
			`"hook: https:\/\/discord.com\/api\/webhooks\/112233445566778899\/Xk2mPq9-Lz7vWn4RtYb8CsD1fGh3JkL6"`,
			`"hook: [REDACTED:webhook_url]"`,
		},
		// Go encoding/json: & < > as \u0026 \u003c \u003e.
		{
			`{"url":"https://api.example.net/v1/push?device=ab12\u0026access_token=Qm9vZ2xlT2F1dGgyVG9rZW4x\u0026lang=pl"}`,
			`{"url":"https://api.example.net/v1/push?device=ab12\u0026access_token=[REDACTED:secret_url_param]\u0026lang=pl"}`,
		},
		{`{"msg":"mail me \u003cpiotr.nowak@example.pl\u003e"}`, `{"msg":"mail me \u003c[REDACTED:email]\u003e"}`},
		// Python json.dumps (ensure_ascii): every non-ASCII character escaped.
		{`{"content":"\u643a\u5e2f\u306f080-4417-2093\u3067\u3059"}`, `{"content":"\u643a\u5e2f\u306f[REDACTED:phone]\u3067\u3059"}`},
		{`{"content":"\u8054\u7cfb\u7535\u8bdd 139 2741 8856\uff0c\u8c22\u8c22"}`, `{"content":"\u8054\u7cfb\u7535\u8bdd [REDACTED:phone]\uff0c\u8c22\u8c22"}`},
		{`{"content":"napisz na s.kowalski@przyk\u0142ad.pl prosz\u0119"}`, `{"content":"napisz na [REDACTED:email] prosz\u0119"}`},
		{`{"content":"\u30e1\u30fc\u30eb: \u4f50\u85e4@\u4f8b\u3048.jp"}`, `{"content":"\u30e1\u30fc\u30eb: [REDACTED:email]"}`},
		{`{"c":"Passwort=M\u00fcnchen#2024!"}`, `{"c":"Passwort=[REDACTED:password]"}`},
		// JSON inside a JSON string: the escapes are escaped once more.
		{
			`{"arguments":"{\"url\":\"https:\\\/\\\/hooks.slack.com\\\/services\\\/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\"}"}`,
			`{"arguments":"{\"url\":\"[REDACTED:webhook_url]\"}"}`,
		},
		// A surrogate pair (emoji) before a phone.
		{`{"c":"\ud83d\udcde+44 20 7946 0958"}`, `{"c":"\ud83d\udcde[REDACTED:phone]"}`},
		// Look-alikes stay, and so do their escapes.
		{`{"c":"see https:\/\/docs.example.com\/api\/v2\/webhooks\/setup and \u00a712.3, order 2024\/0815"}`, ""},
		{`{"c":"\u6ce8\u6587\u756a\u53f7 2025-0318\u3001\u5408\u8a08 \u00a512,800"}`, ""},
		{`{"q":"a=1\u0026page_token=next\u0026max_tokens=4096"}`, ""},
	} {
		st.Reset()
		out, changed, _ := r.Redact(c.in, st)
		want := c.want
		if want == "" {
			want = c.in
		}
		assert.Equal(t, want, out, c.in)
		assert.Equal(t, want != c.in, changed, c.in)
		assert.True(t, json.Valid([]byte(out)), out)
	}
}

// TestUnescapedMapping: findings in decoded text map back onto whole
// escapes of the original.
func TestUnescapedMapping(t *testing.T) {
	s := `a\u00e9b\/c\ud83d\ude00d`
	var u unescaped
	k := firstPrintableEscape(s, strings.IndexByte(s, '\\'))
	require.Equal(t, 1, k)
	d := u.decode(s, k)
	assert.Equal(t, "aéb/c😀d", d)
	for p := range len(d) + 1 {
		rs, re := u.rawStart(p), u.rawEnd(p)
		assert.LessOrEqual(t, rs, re, p)
		// Never inside an escape: both ends at a byte that starts one or is plain.
		for _, e := range u.spans {
			assert.False(t, rs > e.raw && rs < e.rawEnd, "start %d inside %v", rs, e)
			assert.False(t, re > e.raw && re < e.rawEnd, "end %d inside %v", re, e)
		}
	}
	assert.Equal(t, len(s), u.rawEnd(len(d)))
	// Escapes of quotes, backslashes and controls are not decoded.
	for _, s := range []string{`\"`, `\\`, `\n`, `\u0022`, `\u005c`, `\u000a`, `\ud83d`, `\udc00x`, `\u12`} {
		assert.Equal(t, -1, firstPrintableEscape(s, 0), s)
	}
}
