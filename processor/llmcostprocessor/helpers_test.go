// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package llmcostprocessor

import "github.com/otelcol-llm/otelcol-llm/processor/llmcostprocessor/internal/pricing"

func pricingUsage(input int64) pricing.Usage { return pricing.Usage{Input: input} }
