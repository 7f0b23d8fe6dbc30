// The Python methods of str, list, tuple and dict that templates call (`'a,b'.split(',')`,
// `d.items()`), declared as "<type>.<name>" with slot 0 the receiver. Jinja2's sandbox lets
// every public method through except that str.format and str.format_map go through its
// sandboxed formatter (methods_format.cpp).
#include "stdlib/jinja/methods.h"

#include "interp/jinja_ops.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/jinja/methods_internal.h"
#include "stdlib/yaql/strings_internal.h"

namespace sirocco::jinja {
namespace {

using namespace pystr;
namespace ys = yaql::strings;

Value text(std::string s) { return Value::string(std::move(s)); }
Value boolean(bool b) { return Value::boolean(b); }
const std::string& self(const Call& c) { return c[0].as_string(); }
// A "chars" or "sep" argument that may be None.
const std::string* optional_text(const Value& v, std::string_view what) {
  return v.is_null() ? nullptr : &text_arg(v, what);
}

// str.startswith / endswith: a str or a tuple of str, within s[start:end] (negative bounds
// count from the end; a window shorter than the affix, even an empty one, matches nothing).
bool has_affix(const Call& c, bool suffix) {
  const Value& affix = c[1];
  if (!affix.is_tuple() && !affix.is_string())
    throw Error("TypeError", std::string(suffix ? "endswith" : "startswith") +
                                 " first arg must be str or a tuple of str, not " +
                                 type_name(affix));
  int64_t length = static_cast<int64_t>(c[0].string_length());
  int64_t start = bound_arg(c[2], 0), end = std::min(bound_arg(c[3], length), length);
  if (start < 0) start = std::max<int64_t>(start + length, 0);
  if (end < 0) end = std::max<int64_t>(end + length, 0);
  const std::string window = end > start ? ys::slice(c[0], start, end) : std::string();
  auto matches = [&](const std::string& a) {
    int64_t a_length = static_cast<int64_t>(utf8::length(a));
    return end - start >= a_length && window.size() >= a.size() &&
           window.compare(suffix ? window.size() - a.size() : 0, a.size(), a) == 0;
  };
  if (affix.is_string()) return matches(affix.as_string());
  for (const Value& a : affix.as_list())
    if (matches(text_arg(a, "tuple for startswith"))) return true;
  return false;
}

int64_t find_in(const Call& c, bool last) {
  int64_t length = static_cast<int64_t>(c[0].string_length());
  return ys::find(c[0], text_arg(c[1], "substring"), bound_arg(c[2], 0), bound_arg(c[3], length),
                  last);
}

Value index_in(const Call& c, bool last) {
  int64_t at = find_in(c, last);
  if (at < 0) throw Error("ValueError", "substring not found");
  return Value::integer(at);
}

Value join(const Call& c) {
  List items = python_iterate(c[1]).value();
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_string())
      throw Error("TypeError", "sequence item " + std::to_string(i) + ": expected str instance, " +
                                   type_name(items[i]) + " found");
    if (i) out += self(c);
    out += items[i].as_string();
  }
  return text(std::move(out));
}

Value partition(const Call& c, bool last) {
  const std::string& sep = text_arg(c[1], "separator");
  if (sep.empty()) throw Error("ValueError", "empty separator");
  const std::string& s = self(c);
  size_t at = last ? s.rfind(sep) : s.find(sep);
  if (at == std::string::npos)
    return last ? Value::tuple({text(""), text(""), c[0]})
                : Value::tuple({c[0], text(""), text("")});
  return Value::tuple({text(s.substr(0, at)), c[1], text(s.substr(at + sep.size()))});
}

