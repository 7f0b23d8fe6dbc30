// Tests of Python int/float arithmetic: results and error messages checked against python3.
#include <gtest/gtest.h>

#include <chrono>

#include "interp/error.h"
#include "interp/json.h"
#include "interp/number.h"
#include "interp/text.h"

namespace sirocco {
namespace {

// An operand written as JSON ("1", "2.5", "true", "NaN") or as "[-]B**E[+C]" for big ints.
Value operand(const std::string& spec) {
  const size_t power = spec.find("**");
  if (power == std::string::npos) return parse_json(spec);
  const bool negative = spec[0] == '-';
  const std::string base = spec.substr(negative, power - negative);
  std::string rest = spec.substr(power + 2);
  const size_t offset_at = rest.find_first_of("+-");
  const std::string exponent = rest.substr(0, offset_at);
  Value v = num_pow(int_from_text(base), int_from_text(exponent));
  if (offset_at != std::string::npos) v = num_add(v, int_from_text(rest.substr(offset_at)));
  return negative ? num_neg(v) : v;
}

Value apply(const std::string& op, const Value& a, const Value& b) {
  if (op == "+") return num_add(a, b);
  if (op == "-") return num_sub(a, b);
  if (op == "*") return num_mul(a, b);
  if (op == "/") return num_truediv(a, b);
  if (op == "//") return num_floordiv(a, b);
  if (op == "%") return num_mod(a, b);
  if (op == "**") return num_pow(a, b);
  if (op == "neg") return num_neg(a);
  if (op == "abs") return num_abs(a);
  throw std::logic_error("unknown op " + op);
}

struct ArithmeticCase {
  std::string op, a, b;
  // Python's repr of the result, "=SPEC" for a big int result, "!Type: message" for an error.
  std::string expected;
};

// Generated with python3 from the same operands.
const ArithmeticCase kArithmetic[] = {
    {"+", "1", "2", "3"},
    {"+", "9223372036854775807", "1", "9223372036854775808"},
    {"-", "-9223372036854775808", "1", "-9223372036854775809"},
    {"-", "18446744073709551616", "18446744073709551616", "0"},
    {"+", "18446744073709551616", "-18446744073709551611", "5"},
    {"*", "9223372036854775807", "2", "18446744073709551614"},
    {"*", "4294967296", "4294967296", "18446744073709551616"},
    {"*", "-3", "7", "-21"},
    {"*", "1180591620717411303424", "0", "0"},
    {"+", "1", "2.5", "3.5"},
    {"+", "0.1", "0.2", "0.30000000000000004"},
    {"-", "1", "1.0", "0.0"},
    {"*", "1e+308", "10", "inf"},
    {"+", "9007199254740993", "0.0", "9007199254740992.0"},
    {"+", "18446744073709553665", "0.0", "1.8446744073709556e+19"},
    {"+", "-18446744073709553665", "0.0", "-1.8446744073709556e+19"},
    {"+", "2**1024-1", "0.0", "!OverflowError: int too large to convert to float"},
    {"+", "true", "true", "2"},
    {"*", "true", "2.5", "2.5"},
    {"/", "true", "2", "0.5"},
    {"-", "false", "1", "-1"},
    {"/", "1", "3", "0.3333333333333333"},
    {"/", "6", "3", "2.0"},
    {"/", "-7", "2", "-3.5"},
    {"/", "1152921504606846976", "3", "3.843071682022823e+17"},
    {"/", "-9223372036854775808", "7", "-1.3176245766935393e+18"},
    {"/", "9007199254740993", "1", "9007199254740992.0"},
    {"/", "10**400", "10**399", "10.0"},
    {"/", "1", "10**400", "0.0"},
    {"/", "10**30", "3", "3.333333333333333e+29"},
    {"/", "7.5", "2", "3.75"},
    {"/", "1", "-0.5", "-2.0"},
    {"/", "2**1100", "1208925819614629174706176", "1.1235582092889474e+307"},
    {"//", "7", "2", "3"},
    {"//", "-7", "2", "-4"},
    {"//", "7", "-2", "-4"},
    {"//", "-7", "-2", "3"},
    {"//", "6", "3", "2"},
    {"//", "-9223372036854775808", "-1", "9223372036854775808"},
    {"//", "100000000000000000000", "7", "14285714285714285714"},
    {"//", "-100000000000000000000", "7", "-14285714285714285715"},
    {"//", "100000000000000000000", "-7", "-14285714285714285715"},
    {"%", "7", "3", "1"},
    {"%", "-7", "3", "2"},
    {"%", "7", "-3", "-2"},
    {"%", "-7", "-3", "-1"},
    {"%", "-9223372036854775808", "-1", "0"},
    {"%", "100000000000000000000", "7", "2"},
    {"%", "-100000000000000000000", "7", "5"},
    {"%", "100000000000000000000", "-10000000000000000003", "-30"},
    {"//", "-7.5", "2", "-4.0"},
    {"%", "-7.5", "2", "0.5"},
    {"%", "7.5", "-2", "-0.5"},
    {"//", "7.5", "-2", "-4.0"},
    {"%", "-0.0", "5", "0.0"},
    {"%", "0.0", "-5", "-0.0"},
    {"%", "1", "Infinity", "1.0"},
    {"%", "-1", "Infinity", "inf"},
    {"//", "Infinity", "1", "nan"},
    {"//", "7", "0.5", "14.0"},
    {"%", "5.5", "1.5", "1.0"},
    {"//", "-1e-300", "1e+300", "-1.0"},
    {"**", "3", "40", "12157665459056928801"},
    {"**", "2", "100", "=2**100"},
    {"**", "-2", "63", "-9223372036854775808"},
    {"**", "-2", "64", "18446744073709551616"},
    {"**", "10", "-1", "0.1"},
    {"**", "2", "-1", "0.5"},
    {"**", "-2", "-1", "-0.5"},
    {"**", "2", "0.5", "1.4142135623730951"},
    {"**", "0", "0", "1"},
    {"**", "0.0", "0", "1.0"},
    {"**", "7", "0", "1"},
    {"**", "-1", "1180591620717411303424", "1"},
    {"**", "-1", "1180591620717411303425", "-1"},
    {"**", "1", "1180591620717411303424", "1"},
    {"**", "0", "1180591620717411303424", "0"},
    {"**", "2.0", "10", "1024.0"},
    {"**", "2", "1023", "=2**1023"},
    {"**", "4.0", "-0.5", "0.5"},
    {"**", "-8.0", "3", "-512.0"},
    {"**", "-2.0", "1e+300", "!OverflowError: (34, 'Numerical result out of range')"},
    {"**", "Infinity", "3", "inf"},
    {"**", "-Infinity", "3", "-inf"},
    {"**", "-Infinity", "-3", "-0.0"},
    {"**", "0.0", "-Infinity", "inf"},
    {"**", "1", "NaN", "1.0"},
    {"**", "NaN", "0", "1.0"},
    {"**", "-1.0", "Infinity", "1.0"},
    {"**", "0.5", "Infinity", "0.0"},
    {"**", "10**400", "-1", "!OverflowError: int too large to convert to float"},
    {"**", "3", "true", "3"},
    {"**", "true", "5", "1"},
    {"neg", "5", "", "-5"},
    {"neg", "-9223372036854775808", "", "9223372036854775808"},
    {"neg", "9223372036854775808", "", "-9223372036854775808"},
    {"neg", "1.5", "", "-1.5"},
    {"neg", "true", "", "-1"},
    {"neg", "0.0", "", "-0.0"},
    {"abs", "-5", "", "5"},
    {"abs", "-9223372036854775808", "", "9223372036854775808"},
    {"abs", "-1180591620717411303424", "", "1180591620717411303424"},
    {"abs", "-1.5", "", "1.5"},
    {"abs", "true", "", "1"},
    {"/", "1", "0", "!ZeroDivisionError: division by zero"},
    {"/", "1.0", "0", "!ZeroDivisionError: float division by zero"},
    {"//", "1", "0", "!ZeroDivisionError: integer division or modulo by zero"},
    {"//", "1.0", "0", "!ZeroDivisionError: float floor division by zero"},
    {"%", "1", "0", "!ZeroDivisionError: integer modulo by zero"},
    {"%", "1.0", "0", "!ZeroDivisionError: float modulo"},
    {"//", "5", "-0.0", "!ZeroDivisionError: float floor division by zero"},
    {"/", "10**400", "0", "!ZeroDivisionError: division by zero"},
    {"/", "10**400", "0.0", "!OverflowError: int too large to convert to float"},
    {"**", "0", "-1", "!ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {"**", "0.0", "-1", "!ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {"**", "10.0", "400", "!OverflowError: (34, 'Numerical result out of range')"},
    {"**", "1e+300", "2", "!OverflowError: (34, 'Numerical result out of range')"},
    {"*", "10**400", "1.0", "!OverflowError: int too large to convert to float"},
    {"+", "10**400", "1.5", "!OverflowError: int too large to convert to float"},
    {"/", "10**400", "1", "!OverflowError: integer division result too large for a float"},
    {"/", "-10**400", "3", "!OverflowError: integer division result too large for a float"},
    // Python answers with a complex number here; we raise ValueError.
    {"**", "-8", "0.3333333333333333",
     "!ValueError: negative number cannot be raised to a fractional power"},
    {"+", "1", "\"a\"", "!TypeError: unsupported operand type(s) for +: 'int' and 'str'"},
    {"-", "1", "\"a\"", "!TypeError: unsupported operand type(s) for -: 'int' and 'str'"},
    {"*", "1", "\"a\"", "!TypeError: unsupported operand type(s) for *: 'int' and 'str'"},
    {"/", "1", "\"a\"", "!TypeError: unsupported operand type(s) for /: 'int' and 'str'"},
    {"//", "1", "\"a\"", "!TypeError: unsupported operand type(s) for //: 'int' and 'str'"},
    {"%", "1", "\"a\"", "!TypeError: unsupported operand type(s) for %: 'int' and 'str'"},
    {"**", "1", "\"a\"",
     "!TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'"},
    {"+", "null", "1.5", "!TypeError: unsupported operand type(s) for +: 'NoneType' and 'float'"},
    {"+", "[1]", "true", "!TypeError: unsupported operand type(s) for +: 'list' and 'bool'"},
    {"neg", "\"a\"", "", "!TypeError: bad operand type for unary -: 'str'"},
    {"abs", "{}", "", "!TypeError: bad operand type for abs(): 'dict'"},
};

std::string outcome(const ArithmeticCase& c) {
  try {
    const Value a = operand(c.a);
    const Value result = apply(c.op, a, c.b.empty() ? Value() : operand(c.b));
    if (!c.expected.empty() && c.expected[0] == '=') {
      const Value expected = operand(c.expected.substr(1));
      return equals(result, expected) && result.is_int() ? c.expected : python_repr(result);
    }
    return python_repr(result);
  } catch (const Error& e) {
    return "!" + e.type() + ": " + e.message();
  }
}

TEST(Arithmetic, MatchesPython) {
  for (const ArithmeticCase& c : kArithmetic) {
    EXPECT_EQ(outcome(c), c.expected) << c.a << " " << c.op << " " << c.b;
  }
}

TEST(Arithmetic, IntResultsAreDemotedWhenTheyFit) {
  const Value big = operand("2**64");
  EXPECT_TRUE(big.is_big_int());
  const Value zero = num_sub(big, big);
  EXPECT_TRUE(zero.is_small_int());
  EXPECT_EQ(zero.as_small_int(), 0);
  EXPECT_TRUE(num_neg(operand("9223372036854775808")).is_small_int());
  EXPECT_TRUE(num_floordiv(big, operand("4")).is_small_int());
  EXPECT_TRUE(Value::integer(BigInt(std::numeric_limits<int64_t>::min())).is_small_int());
  EXPECT_TRUE(Value::integer(BigInt(std::numeric_limits<int64_t>::max()) + 1).is_big_int());
}

TEST(Arithmetic, BoolsCountAsInts) {
  EXPECT_TRUE(num_add(Value::boolean(true), Value::boolean(true)).is_small_int());
  EXPECT_TRUE(num_neg(Value::boolean(true)).is_small_int());
  EXPECT_TRUE(num_mul(Value::boolean(true), Value::number(2)).is_float());
}

std::string error_type_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.type() + ": " + e.message();
  }
  return "no error";
}

TEST(Arithmetic, HugeIntResultsAreRefusedBeforeTheyAreComputed) {
  const std::string quota = "MemoryQuotaExceededException: Expression consumed too much memory";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(error_type_of([] { num_pow(operand("10"), operand("100000")); }), quota);
  EXPECT_EQ(error_type_of([] { num_pow(operand("2"), operand("400000")); }), quota);
  EXPECT_EQ(error_type_of([] { num_pow(operand("3"), operand("10**18")); }), quota);
  EXPECT_EQ(error_type_of([] { num_pow(operand("7"), operand("2**70")); }), quota);
  EXPECT_EQ(error_type_of([] { num_pow(operand("10**50000"), operand("3")); }), quota);
  const Value half = num_pow(operand("10"), operand("60000"));
  EXPECT_EQ(error_type_of([&] { num_mul(half, half); }), quota);
  const Value most = num_pow(operand("10"), operand("99999"));  // 100000 digits: allowed
  EXPECT_EQ(int_text(most).size(), 100000u);
  EXPECT_EQ(error_type_of([&] { num_mul(most, operand("10")); }), quota);
  EXPECT_EQ(error_type_of([&] { num_add(num_mul(most, operand("9")), most); }), quota);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(5));
}

