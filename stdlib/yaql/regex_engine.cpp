// The PCRE2 side of YAQL's regexes: compiling translated patterns (UTF, UCP, LF newlines,
// JIT when available), matching under match/depth/heap limits, and Python's re.sub template.
#define PCRE2_CODE_UNIT_WIDTH 8
#include "stdlib/yaql/regex_engine.h"

#include <pcre2.h>

#include <algorithm>
#include <cctype>

#include "interp/error.h"
#include "interp/lru_cache.h"
#include "interp/utf8.h"
#include "stdlib/yaql/regex_syntax.h"

namespace sirocco::yaql::pyregex {

namespace {

// Backtracking budgets: generous for real patterns, small enough that a catastrophic one
// like (a+)+$ gives up in well under a second.
constexpr uint32_t kMatchLimit = 5'000'000;
constexpr uint32_t kDepthLimit = 100'000;
constexpr uint32_t kHeapLimitKiB = 128 * 1024;
constexpr size_t kJitStackStart = 32 * 1024;
constexpr size_t kJitStackMax = 32 * 1024 * 1024;
constexpr size_t kCacheCapacity = 512;

// The match context of this thread: the limits and a JIT stack of its own.
class MatchResources {
 public:
  MatchResources()
      : context_(pcre2_match_context_create(nullptr)),
        jit_stack_(pcre2_jit_stack_create(kJitStackStart, kJitStackMax, nullptr)) {
    pcre2_set_match_limit(context_, kMatchLimit);
    pcre2_set_depth_limit(context_, kDepthLimit);
    pcre2_set_heap_limit(context_, kHeapLimitKiB);
    if (jit_stack_) pcre2_jit_stack_assign(context_, nullptr, jit_stack_);
  }
  ~MatchResources() {
    pcre2_jit_stack_free(jit_stack_);
    pcre2_match_context_free(context_);
  }
  MatchResources(const MatchResources&) = delete;
  MatchResources& operator=(const MatchResources&) = delete;
  pcre2_match_context* context() const { return context_; }

 private:
  pcre2_match_context* context_;
  pcre2_jit_stack* jit_stack_;
};

std::string pcre2_message(int code) {
  PCRE2_UCHAR buffer[256];
  const int length = pcre2_get_error_message(code, buffer, sizeof buffer);
  return length < 0
             ? "PCRE2 error " + std::to_string(code)
             : std::string(reinterpret_cast<const char*>(buffer), static_cast<size_t>(length));
}

bool is_limit_error(int code) {
  return code == PCRE2_ERROR_MATCHLIMIT || code == PCRE2_ERROR_DEPTHLIMIT ||
         code == PCRE2_ERROR_HEAPLIMIT || code == PCRE2_ERROR_JIT_STACKLIMIT ||
         code == PCRE2_ERROR_NOMEMORY;
}

pcre2_code* compile_pcre(const std::string& pattern, Flags flags) {
  uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_ALT_CIRCUMFLEX | PCRE2_NEVER_BACKSLASH_C;
  if (flags.ignore_case) options |= PCRE2_CASELESS;
  if (flags.multi_line) options |= PCRE2_MULTILINE;
  if (flags.dot_all) options |= PCRE2_DOTALL;
  pcre2_compile_context* context = pcre2_compile_context_create(nullptr);
  pcre2_set_newline(context, PCRE2_NEWLINE_LF);
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   options, &error, &offset, context);
  pcre2_compile_context_free(context);
  if (!code) throw Error("error", pcre2_message(error));
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // without JIT the interpreter is used
  return code;
}

std::string u32_to_utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) utf8::append(out, c);
  return out;
}

}  // namespace

// --- matching ---------------------------------------------------------------------------------

bool Match::matched(size_t group) const { return offsets_[2 * group] != PCRE2_UNSET; }

Regex::Regex(std::string pattern, Flags flags) : pattern_(std::move(pattern)) {
  TranslatedPattern translated = translate_python_pattern(pattern_);
  group_count_ = translated.group_count;
  named_groups_ = std::move(translated.named_groups);
  code_ = compile_pcre(translated.pcre, flags);
}

Regex::~Regex() { pcre2_code_free(code_); }

std::optional<size_t> Regex::group_named(std::string_view name) const {
  for (const auto& [known, number] : named_groups_)
    if (known == name) return number;
  return std::nullopt;
}

