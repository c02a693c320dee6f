// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Passwords stated in prose, in the words that come before them:
//
//   - a password word, then the value: "мой пароль Kotik2024!", "şifrem
//     Galatasaray1905", "password hrku-pw-x8812" (.netrc), "passcode 552910";
//   - a password word, a few words, a verb or particle, then the value: "la
//     contraseña del router es Madrid.2024#", "pw for the shared mailbox is
//     Welcome123!", "Your password was reset to Temp-93Kd!x", "パスワードは
//     sakura0401", "我的密码是 woaini520", "비밀번호는 Seoul2024@@";
//   - a label of a few words holding a password word: "hasło do konta:
//     Zaq12wsx!", "Passwort für das WLAN: …";
//   - a user and password after a credentials word: "the admin creds are
//     admin:Admin@12345", "my login is mark.t / Baseball#23";
//   - SQL and Windows commands: IDENTIFIED BY 'App#User#Pw1', net user NAME
//     PASS /add.
//
// The value is a word of printable ASCII: 4 to 128 characters with a
// digit, a symbol or an inner capital; right after the password word, with
// no verb between, it needs a digit or a symbol inside it. A word about the
// password (policy, reset, length, field, manager, …) after the password
// word makes it a statement about passwords, not one. Like every detection
// the value must hold a digit for the walk to reach it: a password of
// letters and symbols only, and one that no password word names ("ich
// hatte Sommer2023! gesetzt"), are not told from prose.

type pwPhrase struct {
	w string
	// compound: the word may end a compound (WLAN-Passwort, Routerpasswort).
	compound bool
	// verbOnly: the word names other things too (Spanish clave: a key, a
	// code; MDP: a Markov decision process); it introduces a value only
	// through a verb or right before ':' (la clave es X, clave: X), not
	// directly (clave 2024).
	verbOnly bool
	// kind: a password (pwPassword), a user and password pair (pwCred:
	// creds, login), a secret (pwSecret: token, key), or a network and
	// password pair (pwNetwork: wifi, SSID).
	kind uint8
}

const (
	pwPassword uint8 = iota
	pwCred
	pwSecret
	pwNetwork // a wifi network: only "NETWORK / PASSWORD" after it
	pwPIN     // a PIN: 4 or 5 digits; up to 8 after a word naming what it opens (pinQualifiers)
	pwAccess  // a door's, a gate's, a key box's code: 4 to 10 digits after an access word (accessWords)
	pwPUK     // a SIM's PUK: 8 digits
	pwOTP     // a one-time code: 4 to 8 digits (123-456 too)
	pwMNP     // a Japanese number port's reservation number: 10 digits
)

