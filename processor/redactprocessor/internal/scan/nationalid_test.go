// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The valid numbers here were generated for these tests with each
// format's public check-digit rule (not taken from any document); the
// invalid ones change one digit or letter.

func TestNationalIDs(t *testing.T) {
	const id = "[REDACTED:national_id]"
	for _, c := range []struct{ in, want string }{
		// Found without context: structure and check digit suffice.
		{"it's BNCGLI90E45F205C on the form", "it's " + id + " on the form"},
		{"CF: VRDLCU72B12H501L.", "CF: " + id + "."},
		{"Agent: National Insurance number for payroll?\nMe: sure, it's JG103721B.", "Agent: National Insurance number for payroll?\nMe: sure, it's " + id + "."},
		{"NINO JG103721B", "NINO " + id},
		{"part JG103721B", "part JG103721B"},
		{"sure, JG103721B", "sure, JG103721B"},
		{"NI number JG 10 37 21 B thanks", "NI number " + id + " thanks"},
		{"mi DNI es 21378775E vale", "mi DNI es " + id + " vale"},
		{"documento 98662305-X", "documento " + id},
		{"NIE Y3344024E", "NIE " + id},
		{"n° sécu 1 58 07 19 554 121 45", "n° sécu " + id},
		{"nir 275112410659628", "nir " + id},
		{"CPF 909.378.657-10", "CPF " + id},
		{"Cliente: 975.432.319-48", "Cliente: " + id},
		{"CNPJ 86.252.760/0001-01", "CNPJ " + id},
		{"身份证号 510107199110228411，谢谢", "身份证号 " + id + "，谢谢"},
		{"ID 44030519641108012X", "ID " + id},
		// Found only after a word naming them.
		{"Aadhaar: 7260 1815 9082", "Aadhaar: " + id},
		{"aadhaar no. 501661318603", "aadhaar no. " + id},
		{"PAN ABCPE1234F", "PAN " + id},
		{"mijn BSN is 791805888", "mijn BSN is " + id},
		{"Steuer-ID 53520561749", "Steuer-ID " + id},
		{"Steuer-ID: 98 310 679 247", "Steuer-ID: " + id},
		{"PESEL 88090745416", "PESEL " + id},
		{"personnummer 960518-9142", "personnummer " + id},
		{"personnummer 19520805-4261", "personnummer " + id},
		{"CPF 48757491127", "CPF " + id},
		// The answer to a question naming it.
		{"Agent: Mag ik uw BSN?\nKlant: 370053291", "Agent: Mag ik uw BSN?\nKlant: " + id},
		{"Agent: PESEL poproszę\r\nKlient: 62031576446 ok", "Agent: PESEL poproszę\r\nKlient: " + id + " ok"},
		{"Agent: your order number?\nUser: 370053291", "Agent: your order number?\nUser: 370053291"},
		{"Agent: BSN?\nKlant: ik stuur hem morgen, ordernummer 370053291", "Agent: BSN?\nKlant: ik stuur hem morgen, ordernummer 370053291"},
		// Not without their word, or with a wrong check.
		{"ref 791805888", "ref 791805888"},
		{"7260 1815 9082", "7260 1815 9082"},
		{"ticket ABCPE1234F", "ticket ABCPE1234F"},
		{"batch 960518-9142", "batch 960518-9142"},
		{"BSN 791805889", "BSN 791805889"},
		{"DNI 21378775F", "DNI 21378775F"},
		{"BNCGLI90E45F205D", "BNCGLI90E45F205D"},
		{"GB123456A QQ123456C AB123456E", "GB123456A QQ123456C AB123456E"},
		{"CPF 909.378.657-11", "CPF 909.378.657-11"},
		{"111.111.111-11", "111.111.111-11"},
		{"510107199113228411", "510107199113228411"}, // month 13
		{"1 58 07 19 554 121 46", "1 58 07 19 554 121 46"},
		{"Steuer-ID 12 345 678 901", "Steuer-ID 12 345 678 901"},
		{"SKU 12345678Z, part AB12345", "SKU 12345678Z, part AB12345"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestMoreNationalIDs(t *testing.T) {
	const id = "[REDACTED:national_id]"
	for _, c := range []struct{ in, want string }{
		{"주민등록번호 990524-2904982", "주민등록번호 " + id},
		{"RRN 930127-2326439 on file", "RRN " + id + " on file"},
		{"930127-2326438", "930127-2326438"}, // wrong check, no word
		{"ID number 6303046091189", "ID number " + id},
		{"60.12.07-418.37", id},
		{"rijksregisternummer 77032878513", "rijksregisternummer " + id},
		{"TC Kimlik No: 72129972278", "TC Kimlik No: " + id},
		{"fødselsnummer 140359 27000", "fødselsnummer " + id},
		{"NHS number 514 547 5276", "NHS number " + id},
		{"SIN number: 756 907 028", "SIN number: " + id},
		{"social insurance number 413-758-582", "social insurance number " + id},
		{"TFN 358 952 548", "TFN " + id},
		{"NIF 288437039", "NIF " + id},
		{"teudat zehut 669976763", "teudat zehut " + id},
		{"マイナンバー 8934 1834 4827", "マイナンバー " + id},
		{"RUT 8.059.435-6", "RUT " + id},
		{"9.187.312-5", id},
		{"15.847.686-K listo", id + " listo"},
		{"DNI 30.123.456", "DNI " + id},
		{"CURP GOMA850312HDFRRN09", "CURP " + id},
		{"LOPE920101MJCPRS09", id},
		{"HETU 131052-308T", "HETU " + id},
		{"230689-123L", id},
		// Look-alikes.
		{"9.187.312-4", "9.187.312-4"},
		{"run 756907028 passed", "run 756907028 passed"},
		{"GOMA850312HDFRRN08", "GOMA850312HDFRRN08"},
		{"230689-123M", "230689-123M"},
		{"ticket 8934 1834 4827", "ticket 8934 1834 4827"},
		{"30.123.456 views", "30.123.456 views"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestCardCVV(t *testing.T) {
	const cv = "[REDACTED:card_cvv]"
	for _, c := range []struct{ in, want string }{
		{"exp 09/28 cvv 314", "exp 09/28 cvv " + cv},
		{"CVC: 0871", "CVC: " + cv},
		{`{"cvc": "552", "exp": "10/27"}`, `{"cvc": "` + cv + `", "exp": "10/27"}`},
		{`{"cvv2":908}`, `{"cvv2":"` + cv + `"}`},
		{"security code 7731 on the back", "security code " + cv + " on the back"},
		{"Amex, CID 4102.", "Amex, CID " + cv + "."},
		{"Kartenprüfnummer 123", "Kartenprüfnummer " + cv},
		// A verb between the word and the code; words of three.
		{"the Amex CID is 4821, thanks", "the Amex CID is " + cv + ", thanks"},
		{"der CVC ist 907", "der CVC ist " + cv},
		{"código de seguridad 482.", "código de seguridad " + cv + "."},
		{"le code de sécurité: 771", "le code de sécurité: " + cv},
		{"the total is 438", "the total is 438"},
		{"this is 438 and it", "this is 438 and it"},
		{"the CVV policy is 365 days", "the CVV policy is 365 days"},
		{"your security code is 5512", "your security code is " + cv},
		// Not codes: no word, a longer number, a year or a decimal after the word.
		{"page 314 of the code", "page 314 of the code"},
		{"cvv 31415", "cvv 31415"},
		{"the CVV rule since 2019", "the CVV rule since 2019"},
		{"cvc 3.14", "cvc 3.14"},
		{"in 2024 the code", "in 2024 the code"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestIDChecks(t *testing.T) {
	assert.True(t, verhoeff([]byte("2363")))
	assert.False(t, verhoeff([]byte("2364")))
	assert.True(t, cfValid("RSSMRA85T10A562S"))
	assert.True(t, cnIDValid([]byte("330106196812139081")))
	assert.False(t, cnIDValid([]byte("330106196802309081"))) // February 30
	assert.True(t, peselValid([]byte("78091878323")))
	assert.True(t, steuerIDValid([]byte("28365461076")))
	assert.False(t, steuerIDValid([]byte("28365461077")))
	assert.False(t, steuerIDValid([]byte("11111111116"))) // one digit ten times
	assert.True(t, bsnValid([]byte("878017598")))
	assert.True(t, cnpjValid([]byte("97114710000184")))
	assert.True(t, nirValid([]byte("163027173006576")))
	assert.True(t, seValid([]byte("4707153237")))
	assert.False(t, seValid([]byte("4713153237"))) // month 13
}

// TestREADMEIDExamples: the examples of the README's table are found.
func TestREADMEIDExamples(t *testing.T) {
	for _, s := range []string{
		"AB 12 34 56 C", "12345678Z", "12345678-Z", "RSSMRA85T10A562S", "123.456.789-09", "12.345.678/0001-95",
		"900101-1234568", "85.07.30-033.28", "131052-308T", "NHS 943 476 5919", "SIN number 130 692 544",
		"TFN 123 456 782", "Aadhaar 2416 4106 8855", "BSN 1234.56.782",
	} {
		out := redactOne(t, "x "+s+" y")
		assert.Contains(t, out, "[REDACTED:national_id]", s)
		assert.NotContains(t, out, s[len(s)-3:], s)
	}
}
