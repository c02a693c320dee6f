// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"strings"
	"unicode/utf8"
)

// National identity numbers (detector national_id). Each is checked by its
// own structure and check digit (public specifications); a number that
// could as well be something else (nine or eleven plain digits, twelve
// digits in fours) is one only after a word naming it (idWords):
//
//	number              form                              check            context
//	UK NINO             AB 12 34 56 C                     prefix letters   no
//	UK NINO             AB123456C                         prefix letters   yes
//	ES DNI / NIE        12345678Z, X1234567L              letter mod 23    no
//	IT codice fiscale   RSSMRA85T10A562S                  check letter     no
//	FR NIR              1 85 05 78 006 084 36, 15 digits  key 97 - n%97    no
//	BR CPF              123.456.789-09                    two mod 11       no (plain: yes)
//	BR CNPJ             12.345.678/0001-95                two mod 11       no (plain: yes)
//	CN resident ID      18 digits (last may be X)         ISO 7064 11-2    no (and a valid birth date)
//	IN Aadhaar          1234 5678 9012, 12 digits         Verhoeff         yes
//	IN PAN              ABCPE1234F                        holder letter    yes
//	NL BSN              9 digits                          11-proof         yes
//	DE Steuer-ID        11 digits, 12 345 678 901         ISO 7064 11,10   yes
//	PL PESEL            11 digits                         weights, date    yes
//	SE personnummer     YYMMDD-NNNC, YYYYMMDD-NNNC        Luhn, date       yes (19YYMMDD-NNNC: no)
//	CZ/SK rodné číslo   YYMMDD/NNNC                       mod 11, date     no (plain: yes)
//	TH citizen ID       1-2345-67890-12-1                 weights 13-2     no (plain: yes)
//	IR code melli       123-456789-0                      weights 10-2     no (plain: yes)
//	RO CNP              13 digits                         weights, date    yes
//	ZA ID               YYMMDD SSSS CAZ, 13 digits        Luhn, date       yes
//	GR ΑΦΜ (AFM)        9 digits                          powers of 2      yes
//	GR ΑΜΚΑ (AMKA)      DDMMYY + 5 digits                 Luhn, date       yes
//	UA РНОКПП / ІПН     10 digits                         weights          yes
//	ID NIK              16 digits                         date (no check)  yes
//	VN CCCD             12 digits, province 001-096       none             yes
//	PH SSS              12-3456789-0                      none             yes
//	KE national ID      8 digits                          none             yes
//	FI HETU             DDMMYY-NNNC, DDMMYYANNNC          mod 31, date     no
//	SG NRIC / FIN       S1234567D (S, T, F, G)            weights, letter  no
//	TW national ID      A123456789                        weights          yes
//	LT asmens kodas     11 digits, GYYMMDDSSSC            weights, 2 rounds, date  yes (or ID)
//	EE isikukood        11 digits, GYYMMDDSSSC            weights, 2 rounds, date  yes (or ID)
//	SI EMŠO / RS JMBG   13 digits, DDMMYYYRRBBBK          mod 11, date     yes (or ID)
//	HR OIB              11 digits                         ISO 7064 11,10   yes
//	BG ЕГН (EGN)        10 digits, YYMMDDSSSC             weights, date    yes
//	LV personas kods    DDMMYY-CNNNX, 32NNNN-NNNNN        mod 11, date     yes (or ID; 32…: its word)
//	IS kennitala        DDMMYY-RRCE                       mod 11, date     yes (or ID when dashed)
//	NO fødselsnummer    11 digits, DDMMYY IIIKK           two mod 11, date yes (or ID)
//	MY MyKad            YYMMDD-PB-###G                    date (no check)  yes (word or column)
//	AR CUIT / CUIL      20-12345678-9 (20…55 first)       weights mod 11   no (plain: yes)
//	RU ИНН (personal)   12 digits                         two mod 11       yes
//	IE PPS              1234567T, 1234567TA               mod 23 letter    yes
//	HU adóazonosító jel 10 digits, 8 first                weights 1-9 mod 11  yes
//	HU TAJ              9 digits, 749 038 393             weights 3 7 mod 10  yes
//	CH AHV / AVS        756.1234.5678.97, 13 digits       EAN-13, 756 first   no (plain: yes)
//	AT SVNR             1237 010180, 10 digits            weights mod 11 (4th) yes
//	GB UTR              70539 08692, 10 digits            weights mod 11 (1st) yes
//	DE RVNR             65 170839 J 003, 65170839J003     weights mod 10, date  no (together: yes)
//	PL NIP              856-734-62-15, 10 digits          weights mod 11      yes
//	SI davčna številka  8 digits                          weights 8-2 mod 11  yes
//	CL RUT / RUN        12345678-5, 12 345 678 5          mod 11           yes (12.345.678-5: no)
//	CO NIT              213.123.432-1, 10 digits          prime weights mod 11  no (plain: yes)
//	AE Emirates ID      784-YYYY-NNNNNNN-C                Luhn             no (plain: yes)
//	PK CNIC             NNNNN-NNNNNNN-N                   province, sex    no (plain: right after its word)
//	SA national ID      10 digits, 1 or 2 first           Luhn             yes (word or column)
//	EG national number  14 digits, CYYMMDDGG…             date, governorate  yes (word or column)
//	NG NIN / BVN        11 digits                         none             right after its word
//	CO cédula (CC)      7-10 digits, 1.046.655.079        none             right after its word or under it
//	AR DNI              7-8 digits, 12.345.678            none             after its word, under it (plain)
//	PE DNI              8 digits                          none             right after its word (DNI)
//	PE RUC (a person's) 11 digits, 10/15/17 first         weights mod 11   right after its word
//	BR RG (SP)          12.345.678-9                      weights 2-9 mod 11  right after its word
//	BR PIS/PASEP/NIT    123.45678.90-1                    weights mod 11   no (plain: right after its word)
//	BR título eleitor   1234 5678 0101                    two mod 11, state  right after its word
//	BR CNS (cartão SUS) 15 digits, 123 4567 8901 2345     weights 15-1 mod 11  right after its word
//	UY cédula (CI)      1.234.567-8, 8 digits             weights 2987634  no (plain: right after its word)
//	MX NSS (IMSS)       11 digits, 12-34-56-7890-1        Luhn             right after its word
//	MX clave de elector FLRYJN68042514M739                date, state, sex no
//	LK NIC              875178156V; 12 digits             old: birth day   old: no; new: right after its word
//	NP citizenship no.  10-03-59-35825                    district 01-77   no
//	NP PAN, PK NTN      9 digits; 1234567-8               none             right after its word
//	BD TIN (e-TIN)      12 digits                         none             right after its word
//	JO national number  10 digits, 9 or 2 first           none             right after its word
//	BE eID card number  916-6977659-31                    mod 97           no
//	KE KRA PIN, SHA     A074846282M, CR3999983783185-3    none             no (their forms)
//	KE ID, NHIF         8 digits                          none             right after its word
//	UG NIN              CM9497045LPBH6                    sex              no
//	TZ NIDA             19990601-21531-50682-68           birth date       no
//	RW national ID      1 1962 7 5005659 0 50, 16 digits  year, sex        no
//	ET Fayda FIN, FAN   12 digits, 16 digits              none             right after its word or under it
//	PH PhilSys          PSN 16 digits 4-4-4-4, PCN 4-4-4  none             right after its word
//	BD NID              10, 13 or 17 digits               none             right after its word
//	PL dowód osobisty   ABC123456                         weights 7 3 1 mod 10  yes
//	passport            6-9 capitals and digits           none             right after its word
//
// A JSON object may name the number in another member (objectLabel):
// {"display_name": "NIN", "value": "…"} (Paystack's custom fields), {"type":
// "NID", "number": "…"}; the label counts as the word right before it.
//
// After another country's word for an identity number, a number passes by
// the check of any kind of its form (anyKindValid, anyKindContext).
//
// Card security codes (detector card_cvv) are 3 or 4 digits right after
// CVV, CVC, CVV2, CID, CSC or "security code" (cvvWords).

// idWords name a national identity number just before it: generic words
// (genericIDWords) for any of them, and each number's own words for the
// numbers that need context (a number must pass the check of one the words
// name).
var (
	genericIDWords = []string{
		"kyc", "national id", "national insurance", "tax id", "taxpayer id", "id number", "identity number", "identification number", "id no", "id nr", "documento", "personal no", "personal number", "personal code", "tax file",
		// (as forms and people also write them: "National identifier:", "my
		// tax number is", "ID presented:", a portal's citizen_id)
		"national identifier", "tax identifier", "tax number", "tax no", "id presented", "citizen id", "citizenid",
	}
	bsnWords     = kindWords(l9, "bsn", "burgerservicenummer", "sofinummer", "sofi", "persoonsnummer") // (persoonsnummer: the BSN on a Dutch ID card)
	steuerWords  = kindWords(l11, "steuerid", "steuer id", "steueridentifikationsnummer", "identifikationsnummer", "idnr", "tin")
	peselWords   = kindWords(l11, "pesel")
	aadhaarWords = kindWords(l12, "aadhaar", "aadhar", "uidai", "uid", "आधार", "আধার", "ஆதார்", "ఆధార్", "ಆಧಾರ್") // (Devanagari, Bengali, Tamil, Telugu, Kannada)
	seWords      = kindWords([]int{10, 12}, "personnummer", "personnr", "samordningsnummer")
	cpfWords     = kindWords([]int{11, 14}, "cpf", "cnpj", "pix", "chave pix", "chave") // (a PIX key is as often a CPF)
	tcWords      = kindWords(l11, "tc kimlik", "kimlik", "tckn", "tc")                  // (TC: …, tc si …, TC'm: …: Türkiye Cumhuriyeti)
	snilsWords   = kindWords(l11, "снилс", "СНИЛС", "snils")
	// ruPassportWords name an internal Russian passport's series and
	// number ("паспорт 68 12 345678", "серия и номер 4510 123456").
	ruPassportWords = newContextWords("паспорт", "паспорта", "паспортные", "серия", "серия и номер", "номер паспорта")
	beWords         = kindWords(l11, "rijksregisternummer", "rijksregister", "rrn", "insz", "niss", "numéro national")
	noWords         = kindWords(l11, "fødselsnummer", "fodselsnummer", "fnr", "personnummer")
	cprWords        = kindWords(l10, "cpr", "cpr-nummer", "personnummer")
	nhsWords        = kindWords(l10, "nhs")
	utrKindWords    = kindWords(l10, "utr")
	sinWords        = kindWords(l9, "sin", "nas", "sin number", "sin no", "social insurance", "assurance sociale")
	tfnWords        = kindWords(l9, "tfn", "tax file number")
	irdWords        = kindWords([]int{8, 9}, "ird", "ird number", "ird no", "irdnumber", "inland revenue")
	nifWords        = kindWords(l9, "nif", "nifs", "contribuinte")
	ilWords         = kindWords(l9, "teudat", "zehut", "ת ז", "זהות") // (ת ז: ת.ז. and ת"ז, as the scanner splits them)
	myNumberWords   = kindWords(l12, "マイナンバー", "個人番号", "mynumber")
	rrnWords        = kindWords(l13, "주민등록번호", "주민번호", "rrn", "resident registration")
	zaWords         = kindWords(l13, "rsa id", "sa id", "umazisi", "kamazisi", "isazisi", "i id", "id nommer", "identiteitsnommer") // (isiZulu umazisi, inombolo kamazisi; isiXhosa isazisi; i-ID, as isiZulu writes a loanword; Afrikaans ID-nommer)
	// idQuestionWords, in the question a number answers, ask for an
	// identity number of a kind whose check and date make the number
	// itself one ("And your mother's ID?" / "Client: 550721 3592180").
	idQuestionWords = newContextWords("id", "id number", "identity number")
	ninoWords       = kindWords([]int{keyNINO}, "nino", "ni", "nin", "national insurance", "ni number", "insurance number", "payroll", "hmrc")
	dniWords        = kindWords([]int{keyDNI, 8, 9, 11}, "dni", "rut", "cuil", "cuit", "documento")
	czWords         = kindWords(l10, "rodné číslo", "rodne cislo", "rodného čísla", "rč", "rc")
	thWords         = kindWords(l13, "เลขประจำตัวประชาชน", "บัตรประชาชน", "เลขบัตรประชาชน", "เลขบัตร", "thai id")
	irWords         = kindWords(l10, "کد ملی", "کدملی", "شماره ملی", "melli", "code melli", "national code", "nc") // (NC: a national code abbreviated)
	roWords         = kindWords(l13, "cnp", "cod numeric personal")
	grWords         = kindWords([]int{9, 11}, "αφμ", "ΑΦΜ", "αμκα", "ΑΜΚΑ", "afm", "amka")
	uaWords         = kindWords(l10, "іпн", "ІПН", "рнокпп", "РНОКПП", "инн", "ИНН", "ipn", "rnokpp")
	innWords        = kindWords(l12, "инн", "ИНН", "inn")
	nikWords        = kindWords([]int{16}, "nik", "ktp", "nomor induk kependudukan")
	vnWords         = kindWords(l12, "cccd", "CCCD", "căn cước", "can cuoc", "cmnd", "CMND")
	sssWords        = kindWords(l10, "sss")
	phTINWords      = newContextWords("tin")
	// philhealthWords: the Philippine health insurer's member number (PIN,
	// 12 digits, printed 12-345678901-2; its check is not public)
	philhealthWords = newContextWords("philhealth", "philhealth pin", "philhealth no", "philhealth number", "phic")
	// bpjsWords: Indonesia's national health insurance card number (13
	// digits, 000… for most members; no check), as its API's noKartu and
	// exports' no_kartu name it
	bpjsWords = newContextWords("bpjs", "bpjs kesehatan", "kis", "nokartu", "no kartu", "nomor kartu")
	qaWords   = newContextWords("qid", "qatar id", "qatari id")
	// (a Kenyan ID, 7 or 8 digits with no check digit, or NHIF number:
	// these and the generic words, id no, id number, id presented)
	// eightWords: the 8-digit kinds with no check digit, asked once (KE ID
	// and NHIF, PE and AR DNI)
	eightWords = kindWords([]int{8}, "kitambulisho", "huduma", "kipande", "nhif", "nhif no", "namba ya nhif", "id_number", "idnumber",
		"id_presented", "dni", "d n i", "nro dni", "número de dni", "numero de dni", "documento nacional de identidad")
	// rwWords, finWords: Rwanda's national ID (indangamuntu), Ethiopia's
	// Fayda FIN (12 digits) and FAN (16)
	rwWords  = newContextWords("indangamuntu", "nid", "national id", "rw id")
	finWords = newContextWords("fin", "fayda", "fayda fin", "fan", "fayda fan", "fayda id")
	twWords  = kindWords([]int{keyTW}, "身分證", "身份證", "身分證字號", "統一編號", "taiwan id")
	// The kinds added for blind-2026-12c. Those of 11 or 13 digits (or
	// 6-4 with a dash) with a birth date and a check digit also count "ID"
	// alone right before them (bareID).
	balticWords = kindWords(l11, "asmens kodas", "asmens kodo", "isikukood", "isikukoodi", "a k")                        // (a.k., as Lithuanian forms abbreviate it)
	jmbgWords   = kindWords(l13, "emšo", "emŠo", "emso", "jmbg", "јмбг", "ЈМБГ", "матични број", "embg", "ембг", "ЕМБГ") // (emŠo: EMŠO as lowerInto lowers it; EMBG: North Macedonia's)
	// KZ ИИН / ЖСН (the Kazakh name), UZ ПИНФЛ / JSHSHIR (its Uzbek name,
	// Latin and Cyrillic), KG ПИН, GE პირადი ნომერი (პ/ნ), AM ՀԾՀ (the
	// social card's number), as forms and chats write them
	kzWords = kindWords(l12, "иин", "ИИН", "iin", "жсн", "ЖСН", "иинің", "ИИНің")
	uzWords = kindWords([]int{14}, "пинфл", "ПИНФЛ", "pinfl", "jshshir", "жшшир", "ЖШШИР")
	// (the kinds with no check digit: their own words only, not the
	// generic ones, which a column of any 10 or 11 digits may carry)
	kgWords  = newContextWords("pin", "пин", "ПИН", "инн", "ИНН", "персональный номер", "жеке номер")
	geWords  = newContextWords("პ ნ", "პირადი ნომერი", "პირადი")
	amWords  = newContextWords("հծհ", "ՀԾՀ", "psn", "социальный номер", "соц номер", "սոցիալական քարտ")
	oibWords = kindWords(l11, "oib")
	egnWords = kindWords(l10, "егн", "ЕГН", "egn")
	lvWords  = kindWords(l11, "personas kods", "personas kodu", "p k") // (p.k.)
	isWords  = kindWords(l10, "kennitala", "kt")
	myWords  = kindWords(l12, "mykad", "kad pengenalan", "k p", "kp", "nric", "ic no", "ic number", "no ic", "ic", "i c", "icno") // (I/C, icNo)
	// IE PPS number and HU adóazonosító jel (adóazonosítóm, adóazonosítója:
	// the word's own forms).
	ppsWords = kindWords([]int{keyPPS}, "pps", "ppsn", "pps number", "pps no", "personal public")
	huWords  = kindWords(l10, "adóazonosító", "adoazonosito")
	// HU TAJ (the health insurance number), CH AHV/AVS (the social
	// security number; ahvNummer: a JSON key's camelCase), AT SVNR (the
	// e-card's Sozialversicherungsnummer), PL NIP (the tax number, a
	// sole trader's too), SI davčna številka (the tax number).
	tajWords   = kindWords(l9, "taj", "tajszám", "taj szám", "taj számom", "taj száma", "társadalombiztosítási azonosító jel")
	ahvWords   = kindWords(l13, "ahv", "avs", "ahvnummer", "ahv nummer", "ahv nr", "numéro avs", "no avs", "n avs", "versichertennummer")
	svnrWords  = kindWords(l10, "svnr", "sv nummer", "sv nr", "vsnr", "sozialversicherungsnummer", "versicherungsnummer", "e card nummer")
	nipWords   = kindWords(l10, "nip", "nipu", "numer nip", "numer identyfikacji podatkowej")
	siTaxWords = kindWords([]int{8}, "davčna", "davčna številka", "davčno številko", "davčne številke", "davcna", "davcna stevilka")
	// The kinds added for blind-2026-12i (Latin America, Africa, the
	// Middle East, South and Southeast Asia). Those without a check digit
	// (NG, CO CC, PH PhilSys, BD, EG) take only their own words
	// (newContextWords: not the generic ones kindWords adds), right before
	// them (near) or heading their column.
	rutWords  = kindWords([]int{8, 9}, "rut", "r u t", "rol único", "rol unico") // (r u t: R.U.T. as the scanner splits it)
	runWords  = kindWords([]int{8, 9}, "run")                                    // (the RUN only before its dashed form: "run" names a CI run too)
	nitWords  = kindWords(l10, "nit")
	aeWords   = kindWords([]int{15}, "emirates id", "emirates identity", "الإماراتية", "الاماراتية")
	pkWords   = kindWords(l13, "cnic", "snic", "nicop", "nadra", "شناختی", "citizen number", "citizennumber")
	saWords   = kindWords(l10, "iqama", "muqeem", "الإقامة", "الاقامة", "إقامة", "اقامة", "civil no", "السجل المدني", "رقم السجل المدني")
	arIDWords = newContextWords("الهوية الوطنية", "رقم الهوية", "هوية", "الهوية") // (the Arabic words for an identity number: no one kind's)
	egWords   = newContextWords("الرقم القومي", "الرقم القومى", "رقم قومي", "رقم قومى", "القومي", "القومى", "رقم البطاقة",
		"qawmy", "qawmi") // (Arabic in Latin letters, as chats write it: el raqam el qawmy)
	// natIDWords: "national ID", which the kinds without a check digit
	// named so (EG, PH PhilSys) take on their line only, not in the
	// question above ("national_id": … on the line above a card number).
	natIDWords = newContextWords("national id", "national identity", "national identification")
	// nidWords: "NID", as Egypt's and Bangladesh's national ids are called
	// in English
	nidWords = newContextWords("nid")
	// ppsIDHeaders head a table column of IE PPS numbers: their own words
	// or a generic one (national_id, id_number_provided).
	ppsIDHeaders = newContextWords(append([]string{"pps", "ppsn"}, genericIDWords...)...)
	ngWords      = newContextWords("nin", "bvn", "nimc")
	// dniColWords head a table column of AR DNIs (7 or 8 digits, no
	// check digit): the header names every cell.
	dniColWords = newContextWords("dni", "nro dni", "numero dni", "número dni")
	ccWords     = newContextWords("cédula", "cedula", "cc", "c c", "ciudadanía", "ciudadania") // (c c: C.C.)
	phWords     = newContextWords("philsys", "psn", "philid", "phil id", "pcn")
	bdWords     = newContextWords("nid", "এনআইডি", "পরিচয়পত্র", "জাতীয় পরিচয়")
	curpWords   = newContextWords("curp")
	// The kinds added for blind-2026-13u (Latin American e-government,
	// health and fintech): the words right before them
	rucWords    = newContextWords("ruc", "r u c")
	rgWords     = newContextWords("rg", "r g", "registro geral", "carteira de identidade")
	pisWords    = newContextWords("pis", "pasep", "pis pasep", "nis", "nit", "nit pis", "pis nit")
	tituloWords = newContextWords("eleitor", "eleitoral", "título eleitoral", "titulo eleitoral")
	cnsWords    = newContextWords("cns", "sus", "cartão sus", "cartao sus", "cartão nacional de saúde", "cartao nacional de saude")
	uyWords     = newContextWords("ci", "c i", "cédula de identidad", "cedula de identidad")
	nssWords    = newContextWords("nss", "seguridad social", "imss")
	// and for blind-2026-13w (South Asia outside India): LK NIC, NP PAN,
	// PK NTN, BD TIN
	// twelveWords: the 12-digit kinds with no check digit, asked once (LK
	// NIC, BD e-TIN, ET Fayda FIN)
	twelveWords = newContextWords("nic", "nic no", "nic number", "ජාතික හැඳුනුම්පත්", "හැඳුනුම්පත්", "அடையாள அட்டை", "தேசிய அடையாள அட்டை",
		"tin", "e-tin", "e tin", "etin", "fin", "fayda", "fayda fin", "fayda id")
	lkNICWords = newContextWords("nic", "nic no", "nic number", "ජාතික හැඳුනුම්පත්", "හැඳුනුම්පත්", "அடையாள அட்டை", "தேசிய அடையாள அட்டை")
	ntnWords   = newContextWords("ntn", "old ntn", "ntn no")
	// and for blind-2026-13x: Jordan's national number (10 digits, no
	// public check digit), right after its words
	joWords = newContextWords("الرقم الوطني", "national no", "national number")
	// idWords: all of them (the numbers that need no context still must
	// not follow a word naming another code, otherCode).
	idWords = idWordSet("身份证", "身份证号", "nir", "insee", "nino", "dni", "nie", "nif", "curp", "hetu", "henkilötunnus",
		"bsn", "steuerid", "steuer id", "pesel", "aadhaar", "personnummer", "cpf", "cnpj", "kimlik", "rijksregisternummer",
		"fødselsnummer", "cpr", "nhs", "tfn", "teudat", "マイナンバー", "주민등록번호", "rrn", "rut", "cnp", "αφμ", "ΑΦΜ",
		"αμκα", "ΑΜΚΑ", "іпн", "ІПН", "рнокпп", "РНОКПП", "nik", "cccd", "sss", "kitambulisho", "rodné číslo", "کد ملی",
		"asmens kodas", "isikukood", "emšo", "emŠo", "jmbg", "oib", "егн", "ЕГН", "personas kods", "kennitala", "mykad",
		"cnic", "iqama", "emirates id", "bvn", "philsys", "psn", "الرقم القومي")
)

