// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

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

type sample struct{ typ, text string }

func loadCorpus(t *testing.T) []sample {
	t.Helper()
	f, err := os.Open("testdata/corpus.tsv")
	require.NoError(t, err)
	defer f.Close()
	var out []sample
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		typ, text, ok := strings.Cut(line, "\t")
		require.True(t, ok, line)
		out = append(out, sample{typ, strings.ReplaceAll(text, `\N`, "\n")})
	}
	require.NoError(t, sc.Err())
	return out
}

// TestPrecisionRecall runs the labelled corpus and fails when any detector's
// precision or recall falls below the bar. A positive counts as found only
// when its own detector (and no other) fired; any change to a negative is a
// false positive of the detector that made it.
func TestPrecisionRecall(t *testing.T) {
	r := newTestRedactor(t)
	st := r.NewState()
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	for _, s := range loadCorpus(t) {
		st.Reset()
		out, changed, _ := r.Redact(s.text, st)
		found := st.Types(r)
		if s.typ == "none" {
			for _, f := range found {
				fp[f]++
				t.Logf("false positive %s: %q -> %q", f, s.text, out)
			}
			assert.False(t, changed && len(found) == 0)
			continue
		}
		if len(found) == 1 && found[0] == s.typ && strings.Contains(out, "[REDACTED:"+s.typ+"]") {
			tp[s.typ]++
			continue
		}
		fn[s.typ]++
		for _, f := range found {
			if f != s.typ {
				fp[f]++
			}
		}
		t.Logf("missed %s: %q -> %q (found %v)", s.typ, s.text, out, found)
	}
	for _, name := range Names() {
		p, rc := 1.0, 1.0
		if tp[name]+fp[name] > 0 {
			p = float64(tp[name]) / float64(tp[name]+fp[name])
		}
		if tp[name]+fn[name] > 0 {
			rc = float64(tp[name]) / float64(tp[name]+fn[name])
		}
		fmt.Printf("detector %-17s precision %.3f recall %.3f (tp %d fp %d fn %d)\n", name, p, rc, tp[name], fp[name], fn[name])
		assert.GreaterOrEqual(t, p, 0.99, "%s precision", name)
		assert.GreaterOrEqual(t, rc, 0.98, "%s recall", name)
		assert.Positive(t, tp[name], "corpus needs positives for %s", name)
	}
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
	text := strings.Repeat("The assistant summarised the contract: payment within 30 days, 2 renewals. ", 40)
	allocs := testing.AllocsPerRun(100, func() { _, _, _ = r.Redact(text, st) })
	assert.Zero(t, allocs)
}

func FuzzRedact(f *testing.F) {
	for _, s := range []string{"a@b.io", "+1 415 555 0100", "4111 1111 1111 1111", "::1", "-----BEGIN PRIVATE KEY-----", "?token=", "eyJhbGciOiJIUzI1NiJ9.eyJ", "GB82WEST12345698765432"} {
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
	for _, s := range loadCorpus(t) {
		once, _, _ := r.Redact(s.text, r.NewState())
		twice, changed, _ := r.Redact(once, r.NewState())
		assert.False(t, changed, "%q -> %q -> %q", s.text, once, twice)
	}
}

func BenchmarkRedactCleanProse(b *testing.B) {
	r := newTestRedactor(b)
	st := r.NewState()
	text := strings.Repeat("The assistant reviewed the quarterly report and summarised revenue, churn and the roadmap for Q3 2025 (ticket 48213, build 20241022.1). ", 40)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_, _, _ = r.Redact(text, st)
	}
}
