// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// redactCases checks each input's redaction (want "" : unchanged).
func redactCases(t *testing.T, cases []struct{ in, want string }) {
	t.Helper()
	r := newTestRedactor(t)
	st := r.NewState()
	for _, c := range cases {
		st.Reset()
		out, _, _ := r.Redact(c.in, st)
		want := c.want
		if want == "" {
			want = c.in
		}
		assert.Equal(t, want, out, c.in)
	}
}

func TestProsePasswords(t *testing.T) {
	redactCases(t, []struct{ in, want string }{
		// A password word, then the value.
		{"у меня пароль Zvezda_77 не подходит", "у меня пароль [REDACTED:password] не подходит"},
		{"Unser Passwort Eichhorn#4 gilt ab heute", "Unser Passwort [REDACTED:password] gilt ab heute"},
		{"şifreniz Ankara.0623 olarak ayarlandı", "şifreniz [REDACTED:password] olarak ayarlandı"},
		{"machine ftp.example.org login deploy password ftp-9Kq2x", "machine ftp.example.org login deploy password [REDACTED:password]"},
		{"Zoom passcode 904417 for the standup", "Zoom passcode [REDACTED:password] for the standup"},
		{"كلمة السر Tunis#2025 للحساب", "كلمة السر [REDACTED:password] للحساب"},
		// Words, then a verb or a particle.
		{"o meu password do email é Lisboa_2024", "o meu password do email é [REDACTED:password]"},
		{"het wachtwoord van de printer is Kantoor-88", "het wachtwoord van de printer is [REDACTED:password]"},
		{"Das Kennwort für den Gastzugang lautet Gast2025!", "Das Kennwort für den Gastzugang lautet [REDACTED:password]"},
		{"le mot de passe du NAS est Chat.Noir42", "le mot de passe du NAS est [REDACTED:password]"},
		{"the pwd for the staging box is St4ging-Box", "the pwd for the staging box is [REDACTED:password]"},
		{"I changed my password to Harbor!Light9 yesterday", "I changed my password to [REDACTED:password] yesterday"},
		{"your temporary password has been set to Qw7-Er9-Ty1.", "your temporary password has been set to [REDACTED:password]."},
		{"ログインパスワードはtokyo2030です", "ログインパスワードは[REDACTED:password]です"},
		{"WiFi密码是 qwer1234，谢谢", "WiFi密码是 [REDACTED:password]，谢谢"},
		{"관리자 비밀번호가 Busan2024! 입니다", "관리자 비밀번호가 [REDACTED:password] 입니다"},
		{"the guest wifi key is Latte4Everyone", "the guest wifi key is [REDACTED:password]"},
		// A label of a few words and ':'.
		{"hasło do routera: Kwiatek99", "hasło do routera: [REDACTED:password]"},
		{"Passwort für das Büro-WLAN: Sonne_2025", "Passwort für das Büro-WLAN: [REDACTED:password]"},
		// A user and password after a credentials word.
		{"the default credentials are root:Toor2024!", "the default credentials are root:[REDACTED:password]"},
		{"Zugangsdaten lauten admin:Geheim_55", "Zugangsdaten lauten admin:[REDACTED:password]"},
		{"my login is j.doe / Autumn#Leaves3", "my login is j.doe / [REDACTED:password]"},
		// SQL and Windows.
		{"ALTER USER 'report'@'localhost' IDENTIFIED BY 'R3port!ng';", "ALTER USER 'report'@'localhost' IDENTIFIED BY '[REDACTED:password]';"},
		{"CREATE ROLE app LOGIN PASSWORD 'app_pw_2025';", "CREATE ROLE app LOGIN PASSWORD '[REDACTED:password]';"},
		{"C:\\> net user backupsvc Bk!Svc2025 /add /y", "C:\\> net user backupsvc [REDACTED:password] /add /y"},
		// Values with '&' inside, cut only at a delimiter.
		{"the password is Salt&Pepper9 ok", "the password is [REDACTED:password] ok"},

		// Statements about passwords, not passwords: unchanged.
		{"Password policy: at least 12 characters, 1 digit", ""},
		{"password reset link expires in 24 hours", ""},
		{"the password field is required (max 128)", ""},
		{"Passwort zuletzt geändert am 12.03.2024", ""},
		{"password: <redacted> and password=${{ secrets.DB_PASSWORD }}", ""},
		{"please reset your password here: https://example.com/reset", ""},
		{"the password is wrong, try again", ""},
		{"Password expires: 2025-06-30", ""},
		{"passwords 2024 audit: 17 weak, 3 reused", ""},
		{"login 2024/03/15 from the office", ""},
		{"the login page v2.3 is live", ""},
		{"htpasswd entry admin:$apr1$Zq1x9Lm2$Vb7nQw3eRt5yUi8oPa1sD0", ""},
		{"UPDATE users SET pwd = NULL WHERE id = 5012;", ""},
		{"password hashing uses bcrypt cost 12", ""},
		{"- uses: actions/checkout@v4\n- uses: actions/setup-go@v5", ""},
		{"I sent the password to 3 people", ""},
	})
}

