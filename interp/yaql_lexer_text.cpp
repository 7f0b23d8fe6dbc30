// Text-level pieces of the YAQL lexer: UTF-8 decoding of the expression, number literal
// values and string literal escapes, following python-yaql's lexer.py.
#include "interp/yaql_lexer_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "interp/error.h"
#include "interp/utf8.h"

namespace sirocco::yaql {
namespace {

constexpr char kLexicalError[] = "YaqlLexicalException";
constexpr char kDecodeError[] = "UnicodeDecodeError";
constexpr char32_t kMaxCodePoint = 0x10FFFF;

// --- source decoding --------------------------------------------------------------------

// Length of the valid UTF-8 sequence at `pos` and its code point, or 0 when invalid.
size_t valid_sequence(std::string_view s, size_t pos, char32_t& cp) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return cp = lead, 1;
  size_t length;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, cp = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, cp = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (pos + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    const unsigned char c = byte(pos + k);
    if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  return length;
}

[[noreturn]] void throw_invalid_byte(std::string_view text, size_t offset, size_t position) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto byte = static_cast<unsigned char>(text[offset]);
  const std::string shown = {'\\', 'x', kHex[byte >> 4], kHex[byte & 0xF]};
  throw Error(
      kLexicalError,
      "Lexical error: illegal character '" + shown + "' at position " + std::to_string(position),
      Span{static_cast<uint32_t>(offset), static_cast<uint32_t>(offset + 1)});
}

// --- numbers ------------------------------------------------------------------------------

constexpr size_t kMaxInt64Digits = 18;  // any 18-digit number fits in int64

// CPython 3.11 refuses to convert longer digit strings to int (and so does yaql's lexer).
constexpr size_t kMaxIntLiteralDigits = 4300;

Value integer_value(std::string_view digits) {
  if (digits.size() > kMaxIntLiteralDigits)
    throw Error("ValueError", "Exceeds the limit (" + std::to_string(kMaxIntLiteralDigits) +
                                  " digits) for integer string conversion: value has " +
                                  std::to_string(digits.size()) + " digits");
  const size_t first_nonzero = digits.find_first_not_of('0');
  if (first_nonzero == std::string_view::npos) return Value::integer(int64_t{0});
  digits.remove_prefix(first_nonzero);  // a leading 0 would make BigInt read octal
  if (digits.size() > kMaxInt64Digits) return Value::integer(BigInt(std::string(digits)));
  int64_t value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return Value::integer(value);
}

Value float_value(std::string_view text) {
  double value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec == std::errc::result_out_of_range) {
    // Python's float() gives inf past the largest double and 0.0 below the smallest.
    const bool large = text.find_first_not_of('0') < text.find('.');
    value = large ? HUGE_VAL : 0.0;
  }
  return Value::number(value);
}

// --- string escapes -----------------------------------------------------------------------

