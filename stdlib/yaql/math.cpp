// The YAQL math module (python-yaql's standard_library/math.py): arithmetic and ordering
// operators on numbers, int()/float() conversions, abs, sign, round, pow, bitwise
// operations and shifts, max/min through '#operator_>', random numbers, type checks.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <utility>

#include "interp/error.h"
#include "interp/memory_quota.h"
#include "interp/number.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/yaql/math_internal.h"
#include "stdlib/yaql/stdlib.h"
#include "stdlib/yaql/support.h"

namespace sirocco::yaql {
namespace {

// Python caps int() of text at this many digits (sys.get_int_max_str_digits()).
constexpr size_t kMaxIntTextDigits = 4300;
// The most bits an int made by a shift may have: as many as kMaxIntDigits decimal digits
// take (the bound interp/number.cpp puts on arithmetic results).
constexpr int64_t kMaxIntBits = static_cast<int64_t>(kMaxIntDigits * 3.3219280948873626) + 1;

BigInt int_of(const Value& v) { return v.is_bool() ? BigInt(v.as_bool() ? 1 : 0) : v.as_big_int(); }

// Python's int.bit_length(): bits of |n|, 0 for 0.
int64_t bit_length(const BigInt& n) {
  return n == 0 ? 0 : static_cast<int64_t>(boost::multiprecision::msb(abs(n))) + 1;
}

bool is_nan(const Value& v) { return v.is_float() && std::isnan(v.as_float()); }

// --- arithmetic and ordering ------------------------------------------------------------

// YAQL's '/': floor division of two ints, true division otherwise.
Value divide(const Value& left, const Value& right) {
  return left.is_int() && right.is_int() ? num_floordiv(left, right) : num_truediv(left, right);
}

void register_arithmetic(Registry& r) {
  using BinaryOp = Value (*)(const Value&, const Value&);
  static const std::pair<const char*, BinaryOp> kOperators[] = {
      {"#operator_+(left: number, right: number)", num_add},
      {"#operator_-(left: number, right: number)", num_sub},
      {"#operator_*(left: number, right: number)", num_mul},
      {"#operator_/(left: number, right: number)", divide},
      {"#operator_mod(left: number, right: number)", num_mod},
  };
  for (const auto& [signature, op] : kOperators) r.add_binary(signature, op);
  r.add("#unary_operator_+(op: number)", [](Call& c) { return c[0]; });
  r.add("#unary_operator_-(op: number)", [](Call& c) { return num_neg(c[0]); });
  r.add("abs(op: number)", [](Call& c) { return num_abs(c[0]); });
}

// `left SYMBOL right` for numbers; NaN is unordered: every comparison with it is false.
template <const char* Symbol, bool (*Holds)(int order)>
Value number_order(const Value& left, const Value& right) {
  return Value::boolean(!is_nan(left) && !is_nan(right) && Holds(compare(left, right, Symbol)));
}

constexpr char kLess[] = "<", kLessEqual[] = "<=", kGreater[] = ">", kGreaterEqual[] = ">=";
constexpr bool is_less(int o) { return o < 0; }
constexpr bool is_less_equal(int o) { return o <= 0; }
constexpr bool is_greater(int o) { return o > 0; }
constexpr bool is_greater_equal(int o) { return o >= 0; }

void register_ordering(Registry& r) {
  r.add_binary("#operator_<(left: number, right: number)", number_order<kLess, is_less>);
  r.add_binary("#operator_<=(left: number, right: number)",
               number_order<kLessEqual, is_less_equal>);
  r.add_binary("#operator_>(left: number, right: number)", number_order<kGreater, is_greater>);
  r.add_binary("#operator_>=(left: number, right: number)",
               number_order<kGreaterEqual, is_greater_equal>);
}

// --- int() and float() of text ------------------------------------------------------------

// First code points of the Unicode decimal digit runs (each run is 0..9), as Python knows them.
constexpr char32_t kDigitZeros[] = {
    0x30,    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,
    0xc66,   0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,
    0x1810,  0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,
    0xa8d0,  0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066,
    0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0,
    0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2,
    0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
};

// Code points Python's str.isspace() accepts.
constexpr char32_t kSpaces[] = {
    0x9,    0xa,    0xb,    0xc,    0xd,    0x1c,   0x1d,   0x1e,   0x1f,   0x20,
    0x85,   0xa0,   0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
    0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
};

// The ASCII character Python reads a code point of a numeral as: Unicode digits become
// '0'..'9', whitespace ' ', other non-ASCII characters '?' (which no numeral accepts).
char ascii_numeral_char(char32_t cp) {
  if (std::find(std::begin(kSpaces), std::end(kSpaces), cp) != std::end(kSpaces)) return ' ';
  const char32_t* run = std::upper_bound(std::begin(kDigitZeros), std::end(kDigitZeros), cp);
  if (run != std::begin(kDigitZeros) && cp - run[-1] < 10)
    return static_cast<char>('0' + (cp - run[-1]));
  return cp < 0x80 ? static_cast<char>(cp) : '?';
}

// The text as Python's int()/float() see it: ASCII, without surrounding whitespace.
std::string ascii_numeral(std::string_view text) {
  std::string out;
  for (size_t pos = 0; pos < text.size();) out += ascii_numeral_char(utf8::decode(text, pos));
  size_t begin = out.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  return out.substr(begin, out.find_last_not_of(' ') + 1 - begin);
}

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

// Length of the Python digit run (digits, single '_' between two digits) that s starts with.
size_t digit_run(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && is_digit(s[i])) {
    ++i;
    if (i + 1 < s.size() && s[i] == '_' && is_digit(s[i + 1])) ++i;
  }
  return i;
}

size_t sign_length(std::string_view s) { return !s.empty() && (s[0] == '+' || s[0] == '-'); }

bool is_python_int(std::string_view s) {
  std::string_view digits = s.substr(sign_length(s));
  return !digits.empty() && digit_run(digits) == digits.size();
}

// Python's float syntax without inf/nan: [sign] (digits [. [digits]] | . digits) [e [sign] digits].
bool is_python_decimal(std::string_view s) {
  size_t i = sign_length(s);
  size_t whole = digit_run(s.substr(i));
  i += whole;
  size_t fraction = 0;
  if (i < s.size() && s[i] == '.') fraction = digit_run(s.substr(++i)), i += fraction;
  if (whole + fraction == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    i += 1 + sign_length(s.substr(i + 1));
    size_t exponent = digit_run(s.substr(i));
    if (exponent == 0) return false;
    i += exponent;
  }
  return i == s.size();
}

std::string without_underscores(std::string_view s) {
  std::string out;
  std::copy_if(s.begin(), s.end(), std::back_inserter(out), [](char ch) { return ch != '_'; });
  return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == y;
         });
}

