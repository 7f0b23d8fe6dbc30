// Python's str algorithms on UTF-8 text for the YAQL strings module: whitespace, split,
// strip, replace, find and slicing by code points, and the digits of ints in any base.
#include <algorithm>
#include <iterator>

#include "interp/error.h"
#include "interp/utf8.h"
#include "stdlib/yaql/collections_internal.h"
#include "stdlib/yaql/strings_internal.h"

namespace sirocco::yaql::strings {
namespace {

// Code points Python's str.isspace() accepts.
constexpr char32_t kSpaces[] = {
    0x9,    0xa,    0xb,    0xc,    0xd,    0x1c,   0x1d,   0x1e,   0x1f,   0x20,
    0x85,   0xa0,   0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
    0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
};

// Python's str.isspace() for one code point.
bool is_space(char32_t cp) {
  return std::find(std::begin(kSpaces), std::end(kSpaces), cp) != std::end(kSpaces);
}

Value text(std::string_view s) { return Value::string(std::string(s)); }

// The code point that starts at byte `pos`, and the byte after it.
struct CodePoint {
  char32_t cp;
  size_t next;
};
CodePoint code_point_at(std::string_view s, size_t pos) {
  char32_t cp = utf8::decode(s, pos);
  return {cp, pos};
}

// The first byte of the code point that ends just before byte `end` (end > 0).
size_t previous_start(std::string_view s, size_t end) {
  do --end;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80);
  return end;
}

// Byte offset just past a run of code points (from `pos`) that satisfy pred.
template <typename Pred>
size_t skip_forward(std::string_view s, size_t pos, Pred pred) {
  while (pos < s.size()) {
    CodePoint c = code_point_at(s, pos);
    if (!pred(c.cp)) break;
    pos = c.next;
  }
  return pos;
}

// Byte offset of the start of a run of code points (ending at `end`) that satisfy pred.
template <typename Pred>
size_t skip_backward(std::string_view s, size_t end, Pred pred) {
  while (end > 0) {
    size_t start = previous_start(s, end);
    if (!pred(code_point_at(s, start).cp)) break;
    end = start;
  }
  return end;
}

bool not_space(char32_t cp) { return !is_space(cp); }

List split_on_whitespace(std::string_view s, int64_t max_splits) {
  List out;
  size_t i = 0;
  for (; max_splits != 0; --max_splits) {
    i = skip_forward(s, i, is_space);
    if (i == s.size()) break;
    size_t word = i;
    i = skip_forward(s, i, not_space);
    out.push_back(text(s.substr(word, i - word)));
  }
  i = skip_forward(s, i, is_space);
  if (i < s.size()) out.push_back(text(s.substr(i)));
  return out;
}

List rsplit_on_whitespace(std::string_view s, int64_t max_splits) {
  List out;
  size_t end = s.size();
  for (; max_splits != 0; --max_splits) {
    end = skip_backward(s, end, is_space);
    if (end == 0) break;
    size_t word = skip_backward(s, end, not_space);
    out.push_back(text(s.substr(word, end - word)));
    end = word;
  }
  end = skip_backward(s, end, is_space);
  if (end > 0) out.push_back(text(s.substr(0, end)));
  std::reverse(out.begin(), out.end());
  return out;
}

List split_on(std::string_view s, std::string_view sep, int64_t max_splits) {
  List out;
  size_t i = 0;
  for (size_t pos; max_splits != 0 && (pos = s.find(sep, i)) != std::string_view::npos;
       --max_splits) {
    out.push_back(text(s.substr(i, pos - i)));
    i = pos + sep.size();
  }
  out.push_back(text(s.substr(i)));
  return out;
}

List rsplit_on(std::string_view s, std::string_view sep, int64_t max_splits) {
  List out;
  size_t end = s.size();
  for (size_t pos; max_splits != 0 && (pos = s.substr(0, end).rfind(sep)) != std::string_view::npos;
       --max_splits) {
    out.push_back(text(s.substr(pos + sep.size(), end - pos - sep.size())));
    end = pos;
  }
  out.push_back(text(s.substr(0, end)));
  std::reverse(out.begin(), out.end());
  return out;
}

bool contains_code_point(std::string_view chars, char32_t cp) {
  std::string encoded;
  utf8::append(encoded, cp);
  return chars.find(encoded) != std::string_view::npos;
}

// Python's slice-bound adjustment: negative counts from the end, then clamp to [0, length].
int64_t clamp_index(int64_t i, int64_t length) {
  if (i < 0) i = std::max<int64_t>(i + length, 0);
  return std::min(i, length);
}

size_t byte_offset(const Value& s, int64_t index) {
  return s.string_is_ascii() ? static_cast<size_t>(index)
                             : utf8::offset_of(s.as_string(), static_cast<size_t>(index));
}

}  // namespace

