// Tests of the REPL's input reading: when an input continues on the next line, and which
// language `:lang auto` picks.
#include "cli/repl_input.h"

#include <gtest/gtest.h>

namespace sirocco::cli {
namespace {

struct CompletenessCase {
  const char* text;
  ReplLang lang;
  bool complete;
};

TEST(ReplInput, KnowsWhenAnInputContinues) {
  const CompletenessCase cases[] = {
      {"1 + 2", ReplLang::Yaql, true},
      {"[1,", ReplLang::Yaql, false},
      {"[1,\n2]", ReplLang::Yaql, true},
      {"$.where($ > (1", ReplLang::Yaql, false},
      {"{a => [1, 2]}", ReplLang::Yaql, true},
      {"'unclosed", ReplLang::Yaql, false},
      {"'it''s'", ReplLang::Yaql, true},
      {"'a (' + \"[\"", ReplLang::Yaql, true},
      {"'esc\\' still open", ReplLang::Yaql, false},
      {"`back", ReplLang::Yaql, false},
      {"1)", ReplLang::Yaql, true},  // a stray closer is the parser's to report
      {"<% $.a", ReplLang::Auto, false},
      {"<% $.a %>", ReplLang::Auto, true},
      {"{{ _.a", ReplLang::Auto, false},
      {"{{ _.a }}", ReplLang::Auto, true},
      {"{{ '}}' ", ReplLang::Auto, false},
      {"{% if x %}yes", ReplLang::Auto, false},
      {"{% if x %}yes{% endif %}", ReplLang::Auto, true},
      {"{% for i in x %}{% if i %}{{ i }}{% endif %}", ReplLang::Jinja, false},
      {"{% for i in x %}{% if i %}{{ i }}{% endif %}{% endfor %}", ReplLang::Jinja, true},
      {"{%- set y = 1 -%}{{ y }}", ReplLang::Jinja, true},
      {"{% set y %}text", ReplLang::Jinja, false},
      {"{% set y %}text{% endset %}", ReplLang::Jinja, true},
      {"{% raw %}{% if %}", ReplLang::Jinja, false},
      {"{% raw %}{% if %}{% endraw %}", ReplLang::Jinja, true},
      {"{# comment", ReplLang::Jinja, false},
      {"it's (not code", ReplLang::Jinja, true},  // template text: quotes and brackets are text
      {"{{ x }} it's", ReplLang::Auto, true},
  };
  for (const auto& c : cases) EXPECT_EQ(input_is_complete(c.text, c.lang), c.complete) << c.text;
}

struct LanguageCase {
  const char* text;
  ReplLang lang;
  Lang chosen;
  const char* expr;
};

TEST(ReplInput, PicksTheLanguageInAutoMode) {
  const LanguageCase cases[] = {
      {"$.a + 1", ReplLang::Auto, Lang::Yaql, "$.a + 1"},
      {"  <% $.a + 1 %>  ", ReplLang::Auto, Lang::Yaql, "$.a + 1"},
      {"{{ _.a }}", ReplLang::Auto, Lang::Jinja, "{{ _.a }}"},
      {"{% if _.a %}y{% endif %}", ReplLang::Auto, Lang::Jinja, "{% if _.a %}y{% endif %}"},
      {"a <% $.b %> c", ReplLang::Auto, Lang::MistralData, "a <% $.b %> c"},
      {"<% $.a %> and <% $.b %>", ReplLang::Auto, Lang::MistralData, "<% $.a %> and <% $.b %>"},
      {"<% $.a %>", ReplLang::Yaql, Lang::Yaql, "<% $.a %>"},
      {"$.a", ReplLang::Jinja, Lang::Jinja, "$.a"},
  };
  for (const auto& c : cases) {
    Evaluation e = choose_language(c.text, c.lang);
    EXPECT_EQ(e.lang, c.chosen) << c.text;
    EXPECT_EQ(e.expr, c.expr) << c.text;
  }
}

TEST(ReplInput, NamesLanguageSettings) {
  ReplLang lang = ReplLang::Auto;
  EXPECT_TRUE(parse_repl_lang("jinja", lang));
  EXPECT_EQ(lang, ReplLang::Jinja);
  EXPECT_EQ(repl_lang_name(lang), "jinja");
  EXPECT_FALSE(parse_repl_lang("cobol", lang));
  EXPECT_EQ(lang, ReplLang::Jinja);
}

}  // namespace
}  // namespace sirocco::cli