TEST(IntFromDouble, TruncatesExactly) {
  const std::pair<double, const char*> cases[] = {
      {1e+20, "100000000000000000000"},
      {-1.5, "-1"},
      {1.5, "1"},
      {1e+308,
       "100000000000000001097906362944045541740492309677311846336810682903157585404911491537163328"
       "978494688899061249669721172515611590283743140088328307009198146046031271664502933027185697"
       "489699588559043338384466165001178426897626212945177628091195786707458122783970171784415105"
       "291802893207873272974885715430223118336"},
      {-9.223372036854776e+18, "-9223372036854775808"},
      {9.223372036854776e+18, "9223372036854775808"},
      {9.223372036854775e+18, "9223372036854774784"},
      {-0.0, "0"},
      {123456789.987, "123456789"},
  };
  for (const auto& [d, digits] : cases) EXPECT_EQ(int_text(int_from_double(d)), digits) << d;
  EXPECT_TRUE(int_from_double(-9.223372036854776e+18).is_small_int());
  EXPECT_EQ(error_type_of([] { int_from_double(INFINITY); }),
            "OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(error_type_of([] { int_from_double(-INFINITY); }),
            "OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(error_type_of([] { int_from_double(NAN); }),
            "ValueError: cannot convert float NaN to integer");
}

