// Jinja's library: the builtin tests (`x is name(args)`).
#pragma once

#include "interp/jinja_runtime.h"

namespace sirocco::jinja {

// Declares the builtin tests (`x is name(args)`) in the registry.
void register_tests(Registry& registry);

}  // namespace sirocco::jinja
