// Jinja's library: the Python methods of str, list, dict and tuple that templates call.
#pragma once

#include "interp/jinja_runtime.h"

namespace sirocco::jinja {

// Declares the Python methods of str, list, dict and tuple that templates call in the registry.
void register_methods(Registry& registry);

}  // namespace sirocco::jinja
