// JSON in and out of Values, following the CLI contract of design.md.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "interp/value.h"

namespace sirocco {

// Parses JSON text into a Value (objects keep key order; integers of any size stay exact;
// NaN/Infinity/-Infinity tokens are accepted like Python's json module; a duplicate key
// keeps its first position and takes the last value). Throws Error("JSONDecodeError",
// "Expecting value: line 1 column 1 (char 0)") on bad input, and "nesting too deep" past
// kMaxJsonDepth nested arrays/objects.
inline constexpr int kMaxJsonDepth = 1000;
Value parse_json(std::string_view text);

// A member wanted from a JSON object by json_object_fields: its key, whether its value is
// checked, and (set by the call) its value's text, the last one when the key repeats.
struct JsonField {
  std::string_view key;
  bool checked = true;
  std::optional<std::string_view> text = std::nullopt;
};

// Checks that `text` is one JSON object, failing as parse_json would, and sets the text of
// each of `fields` the object has (for parse_json, when and if the value is wanted). The
// value of a field that is not `checked` is only delimited: when parse_json rejects it, the
// text is bad, and the call with that field checked gives the error to report. False for
// valid JSON that is not an object.
bool json_object_fields(std::string_view text, std::span<JsonField> fields);

// Writes a Value as JSON: floats in Python repr (NaN, Infinity, -Infinity tokens), sets
// as arrays, datetimes as ISO 8601 strings, timespans as seconds, non-string dict keys as
// the JSON text of the key. Sequences are materialised. Non-ASCII is written raw.
// indent < 0: compact, no spaces (separators ',' and ':'); else pretty like Python's
// json.dumps(indent=N): one item per line, ',' and ': ' separators.
std::string to_json(const Value& v, int indent = -1);
// to_json(v) (compact) at the end of `out`; a string's JSON text at the end of `out`.
void append_json(std::string& out, const Value& v);
void append_json_string(std::string& out, std::string_view s);

// One line with Python json.dumps' default separators: [2, 3], {"a": 1}.
std::string to_json_line(const Value& v);

}  // namespace sirocco
