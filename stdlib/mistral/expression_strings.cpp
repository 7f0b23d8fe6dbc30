// Mistral's expression delimiters, found the way its Python regular expressions find them.
#include "stdlib/mistral/expression_strings.h"

namespace sirocco::mistral {

namespace {

// The end of the shortest `open … close` starting at `pos` with no newline inside (Python's
// `.` stops at '\n'), or npos. Every delimiter is two characters.
size_t match_from(std::string_view text, size_t pos, std::string_view open,
                  std::string_view close) {
  if (text.size() - pos < 2 || text[pos] != open[0] || text[pos + 1] != open[1])
    return std::string_view::npos;
  for (size_t i = pos + 2; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if (c == close[0] && text[i + 1] == close[1]) return i + 2;
    if (c == '\n') break;
  }
  return std::string_view::npos;
}

std::optional<Match> first_match(std::string_view text, std::string_view open,
                                 std::string_view close) {
  for (size_t pos = text.find(open[0]); pos != std::string_view::npos;
       pos = text.find(open[0], pos + 1)) {
    if (const size_t end = match_from(text, pos, open, close); end != std::string_view::npos)
      return Match{pos, end};
  }
  return std::nullopt;
}

// ASCII whitespace as Python's str.strip() sees it (the separators \x1c-\x1f included).
bool is_python_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

}  // namespace

StringLanguage string_language(std::string_view text) {
  if (first_match(text, "{{", "}}") || first_match(text, "{%", "%}")) return StringLanguage::Jinja;
  if (first_match(text, "<%", "%>")) return StringLanguage::Yaql;
  return StringLanguage::None;
}

std::vector<Match> find_yaql_matches(std::string_view text) {
  std::vector<Match> matches;
  size_t pos = text.find("<%");
  while (pos != std::string_view::npos) {
    const size_t end = match_from(text, pos, "<%", "%>");
    if (end == std::string_view::npos) {
      pos = text.find("<%", pos + 1);
    } else {
      matches.push_back({pos, end});
      pos = text.find("<%", end);
    }
  }
  return matches;
}

std::optional<Match> first_jinja_expression(std::string_view text) {
  return first_match(text, "{{", "}}");
}

std::string_view yaql_match_expression(std::string_view match) {
  auto delimiter = [](char c) { return c == '<' || c == '%' || c == '>'; };
  while (!match.empty() && delimiter(match.front())) match.remove_prefix(1);
  while (!match.empty() && delimiter(match.back())) match.remove_suffix(1);
  while (!match.empty() && is_python_space(match.front())) match.remove_prefix(1);
  while (!match.empty() && is_python_space(match.back())) match.remove_suffix(1);
  return match;
}

}  // namespace sirocco::mistral
