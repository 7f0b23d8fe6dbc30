// The table runner of the YAQL standard library tests: each case is an expression, its
// input data and the reference's answer (python-yaql under Mistral's settings).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "interp/error.h"
#include "interp/json.h"
#include "interp/yaql_engine.h"
#include "stdlib/yaql/stdlib.h"

namespace sirocco::yaql {

// `expected` is the JSON of the result, or "!" and the type of the error it throws.
struct Case {
  const char* expr;
  const char* data;
  const char* expected;
};

inline std::string outcome(Engine& engine, const std::string& expr, const char* data,
                           const Limits& limits = {}) {
  try {
    return to_json(engine.evaluate(expr, parse_json(data), limits));
  } catch (const Error& e) {
    return "!" + e.type();
  }
}

inline void expect_all(const std::vector<Case>& cases, const Limits& limits = {}) {
  Engine engine(make_standard_registry());
  for (const Case& c : cases) {
    const std::string expected =
        c.expected[0] == '!' ? c.expected : to_json(parse_json(c.expected));
    EXPECT_EQ(outcome(engine, c.expr, c.data, limits), expected) << c.expr;
  }
}

}  // namespace sirocco::yaql
