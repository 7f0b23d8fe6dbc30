// Tests of the YAQL boolean module through the Engine API, against python-yaql's answers.
#include <string>
#include <vector>

#include "tests/stdlib/yaql_cases.h"

namespace sirocco::yaql {
namespace {

TEST(YaqlBoolean, AndReturnsTheDecidingOperand) {
  expect_all({
      {"true and false", "null", "false"},
      {"false and true", "null", "false"},
      {"true and 12", "null", "12"},
      {"1 and 0", "null", "0"},
      {"1 and 2", "null", "2"},
      {"[] and 1", "null", "[]"},
      {"null and 1", "null", "null"},
      {"true and true and 3", "null", "3"},
  });
}

TEST(YaqlBoolean, OrReturnsTheDecidingOperand) {
  expect_all({
      {"1 or 0", "null", "1"},
      {"[] or 1", "null", "1"},
      {"0 or 'x'", "null", "\"x\""},
      {"'' or null", "null", "null"},
      {"[] or {}", "null", "{}"},
      {"true and false or false", "null", "false"},
      {"false or [1].where($ > 0)", "null", "[1]"},
  });
}

TEST(YaqlBoolean, RightSideIsEvaluatedOnlyWhenNeeded) {
  expect_all({
      {"0 and 1/0", "null", "0"},
      {"1 or 1/0", "null", "1"},
      {"1 and 1/0", "null", "!ZeroDivisionError"},
      {"null or 1/0", "null", "!ZeroDivisionError"},
  });
}

TEST(YaqlBoolean, NotAndBoolUsePythonTruthiness) {
  expect_all({
      {"not true", "null", "false"},
      {"not True", "null", "false"},
      {"not ''", "null", "true"},
      {"not 0.0", "null", "true"},
      {"not null", "null", "true"},
      {"not {}", "null", "true"},
      {"not [1]", "null", "false"},
      {"not (1 and 0)", "null", "true"},
      {"not [1, 2].where($ > 5)", "null", "false"},  // a generator is always true
      {"not 1/0", "null", "!ZeroDivisionError"},
      {"bool(1)", "null", "true"},
      {"bool('a')", "null", "true"},
      {"bool({a => 1})", "null", "true"},
      {"bool([])", "null", "false"},
      {"bool(null)", "null", "false"},
      {"bool(set())", "null", "false"},
      {"bool([].select($))", "null", "true"},
  });
}

TEST(YaqlBoolean, IsBoolean) {
  expect_all({
      {"isBoolean(false)", "null", "true"},
      {"isBoolean(0)", "null", "false"},
      {"isBoolean(null)", "null", "false"},
      {"isBoolean('true')", "null", "false"},
  });
}

}  // namespace
}  // namespace sirocco::yaql