var pwPhrases = []pwPhrase{
	{"password", true, false, pwPassword},
	{"passwort", true, false, pwPassword},
	{"passwd", true, false, pwPassword},
	{"pwd", false, false, pwPassword},
	{"pw", false, false, pwPassword},
	{"passcode", true, false, pwPassword},
	{"passphrase", true, false, pwPassword},
	{"kennwort", true, false, pwPassword},
	{"contraseña", false, false, pwPassword},
	{"contrasena", false, false, pwPassword},
	{"senha", false, false, pwPassword},
	{"wachtwoord", true, false, pwPassword},
	{"hasło", false, false, pwPassword},
	{"haslo", false, false, pwPassword},
	{"lösenord", true, false, pwPassword},
	{"losenord", true, false, pwPassword},
	{"lösenordet", true, false, pwPassword},
	{"passordet", true, false, pwPassword},
	{"adgangskoden", true, false, pwPassword},
	{"salasanani", true, false, pwPassword},
	{"salasana", true, false, pwPassword},
	{"adgangskode", true, false, pwPassword},
	{"passord", true, false, pwPassword},
	{"heslo", false, false, pwPassword},
	{"jelszó", false, false, pwPassword},
	{"jelszavam", false, false, pwPassword},
	{"mot de passe", false, false, pwPassword},
	// temporary and one-time portal codes as insurers' letters give them
	// (French, Dutch, Portuguese, Spanish)
	{"mot de passe provisoire", false, false, pwPassword},
	{"code d'accès provisoire", false, false, pwPassword},
	{"code d’accès provisoire", false, false, pwPassword},
	{"inlogcode", true, false, pwPassword},
	{"código de acesso", false, false, pwPassword},
	{"clave de un solo uso", false, false, pwPassword},
	{"contraseña provisional", false, false, pwPassword},
	{"пароль", false, false, pwPassword},
	{"пароля", false, false, pwPassword},
	{"密码", true, false, pwPassword},
	{"密碼", true, false, pwPassword},
	{"パスワード", true, false, pwPassword},
	{"비밀번호", true, false, pwPassword},
	{"암호", false, false, pwPassword},
	{"şifre", false, false, pwPassword},
	{"şifrem", false, false, pwPassword},
	{"şifremiz", false, false, pwPassword},
	{"şifreniz", false, false, pwPassword},
	{"şifresi", false, false, pwPassword},
	{"كلمة المرور", false, false, pwPassword},
	{"كلمة السر", false, false, pwPassword},
	// (Hebrew glues its article and prepositions to the word: הסיסמה,
	// והסיסמה, בסיסמה.)
	{"סיסמה", true, false, pwPassword},
	{"סיסמא", true, false, pwPassword},
	// one-time codes, as SMS and e-mail send them and people read them
	// out: a secret until it is used, and valid for minutes
	{"verification code", false, false, pwPassword},
	{"one-time code", false, false, pwPassword},
	{"one-time password", false, false, pwPassword},
	{"one-time passcode", false, false, pwPassword},
	{"otp", false, false, pwPassword},
	{"2fa code", false, false, pwPassword},
	{"login code", false, false, pwPassword},
	{"sign-in code", false, false, pwPassword},
	{"código de verificación", false, false, pwPassword},
	{"codigo de verificacion", false, false, pwPassword}, //nolint:misspell // Spanish typed without its accents
	{"bestätigungscode", false, false, pwPassword},
	{"code de vérification", false, false, pwPassword},
	// and in more languages, as services' SMS write them (German,
	// French, Italian, Portuguese, Dutch, Swedish, Danish and Norwegian,
	// Finnish, Turkish, Vietnamese, Thai, Hebrew)
	{"sicherheitscode", true, false, pwOTP},
	{"code de confirmation", false, false, pwOTP},
	{"codice di verifica", false, false, pwOTP},
	{"código de verificação", false, false, pwOTP},
	{"codigo de verificacao", false, false, pwOTP},
	{"verificatiecode", false, false, pwOTP},
	{"eenmalige code", false, false, pwOTP},
	{"verifieringskod", false, false, pwOTP},
	{"verifieringskoden", false, false, pwOTP},
	{"engangskode", false, false, pwOTP},
	{"engangskoden", false, false, pwOTP},
	{"bekræftelseskode", false, false, pwOTP},
	{"vahvistuskoodi", false, false, pwOTP},
	{"vahvistuskoodisi", false, false, pwOTP},
	{"kertakäyttöinen koodi", false, false, pwOTP},
	{"doğrulama kodunuz", false, false, pwOTP},
	{"onay kodunuz", false, false, pwOTP},
	{"mã xác thực", false, false, pwOTP},
	{"mã xác nhận", false, false, pwOTP},
	{"mã xác minh", false, false, pwOTP},
	{"รหัส otp", false, false, pwOTP},
	{"รหัส otp ของคุณ", false, false, pwOTP},
	{"one time pin", false, false, pwOTP},
	{"קוד האימות", false, false, pwOTP},
	{"קוד אימות", false, false, pwOTP},
	// "your code" in the languages of the SMS a code comes in ("Your code
	// is 482913", "Votre code : 482913", "Ваш код: 4829"): a one-time
	// code, 4 to 8 digits (pwOTP)
	{"your code", false, false, pwOTP},
	{"dein code", false, false, pwOTP},
	{"ihr code", false, false, pwOTP},
	{"votre code", false, false, pwOTP},
	{"ton code", false, false, pwOTP},
	{"tu código", false, false, pwOTP},
	{"su código", false, false, pwOTP},
	{"seu código", false, false, pwOTP},
	{"il tuo codice", false, false, pwOTP},
	{"uw code", false, false, pwOTP},
	{"je code", false, false, pwOTP},
	{"din kod", false, false, pwOTP},
	{"din kode", false, false, pwOTP},
	{"ваш код", false, false, pwOTP},
	{"твой код", false, false, pwOTP},
	{"váš kód", false, false, pwOTP},
	{"twój kod", false, false, pwOTP},
	{"kodunuz", false, false, pwOTP},
	{"kode anda", false, false, pwOTP},
	{"kod blik", false, false, pwOTP},
	// a German bank's transaction number (TAN, mobileTAN, smsTAN, pushTAN)
	{"tan", false, false, pwOTP},
	{"mobiletan", false, false, pwOTP},
	{"smstan", false, false, pwOTP},
	{"sms-tan", false, false, pwOTP},
	{"codul", false, false, pwOTP}, // (Romanian "the code": am primit codul 892849)
	{"кодът", false, false, pwOTP}, // (Bulgarian "the code": кодът е 086232)
	// Southeast Asia's: Indonesian kode OTP, Vietnamese without its
	// accents (ma xac thuc), Malaysia's TAC (a bank's transaction
	// authorisation code), a wallet's MPIN (GCash, Maya)
	{"kode otp", false, false, pwOTP},
	{"ma xac thuc", false, false, pwOTP},
	{"ma xac nhan", false, false, pwOTP},
	{"mã otp", false, false, pwOTP},
	{"ma otp", false, false, pwOTP},
	{"your tac", false, false, pwOTP},
	{"mpin", false, false, pwPassword},
	{"kodu blik", false, false, pwOTP},
	{"验证码", true, false, pwPassword},
	{"驗證碼", true, false, pwPassword},
	{"校验码", true, false, pwPassword},
	{"校驗碼", true, false, pwPassword},
	{"动态码", true, false, pwPassword},
	{"puk码", true, false, pwPUK},
	{"認証コード", true, false, pwPassword},
	{"認証番号", true, false, pwPassword},
	// a card's or a network's PIN in Japanese (暗証番号), a number port's
	// reservation number (MNP予約番号, 10 digits: it moves the line)
	{"暗証番号", true, false, pwPIN},
	{"mnp予約番号", true, false, pwMNP},
	{"mnp reservation number", false, false, pwMNP},
	{"인증번호", false, false, pwPassword},
	{"kode verifikasi", false, false, pwPassword},
	// Russian, Georgian, Uzbek and Kazakh SMS codes as Latin letters and
	// chats write them: kod podtverzhdeniya, tqveni kodi (your code), sms
	// kod keldi, код келді (the code came)
	{"kod podtverzhdeniya", false, false, pwPassword},
	{"kod podtverzhdenia", false, false, pwPassword},
	{"tqveni kodi", false, false, pwPassword},
	{"sms kod", false, false, pwPassword},
	{"sms kod keldi", false, false, pwPassword},
	{"код келді", false, false, pwPassword},
	// the Middle East's and Turkey's bank SMS: Turkish "işlem şifreniz" as
	// ASCII writes it, Arabic activation and verification codes and the
	// "secret number", Persian "dynamic password" and "second password"
	{"sifreniz", false, false, pwPassword},
	{"sifre", false, false, pwPassword},
	{"كود التفعيل", false, false, pwPassword},
	{"رمز التحقق", false, false, pwPassword},
	{"رمز التفعيل", false, false, pwPassword},
	{"الرقم السري", true, false, pwPassword},
	{"رمز پویا", false, false, pwPassword},
	{"رمز دوم", false, false, pwPassword},
	{"one time password", false, false, pwPassword},
	{"one-time pin", false, false, pwPassword},
	// in the languages of Central Asia, the Caucasus and the Balkans, as
	// their banks' and shops' SMS write them (Russian, Serbian, Bosnian and
	// Croatian, Macedonian, Uzbek, Kazakh, Azerbaijani and Turkish,
	// Armenian in Latin letters and its own, Albanian, Georgian)
	{"код подтверждения", false, false, pwPassword},
	{"код для подтверждения", false, false, pwPassword},
	{"одноразовый код", false, false, pwPassword},
	{"одноразовый пароль", false, false, pwPassword},
	{"смс-код", false, false, pwPassword},
	{"sms-код", false, false, pwPassword},
	{"verifikacioni kod", false, false, pwPassword},
	{"verifikacijski kod", false, false, pwPassword},
	{"jednokratni kod", false, false, pwPassword},
	{"kod za prijavu", false, false, pwPassword},
	{"kod za potvrdu", false, false, pwPassword},
	{"код за потврда", false, false, pwPassword},
	{"tasdiqlash kodi", false, false, pwPassword},
	{"тасдиқлаш коди", false, false, pwPassword},
	{"растау коды", false, false, pwPassword},
	{"təsdiq kodu", false, false, pwPassword},
	{"doğrulama kodu", false, false, pwPassword},
	{"mutqi kod", false, false, pwPassword},
	{"mutqi kody", false, false, pwPassword},
	{"մուտքի կոդ", false, false, pwPassword},
	{"kodi i verifikimit", false, false, pwPassword},
	{"kodi i konfirmimit", false, false, pwPassword},
	{"დადასტურების კოდი", false, false, pwPassword},
	{"ერთჯერადი კოდი", false, false, pwPassword},
	// the one-time codes of Central and Eastern Europe's banks, shops and
	// couriers (Polish, Czech, Slovak, Romanian, Hungarian, Bulgarian,
	// Ukrainian in Cyrillic and in Latin letters)
	{"kod weryfikacyjny", false, false, pwPassword},
	{"kod jednorazowy", false, false, pwPassword},
	{"kod autoryzacyjny", false, false, pwPassword},
	{"kod potwierdzający", false, false, pwPassword},
	{"ověřovací kód", false, false, pwPassword},
	{"overovací kód", false, false, pwPassword},
	{"overovaci kod", false, false, pwPassword},
	{"potvrzovací kód", false, false, pwPassword},
	{"jednorázový kód", false, false, pwPassword},
	{"autorizační kód", false, false, pwPassword},
	{"autorizacni kod", false, false, pwPassword},
	{"autorizačný kód", false, false, pwPassword},
	{"kód z sms", false, false, pwPassword},
	{"cod de autentificare", false, false, pwPassword},
	{"codul de autentificare", false, false, pwPassword},
	{"codul tau de autentificare", false, false, pwPassword},
	{"codul tău de autentificare", false, false, pwPassword},
	{"cod de verificare", false, false, pwPassword},
	{"codul de verificare", false, false, pwPassword},
	{"cod de confirmare", false, false, pwPassword},
	{"codul de confirmare", false, false, pwPassword},
	{"cod semnare contract", false, false, pwPassword},
	{"ellenőrző kód", false, false, pwPassword},
	{"ellenőrző kódod", false, false, pwPassword},
	{"ellenőrző kódja", false, false, pwPassword},
	{"megerősítő kód", false, false, pwPassword},
	{"egyszer használatos kód", false, false, pwPassword},
	{"код за потвърждение", false, false, pwPassword},
	{"код за верификация", false, false, pwPassword},
	{"код підтвердження", false, false, pwPassword},
	{"kod pidtverdzhennia", false, false, pwPassword},
	// a SIM's unblocking key (PUK1: …, Kod PUK: …, PUK je …, a PUK-kód:
	// …: 8 digits, 3GPP TS 31.102), which its owner is told by the
	// operator's support
	{"puk", false, false, pwPUK},
	{"puk1", false, false, pwPUK},
	{"puk2", false, false, pwPUK},
	{"kod puk", false, false, pwPUK},
	{"puk-kód", false, false, pwPUK},
	{"puk-kod", false, false, pwPUK},
	{"puk код", false, false, pwPUK},
	{"puk кодът", false, false, pwPUK},
	{"wifi key", false, false, pwPassword},
	{"wi-fi key", false, false, pwPassword},
	{"wlan key", false, false, pwPassword},
	{"wpa key", false, false, pwPassword},
	{"network key", false, false, pwPassword},
	{"wlan-schlüssel", false, false, pwPassword},
	{"wlan-key", false, false, pwPassword},
	// Short forms people type: pword, mdp (mot de passe), ww (wachtwoord),
	// 비번 (비밀번호), mk (mật khẩu), and the words of more languages (each
	// checked against text written in it: login forms, messages and docs
	// on GitHub): Romanian and Turkish parola, Bulgarian парола, Ukrainian
	// гасло, Serbian and Croatian lozinka, Greek κωδικός πρόσβασης,
	// Vietnamese mật khẩu, Indonesian kata sandi and passwordnya, Malay
	// kata laluan, Thai รหัสผ่าน, Hindi पासवर्ड, Persian رمز عبور, رمزم and
	// گذرواژه, Spanish clave.
	{"pword", false, false, pwPassword},
	{"mdp", false, true, pwPassword},
	{"ww", false, true, pwPassword},
	{"kenncode", true, false, pwPassword},
	{"clave", false, true, pwPassword},
	{"parola", false, true, pwPassword},
	{"parolă", false, false, pwPassword},
	{"parolei", false, false, pwPassword},
	{"parolam", false, false, pwPassword},
	{"parolanız", false, false, pwPassword},
	{"parolası", false, false, pwPassword},
	{"parolasi", false, false, pwPassword},
	{"парола", false, false, pwPassword},
	{"паролата", false, false, pwPassword},
	{"паролем", false, false, pwPassword},
	{"lozinka", false, false, pwPassword},
	{"lozinku", false, false, pwPassword},
	{"лозинка", false, false, pwPassword},
	{"hesla", false, false, pwPassword},
	{"hasła", false, false, pwPassword},
	{"κωδικός πρόσβασης", false, false, pwPassword},
	{"κωδικό πρόσβασης", false, false, pwPassword},
	{"συνθηματικό", false, false, pwPassword},
	{"mật khẩu", false, false, pwPassword},
	{"mat khau", false, false, pwPassword},
	{"kata sandi", false, false, pwPassword},
	{"kata laluan", false, false, pwPassword},
	{"รหัสผ่าน", true, false, pwPassword},
	{"पासवर्ड", false, false, pwPassword},
	{"कूटशब्द", false, false, pwPassword},
	{"رمز عبور", false, false, pwPassword},
	{"کلمه عبور", false, false, pwPassword},
	{"گذرواژه", false, false, pwPassword},
	{"비번", true, false, pwPassword},
	{"패스워드", true, false, pwPassword},
	{"口令", true, false, pwPassword},
	{"mk", false, true, pwPassword}, // Vietnamese chat: mk là …
	// Danish and Norwegian kode (a code as often as the password: "kode
	// Hygge.v49f1" after the user name): a verb, or a value mixing
	// letters and digits.
	{"kode", false, true, pwPassword},
	{"гасло", false, false, pwPassword},
	{"гасла", false, false, pwPassword},
	{"رمزم", false, false, pwPassword},
	{"passwordnya", false, false, pwPassword},
	{"sandinya", false, false, pwPassword},
	// Persian with the possessive suffix (رمز عبورم, my password), Finnish
	// salasanasi (your password), Swahili nenosiri (neno la siri, the
	// word of the secret: Android's and Google's Swahili login forms),
	// Greek κωδικός and κωδικό alone (a code as often: a verb first), the
	// French clé wifi.
	{"رمز عبورم", false, false, pwPassword},
	{"کلمه عبورم", false, false, pwPassword},
	{"salasanasi", true, false, pwPassword},
	{"nenosiri", false, false, pwPassword},
	// The English word as Arabic and Zulu chats write it (الباسورد, the
	// password, in Egyptian and Gulf Arabic; isiZulu iphasiwedi), and
	// Afrikaans wagwoord.
	{"الباسورد", false, false, pwPassword},
	{"باسورد", false, false, pwPassword},
	{"الباسوورد", false, false, pwPassword},
	{"iphasiwedi", false, false, pwPassword},
	{"wagwoord", true, false, pwPassword},
	{"κωδικός", false, true, pwPassword},
	{"κωδικό", false, true, pwPassword},
	{"clé wifi", false, false, pwPassword},
	{"clé wi-fi", false, false, pwPassword},
	// More languages, each checked against text written in it (login
	// forms and messages on GitHub: "Geslo je bilo spremenjeno", "Parole
	// ir obligāta", "Vaikimisi parool on: Password1", "Slaptažodis yra
	// privalomas", "Lykilorð of stutt", "পাসওয়ার্ড রিসেট", "پاس ورڈ غلط ہے",
	// "Գաղտնաբառը պարտադիր է", "პაროლი ცარიელია", "Palavra-passe"):
	// Slovenian geslo, Latvian parole, Estonian parool (with Finnish's
	// on), Lithuanian slaptažodis, Icelandic lykilorð, Bengali
	// পাসওয়ার্ড, Urdu پاس ورڈ, Armenian գաղտնաբառ (with its articles
	// -ը, -ն), Georgian პაროლი (პაროლია: the copula glued), European
	// Portuguese palavra-passe.
	{"geslo", false, false, pwPassword},
	{"parole", false, true, pwPassword}, // (French parole: speech)
	{"parool", false, false, pwPassword},
	{"parooli", false, false, pwPassword},
	{"slaptažodis", false, false, pwPassword},
	{"slaptazodis", false, false, pwPassword},
	{"lykilorð", false, false, pwPassword},
	{"lykilorðið", false, false, pwPassword},
	{"পাসওয়ার্ড", false, false, pwPassword},
	{"پاس ورڈ", false, false, pwPassword},
	{"գաղտնաբառ", false, false, pwPassword},
	{"գաղտնաբառը", false, false, pwPassword},
	{"գաղտնաբառն", false, false, pwPassword},
	{"პაროლი", false, false, pwPassword},
	{"პაროლია", false, false, pwPassword},
	{"palavra-passe", false, false, pwPassword},
	// Tamil கடவுச்சொல் (Google's and Android's Tamil login forms), and
	// Thai with "my" glued to it (รหัสผ่านของฉัน, ของผม: Thai writes no
	// blank between words, so the particle คือ follows it glued too).
	{"கடவுச்சொல்", false, false, pwPassword},
	{"รหัสผ่านของฉัน", true, false, pwPassword},
	{"รหัสผ่านของผม", true, false, pwPassword},
	// A network's name: "wifi: Guest-781 / PASSWORD", "SSID Cafe_5G /
	// PASSWORD" (how a network and its key are written on a card or in a
	// chat; the SSID before the '/' is kept). It introduces nothing else.
	{"wifi", false, false, pwNetwork},
	{"wi-fi", false, false, pwNetwork},
	{"wlan", false, false, pwNetwork},
	{"ssid", false, false, pwNetwork},
	{"creds", false, false, pwCred},
	{"credentials", false, false, pwCred},
	{"login", false, false, pwCred},
	{"logon", false, false, pwCred},
	{"zugangsdaten", false, false, pwCred},
	{"anmeldedaten", false, false, pwCred},
	// A PIN in prose: "My PIN is 2211", "your account PIN 5763 will
	// stop", "voicemail PIN is 409732" (India's PIN code, a postal code of
	// 6 digits, has no such word before it).
	{"pin", false, false, pwPIN},
	// A code that opens a door, a gate or a key box, as hosts and cleaning
	// crews write it ("the building door code is 90245", "lockbox … code
	// 7032", "ulazna vrata kod 3349"): only with an access word before it.
	{"code", false, false, pwAccess},
	{"codes", false, false, pwAccess},
	{"kod", false, false, pwAccess},
	{"código", false, false, pwAccess},
	{"codigo", false, false, pwAccess},
	{"codice", false, false, pwAccess},
	{"keypad", false, false, pwAccess},
	{"κωδικός", false, false, pwAccess},
	// what a code opens, then the code: a key box's or a key safe's
	// ("Keybox 8273", "cofre das chaves: 8985", "Portone 51285"), a door's
	// or a gate's only through a verb or ':' ("Street door: 821823"; not
	// "Gate 23", "door 12")
	{"keybox", false, false, pwAccess},
	{"key box", false, false, pwAccess},
	{"keysafe", false, false, pwAccess},
	{"key safe", false, false, pwAccess},
	{"schlüsselsafe", false, false, pwAccess},
	{"schlüsselbox", false, false, pwAccess},
	{"κλειδοθήκη", false, false, pwAccess},
	{"portone", false, false, pwAccess},
	{"digicode", false, false, pwAccess},
	{"cofre das chaves", false, false, pwAccess},
	{"fechadura digital", false, false, pwAccess},
	{"オートロック", true, false, pwAccess},
	{"공동현관", false, false, pwAccess},
	{"door", false, true, pwAccess},
	{"gate", false, true, pwAccess},
	{"šifra", false, true, pwAccess},
	{"sifra", false, true, pwAccess},
	// Secrets named in prose ("datadog key 2570a8…", "the auth token for
	// AC… is 5d48…"): the value must look generated (randomSecret).
	{"key", false, false, pwSecret},
	{"token", false, false, pwSecret},
	{"secret", false, false, pwSecret},
	{"apikey", false, false, pwSecret},
	{"api-key", false, false, pwSecret},
	{"api_key", false, false, pwSecret},
	{"schlüssel", false, false, pwSecret},
}

