// The 39 builtin tests: each row's answer is what Jinja2 3.1.2's own test function gives for
// the same arguments (rows printed by scripts/jinja_library_cases.py tests), plus how
// they treat a lenient and a strict Undefined (checked by rendering templates).
#include <gtest/gtest.h>

#include "tests/stdlib/jinja/fake_runtime.h"

namespace sirocco::jinja {
namespace {

std::string run_test(FakeRuntime& rt, const char* name, std::vector<Value> args) {
  return outcome([&] { return Value::boolean(call_test(rt, name, std::move(args))); });
}

TEST(JinjaTests, AnswerLikeJinja2) {
  const LibraryCase cases[] = {
      {"odd", "[3]", "", "True"},
      {"odd", "[4]", "", "False"},
      {"odd", "[3.0]", "", "True"},
      {"odd", "[-3]", "", "True"},
      {"odd", "[true]", "", "True"},
      {"odd", "[null]", "", "!TypeError"},
      {"odd", "[\"abc\"]", "", "!TypeError"},
      {"odd", "[\"%s\"]", "", "False"},
      {"odd", "[[1]]", "", "!TypeError"},
      {"odd", "[100000000000000000000001]", "", "True"},
      {"even", "[4]", "", "True"},
      {"even", "[0]", "", "True"},
      {"even", "[2.5]", "", "False"},
      {"even", "[false]", "", "True"},
      {"even", "[\"x\"]", "", "!TypeError"},
      {"divisibleby", "[9, 3]", "", "True"},
      {"divisibleby", "[10, 3]", "", "False"},
      {"divisibleby", "[2.5, 0.5]", "", "True"},
      {"divisibleby", "[4, 0]", "", "!ZeroDivisionError"},
      {"divisibleby", "[4, 0.0]", "", "!ZeroDivisionError"},
      {"divisibleby", "[\"abc\", 3]", "", "!TypeError"},
      {"divisibleby", "[4, null]", "", "!TypeError"},
      {"divisibleby", "[\"a\", []]", "", "False"},
      {"divisibleby", "[\"a\", {}]", "", "False"},
      {"divisibleby", "[\"a\", \"b\"]", "", "!TypeError"},
      {"defined", "[1]", "", "True"},
      {"defined", "[null]", "", "True"},
      {"undefined", "[null]", "", "False"},
      {"undefined", "[0]", "", "False"},
      {"filter", "[\"nosuch\"]", "", "False"},
      {"filter", "[1]", "", "False"},
      {"filter", "[[1]]", "", "!TypeError"},
      {"filter", "[{\"a\": 1}]", "", "!TypeError"},
      {"test", "[\"odd\"]", "", "True"},
      {"test", "[\"==\"]", "", "True"},
      {"test", "[\"upper\"]", "", "True"},
      {"test", "[null]", "", "False"},
      {"none", "[null]", "", "True"},
      {"none", "[0]", "", "False"},
      {"none", "[\"\"]", "", "False"},
      {"boolean", "[true]", "", "True"},
      {"boolean", "[false]", "", "True"},
      {"boolean", "[1]", "", "False"},
      {"boolean", "[null]", "", "False"},
      {"false", "[false]", "", "True"},
      {"false", "[0]", "", "False"},
      {"false", "[true]", "", "False"},
      {"true", "[true]", "", "True"},
      {"true", "[1]", "", "False"},
      {"true", "[false]", "", "False"},
      {"integer", "[1]", "", "True"},
      {"integer", "[true]", "", "False"},
      {"integer", "[1.0]", "", "False"},
      {"integer", "[100000000000000000000001]", "", "True"},
      {"integer", "[\"1\"]", "", "False"},
      {"float", "[1.0]", "", "True"},
      {"float", "[1]", "", "False"},
      {"float", "[NaN]", "", "True"},
      {"float", "[\"1.0\"]", "", "False"},
      {"lower", "[\"abc\"]", "", "True"},
      {"lower", "[\"aBc\"]", "", "False"},
      {"lower", "[\"abc1 !\"]", "", "True"},
      {"lower", "[\"123\"]", "", "False"},
      {"lower", "[\"\"]", "", "False"},
      {"lower", "[\"ß\"]", "", "True"},
      {"lower", "[\"ǅ\"]", "", "False"},
      {"lower", "[1]", "", "False"},
      {"lower", "[null]", "", "False"},
      {"lower", "[[\"a\"]]", "", "True"},
      {"upper", "[\"ABC\"]", "", "True"},
      {"upper", "[\"ABC1\"]", "", "True"},
      {"upper", "[\"AbC\"]", "", "False"},
      {"upper", "[\"ǅ\"]", "", "False"},
      {"upper", "[true]", "", "False"},
      {"upper", "[\"ÀÉ\"]", "", "True"},
      {"upper", "[{\"A\": 1}]", "", "True"},
      {"string", "[\"a\"]", "", "True"},
      {"string", "[1]", "", "False"},
      {"string", "[null]", "", "False"},
      {"string", "[[\"a\"]]", "", "False"},
      {"mapping", "[{}]", "", "True"},
      {"mapping", "[[]]", "", "False"},
      {"mapping", "[\"a\"]", "", "False"},
      {"number", "[1]", "", "True"},
      {"number", "[1.5]", "", "True"},
      {"number", "[true]", "", "True"},
      {"number", "[\"1\"]", "", "False"},
      {"number", "[null]", "", "False"},
      {"number", "[100000000000000000000001]", "", "True"},
      {"sequence", "[[1]]", "", "True"},
      {"sequence", "[\"abc\"]", "", "True"},
      {"sequence", "[{\"a\": 1}]", "", "True"},
      {"sequence", "[1]", "", "False"},
      {"sequence", "[null]", "", "False"},
      {"iterable", "[[1]]", "", "True"},
      {"iterable", "[\"abc\"]", "", "True"},
      {"iterable", "[{}]", "", "True"},
      {"iterable", "[1]", "", "False"},
      {"iterable", "[null]", "", "False"},
      {"iterable", "[true]", "", "False"},
      {"callable", "[1]", "", "False"},
      {"callable", "[\"upper\"]", "", "False"},
      {"callable", "[{}]", "", "False"},
      {"callable", "[null]", "", "False"},
      {"sameas", "[null, null]", "", "True"},
      {"sameas", "[true, true]", "", "True"},
      {"sameas", "[1, true]", "", "False"},
      {"sameas", "[1, 1]", "", "True"},
      {"sameas", "[0, false]", "", "False"},
      {"sameas", "[1.5, 1.5]", "", "False"},
      {"sameas", "[[], []]", "", "False"},
      {"sameas", "[256, 256]", "", "True"},
      {"escaped", "[\"<a>\"]", "", "False"},
      {"escaped", "[1]", "", "False"},
      {"in", "[\"a\", \"cat\"]", "", "True"},
      {"in", "[\"x\", \"cat\"]", "", "False"},
      {"in", "[\"\", \"\"]", "", "True"},
      {"in", "[1, \"cat\"]", "", "!TypeError"},
      {"in", "[1, [1, 2]]", "", "True"},
      {"in", "[1.0, [1, 2]]", "", "True"},
      {"in", "[\"a\", {\"a\": 1}]", "", "True"},
      {"in", "[1, 3]", "", "!TypeError"},
      {"in", "[[1], {\"a\": 1}]", "", "!TypeError"},
      {"in", "[[1], [[1]]]", "", "True"},
      {"in", "[true, [1]]", "", "True"},
      {"in", "[null, null]", "", "!TypeError"},
      {"==", "[1, 1.0]", "", "True"},
      {"==", "[1, true]", "", "True"},
      {"eq", "[\"a\", \"a\"]", "", "True"},
      {"equalto", "[[1, 2], [1, 2.0]]", "", "True"},
      {"eq", "[{\"a\": 1}, {\"a\": 1.0}]", "", "True"},
      {"eq", "[1, \"1\"]", "", "False"},
      {"!=", "[1, 2]", "", "True"},
      {"ne", "[null, null]", "", "False"},
      {"ne", "[0, false]", "", "False"},
      {">", "[2, 1]", "", "True"},
      {"gt", "[1, 2]", "", "False"},
      {"greaterthan", "[2.5, 2]", "", "True"},
      {"gt", "[\"b\", \"a\"]", "", "True"},
      {"gt", "[\"a\", 1]", "", "!TypeError"},
      {"gt", "[null, 1]", "", "!TypeError"},
      {"ge", "[2, 2.0]", "", "True"},
      {">=", "[[1, 2], [1]]", "", "True"},
      {"ge", "[[1], [1, 2]]", "", "False"},
      {"<", "[1, 2]", "", "True"},
      {"lt", "[true, 2]", "", "True"},
      {"lessthan", "[\"a\", \"b\"]", "", "True"},
      {"lt", "[[1], [\"a\"]]", "", "!TypeError"},
      {"lt", "[NaN, 1]", "", "False"},
      {"<=", "[1, 1]", "", "True"},
      {"le", "[2, 1]", "", "False"},
      {"le", "[{}, {}]", "", "!TypeError"},
      {"gt", "[NaN, 1]", "", "False"},
      {"odd", "[]", "", "!TypeError"},
      {"odd", "[1, 2]", "", "!TypeError"},
      {"divisibleby", "[1]", "", "!TypeError"},
      {"sameas", "[1]", "", "!TypeError"},
  };
  FakeRuntime rt;
  rt.sandbox = true;
  for (const LibraryCase& c : cases)
    EXPECT_EQ(run_test(rt, c.name, json_args(c.args)), c.expected) << c.name << " " << c.args;
}

TEST(JinjaTests, AllThirtyNineAreDeclared) {
  const char* names[] = {
      "odd",    "even",     "divisibleby", "defined",     "undefined", "filter",   "test",
      "none",   "boolean",  "false",       "true",        "integer",   "float",    "lower",
      "upper",  "string",   "mapping",     "number",      "sequence",  "iterable", "callable",
      "sameas", "escaped",  "in",          "==",          "eq",        "equalto",  "!=",
      "ne",     ">",        "gt",          "greaterthan", "ge",        ">=",       "<",
      "lt",     "lessthan", "<=",          "le"};
  EXPECT_EQ(builtin_library().tests.names().size(), std::size(names));
  for (const char* name : names) EXPECT_NE(builtin_library().tests.find(name), nullptr) << name;
}

TEST(JinjaTests, TuplesAndObjects) {
  FakeRuntime rt;
  Value pair = Value::tuple({Value::integer(1), Value::integer(2)});
  EXPECT_EQ(run_test(rt, "sequence", {pair}), "True");
  EXPECT_EQ(run_test(rt, "eq", {pair, json_args("[[1, 2]]")[0]}), "False");
  EXPECT_EQ(run_test(rt, "in", {Value::integer(2), pair}), "True");
  EXPECT_EQ(run_test(rt, "filter", {pair}), "False");
  EXPECT_EQ(run_test(rt, "sameas", {pair, pair}), "True");
  Value ns = call_global(rt, "namespace", {});
  EXPECT_EQ(run_test(rt, "mapping", {ns}), "False");
  EXPECT_EQ(run_test(rt, "callable", {ns}), "False");
  EXPECT_EQ(run_test(rt, "callable", {call_global(rt, "joiner", {})}), "True");
  EXPECT_EQ(run_test(rt, "callable", {call_global(rt, "cycler", {Value::integer(1)})}), "False");
  EXPECT_EQ(run_test(rt, "callable", {rt.getattr(Value::string("a"), "upper").value()}), "True");
  EXPECT_EQ(run_test(rt, "sequence", {call_global(rt, "range", {Value::integer(3)})}), "True");
}

// Rows: test, whether the Undefined is the left operand (else the right), and the answer
// for a lenient and for a strict Undefined (Jinja2 3.1.2 rendering `u is T` / `1 is T u`).
TEST(JinjaTests, Undefined) {
  struct Row {
    const char* name;
    bool left;
    const char* lenient;
    const char* strict;
  };
  const Row rows[] = {
      {"odd", true, "!UndefinedError", "!UndefinedError"},
      {"sequence", true, "True", "False"},
      {"iterable", true, "True", "!UndefinedError"},
      {"lower", true, "False", "!UndefinedError"},
      {"callable", true, "True", "True"},
      {"in", true, "False", "!UndefinedError"},
      {"in", false, "False", "!UndefinedError"},
      {"eq", true, "False", "!UndefinedError"},
      {"ne", false, "True", "!UndefinedError"},
      {"escaped", true, "False", "False"},
      {"filter", true, "False", "!UndefinedError"},
      {"test", true, "False", "!UndefinedError"},
      {"string", true, "False", "False"},
      {"none", true, "False", "False"},
      {"gt", true, "!UndefinedError", "!UndefinedError"},
      {"gt", false, "!UndefinedError", "!UndefinedError"},
      {"defined", true, "False", "False"},
      {"undefined", true, "True", "True"},
      {"divisibleby", false, "!UndefinedError", "!UndefinedError"},
  };
  for (bool strict : {false, true}) {
    FakeRuntime rt;
    rt.strict = strict;
    for (const Row& r : rows) {
      Value u = rt.undefined("'u' is undefined");
      const auto* defs = builtin_library().tests.find(r.name);
      ASSERT_NE(defs, nullptr);
      size_t arity = defs->front()->params.size();
      std::vector<Value> args = {u};
      if (arity == 2)
        args = r.left ? std::vector<Value>{u, Value::integer(1)}
                      : std::vector<Value>{Value::integer(1), u};
      if (arity == 2 && std::string(r.name) == "in" && !r.left) args = {Value::integer(1), u};
      if (arity == 2 && std::string(r.name) == "in" && r.left) args = {u, json_args("[[1]]")[0]};
      EXPECT_EQ(run_test(rt, r.name, args), strict ? r.strict : r.lenient)
          << r.name << (r.left ? " left" : " right") << (strict ? " strict" : " lenient");
    }
  }
  FakeRuntime rt;
  Value u = rt.undefined("'u' is undefined");
  EXPECT_EQ(run_test(rt, "eq", {u, u}), "True");
  // Each `u` in a template is a new Undefined: `u is sameas u` is False.
  EXPECT_EQ(run_test(rt, "sameas", {u, rt.undefined("'u' is undefined")}), "False");
}

TEST(JinjaTests, FilterAndTestAskTheRuntime) {
  FakeRuntime rt;
  EXPECT_EQ(run_test(rt, "test", {Value::string("sameas")}), "True");
  EXPECT_EQ(run_test(rt, "filter", {Value::string("json_dump")}), "False");
  rt.extra_filters = {"json_dump"};
  EXPECT_EQ(run_test(rt, "filter", {Value::string("json_dump")}), "True");
}

}  // namespace
}  // namespace sirocco::jinja
