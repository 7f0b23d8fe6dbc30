// Python `re` pattern syntax → PCRE2 syntax: one pass over the pattern's code points that
// copies what both engines read alike and rewrites what they read differently.
#include "stdlib/yaql/regex_syntax.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <set>

#include "interp/error.h"
#include "interp/utf8.h"

namespace sirocco::yaql::pyregex {

namespace {

constexpr char32_t kEnd = 0xFFFFFFFF;  // what peek() returns past the end of the pattern
constexpr char32_t kMaxOctal = 0377;   // Python's largest octal escape
constexpr size_t kMaxDigits = 9;       // longer numbers are out of range for both engines

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_octal(char32_t c) { return c >= '0' && c <= '7'; }
bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_verbose_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
bool is_hex(char32_t c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

std::string to_utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) utf8::append(out, c);
  return out;
}

// One character as text for a message (nothing for the end of the pattern).
std::string char_text(char32_t c) { return c == kEnd ? "" : to_utf8(std::u32string(1, c)); }

std::string hex_escape(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x{%x}", static_cast<unsigned>(c));
  return buf;
}

// The characters of Python's \s for str patterns (those str.isspace() accepts), as the
// inside of a PCRE2 class; PCRE2's own \s differs at U+001C..U+001F and U+180E.
constexpr std::string_view kPythonSpace =
    "\\x{9}-\\x{d}\\x{1c}-\\x{20}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}"
    "\\x{202f}\\x{205f}\\x{3000}";

// What the last element of the pattern was, for Python's quantifier errors.
enum class Last { Nothing, Assertion, Atom, Quantifier };

struct OpenGroup {
  size_t number;     // capture number, 0 for a group that does not capture
  size_t position;   // where it opened, for "missing )"
  bool was_verbose;  // verbose mode outside it (a scoped (?x:...) changes it inside)
};

class Translator {
 public:
  explicit Translator(std::string_view pattern) {
    for (size_t i = 0; i < pattern.size();) src_.push_back(utf8::decode(pattern, i));
  }

  TranslatedPattern run() {
    while (!at_end() && !stray_close_) element();
    // What Python checks once the pattern is read, in its order.
    if (!open_.empty()) fail("missing ), unterminated subpattern", open_.back().position);
    if (ascii_flag_) throw Error("ValueError", "ASCII and UNICODE flags are incompatible");
    if (stray_close_) fail("unbalanced parenthesis", *stray_close_);
    for (const auto& [number, position] : conditions_)
      if (number > result_.group_count)
        fail("invalid group reference " + std::to_string(number), position);
    return std::move(result_);
  }

