// YAQL common functions: `=` and `!=` for any values, and ordering against null (null is
// smaller than everything else; the typed modules order non-null values).
#include "stdlib/yaql/stdlib.h"
#include "stdlib/yaql/support.h"

namespace sirocco::yaql {

namespace {

// Registers one ordering operator for the three null cases.
void null_ordering(Registry& r, const std::string& op, bool left_null_result,
                   bool right_null_result, bool both_null_result) {
  auto constant = [](bool b) { return [b](Call&) { return Value::boolean(b); }; };
  r.add("#operator_" + op + "(left: null, right: any!)", constant(left_null_result));
  r.add("#operator_" + op + "(left: any!, right: null)", constant(right_null_result));
  r.add("#operator_" + op + "(left: null, right: null)", constant(both_null_result));
}

}  // namespace

void register_common(Registry& r) {
  r.add_binary("*equal(left: any, right: any)",
               [](const Value& a, const Value& b) { return Value::boolean(equals(a, b)); });
  r.add_binary("*not_equal(left: any, right: any)",
               [](const Value& a, const Value& b) { return Value::boolean(!equals(a, b)); });
  null_ordering(r, "<", true, false, false);
  null_ordering(r, "<=", true, false, true);
  null_ordering(r, ">", false, true, false);
  null_ordering(r, ">=", false, true, true);
}

}  // namespace sirocco::yaql
