// yaml_dump(): block-style YAML as PyYAML's safe_dump(default_flow_style=False) writes it:
// keys sorted (insertion order when they cannot be compared), 2-space indentation with
// sequences inside mappings not indented, scalars plain when they read back as the same
// value, else single-quoted, else double-quoted with ASCII escapes; lines folded at 80
// columns; a lone plain scalar ends the document with `...`.
#pragma once

#include <string>

#include "interp/value.h"

namespace sirocco::mistral {

// Throws Error("RepresenterError") for what safe_dump cannot represent (sets, timespans,
// functions).
std::string dump_yaml(const Value& v);

}  // namespace sirocco::mistral
