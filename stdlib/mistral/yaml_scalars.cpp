// PyYAML's implicit resolvers (resolver.py) and safe constructors, for YAML 1.1 scalars.
#include "stdlib/mistral/yaml_scalars.h"

#include <cmath>
#include <limits>
#include <string>

#include "interp/error.h"
#include "interp/number.h"
#include "stdlib/yaql/regex_engine.h"

namespace sirocco::mistral {

namespace {

namespace pyregex = yaql::pyregex;

// PyYAML's resolver patterns, which are Python regexes, each matched against a whole scalar
// with Python `re` semantics on PCRE2 (compiling them costs microseconds, not std::regex's
// milliseconds at start-up).
using pyregex::RegexPtr;

RegexPtr whole(const char* pattern) { return pyregex::compile(pattern, pyregex::Flags{}); }

const RegexPtr& bool_pattern() {
  static const RegexPtr re =
      whole("\\A(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)\\Z");
  return re;
}
const RegexPtr& float_pattern() {
  static const RegexPtr re = whole(
      "\\A(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
      "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))"
      "\\Z");
  return re;
}
const RegexPtr& int_pattern() {
  static const RegexPtr re = whole(
      "\\A(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
      "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)\\Z");
  return re;
}
const RegexPtr& null_pattern() {
  static const RegexPtr re = whole("\\A(?:~|null|Null|NULL|)\\Z");
  return re;
}
const RegexPtr& timestamp_pattern() {
  static const RegexPtr re = whole(
      "\\A([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
      "(?:(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]*))?"
      "(?:[ \\t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?\\Z");
  return re;
}

bool full_match(std::string_view text, const RegexPtr& re, pyregex::Match& m) {
  return re->find(text, 0, true, m);
}

bool full_match(std::string_view text, const RegexPtr& re) {
  pyregex::Match m;
  return full_match(text, re, m);
}

std::string without_underscores(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != '_') out += c;
  return out;
}

// Digits in `base`, any length, into an exact int.
Value int_in_base(std::string_view digits, int base) {
  Value n = Value::integer(0);
  const Value radix = Value::integer(base);
  for (char c : digits) {
    const int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    n = num_add(num_mul(n, radix), Value::integer(d));
  }
  return n;
}

Value construct_int(std::string_view text) {
  std::string s = without_underscores(text);
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) negative = s[0] == '-', s.erase(0, 1);
  Value n;
  if (s == "0") {
    n = Value::integer(0);
  } else if (s.rfind("0b", 0) == 0) {
    n = int_in_base(std::string_view(s).substr(2), 2);
  } else if (s.rfind("0x", 0) == 0) {
    n = int_in_base(std::string_view(s).substr(2), 16);
  } else if (s[0] == '0') {
    n = int_in_base(std::string_view(s).substr(1), 8);
  } else if (s.find(':') != std::string::npos) {  // sexagesimal: 1:30 is 90
    n = Value::integer(0);
    size_t start = 0;
    while (true) {
      const size_t colon = s.find(':', start);
      n = num_add(num_mul(n, Value::integer(60)),
                  int_from_text(std::string_view(s).substr(start, colon - start)));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  } else {
    n = int_from_text(s);
  }
  return negative ? num_neg(n) : n;
}

Value construct_float(std::string_view text) {
  std::string s = without_underscores(text);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  double sign = 1;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) sign = s[0] == '-' ? -1 : 1, s.erase(0, 1);
  if (s == ".inf") return Value::number(sign * std::numeric_limits<double>::infinity());
  if (s == ".nan") return Value::number(std::numeric_limits<double>::quiet_NaN());
  if (s.find(':') != std::string::npos) {  // sexagesimal: 1:30.5 is 90.5
    double value = 0;
    size_t start = 0;
    while (true) {
      const size_t colon = s.find(':', start);
      value = value * 60 + std::stod(s.substr(start, colon - start));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    return Value::number(sign * value);
  }
  return Value::number(sign * std::strtod(s.c_str(), nullptr));
}

int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {  // proleptic Gregorian
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

int days_in_month(int64_t y, int64_t m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// A timestamp as a datetime: naive without a zone (a bare date is midnight, naive),
// shown in its own offset with one.
Value construct_timestamp(std::string_view text) {
  pyregex::Match m;
  if (!full_match(text, timestamp_pattern(), m))
    throw Error("ConstructorError", "could not read a timestamp from '" + std::string(text) + "'");
  auto group = [&](size_t i) { return std::string(m.matched(i) ? m.text(text, i) : ""); };
  auto number = [&](size_t i) { return m.matched(i) ? std::stoll(group(i)) : 0; };
  const int64_t year = number(1), month = number(2), day = number(3);
  const int64_t hour = number(4), minute = number(5), second = number(6);
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 ||
      minute > 59 || second > 59)
    throw Error("ValueError", "timestamp out of range: '" + std::string(text) + "'");
  std::string fraction = group(7);
  fraction = (fraction + "000000").substr(0, 6);
  int64_t offset_sec = 0;
  const bool aware = m.matched(8);
  if (aware && group(8) != "Z") {
    offset_sec = number(10) * 3600 + number(11) * 60;
    if (group(9) == "-") offset_sec = -offset_sec;
  }
  const int64_t wall =
      ((days_from_civil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second;
  DateTimeParts parts;
  parts.micros = (wall - offset_sec) * 1'000'000 + std::stoll(fraction);
  parts.offset_sec = static_cast<int32_t>(offset_sec);
  parts.naive = !aware;
  return Value::datetime(parts);
}

}  // namespace

Value resolve_plain_scalar(std::string_view text) {
  if (full_match(text, null_pattern())) return Value();
  if (full_match(text, bool_pattern())) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return Value::boolean(c == 'y' || c == 't' || (c == 'o' && text.size() == 2));
  }
  if (full_match(text, int_pattern())) return construct_int(text);
  if (full_match(text, float_pattern())) return construct_float(text);
  if (full_match(text, timestamp_pattern())) return construct_timestamp(text);
  return Value::string(std::string(text));
}

bool plain_scalar_is_ambiguous(std::string_view text) {
  return full_match(text, null_pattern()) || full_match(text, bool_pattern()) ||
         full_match(text, int_pattern()) || full_match(text, float_pattern()) ||
         full_match(text, timestamp_pattern()) || text == "<<" || text == "=";
}

Value construct_tagged_scalar(std::string_view tag, std::string_view text) {
  if (tag == "str") return Value::string(std::string(text));
  if (tag == "null") return Value();
  if (tag == "bool" && full_match(text, bool_pattern())) return resolve_plain_scalar(text);
  if (tag == "int" && full_match(text, int_pattern())) return construct_int(text);
  if (tag == "float" && (full_match(text, float_pattern()) || full_match(text, int_pattern())))
    return construct_float(text);
  if (tag == "timestamp") return construct_timestamp(text);
  throw Error("ConstructorError",
              "could not construct a '" + std::string(tag) + "' from '" + std::string(text) + "'");
}

}  // namespace sirocco::mistral
