// The public YAQL API: expression cache, evaluation entry point, output conversion.
#include "interp/yaql_engine.h"

#include "interp/budget.h"

#include "interp/yaql_eval.h"
#include "interp/yaql_parser.h"

namespace sirocco::yaql {

Engine::Engine(std::shared_ptr<const Registry> registry, size_t cache_capacity)
    : registry_(std::move(registry)), cache_(cache_capacity) {}

ExpressionPtr Engine::parsed(std::string_view text, const Limits& limits) {
  // The depth limit decides whether a text parses, so it is part of the key.
  std::string key(text);
  key += '\0';
  key += std::to_string(limits.max_parse_depth);
  ExpressionPtr expr = cache_.get(key);
  if (!expr) {
    ParseLimits parse_limits;
    parse_limits.max_depth = limits.max_parse_depth;
    auto made = std::make_shared<Expression>();
    made->text = std::string(text);
    try {
      made->root = parse(text, parse_limits);
    } catch (const Error& e) {
      made->error = e;
    }
    cache_.put(key, made);
    expr = std::move(made);
  }
  return expr;
}

ExpressionPtr Engine::compile(std::string_view text, const Limits& limits) {
  ExpressionPtr expr = parsed(text, limits);
  if (expr->error) throw *expr->error;
  return expr;
}

Outcome<Value> Engine::try_evaluate(const Expression& expr, const Value& data, const Limits& limits,
                                    const Variables& variables) const {
  // A limit, or what output conversion rejects, throws.
  return catching<Outcome<Value>>([&]() -> Outcome<Value> {
    const EvaluationBudget budget(limits);
    Evaluator ev(*registry_, limits);
    ScopePtr scope = child_scope(nullptr);
    scope->set("1", data);
    for (const auto& [name, value] : variables) scope->set(name, value);
    SIROCCO_ASSIGN_OR_RETURN(Value result, ev.try_eval(*expr.root, scope));
    return finalize_output(result);
  });
}

Outcome<Value> Engine::try_evaluate(std::string_view text, const Value& data, const Limits& limits,
                                    const Variables& variables) {
  ExpressionPtr expr = parsed(text, limits);
  if (expr->error) return *expr->error;
  return try_evaluate(*expr, data, limits, variables);
}

namespace {

// Python's name of a container that cannot be a set item or a dict key once it is output
// (tuples become lists, frozensets sets, frozen dicts dicts), or nullptr.
const char* unhashable_output_type(const Value& v) {
  switch (v.kind()) {
    case Kind::List:
    case Kind::Sequence:
      return "list";
    case Kind::Dict:
      return "dict";
    case Kind::Set:
      return "set";
    default:
      return nullptr;
  }
}

void require_hashable_output(const Value& v) {
  if (const char* type = unhashable_output_type(v))
    throw Error("TypeError", std::string("unhashable type: '") + type + "'");
}

// Checks what output conversion would reject; true when a lazy sequence must be materialised
// somewhere inside (otherwise the value is output as it is, shared, not copied).
bool check_output(const Value& v) {
  switch (v.kind()) {
    case Kind::Sequence:
      return true;
    case Kind::List: {
      bool lazy = false;
      for (const auto& item : v.as_list()) lazy |= check_output(item);
      return lazy;
    }
    case Kind::Dict: {
      bool lazy = false;
      for (const auto& [key, item] : v.as_dict()) {
        require_hashable_output(key);
        lazy |= check_output(item);
      }
      return lazy;
    }
    case Kind::Set:
      for (const auto& item : v.as_set()) require_hashable_output(item);
      return false;
    default:
      return false;
  }
}

Value materialize_deep(const Value& v) {
  switch (v.kind()) {
    case Kind::Sequence:
      return materialize_deep(materialize(v));
    case Kind::List: {
      List out;
      out.reserve(v.as_list().size());
      for (const auto& item : v.as_list()) out.push_back(materialize_deep(item));
      return Value::list(std::move(out));
    }
    case Kind::Dict: {
      Dict out;
      out.reserve(v.as_dict().size());
      for (const auto& [key, item] : v.as_dict()) out.set(key, materialize_deep(item));
      return Value::dict(std::move(out));
    }
    default:
      return v;
  }
}

}  // namespace

Value finalize_output(const Value& v) {
  if (!check_output(v)) return v;
  Value out = materialize_deep(v);
  check_output(out);  // what the sequences held is checked too
  return out;
}

}  // namespace sirocco::yaql
