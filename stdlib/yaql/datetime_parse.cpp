// dateutil.parser.parse (dateutil 2.8, default parserinfo: month before day, no fuzzy
// matching), which yaql's datetime(string) uses: the tokenizer that splits text into words,
// numbers and separators, the pass that reads each token as a date, time or zone part, the
// year/month/day disambiguation, and the build of the datetime with today's date for the
// missing fields. Its errors: ParserError "Unknown string format: TEXT" when a token makes no
// sense, "String does not contain a date: TEXT", and datetime's own ValueErrors.
#include <ctime>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <utf8proc.h>

#include "interp/error.h"
#include "interp/number.h"
#include "interp/utf8.h"
#include "stdlib/yaql/datetime_internal.h"

namespace sirocco::yaql::dt {
namespace {

// dateutil giving up on a token (its IndexError/ValueError): "Unknown string format".
struct ParseFailure {};
[[noreturn]] void give_up() { throw ParseFailure{}; }

// --- the tokenizer ---------------------------------------------------------------------------

enum class CharClass { Letter, Digit, Space, Other };

// Python's str.isalpha / isdigit / isspace, for one code point (non-ASCII digits count as
// other characters: dateutil would read them, Sirocco rejects them).
CharClass classify(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::Letter;
    if (c >= '0' && c <= '9') return CharClass::Digit;
    if ((c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20)) return CharClass::Space;
    return CharClass::Other;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return CharClass::Letter;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return CharClass::Space;
    default:
      return c == 0x85 ? CharClass::Space : CharClass::Other;
  }
}

// Splits text into words, numbers (with '.' or ',' decimals), single spaces and single
// other characters. A run mixing letters and dots ("Sep.20.2009") or with several dots is
// broken at each '.'/',' into pieces and separators.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
      const char32_t c = utf8::decode(text, pos);
      if (c != 0) chars_.push_back(c);
    }
  }

  std::vector<std::string> tokens() {
    std::vector<std::string> out;
    while (pos_ < chars_.size()) read_token(out);
    return out;
  }

 private:
  enum class State { Start, Word, Number, WordDots, NumberDots };

  void read_token(std::vector<std::string>& out) {
    std::u32string token;
    State state = State::Start;
    bool seen_letters = false;
    for (; pos_ < chars_.size(); ++pos_) {
      const char32_t c = chars_[pos_];
      const CharClass cls = classify(c);
      if (state == State::Start) {
        token = c;
        if (cls == CharClass::Letter) {
          state = State::Word;
          continue;
        }
        if (cls == CharClass::Digit) {
          state = State::Number;
          continue;
        }
        if (cls == CharClass::Space) token = U" ";
        ++pos_;
        break;
      }
      if (!extends(state, token, c, cls, seen_letters)) break;
      token += c;
    }
    const bool dotted = state == State::WordDots || state == State::NumberDots;
    if (dotted &&
        (seen_letters || count(token, U'.') > 1 || token.back() == U'.' || token.back() == U',')) {
      split_at_separators(token, out);
      return;
    }
    if (state == State::NumberDots && count(token, U'.') == 0)
      for (char32_t& ch : token)
        if (ch == U',') ch = U'.';
    out.push_back(encode(token));
  }

  // Whether c continues the token; moves the state along.
  static bool extends(State& state, const std::u32string& token, char32_t c, CharClass cls,
                      bool& seen_letters) {
    switch (state) {
      case State::Word:
        seen_letters = true;
        if (cls == CharClass::Letter) return true;
        if (c == U'.') return state = State::WordDots, true;
        return false;
      case State::Number:
        if (cls == CharClass::Digit) return true;
        if (c == U'.' || (c == U',' && token.size() >= 2)) return state = State::NumberDots, true;
        return false;
      case State::WordDots:
        seen_letters = true;
        if (c == U'.' || cls == CharClass::Letter) return true;
        if (cls == CharClass::Digit && token.back() == U'.') return state = State::NumberDots, true;
        return false;
      case State::NumberDots:
        if (c == U'.' || cls == CharClass::Digit) return true;
        if (cls == CharClass::Letter && token.back() == U'.') return state = State::WordDots, true;
        return false;
      default:
        return false;
    }
  }

  static void split_at_separators(const std::u32string& token, std::vector<std::string>& out) {
    std::u32string piece;
    for (char32_t c : token) {
      if (c != U'.' && c != U',') {
        piece += c;
        continue;
      }
      if (!piece.empty()) out.push_back(encode(piece));
      out.push_back(encode(std::u32string(1, c)));
      piece.clear();
    }
    if (!piece.empty()) out.push_back(encode(piece));
  }

  static size_t count(const std::u32string& s, char32_t c) {
    size_t n = 0;
    for (char32_t x : s) n += x == c;
    return n;
  }

  static std::string encode(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) utf8::append(out, c);
    return out;
  }

  std::vector<char32_t> chars_;
  size_t pos_ = 0;
};

