// Jinja expressions: names, literals, operators, comparisons, conditionals, calls, filters
// and tests, with Jinja2's handling of Undefined (strict or lenient) at each step.
#include "interp/jinja_eval.h"
#include "interp/jinja_ops.h"
#include "interp/number.h"
#include "interp/text.h"

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

bool is_int_like(const Value& v) { return v.is_int() || v.is_bool(); }

[[noreturn]] void unsupported(const char* op, const Value& a, const Value& b, Span span) {
  throw Error("TypeError",
              std::string("unsupported operand type(s) for ") + op + ": '" + type_name(a) +
                  "' and '" + type_name(b) + "'",
              span);
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
      try {
        return getattr(obj, e.name);
      } catch (Error& err) {
        err.attach_span(e.span);
        throw;
      }
    }
    case ExprKind::Item: {
      Value obj = eval(*e.operands[0], scope);
      Value key = eval(*e.operands[1], scope);
      try {
        return getitem(obj, key);
      } catch (Error& err) {
        err.attach_span(e.span);
        throw;
      }
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

Value Evaluator::lookup(const Expr& e, const Scope& scope) {
  if (const Value* found = scope.find(e.name)) return *found;
  for (const Registry* globals : {config_.extra_globals, &library_.globals}) {
    if (!globals) continue;
    if (const auto* defs = globals->find(e.name); defs && !defs->empty()) {
      FunctionDefPtr def = defs->front();
      return make_callable(
          "<function " + e.name + ">",
          [def](Runtime& runtime, std::vector<Value> args, Kwargs kwargs, Span span) {
            Call call = bind_arguments(runtime, *def, std::move(args), std::move(kwargs), span);
            return def->impl(call);
          });
    }
  }
  return undefined("'" + e.name + "' is undefined");
}

Value Evaluator::binary(const Expr& e, const Scope& scope) {
  Value a = eval(*e.operands[0], scope);
  Value b = eval(*e.operands[1], scope);
  if (e.op == BinaryOp::Concat) return Value::string(text_of(a, e.span) + text_of(b, e.span));
  refuse_undefined(a, e.operands[0]->span);
  refuse_undefined(b, e.operands[1]->span);
  const bool numbers = (a.is_number() || a.is_bool()) && (b.is_number() || b.is_bool());
  try {
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
          throw Error("TypeError", "can only concatenate str (not \"" + type_name(b) + "\") to str",
                      e.span);
        if (a.is_list())
          throw Error("TypeError",
                      "can only concatenate " + type_name(a) + " (not \"" + type_name(b) +
                          "\") to " + type_name(a),
                      e.span);
        unsupported("+", a, b, e.span);
      case BinaryOp::Subtract:
        if (numbers) return num_sub(a, b);
        unsupported("-", a, b, e.span);
      case BinaryOp::Multiply:
        if (numbers) return num_mul(a, b);
        if ((a.is_string() || a.is_list()) && is_int_like(b)) return repeat(a, b, limits_, e.span);
        if ((b.is_string() || b.is_list()) && is_int_like(a)) return repeat(b, a, limits_, e.span);
        if ((a.is_string() || a.is_list()) && (b.is_string() || b.is_list() || b.is_float()))
          throw Error("TypeError",
                      "can't multiply sequence by non-int of type '" + type_name(b) + "'", e.span);
        unsupported("*", a, b, e.span);
      case BinaryOp::Divide:
        if (numbers) return num_truediv(a, b);
        unsupported("/", a, b, e.span);
      case BinaryOp::FloorDivide:
        if (numbers) return num_floordiv(a, b);
        unsupported("//", a, b, e.span);
      case BinaryOp::Modulo:
        if (numbers) return num_mod(a, b);
        if (a.is_string()) {  // printf-style formatting, as the `format` filter does it
          std::vector<Value> args{a};
          if (b.is_tuple())
            args.insert(args.end(), b.as_list().begin(), b.as_list().end());
          else
            args.push_back(b);
          return call_filter("format", std::move(args), {}, e.span);
        }
        unsupported("%", a, b, e.span);
      case BinaryOp::Power:
        if (numbers) return num_pow(a, b);
        unsupported("** or pow()", a, b, e.span);
      case BinaryOp::Concat:
        break;
    }
  } catch (Error& err) {
    err.attach_span(e.span);
    throw;
  }
  return Value();
}

