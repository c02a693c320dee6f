// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func allMask() map[Type]Action {
	m := map[Type]Action{}
	for t := Type(0); t < NumBuiltin; t++ {
		m[t] = Mask
	}
	return m
}

func newTestRedactor(t testing.TB) *Redactor {
	t.Helper()
	r, err := NewRedactor(allMask(), nil, []byte("k"))
	require.NoError(t, err)
	return r
}

func TestJSONStaysValid(t *testing.T) {
	r := newTestRedactor(t)
	msgs := `[{"role":"user","content":"I'm jane.doe@example.com, card 4111 1111 1111 1111, call +1 415 555 0100"},` +
		`{"role":"assistant","content":"noted","tool":{"args":"postgres://u:p4ss@db/x?token=abc123"}}]`
	out, changed, _ := r.Redact(msgs, r.NewState())
	require.True(t, changed)
	assert.True(t, json.Valid([]byte(out)), out)
	assert.NotContains(t, out, "jane.doe")
	assert.NotContains(t, out, "4111")
	assert.NotContains(t, out, "p4ss")
	assert.NotContains(t, out, "abc123")
}

func TestHashIsKeyedAndStable(t *testing.T) {
	a := allMask()
	a[Email] = Hash
	r1, err := NewRedactor(a, nil, []byte("key-one"))
	require.NoError(t, err)
	r2, err := NewRedactor(a, nil, []byte("key-two"))
	require.NoError(t, err)
	x1, _, _ := r1.Redact("from a@b.io", r1.NewState())
	y1, _, _ := r1.Redact("to a@b.io!", r1.NewState())
	x2, _, _ := r2.Redact("from a@b.io", r2.NewState())
	assert.Regexp(t, `^from \[HASH:email:[0-9a-f]{16}\]$`, x1)
	assert.Equal(t, strings.TrimPrefix(x1, "from "), strings.TrimSuffix(strings.TrimPrefix(y1, "to "), "!"), "same value, same token")
	assert.NotEqual(t, x1, x2, "the token depends on the key")
}

func TestCustomDetectorsAndDrop(t *testing.T) {
	r, err := NewRedactor(map[Type]Action{Email: Drop}, []Custom{
		{Name: "employee_id", Regex: `EMP-\d{6}`, Action: Mask},
		{Name: "codename", Keywords: []string{"Bluebird", "Night Jar"}, Action: Mask},
		{Name: "luhn_id", Regex: `\b\d{8}\b`, Validator: "luhn", Action: Mask},
	}, nil)
	require.NoError(t, err)
	st := r.NewState()
	out, changed, drop := r.Redact("EMP-123456 on project bluebird and night jar, ids 12345674 12345678", st)
	assert.True(t, changed)
	assert.False(t, drop)
	assert.Equal(t, "[REDACTED:employee_id] on project [REDACTED:codename] and [REDACTED:codename], ids [REDACTED:luhn_id] 12345678", out)
	assert.Equal(t, []string{"employee_id", "codename", "luhn_id"}, st.Types(r))
	_, _, drop = r.Redact("x a@b.io", st)
	assert.True(t, drop)
}

func TestValidators(t *testing.T) {
	assert.True(t, Luhn("4111111111111111"))
	assert.False(t, Luhn("4111111111111112"))
	assert.True(t, Mod97("GB82 WEST 1234 5698 7654 32"))
	assert.False(t, Mod97("GB82 WEST 1234 5698 7654 33"))
	assert.False(t, ssnValid(666, 12, 1234))
	assert.False(t, ssnValid(901, 12, 1234))
	assert.False(t, ssnValid(123, 0, 1234))
	assert.True(t, ssnValid(123, 45, 6789))
}

func TestNoAllocationWhenClean(t *testing.T) {
	r := newTestRedactor(t)
	st := r.NewState()
	for _, text := range []string{
		strings.Repeat("The assistant summarised the contract: payment within 30 days, 2 renewals. ", 40),
		// Every path short of a finding: dates, versions bound to packages,
		// order numbers after their word, keys that name no secret, phone
		// words before short numbers, non-ASCII words, JSON escapes.
		strings.Repeat(`{"msg":"Bestellung 0123 456 789 vom 2024-01-15 10:30, numpy==1.2.3.4, Chrome/120.0.0.0, `+
			`max_tokens=4096 token_type=Bearer, Tel. 12, 電話 番号 12-34, café
	#4412 v1.2.3 port 5432",`+
			`"ts":1700000000123,"ok":true}`, 20),
	} {
		allocs := testing.AllocsPerRun(100, func() { _, _, _ = r.Redact(text, st) })
		assert.Zero(t, allocs, text[:40])
		_, changed, _ := r.Redact(text, st)
		assert.False(t, changed, text[:40])
	}
}

