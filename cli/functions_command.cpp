// `sirocco functions`: the YAQL registry as `name<TAB>signature` lines.
#include "cli/functions_command.h"

#include <iostream>

#include "stdlib/yaql/stdlib.h"

namespace sirocco::cli {

int run_functions(const FunctionsOptions& options) {
  if (options.lang != "yaql") {
    std::cerr << "sirocco functions: unknown --lang '" << options.lang << "' (yaql)\n";
    return 2;
  }
  for (const auto& [name, signature] : signatures(*yaql::make_standard_registry(), options.prefix))
    std::cout << name << '\t' << signature << '\n';
  return 0;
}

}  // namespace sirocco::cli