func TestCommandLinePasswords(t *testing.T) {
	redactCases(t, []struct{ in, want string }{
		{"$ mysqldump -u backup -pBkp_2025x shop > shop.sql", "$ mysqldump -u backup -p[REDACTED:password] shop > shop.sql"},
		{"docker exec -it db mariadb -uroot -p'R00t!Maria' -e 'show databases'", "docker exec -it db mariadb -uroot -p'[REDACTED:password]' -e 'show databases'"},
		{"sshpass -p \"Jump#Host7\" ssh ops@10.0.0.9", "sshpass -p \"[REDACTED:password]\" ssh ops@[REDACTED:ipv4]"},
		{"redis-cli -h cache -p 6380 -a Cache!Pw2 INFO", "redis-cli -h cache -p 6380 -a [REDACTED:password] INFO"},
		{"sqlcmd -S db01 -U sa -P Sql$erver22 -Q \"select 1\"", "sqlcmd -S db01 -U sa -P [REDACTED:password] -Q \"select 1\""},
		{"mongosh --host m1 -u admin -p Mongo_Pass9 --authenticationDatabase admin", "mongosh --host m1 -u admin -p [REDACTED:password] --authenticationDatabase admin"},
		{"ldapsearch -x -D cn=admin,dc=ex,dc=org -w Ld4p!Bind -b dc=ex,dc=org", "ldapsearch -x -D cn=admin,dc=ex,dc=org -w [REDACTED:password] -b dc=ex,dc=org"},
		{"7z x backup.7z -pArch1ve!", "7z x backup.7z -p[REDACTED:password]"},
		{"keytool -importcert -keystore app.jks -storepass Jks_Store1 -alias ca", "keytool -importcert -keystore app.jks -storepass [REDACTED:password] -alias ca"},
		{"podman login quay.io -u bot -p Quay2025token", "podman login quay.io -u bot -p [REDACTED:password]"},
		{"curl -u ana.silva@example.pt:Tk9mQ2vX7pL4 https://api.example.pt", "curl -u [REDACTED:password] https://api.example.pt"},
		{"sqlplus system/Manager2025@//db.internal:1521/ORCLPDB", "sqlplus system/[REDACTED:password]@//db.internal:1521/ORCLPDB"},
		{"CONNECT hr/Hr_pass77@xepdb1", "CONNECT hr/[REDACTED:password]@xepdb1"},

		// Flags that are not passwords: unchanged.
		{"mysql -u root -p shop < dump.sql", ""},
		{"docker run -p 8080:80 nginx", ""},
		{"redis-cli -h cache -p 6379 ping", ""},
		{"ssh -p 2222 bastion.example.org", ""},
		{"tar -xzf a.tgz -C /opt && ls -la", ""},
		{"mysql -p$MYSQL_PWD -u app", ""},
		{"git clone https://github.com/org/repo.git && cd repo/src", ""},
	})
}

