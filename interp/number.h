// Python arithmetic on int/float values: unbounded ints, floor division and modulo, true
// division, power, with Python's result types and ZeroDivisionError/OverflowError messages.
#pragma once

#include "interp/value.h"

namespace sirocco {

// Ints are unbounded, but an int result of more than this many decimal digits throws
// Error("MemoryQuotaExceededException") before it is computed (10 ** 10 ** 9 must not hang).
inline constexpr int kMaxIntDigits = 100000;

// Each takes numbers (bool counts as int, like Python) and throws Error("TypeError") for
// anything else, with Python's message ("unsupported operand type(s) for +: 'int' and 'str'").
Value num_add(const Value& a, const Value& b);
Value num_sub(const Value& a, const Value& b);
Value num_mul(const Value& a, const Value& b);
Value num_truediv(const Value& a, const Value& b);   // Python '/': always float
Value num_floordiv(const Value& a, const Value& b);  // Python '//'
Value num_mod(const Value& a, const Value& b);       // Python '%': sign of the divisor
Value num_pow(const Value& a, const Value& b);       // Python '**' (int ** negative int → float)
Value num_neg(const Value& a);
Value num_abs(const Value& a);

// Python int(x) of a float (truncates; inf/nan raise OverflowError/ValueError).
Value int_from_double(double d);
// Parse a decimal integer literal of any length ("123", "-5"; at most kMaxIntDigits digits).
// Throws Error("ValueError", "invalid literal for int() with base 10: 'x'") on bad text.
Value int_from_text(std::string_view digits);

}  // namespace sirocco