// dashedCode reports whether v is a one-time code of six digits in two
// groups, as WhatsApp sends it (123-456).
func dashedCode(v string) bool {
	return len(v) == 7 && v[3] == '-' && allDigits(v[:3]) && allDigits(v[4:])
}

// yourServiceCode reports whether "your SERVICE code" ends before p (the
// value's label, its ':' or verb after it): a service's one-time code as
// its SMS names it ("Your Uber code: 4829", "Your WhatsApp code is …").
func yourServiceCode(s string, p int) bool {
	k := p
	for k > 0 && p-k < 8 && !isAlnum(s[k-1]) && s[k-1] != '\n' {
		k--
	}
	if k >= 3 && strings.EqualFold(s[k-3:k], " is") {
		k -= 3
	}
	if k < 4 || !strings.EqualFold(s[k-4:k], "code") {
		return false
	}
	k -= 4
	if k < 2 || s[k-1] != ' ' {
		return false
	}
	ws := k - 1
	for ws > 0 && k-ws < 24 && isAlnum(s[ws-1]) {
		ws--
	}
	if ws == k-1 || ws < 5 || !strings.EqualFold(s[ws-5:ws], "your ") || ws > 5 && isAlnum(s[ws-6]) || !isUpper(s[ws]) {
		return false
	}
	var b [24]byte
	return !notServiceCodes[string(lowerInto(b[:], s[ws:k-1]))]
}

// notServiceCodes name the codes that are no one-time code after "your"
// (Your Discount code: 4829, Your ZIP code: 94306).
var notServiceCodes = map[string]bool{
	"discount": true, "promo": true, "promotion": true, "promotional": true, "coupon": true, "voucher": true,
	"gift": true, "referral": true, "invite": true, "invitation": true, "zip": true, "postal": true, "post": true,
	"area": true, "country": true, "tracking": true, "order": true, "booking": true, "reference": true,
	"confirmation": true, "error": true, "status": true, "product": true, "reward": true, "member": true,
	"customer": true, "account": true, "branch": true, "sort": true, "tax": true, "class": true, "course": true,
}

// otpQuestionWords ask for a one-time code just sent: the line before the
// answer holds one of them ("I sent a code by SMS, please read it back",
// "¿me dices el código de 6 dígitos?", "请输入6位数验证码").
var otpQuestionWords = newContextWords(
	"verification code", "one-time", "one time", "otp", "passcode", "sms code", "code by sms", "code via sms",
	"code we sent", "code we just sent", "code i sent", "code i just sent", "read it back", "digit code", "6 digit",
	"6-digit", "text message", "código de verificación", "código de 6", "código que", "code de vérification",
	"bestätigungscode", "验证码", "驗證碼", "認証番号", "認証コード", "桁のコード", "인증번호",
)

// otpAnswer reports whether the number at s[i] is a one-time code read
// back on its own line, after a speaker's label, to a question about it
// on the line before (otpQuestionWords): 4 to 8 digits, nothing else on
// the line. It returns the end.
func otpAnswer(s string, i int) (int, bool) {
	e := runOf(s, i, isDigit)
	if n := e - i; n < 4 || n > 8 || !codeEndsLine(s, e) {
		return 0, false
	}
	return e, answerContext(s, i, otpQuestionWords)
}

// codeNamedAfter reports whether the number ending at e is named a
// one-time code by the words after it, as services' SMS write it first
// ("482913 is your verification code", "Use 482913 as your login code",
// "G-482913 is your Google verification code"): " is your " or " as
// your ", at most three words, then code, OTP, PIN or passcode.
func codeNamedAfter(s string, e int) bool {
	if e+9 > len(s) || !strings.EqualFold(s[e+4:e+9], "your ") || s[e+3] != ' ' ||
		!strings.EqualFold(s[e:e+4], " is ") && !strings.EqualFold(s[e:e+4], " as ") {
		return false
	}
	k := e + 9
	for w := 0; w < 4 && k < len(s); w++ {
		ws := k
		for k < len(s) && isAlnum(s[k]) {
			k++
		}
		var b [8]byte
		switch string(lowerInto(b[:], s[ws:k])) {
		case "code", "otp", "pin", "passcode", "password":
			return true
		}
		if k == ws || k >= len(s) || s[k] != ' ' {
			return false
		}
		k++
	}
	return false
}

// gluedCodeWords are the one-time code words of Chinese and Japanese
// SMS, which write the code glued to them with no particle or blank
// (【淘宝】验证码839478，用于手机号登录; 【支付宝】校验码228965): then 4 to
// 8 digits are the code.
var gluedCodeWords = []string{"验证码", "驗證碼", "校验码", "校驗碼", "动态码", "認証コード", "認証番号"}

// gluedCodeWord reports whether one of gluedCodeWords ends at p.
func gluedCodeWord(s string, p int) bool {
	for _, w := range gluedCodeWords {
		if strings.HasSuffix(s[:p], w) {
			return true
		}
	}
	return false
}

// pinQualified reports whether the word before "PIN", in the words that
// end at e before a value, names what the PIN opens (voicemail PIN is,
// Number Transfer PIN:).
func pinQualified(s string, e int) bool {
	for k := e; k >= 3; k-- {
		if (s[k-1]|0x20) == 'n' && (s[k-2]|0x20) == 'i' && (s[k-3]|0x20) == 'p' && (k-3 == 0 || !isAlnum(s[k-4])) {
			return pinQualifiers[precedingWord(s, k-3)]
		}
		if e-k > 16 {
			break
		}
	}
	return false
}

// accessQualified reports whether one of accessWords is the code's word
// before p (the value's start) or stands among the six words before it
// on its line: what the code opens.
func accessQualified(s string, p int) bool {
	k := p
	for n := 0; n < 7 && k > 0; n++ {
		for k > 0 && s[k-1] != '\n' && (s[k-1] < utf8.RuneSelf && !isAlnum(s[k-1])) {
			k--
		}
		e := k
		for k > 0 && (isAlnum(s[k-1]) || s[k-1] >= utf8.RuneSelf) {
			k--
		}
		if e == k {
			return false
		}
		var buf [24]byte
		if w := lowerInto(buf[:], s[k:e]); w != nil && accessWords[string(w)] {
			return true
		}
	}
	return false
}

// accessWords name what an access code opens, in the languages of
// short-term rentals' hosts and guests.
var accessWords = map[string]bool{
	"door": true, "doors": true, "front": true, "gate": true, "lockbox": true, "keybox": true, "key": true, "keypad": true,
	"lock": true, "alarm": true, "garage": true, "entry": true, "entrance": true, "building": true, "closet": true,
	"padlock": true, "safe": true, "portal": true, "puerta": true, "portão": true, "portao": true, "porta": true,
	"portone": true, "cancello": true, "ingresso": true, "vrata": true, "ulaz": true, "ulazna": true, "caja": true,
	"llaves": true, "acceso": true, "alarma": true, "cerradura": true, "cassetta": true, "πόρτα": true,
	"εισόδου": true, "κλειδοθήκη": true, "καθαρίστριας": true, "schlüsselbox": true, "tür": true, "haustür": true,
	"keysafe": true, "schlüsselsafe": true, "digicode": true, "porte": true, "entrée": true, "clés": true, "cofre": true,
	"chaves": true, "fechadura": true, "sef": true, "cajetín": true, "portón": true, "portail": true, "κλειδαριά": true,
	"καγκελόπορτα": true, "πολυκατοικίας": true, "ključevima": true, "combo": true, "ramp": true,
	"オートロック": true, "マンションのオートロック": true, "공동현관": true, "현관": true,
}

// notSecretKeys are words before "key" or "token" that name something
// else: public keys, database keys, pagination.
var notSecretKeys = map[string]bool{
	"public": true, "primary": true, "foreign": true, "sort": true, "idempotency": true, "cache": true,
	"partition": true, "routing": true, "shard": true, "hash": true, "range": true, "lookup": true,
	"host": true, "gpg": true, "pgp": true, "ssh": true, "page": true, "next": true, "max": true,
	"input": true, "output": true, "composite": true, "unique": true, "index": true, "object": true,
	"row": true, "dedup": true, "group": true, "translation": true, "i18n": true, "map": true,
}

// pwByEnd indexes pwPhrases by a hash of their last two bytes (lower
// case).
var pwByEnd [256][]*pwPhrase

func endHash(a, b byte) uint8 { return lower(a)*7 ^ lower(b) }

func init() {
	for k := range pwPhrases {
		p := &pwPhrases[k]
		h := endHash(p.w[len(p.w)-2], p.w[len(p.w)-1])
		pwByEnd[h] = append(pwByEnd[h], p)
	}
}

// pwPhraseBefore reports whether s[:e] ends with a password word (any
// case) standing as a word or ending a compound.
func pwPhraseBefore(s string, e int) (*pwPhrase, bool) {
	if e < 2 || !phraseEnds.endsIn(s, e) {
		return nil, false
	}
	for _, p := range pwByEnd[endHash(s[e-2], s[e-1])] {
		b := e - len(p.w)
		if b < 0 || lower(s[b]) != p.w[0] || !strings.EqualFold(s[b:e], p.w) {
			continue
		}
		if p.kind == pwSecret && notSecretKeys[precedingWord(s, b)] {
			continue // public key, primary key, page token
		}
		if b == 0 || p.compound {
			return p, true
		}
		c := s[b-1]
		if c < utf8.RuneSelf {
			if !isAlnum(c) && c != '/' || escapedBoundary(s, b) { // (…/token is a URL's path; \nşifrem: a JSON escape's line break)
				return p, true
			}
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:b]); !unicode.IsLetter(r) {
			return p, true
		}
	}
	return nil, false
}

// pwConnectors stand between a password word (and the words after it) and
// the value: verbs and their equivalents.
var pwConnectors = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "to": true, "now": true, "be": true,
	"ist": true, "lautet": true, "lautete": true, "lauten": true, "war": true, "sind": true, "waren": true, "auf": true,
	"est": true, "était": true, "à": true, "es": true, "era": true, "será": true, "é": true, "è": true,
	"är": true, "var": true, "er": true, "jest": true, "brzmi": true, "to:": true, "luidt": true,
	"это": true, "—": true, "–": true, "→": true,
	"c'est": true, "c’est": true, "ficou": true, "fica": true, "este": true, "e": true, "je": true,
	"е": true, "це": true, "είναι": true, "là": true, "adalah": true, "ialah": true, "hai": true,
	"هي": true, "هو": true, "है": true, "คือ": true,
	// Hebrew היא/הוא (the copula: הסיסמה שלי היא X), Tagalog ay (ang
	// password ko ay X), Swahili ni (nenosiri langu ni X), Czech mám (heslo
	// mám X, the password I have), Finnish on (salasanani on X: only
	// after a Finnish word, see finnishOnly).
	"היא": true, "הוא": true, "ay": true, "ni": true, "mám": true, "on": true,
	// Latvian ir, Lithuanian yra, Serbian Cyrillic је, Armenian է, Urdu
	// ہے, Bengali হলো and হল (the copulas: mana parole ir X, моја лозинка
	// је X, իմ գաղտնաբառն է X, میرا پاس ورڈ ہے X, আমার পাসওয়ার্ড হলো X).
	"ir": true, "yra": true, "је": true, "է": true, "ہے": true, "হলো": true, "হল": true,
	"sada": true, // (Croatian and Serbian "now": šifra je sada X)
	// Georgian არის (the copula: ჩემი პაროლი არის X).
	"არის": true,
}

