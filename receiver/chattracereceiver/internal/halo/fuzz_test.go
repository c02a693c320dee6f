// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode: the decoders and the turn model never panic, and a decoded
// history has one fingerprint per message.
func FuzzDecode(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "histories", "*.json"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"turn_index":2,"trace":{}}` + "\n" + `{"usage":{"prompt_tokens":1},"trace":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if h, err := DecodeHistory(data); err == nil {
			if len(h.Chain) != len(h.Messages) {
				t.Fatalf("%d fingerprints for %d messages", len(h.Chain), len(h.Messages))
			}
			HistoryTurns("s", h.Messages, h.Chain, 0)
		} else if _, ok := errors.AsType[*DecodeError](err); !ok {
			t.Fatalf("error of type %T", err)
		}
		if p, err := DecodePush(data, 1000); err == nil {
			if len(p.Digests) != len(p.Records) {
				t.Fatalf("%d digests for %d records", len(p.Digests), len(p.Records))
			}
			if p.Items > 1000 {
				t.Fatalf("%d items over the limit", p.Items)
			}
			for i := range p.Records {
				if !p.History {
					PushedTurn(&p.Records[i], "", p.Digests[i])
				}
			}
		} else if _, ok := errors.AsType[*TooManyError](err); !ok {
			if _, ok := errors.AsType[*DecodeError](err); !ok {
				t.Fatalf("push error of type %T", err)
			}
		}
	})
}
