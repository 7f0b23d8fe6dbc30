// Runs the fixtures of specs/ (specs/README.md): every directory's cases.jsonl against its
// execution snapshots.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/stdlib/mistral/snapshot_cases.h"

namespace sirocco {
namespace {

TEST(SpecFixtures, EveryCaseGivesItsExpectedResult) {
  size_t cases = 0;
  for (const auto& dir :
       std::filesystem::directory_iterator(std::filesystem::path(SIROCCO_SOURCE_DIR) / "specs"))
    if (dir.is_directory()) cases += testing::run_snapshot_cases(dir.path());
  EXPECT_GE(cases, 31u);
}

}  // namespace
}  // namespace sirocco
