// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package workload // import "github.com/otelcol-llm/otelcol-llm/test/bench/internal/workload"

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// words is the vocabulary of generated prompts and answers: support, RAG and
// agent chatter, so text looks like what a chat app sends a model.
var words = strings.Fields(`the a an and or but if then when while because so that this these those
order refund invoice shipping delivery account password reset subscription plan upgrade billing
customer support agent ticket escalate summary context document knowledge base article section
policy contract clause renewal notice period payment method warehouse carrier tracking status
please could you help me find check explain compare list describe what why how where which
is are was were be been has have had will would should can may might must not no yes
today tomorrow yesterday week month quarter year date time number amount total price cost
report table chart revenue growth forecast region product team member manager engineer
query result error retry timeout service endpoint deploy release version config setting
user assistant system tool call search lookup fetch update create delete approve reject
thanks hello regards best kind sorry understand sure great good fine ok right`)

// lookAlikes produce harmless values that resemble PII to a naive regex:
// ids, order numbers failing Luhn, timestamps, versions, prices, ports.
var lookAlikes = []func(r *rand.Rand) string{
	func(r *rand.Rand) string {
		return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", r.Uint32(), r.Uint32()&0xffff, r.Uint32()&0xffff, r.Uint32()&0xffff, r.Uint64()&0xffffffffffff)
	},
	func(r *rand.Rand) string { return fmt.Sprintf("%016x%016x", r.Uint64(), r.Uint64()) },
	func(r *rand.Rand) string { return "order #" + nonLuhn(r) },
	func(r *rand.Rand) string {
		return fmt.Sprintf("2025-%02d-%02dT%02d:%02d:%02dZ", 1+r.IntN(12), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60))
	},
	func(r *rand.Rand) string { return fmt.Sprintf("v%d.%d.%d", r.IntN(3), r.IntN(200), r.IntN(20)) },
	func(r *rand.Rand) string { return fmt.Sprintf("$%d.%02d", r.IntN(5000), r.IntN(100)) },
	func(r *rand.Rand) string { return fmt.Sprintf("localhost:%d", 1024+r.IntN(60000)) },
}

// piiKinds produce realistic personal data and secrets, each valid for its
// detector (Luhn for cards, mod-97 for IBANs, allowed SSN ranges).
var piiKinds = []func(r *rand.Rand) string{
	func(r *rand.Rand) string {
		first := []string{"jane", "john", "maria", "li", "ahmed", "olga", "pierre", "sofia"}
		last := []string{"doe", "smith", "garcia", "wang", "khan", "ivanova", "martin", "rossi"}
		dom := []string{"example.com", "mail.example.org", "corp.example.net"}
		return first[r.IntN(len(first))] + "." + last[r.IntN(len(last))] + "@" + dom[r.IntN(len(dom))]
	},
	func(r *rand.Rand) string { return fmt.Sprintf("+1 415-555-%04d", r.IntN(10000)) },
	func(r *rand.Rand) string { return fmt.Sprintf("+44 20 7946 %04d", r.IntN(10000)) },
	cardNumber,
	germanIBAN,
	func(r *rand.Rand) string {
		return fmt.Sprintf("%03d-%02d-%04d", 1+r.IntN(665), 1+r.IntN(99), 1+r.IntN(9999))
	},
	func(r *rand.Rand) string { return fmt.Sprintf("10.%d.%d.%d", r.IntN(256), r.IntN(256), 1+r.IntN(254)) },
	func(r *rand.Rand) string { return "sk-proj-" + randomString(r, alnum, 48) },
	func(r *rand.Rand) string { return "AKIA" + randomString(r, upperDigits, 16) },
	func(r *rand.Rand) string { return "ghp_" + randomString(r, alnum, 36) },
}

const (
	alnum       = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	upperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
)

func randomString(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// luhnDigit returns the check digit that makes digits+check pass Luhn.
func luhnDigit(digits []byte) byte {
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if (len(digits)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

// cardNumber is a 16-digit Visa-like number that passes Luhn, grouped by 4.
func cardNumber(r *rand.Rand) string {
	d := []byte{'4'}
	for len(d) < 15 {
		d = append(d, byte('0'+r.IntN(10)))
	}
	d = append(d, luhnDigit(d))
	return string(d[0:4]) + " " + string(d[4:8]) + " " + string(d[8:12]) + " " + string(d[12:16])
}

// nonLuhn is a 16-digit number that fails Luhn (an order number).
func nonLuhn(r *rand.Rand) string {
	d := []byte{byte('1' + r.IntN(9))}
	for len(d) < 15 {
		d = append(d, byte('0'+r.IntN(10)))
	}
	c := luhnDigit(d)
	d = append(d, '0'+(c-'0'+1+byte(r.IntN(8)))%10)
	return string(d)
}

// germanIBAN is a DE IBAN (22 characters) with valid mod-97 check digits.
func germanIBAN(r *rand.Rand) string {
	bban := make([]byte, 18)
	for i := range bban {
		bban[i] = byte('0' + r.IntN(10))
	}
	// Check digits: 98 - (BBAN + "DE00" as digits) mod 97; D=13, E=14.
	rem := 0
	for _, c := range string(bban) + "131400" {
		rem = (rem*10 + int(c-'0')) % 97
	}
	return fmt.Sprintf("DE%02d%s", 98-rem, bban)
}

// textLen draws a length between lo and hi bytes, log-uniformly, so short
// and long messages are both common as in real chat traffic.
func textLen(r *rand.Rand, lo, hi int) int {
	return int(math.Exp(math.Log(float64(lo)) + r.Float64()*(math.Log(float64(hi))-math.Log(float64(lo)))))
}

// Text generates prose of about n bytes. With probability piiRate it carries
// one or two PII values; with probability LookAlikeRate a harmless look-alike. It
// reports whether PII was inserted.
func Text(r *rand.Rand, n int, piiRate float64) (string, bool) {
	var b strings.Builder
	b.Grow(n + 64)
	var inserts []string
	pii := r.Float64() < piiRate
	if pii {
		for range 1 + r.IntN(2) {
			inserts = append(inserts, piiKinds[r.IntN(len(piiKinds))](r))
		}
	}
	if r.Float64() < LookAlikeRate {
		inserts = append(inserts, lookAlikes[r.IntN(len(lookAlikes))](r))
	}
	sentence := 0
	for b.Len() < n {
		if sentence == 0 {
			w := words[r.IntN(len(words))]
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		} else {
			b.WriteByte(' ')
			b.WriteString(words[r.IntN(len(words))])
		}
		sentence++
		if len(inserts) > 0 && r.IntN(40) == 0 {
			b.WriteByte(' ')
			b.WriteString(inserts[0])
			inserts = inserts[1:]
		}
		if sentence > 6+r.IntN(14) {
			b.WriteString(". ")
			sentence = 0
		}
	}
	for _, s := range inserts {
		b.WriteByte(' ')
		b.WriteString(s)
	}
	return b.String(), pii
}
