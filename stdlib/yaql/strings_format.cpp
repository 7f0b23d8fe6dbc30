// Python's str.format for the YAQL format() function and Jinja's str.format: the
// replacement-field parser of CPython's unicode_format.h ({} {0} {name}, conversions, nested
// specs). Attribute and index lookups inside fields go to the caller's walk, or are refused
// without one; each value is rendered by format_value.
#include <algorithm>
#include <cstdio>
#include <optional>

#include "interp/error.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/yaql/collections_internal.h"
#include "stdlib/yaql/strings_internal.h"

namespace sirocco::yaql::strings {
namespace {

// Python's ascii(): repr with every non-ASCII code point escaped.
std::string ascii_repr(const Value& v, PyStyle style) {
  std::string repr = python_repr(v, style), out;
  for (size_t pos = 0; pos < repr.size();) {
    char32_t cp = utf8::decode(repr, pos);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
      continue;
    }
    char buf[16];
    const char* pattern = cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x";
    std::snprintf(buf, sizeof buf, pattern, static_cast<unsigned>(cp));
    out += buf;
  }
  return out;
}

// --- replacement fields ---------------------------------------------------------------------

struct Field {
  std::string_view name;
  char32_t conversion = 0;
  std::string_view spec;
  bool spec_has_fields = false;
};

// CPython's parse_field: reads a field after its '{' up to the matching '}'.
Field parse_field(std::string_view s, size_t& i) {
  Field field;
  size_t start = i;
  char c = 0;
  while (i < s.size()) {
    c = s[i++];
    if (c == '{') value_error("unexpected '{' in field name");
    if (c == '[') {
      while (i < s.size() && s[i] != ']') ++i;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  field.name = s.substr(start, i - start - (c == '}' || c == ':' || c == '!'));
  if (c != '!' && c != ':') {
    if (c != '}') value_error("expected '}' before end of string");
    return field;
  }
  if (c == '!') {
    if (i >= s.size()) value_error("end of string while looking for conversion specifier");
    field.conversion = utf8::decode(s, i);
    if (i < s.size()) {
      c = s[i++];
      if (c == '}') return field;
      if (c != ':') value_error("expected ':' after conversion specifier");
    }
  }
  size_t spec_start = i;
  for (int depth = 1; i < s.size();) {
    c = s[i++];
    if (c == '{') field.spec_has_fields = true, ++depth;
    if (c == '}' && --depth == 0) {
      field.spec = s.substr(spec_start, i - 1 - spec_start);
      return field;
    }
  }
  value_error("unmatched '{' in format spec");
}

class Formatter {
 public:
  Formatter(const std::vector<Value>& args,
            const std::vector<std::pair<std::string, Value>>& kwargs,
            const DateTimeFormatter& format_datetime, size_t max_bytes,
            const FormatOptions& options)
      : args_(args),
        kwargs_(kwargs),
        format_datetime_(format_datetime),
        max_bytes_(max_bytes),
        options_(options) {}

  // CPython's build_string: literal text and fields; `depth` bounds nested specs.
  std::string build(std::string_view s, int depth) {
    if (depth <= 0) value_error("Max string recursion exceeded");
    std::string out;
    for (size_t i = 0; i < s.size();) {
      size_t start = i;
      char c = 0;
      while (i < s.size() && (c = s[i++]) != '{' && c != '}') c = 0;
      size_t literal_end = i;
      bool field = c != 0;
      if (c == '}' && (i == s.size() || s[i] != '}'))
        value_error("Single '}' encountered in format string");
      if (c == '{' && i == s.size()) value_error("Single '{' encountered in format string");
      if (field && s[i] == c) {
        ++i;  // "{{" or "}}": the literal keeps one brace
        field = false;
      } else if (field) {
        --literal_end;
      }
      out += s.substr(start, literal_end - start);
      if (field) out += render(parse_field(s, i), depth);
      if (out.size() > max_bytes_) memory_quota_exceeded();
    }
    return out;
  }

 private:
  enum class Numbering { Unset, Automatic, Manual };

  std::string render(const Field& field, int depth) {
    Value value = lookup(field.name);
    if (options_.check) options_.check(value);
    if (field.conversion) value = Value::string(convert(value, field.conversion));
    std::string spec =
        field.spec_has_fields ? build(field.spec, depth - 1) : std::string(field.spec);
    return format_value(value, spec, format_datetime_, max_bytes_, options_.style);
  }

  // CPython's get_field_object: the argument, then the attribute and index walk.
  Value lookup(std::string_view name) {
    size_t cut = name.find_first_of(".[");
    Value value = argument(name, cut);
    for (size_t i = cut; i < name.size();) {
      char c = name[i++];
      if (c == '.') {
        size_t end = std::min(name.find_first_of(".[", i), name.size());
        if (end == i) value_error("Empty attribute in format string");
        value = options_.walk(value, true, Value::string(std::string(name.substr(i, end - i))));
        i = end;
      } else {
        size_t end = name.find(']', i);
        if (end == std::string_view::npos) value_error("Missing ']' in format string");
        if (end == i) value_error("Empty attribute in format string");
        std::string_view key = name.substr(i, end - i);
        std::optional<int64_t> index = field_index(key);
        value = options_.walk(value, false,
                              index ? Value::integer(*index) : Value::string(std::string(key)));
        i = end + 1;
        if (i < name.size() && name[i] != '.' && name[i] != '[')
          value_error("Only '.' or '[' may follow ']' in format field specifier");
      }
    }
    return value;
  }

  // The positional or keyword argument a field names (the part before any '.' or '[').
  const Value& argument(std::string_view name, size_t cut) {
    std::string_view first = name.substr(0, cut);
    std::optional<int64_t> index = field_index(first);
    bool automatic = first.empty();
    if (automatic || index) {
      if (numbering_ == Numbering::Unset)
        numbering_ = automatic ? Numbering::Automatic : Numbering::Manual;
      if (numbering_ == Numbering::Manual && automatic)
        value_error("cannot switch from manual field specification to automatic field numbering");
      if (numbering_ == Numbering::Automatic && !automatic)
        value_error("cannot switch from automatic field numbering to manual field specification");
      if (automatic) index = next_index_++;
    }
    if (cut != std::string_view::npos && !options_.walk)
      value_error("Attribute and index lookups are not allowed in format fields: {" +
                  std::string(name) + "}");
    if (index) {
      if (*index >= static_cast<int64_t>(args_.size()))
        throw Error("IndexError", "Replacement index " + std::to_string(*index) +
                                      " out of range for positional args tuple");
      return args_[static_cast<size_t>(*index)];
    }
    for (const auto& [key, value] : kwargs_)
      if (key == first) return value;
    throw Error("KeyError", python_repr(Value::string(std::string(first))));
  }

  static std::optional<int64_t> field_index(std::string_view text) {
    if (text.empty()) return std::nullopt;
    int64_t value = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return std::nullopt;
      if (value > (INT64_MAX - (c - '0')) / 10)
        value_error("Too many decimal digits in format string");
      value = value * 10 + (c - '0');
    }
    return value;
  }

  std::string convert(const Value& v, char32_t conversion) const {
    switch (conversion) {
      case 's':
        return python_str(v, options_.style);
      case 'r':
        return python_repr(v, options_.style);
      case 'a':
        return ascii_repr(v, options_.style);
      default:
        value_error("Unknown conversion specifier " + code_point_name(conversion));
    }
  }

  const std::vector<Value>& args_;
  const std::vector<std::pair<std::string, Value>>& kwargs_;
  const DateTimeFormatter& format_datetime_;
  size_t max_bytes_;
  const FormatOptions& options_;
  Numbering numbering_ = Numbering::Unset;
  int64_t next_index_ = 0;
};

}  // namespace

std::string format(std::string_view pattern, const std::vector<Value>& args,
                   const std::vector<std::pair<std::string, Value>>& kwargs,
                   const DateTimeFormatter& format_datetime, size_t max_bytes,
                   const FormatOptions& options) {
  return Formatter(args, kwargs, format_datetime, max_bytes, options).build(pattern, 2);
}

}  // namespace sirocco::yaql::strings
