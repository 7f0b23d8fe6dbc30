// Python's case algorithms on code points: the Lowercase and Uppercase properties (the
// letter categories plus Unicode's Other_Lowercase / Other_Uppercase, e.g. ʰ, ⓐ, Ⅷ), full
// case mappings with the final sigma, titlecase with the SpecialCasing expansions (ß → Ss,
// ﬁ → Fi), and str.capitalize/title/swapcase/casefold and islower/isupper/istitle.
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <vector>

#include "interp/utf8.h"
#include "stdlib/jinja/pystr.h"
#include "stdlib/yaql/strings_internal.h"

namespace sirocco::jinja::pystr {
namespace {

struct Range {
  char32_t first, last;
};

// Code points with the Lowercase or Uppercase property outside Ll and Lu (Unicode 14, as
// Python 3.11 has it).
constexpr Range kOtherLowercase[] = {
    {0xAA, 0xAA},       {0xBA, 0xBA},       {0x2B0, 0x2B8},     {0x2C0, 0x2C1},
    {0x2E0, 0x2E4},     {0x345, 0x345},     {0x37A, 0x37A},     {0x1D2C, 0x1D6A},
    {0x1D78, 0x1D78},   {0x1D9B, 0x1DBF},   {0x2071, 0x2071},   {0x207F, 0x207F},
    {0x2090, 0x209C},   {0x2170, 0x217F},   {0x24D0, 0x24E9},   {0x2C7C, 0x2C7D},
    {0xA69C, 0xA69D},   {0xA770, 0xA770},   {0xA7F8, 0xA7F9},   {0xAB5C, 0xAB5F},
    {0x10780, 0x10780}, {0x10783, 0x10785}, {0x10787, 0x107B0}, {0x107B2, 0x107BA},
};
constexpr Range kOtherUppercase[] = {
    {0x2160, 0x216F}, {0x24B6, 0x24CF}, {0x1F130, 0x1F149}, {0x1F150, 0x1F169}, {0x1F170, 0x1F189},
};

template <size_t N>
bool in_ranges(const Range (&ranges)[N], char32_t cp) {
  return std::any_of(std::begin(ranges), std::end(ranges),
                     [cp](const Range& r) { return cp >= r.first && cp <= r.last; });
}

utf8proc_category_t category(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}
bool is_lower_cp(char32_t cp) {
  return category(cp) == UTF8PROC_CATEGORY_LL || in_ranges(kOtherLowercase, cp);
}
bool is_upper_cp(char32_t cp) {
  return category(cp) == UTF8PROC_CATEGORY_LU || in_ranges(kOtherUppercase, cp);
}
bool is_title_cp(char32_t cp) { return category(cp) == UTF8PROC_CATEGORY_LT; }
bool is_cased_cp(char32_t cp) { return is_lower_cp(cp) || is_upper_cp(cp) || is_title_cp(cp); }

// Unicode's Case_Ignorable: marks, format characters, modifiers and the word-internal
// punctuation of Word_Break MidLetter / MidNumLet / Single_Quote.
bool is_case_ignorable(char32_t cp) {
  static constexpr char32_t kPunctuation[] = {'\'',   '.',    ':',    0xB7,   0x387,  0x5F4,
                                              0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52,
                                              0xFE55, 0xFF07, 0xFF0E, 0xFF1A};
  switch (category(cp)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_SK:
      return true;
    default:
      return std::find(std::begin(kPunctuation), std::end(kPunctuation), cp) !=
             std::end(kPunctuation);
  }
}

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t pos = 0; pos < s.size();) out.push_back(utf8::decode(s, pos));
  return out;
}

std::string encode(char32_t cp) {
  std::string out;
  utf8::append(out, cp);
  return out;
}

std::string upper_of(char32_t cp) { return yaql::strings::to_upper(encode(cp)); }

