// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

// nationalFormats are the ways people write phone numbers of the big
// markets in national notation (no country code). A number in
// international notation (+CC or 00CC) needs no format: its country code
// and length are checked against callingCodes, in any grouping.
//
// To add a market or a format, add a line here and a case to
// TestNationalFormats (phone_test.go).
//
// Pattern syntax, one group of digits per run of digit tokens:
//
//	#      any digit            N      a digit 2-9
//	0-9    that digit           [..]   one of the digits and ranges
//	                                   listed ([89], [016-9])
//	{m,n}  the token before, m to n times
//	' '    one separator: a space (or no-break space), '-' or '.', the
//	       same at every ' ' of one number
//	_      a blank only (a space or no-break space)
//	- / .  that separator exactly
//	( )    parentheses around a group
//
// A pattern of one group is a number written in one piece: only the mobile
// ranges whose trunk prefix and exact length make them unlike other numbers
// (0612345678 in France, 01012345678 in Korea, 13800138000 in China) are
// listed; other one-piece numbers are phones only in a phone context
// (phoneContext). Numbers with fewer than 8 digits are not phones without a
// word such as "Tel." or "call" before them (phoneWords), and neither are
// numbers in a shape not listed here.
//
// German area codes start with 0 and 2-9; 01x are mobiles (015x, 016x,
// 017x) or services, so a DE/AT format starts 0[2-9] and the mobiles have
// lines of their own (0123-4567-8901 is a serial number).
//
// Sources: google/libphonenumber resources/PhoneNumberMetadata.xml at
// f7e3e88 (nationalPrefix, possibleLengths and availableFormats of each
// territory: a numberFormat's pattern, leadingDigits and
// nationalPrefixFormattingRule, and the exampleNumber of its types; read
// for AR, CO, CL, PE, ZA, NG, KE, PK, BD, SG, HK, TW, NZ, IL, GR, RO, CZ,
// NO, DK, FI, CH, UA, SA, AE, EG, VN and TH too), and the separators
// people type: DIN 5008 for Germany ("030 12345-67"), pairs for France
// ("06 12 34 56 78").
var nationalFormats = []struct{ region, pattern string }{
	// The exchange (second group) is 2-9 in the plan, but examples and
	// fictional numbers (555-123-4567) are written with any digit.
	{"US/CA", "N## ### ####"},     // 415-555-0100, 415.555.0100
	{"US/CA", "N## ###-####"},     // 415 555-0100
	{"US/CA", "(N##) ###-####"},   // (415) 555-0100
	{"US/CA", "(N##) ### ####"},   // (415) 555 0100
	{"US/CA", "(N##)###-####"},    // (415)555-0100
	{"US/CA", "1 N## ### ####"},   // 1-800-555-0100
	{"US/CA", "1 (N##) ###-####"}, // 1 (800) 555-0100

	{"GB", "0## #### ####"},   // 020 7946 0958
	{"GB", "0### ### ####"},   // 0161 496 0000, 0800 123 4567
	{"GB", "0#### ######"},    // 07700 900123, 01632 960001
	{"GB", "0#### #####"},     // 01632 96000
	{"GB", "0#### ### ###"},   // 07700 900 123
	{"GB", "(0##) #### ####"}, // (020) 7946 0958
	{"GB", "(0###) ### ####"}, // (0161) 496 0000
	{"GB", "(0####) ######"},  // (01632) 960001
	{"GB", "(0####) #####"},   // (01632) 96000

	{"DE/AT", "0[2-9]#{1,4} #{4,8}"},          // 030 1234567, 0171 1234567
	{"DE/AT", "0[2-9]#{1,4} #{2,8}-#{1,5}"},   // 040 382105-67 (DIN 5008 extension), 06221 54-0
	{"DE/AT", "0[2-9]#{1,4}/#{4,8}"},          // 089/1234567
	{"DE/AT", "0[2-9]#{1,4}/#{2,8}-#{1,5}"},   // 089/123456-0
	{"DE/AT", "0[2-9]#{1,4}/### ## ##"},       // 0676/712 09 40 (AT mobiles are written so)
	{"DE/AT", "0[2-9]#{1,4}/### ####"},        // 0664/123 4567
	{"DE/AT", "0[2-9]#{1,4}/## ## ##"},        // 089 / 12 34 56
	{"DE/AT", "0[2-9]#{1,4}/## ## ##-#{1,5}"}, // 089 / 12 34 56 - 0
	{"DE/AT", "0[2-9]#{1,4} / #{4,8}"},        // 089 / 1234567
	{"DE/AT", "(0[2-9]#{1,4}) #{4,8}"},        // (030) 1234567
	{"DE/AT", "(0[2-9]#{1,4}) #{2,8}-#{1,5}"}, // (040) 382105-67
	// DE mobiles: 015x, 016x, 017x (the other 01x are services).
	{"DE", "01[5-7]#{1,2} #{7,8}"},          // 0171 1234567, 0171-1234567
	{"DE", "01[5-7]#{1,2}/#{7,8}"},          // 0171/1234567
	{"DE", "01[5-7]#{1,2} #{3,4} #{3,4}"},   // 0171 123 4567
	{"DE", "(01[5-7]#{1,2}) #{7,8}"},        // (0171) 1234567
	{"DE", "01[5-7]#########"},              // 01711234567 (mobile, one piece)
	{"DE", "01[5-7]########"},               // 0151123456
	{"DE/AT", "0[2-9]#{1,4} #{3,4} #{3,4}"}, // 0171 123 4567, 030 1234 5678
	{"DE/AT", "0[2-9]#{1,4} ## ## ##"},      // 030 12 34 56
	{"DE/AT", "0[2-9]#{1,4} ### ## ##"},     // 030 123 45 67
	{"DE/AT", "0[2-9]#{1,4} ## ## ## ##"},   // 030 12 34 56 78
	{"DE/AT", "(0[2-9]#{1,4}) ## ## ##"},    // (030) 12 34 56
	{"DE/AT", "(0[2-9]#{1,4}) ### ## ##"},   // (030) 123 45 67
	{"DE/AT", "(0[2-9]#{1,4}) ## ## ## ##"}, // (030) 12 34 56 78
	{"AT", "01 #{5,9}"},                     // 01 5880012 (Vienna)
	{"AT", "01 ### ## ##"},                  // 01 234 56 78
	{"AT", "01 #{3,8}-#{1,5}"},              // 01 58800-12

	{"FR", "0# ## ## ## ##"}, // 06 12 34 56 78, 01.23.45.67.89
	{"FR", "0[67]########"},  // 0612345678 (mobile, one piece)

	{"ES", "[6-9]## ## ## ##"}, // 612 34 56 78
	{"ES", "[6-9]## ### ###"},  // 612 345 678 (and PT 912 345 678)
	{"ES", "[89]# ### ## ##"},  // 91 123 45 67

	{"IT", "0# #### ####"},  // 06 1234 5678
	{"IT", "0## ### ####"},  // 011 123 4567 (and NL, IE)
	{"IT", "0## #######"},   // 011 1234567
	{"IT", "0### ######"},   // 0471 123456
	{"IT", "0### ### ###"},  // 0471 123 456
	{"IT", "3## ### ####"},  // 347 123 4567
	{"IT", "3## #######"},   // 347 1234567
	{"IT", "3## ## ## ###"}, // 347 12 34 567
	{"IT", "0#-#{6,8}"},     // 02-12345678
	{"IT", "0##-#{6,7}"},    // 011-1234567
	{"IT", "0###-#{5,6}"},   // 0471-123456

	{"NL", "06 ########"},     // 06 12345678, 06-12345678
	{"NL", "06-## ## ## ##"},  // 06-12 34 56 78
	{"NL", "0## ### ## ##"},   // 020 123 45 67 (and CH 044 668 18 00)
	{"NL", "0## ## ## ###"},   // 020 12 34 567
	{"NL", "0##-### ####"},    // 020-123 4567
	{"NL", "0###-######"},     // 0251-123456
	{"NL", "06[1-58]#######"}, // 0612345678 (mobile, one piece)

	{"BE", "0# ### ## ##"},  // 02 123 45 67
	{"BE", "0## ## ## ##"},  // 010 12 34 56
	{"BE", "04## ## ## ##"}, // 0470 12 34 56
	// The slash after the area code (BE, AT Vienna), dots or blanks after it.
	{"BE", "0[239]/### ## ##"},  // 02/569.28.03
	{"BE", "0[15-8]#/## ## ##"}, // 010/45.67.89
	{"BE", "04##/## ## ##"},     // 0470/12.34.56
	{"AT", "01/### ## ##"},      // 01/452 52 20 (Vienna)
	{"AT", "01/#{3,4} #{3,4}"},  // 01/4525 220

	{"PL", "[4-8]## ### ###"},  // 512 345 678
	{"PL", "[1-9]# ### ## ##"}, // 22 123 45 67

	{"SE", "08-### ### ##"},     // 08-123 456 78
	{"SE", "08-### ## ##"},      // 08-123 45 67
	{"SE", "08-## ## ##"},       // 08-12 34 56
	{"SE", "0#{2,3}-## ## ##"},  // 031-12 34 56, 0771-12 34 56
	{"SE", "0#{2,3}-### ## ##"}, // 070-123 45 67
	{"SE", "0#{2,3}-### ###"},   // 031-123 456
	{"SE", "07# ### ## ##"},     // 070 123 45 67

	{"JP", "0# #### ####"},   // 03-1234-5678, 06-6123-4567
	{"JP", "0## ### ####"},   // 045-123-4567
	{"JP", "0## #### ####"},  // 090-1234-5678
	{"JP", "0### ## ####"},   // 0466-12-3456
	{"JP", "0### ### ###"},   // 0120-123-456
	{"JP", "0#### # ####"},   // 04992-1-2345
	{"JP", "0#(####)####"},   // 03(1234)5678
	{"JP", "(0#) ####-####"}, // (03) 1234-5678

	{"KR", "01[016-9] #### ####"}, // 010-1234-5678
	{"KR", "01[016-9] ### ####"},  // 011-123-4567
	{"KR", "02 #{3,4} ####"},      // 02-123-4567, 02-1234-5678
	{"KR", "0[3-6]# #{3,4} ####"}, // 031-123-4567
	{"KR", "010########"},         // 01012345678 (mobile, one piece)

	{"CN", "1[3-9]# #### ####"},  // 138 0013 8000
	{"CN", "0##-########"},       // 010-12345678
	{"CN", "0##-#### ####"},      // 010-1234 5678 (and IN 011-2345 6789)
	{"CN", "0###-#### ####"},     // 0755-1234 5678
	{"CN", "0###-#######"},       // 0755-1234567
	{"CN", "0###-########"},      // 0755-12345678
	{"CN", "0[3-9]##_####_####"}, // 0755 1234 5678 (not 0123-4567-8901, a serial)
	// Mobiles in one piece: libphonenumber's CN mobile ranges
	// (1(?:[38]\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\d{8}), so an
	// 11-digit customer number starting 141 or 194 is not one.
	{"CN", "1[38]#########"},        // 13800138000
	{"CN", "14[57]########"},        // 14512345678
	{"CN", "1[59][0-35-9]########"}, // 15012345678, 19912345678
	{"CN", "16[25-7]########"},      // 16612345678
	{"CN", "17[0-35-8]########"},    // 17712345678

	{"IN", "[6-9]#### #####"},  // 98765 43210
	{"IN", "0[6-9]#### #####"}, // 098765 43210
	{"IN", "0## #### ####"},    // 011 2345 6789 (also GB, CN)
	{"IN", "0### ### ####"},    // 0124 234 5678

	{"BR", "(##) 9####-####"},          // (11) 91234-5678
	{"BR", "(##) [2-5]###-####"},       // (11) 2345-6789
	{"BR", "(##)9####-####"},           // (11)91234-5678
	{"BR", "[1-9][1-9] 9####-####"},    // 11 91234-5678
	{"BR", "[1-9][1-9] [2-5]###-####"}, // 11 2345-6789
	{"BR", "(0##) [2-5]###-####"},      // (011) 2345-6789
	{"BR", "(0##) 9####-####"},         // (019) 97168-0724 (a mobile with the trunk 0)
	{"BR", "(##) 9########"},           // (92) 983025327
	{"BR", "[1-9][1-9]_9####.####"},    // 51 98407.1757
	{"BR", "55 [1-9][1-9] 9########"},  // 55 85 983301992 (the country code without its +)

	{"MX", "55 #### ####"},     // 55 1234 5678 (Mexico City)
	{"MX", "56 #### ####"},     // 56 1234 5678
	{"MX", "33 #### ####"},     // 33 1234 5678 (Guadalajara)
	{"MX", "81 #### ####"},     // 81 1234 5678 (Monterrey)
	{"MX", "(55) #### ####"},   // (55) 1234 5678
	{"MX", "(33) #### ####"},   // (33) 1234 5678
	{"MX", "(81) #### ####"},   // (81) 1234 5678
	{"MX", "(55) ####-####"},   // (55) 1234-5678
	{"MX", "(33) ####-####"},   // (33) 1234-5678
	{"MX", "(81) ####-####"},   // (81) 6788-7619
	{"MX", "[2-9]## ### ####"}, // 222 123 4567

	{"AU", "(0[2378]) #### ####"}, // (02) 9876 5432
	{"AU", "0[2378] #### ####"},   // 02 9876 5432
	{"AU", "04## ### ###"},        // 0412 345 678
	{"AU", "04## ######"},         // 0412 345678
	{"AU", "04[0-9]#######"},      // 0412345678 (mobile, one piece)
	{"AU", "1[38]00 ### ###"},     // 1300 123 456, 1800 123 456

	{"IE", "01 ### ####"},      // 01 234 5678 (Dublin)
	{"IE", "(01) ### ####"},    // (01) 234 5678
	{"IE", "08[3-9] ### ####"}, // 087 123 4567

	{"PT", "2# ### ####"}, // 21 234 5678

	// Russia: trunk 8, then the area or mobile code of 3 digits.
	{"RU", "8 (###) ###-##-##"},   // 8 (495) 987-65-43
	{"RU", "8(###)###-##-##"},     // 8(495)987-65-43
	{"RU", "8 (###) ### ## ##"},   // 8 (495) 987 65 43
	{"RU", "8 (###) ###-####"},    // 8 (495) 987-6543
	{"RU", "8-[3-9]##-###-##-##"}, // 8-916-123-45-67
	{"RU", "8 [3-9]## ###-##-##"}, // 8 916 123-45-67, 8 800 555-35-35
	{"RU", "8 [3-9]## ### ## ##"}, // 8 916 123 45 67
	{"RU", "89#########"},         // 89161234567 (mobile, one piece)
	// Kazakhstan shares +7 and the trunk 8: its mobiles are 70x, 747, 75x,
	// 76x, 77x (libphonenumber's KZ mobile pattern), in one piece 87012345678.
	{"RU", "87[0-7]########"}, // 87012345678 (a Kazakh mobile, one piece)

	{"HU", "06 [2357]0 ### ####"}, // 06 30 123 4567 (mobile)
	{"HU", "06 31 ### ####"},      // 06 31 123 4567
	{"HU", "06 1 ### ####"},       // 06 1 234 5678 (Budapest)
	{"HU", "06-[2357]0-###-####"}, // 06-30-123-4567
	{"HU", "06-[2357]0/###-####"}, // 06-70/508-4997
	{"HU", "06 [2357]0/### ####"}, // 06 30/123 4567
	{"HU", "06[2357]0#######"},    // 06301234567 (mobile, one piece)

	{"ID", "08[1-35-9]# #{3,4} #{3,4}"}, // 0812-3456-7890, 0812 345 6789
	{"ID", "08[1-35-9]#-#{6,9}"},        // 0812-34567890
	{"ID", "08[1-35-9]#{7,10}"},         // 081234567890 (mobile, one piece)
	// ID landlines of 2-digit areas (2[124], [36]1): "($NP$FG) $2".
	{"ID", "(02[124]) #### ####"}, // (021) 5490 4779
	{"ID", "(0[36]1) #### ####"},  // (031) 5490 4779

	{"MY", "01[0-46-9]-### ####"},  // 012-345 6789
	{"MY", "01[0-46-9]-#### ####"}, // 011-1234 5678
	{"MY", "01[0-46-9]-#{7,8}"},    // 012-3456789
	{"MY", "0[3-9]-#### ####"},     // 03-2161 1234 (Kuala Lumpur)

	{"SA", "05# ### ####"},       // 050 123 4567
	{"SA", "05########"},         // 0501234567 (mobile, one piece)
	{"AE", "05[02-68] ### ####"}, // 050 123 4567
	{"AE", "05[02-68]#######"},   // 0501234567

	{"TR", "05## ### ## ##"},    // 0532 123 45 67
	{"TR", "0 (5##) ### ## ##"}, // 0 (532) 123 45 67
	// TR landlines [24][1-8]x, 3[1-9]x: "($NP$FG) $2 $3 $4" (as the DE/AT
	// "(0[2-9]…) ### ## ##" above), and the trunk before the parentheses.
	{"TR", "0 ([2-4]##) ### ## ##"}, // 0 (212) 248 73 29
	// Mobiles in one piece: libphonenumber's TR mobile ranges
	// (5(?:[03-5]\d|1[06]|24|6[24]|7[245]|9[46])\d{7}), not any 05….
	{"TR", "05[03-5]########"}, // 05321234567
	{"TR", "051[06]#######"},   // 05101234567
	{"TR", "0524#######"},      // 05241234567
	{"TR", "056[24]#######"},   // 05621234567
	{"TR", "057[245]#######"},  // 05721234567
	{"TR", "059[46]#######"},   // 05941234567
	{"GB", "07[1-9]########"},  // 07700900123 (mobile, one piece)
	{"JP", "0[789]0########"},  // 09012345678 (mobile, one piece)
	{"VN", "0[35789]########"}, // 0912345678 (mobile, one piece)
	{"TH", "0[689]########"},   // 0812345678 (mobile, one piece)
	{"PH", "09#########"},      // 09171234567 (mobile, one piece)
	{"PH", "09## ### ####"},    // 0917 123 4567
	{"EG", "01[0-25]########"}, // 01012345678 (mobile, one piece)
	{"NZ", "02[1279]#######"},  // 0221234567 (mobile, one piece: 021, 022, 027, 029 with 7 digits)

	// The lines below are libphonenumber's national formats ("$NP$FG $2":
	// the trunk prefix before the first group, "($FG) $2" the first group
	// in parentheses) unless their comment names another convention. Many
	// markets write their numbers in a shape a line above already takes: ZA 010 123 4567, KE 0712 123456, RO
	// 0712 034 567, NG 0802 123 4567, PK 0301 2345678, BD 01812-345678,
	// TW 0912 345 678, NZ 021 123 4567, IL 050-234-5678, CH 078 123 45 67,
	// UA 050 123 4567, FI 041 2345678, VN 024 1234 5678, TH 081 234 5678,
	// SA 011 234 5678, PE 912 345 678, CO 321 123 4567, GR 691 234 5678,
	// CZ 601 123 456 (examples in TestNationalFormats). Left to the phone
	// context: the 8-digit numbers of NO, DK, SG and HK ("412 34 567",
	// "20 12 34 56", "9123 4567"): they have no trunk prefix, and a format
	// of digits and blanks needs 9 digits (national), so that 8 digits in
	// pairs or fours (amounts, codes, PINs) are not phones on their own;
	// CZ landlines "212 345 678" (a count in thousands) and GR Athens
	// "21 2345 6789" ("21 2019 2020", a row of years), also without a trunk
	// prefix.
	//
	// Argentina: trunk 0, an area code of 2 to 4 digits (11 Buenos Aires,
	// 351 Córdoba, 2966 Río Gallegos), 10 digits in all; a mobile is
	// dialled within the country as the area code, 15 and the number
	// ("$2 15-$3-$4"). 0351 423-4567 and 02966 12-3456 are the DE/AT
	// extension shape above.
	{"AR", "011 ####-####"},         // 011 2345-6789 (Buenos Aires)
	{"AR", "011 15-####-####"},      // 011 15-2345-6789 (mobile)
	{"AR", "0[23]## 15-###-####"},   // 0351 15-234-5678
	{"AR", "0[23]### 15-##-####"},   // 02966 15-12-3456
	{"AR", "(011) 15-####-####"},    // (011) 15-2345-6789
	{"AR", "(0[23]##) 15-###-####"}, // (0351) 15-234-5678
	{"AR", "[23]## 15-###-####"},    // 351 15-429-2589 (the trunk 0 left out)
	{"AR", "11 15-####-####"},       // 11 15-2345-6789
	// Colombia: landlines of 10 digits since 2021, 60 and the area's digit,
	// with no trunk prefix ("($FG) $2"); without the parentheses
	// ("601 2345678") they are left to the phone context. Mobiles 3xx are
	// the IT "3## #######" shape.
	{"CO", "(60[1-8]) #######"}, // (601) 2345678
	// Chile: no trunk prefix; Santiago 2 and mobiles 9, then 8 digits
	// ("$1 $2 $3", Santiago "($FG) $2 $3"). Only the parentheses make one
	// unlike other numbers: "2 2123 4567" and "9 6123 4567" are left to
	// the phone context ("2 2019 2020" is a row of years, "9 3512 4410"
	// a row of a table).
	{"CL", "(2) 2### ####"}, // (2) 2123 4567
	// Peru: Lima 01 and 7 digits, in parentheses ("($NP$FG) $2"); the
	// other areas, (044) 123456, are the DE/AT "(0…) …" shape.
	{"PE", "(01) #######"}, // (01) 1234567
	// Pakistan: mobiles 030x-034x, 037x in one piece (0301 2345678 and
	// 0300-1234567 are the DE/AT and CN lines).
	{"PK", "03[0-47]########"}, // 03012345678 (mobile, one piece)
	// Bangladesh: mobiles 013x-019x in one piece ("$NP$FG-$2",
	// 01812-345678, is the GB "0#### ######" line).
	{"BD", "01[3-9]########"}, // 01812345678 (mobile, one piece)
	// Nigeria, Kenya, Ghana, South Africa: the mobile ranges in one piece
	// (libphonenumber's mobile patterns: NG 070x, 080x, 081x, 090x, 091x
	// and 8 digits; KE 07xx and 6 digits; GH 020, 023-028, 050, 053-059
	// and 7; ZA 06x, 07x, 081-084 and 7). Not Kenya's newer 010x and 011x:
	// numbers of ten digits from 01 are as often other numbers.
	{"NG", "0[789][01]########"}, // 08031234567
	{"KE", "07########"},         // 0712345678
	{"KE", "01[01][0-5]######"},  // 0112345678 (Safaricom's 0110-0115, Airtel's 0100-0105)
	{"GH", "02[03-8]#######"},    // 0241234567
	{"GH", "05[03-9]#######"},    // 0541234567
	{"ZA", "0[67]########"},      // 0711234567
	{"ZA", "08[1-4]#######"},     // 0821234567
	// A one-digit area code after the trunk and 7 digits: TW 06 (Tainan),
	// NZ 09 (Auckland), 03 (Christchurch), IL 03 (Tel Aviv), AE 04
	// (Dubai) ("$NP$FG $2 $3"; 02 is the KR line). Blanks only: the IL
	// dashes ("$NP$FG-$2-$3", 03-123-4567) are the shape of a D-U-N-S
	// number (06-070-4780) and left to the phone context.
	{"TW/NZ/IL/AE", "0[3-9]_###_####"}, // 03 234 5678, 04 234 5678
	{"TW", "(0[2-9]) ###-####"},        // (06) 234-5678
	// ... and in parentheses, as New Zealand and the Emirates write it
	// ("(09) 379 0000"; libphonenumber prints no parentheses there).
	{"NZ/AE/TW", "(0[2-9]) ### ####"}, // (09) 123 4567, (04) 234 5678
	// A one-digit area code and 7 or 8 digits in one group: FI Helsinki
	// 09, EG Cairo 02 and Alexandria 03; blanks only (03.1415926 is a
	// number).
	{"FI/EG", "0[235689]_#{7,8}"}, // 09 1234567, 02 34567890
	// Egypt: mobiles 010, 011, 012, 015 and 8 digits ("$NP$1 $2").
	{"EG", "01[0-25] ########"}, // 010 01234567
	// Ukraine: libphonenumber writes "050 123 4567" (the IT line); people
	// also write the code in parentheses and the number in groups of 3, 2
	// and 2, as in Russia without the trunk 8.
	{"UA", "(0[3-9]#) ###-##-##"}, // (050) 123-45-67, (044) 123-45-67
	{"UA", "0[3-9]# ###-##-##"},   // 050 123-45-67
}
