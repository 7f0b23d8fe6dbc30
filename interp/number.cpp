// Python int/float arithmetic: int64 fast paths with overflow checks, exact big ints with a
// size guard, Python's floor division, modulo, true division and power rules and messages.
#include "interp/number.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>

#include "interp/error.h"

namespace sirocco {
namespace {

// The size guard works on bits: ints of more bits than this (about kMaxIntDigits decimal
// digits: 2**kMaxIntBits is a little below 10**kMaxIntDigits) are refused.
constexpr size_t kMaxIntBits = static_cast<size_t>(kMaxIntDigits * 3.3219280948873626);

[[noreturn]] void throw_unsupported(std::string_view op, const Value& a, const Value& b) {
  throw Error("TypeError", "unsupported operand type(s) for " + std::string(op) + ": '" +
                               type_name(a) + "' and '" + type_name(b) + "'");
}

[[noreturn]] void throw_too_big() {
  throw Error("MemoryQuotaExceededException", "Expression consumed too much memory");
}

[[noreturn]] void throw_zero_division(const char* message) {
  throw Error("ZeroDivisionError", message);
}

bool is_int_like(const Value& v) { return v.is_int() || v.is_bool(); }
bool is_arithmetic(const Value& v) { return v.is_int() || v.is_float() || v.is_bool(); }

// Reads a small int or a bool into `out`; false for big ints and everything else.
inline bool small_operand(const Value& v, int64_t& out) {
  if (v.is_small_int()) {
    out = v.as_small_int();
    return true;
  }
  if (v.is_bool()) {
    out = v.as_bool();
    return true;
  }
  return false;
}

// Checks that both operands are numbers and says whether the operation is a float one.
bool float_operation(const Value& a, const Value& b, std::string_view op) {
  if (!is_arithmetic(a) || !is_arithmetic(b)) throw_unsupported(op, a, b);
  return a.is_float() || b.is_float();
}

// Python float(x) of an operand: big ints that do not fit raise OverflowError.
double float_operand(const Value& v) {
  double d = v.to_double();
  if (v.is_big_int() && std::isinf(d))
    throw Error("OverflowError", "int too large to convert to float");
  return d;
}

size_t bit_length(const BigInt& n) {
  return n.is_zero() ? 0 : boost::multiprecision::msb(boost::multiprecision::abs(n)) + 1;
}

size_t bit_length(const Value& v) {
  if (v.is_big_int()) return bit_length(v.big_int());
  int64_t x = v.is_bool() ? v.as_bool() : v.as_small_int();
  uint64_t magnitude = x < 0 ? uint64_t{0} - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
  return magnitude == 0 ? 0 : 64 - static_cast<size_t>(__builtin_clzll(magnitude));
}

Value checked_int(const BigInt& n) {
  if (bit_length(n) > kMaxIntBits) throw_too_big();
  return Value::integer(n);
}

// --- division -------------------------------------------------------------------------------

// Python's int / int: the exactly rounded quotient (CPython's long_true_divide).
double true_divide_ints(const BigInt& dividend, const BigInt& divisor) {
  const bool negative = (dividend.sign() < 0) != (divisor.sign() < 0);
  BigInt a = boost::multiprecision::abs(dividend);
  const BigInt b = boost::multiprecision::abs(divisor);
  const double zero = negative ? -0.0 : 0.0;
  if (a.is_zero()) return zero;
  const int64_t diff = static_cast<int64_t>(bit_length(a)) - static_cast<int64_t>(bit_length(b));
  if (diff > DBL_MAX_EXP)
    throw Error("OverflowError", "integer division result too large for a float");
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return zero;
  // Scale a so the quotient has DBL_MANT_DIG + 2 or + 3 bits (fewer when subnormal).
  const int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  bool inexact = false;
  if (shift <= 0) {
    a <<= static_cast<unsigned>(-shift);
  } else {
    inexact = boost::multiprecision::lsb(a) < static_cast<size_t>(shift);
    a >>= static_cast<unsigned>(shift);
  }
  BigInt quotient, remainder;
  boost::multiprecision::divide_qr(a, b, quotient, remainder);
  inexact = inexact || !remainder.is_zero();
  uint64_t q = quotient.convert_to<uint64_t>();
  const int64_t q_bits = 64 - __builtin_clzll(q);
  const int64_t extra_bits = std::max<int64_t>(q_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
  // Round half to even by hand on the low bits, so the conversion below is exact.
  const uint64_t mask = uint64_t{1} << (extra_bits - 1);
  uint64_t low = q | static_cast<uint64_t>(inexact);
  if ((low & mask) && (low & (3 * mask - 1))) low += mask;
  q = low & ~(2 * mask - 1);
  const double dq = static_cast<double>(q);
  if (shift + q_bits >= DBL_MAX_EXP &&
      (shift + q_bits > DBL_MAX_EXP || dq == std::ldexp(1.0, static_cast<int>(q_bits)))) {
    throw Error("OverflowError", "integer division result too large for a float");
  }
  const double result = std::ldexp(dq, static_cast<int>(shift));
  return negative ? -result : result;
}

// CPython's float divmod: the floor quotient and the remainder with the divisor's sign.
struct FloatDivMod {
  double floordiv;
  double mod;
};
FloatDivMod float_divmod(double x, double y) {
  double mod = std::fmod(x, y);
  double div = (x - mod) / y;
  if (mod != 0) {
    if ((y < 0) != (mod < 0)) {
      mod += y;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, y);
  }
  double floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, x / y);
  }
  return {floordiv, mod};
}

Value int_floordiv(const Value& a, const Value& b) {
  int64_t x, y;
  if (small_operand(a, x) && small_operand(b, y)) {
    if (y == 0) throw_zero_division("integer division or modulo by zero");
    if (!(x == std::numeric_limits<int64_t>::min() && y == -1)) {
      int64_t q = x / y;
      if (x % y != 0 && ((x < 0) != (y < 0))) --q;
      return Value::integer(q);
    }
  }
  BigInt divisor = b.as_big_int();
  if (divisor.is_zero()) throw_zero_division("integer division or modulo by zero");
  BigInt quotient, remainder;
  boost::multiprecision::divide_qr(a.as_big_int(), divisor, quotient, remainder);
  if (!remainder.is_zero() && (remainder.sign() < 0) != (divisor.sign() < 0)) --quotient;
  return Value::integer(quotient);
}

Value int_mod(const Value& a, const Value& b) {
  int64_t x, y;
  if (small_operand(a, x) && small_operand(b, y)) {
    if (y == 0) throw_zero_division("integer modulo by zero");
    if (y == -1) return Value::integer(int64_t{0});
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return Value::integer(r);
  }
  BigInt divisor = b.as_big_int();
  if (divisor.is_zero()) throw_zero_division("integer modulo by zero");
  BigInt r = a.as_big_int() % divisor;
  if (!r.is_zero() && (r.sign() < 0) != (divisor.sign() < 0)) r += divisor;
  return Value::integer(r);
}

// --- power ----------------------------------------------------------------------------------

bool is_odd_integer(double d) { return std::fmod(std::fabs(d), 2.0) == 1.0; }

// CPython's float_pow: special cases first, then the platform pow with overflow checked.
double float_pow(double x, double y) {
  if (y == 0) return 1.0;
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return x == 1.0 ? 1.0 : y;
  if (std::isinf(y)) {
    double magnitude = std::fabs(x);
    if (magnitude == 1.0) return 1.0;
    return (y > 0) == (magnitude > 1.0) ? std::fabs(y) : 0.0;
  }
  if (std::isinf(x)) {
    const bool odd = is_odd_integer(y);
    if (y > 0) return odd ? x : std::fabs(x);
    return odd ? std::copysign(0.0, x) : 0.0;
  }
  if (x == 0) {
    if (y < 0) throw_zero_division("0.0 cannot be raised to a negative power");
    return is_odd_integer(y) ? x : 0.0;
  }
  bool negate = false;
  if (x < 0) {
    // Python would answer with a complex number; we have none.
    if (y != std::floor(y)) {
      throw Error("ValueError", "negative number cannot be raised to a fractional power");
    }
    x = -x;
    negate = is_odd_integer(y);
  }
  if (x == 1.0) return negate ? -1.0 : 1.0;
  double result = std::pow(x, y);
  if (std::isinf(result)) throw Error("OverflowError", "(34, 'Numerical result out of range')");
  return negate ? -result : result;
}

// An exact int ** non-negative int, refused when the result would be too large.
Value int_pow(const Value& a, const Value& b) {
  int64_t base = 0, exponent = 0;
  const bool small_base = small_operand(a, base);
  const bool small_exponent = small_operand(b, exponent);
  if (small_base && (base == 0 || base == 1 || base == -1)) {
    if (base == 0) return Value::integer(int64_t{exponent == 0 && small_exponent ? 1 : 0});
    const bool odd = small_exponent ? (exponent & 1) : bit_test(b.big_int(), 0);
    return Value::integer(int64_t{base == -1 && odd ? -1 : 1});
  }
  if (!small_exponent) throw_too_big();
  const double log2_base = small_base ? std::log2(std::fabs(static_cast<double>(base)))
                                      : static_cast<double>(bit_length(a) - 1);
  if (static_cast<double>(exponent) * log2_base > static_cast<double>(kMaxIntBits)) throw_too_big();
  if (small_base) {
    int64_t result = 1, square = base;
    bool overflow = false;
    for (uint64_t n = static_cast<uint64_t>(exponent);;) {
      if (n & 1) overflow |= __builtin_mul_overflow(result, square, &result);
      n >>= 1;
      if (n == 0 || overflow) break;
      overflow |= __builtin_mul_overflow(square, square, &square);
    }
    if (!overflow) return Value::integer(result);
  }
  return checked_int(boost::multiprecision::pow(a.as_big_int(), static_cast<unsigned>(exponent)));
}

bool is_negative_int(const Value& v) {
  if (v.is_big_int()) return v.big_int().sign() < 0;
  return v.is_small_int() && v.as_small_int() < 0;
}

}  // namespace

