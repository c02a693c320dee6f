// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan

import "testing"

// TestFrameworkSecretKeys: the keys frameworks and payment vendors give
// their secrets that no generic word names (Rails, Airflow, Flutterwave,
// Safaricom's Daraja, Adyen), and their look-alikes.
func TestFrameworkSecretKeys(t *testing.T) {
	const sec = "[REDACTED:generic_secret]"
	redactCases(t, []struct{ in, want string }{
		{"secret_key_base: a85ef005723bae45e84ded35a0f58e4e727b3938d5c600ac4fb8a8d3", "secret_key_base: " + sec},
		{"  key_derivation_salt: 30cmNZ9Ajk9RVFsGSk0XJdvEqf7WnMla", "  key_derivation_salt: " + sec},
		{"FLW_SECRET_HASH=7XUDsgY375iufNdN", "FLW_SECRET_HASH=" + sec},
		{"EASYPAISA_HASH_KEY=OHNL0fUxpb3DNI8z", "EASYPAISA_HASH_KEY=" + sec},
		{`PASSKEY = "2fa762d96144635f76af50a457e470dbc29baeb85d787dcd5c4a8892ddc8a04d"`, `PASSKEY = "` + sec + `"`},
		{`"adyen_hmac": "9817789b770920415899bbb36a5a9bfd64c43e4a6290587ab9dc5bc0ebfc87b3"`, `"adyen_hmac": "` + sec + `"`},
		{"  fernetKey: Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=", "  fernetKey: " + sec},
		{"FLY_API_TOKEN: FlyV1 fm2_lJPECAAAAAAAAAbGxBBCpn0RkJ4pX9QnNcN5aT7x3wrVodHRwczovL2FwaS5mbHkuaW8v", "FLY_API_TOKEN: FlyV1 " + sec},
		// A hash, a salt, a base with no qualifier naming a secret.
		{`"password_hash": "5f4dcc3b5aa765d61d8327deb882cf99"`, ""},
		{`"commit_hash": "5f4dcc3b5aa765d61d8327deb882cf99a1b2c3d4"`, ""},
		{`"salt": "a1b2c3d4e5f6a7b8c9d0"`, ""},
		{`"hash_key": "user_id"`, ""},
		{"base: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b", ""},
	})
}

// TestBasicCredentials: HTTP Basic credentials wherever a header is
// written, decoded to be sure they are a user and a password.
func TestBasicCredentials(t *testing.T) {
	const pw = "[REDACTED:password]"
	redactCases(t, []struct{ in, want string }{
		{`proxy_set_header Authorization "Basic bG9raTpMMGtpLVJlYWQhMjAyNA==";`, `proxy_set_header Authorization "Basic ` + pw + `";`},
		{`- header: { key: Authorization, value: "Basic ZXJwX2FwaTpFcnAhTGVnYWN5MjAxOQ==" }`, `- header: { key: Authorization, value: "Basic ` + pw + `" }`},
		{"basic YWRtaW46czNjcjN0 sent", "basic " + pw + " sent"}, // admin:s3cr3t
		// Not base64 of "user:password": no ':' (foobarbaz), bad padding,
		// binary, prose.
		{"Basic Zm9vYmFyYmF6 is not it", ""},
		{"Basic dXNlcjpwYXNzd29yZA= x", ""},
		{"Basic AAECAwQ6BQYHCAk= x", ""},
		{"a basic understanding of base64", ""},
	})
}

// TestLoginCalls: the password argument of a login call in code, and
// Google's app passwords (four groups of four small letters) as the value
// of a password key.
func TestLoginCalls(t *testing.T) {
	const pw = "[REDACTED:password]"
	redactCases(t, []struct{ in, want string }{
		{`s.login("clinic@gmail.com", "xkcd fgpq lmzt bwer")`, `s.login("[REDACTED:email]", "` + pw + `")`},
		{`server.login('bot', 'Hunter2024!')`, `server.login('bot', '` + pw + `')`},
		{"  SMTP_PASS = 'qwpx zjmk abte hfgr'", "  SMTP_PASS = '" + pw + "'"},
		// Variables, one argument, an unclosed call, a sentence.
		{"server.login(user, password)", ""},
		{"client.login('MTIRpcJSqe1nCHYnJbcvvWF3')", ""},
		{`s.login("bot", "Hunter2024!"`, ""},
		{"the words were 'this that what when' ok", ""},
	})
}

// TestHARCookieHeader: a Cookie header in a browser's HAR export holds
// the session cookie as a Cookie header line does.
func TestHARCookieHeader(t *testing.T) {
	redactCases(t, []struct{ in, want string }{
		{
			`{"name": "Cookie", "value": "sid=svykxcra5855rsfc1jmvh3orqurh3rd3; _ga=GA1.2.483866570.127"}`,
			`{"name": "Cookie", "value": "sid=[REDACTED:generic_secret]; _ga=GA1.2.483866570.127"}`,
		},
		// sid outside a Cookie names a chat or trace session.
		{`{"name": "X-Trace", "value": "sid=svykxcra5855rsfc1jmvh3orqurh3rd3"}`, ""},
	})
}