func TestCredentialFiles(t *testing.T) {
	redactCases(t, []struct{ in, want string }{
		{"*:5432:*:replicator:Repl1cate!", "*:5432:*:replicator:[REDACTED:password]"},
		{"pg.internal.example.com:6432:billing:billing_ro:b1ll-RO-pw", "pg.internal.example.com:6432:billing:billing_ro:[REDACTED:password]"},
		{"network={\n  ssid=\"HomeNet\"\n  psk=\"Garden-Gnome-42\"\n}", "network={\n  ssid=\"HomeNet\"\n  psk=\"[REDACTED:password]\"\n}"},
		{"api_password                = \"Aligned#Cols9\"", "api_password                = \"[REDACTED:password]\""},
		{"smtp_pass\t\t\t= M4il-Relay-Pw", "smtp_pass\t\t\t= [REDACTED:password]"},
		{"Driver={ODBC Driver 18};Server=db;UID=app;PWD={p;w=x}}9};Encrypt=yes", "Driver={ODBC Driver 18};Server=db;UID=app;PWD={[REDACTED:password]};Encrypt=yes"},
		// Not credentials: unchanged.
		{"12:30:45:00:start", ""},
		{"fe80:0:0:0:abcd:1", ""},
		{"PWD={password}", ""},
		{"log line 2024-03-15 10:11:12:345 worker:ready", ""},
	})
}

func TestVendorSecrets(t *testing.T) {
	redactCases(t, []struct{ in, want string }{
		{
			"SENTRY_DSN=https://0f1e2d3c4b5a69788796a5b4c3d2e1f0@o998877.ingest.de.sentry.io/1122334",
			"SENTRY_DSN=https://[REDACTED:url_credentials]@o998877.ingest.de.sentry.io/1122334",
		},
		{
			"GET https://api.telegram.org/bot7712345678:AAH3kLmN0pQrStUvWxYz1234567890abcde/sendMessage",
			"GET https://api.telegram.org/bot[REDACTED:api_token]/sendMessage",
		},
		{"token 5544332211:AAFq9Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Ji0Hg_", "token [REDACTED:api_token]"},
		{
			"AIRTABLE_TOKEN=patQ8wE2rT5yU9iO1.0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
			"AIRTABLE_TOKEN=[REDACTED:api_token]",
		},
		{"mailgun key: 0f9e8d7c6b5a49382716a5b4c3d2e1f0-8a7b6c5d-1e2f3a4b", "mailgun key: [REDACTED:api_token]"},
		{"-H 'DD-APPLICATION-KEY: 3c7e1f0a9b8d2c4e6f1a3b5c7d9e0f2a4b6c8d0e'", "-H 'DD-APPLICATION-KEY: [REDACTED:generic_secret]'"},
		{"dd_app_key: 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b", "dd_app_key: [REDACTED:generic_secret]"},
		{
			"the twilio auth token for AC0a1b2c3d4e5f60718293a4b5c6d7e8f9 is 7f6e5d4c3b2a19080f1e2d3c4b5a6978",
			"the twilio auth token for AC0a1b2c3d4e5f60718293a4b5c6d7e8f9 is [REDACTED:generic_secret]",
		},
		{"our datadog api key 81f2a3b4c5d6e7f8091a2b3c4d5e6f70, EU site", "our datadog api key [REDACTED:generic_secret], EU site"},
		{"aws_secret_access_key=+Qz8/Lm3Nc7Vb2Xa9Ks4Jd6Hf1Gt5Ry0Ue8Wi3Op", "aws_secret_access_key=[REDACTED:aws_secret_key]"},
		{"instagram_page_token: IGQVJx8Kd2mN5pQ7rS9tU1vW3xY5zA7bC9dE1fG3", "instagram_page_token: [REDACTED:generic_secret]"},
		{"stripe-restricted-key: cmtfbGl2ZV9UZXN0S2V5VmFsdWUxMjM0NTY3ODk=", "stripe-restricted-key: [REDACTED:generic_secret]"},
		{"private_key_id: 1f2e3d4c5b6a79880f1e2d3c4b5a69788796a5b4", "private_key_id: [REDACTED:generic_secret]"},
		{
			"Cookie: _ga=GA1.2.3; session_id=s%3AqW8eR7tY6uI5oP4a.Sd3Fg2Hj1Kl0Zx9Cv8Bn7Mm6; lang=en",
			"Cookie: _ga=GA1.2.3; session_id=[REDACTED:generic_secret]; lang=en",
		},
		{"aws_session_token=" + longToken(400) + "\nnext", "aws_session_token=[REDACTED:generic_secret]\nnext"},

		// Not secrets: unchanged.
		{"next_page_token: CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA2MjgSAhgB", ""},
		{"max_tokens: 4096, token_count=1532", ""},
		{"publishable_key: pk_live_51Hx2yZ3abcDEF4ghIJ5", ""},
		{"the public key 8f7e6d5c4b3a29180f7e6d5c4b3a2918 is on the wiki", ""},
		{"primary key 3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c", ""},
		{"sessionId: 7d6c5b4a39281706f5e4", ""},
		{"keyboard 2024 layout, monkey123", ""},
		{"kms_key_id: 1234abcd-12ab-34cd-56ef-1234567890ab", ""},
		{"commit 0f9e8d7c6b5a49382716a5b4c3d2e1f0a9b8c7d6 fixes the token refresh", ""},
	})
}

