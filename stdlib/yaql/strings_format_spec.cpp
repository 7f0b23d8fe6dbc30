// The format-spec mini-language of Python's format(value, spec) (CPython's
// formatter_unicode.c) for the values YAQL has: str, int, bool and float, datetimes through
// strftime, and anything else with an empty spec only.
#include <cinttypes>
#include <climits>
#include <cmath>
#include <cstdio>
#include <optional>

#include "interp/error.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/yaql/collections_internal.h"
#include "stdlib/yaql/strings_internal.h"

namespace sirocco::yaql::strings {
namespace {

std::string quoted_code(char32_t cp) { return "'" + code_point_name(cp) + "'"; }

[[noreturn]] void unknown_code(char32_t type, std::string_view type_name) {
  value_error("Unknown format code " + quoted_code(type) + " for object of type '" +
              std::string(type_name) + "'");
}

// --- format specs: [[fill]align][sign][z][#][0][width][grouping][.precision][type] ----------

struct Spec {
  char32_t fill = ' ';
  char32_t align = 0;
  char32_t sign = 0;
  bool no_negative_zero = false;
  bool alternate = false;
  int64_t width = -1;
  char grouping = 0;  // ',' or '_'
  int group_size = 3;
  int64_t precision = -1;
  char32_t type = 0;  // 0: none given and no default
};

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads a run of decimal digits at `pos`; nullopt when there is none.
std::optional<int64_t> read_integer(const std::vector<char32_t>& s, size_t& pos) {
  if (pos >= s.size() || s[pos] < '0' || s[pos] > '9') return std::nullopt;
  int64_t value = 0;
  for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos) {
    int digit = static_cast<int>(s[pos] - '0');
    if (value > (INT64_MAX - digit) / 10) value_error("Too many decimal digits in format string");
    value = value * 10 + digit;
  }
  return value;
}

bool is_one_of(char32_t c, std::u32string_view options) {
  return c != 0 && options.find(c) != std::u32string_view::npos;
}

// Grouping goes with decimal types (and no type), '_' also with binary, octal and hex in
// groups of four.
void check_grouping(Spec& f) {
  if (!f.grouping || f.type == 0 || is_one_of(f.type, U"defgEG%F")) return;
  if (f.grouping == '_' && is_one_of(f.type, U"boxX")) {
    f.group_size = 4;
    return;
  }
  value_error(std::string("Cannot specify '") + f.grouping + "' with " + quoted_code(f.type) + ".");
}

Spec parse_spec(std::string_view text, char32_t default_type, char32_t default_align,
                std::string_view type_name, size_t max_bytes) {
  std::vector<char32_t> s;
  for (size_t p = 0; p < text.size();) s.push_back(utf8::decode(text, p));
  Spec f;
  f.align = default_align;
  f.type = default_type;
  size_t pos = 0;
  auto at = [&](size_t i) -> char32_t { return i < s.size() ? s[i] : 0; };
  bool fill_given = false, align_given = false;
  if (s.size() >= 2 && is_align(s[1])) {
    f.fill = s[0], f.align = s[1], pos = 2;
    fill_given = align_given = true;
  } else if (is_align(at(0))) {
    f.align = s[0], pos = 1;
    align_given = true;
  }
  if (at(pos) == '+' || at(pos) == '-' || at(pos) == ' ') f.sign = s[pos++];
  if (at(pos) == 'z') f.no_negative_zero = true, ++pos;
  if (at(pos) == '#') f.alternate = true, ++pos;
  if (!fill_given && at(pos) == '0') {
    f.fill = '0';
    if (!align_given && default_align == '>') f.align = '=';
    ++pos;
  }
  f.width = read_integer(s, pos).value_or(-1);
  if (at(pos) == ',') f.grouping = ',', ++pos;
  if (at(pos) == '_') {
    if (f.grouping) value_error("Cannot specify both ',' and '_'.");
    f.grouping = '_', ++pos;
  }
  if (at(pos) == ',' && f.grouping == '_') value_error("Cannot specify both ',' and '_'.");
  if (at(pos) == '.') {
    ++pos;
    auto precision = read_integer(s, pos);
    if (!precision) value_error("Format specifier missing precision");
    f.precision = *precision;
  }
  if (s.size() - pos > 1)
    value_error("Invalid format specifier '" + std::string(text) + "' for object of type '" +
                std::string(type_name) + "'");
  if (pos < s.size()) f.type = s[pos];
  check_grouping(f);
  if (f.width > static_cast<int64_t>(max_bytes)) memory_quota_exceeded();
  return f;
}

// --- padding and number layout --------------------------------------------------------------

void append_fill(std::string& out, char32_t fill, int64_t count) {
  for (int64_t i = 0; i < count; ++i) utf8::append(out, fill);
}

// Pads text (of `length` code points) to the spec's width with its fill and alignment.
std::string pad(std::string_view text, size_t length, const Spec& f) {
  int64_t padding = f.width - static_cast<int64_t>(length);
  if (padding <= 0) return std::string(text);
  int64_t left = f.align == '>' ? padding : f.align == '^' ? padding / 2 : 0;
  std::string out;
  append_fill(out, f.fill, left);
  out += text;
  append_fill(out, f.fill, padding - left);
  return out;
}

// Groups integer digits from the right (CPython's _PyUnicode_InsertThousandsGrouping): with
// zero padding to `min_width`, the padding zeros are grouped too.
std::string group_digits(std::string_view digits, int group, char separator, int64_t min_width) {
  std::string reversed;
  int64_t remaining = static_cast<int64_t>(digits.size());
  min_width = std::max<int64_t>(min_width, 0);
  bool separate = false;
  auto emit = [&](int64_t length) {
    int64_t chars = std::max<int64_t>(0, std::min(remaining, length));
    if (separate) reversed += separator;
    for (int64_t i = 0; i < chars; ++i) reversed += digits[--remaining];
    reversed.append(static_cast<size_t>(std::max<int64_t>(0, length - chars)), '0');
  };
  while (group > 0) {
    int64_t length = std::min<int64_t>(group, std::max({remaining, min_width, int64_t{1}}));
    emit(length);
    separate = true;
    min_width -= length;
    if (remaining <= 0 && min_width <= 0) return std::string(reversed.rbegin(), reversed.rend());
    min_width -= 1;
  }
  emit(std::max({remaining, min_width, int64_t{1}}));
  return std::string(reversed.rbegin(), reversed.rend());
}

// A number split the way CPython lays it out: sign, prefix, integer digits, decimal point,
// remainder (fraction, exponent, '%', or the character of 'c').
struct Number {
  bool negative = false;
  std::string prefix;
  std::string digits;
  bool has_decimal = false;
  std::string remainder;
};

std::string layout(const Number& n, const Spec& f) {
  std::string sign;
  if (n.negative)
    sign = "-";
  else if (f.sign == '+' || f.sign == ' ')
    sign = std::string(1, static_cast<char>(f.sign));
  int64_t fixed = static_cast<int64_t>(sign.size() + n.prefix.size() + n.has_decimal +
                                       utf8::length(n.remainder));
  int64_t min_width = f.fill == '0' && f.align == '=' ? f.width - fixed : 0;
  std::string digits;
  if (!n.digits.empty())
    digits = group_digits(n.digits, f.grouping ? f.group_size : 0, f.grouping, min_width);
  int64_t padding = f.width - fixed - static_cast<int64_t>(digits.size());
  std::string out;
  if (padding > 0 && f.align == '>') append_fill(out, f.fill, padding);
  if (padding > 0 && f.align == '^') append_fill(out, f.fill, padding / 2);
  out += sign + n.prefix;
  if (padding > 0 && f.align == '=') append_fill(out, f.fill, padding);
  out += digits;
  if (n.has_decimal) out += '.';
  out += n.remainder;
  if (padding > 0 && f.align == '<') append_fill(out, f.fill, padding);
  if (padding > 0 && f.align == '^') append_fill(out, f.fill, padding - padding / 2);
  return out;
}

// Splits formatted float text ("-123.45e+06") into a Number.
Number split_number(std::string_view text) {
  Number n;
  n.negative = !text.empty() && text[0] == '-';
  if (n.negative) text.remove_prefix(1);
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  n.digits = text.substr(0, digits);
  n.has_decimal = digits < text.size() && text[digits] == '.';
  n.remainder = text.substr(digits + n.has_decimal);
  return n;
}

// --- floats -----------------------------------------------------------------------------------

std::string printf_double(const char* format, int precision, double d) {
  int size = std::snprintf(nullptr, 0, format, precision, d);
  std::string out(static_cast<size_t>(size) + 1, '\0');
  std::snprintf(out.data(), out.size(), format, precision, d);
  out.pop_back();
  return out;
}

// CPython's format_float_short for 'g': `precision` significant digits, trailing zeros
// dropped unless `alternate`; with add_dot_0 (no type given) fixed notation keeps a ".0"
// and switches to an exponent one digit earlier.
std::string general_format(double d, int64_t precision, bool alternate, bool add_dot_0) {
  if (precision == 0) precision = 1;
  std::string e = printf_double("%.*e", static_cast<int>(precision - 1), d);
  bool negative = e[0] == '-';
  size_t e_pos = e.find('e');
  std::string digits;
  for (size_t i = negative; i < e_pos; ++i)
    if (e[i] != '.') digits += e[i];
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int64_t decpt = std::stoll(e.substr(e_pos + 1)) + 1;
  bool use_exp = decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision);
  int64_t exponent = decpt - 1;
  if (use_exp) decpt = 1;
  const int64_t length = static_cast<int64_t>(digits.size());
  int64_t end = alternate ? precision : length;
  end = std::max(end, !use_exp && add_dot_0 ? decpt + 1 : decpt);
  std::string out = negative ? "-" : "";
  if (decpt <= 0) out += "0." + std::string(static_cast<size_t>(-decpt), '0');
  if (decpt > 0 && decpt <= length)
    out += digits.substr(0, decpt) + "." + digits.substr(decpt);
  else
    out += digits;
  if (length < decpt)
    out += std::string(decpt - length, '0') + "." + std::string(end - decpt, '0');
  else
    out += std::string(static_cast<size_t>(end - length), '0');
  if (out.back() == '.' && !alternate) out.pop_back();
  if (use_exp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%+.02" PRId64, exponent);
    out += buf;
  }
  return out;
}