func idWordSet(words ...string) *contextWords {
	return newContextWords(append(words, genericIDWords...)...)
}

// The forms a kind's words name (kindWords): the number of digits of a
// kind written in digits, or one of these for a kind with letters.
const (
	keyNINO = -1 - iota // AB123456C
	keyDNI              // 12345678Z
	keyTW               // A123456789
	keyPAN              // ABCPE1234F
	keyPPS              // 1234567T
)

var (
	l9, l10, l11, l12, l13 = []int{9}, []int{10}, []int{11}, []int{12}, []int{13}
	// kindLens: the forms of the kinds each kind's word names.
	kindLens = map[string][]int{}
)

// kindWords returns idWordSet(words) for a kind of the given forms and
// records the forms the words name (kindLens).
func kindWords(forms []int, words ...string) *contextWords {
	for _, w := range words {
		kindLens[w] = append(kindLens[w], forms...)
	}
	return idWordSet(words...)
}

// A number written after another country's word for an identity number
// ("Meine Ausweisnummer: 76102003689", a PESEL; "주민등록번호 991126-6873",
// a personnummer; "namba ya kitambulisho (SA) 7707269716083") is found by
// the check of any kind of its form (anyKindValid), after a word of
// anyIDNames:
//
//   - the words of many languages for an identity number, an identity
//     card or a personal number: they name no one kind;
//   - the own names of the kinds (ІПН, CPF, 주민등록번호, 身份证, Aadhaar,
//     kimlik, …), before a number of another form than theirs: "мій іпн
//     66060917401" (eleven digits, an ІПН has ten).
//
// When a word nearby names a kind of the number's form (sameFormWords),
// that kind's check alone decides: "BSN 791805889" fails the BSN's and is
// no other 9-digit number. Only kinds with a check digit count (a CPR, a
// VN CCCD or a KE ID with none would take any number of their length),
// and only after the word: the checks of the ten 11-digit kinds together
// pass about half of all numbers of 11 digits.
var (
	anyIDNames = []string{
		// (English, and the generic words above)
		"national id", "national identity", "identity card", "id card", "personal id", "citizen id", "identity no",
		"personal identification",
		// German, Dutch, Nordic
		"ausweisnummer", "personalausweisnummer", "personalausweis", "ausweis", "ausweis nr", "identiteitsnummer",
		"identiteitskaart", "personnummer", "personnr", "id nummer", "henkilöllisyys",
		// French, Spanish, Portuguese, Italian, Romanian
		"identité", "sécurité sociale", "securite sociale", "identificación", "identidad", "cédula",
		"cedula", "identidade", "identità", "identificazione", "identitate",
		"identificacion", //nolint:misspell // Spanish typed without its accent
		// Polish, Czech, Slovak, Hungarian, Baltic
		"identyfikacyjny", "identyfikacyjnego", "dowód osobisty", "dowodu osobistego", "numer dowodu", "numer dokumentu",
		"číslo dokladu", "občanského průkazu", "občanský průkaz", "občianskeho preukazu", "igazolványszám",
		"személyazonosító", "személyi igazolvány",
		// Greek, Cyrillic
		"ταυτότητ", "идентификационный", "ідентифікаційний", "номер документа", "удостоверение личности",
		"личности", "особи", "лична карта",
		// Arabic, Persian, Hindi, Korean, Vietnamese, Indonesian
		"الهوية", "الهويه", "هويتي", "الرقم الوطني", "شناسایی", "पहचान", "신분증", "định danh", "identitas",
	}
	// otherFormNames: the kinds' own names, before a number of another
	// form than their kind's (not RRN nor CNP: a payment log's retrieval
	// reference number and card-not-present).
	otherFormNames = []string{
		"іпн", "ІПН", "рнокпп", "инн", "ИНН", "cpf", "aadhaar", "aadhar", "आधार", "pesel", "bsn", "burgerservicenummer",
		"tckn", "steuerid", "steuer id", "egn", "егн", "ЕГН", "jmbg", "emšo", "oib", "kennitala",
		"fødselsnummer", "fodselsnummer", "rijksregisternummer", "teudat", "zehut", "マイナンバー", "個人番号",
		"isikukood", "asmens kodas", "personas kods", "јмбг", "ЈМБГ", "kimlik", "זהות", "ת ז", "کد ملی", "주민등록번호",
		"주민번호", "身份证", "身分證", "身份證", "căn cước", "kitambulisho", "henkilötunnus",
	}
	anyIDWords = newContextWords(append(append(anyIDNames, otherFormNames...), genericIDWords...)...)
	// sameFormWords[f]: the kinds' words that name a kind of form f, but
	// those of anyIDNames and genericIDWords, which name no one kind (set
	// by init, once every kindWords has run).
	sameFormWords map[int]*contextWords
)

func init() {
	noKind := map[string]bool{}
	for _, w := range append(anyIDNames, genericIDWords...) {
		noKind[w] = true
	}
	byForm := map[int][]string{}
	for w, forms := range kindLens {
		if noKind[w] {
			continue
		}
		for _, f := range forms {
			byForm[f] = append(byForm[f], w)
		}
	}
	byForm[18] = append(byForm[18], "身份证", "身份证号") // (CN: its 18 digits need no word)
	sameFormWords = map[int]*contextWords{}
	for f, ws := range byForm {
		sameFormWords[f] = newContextWords(ws...)
	}
}

// anyKindContext reports whether a word of anyIDWords names the number of
// form f at start (before it, or in the question on the line before it:
// "Agent: Ihre Ausweisnummer?" / "Kunde: 88090745416"), and no word of a
// kind of that form.
func anyKindContext(s string, start, f int) bool {
	if !contextNear(s, start, anyIDWords, 4) && !answerContext(s, start, anyIDWords) {
		return false
	}
	w, ok := sameFormWords[f]
	return !ok || !contextNear(s, start, w, 4) && !answerContext(s, start, w)
}

// listedAfterID reports whether the number at start follows an identity
// number found right before it, with only blanks, ',', ';' or '/' between
// on the same line ("ID: 79072823730    00321185136", "PESEL 79072823730
// / 00321185136"): the next of a list of them.
func listedAfterID(s string, start, end int) bool {
	if end < 0 || end > start || start-end > 8 {
		return false
	}
	for k := end; k < start; k++ {
		if c := s[k]; c != ' ' && c != '\t' && c != ',' && c != ';' && c != '/' {
			return false
		}
	}
	return true
}

// anyKindValid reports whether the digits d, in the first k groups of r,
// pass the check of a national_id kind of their length and shape that has
// a check digit.
func (r *numRun) anyKindValid(d []byte, k int) bool {
	one := k == 1
	switch len(d) {
	case 9:
		if r.shape(k, "81", "-") {
			return ilValid(d) || rutCheck(d[:8]) == d[8] // IL 03933742-3, CL 21700823-9
		}
		return one && nineDigitID(d)
	case 10:
		if r.shape(k, "64", "-") || r.shape(k, "64", "+") {
			return seValid(d) || kennitalaValid(d)
		}
		return one && (seValid(d) || czValid(d) || irValid(d) || uaValid(d) || egnValid(d) || kennitalaValid(d) || nhsValid(d) || huValid(d) ||
			saValid(d) || utrValid(d))
	case 11:
		if r.shape(k, "65", "-") {
			return lvValid(d)
		}
		return one && (peselValid(d) || steuerIDValid(d) || tcValid(d) || beValid(d) || noValid(d) || amkaValid(d) ||
			balticValid(d) || oibValid(d) || lvValid(d) || cpfValid(d) || cuitValid(d))
	case 12:
		if r.shape(k, "84", "-") {
			return seCentury(d) && seValid(d[2:])
		}
		return one && (aadhaarValid(d) || myNumberValid(d) || seCentury(d) && seValid(d[2:]) || innValid(d) || kzIINValid(d))
	case 13:
		if r.shape(k, "67", "-") {
			return rrnDate(d) && rrnCheck(d)
		}
		return one && (zaIDValid(d) || thValid(d) || cnpValid(d) || jmbgValid(d) || rrnDate(d) && rrnCheck(d) || ahvValid(d) || frNIFValid(d))
	}
	return false
}

// frNIFValid checks a French tax number (numéro fiscal, SPI): 13 digits,
// the first 0 to 3, the last three the first ten mod 511 (python-stdnum
// fr/nif).
func frNIFValid(d []byte) bool {
	if d[0] > '3' {
		return false
	}
	r := 0
	for _, c := range d[:10] {
		r = (r*10 + int(c-'0')) % 511
	}
	return r == atoiB(d[10:13])
}

// frNIFWords name a French tax number.
var frNIFWords = kindWords(l13, "nif", "fr_nif", "numéro fiscal", "numero fiscal", "n° fiscal", "spi", "identifiant fiscal", "numéro fiscal de référence")

// panWords name an Indian PAN ("PAN" alone names a card number in payment
// logs, so it counts only before a PAN's own shape).
var panWords = kindWords([]int{keyPAN}, "pan", "pan card", "pan number", "permanent account number", "income tax", "tin", "பான்", "पैन") // (பான்: Tamil; पैन: Hindi)

// cvvWords name a card security code just before it.
var cvvWords = newContextWords(
	"cvv", "cvc", "cvv2", "cvc2", "cid", "csc", "cav2", "security code", "card code", "cvv code", "cvc code",
	"sicherheitscode", "prüfnummer", "kartenprüfnummer", "cryptogramme", "código de seguridad",
	// The issuers' own names (Visa CVV2, Mastercard CVC2, Amex and Discover
	// CID, JCB CAV2, UnionPay CVN2) and the words of the card forms of
	// Japan, China, Korea and Brazil.
	"cvn2", "セキュリティコード", "カード確認番号", "安全码", "安全碼", "보안코드", "보안 코드",
)

// cvvTail marks the last letters of cvvWords and of cvvVerbs: the scanner
// asks cvv only when the byte two before the digits is one of them or no
// letter.
var cvvTail = func() (t [256]bool) {
	for _, c := range "vVcCdDeErR2sStTaA" {
		t[c] = true
	}
	return t
}()

// cvvVerbs may stand between a card code's word and the code: "the CVC is
// 438", "CVV war 123".
var cvvVerbs = map[string]bool{"is": true, "was": true, "ist": true, "war": true, "es": true, "est": true, "är": true, "er": true, "jest": true}

// cvvPhrases name a card code in more than two words: they end right
// before it (but for blanks and ':').
var cvvPhrases = []string{"código de seguridad", "codigo de seguridad", "code de sécurité", "codice di sicurezza", "card verification value", "card verification code", "código de segurança", "codigo de seguranca"}

// cvv reports whether the 3 or 4 digits s[i:e] are a card security code.
func cvv(s string, i, e int) bool {
	if numberGoesOn(s, e) {
		return false
	}
	// Cheap test first: the word before ends like one of cvvWords or
	// cvvVerbs.
	k := i
	for k > 0 && i-k < 16 {
		switch {
		case !isAlnum(s[k-1]) && s[k-1] != '\n' && s[k-1] < utf8.RuneSelf:
			k--
			continue
		case k >= 3 && s[k-1] == 0x9a && s[k-2] == 0xbc && s[k-3] == 0xef:
			k -= 3 // a full-width colon (CVV2：221)
			continue
		}
		break
	}
	if k == 0 {
		return false
	}
	verbOnly, phraseOnly := false, false
	switch lower(s[k-1]) {
	case 'a':
		phraseOnly = true // (código de segurança)
	case 'v', 'c', '2', 'd', 'e', 'r':
	case 's', 't':
		verbOnly = true // (only a verb ends so: "is", "ist")
	default:
		if s[k-1] < utf8.RuneSelf {
			return false
		}
	}
	w := k
	for w > 0 && k-w < 5 && (isAlnum(s[w-1]) || s[w-1] >= utf8.RuneSelf) {
		w--
	}
	var buf [5]byte
	if lw := lowerInto(buf[:], s[w:k]); lw != nil && (w == 0 || !isAlnum(s[w-1])) {
		switch string(lw) {
		case "cvv2", "cvc2", "cav2", "cid2", "cvn2": // (contextNear stops at digits)
			return true
		}
		if cvvVerbs[string(lw)] && (contextNear(s, w, cvvWords, 1) || (isWordBefore(s, w, "code") && contextNear(s, w, cvvWords, 2))) {
			return true // the CVC is 438, the security code is 438
		}
	}
	if verbOnly {
		return false
	}
	if !phraseOnly && contextNear(s, i, cvvWords, 2) {
		return true
	}
	for _, p := range cvvPhrases {
		if k >= len(p) && strings.EqualFold(s[k-len(p):k], p) && (k == len(p) || !isAlnum(s[k-len(p)-1])) {
			return true
		}
	}
	return false
}

// isWordBefore reports whether the word before i (blanks between) is w,
// case-insensitively.
func isWordBefore(s string, i int, w string) bool {
	for i > 0 && s[i-1] == ' ' {
		i--
	}
	return i >= len(w) && strings.EqualFold(s[i-len(w):i], w) && (i == len(w) || !isAlnum(s[i-len(w)-1]))
}

// notIDWords name other kinds of codes written like identity numbers
// (SKU 12345678Z).
var notIDWords = newContextWords(
	"order", "invoice", "sku", "ticket", "case", "tracking", "serial", "sn", "part", "batch", "lot", "ref",
	"reference", "article", "artikel", "item", "product", "model", "booking", "pnr", "isbn", "ean", "imei",
	"vin", "account", "konto", "contract", "policy", "claim", "transaction", "txn", "build", "version",
)

// otherCode reports whether the number at start follows a word naming
// another kind of code, and no word naming an identity number. A number
// that opens a cell of a CSV or TSV row follows no word of its own: the
// cells before it ("account locked","VPFCSM68T58L736P") say nothing of it.
func otherCode(s string, start int) bool {
	return !cellStart(s, start) && contextNear(s, start, notIDWords, 2) && !contextNear(s, start, idWords, 4) &&
		!contextNear(s, start, allKindWords, 2) // ref tckn 26328373510: the kind's own word is nearer
}

// allKindWords holds the words of every kind (kindWords), set once they
// all have run.
var allKindWords *contextWords

func init() {
	words := make([]string, 0, len(kindLens))
	for w := range kindLens {
		words = append(words, w)
	}
	allKindWords = newContextWords(words...)
}

// cellStart reports whether start opens a cell of a delimited row: right
// after a ',', ';' or tab, or after the quote that opens a cell.
func cellStart(s string, start int) bool {
	k := start
	if k > 0 && s[k-1] == '"' {
		k--
	}
	return k > 0 && (s[k-1] == ',' || s[k-1] == ';' || s[k-1] == '\t')
}

// idDigits writes the digits of the first k groups (at most 18) to b and
// returns them.
func (r *numRun) idDigits(s string, k int, b *[20]byte) (d []byte, ok bool) {
	nd := 0
	for j := range k {
		nd += r.g[j].len()
		if r.g[j].open || (r.g[j].close && (j < k-1 || r.g[j].len() < 3 && k < 3)) {
			// (a ')' after a last group of 3 digits or more, or after a
			// number of three groups or more, closes the text's
			// parenthesis: "(rijksregisternummer 98.06.18-773.11)";
			// "(build 20241022.1)" is not read)
			return nil, false
		}
	}
	if nd > 20 {
		return nil, false
	}
	r.digits(s, k, b[:])
	return b[:nd], true
}

func atoiB(b []byte) int {
	v := 0
	for _, c := range b {
		v = v*10 + int(c-'0')
	}
	return v
}

