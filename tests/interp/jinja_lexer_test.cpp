// Tests of the hand-written Jinja lexer against its specification, grammar/JinjaLexer.g4:
// for every template the two lexers must give the same tokens (type, code point range,
// text). The templates are the tricky cases below and the saved fuzz corpus.
#include "interp/jinja_lexer.h"
#include "interp/error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "JinjaLexer.h"

namespace sirocco::jinja {
namespace {

std::string describe(const antlr4::Token& token) {
  const bool eof = token.getType() == antlr4::Token::EOF;
  return std::to_string(static_cast<long>(token.getType())) + " " +
         std::to_string(token.getStartIndex()) + ".." +
         std::to_string(static_cast<long>(token.getStopIndex())) + " " +
         (eof ? std::string("<EOF>") : token.getText());
}

std::vector<std::string> hand_written(const std::string& text, const yaql::SourceText& source) {
  std::vector<std::string> out;
  for (const TokenPtr& token : lex_template(text, source)) out.push_back(describe(*token));
  return out;
}

// The generated lexer's tokens, up to a `{#` without an end (the hand-written lexer stops
// there and the front-end takes over).
std::vector<std::string> generated(const std::string& text, const yaql::SourceText& source) {
  antlr4::ANTLRInputStream input(text);
  sirocco_gen::JinjaLexer lexer(&input);
  lexer.removeErrorListeners();
  std::vector<std::string> out;
  for (;;) {
    std::unique_ptr<antlr4::Token> token = lexer.nextToken();
    out.push_back(describe(*token));
    if (token->getType() == sirocco_gen::JinjaLexer::COMMENT_OPEN) {
      out.push_back(describe(*eof_token(source.chars.size())));
      return out;
    }
    if (token->getType() == antlr4::Token::EOF) return out;
  }
}

void expect_same_tokens(const std::string& text) {
  yaql::SourceText source;
  try {
    yaql::decode_source(text, source);
  } catch (const Error&) {
    return;  // not UTF-8: the front-end refuses it before lexing
  }
  EXPECT_EQ(hand_written(text, source), generated(text, source)) << "template: " << text;
}

TEST(JinjaLexer, MatchesTheGrammar) {
  const char* cases[] = {
      "",
      "plain text",
      "{",
      "a{",
      "a{b{c",
      "{}{%",
      "x{{{ y }}}",
      "{{ {'a': {'b': 1}} }}",
      "{{ {'a': 1}}}",
      "{{ a }}}",
      "{{ (a }} b) }}",
      "{{ a -}} b {{- c }}",
      "{{ a +}}",
      "{{+ a }}",
      "{% if a -%}x{%+ endif +%}",
      "{% if a %}}",
      "{{ a %}",
      "{% a }}",
      "{{ a - }} }}",
      "{#",
      "{#-",
      "{#+",
      "{#--",
      "a {# b",
      "{##}",
      "{#}#}",
      "{# a #} {#- b -#}",
      "{% raw %}{{ x }}{% endraw %}",
      "{%- raw -%} a {%- endraw -%}",
      "{% raw %}a{% endraw x %}b{% endraw %}",
      "{% raw %}a{% endraw +%}",
      "{% raw +%}a{% endraw %}",
      "{%raw%}{%endraw%}",
      "{% raw %} no end",
      "{% rawx %}",
      "{% raw\n%}\n{%\tendraw\n%}",
      "{{ 1 1.5 1e5 1E-5 1.5e+3 1. 1.e5 .5 1_000 1__0 1_.5 }}",
      "{{ 0 00 007 007.5 0_0 0b101 0b 0b2 0B_1 0o17 0o8 0x1f 0xG 0X_a 0e1 }}",
      "{{ x.0.1 x.1.5 x. 1.5 x.1e5 }}",
      "{{ 1e 1e+ 1e+x 12_ }}",
      "{{ 'a' \"b\" 'it\\'s' \"q\\\"\" 'a\nb' '\\\\' }}",
      "{{ 'open",
      "{{ \"open\\",
      "{{ a ** b // c == d != e >= f <= g > h < i = j }}",
      "{{ a + b - c / d * e % f ~ g . h : i | j , k ; l }}",
      "{{ ! @ $ ^ & ` ? \\ # }}",
      "{{ and or not in is if else elif endif for endfor set endset recursive with endwith }}",
      "{{ filter endfilter andy or_ _not iffy elsewhere Endif }}",
      "{{ café ñ x₁ Ωmega 名前 ٣ x٣ }}",
      "{{ a\u00a0b\u2028c\u2029d\te\rf\ng\fh\vi }}",
      "{{ € ∑ x€ }}",
      "{{ (a) [b] {c} ) ] } }}",
      "{% for x in y %}{{ loop.index }}{% endfor %}",
      "é{{ 'ü' }}ö{# ä #}",
      "{{\n}}",
  };
  for (const char* text : cases) expect_same_tokens(text);
}

TEST(JinjaLexer, MatchesTheGrammarOnTheFuzzCorpus) {
  const std::filesystem::path corpus =
      std::filesystem::path(SIROCCO_SOURCE_DIR) / "fuzz" / "corpus" / "jinja_render";
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    expect_same_tokens(text.str());
    ++files;
  }
  EXPECT_GT(files, 0u);
}

}  // namespace
}  // namespace sirocco::jinja
