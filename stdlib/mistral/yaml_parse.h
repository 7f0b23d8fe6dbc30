// yaml_parse(): YAML text into values the way PyYAML's safe_load reads it (YAML 1.1 plain
// scalar resolution: `yes`/`on` are booleans, `0o`-less octal `012`, `0b101`, sexagesimal
// `1:30`, `.inf`, timestamps), with bounds on nesting and on alias expansion.
#pragma once

#include <string_view>

#include "interp/value.h"

namespace sirocco::mistral {

// The most values one document may expand to (aliases count each time they are used).
inline constexpr size_t kMaxYamlValues = 250'000;
inline constexpr size_t kMaxYamlDepth = 500;

// Throws Error("ParserError") for malformed YAML (with the line and column),
// Error("ConstructorError") for tags safe_load refuses, and
// Error("MemoryQuotaExceededException") past the bounds above.
Value parse_yaml(std::string_view text);

}  // namespace sirocco::mistral
