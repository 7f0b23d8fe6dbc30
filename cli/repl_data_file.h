// Data files for the REPL's `:data @FILE`, `:env @FILE` and `:context FILE`: JSON, or YAML
// read like PyYAML's safe_load (stdlib/mistral/yaml_parse.h).
#pragma once

#include <string>

#include "interp/value.h"

namespace sirocco::cli {

// A file ending in .yaml or .yml is YAML, anything else JSON. Throws Error: OSError when
// the file cannot be read, JSONDecodeError or the YAML parser's error when it does not
// parse.
Value load_data_file(const std::string& path);

}  // namespace sirocco::cli
