// Session: dispatch of an expression to its language.
#include "stdlib/session.h"

#include "stdlib/mistral/yaql_functions.h"
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

namespace {

std::shared_ptr<yaql::Registry> mistral_yaql_registry() {
  auto registry = yaql::make_standard_registry();
  mistral::register_yaql_functions(*registry);
  return registry;
}

}  // namespace

Session::Session(Limits limits)
    : limits_(limits), yaql_(std::make_unique<yaql::Engine>(mistral_yaql_registry())) {}

Value Session::yaql(std::string_view expression, const Value& data) {
  yaql::Variables variables;
  if (data.is_dict()) {
    for (const char* name : {"__env", "__execution", "__task_execution"}) {
      const Value* v = data.as_dict().find(Value::string(name));
      variables.emplace_back(name, v ? *v : Value());
    }
  }
  return yaql_->evaluate(expression, data, limits_, variables);
}

Value Session::jinja(std::string_view text, const Value& data) {
  return evaluate(Lang::Jinja, text, data);
}

Value Session::evaluate_data(const Value& value, const Value& data) {
  return mistral::evaluate_data(value, data, *this);
}

Value Session::evaluate(Lang lang, std::string_view expr, const Value& data,
                        std::string_view jinja_env) {
  switch (lang) {
    case Lang::Yaql:
      return yaql(expr, data);
    case Lang::MistralData:
      return evaluate_data(Value::string(std::string(expr)), data);
    default:
      throw Error("NotImplementedError", "this language is not available yet in Sirocco");
  }
}

}  // namespace sirocco
