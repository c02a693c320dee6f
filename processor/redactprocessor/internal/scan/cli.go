// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package scan // import "github.com/otelcol-llm/otelcol-llm/processor/redactprocessor/internal/scan"

import "strings"

// Passwords given to a command on its command line with a short flag
// (--password=…, --password … and PGPASSWORD=… go by their key). Each row
// is the flag of the tools' own manuals: the command (or command and
// subcommand) that must start the line's command, the flag, and whether
// the value follows glued (-pSECRET), after a space, or either. mysql's
// "-p NAME" with a space is a prompt and a database name, so only the
// glued form counts there.
var cliFlags = []struct {
	cmds          []string
	flag          string
	glued, spaced bool
}{
	{[]string{"mysql", "mysqldump", "mysqladmin", "mysqlimport", "mysqlshow", "mysqlcheck", "mysqlpump", "mariadb", "mariadb-dump", "mariadb-admin"}, "p", true, false},
	{[]string{"sshpass"}, "p", true, true},
	{[]string{"redis-cli", "valkey-cli", "keydb-cli"}, "a", false, true},
	{[]string{"sqlcmd", "bcp", "osql", "isql"}, "P", true, true},
	{[]string{"mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport", "mongostat", "mongotop"}, "p", false, true},
	{[]string{"ldapsearch", "ldapadd", "ldapmodify", "ldapdelete", "ldapwhoami", "ldappasswd", "ldapcompare", "ldapmodrdn"}, "w", false, true},
	{[]string{"ipmitool"}, "P", false, true},
	{[]string{"mosquitto_pub", "mosquitto_sub", "mosquitto_rr"}, "P", false, true}, //nolint:misspell // Eclipse Mosquitto's tools
	{[]string{"7z", "7za", "7zz", "rar", "unrar"}, "p", true, false},
	{[]string{"zip", "unzip", "zipcloak"}, "P", false, true},
	{[]string{"psexec", "psexec64", "paexec"}, "p", false, true},
	{[]string{"docker login", "podman login", "buildah login", "nerdctl login", "helm registry", "oras login", "skopeo login", "az login", "oc login", "cf login", "cf auth"}, "p", false, true},
	{[]string{"keytool"}, "storepass", false, true},
	{[]string{"keytool"}, "keypass", false, true},
	{[]string{"keytool"}, "srcstorepass", false, true},
	{[]string{"keytool"}, "deststorepass", false, true},
	{[]string{"influx"}, "password", false, true},
	// openssl enc -k PASSWORD (openssl-enc(1)); -pass, -passin and
	// -passout take pass:PASSWORD, env:VAR, file:PATH, fd:N or stdin
	// (openssl-passphrase-options(1)): only pass: is the password.
	{[]string{"openssl enc"}, "k", false, true},
	{[]string{"openssl"}, "pass", false, true},
	{[]string{"openssl"}, "passin", false, true},
	{[]string{"openssl"}, "passout", false, true},
	// smbclient -U [DOMAIN\]USER[%PASSWORD] (smbclient(1)): the part
	// after '%'.
	{[]string{"smbclient", "rpcclient", "smbcacls", "smbget"}, "U", false, true},
}

// cliFlag matches the value of a password flag whose '-' is at s[i].
func (sc *Scanner) cliFlag(s string, i int) (Finding, bool) {
	if !sc.on[Password] {
		return Finding{}, false
	}
	for _, f := range cliFlags {
		e := i + 1 + len(f.flag)
		if e >= len(s) || s[i+1:e] != f.flag {
			continue
		}
		var vs int
		switch {
		case s[e] == ' ' && f.spaced:
			vs = e + 1
		case f.glued && len(f.flag) == 1 && s[e] != ' ' && s[e] != '\t' && s[e] != '\n':
			vs = e
		default:
			continue
		}
		if !lineCommand(s, i, f.cmds) {
			continue
		}
		switch f.flag {
		case "pass", "passin", "passout":
			if !strings.HasPrefix(s[vs:], "pass:") {
				continue // env:VAR, file:PATH, stdin
			}
			vs += len("pass:")
		case "U":
			k := strings.IndexByte(s[vs:min(len(s), vs+128)], '%')
			if k <= 0 || strings.ContainsAny(s[vs:vs+k], " \t\n") {
				continue // no password given
			}
			vs += k + 1
		}
		fv, ok := sc.flagPassword(s, vs)
		if ok {
			return fv, true
		}
	}
	return sc.htpasswdBatch(s, i)
}