// The lowercase of text[i]: a capital sigma is final (ς) after a cased letter that no cased
// letter follows, case-ignorable characters skipped both ways.
std::string lower_at(const std::vector<char32_t>& text, size_t i) {
  constexpr char32_t kCapitalSigma = 0x3A3;
  if (text[i] != kCapitalSigma) return yaql::strings::to_lower(encode(text[i]));
  size_t before = i;
  while (before > 0 && is_case_ignorable(text[before - 1])) --before;
  size_t after = i + 1;
  while (after < text.size() && is_case_ignorable(text[after])) ++after;
  bool final = before > 0 && is_cased_cp(text[before - 1]) &&
               !(after < text.size() && is_cased_cp(text[after]));
  return final ? "\u03C2" : "\u03C3";
}

// Greek letters with an iota subscript: their titlecase is one code point (ᾳ → ᾼ) though
// their uppercase is two (ΑΙ).
bool has_iota_subscript(char32_t cp) {
  return (cp >= 0x1F80 && cp <= 0x1FAF) || cp == 0x1FB3 || cp == 0x1FBC || cp == 0x1FC3 ||
         cp == 0x1FCC || cp == 0x1FF3 || cp == 0x1FFC;
}

// The titlecase of one code point. Where the uppercase expands (SpecialCasing), the
// expansion with what follows its first cased letter lowercased (ß → Ss, ﬁ → Fi, ŉ → ʼN);
// else the simple titlecase mapping.
std::string title_of(char32_t cp) {
  std::vector<char32_t> upper = code_points(upper_of(cp));
  if (upper.size() == 1 || has_iota_subscript(cp))
    return encode(static_cast<char32_t>(utf8proc_totitle(static_cast<utf8proc_int32_t>(cp))));
  std::string out;
  bool cased = false;
  for (char32_t u : upper) {
    out += cased ? yaql::strings::to_lower(encode(u)) : encode(u);
    cased = cased || is_cased_cp(u);
  }
  return out;
}

}  // namespace

std::string capitalize(std::string_view s) {
  std::vector<char32_t> text = code_points(s);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) out += i == 0 ? title_of(text[i]) : lower_at(text, i);
  return out;
}

std::string title(std::string_view s) {
  std::vector<char32_t> text = code_points(s);
  std::string out;
  bool previous_cased = false;
  for (size_t i = 0; i < text.size(); ++i) {
    out += previous_cased ? lower_at(text, i) : title_of(text[i]);
    previous_cased = is_cased_cp(text[i]);
  }
  return out;
}

std::string swapcase(std::string_view s) {
  std::vector<char32_t> text = code_points(s);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i)
    out += is_upper_cp(text[i])   ? lower_at(text, i)
           : is_lower_cp(text[i]) ? upper_of(text[i])
                                  : encode(text[i]);
  return out;
}

std::string casefold(std::string_view s) {
  utf8proc_uint8_t* folded = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                   static_cast<utf8proc_ssize_t>(s.size()), &folded, UTF8PROC_CASEFOLD);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(folded, &std::free);
  if (n < 0) return yaql::strings::to_lower(s);
  return std::string(reinterpret_cast<const char*>(folded), static_cast<size_t>(n));
}

bool is_case_kind(std::string_view s, std::string_view kind) {
  bool cased = false;
  if (kind == "lower" || kind == "upper") {
    bool lower = kind == "lower";
    for (char32_t cp : code_points(s)) {
      if (is_title_cp(cp) || (lower ? is_upper_cp(cp) : is_lower_cp(cp))) return false;
      cased = cased || is_cased_cp(cp);
    }
    return cased;
  }
  // title: upper and titlecase letters only after uncased ones, lowercase only after cased.
  bool previous_cased = false;
  for (char32_t cp : code_points(s)) {
    if (is_upper_cp(cp) || is_title_cp(cp)) {
      if (previous_cased) return false;
      previous_cased = cased = true;
    } else if (is_lower_cp(cp)) {
      if (!previous_cased) return false;
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return cased;
}

}  // namespace sirocco::jinja::pystr