// TestResultsShareChunks: the results of one State, built in shared chunks,
// are each what a fresh State returns, however many follow them (short and
// long texts, chunks filled and replaced, a chunk's last bytes), and share
// one allocation for many.
func TestResultsShareChunks(t *testing.T) {
	a := allMask()
	a[IPv4] = Hash
	r, err := NewRedactor(a, nil, []byte("k"))
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(1, 2))
	pii := []string{"jane.doe@example.com", "4111 1111 1111 1111", "10.1.2.3"}
	st := r.NewState()
	var texts, outs []string
	for i := range 3000 {
		var b strings.Builder
		if i%5 == 0 {
			b.WriteString(`{"card": 4111111111111111, "content":"`) // quoted in the result
		} else {
			b.WriteString(`{"content":"`)
		}
		for range 1 + rng.IntN(3) {
			b.WriteString(strings.Repeat("words and more words ", rng.IntN(1+i%300)))
			b.WriteString(pii[rng.IntN(len(pii))] + " ")
		}
		b.WriteString(`"}`)
		out, changed, _ := r.Redact(b.String(), st)
		require.True(t, changed, b.String())
		texts, outs = append(texts, b.String()), append(outs, out)
		if i%7 == 0 {
			n, ok, _ := r.RedactInt(4111111111111111, st)
			require.True(t, ok)
			texts, outs = append(texts, "int"), append(outs, n)
		}
	}
	for i, text := range texts {
		if text == "int" {
			want, _, _ := r.RedactInt(4111111111111111, r.NewState())
			require.Equal(t, want, outs[i])
			continue
		}
		want, _, _ := r.Redact(text, r.NewState())
		require.Equal(t, want, outs[i], "result %d", i)
	}
	short := `{"content":"mail jane.doe@example.com"}`
	allocs := testing.AllocsPerRun(1000, func() { _, _, _ = r.Redact(short, st) })
	assert.Less(t, allocs, 0.1, "short results share chunks")
}

func FuzzRedact(f *testing.F) {
	for _, s := range []string{"a@b.io", "+1 415 555 0100", "4111 1111 1111 1111", "::1", "-----BEGIN PRIVATE KEY-----", "?token=", "eyJhbGciOiJIUzI1NiJ9.eyJ", "GB82WEST12345698765432", `"Authorization": "Bearer "`} {
		f.Add(s)
	}
	r, err := NewRedactor(allMask(), []Custom{{Name: "c", Regex: `x+`}}, []byte("k"))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, s string) {
		st := r.NewState()
		out, changed, _ := r.Redact(s, st)
		if !changed && out != s {
			t.Fatalf("unchanged but different output")
		}
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("redaction broke UTF-8: %q -> %q", s, out)
		}
		if json.Valid([]byte(s)) && !json.Valid([]byte(out)) {
			t.Fatalf("redaction broke JSON: %q -> %q", s, out)
		}
	})
}

// TestPlaceholdersAreStable: redacting redacted text changes nothing, so a
// gateway running after a sidecar neither re-counts nor mangles.
func TestPlaceholdersAreStable(t *testing.T) {
	a := allMask()
	a[Email], a[Phone] = Hash, Hash
	r, err := NewRedactor(a, nil, []byte("k"))
	require.NoError(t, err)
	texts := []string{}
	for _, smp := range loadCorpus(t) {
		texts = append(texts, smp.text)
	}
	for _, c := range loadConversations(t) {
		texts = append(texts, c.text)
	}
	for _, s := range texts {
		once, _, _ := r.Redact(s, r.NewState())
		twice, changed, _ := r.Redact(once, r.NewState())
		assert.False(t, changed, "%q -> %q -> %q", s, once, twice)
	}
}

func BenchmarkRedactProseWithPII(b *testing.B) {
	// One line in a hundred carries PII.
	var sb strings.Builder
	for i := range 100 {
		sb.WriteString("The assistant reviewed the quarterly report and summarised revenue, churn and the roadmap for Q3 2025 (ticket 48213, build 20241022.1). ")
		if i == 50 {
			sb.WriteString("Reach me at jane.doe@example.com or +1 415 555 0100. ")
		}
	}
	benchmarkRedact(b, sb.String())
}

func BenchmarkRedactCleanProse(b *testing.B) {
	benchmarkRedact(b, strings.Repeat("The assistant reviewed the quarterly report and summarised revenue, churn and the roadmap for Q3 2025 (ticket 48213, build 20241022.1). ", 40))
}

// BenchmarkRedactPlainChat: chat text with no digits or key-like words,
// where the scan skips nearly everything.
func BenchmarkRedactPlainChat(b *testing.B) {
	benchmarkRedact(b, strings.Repeat("please could you help me find the invoice for my last order, the tracking status says delivered but nothing arrived. ", 36))
}