// Python's PyOS_double_to_string for the codes 'r' (repr), 'e', 'f', 'g'.
std::string float_text(double d, char code, int64_t precision, bool alternate, bool add_dot_0) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  switch (code) {
    case 'r':
      return float_repr(d);
    case 'e':
      return printf_double(alternate ? "%#.*e" : "%.*e", static_cast<int>(precision), d);
    case 'f':
      return printf_double(alternate ? "%#.*f" : "%.*f", static_cast<int>(precision), d);
    default:
      return general_format(d, precision, alternate, add_dot_0);
  }
}

void drop_negative_zero(std::string& text) {
  if (text.empty() || text[0] != '-') return;
  for (char c : text.substr(1, text.find_first_of("eE") - 1))
    if (c != '0' && c != '.') return;
  text.erase(0, 1);
}

std::string format_float(double d, std::string_view spec, std::string_view type_name,
                         size_t max_bytes) {
  Spec f = parse_spec(spec, 0, '>', type_name, max_bytes);
  char32_t type = f.type;
  if (type != 0 && !is_one_of(type, U"eEfFgGn%")) unknown_code(type, type_name);
  if (f.precision > static_cast<int64_t>(max_bytes)) memory_quota_exceeded();
  if (f.precision > INT_MAX) value_error("precision too big");
  bool add_dot_0 = type == 0;
  char code = type == 0     ? 'r'
              : type == 'n' ? 'g'
              : type == '%' ? 'f'
                            : static_cast<char>(std::tolower(static_cast<int>(type)));
  if (type == '%') d *= 100;
  int64_t precision = f.precision;
  if (precision < 0)
    precision = type == 0 ? 0 : 6;
  else if (code == 'r')
    code = 'g';
  std::string text = float_text(d, code, precision, f.alternate, add_dot_0);
  if (f.no_negative_zero) drop_negative_zero(text);
  if (type == '%') text += '%';
  if (type == 'E' || type == 'F' || type == 'G')
    for (char& c : text) c = static_cast<char>(std::toupper(c));
  return layout(split_number(text), f);
}

