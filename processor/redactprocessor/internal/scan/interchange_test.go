// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestInterchangeFormats: values of X12, HL7 v2 and MICR records found by
// their place in the record; the public codes beside them (routing
// numbers, NPIs, a patient's account at the provider) kept.
func TestInterchangeFormats(t *testing.T) {
	r := newTestRedactor(t)
	for _, c := range []struct{ in, want string }{
		// X12 PER: the contact's numbers after TE, FX, CP; not after EX
		// (an extension), not in another segment.
		{"PER*IC*DANA WHITE*TE*3125550147*FX*3125550148~", "PER*IC*DANA WHITE*TE*[REDACTED:phone]*FX*[REDACTED:phone]~"},
		{"N4*TULSA*OK*74103~\nPER*BL*PROVIDER RELATIONS*CP*(918) 555-0121~", "N4*TULSA*OK*74103~\nPER*BL*PROVIDER RELATIONS*CP*[REDACTED:phone]~"},
		{"PER*IC*DANA WHITE*TE*3125550147*EX*4412~", "PER*IC*DANA WHITE*TE*[REDACTED:phone]*EX*4412~"},
		{"REF*TE*3125550147~", "REF*TE*3125550147~"},
		// X12 BPR: the two accounts after DA or SG; the routing numbers,
		// the amount, the company id and the date stay.
		{
			"BPR*I*1240.55*C*ACH*CCP*01*021000021*DA*7730091842*1364720195**01*011000138*SG*55102938*20250114~",
			"BPR*I*1240.55*C*ACH*CCP*01*021000021*DA*[REDACTED:bank_account]*1364720195**01*011000138*SG*[REDACTED:bank_account]*20250114~",
		},
		{"BPR*H*0*C*NON************20250114~", "BPR*H*0*C*NON************20250114~"},
		// The ISA envelope: ISA04 when ISA03 is 01, not ISA02 when ISA01
		// is 00, nor a blank ISA04.
		{
			"ISA*00*          *01*K7QWZP2M  *ZZ*SUBMIT01       *ZZ*RECEIVE02      *250114*0930*^*00501*000000917*0*P*:~",
			"ISA*00*          *01*[REDACTED:password]  *ZZ*SUBMIT01       *ZZ*RECEIVE02      *250114*0930*^*00501*000000917*0*P*:~",
		},
		{
			"ISA*00*          *00*          *ZZ*SUBMIT01       *ZZ*RECEIVE02      *250114*0930*^*00501*000000917*0*P*:~",
			"ISA*00*          *00*          *ZZ*SUBMIT01       *ZZ*RECEIVE02      *250114*0930*^*00501*000000917*0*P*:~",
		},
		// HL7 PID: PID-19 the SSN (9 digits or 3-2-4), PID-18 the
		// account kept, though it follows the phone fields.
		{
			"PID|1||88231^^^GEN^MR||OKAFOR^ADA||19720305|F|||9 ELM ST^^DOVER^DE^19901||302-555-0199|||||401927733|219097744\r",
			"PID|1||88231^^^GEN^MR||OKAFOR^ADA||19720305|F|||9 ELM ST^^DOVER^DE^19901||[REDACTED:phone]|||||401927733|[REDACTED:ssn]\r",
		},
		{"PID|1||88231||OKAFOR^ADA||19720305|F|||||||||||A90021|219-09-7744|||N", "PID|1||88231||OKAFOR^ADA||19720305|F|||||||||||A90021|[REDACTED:ssn]|||N"},
		// GT1-12, the guarantor's SSN; an invalid one (area 000) stays.
		{"GT1|1||OKAFOR^BEN||9 ELM ST^^DOVER^DE^19901|(302)555-0190||19700101|M||SE|219097744", "GT1|1||OKAFOR^BEN||9 ELM ST^^DOVER^DE^19901|[REDACTED:phone]||19700101|M||SE|[REDACTED:ssn]"},
		{"GT1|1||OKAFOR^BEN||||||M||SE|000127744", "GT1|1||OKAFOR^BEN||||||M||SE|000127744"},
		// An XTN phone given by parts: the area code and the local number.
		{"|^PRN^PH^^1^302^5550199~^NET^Internet^x@y|", "|^PRN^PH^^1^[REDACTED:phone]~^NET^Internet^x@y|"},
		{"|^PRN^CP^^^302^5550199|", "|^PRN^CP^^^[REDACTED:phone]|"},
		{"OBX|1|NM|^^^302^5550199|", "OBX|1|NM|^^^302^5550199|"},
		// A cheque's MICR line: the account before ⑈, the routing kept.
		{"⑆021000021⑆ 7730091842⑈ 1042", "⑆021000021⑆ [REDACTED:bank_account]⑈ 1042"},
		{"⑆021000021⑆7730-0918-42⑈", "⑆021000021⑆[REDACTED:bank_account]⑈"},
		{"7730091842⑈ 1042", "7730091842⑈ 1042"},
	} {
		got, _, _ := r.Redact(c.in, r.NewState())
		assert.Equal(t, c.want, got, c.in)
	}
}
