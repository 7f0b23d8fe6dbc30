// Compares a Sirocco result with a canonical expectation from the shared conformance
// corpora, by the matching rules of shared/conformance/check.py.
#pragma once

#include <string>

#include "interp/value.h"

namespace sirocco::testing {

// `expected` is the corpus' canonical JSON (with $set/$dict/$datetime/$timespan/$float
// tags); `actual` is our result after a round trip through JSON. Returns an empty string
// on a match, else why not.
std::string mismatch(const Value& expected, const Value& actual, const std::string& path = "$");

}  // namespace sirocco::testing
