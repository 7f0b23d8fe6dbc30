// Jinja's 39 builtin tests (jinja2/tests.py TESTS of Jinja2 3.1), with Python's semantics:
// `x is odd` is `x % 2 == 1`, `x is sequence` asks for len() and [], comparison tests are the
// operators. An Undefined behaves as Jinja2's does: the lenient one only refuses arithmetic
// and ordering, the strict one refuses every use but `defined`/`undefined` and type checks.
#include "stdlib/jinja/tests.h"

#include "interp/jinja_ops.h"
#include "interp/number.h"
#include "interp/text.h"
#include "stdlib/jinja/pystr.h"

namespace sirocco::jinja {
namespace {

Value boolean(bool b) { return Value::boolean(b); }

// `value % divisor == remainder`. A str left of % is printf-style formatting in Python: the
// result is a str, never equal to a number; but a str without '%' raises TypeError ("not all
// arguments converted") unless the divisor is a list or dict (taken as a mapping) or ().
Outcome<Value> has_remainder(const Value& value, const Value& divisor, int remainder) {
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(value));
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(divisor));
  if (value.is_string()) {
    bool consumed = divisor.is_dict() || (divisor.is_list() && !divisor.is_tuple()) ||
                    (divisor.is_tuple() && divisor.as_list().empty());
    if (value.as_string().find('%') == std::string::npos && !consumed)
      return Error("TypeError", "not all arguments converted during string formatting");
    return boolean(false);
  }
  if (!(value.is_number() || value.is_bool()) || !(divisor.is_number() || divisor.is_bool()))
    return Error("TypeError", "unsupported operand type(s) for %: '" + type_name(value) +
                                  "' and '" + type_name(divisor) + "'");
  return boolean(equals(num_mod(value, divisor), Value::integer(remainder)));
}

Outcome<Value> case_test(const Value& v, bool lower) {
  SIROCCO_ASSIGN_OR_RETURN(const std::string s, jinja_str(v));
  return boolean(pystr::is_case_kind(s, lower ? "lower" : "upper"));
}

// len(value) and value.__getitem__ both exist.
bool is_sequence(const Value& v) {
  if (const UndefinedObject* u = as_undefined(v)) return !u->strict;
  return v.is_string() || v.is_list() || v.is_dict();
}

// iter(value) works.
Outcome<bool> is_iterable(const Value& v) {
  if (as_undefined(v)) {
    SIROCCO_RETURN_IF_ERROR(refuse_strict(v));
    return true;
  }
  return v.is_string() || v.is_list() || v.is_dict() || v.is_set() || v.is_sequence();
}

// Python's `value is other`. None and booleans are singletons and CPython caches the ints
// from -5 to 256; other values are the same object only when they share their heap object
// (the same variable twice), which two literals never do.
bool same_object(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::Null:
      return true;
    case Kind::Bool:
      return a.as_bool() == b.as_bool();
    case Kind::Int:
      if (a.is_small_int() && b.is_small_int())
        return a.as_small_int() == b.as_small_int() && a.as_small_int() >= -5 &&
               a.as_small_int() <= 256;
      return a.object() == b.object();
    case Kind::Float:
    case Kind::TimeSpan:
      return false;
    default:
      return a.object() == b.object();
  }
}

// `name in env.filters` (or tests): a name must be hashable; only a str can be there.
Outcome<Value> names_entry(const Value& name, Runtime& runtime, bool filter) {
  SIROCCO_RETURN_IF_ERROR(refuse_strict(name));
  if (as_undefined(name)) return boolean(false);
  SIROCCO_RETURN_IF_ERROR(require_hashable(name));
  if (!name.is_string()) return boolean(false);
  return boolean(filter ? runtime.has_filter(name.as_string())
                        : runtime.has_test(name.as_string()));
}

// A comparison test: the order of `a` against `b` (python_compare's result) makes it true.
template <class Holds>
Outcome<Value> ordered(const Value& a, const Value& b, const char* op, Holds holds) {
  SIROCCO_ASSIGN_OR_RETURN(const int order, python_compare(a, b, op));
  return boolean(holds(order));
}

Outcome<Value> equal(const Value& a, const Value& b, bool expected) {
  SIROCCO_ASSIGN_OR_RETURN(const bool same, python_equal(a, b));
  return boolean(same == expected);
}