// --- public operations ------------------------------------------------------------------------

Value num_add(const Value& a, const Value& b) {
  int64_t x, y, r;
  if (small_operand(a, x) && small_operand(b, y) && !__builtin_add_overflow(x, y, &r)) {
    return Value::integer(r);
  }
  if (float_operation(a, b, "+")) return Value::number(float_operand(a) + float_operand(b));
  return checked_int(a.as_big_int() + b.as_big_int());
}

Value num_sub(const Value& a, const Value& b) {
  int64_t x, y, r;
  if (small_operand(a, x) && small_operand(b, y) && !__builtin_sub_overflow(x, y, &r)) {
    return Value::integer(r);
  }
  if (float_operation(a, b, "-")) return Value::number(float_operand(a) - float_operand(b));
  return checked_int(a.as_big_int() - b.as_big_int());
}

Value num_mul(const Value& a, const Value& b) {
  int64_t x, y, r;
  if (small_operand(a, x) && small_operand(b, y) && !__builtin_mul_overflow(x, y, &r)) {
    return Value::integer(r);
  }
  if (float_operation(a, b, "*")) return Value::number(float_operand(a) * float_operand(b));
  if (bit_length(a) + bit_length(b) > kMaxIntBits + 1) throw_too_big();
  return Value::integer(a.as_big_int() * b.as_big_int());
}