// --- words the parser knows (dateutil's English parserinfo) ------------------------------

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

template <size_t N>
std::optional<int> index_in(const std::pair<const char*, int> (&table)[N], std::string_view word) {
  const std::string key = lower_ascii(word);
  for (const auto& [name, index] : table)
    if (key == name) return index;
  return std::nullopt;
}

bool is_jump(std::string_view token) {
  static const std::pair<const char*, int> kJumps[] = {
      {" ", 0}, {".", 0},  {",", 0},  {";", 0},   {"-", 0},  {"/", 0},
      {"'", 0}, {"at", 0}, {"on", 0}, {"and", 0}, {"ad", 0}, {"m", 0},
      {"t", 0}, {"of", 0}, {"st", 0}, {"nd", 0},  {"rd", 0}, {"th", 0}};
  return index_in(kJumps, token).has_value();
}

std::optional<int> weekday_index(std::string_view token) {
  static const std::pair<const char*, int> kWeekdays[] = {
      {"mon", 0},       {"monday", 0},   {"tue", 1},      {"tuesday", 1}, {"wed", 2},
      {"wednesday", 2}, {"thu", 3},      {"thursday", 3}, {"fri", 4},     {"friday", 4},
      {"sat", 5},       {"saturday", 5}, {"sun", 6},      {"sunday", 6}};
  return index_in(kWeekdays, token);
}

std::optional<int> month_number(std::string_view token) {
  static const std::pair<const char*, int> kMonths[] = {
      {"jan", 1},  {"january", 1},  {"feb", 2},    {"february", 2},  {"mar", 3},  {"march", 3},
      {"apr", 4},  {"april", 4},    {"may", 5},    {"jun", 6},       {"june", 6}, {"jul", 7},
      {"july", 7}, {"aug", 8},      {"august", 8}, {"sep", 9},       {"sept", 9}, {"september", 9},
      {"oct", 10}, {"october", 10}, {"nov", 11},   {"november", 11}, {"dec", 12}, {"december", 12}};
  return index_in(kMonths, token);
}

// 0 hours, 1 minutes, 2 seconds.
std::optional<int> hms_index(std::string_view token) {
  static const std::pair<const char*, int> kUnits[] = {{"h", 0}, {"hour", 0},   {"hours", 0},
                                                       {"m", 1}, {"minute", 1}, {"minutes", 1},
                                                       {"s", 2}, {"second", 2}, {"seconds", 2}};
  return index_in(kUnits, token);
}

// 0 am, 1 pm.
std::optional<int> ampm_index(std::string_view token) {
  static const std::pair<const char*, int> kAmPm[] = {{"am", 0}, {"a", 0}, {"pm", 1}, {"p", 1}};
  return index_in(kAmPm, token);
}

bool is_utc_zone(std::string_view token) {
  const std::string key = lower_ascii(token);
  return key == "utc" || key == "gmt" || key == "z";
}

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Python's int(text) for the digit strings dateutil slices out of tokens (numbers longer
// than CPython's int(str) limit are given up on, like every other failed conversion).
BigInt py_int(std::string_view s) {
  constexpr size_t kMaxIntTextDigits = 4300;
  if (!is_digits(s) || s.size() > kMaxIntTextDigits) give_up();
  return int_from_text(s).as_big_int();
}

// A numeric token as a Decimal: whole part and the digits after the point.
struct Number {
  BigInt whole;
  std::string fraction;

  bool has_fraction() const { return fraction.find_first_not_of('0') != std::string::npos; }
  bool greater_than(int64_t n) const { return whole > n || (whole == n && has_fraction()); }
  bool at_least(int64_t n) const { return whole >= n; }
  // int(k * (value % 1)), to the 28 digits of Python's default Decimal context
  BigInt whole_of_fraction_times(int64_t k) const {
    if (fraction.empty()) return 0;
    const std::string digits = fraction.substr(0, 28);
    BigInt scale = 1;
    for (size_t i = 0; i < digits.size(); ++i) scale *= 10;
    return py_int(digits) * k / scale;
  }
};

