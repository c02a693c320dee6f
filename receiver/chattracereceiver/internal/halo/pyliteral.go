// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// PyLiteralJSON converts the Python text of a literal value, as str() and
// repr() print it (`{'query': 'Q3', 'max_results': 5, 'strict': True}`),
// to JSON. HALO Core stores agno's tool-call arguments that way: the dict is
// not JSON-serialisable as an object field of the ToolExecution, so it is
// written as its str(). Dicts, lists, tuples and sets (as arrays), strings
// in either quote with Python's escapes, ints, floats, True, False and None
// are understood; ok is false for anything else (a repr of an object, a
// truncated text), and the caller keeps the text as a string.
func PyLiteralJSON(s string) (string, bool) {
	p := pyParser{s: s}
	var b strings.Builder
	b.Grow(len(s) + 8)
	p.skip()
	if !p.value(&b, 0) {
		return "", false
	}
	p.skip()
	if p.i != len(p.s) {
		return "", false
	}
	return b.String(), true
}

type pyParser struct {
	s string
	i int
}

const maxPyDepth = 64

func (p *pyParser) skip() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *pyParser) value(b *strings.Builder, depth int) bool {
	if p.i >= len(p.s) || depth > maxPyDepth {
		return false
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.dict(b, depth)
	case c == '[':
		return p.seq(b, depth, ']')
	case c == '(':
		return p.seq(b, depth, ')')
	case c == '\'' || c == '"' || ((c == 'b' || c == 'u') && p.i+1 < len(p.s) && (p.s[p.i+1] == '\'' || p.s[p.i+1] == '"')):
		if c == 'b' || c == 'u' {
			p.i++
		}
		str, ok := p.str()
		if !ok {
			return false
		}
		b.Write(AppendJSONString(nil, str))
		return true
	case c == '-' || c == '+' || c == '.' || ('0' <= c && c <= '9'):
		return p.number(b)
	}
	for _, w := range [...]struct{ py, js string }{{"True", "true"}, {"False", "false"}, {"None", "null"}} {
		if strings.HasPrefix(p.s[p.i:], w.py) && !p.identAt(p.i+len(w.py)) {
			p.i += len(w.py)
			b.WriteString(w.js)
			return true
		}
	}
	return false
}

func (p *pyParser) identAt(i int) bool {
	if i >= len(p.s) {
		return false
	}
	c := p.s[i]
	return c == '_' || c == '.' || c == '(' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// dict parses {k: v, ...}; keys that are not strings (ints, None) become
// their JSON text as a string, as json.dumps does. {a, b} (a set) is an
// array.
func (p *pyParser) dict(b *strings.Builder, depth int) bool {
	open := p.i
	p.i++ // {
	p.skip()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		b.WriteString("{}")
		return true
	}
	// A dict or a set: the first element decides.
	var first strings.Builder
	if !p.value(&first, depth+1) {
		return false
	}
	p.skip()
	if p.i < len(p.s) && p.s[p.i] != ':' {
		p.i = open
		return p.seq(b, depth, '}')
	}
	b.WriteByte('{')
	key := first.String()
	for {
		if key == "" || key[0] != '"' {
			key = string(AppendJSONString(nil, key))
		}
		b.WriteString(key)
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return false
		}
		p.i++
		b.WriteByte(':')
		p.skip()
		if !p.value(b, depth+1) {
			return false
		}
		p.skip()
		if p.i >= len(p.s) {
			return false
		}
		if p.s[p.i] == '}' {
			p.i++
			b.WriteByte('}')
			return true
		}
		if p.s[p.i] != ',' {
			return false
		}
		p.i++
		p.skip()
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			b.WriteByte('}')
			return true
		}
		b.WriteByte(',')
		var k strings.Builder
		if !p.value(&k, depth+1) {
			return false
		}
		key = k.String()
		p.skip()
	}
}

// seq parses a list, tuple or set (opening character at p.i) up to end.
func (p *pyParser) seq(b *strings.Builder, depth int, end byte) bool {
	p.i++
	p.skip()
	b.WriteByte('[')
	for n := 0; ; n++ {
		if p.i >= len(p.s) {
			return false
		}
		if p.s[p.i] == end {
			p.i++
			b.WriteByte(']')
			return true
		}
		if n > 0 {
			b.WriteByte(',')
		}
		if !p.value(b, depth+1) {
			return false
		}
		p.skip()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
			p.skip()
		} else if p.i >= len(p.s) || p.s[p.i] != end {
			return false
		}
	}
}

func (p *pyParser) number(b *strings.Builder) bool {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' || c == '_' || ('0' <= c && c <= '9') {
			p.i++
			continue
		}
		break
	}
	text := strings.ReplaceAll(p.s[start:p.i], "_", "")
	if _, err := strconv.ParseFloat(text, 64); err != nil {
		return false
	}
	text = strings.TrimPrefix(text, "+")
	// JSON numbers: no leading '.', no trailing '.', no leading zeros.
	if f, err := strconv.ParseFloat(text, 64); err == nil && (strings.HasPrefix(text, ".") || strings.HasSuffix(text, ".") ||
		strings.HasPrefix(text, "-.") || (len(text) > 1 && text[0] == '0' && text[1] != '.' && text[1] != 'e' && text[1] != 'E')) {
		text = strconv.FormatFloat(f, 'g', -1, 64)
	}
	b.WriteString(text)
	return true
}

// str parses a Python string literal (optionally prefixed, e.g. b” or
// u”) with its escapes.
func (p *pyParser) str() (string, bool) {
	q := p.s[p.i]
	p.i++
	var out []byte
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch c {
		case q:
			p.i++
			return string(out), true
		case '\\':
			if p.i+1 >= len(p.s) {
				return "", false
			}
			e := p.s[p.i+1]
			p.i += 2
			switch e {
			case '\\', '\'', '"':
				out = append(out, e)
			case 'n':
				out = append(out, '\n')
			case 't':
				out = append(out, '\t')
			case 'r':
				out = append(out, '\r')
			case 'a':
				out = append(out, 7)
			case 'b':
				out = append(out, 8)
			case 'f':
				out = append(out, 12)
			case 'v':
				out = append(out, 11)
			case '0':
				out = append(out, 0)
			case 'x', 'u', 'U':
				n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
				if p.i+n > len(p.s) {
					return "", false
				}
				v, err := strconv.ParseUint(p.s[p.i:p.i+n], 16, 32)
				if err != nil || v > utf8.MaxRune {
					return "", false
				}
				out = utf8.AppendRune(out, rune(v))
				p.i += n
			case '\n':
			default:
				out = append(out, '\\', e)
			}
		case '\n':
			return "", false
		default:
			out = append(out, c)
			p.i++
		}
	}
	return "", false
}
