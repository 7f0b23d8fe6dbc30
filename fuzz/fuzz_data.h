// The data every evaluating fuzz target runs against: every kind of JSON value, nested, with
// Mistral's `__env`, so that member access, queries and filters have something to walk.
#pragma once

#include "interp/json.h"
#include "interp/value.h"

namespace sirocco::fuzz {

inline const Value& fuzz_data() {
  static const Value data = parse_json(R"({
    "n": 7, "big": 123456789012345678901234567890, "f": -2.5, "s": "Héllo, wörld",
    "b": true, "z": null, "list": [3, 1, 2, 2], "strs": ["a", "B", "ab"],
    "items": [{"name": "x", "age": 30, "tags": ["t1"]}, {"name": "y", "age": 5, "tags": []}],
    "map": {"k": 1, "l": [1, {"m": null}]}, "when": "2020-05-17T08:30:00+02:00",
    "__env": {"tier": "prod"}})");
  return data;
}

}  // namespace sirocco::fuzz