std::optional<Number> as_number(std::string_view token) {
  const size_t dot = token.find('.');
  const std::string_view whole = token.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? "" : token.substr(dot + 1);
  if (!is_digits(whole) || (dot != std::string_view::npos && !is_digits(fraction)))
    return std::nullopt;
  // Decimal has no digit limit; Sirocco's ints stop at kMaxIntDigits.
  if (whole.size() > static_cast<size_t>(kMaxIntDigits)) give_up();
  return Number{int_from_text(whole).as_big_int(), std::string(fraction)};
}

bool is_non_finite_float(std::string_view token) {
  const std::string key = lower_ascii(token);
  return key == "nan" || key == "inf" || key == "infinity";
}

// --- year/month/day candidates ---------------------------------------------------------------

using Field = std::optional<BigInt>;

// The numbers that may be a year, a month or a day, in text order, with the positions of
// those known for sure (a month name, a four-digit year).
class YearMonthDay {
 public:
  enum class Label { None, Year, Month };

  bool century_specified = false;

  size_t size() const { return values_.size(); }
  bool empty() const { return values_.empty(); }

  // A token's text: more than two digits make it a year.
  void append_text(std::string_view text, Label label = Label::None) {
    if (is_digits(text) && text.size() > 2) label = year_label(label);
    push(py_int(text), label);
  }
  // A numeric token's value: above 100 it is a year.
  void append_number(const Number& value, Label label = Label::None) {
    if (value.greater_than(100)) label = year_label(label);
    push(value.whole, label);
  }
  void append_month(int month) { push(month, Label::Month); }

  bool could_be_day(const Number& value) const {
    if (!value.at_least(1)) return false;
    if (!month_index_) return !value.greater_than(31);
    const int64_t month = static_cast<int64_t>(values_[*month_index_]);
    const int64_t year_in_cycle =
        year_index_ ? static_cast<int64_t>(((values_[*year_index_] % 400) + 400) % 400) : 2000;
    return !value.greater_than(days_in_month(year_in_cycle, month));
  }

  // dateutil's resolve_ymd with dayfirst and yearfirst off.
  void resolve(Field& year, Field& month, Field& day) const {
    const size_t known = (year_index_ ? 1 : 0) + (month_index_ ? 1 : 0);
    if ((size() == known && known > 0) || (size() == 3 && known == 2)) {
      resolve_from_known(year, month, day);
      return;
    }
    const auto& v = values_;
    if (size() > 3) give_up();
    if (size() == 1 || (month_index_ && size() == 2)) {
      const BigInt& other = month_index_ ? v[*month_index_ == 0 ? size() - 1 : 0] : v[0];
      if (month_index_) month = v[*month_index_];
      if (size() > 1 || !month_index_) (other > 31 ? year : day) = other;
    } else if (size() == 2) {
      if (v[0] > 31) {
        year = v[0], month = v[1];
      } else if (v[1] > 31) {
        month = v[0], year = v[1];
      } else {
        month = v[0], day = v[1];
      }
    } else if (size() == 3) {
      resolve_three(year, month, day);
    }
  }

 private:
  Label year_label(Label label) {
    century_specified = true;
    if (label != Label::None && label != Label::Year) give_up();
    return Label::Year;
  }

  void push(BigInt value, Label label) {
    values_.push_back(std::move(value));
    if (label == Label::Month) {
      if (month_index_) give_up();  // "Month is already set"
      month_index_ = size() - 1;
    } else if (label == Label::Year) {
      if (year_index_) give_up();  // "Year is already set"
      year_index_ = size() - 1;
    }
  }

  void resolve_from_known(Field& year, Field& month, Field& day) const {
    std::optional<size_t> year_at = year_index_, month_at = month_index_, day_at;
    if (size() == 3 && year_at && month_at) day_at = 3 - *year_at - *month_at;
    if (year_at) year = values_[*year_at];
    if (month_at) month = values_[*month_at];
    if (day_at) day = values_[*day_at];
  }

