// Session: dispatch of an expression to its language, and Mistral's rule for a Jinja
// string (mistral/expressions/jinja_expression.py in Mistral 15).
#include "stdlib/session.h"

#include "stdlib/jinja/library.h"
#include "stdlib/yaql/stdlib.h"

namespace sirocco {

namespace {

// The first match of Python's re.search(open + "(.*?)" + close) without DOTALL: the
// delimiters and what is between them, never across a newline. {npos, npos} when none.
std::pair<size_t, size_t> first_match(std::string_view s, std::string_view open,
                                      std::string_view close) {
  for (size_t i = s.find(open); i != std::string_view::npos; i = s.find(open, i + 1)) {
    const size_t end = s.find(close, i + open.size());
    if (end == std::string_view::npos) break;
    const size_t newline = s.find('\n', i + open.size());
    if (newline == std::string_view::npos || end < newline) return {i, end + close.size()};
  }
  return {std::string_view::npos, std::string_view::npos};
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
      yaql_(std::make_unique<yaql::Engine>(yaql::make_standard_registry())),
      jinja_(std::make_unique<jinja::Engine>(jinja::builtin_library())) {}

Value Session::evaluate(Lang lang, std::string_view expr, const Value& data,
                        std::string_view jinja_env) {
  switch (lang) {
    case Lang::Yaql:
      return yaql_->evaluate(expr, data, limits_);
    case Lang::Jinja:
      return evaluate_mistral_jinja(expr, data);
    case Lang::JinjaTemplate:
    case Lang::JinjaExpression:
      return evaluate_jinja(lang, expr, data, jinja_env);
    default:
      throw Error("NotImplementedError", "this language is not available yet in Sirocco");
  }
}

Value Session::evaluate_jinja(Lang lang, std::string_view expr, const Value& data,
                              std::string_view env_name) {
  const jinja::Environment& env = jinja_environment(env_name);
  const jinja::Variables vars = variables_of(data);
  if (lang == Lang::JinjaTemplate) return Value::string(jinja_->render(expr, env, vars, limits_));
  // compile_expression(undefined_to_none=True) by default turns an Undefined result into
  // None; Mistral passes False, and so does the conformance oracle for the sandbox.
  return jinja_->evaluate(expr, env, vars, limits_, env.name == "default");
}

Value Session::evaluate_mistral_jinja(std::string_view expr, const Value& data) {
  const auto [begin, end] = first_match(expr, "{{", "}}");
  if (begin == std::string_view::npos &&
      first_match(expr, "{%", "%}").first == std::string_view::npos)
    return Value::string(std::string(expr));  // not Jinja: the string as it is
  if (begin == std::string_view::npos) throw Error("IndexError", "list index out of range");
  jinja::Variables vars{{"_", data}};
  if (data.is_dict()) {
    for (const char* name : {"__env", "__execution", "__task_execution"}) {
      const Value* found = data.as_dict().find(Value::string(name));
      vars.emplace_back(name, found ? *found : Value());
    }
  }
  const jinja::Environment& env = jinja_environment("mistral");
  if (begin == 0 && end == expr.size()) {
    Value result = jinja_->evaluate(expr.substr(2, expr.size() - 4), env, vars, limits_, false);
    // Mistral calls str() on the result, which makes a StrictUndefined raise.
    if (const jinja::UndefinedObject* u = jinja::as_undefined(result); u && u->strict)
      jinja::raise_undefined(result);
    return result;
  }
  return Value::string(jinja_->render(expr, env, vars, limits_));
}

}  // namespace sirocco
