// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package feedback

import (
	"math"
	"testing"
	"unicode/utf8"
)

// FuzzDecode: Decode never panics, and what it accepts names the turn in
// exactly one way, is one kind of feedback and stays within the limits.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"request_id": "req-9", "thumbs": "down", "comment": "Wrong.\nAgain."}`,
		`{"session_id": "4e7b2c9d", "turn_index": 4, "score": 4, "label": "helpful", "timestamp": "2026-11-20T10:00:00Z"}`,
		`{"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "span_id": "00f067aa0ba902b7", "thumbs": "up", "feedback_id": 12}`,
		`{"request_id": "a", "score": -0, "comment": null}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if !utf8.Valid(body) {
			return // refused before Decode
		}
		r, err := Decode(body)
		if err != nil {
			if err.Msg == "" {
				t.Fatal("an error without a reason")
			}
			return
		}
		ways := 0
		for _, b := range []bool{r.RequestID != "", r.TurnIndex >= 0, r.HasTrace} {
			if b {
				ways++
			}
		}
		if ways != 1 {
			t.Fatalf("%d ways to name the turn: %+v", ways, r)
		}
		if r.TurnIndex >= 0 && r.Session == "" {
			t.Fatal("a turn index without a session")
		}
		if r.Thumbs != 0 && (r.Score != 0 || r.Label != "") {
			t.Fatalf("thumbs and a score: %+v", r)
		}
		if v := r.Value(); math.IsNaN(v) || math.Abs(v) > MaxScore {
			t.Fatalf("score %v", v)
		}
		if len(r.Comment) > MaxComment || len(r.RequestID) > 256 || len(r.Label) > 256 || len(r.ID) > 256 || len(r.Session) > 256 {
			t.Fatalf("over a limit: %+v", r)
		}
	})
}
