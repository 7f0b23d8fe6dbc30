// The YAQL strings module (python-yaql's standard_library/strings.py): string comparison,
// concatenation and repetition, case, split/join, trim, replace, search, format, str().
// Strings are UTF-8; every length and index counts code points.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interp/error.h"
#include "interp/text.h"
#include "stdlib/yaql/collections_internal.h"
#include "stdlib/yaql/stdlib.h"
#include "stdlib/yaql/strings_internal.h"
#include "stdlib/yaql/support.h"

namespace sirocco::yaql {
namespace {

using strings::Side;

Value text(std::string s) { return Value::string(std::move(s)); }

const std::string* optional_text(const Value& v) { return v.is_null() ? nullptr : &v.as_string(); }

int64_t saturating_add(int64_t a, int64_t b) {
  int64_t sum;
  if (__builtin_add_overflow(a, b, &sum)) return b > 0 ? INT64_MAX : INT64_MIN;
  return sum;
}

void check_size(const Call& c, size_t bytes) {
  if (bytes > max_result_bytes(c)) memory_quota_exceeded();
}

// yaql's str(): null, true and false the YAQL way, anything else as Python's str().
std::string yaql_str(const Value& v) {
  if (v.is_null()) return "null";
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  return python_str(v, PyStyle::Yaql);
}

// What the reference's Delegate('str') gives: str() as the context defines it (def() may
// redefine it), which must be a string.
std::string str_delegate(Call& c, const Value& v) {
  if (!c.scope->defines_functions()) return yaql_str(v);
  Value s = c.ev.call("str", c.scope, {RawArg::of(v)});
  if (!s.is_string()) throw Error("TypeError", "expected str instance, " + type_name(s) + " found");
  return s.as_string();
}

Value join(Call& c, const Value& sequence, const std::string& separator) {
  std::string out;
  bool first = true;
  for_each_item(sequence, [&](const Value& item) {
    if (!first) out += separator;
    first = false;
    out += str_delegate(c, item);
    check_size(c, out.size());
    return true;
  });
  return text(std::move(out));
}

Value repeat(const Call& c, const std::string& s, const Value& times) {
  int64_t count = repeat_count_arg(times);
  if (count <= 0 || s.empty()) return text("");
  check_repetition(c, count, s.size());
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) out += s;
  return text(std::move(out));
}

std::string concat(const Call& c, const std::vector<Value>& parts) {
  size_t size = 0;
  for (const Value& p : parts) size += p.as_string().size();
  check_size(c, size);
  std::string out;
  out.reserve(size);
  for (const Value& p : parts) out += p.as_string();
  return out;
}

bool has_affix(const Call& c, bool suffix) {
  std::string_view s = c[0].as_string();
  for (const Value& affix : c.rest()) {
    std::string_view a = affix.as_string();
    if (suffix ? s.ends_with(a) : s.starts_with(a)) return true;
  }
  return false;
}

// string.find(sub, start, start + length) with the reference's adjustment of negative
// bounds: a negative start counts from the end, a negative length means "to the end".
int64_t find_in_span(const Call& c, bool last) {
  const Value& s = c[0];
  int64_t start = to_int64(c[2]);
  int64_t length = to_int64(c[3]);
  const int64_t size = static_cast<int64_t>(s.string_length());
  if (start < 0) start = saturating_add(start, size);
  int64_t end = length < 0 ? size : saturating_add(start, length);
  return strings::find(s, c[1].as_string(), start, end, last);
}

// Python's string module constants, as yaql's characters() names them.
struct CharacterClass {
  const char* name;
  const char* chars;  // null: the constant is gone from Python 3 (AttributeError)
  const char* python_name;
};
constexpr char kDigits[] = "0123456789";
constexpr char kLower[] = "abcdefghijklmnopqrstuvwxyz";
constexpr char kUpper[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr char kPunctuation[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
constexpr char kWhitespace[] = " \t\n\r\x0b\x0c";
const std::string kLetters = std::string(kLower) + kUpper;
const std::string kPrintable = kDigits + kLetters + kPunctuation + kWhitespace;
const std::string kHexDigits = std::string(kDigits) + "abcdefABCDEF";
const CharacterClass kCharacterClasses[] = {
    {"digits", kDigits, "digits"},
    {"hexdigits", kHexDigits.c_str(), "hexdigits"},
    {"asciiLowercase", kLower, "ascii_lowercase"},
    {"asciiUppercase", kUpper, "ascii_uppercase"},
    {"asciiLetters", kLetters.c_str(), "ascii_letters"},
    {"letters", nullptr, "letters"},
    {"octdigits", "01234567", "octdigits"},
    {"punctuation", kPunctuation, "punctuation"},
    {"printable", kPrintable.c_str(), "printable"},
    {"lowercase", nullptr, "lowercase"},
    {"uppercase", nullptr, "uppercase"},
    {"whitespace", kWhitespace, "whitespace"},
};

std::string characters_signature() {
  std::string params;
  for (const auto& cls : kCharacterClasses)
    params += std::string(params.empty() ? "" : ", ") + cls.name + ": bool? = false";
  return "characters(" + params + ")";
}

// Every distinct character of the chosen classes (the reference returns them in its set's
// arbitrary order; here they come in first-seen order).
Value characters(const Call& c) {
  std::string chosen;
  for (size_t i = 0; i < std::size(kCharacterClasses); ++i) {
    if (!truthy(c[i])) continue;
    const CharacterClass& cls = kCharacterClasses[i];
    if (!cls.chars)
      throw Error("AttributeError",
                  std::string("module 'string' has no attribute '") + cls.python_name + "'");
    chosen += cls.chars;
  }
  List out;
  std::string seen;
  for (char ch : chosen)
    if (seen.find(ch) == std::string::npos) seen += ch, out.push_back(text(std::string(1, ch)));
  return Value::list(std::move(out));
}

Value hex(const Value& num) {
  if (!num.is_int())
    throw Error("TypeError", "'" + type_name(num) + "' object cannot be interpreted as an integer");
  bool negative = num.is_small_int() ? num.as_small_int() < 0 : num.as_big_int() < 0;
  return text((negative ? "-0x" : "0x") + strings::int_digits(num, 16));
}

Value format(Call& c) {
  std::vector<std::pair<std::string, Value>> kwargs;
  for (const auto& [name, slot] : c.kwargs) kwargs.emplace_back(name, slot.value);
  strings::DateTimeFormatter strftime = [&c](const Value& dt, const std::string& spec) {
    return python_str(c.ev.call("format", c.scope, {RawArg::of(Value::string(spec))}, &dt),
                      PyStyle::Yaql);
  };
  return text(strings::format(c[0].as_string(), c.rest(), kwargs, strftime, max_result_bytes(c)));
}

void register_operators(Registry& r) {
  struct Comparison {
    const char* signature;
    bool (*holds)(int);
  };
  static constexpr Comparison kComparisons[] = {
      {"#operator_<(left: string, right: string)", [](int order) { return order < 0; }},
      {"#operator_<=(left: string, right: string)", [](int order) { return order <= 0; }},
      {"#operator_>(left: string, right: string)", [](int order) { return order > 0; }},
      {"#operator_>=(left: string, right: string)", [](int order) { return order >= 0; }},
  };
  // UTF-8 byte order is code point order, which is how Python orders strings.
  for (const Comparison& cmp : kComparisons)
    r.add(cmp.signature, [holds = cmp.holds](Call& c) {
      return Value::boolean(holds(c[0].as_string().compare(c[1].as_string())));
    });
  r.add("#operator_+(left: string, right: string)", [](Call& c) {
    return text(concat(c, {c[0], c[1]}));
  });
  r.add("concat(*args: string)", [](Call& c) { return text(concat(c, c.rest())); });
  r.add("#operator_*(left: string, right: pyint)",
        [](Call& c) { return repeat(c, c[0].as_string(), c[1]); });
  r.add("#operator_*(left: pyint, right: string)",
        [](Call& c) { return repeat(c, c[1].as_string(), c[0]); });
  r.add("#operator_in(left: string, right: string)", [](Call& c) {
    return Value::boolean(c[1].as_string().find(c[0].as_string()) != std::string::npos);
  });
}

void register_conversions(Registry& r) {
  r.add("str(value: any)", [](Call& c) { return text(yaql_str(c[0])); });
  r.add("isString(arg: any)", [](Call& c) { return Value::boolean(c[0].is_string()); });
  r.add("ext len(string: string)",
        [](Call& c) { return Value::integer(static_cast<int64_t>(c[0].string_length())); });
  r.add("method toUpper(string: string)",
        [](Call& c) { return text(strings::to_upper(c[0].as_string())); });
  r.add("method toLower(string: string)",
        [](Call& c) { return text(strings::to_lower(c[0].as_string())); });
  r.add("method toCharArray(string: string)",
        [](Call& c) { return Value::list(strings::split_characters(c[0].as_string())); });
  r.add(characters_signature(), characters);
  r.add("hex(num: number?)", [](Call& c) { return hex(c[0]); });
  r.add("ext format(__format_string: string, *args: any, **kwargs: any)", format);
}

void register_split_and_join(Registry& r) {
  for (auto [name, from_right] : {std::pair{"split", false}, std::pair{"rightSplit", true}})
    r.add("method " + std::string(name) +
              "(string: string, separator: string? = null, maxSplits: pyint = -1)",
          [from_right = from_right](Call& c) {
            return Value::list(
                strings::split(c[0].as_string(), optional_text(c[1]), ssize_arg(c[2]), from_right));
          });
  r.add("method join(sequence: iterable, separator: string)",
        [](Call& c) { return join(c, c[0], c[1].as_string()); });
  r.add("method join(separator: string, sequence: iterable)",
        [](Call& c) { return join(c, c[1], c[0].as_string()); });
}

void register_trimming(Registry& r) {
  struct Trim {
    const char* signature;
    Side side;
  };
  static constexpr Trim kTrims[] = {
      {"method trim(string: string, chars: string? = null)", Side::Both},
      {"method trimLeft(string: string, chars: string? = null)", Side::Left},
      {"method trimRight(string: string, chars: string? = null)", Side::Right},
  };
  for (const Trim& trim : kTrims)
    r.add(trim.signature, [side = trim.side](Call& c) {
      return text(strings::strip(c[0].as_string(), optional_text(c[1]), side));
    });
  r.add("ext norm(string: string?, chars: string? = null)", [](Call& c) {
    if (c[0].is_null()) return Value();
    std::string trimmed = strings::strip(c[0].as_string(), optional_text(c[1]), Side::Both);
    return trimmed.empty() ? Value() : text(std::move(trimmed));
  });
  r.add("ext isEmpty(string: string?, trim: bool = true, chars: string? = null)", [](Call& c) {
    if (c[0].is_null()) return Value::boolean(true);
    if (!c[1].as_bool()) return Value::boolean(c[0].as_string().empty());
    return Value::boolean(
        strings::strip(c[0].as_string(), optional_text(c[2]), Side::Both).empty());
  });
}

void register_replace(Registry& r) {
  r.add("method replace(string: string, old: string, new: string, count: pyint = -1)", [](Call& c) {
    return text(strings::replace(c[0].as_string(), c[1].as_string(), c[2].as_string(),
                                 ssize_arg(c[3]), max_result_bytes(c)));
  });
  r.add("method replace(string: string, replacements: mapping, count: pyint = -1)", [](Call& c) {
    std::string s = c[0].as_string();
    for (const auto& [old, replacement] : c[1].as_dict())
      s = strings::replace(s, str_delegate(c, old), str_delegate(c, replacement), ssize_arg(c[2]),
                           max_result_bytes(c));
    return text(std::move(s));
  });
}

void register_search(Registry& r) {
  r.add("method substring(string: string, start: pyint, length: pyint = -1)", [](Call& c) {
    const int64_t size = static_cast<int64_t>(c[0].string_length());
    int64_t start = to_int64(c[1]);
    int64_t length = to_int64(c[2]);
    if (length < 0) length = size;
    if (start < 0) start = saturating_add(start, size);
    return text(strings::slice(c[0], start, saturating_add(start, length)));
  });
  for (auto [name, last] : {std::pair{"indexOf", false}, std::pair{"lastIndexOf", true}}) {
    std::string method = "method " + std::string(name);
    r.add(method + "(string: string, sub: string, start: pyint = 0)", [last = last](Call& c) {
      return Value::integer(strings::find(c[0], c[1].as_string(), to_int64(c[2]), INT64_MAX, last));
    });
    r.add(method + "(string: string, sub: string, start: pyint, length: pyint)",
          [last = last](Call& c) { return Value::integer(find_in_span(c, last)); });
  }
  r.add("method startsWith(string: string, *prefixes: string)",
        [](Call& c) { return Value::boolean(has_affix(c, false)); });
  r.add("method endsWith(string: string, *suffixes: string)",
        [](Call& c) { return Value::boolean(has_affix(c, true)); });
}

}  // namespace

void register_strings(Registry& r) {
  register_operators(r);
  register_conversions(r);
  register_split_and_join(r);
  register_trimming(r);
  register_replace(r);
  register_search(r);
}

}  // namespace sirocco::yaql
