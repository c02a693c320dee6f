// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// redactOne redacts s with every detector on.
func redactOne(t *testing.T, s string) string {
	t.Helper()
	r := newTestRedactor(t)
	out, _, _ := r.Redact(s, r.NewState())
	return out
}

// nationalExamples are numbers written the way people of each market write
// them; every format of nationalFormats must match at least one.
var nationalExamples = []string{
	"415-555-0100", "415.555.0100", "415 555 0100", "415 555-0100", "(415) 555-0100", "(415) 555 0100",
	"(415)555-0100", "1-800-555-0100", "1 (800) 555-0100",
	"020 7946 0958", "0161 496 0000", "07700 900123", "01632 96000", "07700 900 123", "(020) 7946 0958",
	"(0161) 496 0000", "(01632) 960001", "(01632) 96000",
	"030 1234567", "040 382105-67", "089/1234567", "089/123456-0", "0676/712 09 40", "0664/123 4567", "089 / 1234567", "(030) 1234567",
	"(040) 382105-67", "0171 123 4567", "030 12 34 56", "030 123 45 67", "030 12 34 56 78", "(030) 12 34 56",
	"(030) 123 45 67", "(030) 12 34 56 78", "01 5880012", "01 234 56 78", "01 58800-12",
	"06 12 34 56 78", "01.23.45.67.89", "01-23-45-67-89",
	"612 34 56 78", "612 345 678", "91 123 45 67",
	"06 1234 5678", "011 123 4567", "011 1234567", "0471 123456", "0471 123 456", "347 123 4567",
	"347 1234567", "347 12 34 567",
	"06 12345678", "06-12345678", "06-12 34 56 78", "020 123 45 67", "020 12 34 567",
	"02 123 45 67", "010 12 34 56", "0470 12 34 56",
	"512 345 678", "22 123 45 67",
	"08-123 456 78", "08-123 45 67", "08-12 34 56", "031-12 34 56", "070-123 45 67", "031-123 456", "070 123 45 67",
	"03-1234-5678", "045-123-4567", "090-1234-5678", "0466-12-3456", "0120-123-456", "04992-1-2345",
	"03(1234)5678", "(03) 1234-5678",
	"010-1234-5678", "011-123-4567", "02-123-4567", "031-123-4567",
	"138 0013 8000", "010-12345678", "010-1234 5678", "0755-1234 5678", "0755-1234567", "0755-12345678",
	"0755 1234 5678", "13800138000", "14512345678", "15012345678", "19912345678", "16612345678", "17712345678",
	"05321234567", "05101234567", "05241234567", "05621234567", "05721234567", "05941234567",
	"98765 43210", "098765 43210", "011 2345 6789", "0124 234 5678",
	"(11) 91234-5678", "(11) 2345-6789", "(11)91234-5678", "11 91234-5678", "11 2345-6789", "(011) 2345-6789",
	"(021) 98765-4321", "(21) 987654321", "21 98765.4321", "55 21 987654321",
	"55 1234 5678", "56 1234 5678", "33 1234 5678", "81 1234 5678", "(55) 1234 5678", "(33) 1234 5678",
	"(81) 1234 5678", "222 123 4567",
	"(02) 9876 5432", "02 9876 5432", "0412 345 678", "0412 345678", "1300 123 456", "1800 123 456",
	"01 234 5678", "(01) 234 5678", "087 123 4567",
	"21 234 5678",
	// Added for plans written without +CC (their own numbers, not the red team's).
	"07221 31-0", "089/4711-0", "0711 / 98 76 54", "0711 / 98 76 54 - 12", "(06131) 39-0", "01609876543", "015771234567",
	"0798765432", "06-98765432", "02-98765432", "051-2345678", "0522-765432", "010-987 6543", "0575-654321",
	"0687654321", "0371 8765 4321", "15912345678", "01098765432",
	"8 (812) 345-67-89", "8(343)222-33-44", "8 (383) 222 33 44", "8 (495) 222-3344", "8-903-765-43-21",
	"8 926 555-12-34", "8 999 876 54 32", "89031234567",
	"06 20 987 6543", "06 31 765 4321", "06 1 987 6543", "06-70-555-1234", "06-70/508-4997", "06 30/123 4567", "06701234567",
	"0857-1234-5678", "0813 987 6543", "0821-87654321", "085712345678",
	"019-876 5432", "011-2345 6789", "017-6543210", "04-2345 6789",
	"055 987 6543", "0559876543", "056 987 6543", "0529876543",
	"0542 987 65 43", "0 (542) 987 65 43", "05429876543", "07911123456", "08098765432",
	"0171 1234567", "0160/9876543", "(0176) 12345678",
	"0398765432", "0898765432", "09281234567", "0928 123 4567", "01551234567",
	// National notations of libphonenumber's numberFormats (issue #22).
	"0 (312) 455 12 90", "02/512.34.56", "03/287 11 45", "010/45.67.89", "0470/12.34.56", "01/534 12 87",
	"01/5341 287", "(55) 5212-3344", "(33) 3614-2290", "(81) 8340-1122", "0423456789", "(021) 2345 6789",
	"(031) 8765 4321",
	// libphonenumber's national formats of more markets, with the
	// exampleNumber of each territory where one fits (f7e3e88). New lines:
	// AR, CO, CL, PE, PK, BD, TW/NZ/IL/AE, FI/EG, EG, UA.
	"011 2345-6789", "011 15-2345-6789", "011-15-2345-6789", "0351 15-234-5678", "02966 15-12-3456",
	"(011) 15-2345-6789", "(0351) 15-234-5678", "0351 423-4567", "02966 12-3456", "(011) 4123-4567",
	"(601) 2345678", "321 1234567", "321 123 4567",
	"(2) 2123 4567",
	"(01) 1234567", "(044) 123456", "912 345 678",
	"03012345678", "0301 2345678", "0300-1234567", "(021) 23456789",
	"01812345678", "01812-345678", "02-7111234",
	"08031234567", "0712345678", "0241234567", "0541234567", "0821234567", // NG, KE, GH, ZA
	"87012345678", // KZ
	"03 234 5678", "06 234 5678", "09 123 4567", "04 234 5678", "(06) 234-5678", "(02) 2123-4567",
	"(09) 123 4567", "(04) 234 5678",
	"09 1234567", "02 34567890", "03 4567890", "010 01234567", "0100 123 4567",
	"(050) 123-45-67", "(044) 123-45-67", "050 123-45-67",
	// ... and markets whose national formats lines above already take.
	"010 123 4567", "071 123 4567", // ZA
	"0802 123 4567", "08021234567", "08112345678", "09111234567", // NG
	"0712 123456", "0712 345 678", "0712123456", "020 2012345", // KE
	"021 123 4567", "0712 034 567", "0712034567", // RO
	"02 2123 4567", "0912 345 678", "0912345678", // TW
	"021 123 456", "0211 234 567", "0228259036", "0271458780", // NZ
	"050-234-5678", "052-1234567", "0502345678", // IL
	"021 234 56 78", "078 123 45 67", "0781234567", // CH
	"050 123 4567", "067 123 45 67", "0501234567", // UA
	"013 1234567", "041 2345678", "040 123 4567", // FI
	"0210 1234 567", "024 1234 5678", "091 234 5678", // VN
	"02 123 4567", "053 123 456", "081 234 5678", // TH
	"011 234 5678", "0512 345 678", // SA
	"02 234 5678",                  // AE
	"691 234 5678", "210 123 4567", // GR
	"341 15-555-0192", "11 15-4321-8765", // AR mobiles without the trunk 0
	"0112345678",                 // KE 011x
	"601 123 456", "701 123 456", // CZ
}

