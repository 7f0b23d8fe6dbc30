// The YAQL date and time module (python-yaql's standard_library/date_time.py): datetime()
// from parts, a timestamp or a string; timespan(); now, localtz, utctz; the properties of
// datetimes (year .. microsecond, weekday, date, time, utc, offset, timestamp) and of
// timespans (days .. microseconds); replace and format; arithmetic and ordering between
// datetimes, timespans and numbers; isDatetime and isTimespan.
//
// Datetimes made here are always aware (a string without a zone is read as UTC). As in the
// reference, a UTC offset outside (-24h, 24h) is accepted when a datetime is built and is an
// error only where Python asks the zone for its offset.
#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <ctime>
#include <string>
#include <utility>

#include "interp/error.h"
#include "interp/number.h"
#include "interp/yaql_eval.h"
#include "stdlib/yaql/datetime_internal.h"
#include "stdlib/yaql/stdlib.h"

namespace sirocco::yaql {
namespace {

using dt::CivilTime;
using dt::kMicrosPerDay;
using dt::kMicrosPerSecond;

BigInt int_value(const Value& v) {
  return v.is_bool() ? BigInt(v.as_bool() ? 1 : 0) : v.as_big_int();
}

// The datetime argument as yaql's DateTime parameter type hands it over (naive → UTC).
DateTimeParts datetime_arg(const Value& v) { return dt::as_aware(v.as_datetime()); }

// yaql's _get_tz: the zone of an `offset =>` argument (null or absent: UTC).
int32_t offset_arg(const Value& v) {
  return v.is_null() ? 0 : dt::offset_from_timespan(v.timespan_micros());
}

Value timespan_plus(const Value& ts, const BigInt& micros) {
  return dt::timespan_of(BigInt(ts.timespan_micros()) + micros);
}

// A timespan from a microsecond count that is an int or a float (timedelta(microseconds=x)).
Value timespan_of_number(const Value& micros) {
  return micros.is_int() ? dt::timespan_of(micros.as_big_int())
                         : dt::timespan_of(micros.as_float());
}

// --- constructors ----------------------------------------------------------------------------

Value datetime_from_parts(Call& c) {
  const int32_t offset = offset_arg(c[7]);
  int64_t fields[7];
  for (size_t i = 0; i < 7; ++i) fields[i] = dt::to_c_int(int_value(c[i]));
  const CivilTime t{fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]};
  dt::check_civil(t);
  return Value::datetime(dt::at_wall(dt::micros_from_civil(t), offset));
}

[[noreturn]] void timestamp_overflow() {
  throw Error("OverflowError", "timestamp out of range for platform time_t");
}

// Seconds and microseconds of a timestamp, rounded half to even as CPython does.
std::pair<int64_t, int64_t> split_timestamp(const Value& timestamp) {
  if (timestamp.is_int()) {
    if (!timestamp.is_small_int()) timestamp_overflow();
    return {timestamp.as_small_int(), 0};
  }
  const double value = timestamp.as_float();
  if (std::isnan(value)) throw Error("ValueError", "Invalid value NaN (not a number)");
  double whole;
  double micros = std::modf(value, &whole) * 1e6;
  const double rounded = std::round(micros);
  micros = std::fabs(micros - rounded) == 0.5 ? 2.0 * std::round(micros / 2.0) : rounded;
  if (micros >= 1e6) micros -= 1e6, whole += 1.0;
  if (micros < 0) micros += 1e6, whole -= 1.0;
  if (!(whole >= -9223372036854775808.0 && whole < 9223372036854775808.0)) timestamp_overflow();
  return {static_cast<int64_t>(whole), static_cast<int64_t>(micros)};
}

// datetime.fromtimestamp(timestamp, tz): the UTC date must fit gmtime() and years 1..9999.
Value datetime_from_timestamp(const Value& timestamp, int32_t offset) {
  const auto [seconds, micros] = split_timestamp(timestamp);
  const int64_t days = dt::floor_div(seconds, 86400);
  const int64_t year = dt::civil_from_days(days).year;
  if (year - 1900 > INT32_MAX || year - 1900 < INT32_MIN)
    throw Error("OSError", "[Errno 75] Value too large for defined data type");
  dt::check_civil(CivilTime{year, 1, 1});
  const int64_t utc = seconds * kMicrosPerSecond + micros;
  return Value::datetime(dt::at_wall(utc + int64_t{offset} * kMicrosPerSecond, offset));
}

Value datetime_from_string(const Value& text, const Value& format) {
  const bool parse_freely = format.is_null() || format.as_string().empty();
  const DateTimeParts parsed = parse_freely ? dt::parse_datetime(text.as_string())
                                            : dt::strptime(text.as_string(), format.as_string());
  return Value::datetime(dt::as_aware(parsed));
}

Value build_timespan(Call& c) {
  static const int64_t kUnitMicros[] = {
      kMicrosPerDay, 3600 * kMicrosPerSecond, 60 * kMicrosPerSecond, kMicrosPerSecond, 1000, 1};
  BigInt total = 0;
  for (size_t i = 0; i < 6; ++i) total += int_value(c[i]) * kUnitMicros[i];
  return dt::timespan_of(total);
}

int64_t now_micros() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

DateTimeParts local_now() {
  const int64_t utc = now_micros();
  const std::time_t seconds = static_cast<std::time_t>(dt::floor_div(utc, kMicrosPerSecond));
  std::tm local{};
  localtime_r(&seconds, &local);
  return DateTimeParts{utc + int64_t{local.tm_gmtoff} * kMicrosPerSecond, 0, true};
}

// Python's time.altzone/timezone choice: the larger of the zone's January and July offsets.
int64_t local_utc_offset() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  int64_t widest = INT64_MIN;
  for (int month : {0, 6}) {
    std::tm probe{};
    probe.tm_year = tm.tm_year;
    probe.tm_mon = month;
    probe.tm_mday = 1;
    probe.tm_isdst = -1;
    const std::time_t at = mktime(&probe);
    std::tm local{};
    localtime_r(&at, &local);
    widest = std::max<int64_t>(widest, local.tm_gmtoff);
  }
  return widest;
}

