// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package tokenstest

import "strings"

// Prose is about 4 KB of English prose.
const Prose = `The lighthouse keeper had not spoken to another person in eleven days, which was not unusual for the season. Storms came in from the west every afternoon, and the supply boat, when it came at all, arrived late and left early. She didn't mind. She'd grown used to the rhythm of the island: the gulls at dawn, the long grey middle of the day, the lamp at dusk.

Her log book was the only thing she wrote in anymore. "Wind NW, 35 knots, gusting 50. Visibility poor. Two vessels sighted, both heading south." It wasn't literature, but it was honest, and it kept her company. On Tuesdays she oiled the mechanism; on Fridays she polished the lens until the brass fittings shone like new coins. The rest of the week she read whatever the boat had brought - old newspapers, a manual for a diesel engine she'd never own, a paperback mystery with the last chapter torn out.

It was on the twelfth day that she saw the light on the water. At first she thought it was a reflection, a trick of the low sun on a wave, but it stayed where it was, blinking: three short, three long, three short. She had learned Morse code as a girl, sitting on her grandfather's knee while he tapped messages on the kitchen table, and she knew what it meant before her mind had finished spelling it out.

She ran down the spiral stairs (all 117 of them), pulled on her oilskins, and dragged the little dinghy across the shingle. The sea was rough, but not impossible; she'd been out in worse. Halfway across the bay she could make out the shape of a boat, low in the water, and a figure waving both arms above its head.

"Are you hurt?" she shouted over the wind.

"No - just cold. The engine's dead and the radio's gone with it. I've been drifting since yesterday morning!" The man's voice was hoarse. He couldn't have been more than twenty-five, and he was shaking so hard that it took him three tries to catch the rope she threw.

Back in the lighthouse, wrapped in two blankets and holding a mug of sweet tea, he told her his story. He'd set out from the harbour at 6:30 a.m. to check his lobster pots, a routine he'd followed for years. The forecast had promised a calm day. By noon the sky had turned the colour of slate, and by one o'clock he'd lost sight of land entirely.

"You're lucky," she said. "Most people don't know the old signals anymore."

"My father taught me. He said you never know when you'll need them." He looked around the small round room, at the charts pinned to the walls, at the shelves of tinned food, at the narrow bed under the window. "Do you really live here alone? All year?"

"Most of it. There's a relief keeper who comes for two weeks in August." She smiled. "I'm not lonely, if that's what you're asking. The sea is very talkative, once you learn to listen."

They sat in silence for a while, listening to the rain hammer against the glass. When the storm finally passed, a little after midnight, she climbed back up to the lamp room and sent a message of her own, flashing it across the dark water towards the mainland: survivor found, safe and well, send boat at first light.

The reply came twenty minutes later, a faint answering flicker from the coastguard station on the headland. She wrote it in the log, underlined it twice, and went down to tell him the news. He was already asleep, his boots still on, one hand trailing on the floor. She covered him with a third blanket and sat by the stove until dawn, thinking about her grandfather, and the kitchen table, and all the messages that never reached anyone at all.

In the morning the coastguard launch arrived on schedule, its orange hull bright against the pale sea. The young man shook her hand at the jetty, awkwardly, as if he wasn't sure what else to do. "I'll come back," he said, "and bring you something. Books, maybe? What do you like to read?" She laughed and told him that anything with its last chapter intact would be an improvement.

He kept his word. Three weeks later a parcel came on the supply boat, wrapped in brown paper and tied with fishing line: a dozen novels, a jar of honey, and a note that said only, "For the keeper of the light. Thank you."
`

