// JSON in and out of Values: a recursive-descent parser that builds Values directly (with
// Python json's quirks and messages), and a writer following the CLI contract.
#include "interp/json.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "interp/error.h"
#include "interp/number.h"
#include "interp/text.h"
#include "interp/utf8.h"

namespace sirocco {
namespace {

// --- parsing --------------------------------------------------------------------------------

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A class of bytes, as a table made from a predicate at compile time.
struct ByteClass {
  bool table[256];
  template <class Predicate>
  constexpr explicit ByteClass(Predicate in_class) : table() {
    for (int c = 0; c < 256; ++c) table[c] = in_class(c);
  }
  bool operator()(char c) const { return table[static_cast<unsigned char>(c)]; }
};

// Bytes that need no attention inside a string: not '"', '\\' or a control character;
// kPlainAscii: nor part of a multi-byte UTF-8 sequence.
constexpr bool plain_byte(int c) { return c >= 0x20 && c != '"' && c != '\\'; }
constexpr ByteClass kPlain(plain_byte);
constexpr ByteClass kPlainAscii([](int c) { return plain_byte(c) && c < 0x80; });
// The bytes of the 8 at `p` that are not kPlainAscii, tested together as one word: the
// high bit of each is set in one of the terms, and the lowest bit set marks the first (a
// borrow only crosses a byte that is not plain, and so does a high bit of a plain one).
uint64_t not_plain_ascii(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  const uint64_t control = w - kOnes * 0x20, quote = (w ^ (kOnes * '"')) - kOnes,
                 backslash = (w ^ (kOnes * '\\')) - kOnes;
  return (control | quote | backslash | w) & kHighs;
}

// The index of the first byte a not_plain_ascii mask marks.
size_t first_marked(uint64_t mask) {
  const int bit =
      std::endian::native == std::endian::little ? std::countr_zero(mask) : std::countl_zero(mask);
  return static_cast<size_t>(bit) / 8;
}

constexpr ByteClass kWhitespace([](int c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
});
// Bytes a container's delimiting passes over: not a quote or a bracket.
constexpr ByteClass kUnbracketed([](int c) {
  return c != '"' && c != '{' && c != '}' && c != '[' && c != ']';
});

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class JsonParser {
 public:
  explicit JsonParser(std::string_view text)
      : begin_(text.data()), end_(text.data() + text.size()), p_(begin_) {}

  Value document() {
    start_document();
    Value v = value(0);
    end_document();
    return v;
  }

  // Checks a document that is one object and sets the text of the `fields` among its
  // members (see json_object_fields); the values of fields not `checked` are only delimited,
  // unless `check_all`. False for a valid document that is not an object.
  bool object_fields(std::span<JsonField> fields, bool check_all) {
    for (JsonField& field : fields) field.text.reset();
    start_document();
    if (p_ == end_ || *p_ != '{') {
      skip_value(0);
      end_document();
      return false;
    }
    ++p_;
    skip_whitespace();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
    } else {
      do {
        if (p_ == end_ || *p_ != '"') fail("Expecting property name enclosed in double quotes", p_);
        JsonField* field = field_named(fields);
        expect_colon();
        const char* text = p_;
        if (field && !field->checked && !check_all)
          delimit_value();
        else
          skip_value(1);
        if (field) field->text = std::string_view(text, static_cast<size_t>(p_ - text));
      } while (!end_of_container('}'));
    }
    end_document();
    return true;
  }

 private:
  // Python json's message: "<what>: line L column C (char N)", positions in code points.
  [[noreturn]] void fail(std::string_view what, const char* at) const {
    const std::string_view before(begin_, static_cast<size_t>(at - begin_));
    const Position pos = position_of(before, static_cast<uint32_t>(before.size()));
    throw Error("JSONDecodeError", std::string(what) + ": line " + std::to_string(pos.line) +
                                       " column " + std::to_string(pos.column) + " (char " +
                                       std::to_string(utf8::length(before)) + ")");
  }

  void start_document() {
    if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) {
      fail("Unexpected UTF-8 BOM (decode using utf-8-sig)", p_);
    }
    skip_whitespace();
  }

  void end_document() {
    skip_whitespace();
    if (p_ != end_) fail("Extra data", p_);
  }

  // After a member's key: the ':' and the whitespace round it.
  void expect_colon() {
    skip_whitespace();
    if (p_ == end_ || *p_ != ':') fail("Expecting ':' delimiter", p_);
    ++p_;
    skip_whitespace();
  }

