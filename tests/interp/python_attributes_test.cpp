// Datetime and timedelta data attributes, as Python 3.11 gives them (values checked with
// /usr/bin/python3: datetime.datetime(...).hour, datetime.timedelta(...).days ...).
#include "interp/python_attributes.h"

#include <gtest/gtest.h>

namespace sirocco {
namespace {

constexpr int64_t kSecond = 1000000;

struct Case {
  Value value;
  const char* name;
  std::optional<int64_t> expected;
};

TEST(PythonAttributes, DatetimeAndTimedeltaFields) {
  // 2001-02-03 04:05:06.500000, naive; the same instant shown at +02:00; 1969-12-31 23:59:59.25
  const Value naive = Value::datetime({981173106 * kSecond + 500000, 0, true});
  const Value aware = Value::datetime({981173106 * kSecond, 7200, false});
  const Value before_epoch = Value::datetime({-750000, 0, true});
  const Case cases[] = {
      {naive, "year", 2001},
      {naive, "month", 2},
      {naive, "day", 3},
      {naive, "hour", 4},
      {naive, "minute", 5},
      {naive, "second", 6},
      {naive, "microsecond", 500000},
      {naive, "fold", 0},
      {aware, "hour", 6},  // datetime(2001,2,3,4,5,6,tzinfo=utc).astimezone(+2h).hour
      {before_epoch, "year", 1969},
      {before_epoch, "day", 31},
      {before_epoch, "second", 59},
      {before_epoch, "microsecond", 250000},
      // timedelta(microseconds=-1): days=-1, seconds=86399, microseconds=999999
      {Value::timespan(-1), "days", -1},
      {Value::timespan(-1), "seconds", 86399},
      {Value::timespan(-1), "microseconds", 999999},
      {Value::timespan(90061 * kSecond + 5), "days", 1},
      {Value::timespan(90061 * kSecond + 5), "seconds", 3661},
      // not data attributes, or not a datetime
      {naive, "tzinfo", std::nullopt},
      {naive, "isoformat", std::nullopt},
      {naive, "days", std::nullopt},
      {Value::timespan(1), "year", std::nullopt},
      {Value::integer(3), "year", std::nullopt},
  };
  for (const Case& c : cases) {
    const std::optional<Value> got = python_data_attribute(c.value, c.name);
    ASSERT_EQ(got.has_value(), c.expected.has_value()) << c.name;
    if (got) {
      EXPECT_EQ(got->as_small_int(), *c.expected) << c.name;
    }
  }
}

}  // namespace
}  // namespace sirocco
