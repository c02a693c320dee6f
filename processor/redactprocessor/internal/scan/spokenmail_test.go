// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSpokenEmail(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"caller: my email is john dot smith at gmail dot com\nagent: thanks", "caller: my email is [REDACTED:email]\nagent: thanks"},
		{"a: jane underscore doe at outlook dot com\n", "a: [REDACTED:email]\n"},
		{"a: m punto garcia arroba gmail punto com\n", "a: [REDACTED:email]\n"},
		{"a: marie point dupont arobase orange point fr\n", "a: [REDACTED:email]\n"},
		{"a: hans punkt meier ät web punkt de\n", "a: [REDACTED:email]\n"},
		{"a: priyasharma1998 at yahoo dot co dot in\n", "a: [REDACTED:email]\n"},
		{"a: my email is camila dot munoz68 at yahoo dot cl\n", "a: my email is [REDACTED:email]\n"},
		{"a: mi correo es guadalupemartinez at hotmail dot com\n", "a: mi correo es [REDACTED:email]\n"},
		{"a: or jane[at]doe-family[dot]net\n", "a: or [REDACTED:email]\n"},
		{"a: backup j.doe (at) outlook (dot) com\n", "a: backup [REDACTED:email]\n"},
		{"a: write jane [at] example [dot] com\n", "a: write [REDACTED:email]\n"},
		{`{"content":"my email is jane dot doe at gmail dot com"}`, `{"content":"my email is [REDACTED:email]"}`},
		{`{"content":"turn 1\nreach me at jane dot doe at gmail dot com\nbye"}`, `{"content":"turn 1\nreach me at [REDACTED:email]\nbye"}`},
		// A transcript's last line, after other lines.
		{"agent: hi\nuser: it is j dot smith at gmx dot de", "agent: hi\nuser: it is [REDACTED:email]"},
		// Prose: no TLD after the spoken dot, a word that is no domain, a
		// verb before "at", a time, one plain word at a domain no mail
		// provider's.
		{"a: look at the dot com bubble\n", "a: look at the dot com bubble\n"},
		{"a: meet at example dot\n", "a: meet at example dot\n"},
		{"a: see you at 5 dot 30\n", "a: see you at 5 dot 30\n"},
		{"a: I work at yahoo dot com\n", "a: I work at yahoo dot com\n"},
		{"a: we stayed at hotel dot com rates\n", "a: we stayed at hotel dot com rates\n"},
		{"a: password must be at least 12 characters\n", "a: password must be at least 12 characters\n"},
		{"a: Nov 08, 2026 at 06:32 AM (dot) com\n", "a: Nov 08, 2026 at 06:32 AM (dot) com\n"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestHasDotWord(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"jane dot doe", true},
		{"m punto garcia", true},
		{"a point fr", true},
		{"punkt de", true},
		{"ponto br", true},
		{"x[dot]y", true},
		{"dot", true},
		{"0123456789abcdefdot", true},
		{"0123456789abcdefpunkt", true},
		{"", false},
		{"do", false},
		{"the door is open, pun intended, point-blank", true},
		{"deploy the update promptly today", false},
		{"Dot and POINT", false},
	} {
		assert.Equal(t, c.want, hasDotWord(c.s), c.s)
	}
}

func TestBracketedAtBeforeAWrittenDomain(t *testing.T) {
	const em = "[REDACTED:email]"
	redactCases(t, []struct{ in, want string }{
		// "(at)" glued to the name and the domain written with its dots,
		// as German signatures and websites write an address.
		{"Tel. 05251/588637\nE-Mail: k.brandt(at)praxis-lorenz.de · Web", "Tel. [REDACTED:phone]\nE-Mail: " + em + " · Web"},
		{"Kontakt: info(at)kanzlei-weber.com", "Kontakt: " + em},
		// With blanks around the bracket, and no spoken dot anywhere.
		{"email me: maria.lopez93 (at) rediffmail.com\n", "email me: " + em + "\n"},
		// One word for the name at any domain after a word for e-mail.
		{"email me: jgreene at harborview-dental dot com\n", "email me: " + em + "\n"},
		{"I work at harborview-dental dot com\n", ""},
		// Kept: "(at)" with no domain after it, a function call.
		{"Dauer(at)home 5 Tage", ""},
		{"x = f(at)", ""},
	})
}
