// Jinja's string filters: capitalize, center, lower, upper, title, trim and replace, each
// on str() of its value (markupsafe's soft_str), as Jinja2 3.1 defines them.
#include <utf8proc.h>

#include "interp/error.h"
#include "interp/utf8.h"
#include "stdlib/jinja/filters_internal.h"
#include "stdlib/yaql/strings_internal.h"

namespace sirocco::jinja::filters {
namespace {

namespace strings = yaql::strings;

// str.capitalize(): the first character in title case, the rest lowercased.
std::string capitalize(std::string_view s) {
  if (s.empty()) return "";
  size_t pos = 0;
  char32_t first = utf8::decode(s, pos);
  std::string head;
  utf8::append(head, first);
  std::string upper = strings::to_upper(head);
  std::string title;
  if (utf8::length(upper) == 1) {
    utf8::append(title, static_cast<char32_t>(utf8proc_totitle(static_cast<int32_t>(first))));
  } else {  // 'ß' → 'Ss': the first letter of the expansion, the rest lowercased
    size_t upper_pos = 0;
    utf8::decode(upper, upper_pos);
    title = upper.substr(0, upper_pos) + strings::to_lower(upper.substr(upper_pos));
  }
  return title + strings::to_lower(s.substr(pos));
}

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

// str.center(width): padded with spaces, the odd space going left when width is odd.
std::string center(const std::string& s, int64_t width, const Runtime& runtime) {
  int64_t length = static_cast<int64_t>(utf8::length(s));
  if (width <= length) return s;
  check_size(runtime, static_cast<size_t>(width - length) + s.size());
  int64_t margin = width - length;
  int64_t left = margin / 2 + (margin & width & 1);
  return std::string(left, ' ') + s + std::string(margin - left, ' ');
}

std::string trim(const Value& value, const Value& chars) {
  std::string s = jinja_str(value);
  if (chars.is_null()) return strings::strip(s, nullptr, strings::Side::Both);
  if (!chars.is_string()) {
    refuse_strict(chars);
    throw Error("TypeError", "strip arg must be None or str");
  }
  return strings::strip(s, &chars.as_string(), strings::Side::Both);
}

}  // namespace

void register_text_filters(Registry& r) {
  r.add("capitalize(s: any)", [](Call& c) { return text(capitalize(jinja_str(c[0]))); });
  r.add("center(value: any, width: any = 80)",
        [](Call& c) { return text(center(jinja_str(c[0]), int_arg(c[1]), c.runtime)); });
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