// winSwitches are the Windows commands whose password is a switch glued
// with ':' (CMDKEY {/add | /generic}:TARGET /user:USER /pass:PASSWORD,
// cmdkey's own usage; "/pass" alone prompts): the command and the
// switch, before the ':' at s[i].
var winSwitches = []struct {
	cmds []string
	flag string
}{
	{[]string{"cmdkey"}, "/pass"},
}

// winSwitch matches the value of a Windows password switch whose ':' is at
// s[i].
func (sc *Scanner) winSwitch(s string, i int) (Finding, bool) {
	if !sc.on[Password] {
		return Finding{}, false
	}
	for _, w := range winSwitches {
		b := i - len(w.flag)
		if b < 1 || !strings.EqualFold(s[b:i], w.flag) || (s[b-1] != ' ' && s[b-1] != '\t') || !lineCommand(s, b, w.cmds) {
			continue
		}
		return sc.flagPassword(s, i+1)
	}
	return Finding{}, false
}

// htpasswdBatch matches the password of htpasswd in batch mode, whose
// flags start with the '-' at s[i]: "htpasswd -b[c…] FILE USER PASSWORD"
// and "htpasswd -nb[…] USER PASSWORD" (htpasswd(1): -b takes the password
// from the command line, -n writes to standard output without a file, -C
// COST and -r ROUNDS take an argument).
func (sc *Scanner) htpasswdBatch(s string, i int) (Finding, bool) {
	fe := i + 1
	for fe < len(s) && isLetter(s[fe]) {
		fe++
	}
	flags := s[i+1 : fe]
	if fe >= len(s) || s[fe] != ' ' || !strings.Contains(flags, "b") || !lineCommand(s, i, []string{"htpasswd"}) {
		return Finding{}, false
	}
	args := 2 // FILE USER
	if strings.Contains(flags, "n") {
		args = 1 // USER
	}
	p, skip := fe, false
	for a := 0; a < args; {
		for p < len(s) && s[p] == ' ' {
			p++
		}
		if p >= len(s) || s[p] == '\n' {
			return Finding{}, false
		}
		ws := p
		for p < len(s) && s[p] != ' ' && s[p] != '\n' {
			p++
		}
		switch {
		case s[ws:p] == "-C" || s[ws:p] == "-r":
			skip = true // -C COST, -r ROUNDS
		case skip:
			skip = false
		case s[ws] != '-': // (more flags: -b -c)
			a++
		}
	}
	for p < len(s) && s[p] == ' ' {
		p++
	}
	return sc.flagPassword(s, p)
}

// flagPassword reads a flag's value at s[p]: quoted, or up to a blank.
func (sc *Scanner) flagPassword(s string, p int) (Finding, bool) {
	if p >= len(s) {
		return Finding{}, false
	}
	vs, ve := p, p
	if q := s[p]; q == '\'' || q == '"' {
		vs++
		k := strings.IndexByte(s[vs:min(len(s), vs+256)], q)
		if k <= 0 {
			return Finding{}, false
		}
		ve = vs + k
	} else {
		// (a backslash or a quote inside the word: p4ss\word"quoted)
		for ve < len(s) && ve-vs < 256 && s[ve] != ' ' && s[ve] != '\t' && s[ve] != '\n' && s[ve] != '\r' && (s[ve] != '"' && s[ve] != '\\' || innerQuote(s, ve)) {
			ve++
		}
	}
	v := s[vs:ve]
	if ve-vs < 3 || v[0] == '-' || strings.IndexByte(v, '\n') >= 0 || vs > p && strings.IndexByte(v, '\\') >= 0 || !plausibleValue(v) {
		return Finding{}, false
	}
	if t, end, ok := sc.token(s, vs); ok && end == ve {
		return Finding{vs, end, t}, true // docker login -p dckr_pat_…
	}
	if sc.on[JWT] && strings.HasPrefix(v, "eyJ") {
		if end, ok := jwt(s, vs); ok && end == ve {
			return Finding{vs, end, JWT}, true
		}
	}
	return Finding{vs, ve, Password}, true
}

