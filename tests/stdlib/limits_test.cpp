// The reference's two sandbox options, yaql.limitIterators and yaql.memoryQuota, against
// python-yaql run with the same options (yaql's own test suite uses 100 and 20000).
#include <chrono>
#include <string>
#include <vector>

#include "tests/stdlib/yaql_cases.h"

namespace sirocco::yaql {
namespace {

Limits with_iterator_limit(int64_t items) {
  Limits limits;
  limits.max_collection_items = items;
  return limits;
}

Limits with_memory_quota(int64_t bytes) {
  Limits limits;
  limits.memory_quota = bytes;
  return limits;
}

TEST(YaqlLimits, IteratorLimitCountsItemsTakenFromCollectionArguments) {
  expect_all(
      {
          {"range(101).toList()", "null", "!CollectionTooLargeException"},
          {"range(100).toList().len()", "null", "100"},
          {"range(1000).where($ > 990).toList()", "null", "!CollectionTooLargeException"},
          {"range(1000).select($).take(5)", "null", "[0, 1, 2, 3, 4]"},
          {"range(200).sum()", "null", "!CollectionTooLargeException"},
          {"range(200).len()", "null", "200"},
          {"set(range(200))", "null", "!CollectionTooLargeException"},
          {"range(150).orderBy($).thenBy($).first()", "null", "!CollectionTooLargeException"},
          {"range(150).groupBy($ mod 2).len()", "null", "!CollectionTooLargeException"},
          {"$.where(true)", "[1, 2, 3]", "[1, 2, 3]"},
      },
      with_iterator_limit(100));
}

TEST(YaqlLimits, MemoryQuotaMeasuresArgumentsAndResults) {
  expect_all(
      {
          {"'a' * 20000", "null", "!MemoryQuotaExceededException"},
          {"('a' * 19000).len()", "null", "19000"},
          {"range(3000).toList()", "null", "!MemoryQuotaExceededException"},
          {"range(2000).toList().len()", "null", "2000"},
          {"range(3000).where(true).len()", "null", "3000"},
          {"range(100000).select($).sum()", "null", "4999950000"},
          {"dict(range(1000).select([$, $]))", "null", "!MemoryQuotaExceededException"},
          {"range(1000).toSet().len()", "null", "!MemoryQuotaExceededException"},
          {"range(1000).toList().len()", "null", "1000"},
      },
      with_memory_quota(20000));
}

TEST(YaqlLimits, HugeRangesUnderALimitFailFast) {
  Engine engine(make_standard_registry());
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(
      outcome(engine, "range(0, 1000000000000000000).toList()", "null", with_iterator_limit(10000)),
      "!CollectionTooLargeException");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

}  // namespace
}  // namespace sirocco::yaql