bool Evaluator::compare(const Expr& e, const Scope& scope) {
  Value left = eval(*e.operands[0], scope);
  for (size_t i = 0; i < e.comparisons.size(); ++i) {
    Value right = eval(*e.operands[i + 1], scope);
    const Span span = e.span;
    if (config_.strict) {
      refuse_strict(left, e.operands[i]->span);
      refuse_strict(right, e.operands[i + 1]->span);
    }
    bool result = false;
    try {
      switch (e.comparisons[i]) {
        case CompareOp::Equal:
          result = python_equal(left, right);
          break;
        case CompareOp::NotEqual:
          result = !python_equal(left, right);
          break;
        case CompareOp::Less:
          result = python_compare(left, right, "<") < 0;
          break;
        case CompareOp::LessEqual:
          result = python_compare(left, right, "<=") <= 0;
          break;
        case CompareOp::Greater:
          result = python_compare(left, right, ">") > 0;
          break;
        case CompareOp::GreaterEqual:
          result = python_compare(left, right, ">=") >= 0;
          break;
        case CompareOp::In:
          result = contains(right, left);
          break;
        case CompareOp::NotIn:
          result = !contains(right, left);
          break;
      }
    } catch (Error& err) {
      err.attach_span(span);
      throw;
    }
    if (!result) return false;
    left = std::move(right);
  }
  return true;
}

void Evaluator::arguments(const std::vector<Argument>& args, const Scope& scope,
                          std::vector<Value>& positional, Kwargs& keywords) {
  for (const Argument& arg : args) {
    Value v = eval(*arg.value, scope);
    switch (arg.kind) {
      case Argument::Kind::Positional:
        positional.push_back(std::move(v));
        break;
      case Argument::Kind::Keyword:
        keywords.emplace_back(arg.name, std::move(v));
        break;
      case Argument::Kind::Star:
        for (Value& item : iterate(v, arg.value->span)) positional.push_back(std::move(item));
        break;
      case Argument::Kind::StarStar:
        refuse_undefined(v, arg.value->span);
        if (!v.is_dict())
          throw Error("TypeError", "argument after ** must be a mapping, not " + type_name(v),
                      arg.value->span);
        for (const auto& [key, value] : v.as_dict()) {
          if (!key.is_string())
            throw Error("TypeError", "keywords must be strings", arg.value->span);
          keywords.emplace_back(key.as_string(), value);
        }
        break;
    }
  }
}

Value Evaluator::call_expr(const Expr& e, const Scope& scope) {
  Value callee = eval(*e.operands[0], scope);
  std::vector<Value> positional;
  Kwargs keywords;
  arguments(e.args, scope, positional, keywords);
  try {
    return call(callee, std::move(positional), std::move(keywords), e.span);
  } catch (Error& err) {
    err.attach_span(e.span);
    throw;
  }
}

Value Evaluator::invoke(const FunctionDef& def, std::vector<Value> positional, Kwargs keywords,
                        Span span) {
  tick(span);
  Call call = bind_arguments(*this, def, std::move(positional), std::move(keywords), span);
  return def.impl(call);
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

Value Evaluator::apply_filter(const Expr& e, Value operand, const Scope& scope) {
  std::vector<Value> positional{std::move(operand)};
  Kwargs keywords;
  arguments(e.args, scope, positional, keywords);
  try {
    return call_filter(e.name, std::move(positional), std::move(keywords), e.span);
  } catch (Error& err) {
    err.attach_span(e.span);
    throw;
  }
}

bool Evaluator::apply_test(const Expr& e, const Scope& scope) {
  std::vector<Value> positional{eval(*e.operands[0], scope)};
  Kwargs keywords;
  arguments(e.args, scope, positional, keywords);
  try {
    return call_test(e.name, std::move(positional), std::move(keywords), e.span) != e.negated;
  } catch (Error& err) {
    err.attach_span(e.span);
    throw;
  }
}

Value Evaluator::call_filter(std::string_view name, std::vector<Value> args, Kwargs kwargs,
                             Span span) {
  const FunctionDef* def = filter_def(name);
  if (!def)
    throw Error("TemplateRuntimeError", "No filter named '" + std::string(name) + "'.", span);
  return invoke(*def, std::move(args), std::move(kwargs), span);
}

bool Evaluator::call_test(std::string_view name, std::vector<Value> args, Kwargs kwargs,
                          Span span) {
  const FunctionDef* def = test_def(name);
  if (!def) throw Error("TemplateRuntimeError", "No test named '" + std::string(name) + "'.", span);
  return truthy(invoke(*def, std::move(args), std::move(kwargs), span));
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
  try {
    return jinja_str(v);
  } catch (Error& err) {
    err.attach_span(span);
    throw;
  }
}

}  // namespace sirocco::jinja
