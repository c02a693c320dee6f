// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import (
	"slices"
	"strings"
)

// webhooks are URLs whose path is the secret: whoever has it can post.
// The host (or, with a leading '.', the host's ending) and the path
// prefix; the rest of the path is redacted. Sources: gitleaks
// config/gitleaks.toml at b58d3f1 (slack-webhook-url,
// microsoft-teams-webhook), Discord's webhook URL form, WeCom's and
// DingTalk's robot documentation.
var webhooks = []struct{ host, path string }{
	{"hooks.slack.com", "/services/"},
	{"hooks.slack.com", "/workflows/"},
	{"hooks.slack.com", "/triggers/"},
	{"discord.com", "/api/webhooks/"},
	{"discordapp.com", "/api/webhooks/"},
	{".webhook.office.com", "/webhookb2/"},
	{"hooks.zapier.com", "/hooks/catch/"},
	{"maker.ifttt.com", "/trigger/"},
	// WeCom's (企业微信) and DingTalk's group robots: the key is the
	// query's (qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<uuid>,
	// oapi.dingtalk.com/robot/send?access_token=<64 hex>)
	{"qyapi.weixin.qq.com", "/cgi-bin/webhook/send?key="},
	{"oapi.dingtalk.com", "/robot/send?access_token="},
	// Bark's push URL, the device key its first segment (api.day.app/<key>/…)
	{"api.day.app", "/"},
}

// hookSegments are path segments after which a random segment is a
// webhook's secret on any host: Mattermost and Rocket.Chat /hooks/<key>,
// n8n /webhook/<id>, Zapier-like /catch/<id>/<key>.
var hookSegments = []string{"hooks", "hook", "webhook", "webhooks", "catch", "incoming", "in"}

// urlEnd ends a URL's authority or path.
var urlEnd = func() (t [256]bool) {
	for _, c := range " \t\n\r\"'`\\<>[]{}|" {
		t[c] = true
	}
	return t
}()

// urlHardEnd ends the text a URL can span: blanks, quotes, backslashes.
var urlHardEnd = func() (t [256]bool) {
	for _, c := range " \t\n\r\"'`\\" {
		t[c] = true
	}
	return t
}()

// placeholderPath reports whether a webhook's path has a segment that is
// one character repeated after its first (T00000000, XXXXXXXX): the form
// in documentation, not a key.
func placeholderPath(p string) bool {
	for seg := range strings.SplitSeq(p, "/") {
		if len(seg) >= 5 && strings.Count(seg[1:], seg[1:2]) == len(seg)-1 {
			return true
		}
	}
	return false
}

// url matches what follows "://" at s[i]: a webhook URL, or the
// credentials before the '@' of the authority (user:password@, :password@
// with an empty user as in redis://:pw@host). The user name goes with the
// password: it is half the credential, and often a person's name or
// e-mail address.
func (sc *Scanner) url(s string, i int) (Finding, bool) {
	// The authority: up to '/', '?', '#' or a delimiter.
	a := i
	for a < len(s) && a-i < 256 && !urlEnd[s[a]] && s[a] != '/' && s[a] != '?' && s[a] != '#' {
		a++
	}
	if sc.on[WebhookURL] && a < len(s) && s[a] == '/' {
		host := s[i:a]
		for _, w := range webhooks {
			if (host == w.host || (w.host[0] == '.' && strings.HasSuffix(host, w.host))) && strings.HasPrefix(s[a:], w.path) {
				p := a + len(w.path)
				e := p
				for e < len(s) && webhookPath(s[e]) {
					e++
				}
				for e > p && (s[e-1] == '.' || s[e-1] == ',' || s[e-1] == ')') {
					e--
				}
				if e-p >= 8 && hasDigit(s[p:e]) && !placeholderPath(s[p:e]) {
					return Finding{schemeStart(s, i), e, WebhookURL}, true
				}
			}
		}
		if f, ok := hookPath(s, i, a); ok {
			f.Start = schemeStart(s, i)
			return f, true
		}
	}
	if !sc.on[URLCredentials] {
		return Finding{}, false
	}
	if a < len(s) && strings.IndexByte("#?{}[]|<>", s[a]) >= 0 && strings.IndexByte(s[i:a], ':') >= 0 &&
		(s[a] == '#' || s[a] == '?' || strings.IndexByte(s[i:a], '@') < 0) {
		// A password with a '#', '?', brace or bracket nobody
		// percent-encoded (ftp://backup:BackUp#2023@host/,
		// postgres://u:,*ryC:i$jZM^8}@host): the authority runs to the '@'.
		j := a
		for j < len(s) && j-i < 256 && !urlHardEnd[s[j]] && s[j] != '/' {
			j++
		}
		if at := strings.LastIndexByte(s[a:j], '@'); at > 0 && a+at+1 < len(s) && isAlnum(s[a+at+1]) {
			a = j
		}
	}
	at := strings.LastIndexByte(s[i:a], '@')
	if at < 0 {
		return Finding{}, false
	}
	at += i
	colon := strings.IndexByte(s[i:at], ':')
	if colon < 0 && randomToken(s[i:at]) {
		// A key as the user name: a Sentry DSN
		// (https://<32 hex>@o1.ingest.sentry.io/2), https://<token>@host/.
		return Finding{i, at, URLCredentials}, true
	}
	if colon < 0 || i+colon+1 == at {
		return Finding{}, false // a user name alone is not a credential
	}
	if pw := s[i+colon+1 : at]; isPlaceholder(pw) || pw[0] == '$' || pw[0] == '<' || pw[0] == '{' || strings.Trim(pw, "*x") == "" {
		return Finding{}, false // ${DB_PASSWORD}, <password>, ****
	}
	return Finding{i, at, URLCredentials}, true
}

