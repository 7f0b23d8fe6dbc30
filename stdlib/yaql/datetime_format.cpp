// datetime.strftime as CPython does it on Linux: %f, %z and %Z are expanded from the
// datetime itself, everything else is the C library's strftime in the C locale.
#include <clocale>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "interp/error.h"
#include "stdlib/yaql/datetime_internal.h"

namespace sirocco::yaql::dt {
namespace {

// '+HHMM', with 'SS' when the offset has seconds (utcoffset() formatting of %z).
std::string offset_text(int64_t offset_sec) {
  const int64_t magnitude = offset_sec < 0 ? -offset_sec : offset_sec;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%c%02lld%02lld", offset_sec < 0 ? '-' : '+',
                static_cast<long long>(magnitude / 3600),
                static_cast<long long>(magnitude / 60 % 60));
  std::string out = buf;
  if (magnitude % 60 != 0) {
    std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(magnitude % 60));
    out += buf;
  }
  return out;
}

// tzname(): 'UTC' for the UTC zone yaql uses, nothing for a bare offset (dateutil's
// tzoffset(None, seconds)), nothing for a naive datetime.
std::string zone_name(const DateTimeParts& dt) {
  return !dt.naive && dt.offset_sec == 0 ? "UTC" : "";
}

// The format with %f, %z and %Z replaced, the other directives left for the C library.
std::string expand_python_directives(const DateTimeParts& dt, std::string_view format) {
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      out += format[i];
      continue;
    }
    const char directive = format[++i];
    if (directive == 'f') {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%06lld", static_cast<long long>(civil_of(dt).microsecond));
      out += buf;
    } else if (directive == 'z') {
      if (!dt.naive) out += offset_text(utc_offset(dt));
    } else if (directive == 'Z') {
      out += zone_name(dt);  // never holds a '%'
    } else {
      out += '%';
      out += directive;
    }
  }
  return out;
}

std::tm tm_of(const DateTimeParts& dt) {
  const CivilTime t = civil_of(dt);
  const int64_t days = days_from_civil(t.year, t.month, t.day);
  std::tm tm{};
  tm.tm_year = static_cast<int>(t.year - 1900);
  tm.tm_mon = static_cast<int>(t.month - 1);
  tm.tm_mday = static_cast<int>(t.day);
  tm.tm_hour = static_cast<int>(t.hour);
  tm.tm_min = static_cast<int>(t.minute);
  tm.tm_sec = static_cast<int>(t.second);
  tm.tm_wday = static_cast<int>((weekday_of_day(days) + 1) % 7);
  tm.tm_yday = static_cast<int>(days - days_from_civil(t.year, 1, 1));
  tm.tm_isdst = dt.naive ? -1 : 0;  // a fixed-offset zone has no DST
  return tm;
}

locale_t c_locale() {
  static const locale_t locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(0));
  return locale;
}

}  // namespace

std::string strftime(const DateTimeParts& dt, std::string_view format) {
  if (format.find('\0') != std::string_view::npos)
    throw Error("ValueError", "embedded null character");
  const std::string expanded = expand_python_directives(dt, format);
  const std::tm tm = tm_of(dt);
  // Like CPython: grow the buffer until the text fits; an empty result stays empty.
  for (size_t size = 1024;; size *= 2) {
    std::vector<char> buf(size);
    const size_t n = strftime_l(buf.data(), size, expanded.c_str(), &tm, c_locale());
    if (n > 0 || size >= 256 * expanded.size()) return std::string(buf.data(), n);
  }
}

}  // namespace sirocco::yaql::dt
