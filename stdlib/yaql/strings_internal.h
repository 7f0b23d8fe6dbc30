// Internal pieces of the YAQL strings module: Python's str algorithms on UTF-8 text (every
// index and length counts code points, as Python's do) and str.format.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interp/text.h"
#include "interp/value.h"

namespace sirocco::yaql::strings {

// str.upper() and str.lower(), with Unicode's full case mappings ('ß' → 'SS').
std::string to_upper(std::string_view s);
std::string to_lower(std::string_view s);

// str.split(separator, max_splits), or str.rsplit when from_right. A null separator splits
// on runs of whitespace; an empty one is a ValueError. A negative max_splits means no limit.
List split(std::string_view s, const std::string* separator, int64_t max_splits, bool from_right);

// tuple(s): every code point as a string of its own.
List split_characters(std::string_view s);

// str.strip(chars) and its one-sided forms; null chars means whitespace.
enum class Side { Left, Right, Both };
std::string strip(std::string_view s, const std::string* chars, Side side);

// str.replace(old, replacement, count); a negative count replaces every occurrence. A
// result past max_bytes is a MemoryQuotaExceededException.
std::string replace(std::string_view s, std::string_view old, std::string_view replacement,
                    int64_t count, size_t max_bytes);

// str.find(sub, start, end), or str.rfind when last: bounds are Python slice bounds in code
// points; the answer is a code point index or -1.
int64_t find(const Value& s, std::string_view sub, int64_t start, int64_t end, bool last);

// s[start:stop] with Python's slice bounds, in code points.
std::string slice(const Value& s, int64_t start, int64_t stop);

// The digits of the magnitude of an int value in base 2, 8, 10 or 16 (lowercase).
std::string int_digits(const Value& v, int base);

// Renders a datetime for a non-empty format spec (Python's datetime.__format__: strftime).
using DateTimeFormatter =
    std::function<std::string(const Value& datetime, const std::string& spec)>;

// Python's format(value, spec): the __format__ of str, int, bool and float; datetimes go to
// format_datetime; any other value takes an empty spec only (its str() in `style`).
std::string format_value(const Value& v, const std::string& spec,
                         const DateTimeFormatter& format_datetime, size_t max_bytes,
                         PyStyle style = PyStyle::Yaql);

// Throws Error("ValueError", message).
[[noreturn]] void value_error(std::string message);

// A code point as CPython names it in messages: itself when printable ASCII, else \x...
std::string code_point_name(char32_t cp);

// How str.format renders for a language. YAQL's defaults print containers as tuples and
// frozensets and refuse attribute and index lookups in fields ({0.x}, {0[k]}): they were the
// way into the interpreter in yaql's CVE-2024-29156. Jinja prints Python lists and sets,
// resolves such lookups through `walk` (its sandboxed runtime) and vets each value before
// it is formatted through `check` (a strict Undefined raises).
struct FormatOptions {
  PyStyle style = PyStyle::Yaql;
  // obj.name (attribute true, key a str) or obj[key] (key an int when all digits, else str).
  std::function<Value(const Value& obj, bool attribute, const Value& key)> walk;
  std::function<void(const Value&)> check;
};

// Python's str.format(*args, **kwargs): fields {} {0} {name}, conversions !r !s !a and the
// format-spec mini-language. A result, width or precision past max_bytes is a
// MemoryQuotaExceededException.
std::string format(std::string_view pattern, const std::vector<Value>& args,
                   const std::vector<std::pair<std::string, Value>>& kwargs,
                   const DateTimeFormatter& format_datetime, size_t max_bytes,
                   const FormatOptions& options = {});

}  // namespace sirocco::yaql::strings
