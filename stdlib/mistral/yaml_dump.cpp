// The block emitter behind yaml_dump(): PyYAML's scalar analysis and style choice, and its
// layout of mappings and sequences.
#include "stdlib/mistral/yaml_dump.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "interp/error.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/mistral/yaml_scalars.h"

namespace sirocco::mistral {

namespace {

constexpr size_t kWidth = 80;

enum class Style { Plain, Single, Double };

bool is_break(char32_t c) { return c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029; }
bool is_space_or_end(char32_t c) {
  return c == 0 || c == ' ' || c == '\t' || c == '\r' || is_break(c);
}

// PyYAML's analyze_scalar + choose_scalar_style for a string in block context.
Style choose_style(const std::string& text, bool simple_key) {
  if (text.empty() || plain_scalar_is_ambiguous(text)) return Style::Single;
  std::vector<char32_t> cps;
  for (size_t pos = 0; pos < text.size();) cps.push_back(utf8::decode(text, pos));
  bool block_indicators = false, line_breaks = false, special = false;
  bool space_break = false, break_space = false;
  if (text.rfind("---", 0) == 0 || text.rfind("...", 0) == 0) block_indicators = true;
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = cps[i];
    const char32_t next = i + 1 < cps.size() ? cps[i + 1] : 0;
    const bool followed_by_space = is_space_or_end(next);
    const bool preceded_by_space = i == 0 || is_space_or_end(cps[i - 1]);
    if (i == 0) {
      if (std::u32string_view(U"#,[]{}&*!|>'\"%@`").find(c) != std::u32string_view::npos)
        block_indicators = true;
      if ((c == '?' || c == ':' || c == '-') && followed_by_space) block_indicators = true;
    } else {
      if (c == ':' && followed_by_space) block_indicators = true;
      if (c == '#' && preceded_by_space) block_indicators = true;
    }
    if (is_break(c)) line_breaks = true;
    if (!(c == '\n' || (c >= 0x20 && c <= 0x7E))) special = true;  // allow_unicode is off
    if (c == ' ' && is_break(next)) space_break = true;
    if (is_break(c) && next == ' ') break_space = true;
  }
  if (special || space_break) return Style::Double;
  const bool edge_space =
      cps.front() == ' ' || cps.back() == ' ' || is_break(cps.front()) || is_break(cps.back());
  if (break_space) return Style::Double;
  if (simple_key && line_breaks) return Style::Double;
  if (edge_space || line_breaks || block_indicators) return Style::Single;
  return Style::Plain;
}

class Emitter {
 public:
  std::string take() { return std::move(out_); }

  void document(const Value& v) {
    if (v.is_list() || v.is_dict()) {  // an empty one is a flow `[]` / `{}`, no `...`
      if (is_block_collection(v))
        block(v, 0);
      else
        scalar(v, 0, false);
      out_ += '\n';
      return;
    }
    const Style style = scalar(v, 2, false);
    out_ += '\n';
    if (style == Style::Plain) out_ += "...\n";
  }

 private:
  static bool is_block_collection(const Value& v) {
    return (v.is_list() && !v.as_list().empty()) || (v.is_dict() && !v.as_dict().empty());
  }

  size_t column() const {
    const size_t newline = out_.rfind('\n');
    return newline == std::string::npos ? out_.size() : out_.size() - newline - 1;
  }

  void new_line(size_t indent) {
    out_ += '\n';
    out_.append(indent, ' ');
  }

  // A non-empty mapping or sequence whose first entry starts at the cursor (a line start
  // at `indent`, or just after "- "); later entries start new lines at `indent`.
  void block(const Value& v, size_t indent) {
    bool first = true;
    if (v.is_list()) {
      for (const Value& item : v.as_list()) {
        if (!first) new_line(indent);
        first = false;
        out_ += "- ";
        if (is_block_collection(item))
          block(item, indent + 2);
        else
          scalar(item, indent + 2, false);
      }
      return;
    }
    for (const Dict::Entry* entry : sorted_entries(v.as_dict())) {
      if (!first) new_line(indent);
      first = false;
      scalar(entry->first, indent + 2, true);
      out_ += ':';
      const Value& value = entry->second;
      if (is_block_collection(value)) {
        const size_t inner = value.is_list() ? indent : indent + 2;  // sequences sit flush
        new_line(inner);
        block(value, inner);
      } else {
        out_ += ' ';
        scalar(value, indent + 2, false);
      }
    }
  }