// finnishOn reports whether s[:e] ends with a Finnish password word and
// "on" (salasanani on X). "on" is not in the ending table: before a
// number it is mostly English ("on 12 May"), which must stay cheap.
func finnishOn(s string, e int) bool {
	if e < len("salasana on") || s[e-1]|0x20 != 'n' || s[e-2]|0x20 != 'o' || s[e-3] != ' ' {
		return false
	}
	p, ok := pwPhraseBefore(s, blanksBefore(s, e-2))
	return ok && onCopula(p)
}

// onCopula reports whether p is a Finnish or Estonian password word,
// after which "on" is the verb (salasanani on X, minu parool on X).
func onCopula(p *pwPhrase) bool {
	return strings.HasPrefix(p.w, "salasan") || strings.HasPrefix(p.w, "parool") || strings.HasPrefix(p.w, "vahvistuskood")
}

// finnishOnly are connectors that are verbs only in Finnish ("on" is a
// preposition elsewhere: the password on Windows10 machines): they count
// after a Finnish password word only.
func finnishOnly(connector []byte, p *pwPhrase) bool {
	return string(connector) == "on" && !onCopula(p)
}

// pwPossessives follow the password word in languages that put "my"
// after it (رمز عبور من X, parola mea X): the value follows them as it
// would follow the word.
var pwPossessives = map[string]bool{
	"من": true, "ما": true, "شما": true, "mea": true, "ta": true, "voastră": true, "meu": true, "minha": true,
	// Indonesian and Malay (kata sandi saya X), Tagalog (password ko),
	// Swahili (nenosiri langu, lako, letu), Hebrew (הסיסמה שלי), Greek
	// (ο κωδικός μου).
	"saya": true, "aku": true, "anda": true, "kamu": true, "ko": true, "mo": true,
	"langu": true, "lako": true, "letu": true, "שלי": true, "שלך": true, "μου": true, "σου": true,
	// Spoken Arabic's "mine" after the noun: Gulf حقي / حقتي, Levantine
	// تبعي, Egyptian بتاعي / بتاعتي, and Egyptian as chats write it in
	// Latin letters (el password bta3i X).
	"حقي": true, "حقتي": true, "تبعي": true, "بتاعي": true, "بتاعتي": true,
	"bta3i": true, "bta3ti": true, "beta3i": true, "beta3ti": true,
}

// pwAdverbs may stand between the verb and the value: "lautet übrigens
// X", "is now X", "es ahora X".
var pwAdverbs = map[string]bool{
	"übrigens": true, "now": true, "btw": true, "actually": true, "still": true, "just": true,
	"jetzt": true, "nun": true, "aktuell": true, "ahora": true, "maintenant": true, "agora": true,
	"ora": true, "adesso": true, "nu": true, "teraz": true, "сейчас": true, "теперь": true,
	"зараз": true, "şimdi": true, "sekarang": true, "simply": true,
	"teď": true, "pořád": true, "nyt": true, // Czech now, still; Finnish now
}

// pwHedges may stand between the verb and the value, saying the writer is
// not sure of it: "Mein Passwort war glaub ich Falcon#2020epv", "my
// password is I think Tr0ub4dor&3", "le mot de passe est je crois
// Chaton_72", "la contraseña es creo que Madrid.2024#". Each is what
// people write for "I think", "probably", "maybe" in the languages of
// pwConnectors; a hedge before the verb is one of the words between the
// password word and the verb already.
var pwHedges = []string{
	"i think", "i guess", "i believe", "i suppose", "probably", "maybe", "perhaps",
	"glaub ich", "glaube ich", "ich glaube", "denk ich", "denke ich", "ich denke", "wohl", "vermutlich",
	"wahrscheinlich", "vielleicht",
	"je crois", "je pense", "peut-être", "probablement", "il me semble",
	"creo que", "creo", "pienso que", "quizás", "quizá", "tal vez", "probablemente",
	"acho que", "eu acho que", "creio que", "talvez", "provavelmente",
	"credo", "penso", "forse", "probabilmente", "mi sembra",
	"denk ik", "geloof ik", "volgens mij", "waarschijnlijk", "misschien",
	"chyba", "może", "prawdopodobnie", "wydaje mi się",
	"tror jag", "tror jeg", "kanske", "kanskje", "måske",
	"myslím", "asi", "možná",
}

// hedgeBefore returns where a hedge (pwHedges) ending at e starts, after
// a blank.
func hedgeBefore(s string, e int) (int, bool) {
	if !hedgeEnds.endsIn(s, e) {
		return 0, false
	}
	for _, h := range pwHedges {
		b := e - len(h)
		if b > 0 && s[b-1] == ' ' && strings.EqualFold(s[b:e], h) {
			return b, true
		}
	}
	return 0, false
}

// pwChangeConnectors stand between a password word and its new value
// only after a verb of changing before the password word: "ho cambiato
// la password in X", "cambié la contraseña a X", "j'ai changé le mot
// de passe en X", "zmieniłem hasło na X", "mudei a senha para X".
var pwChangeConnectors = map[string]bool{
	"in": true, "a": true, "en": true, "na": true, "naar": true, "para": true, "σε": true, "на": true,
}

// changeVerbStems begin the verbs of changing a password, in the
// languages of pwChangeConnectors.
var changeVerbStems = []string{
	"cambi", "chang", "modifi", "mud", "alter", "zmieni", "ustawi", "gewijzigd", "veranderd",
	"impost", "reset", "set", "updat", "establec", "defin", "troqu", "άλλαξ", "смени", "змін", "помен",
}

// connectorList is pwConnectors by length, for a lookup without hashing.
var connectorList = func() (l [13][]string) {
	for w := range pwConnectors {
		if len(w) < len(l) {
			l[len(w)] = append(l[len(w)], w)
		}
	}
	return l
}()

// isConnector reports whether w (lower case) is one of pwConnectors.
func isConnector(w []byte) bool {
	if len(w) >= len(connectorList) {
		return false
	}
	for _, c := range connectorList[len(w)] {
		if string(w) == c {
			return true
		}
	}
	return false
}

// pwParticles end a password word glued to it in Japanese, Chinese and
// Korean: パスワードは, 密码是, 비밀번호는; and English "is" contracted
// (my password's Rugby2945#).
// cjkCopulas may stand between a password word and a full-width colon
// (验证码为：, 密码是：).
var cjkCopulas = []string{"为", "為", "是"}

var pwParticles = []string{"は", "が", "是", "为", "為", "：", "는", "은", "이", "가", ":", "คือ", "'s", "’s"}

// pwAbout are words after a password word that make the phrase about
// passwords (password policy: at least 12 characters; password reset is
// 2024-03-01), not one.
var pwAbout = map[string]bool{
	"policy": true, "policies": true, "reset": true, "resets": true, "expiry": true, "expires": true,
	"expired": true, "expiration": true, "change": true, "changed": true, "changes": true, "length": true,
	"strength": true, "requirement": true, "requirements": true, "rule": true, "rules": true, "hint": true,
	"manager": true, "field": true, "fields": true, "age": true, "history": true, "complexity": true,
	"attempts": true, "attempt": true, "reuse": true, "lockout": true, "prompt": true, "dialog": true,
	"page": true, "form": true, "link": true, "protected": true, "recovery": true, "validity": true,
	"hash": true, "hashes": true, "salt": true, "last": true, "min": true, "max": true, "minimum": true,
	"maximum": true, "file": true, "option": true, "flag": true, "parameter": true, "setting": true,
	"richtlinie": true, "länge": true, "policy:": true, "must": true, "should": true, "needs": true,
}

// valueBytes: the bytes a prose password may hold: printable ASCII but
// quotes, parentheses and angle brackets; square brackets and braces
// (o]CBI4mJdUbUOn, T04sN1Tfs}7k,{) only inside the value, never first.
var valueBytes = func() (t [256]bool) {
	for c := '!'; c < 0x7f; c++ {
		t[c] = !strings.ContainsRune("\"'`\\()<>", c)
	}
	return t
}()

func valueByte(c byte) bool { return valueBytes[c] }

// wordByte reports whether s[k] belongs to a prose password's word: a
// value byte, or the '<' of a heart or a quote inside the word (the two
// tests run only at those bytes).
func wordByte(s string, k int) bool {
	return valueBytes[s[k]] || innerBytes[s[k]] && innerByte(s, k)
}

// innerBytes: the bytes innerByte may take into a word.
var innerBytes = [256]bool{'<': true, '"': true, '\\': true}

// innerByte reports whether s[k] (one of innerBytes) is a heart's '<' or
// a quote inside the word.
func innerByte(s string, k int) bool { return heartAt(s, k) || innerQuote(s, k) }

// innerQuote reports whether s[k] is one of a run of backslashes and
// double quotes inside a word (p4ss\word"quoted, as a shell or a JSON
// decoder leaves an escaped one; p4ss\\word\"quoted, the same in a JSON
// string, once or twice escaped): the run after a letter or a digit and
// before a letter, and a backslash ending it not one of a JSON or C escape
// (\n, \t, \u…), which ends the value.
func innerQuote(s string, k int) bool {
	if c := s[k]; c != '\\' && c != '"' {
		return false
	}
	b, e := k, k+1
	for b > 0 && k-b < 8 && (s[b-1] == '\\' || s[b-1] == '"') {
		b--
	}
	for e < len(s) && e-k < 8 && (s[e] == '\\' || s[e] == '"') {
		e++
	}
	if b == 0 || e >= len(s) || !isAlnum(s[b-1]) || !isLetter(s[e]) {
		return false
	}
	if s[e-1] == '\\' {
		switch s[e] {
		case 'b', 'f', 'n', 'r', 't', 'u', 'U', 'x', 'N':
			return false
		}
	}
	return true
}

// heartAt reports whether s[k] is the '<' of a "<3" (the heart emoticon:
// ilovemycat<3) ending a word after a letter or a digit: part of the
// value, where any other angle bracket ends it (<br>, a<b).
func heartAt(s string, k int) bool {
	return k > 0 && k+1 < len(s) && s[k] == '<' && s[k+1] == '3' && isAlnum(s[k-1]) && (k+2 == len(s) || !isAlnum(s[k+2]))
}

func isBracket(c byte) bool { return c == '[' || c == ']' || c == '{' || c == '}' }

// endFlags holds, for a hash of the last three bytes of a word (lower
// case; a byte other than a letter, digit or UTF-8 counts as 0), which
// lists have a word ending so: a word can be one of a list only when its
// ending has the list's flag, one table load before any string comparison.
var endFlags [1 << 12]uint8 // (4 KB: stays in the L1 cache)

// endBytes maps a byte to what endKey counts (no class table: this runs
// before the init functions).
var endBytes = func() (t [256]uint16) {
	for c := range 256 {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = uint16(c + 'a' - 'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c >= utf8.RuneSelf:
			t[c] = uint16(c)
		}
	}
	return t
}()

// endKey hashes the last three bytes of s[:e].
func endKey(s string, e int) uint16 {
	var a, b uint16
	if e >= 2 {
		b = endBytes[s[e-2]]
	}
	if e >= 3 && b != 0 {
		a = endBytes[s[e-3]] // (a word of one byte: "e", "a")
	}
	return (a*961 + b*31 + endBytes[s[e-1]]) & (1<<12 - 1)
}

