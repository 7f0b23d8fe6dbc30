// Internal pieces of Jinja's Python methods: the registration of each group.
#pragma once

#include "interp/jinja_runtime.h"
#include "stdlib/jinja/pystr.h"

namespace sirocco::jinja {

// str.format and str.format_map (methods_format.cpp).
void register_str_format(Registry& registry);
// The methods of list, tuple and dict (methods_collections.cpp).
void register_collection_methods(Registry& registry);

}  // namespace sirocco::jinja
