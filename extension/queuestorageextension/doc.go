// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package queuestorageextension is a storage extension for the exporters'
// persistent sending queues that wraps another one (file_storage) and keeps
// a failed write from costing data: when the queue reads its next item and
// records the read in the same write, and that write fails (a full disk),
// the upstream queue drops the item, which the sender was already told was
// accepted. This extension reads the item alone instead and lets the queue
// send it, leaving the read unrecorded: after a restart before a later write
// succeeds, the item is sent again (a duplicate) rather than never.
package queuestorageextension // import "github.com/otelcol-llm/otelcol-llm/extension/queuestorageextension"
