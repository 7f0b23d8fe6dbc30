// The hand-written Jinja lexer (see interp/jinja_lexer.h). Every rule below is the one of
// grammar/JinjaLexer.g4 with ANTLR's choice between rules: the longest match wins, and of
// two matches of one length the rule written first.
#include "interp/jinja_lexer.h"

#include <utf8proc.h>

#include "JinjaLexer.h"

namespace sirocco::jinja {
namespace {

using sirocco_gen::JinjaLexer;

// The fragment SPACE of the grammar (inside `{% raw %}` tags).
bool is_tag_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
// SPACES of the TAG mode: the fragment SPACE and three Unicode spaces.
bool is_space(char32_t c) { return is_tag_space(c) || c == 0xA0 || c == 0x2028 || c == 0x2029; }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Unicode's letters (\p{L}) or, with `numbers`, letters and numbers (\p{N}), by utf8proc's
// Unicode data.
bool in_unicode_class(char32_t c, bool numbers) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return true;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return numbers;
    default:
      return false;
  }
}

// NAME : [\p{L}_] [\p{L}\p{N}_]*
bool is_name_start(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return in_unicode_class(c, false);
}
bool is_name_char(char32_t c) {
  if (c < 0x80) return is_name_start(c) || is_digit(c);
  return in_unicode_class(c, true);
}

struct Keyword {
  std::u32string_view word;
  size_t type;
};
constexpr Keyword kKeywords[] = {
    {U"and", JinjaLexer::AND},       {U"or", JinjaLexer::OR},
    {U"not", JinjaLexer::NOT},       {U"in", JinjaLexer::IN},
    {U"is", JinjaLexer::IS},         {U"if", JinjaLexer::IF},
    {U"else", JinjaLexer::ELSE},     {U"elif", JinjaLexer::ELIF},
    {U"endif", JinjaLexer::ENDIF},   {U"for", JinjaLexer::FOR},
    {U"endfor", JinjaLexer::ENDFOR}, {U"set", JinjaLexer::SET},
    {U"endset", JinjaLexer::ENDSET}, {U"recursive", JinjaLexer::RECURSIVE},
    {U"with", JinjaLexer::WITH},     {U"endwith", JinjaLexer::ENDWITH},
    {U"filter", JinjaLexer::FILTER}, {U"endfilter", JinjaLexer::ENDFILTER},
};

class Lexer {
 public:
  Lexer(std::string_view text, const yaql::SourceText& source)
      : text_(text), offsets_(source.byte_offsets), chars_(source.chars) {}

  std::vector<TokenPtr> run() {
    out_.reserve(chars_.size() / 4 + 4);
    size_t i = 0;
    while (i < chars_.size()) {
      if (in_tag_)
        tag_token(i);
      else if (!text_token(i))
        break;  // `{#` without an end
    }
    out_.push_back(eof_token(chars_.size()));
    return std::move(out_);
  }

 private:
  char32_t at(size_t i) const { return i < chars_.size() ? chars_[i] : 0; }
  bool starts_with(size_t i, std::u32string_view word) const {
    return i + word.size() <= chars_.size() && chars_.compare(i, word.size(), word) == 0;
  }

  void emit(size_t type, size_t begin, size_t end) {
    const uint32_t from = offsets_[begin], to = offsets_[end];
    auto token =
        std::make_unique<antlr4::CommonToken>(type, std::string(text_.substr(from, to - from)));
    token->setStartIndex(begin);
    token->setStopIndex(end - 1);
    out_.push_back(std::move(token));
  }

  // DEFAULT mode: text, comments, raw blocks and the delimiters opening a tag. False after
  // a `{#` that has no end.
  bool text_token(size_t& i) {
    const size_t begin = i;
    const char32_t next = at(i + 1);
    if (chars_[i] == '{' && (next == '{' || next == '%' || next == '#')) {
      if (next == '#') {
        const size_t close = chars_.find(U"#}", i + 2);
        if (close == std::u32string::npos) {
          emit(JinjaLexer::COMMENT_OPEN, i, i + 2);
          i = chars_.size();
          return false;
        }
        i = close + 2;
        emit(JinjaLexer::COMMENT, begin, i);
        return true;
      }
      if (next == '%' && raw_block(i)) {
        emit(JinjaLexer::RAW_BLOCK, begin, i);
        return true;
      }
      i += 2;
      if (at(i) == '-' || at(i) == '+') ++i;
      emit(next == '{' ? JinjaLexer::VAR_OPEN : JinjaLexer::BLOCK_OPEN, begin, i);
      in_tag_ = true;
      open_brackets_ = 0;
      return true;
    }
    // TEXT: (~'{' | '{' ~[{%#])+, or a last lone '{' (LONE_BRACE, typed TEXT).
    if (chars_[i] == '{' && i + 1 == chars_.size()) {
      ++i;
    } else {
      while (i < chars_.size()) {
        if (chars_[i] != '{') {
          ++i;
          continue;
        }
        const char32_t after = at(i + 1);
        if (i + 1 == chars_.size() || after == '{' || after == '%' || after == '#') break;
        i += 2;
      }
    }
    emit(JinjaLexer::TEXT, begin, i);
    return true;
  }

