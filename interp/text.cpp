// Python text forms of values: float repr, int digits, str() and repr() in YAQL (tuple,
// frozenset) or Python (list, set) style, datetime and timedelta formatting.
#include "interp/text.h"

#include <utf8proc.h>

#include <charconv>
#include <cmath>
#include <cstdio>

#include "interp/utf8.h"

namespace sirocco {
namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// snprintf into a std::string (short, fixed-format fields only).
template <typename... Args>
void append_format(std::string& out, const char* format, Args... args) {
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, format, args...);
  out.append(buf, static_cast<size_t>(n));
}

// --- dates and durations --------------------------------------------------------------------

struct CivilDate {
  int64_t year;
  unsigned month, day;
};

// Howard Hinnant's civil_from_days: the proleptic Gregorian date of a day since 1970-01-01.
CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const unsigned day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  const unsigned month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (month <= 2), month, day};
}

// A datetime's wall-clock fields in the zone it is shown in.
struct WallClock {
  CivilDate date;
  int64_t hour, minute, second, micro;
};

WallClock wall_clock(const DateTimeParts& dt) {
  const int64_t wall = dt.naive ? dt.micros : dt.micros + int64_t{dt.offset_sec} * kMicrosPerSecond;
  const int64_t days = floor_div(wall, kMicrosPerDay);
  const int64_t in_day = wall - days * kMicrosPerDay;
  const int64_t seconds = in_day / kMicrosPerSecond;
  return {civil_from_days(days), seconds / 3600, seconds / 60 % 60, seconds % 60,
          in_day % kMicrosPerSecond};
}

// '+HH:MM', with ':SS' when the offset has seconds.
void append_utc_offset(std::string& out, int32_t offset_sec) {
  out += offset_sec < 0 ? '-' : '+';
  const int32_t magnitude = offset_sec < 0 ? -offset_sec : offset_sec;
  append_format(out, "%02d:%02d", magnitude / 3600, magnitude / 60 % 60);
  if (magnitude % 60) append_format(out, ":%02d", magnitude % 60);
}

// A timedelta's normalised fields: days may be negative, the rest are not.
struct TimeDeltaParts {
  int64_t days, seconds, micros;
};

TimeDeltaParts timedelta_parts(int64_t micros) {
  const int64_t days = floor_div(micros, kMicrosPerDay);
  const int64_t rest = micros - days * kMicrosPerDay;
  return {days, rest / kMicrosPerSecond, rest % kMicrosPerSecond};
}

void append_timedelta_str(std::string& out, int64_t micros) {
  const TimeDeltaParts td = timedelta_parts(micros);
  if (td.days != 0) {
    append_format(out, "%lld day%s, ", static_cast<long long>(td.days),
                  td.days == 1 || td.days == -1 ? "" : "s");
  }
  append_format(out, "%d:%02d:%02d", static_cast<int>(td.seconds / 3600),
                static_cast<int>(td.seconds / 60 % 60), static_cast<int>(td.seconds % 60));
  if (td.micros != 0) append_format(out, ".%06d", static_cast<int>(td.micros));
}

void append_timedelta_repr(std::string& out, int64_t micros) {
  const TimeDeltaParts td = timedelta_parts(micros);
  out += "datetime.timedelta(";
  if (micros == 0) out += '0';
  const char* separator = "";
  const auto field = [&](const char* name, int64_t value) {
    if (value == 0) return;
    append_format(out, "%s%s=%lld", separator, name, static_cast<long long>(value));
    separator = ", ";
  };
  field("days", td.days);
  field("seconds", td.seconds);
  field("microseconds", td.micros);
  out += ')';
}

void append_datetime_repr(std::string& out, const DateTimeParts& dt) {
  const WallClock w = wall_clock(dt);
  append_format(out, "datetime.datetime(%lld, %u, %u, %lld, %lld",
                static_cast<long long>(w.date.year), w.date.month, w.date.day,
                static_cast<long long>(w.hour), static_cast<long long>(w.minute));
  if (w.second != 0 || w.micro != 0) append_format(out, ", %lld", static_cast<long long>(w.second));
  if (w.micro != 0) append_format(out, ", %lld", static_cast<long long>(w.micro));
  // Zones print as dateutil's, which YAQL's datetimes carry.
  if (!dt.naive) {
    if (dt.offset_sec == 0) {
      out += ", tzinfo=tzutc()";
    } else {
      append_format(out, ", tzinfo=tzoffset(None, %d)", dt.offset_sec);
    }
  }
  out += ')';
}

// --- strings --------------------------------------------------------------------------------

// Python's str.isprintable() for one code point: not a control, format, surrogate,
// private-use, unassigned or separator character (the ASCII space excepted).
bool is_printable(char32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return false;
    default:
      return true;
  }
}

