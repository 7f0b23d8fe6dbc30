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

Value Evaluator::evaluate(const Expr& expr, const Scope& scope) { return eval(expr, scope); }

Value Evaluator::eval(const Expr& e, const Scope& scope) {
  if (e.nonfinite_constant) {
    throw Error("NameError",
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
      for (const ExprPtr& item : e.operands) items.push_back(eval(*item, scope));
      return e.kind == ExprKind::List ? Value::list(std::move(items))
                                      : Value::tuple(std::move(items));
    }
    case ExprKind::Dict: {
      Dict d;
      for (size_t i = 0; i + 1 < e.operands.size(); i += 2) {
        Value key = eval(*e.operands[i], scope);
        refuse_strict(key, e.operands[i]->span);
        require_hashable(key);
        d.set(std::move(key), eval(*e.operands[i + 1], scope));
      }
      return Value::dict(std::move(d));
    }
    case ExprKind::Attribute: {
      Value obj = eval(*e.operands[0], scope);
      const ErrorSpanScope error_span(e.span);
      return getattr(obj, e.name, e.maybe_method);
    }
    case ExprKind::Item: {
      Value obj = eval(*e.operands[0], scope);
      Value key = eval(*e.operands[1], scope);
      const ErrorSpanScope error_span(e.span);
      return getitem(obj, key);
    }
    case ExprKind::Slice: {
      Value parts[3];
      for (int i = 0; i < 3; ++i)
        if (e.operands[i]) parts[i] = eval(*e.operands[i], scope);
      return make_slice(parts[0], parts[1], parts[2]);
    }
    case ExprKind::Call:
      return call_expr(e, scope);
    case ExprKind::Filter:
      return apply_filter(e, eval(*e.operands[0], scope), scope);
    case ExprKind::Test:
      return Value::boolean(apply_test(e, scope));
    case ExprKind::Negative:
    case ExprKind::Positive: {
      Value v = eval(*e.operands[0], scope);
      refuse_undefined(v, e.span);
      if (!v.is_number() && !v.is_bool()) {
        throw Error("TypeError",
                    std::string("bad operand type for unary ") +
                        (e.kind == ExprKind::Negative ? "-" : "+") + ": '" + type_name(v) + "'",
                    e.span);
      }
      if (e.kind == ExprKind::Negative) return num_neg(v);
      return v.is_bool() ? Value::integer(v.as_bool() ? 1 : 0) : v;
    }
    case ExprKind::Not:
      return Value::boolean(!truth(eval(*e.operands[0], scope), e.operands[0]->span));
    case ExprKind::Binary:
      return binary(e, scope);
    case ExprKind::Compare:
      return Value::boolean(compare(e, scope));
    case ExprKind::And: {
      Value left = eval(*e.operands[0], scope);
      if (!truth(left, e.operands[0]->span)) return left;
      return eval(*e.operands[1], scope);
    }
    case ExprKind::Or: {
      Value left = eval(*e.operands[0], scope);
      if (truth(left, e.operands[0]->span)) return left;
      return eval(*e.operands[1], scope);
    }
    case ExprKind::Conditional: {
      if (truth(eval(*e.operands[1], scope), e.operands[1]->span))
        return eval(*e.operands[0], scope);
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

bool Evaluator::truth(const Value& v, Span span) const {
  if (const UndefinedObject* u = as_undefined(v)) {
    if (u->strict) raise_undefined(v, span);
    return false;
  }
  return truthy(v);
}

std::string Evaluator::text_of(const Value& v, Span span) const {
  const ErrorSpanScope error_span(span);
  return jinja_str(v);
}

}  // namespace sirocco::jinja
