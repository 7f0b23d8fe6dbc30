// `sirocco functions`: lists the functions a language registers, with their signatures.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "interp/registry.h"

namespace sirocco::cli {

struct FunctionsOptions {
  std::string lang = "yaql";
  std::string prefix;  // only names starting with it
};

// Every declared overload of a registry (YAQL's, or one of Jinja's) whose name starts with
// `prefix`, as (name, signature), sorted by name (also what the REPL's :functions and :help
// show).
template <class CallT>
std::vector<std::pair<std::string, std::string>> signatures(const RegistryOf<CallT>& registry,
                                                            const std::string& prefix = "") {
  std::vector<std::string> names = registry.names();
  std::sort(names.begin(), names.end());
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& name : names) {
    if (name.rfind(prefix, 0) != 0) continue;
    for (const auto& def : *registry.find(name)) out.emplace_back(name, def->signature);
  }
  return out;
}

// Prints one `name<TAB>signature` line per declared overload, sorted by name.
int run_functions(const FunctionsOptions& options);

}  // namespace sirocco::cli
