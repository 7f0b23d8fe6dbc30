// Python's number conversions and rounding from the YAQL math module, shared with the Jinja
// filters (int, float, round) so that both languages read and round numbers alike.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/value.h"

namespace sirocco::yaql::math {

// The text as Python's int()/float() see it: Unicode digits as ASCII digits, whitespace
// trimmed, any other non-ASCII code point as '?' (which no numeral accepts).
std::string ascii_numeral(std::string_view text);

// Python float(text) of a string value; Error("ValueError") when it is no float.
double float_from_string(const Value& text);

// Python round(x, ndigits) of a float (exact, ties to even) and of an int.
double round_float(double x, int64_t ndigits);
Value round_int(const Value& v, int64_t ndigits);

}  // namespace sirocco::yaql::math
