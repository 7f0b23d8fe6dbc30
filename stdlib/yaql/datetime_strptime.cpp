// datetime.strptime as CPython's _strptime does it in the C locale: the format becomes a
// case-insensitive regular expression with one named group per directive, the groups are
// read into date fields (two-digit years, 12-hour clocks, day of year, week numbers, ISO
// weeks, UTC offsets), and the result is naive unless the format had %z.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <utf8proc.h>

#include "interp/error.h"
#include "interp/number.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/yaql/datetime_internal.h"

namespace sirocco::yaql::dt {
namespace {

constexpr std::string_view kRegexSpecials = "\\.^$*+?(){}[]|";

const char* const kWeekdayNames[] = {"monday", "tuesday",  "wednesday", "thursday",
                                     "friday", "saturday", "sunday"};
const char* const kMonthNames[] = {"january",   "february", "march",    "april",
                                   "may",       "june",     "july",     "august",
                                   "september", "october",  "november", "december"};

bool is_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0d) || c == ' ' || (c >= 0x1c && c <= 0x1f);
}

std::string escape_regex(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80)
      out += '\\';
    out += c;
  }
  return out;
}

// `(?P<key>a|b|...)` of names, longest first so that no name stops at a prefix of another.
std::string alternatives(char key, std::vector<std::string> names) {
  std::stable_sort(names.begin(), names.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out = "(?P<";
  out += key;
  out += '>';
  for (size_t i = 0; i < names.size(); ++i) out += (i ? "|" : "") + escape_regex(names[i]);
  return out + ')';
}

std::vector<std::string> names_of(const char* const* names, size_t count, size_t length) {
  std::vector<std::string> out;
  for (size_t i = 0; i < count; ++i) out.push_back(std::string(names[i]).substr(0, length));
  return out;
}

// 'utc', 'gmt' and the local zone's names, which %Z accepts.
std::vector<std::string> zone_names() {
  tzset();
  std::vector<std::string> out = {"utc", "gmt"};
  for (int i = 0; i < (::daylight ? 2 : 1); ++i) {
    std::string name = ::tzname[i];
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name != "utc" && name != "gmt") out.push_back(name);
  }
  return out;
}

// The regular expression of one directive, or nullopt for an unknown one.
std::optional<std::string> directive_pattern(char32_t key);

// The format as a regular expression (CPython's TimeRE.pattern). Throws Python's ValueErrors
// for a bad directive or a stray '%'.
std::string format_pattern(std::string_view format, std::string_view whole_format) {
  std::string out;
  for (size_t pos = 0; pos < format.size();) {
    const char32_t c = utf8::decode(format, pos);
    if (c == '%') {
      if (pos == format.size())
        throw Error("ValueError", "stray % in format '" + std::string(whole_format) + "'");
      size_t next = pos;
      const char32_t key = utf8::decode(format, next);
      // A space or a regex special character after '%' was escaped first: CPython then sees
      // a backslash, and names the directive '%'.
      const bool escaped =
          is_space(key) ||
          (key < 0x80 && kRegexSpecials.find(static_cast<char>(key)) != std::string_view::npos);
      std::optional<std::string> pattern = escaped ? std::nullopt : directive_pattern(key);
      if (!pattern) {
        const std::string name = escaped ? "%" : std::string(format.substr(pos, next - pos));
        throw Error("ValueError", "'" + name + "' is a bad directive in format '" +
                                      std::string(whole_format) + "'");
      }
      out += *pattern;
      pos = next;
    } else if (is_space(c)) {
      while (pos < format.size() && is_space(static_cast<unsigned char>(format[pos]))) ++pos;
      out += "\\s+";
    } else {
      if (c < 0x80 && kRegexSpecials.find(static_cast<char>(c)) != std::string_view::npos)
        out += '\\';
      utf8::append(out, c);
    }
  }
  return out;
}

