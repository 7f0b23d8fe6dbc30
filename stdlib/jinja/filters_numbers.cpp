// Jinja's number filters: abs, int (with its base and its fallback through float), float,
// round (Python's round, or ceil/floor at a precision) and filesizeformat.
#include <cmath>
#include <optional>

#include "interp/error.h"
#include "interp/number.h"
#include "interp/text.h"
#include "stdlib/jinja/filters_internal.h"
#include "stdlib/yaql/math_internal.h"
#include "stdlib/yaql/strings_internal.h"

namespace sirocco::jinja::filters {
namespace {

// Python caps int() of text in a base that is no power of two at this many digits.
constexpr size_t kMaxIntTextDigits = 4300;

int digit_value(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'z') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'Z') return ch - 'A' + 10;
  return 99;
}

// Python int(text, base) for a base of 0 or 2..36; nullopt where Python raises ValueError.
std::optional<Value> parse_int(const std::string& text, int64_t base) {
  std::string s = yaql::math::ascii_numeral(text);
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  auto prefix_base = [&]() -> int64_t {
    if (i + 1 >= s.size() || s[i] != '0') return 0;
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + 1])));
    return p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
  };
  int64_t prefixed = prefix_base();
  bool after_prefix = false, guess_base = base == 0;
  if (base == 0) {
    base = prefixed ? prefixed : 10;
    if (prefixed) i += 2, after_prefix = true;
  } else if (prefixed && prefixed == base) {
    i += 2, after_prefix = true;
  }
  std::string digits;
  for (bool need_digit = !after_prefix; i < s.size(); ++i) {
    if (s[i] == '_' && !need_digit) {
      need_digit = true;
      continue;
    }
    if (digit_value(s[i]) >= base) return std::nullopt;
    digits += s[i];
    need_digit = false;
  }
  if (digits.empty() || s.back() == '_') return std::nullopt;
  // Base 0 reads decimals without leading zeros ("010" is an error, "00" is not).
  if (guess_base && !prefixed && digits[0] == '0' &&
      digits.find_first_not_of('0') != std::string::npos)
    return std::nullopt;
  bool power_of_two = (base & (base - 1)) == 0;
  if (!power_of_two && digits.size() > kMaxIntTextDigits) return std::nullopt;
  BigInt value = 0;
  for (char d : digits) value = value * static_cast<int>(base) + digit_value(d);
  return Value::integer(negative ? BigInt(-value) : value);
}

// Python float(v) for int(), float() and filesizeformat: nullopt where Python raises
// TypeError or ValueError; an Undefined raises UndefinedError.
std::optional<double> to_float(const Value& v) {
  if (as_undefined(v)) throw undefined_error(v);
  if (v.is_float()) return v.as_float();
  if (v.is_bool()) return v.as_bool() ? 1.0 : 0.0;
  if (v.is_int()) {
    double d = v.to_double();
    if (std::isinf(d)) throw Error("OverflowError", "int too large to convert to float");
    return d;
  }
  if (!v.is_string()) return std::nullopt;
  try {
    return yaql::math::float_from_string(v);
  } catch (const Error& e) {
    if (e.type() != "ValueError") throw;
    return std::nullopt;
  }
}

// Python int(v) of a non-string value: nullopt where Python raises TypeError or ValueError.
std::optional<Value> to_int(const Value& v) {
  if (as_undefined(v)) throw undefined_error(v);
  if (v.is_int()) return v;
  if (v.is_bool()) return Value::integer(v.as_bool() ? 1 : 0);
  if (v.is_float()) {
    if (std::isnan(v.as_float())) return std::nullopt;
    return int_from_double(v.as_float());
  }
  return std::nullopt;
}

Value int_filter(Call& c) {
  const Value& value = c[0];
  const Value& base = c[2];
  std::optional<Value> result;
  if (value.is_string()) {
    bool valid_base = (base.is_int() || base.is_bool()) &&
                      (int_arg(base) == 0 || (int_arg(base) >= 2 && int_arg(base) <= 36));
    if (valid_base) result = parse_int(value.as_string(), int_arg(base));
  } else {
    result = to_int(value);
  }
  if (result) return *result;
  std::optional<double> d = to_float(value);
  if (!d || std::isnan(*d)) return c[1];
  return int_from_double(*d);
}