  // The field named by the key at p_ (checked and passed over), or nullptr. A key is
  // decoded only when it has escapes.
  JsonField* field_named(std::span<JsonField> fields) {
    const char* quote = p_;
    const bool escaped = string_into(nullptr);
    std::string_view key(quote + 1, static_cast<size_t>(p_ - quote - 2));
    std::string decoded;
    if (escaped) {
      p_ = quote;
      string_into(&decoded);
      key = decoded;
    }
    for (JsonField& field : fields)
      if (field.key.size() == key.size() && (key.empty() || field.key[0] == key[0]) &&
          field.key == key)
        return &field;
    return nullptr;
  }

  // After an item or member: true at the container's `close` (consumed), false after a ','.
  bool end_of_container(char close) {
    skip_whitespace();
    if (p_ < end_ && *p_ == close) {
      ++p_;
      return true;
    }
    if (p_ == end_ || *p_ != ',') fail("Expecting ',' delimiter", p_);
    ++p_;
    skip_whitespace();
    return false;
  }

  void skip_whitespace() {
    while (p_ < end_ && kWhitespace(*p_)) ++p_;
  }

  bool literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() ||
        std::memcmp(p_, word.data(), word.size()) != 0) {
      return false;
    }
    p_ += word.size();
    return true;
  }

  // A value at p_ (whitespace already skipped). `depth` counts the enclosing containers.
  Value value(int depth) {
    if (p_ == end_) fail("Expecting value", p_);
    switch (*p_) {
      case '"':
        return string_value();
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case 'n':
        if (literal("null")) return Value::null();
        break;
      case 't':
        if (literal("true")) return Value::boolean(true);
        break;
      case 'f':
        if (literal("false")) return Value::boolean(false);
        break;
      case 'N':
        if (literal("NaN")) return Value::number(std::numeric_limits<double>::quiet_NaN());
        break;
      case 'I':
        if (literal("Infinity")) return Value::number(std::numeric_limits<double>::infinity());
        break;
      case '-':
        if (literal("-Infinity")) return Value::number(-std::numeric_limits<double>::infinity());
        return number();
      default:
        if (is_digit(*p_)) return number();
    }
    fail("Expecting value", p_);
  }

  void enter(int depth) const {
    if (depth > kMaxJsonDepth) throw Error("JSONDecodeError", "nesting too deep");
  }

  // Items are collected on a stack shared by all nesting levels, then moved into a list
  // of exactly the right size: one allocation per array.
  Value array(int depth) {
    enter(depth);
    ++p_;
    skip_whitespace();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      return Value::list({});
    }
    const size_t base = pending_items_.size();
    do {
      pending_items_.push_back(value(depth));
    } while (!end_of_container(']'));
    List items(std::make_move_iterator(pending_items_.begin() + static_cast<ptrdiff_t>(base)),
               std::make_move_iterator(pending_items_.end()));
    pending_items_.resize(base);
    return Value::list(std::move(items));
  }

  // Entries are collected like array items, then set into a dict sized once (a duplicate
  // key keeps its first position and takes the last value).
  Value object(int depth) {
    enter(depth);
    ++p_;
    skip_whitespace();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      return Value::dict({});
    }
    const size_t base = pending_entries_.size();
    do {
      if (p_ == end_ || *p_ != '"') fail("Expecting property name enclosed in double quotes", p_);
      Value key = key_value();
      expect_colon();
      Value item = value(depth);
      pending_entries_.emplace_back(std::move(key), std::move(item));
    } while (!end_of_container('}'));
    return Value::dict(take_entries(base));
  }

  // Passes over a value by its brackets and strings alone, checking nothing else: a
  // container to its matching bracket, a string to its closing quote, anything else to the
  // next delimiter.
  void delimit_value() {
    const char* start = p_;
    if (p_ < end_ && (*p_ == '{' || *p_ == '[')) {
      size_t open = 0;
      while (p_ < end_) {
        while (p_ < end_ && kUnbracketed(*p_)) ++p_;
        if (p_ == end_) break;
        const char c = *p_++;
        if (c == '"') {
          if (!pass_string_body()) break;
        } else if (c == '{' || c == '[') {
          ++open;
        } else if (--open == 0) {
          return;
        }
      }
      fail("Expecting value", start);
    }
    if (p_ < end_ && *p_ == '"') {
      ++p_;
      if (pass_string_body()) return;
      fail("Expecting value", start);
    }
    while (p_ < end_ && *p_ != ',' && *p_ != '}' && *p_ != ']' && *p_ != ' ' && *p_ != '\t' &&
           *p_ != '\n' && *p_ != '\r')
      ++p_;
    if (p_ == start) fail("Expecting value", start);
  }

  // From just after a string's opening quote to just after its closing one, found by
  // memchr (long strings pass at memory speed): a quote after an odd run of backslashes is
  // escaped. False at the end of the text.
  bool pass_string_body() {
    const char* body = p_;
    for (;;) {
      const auto* quote =
          static_cast<const char*>(std::memchr(p_, '"', static_cast<size_t>(end_ - p_)));
      if (!quote) {
        p_ = end_;
        return false;
      }
      const char* run = quote;
      while (run > body && run[-1] == '\\') --run;
      p_ = quote + 1;
      if ((quote - run) % 2 == 0) return true;
    }
  }

  // A value at p_ checked and passed over, nothing built.
  void skip_value(int depth) {
    if (p_ == end_) fail("Expecting value", p_);
    switch (*p_) {
      case '"':
        string_into(nullptr);
        return;
      case '{':
        enter(++depth);
        ++p_;
        skip_whitespace();
        if (p_ < end_ && *p_ == '}') {
          ++p_;
          return;
        }
        do {
          if (p_ == end_ || *p_ != '"')
            fail("Expecting property name enclosed in double quotes", p_);
          string_into(nullptr);
          expect_colon();
          skip_value(depth);
        } while (!end_of_container('}'));
        return;
      case '[':
        enter(++depth);
        ++p_;
        skip_whitespace();
        if (p_ < end_ && *p_ == ']') {
          ++p_;
          return;
        }
        do {
          skip_value(depth);
        } while (!end_of_container(']'));
        return;
      case '-':
        if (!literal("-Infinity")) number_text();
        return;
      default:
        if (is_digit(*p_))
          number_text();
        else
          value(depth);  // a literal, nothing to build, or the error there
    }
  }

  [[gnu::noinline]] Dict take_entries(size_t base) {
    Dict dict;
    dict.reserve(pending_entries_.size() - base);
    for (size_t i = base; i < pending_entries_.size(); ++i) {
      dict.set(std::move(pending_entries_[i].first), std::move(pending_entries_[i].second));
    }
    pending_entries_.resize(base);
    return dict;
  }

  // An object key. Short plain ASCII keys repeat across the objects of a document and across
  // documents (a batch, a workflow's contexts), so they come from a small per-thread cache:
  // one shared string object per key, which also makes key comparisons pointer comparisons.
  [[gnu::noinline]] Value key_value() {
    constexpr size_t kMaxCachedLength = 64;
    const char* text_begin = p_ + 1;
    const char* q = text_begin;
    while (q < end_ && kPlainAscii(*q)) ++q;
    const size_t length = static_cast<size_t>(q - text_begin);
    if (q == end_ || *q != '"' || length > kMaxCachedLength) return string_value();
    p_ = q + 1;
    return cached_key(std::string_view(text_begin, length));
  }

  // A direct-mapped cache: a key's slot is fixed by its hash, and a new key evicts the old one.
  static Value cached_key(std::string_view text) {
    constexpr size_t kSlots = 1024;
    thread_local std::vector<Value> slots(kSlots);
    uint32_t h = 2166136261u;  // FNV-1a
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    Value& slot = slots[h & (kSlots - 1)];
    if (!slot.is_string() || slot.as_string() != text) slot = Value::string(std::string(text));
    return slot;
  }

  // Leaf values are parsed out of line so the frames of the value/array/object recursion
  // stay small.
  [[gnu::noinline]] Value string_value() { return Value::string(string()); }

  std::string string() {
    std::string out;
    string_into(&out);
    return out;
  }

  // A string at the opening quote, decoded into `out` (checked only when it is null);
  // leaves p_ past the closing quote. True when the string has escapes.
  bool string_into(std::string* out) {
    const char* start = p_++;
    for (bool escaped = false;; escaped = true) {
      const char* run = p_;
      for (; end_ - p_ >= 8; p_ += 8) {
        if (const uint64_t mask = not_plain_ascii(p_)) {
          p_ += first_marked(mask);
          break;
        }
      }
      unsigned char high_bits = 0;
      while (p_ < end_ && kPlain(*p_)) high_bits |= *p_++;
      if (high_bits & 0x80 && !utf8::valid(std::string_view(run, static_cast<size_t>(p_ - run)))) {
        fail("Invalid UTF-8 in string", run);
      }
      if (out) out->append(run, p_);
      if (p_ == end_) fail("Unterminated string starting at", start);
      if (*p_ == '"') {
        ++p_;
        return escaped;
      }
      if (*p_ != '\\') fail("Invalid control character at", p_);
      escape(out, start);
    }
  }

  // An escape at the backslash, decoded into `out` unless it is null.
  void escape(std::string* out, const char* string_start) {
    const char* backslash = p_++;
    if (p_ == end_) fail("Unterminated string starting at", string_start);
    const char c = *p_++;
    char decoded = c;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        break;
      case 'b':
        decoded = '\b';
        break;
      case 'f':
        decoded = '\f';
        break;
      case 'n':
        decoded = '\n';
        break;
      case 'r':
        decoded = '\r';
        break;
      case 't':
        decoded = '\t';
        break;
      case 'u': {
        const char32_t code_point = unicode_escape(backslash + 1);
        if (out) utf8::append(*out, code_point);
        return;
      }
      default:
        fail("Invalid \\escape", backslash);
    }
    if (out) *out += decoded;
  }

  // Four hex digits at p_; -1 when they are not there.
  int32_t hex4() {
    if (end_ - p_ < 4) return -1;
    int32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      int h = hex_value(p_[i]);
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    p_ += 4;
    return v;
  }

  // The code point of \uXXXX (p_ past the 'u'), joining a surrogate pair; a lone surrogate
  // becomes U+FFFD because our strings are valid UTF-8.
  char32_t unicode_escape(const char* u) {
    const int32_t unit = hex4();
    if (unit < 0) fail("Invalid \\uXXXX escape", u);
    if (unit >= 0xD800 && unit <= 0xDBFF && end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u') {
      const char* saved = p_;
      p_ += 2;
      const int32_t low = hex4();
      if (low < 0) fail("Invalid \\uXXXX escape", saved + 1);
      if (low >= 0xDC00 && low <= 0xDFFF) return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
      p_ = saved;
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) return 0xFFFD;
    return static_cast<char32_t>(unit);
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? ; a fraction or exponent makes a float.
  [[gnu::noinline]] Value number() {
    const char* start = p_;
    const bool is_float = number_text();
    const std::string_view text(start, static_cast<size_t>(p_ - start));
    return is_float ? Value::number(parse_double(text)) : integer(text);
  }

  // Passes over a number's text; true when it is a float's.
  bool number_text() {
    const char* start = p_;
    const char* q = p_;
    if (*q == '-') ++q;
    if (q == end_ || !is_digit(*q)) fail("Expecting value", start);
    if (*q == '0') {
      ++q;
    } else {
      while (q < end_ && is_digit(*q)) ++q;
    }
    bool is_float = false;
    if (q + 1 < end_ && *q == '.' && is_digit(q[1])) {
      q += 2;
      while (q < end_ && is_digit(*q)) ++q;
      is_float = true;
    }
    if (q < end_ && (*q == 'e' || *q == 'E')) {
      const char* e = q + 1;
      if (e < end_ && (*e == '+' || *e == '-')) ++e;
      if (e < end_ && is_digit(*e)) {
        while (e < end_ && is_digit(*e)) ++e;
        q = e;
        is_float = true;
      }
    }
    p_ = q;
    return is_float;
  }

  static Value integer(std::string_view text) {
    constexpr size_t kSmallDigits = 18;  // fits int64 without overflow checks
    const bool negative = text[0] == '-';
    const std::string_view digits = text.substr(negative);
    if (digits.size() > kSmallDigits) return int_from_text(text);
    int64_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return Value::integer(negative ? -v : v);
  }

  // Like Python's float(): out-of-range values become ±inf or ±0.0.
  static double parse_double(std::string_view text) {
    double d;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
    if (ec == std::errc()) return d;
    return std::strtod(std::string(text).c_str(), nullptr);
  }

  const char* begin_;
  const char* end_;
  const char* p_;
  std::vector<Value> pending_items_;          // of the arrays being parsed
  std::vector<Dict::Entry> pending_entries_;  // of the objects being parsed
};

