// The functions the REPL lists (:functions), explains (:help) and completes, by its
// language setting: YAQL's functions, and Jinja's filters (Mistral's functions among them),
// tests and globals.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cli/repl_input.h"
#include "interp/registry.h"

namespace sirocco::cli {

struct FunctionSection {
  enum class Kind { YaqlFunction, JinjaFilter, JinjaTest, JinjaGlobal } kind;
  std::string title;  // "YAQL functions", "Jinja filters" ...
  std::vector<std::pair<std::string, std::string>> entries;  // (name, signature), by name
};

// The sections of a language setting (yaql: YAQL; jinja: Jinja's three; auto: all four),
// holding the names that start with `prefix`.
std::vector<FunctionSection> function_sections(ReplLang lang, const yaql::Registry& yaql,
                                               const std::string& prefix = "");

// The names of a language setting's sections, sorted, without duplicates: all of them,
// and Jinja's filters and tests apart (completion offers them after `|` and `is`).
struct FunctionNames {
  std::vector<std::string> all, filters, tests;
};
FunctionNames function_names(ReplLang lang, const yaql::Registry& yaql);

}  // namespace sirocco::cli