  void resolve_three(Field& year, Field& month, Field& day) const {
    const auto& v = values_;
    auto assign = [&](Field& a, Field& b, Field& c) { a = v[0], b = v[1], c = v[2]; };
    if (month_index_ == 0) {
      v[1] > 31 ? assign(month, year, day) : assign(month, day, year);
    } else if (month_index_ == 1) {
      v[0] > 31 ? assign(year, month, day) : assign(day, month, year);
    } else if (month_index_ == 2) {
      v[1] > 31 ? assign(day, year, month) : assign(year, day, month);
    } else if (v[0] > 31 || year_index_ == 0) {
      assign(year, month, day);
    } else if (v[0] > 12) {
      assign(day, month, year);
    } else {
      assign(month, day, year);
    }
  }

  std::vector<BigInt> values_;
  std::optional<size_t> year_index_, month_index_;
};

// --- the parse -------------------------------------------------------------------------------

struct LocalToday {
  int64_t year, month, day;
};

LocalToday local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

// What the text said; every field is optional.
struct Parsed {
  Field year, month, day, hour, minute, second, microsecond;
  std::optional<int> weekday, ampm;
  std::optional<std::string> tzname;
  Field tzoffset;  // seconds east of UTC
  bool century_specified = false;

  bool empty() const {
    return !year && !month && !day && !hour && !minute && !second && !microsecond && !weekday &&
           !ampm && !tzname && !tzoffset;
  }
};

class TokenReader {
 public:
  TokenReader(std::vector<std::string> tokens, int64_t this_year)
      : tokens_(std::move(tokens)), this_year_(this_year) {}

  // dateutil's _parse; throws ParseFailure.
  Parsed read() {
    for (i_ = 0; i_ < tokens_.size(); ++i_) read_token();
    ymd_.resolve(res_.year, res_.month, res_.day);
    res_.century_specified = ymd_.century_specified;
    normalise();
    return std::move(res_);
  }

 private:
  size_t count() const { return tokens_.size(); }
  bool has(size_t k) const { return k < tokens_.size(); }
  const std::string& at(size_t k) const {
    if (!has(k)) give_up();  // IndexError
    return tokens_[k];
  }
  bool is(size_t k, std::string_view text) const { return has(k) && tokens_[k] == text; }

  void read_token() {
    const std::string& token = tokens_[i_];
    if (auto value = as_number(token)) {
      read_number(*value);
    } else if (is_non_finite_float(token)) {
      give_up();
    } else if (auto weekday = weekday_index(token)) {
      res_.weekday = weekday;
    } else if (auto month = month_number(token)) {
      read_month_name(*month);
    } else if (auto ampm = ampm_index(token)) {
      read_ampm(*ampm);
    } else if (could_be_tzname(token, res_.tzoffset)) {
      read_zone_name(token);
    } else if (res_.hour && (token == "+" || token == "-")) {
      read_numeric_offset(token == "+" ? 1 : -1);
    } else if (!is_jump(token)) {
      give_up();
    }
  }

