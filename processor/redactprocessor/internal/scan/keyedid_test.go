// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDrivingLicences: a driving licence number after a key or label
// naming it, and a GB (DVLA) number alone.
func TestDrivingLicences(t *testing.T) {
	const id = "[REDACTED:national_id]"
	for _, c := range []struct{ in, want string }{
		{`{"licence_number": "LLEWE501156GX9DK"}`, `{"licence_number": "` + id + `"}`},
		{`{"license_number": "D1234567"}`, `{"license_number": "` + id + `"}`},        // CA
		{`{"driver_license": "S5301234"}`, `{"driver_license": "` + id + `"}`},        // IL-like, letter + 7
		{`{"driverLicense": "123456789"}`, `{"driverLicense": "` + id + `"}`},         // NY, 9 digits
		{`{"driving_licence": "F598907113576"}`, `{"driving_licence": "` + id + `"}`}, // QC, letter + 12
		{"dl_number: W12345678", "dl_number: " + id},
		{"Driver's License: A123456789012", "Driver's License: " + id},
		{"driving licence no. MORGA753116SM9IJ", "driving licence no. " + id},
		{"permis de conduire n° F598907113576", "permis de conduire n° " + id},
		{`{"arguments": "{\"dl_number\": \"W12345678\"}"}`, `{"arguments": "{\"dl_number\": \"` + id + `\"}"}`},
		// GB numbers need no label: their shape is no other code's.
		{"driver licence CHOUD762255AX9ZB", "driver licence " + id},
		{"on file: LLEWE501156GX9DK, issue 03", "on file: " + id + ", issue 03"},
		{"SMIT9804287J99AB ok", id + " ok"}, // (surname of four letters, one initial)
		// Look-alikes: no licence word, software licences, the wrong shape.
		{`{"license": "MIT2024"}`, `{"license": "MIT2024"}`},
		{`{"license": "GPL3"}`, `{"license": "GPL3"}`},
		{`{"license_number": "pending"}`, `{"license_number": "pending"}`},
		{`{"license_number": "A1234"}`, `{"license_number": "A1234"}`},
		{`{"dl_number": "2024-05-01"}`, `{"dl_number": "2024-05-01"}`},
		{`{"build_number": "A1234567"}`, `{"build_number": "A1234567"}`},
		{"D1234567", "D1234567"},
		{"LLEWE531156GX9DK", "LLEWE531156GX9DK"}, // (month 31)
		{"LLEWE501156GX9DKX", "LLEWE501156GX9DKX"},
		{"LL9WE501156GX9DK", "LL9WE501156GX9DK"}, // (a letter after the padding)
		{"abcde501156gx9dk", "abcde501156gx9dk"},
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
}

func TestDVLALicence(t *testing.T) {
	for _, c := range []struct {
		w  string
		ok bool
	}{
		{"LLEWE501156GX9DK", true},
		{"CHOUD762255AX9ZB", true},
		{"LI999501156G99DK", true},
		{"LLEWE501356GX9DK", false}, // (month 13)
		{"LLEWE501006GX9DK", false}, // (day 00)
		{"LLEWE562156GX9DK", true},  // (a woman born in December: 62)
		{"LLEWE500056GX9DK", false}, // (month 00)
		{"LLEWE501100GX9DK", true},  // (day 10, year digit 0)
		{"LLEWE501106GX9DK", true},
		{"LLEWE501156GXADK", false}, // (no digit before the check characters)
		{"9LEWE501156GX9DK", false},
	} {
		assert.Equal(t, c.ok, dvlaLicence(c.w), c.w)
	}
}

// TestKeyedTaxAndHealthIDs: tax and health numbers after their key or
// label, and FHIR identifiers whose system names the kind.
func TestKeyedTaxAndHealthIDs(t *testing.T) {
	const id, ssn = "[REDACTED:national_id]", "[REDACTED:ssn]"
	const medicareSys = `"system": "http://ns.electronichealth.net.au/id/medicare-number", "value": "`
	for _, c := range []struct{ in, want string }{
		// US EIN: an IRS prefix, after its key.
		{`{"ein": "02-7310491"}`, `{"ein": "` + id + `"}`},
		{`{"employer_id": "02-7310491"}`, `{"employer_id": "` + id + `"}`},
		{"fein: 02-7310491", "fein: " + id},
		{`{"ein": "027310491"}`, `{"ein": "` + id + `"}`},
		{`{"ein": "07-7310491"}`, `{"ein": "07-7310491"}`},               // (07: no IRS prefix)
		{`{"employer_id": "123456789"}`, `{"employer_id": "123456789"}`}, // (a row's id as often)
		{"Ich habe ein 02-7310491 gesehen", "Ich habe ein 02-7310491 gesehen"},
		// UK UTR: 10 digits after its key.
		{`{"utr": "1234567890"}`, `{"utr": "` + id + `"}`},
		{`{"utr": "12345 67890"}`, `{"utr": "` + id + `"}`},
		{"UTR: 1234567890K", "UTR: " + id},
		{`{"utr": "123456789012"}`, `{"utr": "123456789012"}`}, // (12 digits: a UPI payment's UTR)
		// AU Medicare: its check digit, after "medicare".
		{`{"medicare": "2123456701"}`, `{"medicare": "` + id + `"}`},
		{"Medicare: 4617 58506 3", "Medicare: " + id},
		{"medicare_number=2123 45670 1", "medicare_number=" + id},
		{`{"medicareNumber": "29501012011"}`, `{"medicareNumber": "` + id + `"}`}, // (with the IRN)
		{`{"medicare": "2123456711"}`, `{"medicare": "2123456711"}`},              // (check digit 1, not 0)
		{`{"order_id": "2123456701"}`, `{"order_id": "2123456701"}`},
		// FHIR identifiers.
		{`{` + medicareSys + `2378128963"}`, `{` + medicareSys + id + `"}`},
		{
			`{"identifier": [{"use": "official", "type": {"coding": [{"code": "MC"}]}, ` + medicareSys + `2378128963"}]}`,
			`{"identifier": [{"use": "official", "type": {"coding": [{"code": "MC"}]}, ` + medicareSys + id + `"}]}`,
		},
		{
			`{"args": "{\"system\": \"http://ns.electronichealth.net.au/id/medicare-number\", \"value\": \"2378128963\"}"}`,
			`{"args": "{\"system\": \"http://ns.electronichealth.net.au/id/medicare-number\", \"value\": \"` + id + `\"}"}`,
		},
		{`{"system": "urn:oid:2.16.840.1.113883.4.1", "value": "123456789"}`, `{"system": "urn:oid:2.16.840.1.113883.4.1", "value": "` + ssn + `"}`},
		{`{"system": "http://hl7.org/fhir/sid/us-ssn", "value": "123456789"}`, `{"system": "http://hl7.org/fhir/sid/us-ssn", "value": "` + ssn + `"}`},
		{`{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}`, `{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "` + id + `"}`},
		{`{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}`, `{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}`}, // (a provider's)
		{`{"system": "urn:oid:2.16.840.1.113883.4.1", "value": "666123456"}`, `{"system": "urn:oid:2.16.840.1.113883.4.1", "value": "666123456"}`},
		// Generic national_id keys: 8 to 13 digits.
		{`{"nationalId": "12345678"}`, `{"nationalId": "` + id + `"}`},
		{`{"nationalIdNumber": "1234-5678-90"}`, `{"nationalIdNumber": "` + id + `"}`},
		{`{"national_id_number": "049-091-850"}`, `{"national_id_number": "` + id + `"}`}, // (NZ IRD)
		{`{"nationalId": "1234567"}`, `{"nationalId": "1234567"}`},
		// A number of a kind of its own under such a key is reported as that kind.
		{`{"national_id": "123-45-6789"}`, `{"national_id": "` + ssn + `"}`},
		{`{"license_number": "4111111111111111"}`, `{"license_number": "[REDACTED:credit_card]"}`},
		{`{"nationalId": "12345678901234"}`, `{"nationalId": "12345678901234"}`},
		// Labels: "Tax file / ID", a bare "ID:" before a number its check passes.
		{"Tax file / ID: 046 454 286", "Tax file / ID: " + id},
		{"Patient record\nName: Mary\nID: 2793988C\n", "Patient record\nName: Mary\nID: " + id + "\n"},
		{"Customer\nID: 7007249120088\n", "Customer\nID: " + id + "\n"},
		{"Customer\nID: 7007249120089\n", "Customer\nID: 7007249120089\n"}, // (fails Luhn)
		{"Order ID: 2793988C", "Order ID: 2793988C"},
		{"ID: 2793988D", "ID: 2793988D"}, // (the wrong check letter)
	} {
		assert.Equal(t, c.want, redactOne(t, c.in), c.in)
	}
	assert.True(t, medicareValid([]byte("2123456701")))
	assert.True(t, medicareValid([]byte("4617585063")))
	assert.False(t, medicareValid([]byte("1123456701"))) // (first digit 2-6)
	assert.False(t, medicareValid([]byte("2123456791")))
}