  // RAW_BLOCK at `i` (on `{%`): the first `{% endraw %}` after `{% raw %}` ends it.
  bool raw_block(size_t& i) const {
    size_t j = i + 2;
    if (at(j) == '-' || at(j) == '+') ++j;
    while (is_tag_space(at(j))) ++j;
    if (!starts_with(j, U"raw")) return false;
    j += 3;
    while (is_tag_space(at(j))) ++j;
    if (starts_with(j, U"-%}"))
      j += 3;
    else if (starts_with(j, U"%}"))
      j += 2;
    else
      return false;
    for (size_t k = chars_.find(U"{%", j); k != std::u32string::npos;
         k = chars_.find(U"{%", k + 1)) {
      size_t m = k + 2;
      if (at(m) == '-' || at(m) == '+') ++m;
      while (is_tag_space(at(m))) ++m;
      if (!starts_with(m, U"endraw")) continue;
      m += 6;
      while (is_tag_space(at(m))) ++m;
      if (at(m) == '-' || at(m) == '+') ++m;
      if (!starts_with(m, U"%}")) continue;
      i = m + 2;
      return true;
    }
    return false;
  }

  // TAG mode: one token, or a run of spaces.
  void tag_token(size_t& i) {
    const size_t begin = i;
    const char32_t c = chars_[i];
    if (is_space(c)) {
      while (i < chars_.size() && is_space(chars_[i])) ++i;
      return;
    }
    if (open_brackets_ == 0 && closing_delimiter(i)) return;
    if (is_name_start(c)) {
      while (i < chars_.size() && is_name_char(chars_[i])) ++i;
      const std::u32string_view word(chars_.data() + begin, i - begin);
      size_t type = JinjaLexer::NAME;
      for (const Keyword& k : kKeywords)
        if (k.word == word) type = k.type;
      return emit(type, begin, i);
    }
    if (is_digit(c)) {
      const size_t integer = integer_end(i);
      const size_t real = chars_[i - 1] != '.' ? float_end(i) : 0;
      i = std::max(integer, real);
      return emit(real > integer ? JinjaLexer::FLOAT : JinjaLexer::INTEGER, begin, i);
    }
    if (c == '\'' || c == '"') {
      size_t j = i + 1;
      while (j < chars_.size() && chars_[j] != c) j += chars_[j] == '\\' ? 2 : 1;
      if (j < chars_.size()) {
        i = j + 1;
        return emit(JinjaLexer::STRING, begin, i);
      }
      ++i;
      return emit(JinjaLexer::ERROR_CHAR, begin, i);
    }
    i += 1;
    size_t type = JinjaLexer::ERROR_CHAR;
    const char32_t next = at(i);
    switch (c) {
      case '(':
        type = JinjaLexer::LPAREN, ++open_brackets_;
        break;
      case '[':
        type = JinjaLexer::LBRACKET, ++open_brackets_;
        break;
      case '{':
        type = JinjaLexer::LBRACE, ++open_brackets_;
        break;
      case ')':
        type = JinjaLexer::RPAREN;
        break;
      case ']':
        type = JinjaLexer::RBRACKET;
        break;
      case '}':
        type = JinjaLexer::RBRACE;
        break;
      case '*':
        type = next == '*' ? (++i, JinjaLexer::POW) : JinjaLexer::STAR;
        break;
      case '/':
        type = next == '/' ? (++i, JinjaLexer::FLOORDIV) : JinjaLexer::SLASH;
        break;
      case '=':
        type = next == '=' ? (++i, JinjaLexer::EQ) : JinjaLexer::ASSIGN;
        break;
      case '!':
        type = next == '=' ? (++i, JinjaLexer::NE) : JinjaLexer::ERROR_CHAR;
        break;
      case '>':
        type = next == '=' ? (++i, JinjaLexer::GE) : JinjaLexer::GT;
        break;
      case '<':
        type = next == '=' ? (++i, JinjaLexer::LE) : JinjaLexer::LT;
        break;
      case '+':
        type = JinjaLexer::PLUS;
        break;
      case '-':
        type = JinjaLexer::MINUS;
        break;
      case '%':
        type = JinjaLexer::PERCENT;
        break;
      case '~':
        type = JinjaLexer::TILDE;
        break;
      case '.':
        type = JinjaLexer::DOT;
        break;
      case ':':
        type = JinjaLexer::COLON;
        break;
      case '|':
        type = JinjaLexer::PIPE;
        break;
      case ',':
        type = JinjaLexer::COMMA;
        break;
      case ';':
        type = JinjaLexer::SEMICOLON;
        break;
      default:
        break;
    }
    if ((c == ')' || c == ']' || c == '}') && open_brackets_ > 0) --open_brackets_;
    emit(type, begin, i);
  }