// --- writing --------------------------------------------------------------------------------

// Python json's float tokens.
void append_json_float(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "NaN";
  } else if (std::isinf(d)) {
    out += d > 0 ? "Infinity" : "-Infinity";
  } else {
    append_float_repr(out, d);
  }
}

// Python's timedelta.total_seconds(): micros / 10**6, exactly rounded.
double timedelta_total_seconds(int64_t micros) {
  return num_truediv(Value::integer(micros), Value::integer(int64_t{1000000})).as_float();
}

class JsonWriter {
 public:
  JsonWriter(std::string& out, int indent, bool spaced = false)
      : out_(out), indent_(indent), spaced_(spaced && indent < 0) {}

  void write(const Value& v) {
    switch (v.kind()) {
      case Kind::List:
        array(v.as_list());
        return;
      case Kind::Set:
        array(v.as_set().items());
        return;
      case Kind::Sequence:
        array(to_list(v));
        return;
      case Kind::Dict:
        object(v.as_dict());
        return;
      default:
        scalar(v);
    }
  }

 private:
  // Out of line, so the frames of the recursion through containers stay small.
  [[gnu::noinline]] void scalar(const Value& v) {
    switch (v.kind()) {
      case Kind::Null:
        out_ += "null";
        return;
      case Kind::Bool:
        out_ += v.as_bool() ? "true" : "false";
        return;
      case Kind::Int:
        out_ += int_text(v);
        return;
      case Kind::Float:
        append_json_float(out_, v.as_float());
        return;
      case Kind::String:
        append_json_string(out_, v.as_string());
        return;
      case Kind::DateTime:
        append_json_string(out_, isoformat(v.as_datetime()));
        return;
      case Kind::TimeSpan:
        append_json_float(out_, timedelta_total_seconds(v.timespan_micros()));
        return;
      case Kind::Function:
      case Kind::Opaque:
        append_json_string(out_, python_str(v));
        return;
      case Kind::List:
      case Kind::Set:
      case Kind::Sequence:
      case Kind::Dict:
        write(v);
        return;
    }
  }

