// The YAQL standard library: one registration function per module, and the full
// registry python-yaql's create_context() gives (Mistral's settings, no delegates).
#pragma once

#include <memory>

#include "interp/registry.h"

namespace sirocco::yaql {

void register_system(Registry& r);       // . ?. -> let with def unpack assert call, fallbacks
void register_common(Registry& r);       // = != and comparisons with null
void register_boolean(Registry& r);      // and or not bool isBoolean
void register_math(Registry& r);         // arithmetic, comparisons of numbers, math functions
void register_strings(Registry& r);      // string operators and methods
void register_collections(Registry& r);  // list dict set literals and methods, indexers
void register_queries(Registry& r);      // where select orderBy groupBy ...
void register_branching(Registry& r);    // switch coalesce examine selectCase ...
void register_regex(Registry& r);        // regex() and the string methods that take patterns
void register_datetime(Registry& r);     // datetime, timespan, now, formatting, parsing

// A registry with every module registered.
std::shared_ptr<Registry> make_standard_registry();

}  // namespace sirocco::yaql