// TestDeviceTokens: a Discord bot token found from its middle segment, a
// New Relic insert key, and an FCM registration token.
func TestDeviceTokens(t *testing.T) {
	const tok, sec = "[REDACTED:api_token]", "[REDACTED:generic_secret]"
	fcm := "5t9AEpwicUtNW1zj10Cf3O:APA91baLd3WDXKPc9j1h47JL4gzzzEIIFZ3-3Z6VFq3R5-rCYe5DKXRVCc_GY3fKHBJJtQnYSMvIsXfWhIXVoR1MXyah_MRkdrjXBwdOxBrjltFib3j1Q9t3DaO00K"
	redactCases(t, []struct{ in, want string }{
		{"token MjBUHhcRxzQANmlQYwVdbvtp.Bz4kZm.QHrT0Ow0DNfFKkPUe0Sd436VyvZ here", "token " + tok + " here"},
		{`"key_used":"NRII-JzYIhn6f4yKK2pMxlh7kUZNyxXV0yfyN"`, `"key_used":"` + tok + `"`},
		{`{"to":"` + fcm + `"}`, `{"to":"` + sec + `"}`},
		// Too short after APA91b, and dotted words that are no token.
		{"id dXJ5Zl8tQ1e:APA91bHun4MxP5egoKMwt2KZFBaFUH", ""},
		{"see Mozilla5Windows10Chromium.Safari.Version17Mobile15E148Safari6047 now", ""},
	})
}

// TestSettingsTables: secrets given as settings in the forms pasted most:
// a table row whose first cell names the value, .NET's <add key=… value=…/>,
// WireGuard's PresharedKey, OpenWeatherMap's appid, and a cookie as the
// debug exporter prints it.
func TestSettingsTables(t *testing.T) {
	const sec, pw = "[REDACTED:generic_secret]", "[REDACTED:password]"
	redactCases(t, []struct{ in, want string }{
		{"| DARAJA_CONSUMER_KEY | mvNDYdzj6NCtE5a0bgFDXnnnM6vtEaiwY7Pu6aLq092JA0NM |", "| DARAJA_CONSUMER_KEY | " + sec + " |"},
		{"| session | ApaWkMyBIAhvjtFjtwXkaNDYXHVtINIJTBd3TlBj7j7 | redis | 24h |", "| session | " + sec + " | redis | 24h |"},
		{`<add key="ClearTextPassword" value="zCjR7qpveHZab/KOpowGJ+lCHaPvJCwV0teQyqqS61w=" />`, `<add key="ClearTextPassword" value="` + pw + `" />`},
		{"PresharedKey = RBlGaQuwyNWPOufTHTk96mMqSGJOmZzIqXookc79yEA=", "PresharedKey = " + sec},
		{"/data/2.5/weather?q=Porto&appid=9d561539fad9e47df69bd4f736cac489&units=metric", "/data/2.5/weather?q=Porto&appid=[REDACTED:secret_url_param]&units=metric"},
		{
			`-> http.request.header.cookie: Slice(["sid=9c56694d745d38c603374c96282f9f8ac9cb81985f6d9f663bfea470691e71c7; lang=nb"])`,
			`-> http.request.header.cookie: Slice(["sid=` + sec + `; lang=nb"])`,
		},
		// Cells and attributes that name no secret, a cell holding more
		// than the value, a public app id.
		{"| order | A1B2C3D4E5F6G7H8 |", ""},
		{"| password | hunter2 is old |", ""},
		{`<add key="Username" value="build2024x" />`, ""},
		{"oauth?appid=123456789012345&x=1", ""},
	})
}

// TestComboListsAndStreamKeys: a credential dump's address:password lines,
// a Twitch stream key, and a time before an address.
func TestComboListsAndStreamKeys(t *testing.T) {
	redactCases(t, []struct{ in, want string }{
		{"  samuel.okafor@yahoo.com:Samuel1987!", "  [REDACTED:email]:[REDACTED:password]"},
		{"rtmp://live-fra.twitch.tv/app/live_883920174_Xk2PqLmN9rT4vB7wYz1cD5eF8gH0jJ", "rtmp://live-fra.twitch.tv/app/[REDACTED:api_token]"},
		{"2024-05-30 19:02Z 67.243.19.88 iOS", "2024-05-30 19:02Z [REDACTED:ipv4] iOS"},
		// An scp remote, a port, curl's -u (the user goes with the password).
		{"git clone git@gitlab.com:group/proj", ""},
		{"user@example.org:8080 x", ""},
		{"curl -u ana@example.pt:S3nh4!Forte https://x", "curl -u [REDACTED:password] https://x"},
	})
}
