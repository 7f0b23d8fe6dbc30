// Python's str algorithms for Jinja's str methods beyond the YAQL strings module and the case
// algorithms (pystr_case.cpp): the is*() predicates, padding, counting and line splitting,
// all counted in code points; the argument conversions and the size limit.
#include <utf8proc.h>

#include <algorithm>
#include <iterator>

#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/jinja/pystr.h"
#include "stdlib/yaql/strings_internal.h"

namespace sirocco::jinja::pystr {
namespace {

using Category = utf8proc_category_t;

Category category(char32_t cp) { return utf8proc_category(static_cast<utf8proc_int32_t>(cp)); }
bool is_alpha_cp(char32_t cp) {
  Category c = category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}
bool is_decimal_cp(char32_t cp) { return category(cp) == UTF8PROC_CATEGORY_ND; }
// Numeric_Type=Digit beyond the decimals: superscripts, subscripts, circled digits.
bool is_digit_cp(char32_t cp) {
  return is_decimal_cp(cp) || cp == 0xB2 || cp == 0xB3 || cp == 0xB9 ||
         (cp >= 0x2070 && cp <= 0x2079 && cp != 0x2071 && cp != 0x2072 && cp != 0x2073) ||
         (cp >= 0x2080 && cp <= 0x2089) || (cp >= 0x2460 && cp <= 0x2468) ||
         (cp >= 0x2780 && cp <= 0x2788);
}
// Numeric_Type=Numeric: the number categories, plus the common CJK numeral ideographs.
bool is_numeric_cp(char32_t cp) {
  static constexpr char32_t kIdeographs[] = {0x4E00, 0x4E03, 0x4E07, 0x4E09, 0x4E5D, 0x4E8C, 0x4E94,
                                             0x4EBF, 0x5104, 0x5146, 0x516B, 0x516D, 0x5341, 0x5343,
                                             0x5344, 0x5345, 0x56DB, 0x5EFF, 0x767E, 0x96F6};
  Category c = category(cp);
  return c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO ||
         std::find(std::begin(kIdeographs), std::end(kIdeographs), cp) != std::end(kIdeographs);
}
bool is_space_cp(char32_t cp) {
  return (cp >= 0x9 && cp <= 0xd) || (cp >= 0x1c && cp <= 0x20) || cp == 0x85 || cp == 0xa0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202f || cp == 0x205f || cp == 0x3000;
}
bool is_printable_cp(char32_t cp) {
  if (cp == ' ') return true;
  Category c = category(cp);
  return !(c == UTF8PROC_CATEGORY_CN || (c >= UTF8PROC_CATEGORY_ZS && c <= UTF8PROC_CATEGORY_CO));
}
bool is_identifier_start(char32_t cp) {
  return cp == '_' || is_alpha_cp(cp) || category(cp) == UTF8PROC_CATEGORY_NL;
}
bool is_identifier_continue(char32_t cp) {
  Category c = category(cp);
  return is_identifier_start(cp) || c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
         c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_PC;
}

[[noreturn]] void type_error(std::string message) { throw Error("TypeError", std::move(message)); }

}  // namespace

size_t max_result_bytes(const Runtime& runtime) {
  constexpr size_t kMaxTextBytes = 100'000'000;
  int64_t quota = runtime.limits().memory_quota;
  return quota > 0 ? std::min(kMaxTextBytes, static_cast<size_t>(quota)) : kMaxTextBytes;
}

void result_too_large() {
  throw Error("MemoryQuotaExceededException", "Expression consumed too much memory");
}

const std::string& text_arg(const Value& v, std::string_view what) {
  if (!v.is_string()) type_error(std::string(what) + " must be str, not " + type_name(v));
  return v.as_string();
}

int64_t int_arg(const Value& v) {
  if (v.is_bool()) return v.as_bool();
  if (v.is_small_int()) return v.as_small_int();
  if (v.is_big_int()) return v.as_big_int() < 0 ? INT64_MIN : INT64_MAX;
  type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
}

int64_t bound_arg(const Value& v, int64_t fallback) {
  if (v.is_null()) return fallback;
  if (!v.is_int() && !v.is_bool())
    type_error("slice indices must be integers or None or have an __index__ method");
  return int_arg(v);
}

bool is_kind(std::string_view s, std::string_view kind) {
  std::vector<char32_t> cps;
  for (size_t pos = 0; pos < s.size();) cps.push_back(utf8::decode(s, pos));
  auto all = [&](bool (*pred)(char32_t)) {
    if (cps.empty()) return false;
    for (char32_t cp : cps)
      if (!pred(cp)) return false;
    return true;
  };
  if (kind == "alpha") return all(is_alpha_cp);
  if (kind == "decimal") return all(is_decimal_cp);
  if (kind == "digit") return all(is_digit_cp);
  if (kind == "numeric") return all(is_numeric_cp);
  if (kind == "space") return all(is_space_cp);
  if (kind == "alnum")
    return all([](char32_t cp) { return is_alpha_cp(cp) || is_numeric_cp(cp) || is_digit_cp(cp); });
  if (kind == "ascii") {
    for (char32_t cp : cps)
      if (cp >= 0x80) return false;
    return true;
  }
  if (kind == "printable") {
    for (char32_t cp : cps)
      if (!is_printable_cp(cp)) return false;
    return true;
  }
  if (kind == "identifier") {
    if (cps.empty() || !is_identifier_start(cps[0])) return false;
    for (char32_t cp : cps)
      if (!is_identifier_continue(cp)) return false;
    return true;
  }
  return is_case_kind(s, kind);
}

std::string pad(const Value& s, int64_t width, std::string_view fill, char align,
                size_t max_bytes) {
  if (utf8::length(fill) != 1) type_error("The fill character must be exactly one character long");
  int64_t length = static_cast<int64_t>(s.string_length());
  if (width <= length) return s.as_string();
  int64_t margin = width - length;
  if (static_cast<unsigned __int128>(margin) * fill.size() + s.as_string().size() > max_bytes)
    result_too_large();
  int64_t left = align == '<' ? 0 : align == '>' ? margin : margin / 2 + (margin & width & 1);
  std::string out;
  for (int64_t i = 0; i < left; ++i) out += fill;
  out += s.as_string();
  for (int64_t i = left; i < margin; ++i) out += fill;
  return out;
}

std::string zfill(const Value& s, int64_t width, size_t max_bytes) {
  const std::string& text = s.as_string();
  int64_t length = static_cast<int64_t>(s.string_length());
  if (width <= length) return text;
  if (static_cast<uint64_t>(width - length) + text.size() > max_bytes) result_too_large();
  bool sign = !text.empty() && (text[0] == '+' || text[0] == '-');
  std::string out = sign ? text.substr(0, 1) : "";
  out.append(static_cast<size_t>(width - length), '0');
  out += sign ? text.substr(1) : text;
  return out;
}

std::string expandtabs(std::string_view s, int64_t tabsize, size_t max_bytes) {
  std::string out;
  int64_t column = 0;
  for (size_t pos = 0; pos < s.size();) {
    size_t begin = pos;
    char32_t cp = utf8::decode(s, pos);
    if (cp == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        if (static_cast<uint64_t>(spaces) + out.size() > max_bytes) result_too_large();
        out.append(static_cast<size_t>(spaces), ' ');
        column += spaces;
      }
    } else {
      out += s.substr(begin, pos - begin);
      column = cp == '\n' || cp == '\r' ? 0 : column + 1;
    }
  }
  return out;
}

