// Mistral's rule for a Jinja string value.
#include "stdlib/mistral/jinja_string.h"

#include <string>

#include "interp/error.h"
#include "interp/jinja_runtime.h"
#include "stdlib/mistral/context_variables.h"
#include "stdlib/mistral/expression_strings.h"
#include "stdlib/mistral/jinja_functions.h"

namespace sirocco::mistral {

Outcome<Value> evaluate_jinja_string(jinja::Engine& engine, std::string_view text,
                                     const Value& data, const Limits& limits) {
  const std::optional<Match> first = first_jinja_expression(text);
  if (!first) {
    if (string_language(text) != StringLanguage::Jinja) return Value::string(std::string(text));
    return Error("IndexError", "list index out of range");  // `patterns[0]`
  }
  const ContextVariables context(data, true);
  const jinja::Variables& variables = context.list();
  const jinja::BoundFunctions functions{&jinja_filters(), data};
  static const jinja::Environment& env = *jinja::find_environment("mistral");
  if (first->begin != 0 || first->end != text.size()) {
    SIROCCO_ASSIGN_OR_RETURN(std::string rendered,
                             engine.try_render(text, env, variables, limits, &functions));
    return Value::string(std::move(rendered));
  }
  SIROCCO_ASSIGN_OR_RETURN(Value result, engine.try_evaluate(text.substr(2, text.size() - 4), env,
                                                             variables, limits, false, &functions));
  // Mistral calls str() on the result, which makes a StrictUndefined raise.
  if (const jinja::UndefinedObject* u = jinja::as_undefined(result); u && u->strict)
    return jinja::undefined_error(result);
  return result;
}

}  // namespace sirocco::mistral
