// Jinja's binary operators and comparisons on Python values: arithmetic through the
// number code, repetition and concatenation of sequences, `~`, chained comparisons, `in`.
#include "interp/jinja_eval.h"
#include "interp/jinja_ops.h"
#include "interp/number.h"

namespace sirocco::jinja {

namespace {

// str, list and tuple repetition: `'ab' * 3`, `[0] * 2`.
Value repeat(const Value& seq, const Value& count, const Limits& limits, Span span) {
  int64_t n = count.is_bool() ? count.as_bool() : count.is_small_int() ? count.as_small_int() : 0;
  if (count.is_big_int() && count.big_int() > 0)
    throw Error("OverflowError", "cannot fit 'int' into an index-sized integer", span);
  if (n <= 0)
    return seq.is_string()  ? Value::string("")
           : seq.is_tuple() ? Value::tuple({})
                            : Value::list({});
  const size_t unit = seq.is_string() ? seq.as_string().size() : seq.as_list().size();
  constexpr size_t kMaxRepeat = 100'000'000;  // bytes or items, as the library's results
  if (unit != 0 && static_cast<size_t>(n) > kMaxRepeat / unit)
    throw Error("MemoryQuotaExceededException", "Expression consumed too much memory", span);
  if (seq.is_string()) {
    std::string out;
    out.reserve(unit * n);
    for (int64_t i = 0; i < n; ++i) out += seq.as_string();
    return Value::string(std::move(out));
  }
  List out;
  out.reserve(unit * n);
  for (int64_t i = 0; i < n; ++i) out.insert(out.end(), seq.as_list().begin(), seq.as_list().end());
  return seq.is_tuple() ? Value::tuple(std::move(out)) : Value::list(std::move(out));
}

bool is_int_like(const Value& v) { return v.is_int() || v.is_bool(); }

Error unsupported(const char* op, const Value& a, const Value& b, Span span) {
  return Error("TypeError",
               std::string("unsupported operand type(s) for ") + op + ": '" + type_name(a) +
                   "' and '" + type_name(b) + "'",
               span);
}

// One link of a comparison chain, `left OP right`.
Outcome<bool> comparison_holds(CompareOp op, const Value& left, const Value& right) {
  switch (op) {
    case CompareOp::Equal:
      return python_equal(left, right);
    case CompareOp::NotEqual: {
      SIROCCO_ASSIGN_OR_RETURN(const bool equal, python_equal(left, right));
      return !equal;
    }
    case CompareOp::Less: {
      SIROCCO_ASSIGN_OR_RETURN(const int order, python_compare(left, right, "<"));
      return order < 0;
    }
    case CompareOp::LessEqual: {
      SIROCCO_ASSIGN_OR_RETURN(const int order, python_compare(left, right, "<="));
      return order <= 0;
    }
    case CompareOp::Greater: {
      SIROCCO_ASSIGN_OR_RETURN(const int order, python_compare(left, right, ">"));
      return order > 0;
    }
    case CompareOp::GreaterEqual: {
      SIROCCO_ASSIGN_OR_RETURN(const int order, python_compare(left, right, ">="));
      return order >= 0;
    }
    case CompareOp::In:
      return contains(right, left);
    case CompareOp::NotIn: {
      SIROCCO_ASSIGN_OR_RETURN(const bool in, contains(right, left));
      return !in;
    }
  }
  return false;
}

}  // namespace

Outcome<Value> Evaluator::binary(const Expr& e, const Scope& scope) {
  SIROCCO_ASSIGN_OR_RETURN(Value a, eval(*e.operands[0], scope));
  SIROCCO_ASSIGN_OR_RETURN(Value b, eval(*e.operands[1], scope));
  // A zero divisor, a result past the limits... throw.
  return catching<Outcome<Value>>([&] { return operate(e, a, b); });
}

Outcome<Value> Evaluator::operate(const Expr& e, const Value& a, const Value& b) {
  if (e.op == BinaryOp::Concat) {
    SIROCCO_ASSIGN_OR_RETURN(std::string text, text_of(a, e.span));
    SIROCCO_ASSIGN_OR_RETURN(const std::string right, text_of(b, e.span));
    return Value::string(std::move(text) + right);
  }
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(a, e.operands[0]->span));
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(b, e.operands[1]->span));
  const bool numbers = (a.is_number() || a.is_bool()) && (b.is_number() || b.is_bool());
  const ErrorSpanScope error_span(e.span);
  switch (e.op) {
    case BinaryOp::Add:
      if (numbers) return num_add(a, b);
      if (a.is_string() && b.is_string()) return Value::string(a.as_string() + b.as_string());
      if (a.is_list() && b.is_list() && a.is_tuple() == b.is_tuple()) {
        List out = a.as_list();
        out.insert(out.end(), b.as_list().begin(), b.as_list().end());
        return a.is_tuple() ? Value::tuple(std::move(out)) : Value::list(std::move(out));
      }
      if (a.is_string())
        return Error("TypeError", "can only concatenate str (not \"" + type_name(b) + "\") to str",
                     e.span);
      if (a.is_list())
        return Error("TypeError",
                     "can only concatenate " + type_name(a) + " (not \"" + type_name(b) +
                         "\") to " + type_name(a),
                     e.span);
      return unsupported("+", a, b, e.span);
    case BinaryOp::Subtract:
      if (numbers) return num_sub(a, b);
      return unsupported("-", a, b, e.span);
    case BinaryOp::Multiply:
      if (numbers) return num_mul(a, b);
      if ((a.is_string() || a.is_list()) && is_int_like(b)) return repeat(a, b, limits_, e.span);
      if ((b.is_string() || b.is_list()) && is_int_like(a)) return repeat(b, a, limits_, e.span);
      if ((a.is_string() || a.is_list()) && (b.is_string() || b.is_list() || b.is_float()))
        return Error("TypeError",
                     "can't multiply sequence by non-int of type '" + type_name(b) + "'", e.span);
      return unsupported("*", a, b, e.span);
    case BinaryOp::Divide:
      if (numbers) return num_truediv(a, b);
      return unsupported("/", a, b, e.span);
    case BinaryOp::FloorDivide:
      if (numbers) return num_floordiv(a, b);
      return unsupported("//", a, b, e.span);
    case BinaryOp::Modulo:
      if (numbers) return num_mod(a, b);
      if (a.is_string()) return printf_format(a, b, e.span);
      return unsupported("%", a, b, e.span);
    case BinaryOp::Power:
      if (numbers) return num_pow(a, b);
      return unsupported("** or pow()", a, b, e.span);
    case BinaryOp::Concat:
      break;
  }
  return Value();
}

