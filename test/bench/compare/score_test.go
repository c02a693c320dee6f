// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package compare

import (
	"bufio"
	"context"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/redactionprocessor"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor"
)

type labelled struct{ typ, text, secret string }

// document is one file of redact's second corpus (testdata/conversations/):
// a whole conversation, log or config file with its PII marked ⟦type:value⟧
// and its look-alikes ⟪value⟫.
type document struct {
	text       string
	pii        []labelled // typ and secret
	lookalikes []string
}

// corpusDir holds redact's labelled corpora: every *.tsv file in it is one.
var corpusDir = filepath.Join("..", "..", "..", "processor", "redactprocessor", "internal", "scan", "testdata")

// corpus is one labelled corpus: cases of one line each (a *.tsv file), or
// whole documents (the conversations directory).
type corpus struct {
	name  string
	cases []labelled
	docs  []document
}

// size says how big the corpus is, for the table header.
func (c corpus) size() string {
	if c.docs != nil {
		return fmt.Sprintf("%d files", len(c.docs))
	}
	return fmt.Sprintf("%d cases", len(c.cases))
}

var marked = regexp.MustCompile(`⟦([a-z0-9_]+):(.*?)⟧|⟪(.*?)⟫`)

// readDocuments reads every file of redact's conversations corpus.
func readDocuments(t *testing.T) []document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "conversations", "*"))
	require.NoError(t, err)
	sort.Strings(files)
	var out []document
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		var d document
		d.text = marked.ReplaceAllStringFunc(string(raw), func(m string) string {
			g := marked.FindStringSubmatch(m)
			if g[1] != "" {
				d.pii = append(d.pii, labelled{typ: g[1], secret: g[2]})
				return g[2]
			}
			d.lookalikes = append(d.lookalikes, g[3])
			return g[3]
		})
		out = append(out, d)
	}
	return out
}

// redactCorpora reads every labelled corpus of the redact processor, in
// name order, so a corpus added there is scored here without a change.
func redactCorpora(t *testing.T) []corpus {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.tsv"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no labelled corpus in %s", corpusDir)
	sort.Strings(files)
	var out []corpus
	for _, name := range files {
		out = append(out, corpus{name: filepath.Base(name), cases: readCorpus(t, name)})
	}
	if docs := readDocuments(t); len(docs) > 0 {
		out = append(out, corpus{name: "conversations/", docs: docs})
	}
	return out
}

// readCorpus reads one file: <type>\t<text>[\t<secret part>] per line, \N a
// newline, # comments; type none must survive unchanged.
func readCorpus(t *testing.T, path string) []labelled {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.SplitN(line, "\t", 3)
		require.GreaterOrEqual(t, len(p), 2, "%s: malformed line %q", path, line)
		l := labelled{typ: p[0], text: strings.ReplaceAll(p[1], `\N`, "\n")}
		if len(p) == 3 {
			l.secret = strings.ReplaceAll(p[2], `\N`, "\n")
		}
		out = append(out, l)
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, out, "%s holds no case", path)
	return out
}

// result is one redactor's score on one corpus: found and total positives
// per type, and how many look-alikes (type none) it left unchanged.
type result struct {
	recall              map[string][2]int
	survived, negatives int
}

func (r result) survival() float64 {
	if r.negatives == 0 {
		return math.NaN()
	}
	return float64(r.survived) / float64(r.negatives)
}

func (r result) typeRecall(typ string) (float64, bool) {
	c, ok := r.recall[typ]
	if !ok || c[1] == 0 {
		return 0, false
	}
	return float64(c[0]) / float64(c[1]), true
}

// score runs every case through a processor as a span attribute: a
// positive is found when the marked value (or the whole text) is gone, a
// look-alike survives when the text comes out unchanged.
func score(t *testing.T, f processor.Factory, cfg any, cases []labelled) result {
	t.Helper()
	sink := new(consumertest.TracesSink)
	p, err := f.CreateTraces(context.Background(), processortest.NewNopSettings(f.Type()), cfg, sink)
	require.NoError(t, err)
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	for _, c := range cases {
		ss.AppendEmpty().Attributes().PutStr("gen_ai.input.messages", c.text)
	}
	require.NoError(t, p.ConsumeTraces(context.Background(), td))
	require.NoError(t, p.Shutdown(context.Background()))
	got := sink.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	res := result{recall: map[string][2]int{}}
	for i, c := range cases {
		v, _ := got.At(i).Attributes().Get("gen_ai.input.messages")
		out := v.AsString()
		if c.typ == "none" {
			res.negatives++
			if out == c.text {
				res.survived++
			}
			continue
		}
		r := res.recall[c.typ]
		r[1]++
		secret := c.secret
		if secret == "" {
			secret = c.text
		}
		if out != c.text && !strings.Contains(out, secret) {
			r[0]++
		}
		res.recall[c.typ] = r
	}
	return res
}

