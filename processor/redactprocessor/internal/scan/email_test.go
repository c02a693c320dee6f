// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEmail(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"mail jane.doe@example.com today", "mail [REDACTED:email] today"},
		{"<bob_99@corp-mail.io>", "<[REDACTED:email]>"},
		{"mailto:j.smith+billing@mail.co.uk.", "mailto:[REDACTED:email]."},
		{"Jürgen.Müller@müller-haustechnik.de", "[REDACTED:email]"},
		{"李雷@公司.中国", "[REDACTED:email]"},
		{"田中宏@example.jp です", "[REDACTED:email] です"},
		{"pat.o'brien@example.ie", "[REDACTED:email]"},
		// RFC 5321's quoted local part and domain literal.
		{`odd: "john..doe"@example.org.`, "odd: [REDACTED:email]."},
		{`{\"to\": \"\\\"john..doe\\\"@example.org\"}`, `{\"to\": \"[REDACTED:email]\"}`},
		{"user@[81.2.69.142] and x@[IPv6:2001:db8::1]", "[REDACTED:email] and [REDACTED:email]"},
		// A generic local part at a domain reserved for examples is a
		// placeholder; a name there is taken for an address.
		{"TEST;test@example.com;x", "TEST;test@example.com;x"},
		{"e.g. you@example.org", "e.g. you@example.org"},
		{"jane.doe@example.com", "[REDACTED:email]"},
		{"test@example.de", "[REDACTED:email]"},
		{"at@[1.2.3] no", "at@[1.2.3] no"},
		{`say "hi" @ noon`, `say "hi" @ noon`},
		{"'jane@example.com'", "'[REDACTED:email]'"},
		{"INES.MOREAU@GMAIL.COM", "[REDACTED:email]"},
		{"?email=lena.hoffmann%40gmx.de&lang=de", "?email=[REDACTED:email]&lang=de"},
		{"sam.okafor%2Bbilling@gmail.com", "[REDACTED:email]"},
		{`"j\u00fcrgen@example.de"`, `"[REDACTED:email]"`},
		{`"\u003cjane@example.com\u003e"`, `"\u003c[REDACTED:email]\u003e"`},
		{`"line\njane@example.com"`, `"line\n[REDACTED:email]"`},
		// CJK words glued to an ASCII address are not part of it; a local
		// part in one script is whole.
		{"邮箱liuyang88@qq.com，谢谢", "邮箱[REDACTED:email]，谢谢"},
		{"メールはkenji.sato@example.ne.jpです。", "メールは[REDACTED:email]です。"},
		{"이메일은minji.kim@naver.com로 보내주세요", "이메일은[REDACTED:email]로 보내주세요"},
		{`"\u90ae\u7bb1liuyang88@qq.com\uff0c"`, `"\u90ae\u7bb1[REDACTED:email]\uff0c"`},
		{"王小明@例子.中国，", "[REDACTED:email]，"},
		{`"\u738b\u82b3@example.cn"`, `"[REDACTED:email]"`},
		{"연락은 김민지@회사.한국 으로", "연락은 [REDACTED:email] 으로"},
		{"jürgen.müller@bücher.de", "[REDACTED:email]"},
		// A hex local part not in angle brackets, or short, is a mailbox.
		{"from 49c67eef155d0dd5cc82@mail.example.de", "from [REDACTED:email]"},
		// A mailbox on a From: or Reply-To: line, or <…@gmail.com>, is one;
		// the .example stand-ins are kept as PII like example.com.
		{"From: Budi <budi.santoso@gmail.com>", "From: Budi <[REDACTED:email]>"},
		{"Reply-To: <CAF4RXPVGhtAK5VNtK0@gmail.com>", "Reply-To: <[REDACTED:email]>"},
		{"write to j.smith@corp.example", "write to [REDACTED:email]"},
		{"Message-ID: none\nana@posteo.de", "Message-ID: none\n[REDACTED:email]"},
		{"<cafe1234@example.com>", "<[REDACTED:email]>"},
		// Not addresses.
		{`"message_id":"\u003c49c67eef155d0dd5cc82@mail.kontor-logistik.de\u003e"`, `"message_id":"\u003c49c67eef155d0dd5cc82@mail.kontor-logistik.de\u003e"`},
		{"Message-ID: <5f3a9c2e8b1d4a7f9e0c@smtp.example.org>", "Message-ID: <5f3a9c2e8b1d4a7f9e0c@smtp.example.org>"},
		{"ssh://git@github.com/org/repo.git", "ssh://git@github.com/org/repo.git"},
		{"git@github.com:org/repo.git", "git@github.com:org/repo.git"},
		{"user@localhost", "user@localhost"},
		{"@channel and user@ mention", "@channel and user@ mention"},
		{"npm i left-pad@1.3.0", "npm i left-pad@1.3.0"},
		{"jane.@example.com", "jane.@example.com"},
		{"x@y.c0m", "x@y.c0m"},
		{"logo@2x.png and icon@1.5x.webp", "logo@2x.png and icon@1.5x.webp"},
		{"root@server.example.com:~# ls", "root@server.example.com:~# ls"},
		// Message ids in their header fields, folded or not, and Gmail's.
		{"Message-ID: <CAF4RXPVGhtAK5VNtK0KtK8pKg72MCIHS@mail.gmail.com>", "Message-ID: <CAF4RXPVGhtAK5VNtK0KtK8pKg72MCIHS@mail.gmail.com>"},
		{"In-Reply-To: <20261130.4471.jlee@relay.fastmail.net>\nFrom: Jo <jo@fastmail.net>", "In-Reply-To: <20261130.4471.jlee@relay.fastmail.net>\nFrom: Jo <[REDACTED:email]>"},
		{"References: <a1.b2@lists.debian.org>\n <msg.77.x@mx.posteo.de>\nTo: ana@posteo.de", "References: <a1.b2@lists.debian.org>\n <msg.77.x@mx.posteo.de>\nTo: [REDACTED:email]"},
		{"see <CAKx7b2mQw9RtZ0pLs4VnY8HcJ3dFgE1@mail.gmail.com> in the thread", "see <CAKx7b2mQw9RtZ0pLs4VnY8HcJ3dFgE1@mail.gmail.com> in the thread"},
		// RFC 2606 / 6761 names never delegated hold no mailbox.
		{"test@example.invalid, qa@staging.test, me@localhost.localhost", "test@example.invalid, qa@staging.test, me@localhost.localhost"},
		{"QA@SHOP.TEST", "QA@SHOP.TEST"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}
