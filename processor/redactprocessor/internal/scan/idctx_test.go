// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The identity numbers here were generated for these tests with each
// kind's public check rule; none is taken from a document.

func TestIDColumnContext(t *testing.T) {
	const id, ssn = "[REDACTED:national_id]", "[REDACTED:ssn]"
	redactCases(t, []struct{ in, want string }{
		// A column headed by a word naming identity numbers: each cell that
		// passes the check of a kind the header names.
		{
			"emp\tname\tnational_id\tcountry\nE1\tAnna Vogel\t32007154601\tDE\nE2\tBram de Wit\t981748946\tNL\n" +
				"E3\tRavi Nair\t575920913267\tIN\nE4\tOla Nowak\t59070736528\tPL\nE5\tSara Berg\t19630820-4731\tSE\nE6\tTom Hale\tWP482193C\tGB",
			"emp\tname\tnational_id\tcountry\nE1\tAnna Vogel\t" + id + "\tDE\nE2\tBram de Wit\t" + id + "\tNL\n" +
				"E3\tRavi Nair\t" + id + "\tIN\nE4\tOla Nowak\t" + id + "\tPL\nE5\tSara Berg\t" + id + "\tSE\nE6\tTom Hale\t" + id + "\tGB",
		},
		// A row that left the column empty is no header for the rows below.
		{
			"ticket,name,national_id,iban\nCS-1,Femke,,NL49BUNQ5296405211\nCS-2,Daan,586705715,\nCS-3,Lotte,,\nCS-4,Bram,435794449,x",
			"ticket,name,national_id,iban\nCS-1,Femke,,[REDACTED:iban]\nCS-2,Daan," + id + ",\nCS-3,Lotte,,\nCS-4,Bram," + id + ",x",
		},
		{"nr;name;Steuer-ID;ort\n1;Max Roth;75428138607;Köln", "nr;name;Steuer-ID;ort\n1;Max Roth;" + id + ";Köln"},
		{"| # | Name | SSN |\n|---|:---|---|\n| 1 | Ann Lee | 034011470 |\n| 2 | Bo Kim | 257457153 |", "| # | Name | SSN |\n|---|:---|---|\n| 1 | Ann Lee | " + ssn + " |\n| 2 | Bo Kim | " + ssn + " |"},
		{"name,Tax ID,city\nJoão,871308526,Porto", "name,Tax ID,city\nJoão," + id + ",Porto"},
		// Quoted fields hold the separator (RFC 4180), also escaped inside
		// a JSON string.
		{"id,name,national_id,city\n33739,\"Håkansson, Björn\",811218-9876,Lund", "id,name,national_id,city\n33739,\"Håkansson, Björn\"," + id + ",Lund"},
		{"nr;name;Steuer-ID\n1;\"Roth; \"\"Max\"\"\";75428138607", "nr;name;Steuer-ID\n1;\"Roth; \"\"Max\"\"\";" + id},
		{`{"content":"id,name,BSN\n7,\"Smit, Jan\",871308526"}`, `{"content":"id,name,BSN\n7,\"Smit, Jan\",` + id + `"}`},
		// A fixed-width extract: the header word stands over the value.
		{
			"SSN       LAST-NAME  FIRST  PHONE\n034011470 LEE        ANN    4155550123\n257457153 KIM        BO     2125550188",
			"SSN       LAST-NAME  FIRST  PHONE\n" + ssn + " LEE        ANN    [REDACTED:phone]\n" + ssn + " KIM        BO     [REDACTED:phone]",
		},
		{"ORDER     LAST-NAME  FIRST\n034011470 LEE        ANN", "ORDER     LAST-NAME  FIRST\n034011470 LEE        ANN"},
		// The table inside a JSON string: its lines and tabs are escapes.
		{`{"content":"id\tname\tBSN\n7\tJan Smit\t871308526\n8\tEva Bos\t655583543"}`, `{"content":"id\tname\tBSN\n7\tJan Smit\t` + id + `\n8\tEva Bos\t` + id + `"}`},
		// Look-alikes: another column, a wrong check, another header.
		{"emp\tname\tinvoice\nE1\tAnna Vogel\t32007154601", "emp\tname\tinvoice\nE1\tAnna Vogel\t32007154601"},
		{"emp\tnational_id\nE2\t960148947", "emp\tnational_id\nE2\t960148947"},
		{"| # | SSN | routing |\n|---|---|---|\n| 1 | 034-01-1470 | 021000021 |", "| # | SSN | routing |\n|---|---|---|\n| 1 | " + ssn + " | 021000021 |"},
		{"national_id\tsku\nx\t5050-1055", "national_id\tsku\nx\t5050-1055"},
	})
}

