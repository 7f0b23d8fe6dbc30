// Python `re` semantics for str patterns on PCRE2: compiled patterns as YAQL values (with a
// bounded cache), matching with backtracking limits, finditer's walk over successive
// matches, code point positions, re.sub replacement templates and re.escape.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interp/value.h"

struct pcre2_real_code_8;

namespace sirocco::yaql::pyregex {

// The flags yaql's regex() exposes; re.UNICODE is always on.
struct Flags {
  bool ignore_case = false;
  bool multi_line = false;
  bool dot_all = false;
};

// Byte offsets of a match (group 0) and of its groups.
class Match {
 public:
  size_t group_count() const { return offsets_.size() / 2 - 1; }
  bool matched(size_t group) const;  // false for a group that took no part in the match
  size_t begin(size_t group) const { return offsets_[2 * group]; }
  size_t end(size_t group) const { return offsets_[2 * group + 1]; }
  std::string_view text(std::string_view subject, size_t group) const {
    return subject.substr(begin(group), end(group) - begin(group));
  }

 private:
  friend class Regex;
  std::vector<size_t> offsets_;
};

// A compiled pattern: immutable, shareable between threads.
class Regex final : public Object {
 public:
  // Throws Error("error", ...) for a pattern Python's re.compile rejects.
  Regex(std::string pattern, Flags flags);
  ~Regex() override;
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  size_t group_count() const { return group_count_; }
  const std::vector<std::pair<std::string, size_t>>& named_groups() const { return named_groups_; }
  std::optional<size_t> group_named(std::string_view name) const;

  // The leftmost match starting at byte `from` or later, into `out`; false when there is
  // none. An empty match at `from` itself is skipped unless `empty_at_from` (finditer's rule
  // after an empty match). Throws Error("RegexLimitExceeded") when backtracking runs away.
  bool find(std::string_view subject, size_t from, bool empty_at_from, Match& out) const;

 private:
  std::string pattern_;
  size_t group_count_ = 0;
  std::vector<std::pair<std::string, size_t>> named_groups_;
  pcre2_real_code_8* code_ = nullptr;
};
using RegexPtr = boost::intrusive_ptr<const Regex>;

// A compiled pattern from a bounded cache of recent ones (the same pattern and flags give
// the same object, so regex values compare equal the way Python's patterns do).
RegexPtr compile(std::string_view pattern, Flags flags);

// The regex a value holds, or null when it is something else.
RegexPtr regex_of(const Value& v);
inline bool is_regex(const Value& v) { return regex_of(v) != nullptr; }
inline Value regex_value(RegexPtr re) {
  return Value::opaque(boost::intrusive_ptr<Object>(const_cast<Regex*>(re.get())));
}

// Successive non-overlapping matches left to right, as re.finditer finds them (an empty
// match may follow a non-empty one at the same place, never another empty one).
class MatchWalk {
 public:
  MatchWalk(RegexPtr re, std::string_view subject) : re_(std::move(re)), subject_(subject) {}
  bool next(Match& out);

 private:
  RegexPtr re_;
  std::string_view subject_;
  size_t from_ = 0;
  bool last_was_empty_ = false;
  bool done_ = false;
};

// Code point offsets of byte offsets in a UTF-8 text, cheapest when asked in increasing order.
class CodePoints {
 public:
  CodePoints(std::string_view text, bool ascii) : text_(text), ascii_(ascii) {}
  int64_t at(size_t byte);

 private:
  std::string_view text_;
  bool ascii_;
  size_t byte_ = 0;
  int64_t index_ = 0;
};

// A replacement string of re.sub: `\1`, `\g<1>`, `\g<name>`, `\n` and octal escapes.
class ReplacementTemplate {
 public:
  // Throws Error("error", ...) or Error("IndexError", ...) like Python's template parser.
  ReplacementTemplate(std::string_view text, const Regex& re);
  std::string expand(const Match& m, std::string_view subject) const;

 private:
  struct Piece {
    std::string literal;
    std::optional<size_t> group;  // a group's text follows the literal
  };
  std::vector<Piece> pieces_;
};

// re.escape: a backslash before every character special in a pattern.
std::string escape(std::string_view text);

}  // namespace sirocco::yaql::pyregex
