// Python's operators with Jinja's Undefined rules (expected values from CPython 3.11 and
// Jinja2 3.1.2).
#include "interp/jinja_ops.h"

#include <gtest/gtest.h>

#include <memory>
#include <type_traits>

#include "interp/json.h"
#include "interp/text.h"

namespace sirocco::jinja {
namespace {

Value tuple(List items) { return Value::tuple(std::move(items)); }
Value json(const char* text) { return parse_json(text); }
Value lenient() { return make_undefined("'u' is undefined", false); }
Value strict() { return make_undefined("'u' is undefined", true); }

// "True"/"False" for a truth, the sign of an order, or "Type: message" for a failure.
template <class T>
std::string outcome(const Outcome<T>& result) {
  if (!result) return result.error().type() + ": " + result.error().message();
  if constexpr (std::is_same_v<T, int>)
    return std::to_string((*result > 0) - (*result < 0));
  else
    return *result ? "True" : "False";
}

TEST(JinjaOps, EqualityTellsTuplesFromLists) {
  Value one = Value::integer(1);
  EXPECT_EQ(outcome(python_equal(tuple({one, Value::integer(2)}), json("[1, 2]"))), "False");
  EXPECT_EQ(outcome(python_equal(Value::list({one, tuple({one})}), json("[1, [1]]"))), "False");
  Value in_dict_tuple = Value::dict([&] {
    Dict d;
    d.set(Value::string("a"), tuple({one}));
    return d;
  }());
  EXPECT_EQ(outcome(python_equal(in_dict_tuple, json(R"({"a": [1]})"))), "False");
  EXPECT_EQ(outcome(python_equal(one, Value::number(1.0))), "True");
  EXPECT_EQ(outcome(python_equal(json("[1, 2]"), json("[1, 2.0]"))), "True");
  EXPECT_EQ(outcome(python_equal(tuple({one}), tuple({one}))), "True");
}

TEST(JinjaOps, UndefinedInEqualityAndMembership) {
  EXPECT_EQ(outcome(python_equal(lenient(), lenient())), "True");
  EXPECT_EQ(outcome(python_equal(lenient(), Value::integer(1))), "False");
  EXPECT_EQ(outcome(python_equal(strict(), Value::integer(1))), "UndefinedError: 'u' is undefined");
  EXPECT_EQ(outcome(python_equal(json("[1]"), Value::list({strict()}))),
            "UndefinedError: 'u' is undefined");
  EXPECT_EQ(outcome(contains(lenient(), Value::integer(1))), "False");
  EXPECT_EQ(outcome(contains(json("[1]"), lenient())), "False");
  EXPECT_EQ(outcome(contains(strict(), Value::integer(1))), "UndefinedError: 'u' is undefined");
  EXPECT_EQ(outcome(python_compare(lenient(), Value::integer(1), ">")),
            "UndefinedError: 'u' is undefined");
}

TEST(JinjaOps, Membership) {
  EXPECT_EQ(outcome(contains(Value::string("cat"), Value::integer(1))),
            "TypeError: 'in <string>' requires string as left operand, not int");
  EXPECT_EQ(outcome(contains(Value::integer(3), Value::integer(1))),
            "TypeError: argument of type 'int' is not iterable");
  EXPECT_EQ(outcome(contains(json("{}"), json("[1]"))), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(outcome(contains(json(R"({"a": 1})"), Value::string("a"))), "True");
  EXPECT_EQ(outcome(contains(json("[1, 2]"), Value::number(2.0))), "True");
  EXPECT_EQ(outcome(contains(Value::string("cat"), Value::string("at"))), "True");
  EXPECT_EQ(outcome(contains(json("[[1]]"), tuple({Value::integer(1)}))), "False");
}

TEST(JinjaOps, Ordering) {
  EXPECT_EQ(outcome(python_compare(json("[1]"), tuple({Value::integer(1)}), "<")),
            "TypeError: '<' not supported between instances of 'list' and 'tuple'");
  EXPECT_EQ(outcome(python_compare(json("[1, 2]"), json("[1, 3]"), "<")), "-1");
  EXPECT_EQ(outcome(python_compare(Value::string("b"), Value::string("a"), ">")), "1");
  EXPECT_EQ(outcome(python_compare(Value::integer(1), Value::number(1.5), "<")), "-1");
  EXPECT_EQ(outcome(python_compare(Value::string("a"), Value::integer(1), ">=")),
            "TypeError: '>=' not supported between instances of 'str' and 'int'");
  EXPECT_EQ(outcome(python_compare(json("{}"), json("{}"), "<")),
            "TypeError: '<' not supported between instances of 'dict' and 'dict'");
  EXPECT_EQ(outcome(python_compare(json("[1, \"a\"]"), json("[1, 2]"), "<")),
            "TypeError: '<' not supported between instances of 'str' and 'int'");
}

TEST(JinjaOps, OrderingKeepsTheFirstFailure) {
  Ordering ordering;
  EXPECT_TRUE(ordering.less(Value::integer(1), Value::integer(2)));
  EXPECT_FALSE(ordering.less(Value::string("a"), Value::integer(2)));
  EXPECT_FALSE(ordering.less(Value::integer(1), Value::integer(2)));  // after the failure
  EXPECT_FALSE(ordering.equal(Value::integer(1), Value::integer(1)));
  Status status = ordering.status();
  ASSERT_FALSE(status.ok());
  EXPECT_THROW(std::move(status).value(), Error);
}

TEST(JinjaOps, Iterate) {
  EXPECT_EQ(python_repr(Value::list(*python_iterate(Value::string("hé")))), "['h', 'é']");
  EXPECT_EQ(python_repr(Value::list(*python_iterate(json(R"({"a": 1, "b": 2})")))), "['a', 'b']");
  EXPECT_TRUE(python_iterate(lenient())->empty());
  EXPECT_EQ(python_iterate(strict()).error().message(), "'u' is undefined");
  EXPECT_EQ(python_iterate(Value::integer(1)).error().message(), "'int' object is not iterable");
}

TEST(JinjaOps, ProducedSequenceGivesItsItemsThenItsFailure) {
  Value failed = Value::sequence(boost::intrusive_ptr<SequenceObject>(
      new ProducedSequence({Value::integer(1)}, std::make_unique<Error>("TypeError", "stopped"))));
  Outcome<List> items = python_iterate(failed);
  ASSERT_FALSE(items.ok());
  EXPECT_EQ(items.error().message(), "stopped");
  Value done = Value::sequence(
      boost::intrusive_ptr<SequenceObject>(new ProducedSequence({Value::integer(1)}, nullptr)));
  Value first;
  ASSERT_TRUE(done.as_sequence().next(first));
  EXPECT_EQ(python_repr(first), "1");
  Value again = Value::sequence(boost::intrusive_ptr<SequenceObject>(
      new ProducedSequence({Value::integer(1)}, std::make_unique<Error>("TypeError", "stopped"))));
  ASSERT_TRUE(again.as_sequence().next(first));
  EXPECT_THROW(again.as_sequence().next(first), Error);
}

TEST(JinjaOps, Str) {
  EXPECT_EQ(*jinja_str(lenient()), "");
  EXPECT_EQ(*jinja_str(json(R"([1, "a", null])")), "[1, 'a', None]");
  EXPECT_FALSE(jinja_str(strict()).ok());
}

}  // namespace
}  // namespace sirocco::jinja