std::optional<std::string> directive_pattern(char32_t key) {
  static const std::map<char32_t, std::string> kPatterns = {
      {'d', R"((?P<d>3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9]))"},
      {'f', R"((?P<f>[0-9]{1,6}))"},
      {'H', R"((?P<H>2[0-3]|[0-1]\d|\d))"},
      {'I', R"((?P<I>1[0-2]|0[1-9]|[1-9]))"},
      {'G', R"((?P<G>\d\d\d\d))"},
      {'j', R"((?P<j>36[0-6]|3[0-5]\d|[1-2]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9]))"},
      {'m', R"((?P<m>1[0-2]|0[1-9]|[1-9]))"},
      {'M', R"((?P<M>[0-5]\d|\d))"},
      {'S', R"((?P<S>6[0-1]|[0-5]\d|\d))"},
      {'U', R"((?P<U>5[0-3]|[0-4]\d|\d))"},
      {'W', R"((?P<W>5[0-3]|[0-4]\d|\d))"},
      {'w', R"((?P<w>[0-6]))"},
      {'u', R"((?P<u>[1-7]))"},
      {'V', R"((?P<V>5[0-3]|0[1-9]|[1-4]\d|\d))"},
      {'y', R"((?P<y>\d\d))"},
      {'Y', R"((?P<Y>\d\d\d\d))"},
      {'z', R"((?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z)))"},
      {'A', alternatives('A', names_of(kWeekdayNames, 7, std::string::npos))},
      {'a', alternatives('a', names_of(kWeekdayNames, 7, 3))},
      {'B', alternatives('B', names_of(kMonthNames, 12, std::string::npos))},
      {'b', alternatives('b', names_of(kMonthNames, 12, 3))},
      {'p', alternatives('p', {"am", "pm"})},
      {'%', "%"},
  };
  // The C locale's %c, %x and %X are formats themselves.
  if (key == 'c') return format_pattern("%a %b %d %H:%M:%S %Y", "%c");
  if (key == 'x') return format_pattern("%m/%d/%y", "%x");
  if (key == 'X') return format_pattern("%H:%M:%S", "%X");
  if (key == 'Z') return alternatives('Z', zone_names());
  const auto it = kPatterns.find(key);
  if (it == kPatterns.end()) return std::nullopt;
  return it->second;
}

// The directives a pattern names, in order. A repeated one is the re.error Python raises,
// with the group numbers and the position (in characters) of the second definition.
std::vector<char> group_names(const std::string& pattern) {
  std::vector<char> names;
  std::vector<size_t> numbers;
  size_t groups = 0;
  for (size_t pos = 0; pos < pattern.size(); ++pos) {
    if (pattern[pos] == '\\') {
      ++pos;  // an escaped character
      continue;
    }
    if (pattern[pos] != '(') continue;
    const bool named = pattern.compare(pos, 4, "(?P<") == 0;
    if (pattern[pos + 1] == '?' && !named) continue;  // (?-i:...) captures nothing
    ++groups;
    if (!named) continue;
    const char name = pattern[pos + 4];
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] != name) continue;
      char message[160];
      std::snprintf(message, sizeof message,
                    "redefinition of group name '%c' as group %zu; was group %zu at position %zu",
                    name, groups, numbers[i], utf8::length(pattern.substr(0, pos + 4)));
      throw Error("error", message);
    }
    names.push_back(name);
    numbers.push_back(groups);
  }
  return names;
}

struct CodeDeleter {
  void operator()(pcre2_code* code) const { pcre2_code_free(code); }
};
struct MatchDataDeleter {
  void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};

using Groups = std::vector<std::pair<char, std::string>>;

// The text of each directive's group in format order, matched from the start of `text`.
Groups match_directives(std::string_view text, std::string_view format) {
  const std::string pattern = format_pattern(format, format);
  const std::vector<char> names = group_names(pattern);
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  std::unique_ptr<pcre2_code, CodeDeleter> code(
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                    PCRE2_UTF | PCRE2_CASELESS, &error_code, &error_offset, nullptr));
  if (!code) throw Error("error", "bad strptime pattern");
  std::unique_ptr<pcre2_match_data, MatchDataDeleter> data(
      pcre2_match_data_create_from_pattern(code.get(), nullptr));
  const int rc = pcre2_match(code.get(), reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0,
                             PCRE2_ANCHORED, data.get(), nullptr);
  if (rc < 0) {
    throw Error("ValueError", "time data " + python_repr(Value::string(std::string(text))) +
                                  " does not match format " +
                                  python_repr(Value::string(std::string(format))));
  }
  const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data.get());
  if (ovector[1] != text.size())
    throw Error("ValueError", "unconverted data remains: " + std::string(text.substr(ovector[1])));
  Groups groups;
  for (char name : names) {
    const char name_text[2] = {name, '\0'};
    const int number =
        pcre2_substring_number_from_name(code.get(), reinterpret_cast<PCRE2_SPTR>(name_text));
    const PCRE2_SIZE begin = ovector[2 * number], end = ovector[2 * number + 1];
    groups.emplace_back(name, std::string(text.substr(begin, end - begin)));
  }
  return groups;
}

