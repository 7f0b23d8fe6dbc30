// The REPL's catalogue of functions, from the YAQL registry and Jinja's library.
#include "cli/repl_functions.h"

#include <algorithm>

#include "cli/functions_command.h"
#include "stdlib/jinja/library.h"
#include "stdlib/mistral/jinja_functions.h"

namespace sirocco::cli {

std::vector<FunctionSection> function_sections(ReplLang lang, const yaql::Registry& yaql,
                                               const std::string& prefix) {
  std::vector<FunctionSection> sections;
  if (lang != ReplLang::Jinja) sections.push_back({"YAQL functions", signatures(yaql, prefix)});
  if (lang != ReplLang::Yaql) {
    const jinja::Library& library = jinja::builtin_library();
    FunctionSection filters{"Jinja filters", signatures(library.filters, prefix)};
    for (auto& entry : signatures(mistral::jinja_filters(), prefix))
      filters.entries.push_back(std::move(entry));
    std::stable_sort(filters.entries.begin(), filters.entries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    sections.push_back(std::move(filters));
    sections.push_back({"Jinja tests", signatures(library.tests, prefix)});
    sections.push_back({"Jinja globals", signatures(library.globals, prefix)});
  }
  return sections;
}

std::vector<std::string> function_names(ReplLang lang, const yaql::Registry& yaql) {
  std::vector<std::string> names;
  for (const FunctionSection& section : function_sections(lang, yaql))
    for (const auto& [name, signature] : section.entries) names.push_back(name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace sirocco::cli