void register_constructors(Registry& r) {
  r.add(
      "datetime(year: pyint, month: pyint, day: pyint, hour: pyint = 0, minute: pyint = 0, "
      "second: pyint = 0, microsecond: pyint = 0, offset: timespan = null)",
      datetime_from_parts);
  r.add("datetime(timestamp: number, offset: timespan = null)",
        [](Call& c) { return datetime_from_timestamp(c[0], offset_arg(c[1])); });
  r.add("datetime(string: string, format: string? = null)",
        [](Call& c) { return datetime_from_string(c[0], c[1]); });
  r.add(
      "timespan(days: pyint = 0, hours: pyint = 0, minutes: pyint = 0, seconds: int = 0, "
      "milliseconds: int = 0, microseconds: int = 0)",
      build_timespan);
  r.add("now()", [](Call&) { return Value::datetime(DateTimeParts{now_micros(), 0, false}); });
  // An explicit null offset gives the naive local time.
  r.add("now(offset: timespan?)", [](Call& c) {
    if (c[0].is_null()) return Value::datetime(local_now());
    const int32_t offset = offset_arg(c[0]);
    return Value::datetime(dt::at_wall(now_micros() + int64_t{offset} * kMicrosPerSecond, offset));
  });
  r.add("localtz()", [](Call&) { return Value::timespan(local_utc_offset() * kMicrosPerSecond); });
  r.add("utctz()", [](Call&) { return Value::timespan(0); });
}

// --- properties ------------------------------------------------------------------------------

void register_timespan_properties(Registry& r) {
  r.add("#property#microseconds(obj: timespan)",
        [](Call& c) { return Value::integer(c[0].timespan_micros()); });
  static const std::pair<const char*, double> kTotals[] = {
      {"#property#milliseconds(obj: timespan)", 1000.0}, {"#property#seconds(obj: timespan)", 1e6},
      {"#property#minutes(obj: timespan)", 6e7},         {"#property#hours(obj: timespan)", 3.6e9},
      {"#property#days(obj: timespan)", 8.64e10},
  };
  for (const auto& [signature, micros_per_unit] : kTotals) {
    const double unit = micros_per_unit;
    r.add(signature, [unit](Call& c) {
      return Value::number(static_cast<double>(c[0].timespan_micros()) / unit);
    });
  }
}

