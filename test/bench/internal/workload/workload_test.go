// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package workload

import (
	"encoding/json"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
)

var (
	emailRE = regexp.MustCompile(`[a-z]+\.[a-z]+@[a-z.]+\.(com|org|net)`)
	dateRE  = regexp.MustCompile(`-(\d{4}-\d{2}-\d{2}|\d{8}|\d{3}|\d{4}|\d{2}-\d{4})$`)
	otherRE = regexp.MustCompile(`\b4\d{3} \d{4} \d{4} \d{4}\b|\bDE\d{20}\b|\b\d{3}-\d{2}-\d{4}\b|\b10\.\d+\.\d+\.\d+\b`)
)

// TestLLMProfileShares checks the llm profile against what the benchmark
// promises: shares of errors, fallbacks, cached tokens and PII, token and
// text ranges, and the model mix.
func TestLLMProfileShares(t *testing.T) {
	g := NewGenerator(LLM, 1)
	var chats, errs, fallbacks, cached, dated int
	models := map[string]bool{}
	for range 120 {
		td := g.Batch(50)
		require.Equal(t, 50, td.SpanCount())
		spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		for i := range spans.Len() {
			s := spans.At(i)
			c := genai.Read(s.Attributes())
			if c.Kind() != genai.KindInference {
				continue
			}
			chats++
			models[c.RequestModel] = true
			if dateRE.MatchString(c.ResponseModel) {
				dated++
			}
			assert.GreaterOrEqual(t, c.Usage.Input, int64(100))
			assert.LessOrEqual(t, c.Usage.Input, int64(8000))
			assert.NotEmpty(t, c.Provider(), "provider named or inferable for %q", c.RequestModel)
			if c.Usage.Has&genai.HasCacheRead != 0 {
				cached++
				assert.Less(t, c.Usage.CacheRead, c.Usage.Input)
			}
			if c.FallbackUsed {
				fallbacks++
			}
			in, ok := s.Attributes().Get(genai.InputMessages)
			require.True(t, ok)
			var msgs []message
			require.NoError(t, json.Unmarshal([]byte(in.Str()), &msgs), "input messages are semconv JSON")
			require.Len(t, msgs, 2)
			prompt := msgs[1].Parts[0].Content
			assert.GreaterOrEqual(t, len(prompt), 300)
			assert.LessOrEqual(t, len(prompt), 8192+200)
			if s.Status().Code() == ptrace.StatusCodeError {
				errs++
				assert.NotEmpty(t, c.ErrorType)
				continue
			}
			_, ok = s.Attributes().Get(genai.OutputMessages)
			require.True(t, ok)
		}
	}
	require.Greater(t, chats, 4000)
	share := func(n int) float64 { return float64(n) / float64(chats) }
	assert.InDelta(t, ErrorRate, share(errs), 0.01)
	assert.InDelta(t, FallbackRate, share(fallbacks), 0.01)
	assert.InDelta(t, 0.2, share(cached), 0.06, "25% of the models with caching")
	assert.Greater(t, share(dated), 0.7, "most response models are date- or version-suffixed")
	assert.Len(t, models, len(Models))
}

// TestTextPII: about PIIRate of texts carry PII, and the PII is in the text.
func TestTextPII(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	const n = 20000
	withPII := 0
	for range n {
		s, pii := Text(r, 300, PIIRate)
		if pii {
			withPII++
			assert.True(t, hasPII(s), "text flagged with PII must hold a PII value: %q", s)
		} else {
			assert.False(t, emailRE.MatchString(s) || strings.Contains(s, "sk-proj-"), s)
		}
	}
	assert.InDelta(t, PIIRate, float64(withPII)/n, 0.003)
}

func hasPII(s string) bool {
	return emailRE.MatchString(s) || strings.Contains(s, "+1 415-555-") || strings.Contains(s, "+44 20 7946 ") ||
		strings.Contains(s, "sk-proj-") || strings.Contains(s, "AKIA") || strings.Contains(s, "ghp_") ||
		otherRE.MatchString(s)
}

