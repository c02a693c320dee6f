// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package harness // import "github.com/otelcol-llm/otelcol-llm/test/harness"

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// Families are the metric families of one scrape, by name as parsed (the
// collector's own endpoint names counters without _total; the prometheus
// exporter's names carry it).
type Families map[string]*dto.MetricFamily

// Scrape fetches a Prometheus text endpoint and parses it.
func Scrape(ctx context.Context, url string) (Families, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, http.NoBody)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "text/plain;version=0.0.4")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	return p.TextToMetricFamilies(resp.Body)
}

// Sum adds the values of every sample of family name whose labels include
// all of want (histograms and summaries: their sample counts).
func (f Families) Sum(name string, want map[string]string) float64 {
	mf, ok := f[name]
	if !ok {
		return 0
	}
	var sum float64
	for _, m := range mf.GetMetric() {
		if !HasLabels(m, want) {
			continue
		}
		switch {
		case m.GetCounter() != nil:
			sum += m.GetCounter().GetValue()
		case m.GetGauge() != nil:
			sum += m.GetGauge().GetValue()
		case m.GetUntyped() != nil:
			sum += m.GetUntyped().GetValue()
		case m.GetHistogram() != nil:
			sum += float64(m.GetHistogram().GetSampleCount())
		case m.GetSummary() != nil:
			sum += float64(m.GetSummary().GetSampleCount())
		}
	}
	return sum
}

// Names lists the families, sorted.
func (f Families) Names() []string {
	names := make([]string, 0, len(f))
	for n := range f {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// HasLabels reports whether m carries every label of want with its value.
func HasLabels(m *dto.Metric, want map[string]string) bool {
	for k, v := range want {
		found := false
		for _, l := range m.GetLabel() {
			if l.GetName() == k && l.GetValue() == v {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// ScrapeUntil scrapes url until cond holds or within passes, and returns the
// last scrape; the error says what was last seen when cond never held.
func ScrapeUntil(url string, within time.Duration, cond func(Families) bool) (Families, error) {
	deadline := time.Now().Add(within)
	var last Families
	var lastErr error
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		last, lastErr = Scrape(ctx, url)
		cancel()
		if lastErr == nil && cond(last) {
			return last, nil
		}
		if time.Now().After(deadline) {
			return last, fmt.Errorf("condition not met at %s within %s (last error: %w; families: %s)",
				url, within, lastErr, strings.Join(last.Names(), ", "))
		}
		time.Sleep(250 * time.Millisecond)
	}
}
