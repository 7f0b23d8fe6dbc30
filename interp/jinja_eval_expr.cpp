// Jinja expressions: literals, names, access, conditionals and the Undefined rules of truth
// and text; operators are in interp/jinja_eval_operators.cpp, calls, filters and tests in
// interp/jinja_eval_call.cpp.
#include "interp/jinja_eval.h"
#include "interp/jinja_ops.h"
#include "interp/number.h"

namespace sirocco::jinja {

namespace {

// Whether a folded literal holds a NaN (Python writes it as `nan`; infinities as `inf`).
bool has_nan(const Value& v) {
  if (v.is_float()) return v.as_float() != v.as_float();
  if (v.is_list()) {
    for (const Value& item : v.as_list())
      if (has_nan(item)) return true;
  }
  if (v.is_dict()) {
    for (const auto& [key, value] : v.as_dict())
      if (has_nan(key) || has_nan(value)) return true;
  }
  return false;
}

}  // namespace

Outcome<Value> Evaluator::evaluate(const Expr& expr, const Scope& scope) {
  return catching<Outcome<Value>>([&] { return eval(expr, scope); });
}

Outcome<Value> Evaluator::eval(const Expr& e, const Scope& scope) {
  if (e.nonfinite_constant) {
    return Error("NameError",
                 std::string("name '") + (has_nan(e.value) ? "nan" : "inf") + "' is not defined",
                 e.span);
  }
  switch (e.kind) {
    case ExprKind::Constant:
      return e.value;
    case ExprKind::Name:
      return lookup(e, scope);
    case ExprKind::List:
    case ExprKind::Tuple: {
      List items;
      items.reserve(e.operands.size());
      for (const ExprPtr& item : e.operands) {
        SIROCCO_ASSIGN_OR_RETURN(Value v, eval(*item, scope));
        items.push_back(std::move(v));
      }
      return e.kind == ExprKind::List ? Value::list(std::move(items))
                                      : Value::tuple(std::move(items));
    }
    case ExprKind::Dict: {
      Dict d;
      for (size_t i = 0; i + 1 < e.operands.size(); i += 2) {
        SIROCCO_ASSIGN_OR_RETURN(Value key, eval(*e.operands[i], scope));
        SIROCCO_RETURN_IF_ERROR(refuse_strict(key, e.operands[i]->span));
        SIROCCO_RETURN_IF_ERROR(require_hashable(key));
        SIROCCO_ASSIGN_OR_RETURN(Value value, eval(*e.operands[i + 1], scope));
        d.set(std::move(key), std::move(value));
      }
      return Value::dict(std::move(d));
    }
    case ExprKind::Attribute: {
      SIROCCO_ASSIGN_OR_RETURN(Value obj, eval(*e.operands[0], scope));
      const ErrorSpanScope error_span(e.span);
      return getattr(obj, e.name, e.maybe_method);
    }
    case ExprKind::Item: {
      SIROCCO_ASSIGN_OR_RETURN(Value obj, eval(*e.operands[0], scope));
      SIROCCO_ASSIGN_OR_RETURN(Value key, eval(*e.operands[1], scope));
      const ErrorSpanScope error_span(e.span);
      return getitem(obj, key);
    }
    case ExprKind::Slice: {
      Value parts[3];
      for (int i = 0; i < 3; ++i)
        if (e.operands[i]) {
          SIROCCO_ASSIGN_OR_RETURN(parts[i], eval(*e.operands[i], scope));
        }
      return make_slice(parts[0], parts[1], parts[2]);
    }
    case ExprKind::Call:
      return call_expr(e, scope);
    case ExprKind::Filter: {
      SIROCCO_ASSIGN_OR_RETURN(Value operand, eval(*e.operands[0], scope));
      return apply_filter(e, std::move(operand), scope);
    }
    case ExprKind::Test: {
      SIROCCO_ASSIGN_OR_RETURN(bool passed, apply_test(e, scope));
      return Value::boolean(passed);
    }
    case ExprKind::Negative:
    case ExprKind::Positive: {
      SIROCCO_ASSIGN_OR_RETURN(Value v, eval(*e.operands[0], scope));
      SIROCCO_RETURN_IF_ERROR(refuse_undefined(v, e.span));
      if (!v.is_number() && !v.is_bool()) {
        return Error("TypeError",
                     std::string("bad operand type for unary ") +
                         (e.kind == ExprKind::Negative ? "-" : "+") + ": '" + type_name(v) + "'",
                     e.span);
      }
      if (e.kind == ExprKind::Negative) return num_neg(v);
      return v.is_bool() ? Value::integer(v.as_bool() ? 1 : 0) : v;
    }
    case ExprKind::Not: {
      SIROCCO_ASSIGN_OR_RETURN(Value v, eval(*e.operands[0], scope));
      SIROCCO_ASSIGN_OR_RETURN(const bool true_, truth(v, e.operands[0]->span));
      return Value::boolean(!true_);
    }
    case ExprKind::Binary:
      return binary(e, scope);
    case ExprKind::Compare: {
      SIROCCO_ASSIGN_OR_RETURN(bool holds, compare(e, scope));
      return Value::boolean(holds);
    }
    case ExprKind::And:
    case ExprKind::Or: {
      SIROCCO_ASSIGN_OR_RETURN(Value left, eval(*e.operands[0], scope));
      SIROCCO_ASSIGN_OR_RETURN(const bool true_, truth(left, e.operands[0]->span));
      if (true_ == (e.kind == ExprKind::Or)) return left;
      return eval(*e.operands[1], scope);
    }
    case ExprKind::Conditional: {
      SIROCCO_ASSIGN_OR_RETURN(Value test, eval(*e.operands[1], scope));
      SIROCCO_ASSIGN_OR_RETURN(const bool true_, truth(test, e.operands[1]->span));
      if (true_) return eval(*e.operands[0], scope);
      if (e.operands[2]) return eval(*e.operands[2], scope);
      // Jinja2 3.1 makes a plain Undefined here, whatever the environment's kind.
      return make_undefined(
          "the inline if-expression on line 1 evaluated to false and no else section was defined.",
          false);
    }
  }
  return Value();
}

Value Evaluator::undefined(std::string hint) {
  return make_undefined(std::move(hint), config_.strict);
}

Outcome<bool> Evaluator::truth(const Value& v, Span span) const {
  if (const UndefinedObject* u = as_undefined(v)) {
    if (u->strict) return undefined_error(v, span);
    return false;
  }
  return truthy(v);
}

Outcome<std::string> Evaluator::text_of(const Value& v, Span span) const {
  const ErrorSpanScope error_span(span);
  return jinja_str(v);
}

}  // namespace sirocco::jinja
