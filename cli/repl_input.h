// The REPL's reading of what was typed, without a terminal: whether an input is complete
// or continues on the next line (open brackets, quotes, `{% %}` blocks), and which
// language an input is in (`:lang auto` picks it from `<% %>` and `{{ }}` delimiters).
#pragma once

#include <string>
#include <string_view>

#include "stdlib/session.h"

namespace sirocco::cli {

// The language setting of the REPL (`:lang yaql|jinja|auto`).
enum class ReplLang { Yaql, Jinja, Auto };
bool parse_repl_lang(std::string_view text, ReplLang& out);
std::string_view repl_lang_name(ReplLang lang);

// False while the input has an unclosed bracket or string (YAQL), an unclosed `{{ }}`,
// `{% %}`, `{# #}` tag or an open `{% if/for/... %}` block without its `{% end... %}`
// (Jinja), or an unclosed `<% %>`.
bool input_is_complete(std::string_view text, ReplLang lang);

// What to evaluate: the language and the text handed to Session::evaluate.
struct Evaluation {
  Lang lang = Lang::Yaql;
  std::string expr;
};

// yaql and jinja take the input as it is. auto: one whole `<% expr %>` is the YAQL `expr`;
// `{{ }}`, `{% %}` or `{# #}` anywhere make it Jinja (Mistral's rule for a string); text
// with `<% %>` inside is a Mistral data string; anything else is YAQL.
Evaluation choose_language(std::string_view text, ReplLang lang);

}  // namespace sirocco::cli
