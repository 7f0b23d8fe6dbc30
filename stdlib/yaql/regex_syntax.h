// Python `re` pattern syntax translated to PCRE2 syntax, so that a pattern means under
// PCRE2 (UTF, UCP, LF newlines) what it means to Python for str patterns: `\Z`, `\v`,
// `\uXXXX`, octal escapes and group references, `{,n}`, `[` inside classes, verbose mode,
// `(?P<name>...)`, and the errors Python's re.compile reports.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sirocco::yaql::pyregex {

struct TranslatedPattern {
  std::string pcre;  // ASCII-only PCRE2 pattern; every group is numbered, none is named
  size_t group_count = 0;
  std::vector<std::pair<std::string, size_t>> named_groups;  // in definition order
};

// Throws Error("error", ...) where Python raises re.error, Error("ValueError", ...) for the
// ASCII flag (which a str pattern compiled with re.UNICODE cannot take).
TranslatedPattern translate_python_pattern(std::string_view pattern);

// True for the characters Python's str.isidentifier() accepts in a group name (approximately:
// letters, digits and '_', any non-ASCII character, not starting with a digit).
bool is_group_name(std::u32string_view name);

}  // namespace sirocco::yaql::pyregex