int64_t count(const Value& s, std::string_view sub, int64_t start, int64_t end) {
  int64_t length = static_cast<int64_t>(s.string_length());
  if (start < 0) start = std::max<int64_t>(start + length, 0);
  if (end < 0) end = std::max<int64_t>(end + length, 0);
  end = std::min(end, length);
  if (start > length || end < start) return 0;
  int64_t sub_length = static_cast<int64_t>(utf8::length(sub));
  if (sub_length == 0) return end - start + 1;
  int64_t n = 0;
  for (int64_t at = start;;) {
    at = yaql::strings::find(s, sub, at, end, false);
    if (at < 0) return n;
    ++n;
    at += sub_length;
  }
}

List splitlines(std::string_view s, bool keepends) {
  List out;
  size_t line_start = 0;
  for (size_t pos = 0; pos < s.size();) {
    size_t begin = pos;
    char32_t cp = utf8::decode(s, pos);
    bool is_break = (cp >= 0xa && cp <= 0xd) || (cp >= 0x1c && cp <= 0x1e) || cp == 0x85 ||
                    cp == 0x2028 || cp == 0x2029;
    if (!is_break) continue;
    if (cp == '\r' && pos < s.size() && s[pos] == '\n') ++pos;
    out.push_back(
        Value::string(std::string(s.substr(line_start, (keepends ? pos : begin) - line_start))));
    line_start = pos;
  }
  if (line_start < s.size()) out.push_back(Value::string(std::string(s.substr(line_start))));
  return out;
}

}  // namespace sirocco::jinja::pystr