void register_field_properties(Registry& r) {
  using Field = int64_t (*)(const CivilTime&);
  static const std::pair<const char*, Field> kFields[] = {
      {"#property#year(obj: datetime)", [](const CivilTime& t) { return t.year; }},
      {"#property#month(obj: datetime)", [](const CivilTime& t) { return t.month; }},
      {"#property#day(obj: datetime)", [](const CivilTime& t) { return t.day; }},
      {"#property#hour(obj: datetime)", [](const CivilTime& t) { return t.hour; }},
      {"#property#minute(obj: datetime)", [](const CivilTime& t) { return t.minute; }},
      {"#property#second(obj: datetime)", [](const CivilTime& t) { return t.second; }},
      {"#property#microsecond(obj: datetime)", [](const CivilTime& t) { return t.microsecond; }},
      {"#property#weekday(obj: datetime)",
       [](const CivilTime& t) {
         return dt::weekday_of_day(dt::days_from_civil(t.year, t.month, t.day));
       }},
  };
  for (const auto& [signature, field] : kFields) {
    const Field get = field;
    r.add(signature,
          [get](Call& c) { return Value::integer(get(dt::civil_of(c[0].as_datetime()))); });
  }
}

// The wall clock at midnight of a datetime's day.
int64_t midnight_of(const DateTimeParts& d) {
  return dt::floor_div(dt::wall_micros(d), kMicrosPerDay) * kMicrosPerDay;
}

// `dt - dt.utcoffset()`: the UTC wall clock, still labelled with the datetime's own zone.
DateTimeParts shifted_to_utc(const DateTimeParts& d) {
  const int64_t offset = dt::utc_offset(d);
  return dt::at_wall(dt::wall_micros(d) - offset * kMicrosPerSecond, d.offset_sec);
}

void register_zone_properties(Registry& r) {
  r.add("#property#date(obj: datetime)", [](Call& c) {
    const DateTimeParts d = datetime_arg(c[0]);
    return Value::datetime(dt::at_wall(midnight_of(d), d.offset_sec));
  });
  r.add("#property#time(obj: datetime)", [](Call& c) {
    const DateTimeParts d = datetime_arg(c[0]);
    return Value::timespan(dt::wall_micros(d) - midnight_of(d));
  });
  r.add("#property#utc(obj: datetime)",
        [](Call& c) { return Value::datetime(shifted_to_utc(datetime_arg(c[0]))); });
  r.add("#property#offset(obj: datetime)", [](Call& c) {
    return Value::timespan(dt::utc_offset(c[0].as_datetime()) * kMicrosPerSecond);
  });
  // Seconds from the epoch to the `utc` property's instant, as the reference computes it.
  r.add("#property#timestamp(obj: datetime)", [](Call& c) {
    const DateTimeParts utc = shifted_to_utc(datetime_arg(c[0]));
    return num_truediv(Value::integer(utc.micros), Value::integer(kMicrosPerSecond));
  });
}

// --- replace and format ----------------------------------------------------------------------

Value replace_fields(Call& c) {
  const DateTimeParts d = datetime_arg(c[0]);
  const int32_t offset = c[8].is_null() ? d.offset_sec : offset_arg(c[8]);
  CivilTime t = dt::civil_of(d);
  int64_t* const fields[] = {&t.year,   &t.month,  &t.day,        &t.hour,
                             &t.minute, &t.second, &t.microsecond};
  for (size_t i = 0; i < 7; ++i)
    if (!c[i + 1].is_null()) *fields[i] = dt::to_c_int(int_value(c[i + 1]));
  dt::check_civil(t);
  return Value::datetime(dt::at_wall(dt::micros_from_civil(t), offset));
}

void register_replace_and_format(Registry& r) {
  r.add(
      "method replace(dt: datetime, year: pyint? = null, month: pyint? = null, "
      "day: pyint? = null, hour: pyint? = null, minute: pyint? = null, second: pyint? = null, "
      "microsecond: pyint? = null, offset: timespan? = null)",
      replace_fields);
  r.add("method format(dt: datetime, format: string)",
        [](Call& c) { return Value::string(dt::strftime(datetime_arg(c[0]), c[1].as_string())); });
  r.add("isDatetime(value: any)", [](Call& c) { return Value::boolean(c[0].is_datetime()); });
  r.add("isTimespan(value: any)", [](Call& c) { return Value::boolean(c[0].is_timespan()); });
}

// --- arithmetic ------------------------------------------------------------------------------

