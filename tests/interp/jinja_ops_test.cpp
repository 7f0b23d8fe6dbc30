// Python's operators with Jinja's Undefined rules (expected values from CPython 3.11 and
// Jinja2 3.1.2).
#include "interp/jinja_ops.h"

#include <gtest/gtest.h>

#include <functional>

#include "interp/json.h"
#include "interp/text.h"

namespace sirocco::jinja {
namespace {

Value tuple(List items) { return Value::tuple(std::move(items)); }
Value json(const char* text) { return parse_json(text); }
Value lenient() { return make_undefined("'u' is undefined", false); }
Value strict() { return make_undefined("'u' is undefined", true); }

std::string outcome(const std::function<bool()>& f) {
  try {
    return f() ? "True" : "False";
  } catch (const Error& e) {
    return e.type() + ": " + e.message();
  }
}

TEST(JinjaOps, EqualityTellsTuplesFromLists) {
  Value one = Value::integer(1);
  EXPECT_FALSE(python_equal(tuple({one, Value::integer(2)}), json("[1, 2]")));
  EXPECT_FALSE(python_equal(Value::list({one, tuple({one})}), json("[1, [1]]")));
  Value in_dict_tuple = Value::dict([&] {
    Dict d;
    d.set(Value::string("a"), tuple({one}));
    return d;
  }());
  EXPECT_FALSE(python_equal(in_dict_tuple, json(R"({"a": [1]})")));
  EXPECT_TRUE(python_equal(one, Value::number(1.0)));
  EXPECT_TRUE(python_equal(json("[1, 2]"), json("[1, 2.0]")));
  EXPECT_TRUE(python_equal(tuple({one}), tuple({one})));
}

TEST(JinjaOps, UndefinedInEqualityAndMembership) {
  EXPECT_TRUE(python_equal(lenient(), lenient()));
  EXPECT_FALSE(python_equal(lenient(), Value::integer(1)));
  EXPECT_EQ(outcome([] { return python_equal(strict(), Value::integer(1)); }),
            "UndefinedError: 'u' is undefined");
  EXPECT_FALSE(contains(lenient(), Value::integer(1)));
  EXPECT_FALSE(contains(json("[1]"), lenient()));
  EXPECT_EQ(outcome([] { return contains(strict(), Value::integer(1)); }),
            "UndefinedError: 'u' is undefined");
  EXPECT_EQ(outcome([] { return python_compare(lenient(), Value::integer(1), ">") > 0; }),
            "UndefinedError: 'u' is undefined");
}

TEST(JinjaOps, Membership) {
  EXPECT_EQ(outcome([] { return contains(Value::string("cat"), Value::integer(1)); }),
            "TypeError: 'in <string>' requires string as left operand, not int");
  EXPECT_EQ(outcome([] { return contains(Value::integer(3), Value::integer(1)); }),
            "TypeError: argument of type 'int' is not iterable");
  EXPECT_EQ(outcome([] { return contains(json("{}"), json("[1]")); }),
            "TypeError: unhashable type: 'list'");
  EXPECT_TRUE(contains(json(R"({"a": 1})"), Value::string("a")));
  EXPECT_TRUE(contains(json("[1, 2]"), Value::number(2.0)));
  EXPECT_TRUE(contains(Value::string("cat"), Value::string("at")));
  EXPECT_FALSE(contains(json("[[1]]"), tuple({Value::integer(1)})));
}

TEST(JinjaOps, OrderingRefusesListAgainstTuple) {
  EXPECT_EQ(
      outcome([] { return python_compare(json("[1]"), tuple({Value::integer(1)}), "<") < 0; }),
      "TypeError: '<' not supported between instances of 'list' and 'tuple'");
  EXPECT_TRUE(python_compare(json("[1, 2]"), json("[1, 3]"), "<") < 0);
}

TEST(JinjaOps, Iterate) {
  EXPECT_EQ(python_repr(Value::list(python_iterate(Value::string("hé")))), "['h', 'é']");
  EXPECT_EQ(python_repr(Value::list(python_iterate(json(R"({"a": 1, "b": 2})")))), "['a', 'b']");
  EXPECT_TRUE(python_iterate(lenient()).empty());
  EXPECT_EQ(outcome([] { return python_iterate(strict()).empty(); }),
            "UndefinedError: 'u' is undefined");
  EXPECT_EQ(outcome([] { return python_iterate(Value::integer(1)).empty(); }),
            "TypeError: 'int' object is not iterable");
}

TEST(JinjaOps, Str) {
  EXPECT_EQ(jinja_str(lenient()), "");
  EXPECT_EQ(jinja_str(json(R"([1, "a", null])")), "[1, 'a', None]");
  EXPECT_THROW(jinja_str(strict()), Error);
}

}  // namespace
}  // namespace sirocco::jinja
