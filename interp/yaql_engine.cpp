// The public YAQL API: expression cache, evaluation entry point, output conversion.
#include "interp/yaql_engine.h"

#include "interp/yaql_eval.h"
#include "interp/yaql_parser.h"

namespace sirocco::yaql {

Engine::Engine(std::shared_ptr<const Registry> registry, size_t cache_capacity)
    : registry_(std::move(registry)), cache_(cache_capacity) {}

ExpressionPtr Engine::compile(std::string_view text, const Limits& limits) {
  std::string key(text);
  if (ExpressionPtr hit = cache_.get(key)) return hit;
  ParseLimits parse_limits;
  parse_limits.max_depth = limits.max_parse_depth;
  auto expr = std::make_shared<Expression>(Expression{key, parse(text, parse_limits)});
  cache_.put(key, expr);
  return expr;
}

Value Engine::evaluate(const Expression& expr, const Value& data, const Limits& limits,
                       const Variables& variables) const {
  Evaluator ev(*registry_, limits);
  ScopePtr scope = child_scope(nullptr);
  scope->set("1", data);
  for (const auto& [name, value] : variables) scope->set(name, value);
  return finalize_output(ev.eval(*expr.root, scope));
}

Value Engine::evaluate(std::string_view text, const Value& data, const Limits& limits,
                       const Variables& variables) {
  return evaluate(*compile(text, limits), data, limits, variables);
}

Value finalize_output(const Value& v) {
  switch (v.kind()) {
    case Kind::Sequence:
      return finalize_output(materialize(v));
    case Kind::List: {
      List out;
      out.reserve(v.as_list().size());
      for (const auto& item : v.as_list()) out.push_back(finalize_output(item));
      return Value::list(std::move(out));
    }
    case Kind::Dict: {
      Dict out;
      for (const auto& [k, item] : v.as_dict()) out.set(finalize_output(k), finalize_output(item));
      return Value::dict(std::move(out));
    }
    case Kind::Set: {
      for (const auto& item : v.as_set())
        if (item.is_list() || item.is_sequence())
          throw Error("TypeError", "unhashable type: 'list'");
      return v;
    }
    default:
      return v;
  }
}

}  // namespace sirocco::yaql
