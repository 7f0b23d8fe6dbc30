// The Mistral functions as YAQL sees them (`env()`, `json_dump(x)`, `uuid()` ...), added to
// a YAQL registry; they read `$__env` and friends from the evaluation's variables.
#pragma once

#include "interp/registry.h"

namespace sirocco::mistral {

void register_yaql_functions(yaql::Registry& r);

}  // namespace sirocco::mistral