Value int_from_string(const Value& text) {
  std::string numeral = ascii_numeral(text.as_string());
  if (!is_python_int(numeral))
    throw Error("ValueError", "invalid literal for int() with base 10: " + python_repr(text));
  std::string digits = without_underscores(numeral.substr(sign_length(numeral)));
  if (digits.size() > kMaxIntTextDigits)
    throw Error("ValueError",
                "Exceeds the limit (4300 digits) for integer string conversion: value has " +
                    std::to_string(digits.size()) +
                    " digits; use sys.set_int_max_str_digits() to increase the limit");
  Value magnitude = int_from_text(digits);
  return numeral[0] == '-' ? num_neg(magnitude) : magnitude;
}

double float_from_string(const Value& text) {
  std::string numeral = ascii_numeral(text.as_string());
  std::string_view unsigned_part = std::string_view(numeral).substr(sign_length(numeral));
  double sign = numeral[0] == '-' ? -1.0 : 1.0;
  if (equals_ignoring_case(unsigned_part, "inf") || equals_ignoring_case(unsigned_part, "infinity"))
    return sign * HUGE_VAL;
  if (equals_ignoring_case(unsigned_part, "nan")) return std::nan("");
  if (!is_python_decimal(numeral))
    throw Error("ValueError", "could not convert string to float: " + python_repr(text));
  return std::strtod(without_underscores(numeral).c_str(), nullptr);
}

[[noreturn]] void throw_bad_conversion(const char* function, const char* accepted, const Value& v) {
  throw Error("TypeError", std::string(function) + "() argument must be " + accepted + ", not '" +
                               type_name(v) + "'");
}