// schemeStart returns where the scheme of the URL whose "://" ends at i
// starts: a webhook goes whole, since the URL is the credential (whoever
// has it can post) and a reader of the redacted text learns its kind from
// the type.
// Only http and https are taken: a longer run of letters may hold the
// letter of an escape before it ("\nhttps://").
func schemeStart(s string, i int) int {
	switch k := i - 3; {
	case k >= 5 && strings.EqualFold(s[k-5:k], "https"):
		return k - 5
	case k >= 4 && strings.EqualFold(s[k-4:k], "http"):
		return k - 4
	}
	return i
}

// webhookPath reports whether c may be in a webhook's path: ASCII letters,
// digits and - _ . / ~ % + = @ : (Teams paths hold '@'); a non-ASCII byte
// (a no-break space, the CJK text the URL is glued to) ends it.
func webhookPath(c byte) bool {
	return isB64URL(c) || strings.IndexByte("./~%+=@:", c) >= 0
}

// hookPath matches a webhook's secret in the path starting at s[a] ('/')
// of a URL whose host starts at s[i]: a random segment (randomToken) after
// one of hookSegments, or anywhere in the path of a host named hooks.… or
// webhook(s).…; the rest of the path goes with it.
func hookPath(s string, i, a int) (Finding, bool) {
	hookHost := strings.HasPrefix(s[i:a], "hooks.") || strings.HasPrefix(s[i:a], "hook.") ||
		strings.HasPrefix(s[i:a], "webhook.") || strings.HasPrefix(s[i:a], "webhooks.")
	prev := ""
	for p := a; p < len(s) && s[p] == '/' && p-a < 512; {
		e := p + 1
		for e < len(s) && webhookPath(s[e]) && s[e] != '/' {
			e++
		}
		seg := s[p+1 : e]
		if hookHost || slices.Contains(hookSegments, strings.ToLower(prev)) {
			if randomToken(seg) {
				end := e
				for end < len(s) && webhookPath(s[end]) {
					end++
				}
				for end > p+1 && (s[end-1] == '.' || s[end-1] == ',') {
					end--
				}
				return Finding{p + 1, end, WebhookURL}, true
			}
		}
		prev = seg
		p = e
	}
	return Finding{}, false
}

// base64Token reports whether v is a random token in standard base64, as
// cookies carry sessions (SiteMinder's SMSESSION, ASP.NET's forms
// ticket): 20 to 4096 bytes of the 64 symbols ('+' and '/' among them),
// '=' only as padding at the end, digits and letters of both cases, and
// not a path ('/' in less than one byte of eight).
func base64Token(v string) bool {
	n := len(v)
	for n > 0 && len(v)-n < 2 && v[n-1] == '=' {
		n--
	}
	if n < 20 || len(v) > 4096 {
		return false
	}
	slashes := 0
	for k := 0; k < n; k++ {
		switch c := v[k]; {
		case isAlnum(c), c == '+':
		case c == '/':
			slashes++
		default:
			return false
		}
	}
	kinds := charKinds(v[:n])
	return kinds&cDigit != 0 && kinds&cUpper != 0 && kinds&cLower != 0 && slashes <= n/8
}

// dottedToken reports whether v is a token of parts split by '.', one of
// them a random token of 24 bytes or more with letters of both cases (a
// versioned refresh token, v1.hQnkYCRsI2E0T_…; not an analytics id,
// GA1.2.8496742663.5187956825).
func dottedToken(v string) bool {
	if len(v) > 4096 || strings.IndexByte(v, '.') < 0 {
		return false
	}
	for part := range strings.SplitSeq(v, ".") {
		if len(part) >= 24 && randomToken(part) && charKinds(part)&(cUpper|cLower) == cUpper|cLower {
			return true
		}
	}
	return false
}

// randomToken reports whether seg looks like a generated key: 20 to 256
// characters of letters, digits, '-' and '_', with digits and letters
// (a name, a date or a number is not one).
func randomToken(seg string) bool {
	if len(seg) < 20 || len(seg) > 256 {
		return false
	}
	for k := 0; k < len(seg); k++ {
		if !isB64URL(seg[k]) {
			return false
		}
	}
	kinds := charKinds(seg)
	if kinds&cDigit == 0 || kinds&(cUpper|cLower) == 0 {
		return false
	}
	// Mostly letters and digits, not a slug of words (my-webhook-for-2024-alerts).
	return strings.Count(seg, "-")+strings.Count(seg, "_") <= len(seg)/8
}
