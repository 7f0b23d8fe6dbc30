// YAQL branching: switch, selectCase, selectAllCases, examine, switchCase, coalesce.
// Conditions are lambdas, evaluated only as far as needed.
#include "stdlib/yaql/stdlib.h"
#include "stdlib/yaql/support.h"

namespace sirocco::yaql {

namespace {

std::vector<Lambda> rest_lambdas(const Call& c) {
  std::vector<Lambda> out;
  for (size_t i = c.rest_begin(); i < c.size(); ++i) out.push_back(c.lambda(i));
  return out;
}

// A lazy sequence over the lambdas, yielding what step(index, lambda, out) produces.
Value lazy_over(std::vector<Lambda> lambdas,
                std::function<bool(size_t, const Lambda&, Value&)> step) {
  auto index = std::make_shared<size_t>(0);
  return lazy([lambdas = std::move(lambdas), index, step = std::move(step)](Value& out) {
    while (*index < lambdas.size()) {
      size_t i = (*index)++;
      if (step(i, lambdas[i], out)) return true;
    }
    return false;
  });
}

}  // namespace

void register_branching(Registry& r) {
  r.add("switch(*args: mapping_rule)", [](Call& c) {
    for (size_t i = c.rest_begin(); i < c.size(); ++i) {
      auto [condition, result] = c.rule(i);
      if (truthy(condition())) return result();
    }
    return Value();
  });

  r.add("selectCase(*args: lambda)", [](Call& c) {
    std::vector<Lambda> cases = rest_lambdas(c);
    size_t i = 0;
    while (i < cases.size() && !truthy(cases[i]())) ++i;
    return Value::integer(static_cast<int64_t>(i));
  });

  r.add("selectAllCases(*args: lambda)", [](Call& c) {
    return lazy_over(rest_lambdas(c), [](size_t i, const Lambda& f, Value& out) {
      if (!truthy(f())) return false;
      out = Value::integer(static_cast<int64_t>(i));
      return true;
    });
  });

  r.add("examine(*args: lambda)", [](Call& c) {
    return lazy_over(rest_lambdas(c), [](size_t, const Lambda& f, Value& out) {
      out = Value::boolean(truthy(f()));
      return true;
    });
  });

  r.add("method switchCase(case: int, *args: lambda)", [](Call& c) {
    std::vector<Lambda> cases = rest_lambdas(c);
    if (cases.empty()) return Value();
    int64_t k = to_int64(c[0]);
    if (k >= 0 && static_cast<uint64_t>(k) < cases.size()) return cases[k]();
    return cases.back()();
  });

  r.add("coalesce(*args: lambda)", [](Call& c) {
    for (const Lambda& f : rest_lambdas(c)) {
      Value v = f();
      if (!v.is_null()) return v;
    }
    return Value();
  });
}

}  // namespace sirocco::yaql
