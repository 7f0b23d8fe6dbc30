// The table runner of the filter tests: each case calls one builtin filter through the fake
// runtime with JSON arguments and compares the repr of the answer (generators listed) with
// Jinja2's, or the exception class with "!" before it.
#pragma once

#include <gtest/gtest.h>

#include <vector>

#include "tests/stdlib/jinja/fake_runtime.h"

namespace sirocco::jinja {

inline void expect_filters(const std::vector<LibraryCase>& cases, bool strict = false) {
  FakeRuntime rt;
  rt.strict = strict;
  for (const LibraryCase& c : cases) {
    std::string got =
        outcome([&] { return call_filter(rt, c.name, json_args(c.args), json_kwargs(c.kwargs)); });
    EXPECT_EQ(got, c.expected) << c.name << " " << c.args << " " << c.kwargs;
  }
}

}  // namespace sirocco::jinja
