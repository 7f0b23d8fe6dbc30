// The proleptic Gregorian calendar (Howard Hinnant's civil-day algorithms) and Python's
// datetime/timedelta range checks, with the messages CPython gives.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <string>

#include "interp/error.h"
#include "stdlib/yaql/datetime_internal.h"

namespace sirocco::yaql::dt {
namespace {

constexpr int64_t kMinYear = 1;
constexpr int64_t kMaxYear = 9999;

[[noreturn]] void out_of_range(const char* message) { throw Error("ValueError", message); }

std::string format_int(const char* pattern, int64_t value) {
  char buf[96];
  std::snprintf(buf, sizeof buf, pattern, static_cast<long long>(value));
  return buf;
}

}  // namespace

int64_t floor_div(int64_t a, int64_t b) {
  const int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

bool is_leap_year(int64_t year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int64_t days_in_month(int64_t year, int64_t month) {
  static const int64_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

int64_t days_from_civil(int64_t year, int64_t month, int64_t day) {
  year -= month <= 2;
  const int64_t era = floor_div(year, 400);
  const int64_t year_of_era = year - era * 400;
  const int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilTime civil_from_days(int64_t days) {
  const int64_t shifted = days + 719468;
  const int64_t era = floor_div(shifted, 146097);
  const int64_t day_of_era = shifted - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t month_index = (5 * day_of_year + 2) / 153;
  CivilTime t;
  t.day = day_of_year - (153 * month_index + 2) / 5 + 1;
  t.month = month_index < 10 ? month_index + 3 : month_index - 9;
  t.year = year_of_era + era * 400 + (t.month <= 2);
  return t;
}

CivilTime civil_from_micros(int64_t wall_micros) {
  const int64_t days = floor_div(wall_micros, kMicrosPerDay);
  const int64_t in_day = wall_micros - days * kMicrosPerDay;
  const int64_t seconds = in_day / kMicrosPerSecond;
  CivilTime t = civil_from_days(days);
  t.hour = seconds / 3600;
  t.minute = seconds / 60 % 60;
  t.second = seconds % 60;
  t.microsecond = in_day % kMicrosPerSecond;
  return t;
}

int64_t micros_from_civil(const CivilTime& t) {
  const int64_t seconds = t.hour * 3600 + t.minute * 60 + t.second;
  return days_from_civil(t.year, t.month, t.day) * kMicrosPerDay + seconds * kMicrosPerSecond +
         t.microsecond;
}

int64_t weekday_of_day(int64_t days) {
  const int64_t from_monday = days + 3;  // 1970-01-01 was a Thursday
  return from_monday - floor_div(from_monday, 7) * 7;
}

int64_t to_c_int(const BigInt& v) {
  if (v > BigInt(INT64_MAX) || v < BigInt(INT64_MIN))
    throw Error("OverflowError", "Python int too large to convert to C long");
  if (v > INT_MAX) throw Error("OverflowError", "signed integer is greater than maximum");
  if (v < INT_MIN) throw Error("OverflowError", "signed integer is less than minimum");
  return static_cast<int64_t>(v);
}

void check_civil(const CivilTime& t) {
  if (t.year < kMinYear || t.year > kMaxYear)
    throw Error("ValueError", format_int("year %lld is out of range", t.year));
  if (t.month < 1 || t.month > 12) out_of_range("month must be in 1..12");
  if (t.day < 1 || t.day > days_in_month(t.year, t.month))
    out_of_range("day is out of range for month");
  if (t.hour < 0 || t.hour > 23) out_of_range("hour must be in 0..23");
  if (t.minute < 0 || t.minute > 59) out_of_range("minute must be in 0..59");
  if (t.second < 0 || t.second > 59) out_of_range("second must be in 0..59");
  if (t.microsecond < 0 || t.microsecond > 999999) out_of_range("microsecond must be in 0..999999");
}

int64_t wall_micros(const DateTimeParts& dt) {
  return dt.naive ? dt.micros : dt.micros + int64_t{dt.offset_sec} * kMicrosPerSecond;
}

CivilTime civil_of(const DateTimeParts& dt) { return civil_from_micros(wall_micros(dt)); }

DateTimeParts at_wall(int64_t wall, int64_t offset_sec) {
  static const int64_t kFirst = days_from_civil(kMinYear, 1, 1) * kMicrosPerDay;
  static const int64_t kEnd = days_from_civil(kMaxYear + 1, 1, 1) * kMicrosPerDay;
  if (wall < kFirst || wall >= kEnd) throw Error("OverflowError", "date value out of range");
  const int32_t offset =
      static_cast<int32_t>(std::clamp<int64_t>(offset_sec, INT32_MIN, INT32_MAX));
  return DateTimeParts{wall - int64_t{offset} * kMicrosPerSecond, offset, false};
}

DateTimeParts as_aware(const DateTimeParts& dt) {
  return dt.naive ? DateTimeParts{dt.micros, 0, false} : dt;
}

int64_t utc_offset(const DateTimeParts& dt) {
  if (dt.naive) return 0;
  if (int64_t{dt.offset_sec} * kMicrosPerSecond <= -kMaxOffsetMicros ||
      int64_t{dt.offset_sec} * kMicrosPerSecond >= kMaxOffsetMicros) {
    out_of_range(
        "offset must be a timedelta strictly between -timedelta(hours=24) and "
        "timedelta(hours=24).");
  }
  return dt.offset_sec;
}

int32_t offset_from_timespan(int64_t micros) {
  if (micros % kMicrosPerSecond != 0)
    out_of_range("Sirocco keeps UTC offsets in whole seconds; this one has microseconds");
  return static_cast<int32_t>(std::clamp<int64_t>(micros / kMicrosPerSecond, INT32_MIN, INT32_MAX));
}

Value timespan_of(const BigInt& micros) {
  BigInt days = micros / kMicrosPerDay;
  if (days * kMicrosPerDay > micros) days -= 1;  // floor
  if (days > INT_MAX || days < INT_MIN)
    throw Error("OverflowError", "Python int too large to convert to C int");
  const int64_t whole_days = static_cast<int64_t>(days);
  if (whole_days > kMaxTimedeltaDays || whole_days < -kMaxTimedeltaDays) {
    throw Error("OverflowError",
                format_int("days=%lld; must have magnitude <= 999999999", whole_days));
  }
  if (micros > INT64_MAX || micros < INT64_MIN) {
    throw Error("OverflowError",
                format_int("days=%lld; Sirocco holds timespans of magnitude <= 106751991 days",
                           whole_days));
  }
  return Value::timespan(static_cast<int64_t>(micros));
}

Value timespan_of(double micros) {
  if (std::isnan(micros)) throw Error("ValueError", "cannot convert float NaN to integer");
  if (std::isinf(micros)) throw Error("OverflowError", "cannot convert float infinity to integer");
  return timespan_of(BigInt(std::nearbyint(micros)));
}

}  // namespace sirocco::yaql::dt
