// Internal to the Jinja front-end: the hand-written lexer. It produces exactly the tokens
// of grammar/JinjaLexer.g4 (types, code point indices, texts): that grammar stays the token
// vocabulary of grammar/JinjaParser.g4 and the lexer's specification, and a test compares
// the two lexers' tokens (tests/interp/jinja_lexer_test.cpp). ANTLR's generated lexer is
// not used at run time: its semantic predicates (the bracket-balanced `}}`) keep ANTLR from
// caching its DFA, so every template ran the ATN simulator (half a millisecond for one
// line), and deserialising its ATN with the Unicode classes cost ~10 ms at start-up.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

// Our headers (Boost among them) before ANTLR's, which undefines EOF.
#include "interp/yaql_lexer_text.h"

#include <antlr4-runtime.h>

namespace sirocco::jinja {

using TokenPtr = std::unique_ptr<antlr4::Token>;

// The tokens of `source` (whose UTF-8 text is `text`) up to EOF. A `{#` without an end is
// the last token before EOF: the front-end decides what it is (comment_at_end in
// interp/jinja_parser.cpp).
std::vector<TokenPtr> lex_template(std::string_view text, const yaql::SourceText& source);

// The EOF token after `length` code points, as ANTLR's lexers make it.
TokenPtr eof_token(size_t length);

}  // namespace sirocco::jinja
