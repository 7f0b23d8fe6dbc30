// Tab completion candidates for the REPL, without a terminal: `:commands` at the start of a
// line, function names, `$variables`, and the keys of the data or of a variable after a
// dotted path (`$.a.b`, `_.a`, `$name.x`).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interp/value.h"

namespace sirocco::cli {

struct CompletionSources {
  std::vector<std::string> functions;                // sorted names
  std::vector<std::string> filters;                  // Jinja's, offered after `|`
  std::vector<std::string> tests;                    // Jinja's, offered after `is` / `is not`
  std::vector<std::pair<std::string, Value>> roots;  // "$", "_", "$name" and their values
};

// Where the word being completed begins: the run of letters, digits and `_ $ . :` that
// ends the text before the cursor.
size_t completion_word_start(std::string_view line);

// Where a file name starts when the text before the cursor ends in one (the argument of
// `:context`, or an `@FILE` of `:data` or `:env`; libedit completes those from the file
// system), else npos.
size_t file_name_start(std::string_view line);

// Whole replacements for the word that ends `line` (from completion_word_start), sorted,
// without duplicates; empty when nothing fits or the word is empty.
std::vector<std::string> completion_candidates(std::string_view line,
                                               const CompletionSources& sources);

}  // namespace sirocco::cli