 private:
  // --- reading ---------------------------------------------------------------------------
  bool at_end() const { return pos_ >= src_.size(); }
  char32_t peek() const { return at_end() ? kEnd : src_[pos_]; }
  char32_t take() { return src_[pos_++]; }
  bool take_if(char32_t c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  std::u32string take_digits() {
    std::u32string digits;
    while (is_digit(peek())) digits += take();
    return digits;
  }

  [[noreturn]] void fail(const std::string& message, size_t position) const {
    throw Error("error", message + " at position " + std::to_string(position));
  }

  // --- writing ---------------------------------------------------------------------------
  std::string& out() { return result_.pcre; }
  // A character that must match itself, written so that PCRE2 reads it as a literal.
  void literal(char32_t c) {
    if (c < 0x80 && (std::isalnum(static_cast<int>(c)) || c == '_'))
      out() += static_cast<char>(c);
    else if (c >= 0x20 && c < 0x7f)
      out() += '\\', out() += static_cast<char>(c);
    else
      out() += hex_escape(c);
  }

  // --- the pattern -----------------------------------------------------------------------
  void element() {
    const size_t start = pos_;
    const char32_t c = take();
    if (verbose_ && is_verbose_space(c)) return;
    if (verbose_ && c == '#') {
      while (!at_end() && take() != '\n') {
      }
      return;
    }
    switch (c) {
      case '\\':
        escape(start);
        return;
      case '[':
        char_class(start);
        return set_last(Last::Atom);
      case '(':
        return open_group(start);
      case ')':
        return close_group(start);
      case '|':
        out() += '|';
        return set_last(Last::Nothing);
      case '^':
      case '$':
        out() += static_cast<char>(c);
        return set_last(Last::Assertion);
      case '.':
        out() += '.';
        return set_last(Last::Atom);
      case '*':
      case '+':
      case '?':
        return quantifier(std::string(1, static_cast<char>(c)), start);
      case '{':
        if (auto bounds = repeat_bounds(start)) return quantifier(*bounds, start);
        literal('{');
        return set_last(Last::Atom);
      default:
        literal(c);
        return set_last(Last::Atom);
    }
  }

  void set_last(Last last) {
    last_ = last;
    only_flags_so_far_ = false;
  }

  // A repeat: `what` is "*", "+", "?" or "{m,n}"; a following '?' or '+' makes it lazy or
  // possessive.
  void quantifier(const std::string& what, size_t start) {
    if (last_ == Last::Nothing || last_ == Last::Assertion) fail("nothing to repeat", start);
    if (last_ == Last::Quantifier) fail("multiple repeat", start);
    out() += what;
    if (peek() == '?' || peek() == '+') out() += static_cast<char>(take());
    set_last(Last::Quantifier);
  }

  // After '{': "{m,n}" in PCRE2 form when Python reads a repeat there, else nothing (the '{'
  // is then a literal and reading resumes right after it).
  std::optional<std::string> repeat_bounds(size_t start) {
    const size_t after_brace = pos_;
    if (peek() == '}') return std::nullopt;
    const std::u32string low = take_digits();
    const bool range = take_if(',');
    const std::u32string high = range ? take_digits() : low;
    if (!take_if('}')) {
      pos_ = after_brace;
      return std::nullopt;
    }
    if (low.size() > kMaxDigits || high.size() > kMaxDigits)
      fail("the repetition number is too large", start + 1);
    if (!low.empty() && !high.empty() && std::stoul(to_utf8(high)) < std::stoul(to_utf8(low)))
      fail("min repeat greater than max repeat", start + 1);
    const std::string min = low.empty() ? "0" : to_utf8(low);
    if (!range) return "{" + min + "}";
    return "{" + min + "," + to_utf8(high) + "}";
  }

  // --- escapes ---------------------------------------------------------------------------
  // After '\' outside a character class.
  void escape(size_t start) {
    if (at_end()) fail("bad escape (end of pattern)", start);
    const char32_t c = take();
    switch (c) {
      case 'A':
      case 'b':
        out() += '\\', out() += static_cast<char>(c);
        return set_last(Last::Assertion);
      case 'B':  // Python's \B never matches in an empty string
        out() += "(?!\\A\\z)\\B";
        return set_last(Last::Assertion);
      case 'Z':
        out() += "\\z";
        return set_last(Last::Assertion);
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        out() += '\\', out() += static_cast<char>(c);
        return set_last(Last::Atom);
      case 's':
        out() += "[" + std::string(kPythonSpace) + "]";
        return set_last(Last::Atom);
      case 'S':
        out() += "[^" + std::string(kPythonSpace) + "]";
        return set_last(Last::Atom);
      default:
        if (is_digit(c))
          digit_escape(c, start);
        else
          literal(char_escape(c, start, false));
        return set_last(Last::Atom);
    }
  }

  // The character an escape that stands for one character means (`\n`, `\x41`, `\u00e9`,
  // `\.`); `in_class` makes `\b` a backspace.
  char32_t char_escape(char32_t c, size_t start, bool in_class) {
    switch (c) {
      case 'a':
        return 0x07;
      case 'f':
        return 0x0c;
      case 'n':
        return 0x0a;
      case 'r':
        return 0x0d;
      case 't':
        return 0x09;
      case 'v':
        return 0x0b;
      case 'x':
        return hex_digits(2, c, start);
      case 'u':
        return hex_digits(4, c, start);
      case 'U':
        return hex_digits(8, c, start);
      case 'N':
        fail("character names (\\N{...}) are not supported", start);
      default:
        if (in_class && c == 'b') return 0x08;
        if (is_ascii_letter(c)) fail("bad escape \\" + char_text(c), start);
        return c;
    }
  }

  char32_t hex_digits(size_t count, char32_t kind, size_t start) {
    std::u32string digits;
    while (digits.size() < count && is_hex(peek())) digits += take();
    const std::string text = "\\" + to_utf8(std::u32string(1, kind) + digits);
    if (digits.size() < count) fail("incomplete escape " + text, start);
    const unsigned long value = std::stoul(to_utf8(digits), nullptr, 16);
    if (value > 0x10FFFF) fail("bad escape " + text, start);
    return static_cast<char32_t>(value);
  }

  // `\0`, `\12`, `\123` outside a class: an octal escape when it starts with 0 or has three
  // octal digits, else a reference to a group that is already closed.
  void digit_escape(char32_t first, size_t start) {
    std::u32string digits(1, first);
    if (first == '0') {
      while (digits.size() < 3 && is_octal(peek())) digits += take();
      return literal(octal_value(digits, start));
    }
    if (is_digit(peek())) {
      digits += take();
      if (is_octal(digits[0]) && is_octal(digits[1]) && is_octal(peek())) {
        digits += take();
        return literal(octal_value(digits, start));
      }
    }
    const size_t group = std::stoul(to_utf8(digits));
    if (group > result_.group_count) fail("invalid group reference " + to_utf8(digits), start + 1);
    back_reference(group, start);
  }

  char32_t octal_value(const std::u32string& digits, size_t start) {
    const unsigned long value = std::stoul(to_utf8(digits), nullptr, 8);
    if (value > kMaxOctal)
      fail("octal escape value \\" + to_utf8(digits) + " outside of range 0-0o377", start);
    return static_cast<char32_t>(value);
  }

  void back_reference(size_t group, size_t start) {
    if (!closed_.count(group)) fail("cannot refer to an open group", start);
    out() += "\\g{" + std::to_string(group) + "}";
  }

  // --- character classes -----------------------------------------------------------------
  // After '['. A ']' right after "[" or "[^" is a literal, '[' inside is always one.
  void char_class(size_t start) {
    out() += '[';
    if (take_if('^')) out() += '^';
    for (bool first = true;; first = false) {
      if (at_end()) fail("unterminated character set", start);
      const size_t item = pos_;
      const char32_t c = take();
      if (c == ']' && !first) break;
      if (c == '\\')
        class_escape(item);
      else if (c == '-')
        out() += '-';
      else
        literal(c);
    }
    out() += ']';
  }

  void class_escape(size_t start) {
    if (at_end()) fail("unterminated character set", start);
    const char32_t c = take();
    if (c == 'd' || c == 'D' || c == 'w' || c == 'W' || c == 'S') {  // \S: PCRE2's, near enough
      out() += '\\', out() += static_cast<char>(c);
    } else if (c == 's') {
      out() += kPythonSpace;
    } else if (is_octal(c)) {
      std::u32string digits(1, c);
      while (digits.size() < 3 && is_octal(peek())) digits += take();
      literal(octal_value(digits, start));
    } else if (is_digit(c)) {
      fail("bad escape \\" + char_text(c), start);
    } else {
      literal(char_escape(c, start, true));
    }
  }

  // --- groups ----------------------------------------------------------------------------
  void open_group(size_t start) {
    if (!take_if('?')) return open_capture(start);
    if (at_end()) fail("unexpected end of pattern", pos_);
    const char32_t c = take();
    switch (c) {
      case ':':
        return open_plain("(?:", start);
      case '=':
      case '!':
      case '>':
        return open_plain(std::string("(?") + static_cast<char>(c), start);
      case '<':
        if (peek() == '=' || peek() == '!')
          return open_plain(std::string("(?<") + static_cast<char>(take()), start);
        fail("unknown extension ?<" + char_text(peek()), start + 1);
      case 'P':
        return python_extension(start);
      case '#':
        do {
          if (at_end()) fail("missing ), unterminated comment", start);
        } while (take() != ')');
        return;
      case '(':
        return open_condition(start);
      default:
        if (c >= 0x80 ||
            std::string_view("aiLmsux-").find(static_cast<char>(c)) == std::string_view::npos)
          fail("unknown extension ?" + char_text(c), start + 1);
        --pos_;
        return inline_flags(start);
    }
  }

  void open_capture(size_t start) {
    ++result_.group_count;
    push_group(result_.group_count, start);
    out() += '(';
  }

  void open_plain(const std::string& opener, size_t start) {
    push_group(0, start);
    out() += opener;
  }

  void push_group(size_t number, size_t start) {
    open_.push_back({number, start, verbose_});
    set_last(Last::Nothing);
  }

  void close_group(size_t start) {
    if (open_.empty()) {
      stray_close_ = start;  // reading stops there, as Python's does
      return;
    }
    const OpenGroup group = open_.back();
    open_.pop_back();
    if (group.number) closed_.insert(group.number);
    verbose_ = group.was_verbose;
    out() += ')';
    set_last(Last::Atom);
  }

  // After "(?P": "<name>" opens a named group, "=name)" refers back to one.
  void python_extension(size_t start) {
    if (take_if('<')) {
      const std::u32string name = group_name('>', start);
      for (const auto& [known, number] : result_.named_groups)
        if (known == to_utf8(name))
          fail("redefinition of group name '" + known + "' as group " +
                   std::to_string(result_.group_count + 1) + "; was group " +
                   std::to_string(number),
               start + 4);
      result_.named_groups.emplace_back(to_utf8(name), result_.group_count + 1);
      return open_capture(start);
    }
    if (take_if('=')) {
      const std::u32string name = group_name(')', start);
      back_reference(named_group(name, start), start);
      return set_last(Last::Atom);
    }
    fail("unknown extension ?P" + char_text(peek()), start + 1);
  }

  std::u32string group_name(char32_t terminator, size_t start) {
    std::u32string name;
    while (!at_end() && peek() != terminator) name += take();
    const std::string term = char_text(terminator);
    if (!take_if(terminator)) fail("missing " + term + ", unterminated name", start);
    if (name.empty()) fail("missing group name", start);
    if (!is_group_name(name)) fail("bad character in group name '" + to_utf8(name) + "'", start);
    return name;
  }

  size_t named_group(const std::u32string& name, size_t start) const {
    for (const auto& [known, number] : result_.named_groups)
      if (known == to_utf8(name)) return number;
    fail("unknown group name '" + to_utf8(name) + "'", start);
  }

  // After "(?(": a condition on a group given by number or name.
  void open_condition(size_t start) {
    std::u32string ref;
    while (!at_end() && peek() != ')') ref += take();
    if (!take_if(')')) fail("missing ), unterminated name", start);
    if (ref.empty()) fail("missing group name", start);
    size_t number;
    if (std::all_of(ref.begin(), ref.end(), is_digit)) {
      if (ref.size() > kMaxDigits) fail("invalid group reference " + to_utf8(ref), start + 3);
      number = std::stoul(to_utf8(ref));
      if (number == 0) fail("bad group number", start + 3);
      conditions_.emplace_back(number, start + 3);
    } else {
      if (!is_group_name(ref)) fail("bad character in group name '" + to_utf8(ref) + "'", start);
      number = named_group(ref, start);
    }
    open_plain("(?(" + std::to_string(number) + ")", start);
  }

  // After "(?": "imsx)" sets flags for the whole pattern (only at its start), "i-s:" opens a
  // group with flags of its own. 'u' is the default; 'a' and 'L' do not apply to str patterns.
  void inline_flags(size_t start) {
    const std::string on = flag_letters();
    std::string off;
    if (take_if('-')) {
      off = flag_letters();
      if (off.empty()) fail("missing flag", pos_);
    }
    if (take_if(')')) {
      if (!off.empty()) fail("missing :", pos_ - 1);
      if (!only_flags_so_far_) fail("global flags not at the start of the expression", start);
      verbose_ = verbose_ || on.find('x') != std::string::npos;
      if (const std::string kept = pcre_flags(on); !kept.empty()) out() += "(?" + kept + ")";
      return;
    }
    if (!take_if(':')) {
      if (at_end()) fail("missing -, : or )", pos_);
      fail("unknown flag", pos_);
    }
    if (on.empty() && off.empty()) fail("missing flag", pos_ - 1);
    const bool outer_verbose = verbose_;
    if (on.find('x') != std::string::npos) verbose_ = true;
    if (off.find('x') != std::string::npos) verbose_ = false;
    std::string opener = "(?" + pcre_flags(on);
    if (const std::string kept = pcre_flags(off); !kept.empty()) opener += "-" + kept;
    open_.push_back({0, start, outer_verbose});
    out() += opener + ":";
    set_last(Last::Nothing);
  }

  std::string flag_letters() {
    std::string letters;
    while (peek() < 0x80 &&
           std::string_view("aiLmsux").find(static_cast<char>(peek())) != std::string_view::npos) {
      const char letter = static_cast<char>(take());
      ascii_flag_ = ascii_flag_ || letter == 'a';
      if (letter == 'L') fail("bad inline flags: cannot use 'L' flag with a str pattern", pos_);
      letters += letter;
    }
    return letters;
  }

  // The flags PCRE2 is told about: verbose mode is handled here, 'u' is always on.
  static std::string pcre_flags(const std::string& letters) {
    std::string kept;
    for (char f : letters)
      if (f == 'i' || f == 'm' || f == 's') kept += f;
    return kept;
  }

  std::u32string src_;
  size_t pos_ = 0;
  TranslatedPattern result_;
  std::vector<OpenGroup> open_;
  std::set<size_t> closed_;
  std::vector<std::pair<size_t, size_t>> conditions_;  // group number, position
  Last last_ = Last::Nothing;
  bool verbose_ = false;
  std::optional<size_t> stray_close_;  // where a ')' closed nothing
  bool ascii_flag_ = false;            // (?a): Python rejects it once the whole pattern has parsed
  bool only_flags_so_far_ = true;
};

}  // namespace

bool is_group_name(std::u32string_view name) {
  if (name.empty() || is_digit(name[0])) return false;
  for (char32_t c : name)
    if (c < 0x80 && !is_ascii_letter(c) && !is_digit(c) && c != '_') return false;
  return true;
}

TranslatedPattern translate_python_pattern(std::string_view pattern) {
  return Translator(pattern).run();
}

}  // namespace sirocco::yaql::pyregex
