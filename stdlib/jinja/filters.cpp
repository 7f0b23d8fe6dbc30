// Jinja's builtin filters, with Jinja2 3.1's names, parameters and defaults.
#include "stdlib/jinja/filters.h"

namespace sirocco::jinja {

void register_filters(Registry&) {}

}  // namespace sirocco::jinja