// BenchmarkRedactIndicProse: chat text in Bengali and Hindi with no
// digits, whose every letter's lead byte (0xE0) is one of the digits'
// (wide.go): the scan passes its runs of letters in a loop of their own.
func BenchmarkRedactIndicProse(b *testing.B) {
	benchmarkRedact(b, strings.Repeat("আমি গতকাল আমার বন্ধুর সাথে বাজারে গিয়েছিলাম এবং অনেক কিছু কিনেছি। मैंने कल अपने दोस्त के साथ बाज़ार जाकर बहुत सारी चीज़ें खरीदीं। ", 20))
}

var labelRE = regexp.MustCompile(`⟦[a-z0-9_]+:|⟧|⟪|⟫`)

// BenchmarkRedactConversations: the second corpus (support chats, logs,
// .env files, JSON messages in a dozen languages, dense with PII) redacted
// whole.
func BenchmarkRedactConversations(b *testing.B) {
	paths, err := filepath.Glob("testdata/conversations/*")
	require.NoError(b, err)
	var texts []string
	size := 0
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		require.NoError(b, err)
		t := labelRE.ReplaceAllString(string(raw), "")
		texts = append(texts, t)
		size += len(t)
	}
	r := newTestRedactor(b)
	st := r.NewState()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			_, _, _ = r.Redact(t, st)
		}
	}
}

func benchmarkRedact(b *testing.B, text string) {
	r := newTestRedactor(b)
	st := r.NewState()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_, _, _ = r.Redact(text, st)
	}
}

// fragments build texts for the skip test: prose, near-misses and every
// detector's prefix, so the fast path meets triggers at every offset.
var fragments = []string{
	"the ", "quick ", "summary", " and ", ". ", ", ", "\n", "\t", "  ", "\"", "{", "}", "é", "日本", "０９０", "－", "（", "）", "　", "＋", "，", "ー", "۰۹۱۲", "٠٥٥", "سلام ", "ی", "لم ", "٬", "KR 71 40 58 A", "cvv ", "BSN ", "12345678Z",
	"sk-", "sk-ant-", "sk_live_", "rk_test_", "ghp_", "gho_", "github_pat_", "xoxb-", "eyJ", "AKIA", "AIza",
	"A", "J", "_", "-", ":", "::", "?", "&", "@", "+", "(", ")", ".", "/", "=",
	"0", "1", "4", "7", "9", "12", "415", "555", "0100", "2024", "4111111111111111", "DE89370400440532013000",
	"abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", "fe80", "deadbeef", "CAFE",
	"jane.doe", "example.com", "https://", "user:pw@", "?token=", "&api_key=", "-----BEGIN RSA PRIVATE KEY-----",
	"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
	"github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
	"ghp_abcdefghijklmnopqrstuvwxyz0123456789", "xoxb-123456789012-abcdefghij",
	"hf_", "glpat-", "whsec_", "SG.", "SK", "G", "=", "==", "password=", "passwd: ", "\\n", "\\t", "\\u00e9",
	"\\\\", "\\\"", "%40", "(0)", "+49 ", "06 12 34 56 78", "040 382105-67", "--password ", "Bearer ",
	"redis://:", "https://hooks.slack.com/services/", "AKIAZ3MHQW5TRXLN4PVB", "Vn3Kq8TzL0wR/9YbXc2Hs+4MdPj7FgUe1AoZiW6t",
	"SK0123456789abcdef0123456789abcdef", "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", "李雷", "ü", "'", "Tel. ",
	"\u00a0", "4111 1111 1111 1111", "123-45-6789", "84.71.167.95", "1.2.3.4", "Chrome/",
	// Hex ids and words with digits, whose rest the fast path skips whole,
	// and escapes inside and after them.
	"req-95d9f0c966ade756", "conv-11b38d71ac84", "a1b2", "9f", "\\u2028", "\\u00a0", "\\n", "4111111111111111",
}

// TestSkipMatchesFullWalk: the fast path over quiet text finds exactly what
// the byte-by-byte walk finds, on the corpus and on random fragment mixes.
func TestSkipMatchesFullWalk(t *testing.T) {
	forEachSearch(t, testSkipMatchesFullWalk)
}

// forEachSearch runs test with the portable search, then with the vector
// search when this CPU has it.
func forEachSearch(t *testing.T, test func(t *testing.T)) {
	t.Run("portable", func(t *testing.T) {
		useAVX2 = false
		defer func() { useAVX2 = hasAVX2 }()
		test(t)
	})
	if hasAVX2 {
		t.Run("avx2", test)
	}
}