  void read_number(const Number& value) {
    const std::string s = tokens_[i_];
    const size_t len = s.size();
    if (ymd_.size() == 3 && (len == 2 || len == 4) && !res_.hour &&
        (!has(i_ + 1) || (tokens_[i_ + 1] != ":" && !hms_index(tokens_[i_ + 1])))) {
      // 19990101T23[59]
      res_.hour = py_int(s.substr(0, 2));
      if (len == 4) res_.minute = py_int(s.substr(2));
    } else if (len == 6 || (len > 6 && s.find('.') == 6)) {
      // YYMMDD or HHMMSS[.ss]
      if (ymd_.empty() && s.find('.') == std::string::npos) {
        ymd_.append_text(s.substr(0, 2));
        ymd_.append_text(s.substr(2, 2));
        ymd_.append_text(s.substr(4));
      } else {
        res_.hour = py_int(s.substr(0, 2));
        res_.minute = py_int(s.substr(2, 2));
        read_seconds(s.substr(4));
      }
    } else if (len == 8 || len == 12 || len == 14) {
      // YYYYMMDD[hhmm[ss]]
      ymd_.append_text(s.substr(0, 4), YearMonthDay::Label::Year);
      ymd_.append_text(s.substr(4, 2));
      ymd_.append_text(s.substr(6, 2));
      if (len > 8) {
        res_.hour = py_int(s.substr(8, 2));
        res_.minute = py_int(s.substr(10, 2));
        if (len > 12) res_.second = py_int(s.substr(12));
      }
    } else if (auto unit_at = hms_position()) {
      // 12h, 12 h, 12h04
      read_with_unit(value, *unit_at);
    } else if (has(i_ + 2) && tokens_[i_ + 1] == ":") {
      // HH:MM[:SS[.ss]]
      res_.hour = value.whole;
      const std::optional<Number> minutes = as_number(tokens_[i_ + 2]);
      if (!minutes) give_up();
      read_minutes(*minutes);
      if (has(i_ + 4) && tokens_[i_ + 3] == ":") {
        read_seconds(tokens_[i_ + 4]);
        i_ += 2;
      }
      i_ += 2;
    } else if (has(i_ + 1) && (is(i_ + 1, "-") || is(i_ + 1, "/") || is(i_ + 1, "."))) {
      read_date_with_separator(s);
    } else if (!has(i_ + 1) || is_jump(tokens_[i_ + 1])) {
      if (has(i_ + 2) && ampm_index(tokens_[i_ + 2])) {
        res_.hour = adjust_ampm(value.whole, *ampm_index(tokens_[i_ + 2]));  // 12 am
        ++i_;
      } else {
        ymd_.append_number(value);
      }
      ++i_;
    } else if (ampm_index(tokens_[i_ + 1]) && value.whole < 24) {
      res_.hour = adjust_ampm(value.whole, *ampm_index(tokens_[i_ + 1]));  // 12am
      ++i_;
    } else if (ymd_.could_be_day(value)) {
      ymd_.append_number(value);
    } else {
      give_up();
    }
  }

  // 01-01[-01], 01/Jan[/01], 01.01.01
  void read_date_with_separator(const std::string& first) {
    const std::string separator = tokens_[i_ + 1];
    ymd_.append_text(first);
    if (has(i_ + 2) && !is_jump(tokens_[i_ + 2])) {
      const std::string& second = tokens_[i_ + 2];
      if (is_digits(second)) {
        ymd_.append_text(second);
      } else if (auto month = month_number(second)) {
        ymd_.append_month(*month);
      } else {
        give_up();
      }
      if (has(i_ + 3) && tokens_[i_ + 3] == separator) {
        const std::string& third = at(i_ + 4);
        if (auto month = month_number(third))
          ymd_.append_month(*month);
        else
          ymd_.append_text(third);
        i_ += 2;
      }
      ++i_;
    }
    ++i_;
  }

  // Where the h/m/s unit of the number at i_ is: after it, after a space, or before it.
  std::optional<size_t> hms_position() const {
    if (has(i_ + 1) && hms_index(tokens_[i_ + 1])) return i_ + 1;
    if (has(i_ + 2) && tokens_[i_ + 1] == " " && hms_index(tokens_[i_ + 2])) return i_ + 2;
    if (i_ > 0 && hms_index(tokens_[i_ - 1])) return i_ - 1;
    if (i_ > 1 && i_ == count() - 1 && tokens_[i_ - 1] == " " && hms_index(tokens_[i_ - 2]))
      return i_ - 2;
    return std::nullopt;
  }

  void read_with_unit(const Number& value, size_t unit_at) {
    const std::string number_text = tokens_[i_];
    int unit = *hms_index(tokens_[unit_at]);
    if (unit_at > i_)
      i_ = unit_at;
    else
      ++unit;  // a unit before the number names the next smaller field: 12h04 is 04 minutes
    if (unit == 0) {
      res_.hour = value.whole;
      if (value.has_fraction()) res_.minute = value.whole_of_fraction_times(60);
    } else if (unit == 1) {
      read_minutes(value);
    } else if (unit == 2) {
      read_seconds(number_text);
    }
  }

  void read_minutes(const Number& value) {
    res_.minute = value.whole;
    res_.second = value.has_fraction() ? Field(value.whole_of_fraction_times(60)) : std::nullopt;
  }

  // SS[.ffffff]
  void read_seconds(std::string_view text) {
    const size_t dot = text.find('.');
    if (dot == std::string_view::npos) {
      res_.second = py_int(text);
      res_.microsecond = 0;
      return;
    }
    std::string fraction(text.substr(dot + 1));
    if (fraction.find('.') != std::string::npos) give_up();
    fraction.resize(6, '0');
    res_.second = py_int(text.substr(0, dot));
    res_.microsecond = py_int(fraction.substr(0, 6));
  }