// yaql's int(): Python int() of a number, bool or text, and 0 for null.
Value to_int(const Value& v) {
  if (v.is_null()) return Value::integer(0);
  if (v.is_bool() || v.is_int()) return Value::integer(int_of(v));
  if (v.is_float()) return int_from_double(v.as_float());
  if (v.is_string()) return int_from_string(v);
  throw_bad_conversion("int", "a string, a bytes-like object or a real number", v);
}

Value int_to_float(const Value& v) {
  double d = v.to_double();
  if (std::isinf(d)) throw Error("OverflowError", "int too large to convert to float");
  return Value::number(d);
}

// yaql's float(): Python float() of a number, bool or text, and 0.0 for null.
Value to_float(const Value& v) {
  if (v.is_null()) return Value::number(0.0);
  if (v.is_bool()) return Value::number(v.as_bool() ? 1.0 : 0.0);
  if (v.is_float()) return v;
  if (v.is_int()) return int_to_float(v);
  if (v.is_string()) return Value::number(float_from_string(v));
  throw_bad_conversion("float", "a string or a real number", v);
}

void register_conversions(Registry& r) {
  r.add("int(value: any)", [](Call& c) { return to_int(c[0]); });
  r.add("float(value: any)", [](Call& c) { return to_float(c[0]); });
  r.add("isInteger(value: any)", [](Call& c) { return Value::boolean(c[0].is_int()); });
  r.add("isNumber(value: any)", [](Call& c) { return Value::boolean(c[0].is_number()); });
}

// --- sign and round -----------------------------------------------------------------------

int sign_of(const Value& v) {
  if (v.is_float()) return (v.as_float() > 0) - (v.as_float() < 0);
  return v.is_small_int() ? (v.as_small_int() > 0) - (v.as_small_int() < 0) : v.as_big_int().sign();
}

// An upper bound of the count of decimal digits of a nonzero int.
int64_t decimal_digits_bound(const BigInt& v) { return bit_length(v) * 30103 / 100000 + 1; }

// Python round() of an int to a multiple of 10**-ndigits, ties to even.
Value round_int(const Value& v, int64_t ndigits) {
  if (ndigits >= 0) return v;
  BigInt n = v.as_big_int();
  if (n == 0 || ndigits < -decimal_digits_bound(n)) return Value::integer(0);
  BigInt unit = boost::multiprecision::pow(BigInt(10), static_cast<unsigned>(-ndigits));
  BigInt quotient = n / unit, remainder = n % unit;
  if (remainder < 0) remainder += unit, quotient -= 1;  // floor division
  BigInt twice = 2 * remainder;
  if (twice > unit || (twice == unit && quotient % 2 != 0)) quotient += 1;
  return Value::integer(quotient * unit);
}

// Adds one to a string of decimal digits.
std::string increment_digits(std::string digits) {
  for (size_t i = digits.size(); i-- > 0;) {
    if (digits[i] != '9') return ++digits[i], digits;
    digits[i] = '0';
  }
  return "1" + digits;
}

// Python round() of a float to ndigits decimals: the exact binary value rounded half to
// even, read back as the nearest double.
double round_float(double x, int64_t ndigits) {
  constexpr int kExactDecimals = 1074;  // every double's exact expansion fits
  if (!std::isfinite(x) || ndigits >= kExactDecimals) return x;
  if (ndigits >= 0 && ndigits <= 20) {
    // glibc's %.Nf rounds the exact binary value half to even, as Python's dtoa does.
    char rounded[320 + 20];  // 309 integer digits at most
    std::snprintf(rounded, sizeof rounded, "%.*f", static_cast<int>(ndigits), x);
    return std::strtod(rounded, nullptr);
  }
  std::string text(400 + kExactDecimals, '\0');
  text.resize(std::snprintf(text.data(), text.size(), "%.*f", kExactDecimals, std::fabs(x)));
  size_t point = text.find('.');
  std::string digits = text.substr(0, point) + text.substr(point + 1);
  int64_t keep = static_cast<int64_t>(point) + ndigits;
  if (keep < 0) return std::copysign(0.0, x);
  std::string kept = digits.substr(0, keep);
  char next = digits[keep];
  bool beyond_half = digits.find_first_not_of('0', keep + 1) != std::string::npos;
  bool odd = !kept.empty() && (kept.back() - '0') % 2 == 1;
  if (next > '5' || (next == '5' && (beyond_half || odd))) kept = increment_digits(kept);
  std::string rounded =
      (x < 0 ? "-" : "") + (kept.empty() ? "0" : kept) + "e" + std::to_string(-ndigits);
  double result = std::strtod(rounded.c_str(), nullptr);
  if (std::isinf(result)) throw Error("OverflowError", "rounded value too large to represent");
  return result;
}

