// The Jinja front-end: template text → AST (grammar/JinjaLexer.g4 and grammar/JinjaParser.g4
// read by a hand-written lexer and a fast recursive descent path, with ANTLR's parser for
// the rest and for every syntax error). Whitespace control (`-`, `+`, trim_blocks, lstrip_blocks)
// is applied to the text here, so the AST holds the text exactly as it renders. ANTLR never leaks
// out of this interface: every failure is an Error of type TemplateSyntaxError.
#pragma once

#include <string_view>

#include "interp/jinja_ast.h"

namespace sirocco::jinja {

// How an environment lexes templates.
struct Syntax {
  bool trim_blocks = false;    // drop the first newline after a block tag
  bool lstrip_blocks = false;  // strip spaces before a block tag at the start of a line
};

struct ParseLimits {
  size_t max_length = 1 << 20;  // bytes of source text
  size_t max_depth = 256;       // nesting of brackets, operators and statements
};

// Parses a template, as Environment.from_string does: newlines normalised to \n and one
// trailing newline dropped. Spans are byte offsets in the normalised text.
Body parse_template(std::string_view source, const Syntax& syntax, const ParseLimits& limits = {});

// Parses one expression, as Environment.compile_expression does. Spans are byte offsets in
// `source`.
ExprPtr parse_expression(std::string_view source, const ParseLimits& limits = {});

// The same through ANTLR's parser alone, without the fast path (its reference: for tests).
Body parse_template_with_antlr(std::string_view source, const Syntax& syntax,
                               const ParseLimits& limits = {});
ExprPtr parse_expression_with_antlr(std::string_view source, const ParseLimits& limits = {});

// The text parse_template reads: \r\n and \r become \n, one trailing newline is dropped.
std::string normalize_newlines(std::string_view source);

}  // namespace sirocco::jinja