int64_t to_int(std::string_view digits) { return int_from_text(digits).as_small_int(); }

std::string lower(std::string_view text) {
  std::string out;
  for (size_t pos = 0; pos < text.size();)
    utf8::append(out, static_cast<char32_t>(utf8proc_tolower(
                          static_cast<utf8proc_int32_t>(utf8::decode(text, pos)))));
  return out;
}

// The position of a matched name in a list of names (or of their first three letters).
int64_t name_index(std::string_view matched, const char* const* names, size_t count,
                   bool abbreviated) {
  const std::string key = lower(matched);
  for (size_t i = 0; i < count; ++i)
    if (key == (abbreviated ? std::string(names[i]).substr(0, 3) : std::string(names[i])))
      return static_cast<int64_t>(i);
  throw Error("ValueError", "'" + key + "' is not in list");
}

int64_t ordinal(int64_t year, int64_t month, int64_t day) {
  check_civil(CivilTime{year, month, day});
  return days_from_civil(year, month, day);
}

// The UTC offset of %z, in seconds and microseconds.
std::pair<int64_t, int64_t> read_offset(const std::string& matched) {
  if (matched == "Z") return {0, 0};
  std::string z = matched;
  if (z[3] == ':') {
    z.erase(3, 1);
    if (z.size() > 5) {
      if (z[5] != ':') throw Error("ValueError", "Inconsistent use of : in " + matched);
      z.erase(5, 1);
    }
  }
  int64_t seconds = to_int(z.substr(1, 2)) * 3600 + to_int(z.substr(3, 2)) * 60;
  if (z.size() > 5) seconds += to_int(z.substr(5, 2));
  std::string fraction = z.size() > 8 ? z.substr(8) : "";
  fraction.resize(6, '0');
  int64_t micros = to_int(fraction);
  if (z[0] == '-') seconds = -seconds, micros = -micros;
  return {seconds, micros};
}

// The fields the groups give, before the calendar is consulted.
struct Fields {
  std::optional<int64_t> year, iso_year, julian, weekday, week_of_year, iso_week;
  bool week_starts_monday = false;
  int64_t month = 1, day = 1, hour = 0, minute = 0, second = 0, fraction = 0;
  std::optional<std::pair<int64_t, int64_t>> offset;
};

void read_group(char key, const std::string& text, const Groups& groups, Fields& f) {
  switch (key) {
    case 'y': {
      const int64_t y = to_int(text);
      f.year = y <= 68 ? y + 2000 : y + 1900;
      break;
    }
    case 'Y':
      f.year = to_int(text);
      break;
    case 'G':
      f.iso_year = to_int(text);
      break;
    case 'm':
      f.month = to_int(text);
      break;
    case 'B':
      f.month = name_index(text, kMonthNames, 12, false) + 1;
      break;
    case 'b':
      f.month = name_index(text, kMonthNames, 12, true) + 1;
      break;
    case 'd':
      f.day = to_int(text[0] == ' ' ? text.substr(1) : text);
      break;
    case 'H':
      f.hour = to_int(text);
      break;
    case 'I': {
      f.hour = to_int(text);
      std::string ampm;
      for (const auto& [name, matched] : groups)
        if (name == 'p') ampm = lower(matched);
      if (ampm == "pm")
        f.hour = f.hour == 12 ? 12 : f.hour + 12;
      else if (f.hour == 12)
        f.hour = 0;
      break;
    }
    case 'M':
      f.minute = to_int(text);
      break;
    case 'S':
      f.second = to_int(text);
      break;
    case 'f': {
      std::string digits = text;
      digits.resize(6, '0');
      f.fraction = to_int(digits);
      break;
    }
    case 'A':
      f.weekday = name_index(text, kWeekdayNames, 7, false);
      break;
    case 'a':
      f.weekday = name_index(text, kWeekdayNames, 7, true);
      break;
    case 'w':
      f.weekday = (to_int(text) + 6) % 7;
      break;
    case 'u':
      f.weekday = to_int(text) - 1;
      break;
    case 'j':
      f.julian = to_int(text);
      break;
    case 'U':
    case 'W':
      f.week_of_year = to_int(text);
      f.week_starts_monday = key == 'W';
      break;
    case 'V':
      f.iso_week = to_int(text);
      break;
    case 'z':
      f.offset = read_offset(text);
      break;
    default:
      break;  // %p is read with %I; %Z only names a zone
  }
}