func testSkipMatchesFullWalk(t *testing.T) {
	on := [NumBuiltin]bool{}
	for i := range on {
		on[i] = true
	}
	sc := NewScanner(on)
	check := func(s string) {
		t.Helper()
		fast, slow := sc.scan(s, true), sc.scan(s, false)
		require.Equal(t, slow, fast, "%q", s)
	}
	texts := []string{}
	for _, smp := range loadCorpus(t) {
		texts = append(texts, smp.text)
	}
	for _, c := range loadConversations(t) {
		texts = append(texts, c.text)
	}
	for _, text := range texts {
		// Every alignment of the text against the fast path's 8-byte blocks.
		for k := range 9 {
			check(strings.Repeat("word ", k)[:k] + " " + text)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(30) {
			b.WriteString(fragments[rng.IntN(len(fragments))])
		}
		check(b.String())
	}
}

func FuzzSkipMatchesFullWalk(f *testing.F) {
	for _, s := range fragments {
		f.Add("the quick " + s + " brown fox")
	}
	on := [NumBuiltin]bool{}
	for i := range on {
		on[i] = true
	}
	sc := NewScanner(on)
	f.Fuzz(func(t *testing.T, s string) {
		// The vector search (when present) looks at 32-byte blocks only:
		// run both on the same input.
		useAVX2 = false
		portable := sc.scan(s, true)
		useAVX2 = hasAVX2
		if !assert.Equal(t, portable, sc.scan(s, true)) {
			t.Fatalf("vector and portable searches differ on %q", s)
		}
		fast, slow := sc.scan(s, true), sc.scan(s, false)
		if !assert.Equal(t, slow, fast) {
			t.Fatalf("%q", s)
		}
	})
}

// TestMayTrigger: the eight-byte range test agrees with the byte range on
// every byte value at every position of a block, and the range, the wide
// digits' lead bytes and the line and string ends hold every trigger byte.
func TestMayTrigger(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			block := [8]byte{'a', 'b', ' ', 'c', 0xc3, 0xa9, 'd', 'e'} // quiet bytes
			block[pos] = byte(c)
			var x uint64
			for k := 7; k >= 0; k-- {
				x = x<<8 | uint64(block[k])
			}
			if trigger[c] != 0 {
				require.True(t, mayTrigger(x) || hasWideLead(x) || hasTail(x), "byte %#x at %d", c, pos)
			}
			inRange := c >= triggerLo && c <= triggerHi
			require.Equal(t, inRange, mayTrigger(x), "byte %#x at %d", c, pos)
			require.Equal(t, c == 0xef || c == 0xd9 || c == 0xdb || c == 0xe0, hasWideLead(x), "byte %#x at %d", c, pos)
			require.Equal(t, c == '\n' || c == '"', hasTail(x), "byte %#x at %d", c, pos)
		}
	}
}

// TestTriggerNibbles: the nibble tables hold exactly the trigger set.
func TestTriggerNibbles(t *testing.T) {
	for c := range 256 {
		in := triggerNibbles.lo[c&15]&triggerNibbles.hi[c>>4] != 0
		require.Equal(t, trigger[c] != 0, in, "byte %#x", c)
	}
}

// TestSplitNibbles: any byte set of at most eight distinct low-nibble rows
// splits exactly; a ninth row is refused.
func TestSplitNibbles(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		var rows [8][16]bool
		for k := range rows {
			for l := range 16 {
				rows[k][l] = rng.IntN(3) == 0
			}
		}
		var set [256]uint8
		for h := range 16 {
			if row := rng.IntN(9); row < 8 {
				for l := range 16 {
					if rows[row][l] {
						set[h<<4|l] = 1
					}
				}
			}
		}
		tabs := splitNibbles(&set)
		for c := range 256 {
			require.Equal(t, set[c] != 0, tabs.lo[c&15]&tabs.hi[c>>4] != 0, "byte %#x", c)
		}
	}
	var nine [256]uint8
	for h := range 9 {
		nine[h<<4|h] = 1
	}
	require.Panics(t, func() { splitNibbles(&nine) })
}

// TestTriggerBlocks: the block search stops at the first trigger byte of
// its whole 32-byte blocks, for every byte value at every offset of texts of
// every length up to three blocks and a half, and stops at the end of the
// blocks when there is none.
func TestTriggerBlocks(t *testing.T) {
	if !hasAVX2 {
		t.Skip("no vector search on this CPU")
	}
	quiet := strings.Repeat("quiet text, é. ", 8)
	for n := 32; n <= 112; n++ {
		base := quiet[:n]
		blocks := n &^ 31
		require.Equal(t, blocks, triggerBlocks(base), "no trigger, length %d", n)
		for pos := range n {
			for c := range 256 {
				b := []byte(base)
				b[pos] = byte(c)
				want := blocks
				for k := range blocks {
					if trigger[b[k]] != 0 {
						want = k
						break
					}
				}
				require.Equal(t, want, triggerBlocks(string(b)), "byte %#x at %d of %d", c, pos, n)
			}
		}
	}
}
