// Mistral's rules for finding expressions inside a string value: which language a string
// is (Jinja when `{{…}}` or `{%…%}` occurs on one line, else YAQL when `<%…%>` does, else
// none), where its inline YAQL expressions are, and the text each one evaluates.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace sirocco::mistral {

enum class StringLanguage { None, Jinja, Yaql };

// The evaluator Mistral 15 gives a string: Jinja is tried first, so a string holding both
// kinds of delimiters is Jinja only.
StringLanguage string_language(std::string_view text);

// One occurrence of an expression: the byte range of the whole match, delimiters included.
struct Match {
  size_t begin;
  size_t end;
};

// The non-greedy, single-line matches of `<%.*?%>`, left to right, as Python's
// re.findall gives them.
std::vector<Match> find_yaql_matches(std::string_view text);

// The first non-greedy, single-line match of `{{(.*?)}}`, as Python's re.search finds it.
std::optional<Match> first_jinja_expression(std::string_view text);

// The expression inside a match: any of `<`, `%`, `>` stripped from both ends, then
// surrounding whitespace (so `<%% 1 %%>` is `1`), as Mistral reads it.
std::string_view yaql_match_expression(std::string_view match);

}  // namespace sirocco::mistral