void check_iso_directives(const Fields& f) {
  if (!f.year && f.iso_year) {
    if (!f.iso_week || !f.weekday)
      throw Error("ValueError",
                  "ISO year directive '%G' must be used with the ISO week directive '%V' and a "
                  "weekday directive ('%A', '%a', '%w', or '%u').");
    if (f.julian)
      throw Error("ValueError",
                  "Day of the year directive '%j' is not compatible with ISO year directive "
                  "'%G'. Use '%Y' instead.");
  } else if (!f.week_of_year && f.iso_week) {
    if (!f.weekday)
      throw Error("ValueError",
                  "ISO week directive '%V' must be used with the ISO year directive '%G' and a "
                  "weekday directive ('%A', '%a', '%w', or '%u').");
    throw Error("ValueError",
                "ISO week directive '%V' is incompatible with the year directive '%Y'. Use the "
                "ISO year '%G' instead.");
  }
}

// Day of the year from a week number (%U weeks start on Sunday, %W on Monday).
int64_t julian_from_week(int64_t year, int64_t week, int64_t weekday, bool starts_monday) {
  int64_t first_weekday = weekday_of_day(ordinal(year, 1, 1));
  if (!starts_monday) {
    first_weekday = (first_weekday + 1) % 7;
    weekday = (weekday + 1) % 7;
  }
  const int64_t week_0_length = (7 - first_weekday) % 7;
  if (week == 0) return 1 + weekday - first_weekday;
  return 1 + week_0_length + 7 * (week - 1) + weekday;
}

// Year and day of the year of an ISO year, week and weekday (1 = Monday).
std::pair<int64_t, int64_t> julian_from_iso_week(int64_t iso_year, int64_t week, int64_t weekday) {
  const int64_t correction = weekday_of_day(ordinal(iso_year, 1, 4)) + 1 + 3;
  int64_t julian = week * 7 + weekday - correction;
  if (julian < 1) {
    julian += ordinal(iso_year, 1, 1);
    iso_year -= 1;
    julian -= ordinal(iso_year, 1, 1);
  }
  return {iso_year, julian};
}

// The calendar date the fields name (CPython's _strptime after the regex).
CivilTime resolve_date(Fields& f) {
  check_iso_directives(f);
  const bool leap_year_fix = !f.year && f.month == 2 && f.day == 29;
  int64_t year = f.year ? *f.year : leap_year_fix ? 1904 : 1900;
  std::optional<int64_t> julian = f.julian;
  if (!julian && f.weekday) {
    if (f.week_of_year) {
      julian = julian_from_week(year, *f.week_of_year, *f.weekday, f.week_starts_monday);
    } else if (f.iso_year && f.iso_week) {
      std::tie(year, julian) = julian_from_iso_week(*f.iso_year, *f.iso_week, *f.weekday + 1);
    }
    if (julian && *julian <= 0) {
      year -= 1;
      *julian += is_leap_year(year) ? 366 : 365;
    }
  }
  CivilTime t{year, f.month, f.day, f.hour, f.minute, f.second, f.fraction};
  if (!julian) {
    ordinal(year, f.month, f.day);  // validates the date
  } else {
    const int64_t days = *julian - 1 + ordinal(year, 1, 1);
    if (days < days_from_civil(1, 1, 1)) throw Error("ValueError", "ordinal must be >= 1");
    const CivilTime date = civil_from_micros(days * kMicrosPerDay);
    t.year = date.year, t.month = date.month, t.day = date.day;
  }
  if (leap_year_fix) t.year = 1900;
  return t;
}

}  // namespace

DateTimeParts strptime(std::string_view text, std::string_view format) {
  const Groups groups = match_directives(text, format);
  Fields fields;
  for (const auto& [key, matched] : groups) read_group(key, matched, groups, fields);
  const CivilTime t = resolve_date(fields);
  std::optional<int32_t> offset;
  if (fields.offset) {
    const auto [seconds, micros] = *fields.offset;
    const int64_t total = seconds * kMicrosPerSecond + micros;
    if (total <= -kMaxOffsetMicros || total >= kMaxOffsetMicros) {
      throw Error("ValueError",
                  "offset must be a timedelta strictly between -timedelta(hours=24) and "
                  "timedelta(hours=24), not " +
                      python_repr(Value::timespan(total)) + ".");
    }
    offset = offset_from_timespan(total);
  }
  check_civil(t);
  const int64_t wall = micros_from_civil(t);
  return offset ? at_wall(wall, *offset) : DateTimeParts{wall, 0, true};
}

}  // namespace sirocco::yaql::dt