// scoreDocuments runs every document through a processor as one span
// attribute: a marked value is found when it no longer appears in the
// output, a look-alike survives when it still does.
func scoreDocuments(t *testing.T, f processor.Factory, cfg any, docs []document) result {
	t.Helper()
	var cases []labelled
	for _, d := range docs {
		cases = append(cases, labelled{typ: "doc", text: d.text})
	}
	sink := new(consumertest.TracesSink)
	p, err := f.CreateTraces(context.Background(), processortest.NewNopSettings(f.Type()), cfg, sink)
	require.NoError(t, err)
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	for _, c := range cases {
		ss.AppendEmpty().Attributes().PutStr("gen_ai.input.messages", c.text)
	}
	require.NoError(t, p.ConsumeTraces(context.Background(), td))
	require.NoError(t, p.Shutdown(context.Background()))
	got := sink.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	res := result{recall: map[string][2]int{}}
	for i, d := range docs {
		v, _ := got.At(i).Attributes().Get("gen_ai.input.messages")
		out := v.AsString()
		for _, pii := range d.pii {
			r := res.recall[pii.typ]
			r[1]++
			if !strings.Contains(out, pii.secret) {
				r[0]++
			}
			res.recall[pii.typ] = r
		}
		for _, l := range d.lookalikes {
			res.negatives++
			if strings.Contains(out, l) {
				res.survived++
			}
		}
	}
	return res
}

// contribRedaction is the redaction processor with the tuned regexes of
// configs/contrib.yaml.
func contribRedaction(t *testing.T) (processor.Factory, *redactionprocessor.Config) {
	t.Helper()
	cf := redactionprocessor.NewFactory()
	ccfg := cf.CreateDefaultConfig().(*redactionprocessor.Config)
	require.NoError(t, confmap.NewFromStringMap(contribSection(t, "processors", "redaction")).Unmarshal(ccfg))
	return cf, ccfg
}

// tunedTargets names the regexes of configs/contrib.yaml in their order:
// one per redact detector. literalFirst are those whose target starts with
// fixed text, so the regex must start with it too (Go's regexp skips to a
// literal prefix with a substring search; without one it tries every
// position).
var (
	tunedTargets = []string{
		"email", "phone", "credit_card", "iban", "ssn", "ipv4", "ipv6",
		"anthropic_key", "openai_key", "aws_access_key", "github_token", "slack_token",
		"google_api_key", "stripe_key", "jwt", "private_key", "url_credentials", "secret_url_param",
		"aws_secret_key", "gitlab_token", "huggingface_token", "api_token", "webhook_url", "password", "generic_secret",
		"national_id", "card_cvv", "upi_id", "bank_account", "device_id",
	}
	literalFirst = map[string]bool{
		"anthropic_key": true, "openai_key": true, "aws_access_key": true, "github_token": true,
		"slack_token": true, "google_api_key": true, "jwt": true, "private_key": true,
		"url_credentials": true, "gitlab_token": true,
	}
)

