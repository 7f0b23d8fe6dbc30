// Shared by the YAQL date and time modules: the proleptic Gregorian calendar, Python's
// datetime/timedelta range checks (with its error messages), and the text conversions —
// dateutil's parser, strptime and strftime.
//
// A datetime is a DateTimeParts: for an aware one, `micros` is the UTC instant and the wall
// clock is micros + offset; for a naive one, `micros` is the wall clock itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/value.h"

namespace sirocco::yaql::dt {

inline constexpr int64_t kMicrosPerSecond = 1000000;
inline constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;
// Python's timedelta bound (in days) and the widest UTC offset a tzinfo may report.
inline constexpr int64_t kMaxTimedeltaDays = 999999999;
inline constexpr int64_t kMaxOffsetMicros = kMicrosPerDay;

// A wall-clock reading, field by field.
struct CivilTime {
  int64_t year = 1970, month = 1, day = 1;
  int64_t hour = 0, minute = 0, second = 0, microsecond = 0;
};

int64_t floor_div(int64_t a, int64_t b);
bool is_leap_year(int64_t year);
int64_t days_in_month(int64_t year, int64_t month);
// Days since 1970-01-01 of a date, and back; and the fields of a wall clock in microseconds
// since 1970-01-01T00:00.
int64_t days_from_civil(int64_t year, int64_t month, int64_t day);
CivilTime civil_from_days(int64_t days);
CivilTime civil_from_micros(int64_t wall_micros);
int64_t micros_from_civil(const CivilTime& t);
// 0 for Monday .. 6 for Sunday, of a day counted from 1970-01-01.
int64_t weekday_of_day(int64_t days);

// Python's conversion of an int argument to a C int, with its OverflowError messages.
int64_t to_c_int(const BigInt& v);
// The ValueError Python's datetime() gives for the first field out of range, if any.
void check_civil(const CivilTime& t);

// The wall clock of a datetime, in its own zone.
int64_t wall_micros(const DateTimeParts& dt);
CivilTime civil_of(const DateTimeParts& dt);
// An aware datetime showing `wall` at `offset_sec` east of UTC. Throws OverflowError "date
// value out of range" when the wall clock leaves years 1..9999.
DateTimeParts at_wall(int64_t wall, int64_t offset_sec);
// A naive one treated as UTC, the way yaql's DateTime parameter type converts it.
DateTimeParts as_aware(const DateTimeParts& dt);
// utcoffset(): the offset in seconds, or ValueError when a tzinfo would report one outside
// (-24h, 24h). Naive datetimes have none (0 here).
int64_t utc_offset(const DateTimeParts& dt);
// The offset of a timespan (yaql's `offset =>` argument), in whole seconds.
int32_t offset_from_timespan(int64_t micros);

// A timedelta of `micros` microseconds, with Python's OverflowError messages when it is out
// of timedelta's range (or out of the int64 microseconds a Value holds).
Value timespan_of(const BigInt& micros);
// timedelta(microseconds=x) of a float: rounded half to even.
Value timespan_of(double micros);

// dateutil.parser.parse(text), with today's local date filling missing fields. The result is
// naive when the text names no zone. Throws ParserError (or the OverflowError Python gives).
DateTimeParts parse_datetime(std::string_view text);
// datetime.strptime(text, format): naive unless the format has %z.
DateTimeParts strptime(std::string_view text, std::string_view format);
// datetime.strftime(format), in the C locale.
std::string strftime(const DateTimeParts& dt, std::string_view format);

}  // namespace sirocco::yaql::dt
