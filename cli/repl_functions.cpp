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
  if (lang != ReplLang::Jinja)
    sections.push_back(
        {FunctionSection::Kind::YaqlFunction, "YAQL functions", signatures(yaql, prefix)});
  if (lang != ReplLang::Yaql) {
    const jinja::Library& library = jinja::builtin_library();
    FunctionSection filters{FunctionSection::Kind::JinjaFilter, "Jinja filters",
                            signatures(library.filters, prefix)};
    for (auto& entry : signatures(mistral::jinja_filters(), prefix))
      filters.entries.push_back(std::move(entry));
    std::stable_sort(filters.entries.begin(), filters.entries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    sections.push_back(std::move(filters));
    sections.push_back(
        {FunctionSection::Kind::JinjaTest, "Jinja tests", signatures(library.tests, prefix)});
    sections.push_back(
        {FunctionSection::Kind::JinjaGlobal, "Jinja globals", signatures(library.globals, prefix)});
  }
  return sections;
}

namespace {

void sort_unique(std::vector<std::string>& names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
}

}  // namespace

FunctionNames function_names(ReplLang lang, const yaql::Registry& yaql) {
  FunctionNames names;
  for (const FunctionSection& section : function_sections(lang, yaql)) {
    for (const auto& [name, signature] : section.entries) {
      names.all.push_back(name);
      if (section.kind == FunctionSection::Kind::JinjaFilter) names.filters.push_back(name);
      if (section.kind == FunctionSection::Kind::JinjaTest) names.tests.push_back(name);
    }
  }
  sort_unique(names.all);
  sort_unique(names.filters);
  sort_unique(names.tests);
  return names;
}

}  // namespace sirocco::cli