List split(std::string_view s, const std::string* separator, int64_t max_splits, bool from_right) {
  if (max_splits < 0) max_splits = -1;  // counting down from -1 never reaches 0
  if (!separator)
    return from_right ? rsplit_on_whitespace(s, max_splits) : split_on_whitespace(s, max_splits);
  if (separator->empty()) throw Error("ValueError", "empty separator");
  return from_right ? rsplit_on(s, *separator, max_splits) : split_on(s, *separator, max_splits);
}

List split_characters(std::string_view s) {
  List out;
  for (size_t pos = 0; pos < s.size();) {
    size_t next = code_point_at(s, pos).next;
    out.push_back(text(s.substr(pos, next - pos)));
    pos = next;
  }
  return out;
}

std::string strip(std::string_view s, const std::string* chars, Side side) {
  auto strippable = [chars](char32_t cp) {
    return chars ? contains_code_point(*chars, cp) : is_space(cp);
  };
  size_t begin = side == Side::Right ? 0 : skip_forward(s, 0, strippable);
  std::string_view rest = s.substr(begin);
  size_t end = side == Side::Left ? rest.size() : skip_backward(rest, rest.size(), strippable);
  return std::string(rest.substr(0, end));
}

std::string replace(std::string_view s, std::string_view old, std::string_view replacement,
                    int64_t count, size_t max_bytes) {
  if (count < 0) count = INT64_MAX;
  std::string out;
  size_t i = 0;
  auto append_replacement = [&] {
    out += replacement;
    if (out.size() > max_bytes) memory_quota_exceeded();
  };
  if (old.empty()) {
    // Python inserts the replacement before every code point and at the end.
    for (; count > 0; --count) {
      append_replacement();
      if (i == s.size()) return out;
      size_t next = code_point_at(s, i).next;
      out += s.substr(i, next - i);
      i = next;
    }
  } else {
    for (size_t pos; count > 0 && (pos = s.find(old, i)) != std::string_view::npos; --count) {
      out += s.substr(i, pos - i);
      append_replacement();
      i = pos + old.size();
    }
  }
  out += s.substr(i);
  return out;
}

int64_t find(const Value& s, std::string_view sub, int64_t start, int64_t end, bool last) {
  const int64_t length = static_cast<int64_t>(s.string_length());
  end = clamp_index(end, length);
  if (start < 0) start = std::max<int64_t>(start + length, 0);
  const int64_t sub_length = static_cast<int64_t>(utf8::length(sub));
  if (end - start < sub_length) return -1;
  if (sub_length == 0) return last ? end : start;
  size_t from = byte_offset(s, start);
  std::string_view window =
      std::string_view(s.as_string()).substr(from, byte_offset(s, end) - from);
  size_t pos = last ? window.rfind(sub) : window.find(sub);
  if (pos == std::string_view::npos) return -1;
  return start + static_cast<int64_t>(utf8::length(window.substr(0, pos)));
}

std::string slice(const Value& s, int64_t start, int64_t stop) {
  const int64_t length = static_cast<int64_t>(s.string_length());
  start = clamp_index(start, length);
  stop = clamp_index(stop, length);
  if (stop <= start) return "";
  size_t from = byte_offset(s, start);
  return s.as_string().substr(from, byte_offset(s, stop) - from);
}

std::string int_digits(const Value& v, int base) {
  static constexpr char kDigits[] = "0123456789abcdef";
  if (!v.is_big_int()) {
    int64_t i = v.is_bool() ? v.as_bool() : v.as_small_int();
    uint64_t magnitude = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
    std::string out;
    do out += kDigits[magnitude % base];
    while ((magnitude /= base) != 0);
    return std::string(out.rbegin(), out.rend());
  }
  BigInt magnitude = abs(v.as_big_int());
  if (base == 10) return magnitude.str();
  if (base == 8) return magnitude.str(0, std::ios_base::oct);
  std::string hex = magnitude.str(0, std::ios_base::hex);
  std::transform(hex.begin(), hex.end(), hex.begin(), [](char c) { return std::tolower(c); });
  if (base == 16) return hex;
  std::string bits;
  for (char h : hex) {
    int nibble = static_cast<int>(std::string_view(kDigits).find(h));
    for (int bit = 3; bit >= 0; --bit) bits += (nibble >> bit) & 1 ? '1' : '0';
  }
  return bits.substr(bits.find('1'));
}

}  // namespace sirocco::yaql::strings
