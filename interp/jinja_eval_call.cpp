// Jinja calls: names of global functions, call arguments (`*args`, `**kwargs`), filters
// and tests by name, and the step budget every call counts toward.
#include "interp/jinja_eval.h"
#include "interp/jinja_ops.h"

namespace sirocco::jinja {

Value Evaluator::lookup(const Expr& e, const Scope& scope) {
  if (const Value* found = scope.find(e.name)) return *found;
  if (const BoundFunctions* bound = config_.bound)
    if (const auto* defs = bound->functions->find(e.name); defs && !defs->empty()) {
      return make_callable(
          "functools.partial(<function " + e.name + "_>)",
          [def = defs->front(), argument = bound->argument](
              Runtime& runtime, std::vector<Value> args, Kwargs kwargs, Span span) {
            args.insert(args.begin(), argument);
            Call call = bind_arguments(runtime, *def, std::move(args), std::move(kwargs), span);
            return def->impl(call).value();
          });
    }
  if (const auto* defs = library_.globals.find(e.name); defs && !defs->empty()) {
    return make_callable(
        "<function " + e.name + ">",
        [def = defs->front()](Runtime& runtime, std::vector<Value> args, Kwargs kwargs, Span span) {
          Call call = bind_arguments(runtime, *def, std::move(args), std::move(kwargs), span);
          return def->impl(call).value();
        });
  }
  return undefined("'" + e.name + "' is undefined");
}

Status Evaluator::arguments(const std::vector<Argument>& args, const Scope& scope,
                            std::vector<Value>& positional, Kwargs& keywords) {
  for (const Argument& arg : args) {
    SIROCCO_ASSIGN_OR_RETURN(Value v, eval(*arg.value, scope));
    switch (arg.kind) {
      case Argument::Kind::Positional:
        positional.push_back(std::move(v));
        break;
      case Argument::Kind::Keyword:
        keywords.emplace_back(arg.name, std::move(v));
        break;
      case Argument::Kind::Star: {
        SIROCCO_ASSIGN_OR_RETURN(List items, iterate(v, arg.value->span));
        for (Value& item : items) positional.push_back(std::move(item));
        break;
      }
      case Argument::Kind::StarStar:
        SIROCCO_RETURN_IF_ERROR(refuse_undefined(v, arg.value->span));
        if (!v.is_dict())
          return Error("TypeError", "argument after ** must be a mapping, not " + type_name(v),
                       arg.value->span);
        for (const auto& [key, value] : v.as_dict()) {
          if (!key.is_string())
            return Error("TypeError", "keywords must be strings", arg.value->span);
          keywords.emplace_back(key.as_string(), value);
        }
        break;
    }
  }
  return {};
}

Outcome<Value> Evaluator::call_expr(const Expr& e, const Scope& scope) {
  SIROCCO_ASSIGN_OR_RETURN(Value callee, eval(*e.operands[0], scope));
  std::vector<Value> positional;
  Kwargs keywords;
  SIROCCO_RETURN_IF_ERROR(arguments(e.args, scope, positional, keywords));
  const ErrorSpanScope error_span(e.span);
  return call(callee, std::move(positional), std::move(keywords), e.span);
}

Outcome<Value> Evaluator::invoke(const FunctionDef& def, std::vector<Value> positional,
                                 Kwargs keywords, Span span) {
  return catching<Outcome<Value>>([&] {
    tick(span);
    Call call = bind_arguments(*this, def, std::move(positional), std::move(keywords), span);
    return def.impl(call);
  });
}

const FunctionDef* Evaluator::filter_def(std::string_view name) const {
  for (const Registry* registry : {config_.extra_filters, &library_.filters}) {
    if (!registry) continue;
    if (const auto* defs = registry->find(name); defs && !defs->empty()) return defs->front().get();
  }
  return nullptr;
}

const FunctionDef* Evaluator::test_def(std::string_view name) const {
  const auto* defs = library_.tests.find(name);
  return defs && !defs->empty() ? defs->front().get() : nullptr;
}

bool Evaluator::has_filter(std::string_view name) const { return filter_def(name) != nullptr; }
bool Evaluator::has_test(std::string_view name) const { return test_def(name) != nullptr; }

Outcome<Value> Evaluator::apply_filter(const Expr& e, Value operand, const Scope& scope) {
  std::vector<Value> positional{std::move(operand)};
  Kwargs keywords;
  SIROCCO_RETURN_IF_ERROR(arguments(e.args, scope, positional, keywords));
  const ErrorSpanScope error_span(e.span);
  return call_filter(e.name, std::move(positional), std::move(keywords), e.span);
}

Outcome<bool> Evaluator::apply_test(const Expr& e, const Scope& scope) {
  SIROCCO_ASSIGN_OR_RETURN(Value operand, eval(*e.operands[0], scope));
  std::vector<Value> positional{std::move(operand)};
  Kwargs keywords;
  SIROCCO_RETURN_IF_ERROR(arguments(e.args, scope, positional, keywords));
  const ErrorSpanScope error_span(e.span);
  SIROCCO_ASSIGN_OR_RETURN(bool passed,
                           call_test(e.name, std::move(positional), std::move(keywords), e.span));
  return passed != e.negated;
}

Outcome<Value> Evaluator::call_filter(std::string_view name, std::vector<Value> args, Kwargs kwargs,
                                      Span span) {
  const FunctionDef* def = filter_def(name);
  if (!def)
    return Error("TemplateRuntimeError", "No filter named '" + std::string(name) + "'.", span);
  return invoke(*def, std::move(args), std::move(kwargs), span);
}

Outcome<bool> Evaluator::call_test(std::string_view name, std::vector<Value> args, Kwargs kwargs,
                                   Span span) {
  const FunctionDef* def = test_def(name);
  if (!def)
    return Error("TemplateRuntimeError", "No test named '" + std::string(name) + "'.", span);
  SIROCCO_ASSIGN_OR_RETURN(Value result, invoke(*def, std::move(args), std::move(kwargs), span));
  return truthy(result);
}

}  // namespace sirocco::jinja