  // VAR_CLOSE ('-'? '}}') or BLOCK_CLOSE ([-+]? '%}') at `i`, while no bracket is open.
  bool closing_delimiter(size_t& i) {
    const size_t begin = i;
    size_t j = i;
    const char32_t sign = chars_[j];
    if (sign == '-' || sign == '+') ++j;
    size_t type;
    if (sign != '+' && starts_with(j, U"}}"))
      type = JinjaLexer::VAR_CLOSE;
    else if (starts_with(j, U"%}"))
      type = JinjaLexer::BLOCK_CLOSE;
    else
      return false;
    i = j + 2;
    emit(type, begin, i);
    in_tag_ = false;
    return true;
  }

  // ('_'? [0-9])* from `i`, greedy (for a `_` a digit must follow).
  size_t digits_from(size_t i, char32_t low = '0', char32_t high = '9') const {
    for (;;) {
      const size_t j = at(i) == '_' ? i + 1 : i;
      if (at(j) < low || at(j) > high) return i;
      i = j + 1;
    }
  }

  // The end of the longest INTEGER at `i` (a digit).
  size_t integer_end(size_t i) const {
    if (chars_[i] != '0') return digits_from(i + 1);
    size_t longest = digits_from(i + 1, '0', '0');
    const char32_t base = at(i + 1) | 0x20;  // lower case
    size_t end = i + 2;
    if (base == 'b') end = digits_from(i + 2, '0', '1');
    if (base == 'o') end = digits_from(i + 2, '0', '7');
    if (base == 'x') end = hex_digits_from(i + 2);
    return end > i + 2 ? std::max(longest, end) : longest;
  }

  size_t hex_digits_from(size_t i) const {
    auto hex = [](char32_t c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); };
    for (;;) {
      const size_t j = at(i) == '_' ? i + 1 : i;
      if (!hex(at(j))) return i;
      i = j + 1;
    }
  }

  // The end of the longest FLOAT at `i` (a digit), or 0 when there is none.
  size_t float_end(size_t i) const {
    const size_t whole = digits_from(i + 1);
    if (at(whole) == '.' && is_digit(at(whole + 1))) {
      const size_t fraction = digits_from(whole + 2);
      const size_t exponent = exponent_end(fraction);
      return exponent ? exponent : fraction;
    }
    return exponent_end(whole);
  }

  // The end of [eE] [+-]? DIGITS at `i`, or 0.
  size_t exponent_end(size_t i) const {
    if ((at(i) | 0x20) != 'e') return 0;
    size_t j = i + 1;
    if (at(j) == '+' || at(j) == '-') ++j;
    return is_digit(at(j)) ? digits_from(j + 1) : 0;
  }

  std::string_view text_;
  const std::vector<uint32_t>& offsets_;
  const std::u32string& chars_;
  std::vector<TokenPtr> out_;
  bool in_tag_ = false;
  int open_brackets_ = 0;
};

}  // namespace

TokenPtr eof_token(size_t length) {
  auto eof = std::make_unique<antlr4::CommonToken>(antlr4::Token::EOF, "<EOF>");
  eof->setStartIndex(length);
  eof->setStopIndex(length - 1);  // as ANTLR's lexers make it, even for an empty text
  return eof;
}

std::vector<TokenPtr> lex_template(std::string_view text, const yaql::SourceText& source) {
  return Lexer(text, source).run();
}

}  // namespace sirocco::jinja
