// Text-level pieces of the YAQL lexer that need no ANTLR: the expression decoded to code
// points, and the values of number and string literals (python-yaql's lexer.py rules).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "interp/value.h"

namespace sirocco::yaql {

// An expression as code points, with the byte offset of each one and of the end.
struct SourceText {
  std::u32string chars;
  std::vector<uint32_t> byte_offsets;  // chars.size() + 1 entries
};

// Decodes UTF-8 into `out` (reusing its storage). Throws YaqlLexicalException at the first
// byte that is not part of a valid sequence.
void decode_source(std::string_view text, SourceText& out);

// The value of a NUMBER token: ASCII digits with an optional fraction ("007", "1.50").
// Integers of any size stay exact; fractions are doubles (too large ones are inf).
Value number_value(std::string_view digits);

// The value of a STRING token, quotes included, given as code points. '...' and "..."
// decode Python escapes the way yaql does (unknown escapes stay as written); `...` only
// turns \` into `. Throws Error: UnicodeDecodeError with Python's message for a malformed
// \x, \u or \U escape, YaqlLexicalException for \N{...} and for surrogates that do not
// pair up. The error's span counts code points from the start of the token.
std::string string_value(std::u32string_view token);

}  // namespace sirocco::yaql
