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

Value trim(std::string s, const Value& chars) {
  if (chars.is_null()) return text(strings::strip(s, nullptr, strings::Side::Both));
  if (!chars.is_string()) throw Error("TypeError", "strip arg must be None or str");
  return text(strings::strip(s, &chars.as_string(), strings::Side::Both));
}

}  // namespace

void register_text_filters(Registry& r) {
  r.add("capitalize(s: any)",
        on_str([](std::string s, Call&) { return text(pystr::capitalize(s)); }));
  r.add("center(value: any, width: any = 80)", on_str([](std::string s, Call& c) {
          return text(pystr::pad(Value::string(std::move(s)), int_arg(c[1]), " ", '^',
                                 max_bytes(c.runtime)));
        }));
  r.add("lower(s: any)", on_str([](std::string s, Call&) { return text(strings::to_lower(s)); }));
  r.add("upper(s: any)", on_str([](std::string s, Call&) { return text(strings::to_upper(s)); }));
  r.add("title(s: any)", on_str([](std::string s, Call&) { return text(title(s)); }));
  r.add("trim(value: any, chars: any = null)",
        on_str([](std::string s, Call& c) { return trim(std::move(s), c[1]); }));
  r.add("replace(s: any, old: any, new: any, count: any = null)",
        on_str([](std::string s, Call& c) -> Outcome<Value> {
          SIROCCO_ASSIGN_OR_RETURN(const std::string old, jinja_str(c[1]));
          SIROCCO_ASSIGN_OR_RETURN(const std::string replacement, jinja_str(c[2]));
          int64_t count = c[3].is_null() ? -1 : int_arg(c[3]);
          return text(strings::replace(s, old, replacement, count, max_bytes(c.runtime)));
        }));
}

}  // namespace sirocco::jinja::filters