// Python's `str % x`, through the `format` filter: a tuple gives the arguments, a mapping
// with string keys the values of `%(name)s` fields, anything else is the one argument.
Outcome<Value> Evaluator::printf_format(const Value& format, const Value& operand, Span span) {
  std::vector<Value> args{format};
  Kwargs kwargs;
  bool named = operand.is_dict() && format.as_string().find("%(") != std::string::npos;
  if (named) {
    for (const auto& [key, value] : operand.as_dict()) {
      if (!key.is_string()) named = false;
      if (named) kwargs.emplace_back(key.as_string(), value);
    }
  }
  if (operand.is_tuple())
    args.insert(args.end(), operand.as_list().begin(), operand.as_list().end());
  else if (!named)
    args.push_back(operand);
  return call_filter("format", std::move(args), named ? std::move(kwargs) : Kwargs{}, span);
}

Outcome<bool> Evaluator::compare(const Expr& e, const Scope& scope) {
  SIROCCO_ASSIGN_OR_RETURN(Value left, eval(*e.operands[0], scope));
  for (size_t i = 0; i < e.comparisons.size(); ++i) {
    SIROCCO_ASSIGN_OR_RETURN(Value right, eval(*e.operands[i + 1], scope));
    if (config_.strict) {
      SIROCCO_RETURN_IF_ERROR(refuse_strict(left, e.operands[i]->span));
      SIROCCO_RETURN_IF_ERROR(refuse_strict(right, e.operands[i + 1]->span));
    }
    const ErrorSpanScope error_span(e.span);
    SIROCCO_ASSIGN_OR_RETURN(const bool holds, comparison_holds(e.comparisons[i], left, right));
    if (!holds) return false;
    left = std::move(right);
  }
  return true;
}

}  // namespace sirocco::jinja
