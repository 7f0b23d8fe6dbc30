// `sirocco functions`: lists the functions a language registers, with their signatures.
#pragma once

#include <string>

namespace sirocco::cli {

struct FunctionsOptions {
  std::string lang = "yaql";
  std::string prefix;  // only names starting with it
};

// Prints one `name<TAB>signature` line per declared overload, sorted by name.
int run_functions(const FunctionsOptions& options);

}  // namespace sirocco::cli
