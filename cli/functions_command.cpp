// `sirocco functions`: the YAQL registry as `name<TAB>signature` lines.
#include "cli/functions_command.h"

#include <algorithm>
#include <iostream>

#include "stdlib/yaql/stdlib.h"

namespace sirocco::cli {

int run_functions(const FunctionsOptions& options) {
  if (options.lang != "yaql") {
    std::cerr << "sirocco functions: unknown --lang '" << options.lang << "' (yaql)\n";
    return 2;
  }
  auto registry = yaql::make_standard_registry();
  std::vector<std::string> names = registry->names();
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    if (name.rfind(options.prefix, 0) != 0) continue;
    for (const auto& def : *registry->find(name))
      std::cout << name << '\t' << def->signature << '\n';
  }
  return 0;
}

}  // namespace sirocco::cli
