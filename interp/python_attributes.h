// The data attributes Python gives a datetime (year, month, day, hour, minute, second,
// microsecond, fold) and a timedelta (days, seconds, microseconds), for Jinja's `x.name`:
// Jinja2's sandbox lets a template read them. Methods and tzinfo are not offered.
#pragma once

#include <optional>
#include <string_view>

#include "interp/value.h"

namespace sirocco {

// The attribute's value, or nullopt when `obj` is no datetime/timespan or has no such
// data attribute.
std::optional<Value> python_data_attribute(const Value& obj, std::string_view name);

}  // namespace sirocco
