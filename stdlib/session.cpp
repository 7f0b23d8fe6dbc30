// Session: dispatch of an expression to its language and engine.
#include "stdlib/session.h"

#include "stdlib/jinja/library.h"
#include "stdlib/mistral/context_variables.h"
#include "stdlib/mistral/jinja_functions.h"
#include "stdlib/mistral/jinja_string.h"
#include "stdlib/mistral/snapshot.h"
#include "stdlib/mistral/yaql_functions.h"
#include "stdlib/yaql/stdlib.h"

namespace sirocco {

namespace {

std::shared_ptr<yaql::Registry> mistral_yaql_registry() {
  auto registry = yaql::make_standard_registry();
  mistral::register_yaql_functions(*registry);
  return registry;
}

const jinja::Environment& jinja_environment(std::string_view name) {
  const jinja::Environment* env = jinja::find_environment(name);
  if (!env) {
    throw Error("ValueError", "unknown Jinja environment '" + std::string(name) +
                                  "' (mistral, default, sandbox)");
  }
  return *env;
}

// A template's variables: the data's keys.
jinja::Variables variables_of(const Value& data) {
  jinja::Variables vars;
  if (!data.is_dict()) return vars;
  for (const auto& [key, value] : data.as_dict())
    if (key.is_string()) vars.emplace_back(key.as_string(), value);
  return vars;
}

}  // namespace

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
    : limits_(limits),
      yaql_(std::make_unique<yaql::Engine>(mistral_yaql_registry())),
      jinja_(std::make_unique<jinja::Engine>(jinja::builtin_library())),
      mistral_jinja_(std::make_unique<jinja::Engine>(jinja::builtin_library())) {
  mistral_jinja_->set_extra_filters(&mistral::jinja_filters());
}

void Session::set_workflow_context(std::shared_ptr<const WorkflowView> view, Value bindings) {
  view_ = std::move(view);
  bindings_ = std::move(bindings);
}

Value Session::with_bindings(const Value& data) const {
  return bindings_.is_dict() ? mistral::bind_into(data, bindings_) : data;
}

Outcome<Value> Session::try_evaluate(Lang lang, std::string_view expr, const Value& given_data,
                                     std::string_view jinja_env) {
  const WorkflowViewScope scope(view_.get());
  return catching<Outcome<Value>>([&]() -> Outcome<Value> {
    const Value data = with_bindings(given_data);
    switch (lang) {
      case Lang::Yaql:
        return bare_yaql(expr, data);
      case Lang::Jinja:
        return mistral::evaluate_jinja_string(*mistral_jinja_, expr, data, limits_);
      case Lang::JinjaTemplate:
      case Lang::JinjaExpression:
        return plain_jinja(lang, expr, data, jinja_env);
      case Lang::MistralData:
        return mistral::evaluate_data(Value::string(std::string(expr)), data, *this);
    }
    return Value();
  });
}

Value Session::evaluate_yaql(std::string_view expr, const Value& given_data,
                             const yaql::Variables& variables) {
  const WorkflowViewScope scope(view_.get());
  const Value data = with_bindings(given_data);
  const mistral::ContextVariables context(data, false);
  yaql::Variables all = context.list();
  all.insert(all.end(), variables.begin(), variables.end());
  return yaql_->evaluate(expr, data, limits_, all);
}

Value Session::evaluate_data(const Value& value, const Value& data) {
  const WorkflowViewScope scope(view_.get());
  return mistral::evaluate_data(value, with_bindings(data), *this);
}

Value Session::yaql_expression(std::string_view expression, const Value& data) {
  return bare_yaql(expression, data).value();
}

Outcome<Value> Session::bare_yaql(std::string_view expression, const Value& data) {
  const mistral::ContextVariables context(data, false);
  return yaql_->try_evaluate(expression, data, limits_, context.list());
}

Value Session::jinja_string(std::string_view text, const Value& data) {
  return mistral::evaluate_jinja_string(*mistral_jinja_, text, data, limits_).value();
}

Outcome<Value> Session::plain_jinja(Lang lang, std::string_view expr, const Value& data,
                                    std::string_view env_name) {
  const jinja::Environment& env = jinja_environment(env_name);
  jinja::Engine& engine = env.name == "mistral" ? *mistral_jinja_ : *jinja_;
  const jinja::Variables vars = variables_of(data);
  if (lang == Lang::JinjaTemplate) {
    SIROCCO_ASSIGN_OR_RETURN(std::string text, engine.try_render(expr, env, vars, limits_));
    return Value::string(std::move(text));
  }
  // compile_expression(undefined_to_none=True) by default turns an Undefined result into
  // None; Mistral passes False, and so does the conformance oracle for the sandbox.
  return engine.try_evaluate(expr, env, vars, limits_, env.name == "default");
}

}  // namespace sirocco
