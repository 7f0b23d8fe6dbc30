// UTF-8 helpers: strict validation (no overlongs, surrogates or code points past U+10FFFF),
// code-point counting and indexing with ASCII fast paths, encoding and repair.
#include "interp/utf8.h"

#include <bit>
#include <cstring>

namespace sirocco::utf8 {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr char32_t kReplacement = 0xFFFD;

uint64_t load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Bytes a sequence starting with `lead` takes (1 for ASCII and for stray bytes).
size_t sequence_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

// Decodes one code point at `pos`, checking it strictly. On an invalid sequence returns
// -1 and advances past its maximal invalid prefix (at least one byte), the unit Python's
// 'replace' error handler substitutes with one U+FFFD.
int32_t decode_checked(std::string_view s, size_t& pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  size_t need;
  int32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1, cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2, cp = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3, cp = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // past U+10FFFF
  } else {
    ++pos;
    return -1;
  }
  size_t i = pos + 1;
  for (size_t k = 0; k < need; ++k, ++i) {
    if (i >= s.size()) break;
    unsigned char c = byte(i);
    bool in_range = k == 0 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
    if (!in_range) break;
    cp = (cp << 6) | (c & 0x3F);
    if (k + 1 == need) {
      pos = i + 1;
      return cp;
    }
  }
  pos = i;
  return -1;
}

}  // namespace

bool valid(std::string_view s) {
  size_t pos = 0;
  const size_t n = s.size();
  while (pos < n) {
    if (pos + 8 <= n && (load8(s.data() + pos) & kHighBits) == 0) {
      pos += 8;
    } else if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
    } else if (decode_checked(s, pos) < 0) {
      return false;
    }
  }
  return true;
}

size_t length(std::string_view s) {
  // Count continuation bytes (10xxxxxx) eight at a time and subtract them.
  size_t continuation = 0, pos = 0;
  const size_t n = s.size();
  for (; pos + 8 <= n; pos += 8) {
    uint64_t w = load8(s.data() + pos);
    continuation += std::popcount(w & ~(w << 1) & kHighBits);
  }
  for (; pos < n; ++pos) continuation += (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80;
  return n - continuation;
}

size_t offset_of(std::string_view s, size_t index) {
  size_t pos = 0;
  const size_t n = s.size();
  while (index > 0 && pos < n) {
    if (index >= 8 && pos + 8 <= n && (load8(s.data() + pos) & kHighBits) == 0) {
      pos += 8, index -= 8;
    } else {
      pos += sequence_length(static_cast<unsigned char>(s[pos]));
      --index;
    }
  }
  return pos < n ? pos : n;
}

char32_t decode(std::string_view s, size_t& pos) {
  const auto byte = [&](size_t i) -> char32_t { return static_cast<unsigned char>(s[i]); };
  char32_t lead = byte(pos);
  size_t len = sequence_length(static_cast<unsigned char>(lead));
  if (len == 1 || pos + len > s.size()) {
    ++pos;
    return lead;
  }
  char32_t cp;
  if (len == 2) {
    cp = ((lead & 0x1F) << 6) | (byte(pos + 1) & 0x3F);
  } else if (len == 3) {
    cp = ((lead & 0x0F) << 12) | ((byte(pos + 1) & 0x3F) << 6) | (byte(pos + 2) & 0x3F);
  } else {
    cp = ((lead & 0x07) << 18) | ((byte(pos + 1) & 0x3F) << 12) | ((byte(pos + 2) & 0x3F) << 6) |
         (byte(pos + 3) & 0x3F);
  }
  pos += len;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    char b[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 2);
  } else if (cp < 0x10000) {
    char b[3] = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                 static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 3);
  } else {
    char b[4] = {
        static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
        static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 4);
  }
}

std::string sanitize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    if (decode_checked(s, pos) < 0) {
      append(out, kReplacement);
    } else {
      out.append(s.data() + start, pos - start);
    }
  }
  return out;
}

}  // namespace sirocco::utf8
