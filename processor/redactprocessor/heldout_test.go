// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package redactprocessor

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-llm/otelcol-llm/internal/genai"
	"github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/metadata"
)

// The held-out corpora (testdata/heldout/*.jsonl) were written by people
// who had not read the detectors, in their own style: support chats in many
// languages, pasted configs, shell sessions, CSV and TSV, e-mail threads and
// gen_ai.input.messages JSON as real encoders write it. Each line is one
// document: its text and the byte ranges of its PII (`pii`, with a type) and
// of look-alikes that must survive (`keep`, with a kind). They are scored
// through the processor with its default configuration, the way a span
// attribute meets it, so they measure what a user gets, not one detector.
type heldOutDoc struct {
	ID    string `json:"id"`
	Style string `json:"style"`
	Text  string `json:"text"`
	PII   []span `json:"pii"`
	Keep  []span `json:"keep"`
}

// span is [start, end, type] in bytes of the text.
type span struct {
	start, end int
	typ        string
}

func (s *span) UnmarshalJSON(b []byte) error {
	var raw [3]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	start, ok1 := raw[0].(float64)
	end, ok2 := raw[1].(float64)
	typ, ok3 := raw[2].(string)
	if !ok1 || !ok2 || !ok3 {
		return fmt.Errorf("span %s: want [start, end, type]", b)
	}
	s.start, s.end, s.typ = int(start), int(end), typ
	return nil
}

// Types the held-out corpora label that no default detector claims: a
// phone spelled out in words ("four one five, five five five") and a
// wallet's seed phrase are words, not a format. They are reported, not
// scored. (An address spelled out or bracketed, email_obfuscated: "jane
// dot doe at gmail dot com", "jane[at]doe-family[dot]net", is scored since
// email finds it: all of those labelled, no look-alike lost.)
var heldOutUnscored = []string{"phone_spelled", "seed_phrase"}

