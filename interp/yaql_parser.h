// The YAQL front-end: text → AST (through the ANTLR grammar in grammar/Yaql.g4).
// ANTLR never leaks out of this interface: every failure is an Error with a span.
#pragma once

#include <string_view>

#include "interp/yaql_ast.h"

namespace sirocco::yaql {

struct ParseLimits {
  size_t max_length = 1 << 20;  // bytes of expression text; longer is an error
  size_t max_depth = 256;       // nesting of brackets, operators and calls
};

// Parses one YAQL expression. Throws Error of type YaqlLexicalException (illegal
// character, unterminated string, invalid UTF-8, NUL), YaqlGrammarException (syntax,
// too deep, too long) with the span of the offending token.
NodePtr parse(std::string_view text, const ParseLimits& limits = {});

}  // namespace sirocco::yaql
