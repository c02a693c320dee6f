// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCards(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"4111 1111 1111 1111", "[REDACTED:credit_card]"},
		{"4111-1111-1111-1111", "[REDACTED:credit_card]"},
		{"4111.1111.1111.1111", "[REDACTED:credit_card]"},
		{"pay 4111111111111111", "pay [REDACTED:credit_card]"},
		{"4111111111111111", `"[REDACTED:credit_card]"`}, // nothing but a number is JSON too: it stays JSON
		{"amex 3782 822463 10005", "amex [REDACTED:credit_card]"},
		{"diners 3056 930902 5904", "diners [REDACTED:credit_card]"},
		{"mc 2223 0031 2200 3222", "mc [REDACTED:credit_card]"},
		{"card 4111 1111 1111 1111 12/27 cvv 123", "card [REDACTED:credit_card] 12/27 cvv [REDACTED:card_cvv]"},
		{"4242 4242 4242 4242 2027", "[REDACTED:credit_card] 2027"},
		{"(4111 1111 1111 1111)", "([REDACTED:credit_card])"},
		// Groups two spaces apart, as PDF statements and scanned forms print them.
		{"Card:  4111  1111  1111  1111   CVV:  123", "Card:  [REDACTED:credit_card]   CVV:  [REDACTED:card_cvv]"},
		{"amex 3782  822463  10005.", "amex [REDACTED:credit_card]."},
		{"diners 3056  930902  5904 exp 04/28", "diners [REDACTED:credit_card] exp 04/28"},
		{"4111  1111  1111  1112", "4111  1111  1111  1112"},             // Luhn fails
		{"1234  5678  1234  5670", "1234  5678  1234  5670"},             // no issuer prefix
		{"4111  1111  1111  1111  2222", "4111  1111  1111  1111  2222"}, // a fifth group: 20 digits, a table row
		{"4111  1111 1111  1111", "4111  1111 1111  1111"},               // mixed gaps
		// Not cards: Luhn fails, no issuer prefix, mixed separators, part of a longer number.
		{"4111 1111 1111 1112", "4111 1111 1111 1112"},
		{"1234567812345678", "1234567812345678"},
		{"4111 1111-1111 1111", "4111 1111-1111 1111"},
		{"41111111111111111111", "41111111111111111111"},
		{"4111111111111111.5", "4111111111111111.5"},
		{"4111 11 11 1111 1111", "4111 11 11 1111 1111"},
		// A card of a known issuer written wrong (Luhn fails, a 19-digit
		// run) is not split into a phone: 0845 0395 292, 0781 5911 2349
		// would be UK numbers alone.
		{"4971 2654 0845 0395 292", "4971 2654 0845 0395 292"},
		{"| 9002 | BAD LUHN | 5462 0781 5911 2349 | 000 |", "| 9002 | BAD LUHN | 5462 0781 5911 2349 | 000 |"},
		{"6212-1946-3082-6586-900 declined", "6212-1946-3082-6586-900 declined"},
		{"card_invalid 3456 082448 24053 x", "card_invalid 3456 082448 24053 x"}, // Amex's grouping, Luhn fails
		// An Amazon order number (3-7-7) that passes Luhn and starts like
		// JCB, and a product's EAN-13 that starts like a Visa, are no cards.
		{"order 357-2514331-3720177 shipped", "order 357-2514331-3720177 shipped"},
		{"4715501275456  Item 1  12 kg", "4715501275456  Item 1  12 kg"},
		{"card 4222222222222", "card [REDACTED:credit_card]"},
		// National networks: RuPay, Troy.
		{"என் கார்டு 6073 8481 3297 1426", "என் கார்டு [REDACTED:credit_card]"},
		{"kartım 9792 1053 0542 7007 cvv 696", "kartım [REDACTED:credit_card] cvv [REDACTED:card_cvv]"},
		{"حاولت اشحن المحفظة ببطاقة مدى 9682080926128438 وطلع لي خطأ", "حاولت اشحن المحفظة ببطاقة مدى [REDACTED:credit_card] وطلع لي خطأ"}, // mada
		{"ref 9682080926128439", "ref 9682080926128439"}, // (Luhn)
		// An Amex number (15 digits and Luhn, as an IMEI) under card_number
		// is a card, and the next cell its code.
		{"txn_id,card_number,cvv,exp\nTX133656807,343504550873506,7960,06/28", "txn_id,card_number,cvv,exp\nTX133656807,[REDACTED:credit_card],[REDACTED:card_cvv],06/28"},
		// A card and its code typed with a '/' between, the code ending its line.
		{"دفعت بيه 4959536760460200 / 131\nok", "دفعت بيه [REDACTED:credit_card] / [REDACTED:card_cvv]\nok"},
		{"card 4111111111111111 / 123 USD", "card [REDACTED:credit_card] / 123 USD"},
		// A CSV field before another that starts with three digits is no
		// thousands group.
		{"x,2601182390243892,182.94.71.37,y", "x,[REDACTED:credit_card],[REDACTED:ipv4],y"},
		// Nor after groups set apart by blanks: a phone's CSV cell before
		// a BSB's.
		{"kiri.j@outlook.com,0455 902 117,732-012,302918", "[REDACTED:email],[REDACTED:phone],732-012,302918"},
		{"+61 423 118 604,033-088", "[REDACTED:phone],033-088"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestSSN(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"SSN 123-45-6789", "SSN [REDACTED:ssn]"},
		{"123-45-6789 2 kids", "[REDACTED:ssn] 2 kids"},
		{"ssn: 078051120", "ssn: [REDACTED:ssn]"},
		{"social security 078 05 1120", "social security [REDACTED:ssn]"},
		// X12 REF segment, qualifier SY (Social Security Number).
		{"NM1*IL*1*RAMAN*PRIYA****MI*42342875293~REF*SY*573013031~N3*922 MAPLE AVE~", "NM1*IL*1*RAMAN*PRIYA****MI*42342875293~REF*SY*[REDACTED:ssn]~N3*922 MAPLE AVE~"},
		{"REF|SY|573013031|", "REF|SY|[REDACTED:ssn]|"},
		{"REF*EJ*573013031~", "REF*EJ*573013031~"},
		{"id 078051120", "id 078051120"},
		{"078 05 1120", "078 05 1120"},
		{"666-12-3456", "666-12-3456"},
		{"900-12-3456", "900-12-3456"},
		{"123-00-4567", "123-00-4567"},
		{"123-45-0000", "123-45-0000"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestIPv4(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"client 192.168.1.10 connected", "client [REDACTED:ipv4] connected"},
		{"from 8.8.8.8:53", "from [REDACTED:ipv4]:53"},
		{"ip=84.71.167.95;", "ip=[REDACTED:ipv4];"},
		// RFC 5737's documentation networks hold no host.
		{"ip=203.0.113.7;", "ip=203.0.113.7;"},
		{"curl http://192.0.2.10:8080/health and 198.51.100.23", "curl http://192.0.2.10:8080/health and 198.51.100.23"},
		{"192.0.3.10 and 198.51.101.23", "[REDACTED:ipv4] and [REDACTED:ipv4]"},
		{"(84.71.167.95)", "([REDACTED:ipv4])"},
		{"84.71.167.95/32", "[REDACTED:ipv4]/32"},
		// A host name, then '/' and its address (Java's InetAddress, kubectl's
		// node/IP); a product's name, then '/' and its version, is no address.
		{"connecting to api.stripe.com/54.187.174.169:443", "connecting to api.stripe.com/[REDACTED:ipv4]:443"},
		{"ip-10-0-3-17.eu-central-1.compute.internal/172.19.172.193", "ip-10-0-3-17.eu-central-1.compute.internal/[REDACTED:ipv4]"},
		{"Chrome/120.0.0.0 Safari/537.36.0.1", "Chrome/120.0.0.0 Safari/537.36.0.1"},
		{"lib.v2/1.2.3.4", "lib.v2/1.2.3.4"},
		// The debug exporter's attribute values: Str(…).
		{"-> client.address: Str(1.11.41.153)", "-> client.address: Str([REDACTED:ipv4])"},
		{"HGETALL rate:2405:3bc3:d1a4:1db8:5cb1:f0ae:2c6a:1e2e", "HGETALL rate:[REDACTED:ipv6]"}, // a key's prefix, no .pgpass line
		{"-> client.address: Str(2405:2b6f:361:5265:5d0d:f194:436d:692)", "-> client.address: Str([REDACTED:ipv6])"},
		{"ssh root@81.2.69.142", "ssh root@[REDACTED:ipv4]"},
		{"from 1.2.3.4", "from [REDACTED:ipv4]"},
		{"192.168.001.010", "[REDACTED:ipv4]"},
		// Versions, networks and local addresses.
		{"numpy==1.2.3.4", "numpy==1.2.3.4"},
		{"pandas>=2.2.1.0", "pandas>=2.2.1.0"},
		{"Chrome/120.0.0.0", "Chrome/120.0.0.0"},
		{"Version=4.0.0.0", "Version=4.0.0.0"},
		{"version: 1.2.3.4", "version: 1.2.3.4"},
		{"App-Version 5.12.0.3", "App-Version 5.12.0.3"},
		{`"#define APP_VERSION \"6.3.1.2\"\n"`, `"#define APP_VERSION \"6.3.1.2\"\n"`}, // (in a JSON string)
		{"Version der App: 5.12.0.3", "Version der App: 5.12.0.3"},
		{"(Snom-Firmware ≥ 10.1.159.12 kann das)", "(Snom-Firmware ≥ 10.1.159.12 kann das)"},
		{"firmware >= 10.1.159.12", "firmware >= 10.1.159.12"},
		{"v1.2.3.4", "v1.2.3.4"},
		{"10.0.0.0/8", "10.0.0.0/8"},
		{"127.0.0.1", "127.0.0.1"},
		{"0.0.0.0:8888", "0.0.0.0:8888"},
		{"255.255.240.0", "255.255.240.0"},
		{"999.1.1.1", "999.1.1.1"},
		{"1.2.3.4.5", "1.2.3.4.5"},
		{"10.0.19041.1", "10.0.19041.1"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestIPv6(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"peer 2001:db8::ff00:42:8329 up", "peer [REDACTED:ipv6] up"},
		{"2001:0db8:85a3:0000:0000:8a2e:0370:7334", "[REDACTED:ipv6]"},
		{"[2a01:4f8:c17:1::5]:443", "[[REDACTED:ipv6]]:443"},
		{"fe80::1c2b:3a4d:5e6f:7081%12", "[REDACTED:ipv6]%12"},
		{"inet6 2a01:4f8:c17:1::5/64", "inet6 [REDACTED:ipv6]/64"},
		{"fd00::/8", "fd00::/8"},
		{"00:1A:2B:3C:4D:5E", "[REDACTED:device_id]"}, // a MAC address: device_id's, not an IPv6 address
		{"10:30:45", "10:30:45"},
		{"3A:7F:9E:2C:1B:00:45:6D:8E:9F:A0:B1:C2:D3:E4:F5:06:17:28:39", "3A:7F:9E:2C:1B:00:45:6D:8E:9F:A0:B1:C2:D3:E4:F5:06:17:28:39"},
		// A global unicast /64 prefix alone, as access logs print a
		// client's network.
		{"2001:41d0:a:f2 - - [02/Dec/2026:13:21:06 +0000]", "[REDACTED:ipv6] - - [02/Dec/2026:13:21:06 +0000]"},
		{"from 2a01:4f8:c0c:1d2e.", "from [REDACTED:ipv6]."},
		{"net 2001:0db8:1234:5678 ok", "net [REDACTED:ipv6] ok"},
		{"2026:13:21:06", "2026:13:21:06"}, // a year and a time
		{"[02/Dec/2026:13:21:06 +0000]", "[02/Dec/2026:13:21:06 +0000]"},
		{"fe80:1c2b:3a4d:5e6f", "fe80:1c2b:3a4d:5e6f"},   // link-local, not 2000::/3
		{"4a01:4f8:c0c:1d2e", "4a01:4f8:c0c:1d2e"},       // not global unicast
		{"2a01:4f8:c0c", "2a01:4f8:c0c"},                 // three groups
		{"2a01:4f8:c0c:1d2e:77", "2a01:4f8:c0c:1d2e:77"}, // five
		{"id-2a01:4f8:c0c:1d2e", "id-2a01:4f8:c0c:1d2e"}, // inside a token
		{"2a01:4f8:c0c:1d2e.example", "2a01:4f8:c0c:1d2e.example"},
		{"12:30:45", "12:30:45"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestIBAN(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"IBAN DE89 3704 0044 0532 0130 00", "IBAN [REDACTED:iban]"},
		{"to GB82WEST12345698765432 ref", "to [REDACTED:iban] ref"},
		{"de89 3704 0044 0532 0130 00", "[REDACTED:iban]"},
		{"iban: FR1420041010050500013M02606", "iban: [REDACTED:iban]"},
		{"DE89 3704 0044 0532 0130 01", "DE89 3704 0044 0532 0130 01"},
		{"GB82 WEST", "GB82 WEST"},
		{"NL91", "NL91"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestRedactInt(t *testing.T) {
	r := newTestRedactor(t)
	st := r.NewState()
	for _, c := range []struct {
		v     int64
		found bool
	}{
		{4111111111111111, true},
		{378282246310005, true},
		{4222222222222, true},
		{4111111111111112, false},
		{1730540103123456789, false},
		{1700000000123, false},
		{1200, false},
		{-4111111111111111, false},
	} {
		out, found, drop := r.RedactInt(c.v, st)
		assert.Equal(t, c.found, found, "%d", c.v)
		assert.False(t, drop)
		if c.found {
			assert.Equal(t, "[REDACTED:credit_card]", out)
		}
	}
	assert.Equal(t, 3, st.Counts[CreditCard])
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _, _ = r.RedactInt(1730540103123456789, st) }), "a large integer that is no card costs no allocation")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _, _ = r.RedactInt(1200, st) }))
}

