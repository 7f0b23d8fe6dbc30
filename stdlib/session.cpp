// Session: dispatch of an expression to its language.
#include "stdlib/session.h"

#include "stdlib/yaql/stdlib.h"

namespace sirocco {

bool parse_lang(std::string_view text, Lang& out) {
  static const std::pair<std::string_view, Lang> kLangs[] = {
      {"yaql", Lang::Yaql},
      {"jinja", Lang::Jinja},
      {"jinja-template", Lang::JinjaTemplate},
      {"jinja-expression", Lang::JinjaExpression},
      {"mistral-data", Lang::MistralData},
  };
  for (const auto& [name, lang] : kLangs)
    if (name == text) return out = lang, true;
  return false;
}

Session::Session(Limits limits)
    : limits_(limits), yaql_(std::make_unique<yaql::Engine>(yaql::make_standard_registry())) {}

Value Session::evaluate(Lang lang, std::string_view expr, const Value& data,
                        std::string_view jinja_env) {
  switch (lang) {
    case Lang::Yaql:
      return yaql_->evaluate(expr, data, limits_);
    default:
      throw Error("NotImplementedError", "this language is not available yet in Sirocco");
  }
}

}  // namespace sirocco
