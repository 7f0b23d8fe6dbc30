// `sirocco functions`: the YAQL registry as `name<TAB>signature` lines.
#include "cli/functions_command.h"

#include <algorithm>
#include <iostream>

#include "stdlib/yaql/stdlib.h"

namespace sirocco::cli {

std::vector<std::pair<std::string, std::string>> yaql_signatures(const yaql::Registry& registry,
                                                                 const std::string& prefix) {
  std::vector<std::string> names = registry.names();
  std::sort(names.begin(), names.end());
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& name : names) {
    if (name.rfind(prefix, 0) != 0) continue;
    for (const auto& def : *registry.find(name)) out.emplace_back(name, def->signature);
  }
  return out;
}

int run_functions(const FunctionsOptions& options) {
  if (options.lang != "yaql") {
    std::cerr << "sirocco functions: unknown --lang '" << options.lang << "' (yaql)\n";
    return 2;
  }
  for (const auto& [name, signature] :
       yaql_signatures(*yaql::make_standard_registry(), options.prefix))
    std::cout << name << '\t' << signature << '\n';
  return 0;
}

}  // namespace sirocco::cli