  // Sorted by key like Python's sorted(); insertion order when the keys cannot be compared.
  static std::vector<const Dict::Entry*> sorted_entries(const Dict& d) {
    std::vector<const Dict::Entry*> entries;
    for (const auto& e : d) entries.push_back(&e);
    try {
      std::stable_sort(
          entries.begin(), entries.end(),
          [](const Dict::Entry* a, const Dict::Entry* b) { return sort_less(a->first, b->first); });
    } catch (const Error&) {
      entries.clear();
      for (const auto& e : d) entries.push_back(&e);
    }
    return entries;
  }

  Style scalar(const Value& v, size_t indent, bool simple_key) {
    switch (v.kind()) {
      case Kind::Null:
        out_ += "null";
        return Style::Plain;
      case Kind::Bool:
        out_ += v.as_bool() ? "true" : "false";
        return Style::Plain;
      case Kind::Int:
        out_ += int_text(v);
        return Style::Plain;
      case Kind::Float:
        out_ += float_text(v.as_float());
        return Style::Plain;
      case Kind::DateTime:
        out_ += python_str(v);
        return Style::Plain;
      case Kind::String:
        return string(v.as_string(), indent, simple_key);
      case Kind::List:
        out_ += "[]";
        return Style::Plain;
      case Kind::Dict:
        out_ += "{}";
        return Style::Plain;
      default:
        throw Error("RepresenterError", "cannot represent an object: " + python_repr(v));
    }
  }

  static std::string float_text(double d) {
    if (d != d) return ".nan";
    if (d == std::numeric_limits<double>::infinity()) return ".inf";
    if (d == -std::numeric_limits<double>::infinity()) return "-.inf";
    std::string text = float_repr(d);
    const size_t e = text.find('e');
    if (e != std::string::npos && text.find('.') == std::string::npos) text.insert(e, ".0");
    return text;
  }

  Style string(const std::string& text, size_t indent, bool simple_key) {
    const Style style = choose_style(text, simple_key);
    switch (style) {
      case Style::Plain:
        folded(text, indent, false);
        break;
      case Style::Single:
        out_ += '\'';
        folded(text, indent, true);
        out_ += '\'';
        break;
      case Style::Double:
        double_quoted(text);
        break;
    }
    return style;
  }

  // Plain and single-quoted text: a lone space past the width becomes a line break plus
  // indentation; inside single quotes a line break is written twice (YAML folds one).
  void folded(const std::string& text, size_t indent, bool quoted) {
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      const bool lone_space =
          c == ' ' && i > 0 && text[i - 1] != ' ' && i + 1 < text.size() && text[i + 1] != ' ';
      if (lone_space && column() > kWidth) {
        new_line(indent);
      } else if (quoted && c == '\n') {
        out_ += '\n';
        if (i + 1 >= text.size() || text[i + 1] != '\n') {
          out_ += '\n';
          out_.append(indent, ' ');
        }
      } else if (quoted && c == '\'') {
        out_ += "''";
      } else {
        out_ += c;
      }
    }
  }

  void double_quoted(const std::string& text) {
    out_ += '"';
    char buf[16];
    for (size_t pos = 0; pos < text.size();) {
      const char32_t c = utf8::decode(text, pos);
      switch (c) {
        case 0:
          out_ += "\\0";
          continue;
        case 0x07:
          out_ += "\\a";
          continue;
        case 0x08:
          out_ += "\\b";
          continue;
        case '\t':
          out_ += "\\t";
          continue;
        case '\n':
          out_ += "\\n";
          continue;
        case 0x0B:
          out_ += "\\v";
          continue;
        case 0x0C:
          out_ += "\\f";
          continue;
        case '\r':
          out_ += "\\r";
          continue;
        case 0x1B:
          out_ += "\\e";
          continue;
        case '"':
          out_ += "\\\"";
          continue;
        case '\\':
          out_ += "\\\\";
          continue;
        case 0x85:
          out_ += "\\N";
          continue;
        case 0xA0:
          out_ += "\\_";
          continue;
        case 0x2028:
          out_ += "\\L";
          continue;
        case 0x2029:
          out_ += "\\P";
          continue;
        default:
          break;
      }
      if (c >= 0x20 && c <= 0x7E) {
        out_ += static_cast<char>(c);
        continue;
      }
      if (c <= 0xFF)
        std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
      else if (c <= 0xFFFF)
        std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
      else
        std::snprintf(buf, sizeof buf, "\\U%08X", static_cast<unsigned>(c));
      out_ += buf;
    }
    out_ += '"';
  }

  std::string out_;
};

}  // namespace

std::string dump_yaml(const Value& v) {
  Emitter emitter;
  emitter.document(v);
  return emitter.take();
}

}  // namespace sirocco::mistral