// lineCommand reports whether one of cmds ("docker login": a command and
// its subcommand) is a word of the command holding s[i]: on its line,
// after the last pipe, ';' or && before i (so "docker exec db mysql -pX"
// and "sudo /usr/bin/mysql -pX" count).
func lineCommand(s string, i int, cmds []string) bool {
	from := max(0, i-512)
	ls := strings.LastIndexByte(s[from:i], '\n') + from + 1
	line := s[ls:i]
	if k := strings.LastIndexAny(line, "|;&"); k >= 0 {
		line = line[k+1:]
	}
	for line != "" {
		line = strings.TrimLeft(line, " \t")
		w, rest, _ := strings.Cut(line, " ")
		line = rest
		base := w[strings.LastIndexAny(w, `/\"':=({[`)+1:] // (…{"cmd":"mysql in JSON)
		base = strings.TrimSuffix(strings.TrimSuffix(base, ".exe"), ".EXE")
		for _, c := range cmds {
			name, sub, two := strings.Cut(c, " ")
			if !strings.EqualFold(base, name) {
				continue
			}
			if !two {
				return true
			}
			next, _, _ := strings.Cut(strings.TrimLeft(rest, " \t"), " ")
			if next == sub {
				return true
			}
		}
	}
	return false
}

// pgpass matches the password of a .pgpass line, host:port:database:user:
// password, whose first ':' is at s[i]: the host a name with a letter or
// '.', localhost, an address or '*'; the port digits or '*'; the password
// the rest of the line up to a blank.
func (sc *Scanner) pgpass(s string, i, floor int) (Finding, bool) {
	if !sc.on[Password] {
		return Finding{}, false
	}
	hs := i
	for hs > floor && i-hs < 253 && (isAlnum(s[hs-1]) || s[hs-1] == '.' || s[hs-1] == '-' || s[hs-1] == '*' || s[hs-1] == '_') && !escapedNewline(s, hs-1, floor) {
		hs--
	}
	if hs == i || (hs > 0 && !isSpace(s[hs-1]) && s[hs-1] != '"' && s[hs-1] != '\'' && s[hs-1] != '`' && !escapedNewline(s, hs-1, floor)) {
		return Finding{}, false
	}
	host := s[hs:i]
	if host != "*" && charKinds(host)&(cUpper|cLower) == 0 && strings.Count(host, ".") != 3 {
		return Finding{}, false // 12:30:45:…: a time, not a host
	}
	if _, ok := ipv6(s, i+1); ok {
		return Finding{}, false // rate:2405:3bc3:d1a4:1db8:…: a key and an IPv6 address
	}
	p := i + 1
	fields := [3]int{}
	for f := range fields {
		e := p
		for e < len(s) && e-p < 64 && s[e] != ':' && !isSpace(s[e]) && s[e] != '"' && s[e] != '\\' {
			e++
		}
		if e == p || e >= len(s) || s[e] != ':' {
			return Finding{}, false
		}
		if f == 0 && s[p:e] != "*" && (e-p > 5 || charKinds(s[p:e]) != cDigit || strings.Trim(s[p:e], "0123456789") != "") {
			return Finding{}, false
		}
		fields[f] = e
		p = e + 1
	}
	if charKinds(s[fields[1]+1:fields[2]])&(cUpper|cLower) == 0 {
		return Finding{}, false // the user has a letter (not an IPv6 address or a time)
	}
	ve := p
	for ve < len(s) && ve-p < 128 && !isSpace(s[ve]) && s[ve] != '"' && s[ve] != '\\' {
		ve++
	}
	if ve-p < 1 || !plausibleValue(s[p:ve]) {
		return Finding{}, false
	}
	return Finding{p, ve, Password}, true
}

// oracleLogin matches the password of an Oracle login user/password@db
// (sqlplus scott/tiger2024@//db:1521/SVC, user/pw@tnsalias) whose '@' is at
// s[i]: a user name starting a word, '/', the password, '@', then "//" or
// a service name.
func (sc *Scanner) oracleLogin(s string, i, floor int) (Finding, bool) {
	if !sc.on[Password] || i+2 >= len(s) || (s[i+1] != '/' || s[i+2] != '/') && !isLetter(s[i+1]) {
		return Finding{}, false
	}
	ps := i
	for ps > floor && i-ps < 128 && s[ps-1] != '/' && valueByte(s[ps-1]) && s[ps-1] != '@' && s[ps-1] != ':' {
		ps--
	}
	if ps == i || ps <= floor || s[ps-1] != '/' {
		return Finding{}, false
	}
	us := ps - 1
	for us > floor && ps-1-us < 64 && (isWord(s[us-1]) || s[us-1] == '$' || s[us-1] == '#') {
		us--
	}
	if us == ps-1 || !isLetter(s[us]) || (us > 0 && !isSpace(s[us-1]) && s[us-1] != '"' && s[us-1] != '\'' && s[us-1] != '=') {
		return Finding{}, false
	}
	if pw := s[ps:i]; len(pw) < 3 || !plausibleValue(pw) {
		return Finding{}, false
	}
	if s[i+1] != '/' {
		// user/password@alias: the same shape as owner/repo@v4 (GitHub
		// Actions, Docker images): only on the line of an Oracle tool or
		// CONNECT.
		ls := strings.LastIndexByte(s[max(0, us-256):us], '\n') + max(0, us-256) + 1
		line := strings.ToLower(s[ls:us])
		if !strings.Contains(line, "sqlplus") && !strings.Contains(line, "conn") && !strings.Contains(line, "rman") &&
			!strings.Contains(line, "expdp") && !strings.Contains(line, "impdp") && !strings.Contains(line, "sqlldr") {
			return Finding{}, false
		}
	}
	return Finding{ps, i, Password}, true
}

