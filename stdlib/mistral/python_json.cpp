// jsonutils.dumps: to_primitive on the value, then JSON text escaped to ASCII.
#include "stdlib/mistral/python_json.h"

#include <cstdio>

#include "interp/json.h"
#include "interp/text.h"
#include "interp/utf8.h"

namespace sirocco::mistral {

namespace {

// to_primitive's conversions of what JSON has no form for.
Value to_primitive(const Value& v) {
  switch (v.kind()) {
    case Kind::List: {
      List items;
      items.reserve(v.as_list().size());
      for (const Value& item : v.as_list()) items.push_back(to_primitive(item));
      return Value::list(std::move(items));
    }
    case Kind::Set: {
      List items;
      for (const Value& item : v.as_set()) items.push_back(to_primitive(item));
      return Value::list(std::move(items));
    }
    case Kind::Dict: {
      Dict d;
      d.reserve(v.as_dict().size());
      for (const auto& [key, item] : v.as_dict()) d.set(key, to_primitive(item));
      return Value::dict(std::move(d));
    }
    case Kind::DateTime: {
      // timeutils.strtime: '%Y-%m-%dT%H:%M:%S.%f' of the wall clock, no offset.
      DateTimeParts wall = v.as_datetime();
      wall.micros += int64_t{wall.offset_sec} * 1'000'000;
      wall.offset_sec = 0;
      wall.naive = true;
      std::string text = isoformat(wall);
      if (text.size() == 19) text += ".000000";
      return Value::string(std::move(text));
    }
    case Kind::TimeSpan:
      return Value::string(python_str(v));
    default:
      return v;
  }
}

// json.dumps' ensure_ascii: every code point past U+007F as \uXXXX (surrogate pairs past
// U+FFFF). Non-ASCII only ever occurs inside JSON strings, so the whole text can be mapped.
std::string ascii_escaped(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  char buf[16];
  for (size_t pos = 0; pos < json.size();) {
    if (static_cast<unsigned char>(json[pos]) < 0x80) {
      out += json[pos++];
      continue;
    }
    char32_t cp = utf8::decode(json, pos);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(0xD800 + (cp >> 10)));
      out += buf;
      cp = 0xDC00 + (cp & 0x3FF);
    }
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
    out += buf;
  }
  return out;
}

std::string replace_all(const std::string& text, std::string_view from, std::string_view to) {
  std::string out;
  size_t copied = 0;
  for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, copied)) {
    out.append(text, copied, pos - copied).append(to);
    copied = pos + from.size();
  }
  return out.append(text, copied);
}

}  // namespace

std::string json_pp_text(const Value& v) {
  return replace_all(replace_all(python_json_dumps(v, 4), "\\n", "\n"), " \n", "\n");
}

std::string python_json_dumps(const Value& v, int indent) {
  return ascii_escaped(indent < 0 ? to_json_line(to_primitive(v))
                                  : to_json(to_primitive(v), indent));
}

}  // namespace sirocco::mistral
