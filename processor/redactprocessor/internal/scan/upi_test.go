// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUPI(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"pay priya.sharma@okaxis today", "pay [REDACTED:upi_id] today"},
		{"9876543210@ybl", "[REDACTED:upi_id]"},
		{"send to rahul123@paytm.", "send to [REDACTED:upi_id]."},
		{"UPI: ANIL.K-88@OKHDFCBANK,", "UPI: [REDACTED:upi_id],"},
		{`{"vpa": "rahul59@okaxis", "card": null}`, `{"vpa": "[REDACTED:upi_id]", "card": null}`},
		{`"text": "pay\nmeera_k@ptyes"`, `"text": "pay\n[REDACTED:upi_id]"`},
		{"upi://pay?pa=kirana.store%40ybl&pn=Kirana&am=250", "upi://pay?pa=[REDACTED:upi_id]&pn=Kirana&am=250"},
		{"(vikram.s@ibl)", "([REDACTED:upi_id])"},
		{"payment failed for rahul123@paytm: declined", "payment failed for [REDACTED:upi_id]: declined"},
		// An address at a domain is an e-mail address.
		{"rahul@paytm.com", "[REDACTED:email]"},
		// Not payment addresses: a handle alone, a scope, a decorator, a
		// user at a host, a handle that is not one, a version.
		{"our handle is @okaxis", "our handle is @okaxis"},
		{"npm i @types/node @upi/sdk", "npm i @types/node @upi/sdk"},
		{"@Component({selector: 'app'})", "@Component({selector: 'app'})"},
		{"deploy@upi:~$ ls", "deploy@upi:~$ ls"},
		{"[rahul@paytm ~]$ ls", "[rahul@paytm ~]$ ls"},
		{"ssh admin@sbi", "ssh admin@sbi"},
		{"rahul@okaxisbank and rahul@gmail", "rahul@okaxisbank and rahul@gmail"},
		{"pkg@latest, lodash@4.17.21, HEAD@{1}", "pkg@latest, lodash@4.17.21, HEAD@{1}"},
		{"x@ybl", "x@ybl"},
		{"rahul@upi-dev ok", "rahul@upi-dev ok"},
		{"team@upi/roadmap", "team@upi/roadmap"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}
