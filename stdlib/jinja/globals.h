// Jinja's library: the global functions (range, dict, lipsum, cycler, joiner, namespace).
#pragma once

#include "interp/jinja_runtime.h"

namespace sirocco::jinja {

// Declares the global functions (range, dict, lipsum, cycler, joiner, namespace) in the registry.
void register_globals(Registry& registry);

}  // namespace sirocco::jinja
