// Continuation detection and language choice for REPL input.
#include "cli/repl_input.h"

#include <cctype>

namespace sirocco::cli {

namespace {

constexpr std::string_view kEmpty = {};
constexpr size_t npos = std::string_view::npos;

bool is_quote(char c) { return c == '\'' || c == '"' || c == '`'; }

// The index just past the string literal opening at `i`, or npos when it is unclosed.
size_t skip_string(std::string_view text, size_t i) {
  char quote = text[i];
  for (size_t j = i + 1; j < text.size(); ++j) {
    if (text[j] == '\\')
      ++j;
    else if (text[j] == quote)
      return j + 1;
  }
  return npos;
}

bool yaql_is_complete(std::string_view text) {
  int depth = 0;
  int open_blocks = 0;  // `<%` without its `%>`
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (is_quote(c)) {
      i = skip_string(text, i);
      if (i == npos) return false;
      continue;
    }
    if (text.substr(i, 2) == "<%") {
      ++open_blocks, i += 2;
      continue;
    }
    if (text.substr(i, 2) == "%>") {
      if (open_blocks > 0) --open_blocks;
      i += 2;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    ++i;
  }
  return depth <= 0 && open_blocks == 0;
}

// The index of `close` ending a tag whose body starts at `i` (strings inside skipped), or
// npos when the tag is unclosed.
size_t find_tag_end(std::string_view text, size_t i, std::string_view close, bool strings) {
  while (i < text.size()) {
    if (strings && is_quote(text[i]) && text[i] != '`') {
      i = skip_string(text, i);
      if (i == npos) return npos;
      continue;
    }
    if (text.substr(i, close.size()) == close) return i;
    ++i;
  }
  return npos;
}

// The first word of a `{% %}` tag body, past whitespace control marks.
std::string_view tag_name(std::string_view body) {
  size_t b = body.find_first_not_of(" \t\r\n-+");
  if (b == npos) return kEmpty;
  size_t e = b;
  while (e < body.size() && (std::isalnum(static_cast<unsigned char>(body[e])) || body[e] == '_'))
    ++e;
  return body.substr(b, e - b);
}

bool opens_block(std::string_view name, std::string_view body) {
  static constexpr std::string_view kOpeners[] = {"for",    "if",    "macro", "call",
                                                  "filter", "block", "with",  "autoescape"};
  for (std::string_view opener : kOpeners)
    if (name == opener) return true;
  return name == "set" && body.find('=') == npos;  // `{% set x %}...{% endset %}`
}

bool template_is_complete(std::string_view text) {
  int open_blocks = 0;
  bool in_raw = false;
  for (size_t i = 0; i < text.size();) {
    std::string_view open = text.substr(i, 2);
    if (!in_raw && (open == "{{" || open == "{#")) {
      size_t end = find_tag_end(text, i + 2, open == "{{" ? "}}" : "#}", open == "{{");
      if (end == npos) return false;
      i = end + 2;
      continue;
    }
    if (open == "{%") {
      size_t end = find_tag_end(text, i + 2, "%}", true);
      if (end == npos) return false;
      std::string_view body = text.substr(i + 2, end - i - 2);
      std::string_view name = tag_name(body);
      if (in_raw) {
        in_raw = name != "endraw";
      } else if (name == "raw") {
        in_raw = true;
      } else if (opens_block(name, body)) {
        ++open_blocks;
      } else if (name.substr(0, 3) == "end") {
        --open_blocks;
      }
      i = end + 2;
      continue;
    }
    ++i;
  }
  return open_blocks <= 0 && !in_raw;
}

bool has_jinja_delimiters(std::string_view text) {
  return text.find("{{") != npos || text.find("{%") != npos || text.find("{#") != npos;
}

std::string_view trim(std::string_view text) {
  size_t b = text.find_first_not_of(" \t\r\n");
  if (b == npos) return kEmpty;
  size_t e = text.find_last_not_of(" \t\r\n");
  return text.substr(b, e - b + 1);
}

}  // namespace

bool parse_repl_lang(std::string_view text, ReplLang& out) {
  if (text == "yaql") return out = ReplLang::Yaql, true;
  if (text == "jinja") return out = ReplLang::Jinja, true;
  if (text == "auto") return out = ReplLang::Auto, true;
  return false;
}

std::string_view repl_lang_name(ReplLang lang) {
  switch (lang) {
    case ReplLang::Yaql:
      return "yaql";
    case ReplLang::Jinja:
      return "jinja";
    case ReplLang::Auto:
      break;
  }
  return "auto";
}

bool input_is_complete(std::string_view text, ReplLang lang) {
  if (lang == ReplLang::Jinja || (lang == ReplLang::Auto && has_jinja_delimiters(text)))
    return template_is_complete(text);
  return yaql_is_complete(text);
}

Evaluation choose_language(std::string_view text, ReplLang lang) {
  if (lang == ReplLang::Yaql) return {Lang::Yaql, std::string(text)};
  if (lang == ReplLang::Jinja) return {Lang::Jinja, std::string(text)};
  std::string_view whole = trim(text);
  if (whole.size() >= 4 && whole.substr(0, 2) == "<%" && whole.substr(whole.size() - 2) == "%>") {
    std::string_view inner = whole.substr(2, whole.size() - 4);
    if (inner.find("<%") == npos && inner.find("%>") == npos)
      return {Lang::Yaql, std::string(trim(inner))};
  }
  if (has_jinja_delimiters(text)) return {Lang::Jinja, std::string(text)};
  if (text.find("<%") != npos) return {Lang::MistralData, std::string(text)};
  return {Lang::Yaql, std::string(text)};
}

}  // namespace sirocco::cli
