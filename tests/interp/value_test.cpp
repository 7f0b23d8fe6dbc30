// Tests of the value model: layout, ints, strings, Dict/Set, and Python's ==, hash, ordering,
// type names and truthiness (expected results checked against python3).
#include "interp/value.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "interp/error.h"
#include "interp/json.h"
#include "interp/number.h"
#include "interp/text.h"

namespace sirocco {
namespace {

static_assert(sizeof(Value) == 24);

Value J(std::string_view json) { return parse_json(json); }
Value I(int64_t i) { return Value::integer(i); }
Value F(double d) { return Value::number(d); }
Value S(std::string s) { return Value::string(std::move(s)); }
Value B(bool b) { return Value::boolean(b); }
Value Big(std::string_view digits) { return int_from_text(digits); }

Value SetOf(std::initializer_list<Value> items) {
  Set s;
  for (const Value& v : items) s.insert(v);
  return Value::set(std::move(s));
}

Value Aware(int64_t micros, int32_t offset_sec = 0) {
  return Value::datetime({micros, offset_sec, false});
}
Value Naive(int64_t micros) { return Value::datetime({micros, 0, true}); }

class FixedFunction final : public FunctionObject {
 public:
  Value call(const std::vector<Value>&) const override { return Value(); }
};

Value Counter(int64_t n) {
  auto i = std::make_shared<int64_t>(0);
  return Value::sequence(new GeneratorSequence([i, n](Value& out) {
    if (*i >= n) return false;
    out = Value::integer((*i)++);
    return true;
  }));
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.type() + ": " + e.message();
  }
  return "no error";
}

TEST(Value, IsTwentyFourBytes) { EXPECT_EQ(sizeof(Value), 24u); }

TEST(Value, IntsAreSmallWhenTheyFit) {
  EXPECT_TRUE(Value::integer(BigInt(5)).is_small_int());
  EXPECT_TRUE(Value::integer(BigInt(INT64_MIN)).is_small_int());
  EXPECT_TRUE(Value::integer(BigInt(INT64_MAX)).is_small_int());
  EXPECT_TRUE(Value::integer(BigInt(INT64_MAX) + 1).is_big_int());
  EXPECT_TRUE(Value::integer(BigInt(INT64_MIN) - 1).is_big_int());
  EXPECT_EQ(Value::integer(BigInt(INT64_MIN) - 1).as_big_int(), BigInt(INT64_MIN) - 1);
  EXPECT_EQ(I(7).as_big_int(), BigInt(7));
  EXPECT_EQ(B(true).as_big_int(), BigInt(1));
}

TEST(Value, ToDoubleRoundsBigIntsLikePython) {
  EXPECT_EQ(Big("9007199254740993").to_double(), 9007199254740992.0);  // half to even
  EXPECT_EQ(Big("18446744073709553665").to_double(), 1.8446744073709556e+19);
  EXPECT_EQ(Big("-18446744073709553665").to_double(), -1.8446744073709556e+19);
  EXPECT_TRUE(std::isinf(num_pow(I(10), I(400)).to_double()));
  EXPECT_EQ(B(true).to_double(), 1.0);
}

TEST(Value, StringsCountCodePoints) {
  struct Case {
    std::string text;
    size_t length;
    bool ascii;
  } cases[] = {
      {"", 0, true},
      {"hello", 5, true},
      {"héllo", 5, false},
      {"中文字", 3, false},
      {"😀x", 2, false},
      {"a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80", 4, false},
      {std::string(100, 'a') + "é", 101, false},
  };
  for (const Case& c : cases) {
    const Value v = S(c.text);
    EXPECT_EQ(v.string_length(), c.length) << c.text;
    EXPECT_EQ(v.string_is_ascii(), c.ascii) << c.text;
    EXPECT_EQ(v.as_string(), c.text);
  }
}

struct EqualityCase {
  Value a, b;
  bool equal;
};

std::vector<EqualityCase> equality_table() {
  const double nan = std::nan("");
  return {
      {I(1), F(1.0), true},
      {I(1), B(true), true},
      {F(1.0), B(true), true},
      {I(0), B(false), true},
      {F(-0.0), I(0), true},
      {I(2), B(true), false},
      {Value(), Value(), true},
      {Value(), B(false), false},
      {Value(), I(0), false},
      {Big("9007199254740993"), F(9007199254740992.0), false},
      {I(9007199254740993), F(9007199254740992.0), false},
      {I(9007199254740992), F(9007199254740992.0), true},
      {Big("18446744073709551616"), F(18446744073709551616.0), true},
      {Big("18446744073709551617"), F(18446744073709551616.0), false},
      {I(INT64_MIN), F(-9223372036854775808.0), true},
      {I(INT64_MAX), F(9223372036854775808.0), false},
      {I(1), F(1.5), false},
      {F(nan), F(nan), false},
      {F(INFINITY), F(INFINITY), true},
      {num_pow(I(10), I(400)), F(INFINITY), false},
      {Big("99999999999999999999"), Big("99999999999999999999"), true},
      {Big("99999999999999999999"), Big("99999999999999999998"), false},
      {S("a"), S("a"), true},
      {S("a"), S("b"), false},
      {S("1"), I(1), false},
      {S("é"), S("e\xCC\x81"), false},  // no normalisation, like Python
      {J("[1, 2]"), J("[1.0, 2]"), true},
      {J("[1, 2]"), J("[2, 1]"), false},
      {J("[1, 2]"), J("[1, 2, 3]"), false},
      {J("[[1, [true]]]"), J("[[1, [1]]]"), true},
      {J("[1, 2]"), SetOf({I(1), I(2)}), false},
      {J(R"({"a": 1, "b": 2})"), J(R"({"b": 2, "a": 1})"), true},
      {J(R"({"a": 1, "b": 2})"), J(R"({"a": 1, "b": 3})"), false},
      {J(R"({"a": 1})"), J(R"({"a": 1, "b": 2})"), false},
      {J(R"({"a": 1})"), J(R"({"b": 1})"), false},
      {SetOf({I(1), I(2)}), SetOf({F(2.0), B(true)}), true},
      {SetOf({I(1), I(2)}), SetOf({I(1), I(3)}), false},
      {SetOf({}), SetOf({}), true},
      {J("[]"), SetOf({}), false},
      {J("{}"), J("[]"), false},
      {Aware(1000, 3600), Aware(1000, -7200), true},
      {Aware(1000), Aware(1001), false},
      {Naive(1000), Naive(1000), true},
      {Naive(1000), Aware(1000), false},
      {Value::timespan(5), Value::timespan(5), true},
      {Value::timespan(5), I(5), false},
      {Value::timespan(0), Value::timespan(1), false},
  };
}

TEST(Equality, FollowsPython) {
  for (const EqualityCase& c : equality_table()) {
    EXPECT_EQ(equals(c.a, c.b), c.equal) << python_repr(c.a) << " == " << python_repr(c.b);
    EXPECT_EQ(equals(c.b, c.a), c.equal) << python_repr(c.b) << " == " << python_repr(c.a);
  }
}

TEST(Equality, FunctionsAndSequencesByIdentity) {
  const Value f = Value::function(new FixedFunction), g = Value::function(new FixedFunction);
  EXPECT_TRUE(equals(f, f));
  EXPECT_FALSE(equals(f, g));
  const Value s = Counter(1), t = Counter(1);
  EXPECT_TRUE(equals(s, s));
  EXPECT_FALSE(equals(s, t));
}

TEST(Hash, ConsistentWithEquality) {
  for (const EqualityCase& c : equality_table()) {
    if (c.equal) {
      EXPECT_EQ(hash_value(c.a), hash_value(c.b)) << python_repr(c.a) << " " << python_repr(c.b);
    }
  }
  EXPECT_EQ(hash_value(I(1)), hash_value(F(1.0)));
  EXPECT_EQ(hash_value(I(1)), hash_value(B(true)));
  EXPECT_EQ(hash_value(J("[1, 2.0]")), hash_value(J("[true, 2]")));
  EXPECT_NE(hash_value(J("[1, 2]")), hash_value(J("[2, 1]")));
  EXPECT_EQ(hash_value(J(R"({"a": 1, "b": [2]})")), hash_value(J(R"({"b": [2.0], "a": 1})")));
  EXPECT_EQ(hash_value(SetOf({I(1), S("x")})), hash_value(SetOf({S("x"), F(1.0)})));
}

TEST(Hash, NumbersHashLikeCPython) {
  const std::pair<Value, int64_t> cases[] = {
      {F(1.5), 1152921504606846977},
      {F(-2.5), -1152921504606846978},
      {Big("18446744073709551616"), 8},
      {num_neg(num_pow(I(2), I(100))), -549755813888},
      {F(1e300), 1224995262755759164},
      {F(0.1), 230584300921369408},
      {Big("2305843009213693951"), 0},
      {Big("2305843009213693952"), 1},
      {I(-1), -2},
      {F(-1.0), -2},
      {F(1e30), 465278570183583362},
      {num_pow(I(2), I(70)), 512},
      {F(-0.5), -1152921504606846976},
      {F(1e-300), 482449582752280463},
  };
  for (const auto& [v, h] : cases) {
    EXPECT_EQ(static_cast<int64_t>(hash_value(v)), h) << python_repr(v);
  }
}

TEST(Dict, KeepsInsertionOrderAndReplacesInPlace) {
  for (int n : {3, 20}) {  // linear scan and hash index
    Dict d;
    for (int i = 0; i < n; ++i) d.set(S("k" + std::to_string(i)), I(i));
    d.set(S("k1"), S("replaced"));
    ASSERT_EQ(d.size(), static_cast<size_t>(n));
    EXPECT_EQ(d.entries()[1].first.as_string(), "k1");
    EXPECT_EQ(d.entries()[1].second.as_string(), "replaced");
    EXPECT_EQ(d.find(S("k1"))->as_string(), "replaced");
    EXPECT_EQ(d.find(S("missing")), nullptr);
    for (int i = 0; i < n; ++i) EXPECT_TRUE(d.contains(S("k" + std::to_string(i)))) << i;
  }
}

TEST(Dict, EqualKeysOfOtherTypesShareASlot) {
  Dict d;
  d.set(I(1), S("int"));
  d.set(F(1.0), S("float"));
  d.set(B(true), S("bool"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_TRUE(d.entries()[0].first.is_int());  // the first key stays, like Python
  EXPECT_EQ(d.find(F(1.0))->as_string(), "bool");
}

TEST(Dict, AnyValueCanBeAKey) {
  Dict d;
  d.set(J(R"({"a": 2})"), I(3));
  d.set(J("[1, 2]"), I(4));
  d.set(SetOf({I(1)}), I(5));
  d.set(Value(), I(6));
  EXPECT_EQ(d.find(J(R"({"a": 2.0})"))->as_small_int(), 3);
  EXPECT_EQ(d.find(J("[1.0, 2]"))->as_small_int(), 4);
  EXPECT_EQ(d.find(SetOf({B(true)}))->as_small_int(), 5);
  EXPECT_EQ(d.find(Value())->as_small_int(), 6);
}

TEST(Dict, EraseKeepsTheIndexConsistent) {
  for (int n : {5, 12, 40}) {
    Dict d;
    for (int i = 0; i < n; ++i) d.set(I(i), I(i * 10));
    EXPECT_TRUE(d.erase(I(2)));
    EXPECT_FALSE(d.erase(I(2)));
    EXPECT_TRUE(d.erase(F(0.0)));
    EXPECT_FALSE(d.erase(S("nope")));
    ASSERT_EQ(d.size(), static_cast<size_t>(n - 2));
    EXPECT_EQ(d.entries()[0].first.as_small_int(), 1);
    EXPECT_EQ(d.entries()[1].first.as_small_int(), 3);
    for (int i = 0; i < n; ++i) {
      const Value* v = d.find(I(i));
      if (i == 0 || i == 2) {
        EXPECT_EQ(v, nullptr);
      } else {
        ASSERT_NE(v, nullptr) << n << " " << i;
        EXPECT_EQ(v->as_small_int(), i * 10);
      }
    }
    d.set(I(2), I(-1));  // re-inserted at the end
    EXPECT_EQ(d.entries().back().first.as_small_int(), 2);
    EXPECT_EQ(d.find(I(2))->as_small_int(), -1);
    d.set(I(n - 1), I(-2));
    EXPECT_EQ(d.find(I(n - 1))->as_small_int(), -2);
    EXPECT_EQ(d.size(), static_cast<size_t>(n - 1));
  }
}

TEST(Dict, ManyKeysWithOneStrideAllStayFindable) {
  // Ints hash to themselves: keys a power of two apart share their low bits.
  Dict d;
  constexpr int kKeys = 5000;
  for (int i = 0; i < kKeys; ++i) d.set(I(int64_t{i} << 20), I(i));
  for (int i = 0; i < kKeys; ++i) d.set(S("k" + std::to_string(i)), I(-i));
  ASSERT_EQ(d.size(), 2u * kKeys);
  for (int i = 0; i < kKeys; i += 7) {
    EXPECT_EQ(d.find(F(static_cast<double>(int64_t{i} << 20)))->as_small_int(), i);
    EXPECT_EQ(d.find(S("k" + std::to_string(i)))->as_small_int(), -i);
  }
  EXPECT_EQ(d.find(I(1)), nullptr);
  EXPECT_EQ(d.find(S("k" + std::to_string(kKeys))), nullptr);
}

TEST(Set, InsertsOncePerEqualValue) {
  for (int n : {4, 30}) {
    Set s;
    for (int i = 0; i < n; ++i) EXPECT_TRUE(s.insert(I(i)));
    EXPECT_FALSE(s.insert(F(1.0)));
    EXPECT_FALSE(s.insert(B(false)));
    EXPECT_TRUE(s.insert(S("1")));
    EXPECT_EQ(s.size(), static_cast<size_t>(n + 1));
    EXPECT_TRUE(s.contains(B(true)));
    EXPECT_TRUE(s.erase(I(1)));
    EXPECT_FALSE(s.contains(I(1)));
    EXPECT_TRUE(s.contains(I(n - 1)));
    EXPECT_TRUE(s.contains(S("1")));
    EXPECT_EQ(s.items()[1].as_small_int(), 2);  // insertion order kept
    EXPECT_TRUE(s.erase(S("1")));
    EXPECT_EQ(s.size(), static_cast<size_t>(n - 1));
  }
}

struct OrderCase {
  Value a, b;
  int sign;  // of compare(a, b)
};

TEST(Compare, FollowsPythonOrdering) {
  const OrderCase cases[] = {
      {I(1), I(2), -1},
      {I(2), F(1.5), 1},
      {B(true), I(1), 0},
      {B(false), F(0.5), -1},
      {Big("9007199254740993"), F(9007199254740992.0), 1},
      {I(9007199254740993), F(9007199254740992.0), 1},
      {I(-9007199254740993), F(-9007199254740992.0), -1},
      {Big("18446744073709551616"), F(18446744073709551616.0), 0},
      {Big("18446744073709551617"), F(18446744073709551616.0), 1},
      {Big("-18446744073709551617"), F(-18446744073709551616.0), -1},
      {Big("-18446744073709551617"), I(5), -1},
      {I(INT64_MAX), F(9223372036854775808.0), -1},
      {num_pow(I(10), I(400)), F(INFINITY), -1},
      {num_pow(I(10), I(400)), F(1e308), 1},
      {I(3), F(2.5), 1},
      {I(-3), F(-2.5), -1},
      {I(3), F(3.5), -1},
      {Big("99999999999999999999"), Big("100000000000000000000"), -1},
      {S("a"), S("b"), -1},
      {S("ab"), S("a"), 1},
      {S("Z"), S("a"), -1},
      {S("é"), S("z"), 1},
      {S("\xEF\xBF\xBF"), S("😀"), -1},  // U+FFFF < U+1F600 in code points and bytes
      {S(""), S(""), 0},
      {J("[1, 2]"), J("[1, 3]"), -1},
      {J("[1, 2]"), J("[1]"), 1},
      {J("[1, \"a\"]"), J("[2, 3]"), -1},  // decided before the str/int pair
      {J("[]"), J("[]"), 0},
      {J("[[1, 2], 3]"), J("[[1, 2], 4]"), -1},
      {SetOf({I(1)}), SetOf({I(1), I(2)}), -1},
      {SetOf({I(1), I(2)}), SetOf({I(1)}), 1},
      {SetOf({I(1), I(2)}), SetOf({I(2), I(1)}), 0},
      {Aware(5, 3600), Aware(6, 0), -1},
      {Naive(7), Naive(6), 1},
      {Value::timespan(-1), Value::timespan(0), -1},
  };
  const auto sign = [](int r) { return (r > 0) - (r < 0); };
  for (const OrderCase& c : cases) {
    EXPECT_EQ(sign(compare(c.a, c.b)), c.sign) << python_repr(c.a) << " vs " << python_repr(c.b);
    EXPECT_EQ(sign(compare(c.b, c.a)), -c.sign) << python_repr(c.b) << " vs " << python_repr(c.a);
  }
}

TEST(Compare, UnorderedPairsMakeEveryOperatorFalse) {
  const std::pair<Value, Value> cases[] = {
      {F(std::nan("")), I(1)},
      {I(1), F(std::nan(""))},
      {F(std::nan("")), F(std::nan(""))},
      {SetOf({I(1)}), SetOf({I(2)})},
      {SetOf({I(1), I(2)}), SetOf({I(2), I(3)})},
      {J("[1, NaN]"), J("[1, 2]")},
  };
  for (const auto& [a, b] : cases) {
    EXPECT_FALSE(compare(a, b, "<") < 0) << python_repr(a) << " < " << python_repr(b);
    EXPECT_FALSE(compare(a, b, "<=") <= 0);
    EXPECT_FALSE(compare(a, b, ">") > 0);
    EXPECT_FALSE(compare(a, b, ">=") >= 0);
  }
}

TEST(Compare, MismatchedTypesRaiseTypeError) {
  struct Case {
    Value a, b;
    const char* op;
    const char* message;
  } cases[] = {
      {S("a"), I(1), "<", "TypeError: '<' not supported between instances of 'str' and 'int'"},
      {I(1), S("a"), ">=", "TypeError: '>=' not supported between instances of 'int' and 'str'"},
      {Value(), I(1), "<",
       "TypeError: '<' not supported between instances of 'NoneType' and 'int'"},
      {J("{}"), J("{}"), "<",
       "TypeError: '<' not supported between instances of 'dict' and 'dict'"},
      {J("[1]"), S("a"), "<", "TypeError: '<' not supported between instances of 'list' and 'str'"},
      {J("[1, \"a\"]"), J("[1, 2]"), "<",
       "TypeError: '<' not supported between instances of 'str' and 'int'"},
      {J("[1]"), SetOf({I(1)}), "<",
       "TypeError: '<' not supported between instances of 'list' and 'set'"},
      {Value::timespan(1), I(1), ">",
       "TypeError: '>' not supported between instances of 'datetime.timedelta' and 'int'"},
      {Aware(1), Naive(1), "<", "TypeError: can't compare offset-naive and offset-aware datetimes"},
      {Value::function(new FixedFunction), Value::function(new FixedFunction), "<",
       "TypeError: '<' not supported between instances of 'function' and 'function'"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(error_of([&] { compare(c.a, c.b, c.op); }), c.message);
  }
}

TEST(SortLess, OrdersMixedValuesTotally) {
  std::vector<Value> values = {
      S("b"),
      J("[1]"),
      I(2),
      Value(),
      F(1.5),
      SetOf({I(1)}),
      J(R"({"a": 1})"),
      B(false),
      S("a"),
      Value::timespan(3),
      F(std::nan("")),
      Aware(1),
      J("[0, 5]"),
      Big("100000000000000000000"),
  };
  std::sort(values.begin(), values.end(), sort_less);
  std::vector<std::string> shown;
  for (const Value& v : values) shown.push_back(python_repr(v));
  const std::vector<std::string> expected = {
      "None",
      "False",
      "1.5",
      "2",
      "100000000000000000000",
      "nan",
      "'a'",
      "'b'",
      "[0, 5]",
      "[1]",
      "{'a': 1}",
      "{1}",
      "datetime.datetime(1970, 1, 1, 0, 0, 0, 1, tzinfo=tzutc())",
      "datetime.timedelta(microseconds=3)",
  };
  EXPECT_EQ(shown, expected);
  EXPECT_FALSE(sort_less(J(R"({"a": 1, "b": 2})"), J(R"({"b": 2, "a": 1})")));
  EXPECT_FALSE(sort_less(J(R"({"b": 2, "a": 1})"), J(R"({"a": 1, "b": 2})")));
  EXPECT_FALSE(sort_less(I(1), B(true)));
  EXPECT_FALSE(sort_less(B(true), F(1.0)));
}

TEST(TypeName, IsPythons) {
  const std::pair<Value, const char*> cases[] = {
      {Value(), "NoneType"},
      {B(true), "bool"},
      {I(1), "int"},
      {Big("100000000000000000000"), "int"},
      {F(1), "float"},
      {S(""), "str"},
      {J("[]"), "list"},
      {J("{}"), "dict"},
      {SetOf({}), "set"},
      {Aware(0), "datetime.datetime"},
      {Value::timespan(0), "datetime.timedelta"},
      {Value::function(new FixedFunction), "function"},
      {Counter(0), "generator"},
      {Value::opaque(new FixedFunction), "object"},
  };
  for (const auto& [v, name] : cases) EXPECT_EQ(type_name(v), name);
}

TEST(Truthy, IsPythons) {
  const std::pair<Value, bool> cases[] = {
      {Value(), false},
      {B(false), false},
      {B(true), true},
      {I(0), false},
      {I(-1), true},
      {Big("100000000000000000000"), true},
      {F(0.0), false},
      {F(-0.0), false},
      {F(std::nan("")), true},
      {S(""), false},
      {S("0"), true},
      {J("[]"), false},
      {J("[0]"), true},
      {J("{}"), false},
      {J(R"({"a": null})"), true},
      {SetOf({}), false},
      {SetOf({I(0)}), true},
      {Value::timespan(0), false},
      {Value::timespan(1), true},
      {Naive(0), true},
      {Counter(0), true},  // like a Python generator
      {Value::function(new FixedFunction), true},
  };
  for (const auto& [v, expected] : cases) EXPECT_EQ(truthy(v), expected) << python_repr(v);
}

TEST(Sequences, MaterializeDrainsOnce) {
  const Value seq = Counter(4);
  const Value list = materialize(seq);
  ASSERT_TRUE(list.is_list());
  EXPECT_EQ(python_repr(list), "[0, 1, 2, 3]");
  EXPECT_EQ(python_repr(materialize(seq)), "[]");  // single pass
  EXPECT_TRUE(equals(materialize(J("[1]")), J("[1]")));
  EXPECT_TRUE(materialize(I(3)).is_int());
}

TEST(Sequences, ToListTakesListsSetsAndSequences) {
  EXPECT_EQ(to_list(J("[1, 2]")).size(), 2u);
  EXPECT_EQ(to_list(SetOf({I(1), I(2), I(3)})).size(), 3u);
  EXPECT_EQ(to_list(Counter(5)).size(), 5u);
  EXPECT_EQ(error_of([] { to_list(I(1)); }), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(error_of([] { to_list(J("{}")); }), "TypeError: 'dict' object is not iterable");
}

}  // namespace
}  // namespace sirocco