void append_code_point_escape(std::string& out, char32_t cp) {
  if (cp < 0x100) {
    append_format(out, "\\x%02x", static_cast<unsigned>(cp));
  } else if (cp < 0x10000) {
    append_format(out, "\\u%04x", static_cast<unsigned>(cp));
  } else {
    append_format(out, "\\U%08x", static_cast<unsigned>(cp));
  }
}

void append_ascii_escape(std::string& out, char c, char quote) {
  switch (c) {
    case '\\':
      out += "\\\\";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    default:
      if (c == quote) {
        out += '\\';
        out += c;
      } else {
        append_code_point_escape(out, static_cast<unsigned char>(c));
      }
  }
}

// Python's repr of a str: single quotes unless the text has ' and no ", escapes for the
// quote, backslash, \t \n \r and every non-printable code point.
void append_string_repr(std::string& out, std::string_view s) {
  const bool has_single = s.find('\'') != std::string_view::npos;
  const bool has_double = s.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  out.reserve(out.size() + s.size() + 2);
  out += quote;
  const auto plain = [quote](unsigned char c) {
    return c >= 0x20 && c < 0x7F && c != quote && c != '\\';
  };
  size_t pos = 0;
  while (pos < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (plain(c)) {
      size_t end = pos + 1;
      while (end < s.size() && plain(static_cast<unsigned char>(s[end]))) ++end;
      out.append(s.data() + pos, end - pos);
      pos = end;
    } else if (c < 0x80) {
      append_ascii_escape(out, static_cast<char>(c), quote);
      ++pos;
    } else {
      const size_t start = pos;
      const char32_t cp = utf8::decode(s, pos);
      if (is_printable(cp)) {
        out.append(s.data() + start, pos - start);
      } else {
        append_code_point_escape(out, cp);
      }
    }
  }
  out += quote;
}

// --- values ---------------------------------------------------------------------------------

class PyPrinter {
 public:
  PyPrinter(std::string& out, PyStyle style) : out_(out), style_(style) {}

  void str(const Value& v) {
    switch (v.kind()) {
      case Kind::String:
        out_ += v.as_string();
        return;
      case Kind::DateTime:
        out_ += isoformat(v.as_datetime(), ' ');
        return;
      case Kind::TimeSpan:
        append_timedelta_str(out_, v.timespan_micros());
        return;
      case Kind::Opaque:
        if (auto* o = dynamic_cast<const OpaqueObject*>(v.as_opaque())) {
          out_ += o->str();
          return;
        }
        repr(v);
        return;
      default:
        repr(v);
    }
  }

  void repr(const Value& v) {
    switch (v.kind()) {
      case Kind::List:
        list(v.as_list(), v.is_tuple());
        return;
      case Kind::Dict:
        dict(v.as_dict());
        return;
      case Kind::Set:
        set(v.as_set());
        return;
      default:
        scalar_repr(v);
    }
  }

 private:
  // Out of line, so the frames of the recursion through containers stay small.
  [[gnu::noinline]] void scalar_repr(const Value& v) {
    switch (v.kind()) {
      case Kind::Null:
        out_ += "None";
        return;
      case Kind::Bool:
        out_ += v.as_bool() ? "True" : "False";
        return;
      case Kind::Int:
        out_ += int_text(v);
        return;
      case Kind::Float:
        append_float_repr(out_, v.as_float());
        return;
      case Kind::String:
        append_string_repr(out_, v.as_string());
        return;
      case Kind::DateTime:
        append_datetime_repr(out_, v.as_datetime());
        return;
      case Kind::TimeSpan:
        append_timedelta_repr(out_, v.timespan_micros());
        return;
      case Kind::Function:
        out_ += v.as_function().describe();
        return;
      case Kind::Sequence:
        out_ += "<generator object>";
        return;
      case Kind::Opaque:
        if (auto* o = dynamic_cast<const OpaqueObject*>(v.as_opaque())) {
          out_ += o->repr();
        } else {
          out_ += "<object>";
        }
        return;
      case Kind::List:
      case Kind::Dict:
      case Kind::Set:
        repr(v);
        return;
    }
  }

  void items(const std::vector<Value>& values) {
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) out_ += ", ";
      repr(values[i]);
    }
  }

  void list(const List& values, bool is_tuple) {
    const bool tuple = is_tuple || style_ == PyStyle::Yaql;
    out_ += tuple ? '(' : '[';
    items(values);
    if (tuple && values.size() == 1) out_ += ',';
    out_ += tuple ? ')' : ']';
  }

  void dict(const Dict& d) {
    out_ += '{';
    bool first = true;
    for (const auto& [key, value] : d) {
      if (!first) out_ += ", ";
      first = false;
      repr(key);
      out_ += ": ";
      repr(value);
    }
    out_ += '}';
  }

  void set(const Set& s) {
    const bool frozen = style_ == PyStyle::Yaql;
    if (s.empty()) {
      out_ += frozen ? "frozenset()" : "set()";
      return;
    }
    out_ += frozen ? "frozenset({" : "{";
    items(s.items());
    out_ += frozen ? "})" : "}";
  }

  std::string& out_;
  PyStyle style_;
};

}  // namespace