  bool pretty() const { return indent_ >= 0; }

  void newline() {
    out_ += '\n';
    out_.append(static_cast<size_t>(indent_) * level_, ' ');
  }

  void array(const std::vector<Value>& items) {
    if (items.empty()) {
      out_ += "[]";
      return;
    }
    out_ += '[';
    ++level_;
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out_ += spaced_ ? ", " : ",";
      if (pretty()) newline();
      write(items[i]);
    }
    --level_;
    if (pretty()) newline();
    out_ += ']';
  }

  void object(const Dict& d) {
    if (d.empty()) {
      out_ += "{}";
      return;
    }
    out_ += '{';
    ++level_;
    bool first = true;
    for (const auto& [key, value] : d) {
      if (!first) out_ += spaced_ ? ", " : ",";
      first = false;
      if (pretty()) newline();
      key_text(key);
      out_ += pretty() || spaced_ ? ": " : ":";
      write(value);
    }
    --level_;
    if (pretty()) newline();
    out_ += '}';
  }

  // A key that is not a string is written as the JSON text of the key, quoted.
  [[gnu::noinline]] void key_text(const Value& key) {
    if (key.is_string()) {
      append_json_string(out_, key.as_string());
    } else if (key.is_datetime()) {
      append_json_string(out_, isoformat(key.as_datetime()));
    } else {
      std::string text;
      JsonWriter(text, -1).write(key);
      append_json_string(out_, text);
    }
  }

  std::string& out_;
  int indent_;
  bool spaced_;
  size_t level_ = 0;
};

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

Value parse_json(std::string_view text) { return JsonParser(text).document(); }

bool json_object_fields(std::string_view text, std::span<JsonField> fields) {
  const bool delimits = std::any_of(fields.begin(), fields.end(),
                                    [](const JsonField& field) { return !field.checked; });
  if (delimits) {
    try {
      return JsonParser(text).object_fields(fields, false);
    } catch (const Error&) {
      // A delimiting that failed reports nothing exact: the full check below does.
    }
  }
  return JsonParser(text).object_fields(fields, true);
}

std::string to_json(const Value& v, int indent) {
  std::string out;
  JsonWriter(out, indent).write(v);
  return out;
}

void append_json(std::string& out, const Value& v) { JsonWriter(out, -1).write(v); }

std::string to_json_line(const Value& v) {
  std::string out;
  JsonWriter(out, -1, true).write(v);
  return out;
}

}  // namespace sirocco