// TestWorkloadSizesAndPII: every llm workload is the size its name says on
// the wire (OTLP protobuf, all spans of a request counted) and carries PII
// in the share of prompts and answers it says.
func TestWorkloadSizesAndPII(t *testing.T) {
	for _, p := range LLMWorkloads {
		t.Run(p.String(), func(t *testing.T) {
			g := NewGenerator(p, 1)
			var bytes, spans int
			for range 20 {
				td := g.Batch(50)
				b, err := (&ptrace.ProtoMarshaler{}).MarshalTraces(td)
				require.NoError(t, err)
				bytes += len(b)
				spans += td.SpanCount()
			}
			avg := float64(bytes) / float64(spans)
			want := map[Size]float64{Size1K: 1024, Size4K: 4096}[p.Size]
			assert.InEpsilon(t, want, avg, 0.2, "average wire size per span")
			assert.InDelta(t, p.PII, g.Stats().PIIShare(), 0.03+p.PII*0.05, "share of texts with PII")
			assert.Greater(t, g.Stats().Texts, 1000)
			t.Logf("%s: %.0f bytes per span, PII in %.1f%% of %d texts", p, avg, g.Stats().PIIShare()*100, g.Stats().Texts)
		})
	}
}

func TestParseProfile(t *testing.T) {
	for in, want := range map[string]Profile{
		"tiny":         Tiny,
		"llm":          LLM,
		"llm-1k-pii80": {Kind: KindLLM, Size: Size1K, PII: 0.8},
		"llm-4k-pii1":  {Kind: KindLLM, Size: Size4K, PII: 0.01},
		"llm-4k-pii0":  {Kind: KindLLM, Size: Size4K},
	} {
		got, err := ParseProfile(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
		if in != "llm" {
			assert.Equal(t, in, got.String(), "round trip")
		}
	}
	for _, p := range LLMWorkloads {
		got, err := ParseProfile(p.String())
		require.NoError(t, err)
		assert.Equal(t, p, got)
	}
	for _, bad := range []string{"", "llm-2k-pii1", "llm-1k-pii101", "llm-1k-80", "llm-1k-piix", "huge"} {
		_, err := ParseProfile(bad)
		assert.Error(t, err, bad)
	}
}

func TestTinyProfile(t *testing.T) {
	td := NewGenerator(Tiny, 1).Batch(100)
	require.Equal(t, 100, td.SpanCount())
	s := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	assert.Equal(t, "load-generator-span", s.Name())
	assert.Equal(t, 2, s.Attributes().Len())
}

func TestPIIValuesAreValid(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	for range 100 {
		card := strings.ReplaceAll(cardNumber(r), " ", "")
		assert.True(t, luhnValid(card), card)
		assert.False(t, luhnValid(nonLuhn(r)))
		iban := germanIBAN(r)
		assert.Len(t, iban, 22)
		assert.Equal(t, 1, mod97(iban[4:]+"1314"+iban[2:4]), iban)
	}
}

func luhnValid(s string) bool {
	sum := 0
	for i := range len(s) {
		d := int(s[len(s)-1-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

func mod97(digits string) int {
	rem := 0
	for _, c := range digits {
		rem = (rem*10 + int(c-'0')) % 97
	}
	return rem
}

func TestHistoryIsHALOFormat(t *testing.T) {
	h, err := NewHistory(rand.New(rand.NewPCG(1, 1)), "s-1", 6)
	require.NoError(t, err)
	assert.Equal(t, 6, h.Turns)

	var msgs []map[string]any
	require.NoError(t, json.Unmarshal(h.File, &msgs))
	require.Len(t, msgs, 1+2*6, "welcome message, then user and assistant per turn")
	assert.Equal(t, "assistant", msgs[0]["role"])
	assert.NotContains(t, msgs[0], "trace")
	assert.Contains(t, string(h.File), "\n  {\n    \"role\"", "pretty-printed like HALO Core")
	traces := 0
	for _, m := range msgs[1:] {
		assert.Contains(t, m, "tool_calls")
		if tr, ok := m["trace"].(map[string]any); ok {
			traces++
			tel := tr["telemetry"].(map[string]any)
			for _, k := range []string{"model", "stream_result", "latency_ms", "used_fallback", "knowledge_hits"} {
				assert.Contains(t, tel, k)
			}
			assert.NotContains(t, m, "session_id", "files carry no session id: the file name is the session")
		}
	}
	assert.Equal(t, 6, traces)

	var pushed []map[string]any
	require.NoError(t, json.Unmarshal(h.Push, &pushed))
	require.Len(t, pushed, len(msgs))
	assert.Equal(t, "s-1", pushed[2]["session_id"])
}
