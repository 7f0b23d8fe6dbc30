// Tests of the YAQL tokenizer (interp/yaql_scanner.h): the token rules of grammar/Yaql.g4,
// longest match first and the earlier rule on a tie.
#include "interp/yaql_scanner.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sirocco::yaql {
namespace {

struct Scanned {
  TokenKind kind;
  size_t begin, end;
  bool operator==(const Scanned&) const = default;
};

std::vector<Scanned> scan_all(std::u32string_view text) {
  std::vector<Scanned> out;
  size_t pos = 0;
  for (;;) {
    Scanned s{};
    s.kind = scan_token(text, pos, s.begin, s.end);
    out.push_back(s);
    if (s.kind == TokenKind::End) return out;
    pos = s.end;
  }
}

struct Case {
  std::u32string text;
  std::vector<Scanned> tokens;
};

using K = TokenKind;

TEST(YaqlScanner, Tokens) {
  const Case cases[] = {
      {U"", {{K::End, 0, 0}}},
      {U"  1.5 ", {{K::Number, 2, 5}, {K::End, 6, 6}}},
      // a fraction needs a digit after the dot: `1.` is a number and a dot
      {U"1.a", {{K::Number, 0, 1}, {K::Dot, 1, 2}, {K::Ident, 2, 3}, {K::End, 3, 3}}},
      {U"1.5.2", {{K::Number, 0, 3}, {K::Dot, 3, 4}, {K::Number, 4, 5}, {K::End, 5, 5}}},
      // keywords win ties with identifiers; a longer word or a call is not a keyword
      {U"and android", {{K::And, 0, 3}, {K::Ident, 4, 11}, {K::End, 11, 11}}},
      {U"not(x)", {{K::Func, 0, 4}, {K::Ident, 4, 5}, {K::RParen, 5, 6}, {K::End, 6, 6}}},
      {U"not (x)",
       {{K::Not, 0, 3}, {K::LParen, 4, 5}, {K::Ident, 5, 6}, {K::RParen, 6, 7}, {K::End, 7, 7}}},
      {U"$ $x1 $1(",
       {{K::Dollar, 0, 1},
        {K::Dollar, 2, 5},
        {K::Dollar, 6, 8},
        {K::LParen, 8, 9},
        {K::End, 9, 9}}},
      {U"'a\\'b' \"x\"", {{K::String, 0, 6}, {K::String, 7, 10}, {K::End, 10, 10}}},
      // a string that does not end is a stray quote
      {U"'ab", {{K::ErrorChar, 0, 1}, {K::Ident, 1, 3}, {K::End, 3, 3}}},
      {U"'a\\\nb'",
       {{K::ErrorChar, 0, 1},
        {K::Ident, 1, 2},
        {K::ErrorChar, 2, 3},
        {K::Ident, 4, 5},
        {K::ErrorChar, 5, 6},
        {K::End, 6, 6}}},
      {U"=~ => = != !~ ! ?. ?",
       {{K::Match, 0, 2},
        {K::Mapping, 3, 5},
        {K::Eq, 6, 7},
        {K::Ne, 8, 10},
        {K::NotMatch, 11, 13},
        {K::ErrorChar, 14, 15},
        {K::QDot, 16, 18},
        {K::ErrorChar, 19, 20},
        {K::End, 20, 20}}},
      {U"->-<=>=",
       {{K::Arrow, 0, 2}, {K::Minus, 2, 3}, {K::Le, 3, 5}, {K::Ge, 5, 7}, {K::End, 7, 7}}},
      // Unicode letters start names; other numbers (superscripts) do too, digits do not
      {U"stra\u00dfe \u00b2x \u0663",
       {{K::Ident, 0, 6}, {K::Ident, 7, 9}, {K::ErrorChar, 10, 11}, {K::End, 11, 11}}},
  };
  for (const Case& c : cases) EXPECT_EQ(scan_all(c.text), c.tokens);
}

}  // namespace
}  // namespace sirocco::yaql
