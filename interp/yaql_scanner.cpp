// The YAQL tokenizer over code points.
#include "interp/yaql_scanner.h"

#include <utf8proc.h>

namespace sirocco::yaql {
namespace {

utf8proc_category_t category(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c));
}

bool is_letter(utf8proc_category_t cat) {
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
         cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_LO;
}

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// [\p{L}\p{Nl}\p{No}_]
bool is_id_start(char32_t c) {
  if (c < 0x80) return is_ascii_letter(c) || c == '_';
  const utf8proc_category_t cat = category(c);
  return is_letter(cat) || cat == UTF8PROC_CATEGORY_NL || cat == UTF8PROC_CATEGORY_NO;
}

// [\p{L}\p{N}_]
bool is_word_char(char32_t c) {
  if (c < 0x80) return is_ascii_letter(c) || is_digit(c) || c == '_';
  const utf8proc_category_t cat = category(c);
  return is_letter(cat) || cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_NL ||
         cat == UTF8PROC_CATEGORY_NO;
}

TokenKind keyword_kind(std::u32string_view word) {
  static constexpr struct {
    std::u32string_view text;
    TokenKind kind;
  } kKeywords[] = {
      {U"true", TokenKind::True}, {U"false", TokenKind::False}, {U"null", TokenKind::Null},
      {U"and", TokenKind::And},   {U"or", TokenKind::Or},       {U"not", TokenKind::Not},
      {U"in", TokenKind::In},     {U"mod", TokenKind::Mod},
  };
  for (const auto& k : kKeywords)
    if (k.text == word) return k.kind;
  return TokenKind::Ident;
}

// The end of a string starting with the quote at `pos`, or 0 when it does not end.
size_t string_end(std::u32string_view chars, size_t pos) {
  const char32_t quote = chars[pos];
  for (size_t i = pos + 1; i < chars.size();) {
    if (chars[i] == quote) return i + 1;
    if (chars[i] == '\\') {
      if (i + 1 >= chars.size() || chars[i + 1] == '\n') return 0;
      i += 2;
    } else {
      ++i;
    }
  }
  return 0;
}

}  // namespace

TokenKind scan_token(std::u32string_view chars, size_t pos, size_t& begin, size_t& end) {
  const size_t n = chars.size();
  while (pos < n &&
         (chars[pos] == ' ' || chars[pos] == '\t' || chars[pos] == '\r' || chars[pos] == '\n'))
    ++pos;
  begin = end = pos;
  if (pos >= n) return TokenKind::End;
  const char32_t c = chars[pos];
  auto next_is = [&](char32_t want) { return pos + 1 < n && chars[pos + 1] == want; };
  auto single = [&](TokenKind kind) {
    end = pos + 1;
    return kind;
  };
  auto pair = [&](TokenKind kind) {
    end = pos + 2;
    return kind;
  };
  if (is_digit(c)) {
    end = pos + 1;
    while (end < n && is_digit(chars[end])) ++end;
    if (end + 1 < n && chars[end] == '.' && is_digit(chars[end + 1])) {
      end += 2;
      while (end < n && is_digit(chars[end])) ++end;
    }
    return TokenKind::Number;
  }
  if (is_id_start(c)) {
    end = pos + 1;
    while (end < n && is_word_char(chars[end])) ++end;
    if (end < n && chars[end] == '(') {
      ++end;
      return TokenKind::Func;
    }
    return keyword_kind(chars.substr(pos, end - pos));
  }
  switch (c) {
    case '$':
      end = pos + 1;
      while (end < n && is_word_char(chars[end])) ++end;
      return TokenKind::Dollar;
    case '\'':
    case '"':
    case '`':
      end = string_end(chars, pos);
      if (end == 0) return single(TokenKind::ErrorChar);
      return TokenKind::String;
    case '?':
      return next_is('.') ? pair(TokenKind::QDot) : single(TokenKind::ErrorChar);
    case '.':
      return single(TokenKind::Dot);
    case '=':
      if (next_is('~')) return pair(TokenKind::Match);
      if (next_is('>')) return pair(TokenKind::Mapping);
      return single(TokenKind::Eq);
    case '!':
      if (next_is('~')) return pair(TokenKind::NotMatch);
      if (next_is('=')) return pair(TokenKind::Ne);
      return single(TokenKind::ErrorChar);
    case '*':
      return single(TokenKind::Star);
    case '/':
      return single(TokenKind::Slash);
    case '+':
      return single(TokenKind::Plus);
    case '-':
      return next_is('>') ? pair(TokenKind::Arrow) : single(TokenKind::Minus);
    case '>':
      return next_is('=') ? pair(TokenKind::Ge) : single(TokenKind::Gt);
    case '<':
      return next_is('=') ? pair(TokenKind::Le) : single(TokenKind::Lt);
    case '(':
      return single(TokenKind::LParen);
    case ')':
      return single(TokenKind::RParen);
    case '[':
      return single(TokenKind::LBracket);
    case ']':
      return single(TokenKind::RBracket);
    case '{':
      return single(TokenKind::LBrace);
    case '}':
      return single(TokenKind::RBrace);
    case ',':
      return single(TokenKind::Comma);
    default:
      return single(TokenKind::ErrorChar);
  }
}

}  // namespace sirocco::yaql