// heldOutFloors are the scores each held-out corpus must not fall below:
// what the processor achieves today, so that a change that loses recall or
// precision on text nobody here wrote fails here, not in a user's log store.
// Each corpus was written blind and scored once as it arrived; the
// detectors were then fixed, by kind, with its misses in view, so only the
// score on arrival is a blind estimate:
//
//   - redteam-2026-11: 0.858 recall, 0.990 survival on arrival;
//   - blind-2026-12: 0.917 and 0.987 on arrival;
//   - blind-2026-12b (a third writer, other styles: transcripts, HAR dumps,
//     Terraform, CI logs, 27 languages): 0.920 and 0.973 on arrival, after
//     the fixes made with blind-2026-12 in view;
//   - blind-2026-12c (a fourth writer: e-mail threads, RAG chunks, OCR
//     receipts, bank statements, server logs, 34 languages): 0.934 and
//     0.992 on arrival, after the fixes made with blind-2026-12b in view;
//   - blind-2026-12d (a fifth writer, styles of its own, 18 languages):
//     0.976 and 0.995 on arrival, after the fixes made with blind-2026-12c
//     in view;
//   - blind-2026-12e (a sixth writer: agent and tool traffic, GenAI
//     message JSON as Python, Go and JavaScript encode it, 50 language
//     variants): 0.975 and 1.000 on arrival;
//   - blind-2026-12f (a seventh writer: messy human text, code-switching,
//     PDF and form dumps, chat exports, 40 languages): 0.874 and 0.998 on
//     arrival. Both were written at the same time, after the fixes made
//     with blind-2026-12d in view, and scored once, together. Cards two
//     spaces apart, card codes after a word for "code" and passphrases
//     were then fixed with their misses in view, and AR CUIT and RU ИНН
//     added; identity numbers after another country's word were then
//     found by the check of any kind of their form (with 12d's misses in
//     view too), and IE PPS and HU adóazonosító jel added.
//     18 of the 19 Steuer-IDs 12f's writer labelled that redact kept
//     fail the Steuer-ID's own rule (one digit of the first ten twice or
//     three times, the others once: python-stdnum de/idnr.py); they are
//     scored as labelled. Since blind-2026-12z, a Steuer-ID its word
//     names needs only its check digit (steuerIDCheck), which those pass.
//   - blind-2026-12g (an eighth writer: on-call material, incident
//     threads, logfmt and JSON logs, ticket CSV exports, HTTP dumps, tool
//     calls, e-mail with signatures; 22 language variants, values checked
//     against python-stdnum, libphonenumber and gitleaks): 0.9685 and
//     0.9992 on arrival, after the fixes made with blind-2026-12f in view.
//     One of its CN resident IDs (130602199202079136) fails the ISO 7064
//     check its writer cited; it is scored as labelled.
//   - blind-2026-12h (a ninth writer: prompts and answers as SDKs encode
//     them: OpenAI, Anthropic, Gemini, Bedrock and LangChain messages,
//     tool arguments two escaping levels deep, OTel GenAI message JSON,
//     the debug exporter's output, voice transcripts; 24 languages,
//     values checked against python-stdnum's own code): 0.9819 and
//     0.9983 on arrival, after the fixes made with blind-2026-12g in view.
//   - blind-2026-12i (a tenth writer: apps serving Latin America, Africa,
//     the Middle East, South and Southeast Asia; payment webhooks, chat
//     exports, call transcripts, KYC records; 23 locales, their identity
//     numbers, phones and card networks): 0.8672 and 0.9978 on arrival,
//     written at the same time as blind-2026-12h. Identity numbers 0.52
//     (kinds not in the table: EG, SA, AE, NG, PK, CO, PH, BD), cards
//     0.88 (RuPay, Troy, mada; card numbers in speech-to-text's groups).
//   - blind-2026-12j (an eleventh writer: support and assistant turns of
//     shops, travel, health, insurance, telecom and banks in 20
//     languages; forms, OCR, logs, CSV) and blind-2026-12k (a twelfth:
//     what developers paste to coding assistants: shell sessions, configs,
//     Terraform state, kubectl and cloud CLI output, stack traces),
//     written together after the fixes made with 12g–12i in view:
//     0.9866 / 0.9969 and 0.9532 / 0.8579 on arrival. 12k labels every
//     private IPv4 address (10/8, 172.16/12, 192.168/16) a look-alike, 74
//     of its 105 survival misses; blind-2026-12 labels them PII, and redact
//     takes them (an internal address maps a deployment), so 12k's
//     survival floor is below the others'. 12k also labels a password
//     key's default word a password (GRAFANA_ADMIN_PASSWORD: changeme),
//     12e the same value a placeholder: redact takes it (a default left
//     in place is the password in use), 4 of 12e's look-alikes.
//   - blind-2026-12l (a thirteenth writer: the Nordics, the Baltics,
//     Central and Eastern Europe, Benelux, CH and AT; support chats in 18
//     languages, bank transfers, signatures, HR forms, CSV exports) and
//     blind-2026-12m (a fourteenth: back-office agents' traffic, KYC,
//     claims, payroll, patient intake; LangChain/CrewAI logs, tool calls,
//     MCP, HL7, FHIR, X12, fixed-width extracts): 0.9080 / 0.9926 and
//     0.8860 / 0.9812 on arrival, after the fixes made with 12j and 12k in
//     view.
//     CL RUT plain and spoken, CO NIT and cédula, AE, PK, SA, EG, NG, PH
//     PhilSys and BD were then added, and a JSON object's label naming
//     its value (Paystack's custom fields): identity numbers 0.52 -> 0.92,
//     recall 0.8672 -> 0.9367, survival unchanged on every corpus.
//   - blind-2026-12o (a fifteenth writer: recruiting, HR and meeting
//     assistants' input, CVs, ATS webhooks, ICS invites, transcripts,
//     payroll onboarding in 16 countries): 0.9254 / 0.9941 on arrival.
//     It labels domestic bank account numbers PII, blind-2026-12m
//     labels 15 of them look-alikes: bank_account (added with 12o's
//     misses in view) takes them, so 12m's survival floor is 0.97
//     (0.9730 since, 0.9853 before).
//   - blind-2026-12n (a sixteenth writer, at the same time: East Asia
//     and Oceania, LINE, KakaoTalk and WeChat exports, full-width forms,
//     CJK in \u escapes): 0.8149 / 0.9632 on arrival, after the fixes
//     made with 12o in view.
//   - blind-2026-12q (a seventeenth writer: telecom, ISP and IoT
//     operations, CDRs, SIP and RADIUS logs, router configs):
//     0.6471 / 0.9251 on arrival, after the fixes made with 12n and 12o
//     in view; device_id was added with its misses in view.
//   - blind-2026-12p (an eighteenth writer, at the same time: travel and
//     hospitality, PNRs, MRZ lines, manifests): 0.8341 / 0.9843 on
//     arrival.
//   - blind-2026-12r (a nineteenth writer: healthcare) and blind-2026-12s
//     (a twentieth: commerce and fintech), at the same time: 0.7570 /
//     0.9866 and 0.9863 / 0.9901 on arrival, after the fixes made with
//     12n to 12q in view. 12r labels health plans' member ids PII, 12j,
//     12m and 12o label such ids look-alikes: they stay (healthid.go).
//   - blind-2026-12t (public sector and education) and blind-2026-12u
//     (legal, property, insurance claims), by a twenty-first and a
//     twenty-second writer: 0.9287 / 0.9475 and 0.9592 / 0.9858 on
//     arrival; generic identity words (tax number, national identifier,
//     ID presented) were then added with their misses in view, then
//     the DE Rentenversicherungsnummer and a whole personnummer of the
//     1900s without their word.
//   - blind-2026-12v (health insurance and clinics in Central and
//     Eastern Europe and the Baltics) and blind-2026-12w (fintech and
//     KYC in Latin America and Iberia), by a twenty-third and a
//     twenty-fourth writer: 0.9512 / 0.9981 and 0.8878 / 0.9984 on
//     arrival; AR CBUs, MX CLABEs, PL NRBs and HU accounts by their
//     check digits, the PL identity card, a.k. and p.k., context words
//     in capitals (RČ), AR DNI and CO cédula columns, ES DNIs with a
//     blank before the letter and CPFs as PIX keys were then added. Both label a database URL conn_string whole,
//     host and path included; redact takes its credentials and keeps
//     the host (url_credentials), so those count as missed. 12w labels
//     Twilio account SIDs PII, 12v labels them look-alikes: they stay.
//   - blind-2026-12x (a twenty-fifth writer: consumer apps in South and
//     Southeast Asia and Africa): 0.9230 / 0.9813 on arrival (this
//     scorer's alignment then learnt the quotes a bare JSON number's
//     placeholder gets); a table's next column stopped taking a phone
//     list's amounts, NIDs and CCCDs were read under their column.
//   - blind-2026-12y (a twenty-sixth writer: developers' pastes to
//     coding agents and DevOps chatbots): 0.8836 / 0.9973 on arrival; an
//     address before a spaced dash and after req.ip, a bare pass: key
//     were then added.
//   - blind-2026-12z (a twenty-seventh writer: ride-hailing, rental, car
//     insurance and couriers in Western Europe and the Nordics) and
//     blind-2026-13a (a twenty-eighth: what LLM apps put in their
//     telemetry), at the same time: 0.9509 / 0.9951 and 0.9820 / 0.9952
//     on arrival, after the fixes made with 12f, 12x and 12y in view
//     (framework and vendor secret keys, Basic credentials, login calls);
//     CSV cells, PPS columns, RRNs in parentheses, FCM tokens and HAR
//     cookies were then fixed with their misses in view.
//   - blind-2026-13b (a twenty-ninth writer: gaming and streaming
//     platforms' trust & safety) and blind-2026-13c (a thirtieth: contact
//     centres' transcripts as agent-assist apps see them): 0.9247 / 0.9937
//     and 0.8703 / 0.9914 on arrival. 13c's numbers spoken as words
//     (four nine six three …), most of its misses, were then read in a
//     speaker's turn (spokennum.go).
//   - blind-2026-13d (a thirty-first writer: utilities' customer support
//     in the UK, IE, AU, NZ and CA) and blind-2026-13e (a thirty-second:
//     crypto exchanges' and remittance fintechs' KYC desks): 0.9037 /
//     0.9887 and 0.9028 / 0.9879 on arrival; accounts after a sort code
//     or a transit and institution number, padded Markdown cells, bare
//     64-letter exchange keys, and an ABN kept as a look-alike were then
//     added.
//   - blind-2026-13f (a thirty-third writer: logistics and customs
//     brokerage) and blind-2026-13g (a thirty-fourth: education and
//     EdTech): 0.9280 / 0.9853 and 0.8826 / 0.9770 on arrival; SEVIS IDs,
//     password columns, licence columns, freight numbers as look-alikes
//     and the column memo's header-cell bug were then fixed.
//   - blind-2026-13h (a thirty-fifth writer: restaurants, delivery and
//     hospitality in Southeast Asia, the Gulf and Southern Europe): 0.9057
//     / 0.9948 on arrival; idNumber keys, ID columns and QIDs were then
//     added.
//   - blind-2026-13i (a thirty-sixth writer: IT helpdesks and MSPs in the
//     US, UK, DACH, FR and ES) and blind-2026-13j (a thirty-seventh:
//     gig-economy platforms and their claims assistants in Latin America
//     and Africa), written at the same time: 0.8228 / 0.9852 and 0.7095 /
//     0.9920 on arrival. 13i labels MAC addresses and hardware serials
//     device_id PII, 12q labels 43 MAC addresses look-alikes; six
//     corpora label MACs PII, and device_id takes them since (12q's
//     survival floor 0.91 for it; 20 serials of 13i's misses stay). Ghana Cards, Moroccan CINs
//     and RIBs, ID columns of 8 digits, RUT columns, chat stamps with a
//     two-digit year, BitLocker keys, PowerShell's SecureString text and
//     PHP's define() were then added.
//   - blind-2026-13l (a thirty-eighth writer: nonprofits, charities and
//     clubs in seven countries) and blind-2026-13k (a thirty-ninth:
//     automotive retail, after-sales and connected cars in seven),
//     written at the same time: 0.9157 / 0.9920 and, scored after the
//     first fixes made with 13l in view, 0.8526 / 0.9843 on arrival.
//     13k labels toll-free hotlines look-alikes, 13l freephone numbers
//     PII: redact takes them. Quoted curl credentials, JSON argument
//     arrays, dot leaders, a table's first cell under its header (a
//     look-alike fix that six older corpora gained by), and driving
//     licences in more languages and layouts were then added.
//   - blind-2026-13m (a fortieth writer: telehealth and insurance in South
//     and Southeast Asia) and blind-2026-13n (a forty-first: short-term
//     rentals in eight countries), written at the same time: 0.8032 /
//     0.9845 and, scored after the fixes made with 13m in view, 0.6825 /
//     0.9862 on arrival. PhilHealth, BPJS and BHYT numbers, and the codes
//     that open doors, gates and key boxes were then added.
//   - blind-2026-13o (a forty-second writer: payroll, PEO and
//     employer-of-record platforms in nine countries), scored after a
//     round of fixes made from the older corpora's misses: 0.8502 /
//     0.9980 on arrival. Keys in camel case, German compounds of 25
//     letters, ABA and WPS salary files, quoted CSV cells and more
//     passport labels were then added.
//   - blind-2026-13p (a forty-third writer: banks, telecoms and e-government
//     in Central Asia, the Caucasus and the Balkans), scored after the 13o
//     fixes: 0.6910 / 0.9978 on arrival. KZ, UZ, KG, GE, AM, AZ and AL
//     personal numbers, Balkan bank accounts by their mod-97 check, one-time
//     codes in their languages and after a label's ':' were then added.
//   - blind-2026-13q (a forty-fourth writer: insurance, microfinance and
//     mobile money in Francophone Africa and the Maghreb), scored after
//     the 13p fixes: 0.7296 / 0.9838 on arrival. Ten countries' identity
//     numbers after their words, Tunisian and Algerian RIBs were then
//     added.
//   - blind-2026-13r (a forty-fifth writer: clinical trials,
//     pharmacovigilance and device support), scored after the 13q fixes:
//     0.9442 / 0.9983 on arrival, its misses mostly its labelling (whole
//     connection strings, MAC addresses).
//   - blind-2026-13s (a forty-sixth writer: e-government, health
//     insurance and pensions in Japan, Korea, Taiwan and Hong Kong): 0.7814
//     / 0.9978 on arrival. Taiwanese IDs in Chinese text, health-card and
//     pension numbers, accounts after 帳號 were then added.
//   - blind-2026-13t (a forty-seventh writer: US healthcare revenue cycle,
//     X12, HL7 v2, FHIR), scored after the 13s fixes: 0.8607 / 0.9948 on
//     arrival; a provider's NPI as no phone, then the values X12, HL7 v2
//     and MICR records hold by position, phones' advertising ids, a
//     card's code after its expiry or answering a question, base64
//     session cookies were added.
//   - blind-2026-13u (a forty-eighth writer: Latin American
//     e-government, health and fintech) and blind-2026-13v (a
//     forty-ninth: SRE incident channels), scored after the 13t fixes:
//     0.8401 / 0.9769 and 0.9478 / 0.9359 on arrival. Brazilian, Peruvian,
//     Uruguayan, Mexican and Colombian identity numbers by their checks,
//     Brazilian mobiles, accounts beside a branch, DevOps credentials
//     (Go DSNs, Vault tokens in tables, *_pw keys) were then added. 13v
//     keeps private IPv4 addresses in infrastructure, as 12k does.
//   - blind-2026-13w (a fiftieth writer: banking and e-government in PK,
//     BD, LK, NP) and blind-2026-13x (a fifty-first: the Middle East and
//     Turkey), scored after the 13u and 13v fixes: 0.7573 / 0.9845 and
//     0.9199 / 0.9767 on arrival. LK NICs, NP citizenship numbers, NP
//     PANs, PK NTNs, BD e-TINs, IMEI1/IMEI2 labels, bank SMS codes in
//     Turkish, Arabic and Persian, Devanagari and Bengali digits,
//     national IBANs (IR), SA civil and JO national numbers, subscribers'
//     IPv6 prefixes were then added.
//   - blind-2026-13y (a fifty-second writer: East Africa), scored after
//     the 13w and 13x fixes: 0.6533 / 0.9940 on arrival, and a panic on
//     "Bearer " quoted empty (fixed). KE, UG, TZ, RW and ET identity
//     numbers and East African mobiles were then added.
//   - blind-2026-13z (a fifty-third writer: Western European claims and
//     legal aid), scored after the 13y fixes: 0.9528 / 0.9970 on
//     arrival; TD1 MRZ lines, BE eID card numbers, portal codes in
//     letters were then added.
//   - blind-2026-14a (a fifty-fourth writer: mainland China e-commerce,
//     delivery, fintech and e-government), scored after the 13z fixes
//     and the MAC addresses: 0.8206 / 0.9652 on arrival; Chinese SMS
//     one-time codes, one-time code keys, full-width resident IDs with
//     Ｘ, WeCom and DingTalk robots, Tencent Cloud keys and CJK order
//     labels were then added.
//   - blind-2026-14c (a fifty-fifth writer: mainland China again),
//     scored after the 14a fixes: 0.8814 / 0.9727 on arrival (0.8478
//     before them); Chinese numerals read out, ideographic spaces in
//     numbers, 账号 accounts and travel permits were then added.
//   - blind-2026-14b and blind-2026-14d (a fifty-sixth and a
//     fifty-seventh writer: CEE marketplaces, lockers and BNPL): 0.8220
//     / 0.9868 and, after the 14c and the first 14b fixes, 0.8433 /
//     0.9791 on arrival; CEE one-time codes, PUKs, Czech accounts and
//     identity cards after their labels were then added. Both label
//     locker pickup codes PII, 12l and 14c look-alikes: they stay.
//   - blind-2026-14f (a fifty-eighth writer: Southeast Asian e-wallets and
//     lending), scored after the 14b and 14d fixes: 0.8180 / 0.9815 on
//     arrival; the region's banks and account words, TACs and MPINs
//     were then added.
//   - blind-2026-14e (a fifty-ninth writer: Japan and Korea), scored
//     after the 14f fixes: 0.9142 / 0.9968 on arrival; bracketed Korean
//     codes, RRNs under their key, 暗証番号, residence cards and MNP
//     numbers were then added.
//   - blind-2026-14h (a sixtieth writer: German-speaking consumer
//     support), scored after the 14e fixes: 0.8845 / 0.9875 on arrival;
//     KVNRs, ID card numbers with their check digit and TANs were then
//     added. blind-2026-14g (a sixty-first: Indian consumer fintech),
//     scored after them: 0.9011 / 0.9763 on arrival, floors at that.
//
// blind-2026-12b's webhook labels cover a URL's path after the host and the
// vendor's fixed route words (hooks/catch/, services/), blind-2026-12g's
// the whole URL: redact takes a webhook URL whole, which both count found.
var heldOutFloors = map[string]struct{ recall, survival float64 }{
	"redteam-2026-11.jsonl": {0.98, 0.99},
	"blind-2026-12.jsonl":   {0.99, 0.99},
	"blind-2026-12b.jsonl":  {0.99, 0.99},
	"blind-2026-12c.jsonl":  {0.99, 0.99},
	"blind-2026-12d.jsonl":  {0.99, 0.99},
	"blind-2026-12e.jsonl":  {0.99, 0.99},
	"blind-2026-12f.jsonl":  {0.99, 0.99},
	"blind-2026-12g.jsonl":  {0.99, 0.99},
	"blind-2026-12h.jsonl":  {0.99, 0.99},
	"blind-2026-12i.jsonl":  {0.98, 0.99},
	"blind-2026-12j.jsonl":  {0.99, 0.99},
	"blind-2026-12k.jsonl":  {0.98, 0.86},
	"blind-2026-12l.jsonl":  {0.98, 0.98},
	"blind-2026-12m.jsonl":  {0.98, 0.97},
	"blind-2026-12n.jsonl":  {0.97, 0.96},
	"blind-2026-12o.jsonl":  {0.98, 0.99},
	"blind-2026-12p.jsonl":  {0.93, 0.98},
	"blind-2026-12q.jsonl":  {0.92, 0.91},
	"blind-2026-12r.jsonl":  {0.83, 0.98},
	"blind-2026-12s.jsonl":  {0.99, 0.99},
	"blind-2026-12t.jsonl":  {0.96, 0.94},
	"blind-2026-12u.jsonl":  {0.97, 0.98},
	"blind-2026-12v.jsonl":  {0.97, 0.99},
	"blind-2026-12w.jsonl":  {0.95, 0.99},
	"blind-2026-12x.jsonl":  {0.94, 0.98},
	"blind-2026-12y.jsonl":  {0.92, 0.99},
	"blind-2026-12z.jsonl":  {0.97, 0.99},
	"blind-2026-13a.jsonl":  {0.98, 0.99},
	"blind-2026-13b.jsonl":  {0.96, 0.99},
	"blind-2026-13c.jsonl":  {0.91, 0.99},
	"blind-2026-13d.jsonl":  {0.97, 0.99},
	"blind-2026-13e.jsonl":  {0.95, 0.98},
	"blind-2026-13f.jsonl":  {0.94, 0.99},
	"blind-2026-13g.jsonl":  {0.94, 0.97},
	"blind-2026-13h.jsonl":  {0.94, 0.99},
	"blind-2026-13i.jsonl":  {0.84, 0.98},
	"blind-2026-13j.jsonl":  {0.82, 0.99},
	"blind-2026-13k.jsonl":  {0.90, 0.98},
	"blind-2026-13l.jsonl":  {0.94, 0.99},
	"blind-2026-13m.jsonl":  {0.84, 0.98},
	"blind-2026-13n.jsonl":  {0.75, 0.98},
	"blind-2026-13o.jsonl":  {0.92, 0.99},
	"blind-2026-13p.jsonl":  {0.86, 0.99},
	"blind-2026-13q.jsonl":  {0.86, 0.98},
	"blind-2026-13r.jsonl":  {0.94, 0.99},
	"blind-2026-13s.jsonl":  {0.82, 0.99},
	"blind-2026-13t.jsonl":  {0.93, 0.99},
	"blind-2026-13u.jsonl":  {0.94, 0.98},
	"blind-2026-13v.jsonl":  {0.98, 0.93},
	"blind-2026-13w.jsonl":  {0.86, 0.98},
	"blind-2026-13x.jsonl":  {0.96, 0.97},
	"blind-2026-13y.jsonl":  {0.87, 0.99},
	"blind-2026-13z.jsonl":  {0.98, 0.99},
	"blind-2026-14a.jsonl":  {0.82, 0.96},
	"blind-2026-14b.jsonl":  {0.82, 0.98},
	"blind-2026-14c.jsonl":  {0.88, 0.97},
	"blind-2026-14d.jsonl":  {0.84, 0.97},
	"blind-2026-14e.jsonl":  {0.91, 0.99},
	"blind-2026-14f.jsonl":  {0.81, 0.98},
	"blind-2026-14g.jsonl":  {0.90, 0.97},
	"blind-2026-14h.jsonl":  {0.88, 0.98},
}

