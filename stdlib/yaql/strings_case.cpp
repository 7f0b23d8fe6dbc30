// Unicode case mapping for toUpper()/toLower(), as Python's str.upper()/str.lower() do it:
// simple mappings from the C library's C.UTF-8 locale (which agree with Python's Unicode
// database), plus the mappings that expand to several code points and the final sigma.
#include <algorithm>
#include <cctype>
#include <clocale>
#include <cwctype>
#include <iterator>
#include <vector>

#include "interp/utf8.h"
#include "stdlib/yaql/strings_internal.h"

namespace sirocco::yaql::strings {
namespace {

struct Expansion {
  char32_t cp;
  const char* upper;  // UTF-8
};

// Every code point whose str.upper() is longer than one code point (SpecialCasing.txt).
// clang-format off
constexpr Expansion kUpperExpansions[] = {
    {0x00DF, "SS"}, {0x0149, "\u02BCN"}, {0x01F0, "J\u030C"}, {0x0390, "\u0399\u0308\u0301"},
    {0x03B0, "\u03A5\u0308\u0301"}, {0x0587, "\u0535\u0552"}, {0x1E96, "H\u0331"},
    {0x1E97, "T\u0308"}, {0x1E98, "W\u030A"}, {0x1E99, "Y\u030A"}, {0x1E9A, "A\u02BE"},
    {0x1F50, "\u03A5\u0313"}, {0x1F52, "\u03A5\u0313\u0300"}, {0x1F54, "\u03A5\u0313\u0301"},
    {0x1F56, "\u03A5\u0313\u0342"}, {0x1F80, "\u1F08\u0399"}, {0x1F81, "\u1F09\u0399"},
    {0x1F82, "\u1F0A\u0399"}, {0x1F83, "\u1F0B\u0399"}, {0x1F84, "\u1F0C\u0399"},
    {0x1F85, "\u1F0D\u0399"}, {0x1F86, "\u1F0E\u0399"}, {0x1F87, "\u1F0F\u0399"},
    {0x1F88, "\u1F08\u0399"}, {0x1F89, "\u1F09\u0399"}, {0x1F8A, "\u1F0A\u0399"},
    {0x1F8B, "\u1F0B\u0399"}, {0x1F8C, "\u1F0C\u0399"}, {0x1F8D, "\u1F0D\u0399"},
    {0x1F8E, "\u1F0E\u0399"}, {0x1F8F, "\u1F0F\u0399"}, {0x1F90, "\u1F28\u0399"},
    {0x1F91, "\u1F29\u0399"}, {0x1F92, "\u1F2A\u0399"}, {0x1F93, "\u1F2B\u0399"},
    {0x1F94, "\u1F2C\u0399"}, {0x1F95, "\u1F2D\u0399"}, {0x1F96, "\u1F2E\u0399"},
    {0x1F97, "\u1F2F\u0399"}, {0x1F98, "\u1F28\u0399"}, {0x1F99, "\u1F29\u0399"},
    {0x1F9A, "\u1F2A\u0399"}, {0x1F9B, "\u1F2B\u0399"}, {0x1F9C, "\u1F2C\u0399"},
    {0x1F9D, "\u1F2D\u0399"}, {0x1F9E, "\u1F2E\u0399"}, {0x1F9F, "\u1F2F\u0399"},
    {0x1FA0, "\u1F68\u0399"}, {0x1FA1, "\u1F69\u0399"}, {0x1FA2, "\u1F6A\u0399"},
    {0x1FA3, "\u1F6B\u0399"}, {0x1FA4, "\u1F6C\u0399"}, {0x1FA5, "\u1F6D\u0399"},
    {0x1FA6, "\u1F6E\u0399"}, {0x1FA7, "\u1F6F\u0399"}, {0x1FA8, "\u1F68\u0399"},
    {0x1FA9, "\u1F69\u0399"}, {0x1FAA, "\u1F6A\u0399"}, {0x1FAB, "\u1F6B\u0399"},
    {0x1FAC, "\u1F6C\u0399"}, {0x1FAD, "\u1F6D\u0399"}, {0x1FAE, "\u1F6E\u0399"},
    {0x1FAF, "\u1F6F\u0399"}, {0x1FB2, "\u1FBA\u0399"}, {0x1FB3, "\u0391\u0399"},
    {0x1FB4, "\u0386\u0399"}, {0x1FB6, "\u0391\u0342"}, {0x1FB7, "\u0391\u0342\u0399"},
    {0x1FBC, "\u0391\u0399"}, {0x1FC2, "\u1FCA\u0399"}, {0x1FC3, "\u0397\u0399"},
    {0x1FC4, "\u0389\u0399"}, {0x1FC6, "\u0397\u0342"}, {0x1FC7, "\u0397\u0342\u0399"},
    {0x1FCC, "\u0397\u0399"}, {0x1FD2, "\u0399\u0308\u0300"}, {0x1FD3, "\u0399\u0308\u0301"},
    {0x1FD6, "\u0399\u0342"}, {0x1FD7, "\u0399\u0308\u0342"}, {0x1FE2, "\u03A5\u0308\u0300"},
    {0x1FE3, "\u03A5\u0308\u0301"}, {0x1FE4, "\u03A1\u0313"}, {0x1FE6, "\u03A5\u0342"},
    {0x1FE7, "\u03A5\u0308\u0342"}, {0x1FF2, "\u1FFA\u0399"}, {0x1FF3, "\u03A9\u0399"},
    {0x1FF4, "\u038F\u0399"}, {0x1FF6, "\u03A9\u0342"}, {0x1FF7, "\u03A9\u0342\u0399"},
    {0x1FFC, "\u03A9\u0399"}, {0xFB00, "FF"}, {0xFB01, "FI"}, {0xFB02, "FL"}, {0xFB03, "FFI"},
    {0xFB04, "FFL"}, {0xFB05, "ST"}, {0xFB06, "ST"}, {0xFB13, "\u0544\u0546"},
    {0xFB14, "\u0544\u0535"}, {0xFB15, "\u0544\u053B"}, {0xFB16, "\u054E\u0546"},
    {0xFB17, "\u0544\u053D"},
};
// clang-format on

constexpr char32_t kCapitalSigma = 0x3A3;
constexpr char32_t kDottedCapitalI = 0x130;  // lowercases to "i" + U+0307

// The C.UTF-8 locale, or null where it is missing (then only ASCII letters change case).
locale_t unicode_locale() {
  static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{});
  return locale;
}

char32_t simple_upper(char32_t cp) {
  locale_t l = unicode_locale();
  if (!l) return cp < 0x80 ? static_cast<char32_t>(std::toupper(static_cast<int>(cp))) : cp;
  return static_cast<char32_t>(towupper_l(static_cast<wint_t>(cp), l));
}

char32_t simple_lower(char32_t cp) {
  locale_t l = unicode_locale();
  if (!l) return cp < 0x80 ? static_cast<char32_t>(std::tolower(static_cast<int>(cp))) : cp;
  return static_cast<char32_t>(towlower_l(static_cast<wint_t>(cp), l));
}

// Unicode's Cased property, approximated by "has a case mapping or is a cased letter".
bool is_cased(char32_t cp) {
  locale_t l = unicode_locale();
  return simple_upper(cp) != cp || simple_lower(cp) != cp ||
         (l && (iswupper_l(static_cast<wint_t>(cp), l) || iswlower_l(static_cast<wint_t>(cp), l)));
}

// Unicode's Case_Ignorable property for the characters that occur inside words: apostrophes,
// word-internal punctuation, modifier letters and combining marks.
bool is_case_ignorable(char32_t cp) {
  static constexpr char32_t kMarks[] = {'\'', '.',  ':',  '^',    '`',    0xA8,   0xAD,  0xAF,
                                        0xB4, 0xB7, 0xB8, 0x2018, 0x2019, 0x2024, 0x2027};
  return (cp >= 0x2B0 && cp <= 0x36F) ||
         std::find(std::begin(kMarks), std::end(kMarks), cp) != std::end(kMarks);
}

// Σ lowercases to final ς after a cased letter unless another cased letter follows
// (case-ignorable characters in between are skipped both ways).
char32_t lower_sigma(const std::vector<char32_t>& text, size_t i) {
  size_t j = i;
  while (j > 0 && is_case_ignorable(text[j - 1])) --j;
  if (j == 0 || !is_cased(text[j - 1])) return 0x3C3;
  size_t k = i + 1;
  while (k < text.size() && is_case_ignorable(text[k])) ++k;
  return k < text.size() && is_cased(text[k]) ? 0x3C3 : 0x3C2;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string change_ascii_case(std::string_view s, bool upper) {
  std::string out(s);
  const char from = upper ? 'a' : 'A';
  for (char& c : out)
    if (c >= from && c <= from + 25) c ^= 0x20;
  return out;
}

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t pos = 0; pos < s.size();) out.push_back(utf8::decode(s, pos));
  return out;
}

}  // namespace

std::string to_upper(std::string_view s) {
  if (is_ascii(s)) return change_ascii_case(s, true);
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    char32_t cp = utf8::decode(s, pos);
    auto expansion = std::lower_bound(std::begin(kUpperExpansions), std::end(kUpperExpansions), cp,
                                      [](const Expansion& e, char32_t c) { return e.cp < c; });
    if (expansion != std::end(kUpperExpansions) && expansion->cp == cp)
      out += expansion->upper;
    else
      utf8::append(out, simple_upper(cp));
  }
  return out;
}

std::string to_lower(std::string_view s) {
  if (is_ascii(s)) return change_ascii_case(s, false);
  std::vector<char32_t> text = code_points(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == kCapitalSigma)
      utf8::append(out, lower_sigma(text, i));
    else if (text[i] == kDottedCapitalI)
      out += "i\u0307";
    else
      utf8::append(out, simple_lower(text[i]));
  }
  return out;
}

}  // namespace sirocco::yaql::strings