  void read_month_name(int month) {
    ymd_.append_month(month);
    if (!has(i_ + 1)) return;
    if (is(i_ + 1, "-") || is(i_ + 1, "/")) {
      // Jan-01[-99]
      const std::string separator = tokens_[i_ + 1];
      ymd_.append_text(at(i_ + 2));
      if (has(i_ + 3) && tokens_[i_ + 3] == separator) {
        ymd_.append_text(at(i_ + 4));
        i_ += 2;
      }
      i_ += 2;
    } else if (has(i_ + 4) && is(i_ + 1, " ") && is(i_ + 3, " ") &&
               lower_ascii(tokens_[i_ + 2]) == "of") {
      // Jan of 01: the number is a year
      if (is_digits(tokens_[i_ + 4])) {
        const BigInt year = convert_year(py_int(tokens_[i_ + 4]), false);
        ymd_.append_text(year.str(), YearMonthDay::Label::Year);
      }
      i_ += 4;
    }
  }

  void read_ampm(int ampm) {
    if (!res_.hour || *res_.hour < 0 || *res_.hour > 12) give_up();
    res_.hour = adjust_ampm(*res_.hour, ampm);
    res_.ampm = ampm;
  }

  static BigInt adjust_ampm(const BigInt& hour, int ampm) {
    if (hour < 12 && ampm == 1) return hour + 12;
    if (hour == 12 && ampm == 0) return 0;
    return hour;
  }

  bool could_be_tzname(const std::string& token, const Field& tzoffset) const {
    if (!res_.hour || res_.tzname || tzoffset || utf8::length(token) > 5) return false;
    if (token == "UTC" || token == "GMT" || token == "Z" || token == "z") return true;
    for (char c : token)
      if (c < 'A' || c > 'Z') return false;
    return true;
  }

  void read_zone_name(const std::string& name) {
    res_.tzname = name;
    if (name == "utc" || name == "gmt" || name == "z") res_.tzoffset = 0;
    // GMT+3 means "my time +3 is GMT": the sign that follows is reversed.
    if (is(i_ + 1, "+") || is(i_ + 1, "-")) {
      tokens_[i_ + 1] = tokens_[i_ + 1] == "+" ? "-" : "+";
      res_.tzoffset.reset();
      if (is_utc_zone(name)) res_.tzname.reset();
    }
  }

  // -0300, -03:00, -3, optionally followed by a zone name in parentheses.
  void read_numeric_offset(int sign) {
    const std::string& digits = at(i_ + 1);
    const size_t len = utf8::length(digits);
    BigInt hours, minutes = 0;
    if (len == 4) {
      hours = py_int(digits.substr(0, 2));
      minutes = py_int(digits.substr(2));
    } else if (is(i_ + 2, ":")) {
      hours = py_int(digits);
      minutes = py_int(at(i_ + 3));
      i_ += 2;
    } else if (len <= 2) {
      hours = py_int(digits.substr(0, 2));
    } else {
      give_up();
    }
    res_.tzoffset = sign * (hours * 3600 + minutes * 60);
    if (has(i_ + 5) && is_jump(tokens_[i_ + 2]) && tokens_[i_ + 3] == "(" &&
        tokens_[i_ + 5] == ")" && utf8::length(tokens_[i_ + 4]) >= 3 &&
        could_be_tzname(tokens_[i_ + 4], std::nullopt)) {
      res_.tzname = tokens_[i_ + 4];  // -0300 (BRST)
      i_ += 4;
    }
    ++i_;
  }

  // Two-digit years fall within 50 years of this one.
  BigInt convert_year(BigInt year, bool century_specified) const {
    if (year < 100 && !century_specified) {
      year += this_year_ / 100 * 100;
      if (year >= this_year_ + 50)
        year -= 100;
      else if (year < this_year_ - 50)
        year += 100;
    }
    return year;
  }

  // parserinfo.validate: two-digit years, and Z/UTC/GMT as offset zero.
  void normalise() {
    if (res_.year) res_.year = convert_year(*res_.year, res_.century_specified);
    const bool offset_zero = res_.tzoffset && *res_.tzoffset == 0;
    if ((offset_zero && !res_.tzname) || res_.tzname == "Z" || res_.tzname == "z") {
      res_.tzname = "UTC";
      res_.tzoffset = 0;
    } else if (!offset_zero && res_.tzname && is_utc_zone(*res_.tzname)) {
      res_.tzoffset = 0;
    }
  }