// placeholder is what the processor writes for a value, with the quotes
// it adds around one that replaces a bare JSON number ({"PhoneNumber":
// 254702153680} becomes {"PhoneNumber":"[REDACTED:phone]"}, still JSON):
// the quotes, neither letters nor digits, count with the value.
var placeholder = regexp.MustCompile(`"?\[REDACTED:[a-z0-9_]+\]"?`)

// redactedRanges returns the byte ranges of in that out replaced with
// placeholders. The processor only replaces substrings (a bare JSON
// number with a quoted placeholder), so out is in's
// literal segments with placeholders between them: each segment is found in
// in, the first at the start, the last at the end, every other at its latest
// place before the next one (a redacted value may contain a short segment,
// a newline inside a private key; the text after a value rarely does).
func redactedRanges(in, out string) ([][2]int, error) {
	locs := placeholder.FindAllStringIndex(out, -1)
	if len(locs) == 0 {
		if in != out {
			return nil, fmt.Errorf("output differs from input without a placeholder")
		}
		return nil, nil
	}
	segs := make([]string, 0, len(locs)+1)
	prev := 0
	for _, l := range locs {
		segs = append(segs, out[prev:l[0]])
		prev = l[1]
	}
	segs = append(segs, out[prev:])
	if !strings.HasPrefix(in, segs[0]) || !strings.HasSuffix(in, segs[len(segs)-1]) {
		return nil, fmt.Errorf("output does not keep the text's start and end")
	}
	pos := make([]int, len(segs)) // start of each segment in in
	pos[len(segs)-1] = len(in) - len(segs[len(segs)-1])
	for i := len(segs) - 2; i >= 1; i-- {
		limit := pos[i+1] - 1 // at least one byte redacted before the next segment
		if limit < 0 {
			return nil, fmt.Errorf("segment %d does not fit", i)
		}
		j := strings.LastIndex(in[:limit], segs[i])
		if j < 0 {
			return nil, fmt.Errorf("segment %d %q not found", i, segs[i])
		}
		pos[i] = j
	}
	var ranges [][2]int
	for i := 0; i+1 < len(segs); i++ {
		start, end := pos[i]+len(segs[i]), pos[i+1]
		if end <= start {
			return nil, fmt.Errorf("segments %d and %d overlap", i, i+1)
		}
		ranges = append(ranges, [2]int{start, end})
	}
	return ranges, nil
}

