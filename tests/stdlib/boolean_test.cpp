// Tests of the YAQL boolean module through the Engine API, against python-yaql's answers.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "interp/error.h"
#include "interp/json.h"
#include "interp/yaql_engine.h"
#include "stdlib/yaql/stdlib.h"

namespace sirocco::yaql {
namespace {

// `expected` is the JSON of the result, or "!" and the type of the error it throws.
struct Case {
  const char* expr;
  const char* expected;
};

std::string outcome(Engine& engine, const Case& c) {
  try {
    return to_json(engine.evaluate(c.expr, Value()));
  } catch (const Error& e) {
    return "!" + e.type();
  }
}

void expect_all(const std::vector<Case>& cases) {
  Engine engine(make_standard_registry());
  for (const Case& c : cases) EXPECT_EQ(outcome(engine, c), c.expected) << c.expr;
}

TEST(YaqlBoolean, AndReturnsTheDecidingOperand) {
  expect_all({
      {"true and false", "false"},
      {"false and true", "false"},
      {"true and 12", "12"},
      {"1 and 0", "0"},
      {"1 and 2", "2"},
      {"[] and 1", "[]"},
      {"null and 1", "null"},
      {"true and true and 3", "3"},
  });
}

TEST(YaqlBoolean, OrReturnsTheDecidingOperand) {
  expect_all({
      {"1 or 0", "1"},
      {"[] or 1", "1"},
      {"0 or 'x'", "\"x\""},
      {"'' or null", "null"},
      {"[] or {}", "{}"},
      {"true and false or false", "false"},
      {"false or [1].where($ > 0)", "[1]"},
  });
}

TEST(YaqlBoolean, RightSideIsEvaluatedOnlyWhenNeeded) {
  expect_all({
      {"0 and 1/0", "0"},
      {"1 or 1/0", "1"},
      {"1 and 1/0", "!ZeroDivisionError"},
      {"null or 1/0", "!ZeroDivisionError"},
  });
}

TEST(YaqlBoolean, NotAndBoolUsePythonTruthiness) {
  expect_all({
      {"not true", "false"},
      {"not True", "false"},
      {"not ''", "true"},
      {"not 0.0", "true"},
      {"not null", "true"},
      {"not {}", "true"},
      {"not [1]", "false"},
      {"not (1 and 0)", "true"},
      {"not [1, 2].where($ > 5)", "false"},  // a generator is always true
      {"not 1/0", "!ZeroDivisionError"},
      {"bool(1)", "true"},
      {"bool('a')", "true"},
      {"bool({a => 1})", "true"},
      {"bool([])", "false"},
      {"bool(null)", "false"},
      {"bool(set())", "false"},
      {"bool([].select($))", "true"},
  });
}

TEST(YaqlBoolean, IsBoolean) {
  expect_all({
      {"isBoolean(false)", "true"},
      {"isBoolean(0)", "false"},
      {"isBoolean(null)", "false"},
      {"isBoolean('true')", "false"},
  });
}

}  // namespace
}  // namespace sirocco::yaql
