// Tests of the variables Mistral binds besides the data (as mistral 15's evaluators bind
// them: `_` for Jinja, then `__env`, `__execution`, `__task_execution` of a dict's keys).
#include "stdlib/mistral/context_variables.h"

#include <gtest/gtest.h>

#include <string>

#include "interp/json.h"

namespace sirocco::mistral {
namespace {

// "name=json name=json ..." of a list.
std::string described(const NamedValues& list) {
  std::string text;
  for (const auto& [name, value] : list)
    text += (text.empty() ? "" : " ") + name + "=" + to_json(value);
  return text;
}

TEST(ContextVariables, BindTheDataAndItsContextKeys) {
  const Value small = parse_json(R"({"a": 1, "__env": {"e": 2}, "__task_execution": 3})");
  EXPECT_EQ(described(ContextVariables(small, true).list()),
            "_=" + to_json(small) + R"( __env={"e":2} __execution=null __task_execution=3)");
  EXPECT_EQ(described(ContextVariables(small, false).list()),
            R"(__env={"e":2} __execution=null __task_execution=3)");
  const Value big = parse_json(
      R"({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "__execution": "x"})");
  EXPECT_EQ(described(ContextVariables(big, false).list()),
            R"(__env=null __execution="x" __task_execution=null)");
  EXPECT_EQ(described(ContextVariables(parse_json("[1]"), true).list()), "_=[1]");
  EXPECT_EQ(described(ContextVariables(parse_json("[1]"), false).list()), "");
  // A list used again starts afresh.
  EXPECT_EQ(described(ContextVariables(parse_json("{}"), false).list()),
            "__env=null __execution=null __task_execution=null");
}

TEST(ContextVariables, NestedEvaluationsGetListsOfTheirOwn) {
  const ContextVariables outer(parse_json(R"({"__env": 1})"), false);
  {
    const ContextVariables inner(parse_json(R"({"__env": 2})"), false);
    EXPECT_NE(&inner.list(), &outer.list());
    EXPECT_EQ(described(inner.list()), "__env=2 __execution=null __task_execution=null");
  }
  EXPECT_EQ(described(outer.list()), "__env=1 __execution=null __task_execution=null");
}

}  // namespace
}  // namespace sirocco::mistral