Value num_truediv(const Value& a, const Value& b) {
  if (float_operation(a, b, "/")) {
    double x = float_operand(a), y = float_operand(b);
    if (y == 0) throw_zero_division("float division by zero");
    return Value::number(x / y);
  }
  constexpr int64_t kExact = int64_t{1} << DBL_MANT_DIG;
  int64_t x, y;
  if (small_operand(a, x) && small_operand(b, y)) {
    if (y == 0) throw_zero_division("division by zero");
    if (x >= -kExact && x <= kExact && y >= -kExact && y <= kExact) {
      return Value::number(static_cast<double>(x) / static_cast<double>(y));
    }
  }
  const BigInt divisor = b.as_big_int();
  if (divisor.is_zero()) throw_zero_division("division by zero");
  return Value::number(true_divide_ints(a.as_big_int(), divisor));
}

Value num_floordiv(const Value& a, const Value& b) {
  if (!float_operation(a, b, "//")) return int_floordiv(a, b);
  double x = float_operand(a), y = float_operand(b);
  if (y == 0) throw_zero_division("float floor division by zero");
  return Value::number(float_divmod(x, y).floordiv);
}

Value num_mod(const Value& a, const Value& b) {
  if ((a.is_small_int() && b.is_small_int()) || !float_operation(a, b, "%")) return int_mod(a, b);
  double x = float_operand(a), y = float_operand(b);
  if (y == 0) throw_zero_division("float modulo");
  return Value::number(float_divmod(x, y).mod);
}