bool Regex::find(std::string_view subject, size_t from, bool empty_at_from, Match& out) const {
  thread_local MatchResources resources;
  pcre2_match_data* data =
      pcre2_match_data_create(static_cast<uint32_t>(group_count_ + 1), nullptr);
  const uint32_t options = PCRE2_NO_UTF_CHECK | (empty_at_from ? 0 : PCRE2_NOTEMPTY_ATSTART);
  const int rc = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                             from, options, data, resources.context());
  if (rc > 0) {
    const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
    out.offsets_.assign(ovector, ovector + 2 * (group_count_ + 1));
  }
  pcre2_match_data_free(data);
  if (rc > 0) return true;
  if (rc == PCRE2_ERROR_NOMATCH) return false;
  if (is_limit_error(rc))
    throw Error("RegexLimitExceeded", "regular expression '" + pattern_ +
                                          "' exceeded its backtracking limits on this string (" +
                                          pcre2_message(rc) + ")");
  throw Error("error", pcre2_message(rc));
}

bool MatchWalk::next(Match& out) {
  if (done_ || !re_->find(subject_, from_, !last_was_empty_, out)) {
    done_ = true;
    return false;
  }
  from_ = out.end(0);
  last_was_empty_ = out.begin(0) == out.end(0);
  return true;
}

int64_t CodePoints::at(size_t byte) {
  if (ascii_) return static_cast<int64_t>(byte);
  auto is_lead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  for (; byte_ < byte; ++byte_) index_ += is_lead(text_[byte_]);
  for (; byte_ > byte; --byte_) index_ -= is_lead(text_[byte_ - 1]);
  return index_;
}

// --- the cache --------------------------------------------------------------------------------

RegexPtr compile(std::string_view pattern, Flags flags) {
  static LruCache<RegexPtr> cache(kCacheCapacity);
  std::string key{
      static_cast<char>('0' + flags.ignore_case + 2 * flags.multi_line + 4 * flags.dot_all)};
  key.append(pattern);
  if (RegexPtr cached = cache.get(key)) return cached;
  RegexPtr compiled(new Regex(std::string(pattern), flags));
  cache.put(key, compiled);
  return compiled;
}

RegexPtr regex_of(const Value& v) {
  if (!v.is_opaque()) return nullptr;
  return RegexPtr(dynamic_cast<const Regex*>(v.as_opaque()));
}

// --- re.sub templates -------------------------------------------------------------------------

namespace {

// Reads a Python replacement template into literal text and group references.
class TemplateReader {
 public:
  TemplateReader(std::string_view text, const Regex& re) : re_(re) {
    for (size_t i = 0; i < text.size();) src_.push_back(utf8::decode(text, i));
  }

  // Calls literal(text) and group(number) in order.
  template <typename Literal, typename Group>
  void read(Literal&& literal, Group&& group) {
    while (pos_ < src_.size()) {
      const size_t start = pos_;
      const char32_t c = src_[pos_++];
      if (c != '\\') {
        literal(std::u32string(1, c));
        continue;
      }
      if (pos_ == src_.size()) fail("bad escape (end of pattern)", start);
      const char32_t e = src_[pos_++];
      if (e == 'g')
        group(named_reference(start));
      else if (e >= '0' && e <= '9')
        digits(e, start, literal, group);
      else
        literal(simple_escape(e, start));
    }
  }

 private:
  [[noreturn]] static void fail(const std::string& message, size_t position) {
    throw Error("error", message + " at position " + std::to_string(position));
  }
  static bool is_octal(char32_t c) { return c >= '0' && c <= '7'; }
  char32_t peek() const { return pos_ < src_.size() ? src_[pos_] : 0; }

  // After "\g": "<number>" or "<name>".
  size_t named_reference(size_t start) {
    if (peek() != '<') fail("missing <", pos_);
    ++pos_;
    std::u32string name;
    while (pos_ < src_.size() && src_[pos_] != '>') name += src_[pos_++];
    if (pos_ == src_.size()) fail("missing >, unterminated name", start + 3);
    ++pos_;
    if (name.empty()) fail("missing group name", start + 3);
    const std::string text = u32_to_utf8(name);
    if (is_group_name(name)) {
      if (auto number = re_.group_named(text)) return *number;
      throw Error("IndexError", "unknown group name '" + text + "'");
    }
    const std::optional<std::string> digits = python_int_digits(text);
    if (!digits) fail("bad character in group name '" + text + "'", start + 3);
    return checked_group(*digits, start + 3);
  }