// A list of words whose endings endFlags holds.
type pairSet uint8

func (p pairSet) add(w string) { endFlags[endKey(w, len(w))] |= uint8(p) }

// endsIn reports whether s[:e] may end with a word of the list.
func (p pairSet) endsIn(s string, e int) bool {
	return e > 0 && endFlags[endKey(s, e)]&uint8(p) != 0
}

// The endings of password words, connectors, particles and prepositions.
const (
	phraseEnds pairSet = 1 << iota
	connectorEnds
	particleEnds
	prepositionEnds
	hedgeEnds
	introEnds = phraseEnds | connectorEnds | particleEnds
)

func init() {
	for _, p := range pwPhrases {
		phraseEnds.add(p.w)
	}
	for _, m := range []map[string]bool{pwConnectors, pwAdverbs, pwChangeConnectors, pwPossessives} {
		for w := range m {
			if w != "on" { // (finnishOn: "on 12 May" stays cheap)
				connectorEnds.add(w)
			}
		}
	}
	connectorEnds.add("by") // IDENTIFIED BY
	for _, w := range pwParticles {
		particleEnds.add(w)
	}
	for w := range pwPrepositions {
		prepositionEnds.add(w)
	}
	for _, h := range pwHedges {
		hedgeEnds.add(h)
	}
}

// tokenBefore returns the start of the run of non-blank bytes ending at e
// (at most 48 bytes back), and whether one is there on the same line.
func tokenBefore(s string, e int) (int, bool) {
	b := e
	for b > 0 && e-b < 48 && s[b-1] != ' ' && s[b-1] != '\t' && s[b-1] != '\n' && s[b-1] != '\r' {
		b--
	}
	return b, b < e
}

// networkBefore reports whether a network's word (wifi, SSID, …) ends at
// e, or one and the verb "to be" after it (Wi-Fi is "Cowork"): what an
// SSID follows.
func networkBefore(s string, e int) bool {
	if p, ok := pwPhraseBefore(s, e); ok && p.kind == pwNetwork {
		return true
	}
	if c := copulaBefore(s, e+1); c > 0 && e < len(s) && s[e] == ' ' {
		p, ok := pwPhraseBefore(s, blanksBefore(s, c))
		return ok && p.kind == pwNetwork
	}
	return false
}

// loginAccounts are the accounts of a device's or an application's
// administrator and of a database's superuser, as default credentials and
// hand-overs name them before " / password".
var loginAccounts = map[string]bool{
	"admin": true, "administrator": true, "administrador": true, "root": true, "superuser": true, "sa": true,
	"postgres": true, "ubnt": true, "pi": true, "sysadmin": true, "supervisor": true,
}

// loginWords, right before a login, name it: user meo / …
var loginWords = map[string]bool{
	"user": true, "username": true, "usuario": true, "usuário": true, "utilisateur": true, "benutzer": true,
	"utente": true, "gebruiker": true, "login": true,
}

// loginBefore reports whether s[us:ue], the token before " / ", is a login:
// one of loginAccounts, an e-mail address, a user name of small letters
// joined by '.' or '_' (pepe.gerente, svc_backup), or any name right after
// one of loginWords.
func loginBefore(s string, us, ue int) bool {
	t := strings.TrimLeft(s[us:ue], "(['\"`")
	if len(t) < 2 || len(t) > 64 {
		return false
	}
	var buf [16]byte
	if l := lowerToken(buf[:], t); l != nil && loginAccounts[string(l)] {
		return true
	}
	if emailShaped(t) {
		return true
	}
	joined := false
	for k := 0; k < len(t); k++ {
		switch c := t[k]; {
		case c >= 'a' && c <= 'z', isDigit(c) && k > 0:
		case (c == '.' || c == '_') && k > 0 && k < len(t)-1:
			joined = true
		default:
			joined, k = false, len(t)
		}
	}
	if joined {
		return true
	}
	ws, ok := tokenBefore(s, blanksBefore(s, us))
	if !ok || ws == us {
		return false
	}
	w := strings.TrimLeft(s[ws:blanksBefore(s, us)], "(['\"`")
	l := lowerToken(buf[:], w)
	return l != nil && loginWords[string(l)]
}

// loginPassword reports whether v, after a login and " / ", has a symbol
// other than a name's '-', '.', '_' and '/', or a capital after a small
// letter (CoralPine67): a password, not a branch's or a build's name.
func loginPassword(v string) bool {
	for k := 0; k < len(v); k++ {
		c := v[k]
		if c < utf8.RuneSelf && !isAlnum(c) && c != '-' && c != '.' && c != '_' && c != '/' ||
			isUpper(c) && k > 0 && isLower(v[k-1]) {
			return true
		}
	}
	return false
}

// blanksBefore skips up to three spaces or tabs before e.
func blanksBefore(s string, e int) int {
	for k := 0; k < 3 && e > 0 && (s[e-1] == ' ' || s[e-1] == '\t'); k++ {
		e--
	}
	return e
}

// lowerToken returns s in lower case (ASCII letters), in buf, or nil when
// longer than buf.
func lowerToken(buf []byte, s string) []byte { return lowerInto(buf, s) }

// proseMode is how the value was introduced.
type proseMode uint8

const (
	proseNone        proseMode = iota
	proseDirect                // password word, value
	proseVerb                  // password word, words, verb, value (or a label and ':')
	proseDirectWord            // password word, preposition, word, value
	proseDirectMixed           // a verbOnly password word, value: small letters and digits, and a capital or symbol
	proseLogin                 // a login and " / ", value: proseDirectMixed's, its symbol not only '-', '.', '_' unless camel case
)

// pwPrepositions may follow a password word before the thing it opens.
var pwPrepositions = map[string]bool{
	"for": true, "от": true, "для": true, "do": true, "für": true, "zum": true, "zur": true, "de": true,
	"del": true, "van": true, "voor": true, "för": true, "til": true, "per": true, "pour": true, "para": true,
	"від": true, "до": true, "za": true, "na": true, "pentru": true, "untuk": true, "cho": true, "για": true,
	"dell'": true, "della": true, "dello": true, "fürs": true, "du": true, "da": true,
}

// pwPrepositionBefore reports whether the word t at ts follows a password
// word and a preposition, or those and one word more (an adjective:
// Пароль от личного кабинета, password for the admin).
func pwPrepositionBefore(s string, ts int, t string) bool {
	if !fillerWord(t) {
		return false
	}
	for n := 0; n < 2; n++ {
		pe := blanksBefore(s, ts)
		if pe == ts {
			return false
		}
		if prepositionEnds.endsIn(s, pe) {
			ps, _ := tokenBefore(s, pe)
			var pb [8]byte
			// (not a preposition: "la clave del portatil es X" goes on to the verb)
			if pl := lowerToken(pb[:], s[ps:pe]); pl != nil && phraseEnds.endsIn(s, blanksBefore(s, ps)) && pwPrepositions[string(pl)] {
				if p, ok := pwPhraseBefore(s, blanksBefore(s, ps)); ok && p.kind == pwPassword && !p.verbOnly {
					return true
				}
			}
		}
		ws, ok := tokenBefore(s, pe)
		if !ok || !fillerWord(s[ws:pe]) || pe-ws > 24 {
			return false
		}
		ts = ws
	}
	return false
}

