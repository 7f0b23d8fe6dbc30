// Tests of Outcome and Status: values and failures, passing a failure up through the macros
// to an Outcome of another type, value() throwing the Error it carries, and catching().
#include "interp/outcome.h"

#include <gtest/gtest.h>

#include <string>

namespace sirocco {
namespace {

Outcome<int> half(int n) {
  if (n % 2 != 0) return Error("ValueError", std::to_string(n) + " is odd", Span{3, 5});
  return n / 2;
}

// Halves twice: the first failure is passed up as it is.
Outcome<std::string> quarter(int n) {
  SIROCCO_ASSIGN_OR_RETURN(int once, half(n));
  SIROCCO_ASSIGN_OR_RETURN(int twice, half(once));
  return std::to_string(twice);
}

Status all_even(const std::vector<int>& numbers) {
  for (int n : numbers) SIROCCO_RETURN_IF_ERROR(half(n));
  return {};
}

TEST(Outcome, HoldsAValueOrAnError) {
  Outcome<int> ok = half(8);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 4);
  Outcome<int> odd = half(7);
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.error().type(), "ValueError");
  EXPECT_EQ(odd.error().message(), "7 is odd");
}

TEST(Outcome, MacrosPassTheFirstFailureUp) {
  EXPECT_EQ(*quarter(12), "3");
  Outcome<std::string> late = quarter(6);  // 6 halves to 3, which is odd
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().message(), "3 is odd");
  EXPECT_TRUE(all_even({2, 4}).ok());
  Status bad = all_even({2, 5, 9});
  ASSERT_FALSE(bad.ok());
}

TEST(Outcome, ValueThrowsTheErrorWithItsSpan) {
  EXPECT_EQ(quarter(4).value(), "1");
  try {
    (void)half(1).value();
    FAIL() << "expected the error thrown";
  } catch (const Error& e) {
    EXPECT_EQ(e.type(), "ValueError");
    ASSERT_TRUE(e.has_span());
    EXPECT_EQ(e.span().begin, 3u);
    EXPECT_EQ(e.span().end, 5u);
  }
}

TEST(Outcome, CatchingTurnsAThrowIntoAFailure) {
  EXPECT_EQ(*catching<Outcome<int>>([] { return 3; }), 3);
  EXPECT_EQ(*catching<Outcome<int>>([] { return half(10); }), 5);
  Outcome<int> thrown =
      catching<Outcome<int>>([]() -> Outcome<int> { throw Error("KeyError", "'k'"); });
  ASSERT_FALSE(thrown.ok());
  EXPECT_EQ(thrown.error().type(), "KeyError");
  EXPECT_FALSE(catching<Status>([] { return all_even({1}); }).ok());
  EXPECT_TRUE(catching<Status>([] { return all_even({}); }).ok());
}

}  // namespace
}  // namespace sirocco
