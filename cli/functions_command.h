// `sirocco functions`: lists the functions a language registers, with their signatures.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "interp/registry.h"

namespace sirocco::cli {

struct FunctionsOptions {
  std::string lang = "yaql";
  std::string prefix;  // only names starting with it
};

// Every declared YAQL overload whose name starts with `prefix`, as (name, signature),
// sorted by name (also what the REPL's :functions, :help and completion show).
std::vector<std::pair<std::string, std::string>> yaql_signatures(const yaql::Registry& registry,
                                                                 const std::string& prefix = "");

// Prints one `name<TAB>signature` line per declared overload, sorted by name.
int run_functions(const FunctionsOptions& options);

}  // namespace sirocco::cli
