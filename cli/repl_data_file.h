// Data files for the REPL's `:data @FILE` and `:context FILE`: JSON, or YAML read with
// yaml-cpp and typed like PyYAML's safe_load (what Mistral uses).
#pragma once

#include <string>
#include <string_view>

#include "interp/value.h"

namespace sirocco::cli {

// A file ending in .yaml or .yml is YAML, anything else JSON. Throws Error: OSError when
// the file cannot be read, JSONDecodeError or YAMLError when it does not parse.
Value load_data_file(const std::string& path);

// YAML text as a Value: plain scalars become null, booleans (true/yes/on ...), decimal
// integers (exact, any size), floats (.inf, .nan too) or strings; quoted scalars stay
// strings. Throws Error("YAMLError") with yaml-cpp's message.
Value parse_yaml(std::string_view text);

}  // namespace sirocco::cli
