// Jinja's tojson filter: Python's json.dumps with sorted keys, ASCII output and an optional
// indent, then <, >, & and ' written as \u escapes so the text is safe inside HTML.
#include <algorithm>
#include <cmath>
#include <optional>

#include "interp/error.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/jinja/filters_internal.h"

namespace sirocco::jinja::filters {
namespace {

[[noreturn]] void not_serializable(const Value& v) {
  throw Error("TypeError", "Object of type " + type_name(v) + " is not JSON serializable");
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (size_t pos = 0; pos < s.size();) {
    char32_t cp = utf8::decode(s, pos);
    switch (cp) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\b':
        out += "\\b";
        continue;
      case '\f':
        out += "\\f";
        continue;
      default:
        break;
    }
    if (cp >= 0x20 && cp < 0x7F) {
      out += static_cast<char>(cp);
      continue;
    }
    auto unit = [&out](unsigned u) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(u >> shift) & 15];
    };
    if (cp > 0xFFFF) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(static_cast<unsigned>(cp));
    }
  }
  out += '"';
}

std::string json_float(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  return float_repr(d);
}

// The text json.dumps gives a dict key.
std::string json_key(const Value& key) {
  if (key.is_string()) return key.as_string();
  if (key.is_bool()) return key.as_bool() ? "true" : "false";
  if (key.is_null()) return "null";
  if (key.is_int()) return int_text(key);
  if (key.is_float()) return json_float(key.as_float());
  throw Error("TypeError", "keys must be str, int, float, bool or None, not " + type_name(key));
}

class JsonWriter {
 public:
  JsonWriter(std::optional<std::string> indent, const Runtime& runtime)
      : indent_(std::move(indent)), runtime_(runtime) {}

  void write(const Value& v, size_t level) {
    switch (v.kind()) {
      case Kind::Null:
        out_ += "null";
        return;
      case Kind::Bool:
        out_ += v.as_bool() ? "true" : "false";
        return;
      case Kind::Int:
        out_ += int_text(v);
        return;
      case Kind::Float:
        out_ += json_float(v.as_float());
        return;
      case Kind::String:
        append_json_string(out_, v.as_string());
        return;
      case Kind::List:
        return write_list(v.as_list(), level);
      case Kind::Dict:
        return write_dict(v.as_dict(), level);
      default:
        not_serializable(v);
    }
  }
  std::string take() { return std::move(out_); }

 private:
  void newline(size_t level) {
    if (!indent_) return;
    out_ += '\n';
    for (size_t i = 0; i < level; ++i) out_ += *indent_;
    check_size(runtime_, out_.size());
  }
  void separator(size_t level) {
    out_ += indent_ ? "," : ", ";
    newline(level);
  }
  void write_list(const List& items, size_t level) {
    if (items.empty()) return void(out_ += "[]");
    out_ += '[';
    newline(level + 1);
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) separator(level + 1);
      write(items[i], level + 1);
    }
    newline(level);
    out_ += ']';
  }
  void write_dict(const Dict& dict, size_t level) {
    if (dict.empty()) return void(out_ += "{}");
    std::vector<const Dict::Entry*> entries;
    for (const Dict::Entry& e : dict) entries.push_back(&e);
    Ordering ordering;
    std::stable_sort(entries.begin(), entries.end(),
                     [&](const Dict::Entry* a, const Dict::Entry* b) {
                       return ordering.less(a->first, b->first);
                     });
    ordering.status().value();
    out_ += '{';
    newline(level + 1);
    for (size_t i = 0; i < entries.size(); ++i) {
      if (i > 0) separator(level + 1);
      append_json_string(out_, json_key(entries[i]->first));
      out_ += ": ";
      write(entries[i]->second, level + 1);
    }
    newline(level);
    out_ += '}';
  }

  std::optional<std::string> indent_;
  const Runtime& runtime_;
  std::string out_;
};

Outcome<Value> tojson(Call& c) {
  std::optional<std::string> indent;
  if (as_undefined(c[1])) {  // ' ' * indent happens when a list or dict is written
    if (c[0].is_list() || c[0].is_dict()) return undefined_error(c[1]);
  } else if (c[1].is_string()) {
    indent = c[1].as_string();
  } else if (!c[1].is_null()) {
    if (!c[1].is_int() && !c[1].is_bool())
      throw Error("TypeError",
                  "can't multiply sequence by non-int of type '" + type_name(c[1]) + "'");
    int64_t width = std::max<int64_t>(0, int_arg(c[1]));
    check_size(c.runtime, static_cast<size_t>(width));
    indent = std::string(static_cast<size_t>(width), ' ');
  }
  JsonWriter writer(indent, c.runtime);
  writer.write(c[0], 0);
  std::string json = writer.take(), safe;
  for (char ch : json) {
    switch (ch) {
      case '<':
        safe += "\\u003c";
        break;
      case '>':
        safe += "\\u003e";
        break;
      case '&':
        safe += "\\u0026";
        break;
      case '\'':
        safe += "\\u0027";
        break;
      default:
        safe += ch;
    }
  }
  return text(std::move(safe));
}

}  // namespace

void register_json_filter(Registry& r) { r.add("tojson(value: any, indent: any = null)", tojson); }

}  // namespace sirocco::jinja::filters