  std::vector<std::string> tokens_;
  int64_t this_year_;
  size_t i_ = 0;
  YearMonthDay ymd_;
  Parsed res_;
};

// --- building the datetime -------------------------------------------------------------------

[[noreturn]] void parser_error(const std::string& message, std::string_view text) {
  throw Error("ParserError", message + std::string(text));
}

// The wall clock the parsed fields give over today's date at midnight.
int64_t build_wall_clock(const Parsed& p, const LocalToday& today, std::string_view text) {
  Field day = p.day;
  if (!day) {
    // A default day past the end of the month falls back to the month's last day.
    const BigInt year = p.year ? *p.year : BigInt(today.year);
    const BigInt month = p.month ? *p.month : BigInt(today.month);
    if (month < 1 || month > 12)
      parser_error("bad month number " + month.str() + "; must be 1-12: ", text);
    const int64_t last =
        days_in_month(static_cast<int64_t>((year % 400 + 400) % 400), static_cast<int64_t>(month));
    if (today.day > last) day = last;
  }
  CivilTime t{today.year, today.month, today.day};
  const std::pair<const Field*, int64_t*> fields[] = {{&p.year, &t.year},
                                                      {&p.month, &t.month},
                                                      {&day, &t.day},
                                                      {&p.hour, &t.hour},
                                                      {&p.minute, &t.minute},
                                                      {&p.second, &t.second},
                                                      {&p.microsecond, &t.microsecond}};
  for (const auto& [parsed, slot] : fields)
    if (*parsed) *slot = to_c_int(**parsed);
  try {
    check_civil(t);
  } catch (const Error& e) {
    parser_error(e.message() + ": ", text);
  }
  int64_t wall = micros_from_civil(t);
  if (p.weekday && !p.day) {
    // The next such weekday, today included (relativedelta(weekday=...)).
    const int64_t days = floor_div(wall, kMicrosPerDay);
    const int64_t ahead = (*p.weekday - weekday_of_day(days) + 7) % 7;
    wall = wall_micros(at_wall(wall + ahead * kMicrosPerDay, 0));
  }
  return wall;
}

// The offset of the local zone at a wall-clock time, and its abbreviation then.
std::pair<int64_t, std::string> local_zone_at(int64_t wall) {
  const CivilTime t = civil_from_micros(wall);
  std::tm tm{};
  tm.tm_year = static_cast<int>(t.year - 1900);
  tm.tm_mon = static_cast<int>(t.month - 1);
  tm.tm_mday = static_cast<int>(t.day);
  tm.tm_hour = static_cast<int>(t.hour);
  tm.tm_min = static_cast<int>(t.minute);
  tm.tm_sec = static_cast<int>(t.second);
  tm.tm_isdst = -1;
  mktime(&tm);
  return {tm.tm_gmtoff, tm.tm_zone ? tm.tm_zone : ""};
}

bool names_local_zone(const std::string& name) {
  tzset();
  return name == ::tzname[0] || name == ::tzname[1];
}

// dateutil's _build_tzaware without tzinfos: the local zone by its name, a UTC or numeric
// offset, or naive (an unknown zone name is ignored).
DateTimeParts attach_zone(const Parsed& p, int64_t wall) {
  if (p.tzname && names_local_zone(*p.tzname)) {
    auto [offset, name] = local_zone_at(wall);
    if (name != *p.tzname && is_utc_zone(*p.tzname)) offset = 0;
    return at_wall(wall, offset);
  }
  if (p.tzoffset && *p.tzoffset == 0) return at_wall(wall, 0);
  if (p.tzoffset) {
    const Value offset = timespan_of(*p.tzoffset * kMicrosPerSecond);
    return at_wall(wall, offset_from_timespan(offset.timespan_micros()));
  }
  return DateTimeParts{wall, 0, true};
}

}  // namespace

DateTimeParts parse_datetime(std::string_view text) {
  const LocalToday today = local_today();
  Parsed parsed;
  try {
    parsed = TokenReader(Tokenizer(text).tokens(), today.year).read();
  } catch (const ParseFailure&) {
    parser_error("Unknown string format: ", text);
  }
  if (parsed.empty()) parser_error("String does not contain a date: ", text);
  return attach_zone(parsed, build_wall_clock(parsed, today, text));
}

}  // namespace sirocco::yaql::dt