void register_comparison(Registry& r, std::initializer_list<const char*> names,
                         Outcome<Value> (*compare_fn)(const Value&, const Value&)) {
  for (const char* name : names)
    r.add(std::string(name) + "(a: any, b: any)",
          [compare_fn](Call& c) { return compare_fn(c[0], c[1]); });
}

}  // namespace

void register_tests(Registry& r) {
  r.add("odd(value: any)", [](Call& c) { return has_remainder(c[0], Value::integer(2), 1); });
  r.add("even(value: any)", [](Call& c) { return has_remainder(c[0], Value::integer(2), 0); });
  r.add("divisibleby(value: any, num: any)", [](Call& c) { return has_remainder(c[0], c[1], 0); });
  r.add("defined(value: any)", [](Call& c) { return boolean(!as_undefined(c[0])); });
  r.add("undefined(value: any)", [](Call& c) { return boolean(as_undefined(c[0]) != nullptr); });
  r.add("filter(value: any)", [](Call& c) { return names_entry(c[0], c.runtime, true); });
  r.add("test(value: any)", [](Call& c) { return names_entry(c[0], c.runtime, false); });
  r.add("none(value: any)", [](Call& c) { return boolean(c[0].is_null()); });
  r.add("boolean(value: any)", [](Call& c) { return boolean(c[0].is_bool()); });
  r.add("false(value: any)", [](Call& c) { return boolean(c[0].is_bool() && !c[0].as_bool()); });
  r.add("true(value: any)", [](Call& c) { return boolean(c[0].is_bool() && c[0].as_bool()); });
  r.add("integer(value: any)", [](Call& c) { return boolean(c[0].is_int()); });
  r.add("float(value: any)", [](Call& c) { return boolean(c[0].is_float()); });
  r.add("lower(value: any)", [](Call& c) { return case_test(c[0], true); });
  r.add("upper(value: any)", [](Call& c) { return case_test(c[0], false); });
  r.add("string(value: any)", [](Call& c) { return boolean(c[0].is_string()); });
  r.add("mapping(value: any)", [](Call& c) { return boolean(c[0].is_dict()); });
  r.add("number(value: any)", [](Call& c) { return boolean(c[0].is_number() || c[0].is_bool()); });
  r.add("sequence(value: any)", [](Call& c) { return boolean(is_sequence(c[0])); });
  r.add("iterable(value: any)", [](Call& c) -> Outcome<Value> {
    SIROCCO_ASSIGN_OR_RETURN(const bool iterable, is_iterable(c[0]));
    return boolean(iterable);
  });
  r.add("callable(obj: any)",
        [](Call& c) { return boolean(c[0].is_function() || as_undefined(c[0]) != nullptr); });
  r.add("sameas(value: any, other: any)", [](Call& c) { return boolean(same_object(c[0], c[1])); });
  // Jinja's Markup is the one type with __html__, and Sirocco has no autoescaping.
  r.add("escaped(value: any)", [](Call&) { return boolean(false); });
  r.add("in(value: any, seq: any)", [](Call& c) -> Outcome<Value> {
    SIROCCO_ASSIGN_OR_RETURN(const bool in, contains(c[1], c[0]));
    return boolean(in);
  });
  register_comparison(r, {"==", "eq", "equalto"},
                      [](const Value& a, const Value& b) { return equal(a, b, true); });
  register_comparison(r, {"!=", "ne"},
                      [](const Value& a, const Value& b) { return equal(a, b, false); });
  register_comparison(r, {">", "gt", "greaterthan"}, [](const Value& a, const Value& b) {
    return ordered(a, b, ">", [](int order) { return order > 0; });
  });
  register_comparison(r, {">=", "ge"}, [](const Value& a, const Value& b) {
    return ordered(a, b, ">=", [](int order) { return order >= 0; });
  });
  register_comparison(r, {"<", "lt", "lessthan"}, [](const Value& a, const Value& b) {
    return ordered(a, b, "<", [](int order) { return order < 0; });
  });
  register_comparison(r, {"<=", "le"}, [](const Value& a, const Value& b) {
    return ordered(a, b, "<=", [](int order) { return order <= 0; });
  });
}

}  // namespace sirocco::jinja