TEST(IntFromText, ParsesAnyLength) {
  EXPECT_EQ(int_from_text("123").as_small_int(), 123);
  EXPECT_EQ(int_from_text("-5").as_small_int(), -5);
  EXPECT_EQ(int_from_text("+7").as_small_int(), 7);
  EXPECT_EQ(int_from_text("000123").as_small_int(), 123);
  EXPECT_EQ(int_from_text("-9223372036854775808").as_small_int(), INT64_MIN);
  EXPECT_TRUE(int_from_text("9223372036854775808").is_big_int());
  const std::string long_digits = "123456789012345678901234567890123456789012345678901234567890";
  EXPECT_EQ(int_text(int_from_text(long_digits)), long_digits);
  EXPECT_EQ(int_text(int_from_text("-" + long_digits)), "-" + long_digits);
  EXPECT_EQ(int_text(int_from_text("00000000000000000000000000042")), "42");
  EXPECT_TRUE(int_from_text("00000000000000000000000000042").is_small_int());
  for (const char* bad : {"", "-", "12a", "1.5", " 1"}) {
    EXPECT_EQ(error_type_of([&] { int_from_text(bad); }),
              std::string("ValueError: invalid literal for int() with base 10: '") + bad + "'");
  }
  EXPECT_EQ(error_type_of([] { int_from_text(std::string(100001, '1')); }).substr(0, 29),
            "ValueError: Exceeds the limit");
}

}  // namespace
}  // namespace sirocco
