// JSON in and out of Values, following the CLI contract of design.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interp/value.h"

namespace sirocco {

// Parses JSON text into a Value (objects keep key order; integers of any size stay exact;
// NaN/Infinity/-Infinity tokens are accepted like Python's json module; a duplicate key
// keeps its first position and takes the last value). Throws Error("JSONDecodeError",
// "Expecting value: line 1 column 1 (char 0)") on bad input, and "nesting too deep" past
// kMaxJsonDepth nested arrays/objects.
inline constexpr int kMaxJsonDepth = 1000;
Value parse_json(std::string_view text);

// The members of a JSON text that is one object, in order, each key with its value's text
// (for parse_json, when and if the value is wanted). The text is checked and fails as
// parse_json would, except the values of the `unchecked` keys, which are only delimited:
// when parse_json rejects one of those, the text is bad, and json_object_members(text)
// gives the error to report. std::nullopt for valid JSON that is not an object.
struct JsonMember {
  std::string key;
  std::string_view text;
};
std::optional<std::vector<JsonMember>> json_object_members(
    std::string_view text, const std::vector<std::string_view>& unchecked = {});

// Writes a Value as JSON: floats in Python repr (NaN, Infinity, -Infinity tokens), sets
// as arrays, datetimes as ISO 8601 strings, timespans as seconds, non-string dict keys as
// the JSON text of the key. Sequences are materialised. Non-ASCII is written raw.
// indent < 0: compact, no spaces (separators ',' and ':'); else pretty like Python's
// json.dumps(indent=N): one item per line, ',' and ': ' separators.
std::string to_json(const Value& v, int indent = -1);

// One line with Python json.dumps' default separators: [2, 3], {"a": 1}.
std::string to_json_line(const Value& v);

}  // namespace sirocco
