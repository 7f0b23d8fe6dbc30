// Mistral's rule for a Jinja string value.
#include "stdlib/mistral/jinja_string.h"

#include <string>

#include "interp/error.h"
#include "interp/jinja_runtime.h"
#include "stdlib/mistral/context_variables.h"
#include "stdlib/mistral/expression_strings.h"
#include "stdlib/mistral/jinja_functions.h"

namespace sirocco::mistral {

Value evaluate_jinja_string(jinja::Engine& engine, std::string_view text, const Value& data,
                            const Limits& limits) {
  if (string_language(text) != StringLanguage::Jinja) return Value::string(std::string(text));
  const std::optional<Match> first = first_jinja_expression(text);
  if (!first) throw Error("IndexError", "list index out of range");  // `patterns[0]`
  jinja::Variables variables{{"_", data}};
  for (auto& variable : context_variables(data)) variables.push_back(std::move(variable));
  const jinja::BoundFunctions functions{&jinja_filters(), data};
  const jinja::Environment& env = *jinja::find_environment("mistral");
  if (first->begin != 0 || first->end != text.size())
    return Value::string(engine.render(text, env, variables, limits, &functions));
  Value result =
      engine.evaluate(text.substr(2, text.size() - 4), env, variables, limits, false, &functions);
  // Mistral calls str() on the result, which makes a StrictUndefined raise.
  if (const jinja::UndefinedObject* u = jinja::as_undefined(result); u && u->strict)
    jinja::raise_undefined(result);
  return result;
}

}  // namespace sirocco::mistral