// remnant returns the letters and digits of text[s.start:s.end] outside
// every redacted range (for an e-mail address, of its local part only: a
// domain left behind names no one).
func remnant(text string, s span, ranges [][2]int) int {
	end := s.end
	if s.typ == "email" {
		if at := strings.LastIndexByte(text[s.start:s.end], '@'); at >= 0 {
			end = s.start + at
		}
	}
	n := 0
	for i, r := range text[s.start:end] {
		p := s.start + i
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if !slices.ContainsFunc(ranges, func(g [2]int) bool { return g[0] <= p && p < g[1] }) {
			n++
		}
	}
	return n
}

// caught reports whether s was redacted, all but a short remnant: fewer
// than max(5, min(16, 40%)) of its letters and digits left.
func caught(text string, s span, ranges [][2]int) bool {
	total, left := remnant(text, s, nil), remnant(text, s, ranges)
	return left < total && left < max(5, min(16, total*4/10))
}

func TestHeldOutCorpora(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "heldout", "*.jsonl"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	f := NewFactory()
	sink := new(consumertest.TracesSink)
	p, err := f.CreateTraces(context.Background(), processortest.NewNopSettings(metadata.Type), f.CreateDefaultConfig(), sink)
	require.NoError(t, err)
	require.NoError(t, p.Start(context.Background(), componenttest.NewNopHost()))
	defer func() { require.NoError(t, p.Shutdown(context.Background())) }()

	for _, file := range files {
		name := filepath.Base(file)
		fh, err := os.Open(file)
		require.NoError(t, err)
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<22)
		found, missed := map[string]int{}, map[string]int{}
		kept, keepTotal, docs, jsonDocs := 0, 0, 0, 0
		for sc.Scan() {
			var d heldOutDoc
			require.NoError(t, json.Unmarshal(sc.Bytes(), &d), name)
			docs++
			td := ptrace.NewTraces()
			sp := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty()
			sp.Attributes().PutStr(genai.InputMessages, d.Text)
			sink.Reset()
			require.NoError(t, p.ConsumeTraces(context.Background(), td))
			got, _ := sink.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).Attributes().Get(genai.InputMessages)
			out := got.Str()
			if json.Valid([]byte(d.Text)) {
				jsonDocs++
				assert.True(t, json.Valid([]byte(out)), "%s %s: redaction broke JSON", name, d.ID)
			}
			ranges, err := redactedRanges(d.Text, out)
			if !assert.NoError(t, err, "%s %s: output not aligned with input", name, d.ID) {
				continue
			}
			for _, s := range d.PII {
				typ, _, _ := strings.Cut(s.typ, "/")
				if slices.Contains(heldOutUnscored, typ) {
					continue
				}
				if caught(d.Text, s, ranges) {
					found[typ]++
					continue
				}
				missed[typ]++
				t.Logf("%s %s: missed %s %q", name, d.ID, s.typ, d.Text[s.start:s.end])
			}
			for _, s := range d.Keep {
				keepTotal++
				if slices.ContainsFunc(ranges, func(g [2]int) bool { return g[0] < s.end && s.start < g[1] }) {
					t.Logf("%s %s: look-alike %s %q redacted", name, d.ID, s.typ, d.Text[s.start:s.end])
					continue
				}
				kept++
			}
		}
		require.NoError(t, sc.Err())
		require.NoError(t, fh.Close())
		var types []string
		allFound, allMissed := 0, 0
		for typ := range found {
			types = append(types, typ)
		}
		for typ := range missed {
			if found[typ] == 0 {
				types = append(types, typ)
			}
		}
		slices.Sort(types)
		for _, typ := range types {
			allFound += found[typ]
			allMissed += missed[typ]
			fmt.Printf("heldout %s %-14s recall %.4f (found %d of %d)\n", name, typ, float64(found[typ])/float64(found[typ]+missed[typ]), found[typ], found[typ]+missed[typ])
		}
		recall := float64(allFound) / float64(allFound+allMissed)
		survival := float64(kept) / float64(keepTotal)
		fmt.Printf("heldout %s: %d documents (%d JSON): recall %.4f (%d of %d PII values), look-alike survival %.4f (%d of %d)\n",
			name, docs, jsonDocs, recall, allFound, allFound+allMissed, survival, kept, keepTotal)
		floor, ok := heldOutFloors[name]
		require.True(t, ok, "%s has no floors in heldOutFloors", name)
		assert.GreaterOrEqual(t, recall, floor.recall, "%s recall", name)
		assert.GreaterOrEqual(t, survival, floor.survival, "%s look-alike survival", name)
	}
}