Value num_pow(const Value& a, const Value& b) {
  if (float_operation(a, b, "** or pow()") || is_negative_int(b)) {
    return Value::number(float_pow(float_operand(a), float_operand(b)));
  }
  return int_pow(a, b);
}

Value num_neg(const Value& a) {
  int64_t x;
  if (small_operand(a, x) && x != std::numeric_limits<int64_t>::min()) return Value::integer(-x);
  if (a.is_float()) return Value::number(-a.as_float());
  if (!is_int_like(a))
    throw Error("TypeError", "bad operand type for unary -: '" + type_name(a) + "'");
  return Value::integer(-a.as_big_int());
}

Value num_abs(const Value& a) {
  int64_t x;
  if (small_operand(a, x) && x != std::numeric_limits<int64_t>::min()) {
    return Value::integer(x < 0 ? -x : x);
  }
  if (a.is_float()) return Value::number(std::fabs(a.as_float()));
  if (!is_int_like(a))
    throw Error("TypeError", "bad operand type for abs(): '" + type_name(a) + "'");
  return Value::integer(boost::multiprecision::abs(a.as_big_int()));
}

Value int_from_double(double d) {
  if (std::isnan(d)) throw Error("ValueError", "cannot convert float NaN to integer");
  if (std::isinf(d)) throw Error("OverflowError", "cannot convert float infinity to integer");
  const double whole = std::trunc(d);
  if (std::fabs(whole) < 9223372036854775808.0) return Value::integer(static_cast<int64_t>(whole));
  // |whole| >= 2**63: an exact 53-bit mantissa shifted left.
  int exponent;
  const double mantissa = std::frexp(std::fabs(whole), &exponent);
  BigInt n = static_cast<int64_t>(std::ldexp(mantissa, DBL_MANT_DIG));
  n <<= static_cast<unsigned>(exponent - DBL_MANT_DIG);
  return Value::integer(whole < 0 ? BigInt(-n) : n);
}

Value int_from_text(std::string_view text) {
  std::string_view digits = text;
  const bool negative = !digits.empty() && digits[0] == '-';
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
  const bool all_digits =
      std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits.empty() || !all_digits) {
    throw Error("ValueError",
                "invalid literal for int() with base 10: '" + std::string(text) + "'");
  }
  if (digits.size() > static_cast<size_t>(kMaxIntDigits)) {
    throw Error("ValueError", "Exceeds the limit (" + std::to_string(kMaxIntDigits) +
                                  " digits) for integer string conversion: value has " +
                                  std::to_string(digits.size()) + " digits");
  }
  constexpr size_t kChunk = 18;  // 10**18 < 2**63
  const auto chunk_value = [](std::string_view s) {
    int64_t v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  };
  if (digits.size() <= kChunk) {
    int64_t v = chunk_value(digits);
    return Value::integer(negative ? -v : v);
  }
  static const BigInt kChunkScale = BigInt(1000000000000000000LL);
  size_t first = digits.size() % kChunk;
  if (first == 0) first = kChunk;
  BigInt n = chunk_value(digits.substr(0, first));
  for (size_t pos = first; pos < digits.size(); pos += kChunk) {
    n *= kChunkScale;
    n += chunk_value(digits.substr(pos, kChunk));
  }
  return Value::integer(negative ? BigInt(-n) : n);
}

}  // namespace sirocco
