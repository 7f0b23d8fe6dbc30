// Jinja's HTML filters: escape (e), forceescape, safe, striptags and xmlattr. Autoescape is
// off in every environment Sirocco runs, so markupsafe's Markup is not a type of its own:
// escape and forceescape return the escaped text as a plain string, safe returns str().
#include <cstdlib>

#include "interp/error.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/jinja/filters_internal.h"
#include "stdlib/yaql/regex_engine.h"

namespace sirocco::jinja::filters {
namespace {

namespace pyregex = yaql::pyregex;

}  // namespace

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '"':
        out += "&#34;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

namespace {

struct Entity {
  const char* name;
  const char* text;
  bool without_semicolon;  // HTML5 also accepts it without the ';'
};

// The named character references html.unescape resolves that templates meet in practice.
// clang-format off
constexpr Entity kEntities[] = {
    {"amp", "&", true}, {"lt", "<", true}, {"gt", ">", true}, {"quot", "\"", true},
    {"apos", "'", false}, {"nbsp", "\u00a0", true}, {"copy", "\u00a9", true},
    {"reg", "\u00ae", true}, {"trade", "\u2122", false}, {"hellip", "\u2026", false},
    {"mdash", "\u2014", false}, {"ndash", "\u2013", false}, {"laquo", "\u00ab", true},
    {"raquo", "\u00bb", true}, {"lsquo", "\u2018", false}, {"rsquo", "\u2019", false},
    {"ldquo", "\u201c", false}, {"rdquo", "\u201d", false}, {"bull", "\u2022", false},
    {"middot", "\u00b7", true}, {"deg", "\u00b0", true}, {"euro", "\u20ac", false},
    {"pound", "\u00a3", true}, {"yen", "\u00a5", true}, {"cent", "\u00a2", true},
    {"sect", "\u00a7", true}, {"para", "\u00b6", true}, {"times", "\u00d7", true},
    {"divide", "\u00f7", true}, {"plusmn", "\u00b1", true}, {"shy", "\u00ad", true},
};
// clang-format on

// The text of a numeric reference (html.unescape's rules for out-of-range code points).
std::string numeric_reference(std::string_view digits, int base) {
  unsigned long long cp = std::strtoull(std::string(digits).c_str(), nullptr, base);
  if (digits.size() > 8 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0)
    return "\ufffd";
  std::string out;
  utf8::append(out, static_cast<char32_t>(cp));
  return out;
}

// html.unescape for numeric references and the entities above.
std::string unescape_html(std::string_view s) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t amp = s.find('&', pos);
    if (amp == std::string_view::npos) break;
    out += s.substr(pos, amp - pos);
    pos = amp + 1;
    if (pos < s.size() && s[pos] == '#') {
      bool hex = pos + 1 < s.size() && (s[pos + 1] == 'x' || s[pos + 1] == 'X');
      size_t start = pos + 1 + hex, end = start;
      while (end < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[end]))
                                    : std::isdigit(static_cast<unsigned char>(s[end]))))
        ++end;
      if (end > start) {
        out += numeric_reference(s.substr(start, end - start), hex ? 16 : 10);
        pos = end + (end < s.size() && s[end] == ';');
        continue;
      }
    } else {
      bool found = false;
      for (const Entity& e : kEntities) {
        std::string_view name = e.name;
        if (s.substr(pos, name.size()) != name) continue;
        bool semicolon = pos + name.size() < s.size() && s[pos + name.size()] == ';';
        if (!semicolon && !e.without_semicolon) continue;
        out += e.text;
        pos += name.size() + semicolon;
        found = true;
        break;
      }
      if (found) continue;
    }
    out += '&';
  }
  out += s.substr(pos);
  return out;
}

// Markup(str(value)).striptags(): comments and tags removed, whitespace runs collapsed to
// one space, then character references resolved.
std::string striptags(const std::string& s) {
  static const pyregex::RegexPtr comments = pyregex::compile("<!--.*?-->", {false, false, true});
  static const pyregex::RegexPtr tags = pyregex::compile("<.*?>", {false, false, true});
  auto remove = [](const pyregex::RegexPtr& re, const std::string& in) {
    std::string out;
    pyregex::MatchWalk walk(re, in);
    pyregex::Match m;
    size_t last = 0;
    while (walk.next(m)) out.append(in, last, m.begin(0) - last), last = m.end(0);
    return out + in.substr(last);
  };
  std::string bare = remove(tags, remove(comments, s));
  std::u32string cps = code_points(bare);
  std::u32string words;
  bool pending_space = false;
  for (char32_t cp : cps) {
    if (is_space(cp)) {
      pending_space = !words.empty();
      continue;
    }
    if (pending_space) words += U' ';
    pending_space = false;
    words += cp;
  }
  return unescape_html(from_code_points(words));
}

bool invalid_attribute_name(std::string_view key) {
  return key.find_first_of(" \t\n\r\f\v/>=") != std::string_view::npos;
}

Outcome<Value> xmlattr(Call& c) {
  const Value& d = c[0];
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(d));
  if (!d.is_dict())
    return Error("AttributeError", "'" + type_name(d) + "' object has no attribute 'items'");
  std::string out;
  for (const auto& [key, value] : d.as_dict()) {
    if (value.is_null() || as_undefined(value)) continue;
    if (!key.is_string())
      throw Error("TypeError",
                  "expected string or bytes-like object, got '" + type_name(key) + "'");
    if (invalid_attribute_name(key.as_string()))
      throw Error("ValueError", "Invalid character in attribute name: " + python_repr(key));
    if (!out.empty()) out += ' ';
    SIROCCO_ASSIGN_OR_RETURN(const std::string value_text, jinja_str(value));
    out += escape_html(key.as_string()) + "=\"" + escape_html(value_text) + "\"";
  }
  SIROCCO_ASSIGN_OR_RETURN(const bool autospace, truth(c[1]));
  if (autospace && !out.empty()) out = " " + out;
  return text(std::move(out));
}

Value escape(std::string s, Call&) { return text(escape_html(s)); }

}  // namespace

void register_html_filters(Registry& r) {
  r.add("escape(s: any)", on_str(escape));
  r.add("e(s: any)", on_str(escape));
  r.add("forceescape(value: any)", on_str(escape));
  r.add("safe(value: any)", on_str([](std::string s, Call&) { return text(std::move(s)); }));
  r.add("striptags(value: any)", on_str([](std::string s, Call&) { return text(striptags(s)); }));
  r.add("xmlattr(d: any, autospace: any = true)", xmlattr);
}

}  // namespace sirocco::jinja::filters