// Code is about 4 KB of Go, Python, JSON, SQL, JavaScript, HTML, shell, YAML,
// Rust and TypeScript with tabs, CRLF line endings and trailing spaces.
const Code = "package main\n\nimport (\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"os\"\n)\n\n" +
	"// Usage describes the token usage of one call.\ntype Usage struct {\n\tPromptTokens     int `json:\"prompt_tokens\"`\n" +
	"\tCompletionTokens int `json:\"completion_tokens\"`\n\tTotalTokens      int `json:\"total_tokens,omitempty\"`\n}\n\n" +
	"func main() {\n\tvar u Usage\n\tif err := json.NewDecoder(os.Stdin).Decode(&u); err != nil {\n\t\tfmt.Fprintln(os.Stderr, \"error:\", err)\n\t\tos.Exit(1)\n\t}\n" +
	"\tfor i := 0; i < 10; i++ {\n\t\tif i%3 == 0 && u.TotalTokens > 1_000 {\n\t\t\tcontinue // skip\n\t\t}\n\t\tu.TotalTokens += i * 2\n\t}\n" +
	"\tfmt.Printf(\"%d + %d = %d\\n\", u.PromptTokens, u.CompletionTokens, u.TotalTokens)   \n}\n\n" +
	"def fibonacci(n: int) -> list[int]:\r\n    \"\"\"Return the first n Fibonacci numbers.\"\"\"\r\n    a, b = 0, 1\r\n    out = []\r\n" +
	"    for _ in range(n):\r\n        out.append(a)\r\n        a, b = b, a + b\r\n    return out\r\n\r\n\r\n" +
	"class TokenCounter:\n    def __init__(self, model='gpt-4o', *, max_tokens=4096):\n        self.model = model\n        self._cache: dict[str, int] = {}\n\n" +
	"    def __repr__(self):\n        return f\"TokenCounter(model={self.model!r})\"\n\n" +
	"if __name__ == '__main__':\n    print(fibonacci(20))\n    print(TokenCounter())  \n\n" +
	`{
  "id": "chatcmpl-9xYz12AbCdEf",
  "object": "chat.completion",
  "created": 1718000000,
  "model": "gpt-4o-2024-05-13",
  "choices": [
    {
      "index": 0,
      "message": {"role": "assistant", "content": "Hello! How can I help you today?\n\nI'm here to answer questions."},
      "logprobs": null,
      "finish_reason": "stop"
    }
  ],
  "usage": {"prompt_tokens": 13, "completion_tokens": 17, "total_tokens": 30},
  "system_fingerprint": "fp_3aa7262c27",
  "metadata": {"tags": ["a", "b", "c"], "ratio": 0.75, "nested": {"deep": {"deeper": [1, 2, 3, -4.5e-10]}}}
}
` +
	"SELECT u.id, COUNT(*) AS n FROM users u JOIN orders o ON o.user_id = u.id WHERE o.created_at >= '2024-01-01' GROUP BY u.id HAVING n > 5;\n" +
	"const re = /^(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+)@example\\.com$/i;\nlet x = a ?? b?.c ?? [];\nx >>= 2; y <<= 3; z **= 4;\n" +
	"<div class=\"container\"><p id='p1'>Text &amp; more</p><br/></div>\n\t\t\t\n    \n\n" +
	"#!/usr/bin/env bash\nset -euo pipefail\nfor f in *.go; do gofmt -l \"$f\" || exit 1; done\necho \"ok\" >> /tmp/log.txt 2>&1\n" +
	`receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0:4317
      http:
        endpoint: "0.0.0.0:4318"
processors:
  batch:
    timeout: 5s
    send_batch_size: 8192
  llm_cost:
    default_encoding: o200k_base
    models: [gpt-4o, gpt-4.1-mini, "o3-mini"]
exporters:
  debug:
    verbosity: detailed
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch, llm_cost]
      exporters: [debug]
` +
	"\n// countTokens returns the number of tokens of every message.\n" +
	"func countTokens(msgs []Message, enc tokens.Encoding) (total int, err error) {\n" +
	"\tfor i, m := range msgs {\n\t\tif m.Role == \"\" {\n\t\t\treturn 0, fmt.Errorf(\"message %d: empty role\", i)\n\t\t}\n" +
	"\t\ttotal += tokens.Count(enc, m.Content) + 3 // <|start|>{role}\\n{content}<|end|>\n\t}\n\treturn total + 3, nil\n}\n\n" +
	"type Message struct {\n\tRole    string            `json:\"role\"`\n\tContent string            `json:\"content\"`\n" +
	"\tExtra   map[string]string `json:\"extra,omitempty\"`\n}\n\n" +
	"var weights = [...]float64{0.1, 0.25, 0.5, 1.0, 2.0e-3, .75, 1e6}\n" +
	"x := (a+b)*c - d/e % f; y := a<<3 | b>>2 &^ c; ok := !done && (n >= 10 || m != nil)\n" +
	"// TODO(someone): handle the edge case where len(buf) == cap(buf)   \n" +
	`fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).ok_or("usage: count <file>")?;
    let text = std::fs::read_to_string(path)?;
    let n = text.split_whitespace().filter(|w| !w.is_empty()).count();
    println!("{path}: {n} words, {} bytes", text.len());
    Ok(())
}

export async function fetchUsage(apiKey: string, since?: Date): Promise<UsageRecord[]> {
  const url = new URL("https://api.example.com/v1/usage");
  if (since) url.searchParams.set("start_time", String(Math.floor(since.getTime() / 1000)));
  const res = await fetch(url, { headers: { Authorization: ` + "`Bearer ${apiKey}`" + ` } });
  if (!res.ok) throw new Error(` + "`HTTP ${res.status}: ${await res.text()}`" + `);
  return (await res.json()).data as UsageRecord[];
}
`