  // The digits of a non-negative number as Python's int() reads it (" +1_0 " is 10), or
  // nothing when int() rejects the text or finds it negative.
  static std::optional<std::string> python_int_digits(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t\n\r\v\f");
    if (first == std::string_view::npos) return std::nullopt;
    text = text.substr(first, text.find_last_not_of(" \t\n\r\v\f") - first + 1);
    const bool negative = !text.empty() && text[0] == '-';
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
    std::string digits;
    for (size_t i = 0; i < text.size(); ++i) {
      const bool separator = text[i] == '_' && i > 0 && i + 1 < text.size() &&
                             std::isdigit(static_cast<unsigned char>(text[i + 1]));
      if (!separator && !std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
      if (!separator) digits += text[i];
    }
    if (digits.empty()) return std::nullopt;
    if (negative && digits.find_first_not_of('0') != std::string::npos) return std::nullopt;
    return digits;
  }

  size_t checked_group(const std::string& digits, size_t position) const {
    const size_t start = std::min(digits.find_first_not_of('0'), digits.size());
    const std::string significant = digits.substr(start);
    const size_t number = significant.size() > 9 ? SIZE_MAX : std::stoul("0" + significant);
    if (number > re_.group_count())
      fail("invalid group reference " + (significant.empty() ? "0" : significant), position);
    return number;
  }

  // After "\" and a digit: an octal escape ("\0", "\012", "\123") or a group ("\1", "\12").
  template <typename Literal, typename Group>
  void digits(char32_t first, size_t start, Literal& literal, Group& group) {
    std::u32string digits(1, first);
    if (first == '0') {
      while (digits.size() < 3 && is_octal(peek())) digits += src_[pos_++];
      return literal(std::u32string(1, octal(digits, start)));
    }
    if (peek() >= '0' && peek() <= '9') {
      digits += src_[pos_++];
      if (is_octal(digits[0]) && is_octal(digits[1]) && is_octal(peek())) {
        digits += src_[pos_++];
        return literal(std::u32string(1, octal(digits, start)));
      }
    }
    group(checked_group(u32_to_utf8(digits), start + 1));
  }

  static char32_t octal(const std::u32string& digits, size_t start) {
    const unsigned long value = std::stoul(u32_to_utf8(digits), nullptr, 8);
    if (value > 0377)
      fail("octal escape value \\" + u32_to_utf8(digits) + " outside of range 0-0o377", start);
    return static_cast<char32_t>(value);
  }

  // "\n" and its kind; a backslash before any other non-letter stays in the text.
  static std::u32string simple_escape(char32_t e, size_t start) {
    static constexpr std::u32string_view kFrom = U"abfnrtv\\";
    static constexpr std::u32string_view kTo = U"\a\b\f\n\r\t\v\\";
    if (size_t i = kFrom.find(e); i != std::u32string_view::npos) return std::u32string(1, kTo[i]);
    if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z'))
      fail("bad escape \\" + u32_to_utf8(std::u32string(1, e)), start);
    return std::u32string{U'\\', e};
  }

  const Regex& re_;
  std::u32string src_;
  size_t pos_ = 0;
};

}  // namespace

ReplacementTemplate::ReplacementTemplate(std::string_view text, const Regex& re) {
  pieces_.emplace_back();
  TemplateReader(text, re).read(
      [this](const std::u32string& s) { pieces_.back().literal += u32_to_utf8(s); },
      [this](size_t group) {
        pieces_.back().group = group;
        pieces_.emplace_back();
      });
}

std::string ReplacementTemplate::expand(const Match& m, std::string_view subject) const {
  std::string out;
  for (const Piece& piece : pieces_) {
    out += piece.literal;
    if (piece.group && m.matched(*piece.group)) out += m.text(subject, *piece.group);
  }
  return out;
}

std::string escape(std::string_view text) {
  static constexpr std::string_view kSpecial = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
  std::string out;
  for (char c : text) {
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace sirocco::yaql::pyregex
