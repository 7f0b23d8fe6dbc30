// Jinja's library: the builtin filters (`x|name(args)`).
#pragma once

#include "interp/jinja_runtime.h"

namespace sirocco::jinja {

// Declares the builtin filters (`x|name(args)`) in the registry.
void register_filters(Registry& registry);

}  // namespace sirocco::jinja
