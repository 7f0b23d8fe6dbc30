// Every name python-yaql's create_context() registers (tests/data/yaql_reference_functions.tsv,
// generated from the installed reference) is implemented by the standard registry, or is
// excluded here with its reason.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "stdlib/yaql/stdlib.h"

namespace sirocco::yaql {
namespace {

// Names that only make sense for Python objects, or that are engine plumbing Sirocco does
// in C++ rather than through the registry. docs/functions.md shows the same reasons.
const std::map<std::string, std::string>& excluded() {
  static const std::map<std::string, std::string> kExcluded = {
      {"#finalize", "engine plumbing: output conversion is yaql::finalize_output()"},
      {"#get_context_data", "engine plumbing: `$name` is looked up by the evaluator's scopes"},
      {"#iter", "engine plumbing: iteration of collections is built into the evaluator"},
  };
  return kExcluded;
}

std::set<std::string> reference_names() {
  std::ifstream in(std::string(SIROCCO_SOURCE_DIR) + "/tests/data/yaql_reference_functions.tsv");
  std::set<std::string> names;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.rfind("# ", 0) == 0) continue;  // the header line
    names.insert(line.substr(0, line.find('\t')));
  }
  return names;
}

TEST(StdlibCompleteness, ReferenceListIsThere) {
  // create_context() registers 191 names; the file is generated, not hand-written.
  EXPECT_EQ(reference_names().size(), 191u);
}

TEST(StdlibCompleteness, EveryReferenceNameIsImplementedOrExcluded) {
  auto registry = make_standard_registry();
  for (const std::string& name : reference_names()) {
    if (excluded().count(name)) continue;
    EXPECT_NE(registry->find(name), nullptr)
        << "python-yaql registers '" << name << "' but Sirocco does not";
  }
}

TEST(StdlibCompleteness, ExclusionsAreReferenceNames) {
  const auto names = reference_names();
  for (const auto& [name, reason] : excluded()) EXPECT_TRUE(names.count(name)) << name;
}

}  // namespace
}  // namespace sirocco::yaql
