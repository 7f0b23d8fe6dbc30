// Internal to the Jinja front-end: the fast path from tokens to the AST. A recursive
// descent parser of grammar/JinjaParser.g4 that builds the AST directly, the way
// interp/jinja_ast_builder*.cpp builds it from ANTLR's parse tree (same nodes, spans and
// nesting checks). ANTLR's parser stays the reference and the error path: whatever the
// fast path does not accept outright (any syntax or nesting error, and the rare template
// whose reading needs more than two tokens of lookahead) goes to ANTLR, which gives the
// AST or the error with its position. At each choice the fast path takes the first
// alternative of the grammar that can start there, which is the one ANTLR takes when both
// parse; tests/interp/jinja_direct_parser_test.cpp compares the two paths.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "interp/jinja_ast.h"
#include "interp/jinja_lexer.h"

namespace sirocco::jinja {

struct DirectParseInput {
  const std::vector<TokenPtr>& tokens;   // up to EOF, whitespace control applied
  const std::vector<uint32_t>& offsets;  // byte offset of each code point, and of the end
  uint32_t shift;                        // subtracted from every offset
  size_t max_depth;
};

// The template's body (`document` of the grammar), or std::nullopt for ANTLR's path.
std::optional<Body> parse_document_directly(const DirectParseInput& input);
// One expression (`expression` of the grammar), or nullptr for ANTLR's path.
ExprPtr parse_expression_directly(const DirectParseInput& input);

}  // namespace sirocco::jinja