// Case is a named test text.
type Case struct {
	Name string
	Text string
}

// Corpus returns the texts the counts and the pieces are compared on: prose,
// code, whitespace of all kinds, contractions, numbers, URLs, many scripts,
// combining marks, emoji and long runs of one character. All are valid UTF-8.
func Corpus() []Case {
	return []Case{
		{"empty", ""},
		{"single space", " "},
		{"single letter", "a"},
		{"prose", Prose},
		{"code", Code},
		{"contractions lower", "it's you're we've I'm they'll he'd don't isn't"},
		{"contractions upper", "IT'S YOU'RE WE'VE I'M THEY'LL HE'D DON'T ISN'T"},
		{"contractions mixed", "I'M you'Re it'S We'Ve they'Ll she'D o'clock rock'n'roll 'tis 'Twas"},
		{"contractions alone", "'s 't 're 've 'm 'll 'd 'S 'T 'RE 'VE 'M 'LL 'D ' '' '''s 'x 'l 'r 'v"},
		{"contractions after marks", "e\u0301's A\u0301'LL \u0301'd 中's ʰ're Ǆ've"},
		{"numbers", "1 12 123 1234 12345 123456 1234567 12345678901234567890 3.14159 1,000,000 -42 +7 1e10 0x1F 1_000 ½ ¾ Ⅻ ٣٤٥ १२३"},
		{"dates", "2024-06-10T12:34:56.789Z, 10/06/2024, v1.2.3-rc.4"},
		{"whitespace", "a  b   c\t\td \t \te\n\nf\n\n\ng\r\nh\r\n\r\ni   \n  j \n\n  k\u00a0l\u3000m\u2003\u2003n\v\fo"},
		{"whitespace edges", "   \t\n  x"},
		{"trailing spaces", "line one   \nline two\t\t\nline three \n   "},
		{"spaces before newline", "a    \n    \n\tb"},
		{"newlines only", "\n\n\n"},
		{"crlf", "one\r\ntwo\r\n\r\nthree\r\r\n\n\r"},
		{"punctuation", "Hello, world!!! What?! ... --- ;;; ::: ((())) [[]] {{}} <<>> \"quoted\" 'single' `back` ~!@#$%^&*_+=|\\/ ?!?!"},
		{"punctuation newlines", "!!!\n\n???\r\n///\n/// end.\n/\n// comment\n"},
		{"urls", "https://example.com/path/to/page?query=1&b=two#frag http://localhost:8080/ ftp://x.y/z www.test.org/a_b-c"},
		{"emails", "john.doe+tag@example.co.uk, <jane_smith99@mail.example.com>"},
		{"camel and caps", "camelCaseWord PascalCase snake_case SCREAMING_CASE XMLHttpRequest getHTTPResponseCode iPhone eBay NASA USA's HTTPServer"},
		{"long word", "Pneumonoultramicroscopicsilicovolcanoconiosis supercalifragilisticexpialidocious Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz"},
		{"very long word", strings.Repeat("antidisestablishmentarianism", 20)},
		{"cjk", "我们今天去公园散步。天气很好！東京は日本の首都です。한국어 텍스트도 있습니다."},
		{"cyrillic", "Привет, мир! Съешь же ещё этих мягких французских булок, да выпей чаю. ПРИВЕТ Мир"},
		{"arabic", "مرحبا بالعالم! هذه جملة عربية مع تشكيل: كَتَبَ الوَلَدُ الدَّرْسَ."},
		{"hindi", "नमस्ते दुनिया! यह हिन्दी में एक वाक्य है। क्षत्रिय, ज्ञान, श्री"},
		{"thai and hebrew", "สวัสดีครับ ภาษาไทย שלום עולם"},
		{"greek", "Γειά σου Κόσμε! ΑΒΓΔ αβγδ ǅungla ǈ ǋ"},
		{"emoji", "I love it 😀😃😄! 👍🏽👍🏿 👨‍👩‍👧‍👦 family 🏳️‍🌈 flag 🇺🇸🇫🇷 ❤️ 1️⃣ #️⃣ 🧑🏻‍💻"},
		{"accents precomposed", "café naïve résumé coöperate Ångström São Paulo Zürich Łódź"},
		{"accents combining", "cafe\u0301 nai\u0308ve re\u0301sume\u0301 A\u030angstro\u0308m e\u0301\u0301\u0301 \u0301\u0302x Z\u0301"},
		{"marks alone", "\u0301 \u0301\u0301 !\u0301 1\u0301 \n\u0301 A\u0301B a\u0301b ABC\u0301 ABC\u0301d"},
		{"modifier letters", "ʰʲʷ aʰ Aʰ ʰA 中A A中 AB中CD ABcD ǅa Aǅ"},
		{"special tokens", "<|endoftext|> <|fim_prefix|>x<|fim_suffix|><|endofprompt|>"},
		{"mixed scripts", "Hello世界123abc中文ABCабв!?١٢٣"},
		{"control chars", "a\x00b\x01c\x7f\x1b[31mred\x1b[0m\u0085next\u200bzw\u200d\ufeffbom"},
		{"math and symbols", "∑_{i=1}^{n} x_i² ≤ ∞ → ∀x∈ℝ: x≥0 ⇒ √x∈ℝ © ® ™ € £ ¥ ₿ °C ±5% ‰"},
		{"repeated a", strings.Repeat("a", 10000)},
		{"repeated space", strings.Repeat(" ", 10000)},
		{"repeated space then word", strings.Repeat(" ", 5000) + "x"},
		{"repeated newline", strings.Repeat("\n", 10000)},
		{"repeated exclamation", strings.Repeat("!", 10000)},
		{"repeated digit", strings.Repeat("7", 10000)},
		{"repeated e acute", strings.Repeat("é", 5000)},
		{"repeated cjk", strings.Repeat("中", 3000)},
		{"repeated emoji", strings.Repeat("😀", 2500)},
		{"repeated ab", strings.Repeat("ab", 5000)},
	}
}

// Multilingual is a 5 KB mix of Cyrillic, Chinese, Arabic, Devanagari, emoji
// with a skin-tone modifier and accented Latin.
var Multilingual = strings.Repeat("Привет, мир! 我们今天去公园散步。 مرحبا بالعالم नमस्ते दुनिया 👍🏽 café ", 40)

// Bench returns the texts of the benchmarks: 4 to 5 KB each of prose, code, mixed
// scripts and one repeated letter.
func Bench() []Case {
	return []Case{
		{"prose", Prose[:4096]},
		{"code", Code[:4096]},
		{"multilingual", Multilingual},
		{"repeated", strings.Repeat("a", 4096)},
	}
}
