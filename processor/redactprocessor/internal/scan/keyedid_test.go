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
