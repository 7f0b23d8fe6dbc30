// Session: every language Sirocco speaks behind one entry point — the YAQL engine with the
// standard library, the Jinja engine with its library and Mistral's rule for Jinja strings
// (and, as it lands, Mistral's expression layer). The CLI, the
// tests and the workflow engine evaluate through it.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "interp/jinja_engine.h"
#include "interp/limits.h"
#include "interp/value.h"
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

  // Evaluates one expression of the given language with `data` as its input.
  // Throws Error.
  Value evaluate(Lang lang, std::string_view expr, const Value& data,
                 std::string_view jinja_env = "mistral");

  // Mistral's evaluation of every expression inside a workflow value (lang mistral-data):
  // see stdlib/mistral/data_walk.h.
  Value evaluate_data(const Value& value, const Value& data);

  yaql::Engine& yaql() { return *yaql_; }
  jinja::Engine& jinja() { return *jinja_; }
  const Limits& limits() const { return limits_; }

 private:
  // One bare YAQL expression as Mistral evaluates it: the standard library plus the Mistral
  // functions, `$` bound to the data and, when the data is a dict, `$__env`,
  // `$__execution` and `$__task_execution` to its keys of those names.
  Value yaql(std::string_view expression, const Value& data) override;
  Value jinja(std::string_view text, const Value& data) override;

  Limits limits_;
  std::unique_ptr<yaql::Engine> yaql_;
  std::unique_ptr<jinja::Engine> jinja_;

  Value evaluate_jinja(Lang lang, std::string_view expr, const Value& data, std::string_view env);
  // Mistral's InlineJinjaEvaluator on a string value.
  Value evaluate_mistral_jinja(std::string_view expr, const Value& data);
};

}  // namespace sirocco