// alphabetLetter reports whether r is a letter of an alphabet written with
// spaces between words (Latin, Greek, Cyrillic, Armenian U+0530–U+058F,
// Georgian U+10A0–U+10FF), which a password may hold (Käsebrötchen7,
// Ձմեռ2026!); CJK text is glued to values instead.
func alphabetLetter(r rune) bool {
	return (r >= 0xc0 && r < 0x0590 || r >= 0x10a0 && r < 0x1100) && unicode.IsLetter(r)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// prosePassword looks at the word holding s[i] (a digit the walk reached):
// a password stated in prose (see above). It returns the finding, and the
// end of the word (the walk tries each word once).
func (sc *Scanner) prosePassword(s string, i, floor int) (Finding, int, bool) {
	ws, we := i, i
	for ws > 0 && i-ws < 128 {
		if wordByte(s, ws-1) {
			ws--
		} else if r, size := utf8.DecodeLastRuneInString(s[:ws]); alphabetLetter(r) {
			ws -= size
		} else {
			break
		}
	}
	for we < len(s) && we-ws < 128 {
		if wordByte(s, we) {
			we++
		} else if r, size := utf8.DecodeRuneInString(s[we:]); alphabetLetter(r) {
			we += size
		} else {
			break
		}
	}
	if !sc.on[Password] || ws <= floor || ws == 0 {
		return Finding{}, we, false
	}
	if s[ws] == '[' && we-ws >= 6 && s[we-1] == ']' && allDigits(s[ws+1:we-1]) && ws+1 <= i {
		ws++ // ([네이버] 인증번호 [176903]: a code in brackets, its word before them)
	} else if isBracket(s[ws]) {
		return Finding{}, we, false // [ticket 4711], {id: 12}
	}
	vs, ve := ws, we
	for ve > vs && (s[ve-1] == '.' || s[ve-1] == ',' || s[ve-1] == ';' || s[ve-1] == ':' || (s[ve-1] == '!' || s[ve-1] == '?') && ve-1 > vs && !isAlnum(s[ve-2]) ||
		(s[ve-1] == ']' || s[ve-1] == '}') && strings.IndexByte(s[vs:ve-1], s[ve-1]-2) < 0) {
		ve-- // (a closing bracket without its opener is the text's)
	}
	if ve-vs < 4 {
		return Finding{}, we, false
	}
	// What is before the word: a quote, blanks, or (CJK) a letter glued.
	p := ws
	quoted := false
	if c := s[p-1]; c == '"' || c == '\'' || c == '`' || c == '[' && ve < len(s) && s[ve] == ']' && allDigits(s[vs:ve]) {
		p-- // ([네이버] 인증번호 [176903]: a code in brackets, as Korean SMS send it)
		quoted = true
	} else if r, size := utf8.DecodeLastRuneInString(s[:p]); r == '“' || r == '„' || r == '«' || r == '‘' || r == '»' || r == '「' {
		p -= size
		quoted = true
	} else if r, size := utf8.DecodeLastRuneInString(s[:p]); r == ' ' || r == '\u00a0' || r == '\u202f' {
		if r2, size2 := utf8.DecodeLastRuneInString(s[:p-size]); r2 == '«' || r2 == '»' {
			p -= size + size2 // « RAWNyyqb512_ », French spacing
			quoted = true
		}
	}
	glued := p > 0 && s[p-1] >= utf8.RuneSelf && !alphabetLetter(lastRune(s[:p]))
	if q := blanksBefore(s, p); q < p {
		p = q
		glued = false
	} else if !glued {
		return Finding{}, we, false
	}
	if !glued && !mayIntro(s, p) {
		return Finding{}, we, false
	}
	mode, kind, split := sc.proseIntro(s, p, glued)
	if mode == proseNone {
		if glued && allDigits(s[vs:ve]) && ve-vs <= 8 && gluedCodeWord(s, p) {
			return Finding{vs, ve, Password}, we, true // 【淘宝】验证码839478，用于…
		}
		return Finding{}, we, false
	}
	cred := kind == pwCred
	v := s[vs:ve]
	if k := runOf(s, vs, isLetter); !cred && k-vs >= 2 && k+1 < ve && s[k] == '=' && isAlnum(s[k+1]) {
		return Finding{}, we, false // tpl=otp id=6ebc…: the next key and its value, not a password
	}
	if kind == pwNetwork && (!split || len(v) < 8 || len(v) > 63) {
		// Only the password after "NETWORK /", of 8 to 63 characters as
		// a WPA passphrase is (IEEE 802.11i): not "wifi: Guest-781", nor
		// "wlan: 2.4GHz / 5GHz".
		return Finding{}, we, false
	}
	if kind == pwPIN {
		if !allDigits(v) || len(v) < 4 || len(v) > 8 || len(v) > 5 && !pinQualified(s, p) {
			return Finding{}, we, false
		}
		return Finding{vs, ve, Password}, we, true
	}
	if kind == pwOTP {
		if dashedCode(v) {
			return Finding{vs, ve, Password}, we, true // 123-456, as WhatsApp sends it
		}
		if !allDigits(v) || len(v) < 4 || len(v) > 8 {
			return Finding{}, we, false
		}
		return Finding{vs, ve, Password}, we, true
	}
	if kind == pwMNP {
		if !allDigits(v) || len(v) != 10 {
			return Finding{}, we, false
		}
		return Finding{vs, ve, Password}, we, true
	}
	if kind == pwPUK {
		if !allDigits(v) || len(v) != 8 {
			return Finding{}, we, false
		}
		return Finding{vs, ve, Password}, we, true
	}
	if kind == pwAccess {
		if n := len(v); n > 4 && (v[n-1] == '#' || v[n-1] == '*') {
			v, ve = v[:n-1], ve-1 // (the keypad's confirm key: 637207#)
		}
		if dashedCode(v) && yourServiceCode(s, p) {
			return Finding{vs, ve, Password}, we, true // Your WhatsApp code: 123-456
		}
		if !allDigits(v) || len(v) < 4 || len(v) > 10 || mode == proseDirectMixed {
			return Finding{}, we, false
		}
		if !accessQualified(s, p) && (len(v) > 8 || !yourServiceCode(s, p)) {
			return Finding{}, we, false
		}
		return Finding{vs, ve, Password}, we, true
	}
	if kind == pwSecret {
		if !sc.on[GenericSecret] || !randomSecret(v) || !plausibleValue(v) {
			return Finding{}, we, false
		}
		if t, end, ok := sc.token(s, vs); ok && end == ve {
			return Finding{vs, ve, t}, we, true
		}
		return Finding{vs, ve, GenericSecret}, we, true
	}
	if cred || split {
		k := strings.IndexAny(v, ":/")
		if !split {
			if k <= 0 || k+1 >= len(v) || charKinds(v[:k])&(cUpper|cLower) == 0 {
				return Finding{}, we, false // a user name alone, or a date
			}
			vs += k + 1
		}
		v = s[vs:ve]
	}
	if !plausibleValue(starred(v)) || !passwordLike(v) || strings.Contains(v, "://") || emailShaped(v) || passwordHash(v) {
		return Finding{}, we, false
	}
	if !hasDigit(v) && !letterSymbolPassword(v) && !passphrase(v) && (mode != proseVerb || !joinedWordsPassword(v)) {
		return Finding{}, we, false // (a word the walk met by its symbols)
	}
	if mode == proseDirect && !quoted && (!innerDigitOrSymbol(v) && !letterSymbolPassword(v) && !passphrase(v) || arabizi(v) && pwPossessives[v]) {
		return Finding{}, we, false // (el password bta3i X: "mine", then the value)
	}
	if (mode == proseDirectMixed || mode == proseLogin) && (len(v) < 6 || charKinds(v)&cLower == 0 || !mixedPassword(v)) {
		return Finding{}, we, false // clave 2024, clave ABC-123
	}
	if mode == proseLogin && !loginPassword(v) {
		return Finding{}, we, false // node_modules / Build-2024
	}
	if mode == proseDirectWord && (!innerDigitOrSymbol(v) || charKinds(v)&(cUpper|cLower) == 0) {
		return Finding{}, we, false // password for account 12345678
	}
	return Finding{vs, ve, Password}, we, true
}

// proseGate is the walk's test, in a few byte comparisons, of whether the
// word holding s[x] (a digit) may be a password stated in prose: the word
// before it ends like a password word, a verb, a particle, a label or "/",
// or one before that like a preposition (or "net user NAME"). Most numbers
// and ids in text fail it at once.
func proseGate(s string, x int) (bool, int) {
	// The word's start and end, and whether it is a number (digits and
	// . , : / -): the walk asks once per word.
	ws := x
	for k := 0; ws > 0 && k < 128 && wordByte(s, ws-1); k++ {
		ws--
	}
	end := x
	numeric := ws == x // (a word that starts before x has a letter or a symbol)
	for ; end < len(s) && end-x < 128 && wordByte(s, end); end++ {
		numeric = numeric && numberByte[s[end]]
	}
	if end < len(s) && s[end] >= utf8.RuneSelf {
		return true, x // accented letters or CJK after it: the long way
	}
	if ws == 0 {
		return false, end
	}
	p := ws
	switch c := s[p-1]; {
	case c >= utf8.RuneSelf:
		return true, end // glued to CJK text or accented letters: the long way
	case end-ws < 4:
		return false, end // (a value has 4 bytes at least)
	case c == '"' || c == '\'' || c == '`' || c == '[':
		p--
	case c != ' ' && c != '\t':
		return false, end
	}
	e := blanksBefore(s, p)
	if e == p && (p == 0 || s[p-1] != ':') {
		return e > 0 && s[e-1] >= utf8.RuneSelf, end
	}
	if e < 2 {
		return false, end
	}
	// One load of the ending table: after a password word or a verb, any
	// value; after a label, a particle or a preposition, not a number
	// alone (passcode 552910, the password is 1234; not "for Q3 2025").
	f := pairSet(endFlags[endKey(s, e)])
	if f&(phraseEnds|connectorEnds) != 0 {
		return true, end
	}
	if numeric {
		// a number after a password word's ':' (verification code:
		// 609668, kod za prijavu: …): a label that names it; or after a
		// CJK particle (验证码是 931857: the long way asks the word)
		le := e - 1 // the label's end before its ':'
		if s[e-1] == ':' && e >= 4 && s[e-2] == ' ' {
			le = blanksBefore(s, e-1) // (French spacing: votre code : 482913)
		}
		return s[e-1] == ':' && le >= 2 && pairSet(endFlags[endKey(s, le)])&phraseEnds != 0 || s[e-1] >= utf8.RuneSelf && f&particleEnds != 0, end
	}
	if f&hedgeEnds != 0 || s[e-1] == ',' && hedgeEnds.endsIn(s, e-1) {
		return true, end // (a hedge after the verb: not a number alone)
	}
	if s[e-1]|0x20 == 'n' && finnishOn(s, e) {
		return true, end // (not a number: plainNumber skips those)
	}
	if c := s[e-1]; c == ':' || c == '/' || f&particleEnds != 0 || c == 0xab && s[e-2] == 0xc2 {
		return true, end // (0xc2 0xab: « value »)
	}
	ts := e
	for ts > 0 && e-ts < 48 && s[ts-1] != ' ' && s[ts-1] != '\t' && s[ts-1] != '\n' {
		ts--
	}
	return ts >= 9 && s[ts-2]|0x20 == 'r' || prepositionTwoBefore(s, ts), end
}

// prepositionTwoBefore is the gates' test that a preposition ends the
// token before the one at ts, or the token before that.
func prepositionTwoBefore(s string, ts int) bool {
	pe := blanksBefore(s, ts)
	if prepositionEnds.endsIn(s, pe) {
		return true
	}
	ws, ok := tokenBefore(s, pe)
	return ok && pe < ts && prepositionEnds.endsIn(s, blanksBefore(s, ws))
}

// plainNumber reports, in a few byte tests, what proseGate would answer
// for the number starting with the digits s[i:e], standing as a word after
// one space and a word that is neither a password word nor a verb (most
// numbers in prose: "for Q3 2025 (ticket 48213, build 20241022.1)"): no
// password. It returns the end of the number, or 0 when it cannot tell.
func plainNumber(s string, i, e int) int {
	if i < 2 || s[i-1] != ' ' || !isAlnum(s[i-2]) {
		return 0
	}
	for k := 0; k < 8 && e+1 < len(s) && numberByte[s[e]] && isDigit(s[e+1]); k++ {
		e = runOf(s, e+2, isDigit) // 20241022.1, 12:30, 1,250
	}
	if e < len(s) {
		switch numberEnd[s[e]] {
		case 0:
			return 0 // 2025a, 12%
		case 2:
			if e+1 < len(s) && valueByte(s[e+1]) {
				return 0 // 48213,x
			}
		}
	}
	if endFlags[endKey(s, i-1)]&uint8(phraseEnds|connectorEnds) != 0 {
		return 0
	}
	return e
}

// shortWord reports whether the word holding s[i] has fewer than 4 bytes
// (Q3, v2, x86): no prose password.
func shortWord(s string, i int) bool {
	b := i
	for b > 0 && i-b < 3 && valueByte(s[b-1]) {
		b--
	}
	e := i + 1
	for e < len(s) && e-b < 4 && valueByte(s[e]) {
		e++
	}
	return e-b < 4 && (b == 0 || s[b-1] < utf8.RuneSelf) && (e == len(s) || s[e] < utf8.RuneSelf)
}

// numberEnd is 1 for the bytes that end a number standing as a word
// (blanks, a closing parenthesis), 2 for those that end it before a blank
// (a comma, a period).
var numberEnd = [256]uint8{' ': 1, '\t': 1, '\n': 1, '\r': 1, ')': 1, ',': 2, '.': 2}

// numberByte holds the bytes of a number in prose: digits and . , : / -.
var numberByte = func() (t [256]bool) {
	for _, c := range []byte("0123456789.,:/-") {
		t[c] = true
	}
	return t
}()

// mayIntro reports, from a few bytes, whether the token ending at e may
// introduce a value (proseIntro decides): most words before a number
// (in, at, build, order) end in no password word, verb, particle or label.
func mayIntro(s string, e int) bool {
	if e == 0 {
		return false
	}
	if c := s[e-1]; c == ':' || c == '/' || phraseEnds.endsIn(s, e) || connectorEnds.endsIn(s, e) || particleEnds.endsIn(s, e) || hedgeEnds.endsIn(s, e) || c == ',' && hedgeEnds.endsIn(s, e-1) || finnishOn(s, e) {
		return true
	}
	ts, ok := tokenBefore(s, e)
	if !ok {
		return false
	}
	return ts >= 9 && s[ts-2]|0x20 == 'r' || prepositionTwoBefore(s, ts)
}

// proseIntro reads what ends at e before a value: how a password word
// introduces it, whether the word names a user and password pair (the
// value is user:password), and whether the value is the password after
// "user /" (split: already the password).
func (sc *Scanner) proseIntro(s string, e int, glued bool) (mode proseMode, kind uint8, split bool) {
	ts, ok := tokenBefore(s, e)
	if !ok {
		return proseNone, 0, false
	}
	t := s[ts:e]
	switch {
	case t == "/":
		// my login is mark.t / Baseball#23
		us, ok := tokenBefore(s, blanksBefore(s, ts))
		if !ok {
			return proseNone, 0, false
		}
		ue := blanksBefore(s, us)
		if networkBefore(s, ue) {
			return proseDirect, pwNetwork, true // SSID Cafe_5G / PASSWORD, Wi-Fi is "Cowork" / PASSWORD
		}
		m, k, _ := sc.proseIntro(s, ue, false)
		switch k {
		case pwSecret:
			return proseNone, 0, false
		case pwNetwork:
			return m, pwNetwork, true // wifi: Guest-781 / PASSWORD
		}
		if m == proseNone && loginBefore(s, us, blanksBefore(s, ts)) {
			// admin / Lakers#1!, pepe.gerente / Kr3nsh!p, (user meo /
			// ZGTY$!tqipk336&*): a login and its password with no word
			// naming them; only a value mixing letters, digits and
			// symbols or capitals.
			return proseLogin, pwPassword, true
		}
		return m, pwPassword, k == pwCred
	case len(t) == 2 && t[0]|0x20 == 'b' && t[1]|0x20 == 'y':
		// IDENTIFIED BY 'secret'
		is, ok := tokenBefore(s, blanksBefore(s, ts))
		if ok && strings.EqualFold(s[is:blanksBefore(s, ts)], "identified") {
			return proseVerb, pwPassword, false
		}
		return proseNone, 0, false
	}
	if n := len(t); n >= 3 && (t[0] == '"' || t[0] == '\'') && (t[n-1] == t[0] || n >= 4 && t[n-1] == ':' && t[n-2] == t[0]) &&
		networkBefore(s, blanksBefore(s, ts)) {
		return proseDirect, pwNetwork, true // Wifi "RoyalMileFlat" PASSWORD, Wi-Fi "Casa-Members": PASSWORD
	}
	if ts >= 9 && s[ts-2]|0x20 == 'r' && netUserBefore(s, ts) {
		return proseVerb, pwPassword, false
	}
	if !glued {
		if p, ok := pwPhraseBefore(s, e); ok && p.kind != pwNetwork {
			if p.verbOnly {
				// A word that names other things too, then the value
				// with no verb: only a value that mixes small letters
				// with digits (parola !Ioana310, kode Hygge.v49f1), not
				// a code (clave SKU-4471) or a word.
				return proseDirectMixed, p.kind, false
			}
			return proseDirect, p.kind, false
		}
		var ob [16]byte
		if ol := lowerToken(ob[:], t); ol != nil && pwPossessives[string(ol)] {
			pe := blanksBefore(s, ts)
			if p, ok := pwPhraseBefore(s, pe); ok && !p.verbOnly && p.kind == pwPassword {
				return proseDirect, pwPassword, false // رمز عبور من X
			}
			// password word, what it opens, the possessive: kata sandi
			// akun saya X, password email aku X (a letter and a digit or
			// symbol).
			if ws, ok := tokenBefore(s, pe); ok && pe < ts && pe-ws <= 12 && fillerWord(s[ws:pe]) {
				var wb [16]byte
				lw := lowerToken(wb[:], s[ws:pe])
				if lw != nil && !pwAbout[string(lw)] && !pwPossessives[string(lw)] {
					if p, ok := pwPhraseBefore(s, blanksBefore(s, ws)); ok && !p.verbOnly && p.kind == pwPassword {
						return proseDirectWord, pwPassword, false
					}
				}
			}
		}
		// password word, a preposition and a word (or two: an adjective
		// and its noun), the value: пароль от почты X, password for root
		// X, Пароль от личного кабинета X.
		var cb [24]byte
		if lc := lowerToken(cb[:], t); (lc == nil || !isConnector(lc)) && pwPrepositionBefore(s, ts, t) {
			// (not when the word is the verb: kod za prijavu je X, the
			// verb's own rule below)
			return proseDirectWord, pwPassword, false
		}
	}
	// A label ending in ':' (hasło do konta:), or a particle glued to the
	// password word (パスワードは).
	if t[len(t)-1] == ':' {
		if le := e - 1; le > ts {
			return labelIntro(s, le)
		}
		return labelIntro(s, blanksBefore(s, ts)) // French spacing: le mot de passe du gîte : X
	}
	if particleEnds.endsIn(s, e) {
		for _, pt := range pwParticles {
			if strings.HasSuffix(t, pt) {
				if pt == "：" {
					le := e - len(pt)
					for _, p2 := range cjkCopulas {
						if strings.HasSuffix(s[:le], p2) {
							if p, ok := pwPhraseBefore(s, le-len(p2)); ok {
								return proseVerb, p.kind, false // 您的随机验证码为：424073
							}
						}
					}
					return labelIntro(s, le)
				}
				if p, ok := pwPhraseBefore(s, e-len(pt)); ok {
					return proseVerb, p.kind, false
				}
			}
		}
	}
	if !glued {
		// A hedge after the verb: Passwort war glaub ich X, Passwort ist,
		// glaub ich, X.
		he := e
		if s[he-1] == ',' {
			he--
		}
		if hs, ok := hedgeBefore(s, he); ok {
			if k := blanksBefore(s, hs); k < hs {
				if s[k-1] == ',' && he < e {
					k-- // (the commas come in pairs)
				}
				if vs, ok := tokenBefore(s, k); ok && k-vs <= 12 {
					var vb [24]byte
					if lv := lowerToken(vb[:], s[vs:k]); lv != nil && (isConnector(lv) || pwAdverbs[string(lv)]) {
						if m, kind, _ := sc.proseIntro(s, k, false); m != proseNone && m != proseDirect && m != proseDirectMixed {
							return m, kind, false
						}
					}
				}
			}
		}
	}
	if glued || !connectorEnds.endsIn(s, e) && !finnishOn(s, e) {
		return proseNone, 0, false
	}
	if len(t) > 12 {
		return proseNone, 0, false
	}
	var buf [24]byte
	lt := lowerToken(buf[:], t)
	if lt == nil {
		return proseNone, 0, false
	}
	if pwAdverbs[string(lt)] {
		// lautet übrigens X: the verb is before the adverb.
		if k := blanksBefore(s, ts); k < ts {
			if vs, ok := tokenBefore(s, k); ok && k-vs <= 12 {
				var vb [24]byte
				if lv := lowerToken(vb[:], s[vs:k]); lv != nil && (isConnector(lv) || pwChangeConnectors[string(lv)]) {
					return sc.proseIntro(s, k, false)
				}
			}
		}
	}
	change := pwChangeConnectors[string(lt)]
	if !change && !isConnector(lt) {
		return proseNone, 0, false
	}
	// password word, up to four words, a verb.
	k := blanksBefore(s, ts)
	named := false // a word between that is not a possessive: clave del correo
	for n := 0; n < 5 && k > 0; n++ {
		if p, ok := pwPhraseBefore(s, k); ok && p.kind != pwNetwork {
			if finnishOnly(lt, p) {
				break
			}
			if change {
				if p.kind != pwPassword || !changeVerbBefore(s, k-len(p.w)) {
					break
				}
				// A letter and a digit or symbol: not "changed the
				// password in 2024".
				return proseDirectWord, pwPassword, false
			}
			if p.verbOnly && named {
				// A word that names codes too, and what it opens: a
				// letter and a digit or symbol (la clave del correo es
				// Tortuga.81), not a number (ο κωδικός παραγγελίας είναι
				// 4471-2210, the order code).
				return proseDirectWord, p.kind, false
			}
			return proseVerb, p.kind, false
		}
		b, ok := tokenBefore(s, k)
		if !ok {
			break
		}
		w := s[b:k]
		if c := w[len(w)-1]; c == '.' || c == '!' || c == '?' || c == ';' || c == ',' {
			break // another sentence or clause
		}
		if !fillerWord(w) {
			break
		}
		var wbuf [24]byte
		lw := lowerToken(wbuf[:], w)
		if lw != nil && pwAbout[string(lw)] && (n > 0 || !resetTo(string(lt), string(lw))) {
			break
		}
		named = named || lw == nil || !pwPossessives[string(lw)]
		k = blanksBefore(s, b)
	}
	if !change && elidedPassword(s, blanksBefore(s, ts)) {
		return proseDirectWord, pwPassword, false
	}
	return proseNone, 0, false
}

// elidedArticles stand for a password word named just before, with a
// preposition and what the password opens after them: "contraseña: X …
// y la del netflix es Y", "a senha do banco é X, a do email é Y".
var elidedArticles = map[string]bool{"la": true, "el": true, "a": true, "o": true, "quella": true, "quello": true}

// elidedPassword reports whether s[:e] (up to the verb) ends with an
// article, a preposition and a word ("la del netflix", "la de la wifi",
// "a do email") and a password word stands in the 240 bytes before the
// article: the password word left out, as a second password is named
// after a first one. The value needs a letter and a digit or symbol.
func elidedPassword(s string, e int) bool {
	ws, ok := tokenBefore(s, e) // netflix
	if !ok || !fillerWord(s[ws:e]) {
		return false
	}
	var buf [8]byte
	word := func(e int) (int, []byte, bool) { // the lower-case word before the blanks at e
		k := blanksBefore(s, e)
		b, ok := tokenBefore(s, k)
		if !ok || k == e {
			return 0, nil, false
		}
		return b, lowerToken(buf[:], s[b:k]), true
	}
	ps, pw, ok := word(ws) // del, or the article of "de la wifi"
	if ok && elidedArticles[string(pw)] {
		ps, pw, ok = word(ps)
	}
	if !ok || pw == nil || !pwPrepositions[string(pw)] {
		return false
	}
	as, aw, ok := word(ps) // la
	if !ok || aw == nil || !elidedArticles[string(aw)] {
		return false
	}
	for k := as - 1; k > 0 && as-k < 240; k-- {
		if isLetter(s[k-1]) && !isLetter(s[k]) || s[k-1] >= utf8.RuneSelf && s[k] < utf8.RuneSelf && s[k] != '\\' {
			if p, ok := pwPhraseBefore(s, k); ok && p.kind == pwPassword {
				return true
			}
		}
	}
	return false
}

// changeVerbBefore reports whether one of the three words before b is a
// verb of changing (ho cambiato la password, I changed the password).
func changeVerbBefore(s string, b int) bool {
	k := blanksBefore(s, b)
	for range 3 {
		ts, ok := tokenBefore(s, k)
		if !ok {
			return false
		}
		var buf [32]byte
		if lw := lowerToken(buf[:], s[ts:k]); lw != nil {
			for _, st := range changeVerbStems {
				if len(lw) > len(st) && string(lw[:len(st)]) == st {
					return true
				}
			}
		}
		if k = blanksBefore(s, ts); k == ts {
			return false
		}
	}
	return false
}

// resetTo reports whether verb and the connector after it set a password
// (was reset to, changed to, zurückgesetzt auf).
func resetTo(connector, verb string) bool {
	switch connector {
	case "to", "auf", "à", "a", "en", "na", "naar", "para":
		return verb == "reset" || verb == "changed" || verb == "change" || verb == "set" || verb == "updated"
	}
	return false
}

// labelIntro reads a label of up to four words ending at e (its ':' after
// e) that holds a password word with no word about passwords after it.
func labelIntro(s string, e int) (proseMode, uint8, bool) {
	var buf [24]byte
	k := e
	network := false
	for n := 0; n < 4 && k > 0; n++ {
		if p, ok := pwPhraseBefore(s, k); ok && p.kind == pwNetwork {
			network = true // Passwort für das Büro-WLAN: X; wifi: NAME / X
		} else if ok {
			if p.kind == pwSecret || p.verbOnly && n > 0 {
				break // "api key: …" is the key/value rule's; "clave de cliente:" names a code
			}
			return proseVerb, p.kind, false
		}
		b, ok := tokenBefore(s, k)
		if !ok {
			break
		}
		if lw := lowerToken(buf[:], s[b:k]); lw != nil && pwAbout[string(lw)] {
			break
		}
		k = blanksBefore(s, b)
		if k == b {
			break
		}
	}
	if network {
		return proseVerb, pwNetwork, false
	}
	return proseNone, 0, false
}

// netUserBefore reports whether "net user NAME " ends at ts (Windows: net
// user NAME PASSWORD /add).
func netUserBefore(s string, ts int) bool {
	return ts >= 9 && strings.EqualFold(s[ts-9:ts], "net user ") && (ts == 9 || !isAlnum(s[ts-10]))
}

// fillerWord reports whether w may stand between a password word and its
// verb: letters (any script) and digits, with '_', '-' or an apostrophe
// (the auth token for AC5f… is …).
func fillerWord(w string) bool {
	for k := 0; k < len(w); k++ {
		if c := w[k]; c < utf8.RuneSelf && !isWord(c) && c != '-' && c != '\'' {
			return false
		}
	}
	return true
}

// symbolWord reports whether the word holding s[x] (a symbol), after a
// blank and no further back than floor, is a password of letters and
// symbols (Zorba_WwFmtn#, QateycZ-d.otU*): letterSymbolPassword of the
// word, of 8 to 64 bytes; and where it starts. Most words with a symbol
// are short (e-mail) or hold a digit, which the walk reads the other way.
func symbolWord(s string, x, floor int) (int, bool) {
	b := x
	for b > floor && x-b < 64 && valueByte(s[b-1]) {
		if isDigit(s[b-1]) {
			return 0, false // (none of the shapes below holds a digit)
		}
		b--
	}
	if b == 0 || s[b-1] != ' ' && s[b-1] < utf8.RuneSelf {
		return 0, false
	}
	e := x + 1
	for e < len(s) && e-b < 64 && valueByte(s[e]) {
		if isDigit(s[e]) {
			return 0, false
		}
		e++
	}
	if e-b < 8 || e-b >= 64 {
		return 0, false
	}
	if s[b-1] >= utf8.RuneSelf || e < len(s) && s[e] >= utf8.RuneSelf {
		// Glued to CJK text (パスワードはriver-kot-battery-gatoです): a
		// passphrase only, whose words the text around cannot be, or
		// letters and symbols written as a password (密码是AzhKJ[TAw}Jw%P，).
		return b, passphrase(s[b:e]) || letterSymbolPassword(s[b:e])
	}
	return b, letterSymbolPassword(s[b:e]) || joinedWordsPassword(s[b:e]) || passphrase(s[b:e]) // (the verb: prosePassword)
}

// passphrase reports whether v is four or more words of 3 to 10 small
// letters joined by '-' (correct-horse-battery-staple): the passphrase a
// password manager generates (1Password's and Bitwarden's word
// generators join words so), and a password's shape after a password
// word, with its verb or without (şifrem llama-blue-staple-mango). Prose
// joins shorter words (end-to-end, state-of-the-art) and rarely four
// long ones.
func passphrase(v string) bool {
	v = strings.TrimRight(v, ".,;:")
	parts, n := 0, 0
	for k := 0; k <= len(v); k++ {
		if k == len(v) || v[k] == '-' {
			if n < 3 || n > 10 {
				return false
			}
			parts, n = parts+1, 0
			continue
		}
		if v[k] < 'a' || v[k] > 'z' {
			return false
		}
		n++
	}
	return parts >= 4
}

// sentenceTail holds the bytes a passphrase of words may end with before
// the end of its line or sentence: a small letter, or '.' or '!'.
var sentenceTail = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	t['.'], t['!'] = true, true
	return t
}()