// goDSN matches, at the '@' s[i], the credentials of a Go MySQL driver's
// DSN (go-sql-driver/mysql: user:password@tcp(host:port)/db, also
// unix(…) and tcp6(…)), which has no scheme for the URL rule to see: the
// user and the password, as url_credentials (the user is half the
// credential). The user starts after a blank, a quote, '=' or the text's
// start.
func (sc *Scanner) goDSN(s string, i, floor int) (Finding, bool) {
	if !sc.on[URLCredentials] || !strings.HasPrefix(s[i+1:], "tcp(") && !strings.HasPrefix(s[i+1:], "unix(") && !strings.HasPrefix(s[i+1:], "tcp6(") {
		return Finding{}, false
	}
	ps := i
	for ps > floor && i-ps < 128 && s[ps-1] != ':' && valueByte(s[ps-1]) && s[ps-1] != '"' {
		ps--
	}
	if ps == i || ps-1 <= floor || s[ps-1] != ':' {
		return Finding{}, false
	}
	us := ps - 1
	for us > floor && ps-1-us < 64 && (isWord(s[us-1]) || s[us-1] == '-' || s[us-1] == '.') {
		us--
	}
	if us == ps-1 || us > 0 && !isSpace(s[us-1]) && s[us-1] != '"' && s[us-1] != '\'' && s[us-1] != '=' && s[us-1] != '`' {
		return Finding{}, false
	}
	return Finding{us, i, URLCredentials}, true
}

// escapedNewline reports whether s[k] is the 'n' of a "\\n" (a file's line
// break inside a JSON string, left escaped).
func escapedNewline(s string, k, floor int) bool {
	return k > floor && s[k] == 'n' && s[k-1] == '\\'
}

// secureStringText matches, when s[i:] is PowerShell's -AsPlainText flag,
// the quoted text before it that ConvertTo-SecureString turns into a
// password (ConvertTo-SecureString "Sonne2021&" -AsPlainText -Force, also
// with -String): the text is the password in clear. It returns the text's
// start and end, inside the quotes.
func secureStringText(s string, i int) (vs, ve int, ok bool) {
	const flag, cmd = "-asplaintext", "convertto-securestring"
	if i+len(flag) > len(s) || !strings.EqualFold(s[i:i+len(flag)], flag) || i+len(flag) < len(s) && isWord(s[i+len(flag)]) {
		return 0, 0, false
	}
	k := i
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	if k == 0 || s[k-1] != '"' && s[k-1] != '\'' {
		return 0, 0, false
	}
	ve = k - 1
	quote := s[ve : ve+1]
	if ve > 0 && s[ve-1] == '\\' {
		ve--
		quote = s[ve : ve+2] // (in a JSON string: \"…\")
	}
	q := strings.LastIndex(s[max(0, ve-128):ve], quote)
	if q < 0 {
		return 0, 0, false
	}
	vs = max(0, ve-128) + q + len(quote)
	if vs == ve || strings.ContainsAny(s[vs:ve], "\n\\") {
		return 0, 0, false
	}
	b := strings.TrimRight(s[max(0, vs-len(quote)-40):vs-len(quote)], " ")
	if len(b) >= 7 && strings.EqualFold(b[len(b)-7:], "-string") {
		b = strings.TrimRight(b[:len(b)-7], " ")
	}
	if len(b) < len(cmd) || !strings.EqualFold(b[len(b)-len(cmd):], cmd) {
		return 0, 0, false
	}
	return vs, ve, true
}