// longToken is a base64-looking value of n characters.
func longToken(n int) string {
	const a = "IQoJb3JpZ2luX2VjEPr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD7a9b8c"
	b := make([]byte, n)
	for k := range b {
		b[k] = a[(k*7+3)%len(a)]
	}
	return string(b)
}

func TestWebhooksAndURLs(t *testing.T) {
	redactCases(t, []struct{ in, want string }{
		{"zap: https://hooks.zapier.com/hooks/catch/1234567/abc9xyz/ done", "zap: https://hooks.zapier.com/hooks/catch/[REDACTED:webhook_url] done"},
		{"POST https://mm.example.org/hooks/k3j9x2m4p8q1w7e5r6t0y2u4i8 ok", "POST https://mm.example.org/hooks/[REDACTED:webhook_url] ok"},
		{"n8n: https://n8n.example.net/webhook/5b2f7c1e-9a3d-4e8b-b6f0-2c7d1e9a4b3f", "n8n: https://n8n.example.net/webhook/[REDACTED:webhook_url]"},
		{"https://hooks.example-crm.io/in/Wq8Zr2Lm5Nx7Kp3Vb9Tc4Yd6", "https://hooks.example-crm.io/in/[REDACTED:webhook_url]"},
		{"ftp://mirror:Sync#2025@files.example.org/pub", "ftp://mirror:[REDACTED:url_credentials]@files.example.org/pub"},
		// Not secrets: unchanged.
		{"see https://docs.example.com/api/webhooks/setup-guide-2024 for details", ""},
		{"https://github.com/org/repo/settings/hooks/412345678", ""},
		{"https://example.com/page#section-2@top", ""},
	})
}

func TestTruncatedPEM(t *testing.T) {
	redactCases(t, []struct{ in, want string }{
		{
			"key: -----BEGIN PRIVATE KEY----- MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDx (cut)\nnext line kid=k1 n=2048",
			"key: [REDACTED:private_key] (cut)\nnext line kid=k1 n=2048",
		},
		{
			"-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAz8Lm2Nb4Vc6Xa9Ks4Jd6Hf1Gt5Ry0Ue8Wi3Op7Qz8Lm3N\nc7Vb2Xa9Ks4Jd6Hf1Gt5Ry0Ue8Wi3Op\n[truncated]\nINFO done",
			"[REDACTED:private_key]\n[truncated]\nINFO done",
		},
		{
			`{"k":"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIOz8Lm2Nb4Vc6Xa9Ks4Jd6Hf1Gt5Ry0Ue8Wi3Op7Qz8o\nAoGCCqGSM49"}`,
			`{"k":"[REDACTED:private_key]"}`,
		},
	})
}
