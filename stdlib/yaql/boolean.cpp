// The YAQL boolean module (python-yaql's standard_library/boolean.py): `and` and `or` with
// Python's short-circuit semantics (the deciding operand is the result), `not`, bool() and
// isBoolean(), all on Python truthiness.
#include "stdlib/yaql/stdlib.h"
#include "stdlib/yaql/support.h"

namespace sirocco::yaql {
namespace {

// Evaluates the left operand and returns it when its truthiness is `decisive`; otherwise
// evaluates and returns the right one (`and` stops on false, `or` on true).
Value short_circuit(Call& c, bool decisive) {
  Value left = c.lambda(0)();
  return truthy(left) == decisive ? left : c.lambda(1)();
}

}  // namespace

void register_boolean(Registry& r) {
  r.add("#operator_and(left: lambda, right: lambda)",
        [](Call& c) { return short_circuit(c, false); });
  r.add("#operator_or(left: lambda, right: lambda)",
        [](Call& c) { return short_circuit(c, true); });
  r.add("#unary_operator_not(arg: any)", [](Call& c) { return Value::boolean(!truthy(c[0])); });
  r.add("bool(value: any)", [](Call& c) { return Value::boolean(truthy(c[0])); });
  r.add("isBoolean(value: any)", [](Call& c) { return Value::boolean(c[0].is_bool()); });
}

}  // namespace sirocco::yaql
