// Jinja's builtin methods, with Jinja2 3.1's names, parameters and defaults.
#include "stdlib/jinja/methods.h"

namespace sirocco::jinja {

void register_methods(Registry&) {}

}  // namespace sirocco::jinja