namespace {

// The common case of append_float_repr, without std::to_chars: a float that reads back from
// a decimal with at most three decimals (12.5, 3.0, 0.001) and lies in [1e-3, 1e12). Those
// digits are the shortest that read back as d: any shorter decimal is 10^-k away, more than
// the float's spacing there. False (nothing written) for any other float.
bool append_short_decimal(std::string& out, double d) {
  const double magnitude = std::fabs(d);
  if (!(magnitude >= 1e-3 && magnitude < 1e12)) return false;
  static constexpr double kScale[] = {1, 10, 100, 1000};
  for (int k = 0; k <= 3; ++k) {
    const double scaled = d * kScale[k];
    if (scaled != std::floor(scaled)) continue;
    const auto m = static_cast<int64_t>(scaled);
    if (static_cast<double>(m) / kScale[k] != d || (k > 0 && m % 10 == 0)) return false;
    const auto digits = static_cast<uint64_t>(m < 0 ? -m : m);
    const auto unit = static_cast<uint64_t>(kScale[k]);
    char text[32];
    char* end = text;
    if (m < 0) *end++ = '-';
    end = std::to_chars(end, text + sizeof text, digits / unit).ptr;
    *end++ = '.';
    uint64_t fraction = digits % unit;
    const int places = k == 0 ? 1 : k;  // "2.0", "2.05"
    for (int i = places - 1; i >= 0; --i, fraction /= 10)
      end[i] = static_cast<char>('0' + fraction % 10);
    out.append(text, end + places);
    return true;
  }
  return false;
}

}  // namespace

void append_float_repr(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "nan";
    return;
  }
  if (std::isinf(d)) {
    out += d > 0 ? "inf" : "-inf";
    return;
  }
  if (append_short_decimal(out, d)) return;
  // Shortest round-trip digits in scientific form ("-1.2345e+17"), then Python's layout.
  char buf[40];
  const char* end = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific).ptr;
  const std::string_view sci(buf, static_cast<size_t>(end - buf));
  const size_t e_pos = sci.find('e');
  const bool negative = sci[0] == '-';
  char digits[24];
  size_t n = 0;
  for (char c : sci.substr(negative, e_pos - negative)) {
    if (c != '.') digits[n++] = c;
  }
  int exponent = 0;
  const char* exp_begin = buf + e_pos + 1 + (sci[e_pos + 1] == '+');
  std::from_chars(exp_begin, end, exponent);

  if (negative) out += '-';
  if (exponent < -4 || exponent >= 16) {
    out += digits[0];
    if (n > 1) {
      out += '.';
      out.append(digits + 1, n - 1);
    }
    append_format(out, "e%c%02d", exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
  } else if (exponent >= 0) {
    const size_t whole = static_cast<size_t>(exponent) + 1;
    if (n <= whole) {
      out.append(digits, n);
      out.append(whole - n, '0');
      out += ".0";
    } else {
      out.append(digits, whole);
      out += '.';
      out.append(digits + whole, n - whole);
    }
  } else {
    out += "0.";
    out.append(static_cast<size_t>(-exponent - 1), '0');
    out.append(digits, n);
  }
}

std::string float_repr(double d) {
  std::string out;
  append_float_repr(out, d);
  return out;
}

std::string int_text(const Value& v) {
  if (v.is_big_int()) return v.big_int().str();
  char buf[24];
  const int64_t i = v.is_bool() ? v.as_bool() : v.as_small_int();
  return std::string(buf, std::to_chars(buf, buf + sizeof buf, i).ptr);
}

std::string isoformat(const DateTimeParts& dt, char sep) {
  const WallClock w = wall_clock(dt);
  std::string out;
  append_format(out, "%04lld-%02u-%02u%c%02lld:%02lld:%02lld", static_cast<long long>(w.date.year),
                w.date.month, w.date.day, sep, static_cast<long long>(w.hour),
                static_cast<long long>(w.minute), static_cast<long long>(w.second));
  if (w.micro != 0) append_format(out, ".%06lld", static_cast<long long>(w.micro));
  if (!dt.naive) append_utc_offset(out, dt.offset_sec);
  return out;
}

std::string python_str(const Value& v, PyStyle style) {
  if (v.is_string()) return v.as_string();
  std::string out;
  PyPrinter(out, style).str(v);
  return out;
}

std::string python_repr(const Value& v, PyStyle style) {
  std::string out;
  PyPrinter(out, style).repr(v);
  return out;
}

}  // namespace sirocco
