// The limits every fuzz target evaluates under: the production sandbox plus a small
// wall-clock budget, so a slow input shows up as a limit error rather than a fuzzer timeout.
#pragma once

#include "interp/limits.h"

namespace sirocco::fuzz {

inline Limits fuzz_limits() {
  Limits limits;
  limits.max_collection_items = 100000;
  limits.memory_quota = 10'000'000;
  limits.max_steps = 1'000'000;
  limits.timeout_ms = 1000;
  return limits;
}

}  // namespace sirocco::fuzz