func allDigitsB(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// shape reports whether the first k groups have the given lengths, one
// digit each in lens ("334": 3, 3 and 4 digits), and separators (seps[j]
// before group j+1). (A string, not a []int: each slice literal at a call
// takes its own room in the caller's frame, and nationalIDShape's 40 made
// it 2.5 KB, which grew the stack of many a gRPC handler goroutine.)
func (r *numRun) shape(k int, lens, seps string) bool {
	if k != len(lens) {
		return false
	}
	for j := range k {
		if r.g[j].len() != int(lens[j]-'0') || (j > 0 && r.g[j].sep != seps[j-1]) {
			return false
		}
	}
	return true
}

// nationalID checks the first k groups as a national identity number.
func (r *numRun) nationalID(s string, k int) (int, int, bool) {
	start, end, ok := r.nationalIDShape(s, k)
	if !ok || otherCode(s, start) || gluedPrefix(s, start) {
		return 0, 0, false
	}
	return start, end, true
}

// gluedPrefix reports whether the digits at start are joined by '-' or '_'
// to the letters before them: one identifier (KYC-08116723, INV-2024…,
// ref_12345678), whose prefix names its kind, not a label before an
// identity number (KYC: 08116723).
func gluedPrefix(s string, start int) bool {
	return start >= 2 && (s[start-1] == '-' || s[start-1] == '_') && isLetter(s[start-2])
}

func (r *numRun) nationalIDShape(s string, k int) (int, int, bool) {
	if k != r.n && !r.listed(s, k) {
		return 0, 0, false
	}
	var buf [20]byte
	d, ok := r.idDigits(s, k, &buf)
	if !ok {
		// (an identity number is the whole run: 4270 7067 7387 is not
		// one when 6071 follows)
		return 0, 0, false
	}
	start, end := int(r.g[0].start), int(r.g[k-1].end)
	// (the name of the JSON object that holds the number: objectLabel)
	label := objectLabel(s, start)
	named := func(w *contextWords) bool { return label != "" && contextBefore(label, len(label), w) }
	ctx := func(w *contextWords) bool {
		return contextNear(s, start, w, 4) || answerContext(s, start, w) || named(w) || idContext(s, start, w, r.ctx.memo)
	}
	// A number with no check digit (KE, VN, PH SSS) needs its word right
	// before it, or the question before it: any 8 digits would otherwise
	// ask for a table header and a sentence.
	near := func(w *contextWords) bool {
		return contextNear(s, start, w, 4) || answerContext(s, start, w) || named(w)
	}
	natID := func() bool { return contextNear(s, start, natIDWords, 4) || named(natIDWords) }
	// The kinds added for blind-2026-12b whose check one number in ten or
	// eleven passes (IR plain, UA, GR ΑΦΜ) take their word before
	// them, in the question or in the column header, not earlier in the
	// sentence: that walk for every tenth number of a table or a log costs
	// more than the few numbers it finds.
	// (the column's header, looked up once: most numbers stand in no
	// table, and finding that out walks the line)
	var header string
	headerDone, inTable := false, false
	under := func(w *contextWords) bool {
		if !headerDone {
			header, inTable = tableColumn(s, start, r.ctx.memo)
			headerDone = true
		}
		return inTable && contextBefore(header, len(header), w)
	}
	col := func(w *contextWords) bool {
		return near(w) || under(w)
	}
	// cell: col for a number standing as a cell of its own between a
	// table's separators (the kinds without a check digit added last
	// look no further: a column's lookup for every number of their
	// lengths costs more than the cells it finds)
	cell := func(w *contextWords) bool {
		return near(w) || ownCell(s, start, end) && under(w)
	}
	// dated: a kind with a birth date and a check digit, which "ID" alone
	// may name ("ID: …", "my ID is …").
	dated := func(w *contextWords) bool { return idBefore(s, start) || ctx(w) }
	one := k == 1
	if len(d) >= 8 && len(d) <= 11 && k >= 2 && r.g[k-1].len() == 1 && r.g[k-1].sep == '-' && nitValid(d) && near(nitWords) {
		return start, end, true // CO NIT of a person: the cédula and its check digit, 1.091.783.699-9, 10621806-0
	}
	switch len(d) {
	case 15:
		if (one || r.shape(k, "3444", "   ")) && cnsValid(d) && near(cnsWords) {
			return start, end, true // BR cartão SUS 245 0535 7081 0006
		}
		if (one || r.shape(k, "1222332", "      ") || k == 2 && r.g[0].len() == 13 && r.g[1].sep == ' ') && nirValid(d) {
			return start, end, true
		}
		if aeValid(d) && (r.shape(k, "3471", "---") || one && (ctx(aeWords) || near(arIDWords) || natID()) || r.sameSep(k, " ") && ctx(aeWords)) {
			return start, end, true // AE 784-1990-1234567-1
		}
	case 17:
		if one && col(bdWords) {
			return start, end, true // BD NID of 17 digits (no check digit)
		}
	case 13:
		if r.shape(k, "67", "-") && rrnDate(d) && (rrnCheck(d) || ctx(rrnWords)) || one && rrnDate(d) && ctx(rrnWords) {
			return start, end, true // KR 900101-1234568, rrn=9001011234568
		}
		if one && d[0] == '0' && d[1] == '0' && cell(bpjsWords) {
			return start, end, true // ID BPJS Kesehatan 0001234567890 (no check digit)
		}
		if ahvValid(d) && (r.shape(k, "3442", "...") || one && ctx(ahvWords)) {
			return start, end, true // CH 756.9217.0769.85 (its own form: no word needed)
		}
		if (one || r.shape(k, "643", "  ") || r.shape(k, "67", " ")) && zaIDValid(d) &&
			(dated(zaWords) || answerContext(s, start, idQuestionWords)) {
			return start, end, true // ZA 820510 8120 087 (a birth date and Luhn: "ID:" alone names it)
		}
		if r.shape(k, "14521", "----") && thValid(d) || one && thValid(d) && ctx(thWords) {
			return start, end, true // TH 1-2345-67890-12-1
		}
		if one && cnpValid(d) && ctx(roWords) {
			return start, end, true
		}
		if (one || r.shape(k, "22333", "    ")) && frNIFValid(d) && (ctx(frNIFWords) || idBefore(s, start)) {
			return start, end, true // FR numéro fiscal 3023217600053 (mod 511)
		}
		if (one || r.shape(k, "1345", "   ")) && snNIN(d) && cell(snWords) || one && cell(ifuWords) {
			return start, end, true // SN NIN 2 215 1982 46609 (sex, centre, year), BJ IFU (no check digit)
		}
		if one && jmbgValid(d) && dated(jmbgWords) {
			return start, end, true // SI EMŠO, RS JMBG
		}
		if pkValid(d) && (r.shape(k, "571", "--") || one && near(pkWords)) {
			return start, end, true // PK 42101-1234567-1
		}
		if one && col(bdWords) {
			return start, end, true // BD NID of 13 digits (no check digit)
		}
	case 11:
		if r.shape(k, "2225", "---") && atoi(string(d[:2])) >= 1 && atoi(string(d[:2])) <= 77 {
			return start, end, true // NP citizenship certificate 10-03-59-35825: the district (01-77) first
		}
		if r.shape(k, "3521", "..-") && pisValid(d) || one && pisValid(d) && near(pisWords) {
			return start, end, true // BR PIS/PASEP/NIT 128.51785.97-6
		}
		if one && d[0] == '1' && (d[1] == '0' || d[1] == '5' || d[1] == '7') && rucValid(d) && cell(rucWords) {
			return start, end, true // PE RUC of a person: 10, the DNI, a check digit (a company's starts 20)
		}
		if (one || r.shape(k, "22241", "----")) && luhn(d) && near(nssWords) {
			return start, end, true // MX NSS 60-60-80-7840-2
		}
		if one && (d[0] == '2' || d[0] == '3') && cell(qaWords) {
			return start, end, true // QA QID: century, year of birth, nationality, serial (no check digit)
		}
		switch {
		case r.shape(k, "3332", "..-") && cpfValid(d),
			r.shape(k, "22232", "..-.") && beValid(d):
			return start, end, true
		case one && (cpfValid(d) && ctx(cpfWords) || peselValid(d) && dated(peselWords) || steuerIDCheck(d) && ctx(steuerWords) ||
			tcValid(d) && (ctx(tcWords) || idBefore(s, start)) || beValid(d) && ctx(beWords) || noValid(d) && dated(noWords) || amkaValid(d) && ctx(grWords) ||
			balticValid(d) && dated(balticWords) || oibValid(d) && ctx(oibWords) || lvValid(d) && dated(lvWords) || lvNew(d) && col(lvWords)):
			return start, end, true
		case (r.shape(k, "3332", "-- ") || r.shape(k, "3332", "---") || one) && snilsValid(d) && ctx(snilsWords):
			return start, end, true // RU СНИЛС 384-429-449 16
		case r.shape(k, "65", "-") && (lvValid(d) && dated(lvWords) || lvNew(d) && col(lvWords)):
			return start, end, true // LV 140273-13478
		case r.shape(k, "2333", "   ") && steuerIDCheck(d) && (ctx(steuerWords) || idBefore(s, start)):
			// (DE Steuer-ID as the BZSt prints it, after its word or "ID":
			// "my ID is 72 814 900 033")
			return start, end, true
		case r.shape(k, "65", " ") && noValid(d) && ctx(noWords):
			return start, end, true
		case r.shape(k, "281", "--") && cuitValid(d), one && cuitValid(d) && ctx(dniWords):
			return start, end, true // AR 20-12345678-9
		case one && cell(nniWords):
			return start, end, true // CI NNI 27996302107 (no check digit)
		case one && nonASCIIBefore(s, start) && cell(geWords):
			// GE personal number (პირადი ნომერი, no public check digit),
			// after its word or in a cell under it
			return start, end, true
		case one && d[0] != '0' && cell(ngWords):
			// NG NIN, BVN (no check digit; eleven digits from 0 are a
			// Nigerian mobile's national form, 0803 …), after its word or
			// in a cell under it
			return start, end, true
		}
	case 14:
		if cnpjValid(d) && (r.shape(k, "23342", "../-") || (one && ctx(cpfWords))) {
			return start, end, true
		}
		if one && pinflValid(d) && (ctx(uzWords) || idBefore(s, start)) {
			return start, end, true // UZ ПИНФЛ 31803792611041 (birth date and a 7-3-1 check)
		}
		if one && kgPINShape(d) && (near(kgWords) || under(kgWords)) {
			return start, end, true // KG ПИН 13105197907288: sex and DDMMYYYY (no public check digit)
		}
		if one && egValid(d) && (col(egWords) || natID() || near(nidWords)) {
			return start, end, true // EG الرقم القومي, NID (no public check digit)
		}
	case 20:
		if (r.shape(k, "8552", "---") || r.shape(k, "8552", "   ")) && dateValid(atoiB(d[0:4]), atoiB(d[4:6]), atoiB(d[6:8])) {
			return start, end, true // TZ NIDA 19990601-21531-50682-68: a birth date first (no public check digit)
		}
	case 16:
		if (one || r.shape(k, "141712", "     ")) && rwNID(d) || r.shape(k, "4444", "   ") && near(rwWords) && rwNID(d) {
			return start, end, true // RW national ID 1 1962 7 5005659 0 50, 1196875005659050
		}
		if (one || r.shape(k, "4444", "   ")) && verhoeff(d) && cell(finWords) {
			return start, end, true // ET Fayda FAN (16 digits, Verhoeff: MOSIP's), after its word or under it
		}
		if one && nikValid(d) && ctx(nikWords) {
			return start, end, true
		}
		if (one || r.shape(k, "4444", "---") || r.shape(k, "4444", "   ")) && cell(phWords) ||
			r.shape(k, "4444", "---") && natID() {
			return start, end, true // PH PhilSys number (PSN; no check digit), after its word or in a cell under it
		}
	case 18:
		if (one || r.shape(k, "684", "  ")) && cnIDValid(d) {
			return start, end, true // (320506 19950803 8431: region, birth date, sequence and check, as forms group it)
		}
		if one && cell(dzWords) {
			return start, end, true // DZ NIN 207525285515438679 (no public check digit)
		}
	case 12:
		if r.shape(k, "372", "--") && beCardValid(d) {
			return start, end, true // BE eID card number 916-6977659-31: the first 10 digits mod 97 last
		}
		if (one || r.shape(k, "444", "  ")) && (near(twelveWords) || ownCell(s, start, end) && under(finWords)) {
			// ET Fayda FIN 4792 4798 7657, BD e-TIN 753863209846, LK NIC
			// 198821303508 (no public check digit), after their words or
			// (the FIN) under its column
			return start, end, true
		}
		if (one || r.shape(k, "444", "  ")) && tituloValid(d) && near(tituloWords) {
			return start, end, true // BR título de eleitor 6918 6464 0400
		}
		if (r.shape(k, "291", "--") || one) && cell(philhealthWords) {
			return start, end, true // PH PhilHealth PIN 12-345678901-2 (no public check)
		}
		if one || r.shape(k, "444", "  ") || r.shape(k, "444", "--") {
			if aadhaarValid(d) && (ctx(aadhaarWords) || !one && idBefore(s, start)) ||
				myNumberValid(d) && (ctx(myNumberWords) || headedBy(s, start, myNumberHeadings)) ||
				(one && seCentury(d) && seValid(d[2:]) && ctx(seWords)) {
				// (an Aadhaar as it is printed, 4-4-4, after "ID"; My
				// Numbers listed under a heading that names them: 個人番号を
				// 送付いたします。/ 本人：6686 8044 2054)
				return start, end, true
			}
		}
		if r.shape(k, "84", "-") && seCentury(d) && seValid(d[2:]) && (d[0] == '1' && d[1] == '9' || ctx(seWords)) {
			// SE personnummer 19750522-4258: born in the 1900s, the form
			// alone (a date of the last century, a dash and four digits
			// passing Luhn are no build's or batch's id); 20…, after its
			// word (20240115-0012 is as often a nightly build).
			return start, end, true
		}
		if one && innValid(d) && ctx(innWords) {
			return start, end, true // RU ИНН of a person
		}
		if one && kzIINValid(d) && (ctx(kzWords) || idBefore(s, start)) {
			return start, end, true // KZ ИИН 850324358298 (birth date and a mod-11 check)
		}
		if one && d[0] == '0' && d[1] == '0' && d[2] == '0' && cell(twNHIWords) {
			return start, end, true // TW NHI card 000097313453, after its word or under its column (no check digit)
		}
		if one && vnValid(d) && col(vnWords) {
			return start, end, true
		}
		if (one || r.shape(k, "624", "--")) && myKadValid(d) && col(myWords) {
			return start, end, true // MY 901107-10-8095 (no check digit)
		}
		if (r.shape(k, "444", "--") || r.shape(k, "444", "  ")) && near(phWords) {
			return start, end, true // PH PhilID card number (PCN; no check digit)
		}
		if r.shape(k, "3333", "---") && d[9] == '0' && d[10] == '0' && cell(phTINWords) {
			return start, end, true // PH TIN 950-398-491-000 (a person's: the branch code 000)
		}
	case 10:
		if (one || r.shape(k, "64", "-")) && (seValid(d) && ctx(seWords) || cprDate(d) && ctx(cprWords)) {
			return start, end, true
		}
		if r.shape(k, "64", "-") && cprDate(d) && (idBefore(s, start) || contextNear(s, start, anyIDWords, 4) || named(anyIDWords)) {
			// DK CPR 050697-8671 (no check digit since 2007), its form a
			// date and four digits, after "ID" or a word for a personal
			// number of no one kind ("personal_id": …)
			return start, end, true
		}
		if (r.shape(k, "226", "  ") || r.shape(k, "46", " ") || one) && near(ruPassportWords) {
			return start, end, true // RU internal passport: series 45 18, number 672915 (no check digit)
		}
		if (one || r.shape(k, "334", "  ")) && nhsValid(d) && ctx(nhsWords) {
			return start, end, true
		}
		if r.shape(k, "64", "/") && czValid(d) || one && czValid(d) && ctx(czWords) {
			return start, end, true // CZ/SK 710319/2745
		}
		if r.shape(k, "361", "--") && irValid(d) || one && irValid(d) && col(irWords) {
			return start, end, true // IR 123-456789-0
		}
		if one && uaValid(d) && col(uaWords) {
			return start, end, true
		}
		if one && egnValid(d) && ctx(egnWords) {
			return start, end, true // BG ЕГН
		}
		if one && huValid(d) && ctx(huWords) {
			return start, end, true // HU adóazonosító jel
		}
		if (one || r.shape(k, "55", " ")) && utrValid(d) && ctx(utrKindWords) {
			return start, end, true // GB UTR 70539 08692, as the answer to a question naming it (right after its key: keyedid.go)
		}
		if (one || r.shape(k, "46", " ")) && svnrValid(d) && ctx(svnrWords) {
			return start, end, true // AT SVNR 1237 010180
		}
		if (one || r.shape(k, "3322", "---") || r.shape(k, "3223", "---")) && nipValid(d) && ctx(nipWords) {
			return start, end, true // PL NIP 856-734-62-15
		}
		if (one && ctx(isWords) || r.shape(k, "64", "-") && dated(isWords)) && kennitalaValid(d) {
			return start, end, true // IS 120174-3399
		}
		if r.shape(k, "271", "--") && cell(sssWords) {
			return start, end, true // PH SSS 12-3456789-0 (no check digit), after its word or in a cell under it
		}
		if r.shape(k, "3331", "..-") && nitValid(d) || one && nitValid(d) && near(nitWords) {
			return start, end, true // CO NIT 213.123.432-1
		}
		if one && saValid(d) && (col(saWords) || near(arIDWords)) {
			return start, end, true // SA national ID, iqama
		}
		if one && col(bdWords) {
			return start, end, true // BD NID of 10 digits (no check digit)
		}
		if one && (d[0] == '9' || d[0] == '2') && near(joWords) {
			return start, end, true // JO national number 9701467059 (9… a man's, 2… a woman's; no public check digit)
		}
		if one && cell(afr10Words) {
			return start, end, true // CD carte d'électeur, BJ NPI (no check digit)
		}
		if (one || r.shape(k, "46", "-")) && cell(jpPensionWords) {
			return start, end, true // JP 基礎年金番号 1626-001732 (no check digit)
		}
		if one && (nonASCIIBefore(s, start) || start > 0 && s[start-1] == '"') && cell(amWords) {
			return start, end, true // AM ՀԾՀ, the social card's number (no public check digit)
		}
	case 9:
		if one && (isWordBefore(s, start, "pan") || isWordBefore(s, start, "pan:")) {
			return start, end, true // NP PAN 106985595 (India's PAN has letters), right after its word
		}
		if r.shape(k, "2331", "..-") && rgSPValid(d) && near(rgWords) {
			return start, end, true // BR RG (São Paulo) 49.429.619-7
		}
		if r.shape(k, "423", "..") && bsnValid(d) && ctx(bsnWords) {
			return start, end, true // 1950.71.153, as Dutch forms print a BSN
		}
		if (one || r.shape(k, "333", "  ") || r.shape(k, "333", "--")) &&
			(bsnValid(d) && ctx(bsnWords) || sinValid(d) && ctx(sinWords) || tfnValid(d) && ctx(tfnWords) ||
				nifPTValid(d) && ctx(nifWords) || ilValid(d) && ctx(ilWords) || afmValid(d) && col(grWords)) {
			return start, end, true
		}
		if !one && (r.shape(k, "333", "  ") || r.shape(k, "333", "--")) && sinValid(d) && idBefore(s, start) {
			return start, end, true // CA SIN grouped as the card prints it, 465 559 359, after "ID"
		}
		if r.shape(k, "81", "-") && ilValid(d) && ctx(ilWords) {
			return start, end, true // IL 03933742-3 (python-stdnum il/idnr.py's format)
		}
		if (one || r.shape(k, "333", "  ") || r.shape(k, "333", "--")) && tajValid(d) && ctx(tajWords) {
			return start, end, true // HU TAJ 749 038 393
		}
		if one && passportBefore(s, start) {
			return start, end, true
		}
		if one && cell(afr9Words) {
			return start, end, true // CM CNI 627364778, MA CNSS, SN IPRES (no check digit)
		}
	case 8:
		if r.shape(k, "71", "-") && near(ntnWords) {
			return start, end, true // PK NTN 8956116-3
		}
		if one && uyCIValid(d) && near(uyWords) {
			return start, end, true // UY cédula 64348842
		}
		if one && !letterAfter(s, end) && near(eightWords) {
			// PE DNI 13070871, AR DNI 44410284, KE ID 39826700, NHIF no.
			// 45945803 (no check digit), right after their words; not a
			// Spanish DNI's digits before its letter (its check decides:
			// 75456945-D is none)
			return start, end, true
		}
		if one && cell(tnWords) {
			return start, end, true // TN CIN 08444502 (no check digit)
		}
		if one && siTaxValid(d) && ctx(siTaxWords) {
			return start, end, true // SI davčna številka
		}
		if one && passportBefore(s, start) {
			return start, end, true // a passport number (US, UK: 9 digits)
		}
	}
	if (len(d) == 8 && (one || r.shape(k, "233", "--") || r.shape(k, "233", "  ")) ||
		len(d) == 9 && (one || r.shape(k, "333", "--") || r.shape(k, "333", "  "))) && irdValid(d) && ctx(irdWords) {
		return start, end, true // NZ IRD 49-098-576, 136-410-132
	}
	if len(d) >= 9 && len(d) <= 13 && (anyKindContext(s, start, len(d)) || label != "" && anyKindContext(label, len(label), len(d)) ||
		listedAfterID(s, start, r.ctx.idEnd)) && r.anyKindValid(d, k) {
		return start, end, true
	}
	if (len(d) == 8 || len(d) == 9) && rutCheck(d[:len(d)-1]) == d[len(d)-1] {
		// CL RUT / RUN without dots: 12345678-5 after its word, or its
		// digits in any blank-split groups as a caller reads them out
		// ("rut 116 584 778"; not "run": a CI run's number).
		if (len(d) == 8 && r.shape(k, "71", "-") || len(d) == 9 && r.shape(k, "81", "-")) && (cell(rutWords) || near(runWords)) || r.sameSep(k, " ") && near(rutWords) {
			return start, end, true
		}
	}
	if len(d) >= 7 && len(d) <= 10 && cell(ccWords) && (one || r.g[0].len() <= 3 && r.sameSep(k, ".") && r.thousands(k)) {
		return start, end, true // CO cédula de ciudadanía, 1.046.655.079 (no check digit), after its word or under it
	}
	if (len(d) == 7 || len(d) == 8) && one && ownCell(s, start, end) && under(dniColWords) {
		return start, end, true // AR DNI 44692886 in a column headed dni
	}
	// CL RUT 12.345.678-5 (K after the dash is read here too), AR DNI
	// 12.345.678 after its word.
	if k >= 3 && (r.g[0].len() == 1 || r.g[0].len() == 2) && r.g[1].len() == 3 && r.g[2].len() == 3 && r.g[1].sep == '.' && r.g[2].sep == '.' {
		body := d[:r.g[0].len()+6]
		switch {
		case k == 4 && r.g[3].len() == 1 && r.g[3].sep == '-' && (rutCheck(body) == d[len(d)-1] || len(d) == 8 && uyCIValid(d)):
			return start, end, true // CL RUT 12.345.678-5, UY CI 5.903.044-0
		case k == 3 && end+1 < len(s) && s[end] == '-' && (s[end+1] == 'K' || s[end+1] == 'k') &&
			(end+2 == len(s) || !isAlnum(s[end+2])) && rutCheck(body) == 'K':
			return start, end + 2, true
		case k == 3 && ctx(dniWords):
			return start, end, true
		}
	}
	return 0, 0, false
}

// ownCell reports whether s[start:end] fills a table cell: a separator
// (or a line's or the text's edge) on either side, blanks aside.
func ownCell(s string, start, end int) bool {
	b := start - 1
	for b >= 0 && s[b] == ' ' {
		b--
	}
	e := end
	for e < len(s) && s[e] == ' ' {
		e++
	}
	if b >= 0 && e < len(s) && s[b] == '"' && s[e] == '"' {
		b, e = b-1, e+1 // a quoted CSV cell: "083-705","75384956"
	}
	return cellEdge(s, b) && (e == len(s) || cellEdge(s, e))
}

// listed reports whether the first k groups end before " / " (another
// number listed after them: "KYC: 5016 9378 5940 / 820510 8120 087"); a
// '/' without blanks may be part of the number (710319/2745).
func (r *numRun) listed(s string, k int) bool {
	e := int(r.g[k-1].end)
	return k < r.n && r.g[k].sep == '/' && !r.g[k-1].close && e < len(s) && s[e] == ' '
}

// nineDigitID reports whether 9 digits pass the check of a national_id
// kind of 9 digits (BSN, SIN, TFN, PT NIF, IL, GR AFM).
func nineDigitID(d []byte) bool {
	return bsnValid(d) || sinValid(d) || tfnValid(d) || nifPTValid(d) || ilValid(d) || afmValid(d)
}

// digitLetterID matches the numbers that start with digits and end with a
// letter: an ES DNI (12345678Z, 12345678-Z) and a CN resident ID whose
// check is X.
func digitLetterID(s string, i int) (int, bool) {
	e := runOf(s, i, isDigit)
	if e-i < 7 && e < len(s) && isUpper(s[e]) {
		if fe, ok := azFIN(s, i); ok {
			return fe, true // AZ FİN 8LC47LN, after its word
		}
	}
	if e-i == 14 && e < len(s) && isUpper(s[e]) && (e+1 == len(s) || !isAlnum(s[e+1])) &&
		namedAt(s, i, e+1, ninaWords, 3) {
		return e + 1, true // ML NINA 11683338640456S (14 digits and a letter), after its word
	}
	if e-i == 9 && e < len(s) && (s[e] == 'V' || s[e] == 'X') && (e+1 == len(s) || !isAlnum(s[e+1])) && lkOldNIC(s[i:e]) &&
		(s[e] == 'V' || contextNear(s, i, lkNICWords, 6) || nonASCIIBefore(s, i)) {
		// LK NIC (old form) 875178156V; one ending X only after its word
		// or in Sinhala or Tamil text (an ISBN-10 ends X as often)
		return e + 1, true
	}
	if e-i != 6 && e-i != 7 && e-i != 8 && e-i != 17 {
		return 0, false
	}
	if end, ok := digitLetterShape(s, i, e); ok && !otherCode(s, i) {
		return end, true
	}
	return 0, false
}

func digitLetterShape(s string, i, e int) (int, bool) {
	if n := e - i; (n == 7 || n == 8) && e+2 <= len(s) && s[e] == '-' && (s[e+1] == 'K' || s[e+1] == 'k') && (e+2 == len(s) || !isAlnum(s[e+2])) &&
		rutCheck([]byte(s[i:e])) == 'K' && (contextNear(s, i, rutWords, 4) || contextNear(s, i, runWords, 4) || namedBy(s, i, rutWords) || namedBy(s, i, runWords) ||
		ownCell(s, i, e+2) && idColumn(s, i, rutWords, nil)) {
		return e + 2, true // CL RUT 12345670-K after its word or under it
	}
	switch e - i {
	case 6:
		// FI HETU 131052-308T: a date, a century sign (- and U-Y for the
		// 1900s, A-F for the 2000s), three digits and a check character
		// (mod 31).
		if e+5 <= len(s) && indexByte("-ABCDEFUVWXY", s[e]) >= 0 && allDigits(s[e+1:e+4]) && (e+5 == len(s) || !isAlnum(s[e+5])) &&
			dateValid(2000, atoi(s[i+2:i+4]), atoi(s[i:i+2])) &&
			"0123456789ABCDEFHJKLMNPRSTUVWXY"[(atoi(s[i:e])*1000+atoi(s[e+1:e+4]))%31] == s[e+4] {
			return e + 5, true
		}
	case 7:
		// IE PPS 1234567T, 1234567TA: after its word or another
		// country's, or "ID:" alone (one number in 23 has the right
		// letter; seven digits and a letter are no order's or user's id
		// there, bareID).
		l := e
		if l < len(s) && s[l] >= 'A' && s[l] <= 'W' {
			x := l + 1
			if x < len(s) && indexByte("ABHWTX", s[x]) >= 0 {
				x++
			}
			if (x == len(s) || !isAlnum(s[x])) && ppsValid(s[i:e], s[l:x]) &&
				(contextNear(s, i, ppsWords, 4) || answerContext(s, i, ppsWords) || anyKindContext(s, i, keyPPS) || bareID(s, i) ||
					idColumn(s, i, ppsIDHeaders, nil)) {
				return x, true
			}
		}
	case 8:
		// ES DNI 12345678Z, 12345678-Z; 12345678 Z after its word (a
		// capital after a blank is as often the next word's).
		l, spaced := e, false
		if l+1 < len(s) && (s[l] == '-' || s[l] == ' ') {
			l, spaced = l+1, s[l] == ' '
		}
		if l < len(s) && isUpper(s[l]) && (l+1 == len(s) || !isAlnum(s[l+1])) && dniLetter(atoi(s[i:e])) == s[l] &&
			(!spaced || contextNear(s, i, dniWords, 4)) {
			return l + 1, true
		}
	case 17:
		var b [18]byte
		copy(b[:], s[i:e])
		b[17] = 'X'
		if e < len(s) && (s[e] == 'X' || s[e] == 'x') && (e+1 == len(s) || !isAlnum(s[e+1])) && cnIDValid(b[:]) {
			return e + 1, true
		}
	}
	return 0, false
}

// rvWords name a German pension insurance number (the number on the
// SV-Ausweis), which written together needs them.
var rvWords = idWordSet("rentenversicherungsnummer", "rvnr", "rv nummer", "rv nr", "sozialversicherungsnummer", "sv nummer", "svnr", "versicherungsnummer", "rentenversicherung")

// rvnr matches a German pension insurance number (Rentenversicherungs-
// nummer) at s[i], the start of a run of digits: the insurer's area (two
// digits), the birth date DDMMYY, the initial of the birth name, a serial
// (two digits) and a check digit, spaced as the SV-Ausweis prints it (65
// 170839 J 003) or, after its word, together (65170839J003). The check
// (Deutsche Rentenversicherung): the letter as its place in the alphabet
// (two digits), weights 2 1 2 5 7 1 2 1 2 1 2 1 on the twelve digits, the
// digit sums of the products, mod 10.
func rvnr(s string, i int) (int, bool) {
	n := len(s)
	// d: the twelve digits the check weighs, area and date, the letter's
	// two, the serial; c: the check digit.
	var d [12]byte
	var letter, c byte
	var e int
	switch {
	case i+15 <= n && s[i+2] == ' ' && s[i+9] == ' ' && s[i+11] == ' ' && isUpper(s[i+10]) &&
		allDigits(s[i:i+2]) && allDigits(s[i+3:i+9]) && allDigits(s[i+12:i+15]):
		copy(d[:2], s[i:i+2])
		copy(d[2:8], s[i+3:i+9])
		copy(d[10:], s[i+12:i+14])
		letter, c, e = s[i+10], s[i+14], i+15
	case i+12 <= n && isUpper(s[i+8]) && allDigits(s[i:i+8]) && allDigits(s[i+9:i+12]) &&
		(contextNear(s, i, rvWords, 4) || namedBy(s, i, rvWords) || idColumn(s, i, rvWords, nil)):
		copy(d[:8], s[i:i+8])
		copy(d[10:], s[i+9:i+11])
		letter, c, e = s[i+8], s[i+11], i+12
	default:
		return 0, false
	}
	if e < n && isAlnum(s[e]) || i > 0 && isAlnum(s[i-1]) || !dateValid(2000, atoiB(d[4:6]), atoiB(d[2:4])) {
		return 0, false
	}
	l := letter - 'A' + 1
	d[8], d[9] = '0'+l/10, '0'+l%10
	w := [12]int{2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1}
	sum := 0
	for k, x := range w {
		p := int(d[k]-'0') * x
		sum += p/10 + p%10
	}
	return e, sum%10 == int(c-'0')
}

// letterID matches the numbers that start with a letter at s[i]: a UK
// NINO, an ES NIE, an IT codice fiscale, an SG NRIC or FIN, a TW ID and
// an IN PAN (these two after their word).
func letterID(s string, i int) (int, bool) {
	n := len(s)
	if i+8 > n {
		return 0, false
	}
	if hkidStart(s, i) {
		if e, ok := hkid(s, i); ok && !otherCode(s, i) {
			return e, true // HK A123456(3)
		}
	}
	if i+9 > n {
		return 0, false
	}
	if !letterIDStart(s, i) {
		if i+10 <= n && isDigit(s[i+1]) && isUpper(s[i+9]) {
			return alNID(s, i) // AL G96119722N, after its word
		}
		if (s[i] == 'B' || s[i] == 'P') && isDigit(s[i+1]) {
			return afrLetterID(s, i) // BF CNIB B76441186, CM NIU P924377739971H
		}
		return 0, false
	}
	if e, ok := letterIDShape(s, i); ok && !otherCode(s, i) {
		return e, true
	}
	return 0, false
}

// hkidWords name a Hong Kong identity card number.
var hkidWords = newContextWords("hkid", "hkic", "身份證", "身份证", "身分證", "identity card", "id card")

// hkid matches at s[i] a Hong Kong identity card number: one or two
// capitals, six digits and a check character (a digit or A) in
// parentheses as the card prints it, A123456(3), maybe after a blank, or
// without them after its word (HKID A1234563). The check: the letters'
// values (A=10 … Z=35, a missing second letter 36) and the digits
// weighted 9 to 2, plus the check character's value, is a multiple of 11
// (the Immigration Department's scheme, as python-stdnum and Presidio
// implement it). It returns the end.
func hkid(s string, i int) (int, bool) {
	l := 1
	if i+1 < len(s) && isUpper(s[i+1]) {
		l = 2
	}
	p := i + l
	if p+7 > len(s) || !allDigits(s[p:p+6]) {
		return 0, false
	}
	c, e, paren := byte(0), 0, false
	k := p + 6
	if k < len(s) && s[k] == ' ' {
		k++
	}
	if k+3 <= len(s) && s[k] == '(' && s[k+2] == ')' {
		c, e, paren = s[k+1], k+3, true
	} else if k == p+6 {
		c, e = s[k], k+1
	}
	if c == 0 || !isDigit(c) && c != 'A' || e < len(s) && isAlnum(s[e]) || i > 0 && isAlnum(s[i-1]) {
		return 0, false
	}
	sum := 36 * 9
	if l == 2 {
		sum = int(s[i]-'A'+10) * 9
	}
	sum += int(s[p-1]-'A'+10) * 8
	for k := 0; k < 6; k++ {
		sum += int(s[p+k]-'0') * (7 - k)
	}
	v := 10
	if c != 'A' {
		v = int(c - '0')
	}
	if (sum+v)%11 != 0 {
		return 0, false
	}
	return e, paren || contextNear(s, i, hkidWords, 3)
}

// hkidStart is the cheap test before hkid (s[i:i+8] exists): one or two
// capitals, then six digits.
func hkidStart(s string, i int) bool {
	if isDigit(s[i+1]) {
		return allDigits(s[i+1 : i+7])
	}
	return isUpper(s[i+1]) && allDigits(s[i+2:i+8])
}

// letterIDStart is the cheap test before letterID (s[i:i+9] exists): two
// capitals then a digit, a blank or two more capitals (NINO, codice
// fiscale, PAN, CURP), or X, Y, Z then a digit (NIE), S, T, F, G then a
// digit (NRIC, FIN), any capital then 1 or 2 (TW).
func letterIDStart(s string, i int) bool {
	if !isUpper(s[i+1]) {
		switch s[i] {
		case 'X', 'Y', 'Z', 'S', 'T', 'F', 'G':
			return isDigit(s[i+1])
		}
		return s[i+1] == '1' || s[i+1] == '2'
	}
	c := s[i+2]
	return isDigit(c) || c == ' ' || (isUpper(c) && (isUpper(s[i+3]) || isDigit(s[i+3])))
}

func letterIDShape(s string, i int) (int, bool) {
	n := len(s)
	end := func(k int) bool { return k == n || !isAlnum(s[k]) }
	if i+9 <= n && isUpper(s[i]) && isUpper(s[i+1]) && isDigit(s[i+2]) {
		// NINO: AB123456C (after its word: the shape alone is a part
		// number as often) or AB 12 34 56 C.
		if allDigits(s[i+2:i+8]) && end(i+9) && ninoValid(s[i:i+2], s[i+8]) &&
			(contextNear(s, i, ninoWords, 4) || answerContext(s, i, ninoWords) || idContext(s, i, ninoWords, nil)) {
			return i + 9, true
		}
	}
	if i+13 <= n && isUpper(s[i]) && isUpper(s[i+1]) && s[i+2] == ' ' && isDigit(s[i+3]) {
		if s[i+5] == ' ' && s[i+8] == ' ' && s[i+11] == ' ' && allDigits(s[i+3:i+5]) && allDigits(s[i+6:i+8]) &&
			allDigits(s[i+9:i+11]) && end(i+13) && ninoValid(s[i:i+2], s[i+12]) {
			return i + 13, true
		}
	}
	if i+11 <= n && isUpper(s[i]) && isUpper(s[i+1]) && s[i+2] == ' ' && allDigits(s[i+3:i+9]) && s[i+9] == ' ' &&
		end(i+11) && ninoValid(s[i:i+2], s[i+10]) &&
		(contextNear(s, i, ninoWords, 4) || answerContext(s, i, ninoWords) || idContext(s, i, ninoWords, nil)) {
		return i + 11, true // AB 123456 C, after its word
	}
	if i+9 <= n && (s[i] == 'X' || s[i] == 'Y' || s[i] == 'Z') && allDigits(s[i+1:i+8]) {
		// NIE: X1234567L, X-1234567-L.
		l := i + 8
		if l+1 < n && s[l] == '-' {
			l++
		}
		if l < n && isUpper(s[l]) && end(l+1) && dniLetter(int(s[i]-'X')*10000000+atoi(s[i+1:i+8])) == s[l] {
			return l + 1, true
		}
	}
	if i+9 <= n && end(i+9) && isUpper(s[i+8]) && allDigits(s[i+1:i+8]) && nricCheck(s[i], s[i+1:i+8]) == s[i+8] {
		return i + 9, true // SG NRIC / FIN: T0626247Z
	}
	if i+10 <= n && end(i+10) && isUpper(s[i]) && (s[i+1] == '1' || s[i+1] == '2') && allDigits(s[i+2:i+10]) && twValid(s[i:i+10]) &&
		(contextNear(s, i, twWords, 4) || answerContext(s, i, twWords) || idContext(s, i, twWords, nil) || anyKindContext(s, i, keyTW) ||
			nonASCIIBefore(s, i)) {
		return i + 10, true // TW B231366671, after its word or in Chinese text (使用者：F238276101, a row of names)
	}
	if e, ok := plIDCard(s, i); ok {
		return e, true // PL dowód osobisty MEH805893, after its word
	}
	if i+16 <= n && end(i+16) && isUpper(s[i+5]) && isDigit(s[i+6]) && cfValid(s[i:i+16]) {
		return i + 16, true
	}
	if i+18 <= n && end(i+18) && isDigit(s[i+4]) && curpValid(s[i:i+18]) {
		return i + 18, true
	}
	if i+18 <= n && end(i+18) && isDigit(s[i+6]) && claveElectorValid(s[i:i+18]) {
		return i + 18, true // MX INE clave de elector FLRYJN68042514M739
	}
	if e, ok := azFIN(s, i); ok {
		return e, true // AZ FİN LWP3QGL, after its word
	}
	if e, ok := alNID(s, i); ok {
		return e, true // AL NID J30615365V (its decade's letter one letterIDStart takes)
	}
	if e, ok := afrLetterID(s, i); ok {
		return e, true // CI CNI CI005474109, MA CIN BH586452
	}
	if i+10 <= n && end(i+10) && isDigit(s[i+5]) && panValid(s[i:i+10]) &&
		(contextNear(s, i, panWords, 5) || anyKindContext(s, i, keyPAN) || namedBy(s, i, panWords) || idColumn(s, i, panWords, nil)) {
		return i + 10, true
	}
	return 0, false
}

// plIDWords name a Polish identity card (dowód osobisty).
var plIDWords = idWordSet("dowód", "dowod", "dowód osobisty", "dowod osobisty", "dowodu", "dowodu osobistego", "nr dowodu", "seria i numer")

// plIDCard matches at s[i] the series and number of a Polish identity card
// after its word: three capitals and six digits (MEH805893), the first
// digit a check (weights 7 3 1 9 7 3 1 7 3 on the letters as 10 to 35 and
// the digits, sum mod 10 = 0). (Written with a blank, YTF 783093, it is
// not found: the scanner looks at a word of capitals only when a digit
// follows its letters.)
func plIDCard(s string, i int) (int, bool) {
	n := len(s)
	d := i + 3
	if d < n && s[d] == ' ' {
		d++ // (HJL 854732: the series apart, as forms print it)
	}
	if d+6 > n || !isUpper(s[i]) || !isUpper(s[i+1]) || !isUpper(s[i+2]) || !allDigits(s[d:d+6]) || d+6 < n && isAlnum(s[d+6]) {
		return 0, false
	}
	w := [9]int{7, 3, 1, 9, 7, 3, 1, 7, 3}
	sum := weightedSum(s[d:d+6], w[3:])
	for k := 0; k < 3; k++ {
		sum += int(s[i+k]-'A'+10) * w[k]
	}
	if sum%10 != 0 || !contextNear(s, i, plIDWords, 4) && !namedBy(s, i, plIDWords) {
		return 0, false
	}
	return d + 6, true
}

// nricCheck returns the check letter of a Singapore NRIC (S, T) or FIN
// (F, G) with the seven digits d: weights 2 7 6 5 4 3 2, plus 4 for T and
// G (born or issued from 2000), mod 11 into JZIHGFEDCBA (NRIC) or
// XWUTRQPNMLK (FIN); 0 for another prefix.
func nricCheck(p byte, d string) byte {
	w := [7]int{2, 7, 6, 5, 4, 3, 2}
	sum := weightedSum(d, w[:])
	if p == 'T' || p == 'G' {
		sum += 4
	}
	switch p {
	case 'S', 'T':
		return "JZIHGFEDCBA"[sum%11]
	case 'F', 'G':
		return "XWUTRQPNMLK"[sum%11]
	}
	return 0
}

// twValid checks a Taiwanese national identification number A123456789:
// the letter (the region) counts as two digits, 10 for A … in the order
// ABCDEFGHJKLMNPQRSTUVXYWZIO, then weights 1 9 8 7 6 5 4 3 2 1 1 over the
// eleven digits, sum mod 10 = 0.
func twValid(id string) bool {
	v := indexByte("ABCDEFGHJKLMNPQRSTUVXYWZIO", id[0]) + 10
	sum := v/10 + v%10*9
	for k := 1; k < 9; k++ {
		sum += int(id[k]-'0') * (9 - k)
	}
	sum += int(id[9] - '0')
	return sum%10 == 0
}

func dniLetter(n int) byte { return "TRWAGMYFPDXBNJZSQVHLCKE"[n%23] }

// ninoValid applies HMRC's prefix rules: neither letter D, F, I, Q, U or V,
// the second not O, not BG, GB, KN, NK, NT, TN or ZZ; the suffix A to D.
func ninoValid(p string, suffix byte) bool {
	if suffix < 'A' || suffix > 'D' {
		return false
	}
	for _, c := range []byte{p[0], p[1]} {
		switch c {
		case 'D', 'F', 'I', 'Q', 'U', 'V':
			return false
		}
	}
	switch p {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return p[1] != 'O'
}

// cfValid checks an Italian codice fiscale: six letters, year, month
// letter, day, place (a letter and three digits), a check letter; digits
// of the date and place may be replaced by LMNPQRSTUV (omocodia).
func cfValid(cf string) bool {
	const omo = "LMNPQRSTUV"
	for k := 0; k < 16; k++ {
		c := cf[k]
		switch k {
		case 0, 1, 2, 3, 4, 5, 8, 11, 15:
			if !isUpper(c) {
				return false
			}
		default:
			if !isDigit(c) && indexByte(omo, c) < 0 {
				return false
			}
		}
	}
	if indexByte("ABCDEHLMPRST", cf[8]) < 0 {
		return false
	}
	odd := [26]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}
	sum := 0
	for k := 0; k < 15; k++ {
		c := cf[k]
		v := 0
		if isDigit(c) {
			v = int(c - '0')
		} else {
			v = int(c - 'A')
		}
		if k%2 == 0 {
			sum += odd[v]
		} else {
			sum += v
		}
	}
	return byte('A'+sum%26) == cf[15]
}

func indexByte(s string, c byte) int {
	for k := 0; k < len(s); k++ {
		if s[k] == c {
			return k
		}
	}
	return -1
}

// panValid checks the shape of an Indian PAN: five letters (the fourth
// names the holder type), four digits, a letter.
func panValid(p string) bool {
	for k := 0; k < 10; k++ {
		if (k >= 5 && k < 9) != isDigit(p[k]) || (k < 5 || k == 9) && !isUpper(p[k]) {
			return false
		}
	}
	return indexByte("ABCFGHLJPTK", p[3]) >= 0 // (K: python-stdnum in_/pan.py's Krish trust)
}

// nirValid checks a French NIR: sex 1 or 2 (3, 4, 7, 8 for provisional
// numbers), a month 01-12 (or 20-42, 50-99 when unknown), a key of
// 97 - (the first 13 digits mod 97).
func nirValid(d []byte) bool {
	if indexByte("123478", d[0]) < 0 {
		return false
	}
	if m := atoiB(d[3:5]); m == 0 || (m > 12 && m < 20) || (m > 42 && m < 50) {
		return false
	}
	return 97-digitsMod97(d[:13]) == atoiB(d[13:15])
}

// cpfValid checks a Brazilian CPF's two mod-11 check digits.
func cpfValid(d []byte) bool {
	if sameDigits(d) {
		return false
	}
	for _, n := range []int{9, 10} {
		sum := 0
		for k := 0; k < n; k++ {
			sum += int(d[k]-'0') * (n + 1 - k)
		}
		c := sum * 10 % 11 % 10
		if c != int(d[n]-'0') {
			return false
		}
	}
	return true
}

// cnpjValid checks a Brazilian CNPJ's two mod-11 check digits.
func cnpjValid(d []byte) bool {
	if sameDigits(d) {
		return false
	}
	for _, n := range []int{12, 13} {
		sum, w := 0, n-7
		for k := 0; k < n; k++ {
			sum += int(d[k]-'0') * w
			if w--; w < 2 {
				w = 9
			}
		}
		c := 0
		if r := sum % 11; r >= 2 {
			c = 11 - r
		}
		if c != int(d[n]-'0') {
			return false
		}
	}
	return true
}

func sameDigits(d []byte) bool {
	for k := 1; k < len(d); k++ {
		if d[k] != d[0] {
			return false
		}
	}
	return true
}

// cnIDValid checks a Chinese resident identity number: a region code
// (first digit 1-8), a birth date YYYYMMDD, a sequence, and an ISO 7064
// MOD 11-2 check (0-9 or X).
func cnIDValid(d []byte) bool {
	if d[0] < '1' || d[0] > '8' || !allDigitsB(d[:17]) {
		return false
	}
	y, m, day := atoiB(d[6:10]), atoiB(d[10:12]), atoiB(d[12:14])
	if y < 1900 || y > 2099 || !dateValid(y, m, day) {
		return false
	}
	w := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := weightedSum(d, w[:])
	return "10X98765432"[sum%11] == d[17]
}

func dateValid(y, m, d int) bool {
	days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if m < 1 || m > 12 || d < 1 || d > days[m] {
		return false
	}
	return m != 2 || d < 29 || (y%4 == 0 && (y%100 != 0 || y%400 == 0))
}

// aadhaarValid checks an Aadhaar number: 12 digits, the first 2-9, and the
// Verhoeff check digit.
func aadhaarValid(d []byte) bool {
	if d[0] < '2' || sameDigits(d) {
		return false
	}
	return verhoeff(d)
}

var (
	vD = [10][10]int{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
		{1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
		{2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
		{3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
		{4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
		{5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
		{6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
		{7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
		{8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
		{9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
	}
	vP = [8][10]int{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
		{1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
		{5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
		{8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
		{9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
		{4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
		{2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
		{7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
	}
)

// verhoeff reports whether d ends with its Verhoeff check digit.
func verhoeff(d []byte) bool {
	c := 0
	for k := 0; k < len(d); k++ {
		c = vD[c][vP[k%8][int(d[len(d)-1-k]-'0')]]
	}
	return c == 0
}

// bsnValid applies the Dutch 11-proof: 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0
// (mod 11), not all zeros.
func bsnValid(d []byte) bool {
	sum := 0
	for k := 0; k < 8; k++ {
		sum += int(d[k]-'0') * (9 - k)
	}
	sum -= int(d[8] - '0')
	return sum%11 == 0 && sum > 0
}

// peselValid checks a Polish PESEL: a birth date YYMMDD whose month carries
// the century (+20 for 2000s, +80 for 1800s, +40, +60), and the check digit
// of weights 1, 3, 7, 9.
func peselValid(d []byte) bool {
	m, day := atoiB(d[2:4]), atoiB(d[4:6])
	y := 1900 + atoiB(d[0:2])
	switch {
	case m > 80:
		m, y = m-80, y-100
	case m > 60:
		m, y = m-60, y+300
	case m > 40:
		m, y = m-40, y+200
	case m > 20:
		m, y = m-20, y+100
	}
	if !dateValid(y, m, day) {
		return false
	}
	w := [10]int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}
	sum := weightedSum(d, w[:])
	return (10-sum%10)%10 == int(d[10]-'0')
}

// snilsValid checks a Russian insurance number (СНИЛС): the sum of the
// first nine digits weighted 9 down to 1, mod 101 (100 and 101 giving
// 00), is the last two; numbers up to 001-001-998 carry no check.
func snilsValid(d []byte) bool {
	if atoiB(d[:9]) <= 1001998 {
		return false
	}
	sum := 0
	for k := 0; k < 9; k++ {
		sum += int(d[k]-'0') * (9 - k)
	}
	sum %= 101
	if sum == 100 {
		sum = 0
	}
	return sum == atoiB(d[9:11])
}

// myNumberHeadings name Japanese individual numbers in a text's heading or
// an earlier paragraph, above a list of them.
var myNumberHeadings = []string{"個人番号", "マイナンバー"}

// headedBy reports whether one of words stands in the 400 bytes before
// start, past line breaks (a heading or a paragraph above a list of
// numbers): for a kind whose check digit the number has passed.
func headedBy(s string, start int, words []string) bool {
	w := s[max(0, start-400):start]
	for _, h := range words {
		if strings.Contains(w, h) {
			return true
		}
	}
	return false
}

// steuerIDCheck checks a German tax identification number that its word
// names ("Steuer-ID 32807166755"): the first digit not 0 and the check
// digit, not how often each digit occurs (steuerIDValid). Test data and
// mistyped numbers often get the digits' rule wrong; named so, the number
// is meant as one.
func steuerIDCheck(d []byte) bool {
	return d[0] != '0' && mod1110(d[:10]) == int(d[10]-'0')
}

// steuerIDValid checks a German tax identification number: 11 digits, the
// first not 0, among the first ten one digit twice or three times and
// the others at most once, and an ISO 7064 MOD 11,10 check digit.
func steuerIDValid(d []byte) bool {
	if d[0] == '0' {
		return false
	}
	var count [10]int
	for k := 0; k < 10; k++ {
		count[d[k]-'0']++
	}
	multi := 0
	for _, c := range count {
		if c > 3 {
			return false
		}
		if c > 1 {
			multi++
		}
	}
	if multi != 1 {
		return false
	}
	return mod1110(d[:10]) == int(d[10]-'0')
}

// mod1110 returns the ISO 7064 MOD 11,10 check digit of the digits d.
func mod1110(d []byte) int {
	p := 10
	for _, c := range d {
		sum := (int(c-'0') + p) % 10
		if sum == 0 {
			sum = 10
		}
		p = sum * 2 % 11
	}
	return (11 - p) % 10
}

// seCentury reports whether a 12-digit personnummer starts with a century
// in use (18, 19, 20).
func seCentury(d []byte) bool {
	return d[0] == '1' && (d[1] == '8' || d[1] == '9') || d[0] == '2' && d[1] == '0'
}

// seValid checks a Swedish personnummer YYMMDDNNNC (d, 10 digits): a date
// (the day + 60 for a coordination number) and the Luhn check.
func seValid(d []byte) bool {
	m, day := atoiB(d[2:4]), atoiB(d[4:6])
	if day > 60 {
		day -= 60
	}
	if !dateValid(2000, m, day) {
		return false
	}
	return luhn(d)
}

// rrnDate reports whether a Korean resident registration number starts
// with a birth date YYMMDD and a sex/century digit 1-8 (9 and 0 were the
// 1800s).
func rrnDate(d []byte) bool {
	y, m, day := atoiB(d[0:2]), atoiB(d[2:4]), atoiB(d[4:6])
	return d[6] >= '1' && d[6] <= '8' && dateValid(1900+y, m, day)
}

// rrnCheck applies the RRN check digit (weights 2-9, 2-5; numbers issued
// since October 2020 have none, so they need their word).
func rrnCheck(d []byte) bool {
	w := [12]int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := weightedSum(d, w[:])
	return (11-sum%11)%10 == int(d[12]-'0')
}

// zaIDValid checks a South African identity number: a birth date YYMMDD,
// a citizenship digit 0-2 and the Luhn check.
func zaIDValid(d []byte) bool {
	m, day := atoiB(d[2:4]), atoiB(d[4:6])
	return dateValid(2000, m, day) && d[10] <= '2' && luhn(d)
}

// beValid checks a Belgian national register number YYMMDDSSSCC: CC is
// 97 - (the first nine digits mod 97), with a 2 before them for births
// from 2000.
func beValid(d []byte) bool {
	n := atoiB(d[:9])
	c := atoiB(d[9:11])
	return 97-n%97 == c || 97-(2000000000+n)%97 == c
}

// tcValid checks a Turkish identity number (T.C. Kimlik No): first digit
// not 0, d10 = (7·(d1+d3+d5+d7+d9) − (d2+d4+d6+d8)) mod 10, d11 = the sum
// of the first ten mod 10.
func tcValid(d []byte) bool {
	if d[0] == '0' {
		return false
	}
	odd, even, all := 0, 0, 0
	for k := 0; k < 9; k++ {
		if k%2 == 0 {
			odd += int(d[k] - '0')
		} else {
			even += int(d[k] - '0')
		}
	}
	all = odd + even + int(d[9]-'0')
	return ((odd*7-even)%10+10)%10 == int(d[9]-'0') && all%10 == int(d[10]-'0')
}

// noValid checks a Norwegian national identity number DDMMYYIIIKK (the
// day + 40 for a D number): two mod-11 check digits.
func noValid(d []byte) bool {
	day, m := atoiB(d[0:2]), atoiB(d[2:4])
	if day > 40 {
		day -= 40
	}
	if !dateValid(2000, m, day) {
		return false
	}
	check := func(w []int) int {
		sum := 0
		for k, x := range w {
			sum += int(d[k]-'0') * x
		}
		return (11 - sum%11) % 11
	}
	k1 := check([]int{3, 7, 6, 1, 8, 9, 4, 5, 2})
	k2 := check([]int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})
	return k1 < 10 && k2 < 10 && k1 == int(d[9]-'0') && k2 == int(d[10]-'0')
}

// twNHIWords name a Taiwanese health insurance card's number, and
// jpPensionWords a Japanese basic pension number.
var (
	twNHIWords     = newContextWords("健保卡號", "健保卡", "健保卡号")
	jpPensionWords = newContextWords("基礎年金番号", "年金番号", "pension no", "pension number", "basic pension number")
)

// namedAt reports whether one of words names the value s[i:end] of a kind
// with no check digit: among the n words right before it, in the question
// it answers, or heading its column when it is a cell of its own.
func namedAt(s string, i, end int, words *contextWords, n int) bool {
	return contextNear(s, i, words, n) || answerContext(s, i, words) || ownCell(s, i, end) && idColumn(s, i, words, nil)
}

// azWords name an Azerbaijani identity card's FİN (its personal
// identification code) and alWords an Albanian NID (numri personal).
var (
	azWords = newContextWords("fin", "fİn", "FİN", "fin kod", "fin kodu", "fin code")
	alWords = newContextWords("nid", "numri personal", "numrin personal", "nr personal", "numri i identitetit", "numri identitetit")
)

// azFIN matches at s[i] an Azerbaijani FİN: seven capitals and digits,
// both kinds, after its word, in the answer to a question naming it or in
// a cell under its column (no check digit: it needs its word). It returns
// the end.
func azFIN(s string, i int) (int, bool) {
	e := i + 7
	if e > len(s) || e < len(s) && (isAlnum(s[e]) || s[e] == '-' || s[e] == '_') || i > 0 && (isAlnum(s[i-1]) || s[i-1] == '-') {
		return 0, false
	}
	digits, letters := 0, 0
	for k := i; k < e; k++ {
		switch c := s[k]; {
		case isDigit(c):
			digits++
		case isUpper(c):
			letters++
		default:
			return 0, false
		}
	}
	if digits == 0 || letters == 0 {
		return 0, false
	}
	if namedAt(s, i, e, azWords, 2) {
		return e, true
	}
	return 0, false
}

// alNID matches at s[i] an Albanian NID (numri personal): the decade of
// birth as a letter (A is the 1900s, K the 2000s), the year's digit, the
// month (50 added for a woman, 30 for a foreigner), the day, three digits
// and a check letter (G96119722N; the letter's rule is not published,
// so it needs its word: right before, in the answer to a question naming
// it, or heading its column). It returns the end.
func alNID(s string, i int) (int, bool) {
	e := i + 10
	if e > len(s) || e < len(s) && isAlnum(s[e]) || s[i] < 'A' || s[i] > 'T' || !allDigits(s[i+1:i+9]) || !isUpper(s[i+9]) {
		return 0, false
	}
	m, d := atoi(s[i+2:i+4]), atoi(s[i+4:i+6])
	switch {
	case m > 80:
		m -= 80
	case m > 50:
		m -= 50
	case m > 30:
		m -= 30
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	if namedAt(s, i, e, alWords, 3) {
		return e, true
	}
	return 0, false
}

// The identity and social numbers of Francophone Africa and the Maghreb
// have no published check digit: each needs its word right before it, in
// the question it answers, or heading its column.
var (
	tnWords    = newContextWords("cin", "num cin", "cin c", "رقم بطاقة التعريف")                                     // TN carte d'identité nationale
	afr9Words  = newContextWords("cni", "cnss", "ipres", "n° cni", "cnss client")                                    // CM CNI, MA CNSS, SN IPRES
	afr10Words = newContextWords("électeur", "electeur", "carte d'électeur", "mpiga kura")                           // CD voter card (not NPI: a US provider's public number too)
	nniWords   = newContextWords("nni")                                                                              // CI numéro national d'identification
	snWords    = newContextWords("cni", "nin", "carte d'identité", "pièce d'identité", "carte d identité", "cedeao") // SN NIN on the CEDEAO card
	ifuWords   = newContextWords("ifu")                                                                              // BJ, BF tax number of a person
	dzWords    = newContextWords("nin", "رقم التعريف الوطني", "التعريف الوطني")                                      // DZ numéro d'identification national
)

var (
	ninaWords = newContextWords("nina")
	cnibWords = newContextWords("cnib")
	niuWords  = newContextWords("niu")
	maWords   = newContextWords("cin", "cnie", "البطاقة الوطنية", "بطاقة التعريف", "البطاقة", "للبطاقة الوطنية", "la cin")
)

// afrLetterID matches at s[i] the identity numbers of Francophone Africa
// and Morocco that start with letters: an Ivorian CNI (CI and 9 digits,
// its own form), a Burkinabè CNIB (B and 8 digits), a Cameroonian NIU (P,
// 12 digits, a letter), a Moroccan CIN (one or two letters and 5 or 6
// digits), each but the first after its word, in the answer to a question
// naming it or under its column. It returns the end.
func afrLetterID(s string, i int) (int, bool) {
	n := len(s)
	d := runOf(s, i, isUpper)
	e := runOf(s, d, isDigit)
	niu := d-i == 1 && s[i] == 'P' && e-d == 12 && e < n && isUpper(s[e]) && (e+1 == n || !isAlnum(s[e+1])) // (its letter glued)
	if e < n && isAlnum(s[e]) && !niu || i > 0 && (isAlnum(s[i-1]) || s[i-1] == '-' || s[i-1] == '_' || s[i-1] == '/') {
		return 0, false
	}
	switch {
	case d-i == 2 && s[i] == 'C' && s[i+1] == 'I' && e-d == 9:
		return e, true
	case d-i == 1 && s[i] == 'B' && e-d == 8 && namedAt(s, i, e, cnibWords, 3):
		return e, true
	case niu && namedAt(s, i, e+1, niuWords, 3):
		return e + 1, true
	case (d-i == 1 || d-i == 2) && (e-d == 5 || e-d == 6) && namedAt(s, i, e, maWords, 3):
		return e, true
	}
	return 0, false
}

// snNIN reports whether 13 digits are shaped like a Senegalese NIN: the
// sex (1 or 2), the registration centre's three digits, a year 19xx or
// 20xx, five digits.
func snNIN(d []byte) bool {
	return (d[0] == '1' || d[0] == '2') && (d[4] == '1' && d[5] == '9' || d[4] == '2' && d[5] == '0')
}

// kzIINValid checks a Kazakh ИИН: a birth date YYMMDD, the century and
// sex (1 to 6), a serial and a check digit, the sum of the digits times 1
// to 11 mod 11, or when that is 10 times 3 to 11, 1, 2 (10 again: no
// number) (Government decree No. 565 of 2003; the validators published
// for it agree).
func kzIINValid(d []byte) bool {
	c := d[6] - '0'
	if c < 1 || c > 6 || !dateValid(1800+int(c-1)/2*100+atoiB(d[0:2]), atoiB(d[2:4]), atoiB(d[4:6])) {
		return false
	}
	sum := func(w0 int) int {
		t := 0
		for k := 0; k < 11; k++ {
			t += int(d[k]-'0') * ((w0+k-1)%11 + 1)
		}
		return t % 11
	}
	k := sum(1)
	if k == 10 {
		k = sum(3)
	}
	return k < 10 && k == int(d[11]-'0')
}

// pinflValid checks an Uzbek ПИНФЛ (JSHSHIR): the century and sex (3 to
// 6), a birth date DDMMYY, the district, a serial and a check digit, the
// sum of the first 13 digits times 7, 3, 1, … mod 10.
func pinflValid(d []byte) bool {
	c := d[0] - '0'
	if c < 3 || c > 6 || !dateValid(1900+int(c-3)/2*100+atoiB(d[5:7]), atoiB(d[3:5]), atoiB(d[1:3])) {
		return false
	}
	w := [3]int{7, 3, 1}
	t := 0
	for k := 0; k < 13; k++ {
		t += int(d[k]-'0') * w[k%3]
	}
	return t%10 == int(d[13]-'0')
}

// kgPINShape reports whether 14 digits are a Kyrgyz personal number's: the
// sex (1 or 2), a birth date DDMMYYYY and five digits (no check digit is
// published, so it needs its word).
func kgPINShape(d []byte) bool {
	y := atoiB(d[5:9])
	return (d[0] == '1' || d[0] == '2') && y >= 1900 && y <= 2030 && dateValid(y, atoiB(d[3:5]), atoiB(d[1:3]))
}

// cprDate reports whether a Danish CPR number DDMMYYSSSS starts with a
// valid date (there is no check digit since 2007, so it needs its word).
func cprDate(d []byte) bool {
	return dateValid(2000, atoiB(d[2:4]), atoiB(d[0:2]))
}

// nhsValid checks a UK NHS number: weights 10 to 2, check 11 − sum mod 11
// (11 is 0, 10 is no number).
func nhsValid(d []byte) bool {
	sum := 0
	for k := 0; k < 9; k++ {
		sum += int(d[k]-'0') * (10 - k)
	}
	c := 11 - sum%11
	if c == 11 {
		c = 0
	}
	return c != 10 && c == int(d[9]-'0') && !sameDigits(d)
}

// utrValid checks a UK Unique Taxpayer Reference (HMRC): weights 6 7 8 9
// 10 5 4 3 2 on the last nine digits, and the first digit is
// "21987654321"[sum mod 11].
func utrValid(d []byte) bool {
	w := [9]int{6, 7, 8, 9, 10, 5, 4, 3, 2}
	return "21987654321"[weightedSum(d[1:], w[:])%11] == d[0] && !sameDigits(d)
}

// sinValid checks a Canadian social insurance number: Luhn, not starting
// with 0 or 8.
func sinValid(d []byte) bool { return d[0] != '0' && d[0] != '8' && luhn(d) && !sameDigits(d) }

// irdValid checks a New Zealand IRD number (Inland Revenue): 8 or 9
// digits between 10,000,000 and 150,000,000, the last a check digit over
// the others (padded to 8) with weights 3 2 7 6 5 4 3 2 mod 11, or when
// that gives 10 with weights 7 4 3 2 5 2 7 6 (python-stdnum nz/ird.py).
func irdValid(d []byte) bool {
	if len(d) != 8 && len(d) != 9 {
		return false
	}
	if v := atoiB(d); v <= 10000000 || v >= 150000000 {
		return false
	}
	var b [8]byte
	base := b[:0]
	if len(d) == 8 {
		base = append(base, '0')
	}
	base = append(base, d[:len(d)-1]...)
	check := func(w []int) int { return (11 - weightedSum(base, w)%11) % 11 }
	c := check([]int{3, 2, 7, 6, 5, 4, 3, 2})
	if c == 10 {
		c = check([]int{7, 4, 3, 2, 5, 2, 7, 6})
	}
	return c < 10 && c == int(d[len(d)-1]-'0')
}

// tfnValid checks an Australian tax file number (weights 1 4 3 7 5 8 6 9
// 10, sum mod 11 = 0).
func tfnValid(d []byte) bool {
	w := [9]int{1, 4, 3, 7, 5, 8, 6, 9, 10}
	sum := weightedSum(d, w[:])
	return sum%11 == 0 && !sameDigits(d)
}

// nifPTValid checks a Portuguese NIF: a first digit in use and a mod-11
// check digit.
func nifPTValid(d []byte) bool {
	if indexByte("1235689", d[0]) < 0 {
		return false
	}
	sum := 0
	for k := 0; k < 8; k++ {
		sum += int(d[k]-'0') * (9 - k)
	}
	c := 0
	if r := sum % 11; r >= 2 {
		c = 11 - r
	}
	return c == int(d[8]-'0')
}

// ilValid checks an Israeli identity number (weights 1, 2 alternating,
// the digits of each product summed, total mod 10 = 0).
func ilValid(d []byte) bool {
	sum := 0
	for k := 0; k < 9; k++ {
		x := int(d[k]-'0') * (k%2 + 1)
		sum += x/10 + x%10
	}
	return sum%10 == 0 && !sameDigits(d)
}

// myNumberValid checks a Japanese individual number (マイナンバー): the
// check digit of weights 2-7, 2-6 from the right.
func myNumberValid(d []byte) bool {
	sum := 0
	for n := 1; n <= 11; n++ {
		q := n + 1
		if n > 6 {
			q = n - 5
		}
		sum += int(d[11-n]-'0') * q
	}
	c := 0
	if r := sum % 11; r > 1 {
		c = 11 - r
	}
	return c == int(d[11]-'0')
}

// rutCheck returns the check character of a Chilean RUT body: weights 2-7
// from the right, 11 − sum mod 11 (11 is '0', 10 is 'K').
func rutCheck(body []byte) byte {
	sum, w := 0, 2
	for k := len(body) - 1; k >= 0; k-- {
		sum += int(body[k]-'0') * w
		if w++; w > 7 {
			w = 2
		}
	}
	switch c := 11 - sum%11; c {
	case 11:
		return '0'
	case 10:
		return 'K'
	default:
		return byte('0' + c)
	}
}

// curpValid checks a Mexican CURP: four letters, a birth date YYMMDD, H or
// M, the state (two letters), three consonants, a letter or digit, and a
// check digit over the alphabet 0-9 A-N Ñ O-Z with weights 18 to 2.
func curpValid(c string) bool {
	for k := 0; k < 18; k++ {
		x := c[k]
		switch {
		case k < 4 || (k >= 11 && k < 16):
			if !isUpper(x) {
				return false
			}
		case k < 10 || k == 17:
			if !isDigit(x) {
				return false
			}
		case k == 10:
			if x != 'H' && x != 'M' && x != 'X' {
				return false
			}
		case k == 16:
			if !isUpper(x) && !isDigit(x) {
				return false
			}
		}
	}
	if !dateValid(2000, atoi(c[6:8]), atoi(c[8:10])) {
		return false
	}
	sum := 0
	for k := 0; k < 17; k++ {
		x := c[k]
		v := int(x - '0')
		if isUpper(x) {
			v = int(x-'A') + 10
			if x > 'N' {
				v++ // Ñ comes after N
			}
		}
		sum += v * (18 - k)
	}
	return (10-sum%10)%10 == int(c[17]-'0')
}

// czValid checks a Czech or Slovak birth number (rodné číslo) of ten
// digits YYMMDDNNNC: the month + 50 for women (+ 20 more since 2004), a
// valid date, and the whole number divisible by 11 (C is 0 when the first
// nine leave 10). Nine-digit numbers (before 1954) have no check.
func czValid(d []byte) bool {
	m := atoiB(d[2:4]) % 50 % 20
	if atoiB(d[2:4])%50 > 32 || !dateValid(2000, m, atoiB(d[4:6])) {
		return false
	}
	n := 0
	for k := 0; k < 9; k++ {
		n = (n*10 + int(d[k]-'0')) % 11
	}
	return n%10 == int(d[9]-'0')
}

// thValid checks a Thai citizen identification number: 13 digits, the
// first not 0 or 9, weights 13 to 2, check (11 − sum mod 11) mod 10.
func thValid(d []byte) bool {
	if d[0] == '0' || d[0] == '9' {
		return false
	}
	sum := 0
	for k := 0; k < 12; k++ {
		sum += (13 - k) * int(d[k]-'0')
	}
	return (11-sum%11)%10 == int(d[12]-'0')
}

// irValid checks an Iranian national code (code melli): weights 10 to 2,
// r = sum mod 11, check r when r < 2, 11 − r otherwise.
func irValid(d []byte) bool {
	if sameDigits(d) {
		return false
	}
	sum := 0
	for k := 0; k < 9; k++ {
		sum += (10 - k) * int(d[k]-'0')
	}
	c := sum % 11
	if c >= 2 {
		c = 11 - c
	}
	return c == int(d[9]-'0')
}

// cnpValid checks a Romanian personal numeric code (CNP): sex and century
// 1-9, a date YYMMDD (1800s for 3, 4; 2000s for 5, 6), a county, and the
// check of weights 2 7 9 1 4 6 3 5 8 2 7 9 (sum mod 11, 10 is 1).
func cnpValid(d []byte) bool {
	if d[0] == '0' {
		return false
	}
	y := atoiB(d[1:3]) + 1900
	switch d[0] {
	case '3', '4':
		y -= 100
	case '5', '6':
		y += 100
	}
	if !dateValid(y, atoiB(d[3:5]), atoiB(d[5:7])) {
		return false
	}
	w := [12]int{2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9}
	sum := weightedSum(d, w[:])
	c := sum % 11
	if c == 10 {
		c = 1
	}
	return c == int(d[12]-'0')
}

// afmValid checks a Greek tax number (ΑΦΜ): the first eight digits read
// in base 2, doubled, mod 11 mod 10 is the ninth.
func afmValid(d []byte) bool {
	if sameDigits(d) {
		return false
	}
	sum := 0
	for k := 0; k < 8; k++ {
		sum = sum*2 + int(d[k]-'0')
	}
	return sum*2%11%10 == int(d[8]-'0')
}

// amkaValid checks a Greek social security number (ΑΜΚΑ): a birth date
// DDMMYY and the Luhn check.
func amkaValid(d []byte) bool {
	y := atoiB(d[4:6])
	day, m := atoiB(d[0:2]), atoiB(d[2:4])
	return (dateValid(1900+y, m, day) || dateValid(2000+y, m, day)) && luhn(d)
}

// uaValid checks a Ukrainian taxpayer number (РНОКПП): weights −1 5 7 9 4
// 6 10 5 7, sum mod 11 mod 10.
func uaValid(d []byte) bool {
	if sameDigits(d) {
		return false
	}
	w := [9]int{-1, 5, 7, 9, 4, 6, 10, 5, 7}
	sum := weightedSum(d, w[:])
	return (sum%11+11)%11%10 == int(d[9]-'0')
}

// nikValid checks the shape of an Indonesian NIK PPRRSSDDMMYYXXXX: a
// province code 11-94, a birth date DDMMYY (the day + 40 for women) and a
// serial not 0000. It has no check digit, so it needs its word.
func nikValid(d []byte) bool {
	if p := atoiB(d[0:2]); p < 11 || p > 94 || atoiB(d[12:16]) == 0 {
		return false
	}
	y := atoiB(d[10:12])
	day, m := atoiB(d[6:8])%40, atoiB(d[8:10])
	return dateValid(1900+y, m, day) || dateValid(2000+y, m, day)
}

// vnValid checks the shape of a Vietnamese citizen identity number (CCCD):
// a province code 001-096, a century and sex digit, a birth year and six
// digits. It has no check digit, so it needs its word.
func vnValid(d []byte) bool {
	p := atoiB(d[0:3])
	return p >= 1 && p <= 96
}

// balticValid checks a Lithuanian asmens kodas or an Estonian isikukood
// GYYMMDDSSSC: G the sex and century (1, 2 the 1800s; 3, 4 the 1900s; 5,
// 6 the 2000s), a birth date, and a check of weights 1-9, 1 (sum mod 11;
// when 10, a second round of weights 3-9, 1-3; 10 again is 0).
func balticValid(d []byte) bool {
	if d[0] < '1' || d[0] > '6' {
		return false
	}
	y := 1800 + int(d[0]-'1')/2*100 + atoiB(d[1:3])
	if !dateValid(y, atoiB(d[3:5]), atoiB(d[5:7])) {
		return false
	}
	for _, w0 := range []int{0, 2} {
		sum := 0
		for k := 0; k < 10; k++ {
			sum += ((k+w0)%9 + 1) * int(d[k]-'0')
		}
		if c := sum % 11; c != 10 {
			return c == int(d[10]-'0')
		}
	}
	return d[10] == '0'
}

// jmbgValid checks a unique master citizen number of the former
// Yugoslavia (SI EMŠO, RS, BA, MK, ME JMBG) DDMMYYYRRBBBK: a birth date
// (YYY ≥ 800 the 1000s, below the 2000s), the region, the order number,
// and the check of weights 7-2, 7-2 (−sum mod 11, 10 is 0).
func jmbgValid(d []byte) bool {
	y := atoiB(d[4:7])
	if y < 800 {
		y += 2000
	} else {
		y += 1000
	}
	if !dateValid(y, atoiB(d[2:4]), atoiB(d[0:2])) {
		return false
	}
	w := [12]int{7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2}
	sum := weightedSum(d, w[:])
	return (11-sum%11)%11%10 == int(d[12]-'0')
}

// oibValid checks a Croatian personal identification number (OIB): 11
// digits, the last an ISO 7064 MOD 11,10 check.
func oibValid(d []byte) bool {
	if sameDigits(d) {
		return false
	}
	return mod1110(d[:10]) == int(d[10]-'0')
}

// egnValid checks a Bulgarian uniform civil number (ЕГН) YYMMDDSSSC: a
// birth date whose month carries the century (+20 the 1800s, +40 the
// 2000s), and the check of weights 2 4 8 5 10 9 7 3 6 (sum mod 11 mod 10).
func egnValid(d []byte) bool {
	y, m := 1900+atoiB(d[0:2]), atoiB(d[2:4])
	switch {
	case m > 40:
		y, m = y+100, m-40
	case m > 20:
		y, m = y-100, m-20
	}
	if !dateValid(y, m, atoiB(d[4:6])) {
		return false
	}
	w := [9]int{2, 4, 8, 5, 10, 9, 7, 3, 6}
	sum := weightedSum(d, w[:])
	return sum%11%10 == int(d[9]-'0')
}

// lvValid checks a Latvian personal code: DDMMYY-CNNNX, C the century (0
// the 1800s, 1 the 1900s, 2 the 2000s), a birth date, and X = (1 − the
// sum of weights 1 6 3 7 9 10 5 8 4 2) mod 11 mod 10. Codes issued since
// July 2017 start with 32 and carry neither date nor check (lvNew).
func lvValid(d []byte) bool {
	if d[6] > '2' || !dateValid(1800+int(d[6]-'0')*100+atoiB(d[4:6]), atoiB(d[2:4]), atoiB(d[0:2])) {
		return false
	}
	w := [10]int{1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := weightedSum(d, w[:])
	return ((1-sum)%11+11)%11%10 == int(d[10]-'0')
}

// lvNew reports whether 11 digits have the shape of a Latvian personal
// code of the 2017 form (32 and nine digits, no check: its word only).
func lvNew(d []byte) bool { return d[0] == '3' && d[1] == '2' }

// kennitalaValid checks an Icelandic kennitala DDMMYY-RRCE: a date (the
// day + 40 for an organisation), E the century (9 the 1900s, 0 the 2000s),
// and weights 3 2 7 6 5 4 3 2 1 summing to 0 mod 11.
func kennitalaValid(d []byte) bool {
	if d[9] != '9' && d[9] != '0' {
		return false
	}
	y := 1900 + atoiB(d[4:6])
	if d[9] == '0' {
		y += 100
	}
	if !dateValid(y, atoiB(d[2:4]), atoiB(d[0:2])%40) {
		return false
	}
	w := [9]int{3, 2, 7, 6, 5, 4, 3, 2, 1}
	sum := weightedSum(d, w[:])
	return sum%11 == 0
}

// myKadValid checks the shape of a Malaysian MyKad number YYMMDD-PB-###G:
// a birth date and a place of birth (not 00). It
// has no check digit, so it needs its word or its column.
func myKadValid(d []byte) bool {
	y := atoiB(d[0:2])
	return atoiB(d[6:8]) > 0 && (dateValid(1900+y, atoiB(d[2:4]), atoiB(d[4:6])) || dateValid(2000+y, atoiB(d[2:4]), atoiB(d[4:6])))
}

// bareID reports whether "ID" alone stands right before the number at
// start ("ID: 0403951504944", "Also ID 140273-13478"): not part of a
// longer name (user_id, doc-id, grid) nor after a word naming another kind
// of number (user ID, session ID, order ID). A birth date and a check
// digit together pass about one number in thirty of their length.
func bareID(s string, start int) bool {
	k := start
	for k > 0 && start-k < 6 && indexByte(" :=\"'#\\", s[k-1]) >= 0 { // (its quotes maybe escaped: \"id\": \"…)
		k--
	}
	if k < 2 || lower(s[k-1]) != 'd' || lower(s[k-2]) != 'i' {
		return false
	}
	w := k - 2
	if w > 0 {
		c := s[w-1]
		esc := w >= 2 && s[w-2] == '\\' && (c == 'n' || c == 'r' || c == 't')
		if !esc && (isAlnum(c) || c == '_' || c == '-' || c == '.' || c == '/') {
			return false
		}
	}
	return !contextNear(s, w, otherNumberWords, 1) && !contextNear(s, w, notIDWords, 1)
}

// ppsValid checks an Irish PPS number: seven digits d and a check letter,
// then for numbers issued from 2013 a second letter (A a person, H not;
// W, T, X before 2013, not counted), in c. The check letter is
// WABCDEFGHIJKLMNOPQRSTUV[(weights 8 … 2 over the digits, plus 9 times
// the second letter's place in that alphabet when it is A, B or H) mod
// 23] (python-stdnum ie/pps.py and ie/vat.py; pps.py's examples 6433435F,
// 6433435OA and 6433435IH pass).
func ppsValid(d, c string) bool {
	const alphabet = "WABCDEFGHIJKLMNOPQRSTUV"
	sum := weightedSum(d, []int{8, 7, 6, 5, 4, 3, 2})
	if len(c) == 2 && (c[1] == 'A' || c[1] == 'B' || c[1] == 'H') {
		sum += 9 * indexByte(alphabet, c[1])
	}
	return alphabet[sum%23] == c[0]
}

// huValid checks a Hungarian adóazonosító jel (tax identification number
// of a person): 10 digits, the first 8, then the days from 1867-01-01 to
// the birth date (5), a serial (3), and a check digit, the digits times 1
// … 9 mod 11 (never 10), as Act XX of 1996 defines it
// (rrd108/hungarian-validators src/taxNumber.ts).
func huValid(d []byte) bool {
	return d[0] == '8' && weightedSum(d, []int{1, 2, 3, 4, 5, 6, 7, 8, 9})%11 == int(d[9]-'0')
}

// tajValid reports whether 9 digits are a Hungarian TAJ number: the first
// eight digits times 3 and 7 in turn, mod 10, are the ninth (Act XX of
// 1996; rrd108/hungarian-validators src/ssNumber.ts).
func tajValid(d []byte) bool {
	return weightedSum(d, []int{3, 7, 3, 7, 3, 7, 3, 7})%10 == int(d[8]-'0')
}

// ahvValid reports whether 13 digits are a Swiss AHV/AVS number: 756
// (Switzerland's EAN prefix) first, an EAN-13 check digit last
// (python-stdnum ch/ssn.py).
func ahvValid(d []byte) bool {
	return string(d[:3]) == "756" && gtinValid(d)
}

// svnrValid reports whether 10 digits are an Austrian social insurance
// number (SVNR): a serial of 3 digits (no leading 0), the check digit,
// then the birth date; the digits times 3 7 9 0 5 8 4 2 1 6 mod 11 are the
// fourth (python-stdnum at/vnr.py).
func svnrValid(d []byte) bool {
	return d[0] != '0' && weightedSum(d, []int{3, 7, 9, 0, 5, 8, 4, 2, 1, 6})%11 == int(d[3]-'0')
}

// nipValid reports whether 10 digits are a Polish NIP: the first nine
// times 6 5 7 2 3 4 5 6 7, mod 11, are the tenth (python-stdnum pl/nip.py).
func nipValid(d []byte) bool {
	return weightedSum(d, []int{6, 5, 7, 2, 3, 4, 5, 6, 7})%11 == int(d[9]-'0')
}

// siTaxValid reports whether 8 digits are a Slovenian tax number (davčna
// številka): no leading 0; 11 minus the first seven times 8 … 2 mod 11
// is the eighth, 10 written 0 (python-stdnum si/ddv.py).
func siTaxValid(d []byte) bool {
	if d[0] == '0' {
		return false
	}
	c := 11 - weightedSum(d, []int{8, 7, 6, 5, 4, 3, 2})%11
	if c == 10 {
		c = 0
	}
	return c < 10 && c == int(d[7]-'0')
}

// cuitValid reports whether 11 digits are an Argentine CUIT or CUIL: a
// kind prefix (20, 23, 24, 27 persons; 30, 33, 34 companies; 50, 51, 55)
// and a check digit by weights 5 4 3 2 7 6 5 4 3 2 mod 11
// (python-stdnum ar/cuit.py).
func cuitValid(d []byte) bool {
	switch string(d[:2]) {
	case "20", "23", "24", "27", "30", "33", "34", "50", "51", "55":
	default:
		return false
	}
	return "012345678990"[11-weightedSum(d[:10], []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})%11] == d[10]
}

// innValid reports whether 12 digits are a Russian personal ИНН: two
// check digits by weights mod 11 mod 10 (python-stdnum ru/inn.py).
func innValid(d []byte) bool {
	c1 := byte(weightedSum(d[:10], []int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8})%11%10) + '0'
	c2 := byte(weightedSum(d[:11], []int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8})%11%10) + '0'
	return c1 == d[10] && c2 == d[11] && !sameDigits(d)
}

// weightedSum returns the sum of d's digits, each times its weight in w
// (d holds at least len(w) digits): the first step of most check digits.
func weightedSum[T string | []byte](d T, w []int) int {
	sum := 0
	for k, x := range w {
		sum += x * int(d[k]-'0')
	}
	return sum
}

// passportWords name a passport, in the languages of the other identity
// words: a passport number has no check digit of its own (the MRZ's
// check digits are not written with it), so it is read only right after
// the word, or the word and "number" (passportBefore).
var passportWords = newContextWords(
	"passport", "reisepass", "reisepassnummer", "passnummer", "passeport", "pasaporte", "passaporto", "passaporte",
	"الجواز", "رقم الجواز", // (Arabic "the passport", its number)
	"paszport", "paszportu", "paspoort", "pasaport", "paspor", "pasport", "útlevél", "cestovní pas", "паспорт", "паспорта",
	"hộ chiếu", "جواز السفر", "דרכון", "گذرنامه", "पासपोर्ट", "护照", "護照", "パスポート", "여권",
	// mainland China's travel permits for Hong Kong, Macau and Taiwan
	// (港澳通行证), and those of their residents for the mainland (回乡证,
	// 台胞证)
	"通行证", "港澳通行证", "往来港澳通行证", "回乡证", "台胞证", "台湾居民来往大陆通行证", "港澳居民来往内地通行证",
	// (camelCase keys are one word to contextNear: {"passportNumber": …},
	// passportNo, as booking and KYC APIs name the field)
	"passportnumber", "passportno", "passportnum", "passportnr", "passportid",
	// the other travel documents' numbers a booking holds: a visa's, the
	// "travel document", a US Known Traveler Number (TSA PreCheck, Global
	// Entry: 9 letters and digits, TT1234567 or 9 digits)
	"visa number", "visa no", "travel document", "旅券番号", "旅券", "ktn", "known traveler", "known traveller",
	// German Passnr., Armenian անձնագիր
	"passnr", "pass nr", "անձնագիր", "անձնագրի",
)

// idCardWords name an identity card's own number (the card's, not the
// person's: a passport number's shape), in the languages of the Balkans,
// the Caucasus and Central Asia: Broj lične karte, Лична карта бр.,
// Удостоверение личности №, ID-карта, პირადობის მოწმობა, vəsiqə.
var idCardWords = newContextWords(
	"lične karte", "licne karte", "lična karta", "licna karta", "licnakarta", "лична карта", "личне карте", "личната карта",
	"удостоверение личности", "удостоверения личности", "id карта", "id карта", "id kartë", "id karta", "პირადობის მოწმობა",
	"vəsiqə", "vesiqe", "pasport seriyasi", "seriyasi va raqami", "seriya va raqam",
	// Italy's carta d'identità elettronica (CA00000AA)
	"d identità", "carta di identità", "carta identità", "cie",
	// Central and Eastern Europe's identity cards: Czech and Slovak
	// občanský průkaz (číslo OP), Hungarian
	// személyi igazolvány, Ukrainian ID-картка, Romanian buletin
	"číslo op", "cislo op", "občanský průkaz", "občanského průkazu", "občiansky preukaz", "občianskeho preukazu",
	"személyi igazolvány",
	"személyi igazolvány száma", "id-картка", "id-картки", "id картка", "id картки", "buletin", "seria buletin",
)

// nlDocWords name a Dutch identity document's number (documentnummer on
// the ID-kaart and the passport alike).
var nlDocWords = newContextWords("documentnummer", "documentnr", "document number", "document no")

// passportNoWords are the words for "number" between a passport word and
// its number (Passport No.: …, numéro de passeport: no).
var passportNoWords = newContextWords("no", "n", "nr", "number", "num", "nummer", "numéro", "número", "numero", "numer", "номер", "n°", "nº", "№", "số", "бр", "br", "broj", "број")

// passportBefore reports whether a passport word stands right before the
// number at i, or with a word for "number" between: "Passport:
// R29768618", "passport no. 123456789", "護照號碼 E12345678", a key
// "passport_no": "…" (its quotes maybe escaped, \"passport_no\": \"…\" in
// a tool call's arguments), or heads its table column (a group booking's
// manifest: last_name,…,passport_no,…).
func passportBefore(s string, i int) bool {
	if c := copulaBefore(s, i); c > 0 && namedBefore(s, c, passportWords, 1) {
		return true // my passport number is R2293142
	}
	return namedBefore(s, i, passportWords, 1) || contextNear(s, i, travelDocWords, 2) ||
		idColumn(s, i, passportWords, nil) || // a manifest's passport_no column
		namedBy(s, i, passportWords) || // {"type": "passport", "number": "…"}
		labelAfterName(s, i, passportWords) || numberOf(s, i, passportWords) ||
		questionContext(s, i, passportWords) || afterCountryCode(s, i) || cardLabelEnd(s, i) && namedBefore(s, i, idCardWords, 2)
}

// cardLabelEnd reports whether the value at i follows the end of a label
// as identity cards' numbers are written: ':', "бр." or '№' before it, or
// a word of a non-Latin script (ID-карта ID3993949).
func cardLabelEnd(s string, i int) bool {
	k := blanksBefore(s, i)
	return k > 0 && (s[k-1] == ':' || s[k-1] == '.' || s[k-1] >= utf8.RuneSelf) || k >= 3 && s[k-3:k] == "№"
}

// nonASCIIBefore reports whether a byte of a non-ASCII character stands
// within the 48 bytes before i (Georgian, Armenian or Cyrillic words,
// which the kinds with no check digit of those countries need).
func nonASCIIBefore(s string, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 48; k-- {
		if s[k] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// afterCountryCode reports whether the value at i follows a passport word
// and its issuing country's three capitals (ICAO 9303's codes: "Passport:
// GBR 821985376").
func afterCountryCode(s string, i int) bool {
	if i < 4 || s[i-1] != ' ' || !isUpper(s[i-2]) || !isUpper(s[i-3]) {
		return false
	}
	c := i - 3 // Pasaporte MX G93790903
	if isUpper(s[i-4]) {
		c = i - 4 // Passport GBR 123456789
	}
	if c < 1 || isAlnum(s[c-1]) {
		return false
	}
	return namedBefore(s, c, passportWords, 1)
}

// labelAfterName reports whether the value at i follows a label ending in
// ':' that one of words names, the label's ':' maybe aligned up to 32
// blanks before the value ("Passport number:          A11071780"), or a
// parenthesis between the word and the ':' ("Passport (right to work):
// 591462685", "Reisepass (Brasilien): YB371746").
func labelAfterName(s string, i int, words *contextWords) bool {
	k := i
	for k > 0 && i-k < 32 && (s[k-1] == ' ' || s[k-1] == '\t') {
		k--
	}
	if k == 0 || s[k-1] != ':' && (s[k-1] != ')' || k == i) {
		return false // (a parenthesis may end the label without ':': passport (India) Z8664772)
	}
	if s[k-1] == ':' {
		k--
	}
	for k > 0 && (s[k-1] == ' ' || s[k-1] == '\t') {
		k-- // (French spacing: Passeport : …)
	}
	if k > 0 && s[k-1] == ')' {
		o := strings.LastIndexByte(s[max(0, k-40):k-1], '(')
		if o < 0 || strings.IndexByte(s[max(0, k-40)+o:k], '\n') >= 0 {
			return false
		}
		k = max(0, k-40) + o
	} else if i-k <= 8 {
		return false // (namedBefore's reach)
	}
	return namedBefore(s, k, words, 1)
}

// numberOf reports whether the value at i is the "number" (or "no", …:
// passportNoWords) member of a JSON object that is the value of a key one
// of words names, across lines: "passport": {\n  "number": "…"}.
func numberOf(s string, i int, words *contextWords) bool {
	k := i
	if k == 0 || s[k-1] != '"' {
		return false
	}
	k--
	if k > 0 && s[k-1] == '\\' {
		k--
	}
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	if k == 0 || s[k-1] != ':' {
		return false
	}
	k--
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	if k == 0 || s[k-1] != '"' {
		return false
	}
	k--
	if k > 0 && s[k-1] == '\\' {
		k--
	}
	ks := k
	for ks > 0 && k-ks < 12 && isLetter(s[ks-1]) {
		ks--
	}
	if ks == k || !contextBefore(s[ks:k], k-ks, passportNoWords) || ks == 0 || s[ks-1] != '"' && s[ks-1] != '\\' {
		return false
	}
	ks--
	if ks > 0 && s[ks-1] == '\\' {
		ks--
	}
	o := ownerKey(s, ks, max(0, ks-256))
	return o != "" && contextBefore(o, len(o), words)
}

// travelDocWords name a passport in two words ("Number of travel
// document: …", as visa and ESTA forms print it).
var travelDocWords = newContextWords("travel document", "reisedokument", "document de voyage", "documento de viaje")

// namedBefore reports whether one of words is among the n words right
// before the value at i, or before a word for "number" (passportNoWords)
// right before it; up to 8 bytes of punctuation may stand between the
// word and the value (the quotes and colon of a key, maybe escaped).
func namedBefore(s string, i int, words *contextWords, n int) bool {
	if contextNear(s, i, words, n) {
		return true
	}
	if !contextNear(s, i, passportNoWords, 1) {
		return false
	}
	k := i
	for k > 0 && i-k < 8 && s[k-1] < utf8.RuneSelf && !isAlnum(s[k-1]) && s[k-1] != '\n' {
		k--
	}
	w := k
	for w > 0 && k-w < 12 && (isAlnum(s[w-1]) || s[w-1] >= utf8.RuneSelf) {
		w--
	}
	if w < k && contextNear(s, w, words, n) {
		return true
	}
	// a US passport book's number (the card's is another): "Passport
	// book no. A19536501"
	return w >= 6 && s[w-1] == ' ' && strings.EqualFold(s[w-5:w-1], "book") && contextNear(s, w-5, words, n)
}

// passport reports whether the word at s[i:] is a passport number after
// its word (passportBefore): 6 to 9 capitals and digits, 3 digits at
// least, as the ICAO 9303 document number field holds them (US 9 digits
// or a letter and 8, DE C01X00T47 and CHP686FF6, IN A1234567, CN
// E12345678, JP TK1234567). It returns the end.
func passport(s string, i int) (int, bool) {
	e, digits := i, 0
	for e < len(s) && e-i < 10 && (isDigit(s[e]) || isUpper(s[e])) {
		if isDigit(s[e]) {
			digits++
		}
		e++
	}
	if e-i == 10 && (e == len(s) || !isAlnum(s[e]) && s[e] != '-' && s[e] != '_') && deIDCheck(s[i:e]) && contextNear(s, i, deIDCardWords, 4) {
		return e, true // Ausweisnummer: PLMYF6XH34 (the card's number and its check digit)
	}
	if e-i < 6 || e-i > 9 || (e < len(s) && (isAlnum(s[e]) || s[e] == '-' || s[e] == '_')) {
		return 0, false
	}
	if digits < 3 && !dePassport(s[i:e]) && !nlPassport(s[i:e]) {
		// two digits: only a card's 9-character document number after its
		// label (TAM5USP2H)
		return e, digits == 2 && e-i == 9 && contextNear(s, i, idDocWords, 3) && !otherCode(s, i)
	}
	return e, (passportBefore(s, i) || nlPassport(s[i:e]) && contextNear(s, i, nlDocWords, 2) ||
		e-i == 9 && digits <= 7 && contextNear(s, i, idDocWords, 3)) && !otherCode(s, i)
}

// idDocWords name an identity card's document number on the card itself,
// as OCR reads it (Ausweisnr., N° du document, Documentnummer: 9 capitals
// and digits on German, French and Dutch cards).
var idDocWords = newContextWords("ausweisnr", "ausweisnummer", "ausweis nr", "ausweis-nr", "n° du document", "numéro du document",
	"numero du document", "n du document", "numéro de document", "documentnummer", "documentnr", "número de documento", "numero de documento")

// dePassport reports whether w is a German passport's or identity card's
// serial number: nine characters of the digits and the consonants C F G H
// J K L M N P R T V W X Y Z (no vowels, no B D Q S: none to misread), its
// first a letter; it may hold fewer than three digits (C9LF9HMMJ), and no
// word has its letters. (One with no digit at all, CRVXMWKYW, is a word
// the walk does not stop at.)
func dePassport(w string) bool {
	if len(w) != 9 || isDigit(w[0]) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if !isDigit(w[k]) && strings.IndexByte("CFGHJKLMNPRTVWXYZ", w[k]) < 0 {
			return false
		}
	}
	return true
}

// nlPassport reports whether w is a Dutch passport's or identity card's
// document number: nine capitals and digits, two letters first, a digit
// last, no letter O (Rijksoverheid: "the letter O is not used"; NDZB2FYL0),
// which may hold fewer than three digits; its letters random, so at most
// a third of them vowels (not CABINET12).
func nlPassport(w string) bool {
	if len(w) != 9 || !isUpper(w[0]) || !isUpper(w[1]) || !isDigit(w[8]) || strings.IndexByte(w, 'O') >= 0 {
		return false
	}
	letters, vowels := 0, 0
	for k := 0; k < len(w); k++ {
		if isUpper(w[k]) {
			letters++
			if strings.IndexByte("AEIU", w[k]) >= 0 {
				vowels++
			}
		}
	}
	return vowels*3 <= letters
}

// namedBy reports whether the JSON object holding the number at start
// names it with one of words (objectLabel).
func namedBy(s string, start int, words *contextWords) bool {
	l := objectLabel(s, start)
	return l != "" && contextBefore(l, len(l), words)
}

// thousands reports whether the groups after the first of the first k
// are of three digits (1.046.655.079).
func (r *numRun) thousands(k int) bool {
	for j := 1; j < k; j++ {
		if r.g[j].len() != 3 {
			return false
		}
	}
	return true
}

// A number may be the value of a JSON object that names it in another
// member: Paystack's transaction metadata lists a checkout's custom fields
// as {"display_name": "NIN", "variable_name": "id_no", "value": "…"}, KYC
// payloads list documents as {"type": "NID", "number": "…"}.
// objectLabel returns that name (the display_name, label or type member,
// quotes maybe escaped) of the object whose "value" or "number" member's
// string starts at start, with only scalars before it in the object; or "".
func objectLabel(s string, start int) string {
	k := start
	if k < 8 || s[k-1] != '"' {
		return ""
	}
	k--
	if s[k-1] == '\\' {
		k--
	}
	for k > 0 && (s[k-1] == ' ' || s[k-1] == '\t') {
		k--
	}
	if k == 0 || s[k-1] != ':' {
		return ""
	}
	k--
	for k > 0 && (s[k-1] == ' ' || s[k-1] == '\t') {
		k--
	}
	if k == 0 || s[k-1] != '"' {
		return ""
	}
	k--
	if k > 0 && s[k-1] == '\\' {
		k--
	}
	ks := -1
	switch {
	case k >= 6 && s[k-5:k] == "value":
		ks = k - 5
	case k >= 7 && s[k-6:k] == "number":
		ks = k - 6
	}
	if ks < 1 || s[ks-1] != '"' {
		return ""
	}
	b := ks - 1
	for b >= 0 && ks-b < 320 && s[b] != '{' {
		if c := s[b]; c == '}' || c == '[' || c == ']' {
			return ""
		}
		b--
	}
	if b < 0 || s[b] != '{' {
		return ""
	}
	for _, name := range []string{"display_name", "label", "type"} {
		if v := memberText(s[b:ks], name); v != "" {
			return v
		}
	}
	return ""
}

// memberText returns the text of the string member name in the JSON
// object text obj (quotes maybe escaped; at most 64 bytes), or "".
func memberText(obj, name string) string {
	for p := 0; p < len(obj); {
		i := strings.Index(obj[p:], name)
		if i < 0 {
			return ""
		}
		i += p
		p = i + len(name)
		if i == 0 || obj[i-1] != '"' || p >= len(obj) {
			continue
		}
		q := p
		if obj[q] == '\\' {
			q++
		}
		if q >= len(obj) || obj[q] != '"' {
			continue
		}
		q++
		for q < len(obj) && (obj[q] == ' ' || obj[q] == '\t') {
			q++
		}
		if q >= len(obj) || obj[q] != ':' {
			continue
		}
		q++
		for q < len(obj) && (obj[q] == ' ' || obj[q] == '\t') {
			q++
		}
		if q < len(obj) && obj[q] == '\\' {
			q++
		}
		if q >= len(obj) || obj[q] != '"' {
			return ""
		}
		q++
		e := q
		for e < len(obj) && e-q <= 64 && obj[e] != '"' && obj[e] != '\\' {
			e++
		}
		if e < len(obj) && e-q <= 64 {
			return obj[q:e]
		}
		return ""
	}
	return ""
}

// aeValid checks an Emirates ID 784-YYYY-NNNNNNN-C: 784 (the UAE's ISO
// 3166 code), a year, a serial and a Luhn check digit over the 15 digits
// (identique/idnumbers idnumbers/nationalid/are/emirates_id.py).
func aeValid(d []byte) bool {
	return d[0] == '7' && d[1] == '8' && d[2] == '4' && luhn(d)
}

// pkValid checks the shape of a Pakistani CNIC NNNNN-NNNNNNN-N: the first
// digit a province (1 Khyber Pakhtunkhwa … 7 Gilgit-Baltistan), the last
// the sex (odd male, even female; not 0). It has no check digit
// (python-stdnum pk/cnic.py).
func pkValid(d []byte) bool {
	return d[0] >= '1' && d[0] <= '7' && d[12] != '0'
}

// saValid checks a Saudi national ID (1…) or iqama (2…): ten digits and
// the Luhn check, the digits in odd places doubled
// (alhazmy13/Saudi-ID-Validator validateSAID.go).
func saValid(d []byte) bool {
	return (d[0] == '1' || d[0] == '2') && luhn(d) && !sameDigits(d[1:])
}

// vnBHYT reports whether the 15-character word at s[ws] is the code of a
// Vietnamese health insurance card (thẻ BHYT): two capitals for the
// holder's group (DN, HC, TE, CN, …), the benefit level 1–5, the
// province (2 digits) and 10 digits, after its word or under its column.
func vnBHYT(s string, ws int) bool {
	if !isUpper(s[ws]) || !isUpper(s[ws+1]) || s[ws+2] < '1' || s[ws+2] > '5' || runOf(s, ws+2, isDigit) != ws+15 {
		return false
	}
	return contextNear(s, ws, bhytWords, 4) || ownCell(s, ws, ws+15) && idColumn(s, ws, bhytWords, nil)
}

// bhytWords name a Vietnamese health insurance card.
var bhytWords = newContextWords("bhyt", "bảo hiểm y tế", "bao hiem y te")

// maCIN matches the word of wl letters and digits at s[ws] as the number
// of a Moroccan national identity card (CIN, CNIE): one or two capitals
// and 4 to 6 digits (BK766467, A123456), after its word, under its column
// or answering its question. It has no check digit. It returns the end.
func maCIN(s string, ws, wl int) (int, bool) {
	n := 1
	if isUpper(s[ws+1]) {
		n = 2
	}
	if wl-n < 4 || wl-n > 6 || runOf(s, ws+n, isDigit) != ws+wl {
		return 0, false
	}
	if contextNear(s, ws, cinWords, 3) || idColumn(s, ws, cinWords, nil) || answerContext(s, ws, cinWords) {
		return ws + wl, true
	}
	return 0, false
}

// cinWords name a Moroccan identity card, in French and Arabic.
var cinWords = newContextWords("cin", "cnie", "carte nationale", "n° cin", "البطاقة الوطنية", "بطاقة التعريف")

// ghanaCard matches at s[i] the number of a Ghana Card (the National
// Identification Authority's PIN, GHA-XXXXXXXXX-X: nine digits and a
// check digit after the country's code, the code kept): the prefix is
// its word, so it needs no other. It returns the end.
func ghanaCard(s string, i int) (int, bool) {
	if i < 4 || s[i-4:i] != "GHA-" || (i > 4 && isAlnum(s[i-5])) || i+11 > len(s) {
		return 0, false
	}
	if runOf(s, i, isDigit) != i+9 || s[i+9] != '-' || !isDigit(s[i+10]) || i+11 < len(s) && isAlnum(s[i+11]) {
		return 0, false
	}
	return i + 11, true
}

// egValid checks the shape of an Egyptian national number (الرقم القومي)
// CYYMMDDGGSSSSC: the century (2 the 1900s, 3 the 2000s), a birth date
// not in the future, the governorate of birth (01-04, 11-19, 21-29, 31-35,
// 88 abroad: sekkena/egypt-id-decode index.js), a sequence whose last
// digit is the sex, and a check digit whose rule is not public.
func egValid(d []byte) bool {
	if d[0] != '2' && d[0] != '3' {
		return false
	}
	y := 1900 + int(d[0]-'2')*100 + atoiB(d[1:3])
	if y > 2026 || !dateValid(y, atoiB(d[3:5]), atoiB(d[5:7])) {
		return false
	}
	switch g := atoiB(d[7:9]); {
	case g >= 1 && g <= 4, g >= 11 && g <= 19, g >= 21 && g <= 29, g >= 31 && g <= 35, g == 88:
		return true
	}
	return false
}

// eastAfricanID matches at s[ws] a word of wl letters and digits that is
// one of East Africa's numbers by its own form, no word needed (none of
// them has a public check digit, but their forms are no other code's):
//
//   - a Kenyan KRA PIN: A (a person) or P (a company), 9 digits, a
//     letter (A074846282M);
//   - a Kenyan SHA/SHIF number: CR, 13 digits, '-' and a digit
//     (CR3999983783185-3);
//   - a Ugandan NIN: CM or CF (the holder's sex), 12 capitals and digits,
//     the first 5 digits (CM9497045LPBH6).
//
// It returns the end.
func eastAfricanID(s string, ws, wl int) (int, bool) {
	e := ws + wl
	w := s[ws:e]
	switch {
	case wl == 11 && (w[0] == 'A' || w[0] == 'P') && allDigits(w[1:10]) && isUpper(w[10]):
		return e, true
	case wl == 15 && w[0] == 'C' && w[1] == 'R' && allDigits(w[2:]) && e+2 <= len(s) && s[e] == '-' && isDigit(s[e+1]) &&
		(e+2 == len(s) || !isAlnum(s[e+2])):
		return e + 2, true
	case wl == 14 && w[0] == 'C' && (w[1] == 'M' || w[1] == 'F') && allDigits(w[2:7]):
		for k := 7; k < 14; k++ {
			if !isUpper(w[k]) && !isDigit(w[k]) {
				return 0, false
			}
		}
		return e, true
	}
	return 0, false
}

// beCardValid checks a Belgian eID card's number (12 digits, printed
// 3-7-2): the last two are the first ten mod 97 (97 for 0).
func beCardValid(d []byte) bool {
	r := digitsMod97(d[:10])
	if r == 0 {
		r = 97
	}
	return atoiB(d[10:12]) == r && !sameDigits(d)
}

// rwNID reports whether 16 digits are a Rwandan national ID: the holder's
// kind (1 a citizen, 2 a refugee, 3 a foreigner), the year of birth (1900
// to 2029), the sex (7 a woman, 8 a man), a serial of 7, the issue and 2
// check digits whose rule is not public.
func rwNID(d []byte) bool {
	y := atoiB(d[1:5])
	return d[0] >= '1' && d[0] <= '3' && y >= 1900 && y <= 2029 && (d[5] == '7' || d[5] == '8')
}

// lkOldNIC reports whether the 9 digits d are those of a Sri Lankan NIC of
// the old form (before its V or X): the year of birth's last two digits,
// the day of the year (001 to 366, plus 500 for a woman) and four digits.
func lkOldNIC(d string) bool {
	day := atoi(d[2:5])
	return day >= 1 && day <= 366 || day >= 501 && day <= 866
}

// letterAfter reports whether a letter alone follows s[:e], right after
// it or after '-' or a blank (a Spanish DNI's: 61031842 Q, 75456945-D).
func letterAfter(s string, e int) bool {
	if e < len(s) && (s[e] == '-' || s[e] == ' ') {
		e++
	}
	return e < len(s) && isLetter(s[e]) && (e+1 == len(s) || !isAlnum(s[e+1]))
}

// claveElectorValid reports whether c has the shape of the clave de
// elector on a Mexican INE voter card: six capitals from the holder's
// names, the birth date (YYMMDD), the state of birth (01 to 32), the sex
// (H, M) and three digits (FLRYJN68042514M739). No other code is six
// letters, eight digits, H or M and three digits.
func claveElectorValid(c string) bool {
	for k := range 6 {
		if !isUpper(c[k]) {
			return false
		}
	}
	if !allDigits(c[6:14]) || c[14] != 'H' && c[14] != 'M' || !allDigits(c[15:18]) {
		return false
	}
	mm, dd, st := atoi(c[8:10]), atoi(c[10:12]), atoi(c[12:14])
	return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31 && st >= 1 && st <= 32
}

// rgSPValid checks the 9 digits of a São Paulo RG (Registro Geral, the
// identity card SSP-SP issues): the first 8 weighted 2 to 9, the check
// digit 11 minus their sum mod 11 (11 is 0; 10, written X, is read as no
// digit here).
func rgSPValid(d []byte) bool {
	s := 0
	for k := range 8 {
		s += int(d[k]-'0') * (k + 2)
	}
	c := (11 - s%11) % 11
	return c < 10 && int(d[8]-'0') == c && !sameDigits(d)
}

// pisValid checks a Brazilian PIS/PASEP/NIT (the worker's social
// integration number, 11 digits): weights 3 2 9 8 7 6 5 4 3 2, the check
// digit 11 minus the sum mod 11 (10 and 11 are 0).
func pisValid(d []byte) bool {
	c := 11 - weightedSum(d[:10], []int{3, 2, 9, 8, 7, 6, 5, 4, 3, 2})%11
	if c >= 10 {
		c = 0
	}
	return int(d[10]-'0') == c && !sameDigits(d)
}

// tituloValid checks a Brazilian título de eleitor (12 digits: a
// sequence of 8, the state's code 01 to 28, two check digits): the first
// over the sequence weighted 2 to 9, the second over the state's code and
// the first weighted 7 8 9, each the sum mod 11 (10 is 0; in São Paulo
// and Minas Gerais, codes 01 and 02, 0 is 1).
func tituloValid(d []byte) bool {
	uf := int(d[8]-'0')*10 + int(d[9]-'0')
	if uf < 1 || uf > 28 {
		return false
	}
	dv := func(s int) int {
		c := s % 11
		if c == 10 {
			c = 0
		}
		if c == 0 && uf <= 2 {
			c = 1
		}
		return c
	}
	c1 := dv(weightedSum(d[:8], []int{2, 3, 4, 5, 6, 7, 8, 9}))
	c2 := dv(int(d[8]-'0')*7 + int(d[9]-'0')*8 + c1*9)
	return int(d[10]-'0') == c1 && int(d[11]-'0') == c2
}

// cnsValid checks a Brazilian Cartão Nacional de Saúde (CNS, the SUS card:
// 15 digits, 1 or 2 first for a definitive number, 7 to 9 for a
// provisional one): the digits weighted 15 down to 1 sum to a multiple of
// 11.
func cnsValid(d []byte) bool {
	switch d[0] {
	case '1', '2', '7', '8', '9':
	default:
		return false
	}
	s := 0
	for k := range 15 {
		s += int(d[k]-'0') * (15 - k)
	}
	return s%11 == 0 && !sameDigits(d)
}

// uyCIValid checks a Uruguayan cédula de identidad (7 digits and a check
// digit): weights 2 9 8 7 6 3 4, the check digit what brings the sum to a
// multiple of 10.
func uyCIValid(d []byte) bool {
	s := weightedSum(d[:7], []int{2, 9, 8, 7, 6, 3, 4})
	return int(d[7]-'0') == (10-s%10)%10 && !sameDigits(d)
}

// rucValid checks a Peruvian RUC (SUNAT's taxpayer number, 11 digits):
// weights 5 4 3 2 7 6 5 4 3 2, the check digit 11 minus the sum mod 11
// (10 is 0, 11 is 1).
func rucValid(d []byte) bool {
	c := 11 - weightedSum(d[:10], []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})%11
	switch c {
	case 10:
		c = 0
	case 11:
		c = 1
	}
	return int(d[10]-'0') == c
}

// nitValid checks a Colombian NIT (número de identificación tributaria)
// of ten digits: the last is '01987654321'[the sum of the first nine
// times the weights 3 7 13 17 19 23 29 37 41 from the right, mod 11]
// (python-stdnum co/nit.py).
func nitValid(d []byte) bool {
	// (the weights from the check digit back: 3 7 13 17 19 23 29 37 41 43
	// for a body of up to 10 digits, a person's cédula)
	w := [10]int{43, 41, 37, 29, 23, 19, 17, 13, 7, 3}
	n := len(d) - 1
	if n < 7 || n > 10 {
		return false
	}
	return "01987654321"[weightedSum(d[:n], w[10-n:])%11] == d[n] && !sameDigits(d)
}

// lowerLetterID matches a PAN or a CURP written in lower case (as a
// transcript writes what a caller spells: "curp herj711128hsrrms55",
// "पैन ahnps2014a") right after its word: the word at s[i:] of 10 or 18
// lower-case letters and digits. It returns the end.
func lowerLetterID(s string, i int) (int, bool) {
	e := i
	for e < len(s) && e-i <= 18 && (isDigit(s[e]) || s[e] >= 'a' && s[e] <= 'z') {
		e++
	}
	if e-i != 10 && e-i != 18 || e < len(s) && (isAlnum(s[e]) || s[e] == '-' || s[e] == '_') {
		return 0, false
	}
	var b [18]byte
	for k := i; k < e; k++ {
		c := s[k]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		b[k-i] = c
	}
	u := string(b[:e-i])
	switch e - i {
	case 10:
		return e, panValid(u) && atoi(u[5:9]) > 0 && contextNear(s, i, panWords, 3) && !otherCode(s, i)
	default:
		return e, curpValid(u) && contextNear(s, i, curpWords, 3) && !otherCode(s, i)
	}
}

// abnBefore reports whether the run r at s[i] is an Australian Business
// Number after its word: 11 digits (grouped 2-3-3-3 as the ATO prints
// them, or whole), whose first digit less one and the others, weighted
// 10, 1, 3, 5, … 19, sum to a multiple of 89 (the ATO's check). A
// business's number is public; the phone detector would take its last
// nine digits.
func abnBefore(s string, i int, r *numRun) bool {
	if r.n != 1 && (r.n != 4 || !r.shape(4, "2333", "   ")) || !contextNear(s, i, abnWords, 2) {
		return false
	}
	var buf [11]byte
	d := buf[:0]
	for j := range r.n {
		d = append(d, r.g[j].digitsOf(s)...)
	}
	w := [11]int{10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19}
	sum := 0
	for k, c := range d {
		v := int(c - '0')
		if k == 0 {
			v--
		}
		sum += v * w[k]
	}
	return d[0] != '0' && sum%89 == 0
}

var abnWords = newContextWords("abn")

// copulaBefore returns where the verb "to be" right before the value at i
// starts (is, was, es, ist, est, é, era: "my passport number is …"), or 0.
func copulaBefore(s string, i int) int {
	if i < 4 || s[i-1] != ' ' {
		return 0
	}
	k := i - 1
	b := k
	for b > 0 && k-b < 4 && isLower(s[b-1]) {
		b--
	}
	if b == 0 || s[b-1] != ' ' {
		return 0
	}
	switch s[b:k] {
	case "is", "was", "es", "ist", "est", "era":
		return b
	}
	return 0
}

// sevisID matches at s[i] a student's or exchange visitor's SEVIS ID
// (the US Student and Exchange Visitor Information System: N and ten
// digits, printed on the I-20 and the DS-2019) after its word, or in a
// column under it. It returns the end.
func sevisID(s string, i int) (int, bool) {
	e := i + 11
	if e > len(s) || s[i] != 'N' || !allDigits(s[i+1:e]) || e < len(s) && isAlnum(s[e]) {
		return 0, false
	}
	if c := copulaBefore(s, i); contextNear(s, i, sevisWords, 3) || c > 0 && contextNear(s, c, sevisWords, 3) ||
		ownCell(s, i, e) && idColumn(s, i, sevisWords, nil) {
		return e, true
	}
	return 0, false
}

var sevisWords = newContextWords("sevis", "sevis id", "sevis number", "sevis no")

// idBefore is bareID, or "ID" and a copula before the number ("my ID is
// …").
func idBefore(s string, start int) bool {
	if bareID(s, start) {
		return true
	}
	c := copulaBefore(s, start)
	return c > 0 && bareID(s, c)
}

// roIDCard matches, at s[i] (the series' first letter or the number's
// first digit), a Romanian identity card's series and number as forms
// and chats write them after their word: two capitals and six digits,
// glued or apart, maybe "nr." between (CI seria RT nr. 636298, seria
// buletin RR 136401, CI seria TZ732067). The card has no check digit:
// only its word before says what it is (seria, CI, BI, buletin). It
// returns the start (the series) and the end.
func roIDCard(s string, i int) (int, int, bool) {
	ls := i // the series' start
	var e int
	if isUpper(s[i]) {
		if i+8 > len(s) || !isUpper(s[i+1]) || !allDigits(s[i+2:i+8]) {
			return 0, 0, false
		}
		e = i + 8
	} else {
		e = runOf(s, i, isDigit)
		if e-i != 6 {
			return 0, 0, false
		}
		k := i
		for k > 0 && i-k < 2 && s[k-1] == ' ' {
			k--
		}
		if k >= 3 && (strings.EqualFold(s[k-3:k], "nr.") || strings.EqualFold(s[k-3:k], "nr:")) {
			k -= 3
		} else if k >= 2 && strings.EqualFold(s[k-2:k], "nr") {
			k -= 2
		}
		for k > 0 && i-k < 8 && s[k-1] == ' ' {
			k--
		}
		if k < 3 || !isUpper(s[k-1]) || !isUpper(s[k-2]) || s[k-3] != ' ' {
			return 0, 0, false
		}
		ls = k - 2
	}
	if e < len(s) && isAlnum(s[e]) || ls == 0 || s[ls-1] != ' ' {
		return 0, 0, false
	}
	w := blanksBefore(s, ls)
	for _, word := range [...]string{"seria", "ci", "bi", "buletin"} {
		if w >= len(word) && strings.EqualFold(s[w-len(word):w], word) && (w == len(word) || !isAlnum(s[w-len(word)-1])) {
			return ls, e, true
		}
	}
	return 0, 0, false
}

// residenceCardWords name Japan's residence card (在留カード), whose
// number is two capitals, eight digits and two capitals (AB12345678CD;
// no public check digit: only the word says it is one).
var residenceCardWords = newContextWords("在留カード", "在留カード番号", "residence card", "zairyu card", "zairyu")

// jpResidenceCard reports whether the word of 12 bytes at s[i] is a
// Japanese residence card's number after its words (residenceCardWords,
// on its line or in the question before).
func jpResidenceCard(s string, i int) bool {
	if i+12 > len(s) || !isUpper(s[i]) || !isUpper(s[i+1]) || !allDigits(s[i+2:i+10]) || !isUpper(s[i+10]) || !isUpper(s[i+11]) {
		return false
	}
	return contextNear(s, i, residenceCardWords, 3) || answerContext(s, i, residenceCardWords)
}

// deIDCardWords name a German identity card (Personalausweis), whose
// number is written with its check digit as a tenth character.
var deIDCardWords = newContextWords("personalausweis", "personalausweisnummer", "ausweisnummer", "ausweisnr", "ausweis", "ausweis nr")

// deIDCheck reports whether the ten characters v are a German identity
// card's nine-character serial number and its check digit (ICAO 9303's
// check, as the card's MRZ computes it: mrzCheck).
func deIDCheck(v string) bool {
	return isDigit(v[9]) && mrzCheck(v[:9], v[9])
}
