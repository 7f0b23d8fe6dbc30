// Tests of the YAQL system module through the Engine API, against python-yaql's answers.
#include <string>
#include <vector>

#include "tests/stdlib/yaql_cases.h"

namespace sirocco::yaql {
namespace {

TEST(YaqlSystem, CallByNameWithAndWithoutReceiver) {
  expect_all({
      {"call(len, [[1,2]], {})", "null", "2"},
      {"call(len, [], {}, [1, 2])", "null", "2"},
      {"call(isEmpty, [], {}, null)", "null", "true"},
      {"call(len, [[1,2]], {}, [1,2])", "null", "!NoMatchingMethodException"},
      {"call(let, [1, 2], {a => 3, b => 4}) -> $1 + $a + $2 + $b", "null", "10"},
      {"call(len, [], {}, 1, 2)", "null", "!NoMatchingFunctionException"},
      {"call(len, [], null, [1, 2])", "null", "!NoMatchingFunctionException"},
  });
}

}  // namespace
}  // namespace sirocco::yaql
