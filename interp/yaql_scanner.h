// The YAQL tokenizer: the token rules of grammar/Yaql.g4 (longest match, the earlier rule on
// a tie), scanned by hand over the expression's code points instead of by an ANTLR lexer,
// whose tables are costly to load and to run. The parser front-end turns the kinds into the
// grammar's token types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sirocco::yaql {

enum class TokenKind : uint8_t {
  End,
  Number,
  String,
  True,
  False,
  Null,
  And,
  Or,
  Not,
  In,
  Mod,
  Dollar,
  Func,  // a name and its '('
  Ident,
  QDot,
  Dot,
  Match,
  NotMatch,
  Star,
  Slash,
  Plus,
  Minus,
  Ge,
  Le,
  Gt,
  Lt,
  Ne,
  Eq,
  Arrow,
  Mapping,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Comma,
  ErrorChar,  // any other character, or the quote of a string that does not end
};

// The token that starts at or after `pos` (whitespace is skipped): its kind, and its extent
// in code points [begin, end). At the end of the text: End, with begin = end = the length.
TokenKind scan_token(std::u32string_view chars, size_t pos, size_t& begin, size_t& end);

}  // namespace sirocco::yaql