func TestIDSentenceContext(t *testing.T) {
	const id, ssn = "[REDACTED:national_id]", "[REDACTED:ssn]"
	redactCases(t, []struct{ in, want string }{
		{"SSN: 034-01-1470   Alt SSN on file (no dashes): 257457153", "SSN: " + ssn + "   Alt SSN on file (no dashes): " + ssn},
		{
			"my SSN is 034-01-1470 (the portal wants it as 034011470 without dashes, or 034 01 1470 with spaces)",
			"my SSN is " + ssn + " (the portal wants it as " + ssn + " without dashes, or " + ssn + " with spaces)",
		},
		{"mijn BSN staat op de pas als 9817.48.946", "mijn BSN staat op de pas als " + id},
		{"BSN 9817.48.946", "BSN " + id},
		{"Aadhaar linked to my account is 5759 2091 3267", "Aadhaar linked to my account is 5759 2091 3267"}, // account is nearer
		{"Aadhaar (as printed on the card) 5759 2091 3267", "Aadhaar (as printed on the card) " + id},
		// The nearest word names another number, or the sentence ended.
		{"SSN 034-01-1470, routing 021000021", "SSN " + ssn + ", routing 021000021"},
		{"SSN 034-01-1470 and EIN 154130480", "SSN " + ssn + " and EIN 154130480"},
		{"SSN 034-01-1470, Rx BIN 610014, group 257457153", "SSN " + ssn + ", Rx BIN 610014, group 257457153"},
		{"The SSN was checked by the clerk on duty. Reply with 257457153 to confirm", "The SSN was checked by the clerk on duty. Reply with 257457153 to confirm"},
		{"SSN on file\n257457153", "SSN on file\n257457153"},
		{"SSN 034-01-1470 or 666123456 or 900123456", "SSN " + ssn + " or 666123456 or 900123456"},
		{"the BSN was checked, app version 9817.48.946", "the BSN was checked, app version 9817.48.946"},
		{"versie 9817.48.946", "versie 9817.48.946"},
		{"aadhaar-sync uid=0 gid=0 pid 575920913267", "aadhaar-sync uid=0 gid=0 pid 575920913267"},
		// A number right after a question on its line answers it.
		{"mijn BSN hoef je toch niet? 9817.48.946", "mijn BSN hoef je toch niet? " + id},
		{"the SSN you asked for? 257457153", "the SSN you asked for? " + ssn},
		{"Is het BSN nog nodig voor de aanvraag?  9817.48.946 dan", "Is het BSN nog nodig voor de aanvraag?  " + id + " dan"},
		// Not a word between, a question before the question, another
		// number's word nearer, a wrong check (the word further back than
		// the four words contextNear reads).
		{"Heb je mijn BSN echt nodig voor de aanvraag? versie 9817.48.946", "Heb je mijn BSN echt nodig voor de aanvraag? versie 9817.48.946"},
		{"Was the SSN needed for this form? Which one is it? 257457153", "Was the SSN needed for this form? Which one is it? 257457153"},
		{"is the SSN needed for the routing change today? 257457153", "is the SSN needed for the routing change today? 257457153"},
		{"mijn BSN hoef je toch niet? 9817.48.947", "mijn BSN hoef je toch niet? 9817.48.947"},
	})
}