[[noreturn]] void throw_escape_error(const char* type, const std::string& message, size_t begin,
                                     size_t end) {
  throw Error(type, message, Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
}

// Python's codecs error for an escape spanning [begin, end) whose bytes up to `bad` are fine.
[[noreturn]] void throw_codec_error(size_t begin, size_t end, size_t bad, const char* what) {
  throw_escape_error(kDecodeError,
                     "'unicodeescape' codec can't decode bytes in position 0-" +
                         std::to_string(bad - begin - 1) + ": " + what,
                     begin, end);
}

int hex_digit(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// The one-character escapes: \\ \' \" \a \b \f \n \r \t \v.
std::optional<char> single_character_escape(char32_t c) {
  constexpr std::string_view kWritten = "\\'\"abfnrtv";
  constexpr std::string_view kMeant = "\\'\"\a\b\f\n\r\t\v";
  const size_t at = c < 0x80 ? kWritten.find(static_cast<char>(c)) : std::string_view::npos;
  if (at == std::string_view::npos) return std::nullopt;
  return kMeant[at];
}

bool is_high_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool is_low_surrogate(char32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

const char* truncated_message(size_t width) {
  if (width == 2) return "truncated \\xXX escape";
  return width == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
}

// Decodes the escapes of a '...' or "..." body, walking it like yaql's ESCAPE_SEQUENCE_RE.
class EscapeDecoder {
 public:
  // `body` is the token without its quotes; error spans are offsets in the token.
  explicit EscapeDecoder(std::u32string_view body) : body_(body) {}

  std::string decode() {
    while (pos_ < body_.size()) {
      if (body_[pos_] == '\\' && decode_escape()) continue;
      utf8::append(out_, body_[pos_++]);
    }
    return std::move(out_);
  }

 private:
  // Decodes the escape at pos_ and returns true, or returns false when the backslash does
  // not start one (it then stays as written).
  bool decode_escape() {
    if (pos_ + 1 >= body_.size()) return false;
    const char32_t kind = body_[pos_ + 1];
    if (kind == 'x') return decode_hex_escape(2);
    if (kind == 'u') return decode_hex_escape(4);
    if (kind == 'U') return decode_hex_escape(8);
    if (kind >= '0' && kind <= '7') return decode_octal_escape();
    if (kind == 'N') return reject_named_escape();
    const std::optional<char> c = single_character_escape(kind);
    if (!c) return false;
    out_.push_back(*c);
    pos_ += 2;
    return true;
  }

  // \x.., \u...., \U........: the regex takes any `width` characters but a newline.
  bool hex_escape_fits(size_t begin, size_t width) const {
    return begin + 2 + width <= body_.size() &&
           body_.substr(begin + 2, width).find(U'\n') == std::u32string_view::npos;
  }

  char32_t parse_hex_escape(size_t begin, size_t width) const {
    const size_t end = begin + 2 + width;
    char32_t value = 0;
    for (size_t i = begin + 2; i < end; ++i) {
      const int digit = hex_digit(body_[i]);
      if (digit < 0) {
        throw_codec_error(token_offset(begin), token_offset(end), token_offset(i),
                          truncated_message(width));
      }
      value = value * 16 + static_cast<char32_t>(digit);
    }
    if (value > kMaxCodePoint) {
      throw_codec_error(token_offset(begin), token_offset(end), token_offset(end),
                        "illegal Unicode character");
    }
    return value;
  }

  bool decode_hex_escape(size_t width) {
    if (!hex_escape_fits(pos_, width)) return false;
    const size_t begin = pos_;
    char32_t value = parse_hex_escape(begin, width);
    pos_ = begin + 2 + width;
    if (is_high_surrogate(value)) {
      value = combine_with_low_surrogate(value, begin);
    } else if (is_low_surrogate(value)) {
      throw_unpaired_surrogate(begin);
    }
    utf8::append(out_, value);
    return true;
  }

  // Python keeps lone surrogates in a str; UTF-8 cannot, so a high surrogate must be
  // followed by a low one (as JSON writes characters past U+FFFF) and they are combined.
  char32_t combine_with_low_surrogate(char32_t high, size_t begin) {
    const bool escape_follows = pos_ + 1 < body_.size() && body_[pos_] == '\\';
    const char32_t kind = escape_follows ? body_[pos_ + 1] : 0;
    const size_t width = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
    if (width == 0 || !hex_escape_fits(pos_, width)) throw_unpaired_surrogate(begin);
    const char32_t low = parse_hex_escape(pos_, width);
    if (!is_low_surrogate(low)) throw_unpaired_surrogate(begin);
    pos_ += 2 + width;
    return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
  }

  bool decode_octal_escape() {
    char32_t value = 0;
    const size_t end = std::min(pos_ + 4, body_.size());
    for (++pos_; pos_ < end && body_[pos_] >= '0' && body_[pos_] <= '7'; ++pos_) {
      value = value * 8 + (body_[pos_] - '0');
    }
    utf8::append(out_, value);
    return true;
  }

  // \N{NAME} needs the Unicode name table, which Sirocco does not carry.
  bool reject_named_escape() const {
    if (pos_ + 2 >= body_.size() || body_[pos_ + 2] != '{') return false;
    const size_t close = body_.find(U'}', pos_ + 3);
    if (close == std::u32string_view::npos || close == pos_ + 3) return false;
    throw_escape_error(kLexicalError, "Lexical error: \\N{...} escapes are not supported",
                       token_offset(pos_), token_offset(close + 1));
  }

  [[noreturn]] void throw_unpaired_surrogate(size_t begin) const {
    throw_escape_error(kLexicalError, "Lexical error: unpaired surrogate in a string escape",
                       token_offset(begin), token_offset(pos_));
  }

  static size_t token_offset(size_t body_offset) { return body_offset + 1; }

  std::u32string_view body_;
  size_t pos_ = 0;
  std::string out_;
};

std::string decode_verbatim(std::u32string_view body) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    const bool escaped_quote = body[i] == '\\' && i + 1 < body.size() && body[i + 1] == '`';
    if (escaped_quote) ++i;
    utf8::append(out, body[i]);
  }
  return out;
}

}  // namespace

void decode_source(std::string_view text, SourceText& out) {
  out.chars.clear();
  out.byte_offsets.clear();
  out.chars.reserve(text.size());
  out.byte_offsets.reserve(text.size() + 1);
  for (size_t pos = 0; pos < text.size();) {
    char32_t cp;
    const size_t length = valid_sequence(text, pos, cp);
    if (length == 0) throw_invalid_byte(text, pos, out.chars.size());
    out.chars.push_back(cp);
    out.byte_offsets.push_back(static_cast<uint32_t>(pos));
    pos += length;
  }
  out.byte_offsets.push_back(static_cast<uint32_t>(text.size()));
}

Value number_value(std::string_view digits) {
  return digits.find('.') == std::string_view::npos ? integer_value(digits) : float_value(digits);
}

std::string string_value(std::u32string_view token) {
  const std::u32string_view body = token.substr(1, token.size() - 2);
  return token.front() == '`' ? decode_verbatim(body) : EscapeDecoder(body).decode();
}

}  // namespace sirocco::yaql