// TestNationalFormats: each example is a phone number on its own in a
// sentence without a phone word, and every national format is exercised.
func TestNationalFormats(t *testing.T) {
	used := map[*natFormat]bool{}
	for _, ex := range nationalExamples {
		assert.Equal(t, "see [REDACTED:phone] here", redactOne(t, "see "+ex+" here"), ex)
		var r numRun
		require.True(t, r.read(ex, 0), ex)
		matched := false
		for k := 1; k <= r.n; k++ {
			for d := range 10 {
				for _, f := range formatsBy[k][d] {
					if f.match(ex, &r, k, false, false) {
						used[f] = true
						matched = true
					}
				}
			}
		}
		assert.True(t, matched, "%s matches no national format", ex)
	}
	for _, nf := range nationalFormats {
		f, err := compileFormat(nf.region, nf.pattern)
		require.NoError(t, err)
		found := false
		for u := range used {
			if u.region == f.region && len(u.groups) == len(f.groups) && fmtEqual(u, f) {
				found = true
			}
		}
		assert.True(t, found, "format %s %q has no example in nationalExamples", nf.region, nf.pattern)
	}
}

func fmtEqual(a, b *natFormat) bool {
	for j := range a.groups {
		x, y := a.groups[j], b.groups[j]
		if x.min != y.min || x.max != y.max || x.open != y.open || x.close != y.close || x.sep != y.sep || len(x.toks) != len(y.toks) {
			return false
		}
		for k := range x.toks {
			if x.toks[k] != y.toks[k] {
				return false
			}
		}
	}
	return true
}

func TestInternationalNumbers(t *testing.T) {
	for _, ex := range []string{
		"+1 415 555 0100", "+1-415-555-0100", "+1 (415) 555-0100", "+1.415.555.0155", "+14155550100",
		"+44 20 7946 0958", "+44 (0)20 7946 0958", "+44 (0) 20 7946 0958", "+44 7700 900461", "+447700900321",
		"+49 30 1234567", "+49 (0)40 382105-67", "+49-171-2345678", "+4917612345678",
		"+33 6 12 34 56 78", "+33 (0)1 42 68 53 00", "+33\u00a06\u00a012\u00a034\u00a056\u00a078",
		"+34 612 34 56 78", "(+34) 91 123 45 67", "+39 06 1234 5678", "+39 347 123 4567", "+31 20 123 4567",
		"+31 (0)6 1234 5678", "+41 44 668 18 00", "+43 1 58800-12", "+32 470 12 34 56", "+48 512 345 678",
		"+46 8 123 456 78", "+81 3-1234-5678", "+81 90 1234 5678", "+86 138 0013 8000", "+86 10 1234 5678",
		"+91 98765 43210", "+55 11 91234-5678", "+55 (11) 91234-5678", "+52 55 1234 5678", "+52 1 55 1234 5678",
		"+61 412 345 678", "+61 (0)2 9876 5432", "+353 87 123 4567", "+351 912 345 678", "+420 601 123 456",
		"+7 912 345-67-89", "+82 10-1234-5678", "+972 52-123-4567", "+65 8123 4567", "+971 50 123 4567",
		"0044 20 7946 0111", "0033 1 42 68 53 11", "00 49 30 1234567",
	} {
		assert.Equal(t, "see [REDACTED:phone] here", redactOne(t, "see "+ex+" here"), ex)
	}
}

func TestPhoneWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Tel: 0612345678", "Tel: [REDACTED:phone]"},
		{"call me at 4155550134 asap", "call me at [REDACTED:phone] asap"},
		{"Handy: 01711234567", "Handy: [REDACTED:phone]"},
		{"mobile 07700900123", "mobile [REDACTED:phone]"},
		{"teléfono 612345678", "teléfono [REDACTED:phone]"},
		{"電話：09012345678", "電話：[REDACTED:phone]"},
		{"my number is 0612345678", "my number is [REDACTED:phone]"},
		{"reach me at 07700900123", "reach me at [REDACTED:phone]"}, // a UK mobile in one piece: its plan, not the words
		// "cb" (call back) right before the number, though another
		// number's word is near; not the CB of a chargeback's id or a code.
		{"disputed charge, cb (312) 555-0147", "disputed charge, cb [REDACTED:phone]"},
		{"pt called, CB: 3125550147", "pt called, CB: [REDACTED:phone]"},
		{"chargeback CB-2025-01147 opened", "chargeback CB-2025-01147 opened"},
		{"SKU TX-4410-CB (GTIN 4006381333931)", "SKU TX-4410-CB (GTIN 4006381333931)"},
		// "call" as a noun before the call's own reference.
		{"the reference number for this call is 4 1 5 5 5 5 0 1 4 7.", "the reference number for this call is 4 1 5 5 5 5 0 1 4 7."},
		{"call me on 4 1 5 5 5 5 0 1 4 7.", "call me on [REDACTED:phone]."},
		{"Rückruf an seine Zweitnummer 030 83709289", "Rückruf an seine Zweitnummer [REDACTED:phone]"},
		{"reach me at 4155550134", "reach me at 4155550134"}, // "reach me" is too common before other numbers
		{"proszę dzwonić: 693658501", "proszę dzwonić: [REDACTED:phone]"},
		{"Infolinia 695238874", "Infolinia [REDACTED:phone]"},
		{"kontaktai 863784510", "kontaktai [REDACTED:phone]"},
		{"Sími 670-4097", "Sími [REDACTED:phone]"},
		// Not phones: the word is not a phone word, or names another number.
		{"order number 4412771234", "order number 4412771234"},
		{"case number 20250318001", "case number 20250318001"},
		{"Tel 030 1234567, Kundennr. 12345678", "Tel [REDACTED:phone], Kundennr. 12345678"},
		{"port 5432 999.1.1.1", "port 5432 999.1.1.1"},
		{"call 2024-01-15", "call 2024-01-15"},
		// PT mobiles after "ligar"; an ID mobile after an e-mail address
		// in a psql table (the "id" of .co.id names no number).
		{"Pode me ligar no 914 441 025 ou no 912 346 573.", "Pode me ligar no [REDACTED:phone] ou no [REDACTED:phone]."},
		{"telemóvel 912 346 573", "telemóvel [REDACTED:phone]"},
		{" id | email | phone\n----+-------+------\n 19 | siti@yahoo.co.id | 0812-6931-4951\n", " id | email | phone\n----+-------+------\n 19 | [REDACTED:email] | [REDACTED:phone]\n"},
		{"order.id 0812345678", "order.id 0812345678"},
		{"ligar 2024-01-15", "ligar 2024-01-15"},
		// "My number is" and the phone words of other languages, before
		// numbers no national format takes.
		{"nummeret mitt er 422 42 221", "nummeret mitt er [REDACTED:phone]"},
		{"mit nummer er 28920018", "mit nummer er [REDACTED:phone]"},
		{"minu number on 5076 4687", "minu number on [REDACTED:phone]"},
		{"mans numurs ir 21438031", "mans numurs ir [REDACTED:phone]"},
		{"το κινητό μου είναι 6998220073", "το κινητό μου είναι [REDACTED:phone]"},
		{"Mi celu es 0911 581 60449", "Mi celu es [REDACTED:phone]"},
		{"numaram 0532 123 45 67", "numaram [REDACTED:phone]"},
		{"מספר טלפון 0521234567", "מספר טלפון [REDACTED:phone]"},
		// ... but not before another number, or an amount after a phone.
		{"mi número de pedido es 12345678", "mi número de pedido es 12345678"},
		{"Endereço: Av. Paulista 1000, CEP 01310-100", "Endereço: Av. Paulista 1000, CEP 01310-100"},
		{"zapłaciłem ₺962 10/14/25", "zapłaciłem ₺962 10/14/25"},
		{"nummeret mitt er 915 05 601\\nbetalte ₺4365 2025-03-17", "nummeret mitt er [REDACTED:phone]\\nbetalte ₺4365 2025-03-17"},
		{"tel 4365 2025 ₺", "tel 4365 2025 ₺"},
		// A number joined to letters by '/', '-' or '_' is an identifier
		// unless the letters are a phone word; other numbers' words; a
		// placeholder of zeros.
		{"Numer zgłoszenia ZGL/039589/2025.", "Numer zgłoszenia ZGL/039589/2025."},
		{"Tel/0301234567", "Tel/[REDACTED:phone]"},
		{"Ref no. RX-PH-8940608. Wait", "Ref no. RX-PH-8940608. Wait"}, // (PH is the code's, not Ph. for a phone)
		{"callback within 4 working hrs on alt no 9279538893.", "callback within 4 working hrs on alt no [REDACTED:phone]."},
		{"rows skipped: ssn 068-00-7817", "rows skipped: ssn 068-00-7817"},
		{"Hotel conf. 0766386777", "Hotel conf. 0766386777"},
		{"TEST;+49 000 0000000;x", "TEST;+49 000 0000000;x"},
		{"Customer (ID): 0812-3456-7890", "Customer (ID): [REDACTED:phone]"}, // (ID): Indonesia, not an id
		{"user ID: 0812345678", "user ID: 0812345678"},
		// Keys naming a phone: WhatsApp's wa_id, an MSISDN, CamelCase.
		{`"channel": "whatsapp", "wa_id": "971558085040"`, `"channel": "whatsapp", "wa_id": "[REDACTED:phone]"`},
		{`{"Name": "PhoneNumber", "Value": "254722177356"}`, `{"Name": "PhoneNumber", "Value": "[REDACTED:phone]"}`},
		{`"id": "971558085040"`, `"id": "971558085040"`},
		{"phone ID 97155808", "phone ID 97155808"},
		{"+91 85772 38708; ऑर्डर 532929650823; ref", "[REDACTED:phone]; ऑर्डर 532929650823; ref"},
		{"caller: mi fono es 569 4594 9522", "caller: mi fono es [REDACTED:phone]"},
		{"nombor saya 0176700635", "nombor saya [REDACTED:phone]"},
		{`"PAGER_NUMBER=(201) 592-3958",`, `"PAGER_NUMBER=[REDACTED:phone]",`},
		{"ya da eşimin numarası 5055 497 341 ok", "ya da eşimin numarası [REDACTED:phone] ok"},
		// A stamped speaker's label is a label and a few words, as without
		// a stamp: not a sentence before a number.
		{"[09:41] Luc (CA): NAS 293 047 189\n[09:45] system: batch export finished at 1764912004417 (epoch ms)", "[09:41] Luc (CA): NAS [REDACTED:national_id]\n[09:45] system: batch export finished at 1764912004417 (epoch ms)"},
		// Outside the mobile ranges of the plan: a customer number.
		{`"legacy_customer_no": "14106215519"`, `"legacy_customer_no": "14106215519"`},
		{`"legacy_customer_no": "05119809273"`, `"legacy_customer_no": "05119809273"`},
		// A value of an SQL INSERT whose column list names a phone.
		{"INSERT INTO c (id, email, phone) VALUES\n(1, 'x@wp.pl', '9524 8272'),\n(2, 'y@wp.pl', '2006 5422');", "INSERT INTO c (id, email, phone) VALUES\n(1, '[REDACTED:email]', '[REDACTED:phone]'),\n(2, '[REDACTED:email]', '[REDACTED:phone]');"},
		{"INSERT INTO o (id, qty) VALUES (17826, '9524 8272');", "INSERT INTO o (id, qty) VALUES (17826, '9524 8272');"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestPhoneLookalikes(t *testing.T) {
	for _, s := range []string{
		"555-1234", "12-34-56", "2024-01-15", "15.01.2024", "10:30:45", "1,234,567", "12 345 678 rows",
		"ISBN 978-3-16-148410-0", "ISBN 0-306-40615-2", "total 612 345 678 €", "€ 612 345 678",
		"INV-2024-000123 4111 1111 1111 1112", "1Z 9W8 47E 03 4419 2210", "CEP 01310-100", "zip 94105-1234",
		"SN 0049-2231-77", "build 20241022.1", "3.14159265358979", "+5%", "+49.99 EUR", "+21.5 °C",
		"1710756000123", "order 100-4471-2288", "Steuer-ID 12 345 678 901", "4471 2288",
		"amount 0.0049 BTC", "v 1.2.3", "0 800 1234",
		// Shapes near the formats of AR, CO, CL, FI/EG, UA, GR: rows of
		// years and of a table, a decimal, counts, dates, order and invoice
		// numbers, prices.
		"2 2019 2020", "9 2019 2020", "21 2019 2020", "8 3400 4100\n9 3512 4410",
		"03.1415926", "09.1234567", "212 345 678 rows",
		"order 011 2345-6789", "invoice 03012345678", "Bestellnr. 01812345678", "ticket 601 2345678",
		"total 601 2345678 COP", "€ 04 234 5678", "15-01-2024 10:30", "2024-01-15 15-234",
		"ref (050) 123-45-67", "DUNS 06-070-4780", "04.123.4567",
		// A chat export's stamp with a two-digit year, after a phone word.
		"llámelos desde el cel\n12/5/24 10:05 p. m. - Kevin: listo", "mi cel: 12/5/24 10:05",
	} {
		assert.Equal(t, s, redactOne(t, s), s)
	}
}

// TestPhoneContext: numbers no format takes are phones where phones stand
// (a phone word, a list of phones, a phone column); extensions and a
// calling code without '+' belong to the number; look-alikes in phone
// shapes stay.
func TestPhoneContext(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// A list of phones on one line.
		{"mobile 06 11 22 33 44, bureau 0298765432", "mobile [REDACTED:phone], bureau [REDACTED:phone]"},
		{"+91 98450 12345 / 9845012346", "[REDACTED:phone] / [REDACTED:phone]"},
		{"+7 903 111-22-33 или 4951112233", "[REDACTED:phone] или [REDACTED:phone]"},
		{"+1 312 555 0142\n3125550143", "[REDACTED:phone]\n3125550143"}, // another line: not the same list
		{"+1 312 555 0142, order 3125550143", "[REDACTED:phone], order 3125550143"},
		// A table column named like a phone.
		{
			"id,name,Phone Number,city\n7,Ana Ruiz,9123456780,Pune\n8,Raj Rao,9988776655,Delhi",
			"id,name,Phone Number,city\n7,Ana Ruiz,[REDACTED:phone],Pune\n8,Raj Rao,[REDACTED:phone],Delhi",
		},
		{"kunde;telefon_privat;plz\n1001;0221987654;50667", "kunde;telefon_privat;plz\n1001;[REDACTED:phone];50667"},
		{"| name | mobile |\n| Li | 9123456780 |", "| name | mobile |\n| Li | [REDACTED:phone] |"},
		{"id,name,invoice,city\n7,Ana Ruiz,9123456780,Pune", "id,name,invoice,city\n7,Ana Ruiz,9123456780,Pune"},
		// Markdown tables (the rule line under the header is skipped), and
		// a table inside a JSON string, lines and cells split by escapes.
		{
			"| Ort | Telefon |\n|---|:---:|\n| Graz | 0316 87 12 90 |\n| Gent | 09/224.18.37 |\n| Aarhus | 86 12 40 71 |",
			"| Ort | Telefon |\n|---|:---:|\n| Graz | [REDACTED:phone] |\n| Gent | [REDACTED:phone] |\n| Aarhus | [REDACTED:phone] |",
		},
		{
			`{"text":"| city | mobile | zip |\n|---|---|---|\n| Bergen | 912 40 377 | 5003 |\n| Perth | 0498123456 | 6000 |"}`,
			`{"text":"| city | mobile | zip |\n|---|---|---|\n| Bergen | [REDACTED:phone] | 5003 |\n| Perth | [REDACTED:phone] | 6000 |"}`,
		},
		{`[{"content":"name\tTel\tPLZ\nKim\t6123 4410\t8001"}]`, `[{"content":"name\tTel\tPLZ\nKim\t[REDACTED:phone]\t8001"}]`},
		{"| Ort | PLZ |\n|---|---|\n| Graz | 8010 1234 |", "| Ort | PLZ |\n|---|---|\n| Graz | 8010 1234 |"},
		// In a phone context: 7 to 15 digits in any phone notation.
		{"Tel. 555-0134", "Tel. [REDACTED:phone]"},
		{"Telefon: 03/287.11.45", "Telefon: [REDACTED:phone]"},
		{"mobile 0 (532) 412-27-33", "mobile [REDACTED:phone]"},
		{"call log 20240315143207", "call log 20240315143207"},               // a time stamp
		{"phones: 19991231, 202403151432", "phones: 19991231, 202403151432"}, // dates
		{"+1 646 555 0100,,88230783082#,,,,*354410#", "[REDACTED:phone],,88230783082#,,,,*[REDACTED:password]#"},
		{"direct deposit to routing 021000021", "direct deposit to routing 021000021"}, // the nearer word wins
		{"Bestellung per Telefon 030 1234567", "Bestellung per Telefon [REDACTED:phone]"},
		{"Telefon 08-487 522 92\nBankgiro 5050-1055, Swish 123 536 31", "Telefon [REDACTED:phone]\nBankgiro 5050-1055, Swish 123 536 31"},
		// The answer to a question naming a phone.
		{"Bot: What mobile number should we text?\nUser: 9123456780", "Bot: What mobile number should we text?\nUser: [REDACTED:phone]"},
		{"Bot: Which order?\nUser: 9123456780", "Bot: Which order?\nUser: 9123456780"},
		// … or on its own line, right after the question.
		{"which mobile number should we use for the courier? 9123456780", "which mobile number should we use for the courier? [REDACTED:phone]"},
		{"Под каким телефоном вас найдёт курьер? 9123456780", "Под каким телефоном вас найдёт курьер? [REDACTED:phone]"},
		{"your phone or your order number? 9123456780", "your phone or your order number? 9123456780"},
		{"which mobile number should we use for the courier? ok, 9123456780", "which mobile number should we use for the courier? ok, 9123456780"},
		{"is the phone line down again? Ticket. 9123456780", "is the phone line down again? Ticket. 9123456780"},
		// … after a chat export's time stamp and the speaker's name.
		{"[28/02/26, 17:33] Bot: What mobile number should we text?\n[28/02/26, 17:34] Priya Sharma: 9123456780", "[28/02/26, 17:33] Bot: What mobile number should we text?\n[28/02/26, 17:34] Priya Sharma: [REDACTED:phone]"},
		{"07.09.2026, 13:44 - Bot: Your phone number?\n07.09.2026, 13:45 - Ravi: 9123456780", "07.09.2026, 13:44 - Bot: Your phone number?\n07.09.2026, 13:45 - Ravi: [REDACTED:phone]"},
		{"2026-11-22 13:55 Agent: your phone number?\n2026-11-22 13:56 Klient: 9123456780", "2026-11-22 13:55 Agent: your phone number?\n2026-11-22 13:56 Klient: [REDACTED:phone]"},
		{"[10:42] Agent: phone number?\n[10:43] Ravi: 9123456780", "[10:42] Agent: phone number?\n[10:43] Ravi: [REDACTED:phone]"},
		{"10:42 AM Agent: phone number?\n10:43 PM Ravi K.: 9123456780", "10:42 AM Agent: phone number?\n10:43 PM Ravi K.: [REDACTED:phone]"},
		{"9/7/26, 1:44 pm - Agent: mobile?\n9/7/26, 1:45 pm - ~ Ravi: 9123456780", "9/7/26, 1:44 pm - Agent: mobile?\n9/7/26, 1:45 pm - ~ Ravi: [REDACTED:phone]"},
		// Not a time stamp and a name: a line that starts otherwise, no
		// name, a log level, a long label, a digit in it, no real time.
		{"Agent: your phone number?\nOrder 2026-11-22 13:55: 9123456780", "Agent: your phone number?\nOrder 2026-11-22 13:55: 9123456780"},
		{"Agent: your phone number?\n2026-11-22 13:55: 9123456780", "Agent: your phone number?\n2026-11-22 13:55: 9123456780"},
		{"looking up phone number\n2026-11-22 13:55:02 INFO: 9123456780", "looking up phone number\n2026-11-22 13:55:02 INFO: 9123456780"},
		{"2026-11-22 13:55:01 api: lookup by phone number\n2026-11-22 13:55:02 worker: 9123456780", "2026-11-22 13:55:01 api: lookup by phone number\n2026-11-22 13:55:02 worker: 9123456780"},
		{"2026-11-22 13:55:01 Agent: your phone number?\n2026-11-22 13:55:40 Ravi: 9123456780", "2026-11-22 13:55:01 Agent: your phone number?\n2026-11-22 13:55:40 Ravi: [REDACTED:phone]"},
		{"Agent: phone number?\n[10:43] Ravi Kumar Singh Rao: 9123456780", "Agent: phone number?\n[10:43] Ravi Kumar Singh Rao: 9123456780"},
		{"Agent: phone number?\n10:43 Ravi: order 5: 9123456780", "Agent: phone number?\n10:43 Ravi: order 5: 9123456780"},
		{"Agent: phone number?\n25:61 Ravi: 9123456780", "Agent: phone number?\n25:61 Ravi: 9123456780"},
		{"Agent: phone number?\n13.13.2026 10:43 Ravi: 9123456780", "Agent: phone number?\n13.13.2026 10:43 Ravi: 9123456780"},
		{"[10:42] Bot: Which order?\n[10:43] Ravi: 9123456780", "[10:42] Bot: Which order?\n[10:43] Ravi: 9123456780"},
		// Extensions.
		{"call +1 312 555 0142 x88 today", "call [REDACTED:phone] today"},
		{"(312) 555-0142 ext. 4410, thanks", "[REDACTED:phone], thanks"},
		{"Tel. 0711 98765-0, Durchwahl 21", "Tel. [REDACTED:phone]"},
		{"(312) 555-0142 extra", "[REDACTED:phone] extra"},
		// A calling code without '+'.
		{"numer 48 512 987 654", "numer [REDACTED:phone]"},
		{"ring 34 612 98 76 54", "ring [REDACTED:phone]"},
		{"page 7 of 612 345 678", "page 7 of [REDACTED:phone]"}, // 7 needs 10 digits
		// Look-alikes in phone shapes.
		{"Cambridge, MA 02139-4307", "Cambridge, MA 02139-4307"},
		{"S/N 0234-5678-9012, part 0456-7890-1234", "S/N 0234-5678-9012, part 0456-7890-1234"},
		{"Date:   Thu Feb 29 08:15:42 2024 +0100", "Date:   Thu Feb 29 08:15:42 2024 +0100"},
		{"Date:   Tue Apr 2 11:03:27 2024 -0700", "Date:   Tue Apr 2 11:03:27 2024 -0700"},
		{"Mir 2200 1234 5678 9010", "Mir 2200 1234 5678 9010"}, // Luhn-invalid: neither card nor phones
		{"ISSN 0378-5955", "ISSN 0378-5955"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestCallingCodes(t *testing.T) {
	require.Greater(t, len(callingCodes), 200)
	for cc, l := range callingCodes {
		assert.True(t, cc > 0 && cc < 1000, "%d", cc)
		assert.True(t, l[0] >= 4 && l[0] <= l[1] && l[1] <= 17, "%d: %v", cc, l)
	}
	for _, cc := range []uint16{1, 7, 31, 32, 33, 34, 39, 41, 43, 44, 46, 48, 49, 52, 55, 61, 81, 82, 86, 91, 351, 353} {
		assert.Contains(t, callingCodes, cc)
	}
}

func TestFormatErrors(t *testing.T) {
	for _, p := range []string{"", "(", "0[9", "#{2", "#{3,1}", "x##", ") ##"} {
		_, err := compileFormat("XX", p)
		assert.Error(t, err, p)
	}
}

// TestWideDigits: numbers in full-width forms are read as the numbers they
// stand for; the placeholder covers the full-width run.
func TestWideDigits(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"携帯：０８０－１１２２－３３４４です", "携帯：[REDACTED:phone]です"},
		{"電話 ０６（６１２３）４５６７", "電話 [REDACTED:phone]"},
		{"TEL：＋８１　３－１２３４－５６７８", "TEL：[REDACTED:phone]"},
		{"手机：１５９１２３４５６７８，谢谢", "手机：[REDACTED:phone]，谢谢"},
		{"カード ４１１１ １１１１ １１１１ １１１１", "カード [REDACTED:credit_card]"},
		{"内線 ０３ー１２３４ー５６７８", "内線 [REDACTED:phone]"},
		// Not numbers to redact: prices, dates, counts, an order number.
		{"価格 １２，０００円", "価格 １２，０００円"},
		{"２０２４年１月１５日", "２０２４年１月１５日"},
		{"注文番号１２３４５６７８９０", "注文番号１２３４５６７８９０"},
		{"第３章　１．２．３", "第３章　１．２．３"},
		{"ＦＵＬＬ　ＷＩＤＴＨ only", "ＦＵＬＬ　ＷＩＤＴＨ only"},
		// Persian (U+06F0-06F9) and Arabic-Indic (U+0660-0669) digits.
		{"شماره من ۰۹۱۲ ۵۸۳ ۱۷۶۵ است.", "شماره من [REDACTED:phone] است."},
		{`{"phone_on_file":"+۹۸ ۹۱۲ ۳۶۴ ۴۹۴۹"}`, `{"phone_on_file":"[REDACTED:phone]"}`},
		{"رقم هاتفي ٠٥٠١٢٣٤٥٦٧ شكرا", "رقم هاتفي [REDACTED:phone] شكرا"},
		{"کد ملی من ۹۵۲-۵۲۴۷۵۵-۴ است", "کد ملی من [REDACTED:national_id] است"},
		{"SSN ٠٧٨-٠٥-١١٢٠", "SSN [REDACTED:ssn]"},
		{"مبلغ ۴٬۵۰۰٬۰۰۰ ریال", "مبلغ ۴٬۵۰۰٬۰۰۰ ریال"},
		{"تاریخ ۱۴۰۳/۰۸/۱۵", "تاریخ ۱۴۰۳/۰۸/۱۵"},
		{"کد ملی ۹۵۲-۵۲۴۷۵۵-۳", "کد ملی ۹۵۲-۵۲۴۷۵۵-۳"},
		{"سفارش ۱۲۳۴۵۶۷۸۹۰ رسید", "سفارش ۱۲۳۴۵۶۷۸۹۰ رسید"},
		// Devanagari (U+0966-096F) and Bengali (U+09E6-09EF) digits, and
		// text in those scripts with none, which stays as it is.
		{"मोबाइल नम्बर ९८४१२३४५६७ हो।", "मोबाइल नम्बर [REDACTED:phone] हो।"},
		{"বিকাশ নম্বর ০১৭১২-৩৪৫৬৭৮। ধন্যবাদ", "বিকাশ নম্বর [REDACTED:phone]। ধন্যবাদ"},
		{"আমার এনআইডি নম্বর ১৯৯০১২৩৪৫৬৭৮৯০১২৩", "আমার এনআইডি নম্বর [REDACTED:national_id]"},
		{"मैंने कल ५ किलो चावल खरीदे, कीमत ३४० रुपये।", "मैंने कल ५ किलो चावल खरीदे, कीमत ३४० रुपये।"},
		{"আমি গতকাল বাজারে গিয়েছিলাম। ভালো ছিল।", "আমি গতকাল বাজারে গিয়েছিলাম। ভালো ছিল।"},
		{"ร้านอาหารไทย 02-123-4567 เปิดทุกวัน", "ร้านอาหารไทย [REDACTED:phone] เปิดทุกวัน"}, // (ASCII digits after Thai letters)
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

// TestOnePieceLookalikes: numbers in one piece that fit a mobile plan but
// stand where other numbers stand (after a word naming another number, as a
// key's value, after '#', as a file name, before a unit) are not phones.
func TestOnePieceLookalikes(t *testing.T) {
	for _, s := range []string{
		"Auftragsnummer 0712345678", "Belegnummer: 0612345678", "Vorgangsnummer 0812345678", "numéro de commande 0612345678", "n° de facture 0712345678",
		"référence dossier 0612345678", "número de pedido 0612345678", "protocolo 0812345678", "pratica n. 0312345678", "nota fiscal 0912345678",
		"Sendungsnummer 00340434161094042557", "Tracking: 0612345678", "Kundennummer 0512345678", "Mitgliedsnummer 0712345678", "Vertragsnummer 0812345678",
		"ts=0712345678", "id=0612345678", "uid 0612345678", "user_id: 0712345678", "\"id\": 0812345678",
		"barcode 0712345678901", "EAN 4006381333931", "ISBN 0306406152", "ISBN-10: 0-306-40615-2", "UPC 036000291452",
		"Bestellung 13800138000", "serial 0712345678", "Zählernummer 0912345678", "Aktenzeichen 0312345678",
		"commit 0612345 (HEAD)", "build 0812345678", "PR #0712345678", "row 0612345678 of", "offset 0712345678 bytes",
		"1717171717", "1717171717123", "20240315103000", "09:12:44", "Total: 0612345678 bytes",
		"05.03.2024 10:30", "2024-03-05T10:30:00+01:00", "+0100", "UTC+05:30",
		"SE: 556036-0793", "org.nr 556036-0793", "VAT SE556036079301", "KvK 12345678", "EIN 12-3456789",
		"Steuernummer 21/815/08150", "USt-IdNr. DE136695976", "HRB 12345", "BIC DEUTDEFF",
		"invoice INV-0612345678", "0612345678.pdf", "file_0712345678.log", "v0.6.12345678",
		"BLZ 37040044", "routing 021000021", "sort code 20-45-77", "account 31926819",
		"orden 0612345678", "ordine 0612345678", "zamówienie 0612345678", "заказ 0612345678", "订单 13800138000", "注文 09012345678",
	} {
		assert.Equal(t, s, redactOne(t, s), s)
	}
	for _, c := range []struct{ in, want string }{
		{"phone=0612345678", "phone=[REDACTED:phone]"},
		{`{"mobile": "0612345678"}`, `{"mobile": "[REDACTED:phone]"}`},
		{"Telefonnummer 0612345678", "Telefonnummer [REDACTED:phone]"},
		{"Tel. Nr. 0612345678", "Tel. Nr. [REDACTED:phone]"},
		{"KR: 01098765432", "KR: [REDACTED:phone]"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestListedPhoneNotInAnotherColumn(t *testing.T) {
	const ph = "[REDACTED:phone]"
	for _, c := range []struct{ in, want string }{
		// An amount in the column after the phone's is no phone of a list.
		{"ho_ten,sdt,so_tien\nAn,0862081213,15.220.000\n", "ho_ten,sdt,so_tien\nAn," + ph + ",15.220.000\n"},
		// A list on a line of prose still is.
		{"phone 0862081213, 0862081214", "phone " + ph + ", " + ph},
		// Mongolian утас.
		{"Утас: 9435-8611, нөөц утас 9982-7696.", "Утас: " + ph + ", нөөц утас " + ph + "."},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

// TestCompanyNumbersAreNoPhones: company and tax registration numbers
// grouped in threes as phones are.
func TestCompanyNumbersAreNoPhones(t *testing.T) {
	redactCases(t, []struct{ in, want string }{
		{"Compte entreprise n° PRO-FR-000812, SIRET 812 345 678 00021.", ""},
		{"NIPC 509 112 334", ""},
		{"KvK 812 345 678", ""},
		{"Tel. 812 345 678", "Tel. [REDACTED:phone]"},
		// An ABN (its check passes), and a number whose country code the
		// word of another number stands before.
		{"Coastline Energy Pty Ltd ABN 33 051 775 556", ""},
		{"Business acct: ABN 51 824 753 556 (Sole trader)", ""},
		{"KvK 51 824 753 556", ""},
		{"call 51 824 753 556", "call [REDACTED:phone]"},
		// Turkish "transaction number": numarası is a phone's word alone.
		{"İşlem numarası 92187249874, 02.11.2026 saat 21:14", ""},
		{"ya da eşimin numarası 5055 497 341 ok", "ya da eşimin numarası [REDACTED:phone] ok"},
	})
}

// TestE164WithoutPlus: numbers in E.164 without their '+' in RADIUS
// accounting and in the prose of SMS and transfer logs ("received from",
// "TO", an arrow), only where the country's mobiles are listed in one
// piece; dates and ids after "from" and "to" are not phones.
func TestE164WithoutPlus(t *testing.T) {
	const ph = "[REDACTED:phone]"
	redactCases(t, []struct{ in, want string }{
		{`Calling-Station-Id = "33787309973"`, `Calling-Station-Id = "` + ph + `"`},
		{`{"log": "Calling-Station-Id = \"447506031458\""}`, `{"log": "Calling-Station-Id = \"` + ph + `\""}`},
		{"Rs 2,000.00 received from 923203044046 in your wallet", "Rs 2,000.00 received from " + ph + " in your wallet"},
		{"sent to 4915123456789 today", "sent to " + ph + " today"},
		{"2024-06-06 19:07 -> 447506031458 : delivered", "2024-06-06 19:07 -> " + ph + " : delivered"},
		{"upgrade from 20240101123 ok", ""},
		{"moved to 12345678901 ok", ""},
		{"cc-to=447506031458", ""},
		{"from 4915123456 to 4915123457", ""},
	})
}

// TestPhonesAfterPrepositionsAndWallets: Portuguese and Spanish "no" (in
// the) before a phone is no "No." for a number, and Colombia's mobile
// wallets name their phone numbers.
func TestPhonesAfterPrepositionsAndWallets(t *testing.T) {
	const ph = "[REDACTED:phone]"
	redactCases(t, []struct{ in, want string }{
		{"se precisar fala com a tia no (41) 98672-6035", "se precisar fala com a tia no " + ph},
		{"necesito retirar $350.000 a mi nequi 3048695125, la cédula es", "necesito retirar $350.000 a mi nequi " + ph + ", la cédula es"},
		{"Bestellung No. 0176 1234567", ""},
		{"ticket No: 040 382105-67", ""},
	})
}

// TestMobileMoneyPhones: M-Pesa's PartyA and "my line" name a phone.
func TestMobileMoneyPhones(t *testing.T) {
	const ph = "[REDACTED:phone]"
	redactCases(t, []struct{ in, want string }{
		{`"PartyA": "254707762844", "PartyB": "174379"`, `"PartyA": "` + ph + `", "PartyB": "174379"`},
		{"Send to till 8812034 or my line 0108062307", "Send to till 8812034 or my line " + ph},
		{"the line 4 of 0108062307", ""},
	})
}

// TestPhones13fAnd13g: a contact's and someone's number; a run whose first
// group another number's word names; freight numbers.
func TestPhones13fAnd13g(t *testing.T) {
	redactCases(t, []struct{ in, want string }{
		{"Contact no. 0927-423-0623 po.", "Contact no. [REDACTED:phone] po."},
		{"[8:44 pm] Aman: papa ka number 8152870873", "[8:44 pm] Aman: papa ka number [REDACTED:phone]"},
		{"Meeting ID: 219 583 104 772", ""},
		{"MAWB 020-27693400 HAWBs: 7444450436, 6379453662", ""},
		{"Note: our own IEC is 0751159932 and", ""},
		{"Su cel 55 4120 8876. Guía 939824258416, CP 06700.", "Su cel [REDACTED:phone]. Guía 939824258416, CP 06700."},
		{"Tel. 030 812 345 678", "Tel. [REDACTED:phone]"},
	})
}

func TestPhonesUnderTheirKeys(t *testing.T) {
	const ph = "[REDACTED:phone]"
	redactCases(t, []struct{ in, want string }{
		// Keys and XML elements whose name ends with a phone word, in camel
		// case or after '_', and WhatsApp's and a contact's numbers.
		{`{"ToName": "Ngoc", "ToPhone": "0912604471", "ToAddress": "12 Le Loi"}`, `{"ToName": "Ngoc", "ToPhone": "` + ph + `", "ToAddress": "12 Le Loi"}`},
		{`{"noTelp": "081398120457", "poli": "BEDAH"}`, `{"noTelp": "` + ph + `", "poli": "BEDAH"}`},
		{"<fone>21987451230</fone>", "<fone>" + ph + "</fone>"},
		{`demo keluhan="batuk" wa=6285712093348 done`, `demo keluhan="batuk" wa=` + ph + ` done`},
		{`{"name": "Devi", "contact": "0167203349", "postcode": "50450"}`, `{"name": "Devi", "contact": "` + ph + `", "postcode": "50450"}`},
		{`{"RecipientMsisdn":"233207761924"}`, `{"RecipientMsisdn":"` + ph + `"}`},
		{`customer_mobile=9812307754`, `customer_mobile=` + ph},
		// A gateway's transfer to a Nigerian, Kenyan, Ghanaian or South
		// African mobile in E.164 without '+'; their mobiles in one piece.
		{"Desc:TRF TO 2348031209934/OPAY Bal:NGN4,118.20", "Desc:TRF TO " + ph + "/OPAY Bal:NGN4,118.20"},
		{"received from 254712093348 on 14/6/24", "received from " + ph + " on 14/6/24"},
		{"mpigie 0712093348 kesho", "mpigie " + ph + " kesho"},
		{"the other driver, e be 0244120933", "the other driver, e be " + ph},
		// Kept: a key that only ends in the letters of a phone word, a
		// price, a number under a key naming no phone.
		{`{"iphone": "15", "smartphone_count": 12}`, ""},
		{`{"microphone": "0912604471"}`, ""},
		{`{"payer": "0912604471x"}`, ""},
		{`{"order": "0712093348"}`, ""},
	})
}

func TestChatStampsWithDashes(t *testing.T) {
	redactCases(t, []struct{ in, want string }{
		// A chat export's stamp with a two-digit year joined by '-' or '.'
		// before a time, on a line after Polish "kom." (a mobile's word).
		{"ik kom er niet in\n[12-03-25 09:20] Mirjam: ik stuur een link", ""},
		{"kom\n[12.03.25 09:20] M: ok", ""},
		// Still a phone after "kom.".
		{"kom. 601 234 567", "kom. [REDACTED:phone]"},
	})
}

func TestRegionalDevicesCardsAndPhones(t *testing.T) {
	const dev, card, ph, cvv = "[REDACTED:device_id]", "[REDACTED:credit_card]", "[REDACTED:phone]", "[REDACTED:card_cvv]"
	redactCases(t, []struct{ in, want string }{
		// A dual-SIM phone's IMEIs numbered after their label; Elcard and
		// ArCa cards; a Kazakh mobile in E.164 without '+' under to= and in
		// one piece; a card's code "on the back" in Russian.
		{"IMEI 1: 358472031187650\nIMEI-2: 864201055577315", "IMEI 1: " + dev + "\nIMEI-2: " + dev},
		{"карта 9417 0012 3456 7895, ПИН", "карта " + card + ", ПИН"},
		{"քարտը 9051 0098 7654 3216, եթե", "քարտը " + card + ", եթե"},
		{"provider=mobizon msg_id=325500683 to=77014402219 parts=1", "provider=mobizon msg_id=325500683 to=" + ph + " parts=1"},
		{"перезвоните 87014402219 пожалуйста", "перезвоните " + ph + " пожалуйста"},
		{"карта 4400 4302 1548 0028 срок 11/26, сзади 426", "карта " + card + " срок 11/26, сзади " + cvv},
		// Kept: a number after "IMEI" that fails Luhn, a 16-digit order
		// number from 9417, an order number from 87.
		{"IMEI 1: 358472031187651", ""},
		{"order 9417 0012 3456 7896", ""},
		{"заказ 87014402219", ""},
	})
}

func TestVATNumbersAreNoPhones(t *testing.T) {
	redactCases(t, []struct{ in, want string }{
		{"Farmacia San Marco, Milano\nP.IVA 09024265905", ""},
		{"TVA FR40303265045, tél. 01 45 67 89 01", "TVA FR40303265045, tél. [REDACTED:phone]"},
		{"Tel. 02 9024 2659", "Tel. [REDACTED:phone]"},
		// a US provider's NPI (public) is no phone either
		{"Rendering provider NPI: 1960202764\nPayment Date", ""},
	})
}