// passphraseEnd returns e without the '.' or '!' ending the sentence.
func passphraseEnd(s string, e int) int {
	if e > 0 && (s[e-1] == '.' || s[e-1] == '!') {
		return e - 1
	}
	return e
}

// spacedPassphrase reports whether the text ending at e (the end of a line
// or of the text, maybe after a '.' or '!') is a passphrase of words
// written with blanks, right after a password word and its verb: "my
// password is correct horse battery staple", "moje heslo je correct horse
// battery staple", "Passwort ist blaue katze tanzt leise". Four to eight
// words of 3 to 10 small letters (as diceware lists and 1Password's and
// Bitwarden's word generators draw them, EFF's long list among them),
// none of them a word prose needs (the, for, this, please, …: "my
// password is too short for this site" says something about the
// password); it returns where the words start.
func spacedPassphrase(s string, e int) (int, bool) {
	e = passphraseEnd(s, e)
	k := e
	for n := 0; n < 8; n++ {
		b := k
		for b > 0 && k-b <= 10 && isLower(s[b-1]) {
			b--
		}
		if k-b < 3 || k-b > 10 || b < 2 || s[b-1] != ' ' || passphraseStop[s[b:k]] {
			return 0, false
		}
		first := s[b:k] // (the first word so far)
		k = b - 1
		if n < 3 {
			continue
		}
		vs, ok := tokenBefore(s, k)
		if !ok || k-vs > 12 || vs < 2 || s[vs-1] != ' ' {
			continue
		}
		var vb [16]byte
		if lv := lowerToken(vb[:], s[vs:k]); lv != nil && isConnector(lv) && !notCopula[string(lv)] {
			if p, ok := pwPhraseBefore(s, blanksBefore(s, vs)); ok && p.kind == pwPassword && !p.verbOnly {
				return b, !describes(first)
			}
		}
	}
	return 0, false
}