Value abs_filter(const Value& v) {
  if (v.is_bool()) return Value::integer(v.as_bool() ? 1 : 0);
  if (!v.is_number())
    throw Error("TypeError", "bad operand type for abs(): '" + type_name(v) + "'");
  return num_abs(v);
}

// math.floor / math.ceil of a number: an int.
Value floor_or_ceil(const Value& v, bool ceil) {
  if (v.is_int()) return v;
  if (v.is_bool()) return Value::integer(v.as_bool() ? 1 : 0);
  if (!v.is_float()) throw Error("TypeError", "must be real number, not " + type_name(v));
  double d = ceil ? std::ceil(v.as_float()) : std::floor(v.as_float());
  return int_from_double(d);
}

Value round_filter(Call& c) {
  const Value& value = c[0];
  std::string method = jinja_str(c[2]).value();
  if (method != "common" && method != "ceil" && method != "floor")
    throw Error("FilterArgumentError", "method must be common, ceil or floor");
  if (method == "common") {
    if (!value.is_number() && !value.is_bool())
      throw Error("TypeError", "type " + type_name(value) + " doesn't define __round__ method");
    if (c[1].is_null())
      return value.is_float() ? int_from_double(yaql::math::round_float(value.as_float(), 0))
                              : to_int(value).value();
    int64_t precision = int_arg(c[1]);
    if (value.is_float() && value.as_float() == 0) return value;  // keeps the sign of -0.0
    if (value.is_float())
      return Value::number(yaql::math::round_float(value.as_float(), precision));
    return yaql::math::round_int(to_int(value).value(), precision);
  }
  if (as_undefined(c[1])) throw undefined_error(c[1]);  // 10 ** Undefined
  if (!c[1].is_int() && !c[1].is_bool())
    throw Error("TypeError",
                "unsupported operand type(s) for ** or pow(): 'int' and '" + type_name(c[1]) + "'");
  Value scale = num_pow(Value::integer(10), c[1]);
  Value scaled = value.is_string() ? value : num_mul(value, scale);
  return num_truediv(floor_or_ceil(scaled, method == "ceil"), scale);
}

Value filesizeformat(Call& c) {
  std::optional<double> parsed = to_float(c[0]);
  if (!parsed) {
    if (c[0].is_string())
      throw Error("ValueError", "could not convert string to float: " + python_repr(c[0]));
    throw Error("TypeError", "float() argument must be a string or a real number, not '" +
                                 type_name(c[0]) + "'");
  }
  double bytes = *parsed;
  bool binary = truth(c[1]).value();
  int base = binary ? 1024 : 1000;
  static const char* const kDecimal[] = {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  static const char* const kBinary[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
  if (bytes == 1) return text("1 Byte");
  if (bytes < base) return text(int_text(int_from_double(bytes)) + " Bytes");
  BigInt unit = base;
  size_t i = 0;
  for (; i < 8; ++i) {
    unit *= base;
    if (compare(Value::number(bytes), Value::integer(unit)) < 0) break;
  }
  if (i == 8) i = 7;
  Value size = num_truediv(Value::number(base * bytes), Value::integer(unit));
  return text(yaql::strings::format_value(size, ".1f", nullptr, max_bytes(c.runtime)) + " " +
              (binary ? kBinary : kDecimal)[i]);
}

}  // namespace

void register_number_filters(Registry& r) {
  r.add("abs(x: any)", [](Call& c) { return abs_filter(c[0]); });
  r.add("int(value: any, default: any = 0, base: any = 10)", int_filter);
  r.add("float(value: any, default: any = 0.0)", [](Call& c) {
    std::optional<double> d = to_float(c[0]);
    return d ? Value::number(*d) : c[1];
  });
  r.add("round(value: any, precision: any = 0, method: any = 'common')", round_filter);
  r.add("filesizeformat(value: any, binary: any = false)", filesizeformat);
}

}  // namespace sirocco::jinja::filters