// TestEpochMillisNotPhone: Unix time in milliseconds (13 digits from 1)
// next to a phone, or in a phone column, is a time, not the next phone.
func TestEpochMillisNotPhone(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"address,date,type,body\n+972-50-995-1887,1764743628400,2,\"hi\"", "address,date,type,body\n[REDACTED:phone],1764743628400,2,\"hi\""},
		{"address,date\n007 908 288-74-21,1764053083333", "address,date\n[REDACTED:phone],1764053083333"},
		{"phone,created\n+44 20 7946 0958,1700000000123", "phone,created\n[REDACTED:phone],1700000000123"},
		{"Tel. +49 30 901820, 1764306896119", "Tel. [REDACTED:phone], 1764306896119"},
		// Still phones: a list of phones, a 13-digit number with its '+'.
		{"Tel. +49 30 901820, +44 20 7946 0958", "Tel. [REDACTED:phone], [REDACTED:phone]"},
		{"phone: +8613812345678", "phone: [REDACTED:phone]"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

// TestContextNearReach: context words are looked for 40 characters back
// (a Cyrillic word of 16 letters takes 32 bytes), a digit between two
// letters is part of a word (Arabic in Latin letters) while a number
// stops the search, and a non-ASCII word matches with its first letter
// upper case too.
func TestContextNearReach(t *testing.T) {
	w := newContextWords("ідентифікаційний", "kimlik", "číslo dokladu")
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"(ідентифікаційний код): ", true},
		{"kimlik el turki bta3i ", true},
		{"kimlik 3 ", false},
		{"kimlik v2 ", false},
		{"Číslo dokladu ", true},
		{"číslo dokladu ", true},
		{"Číslo objednávky ", false},
	} {
		assert.Equal(t, c.want, contextNear(c.s, len(c.s), w, 4), c.s)
	}
	assert.Equal(t, "Číslo", titleCase("číslo"))
	assert.Equal(t, "kimlik", titleCase("kimlik"))
	assert.True(t, arabizi("bta3i"))
	assert.False(t, arabizi("9W8"))
	assert.False(t, arabizi("3ayez"))
	assert.False(t, arabizi("A1b"))
}
