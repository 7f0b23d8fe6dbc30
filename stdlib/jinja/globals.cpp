// Jinja's builtin globals, with Jinja2 3.1's names, parameters and defaults.
#include "stdlib/jinja/globals.h"

namespace sirocco::jinja {

void register_globals(Registry&) {}

}  // namespace sirocco::jinja
