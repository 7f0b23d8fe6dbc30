// Tests of the REPL's completion candidates.
#include "cli/repl_completion.h"

#include <gtest/gtest.h>

#include "interp/json.h"

namespace sirocco::cli {
namespace {

using Strings = std::vector<std::string>;

CompletionSources sources() {
  Value data = parse_json(R"({"alpha": 1, "also": {"deep": 2, "dim": 3}, "7": 4})");
  return {{"all", "any", "length", "lower", "range", "where"},
          {"length", "lower"},
          {"lower", "number"},
          {{"$", data}, {"_", data}, {"$_", Value()}, {"$total", parse_json(R"({"sum": 1})")}}};
}

TEST(ReplCompletion, FindsTheWordBeforeTheCursor) {
  EXPECT_EQ(completion_word_start("$.a.wh"), 0u);
  EXPECT_EQ(completion_word_start("1 + $.al"), 4u);
  EXPECT_EQ(completion_word_start("f(ra"), 2u);
  EXPECT_EQ(completion_word_start("x "), 2u);
}

TEST(ReplCompletion, OffersWhatFitsTheWord) {
  struct Case {
    const char* line;
    Strings expected;
  };
  const Case cases[] = {
      {":da", {":data"}},
      {":",
       {":context", ":data", ":env", ":functions", ":help", ":lang", ":let", ":quit", ":time"}},
      {"  :l", {":lang", ":let"}},
      {"1 + ra", {"range"}},
      {"$.al", {"$.all", "$.alpha", "$.also"}},
      {"$.also.d", {"$.also.deep", "$.also.dim"}},
      {"_.also.de", {"_.also.deep"}},
      {"{{ _.alp", {"_.alpha"}},
      {"$total.s", {"$total.sum"}},
      {"$.missing.w", {"$.missing.where"}},  // no such key: methods still fit
      {"$t", {"$total"}},
      {"$", {"$_", "$total"}},
      {"$.a.x", {}},
      {":help wh", {"where"}},
      {"1 + :d", {}},  // not at the start of the line: no command
      {"x ", {}},
      {"l", {"length", "lower"}},
      {"{{ _.a | le", {"length"}},
      {"{{ _.a|lo", {"lower"}},
      {"{{ _.a is n", {"number"}},
      {"{{ _.a is not lo", {"lower"}},
      {"{{ this lo", {"lower"}},  // `this` is no `is`: any function
      {"{{ this n", {}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(completion_candidates(c.line, sources()), c.expected) << c.line;
}

TEST(ReplCompletion, FindsWhereAFileNameStarts) {
  constexpr size_t none = std::string_view::npos;
  EXPECT_EQ(file_name_start(":data @ex"), 7u);
  EXPECT_EQ(file_name_start(":env  @"), 7u);
  EXPECT_EQ(file_name_start(":context snap"), 9u);
  EXPECT_EQ(file_name_start(":context @snap"), 10u);
  EXPECT_EQ(file_name_start(":cont "), 6u);
  EXPECT_EQ(file_name_start(":data {\"a\": $"), none);
  EXPECT_EQ(file_name_start(":data"), none);
  EXPECT_EQ(file_name_start(":context"), none);
  EXPECT_EQ(file_name_start(":let x = $.a"), none);
  EXPECT_EQ(file_name_start("$.a"), none);
}

}  // namespace
}  // namespace sirocco::cli