// A datetime moved by a timespan, forwards or backwards, in its own zone.
Value datetime_moved(const DateTimeParts& d, const Value& ts, bool backwards) {
  // Beyond the calendar's whole span every move overflows (and could overflow int64).
  constexpr int64_t kCalendarSpan = 10000 * 366 * kMicrosPerDay;
  const int64_t micros = ts.timespan_micros();
  if (micros > kCalendarSpan || micros < -kCalendarSpan)
    throw Error("OverflowError", "date value out of range");
  const int64_t wall = dt::wall_micros(d) + (backwards ? -micros : micros);
  return Value::datetime(dt::at_wall(wall, d.offset_sec));
}

// Python's aware datetime subtraction: wall clocks when both share a zone, else instants
// (which asks both zones for their offsets).
int64_t datetime_difference(const DateTimeParts& a, const DateTimeParts& b) {
  if (a.offset_sec != b.offset_sec) {
    dt::utc_offset(a);
    dt::utc_offset(b);
  }
  return a.micros - b.micros;
}

void register_arithmetic(Registry& r) {
  r.add("#operator_+(dt: datetime, ts: timespan)",
        [](Call& c) { return datetime_moved(datetime_arg(c[0]), c[1], false); });
  r.add("#operator_+(ts: timespan, dt: datetime)",
        [](Call& c) { return datetime_moved(datetime_arg(c[1]), c[0], false); });
  r.add("#operator_-(dt: datetime, ts: timespan)",
        [](Call& c) { return datetime_moved(datetime_arg(c[0]), c[1], true); });
  r.add("#operator_-(dt1: datetime, dt2: datetime)", [](Call& c) {
    return Value::timespan(datetime_difference(datetime_arg(c[0]), datetime_arg(c[1])));
  });
  r.add("#operator_+(ts1: timespan, ts2: timespan)",
        [](Call& c) { return timespan_plus(c[0], c[1].timespan_micros()); });
  r.add("#operator_-(ts1: timespan, ts2: timespan)",
        [](Call& c) { return timespan_plus(c[0], -BigInt(c[1].timespan_micros())); });
  r.add("#operator_*(ts: timespan, n: number)", [](Call& c) {
    return timespan_of_number(num_mul(Value::integer(c[0].timespan_micros()), c[1]));
  });
  r.add("#operator_*(n: number, ts: timespan)", [](Call& c) {
    return timespan_of_number(num_mul(Value::integer(c[1].timespan_micros()), c[0]));
  });
  r.add("#operator_/(ts1: timespan, ts2: timespan)", [](Call& c) {
    const int64_t divisor = c[1].timespan_micros();
    if (divisor == 0) throw Error("ZeroDivisionError", "float division by zero");
    return Value::number(static_cast<double>(c[0].timespan_micros()) /
                         static_cast<double>(divisor));
  });
  r.add("#operator_/(ts: timespan, n: number)", [](Call& c) {
    return timespan_of_number(num_truediv(Value::integer(c[0].timespan_micros()), c[1]));
  });
  r.add("#unary_operator_-(ts: timespan)",
        [](Call& c) { return dt::timespan_of(-BigInt(c[0].timespan_micros())); });
  r.add("#unary_operator_+(ts: timespan)", [](Call& c) { return c[0]; });
}

// --- ordering --------------------------------------------------------------------------------

int order_of(int64_t a, int64_t b) { return (a > b) - (a < b); }

void register_ordering(Registry& r) {
  struct Ordering {
    const char* symbol;
    bool (*holds)(int order);
  };
  static const Ordering kOrderings[] = {
      {"<", [](int o) { return o < 0; }},
      {"<=", [](int o) { return o <= 0; }},
      {">", [](int o) { return o > 0; }},
      {">=", [](int o) { return o >= 0; }},
  };
  for (const Ordering& o : kOrderings) {
    const auto holds = o.holds;
    const std::string name = std::string("#operator_") + o.symbol;
    r.add(name + "(dt1: datetime, dt2: datetime)", [holds](Call& c) {
      return Value::boolean(
          holds(order_of(datetime_difference(datetime_arg(c[0]), datetime_arg(c[1])), 0)));
    });
    r.add(name + "(ts1: timespan, ts2: timespan)", [holds](Call& c) {
      return Value::boolean(holds(order_of(c[0].timespan_micros(), c[1].timespan_micros())));
    });
  }
}

}  // namespace

void register_datetime(Registry& r) {
  register_constructors(r);
  register_timespan_properties(r);
  register_field_properties(r);
  register_zone_properties(r);
  register_replace_and_format(r);
  register_arithmetic(r);
  register_ordering(r);
}

}  // namespace sirocco::yaql
