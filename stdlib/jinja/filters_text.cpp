// Jinja's string filters: capitalize, center, lower, upper, title, trim and replace, each
// on str() of its value (markupsafe's soft_str), as Jinja2 3.1 defines them.
#include "interp/error.h"
#include "interp/utf8.h"
#include "stdlib/jinja/filters_internal.h"
#include "stdlib/yaql/strings_internal.h"

namespace sirocco::jinja::filters {
namespace {

namespace strings = yaql::strings;

// Jinja's title: the text split before and after runs of '-', whitespace and opening
// brackets; each piece starts with its first character uppercased, the rest lowercased.
bool starts_word(char32_t cp) {
  return cp == '-' || cp == '(' || cp == '{' || cp == '[' || cp == '<' || is_space(cp);
}

std::string title(std::string_view s) {
  std::string out;
  bool at_start = true;
  for (size_t pos = 0; pos < s.size();) {
    size_t start = pos;
    char32_t cp = utf8::decode(s, pos);
    std::string_view one = s.substr(start, pos - start);
    if (starts_word(cp)) {
      out += one;
      at_start = true;
    } else {
      out += at_start ? strings::to_upper(one) : strings::to_lower(one);
      at_start = false;
    }
  }
  return out;
}

std::string trim(const Value& value, const Value& chars) {
  std::string s = jinja_str(value);
  if (chars.is_null()) return strings::strip(s, nullptr, strings::Side::Both);
  if (!chars.is_string()) {
    throw Error("TypeError", "strip arg must be None or str");
  }
  return strings::strip(s, &chars.as_string(), strings::Side::Both);
}

}  // namespace

void register_text_filters(Registry& r) {
  r.add("capitalize(s: any)", [](Call& c) { return text(pystr::capitalize(jinja_str(c[0]))); });
  r.add("center(value: any, width: any = 80)", [](Call& c) {
    return text(
        pystr::pad(Value::string(jinja_str(c[0])), int_arg(c[1]), " ", '^', max_bytes(c.runtime)));
  });
  r.add("lower(s: any)", [](Call& c) { return text(strings::to_lower(jinja_str(c[0]))); });
  r.add("upper(s: any)", [](Call& c) { return text(strings::to_upper(jinja_str(c[0]))); });
  r.add("title(s: any)", [](Call& c) { return text(title(jinja_str(c[0]))); });
  r.add("trim(value: any, chars: any = null)", [](Call& c) { return text(trim(c[0], c[1])); });
  r.add("replace(s: any, old: any, new: any, count: any = null)", [](Call& c) {
    std::string s = jinja_str(c[0]), old = jinja_str(c[1]), replacement = jinja_str(c[2]);
    int64_t count = c[3].is_null() ? -1 : int_arg(c[3]);
    return text(strings::replace(s, old, replacement, count, max_bytes(c.runtime)));
  });
}

}  // namespace sirocco::jinja::filters
