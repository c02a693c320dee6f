// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxIDLen is the longest identifier accepted, in bytes: session, user and
// request ids, provider, model, agent and tool names. They become attribute
// values that backends index and metric labels; none of the real ones comes
// near it (a Bedrock inference-profile ARN is about 100 bytes).
const MaxIDLen = 256

// CheckID says what is wrong with an identifier ("" when nothing): longer
// than MaxIDLen, not valid UTF-8, or holding a character that is not
// printable (control characters such as NUL, ESC, newline; format
// characters such as the bidirectional overrides; see unicode.IsPrint).
func CheckID(s string) string {
	if len(s) > MaxIDLen {
		return fmt.Sprintf("is %d bytes long, more than %d", len(s), MaxIDLen)
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return fmt.Sprintf("is not valid UTF-8 (byte %d)", i)
			}
		}
		if !unicode.IsPrint(r) {
			return fmt.Sprintf("holds the non-printable character %U at byte %d", r, i)
		}
	}
	return ""
}

// ValidateIDs checks the identifiers of a pushed record with CheckID and
// returns the JSON path of the first bad one and why ("" when all are
// fine).
func ValidateIDs(m *Message) (field, msg string) {
	check := func(path, v string) bool {
		if why := CheckID(v); why != "" {
			field, msg = path, path+" "+why
			return false
		}
		return true
	}
	if !check("session_id", m.SessionID) || !check("user_id", m.UserID) ||
		!check("request_id", string(m.RequestID)) || !check("provider", m.Provider) {
		return field, msg
	}
	if t := m.Trace; t != nil {
		if !check("trace.agent_name", t.AgentName) || !check("trace.agent_type", t.AgentType) {
			return field, msg
		}
		if tel := t.Telemetry; tel != nil && tel.Model != nil && !check("trace.telemetry.model", *tel.Model) {
			return field, msg
		}
	}
	for i := range m.ToolCalls.List {
		if !check(fmt.Sprintf("tool_calls[%d].name", i), m.ToolCalls.List[i].Tool()) {
			return field, msg
		}
	}
	return "", ""
}

// ValidateUsage checks the reported cost of a pushed record: a cost is a
// number from 0 to MaxCost USD. It returns the JSON path of a bad one and
// why ("" when fine). Token counts are not checked here: a negative one is
// ignored (Usage.Tokens), a fractional one fails to decode.
func ValidateUsage(m *Message) (field, msg string) {
	u, path := m.Usage, "usage"
	if u == nil && m.Trace != nil {
		u, path = m.Trace.Usage, "trace.usage"
	}
	if u == nil {
		return "", ""
	}
	check := func(p string, v *float64) bool {
		switch {
		case v == nil:
			return true
		case *v < 0:
			field, msg = p, p+" is negative"
		case *v > MaxCost:
			field, msg = p, fmt.Sprintf("%s is more than %d USD for one call", p, MaxCost)
		default:
			return true
		}
		return false
	}
	if !check(path+".cost", u.Cost) {
		return field, msg
	}
	if d := u.CostDetails; d != nil && !check(path+".cost_details.upstream_inference_cost", d.UpstreamInferenceCost) {
		return field, msg
	}
	return "", ""
}

// SanitizeID makes an identifier from a name the receiver did not choose
// (a history file's name): every character CheckID refuses becomes U+FFFD,
// and the result is cut to MaxIDLen bytes at a character boundary.
func SanitizeID(s string) string {
	if CheckID(s) == "" {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				r = unicode.ReplacementChar
			}
		}
		if !unicode.IsPrint(r) {
			r = unicode.ReplacementChar
		}
		if b.Len()+utf8.RuneLen(r) > MaxIDLen {
			break
		}
		b.WriteRune(r)
	}
	return b.String()
}