void register_sign_and_round(Registry& r) {
  r.add("sign(num: number)", [](Call& c) { return Value::integer(sign_of(c[0])); });
  r.add("round(number: number, ndigits: pyint = 0)", [](Call& c) {
    int64_t ndigits = to_int64(c[1]);
    return c[0].is_float() ? Value::number(round_float(c[0].as_float(), ndigits))
                           : round_int(c[0], ndigits);
  });
}

// --- pow ----------------------------------------------------------------------------------

BigInt floor_mod(const BigInt& a, const BigInt& n) {
  BigInt m = a % n;
  return m < 0 ? m + n : m;
}

// The inverse of a modulo n > 0, as Python's pow(a, -1, n) finds it.
BigInt modular_inverse(const BigInt& a, const BigInt& n) {
  BigInt r0 = n, r1 = a, t0 = 0, t1 = 1;
  while (r1 != 0) {
    BigInt q = r0 / r1;
    r0 = std::exchange(r1, r0 - q * r1);
    t0 = std::exchange(t1, t0 - q * t1);
  }
  if (r0 != 1) throw Error("ValueError", "base is not invertible for the given modulus");
  return floor_mod(t0, n);
}

// Python's three-argument pow(): ints only; the result takes the sign of the modulus.
Value pow_modulo(const Value& base, const Value& exponent, const Value& modulus) {
  if (!base.is_int() || !exponent.is_int() || !modulus.is_int())
    throw Error("TypeError", "pow() 3rd argument not allowed unless all arguments are integers");
  BigInt m = modulus.as_big_int();
  if (m == 0) throw Error("ValueError", "pow() 3rd argument cannot be 0");
  BigInt n = abs(m);
  BigInt b = floor_mod(base.as_big_int(), n), e = exponent.as_big_int();
  if (e < 0) b = modular_inverse(b, n), e = -e;
  BigInt result = n == 1 ? BigInt(0) : boost::multiprecision::powm(b, e, n);
  if (m < 0 && result != 0) result -= n;
  return Value::integer(result);
}

void register_pow(Registry& r) {
  r.add("pow(a: number, b: number, c: number? = null)", [](Call& c) {
    return c[2].is_null() ? num_pow(c[0], c[1]) : pow_modulo(c[0], c[1], c[2]);
  });
}

// --- bitwise operations -------------------------------------------------------------------

int64_t shift_count(const Value& bits) {
  if (int_of(bits) < 0) throw Error("ValueError", "negative shift count");
  return to_int64(bits);
}

Value shift_left(const Value& value, const Value& bits) {
  BigInt n = int_of(value);
  int64_t count = shift_count(bits);
  if (n == 0) return Value::integer(0);
  if (count > kMaxIntBits - bit_length(n)) memory_quota_exceeded();
  return Value::integer(n << static_cast<unsigned>(count));
}

// Python's >>: rounds towards negative infinity (past the last bit: 0 or -1).
Value shift_right(const Value& value, const Value& bits) {
  BigInt n = int_of(value);
  int64_t count = shift_count(bits);
  return Value::integer(n >> static_cast<unsigned>(std::min(count, bit_length(n))));
}