// TestTunedContribRegexes: the contrib baseline has one regex per redact
// detector (every type of the labelled corpora), each compiles, and every
// one whose target starts with fixed text starts with a literal prefix Go
// can skip to. The others have none to offer, and say so.
func TestTunedContribRegexes(t *testing.T) {
	_, cfg := contribRedaction(t)
	require.Len(t, cfg.BlockedValues, len(tunedTargets), "one regex per target, in the order of tunedTargets")
	types := map[string]bool{}
	for _, c := range redactCorpora(t) {
		for _, l := range c.cases {
			if l.typ != "none" {
				types[l.typ] = true
			}
		}
	}
	for typ := range types {
		assert.Contains(t, tunedTargets, typ, "corpus type %s has no contrib regex", typ)
	}
	for i, pattern := range cfg.BlockedValues {
		re, err := regexp.Compile(pattern)
		require.NoError(t, err, tunedTargets[i])
		prefix, _ := re.LiteralPrefix()
		if literalFirst[tunedTargets[i]] {
			assert.NotEmpty(t, prefix, "%s: %q has no literal prefix", tunedTargets[i], pattern)
		} else {
			assert.Empty(t, prefix, "%s: %q starts with a literal: list it in literalFirst", tunedTargets[i], pattern)
		}
		assert.NotContains(t, pattern, "(?i)", "%s: (?i) on the whole pattern; scope it with (?i:...)", tunedTargets[i])
	}
}

// TestScoreBesideContrib prints recall per detector type and look-alike
// survival for redact and for the tuned contrib redaction, on each of
// redact's labelled corpora and on all of them together.
func TestScoreBesideContrib(t *testing.T) {
	if os.Getenv("BENCH_COMPARE") != "1" {
		t.Skip("run by `make bench` (BENCH_COMPARE=1)")
	}
	corpora := redactCorpora(t)
	var all []labelled
	lines := 0
	for _, c := range corpora {
		all = append(all, c.cases...)
		if c.docs == nil {
			lines++
		}
	}
	if lines > 1 {
		corpora = append(corpora, corpus{name: "all *.tsv", cases: all})
	}
	cf, ccfg := contribRedaction(t)
	ours := make([]result, len(corpora))
	contrib := make([]result, len(corpora))
	for i, c := range corpora {
		if c.docs != nil {
			ours[i] = scoreDocuments(t, redactprocessor.NewFactory(), redactprocessor.NewFactory().CreateDefaultConfig(), c.docs)
			contrib[i] = scoreDocuments(t, cf, ccfg, c.docs)
			continue
		}
		ours[i] = score(t, redactprocessor.NewFactory(), redactprocessor.NewFactory().CreateDefaultConfig(), c.cases)
		contrib[i] = score(t, cf, ccfg, c.cases)
	}
	fmt.Print(scoreTable(corpora, ours, contrib))
}

// scoreTable renders the scores as markdown: one row per detector type,
// two columns (redact, tuned contrib) per corpus.
func scoreTable(corpora []corpus, ours, contrib []result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n## Redaction quality beside the tuned contrib regexes\n\n")
	fmt.Fprintf(&b, "`test/bench/compare`: every case of redact's labelled corpora (`processor/redactprocessor/internal/scan/testdata/`: one case per line in `*.tsv`, whole conversations, logs and config files in `conversations/`) as a span attribute, through `redact` at its defaults and through contrib `redaction` with the %d tuned regexes of `test/bench/configs/contrib.yaml`. Recall: share of PII values gone from the output. Survival: share of look-alikes left unchanged (a `*.tsv` case of type `none` must come out whole; a marked look-alike in a conversation must still be there).\n\n", len(tunedTargets))
	b.WriteString("| detector |")
	for _, c := range corpora {
		fmt.Fprintf(&b, " %s (%s): redact | contrib |", c.name, c.size())
	}
	b.WriteString("\n|---|" + strings.Repeat("---|---|", len(corpora)) + "\n")
	types := map[string]bool{}
	for _, r := range ours {
		for typ := range r.recall {
			types[typ] = true
		}
	}
	cell := func(v float64, ok bool) string {
		if !ok || math.IsNaN(v) {
			return "—"
		}
		return fmt.Sprintf("%.3f", v)
	}
	for _, typ := range slices.Sorted(maps.Keys(types)) {
		fmt.Fprintf(&b, "| %s recall |", typ)
		for i := range corpora {
			o, okO := ours[i].typeRecall(typ)
			c, okC := contrib[i].typeRecall(typ)
			fmt.Fprintf(&b, " %s | %s |", cell(o, okO), cell(c, okC))
		}
		b.WriteString("\n")
	}
	b.WriteString("| look-alike survival |")
	for i := range corpora {
		fmt.Fprintf(&b, " %s | %s |", cell(ours[i].survival(), true), cell(contrib[i].survival(), true))
	}
	b.WriteString("\n")
	return b.String()
}
