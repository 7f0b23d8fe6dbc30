// Data attributes of datetimes and timedeltas, field by field as Python computes them.
#include "interp/python_attributes.h"

#include <date/date.h>

#include <chrono>

namespace sirocco {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::optional<Value> datetime_attribute(const DateTimeParts& dt, std::string_view name) {
  // The wall clock in the datetime's own zone.
  const int64_t wall = dt.naive ? dt.micros : dt.micros + int64_t{dt.offset_sec} * kMicrosPerSecond;
  const int64_t days = floor_div(wall, kMicrosPerDay);
  const int64_t in_day = wall - days * kMicrosPerDay;
  const date::year_month_day ymd{date::sys_days{date::days{days}}};
  if (name == "year") return Value::integer(int{ymd.year()});
  if (name == "month") return Value::integer(unsigned{ymd.month()});
  if (name == "day") return Value::integer(unsigned{ymd.day()});
  if (name == "hour") return Value::integer(in_day / (3600 * kMicrosPerSecond));
  if (name == "minute") return Value::integer(in_day / (60 * kMicrosPerSecond) % 60);
  if (name == "second") return Value::integer(in_day / kMicrosPerSecond % 60);
  if (name == "microsecond") return Value::integer(in_day % kMicrosPerSecond);
  if (name == "fold") return Value::integer(0);
  return std::nullopt;
}

// timedelta normalises to days (any sign), 0 <= seconds < 86400, 0 <= microseconds < 10^6.
std::optional<Value> timedelta_attribute(int64_t micros, std::string_view name) {
  const int64_t days = floor_div(micros, kMicrosPerDay);
  const int64_t rest = micros - days * kMicrosPerDay;
  if (name == "days") return Value::integer(days);
  if (name == "seconds") return Value::integer(rest / kMicrosPerSecond);
  if (name == "microseconds") return Value::integer(rest % kMicrosPerSecond);
  return std::nullopt;
}

}  // namespace

std::optional<Value> python_data_attribute(const Value& obj, std::string_view name) {
  if (obj.is_datetime()) return datetime_attribute(obj.as_datetime(), name);
  if (obj.is_timespan()) return timedelta_attribute(obj.timespan_micros(), name);
  return std::nullopt;
}

}  // namespace sirocco