// describes reports whether w, the first word after "password is", is a
// participle, an adverb or a gerund (stored, rotated, usually, being,
// getting): the start of a sentence about the password (the password is
// rotated monthly via vault), not a passphrase.
func describes(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ing")
}

// notCopula are the connectors that are no verb "to be" (changed to X,
// is now X): a passphrase follows a copula only.
var notCopula = map[string]bool{
	"to": true, "now": true, "be": true, "auf": true, "à": true, "e": true, "on": true, "—": true, "–": true, "→": true, "to:": true,
}

// passphraseStop are words prose needs and a passphrase generator's list
// rarely holds (articles, pronouns, prepositions, conjunctions, auxiliary
// verbs, negations, and what is said of a password: required, incorrect,
// stored), in the languages of the password words: four of them after
// "password is" are a sentence about the password.
var passphraseStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		the and for you your yours this that these those with from not are was were been being has have had
		but all any can will just too very its our ours their them they she his her him who what when where
		which how why into onto over under than then also only same still now here there some more most such
		each both every again should would could must may might does did done yet nor off out about after
		before because while since until please thanks thank sorry yes okay cannot let get got use used
		using set reset change changed required incorrect invalid expired wrong missing empty weak strong secure insecure stored saved hidden encrypted hashed needed case
		sensitive already always never usually really actually probably maybe something anything nothing
		different like one two three four five six seven eight nine ten via per through across within
		without during against among around behind below above near along upon toward towards unless
		whether either neither instead otherwise however though although ever even much many few less
		least well way time times day days week weeks month months year years daily weekly monthly
		yearly sent given known shown visible available enabled disabled locked blocked shared fine ok
		good bad long short simple easy hard safe unsafe new old same default temporary temp
		der die das den dem des und ist nicht ein eine einen einem einer mit auf von zu zum zur bei aus
		nach oder aber auch noch schon immer nie sehr ich du sie wir ihr mein dein sein unser euer kein
		keine falsch richtig bitte danke
		les des une est pas que qui pour avec dans sur par mon ton son mes tes ses nos vos leur
		plus aussi mais donc car merci
		los las una del con por para pero muy mis tus sus son
		uma com mais meu minha seu sua
		della delle per non mio mia suo sono
		het een van met voor niet ook maar nog mijn jouw zijn
		jest nie jak dla moje moja twoje jego jej ale
		pro tvoje jeho
	`) {
		m[w] = true
	}
	return m
}()

// letterSymbolPassword reports whether v, a word without a digit, is
// written as a password: 8 characters or more, a capital right after a
// small letter, and a symbol other than - . _ / , ; : (a '!' or '?'
// only inside it: not "iPhone-only", "McDonald's", "end-of-file!").
func letterSymbolPassword(v string) bool {
	v = strings.TrimRight(v, ".,;:")
	if len(v) < 8 {
		return false
	}
	camel, symbol := false, false
	for k := 0; k < len(v); k++ {
		c := v[k]
		switch {
		case isUpper(c):
			camel = camel || k > 0 && v[k-1] >= 'a' && v[k-1] <= 'z'
		case isLetter(c), c == '-', c == '.', c == '_', c == '/', c == ',', c == ';', c == ':':
		case isDigit(c):
			return false
		case c == '!' || c == '?':
			symbol = symbol || k < len(v)-1
		default:
			symbol = true
		}
	}
	return camel && symbol
}

// joinedWordsPassword reports whether v is capitalised words joined by
// '_' or '-' and ending in a symbol (Erdbeer_Kuchen!, Blaue-Katze#): a
// password's shape after a verb (moje geslo je …, net user NAME …),
// though not after a password word alone, where prose has its own
// (Hilfe-Seite!).
func joinedWordsPassword(v string) bool {
	if len(v) < 8 || !isUpper(v[0]) {
		return false
	}
	last := v[len(v)-1]
	if isAlnum(last) || last == '-' || last == '_' || last == '.' || last == ',' || last == ';' || last == ':' || last == '/' {
		return false
	}
	parts := 1
	for k := 1; k < len(v)-1; k++ {
		switch c := v[k]; {
		case c == '_' || c == '-':
			if !isUpper(v[k+1]) || (v[k-1] < 'a' || v[k-1] > 'z') {
				return false
			}
			parts++
		case !isLetter(c):
			return false
		}
	}
	return parts >= 2 && v[len(v)-2] >= 'a' && v[len(v)-2] <= 'z'
}

// starred returns v without a leading '*' when the rest mixes upper and
// lower case and digits (mật khẩu là *nyrq3O0AgKpCaDC): a password that
// starts with a symbol, not a mask (****), a glob (*.log) or a YAML
// alias (*db_password), which plausibleValue rejects.
func starred(v string) string {
	if len(v) > 4 && v[0] == '*' && v[len(v)-1] != '*' && charKinds(v[1:])&(cUpper|cLower|cDigit) == cUpper|cLower|cDigit {
		return v[1:]
	}
	return v
}

// passwordHash reports whether v holds a crypt(3) or htpasswd hash
// ($apr1$, $2y$, $argon2id$, $6$ …): a stored hash, not a password.
func passwordHash(v string) bool {
	for _, id := range []string{"$apr1$", "$2a$", "$2b$", "$2y$", "$argon2", "$1$", "$5$", "$6$", "$y$", "$sha1$", "$pbkdf2"} {
		if strings.Contains(v, id) {
			return true
		}
	}
	return false
}

// innerDigitOrSymbol reports whether v holds a digit, or a symbol other
// than - . _ / before its last byte (Fritz!Box, not reset-link or done!).
func innerDigitOrSymbol(v string) bool {
	for k := 0; k < len(v); k++ {
		c := v[k]
		if isDigit(c) {
			return true
		}
		if k < len(v)-1 && !isAlnum(c) && c != '-' && c != '.' && c != '_' && c != '/' {
			return true
		}
	}
	return false
}

// emailShaped reports whether v looks like an e-mail address (the e-mail
// detector's, not a password).
func emailShaped(v string) bool {
	at := strings.IndexByte(v, '@')
	return at > 0 && strings.IndexByte(v[at:], '.') > 1 && isLetter(v[len(v)-1])
}

// randomSecret reports whether v looks generated: 20 to 256 characters
// without blanks, 32 or more hex digits, or digits with letters of both
// cases, or 24 or more mixing digits and letters.
func randomSecret(v string) bool {
	if len(v) < 20 || len(v) > 256 {
		return false
	}
	for k := 0; k < len(v); k++ {
		if c := v[k]; !isB64URL(c) && c != '+' && (c != '=' || strings.Trim(v[k:], "=") != "") {
			return false // a=b&c=d, a URL, a path: not one token
		}
	}
	kinds := charKinds(v)
	switch {
	case allHex(v) && len(v) >= 32 && kinds&cDigit != 0 && kinds != cDigit:
		return true
	case kinds == cDigit|cUpper|cLower:
		return true
	}
	return len(v) >= 24 && kinds&cDigit != 0 && kinds&(cUpper|cLower) != 0 && !strings.ContainsAny(v, ".:")
}

// precedingWord returns the ASCII word (lower case, at most 15 bytes) just
// before s[b], across one space, '_', '-' or '.', or "".
func precedingWord(s string, b int) string {
	if b < 2 || (s[b-1] != ' ' && s[b-1] != '_' && s[b-1] != '-' && s[b-1] != '.') {
		return ""
	}
	e := b - 1
	k := e
	for k > 0 && e-k < 15 && isAlnum(s[k-1]) {
		k--
	}
	var buf [16]byte
	return string(lowerInto(buf[:], s[k:e]))
}

// dtmfPasscode matches the passcode of a meeting's one-tap dial string,
// whose first digit is at s[i] after '*': "+16465588656,,85746322134#,,,,
// *123456#" (Zoom's one-tap mobile numbers: the meeting ID and '#', pauses
// as commas, then '*', the passcode and '#').
func dtmfPasscode(s string, i int) (Finding, bool) {
	if i < 4 || s[i-1] != '*' || s[i-2] != ',' {
		return Finding{}, false
	}
	k := i - 2
	for k > 0 && s[k-1] == ',' {
		k--
	}
	if k < 2 || s[k-1] != '#' || !isDigit(s[k-2]) {
		return Finding{}, false
	}
	e := runOf(s, i, isDigit)
	if e-i < 4 || e-i > 10 || e >= len(s) || s[e] != '#' {
		return Finding{}, false
	}
	return Finding{i, e, Password}, true
}
