// Fuzz target: YAQL parse + evaluate under the production limits, against fixed data that
// has every kind of value. Any sirocco::Error is an answer; a crash, a hang, unbounded
// memory or another exception is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_data.h"
#include "fuzz/fuzz_limits.h"
#include "interp/error.h"
#include "interp/json.h"
#include "interp/yaql_engine.h"
#include "stdlib/yaql/stdlib.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static sirocco::yaql::Engine engine(sirocco::yaql::make_standard_registry(), 0);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    sirocco::to_json(
        engine.evaluate(text, sirocco::fuzz::fuzz_data(), sirocco::fuzz::fuzz_limits()));
  } catch (const sirocco::Error&) {
  }
  return 0;
}
