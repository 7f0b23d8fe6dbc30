// YAML 1.1 plain scalars as PyYAML resolves and constructs them: null, bool, int, float,
// timestamp, else the string itself.
#pragma once

#include <string_view>

#include "interp/value.h"

namespace sirocco::mistral {

// The value of an untagged plain scalar.
Value resolve_plain_scalar(std::string_view text);

// The value of a scalar with an explicit standard tag (`!!int 12`, `!!str yes`); `tag` is
// the short name (str, int, float, bool, null, timestamp). Throws ConstructorError when the
// text does not fit the tag.
Value construct_tagged_scalar(std::string_view tag, std::string_view text);

// Whether PyYAML would read the plain text as something other than that string (so a
// dumper must quote it).
bool plain_scalar_is_ambiguous(std::string_view text);

}  // namespace sirocco::mistral