void register_bitwise(Registry& r) {
  using BitOp = BigInt (*)(const BigInt&, const BigInt&);
  static const std::pair<const char*, BitOp> kOperations[] = {
      {"bitwiseAnd(left: pyint, right: pyint)",
       [](const BigInt& a, const BigInt& b) -> BigInt { return a & b; }},
      {"bitwiseOr(left: pyint, right: pyint)",
       [](const BigInt& a, const BigInt& b) -> BigInt { return a | b; }},
      {"bitwiseXor(left: pyint, right: pyint)",
       [](const BigInt& a, const BigInt& b) -> BigInt { return a ^ b; }},
  };
  for (const auto& [signature, op] : kOperations)
    r.add(signature, [op = op](Call& c) { return Value::integer(op(int_of(c[0]), int_of(c[1]))); });
  r.add("bitwiseNot(arg: pyint)", [](Call& c) { return Value::integer(-int_of(c[0]) - 1); });
  r.add("shiftBitsLeft(value: pyint, bitsNumber: pyint)",
        [](Call& c) { return shift_left(c[0], c[1]); });
  r.add("shiftBitsRight(value: pyint, bitsNumber: pyint)",
        [](Call& c) { return shift_right(c[0], c[1]); });
}

// --- max and min --------------------------------------------------------------------------

// a > b through whatever '#operator_>' overload fits (numbers, strings, datetimes, null...).
bool greater(Call& c, const Value& a, const Value& b) {
  return truthy(c.ev.call("#operator_>", c.scope, {RawArg::of(a), RawArg::of(b)}, nullptr, c.span));
}

void register_max_min(Registry& r) {
  r.add("max(a: any, b: any)", [](Call& c) { return greater(c, c[1], c[0]) ? c[1] : c[0]; });
  r.add("min(a: any, b: any)", [](Call& c) { return greater(c, c[1], c[0]) ? c[0] : c[1]; });
}

// --- random -------------------------------------------------------------------------------

std::mt19937_64& random_engine() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return engine;
}

// Uniform in [0.0, 1.0): 53 random bits, like Python's random.random().
double random_unit() { return static_cast<double>(random_engine()() >> 11) * 0x1.0p-53; }

// Uniform in [0, n) for n > 0, by rejection of draws of n's bit length.
BigInt random_below(const BigInt& n) {
  auto bits = static_cast<unsigned>(bit_length(n));
  BigInt mask = (BigInt(1) << bits) - 1;
  for (;;) {
    BigInt draw = 0;
    for (unsigned drawn = 0; drawn < bits; drawn += 64) draw = (draw << 64) | random_engine()();
    draw &= mask;
    if (draw < n) return draw;
  }
}

// A bound of random(from, to) as Python's randint() takes it: an int or an integral float.
BigInt random_bound(const Value& v, const char* role) {
  if (v.is_bool() || v.is_int()) return int_of(v);
  if (!v.is_float())
    throw Error("TypeError", "random() bounds must be integers, not '" + type_name(v) + "'");
  if (v.as_float() != std::floor(v.as_float()))
    throw Error("ValueError", std::string("non-integer ") + role + " for randrange()");
  return int_from_double(v.as_float()).as_big_int();
}

// Python's random.randint(from, to): uniform in [from, to].
Value random_between(const Value& from, const Value& to) {
  BigInt low = random_bound(from, "arg 1"), high = random_bound(to, "stop");
  BigInt span = high - low + 1;
  if (span <= 0) {
    throw Error("ValueError", "empty range for randrange() (" + low.str() + ", " +
                                  BigInt(high + 1).str() + ", " + span.str() + ")");
  }
  return Value::integer(low + random_below(span));
}

void register_random(Registry& r) {
  r.add("random()", [](Call&) { return Value::number(random_unit()); });
  r.add("random(from: any, to: any)", [](Call& c) { return random_between(c[0], c[1]); });
}

}  // namespace

namespace math {
std::string ascii_numeral(std::string_view text) { return yaql::ascii_numeral(text); }
double float_from_string(const Value& text) { return yaql::float_from_string(text); }
double round_float(double x, int64_t ndigits) { return yaql::round_float(x, ndigits); }
Value round_int(const Value& v, int64_t ndigits) { return yaql::round_int(v, ndigits); }
}  // namespace math

void register_math(Registry& r) {
  register_arithmetic(r);
  register_ordering(r);
  register_conversions(r);
  register_sign_and_round(r);
  register_pow(r);
  register_bitwise(r);
  register_max_min(r);
  register_random(r);
}

}  // namespace sirocco::yaql