// --- ints -----------------------------------------------------------------------------------

bool is_negative(const Value& v) {
  if (v.is_bool()) return false;
  return v.is_small_int() ? v.as_small_int() < 0 : v.as_big_int() < 0;
}

std::string character_of(const Value& v) {
  if (v.is_big_int()) throw Error("OverflowError", "Python int too large to convert to C long");
  int64_t code = v.is_bool() ? v.as_bool() : v.as_small_int();
  if (code < 0 || code > 0x10FFFF) throw Error("OverflowError", "%c arg not in range(0x110000)");
  std::string out;
  utf8::append(out, static_cast<char32_t>(code));
  return out;
}

std::string format_int(const Value& v, std::string_view spec, std::string_view type_name,
                       size_t max_bytes) {
  Spec f = parse_spec(spec, 'd', '>', type_name, max_bytes);
  if (is_one_of(f.type, U"eEfFgG%")) {
    double d = v.to_double();
    if (std::isinf(d)) throw Error("OverflowError", "int too large to convert to float");
    return format_float(d, spec, type_name, max_bytes);
  }
  if (!is_one_of(f.type, U"bcdoxXn")) unknown_code(f.type, type_name);
  if (f.precision >= 0) value_error("Precision not allowed in integer format specifier");
  if (f.no_negative_zero)
    value_error("Negative zero coercion (z) not allowed in integer format specifier");
  Number n;
  if (f.type == 'c') {
    if (f.sign) value_error("Sign not allowed with integer format specifier 'c'");
    if (f.alternate)
      value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    n.remainder = character_of(v);
    return layout(n, f);
  }
  int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : f.type == 'x' || f.type == 'X' ? 16 : 10;
  n.negative = is_negative(v);
  n.digits = int_digits(v, base);
  if (f.alternate && base != 10) n.prefix = std::string("0") + static_cast<char>(f.type);
  if (f.type == 'X')
    for (std::string* s : {&n.digits, &n.prefix})
      for (char& c : *s) c = static_cast<char>(std::toupper(c));
  return layout(n, f);
}

