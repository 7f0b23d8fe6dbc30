// Session: every language Sirocco speaks behind one entry point — YAQL with the standard
// library, Jinja with its library, and Mistral's expression layer on top of both (the
// Mistral functions, the rule for a string value, expressions inside data). The CLI, the
// tests and the workflow engine evaluate through it.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "interp/jinja_engine.h"
#include "interp/limits.h"
#include "interp/value.h"
#include "interp/workflow_view.h"
#include "interp/yaql_engine.h"
#include "stdlib/mistral/data_walk.h"

namespace sirocco {

// The language of a case, as the batch format names it.
enum class Lang { Yaql, Jinja, JinjaTemplate, JinjaExpression, MistralData };
// Parses a batch `lang` value; false when unknown.
bool parse_lang(std::string_view text, Lang& out);

class Session final : private mistral::StringEvaluators {
 public:
  explicit Session(Limits limits = {});

  // Evaluates one expression of the given language with `data` as its input: `yaql` is a
  // bare YAQL expression as Mistral evaluates it, `jinja` a string value by Mistral's rule,
  // `jinja-template`/`jinja-expression` plain Jinja in the environment named `jinja_env`
  // with the data's keys as variables, `mistral-data` the string `expr` walked as data.
  // Returns any Error as the outcome; evaluate() throws it.
  Outcome<Value> try_evaluate(Lang lang, std::string_view expr, const Value& data,
                              std::string_view jinja_env = "mistral");
  Value evaluate(Lang lang, std::string_view expr, const Value& data,
                 std::string_view jinja_env = "mistral") {
    return try_evaluate(lang, expr, data, jinja_env).value();
  }

  // evaluate(Lang::Yaql, ...) with more variables bound (`$name`, as the REPL's :let).
  Value evaluate_yaql(std::string_view expr, const Value& data, const yaql::Variables& variables);

  // Mistral's evaluation of every expression inside a workflow value (lang mistral-data):
  // see stdlib/mistral/data_walk.h.
  Value evaluate_data(const Value& value, const Value& data);

  // The workflow executions the Mistral functions (execution(), tasks() ...) read during
  // this session's evaluations (none: they see no executions), and the variables of the
  // current execution and task (`__execution`, `__task_execution`, `__env`, a dict) that
  // each evaluation's data gets where it lacks them (see mistral::bind_into).
  void set_workflow_context(std::shared_ptr<const WorkflowView> view, Value bindings = Value());

  yaql::Engine& yaql() { return *yaql_; }
  const Limits& limits() const { return limits_; }

 private:
  // A bare YAQL expression: the standard library plus the Mistral functions, `$` bound to
  // the data and `$__env`, `$__execution`, `$__task_execution` to its keys of those names.
  Value yaql_expression(std::string_view expression, const Value& data) override;
  Outcome<Value> bare_yaql(std::string_view expression, const Value& data);
  // A string value by Mistral's rule (stdlib/mistral/jinja_string.h).
  Value jinja_string(std::string_view text, const Value& data) override;
  Outcome<Value> plain_jinja(Lang lang, std::string_view expr, const Value& data,
                             std::string_view env_name);

  Value with_bindings(const Value& data) const;

  Limits limits_;
  std::shared_ptr<const WorkflowView> view_;
  Value bindings_;
  std::unique_ptr<yaql::Engine> yaql_;
  std::unique_ptr<jinja::Engine> jinja_;          // Jinja2's builtins only
  std::unique_ptr<jinja::Engine> mistral_jinja_;  // plus Mistral's functions as filters
};

}  // namespace sirocco
