// Copyright The otelcol-llm Authors
// SPDX-License-Identifier: Apache-2.0

package halo // import "github.com/otelcol-llm/otelcol-llm/receiver/chattracereceiver/internal/halo"

import (
	"strings"
)

// agnoError is the text HALO Core answers with when the agent run raised:
// `(Agno Fehler: {exception}). Antwort (Fallback): {prompt} -> {payload}`.
const (
	agnoErrorPrefix = "(Agno Fehler: "
	agnoErrorSuffix = "). Antwort (Fallback): "
)

// AgnoErrorText returns the exception text inside HALO Core's error answer,
// and whether text is such an answer.
func AgnoErrorText(text string) (string, bool) {
	i := strings.Index(text, agnoErrorPrefix)
	if i < 0 || i > 8 {
		return "", false
	}
	inner := text[i+len(agnoErrorPrefix):]
	if j := strings.Index(inner, agnoErrorSuffix); j >= 0 {
		inner = inner[:j]
	} else {
		inner = strings.TrimSuffix(strings.TrimSpace(inner), ")")
	}
	return strings.TrimSpace(inner), true
}

// ProviderErrorText reports whether a fallback turn's answer is an error
// text rather than an answer. agno (from 2.0) catches the model's exception
// and returns str(exception) as the run's content, so HALO Core shows the
// provider's error message as the fallback reply, with no marker of its
// own. Only texts that start the way provider SDKs and agno word their
// errors count.
func ProviderErrorText(text string) bool {
	t := strings.TrimSpace(text)
	if len(t) > 4096 {
		return false
	}
	for _, p := range providerErrorStarts {
		if len(t) >= len(p) && strings.EqualFold(t[:len(p)], p) {
			return true
		}
	}
	return false
}

// providerErrorStarts are how the errors of the OpenAI, Anthropic, Google
// and Groq SDKs and of agno start when printed.
var providerErrorStarts = []string{
	"Error code: ",            // openai / anthropic / groq APIStatusError: "Error code: 429 - {...}"
	"Rate limit reached for ", // OpenAI 429 message
	"Request timed out",       // openai / anthropic APITimeoutError
	"Connection error",        // openai / anthropic APIConnectionError
	"You exceeded your current quota",
	"Incorrect API key provided",
	"Invalid API key",
	"API key not valid",
	"The model `", // OpenAI 404: "The model `x` does not exist ..."
	"This model's maximum context length is",
	"Overloaded",                  // Anthropic 529 message
	"The model is overloaded",     // Gemini 503 message
	"Resource has been exhausted", // Gemini 429 message
	"429 RESOURCE_EXHAUSTED",      // google-genai ClientError
	"503 UNAVAILABLE",             // google-genai ServerError
	"500 INTERNAL",
	"504 DEADLINE_EXCEEDED",
	"400 INVALID_ARGUMENT",
	"401 UNAUTHENTICATED",
	"403 PERMISSION_DENIED",
	"404 NOT_FOUND",
	"Model provider error",
	"Agent not configured",
}

// ErrorType classifies an error text for `error.type`: the exception class
// the text names (`RateLimitError: ...`, `openai.RateLimitError: ...`,
// `RateLimitError('...')` give RateLimitError), else the class the provider
// SDKs raise for the HTTP status or the error wording found in the text
// (OpenAI and Anthropic class names: RateLimitError, APITimeoutError,
// APIConnectionError, AuthenticationError, PermissionDeniedError,
// NotFoundError, BadRequestError, OverloadedError, InternalServerError),
// else _OTHER. HALO Core's `(Agno Fehler: ...)` wrapper is looked through.
// Generic wrappers (agno's ModelProviderError, APIStatusError, Exception)
// give way to what their message says.
func ErrorType(text string) string {
	if inner, ok := AgnoErrorText(text); ok {
		text = inner
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return "_OTHER"
	}
	if cls, rest, ok := leadingClass(text); ok {
		if !genericClass[cls] {
			return cls
		}
		if t := typeFromMessage(rest); t != "" {
			return t
		}
		if cls == "ModelRateLimitError" {
			return "RateLimitError"
		}
		return cls
	}
	if t := typeFromMessage(text); t != "" {
		return t
	}
	return "_OTHER"
}

// leadingClass returns the exception class that starts text (`Name: ...`,
// `pkg.Name: ...`, `Name(...)`), without its module, and the message after
// it.
func leadingClass(text string) (cls, rest string, ok bool) {
	end := -1
	for i := 0; i < len(text) && i <= 128; i++ {
		c := text[i]
		if c == ':' || c == '(' {
			end = i
			break
		}
		if !isIdentChar(c) {
			return "", "", false
		}
	}
	if end <= 0 {
		// The whole text is one word: a class only if it reads like one.
		if end < 0 && len(text) <= 128 && isClassName(text) {
			return lastSegment(text), "", true
		}
		return "", "", false
	}
	name := text[:end]
	if !isClassName(name) {
		return "", "", false
	}
	return lastSegment(name), text[end+1:], true
}

func isIdentChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
}

func lastSegment(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// isClassName: the last dotted segment starts upper-case and ends in
// Error, Exception, Timeout or Exceeded, or is one of a few known names.
func isClassName(s string) bool {
	seg := lastSegment(s)
	if seg == "" || seg[0] < 'A' || seg[0] > 'Z' {
		return false
	}
	for _, suf := range []string{"Error", "Exception", "Timeout", "Exceeded", "Exhausted", "Unavailable", "Cancelled", "Interrupt"} {
		if strings.HasSuffix(seg, suf) {
			return true
		}
	}
	return false
}

// genericClass are wrapper classes that say less than their message.
var genericClass = map[string]bool{
	"ModelProviderError": true, "ModelRateLimitError": true, "AgnoError": true, "APIStatusError": true, "APIError": true,
	"Exception": true, "RuntimeError": true, "ClientError": true, "ServerError": true, "GoogleAPIError": true,
	"GoogleAPICallError": true, "HTTPStatusError": true, "AgentRunException": true,
}

// typeFromMessage maps a provider error message to the SDK class that
// stands for it ("" when nothing is recognised).
func typeFromMessage(msg string) string {
	m := strings.ToLower(msg)
	if code := statusCode(m); code != 0 {
		if t := typeFromStatus(code, m); t != "" {
			return t
		}
	}
	for _, r := range messageRules {
		for _, w := range r.words {
			if strings.Contains(m, w) {
				return r.typ
			}
		}
	}
	return ""
}

var messageRules = []struct {
	typ   string
	words []string
}{
	{"RateLimitError", []string{"rate limit", "rate_limit", "ratelimit", "too many requests", "resource_exhausted", "resource has been exhausted", "exceeded your current quota", "insufficient_quota", "quota exceeded", "tokens per min", "requests per min"}},
	{"OverloadedError", []string{"overloaded"}},
	{"APITimeoutError", []string{"timed out", "timeout", "deadline_exceeded", "deadline exceeded"}},
	{"AuthenticationError", []string{"incorrect api key", "invalid api key", "invalid_api_key", "api key not valid", "invalid x-api-key", "authentication_error", "unauthenticated", "unauthorized", "no api key", "api key is missing", "missing api key"}},
	{"PermissionDeniedError", []string{"permission_denied", "permission denied", "permission_error", "does not have access"}},
	{"NotFoundError", []string{"model_not_found", "does not exist", "not_found_error", "not_found", "no such model"}},
	{"BadRequestError", []string{"context_length_exceeded", "maximum context length", "prompt is too long", "invalid_request_error", "invalid_argument", "bad request"}},
	{"APIConnectionError", []string{"connection error", "connection refused", "connection reset", "connecterror", "name or service not known", "temporary failure in name resolution", "nodename nor servname", "network is unreachable", "failed to establish a new connection", "server disconnected"}},
	{"InternalServerError", []string{"internal server error", "internal_error", "service unavailable", "unavailable", "bad gateway", "api_error"}},
}

// statusCode finds an HTTP status in the usual places of provider error
// texts: "error code: 429", "status code 429", "http 429", "429 resource_exhausted", "'code': 429".
func statusCode(m string) int {
	for _, k := range []string{"error code: ", "status code: ", "status code ", "status_code=", "http ", "'code': ", "\"code\": "} {
		if i := strings.Index(m, k); i >= 0 {
			if c := threeDigits(m[i+len(k):]); c != 0 {
				return c
			}
		}
	}
	if c := threeDigits(m); c != 0 && len(m) > 3 && m[3] == ' ' {
		return c
	}
	return 0
}

func threeDigits(s string) int {
	if len(s) < 3 || (len(s) > 3 && s[3] >= '0' && s[3] <= '9') {
		return 0
	}
	n := 0
	for i := range 3 {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	if n < 400 || n > 599 {
		return 0
	}
	return n
}

func typeFromStatus(code int, m string) string {
	switch code {
	case 400:
		return "BadRequestError"
	case 401:
		return "AuthenticationError"
	case 403:
		return "PermissionDeniedError"
	case 404:
		return "NotFoundError"
	case 408:
		return "APITimeoutError"
	case 409:
		return "ConflictError"
	case 413:
		return "RequestTooLargeError"
	case 422:
		return "UnprocessableEntityError"
	case 429:
		return "RateLimitError"
	case 529:
		return "OverloadedError"
	case 503:
		if strings.Contains(m, "overloaded") {
			return "OverloadedError"
		}
	case 504:
		return "APITimeoutError"
	}
	if code >= 500 {
		return "InternalServerError"
	}
	return ""
}
