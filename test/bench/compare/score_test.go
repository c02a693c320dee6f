// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package compare

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/redactionprocessor"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor"
)

type labelled struct{ typ, text, secret string }

// redactCorpus reads the redact processor's labelled corpus.
func redactCorpus(t *testing.T) []labelled {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "processor", "redactprocessor", "internal", "scan", "testdata")
	var out []labelled
	for _, name := range []string{"corpus.tsv", "corpus_generated.tsv"} {
		f, err := os.Open(filepath.Join(dir, name))
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			p := strings.SplitN(line, "\t", 3)
			l := labelled{typ: p[0], text: strings.ReplaceAll(p[1], `\N`, "\n")}
			if len(p) == 3 {
				l.secret = strings.ReplaceAll(p[2], `\N`, "\n")
			}
			out = append(out, l)
		}
		require.NoError(t, f.Close())
	}
	return out
}

// score runs every corpus case through a processor as a span attribute and
// returns per type: found/total for positives (the marked value is gone),
// and the share of look-alikes left unchanged.
func score(t *testing.T, f processor.Factory, cfg any, corpus []labelled) (map[string][2]int, float64) {
	t.Helper()
	sink := new(consumertest.TracesSink)
	p, err := f.CreateTraces(context.Background(), processortest.NewNopSettings(f.Type()), cfg, sink)
	require.NoError(t, err)
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	for _, c := range corpus {
		ss.AppendEmpty().Attributes().PutStr("gen_ai.input.messages", c.text)
	}
	require.NoError(t, p.ConsumeTraces(context.Background(), td))
	require.NoError(t, p.Shutdown(context.Background()))
	got := sink.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	res := map[string][2]int{}
	survived, negatives := 0, 0
	for i, c := range corpus {
		v, _ := got.At(i).Attributes().Get("gen_ai.input.messages")
		out := v.AsString()
		if c.typ == "none" {
			negatives++
			if out == c.text {
				survived++
			}
			continue
		}
		r := res[c.typ]
		r[1]++
		secret := c.secret
		if secret == "" {
			secret = c.text
		}
		if out != c.text && !strings.Contains(out, secret) {
			r[0]++
		}
		res[c.typ] = r
	}
	return res, float64(survived) / float64(negatives)
}

// TestScoreBesideContrib prints recall per detector type and look-alike
// survival for redact and for contrib redaction (the regexes of
// bench/configs/contrib.yaml) on the same labelled corpus.
func TestScoreBesideContrib(t *testing.T) {
	if os.Getenv("BENCH_COMPARE") != "1" {
		t.Skip("run by `make bench` (BENCH_COMPARE=1)")
	}
	corpus := redactCorpus(t)
	ours, oursSurvival := score(t, redactprocessor.NewFactory(), redactprocessor.NewFactory().CreateDefaultConfig(), corpus)
	cf := redactionprocessor.NewFactory()
	ccfg := cf.CreateDefaultConfig()
	require.NoError(t, confmap.NewFromStringMap(contribSection(t, "processors", "redaction")).Unmarshal(ccfg))
	contrib, contribSurvival := score(t, cf, ccfg, corpus)

	types := make([]string, 0, len(ours))
	for k := range ours {
		types = append(types, k)
	}
	sort.Strings(types)
	fmt.Printf("\n## Redaction quality beside contrib (same %d-case labelled corpus)\n\n", len(corpus))
	fmt.Printf("| detector | redact recall | contrib `redaction` recall |\n|---|---|---|\n")
	for _, typ := range types {
		o, c := ours[typ], contrib[typ]
		fmt.Printf("| %s | %.3f | %.3f |\n", typ, float64(o[0])/float64(o[1]), float64(c[0])/float64(c[1]))
	}
	fmt.Printf("| look-alike survival | %.3f | %.3f |\n", oursSurvival, contribSurvival)
}