// tableDoc is a table of rows customers with a 10-digit number in the
// column named header; jsonEsc writes it inside a JSON string.
func tableDoc(header string, rows int, jsonEsc bool) string {
	var b strings.Builder
	nl, tab := "\n", "\t"
	if jsonEsc {
		nl, tab = `\n`, `\t`
		b.WriteString(`{"role":"tool","content":"`)
	}
	b.WriteString("id" + tab + "name" + tab + header + tab + "city" + nl)
	for k := range rows {
		fmt.Fprintf(&b, "%d%sCustomer %d%s%010d%sBerlin%s", 100000+k, tab, k, tab, 4155550000+int64(k)*7919, tab, nl)
	}
	if jsonEsc {
		b.WriteString(`"}`)
	}
	return b.String()
}

// TestLongTables: a header found for one row serves the rows under it, as
// far down as the table goes; another table after it has its own.
func TestLongTables(t *testing.T) {
	for _, jsonEsc := range []bool{false, true} {
		doc := tableDoc("phone", 150, jsonEsc)
		out := redactOne(t, doc)
		assert.Equal(t, 150, strings.Count(out, "[REDACTED:phone]"), "json %v", jsonEsc)
		two := doc + "id\tname\tinvoice\tcity\n1\tA\t4155550123\tRom\n2\tB\t4155550124\tRom"
		if jsonEsc {
			two = tableDoc("phone", 150, false) + "id\tname\tinvoice\tcity\n1\tA\t4155550123\tRom\n2\tB\t4155550124\tRom"
		}
		out = redactOne(t, two)
		assert.Equal(t, 150, strings.Count(out, "[REDACTED:phone]"), "json %v", jsonEsc)
		assert.Contains(t, out, "4155550123\tRom\n2\tB\t4155550124")
	}
}

// BenchmarkRedactTables: tables of 300 rows whose cells need the column
// header (phone) or are looked up and refused (account), raw and inside a
// JSON string.
func BenchmarkRedactTables(b *testing.B) {
	r := newTestRedactor(b)
	st := r.NewState()
	for _, c := range []struct {
		name, header string
		json         bool
	}{{"phone", "phone", false}, {"account", "account", false}, {"phone-json", "phone", true}, {"account-json", "account", true}} {
		doc := tableDoc(c.header, 300, c.json)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				st.Reset()
				r.Redact(doc, st)
			}
		})
	}
}

// TestIDSQLColumn: a value of an SQL INSERT stands in the column its
// statement names (the numbers as in TestNationalIDs12c: python-stdnum's
// doctest examples, a BSN of TestNationalIDs).
func TestIDSQLColumn(t *testing.T) {
	const id = "[REDACTED:national_id]"
	redactCases(t, []struct{ in, want string }{
		{
			"INSERT INTO customers (id, full_name, national_id, created) VALUES\n(38958, 'Ana, Kos', '791805888', '19.07.2026'),\n(3199, 'Kadri', '36805280109', '2026-06-26'),\n(70835, 'Ivan', '8032056031', '17. 3. 2026');",
			"INSERT INTO customers (id, full_name, national_id, created) VALUES\n(38958, 'Ana, Kos', '" + id + "', '19.07.2026'),\n(3199, 'Kadri', '" + id + "', '2026-06-26'),\n(70835, 'Ivan', '" + id + "', '17. 3. 2026');",
		},
		{"insert into t (`national_id`, `phone`) values ('94577403194', '+385 91 234 5678');", "insert into t (`national_id`, `phone`) values ('" + id + "', '[REDACTED:phone]');"},
		// Look-alikes: another column, a wrong check, a tuple with no INSERT.
		{"INSERT INTO orders (id, national_id, order_no) VALUES\n(1, 'x', '791805888');", "INSERT INTO orders (id, national_id, order_no) VALUES\n(1, 'x', '791805888');"},
		{"INSERT INTO c (id, national_id) VALUES\n(1, '36805280108');", "INSERT INTO c (id, national_id) VALUES\n(1, '36805280108');"},
		{"SELECT (national_id, x) FROM t VALUES\n(1, '791805888')", "SELECT (national_id, x) FROM t VALUES\n(1, '791805888')"},
	})
}