// --- strings and other values ---------------------------------------------------------------

std::string format_text(std::string_view s, std::string_view spec, size_t max_bytes) {
  Spec f = parse_spec(spec, 's', '<', "str", max_bytes);
  if (f.type != 's') unknown_code(f.type, "str");
  if (f.sign)
    value_error(f.sign == ' ' ? "Space not allowed in string format specifier"
                              : "Sign not allowed in string format specifier");
  if (f.no_negative_zero)
    value_error("Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate) value_error("Alternate form (#) not allowed in string format specifier");
  if (f.align == '=') value_error("'=' alignment not allowed in string format specifier");
  size_t length = utf8::length(s);
  if (f.precision >= 0 && static_cast<size_t>(f.precision) < length) {
    s = s.substr(0, utf8::offset_of(s, static_cast<size_t>(f.precision)));
    length = static_cast<size_t>(f.precision);
  }
  return pad(s, length, f);
}

// The Python type a YAQL value is inside the reference, for error messages.
std::string python_type_name(const Value& v) {
  switch (v.kind()) {
    case Kind::List:
      return "tuple";
    case Kind::Dict:
      return "FrozenDict";
    case Kind::Set:
      return "frozenset";
    default:
      return type_name(v);
  }
}

}  // namespace

void value_error(std::string message) { throw Error("ValueError", std::move(message)); }

std::string code_point_name(char32_t cp) {
  if (cp > 32 && cp < 128) return std::string(1, static_cast<char>(cp));
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(cp));
  return buf;
}

std::string format_value(const Value& v, const std::string& spec,
                         const DateTimeFormatter& format_datetime, size_t max_bytes,
                         PyStyle style) {
  if (spec.empty()) return python_str(v, style);
  switch (v.kind()) {
    case Kind::String:
      return format_text(v.as_string(), spec, max_bytes);
    case Kind::Bool:
    case Kind::Int:
      return format_int(v, spec, v.is_bool() ? "bool" : "int", max_bytes);
    case Kind::Float:
      return format_float(v.as_float(), spec, "float", max_bytes);
    case Kind::DateTime:
      return format_datetime(v, spec);
    default:
      throw Error("TypeError",
                  "unsupported format string passed to " + python_type_name(v) + ".__format__");
  }
}

}  // namespace sirocco::yaql::strings
