// Fuzz target: YAQL parse + evaluate under the production limits, against fixed data that
// has every kind of value. Any sirocco::Error is an answer; a crash, a hang, unbounded
// memory or another exception is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_limits.h"
#include "interp/error.h"
#include "interp/json.h"
#include "interp/yaql_engine.h"
#include "stdlib/yaql/stdlib.h"

namespace {

const sirocco::Value& fuzz_data() {
  static const sirocco::Value data = sirocco::parse_json(R"({
    "n": 7, "big": 123456789012345678901234567890, "f": -2.5, "s": "Héllo, wörld",
    "b": true, "z": null, "list": [3, 1, 2, 2], "strs": ["a", "B", "ab"],
    "items": [{"name": "x", "age": 30, "tags": ["t1"]}, {"name": "y", "age": 5, "tags": []}],
    "map": {"k": 1, "l": [1, {"m": null}]}, "when": "2020-05-17T08:30:00+02:00"})");
  return data;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static sirocco::yaql::Engine engine(sirocco::yaql::make_standard_registry(), 0);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    sirocco::to_json(engine.evaluate(text, fuzz_data(), sirocco::fuzz::fuzz_limits()));
  } catch (const sirocco::Error&) {
  }
  return 0;
}
