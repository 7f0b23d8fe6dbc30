// ExpectedError: what a test expects of a failed outcome — the error's type and the source
// text its span covers — and the one check of it the language tests share.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "interp/outcome.h"

namespace sirocco {

struct ExpectedError {
  std::string source;
  std::string type;
  std::string spanned;  // the text the span covers; empty: not checked
};

template <class T>
void expect_failure(const Outcome<T>& out, const ExpectedError& want) {
  ASSERT_FALSE(out.ok()) << want.source;
  EXPECT_EQ(out.error().type(), want.type) << want.source << ": " << out.error().message();
  if (want.spanned.empty()) return;
  const Span span = out.error().span();
  EXPECT_EQ(want.source.substr(span.begin, span.end - span.begin), want.spanned) << want.source;
}

}  // namespace sirocco