void register_str(Registry& r) {
  r.add("str.upper(self: any)", [](Call& c) { return text(ys::to_upper(self(c))); });
  r.add("str.lower(self: any)", [](Call& c) { return text(ys::to_lower(self(c))); });
  r.add("str.capitalize(self: any)", [](Call& c) { return text(capitalize(self(c))); });
  r.add("str.title(self: any)", [](Call& c) { return text(title(self(c))); });
  r.add("str.swapcase(self: any)", [](Call& c) { return text(swapcase(self(c))); });
  r.add("str.casefold(self: any)", [](Call& c) { return text(casefold(self(c))); });
  for (const char* kind : {"alpha", "alnum", "ascii", "decimal", "digit", "identifier", "lower",
                           "numeric", "printable", "space", "title", "upper"}) {
    std::string name = kind;
    r.add("str.is" + name + "(self: any)",
          [name](Call& c) { return boolean(is_kind(self(c), name)); });
  }
  struct Strip {
    const char* name;
    ys::Side side;
  };
  for (Strip s : {Strip{"strip", ys::Side::Both}, Strip{"lstrip", ys::Side::Left},
                  Strip{"rstrip", ys::Side::Right}}) {
    r.add(std::string("str.") + s.name + "(self: any, chars: any = null)", [s](Call& c) {
      return text(ys::strip(self(c), optional_text(c[1], std::string(s.name) + " arg"), s.side));
    });
  }
  for (bool right : {false, true}) {
    r.add(
        std::string(right ? "str.rsplit" : "str.split") +
            "(self: any, sep: any = null, maxsplit: any = -1)",
        [right](Call& c) {
          return Value::list(ys::split(self(c), optional_text(c[1], "sep"), int_arg(c[2]), right));
        });
  }
  r.add("str.splitlines(self: any, keepends: any = false)",
        [](Call& c) { return Value::list(splitlines(self(c), truthy(c[1]))); });
  r.add("str.startswith(self: any, prefix: any, start: any = null, end: any = null)",
        [](Call& c) { return boolean(has_affix(c, false)); });
  r.add("str.endswith(self: any, suffix: any, start: any = null, end: any = null)",
        [](Call& c) { return boolean(has_affix(c, true)); });
  r.add("str.replace(self: any, old: any, new: any, count: any = -1)", [](Call& c) {
    return text(ys::replace(self(c), text_arg(c[1], "replace() argument 1"),
                            text_arg(c[2], "replace() argument 2"), int_arg(c[3]),
                            max_result_bytes(c.runtime)));
  });
  r.add("str.find(self: any, sub: any, start: any = null, end: any = null)",
        [](Call& c) { return Value::integer(find_in(c, false)); });
  r.add("str.rfind(self: any, sub: any, start: any = null, end: any = null)",
        [](Call& c) { return Value::integer(find_in(c, true)); });
  r.add("str.index(self: any, sub: any, start: any = null, end: any = null)",
        [](Call& c) { return index_in(c, false); });
  r.add("str.rindex(self: any, sub: any, start: any = null, end: any = null)",
        [](Call& c) { return index_in(c, true); });
  r.add("str.count(self: any, sub: any, start: any = null, end: any = null)", [](Call& c) {
    int64_t length = static_cast<int64_t>(c[0].string_length());
    return Value::integer(
        count(c[0], text_arg(c[1], "substring"), bound_arg(c[2], 0), bound_arg(c[3], length)));
  });
  r.add("str.join(self: any, iterable: any)", join);
  r.add("str.partition(self: any, sep: any)", [](Call& c) { return partition(c, false); });
  r.add("str.rpartition(self: any, sep: any)", [](Call& c) { return partition(c, true); });
  r.add("str.center(self: any, width: any, fillchar: any = ' ')", [](Call& c) {
    return text(
        pad(c[0], int_arg(c[1]), text_arg(c[2], "fillchar"), '^', max_result_bytes(c.runtime)));
  });
  r.add("str.ljust(self: any, width: any, fillchar: any = ' ')", [](Call& c) {
    return text(
        pad(c[0], int_arg(c[1]), text_arg(c[2], "fillchar"), '<', max_result_bytes(c.runtime)));
  });
  r.add("str.rjust(self: any, width: any, fillchar: any = ' ')", [](Call& c) {
    return text(
        pad(c[0], int_arg(c[1]), text_arg(c[2], "fillchar"), '>', max_result_bytes(c.runtime)));
  });
  r.add("str.zfill(self: any, width: any)",
        [](Call& c) { return text(zfill(c[0], int_arg(c[1]), max_result_bytes(c.runtime))); });
  r.add("str.expandtabs(self: any, tabsize: any = 8)", [](Call& c) {
    return text(expandtabs(self(c), int_arg(c[1]), max_result_bytes(c.runtime)));
  });
  r.add("str.removeprefix(self: any, prefix: any)", [](Call& c) {
    const std::string& p = text_arg(c[1], "removeprefix() argument");
    return self(c).compare(0, p.size(), p) == 0 ? text(self(c).substr(p.size())) : c[0];
  });
  r.add("str.removesuffix(self: any, suffix: any)", [](Call& c) {
    const std::string& s = self(c);
    const std::string& p = text_arg(c[1], "removesuffix() argument");
    bool ends =
        !p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
    return ends ? text(s.substr(0, s.size() - p.size())) : c[0];
  });
}

}  // namespace

void register_methods(Registry& r) {
  register_str(r);
  register_str_format(r);
  register_collection_methods(r);
}

}  // namespace sirocco::jinja
